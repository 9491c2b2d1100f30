/* askarov-shortcuts-dialog.h — lists every keyboard shortcut of the app.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ASKAROV_TYPE_SHORTCUTS_DIALOG (askarov_shortcuts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AskarovShortcutsDialog, askarov_shortcuts_dialog, ASKAROV, SHORTCUTS_DIALOG, AdwDialog)

AdwDialog *askarov_shortcuts_dialog_new (void);

G_END_DECLS
