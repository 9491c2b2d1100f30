/* askarov-composer-preview.h — draws a letter's paper pages exactly as the PDF lays them out.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "askarov-letter-pdf.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_COMPOSER_PREVIEW (askarov_composer_preview_get_type ())
G_DECLARE_FINAL_TYPE (AskarovComposerPreview, askarov_composer_preview, ASKAROV, COMPOSER_PREVIEW, GtkWidget)

GtkWidget  *askarov_composer_preview_new       (void);
guint       askarov_composer_preview_get_n_pages (AskarovComposerPreview *self);
const char *askarov_composer_preview_get_text  (AskarovComposerPreview *self);
/* Lays @letter out again on @paper; NULL shows nothing. */
void        askarov_composer_preview_set_letter (AskarovComposerPreview *self,
                                                 AskarovLetter          *letter,
                                                 AskarovPaper            paper);

G_END_DECLS
