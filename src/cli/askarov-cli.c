/* askarov-cli.c — parses the command-line modes and runs the one asked for.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-cli"

#include "config.h"

#include "askarov-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "askarov-cli-private.h"

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "extract", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the facts read from FILE (- for standard input) as JSON and exit"), N_("FILE") },
  { "write-letter", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Write an appeal letter and exit"), NULL },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Letter language, as an ISO 639-1 code"), N_("LANG") },
  { "role", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Role of the recipient: president, prime-minister, minister, prosecutor-general, ambassador, judge, prison-head, official"), N_("ROLE") },
  { "address-form", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Form of address: man, woman or unknown"), N_("FORM") },
  { "case", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Case to write about (id or name)"), N_("ID") },
  { "target", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Target number in the Urgent Action, from 1"), N_("N") },
  { "channel", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Channel: letter, email, fax, post or call"), N_("CHANNEL") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write to FILE (PDF when it ends in .pdf)"), N_("FILE") },
  { "export-actions", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export all logged actions as CSV to FILE (- for standard output) and exit"), N_("FILE") },
  { "import-actions", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import actions from a CSV FILE (- for standard input) and exit"), N_("FILE") },
  { NULL }
};

void
askarov_cli_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_parameter_string (app, N_("[FILE…]"));
}

/**
 * askarov_cli_handle:
 * @options: the parsed options
 * @database_path: the database the record commands use
 *
 * Returns: an exit status, or -1 when no command-line mode was asked for and
 *   the application should start as usual.
 */
int
askarov_cli_handle (GVariantDict *options,
                    const char   *database_path)
{
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("askarov %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "extract", "^&ay", &path))
    return askarov_cli_extract (path);

  if (g_variant_dict_contains (options, "write-letter"))
    return askarov_cli_write_letter (options, database_path);

  if (g_variant_dict_lookup (options, "export-actions", "^&ay", &path))
    return askarov_cli_export_actions (path, database_path);

  if (g_variant_dict_lookup (options, "import-actions", "^&ay", &path))
    return askarov_cli_import_actions (path, database_path);

  return -1;
}
