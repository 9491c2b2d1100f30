/* askarov-cli-letter.c — askarov --write-letter: write one appeal letter without a window.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "askarov-cli-private.h"

int
askarov_cli_write_letter (GVariantDict *options,
                          const char   *database_path)
{
  g_printerr (_("Writing letters is not available in this build yet.\n"));
  return 1;
}
