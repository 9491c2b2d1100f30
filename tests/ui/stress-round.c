/* stress-round.c — one round of build-aux/stress: typing, logging, restore, undo, import, then quit.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Usage: stress-round ROUND DIR   (run by build-aux/stress, not a test)
 *
 * Starts the real application on DIR/data/askarov/askarov.db (kept from
 * round to round) and, while a typist types into the composer a key every
 * 15 ms and a logger logs an action every 200 ms, it: backs the database up
 * and restores that backup through the Actions page (its confirmation
 * answered), deletes one of the round's actions and undoes it (the page's
 * own actions, as the button and Ctrl+Z do), imports a CSV of 20 actions,
 * and quits with app.quit (Ctrl+Q) at a random moment (5.5-7 s in). Every keystroke is
 * logged to DIR/typed.log with its time and the text typed so far, every
 * action the store confirmed to DIR/actions.log, and the quit to
 * DIR/typed.log; build-aux/stress then checks the database against them.
 * The logger and the typist pause between the backup and the end of the
 * restore (what is logged or typed there would be replaced by the restore,
 * by design); the restore closes the letter, so the typist opens it again
 * and types on after what the backup held. The delete and the import wait
 * for the restore to be done.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "askarov-application.h"
#include "askarov-composer-page.h"
#include "askarov-records-csv.h"
#include "askarov-store-private.h"
#include "askarov-store-records.h"
#include "askarov-store.h"
#include "askarov-tracker-page-private.h"
#include "askarov-window.h"

static const char test_data_sql[] =
  "INSERT OR IGNORE INTO cases (id, name) VALUES (101, 'Stress case');"
  "INSERT OR IGNORE INTO documents (id, case_id, title, format, body, search_body, content_hash, kind, reference,"
  "                       deadline, languages, own_language_allowed)"
  "  VALUES (1010, 101, 'UA 1/26', 'text', 'body', 'body', 'stress-hash-1', 'urgent-action', '1/26',"
  "          '2026-10-27', 'en', 1);"
  "INSERT OR IGNORE INTO targets (document_id, position, name, title, email)"
  "  VALUES (1010, 0, 'Stress Official', 'Prosecutor General', 'office@example.org');";

typedef struct
{
  guint                round;
  char                *dir;
  AskarovApplication  *app;
  AskarovWindow       *window;
  AskarovComposerPage *composer;
  AskarovTrackerPage  *tracker;
  AskarovStore        *store;
  FILE                *typed_log;
  FILE                *actions_log;
  GString             *typed;
  GtkTextBuffer       *buffer;
  gint64               draft_id;
  guint                n_logged;
  guint                n_in_flight;    /* actions sent to the store, not yet confirmed */
  gboolean             logging_paused;
  gboolean             reopening;      /* the letter asked for again after the restore */
  gboolean             restoring;      /* backed up, the restore under way */
  gboolean             restored;       /* the restore is done (or failed) */
  gboolean             quitting;
  gint64               last_id;        /* an action of this round, for delete and undo */
  char                *last_target;
  char                *deleted;        /* its target once deleted, until undone */
  guint                undo_tries;
  GRand               *rand;
} Round;

static void
log_line (FILE       *log,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
log_line (FILE       *log,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (log, format, args);
  va_end (args);
  fflush (log);
  fsync (fileno (log));
}

/* ---- The typist ------------------------------------------------------- */

static GtkTextBuffer *first_paragraph (AskarovComposerPage *page);
static gboolean letter_saved (Round *r);

/* A restore closes the open letter (its draft id may name another draft
 * in the backup), as a user sees it: once the restore is done the typist
 * opens the letter again and goes on typing after what the backup held. */
static void
reopen_letter (Round *r)
{
  if (!r->restored || askarov_application_is_restoring (r->app))
    return;
  if (!r->reopening)
    {
      r->reopening = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (r->window), "win.compose-to", "(xi)", (gint64) 1010, 0);
      return;
    }
  if (!letter_saved (r))
    return;
  r->reopening = FALSE;
  r->draft_id = askarov_composer_page_get_draft_id (r->composer);
  r->buffer = g_object_ref (first_paragraph (r->composer));
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (r->buffer, &start, &end);
    text = gtk_text_buffer_get_text (r->buffer, &start, &end, FALSE);
    g_string_assign (r->typed, text);
  }
  log_line (r->typed_log, "KEY\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n",
            g_get_real_time (), r->draft_id, r->typed->str);
}

static gboolean
type_key_cb (gpointer user_data)
{
  Round *r = user_data;
  static const char keys[] = "the quick volunteer writes to the prosecutor ";
  char key;
  GtkTextIter end;

  if (r->quitting)
    return G_SOURCE_REMOVE;
  if (r->buffer == NULL)
    {
      reopen_letter (r);
      return G_SOURCE_CONTINUE;
    }
  key = keys[r->typed->len % (sizeof keys - 1)];
  gtk_text_buffer_get_end_iter (r->buffer, &end);
  gtk_text_buffer_insert_interactive (r->buffer, &end, &key, 1, TRUE);
  g_string_append_c (r->typed, key);
  log_line (r->typed_log, "KEY\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n",
            g_get_real_time (), r->draft_id, r->typed->str);
  return G_SOURCE_CONTINUE;
}

