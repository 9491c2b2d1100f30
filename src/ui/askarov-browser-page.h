/* askarov-browser-page.h — the case library: cases, their documents, search and the reader.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_BROWSER_PAGE (askarov_browser_page_get_type ())
G_DECLARE_FINAL_TYPE (AskarovBrowserPage, askarov_browser_page, ASKAROV, BROWSER_PAGE, GtkWidget)

void askarov_browser_page_set_store (AskarovBrowserPage *self,
                                     AskarovStore       *store);
void askarov_browser_page_import_files (AskarovBrowserPage  *self,
                                        GFile              **files,
                                        int                  n_files);
void askarov_browser_page_start_search (AskarovBrowserPage  *self);
G_END_DECLS
