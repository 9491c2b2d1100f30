/* askarov-cli-records.c — askarov --export-actions / --import-actions: CSV without a window.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "askarov-cli.h"
#include "askarov-cli-private.h"
#include "askarov-records-csv.h"
#include "askarov-store-records.h"

static AskarovStore *
open_store (const char *database_path)
{
  g_autoptr(GError) error = NULL;
  AskarovStore *store;

  if (!(store = askarov_store_open (database_path, &error)))
    {
      /* Translators: %s is an error message */
      g_printerr (_("askarov: %s\n"), error->message);
      return NULL;
    }
  if (askarov_store_get_moved_aside (store) != NULL)
    /* Translators: %s is a file path */
    g_printerr (_("askarov: the database was damaged; it was kept as %s and a new one was started.\n"),
                askarov_store_get_moved_aside (store));
  return store;
}

int
askarov_cli_export_actions (const char *path,
                            const char *database_path)
{
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  gboolean ok;

  if (!(store = open_store (database_path)))
    return 1;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);

      ok = askarov_records_export_csv_stream (store, NULL, out, &n, NULL, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      ok = askarov_records_export_csv_file (store, NULL, file, &n, NULL, &error);
    }

  if (!ok)
    {
      g_printerr (_("askarov: %s\n"), error->message);
      return 1;
    }
  /* Translators: summary on standard error; %u is a number of actions, %s the file (“-” for standard output) */
  g_printerr (ngettext ("Exported %u action to %s\n", "Exported %u actions to %s\n", n), n, path);
  return 0;
}

/* Exit status: 0 when every row was imported or was already there, 1 when
 * some rows were rejected (the others were imported) or on any other
 * error, 2 when the input is not an actions CSV file at all. */
int
askarov_cli_import_actions (const char *path,
                            const char *database_path)
{
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(AskarovCsvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *added = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *rejected = NULL;

  if (!(store = open_store (database_path)))
    return 1;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);

      result = askarov_records_import_csv_stream (store, in, NULL, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      result = askarov_records_import_csv_file (store, file, NULL, &error);
    }

  if (result == NULL)
    {
      g_printerr (_("askarov: %s\n"), error->message);
      if (error->domain == ASKAROV_RECORDS_CSV_ERROR)
        return ASKAROV_CLI_EXIT_USAGE;
      return 1;
    }

  for (guint i = 0; i < result->rejected->len; i++)
    {
      AskarovCsvRejection *rejection = g_ptr_array_index (result->rejected, i);

      /* Compiler-style, so that editors can jump to the line. */
      g_printerr ("%s:%u: %s\n", path, rejection->line, rejection->message);
      g_string_append_printf (lines, "%s%u", i > 0 ? ", " : "", rejection->line);
    }

  /* Translators: part of the import summary; %u is a number of rows */
  added = g_strdup_printf (ngettext ("%u action added", "%u actions added", result->n_added), result->n_added);
  /* Translators: part of the import summary; %u is a number of rows */
  skipped = g_strdup_printf (ngettext ("%u skipped as a duplicate", "%u skipped as duplicates", result->n_duplicates),
                             result->n_duplicates);
  if (result->rejected->len > 0)
    /* Translators: part of the import summary; %u is a number of rows, %s their line numbers (“4, 9”) */
    rejected = g_strdup_printf (ngettext ("%u rejected (line %s)", "%u rejected (lines %s)", result->rejected->len),
                                result->rejected->len, lines->str);
  else
    rejected = g_strdup (_("none rejected"));

  /* Translators: the one-line import summary: the file, then the three parts above */
  g_printerr (_("Imported %s: %s, %s, %s\n"), path, added, skipped, rejected);
  return result->rejected->len > 0 ? 1 : 0;
}
