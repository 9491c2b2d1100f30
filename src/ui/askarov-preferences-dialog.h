/* askarov-preferences-dialog.h — the sender's details and letter defaults.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-group.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_PREFERENCES_DIALOG (askarov_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AskarovPreferencesDialog, askarov_preferences_dialog, ASKAROV, PREFERENCES_DIALOG, AdwPreferencesDialog)

AdwDialog *askarov_preferences_dialog_new       (GSettings                *settings);
/* Shows the "Share with a Group" page for @group. */
void       askarov_preferences_dialog_set_group (AskarovPreferencesDialog *self,
                                                 AskarovGroup             *group);

G_END_DECLS