/* ---- The logger ------------------------------------------------------- */

static void
logged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Round *r = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovActionRecord) record = askarov_store_add_record_finish (ASKAROV_STORE (object), result, &error);

  r->n_in_flight--;
  if (record == NULL)
    {
      g_printerr ("round %u: logging failed: %s\n", r->round, error->message);
      return;
    }
  r->last_id = askarov_action_record_get_id (record);
  g_free (r->last_target);
  r->last_target = g_strdup (askarov_action_record_get_target_name (record));
  log_line (r->actions_log, "LOG\t%s\n", r->last_target);
}

static gboolean
log_action_cb (gpointer user_data)
{
  Round *r = user_data;
  g_autoptr(AskarovActionRecord) record = NULL;
  g_autofree char *target = NULL;

  if (r->quitting || r->store == NULL)
    return G_SOURCE_REMOVE;
  if (r->logging_paused)
    return G_SOURCE_CONTINUE;
  record = askarov_action_record_new ();
  target = g_strdup_printf ("stress r%u a%u", r->round, r->n_logged++);
  askarov_action_record_set_taken_on (record, "2026-03-01");
  askarov_action_record_set_case_name (record, "Stress case");
  askarov_action_record_set_target_name (record, target);
  askarov_action_record_set_channel (record, ASKAROV_CHANNEL_CALL);
  r->n_in_flight++;
  askarov_store_add_record_async (r->store, record, NULL, logged_cb, r);
  return G_SOURCE_CONTINUE;
}

/* ---- The scripted steps ----------------------------------------------- */

static gboolean
answer_restore_cb (gpointer user_data)
{
  Round *r = user_data;
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (r->window));

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;
  /* The user presses "Restore". */
  g_signal_emit_by_name (dialog, "response", "restore");
  adw_dialog_force_close (dialog);
  return G_SOURCE_REMOVE;
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Round *r = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (r->dir, "backup.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!askarov_store_backup_finish (ASKAROV_STORE (object), result, &error))
    {
      g_printerr ("round %u: backup failed: %s\n", r->round, error->message);
      r->logging_paused = FALSE;
      r->restored = TRUE;
      return;
    }
  r->restoring = TRUE;
  if (r->quitting)
    return;
  /* What is typed from here on is replaced by the restore, by design. */
  g_clear_object (&r->buffer);
  log_line (r->typed_log, "RESET\t%" G_GINT64_FORMAT "\n", g_get_real_time ());
  askarov_tracker_page_restore_from_file (r->tracker, file);
  g_timeout_add (20, answer_restore_cb, r);
}

static void
records_reset_cb (gpointer user_data)
{
  Round *r = user_data;

  /* The restore is done: logging may go on, and the steps that must come
   * after it (a delete before it would be undone by the restore). */
  if (r->restoring)
    {
      r->restoring = FALSE;
      r->restored = TRUE;
      r->logging_paused = FALSE;
    }
}

static gboolean
backup_cb (gpointer user_data)
{
  Round *r = user_data;
  g_autofree char *path = g_build_filename (r->dir, "backup.db", NULL);

  if (r->quitting)
    return G_SOURCE_REMOVE;
  /* Actions still on their way would land after the backup and be
   * replaced by the restore: wait for them. */
  r->logging_paused = TRUE;
  if (r->n_in_flight > 0)
    return G_SOURCE_CONTINUE;
  g_unlink (path);
  askarov_store_backup_async (r->store, path, NULL, backed_up_cb, r);
  return G_SOURCE_REMOVE;
}

