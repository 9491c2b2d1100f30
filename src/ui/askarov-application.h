/* askarov-application.h — the application: actions, command line, the shared database.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-group.h"
#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_APPLICATION (askarov_application_get_type ())
G_DECLARE_FINAL_TYPE (AskarovApplication, askarov_application, ASKAROV, APPLICATION, AdwApplication)

AskarovApplication *askarov_application_new            (const char         *application_id);
AskarovStore       *askarov_application_get_store      (AskarovApplication *self);
AskarovGroup       *askarov_application_get_group      (AskarovApplication *self);
const GError       *askarov_application_get_store_error (AskarovApplication *self);
GSettings          *askarov_application_get_settings   (AskarovApplication *self);
void                askarov_application_check_database (AskarovApplication *self);
void                askarov_application_restore_async  (AskarovApplication  *self,
                                                        const char          *path,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean            askarov_application_restore_finish (AskarovApplication  *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
gboolean            askarov_application_is_restoring   (AskarovApplication *self);

G_END_DECLS
