/* test-store.c — opening, migrating, checking, backing up and restoring the database.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "askarov-store.h"
#include "askarov-store-private.h"

static char *
temp_db_path (void)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own data dir. */
  return askarov_store_default_path ();
}

static void
insert_case (AskarovStore *store,
             const char   *name)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autoptr(sqlite3_stmt) stmt = askarov_store_prepare (store, "INSERT INTO cases (name) VALUES (?)", NULL);

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
test_store_new (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (askarov_store_get_schema_version (store), ==, ASKAROV_STORE_SCHEMA_VERSION);
  g_assert_null (askarov_store_get_moved_aside (store));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (askarov_store_integrity_check (store, &error));
  g_assert_no_error (error);

  /* The tables of every part exist. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                      "('cases','documents','targets','documents_fts','drafts','records')"), ==, 6);
}

static void
test_store_reopen_keeps_data (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  AskarovStore *store;

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  insert_case (store, "Azimjan Askarov");
  g_object_unref (store);

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (askarov_store_get_moved_aside (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 1);
  g_object_unref (store);
}

static void
test_store_foreign_keys_on (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = askarov_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "PRAGMA foreign_keys"), ==, 1);
}

static GPtrArray *
list_moved_aside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".corrupt-", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (found, g_build_filename (dir, name, NULL));
  return found;
}

static void
test_store_corrupt_moved_aside (void)
{
  g_autofree char *path = temp_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autofree char *contents = NULL;
  const char junk[] = "this is not a database, but it is somebody's file";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, junk, -1, NULL));

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (askarov_store_get_moved_aside (store));

  /* The damaged file is kept, byte for byte, and a fresh database works. */
  moved = list_moved_aside (path);
  g_assert_cmpuint (moved->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (moved, 0), ==, askarov_store_get_moved_aside (store));
  g_assert_true (g_file_get_contents (g_ptr_array_index (moved, 0), &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, junk);
  insert_case (store, "Fresh");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 1);
}

static void
test_store_damaged_pages_moved_aside (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  AskarovStore *store;

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Case %d with a long enough name to fill pages", i);
      insert_case (store, name);
    }
  g_object_unref (store);

  /* Overwrite the middle of the file (not the header) with garbage. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0xa5, length - 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (askarov_store_get_moved_aside (store));
  moved = list_moved_aside (path);
  g_assert_cmpuint (moved->len, ==, 1);
  g_object_unref (store);
}

static void
test_store_foreign_database_moved_aside (void)
{
  g_autofree char *path = temp_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('plov');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (askarov_store_get_moved_aside (store));

  /* The other program's data is intact in the moved file. */
  moved = list_moved_aside (path);
  g_assert_cmpuint (moved->len, ==, 1);
  g_assert_cmpint (sqlite3_open (g_ptr_array_index (moved, 0), &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM recipes", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "plov");
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}

static void
test_store_incomplete_schema_moved_aside (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) reopened = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  AskarovStore *store;

  /* A file at our version that lacks one of its tables (as a build of an
   * unreleased schema leaves behind) is moved aside, not used and failed on. */
  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  insert_case (store, "Kept in the moved file");
  {
    g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
    g_assert_true (askarov_store_exec (store, "DROP TABLE drafts", NULL));
  }
  g_object_unref (store);

  reopened = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (askarov_store_get_moved_aside (reopened));
  moved = list_moved_aside (path);
  g_assert_cmpuint (moved->len, ==, 1);
  g_assert_cmpint (count_rows (reopened, "SELECT count(*) FROM sqlite_schema WHERE name = 'drafts'"), ==, 1);
  g_assert_cmpint (count_rows (reopened, "SELECT count(*) FROM cases"), ==, 0);
}

