/* askarov-store.c — the SQLite database that holds cases, documents, drafts and records.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store"

#include "config.h"

#include "askarov-store.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "askarov-file.h"
#include "askarov-search-tokenizer-private.h"
#include "askarov-store-documents.h"
#include "askarov-store-private.h"

/* "ASKV": marks a database file as ours, so that a foreign one is never migrated. */
#define ASKAROV_APPLICATION_ID 0x41534b56

struct _AskarovStore
{
  GObject  parent_instance;
  GMutex   lock;
  sqlite3 *db;           /* owned */
  char    *path;
  char    *moved_aside;  /* where a damaged or foreign file was put, or NULL */
  int      data_version; /* PRAGMA data_version when other connections were last checked */
  int      file_jobs;    /* imports and exports running (atomic) */
};

enum {
  SIGNAL_EXTERNAL_CHANGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AskarovStore, askarov_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (askarov-store-error-quark, askarov_store_error)

/* Migration N -> N+1 is migrations[N]: a resource holding SQL. */
static const char * const migrations[] = {
  "/com/example/Askarov/core/askarov-schema.sql",
  "/com/example/Askarov/core/askarov-schema-2.sql",
  "/com/example/Askarov/core/askarov-schema-3.sql",
  "/com/example/Askarov/core/askarov-schema-4.sql",
  "/com/example/Askarov/core/askarov-schema-5.sql",
  "/com/example/Askarov/core/askarov-schema-6.sql",
  "/com/example/Askarov/core/askarov-schema-7.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ASKAROV_STORE_SCHEMA_VERSION);

static AskarovStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ASKAROV_STORE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return ASKAROV_STORE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return ASKAROV_STORE_ERROR_FULL;
    case SQLITE_CONSTRAINT:
      return ASKAROV_STORE_ERROR_CONSTRAINT;
    default:
      return ASKAROV_STORE_ERROR_FAILED;
    }
}

static gboolean
set_error_from_db (sqlite3     *db,
                   GError     **error,
                   const char  *what)
{
  int rc = sqlite3_extended_errcode (db);
  AskarovStoreError code = error_code_for (rc);

  if (code == ASKAROV_STORE_ERROR_FULL)
    /* Translators: %s says what was being saved, e.g. "Saving the action" */
    g_set_error (error, ASKAROV_STORE_ERROR, code,
                 _("%s failed: the disk is full. Free some space and try again; nothing was changed."), what);
  else if (code == ASKAROV_STORE_ERROR_READ_ONLY)
    /* Translators: %s says what was being saved */
    g_set_error (error, ASKAROV_STORE_ERROR, code,
                 _("%s failed: the data folder cannot be written to. Check its permissions."), what);
  else
    g_set_error (error, ASKAROV_STORE_ERROR, code, "%s: %s", what, sqlite3_errmsg (db));

  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_error_from_db (db, error, _("Updating the database"));
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_error_from_db (db, error, _("Reading the database"));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out = 0;
  else
    return set_error_from_db (db, error, _("Reading the database"));
  return TRUE;
}

/* What a check of the file found. Only CHECK_DAMAGED may move a file aside:
 * a busy file, an I/O error or a lack of memory says nothing about the file. */
typedef enum
{
  CHECK_OK,
  CHECK_DAMAGED,
  CHECK_FAILED,   /* the check itself could not run; the error says why */
} CheckResult;

/* Maps a failed SQLite call to DAMAGED only for SQLITE_CORRUPT / SQLITE_NOTADB. */
static CheckResult
check_failed (sqlite3     *db,
              GError     **error)
{
  if (error_code_for (sqlite3_extended_errcode (db)) == ASKAROV_STORE_ERROR_CORRUPT)
    return CHECK_DAMAGED;
  set_error_from_db (db, error, _("Checking the database"));
  return CHECK_FAILED;
}

