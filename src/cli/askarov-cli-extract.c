/* askarov-cli-extract.c — askarov --extract FILE: print what a document says, as JSON.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "askarov-cli.h"
#include "askarov-cli-private.h"
#include "askarov-extractor.h"
#include "askarov-importer.h"

/* Standard input, read up to one byte past the limit so that the importer
 * can say it is too large. */
static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];

  while (data->len <= ASKAROV_IMPORT_MAX_FILE_SIZE)
    {
      gssize n = g_input_stream_read (input, buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

int
askarov_cli_extract (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;
  g_autoptr(AskarovFacts) facts = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *json = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GBytes) bytes = read_stdin (&error);

      if (bytes != NULL)
        imported = askarov_import_read_bytes (bytes, _("standard input"), &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      imported = askarov_import_read_file (file, NULL, &error);
    }

  if (imported == NULL)
    {
      /* Translators: %s is an error message saying which file could not be read and why */
      g_printerr (_("askarov: %s\n"), error->message);
      return ASKAROV_CLI_EXIT_USAGE;
    }
  if (imported->repaired)
    /* Translators: %s is a file name */
    g_printerr (_("askarov: “%s” had invalid UTF-8, replaced with “�” before reading it.\n"),
                imported->source_name);
  else if (imported->encoding != NULL)
    /* Translators: the first %s is a file name, the second an encoding such as windows-1252 */
    g_printerr (_("askarov: “%s” is not UTF-8 text; it was read as %s.\n"),
                imported->source_name, imported->encoding);

  facts = askarov_extract_with_title (imported->text, imported->title);
  node = askarov_facts_to_json (facts);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
  return 0;
}
