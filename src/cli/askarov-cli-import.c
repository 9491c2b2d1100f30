/* askarov-cli-import.c — askarov --import FILE… and --list-cases: the library without a window.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "askarov-action-record.h"
#include "askarov-case-pack.h"
#include "askarov-cli.h"
#include "askarov-cli-private.h"
#include "askarov-extractor.h"
#include "askarov-importer.h"
#include "askarov-store-documents.h"
#include "askarov-store-records.h"

static AskarovStore *
open_library (const char *database_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = NULL;

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
  /* Like the app's first start: a fresh library has the built-in case. */
  if (!askarov_case_pack_install (store, TRUE, NULL, &error))
    {
      g_printerr (_("askarov: %s\n"), error->message);
      return NULL;
    }
  return g_steal_pointer (&store);
}

/* All of standard input, up to one byte past the import limit so that the
 * importer can say it is too large. */
static GBytes *
read_standard_input (GError **error)
{
  g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  gssize n;

  while (data->len <= ASKAROV_IMPORT_MAX_FILE_SIZE &&
         (n = g_input_stream_read (input, buffer, sizeof buffer, NULL, error)) != 0)
    {
      if (n < 0)
        return NULL;
      g_byte_array_append (data, buffer, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Imports one file (or "-"), in one transaction; prints its line. */
static gboolean
import_one (AskarovStore *store,
            const char   *path,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;
  g_autoptr(AskarovFacts) facts = NULL;
  g_autoptr(AskarovDocument) document = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  const char *reference;
  const char *state_date = NULL;
  AskarovCaseState state;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GBytes) bytes = read_standard_input (&error);

      if (bytes != NULL)
        imported = askarov_import_read_bytes (bytes, name != NULL ? name : _("standard input"), &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      imported = askarov_import_read_file (file, NULL, &error);
    }

  if (imported != NULL)
    {
      facts = askarov_extract (imported->text);
      document = askarov_document_new_from_import (imported, facts);
      if (name != NULL)
        askarov_document_set_title (document, name);
      if (!askarov_store_add_document (store, document, &error))
        g_clear_object (&document);
    }

  if (document == NULL)
    {
      /* Translators: one line per refused file; the first %s is the file
       * (“-” for standard input), the second why it was refused */
      g_printerr (_("%s: refused: %s\n"), path, error->message);
      return FALSE;
    }

  reference = askarov_document_get_reference (document);
  if (askarov_document_get_case_id (document) > 0)
    /* Translators: one line per imported file; the first %s is the file, the second a case name */
    g_string_append_printf (line, _("%s: imported into case “%s”"), path, askarov_document_get_case_name (document));
  else
    /* Translators: one line per imported file; %s is the file */
    g_string_append_printf (line, _("%s: imported, in no case (it names no person of concern)"), path);
  if (reference != NULL)
    /* Translators: appended to an import line; %s is a UA reference such as 61/20 */
    g_string_append_printf (line, _(", UA %s"), reference);
  state = askarov_document_get_case_state (document, &state_date);
  if (askarov_case_state_is_closed (state))
    {
      if (state_date != NULL)
        /* Translators: appended to an import line; the first %s is a case state (“Died”), the second a date */
        g_string_append_printf (line, _("; case closed: %s, %s"), askarov_case_state_get_label (state), state_date);
      else
        /* Translators: appended to an import line; %s is a case state (“Released”) */
        g_string_append_printf (line, _("; case closed: %s"), askarov_case_state_get_label (state));
    }
  if (imported->repaired)
    /* Translators: appended to an import line */
    g_string_append (line, _("; invalid UTF-8 was replaced with “�”"));
  g_print ("%s\n", line->str);
  return TRUE;
}

/**
 * askarov_cli_import:
 * @paths: files to import, "-" for standard input
 * @name: (nullable): the title for standard input (or a single file)
 *
 * Returns: 0 when every file was imported, 2 when any was refused (the
 *   others are imported), 1 when the library cannot be opened
 */
int
askarov_cli_import (const char * const *paths,
                    const char         *name,
                    const char         *database_path)
{
  g_autoptr(AskarovStore) store = NULL;
  gboolean all_ok = TRUE;
  guint n_stdin = 0;

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("askarov: --import needs at least one FILE (- for standard input)\n"));
      return ASKAROV_CLI_EXIT_USAGE;
    }
  for (guint i = 0; paths[i] != NULL; i++)
    n_stdin += g_str_equal (paths[i], "-");
  if (n_stdin > 1)
    {
      g_printerr (_("askarov: standard input (-) can be imported only once\n"));
      return ASKAROV_CLI_EXIT_USAGE;
    }
  if (name != NULL && g_strv_length ((char **) paths) > 1)
    {
      g_printerr (_("askarov: --name gives the title of a single file or of standard input\n"));
      return ASKAROV_CLI_EXIT_USAGE;
    }

  if (!(store = open_library (database_path)))
    return 1;
  for (guint i = 0; paths[i] != NULL; i++)
    if (!import_one (store, paths[i], name))
      all_ok = FALSE;
  return all_ok ? 0 : ASKAROV_CLI_EXIT_USAGE;
}

static void
add_case (JsonBuilder  *builder,
          AskarovStore *store,
          AskarovCase  *item,
          const char   *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = askarov_store_list_documents (store, askarov_case_get_id (item), &error);
  g_autoptr(GPtrArray) targets = askarov_store_list_target_choices (store, askarov_case_get_id (item), NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  AskarovCaseState state = askarov_case_get_state (item);
  const char *deadline = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, askarov_case_get_id (item));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, askarov_case_get_name (item));

  /* Oldest first, each once. */
  json_builder_set_member_name (builder, "references");
  json_builder_begin_array (builder);
  for (guint i = documents != NULL ? documents->len : 0; i > 0; i--)
    {
      AskarovDocument *document = g_ptr_array_index (documents, i - 1);
      const char *reference = askarov_document_get_reference (document);
      const char *day = askarov_document_get_deadline (document);

      if (day != NULL && g_strcmp0 (day, today) >= 0 && (deadline == NULL || g_strcmp0 (day, deadline) < 0))
        deadline = day;
      if (reference == NULL || g_hash_table_contains (seen, reference))
        continue;
      g_hash_table_add (seen, (gpointer) reference);
      json_builder_add_string_value (builder, reference);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, askarov_case_state_to_id (state));
  json_builder_set_member_name (builder, "state_date");
  if (askarov_case_get_state_date (item) != NULL)
    json_builder_add_string_value (builder, askarov_case_get_state_date (item));
  else
    json_builder_add_null_value (builder);
  /* A closed case has no deadline to keep. */
  json_builder_set_member_name (builder, "deadline");
  if (deadline != NULL && !askarov_case_state_is_closed (state))
    json_builder_add_string_value (builder, deadline);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "officials");
  json_builder_begin_array (builder);
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      AskarovTargetChoice *target = g_ptr_array_index (targets, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, target->name);
      json_builder_set_member_name (builder, "title");
      if (target->title != NULL)
        json_builder_add_string_value (builder, target->title);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Prints every case as a JSON array on standard output. */
int
askarov_cli_list_cases (const char *database_path)
{
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = askarov_date_today ();
  g_autofree char *text = NULL;

  if (!(store = open_library (database_path)))
    return 1;
  if (!(cases = askarov_store_list_cases (store, &error)))
    {
      g_printerr (_("askarov: %s\n"), error->message);
      return 1;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < cases->len; i++)
    add_case (builder, store, g_ptr_array_index (cases, i), today);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
  return 0;
}
