/* test-cli-extract.c — runs the built `askarov --extract` as an organiser would and checks its JSON.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static const char *
askarov_bin (void)
{
  const char *bin = g_getenv ("ASKAROV_BIN");

  return bin != NULL ? bin : ASKAROV_BIN;
}

/* Runs askarov --extract ARG, feeding @input on standard input. */
static int
run_extract (const char  *arg,
             const char  *input,
             char       **out,
             char       **err)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("askarov-cli-XXXXXX", NULL);

  /* Never near the user's own database, and no session bus needed. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, askarov_bin (), "--extract", arg, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_rmdir (data_home);
  return g_subprocess_get_exit_status (process);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
strings_of (JsonObject *object,
            const char *key)
{
  JsonArray *array = json_object_get_array_member (object, key);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "," : "", json_array_get_string_element (array, i));
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static char *
corpus_path (const char *file)
{
  const char *dir = g_getenv ("ASKAROV_CORPUS_DIR");
  char *path = dir != NULL ? g_build_filename (dir, file, NULL) : NULL;

  if (path != NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

static void
test_corpus_file (void)
{
  static const char * const keys[] = {
    "kind", "reference", "index", "issued", "deadline", "title", "persons", "languages",
    "own_language_allowed", "update", "outcome", "outcome_date", "country", "asks",
    "language", "targets",
  };
  g_autofree char *path = corpus_path ("002_7170e70723e6a976.txt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *persons = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *address = NULL;
  g_autoptr(JsonObject) object = NULL;
  JsonArray *targets;
  JsonObject *target;

  if (path == NULL)
    {
      g_test_skip ("The case corpus (ASKAROV_CORPUS_DIR) is not available");
      return;
    }

  g_assert_cmpint (run_extract (path, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  object = parse_object (out);

  g_assert_cmpuint (json_object_get_size (object), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (object, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "update");
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "135/10");
  g_assert_cmpstr (json_object_get_string_member (object, "index"), ==, "EUR 58/015/2010");
  g_assert_cmpstr (json_object_get_string_member (object, "issued"), ==, "2010-09-15");
  g_assert_cmpstr (json_object_get_string_member (object, "deadline"), ==, "2010-10-27");
  persons = strings_of (object, "persons");
  g_assert_cmpstr (persons, ==, "Azimzhan Askarov");
  languages = strings_of (object, "languages");
  g_assert_cmpstr (languages, ==, "ru,ky,en");
  g_assert_true (json_object_get_boolean_member (object, "own_language_allowed"));
  g_assert_cmpint (json_object_get_int_member (object, "update"), ==, 5);

  targets = json_object_get_array_member (object, "targets");
  g_assert_cmpuint (json_array_get_length (targets), ==, 3);
  target = json_array_get_object_element (targets, 0);
  g_assert_cmpstr (json_object_get_string_member (target, "name"), ==, "Zarylbek Rysaliev");
  g_assert_cmpstr (json_object_get_string_member (target, "title"), ==, "Minister of Internal Affairs");
  g_assert_cmpstr (json_object_get_string_member (target, "salutation"), ==, "Dear Minister");
  g_assert_cmpstr (json_object_get_string_member (target, "fax"), ==, "+996 312 68 20 44");
  address = strings_of (target, "address");
  g_assert_cmpstr (address, ==, "Frunze Street, 469,Bishkek 720040, KYRGYZSTAN");
  g_assert_false (json_object_get_boolean_member (target, "copy"));
  target = json_array_get_object_element (targets, 2);
  g_assert_cmpstr (json_object_get_string_member (target, "name"), ==, "Roza Otunbaeva");
  g_assert_true (json_object_get_null_member (target, "salutation"));
  g_assert_true (json_object_get_boolean_member (target, "copy"));
}

static void
test_standard_input (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ASKAROV_SOURCE_DIR"), "tests", "data", "extract",
                                            "ua-french.txt", NULL);
  g_autofree char *input = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_extract ("-", input, &out, &err), ==, 0);
  object = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "88/21");
  g_assert_cmpstr (json_object_get_string_member (object, "deadline"), ==, "2021-04-14");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "targets")), ==, 2);
}

static void
test_html_input (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *languages = NULL;

  g_assert_cmpint (run_extract ("-", "<!DOCTYPE html><html><body><nav>Menu UA 99/99</nav>"
                                     "<h1>URGENT ACTION</h1><p>UA 7/21 Date: 2 May 2021</p>"
                                     "<p>Write in Spanish or English.</p></body></html>",
                                &out, &err), ==, 0);
  object = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "7/21");
  g_assert_cmpstr (json_object_get_string_member (object, "issued"), ==, "2021-05-02");
  languages = strings_of (object, "languages");
  g_assert_cmpstr (languages, ==, "es,en");
}

static void
test_unreadable (void)
{
  static const struct { const char *arg; const char *input; const char *named; } cases[] = {
    { "/nonexistent/askarov/ua.txt", NULL, "ua.txt" },
    { "-", "", NULL },
    { "-", "\x01\x02\x03\x04\x05\x06\x07\x08 binary", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_extract (cases[i].arg, cases[i].input, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "askarov: "));
      if (cases[i].named != NULL)
        g_assert_nonnull (strstr (err, cases[i].named));
    }
}

static void
test_repaired_warning (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_extract ("-", "URGENT ACTION\nUA 5/20 Caf\xe9 and a long enough text to be mostly fine.\n",
                                &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "UTF-8"));
  g_assert_nonnull (strstr (out, "\"5/20\""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/extract/corpus-file", test_corpus_file);
  g_test_add_func ("/cli/extract/standard-input", test_standard_input);
  g_test_add_func ("/cli/extract/html", test_html_input);
  g_test_add_func ("/cli/extract/unreadable", test_unreadable);
  g_test_add_func ("/cli/extract/repaired-warning", test_repaired_warning);

  return g_test_run ();
}
