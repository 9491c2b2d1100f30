/* ui-test-utils.h — opens the real application window for tests and screenshots.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-application.h"
#include "askarov-window.h"

G_BEGIN_DECLS

void           ui_test_init          (int          *argc,
                                      char       ***argv);
AskarovWindow *ui_test_open_window   (AskarovApplication **app_out);
AskarovWindow *ui_test_open_window_empty (AskarovApplication **app_out);
AskarovWindow *ui_test_open_window_with_database (AskarovApplication **app_out,
                                                  const char          *database);
void           ui_test_wait_store    (AskarovApplication  *app);
void           ui_test_iterate       (guint                ms);
void           ui_test_resize        (GtkWindow           *window,
                                      int                  width,
                                      int                  height);
gboolean       ui_test_save_png      (GtkWidget           *widget,
                                      const char          *path,
                                      GError             **error);
void           ui_test_close         (AskarovApplication  *app,
                                      AskarovWindow       *window);

G_END_DECLS