/* Runs PRAGMA quick_check: OK when it says "ok", DAMAGED when it reports a
 * problem in the file. SQLite reports pages it could not read as problems
 * too ("unable to get the page. error code=266"): a read error, a busy file
 * or a lack of memory is not damage, so those make the check FAILED. */
static CheckResult
quick_check (sqlite3  *db,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(20)", -1, &stmt, NULL) != SQLITE_OK)
    return check_failed (db, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      const char *code_text = line != NULL ? strstr (line, "error code=") : NULL;

      if (g_strcmp0 (line, "ok") == 0)
        return CHECK_OK;
      if (code_text != NULL)
        {
          int code = (int) g_ascii_strtoll (code_text + strlen ("error code="), NULL, 10);

          if (error_code_for (code) != ASKAROV_STORE_ERROR_CORRUPT)
            {
              g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
                           /* Translators: %s is SQLite's own description of the error */
                           _("The database could not be read to check it (%s). It was left as it is; try again, and check the disk if this goes on."),
                           sqlite3_errstr (code));
              return CHECK_FAILED;
            }
        }
      g_string_append_printf (report, "%s\n", line);
    }
  if (rc != SQLITE_DONE)
    return check_failed (db, error);
  g_debug ("quick_check: %s", report->str);
  return CHECK_DAMAGED;
}

