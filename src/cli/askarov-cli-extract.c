/* askarov-cli-extract.c — askarov --extract FILE: print what a document says, as JSON.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "askarov-cli-private.h"

int
askarov_cli_extract (const char *path)
{
  g_printerr (_("Extraction is not available in this build yet.\n"));
  return 1;
}
