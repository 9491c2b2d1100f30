/* askarov-document-view.h — the reader: one document's facts, targets, text and case timeline.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-document.h"
#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_DOCUMENT_VIEW (askarov_document_view_get_type ())
G_DECLARE_FINAL_TYPE (AskarovDocumentView, askarov_document_view, ASKAROV, DOCUMENT_VIEW, GtkWidget)

GtkWidget       *askarov_document_view_new          (void);
AskarovDocument *askarov_document_view_get_document (AskarovDocumentView *self);
void             askarov_document_view_set_store    (AskarovDocumentView *self,
                                                     AskarovStore        *store);
void             askarov_document_view_show         (AskarovDocumentView *self,
                                                     AskarovDocument     *document);
void             askarov_document_view_log_action   (AskarovDocumentView *self);

G_END_DECLS