/* A database is ours when it carries our application id, or is brand new. */
static gboolean
is_ours (sqlite3 *db,
         gboolean *is_ours_out,
         GError  **error)
{
  int app_id = 0;
  int n_tables = 0;

  if (!query_int (db, "PRAGMA application_id", &app_id, error))
    return FALSE;
  if (!query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;
  *is_ours_out = (app_id == ASKAROV_APPLICATION_ID) || (app_id == 0 && n_tables == 0);
  return TRUE;
}

/* Runs the migrations from the file's version up to @target. */
static gboolean
migrate_to (sqlite3  *db,
            int       target,
            GError  **error)
{
  int version = 0;

  if (!query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version > ASKAROV_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_TOO_NEW,
                   _("The database was written by a newer version of Askarov. Update the app to open it; the file was left as it is."));
      return FALSE;
    }

  for (int step = version; step < target; step++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *bump = NULL;

      bytes = g_resources_lookup_data (migrations[step], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                              step + 1, ASKAROV_APPLICATION_ID);

      if (!exec_sql (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec_sql (db, sql, error) || !exec_sql (db, bump, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (!exec_sql (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      g_debug ("Migrated database to version %d", step + 1);
    }

  return TRUE;
}

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  return migrate_to (db, ASKAROV_STORE_SCHEMA_VERSION, error);
}

/* Renames the database and its WAL and shared-memory files together, so that
 * nothing is deleted and the database is never separated from its journal. */
char *
askarov_store_move_aside_files (const char  *path,
                                const char  *why,
                                GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *dest = NULL;
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint n = 0; ; n++)
    {
      g_free (dest);
      dest = n == 0 ? g_strdup_printf ("%s.%s-%s", path, why, stamp)
                    : g_strdup_printf ("%s.%s-%s-%u", path, why, stamp, n);
      if (!g_file_test (dest, G_FILE_TEST_EXISTS))
        break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (dest, suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          /* Put back what was already moved: the database must never be
           * separated from its write-ahead log. */
          for (guint j = i; j-- > 0;)
            {
              g_autofree char *back = g_strconcat (path, suffixes[j], NULL);
              g_autofree char *moved = g_strconcat (dest, suffixes[j], NULL);

              if (g_file_test (moved, G_FILE_TEST_EXISTS) && g_rename (moved, back) != 0)
                g_warning ("Could not move %s back to %s: %s", moved, back, g_strerror (errno));
            }
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: %s is a file path, the second %s a system error */
                       _("Could not move the damaged database %s aside: %s"),
                       from, g_strerror (saved_errno));
          return NULL;
        }
    }

  return g_steal_pointer (&dest);
}

/* The full-text index needs the stemming tokenizer on every connection that
 * touches it, the quick check included. */
static gboolean
register_tokenizer (sqlite3  *db,
                    GError  **error)
{
  if (askarov_search_register_tokenizer (db))
    return TRUE;
  g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
               _("The search index cannot be opened: this build of Askarov lacks its word stemmer (SQLite FTS5 or libstemmer). The database was left as it is."));
  return FALSE;
}

static sqlite3 *
open_connection (const char  *path,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      if (db == NULL)
        g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
                     _("Could not open the database %s"), path);
      else
        {
          /* Translators: %s is the database file path */
          g_autofree char *what = g_strdup_printf (_("Opening %s"), path);

          set_error_from_db (db, error, what);
          sqlite3_close_v2 (db);
        }
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  if (!register_tokenizer (db, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

/* The "clean close" stamp: the size and modification time the database
 * file had when this app last closed it cleanly. A file that still matches
 * it, with no write-ahead log left over, has not been touched since it was
 * last known good, so the O(N) quick check can be skipped; anything else
 * (a crash, another program, a damaged disk block rewritten) is checked. */
static char *
stamp_path_for (const char *path)
{
  return g_strconcat (path, ".clean", NULL);
}

static char *
file_stamp (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                          (guint64) st.st_ino, (gint64) st.st_size,
                          (gint64) st.st_mtim.tv_sec, (gint64) st.st_mtim.tv_nsec,
                          (gint64) st.st_ctim.tv_sec, (gint64) st.st_ctim.tv_nsec);
}

static gboolean
closed_cleanly (const char *path)
{
  g_autofree char *stamp_path = stamp_path_for (path);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  GStatBuf st;

  if (g_stat (wal_path, &st) == 0 && st.st_size > 0)
    return FALSE;
  if (!g_file_get_contents (stamp_path, &expected, NULL, NULL))
    return FALSE;
  actual = file_stamp (path);
  return actual != NULL && g_str_equal (g_strstrip (expected), actual);
}

/* The name and type of every table, index, trigger and view that the
 * migrations up to @version create, sorted, as "type name" strings; found by
 * running them on an empty in-memory database. */
static GPtrArray *
schema_names_at (int version)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *memory = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open (":memory:", &memory) == SQLITE_OK &&
      register_tokenizer (memory, NULL) &&
      migrate_to (memory, version, NULL) &&
      sqlite3_prepare_v2 (memory, "SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY 1", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (found, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (memory);
  return found;
}

/* schema_names_at() the current version, found once. */
static GPtrArray *
expected_schema_names (void)
{
  static GPtrArray *names = NULL;

  if (g_once_init_enter_pointer (&names))
    g_once_init_leave_pointer (&names, schema_names_at (ASKAROV_STORE_SCHEMA_VERSION));
  return names;
}

/* TRUE when @db holds exactly the tables, indexes, triggers and views that
 * our migrations create at @version: nothing missing, nothing added. The
 * statistics tables that PRAGMA optimize makes are SQLite's own, not ours. */
static gboolean
schema_matches (sqlite3 *db,
                int      version)
{
  g_autoptr(GPtrArray) expected = schema_names_at (version);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint i = 0;
  int rc;

  if (expected->len == 0 ||
      sqlite3_prepare_v2 (db, "SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY 1", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (i >= expected->len || g_strcmp0 (name, g_ptr_array_index (expected, i)) != 0)
        {
          g_debug ("Backup schema differs at %s", name);
          return FALSE;
        }
      i++;
    }
  return rc == SQLITE_DONE && i == expected->len;
}

/* A file that says it is at our schema version but lacks some of its tables
 * (an interrupted restore, a hand edit, or a development build of an
 * unreleased schema) would fail on first use: treat it as damaged. */
static CheckResult
schema_complete (sqlite3  *db,
                 GError  **error)
{
  GPtrArray *names = expected_schema_names ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type || ' ' || name = ?", -1, &stmt, NULL) != SQLITE_OK)
    return check_failed (db, error);
  for (guint i = 0; i < names->len; i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, g_ptr_array_index (names, i), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_debug ("Database lacks %s", (const char *) g_ptr_array_index (names, i));
          return CHECK_DAMAGED;
        }
      if (rc != SQLITE_ROW)
        return check_failed (db, error);
    }
  return CHECK_OK;
}

/* Opens, checks and configures @path. Sets *damaged when the file is
 * corrupt or not ours, in which case the caller moves it aside. */
static sqlite3 *
open_checked (const char  *path,
              gboolean    *damaged,
              GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ours = FALSE;
  CheckResult check = CHECK_OK;
  g_autoptr(GError) local_error = NULL;

  *damaged = FALSE;

  if (!(db = open_connection (path, error)))
    return NULL;

  if (!is_ours (db, &ours, &local_error))
    check = local_error->code == ASKAROV_STORE_ERROR_CORRUPT ? CHECK_DAMAGED : CHECK_FAILED;
  else if (!ours)
    check = CHECK_DAMAGED;
  else if (!closed_cleanly (path))
    check = quick_check (db, &local_error);
  if (check != CHECK_OK)
    {
      *damaged = check == CHECK_DAMAGED;
      if (check == CHECK_FAILED)
        g_propagate_error (error, g_steal_pointer (&local_error));
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (!exec_sql (db,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA trusted_schema = OFF;",
                 error) ||
      !migrate (db, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  check = schema_complete (db, error);
  if (check != CHECK_OK)
    {
      *damaged = check == CHECK_DAMAGED;
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  AskarovStore *store;

  if ((store = askarov_store_open (path, &error)))
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
askarov_store_finalize (GObject *object)
{
  AskarovStore *self = ASKAROV_STORE (object);

  askarov_store_close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->moved_aside, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (askarov_store_parent_class)->finalize (object);
}

static void
askarov_store_class_init (AskarovStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = askarov_store_finalize;

  /**
   * AskarovStore::external-change:
   *
   * The database changed by other means than this connection's own calls
   * (another process such as `askarov --import-actions`, another
   * connection, a restore): everything read from it may be stale. Emitted
   * in the thread that called askarov_store_check_external_change() or
   * askarov_store_emit_external_change().
   */
  signals[SIGNAL_EXTERNAL_CHANGE] =
    g_signal_new ("external-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
askarov_store_init (AskarovStore *self)
{
  g_mutex_init (&self->lock);
}

/**
 * askarov_store_default_path:
 *
 * Returns: the database path in the user data directory (the Flatpak's own
 *   data directory when sandboxed).
 */
char *
askarov_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "askarov", "askarov.db", NULL);
}

/**
 * askarov_store_open:
 * @path: the database file, created when missing
 *
 * Opens the database, runs the quick check (unless the file is exactly as
 * this app last closed it cleanly) and any migrations. A file that is
 * damaged or is not an Askarov database is renamed (with its WAL) to
 * `PATH.corrupt-STAMP` and a fresh database is created in its place;
 * askarov_store_get_moved_aside() then says where it went.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AskarovStore *
askarov_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(AskarovStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *moved = NULL;
  gboolean damaged = FALSE;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_READ_ONLY,
                   /* Translators: %s is a folder, the second %s a system error */
                   _("Could not create the data folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  db = open_checked (path, &damaged, error);
  if (db == NULL && damaged)
    {
      const char *why = "corrupt";

      if (!(moved = askarov_store_move_aside_files (path, why, error)))
        return NULL;
      g_message ("Database %s was damaged or not ours; moved it to %s", path, moved);
      db = open_checked (path, &damaged, error);
      if (db == NULL && damaged)
        g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CORRUPT,
                     _("Could not create a new database at %s"), path);
    }
  if (db == NULL)
    return NULL;

  /* Until the next clean close, the file counts as unchecked. */
  {
    g_autofree char *stamp_path = stamp_path_for (path);

    g_unlink (stamp_path);
  }

  self = g_object_new (ASKAROV_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);
  self->moved_aside = g_steal_pointer (&moved);
  if (!query_int (db, "PRAGMA data_version", &self->data_version, NULL))
    self->data_version = -1;

  /* Libraries from before every Urgent Action was a case: a failure here
   * leaves them as they were and is tried again next time. */
  {
    g_autoptr(GError) group_error = NULL;

    if (!askarov_store_group_loose_documents (self, FALSE, NULL, &group_error))
      g_warning ("Could not group the documents into cases: %s", group_error->message);
  }

  return g_steal_pointer (&self);
}

void
askarov_store_open_async (const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_worker);
}

AskarovStore *
askarov_store_open_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
askarov_store_get_path (AskarovStore *self)
{
  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  return self->path;
}

/**
 * askarov_store_get_moved_aside:
 *
 * Returns: (nullable): where a damaged or foreign database file was moved
 *   when this store was opened, or %NULL
 */
const char *
askarov_store_get_moved_aside (AskarovStore *self)
{
  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  return self->moved_aside;
}

gint64
askarov_store_get_change_count (AskarovStore *self)
{
  g_return_val_if_fail (ASKAROV_IS_STORE (self), 0);

  /* The connection is opened with SQLITE_OPEN_FULLMUTEX, so this is safe
   * without our lock. */
  return self->db != NULL ? sqlite3_total_changes64 (self->db) : 0;
}

/**
 * askarov_store_check_external_change:
 *
 * Asks SQLite whether another connection (another process, another
 * #AskarovStore on the same file) committed a change since the last check,
 * with PRAGMA data_version, and emits #AskarovStore::external-change when
 * one did. Cheap; does not wait for the store's lock: while a write of this
 * store holds it, nothing is checked and %FALSE is returned with @busy set,
 * so that the caller can try again later.
 *
 * Returns: %TRUE when a change was found (and the signal emitted)
 */
gboolean
askarov_store_check_external_change (AskarovStore *self,
                                     gboolean     *busy)
{
  int version = -1;
  gboolean changed;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);

  if (busy != NULL)
    *busy = FALSE;
  if (!g_mutex_trylock (&self->lock))
    {
      if (busy != NULL)
        *busy = TRUE;
      return FALSE;
    }
  if (self->db == NULL || !query_int (self->db, "PRAGMA data_version", &version, NULL))
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  changed = version != self->data_version;
  self->data_version = version;
  g_mutex_unlock (&self->lock);

  if (changed)
    {
      g_debug ("Another connection changed %s", self->path);
      g_signal_emit (self, signals[SIGNAL_EXTERNAL_CHANGE], 0);
    }
  return changed;
}

/**
 * askarov_store_emit_external_change:
 *
 * Emits #AskarovStore::external-change, for changes this connection made
 * that replace everything (a restore from a backup).
 */
void
askarov_store_emit_external_change (AskarovStore *self)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));

  g_signal_emit (self, signals[SIGNAL_EXTERNAL_CHANGE], 0);
}

/**
 * askarov_store_begin_file_job:
 *
 * Says that an import or export on this store has started (any thread);
 * askarov_store_restore() refuses to run until the matching
 * askarov_store_end_file_job().
 */
void
askarov_store_begin_file_job (AskarovStore *self)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));

  g_atomic_int_inc (&self->file_jobs);
}

