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
  { "letter-pack", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Write the PDF for a letter-writing evening (a letter to each official in each language, each with its envelope, and a tally sheet) to --output and exit"), NULL },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Letter language, as an ISO 639-1 code (for --letter-pack, a list such as ru,en)"), N_("LANG") },
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
  { "official", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --letter-pack: an official to write to, numbered from 1 as in the Urgent Action (repeatable, or 1,3); default: every official"), N_("N") },
  { "envelope", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --letter-pack: envelope size, dl (220 × 110 mm, the default) or c5 (229 × 162 mm)"), N_("SIZE") },
  { "sender-lines", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --letter-pack: print your name and address from Preferences on each letter"), NULL },
  { "return-address", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --letter-pack: print your address from Preferences on each envelope"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write to FILE (PDF when it ends in .pdf)"), N_("FILE") },
  { "export-actions", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export all logged actions as CSV to FILE (- for standard output) and exit"), N_("FILE") },
  { "import-actions", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import actions from a CSV FILE (- for standard input) and exit"), N_("FILE") },
  { "import", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Import the FILEs (- for standard input) into the library without a window, one line per file, and exit"), NULL },
  { "name", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import: the title of the document read from standard input"), N_("TITLE") },
  { "list-cases", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the cases (references, state, deadline, officials) as JSON and exit"), NULL },
  { NULL }
};

/* --import and --list-cases, parsed here: GApplication would take the
 * FILEs after --import as files to open in a window. */
static gboolean import_mode;
static gboolean list_cases_mode;
static char *import_name;
static char **import_files;

static const GOptionEntry headless_entries[] = {
  { "import", 0, 0, G_OPTION_ARG_NONE, &import_mode, NULL, NULL },
  { "name", 0, 0, G_OPTION_ARG_STRING, &import_name, NULL, NULL },
  { "list-cases", 0, 0, G_OPTION_ARG_NONE, &list_cases_mode, NULL, NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &import_files, NULL, NULL },
  { NULL }
};

/**
 * askarov_cli_run_headless:
 * @database_path: the library to use
 *
 * Runs `--import FILE…` or `--list-cases` when @argv asks for one (before
 * the application parses the command line).
 *
 * Returns: an exit status, or -1 when @argv asks for neither
 */
int
askarov_cli_run_headless (int          argc,
                          char       **argv,
                          const char  *database_path)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean wanted = FALSE;
  int status;

  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], "--import") || g_str_equal (argv[i], "--list-cases"))
      wanted = TRUE;
  if (!wanted)
    return -1;

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, headless_entries, GETTEXT_PACKAGE);
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr (_("askarov: %s\n"), error->message);
      return ASKAROV_CLI_EXIT_USAGE;
    }
  if (import_mode && list_cases_mode)
    {
      g_printerr (_("askarov: use either --import or --list-cases\n"));
      status = ASKAROV_CLI_EXIT_USAGE;
    }
  else if (import_mode)
    status = askarov_cli_import ((const char * const *) import_files, import_name, database_path);
  else if (import_files != NULL && import_files[0] != NULL)
    {
      g_printerr (_("askarov: --list-cases takes no files\n"));
      status = ASKAROV_CLI_EXIT_USAGE;
    }
  else
    status = askarov_cli_list_cases (database_path);

  g_clear_pointer (&import_files, g_strfreev);
  g_clear_pointer (&import_name, g_free);
  return status;
}

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

  if (g_variant_dict_contains (options, "letter-pack"))
    return askarov_cli_letter_pack (options, database_path);

  if (g_variant_dict_lookup (options, "export-actions", "^&ay", &path))
    return askarov_cli_export_actions (path, database_path);

  if (g_variant_dict_lookup (options, "import-actions", "^&ay", &path))
    return askarov_cli_import_actions (path, database_path);

  if (g_variant_dict_contains (options, "name"))
    {
      g_printerr (_("askarov: --name goes with --import\n"));
      return ASKAROV_CLI_EXIT_USAGE;
    }

  return -1;
}
