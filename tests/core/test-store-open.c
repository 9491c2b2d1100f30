/* test-store-open.c — a healthy database is never moved aside, and a restore takes only our own schema.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "askarov-store.h"
#include "askarov-store-private.h"

/* A VFS that passes everything to the default one, except that reads of
 * the main database file past @fail_from fail with SQLITE_IOERR_READ while
 * failing_reads is set: a disk that returns errors for some blocks. */
typedef struct
{
  sqlite3_file        base;
  const sqlite3_io_methods *real_methods;
  sqlite3_file       *real;   /* follows this struct in the same allocation */
  gboolean            main_db;
} ShimFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static sqlite3_io_methods shim_methods;
static gboolean failing_reads;
static sqlite3_int64 fail_from;
static guint n_failed_reads;

static int
shim_close (sqlite3_file *file)
{
  ShimFile *shim = (ShimFile *) file;

  return shim->real_methods->xClose (shim->real);
}

static int
shim_read (sqlite3_file  *file,
           void          *buffer,
           int            amount,
           sqlite3_int64  offset)
{
  ShimFile *shim = (ShimFile *) file;

  if (failing_reads && shim->main_db && offset >= fail_from)
    {
      n_failed_reads++;
      return SQLITE_IOERR_READ;
    }
  return shim->real_methods->xRead (shim->real, buffer, amount, offset);
}

#define FORWARD(name, params, args) \
  static int shim_##name params { ShimFile *shim = (ShimFile *) file; return shim->real_methods->x##name args; }

FORWARD (Write, (sqlite3_file *file, const void *b, int n, sqlite3_int64 o), (shim->real, b, n, o))
FORWARD (Truncate, (sqlite3_file *file, sqlite3_int64 size), (shim->real, size))
FORWARD (Sync, (sqlite3_file *file, int flags), (shim->real, flags))
FORWARD (FileSize, (sqlite3_file *file, sqlite3_int64 *size), (shim->real, size))
FORWARD (Lock, (sqlite3_file *file, int level), (shim->real, level))
FORWARD (Unlock, (sqlite3_file *file, int level), (shim->real, level))
FORWARD (CheckReservedLock, (sqlite3_file *file, int *out), (shim->real, out))
FORWARD (FileControl, (sqlite3_file *file, int op, void *arg), (shim->real, op, arg))
FORWARD (SectorSize, (sqlite3_file *file), (shim->real))
FORWARD (DeviceCharacteristics, (sqlite3_file *file), (shim->real))
FORWARD (ShmMap, (sqlite3_file *file, int region, int size, int extend, void volatile **out), (shim->real, region, size, extend, out))
FORWARD (ShmLock, (sqlite3_file *file, int offset, int n, int flags), (shim->real, offset, n, flags))
FORWARD (ShmUnmap, (sqlite3_file *file, int delete_flag), (shim->real, delete_flag))

static void
shim_ShmBarrier (sqlite3_file *file)
{
  ShimFile *shim = (ShimFile *) file;

  shim->real_methods->xShmBarrier (shim->real);
}

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  ShimFile *shim = (ShimFile *) file;
  int rc;

  shim->real = (sqlite3_file *) (shim + 1);
  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  shim->real_methods = shim->real->pMethods;
  shim->main_db = (flags & SQLITE_OPEN_MAIN_DB) != 0;
  /* SQLite calls xClose only when pMethods is set. */
  shim->base.pMethods = shim->real_methods != NULL ? &shim_methods : NULL;
  return rc;
}

