/* test-cli-import.c — askarov --import FILE… and --list-cases, run as a program.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "askarov-store-documents.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the built askarov with @args (NULL-terminated), @input on its
 * standard input, in this test's own data folder. */
static void
run_askarov (Run         *run,
             const char  *input,
             const char  *first_arg,
             ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) in = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("ASKAROV_BIN");
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_subprocess_launcher_set_cwd (launcher, g_get_user_data_dir ());

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  in = g_bytes_new (input != NULL ? input : "", input != NULL ? strlen (input) : 0);
  g_assert_true (g_subprocess_communicate (process, in, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  run->out = g_bytes_get_size (out) > 0 ? g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out)) : g_strdup ("");
  run->err = g_bytes_get_size (err) > 0 ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err)) : g_strdup ("");
  g_test_message ("status %d\nout: %s\nerr: %s", run->status, run->out, run->err);
}

/* Writes @contents (@length bytes, -1 for a string) to a file in the data folder. */
static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  return path;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Every document in the library, as "title|case" lines (newest first). */
static char *
library_snapshot (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "askarov", "askarov.db", NULL);
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  GString *snapshot = g_string_new (NULL);

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  documents = askarov_store_list_documents (store, ASKAROV_CASE_ANY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    g_string_append_printf (snapshot, "%s|%s\n", askarov_document_get_title (g_ptr_array_index (documents, i)),
                            askarov_document_get_case_name (g_ptr_array_index (documents, i)));
  return g_string_free (snapshot, FALSE);
}

static const char ua_text[] =
  "URGENT ACTION\n\n"
  "LAWYER HELD FOR DEFENDING CLIENTS\n\n"
  "UA: 209/15 Index: EUR 60/2734/2015 Tajikistan Date: 12 October 2015\n\n"
  "Buzurgmehr Yorov, a lawyer who took on cases of opposition members, was taken into custody "
  "in Dushanbe. Buzurgmehr Yorov is held without access to his family.\n\n"
  "Please write calling for the release of Buzurgmehr Yorov.\n\n"
  "PLEASE SEND APPEALS BEFORE 23 NOVEMBER 2035 to:\n\n"
  "Prosecutor General\nYusuf Rakhmon\nDushanbe, Tajikistan\nSalutation: Dear Prosecutor General\n";

/* Names nobody the extractor finds: it joins the case by its reference. */
static const char outcome_text[] =
  "Further information on UA 209/15 — outcome\n\n"
  "Buzurgmehr Yorov was released from prison on 4 May 2017 after an amnesty. "
  "No further action is needed from the network. Thank you to everyone who wrote.\n";

static void
test_import_and_list (void)
{
  g_autofree char *ua = write_file ("yorov-ua.txt", ua_text, -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *cases;
  JsonObject *yorov = NULL;
  JsonObject *askarov = NULL;

  run_askarov (&run, NULL, "--import", ua, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  g_assert_nonnull (strstr (run.out, "case “Buzurgmehr Yorov”"));
  g_assert_nonnull (strstr (run.out, "UA 209/15"));
  run_clear (&run);

  run_askarov (&run, NULL, "--list-cases", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  cases = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);

      if (g_str_equal (json_object_get_string_member (item, "name"), "Buzurgmehr Yorov"))
        yorov = item;
      else if (g_str_equal (json_object_get_string_member (item, "name"), "Azimjan Askarov"))
        askarov = item;
    }
  g_assert_nonnull (yorov);
  g_assert_cmpstr (json_object_get_string_member (yorov, "state"), ==, "open");
  g_assert_true (json_object_get_null_member (yorov, "state_date"));
  g_assert_cmpstr (json_object_get_string_member (yorov, "deadline"), ==, "2035-11-23");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (yorov, "references"), 0), ==, "209/15");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (yorov, "officials")), >=, 1);
  g_assert_true (json_object_has_member (json_array_get_object_element (json_object_get_array_member (yorov, "officials"), 0),
                                         "title"));
  /* The built-in case is closed: he died on 25 July 2020; no deadline. */
  g_assert_nonnull (askarov);
  g_assert_cmpstr (json_object_get_string_member (askarov, "state"), ==, "died");
  g_assert_cmpstr (json_object_get_string_member (askarov, "state_date"), ==, "2020-07-25");
  g_assert_true (json_object_get_null_member (askarov, "deadline"));
  run_clear (&run);

  /* The outcome, from standard input with a title, closes the case. */
  run_askarov (&run, outcome_text, "--import", "-", "--name", "Yorov freed", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "case “Buzurgmehr Yorov”"));
  g_assert_nonnull (strstr (run.out, "case closed: Released, 2017-05-04"));
  run_clear (&run);
  {
    g_autofree char *snapshot = library_snapshot ();

    g_assert_nonnull (strstr (snapshot, "Yorov freed|Buzurgmehr Yorov\n"));
  }
  run_askarov (&run, NULL, "--list-cases", NULL);
  g_assert_nonnull (strstr (run.out, "\"released\""));
}

static void
test_refused (void)
{
  g_autofree char *ua = write_file ("yorov-ua.txt", ua_text, -1);
  g_autofree char *binary = write_file ("photo.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 16);
  g_autofree char *empty = write_file ("empty.txt", "", 0);
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "not-there.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  run_askarov (&run, NULL, "--import", ua, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  before = library_snapshot ();

  /* Each bad file gets one line saying why; exit status 2; nothing saved. */
  run_askarov (&run, NULL, "--import", binary, empty, missing, ua, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (count_lines (run.err), ==, 4);
  g_assert_nonnull (strstr (run.err, "photo.txt: refused: "));
  g_assert_nonnull (strstr (run.err, "is an image"));
  g_assert_nonnull (strstr (run.err, "empty.txt: refused: "));
  g_assert_nonnull (strstr (run.err, "not-there.pdf: refused: "));
  /* The same UA again is a duplicate. */
  g_assert_nonnull (strstr (run.err, "already in the library"));
  run_clear (&run);
  after = library_snapshot ();
  g_assert_cmpstr (after, ==, before);

  /* Standard input with nothing on it. */
  run_askarov (&run, "", "--import", "-", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "-: refused: "));
  run_clear (&run);

  /* Usage mistakes. */
  run_askarov (&run, NULL, "--import", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--import needs"));
  run_clear (&run);
  run_askarov (&run, NULL, "--name", "A title", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  g_clear_pointer (&after, g_free);
  after = library_snapshot ();
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-import/import-and-list", test_import_and_list);
  g_test_add_func ("/cli-import/refused", test_refused);

  return g_test_run ();
}
