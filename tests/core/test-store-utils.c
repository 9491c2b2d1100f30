/* test-store-utils.c — what the core tests share: a store in the test's own data dir, raw SQL and a string-list assertion.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include <glib/gstdio.h>

#include "askarov-record-list.h"
#include "askarov-store-private.h"

AskarovStore *
open_store (void)
{
  g_autofree char *path = askarov_store_default_path ();
  g_autoptr(GError) error = NULL;
  AskarovStore *store = askarov_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
exec_sql (AskarovStore *store,
          const char   *sql)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

int
count_rows (AskarovStore *store,
            const char   *sql)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autoptr(sqlite3_stmt) stmt = askarov_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

void
assert_strv_equal (char               **actual,
                   const char * const  *expected,
                   const char          *what)
{
  guint n = 0;

  while (expected[n] != NULL)
    n++;
  if (g_strv_length (actual) != n)
    {
      g_autofree char *joined = g_strjoinv ("|", actual);

      g_error ("%s: expected %u values, got %u: %s", what, n, g_strv_length (actual), joined);
    }
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (actual[i], ==, expected[i]);
}

guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
set_flag_cb (gpointer flag)
{
  *(gboolean *) flag = TRUE;
}

void
wait_record_list_loaded (AskarovRecordList *list)
{
  gboolean done = FALSE;
  gulong id = g_signal_connect_swapped (list, "loaded", G_CALLBACK (set_flag_cb), &done);

  while (askarov_record_list_get_loading (list) && !done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (list, id);
}