static void
install_shim_vfs (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  shim_vfs = *real_vfs;
  shim_vfs.zName = "askarov-test-shim";
  shim_vfs.szOsFile = sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.xOpen = shim_open;

  shim_methods = (sqlite3_io_methods) {
    .iVersion = 2,
    .xClose = shim_close,
    .xRead = shim_read,
    .xWrite = shim_Write,
    .xTruncate = shim_Truncate,
    .xSync = shim_Sync,
    .xFileSize = shim_FileSize,
    .xLock = shim_Lock,
    .xUnlock = shim_Unlock,
    .xCheckReservedLock = shim_CheckReservedLock,
    .xFileControl = shim_FileControl,
    .xSectorSize = shim_SectorSize,
    .xDeviceCharacteristics = shim_DeviceCharacteristics,
    .xShmMap = shim_ShmMap,
    .xShmLock = shim_ShmLock,
    .xShmBarrier = shim_ShmBarrier,
    .xShmUnmap = shim_ShmUnmap,
  };
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
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

  while (d != NULL && (name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (found, g_build_filename (dir, name, NULL));
  return found;
}

/* A database with enough rows that its data pages lie well past its schema. */
static char *
make_filled_database (void)
{
  g_autofree char *path = askarov_store_default_path ();
  g_autoptr(AskarovStore) store = open_store ();

  exec_sql (store,
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
            "INSERT INTO cases (name, summary) SELECT 'Case ' || i, printf ('%.400c', 'x') FROM n");
  askarov_store_close (store);
  return g_steal_pointer (&path);
}

/* An I/O error while checking a healthy file is reported; the file stays
 * where it is, with everything in it. */
static void
test_store_io_error_not_moved_aside (void)
{
  g_autofree char *path = make_filled_database ();
  g_autofree char *clean = g_strconcat (path, ".clean", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(AskarovStore) store = NULL;
  GStatBuf st;

  /* Without the clean-close stamp the open runs the full quick check. */
  g_unlink (clean);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1024 * 1024);
  fail_from = st.st_size / 2;
  n_failed_reads = 0;
  failing_reads = TRUE;
  store = askarov_store_open (path, &error);
  failing_reads = FALSE;

  g_assert_cmpuint (n_failed_reads, >, 0);
  if (store != NULL)
    g_test_message ("opened; moved aside to %s", askarov_store_get_moved_aside (store));
  g_assert_null (store);
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED);
  moved = list_moved_aside (path);
  g_assert_cmpuint (moved->len, ==, 0);

  /* Once the disk reads again, every row is there. */
  g_clear_error (&error);
  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (askarov_store_get_moved_aside (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 3000);
}

/* When its write-ahead log cannot follow the database aside, the database
 * is put back: the two are never separated. */
static void
test_store_move_aside_keeps_wal_together (void)
{
  g_autofree char *path = askarov_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GPtrArray) blockers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char junk[] = "not a database";
  const char log[] = "a log that belongs to it";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  g_assert_true (g_file_set_contents (wal, log, -1, NULL));

  /* The moved-aside name carries the time to the second: a folder where its
   * log would go, for each second of the next minute, makes that rename fail. */
  for (int s = -2; s < 60; s++)
    {
      g_autoptr(GDateTime) t = g_date_time_add_seconds (now, s);
      g_autofree char *stamp = g_date_time_format (t, "%Y%m%d-%H%M%S");
      char *blocker = g_strdup_printf ("%s.corrupt-%s-wal", path, stamp);
      g_autofree char *inside = g_build_filename (blocker, "keep", NULL);

      g_assert_cmpint (g_mkdir_with_parents (inside, 0700), ==, 0);
      g_ptr_array_add (blockers, blocker);
    }

  moved = askarov_store_move_aside_files (path, "corrupt", &error);
  g_assert_null (moved);
  g_assert_nonnull (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, junk);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (wal, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, log);

  for (guint i = 0; i < blockers->len; i++)
    {
      g_autofree char *inside = g_build_filename (g_ptr_array_index (blockers, i), "keep", NULL);

      g_rmdir (inside);
      g_rmdir (g_ptr_array_index (blockers, i));
    }
}

static char *
make_backup (const char *extra_sql)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (askarov_store_get_path (store));
  char *backup = g_build_filename (dir, "backup.db", NULL);
  sqlite3 *db = NULL;

  exec_sql (store, "INSERT INTO cases (name) VALUES ('In the backup')");
  g_assert_true (askarov_store_backup (store, backup, &error));
  g_assert_no_error (error);

  if (extra_sql != NULL)
    {
      g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, extra_sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
  exec_sql (store, "DELETE FROM cases");
  exec_sql (store, "INSERT INTO cases (name) VALUES ('Live')");
  return backup;
}

static void
check_restore_refused (const char *extra_sql)
{
  g_autofree char *backup = make_backup (extra_sql);
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;

  g_assert_false (askarov_store_restore (store, backup, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CORRUPT);
  /* Nothing was changed. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases WHERE name = 'Live'"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'intruder%'"), ==, 0);
}

static void
test_store_restore_refuses_extra_trigger (void)
{
  check_restore_refused ("CREATE TRIGGER intruder AFTER INSERT ON cases BEGIN DELETE FROM records; END;");
}

static void
test_store_restore_refuses_extra_view (void)
{
  check_restore_refused ("CREATE VIEW intruder_view AS SELECT * FROM records;");
}

static void
test_store_restore_refuses_missing_table (void)
{
  check_restore_refused ("DROP TABLE drafts;");
}

static void
test_store_restore_takes_own_backup (void)
{
  /* ANALYZE (run by PRAGMA optimize) adds SQLite's own statistics table. */
  g_autofree char *backup = make_backup ("ANALYZE;");
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_store_restore (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases WHERE name = 'In the backup'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  install_shim_vfs ();

  g_test_add_func ("/store-open/io-error-not-moved-aside", test_store_io_error_not_moved_aside);
  g_test_add_func ("/store-open/move-aside-keeps-wal-together", test_store_move_aside_keeps_wal_together);
  g_test_add_func ("/store-open/restore-refuses-extra-trigger", test_store_restore_refuses_extra_trigger);
  g_test_add_func ("/store-open/restore-refuses-extra-view", test_store_restore_refuses_extra_view);
  g_test_add_func ("/store-open/restore-refuses-missing-table", test_store_restore_refuses_missing_table);
  g_test_add_func ("/store-open/restore-takes-own-backup", test_store_restore_takes_own_backup);

  return g_test_run ();
}
