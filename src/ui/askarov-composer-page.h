/* askarov-composer-page.h — the page where an appeal letter is written and sent.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-letter.h"
#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_COMPOSER_PAGE (askarov_composer_page_get_type ())
G_DECLARE_FINAL_TYPE (AskarovComposerPage, askarov_composer_page, ASKAROV, COMPOSER_PAGE, GtkWidget)

AskarovLetter *askarov_composer_page_get_letter   (AskarovComposerPage *self);
gint64         askarov_composer_page_get_draft_id (AskarovComposerPage *self);
gboolean       askarov_composer_page_is_saved     (AskarovComposerPage *self);
void           askarov_composer_page_set_store    (AskarovComposerPage *self,
                                                   AskarovStore        *store);
void           askarov_composer_page_set_settings (AskarovComposerPage *self,
                                                   GSettings           *settings);
void           askarov_composer_page_compose_to   (AskarovComposerPage *self,
                                                   gint64               document_id,
                                                   int                  target_position);
void           askarov_composer_page_save_to_file_async  (AskarovComposerPage  *self,
                                                          GFile                *file,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean       askarov_composer_page_save_to_file_finish (AskarovComposerPage  *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void           askarov_composer_page_flush_async  (AskarovComposerPage  *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       askarov_composer_page_flush_finish (AskarovComposerPage  *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