void
askarov_store_end_file_job (AskarovStore *self)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (g_atomic_int_get (&self->file_jobs) > 0);

  g_atomic_int_dec_and_test (&self->file_jobs);
}

gboolean
askarov_store_has_file_jobs (AskarovStore *self)
{
  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);

  return g_atomic_int_get (&self->file_jobs) > 0;
}

int
askarov_store_get_schema_version (AskarovStore *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  int version = -1;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), -1);

  locker = askarov_store_lock (self);
  if (!query_int (self->db, "PRAGMA user_version", &version, NULL))
    return -1;
  return version;
}

gboolean
askarov_store_integrity_check (AskarovStore  *self,
                               GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self, "PRAGMA integrity_check(1)", error)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return askarov_store_set_error (self, error, _("Checking the database"));
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CORRUPT,
                   _("The database is damaged: %s"), sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_database (sqlite3     *dest,
               sqlite3     *src,
               GError     **error)
{
  sqlite3_backup *backup;
  int rc;

  if (!(backup = sqlite3_backup_init (dest, "main", src, "main")))
    return set_error_from_db (dest, error, _("Copying the database"));

  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return set_error_from_db (dest, error, _("Copying the database"));
  return TRUE;
}

/* Whether @dest_path is the live database or one of its companion files:
 * a backup written there would destroy the data it copies. */
