/* askarov-cli-records.c — askarov --export-actions / --import-actions: CSV without a window.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "askarov-cli-private.h"

int
askarov_cli_export_actions (const char *path,
                            const char *database_path)
{
  g_printerr (_("Exporting actions is not available in this build yet.\n"));
  return 1;
}

int
askarov_cli_import_actions (const char *path,
                            const char *database_path)
{
  g_printerr (_("Importing actions is not available in this build yet.\n"));
  return 1;
}
