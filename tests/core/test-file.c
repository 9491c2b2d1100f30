/* test-file.c — atomic, private file writing (askarov-file.c).
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "askarov-file.h"

static char *
make_folder (const char *name)
{
  char *folder = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return folder;
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_file_new_and_replaced (void)
{
  g_autofree char *folder = make_folder ("new");
  g_autofree char *path = g_build_filename (folder, "report.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask;

  /* Even a permissive umask gives a private file. */
  old_umask = umask (0);
  g_assert_true (askarov_file_replace_contents (path, "first", 5, &error));
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "first");
  g_clear_pointer (&contents, g_free);

  /* An existing world-readable file is replaced by a private one. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (askarov_file_replace_contents (path, "second, longer", 14, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "second, longer");

  /* Empty data gives an empty file; no temporary file is left behind. */
  g_assert_true (askarov_file_replace_contents (path, NULL, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "");
  g_assert_cmpuint (count_entries (folder), ==, 1);
}

static void
test_file_stream_abort_and_commit (void)
{
  g_autofree char *folder = make_folder ("stream");
  g_autofree char *path = g_build_filename (folder, "export.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  AskarovFileReplace *out;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* Not committed: the old file stays, the temporary file goes. */
  out = askarov_file_replace_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (askarov_file_replace_get_temp_path (out), folder));
  g_assert_cmpuint (file_mode (askarov_file_replace_get_temp_path (out)), ==, 0600);
  g_assert_true (g_output_stream_write_all (askarov_file_replace_get_stream (out), "half", 4, NULL, NULL, &error));
  g_assert_cmpuint (count_entries (folder), ==, 2);
  askarov_file_replace_free (out);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (folder), ==, 1);
  g_clear_pointer (&contents, g_free);

  /* Another writer may fill the temporary file by its path. */
  out = askarov_file_replace_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (askarov_file_replace_get_temp_path (out), "by path", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  g_assert_true (askarov_file_replace_commit (out, &error));
  g_assert_no_error (error);
  askarov_file_replace_free (out);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "by path");
  g_assert_cmpuint (count_entries (folder), ==, 1);
}

static void
test_file_errors_name_the_file (void)
{
  g_autofree char *folder = make_folder ("errors");
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "out.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (askarov_file_replace_contents (missing, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "out.csv"));
  g_assert_cmpuint (count_entries (folder), ==, 0);
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!askarov_file_replace_contents_finish (result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_file_async (void)
{
  g_autofree char *folder = make_folder ("async");
  g_autofree char *path = g_build_filename (folder, "letter.txt", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Dear Minister", 13);
  g_autofree char *contents = NULL;
  GError *outcome = NULL;

  askarov_file_replace_contents_async (path, bytes, NULL, replaced_cb, &outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* "done" is what replaced_cb sets on success. */
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&outcome);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Dear Minister");
  g_assert_cmpuint (file_mode (path), ==, 0600);
}

static void
test_file_is_same (void)
{
  g_autofree char *folder = make_folder ("same");
  g_autofree char *a = g_build_filename (folder, "a.db", NULL);
  g_autofree char *link = g_build_filename (folder, "link.db", NULL);
  g_autofree char *dotted = g_build_filename (folder, ".", "a.db", NULL);
  g_autofree char *other = g_build_filename (folder, "b.db", NULL);

  g_assert_true (g_file_set_contents (a, "x", -1, NULL));
  g_assert_cmpint (symlink (a, link), ==, 0);
  g_assert_true (askarov_file_is_same (a, link));
  g_assert_true (askarov_file_is_same (a, dotted));
  g_assert_false (askarov_file_is_same (a, other));
  g_assert_true (askarov_file_is_same (other, other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/file/new-and-replaced", test_file_new_and_replaced);
  g_test_add_func ("/file/stream-abort-and-commit", test_file_stream_abort_and_commit);
  g_test_add_func ("/file/errors-name-the-file", test_file_errors_name_the_file);
  g_test_add_func ("/file/async", test_file_async);
  g_test_add_func ("/file/is-same", test_file_is_same);

  return g_test_run ();
}