static void
test_store_too_new_refused (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) reopened = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  AskarovStore *store;

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
    g_assert_true (askarov_store_exec (store, "PRAGMA user_version = 99", NULL));
  }
  g_object_unref (store);

  reopened = askarov_store_open (path, &error);
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_TOO_NEW);
  g_assert_null (reopened);

  /* A newer file is not ours to touch: it stays where it is. */
  moved = list_moved_aside (path);
  g_assert_cmpuint (moved->len, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
check_read_only_dir (const char *base)
{
  g_autofree char *dir = g_build_filename (base, "locked", NULL);
  g_autofree char *path = g_build_filename (dir, "sub", "askarov.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = NULL;

  if (g_mkdir_with_parents (dir, 0500) != 0)
    g_error ("Could not create %s: %s", dir, g_strerror (errno));
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  store = askarov_store_open (path, &error);
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_READ_ONLY);
  g_assert_null (store);
  g_chmod (dir, 0700);
}

/* Root ignores folder permissions, so as root the check runs in a child
 * process that has become the unprivileged user 65534. */
static void
test_store_read_only_dir (void)
{
  g_autofree char *base = NULL;

  if (geteuid () != 0)
    {
      check_read_only_dir (g_get_user_data_dir ());
      return;
    }
  if (g_test_subprocess ())
    {
      if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
        g_error ("Could not become user 65534: %s", g_strerror (errno));
      check_read_only_dir (g_getenv ("ASKAROV_TEST_BASE"));
      return;
    }

  /* Not under the test's own folders: those are private to root. */
  base = g_strdup ("/tmp/askarov-ro-XXXXXX");
  g_assert_nonnull (g_mkdtemp_full (base, 0700));
  g_assert_cmpint (chown (base, 65534, 65534), ==, 0);
  g_setenv ("ASKAROV_TEST_BASE", base, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("ASKAROV_TEST_BASE");
  {
    g_autofree char *locked = g_build_filename (base, "locked", NULL);

    g_rmdir (locked);
    g_rmdir (base);
  }
}

static void
test_store_backup_restore (void)
{
  g_autofree char *path = temp_db_path ();
  g_autofree char *backup = g_build_filename (g_get_user_data_dir (), "backup.askarov", NULL);
  g_autofree char *junk = g_build_filename (g_get_user_data_dir (), "junk.askarov", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = NULL;

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  insert_case (store, "Before backup");

  g_assert_true (askarov_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_IS_DIR));

  insert_case (store, "After backup");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 2);

  /* A file that is not a backup changes nothing. */
  g_assert_true (g_file_set_contents (junk, "garbage", -1, NULL));
  g_assert_false (askarov_store_restore (store, junk, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 2);

  g_assert_true (askarov_store_restore (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases WHERE name = 'Before backup'"), ==, 1);
}

/* A backup is private, and never written over the live database or its
 * journal files (which would destroy what it copies). */
static void
test_store_backup_private_not_live (void)
{
  g_autofree char *path = temp_db_path ();
  g_autofree char *backup = g_build_filename (g_get_user_data_dir (), "private.askarov", NULL);
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = NULL;
  const char * const suffixes[] = { "", "-wal", "-shm" };
  GStatBuf st;
  mode_t old_umask;

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  insert_case (store, "Kept");

  old_umask = umask (022);
  g_assert_true (askarov_store_backup (store, backup, &error));
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *live = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (askarov_store_backup (store, live, &error));
      g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_LIVE_FILE);
      g_clear_error (&error);
    }
  /* The same file by another name too. */
  {
    g_autofree char *link = g_build_filename (g_get_user_data_dir (), "link.askarov", NULL);

    g_assert_cmpint (symlink (path, link), ==, 0);
    g_assert_false (askarov_store_backup (store, link, &error));
    g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_LIVE_FILE);
    g_clear_error (&error);
  }
  g_assert_true (askarov_store_integrity_check (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases WHERE name = 'Kept'"), ==, 1);
  /* No temporary file was left beside the database. */
  folder = g_path_get_dirname (path);
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (name[0] == '.');
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/new", test_store_new);
  g_test_add_func ("/store/backup-private-not-live", test_store_backup_private_not_live);
  g_test_add_func ("/store/reopen-keeps-data", test_store_reopen_keeps_data);
  g_test_add_func ("/store/foreign-keys-on", test_store_foreign_keys_on);
  g_test_add_func ("/store/corrupt-moved-aside", test_store_corrupt_moved_aside);
  g_test_add_func ("/store/damaged-pages-moved-aside", test_store_damaged_pages_moved_aside);
  g_test_add_func ("/store/foreign-database-moved-aside", test_store_foreign_database_moved_aside);
  g_test_add_func ("/store/incomplete-schema-moved-aside", test_store_incomplete_schema_moved_aside);
  g_test_add_func ("/store/too-new-refused", test_store_too_new_refused);
  g_test_add_func ("/store/read-only-dir", test_store_read_only_dir);
  g_test_add_func ("/store/backup-restore", test_store_backup_restore);

  return g_test_run ();
}