static gboolean
is_live_file (AskarovStore *self,
              const char   *dest_path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *live = g_strconcat (self->path, suffixes[i], NULL);

      if (askarov_file_is_same (dest_path, live))
        return TRUE;
    }
  return FALSE;
}

/**
 * askarov_store_backup:
 * @dest_path: where to write the copy
 *
 * Writes a consistent copy of the whole database with SQLite's online backup
 * API to a private (0600) temporary file beside @dest_path, syncs it and
 * renames it over @dest_path (askarov-file.h), so that an existing backup is
 * never left half-written. The live database itself, or its journal files,
 * are refused as a destination.
 */
gboolean
askarov_store_backup (AskarovStore  *self,
                      const char    *dest_path,
                      GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(AskarovFileReplace) out = NULL;
  sqlite3 *dest = NULL;
  gboolean ok;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (self->path != NULL && is_live_file (self, dest_path))
    {
      g_autofree char *name = g_filename_display_name (dest_path);

      /* Translators: %s is a file path */
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_LIVE_FILE,
                   _("%s is the database Askarov is using, or one of its own files. Choose another name or folder for the backup."),
                   name);
      return FALSE;
    }

  if (!(out = askarov_file_replace_new (dest_path, error)))
    return FALSE;

  if (sqlite3_open_v2 (askarov_file_replace_get_temp_path (out), &dest,
                       SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      /* Translators: %s is a file path */
      g_autofree char *what = g_strdup_printf (_("Writing the backup %s"), dest_path);

      ok = set_error_from_db (dest, error, what);
      sqlite3_close_v2 (dest);
      return ok;
    }

  locker = askarov_store_lock (self);
  ok = copy_database (dest, self->db, error);
  if (ok && sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    ok = set_error_from_db (dest, error, _("Writing the backup"));
  g_clear_pointer (&locker, g_mutex_locker_free);
  if (sqlite3_close_v2 (dest) != SQLITE_OK && ok)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
                   _("Could not finish writing the backup %s."), dest_path);
      ok = FALSE;
    }

  /* Freeing @out without a commit removes the temporary file. */
  return ok && askarov_file_replace_commit (out, error);
}

