/* test-cli-records.c — askarov --export-actions / --import-actions, run as a program.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#define HEADER "taken_on,case,reference,target,target_title,channel,outcome,language,note,reported_on"

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

/* Runs the built askarov with @args, feeding it @input, in this test's own
 * data folder (never the user's). */
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
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GBytes) stdout_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("ASKAROV_BIN");
  const char *arg;
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_subprocess_launcher_set_cwd (launcher, g_get_user_data_dir ());

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  stdin_bytes = g_bytes_new (input != NULL ? input : "", input != NULL ? strlen (input) : 0);
  g_assert_true (g_subprocess_communicate (process, stdin_bytes, NULL, &stdout_bytes, &stderr_bytes, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  run->status = g_subprocess_get_exit_status (process);
  run->out = g_strndup (g_bytes_get_data (stdout_bytes, NULL), g_bytes_get_size (stdout_bytes));
  run->err = g_strndup (g_bytes_get_data (stderr_bytes, NULL), g_bytes_get_size (stderr_bytes));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static char *
data_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static void
test_cli_round_trip (void)
{
  g_autofree char *in_path = data_path ("in.csv");
  g_autofree char *out_path = data_path ("out.csv");
  g_autofree char *exported = NULL;
  Run run = { 0 };
  const char *csv =
    HEADER "\r\n"
    "2026-01-05,Азимжан Аскаров,12/34,\"Генпрокурор, КР\",,letter,sent,ru,\"line one\r\nline two\",\r\n"
    "2026-01-06,Азимжан Аскаров,12/34,Ambassador,,call,voicemail,en,\"'=HYPERLINK(\"\"x\"\")\",\r\n"
    "2026-01-07,Азимжан Аскаров,12/34,Ambassador,,call,maybe,en,,\r\n"
    "2026-01-08,Other,1/26,'+7 312 000,,fax,,ky,,2026-01-09\r\n";

  g_assert_true (g_file_set_contents (in_path, csv, -1, NULL));

  /* Export from an empty database: only the header. */
  run_askarov (&run, NULL, "--export-actions", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, HEADER ",id,volunteer\r\n");
  g_assert_cmpstr (run.err, ==, "Exported 0 actions to -\n");
  run_clear (&run);

  /* Import: three added, line 5 (after a two-line cell) rejected (exit 1), one summary line after the details. */
  run_askarov (&run, NULL, "--import-actions", in_path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ":5: the outcome “maybe”"));
  g_assert_true (g_str_has_suffix (run.err, ": 3 actions added, 0 skipped as duplicates, 1 rejected (line 5)\n"));
  run_clear (&run);

  /* Again: everything is a duplicate. */
  run_askarov (&run, NULL, "--import-actions", in_path, NULL);
  g_assert_true (g_str_has_suffix (run.err, ": 0 actions added, 3 skipped as duplicates, 1 rejected (line 5)\n"));
  run_clear (&run);

  /* Export to a file and to standard output: the same bytes. */
  run_askarov (&run, NULL, "--export-actions", out_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "Exported 3 actions to "));
  run_clear (&run);
  g_assert_true (g_file_get_contents (out_path, &exported, NULL, NULL));
  /* A new file, written privately and atomically (askarov-file). */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (out_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  /* Ten-column input, twelve-column output: each action with its new id and author. */
  g_assert_true (g_str_has_prefix (exported, HEADER ",id,volunteer\r\n2026-01-05,Азимжан Аскаров,12/34,\"Генпрокурор, КР\",,letter,sent,ru,\"line one\r\nline two\",,"));
  g_assert_nonnull (strstr (exported, ",\"'=HYPERLINK(\"\"x\"\")\","));
  g_assert_nonnull (strstr (exported, ",'+7 312 000,,fax,,ky,,2026-01-09,"));

  run_askarov (&run, NULL, "--export-actions", "-", NULL);
  g_assert_cmpstr (run.out, ==, exported);
  run_clear (&run);

  /* Standard input, all duplicates: exit 0 and one line. */
  run_askarov (&run, exported, "--import-actions", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "Imported -: 0 actions added, 3 skipped as duplicates, none rejected\n");
  run_clear (&run);
}

static void
test_cli_not_csv (void)
{
  g_autofree char *path = data_path ("notes.txt");
  g_autofree char *missing = data_path ("missing.csv");
  Run run = { 0 };

  g_assert_true (g_file_set_contents (path, "Shopping list\nmilk, bread\n", -1, NULL));
  run_askarov (&run, NULL, "--import-actions", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "not an Askarov actions CSV file"));
  run_clear (&run);

  run_askarov (&run, "", "--import-actions", "-", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_askarov (&run, "\x89PNG\r\n\x1a\n\x00\x00", "--import-actions", "-", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  /* Nothing was added by any of these. */
  run_askarov (&run, NULL, "--export-actions", "-", NULL);
  g_assert_cmpstr (run.out, ==, HEADER ",id,volunteer\r\n");
  run_clear (&run);

  /* A file that does not exist is an error, but not exit 2. */
  run_askarov (&run, NULL, "--import-actions", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "missing.csv"));
  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("ASKAROV_BIN") == NULL)
    {
      g_test_skip ("ASKAROV_BIN is not set");
      return g_test_run ();
    }

  g_test_add_func ("/cli-records/round-trip", test_cli_round_trip);
  g_test_add_func ("/cli-records/not-csv", test_cli_not_csv);

  return g_test_run ();
}
