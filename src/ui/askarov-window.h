/* askarov-window.h — the main window: Documents, Compose and Actions in one adaptive frame.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-application.h"
#include "askarov-composer-page.h"
#include "askarov-tracker-page.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_WINDOW (askarov_window_get_type ())
G_DECLARE_FINAL_TYPE (AskarovWindow, askarov_window, ASKAROV, WINDOW, AdwApplicationWindow)

AskarovWindow *askarov_window_new          (AskarovApplication *application);
void           askarov_window_import_files (AskarovWindow      *self,
                                            GFile             **files,
                                            int                 n_files);
void           askarov_window_show_page    (AskarovWindow      *self,
                                            const char         *name);
void           askarov_window_add_toast    (AskarovWindow      *self,
                                            AdwToast           *toast);

gboolean       askarov_window_has_unsaved_work (AskarovWindow      *self);
void           askarov_window_set_restoring (AskarovWindow       *self,
                                             gboolean             restoring);
void           askarov_window_flush_async  (AskarovWindow       *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean       askarov_window_flush_finish (AskarovWindow       *self,
                                            GAsyncResult        *result,
                                            GError             **error);

AskarovComposerPage *askarov_window_get_composer_page (AskarovWindow *self);
AskarovTrackerPage  *askarov_window_get_tracker_page  (AskarovWindow *self);

G_END_DECLS