/**
 * askarov_store_restore:
 * @src_path: a backup written by askarov_store_backup()
 *
 * Replaces the whole database with the backup. The backup is checked first
 * (that it is an Askarov database, not newer than this app, and not damaged);
 * on any error the current database is left as it was.
 */
gboolean
askarov_store_restore (AskarovStore  *self,
                       const char    *src_path,
                       GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3 *src = NULL;
  gboolean ours = FALSE;
  int version = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (src_path != NULL, FALSE);

  if (askarov_store_has_file_jobs (self))
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_BUSY,
                   _("An import or export is still running. Restore the backup once it is done; nothing was changed."));
      return FALSE;
    }

  if (sqlite3_open_v2 (src_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      /* Translators: %s is a file path */
      g_autofree char *what = g_strdup_printf (_("Opening the backup %s"), src_path);

      set_error_from_db (src, error, what);
      sqlite3_close_v2 (src);
      return FALSE;
    }
  sqlite3_db_config (src, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  if (!register_tokenizer (src, error))
    goto out;

  if (!is_ours (src, &ours, NULL) || !ours || quick_check (src, NULL) != CHECK_OK ||
      !query_int (src, "PRAGMA user_version", &version, NULL) || version < 1)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CORRUPT,
                   /* Translators: %s is a file path */
                   _("%s is not an Askarov backup, or it is damaged. Nothing was changed."), src_path);
      goto out;
    }
  if (version > ASKAROV_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_TOO_NEW,
                   _("The backup %s was made by a newer version of Askarov. Nothing was changed."), src_path);
      goto out;
    }

  /* Only what our own migrations make comes in: a backup missing tables
   * would be moved aside at the next start, and extra triggers or views
   * would run inside the live database. */
  if (!schema_matches (src, version))
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CORRUPT,
                   /* Translators: %s is a file path */
                   _("%s does not have the layout of an Askarov backup: it lacks tables or has parts added by another program. Nothing was changed."),
                   src_path);
      goto out;
    }

  locker = askarov_store_lock (self);
  if (!copy_database (self->db, src, error))
    goto out;
  ok = migrate (self->db, error) &&
       exec_sql (self->db, "PRAGMA foreign_keys = ON", error);