/* Undo as the user does: once the Undo toast is there (the delete is done). */
static gboolean
undo_cb (gpointer user_data)
{
  Round *r = user_data;

  if (r->quitting)
    return G_SOURCE_REMOVE;
  if (r->tracker->undo_record == NULL && r->undo_tries++ < 250)
    return G_SOURCE_CONTINUE;
  log_line (r->actions_log, "UNDO\t%s\n", r->deleted);
  gtk_widget_activate_action (GTK_WIDGET (r->tracker), "tracker.undo", NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
delete_cb (gpointer user_data)
{
  Round *r = user_data;

  if (r->quitting)
    return G_SOURCE_REMOVE;
  if (!r->restored || r->last_id == 0)
    return G_SOURCE_CONTINUE;
  /* A deleted action that is not undone before the quit is gone by the
   * user's wish: the check leaves it out. */
  r->deleted = g_strdup (r->last_target);
  log_line (r->actions_log, "DELETE\t%s\n", r->deleted);
  gtk_widget_activate_action (GTK_WIDGET (r->tracker), "tracker.delete-record", "x", r->last_id);
  g_timeout_add (20, undo_cb, r);
  return G_SOURCE_REMOVE;
}

static gboolean
import_cb (gpointer user_data)
{
  Round *r = user_data;
  g_autofree char *path = g_strdup_printf ("%s/import-%u.csv", r->dir, r->round);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) csv = g_string_new (ASKAROV_RECORDS_CSV_HEADER "\r\n");

  if (r->quitting)
    return G_SOURCE_REMOVE;
  if (!r->restored)
    return G_SOURCE_CONTINUE;
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (csv, "2026-03-02,Stress case,UA 1/26,stress r%u csv%u,,letter,sent,en,,\r\n", r->round, i);
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  askarov_tracker_page_import_file (r->tracker, file);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer user_data)
{
  Round *r = user_data;

  log_line (r->typed_log, "QUIT\t%" G_GINT64_FORMAT "\t%u\n", g_get_real_time (), r->round);
  r->quitting = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (r->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

/* ---- Starting -------------------------------------------------------- */

static GtkTextBuffer *
first_paragraph (AskarovComposerPage *page)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), ASKAROV_TYPE_COMPOSER_PAGE,
                                                                 "paragraphs_box"));

  while (widget != NULL && !GTK_IS_TEXT_VIEW (widget))
    widget = gtk_widget_get_first_child (widget);
  return widget != NULL ? gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)) : NULL;
}

static void
iterate_until (gboolean (*condition) (Round *),
               Round    *r)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (r) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!condition (r))
    g_error ("round %u: timed out while starting", r->round);
}

static gboolean
store_open (Round *r)
{
  return askarov_application_get_store (r->app) != NULL;
}

static gboolean
letter_saved (Round *r)
{
  return askarov_composer_page_get_letter (r->composer) != NULL &&
         askarov_composer_page_get_draft_id (r->composer) > 0 &&
         askarov_composer_page_is_saved (r->composer);
}

int
main (int   argc,
      char *argv[])
{
  Round round = { 0 };
  Round *r = &round;
  g_autofree char *data = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *typed_path = NULL;
  g_autofree char *actions_path = NULL;
  g_autoptr(GError) error = NULL;
  char *run_argv[] = { argv[0], NULL };
  int status;

  if (argc != 3)
    {
      g_printerr ("usage: stress-round ROUND DIR\n");
      return 2;
    }
  r->round = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  r->dir = g_canonicalize_filename (argv[2], NULL);
  data = g_build_filename (r->dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  typed_path = g_build_filename (r->dir, "typed.log", NULL);
  actions_path = g_build_filename (r->dir, "actions.log", NULL);
  r->typed_log = fopen (typed_path, "a");
  r->actions_log = fopen (actions_path, "a");
  r->typed = g_string_new (NULL);
  r->rand = g_rand_new_with_seed (r->round);

  app_id = g_strdup_printf ("com.example.Askarov.Stress%u", (guint) getpid ());
  r->app = askarov_application_new (app_id);
  g_application_set_flags (G_APPLICATION (r->app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (r->app), NULL, &error))
    g_error ("%s", error->message);
  g_application_activate (G_APPLICATION (r->app));
  r->window = ASKAROV_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (r->app)));
  r->composer = askarov_window_get_composer_page (r->window);
  r->tracker = askarov_window_get_tracker_page (r->window);
  iterate_until (store_open, r);
  r->store = askarov_application_get_store (r->app);
  {
    g_autoptr(GMutexLocker) locker = askarov_store_lock (r->store);

    if (!askarov_store_exec (r->store, test_data_sql, &error))
      g_error ("%s", error->message);
  }

  /* A new letter each round; the typist types over its first paragraph. */
  gtk_widget_activate_action (GTK_WIDGET (r->window), "win.compose-to", "(xi)", (gint64) 1010, 0);
  iterate_until (letter_saved, r);
  r->draft_id = askarov_composer_page_get_draft_id (r->composer);
  /* A reference: a restore may rebuild the composer's paragraphs, and
   * what is typed into the old ones then counts as lost. */
  r->buffer = g_object_ref (first_paragraph (r->composer));
  gtk_text_buffer_set_text (r->buffer, "", -1);

  g_signal_connect_swapped (askarov_store_get_record_monitor (r->store), "records-reset",
                            G_CALLBACK (records_reset_cb), r);
  g_timeout_add (15, type_key_cb, r);
  g_timeout_add (200, log_action_cb, r);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 400, backup_cb, r, NULL);
  g_timeout_add (100, delete_cb, r);
  g_timeout_add (100, import_cb, r);
  g_timeout_add (5500 + g_rand_int_range (r->rand, 0, 1500), quit_cb, r);

  status = g_application_run (G_APPLICATION (r->app), 1, run_argv);

  fclose (r->typed_log);
  fclose (r->actions_log);
  g_string_free (r->typed, TRUE);
  g_clear_object (&r->buffer);
  g_free (r->last_target);
  g_free (r->deleted);
  g_rand_free (r->rand);
  g_clear_object (&r->app);
  g_free (r->dir);
  return status;
}
