/* fault-store.c — drives the database through the faults build-aux/faults stages.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fault-store open PATH        open (creating) the database, print what happened
 *        fault-store add PATH N       commit N rows to the cases table, in one transaction
 *        fault-store fill PATH        commit rows until the disk is full, then check the
 *                                     error and that every committed row survives a reopen
 *
 * Each mode prints one line per fact and exits 0 when the store behaved as
 * it must, 1 when it did not.  Not part of the default test suites: it needs
 * a small filesystem (fill) or another user (read-only folder), which
 * build-aux/faults sets up. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "askarov-store.h"
#include "askarov-store-private.h"

#define ROWS_PER_TRANSACTION 20

static int
count_cases (AskarovStore  *store,
             GError       **error)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autoptr(sqlite3_stmt) stmt = askarov_store_prepare (store, "SELECT count(*) FROM cases", error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      askarov_store_set_error (store, error, "Counting the rows");
      return -1;
    }
  return sqlite3_column_int (stmt, 0);
}

/* Commits @n rows in one transaction, numbered from @first; on error nothing is committed. */
static gboolean
add_rows (AskarovStore  *store,
          int            first,
          int            n,
          GError       **error)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *padding = g_strnfill (2000, 'x');

  if (!askarov_store_begin (store, error))
    return FALSE;
  if (!(stmt = askarov_store_prepare (store, "INSERT INTO cases (name, summary) VALUES (?, ?)", error)))
    {
      askarov_store_rollback (store);
      return FALSE;
    }
  for (int i = first; i < first + n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Fault test case %d", i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, padding, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          askarov_store_set_error (store, error, "Saving the test rows");
          askarov_store_rollback (store);
          return FALSE;
        }
    }
  if (!askarov_store_commit (store, error))
    {
      askarov_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static int
open_mode (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = askarov_store_open (path, &error);
  int rows;

  if (store == NULL)
    {
      g_print ("open: error (%s %d): %s\n", g_quark_to_string (error->domain), error->code, error->message);
      return 1;
    }
  g_print ("open: schema version %d\n", askarov_store_get_schema_version (store));
  g_print ("moved-aside: %s\n", askarov_store_get_moved_aside (store) ? askarov_store_get_moved_aside (store) : "none");
  if (!askarov_store_integrity_check (store, &error))
    {
      g_print ("integrity: %s\n", error->message);
      return 1;
    }
  g_print ("integrity: ok\n");
  if ((rows = count_cases (store, &error)) < 0)
    {
      g_print ("rows: error: %s\n", error->message);
      return 1;
    }
  g_print ("rows: %d\n", rows);
  return 0;
}

static int
add_mode (const char *path,
          int         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = askarov_store_open (path, &error);
  int before;

  if (store == NULL)
    {
      g_print ("open: error: %s\n", error->message);
      return 1;
    }
  before = count_cases (store, NULL);
  if (!add_rows (store, before, n, &error))
    {
      g_print ("add: error (%s %d): %s\n", g_quark_to_string (error->domain), error->code, error->message);
      return 1;
    }
  g_print ("rows: %d\n", count_cases (store, NULL));
  return 0;
}

static int
fill_mode (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = askarov_store_open (path, &error);
  int committed = 0;
  int rows;
  gboolean ok = TRUE;

  if (store == NULL)
    {
      g_print ("open: error: %s\n", error->message);
      return 1;
    }

  /* Keep committing until the filesystem refuses. */
  while (add_rows (store, committed, ROWS_PER_TRANSACTION, &error))
    {
      committed += ROWS_PER_TRANSACTION;
      if (committed > 1000000)
        {
          g_print ("fill: the disk never filled up; is this a small filesystem?\n");
          return 1;
        }
    }
  g_print ("fill: %d rows committed, then: %s\n", committed, error->message);

  if (!g_error_matches (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FULL))
    {
      g_print ("FAIL: the error is %s %d, not ASKAROV_STORE_ERROR_FULL\n",
               g_quark_to_string (error->domain), error->code);
      ok = FALSE;
    }
  else if (strstr (error->message, "disk is full") == NULL)
    {
      g_print ("FAIL: the message does not say the disk is full\n");
      ok = FALSE;
    }
  g_clear_error (&error);

  /* The failed transaction left nothing behind, in this connection ... */
  if ((rows = count_cases (store, &error)) != committed)
    {
      g_print ("FAIL: %d rows after the failed transaction, expected %d (%s)\n",
               rows, committed, error ? error->message : "");
      ok = FALSE;
    }
  g_clear_error (&error);
  g_clear_object (&store);

  /* ... and after reopening, still on the full disk. */
  if (!(store = askarov_store_open (path, &error)))
    {
      g_print ("FAIL: reopening on the full disk: %s\n", error->message);
      return 1;
    }
  if (!askarov_store_integrity_check (store, &error))
    {
      g_print ("FAIL: integrity after reopening: %s\n", error->message);
      return 1;
    }
  rows = count_cases (store, NULL);
  g_print ("reopen: integrity ok, %d rows\n", rows);
  if (rows != committed)
    {
      g_print ("FAIL: %d rows after reopening, expected %d\n", rows, committed);
      ok = FALSE;
    }
  if (askarov_store_get_moved_aside (store) != NULL)
    {
      g_print ("FAIL: the full database was moved aside as damaged\n");
      ok = FALSE;
    }
  return ok ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "open"))
    return open_mode (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "add"))
    return add_mode (argv[2], atoi (argv[3]));
  if (argc == 3 && g_str_equal (argv[1], "fill"))
    return fill_mode (argv[2]);

  g_printerr ("usage: fault-store open PATH | add PATH N | fill PATH\n");
  return 2;
}