out:
  sqlite3_close_v2 (src);
  return ok;
}

/**
 * askarov_store_close:
 *
 * Runs PRAGMA optimize and closes the connection, then records the file's
 * identity so that the next open can skip the quick check when nothing
 * touched the file in between. Further calls fail.
 */
void
askarov_store_close (AskarovStore *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (ASKAROV_IS_STORE (self));

  locker = askarov_store_lock (self);
  if (self->db != NULL)
    {
      sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      if (sqlite3_close_v2 (self->db) == SQLITE_OK && self->path != NULL)
        {
          g_autofree char *stamp_path = stamp_path_for (self->path);
          g_autofree char *stamp = file_stamp (self->path);

          /* Best effort: without the stamp the next open runs the quick check. */
          if (stamp != NULL)
            g_file_set_contents (stamp_path, stamp, -1, NULL);
        }
      self->db = NULL;
    }
}

/* Private API shared with the area files (askarov-store-private.h). */

GMutexLocker *
askarov_store_lock (AskarovStore *self)
{
  return g_mutex_locker_new (&self->lock);
}

sqlite3 *
askarov_store_get_db (AskarovStore *self)
{
  return self->db;
}

gboolean
askarov_store_set_error (AskarovStore  *self,
                         GError       **error,
                         const char    *what)
{
  if (self->db == NULL)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
                   _("%s failed: the database is closed."), what);
      return FALSE;
    }
  return set_error_from_db (self->db, error, what);
}

gboolean
askarov_store_exec (AskarovStore  *self,
                    const char    *sql,
                    GError       **error)
{
  if (self->db == NULL)
    return askarov_store_set_error (self, error, _("Updating the database"));
  return exec_sql (self->db, sql, error);
}

sqlite3_stmt *
askarov_store_prepare (AskarovStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (self->db == NULL)
    {
      askarov_store_set_error (self, error, _("Reading the database"));
      return NULL;
    }
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error_from_db (self->db, error, _("Reading the database"));
      return NULL;
    }
  return stmt;
}

gboolean
askarov_store_begin (AskarovStore  *self,
                     GError       **error)
{
  return askarov_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
askarov_store_commit (AskarovStore  *self,
                      GError       **error)
{
  if (!askarov_store_exec (self, "COMMIT", error))
    {
      askarov_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
askarov_store_rollback (AskarovStore *self)
{
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

void
askarov_store_bind_text_or_null (sqlite3_stmt *stmt,
                                 int           index,
                                 const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
askarov_store_column_dup (sqlite3_stmt *stmt,
                          int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text != NULL ? g_strdup (text) : NULL;
}
