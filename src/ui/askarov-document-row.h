/* askarov-document-row.h — one document in the case library list: title, kind, date and search snippet.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-document.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_DOCUMENT_ROW (askarov_document_row_get_type ())
G_DECLARE_FINAL_TYPE (AskarovDocumentRow, askarov_document_row, ASKAROV, DOCUMENT_ROW, GtkWidget)

GtkWidget       *askarov_document_row_new          (void);
AskarovDocument *askarov_document_row_get_document (AskarovDocumentRow *self);
void             askarov_document_row_set_document (AskarovDocumentRow *self,
                                                    AskarovDocument    *document);

char            *askarov_format_date               (const char         *iso_date);
char            *askarov_snippet_to_markup         (const char         *snippet);
/* "Died · 25 July 2020", or just "Released" when the date is not known. */
char            *askarov_format_case_state         (AskarovCaseState    state,
                                                    const char         *state_date);

G_END_DECLS
