/* test-records-kill.c — kill -9 a process that is logging actions; nothing committed may be lost.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test binary runs itself in a child mode (--child DB) that logs, edits,
 * deletes and restores records as fast as it can, printing "+ID" to its
 * standard output after each committed insertion or restore and "?ID" before
 * each deletion. The parent kills it with SIGKILL at a random moment, then
 * checks that every record the child last reported as committed is in the
 * database, that PRAGMA integrity_check says ok and that the totals table
 * still matches the records. Trials: 30 by default, --trials N for more. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "askarov-records-private.h"
#include "askarov-store-records.h"

static guint n_trials = 30;

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  char line[64];
  va_list args;
  int len;

  va_start (args, format);
  len = g_vsnprintf (line, sizeof line, format, args);
  va_end (args);
  /* Straight to the pipe, unbuffered: what the parent reads was said. */
  if (write (STDOUT_FILENO, line, len) != len)
    _exit (3);
}

static int
run_child (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = askarov_store_open (db_path, &error);
  g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (gint64));
  GRand *rand = g_rand_new ();

  if (store == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }

  for (guint64 n = 0; ; n++)
    {
      guint what = g_rand_int_range (rand, 0, 10);

      if (what < 6 || mine->len == 0)
        {
          g_autoptr(AskarovActionRecord) record = askarov_action_record_new ();
          g_autoptr(AskarovActionRecord) stored = NULL;
          g_autofree char *note = g_strdup_printf ("action %" G_GUINT64_FORMAT " — записано", n);
          g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                                   g_rand_int_range (rand, 1, 29));

          askarov_action_record_set_case_name (record, what % 2 ? "Askarov" : "Аскаров");
          askarov_action_record_set_channel (record, what % 3 == 0 ? ASKAROV_CHANNEL_CALL : ASKAROV_CHANNEL_LETTER);
          askarov_action_record_set_taken_on (record, date);
          askarov_action_record_set_note (record, note);
          if (!(stored = askarov_store_add_record (store, record, &error)))
            {
              g_printerr ("child: %s\n", error->message);
              return 1;
            }
          say ("+%" G_GINT64_FORMAT "\n", askarov_action_record_get_id (stored));
          g_array_append_val (mine, ((gint64) { askarov_action_record_get_id (stored) }));
        }
      else if (what < 8)
        {
          gint64 id = g_array_index (mine, gint64, g_rand_int_range (rand, 0, mine->len));
          g_autoptr(AskarovActionRecord) record = askarov_store_get_record (store, id, NULL);

          if (record == NULL)
            continue;
          askarov_action_record_set_taken_on (record, "2026-06-15");
          askarov_action_record_set_channel (record, ASKAROV_CHANNEL_EMAIL);
          askarov_action_record_set_outcome (record, ASKAROV_OUTCOME_SENT);
          if (!askarov_store_update_record (store, record, &error))
            {
              g_printerr ("child: %s\n", error->message);
              return 1;
            }
        }
      else
        {
          guint index = g_rand_int_range (rand, 0, mine->len);
          gint64 id = g_array_index (mine, gint64, index);
          g_autoptr(AskarovActionRecord) deleted = NULL;

          say ("?%" G_GINT64_FORMAT "\n", id);
          if (!(deleted = askarov_store_delete_record (store, id, &error)))
            {
              g_printerr ("child: %s\n", error->message);
              return 1;
            }
          /* Undo straight away half of the time, as a user would. */
          if (what == 8)
            {
              if (!askarov_store_restore_record (store, deleted, &error))
                {
                  g_printerr ("child: %s\n", error->message);
                  return 1;
                }
              say ("+%" G_GINT64_FORMAT "\n", id);
            }
          else
            g_array_remove_index_fast (mine, index);
        }
    }
}

static int
query_int (AskarovStore *store,
           const char   *sql)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autoptr(sqlite3_stmt) stmt = askarov_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* Reads the child's messages into @expected: TRUE = must exist, FALSE = may be gone. */
static void
read_messages (int         fd,
               GHashTable *expected)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  char chunk[4096];
  ssize_t n;
  char *line;
  char *next;

  while ((n = read (fd, chunk, sizeof chunk)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (buffer, chunk, n);
    }

  for (line = buffer->str; (next = strchr (line, '\n')) != NULL; line = next + 1)
    {
      gint64 id;

      *next = '\0';
      id = g_ascii_strtoll (line + 1, NULL, 10);
      g_assert_cmpint (id, >, 0);
      if (line[0] == '+')
        g_hash_table_insert (expected, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (TRUE));
      else if (line[0] == '?')
        g_hash_table_insert (expected, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (FALSE));
      else
        g_assert_not_reached ();
    }
  /* A half-written last line is a message cut by the kill: ignore it. */
}

static void
test_kill_while_logging (void)
{
  g_autofree char *db_path = askarov_store_default_path ();
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint total_committed = 0;

  g_assert_nonnull (self_exe);

  for (guint trial = 0; trial < n_trials; trial++)
    {
      const char *argv[] = { self_exe, "--child", db_path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(AskarovStore) store = NULL;
      GHashTableIter iter;
      gpointer key, value;
      GPid pid;
      int out_fd;
      int status;
      guint must = 0;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      /* From before the store is even open to deep into the run. */
      g_usleep (g_test_rand_int_range (0, 60) * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      read_messages (out_fd, expected);
      close (out_fd);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* The child logs until it is killed: any exit of its own is an error
       * it reported on standard error. */
      if (WIFEXITED (status))
        g_error ("trial %u: the child exited with status %d before the kill", trial, WEXITSTATUS (status));
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      g_spawn_close_pid (pid);

      store = askarov_store_open (db_path, &error);
      g_assert_no_error (error);
      g_assert_null (askarov_store_get_moved_aside (store));
      g_assert_true (askarov_store_integrity_check (store, &error));
      g_assert_no_error (error);

      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(AskarovActionRecord) record = NULL;

          if (!GPOINTER_TO_INT (value))
            continue;
          record = askarov_store_get_record (store, *(gint64 *) key, &error);
          if (record == NULL)
            g_error ("trial %u: committed record %" G_GINT64_FORMAT " is missing: %s",
                     trial, *(gint64 *) key, error->message);
          g_assert_true (g_str_has_prefix (askarov_action_record_get_note (record), "action "));
          must++;
        }
      /* The trigger-kept totals never drift from the records. */
      g_assert_cmpint (query_int (store, "SELECT coalesce (sum (n), 0) FROM record_counts"), ==,
                       query_int (store, "SELECT count(*) FROM records"));
      total_committed = must;
    }

  g_test_message ("%u trials; %u records known committed at the end", n_trials, total_committed);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--trials") && i + 1 < argc)
      {
        n_trials = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
        for (int j = i; j + 2 <= argc; j++)
          argv[j] = argv[j + 2];
        argc -= 2;
        break;
      }
  if (g_getenv ("ASKAROV_KILL_TRIALS") != NULL)
    n_trials = (guint) g_ascii_strtoull (g_getenv ("ASKAROV_KILL_TRIALS"), NULL, 10);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/records-kill/kill-while-logging", test_kill_while_logging);

  return g_test_run ();
}
