/* test-live.c — restore with a letter open, and views that follow changes made by other processes.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "askarov-browser-page-private.h"
#include "askarov-composer-page.h"
#include "askarov-letter.h"
#include "askarov-store-drafts.h"
#include "askarov-store-private.h"
#include "askarov-store-records.h"
#include "askarov-tracker-page-private.h"
#include "ui-test-utils.h"

/* Two cases, each with an Urgent Action naming an official. Names are made up. */
static const char test_data_sql[] =
  "INSERT INTO cases (id, name) VALUES (101, 'Azimjan Askarov (test)');"
  "INSERT INTO cases (id, name) VALUES (102, 'Other Person (test)');"
  "INSERT INTO documents (id, case_id, title, format, body, search_body, content_hash, kind, reference,"
  "                       deadline, languages, own_language_allowed)"
  "  VALUES (1010, 101, 'UA 135/10', 'text', 'body', 'body', 'live-hash-10', 'urgent-action', '135/10',"
  "          '2010-10-27', 'ru,ky,en', 1);"
  "INSERT INTO documents (id, case_id, title, format, body, search_body, content_hash, kind, reference,"
  "                       deadline, languages, own_language_allowed)"
  "  VALUES (1020, 102, 'UA 99/20', 'text', 'body', 'body', 'live-hash-20', 'urgent-action', '99/20',"
  "          '2020-05-01', 'en', 1);"
  "INSERT INTO targets (document_id, position, name, title, email)"
  "  VALUES (1010, 0, 'Ivan Testov', 'Prosecutor General', 'office@prokuror.example');"
  "INSERT INTO targets (document_id, position, name, title, email)"
  "  VALUES (1020, 0, 'Pyotr Primerov', 'Minister of Justice', 'minjust@example.org');";

typedef struct
{
  AskarovApplication  *app;
  AskarovWindow       *window;
  AskarovComposerPage *composer;
  AskarovTrackerPage  *tracker;
  AskarovStore        *store;   /* not a reference */
} Fixture;

static void
exec_sql (AskarovStore *store,
          const char   *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);

  askarov_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static void
open_fixture (Fixture *fixture)
{
  fixture->window = ui_test_open_window_empty (&fixture->app);
  ui_test_wait_store (fixture->app);
  fixture->store = askarov_application_get_store (fixture->app);
  fixture->composer = askarov_window_get_composer_page (fixture->window);
  fixture->tracker = askarov_window_get_tracker_page (fixture->window);
}

static void
close_fixture (Fixture *fixture)
{
  ui_test_close (fixture->app, fixture->window);
}

/* Runs the main loop until @condition holds, or fails after 30 s (a bound
 * for a broken build, not a wait: every step waits on the state it needs). */
static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (gboolean   (*condition) (Fixture *),
            Fixture     *fixture,
            const char  *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (30, timed_out_cb, &timed_out);

  while (!condition (fixture))
    {
      if (timed_out)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (timeout_id);
}

static GObject *
composer_child (Fixture    *fixture,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->composer), ASKAROV_TYPE_COMPOSER_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

/* Types @text over the letter's first paragraph, as in its editor. */
static void
type_paragraph (Fixture    *fixture,
                const char *text)
{
  GtkWidget *widget = GTK_WIDGET (composer_child (fixture, "paragraphs_box"));

  while (widget != NULL && !GTK_IS_TEXT_VIEW (widget))
    widget = gtk_widget_get_first_child (widget);
  g_assert_nonnull (widget);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

static gboolean
letter_saved (Fixture *fixture)
{
  return askarov_composer_page_get_letter (fixture->composer) != NULL &&
         askarov_composer_page_get_draft_id (fixture->composer) > 0 &&
         askarov_composer_page_is_saved (fixture->composer);
}

/* The letter open is saved and belongs to the case named @name. */
static gboolean
letter_in_case (Fixture    *fixture,
                const char *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (composer_child (fixture, "case_row"));
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return letter_saved (fixture) && item != NULL &&
         strstr (gtk_string_object_get_string (item), name) != NULL;
}

static gboolean
letter_in_other_case (Fixture *fixture)
{
  return letter_in_case (fixture, "Other Person (test)");
}

static gboolean
letter_body_has (Fixture    *fixture,
                 const char *words)
{
  AskarovLetter *letter = askarov_composer_page_get_letter (fixture->composer);
  g_autofree char *body = letter != NULL ? askarov_letter_dup_body (letter) : NULL;

  return body != NULL && strstr (body, words) != NULL;
}

static AskarovDraft *
get_draft (AskarovStore *store,
           gint64        id)
{
  g_autoptr(GError) error = NULL;
  AskarovDraft *draft = askarov_store_get_draft (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  return draft;
}

static void
set_painted_cb (gpointer flag)
{
  *(gboolean *) flag = TRUE;
}

/* With ASKAROV_TEST_SHOTS set to a folder, saves the window there as NAME.png
 * (to look at what a test left on screen). */
static void
maybe_save_shot (Fixture    *fixture,
                 const char *name)
{
  const char *dir = g_getenv ("ASKAROV_TEST_SHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong id;

  if (dir == NULL)
    return;
  /* After the next frame, so that the part just shown has been drawn. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_painted_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  /* Only for the picture (never on a test's path): let the styles settle. */
  ui_test_wait_stable (GTK_WIDGET (fixture->window), 3);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  if (!ui_test_save_png (GTK_WIDGET (fixture->window), path, &error))
    g_test_message ("No screenshot: %s", error->message);
}

/* ---- Restore while a letter is open ---------------------------------------- */

static gint64 restored_draft_id;

static gboolean
restored_letter_shown (Fixture *fixture)
{
  return letter_in_case (fixture, "Azimjan Askarov (test)") &&
         askarov_composer_page_get_draft_id (fixture->composer) == restored_draft_id &&
         letter_body_has (fixture, "Words kept in the backup.");
}

static gboolean
one_record (Fixture *fixture)
{
  guint count = 0;

  g_assert_true (askarov_store_count_records (fixture->store, NULL, &count, NULL));
  return count == 1 && askarov_composer_page_is_saved (fixture->composer);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} RestoreResult;

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RestoreResult *restore = user_data;

  askarov_application_restore_finish (ASKAROV_APPLICATION (object), result, &restore->error);
  restore->done = TRUE;
}

/* Restores @backup through the application; the error, or %NULL. */
static GError *
restore_backup (Fixture    *fixture,
                const char *backup)
{
  RestoreResult restore = { FALSE, NULL };

  askarov_application_restore_async (fixture->app, backup, NULL, restored_cb, &restore);
  while (!restore.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (askarov_application_is_restoring (fixture->app));
  return restore.error;
}

/* A letter open (with unsaved words) while a backup is restored: the
 * restored draft with the same id keeps the backup's words, the composer
 * shows them, and "Mark as Sent" files the action under the case the
 * restored letter belongs to, not the id the old letter had. */
static void
test_live_restore_with_open_letter (void)
{
  Fixture fixture = { 0 };
  g_autofree char *backup = NULL;
  g_autoptr(AskarovDraft) draft = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GError *restore_error = NULL;
  AskarovActionRecord *record;

  open_fixture (&fixture);
  backup = g_build_filename (g_get_user_cache_dir (), "live-backup.db", NULL);
  exec_sql (fixture.store, test_data_sql);

  /* A letter to the Prosecutor General about Askarov (case 101), backed up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.compose-to", "(xi)",
                                             (gint64) 1010, 0));
  wait_until (letter_saved, &fixture, "the new letter's first save");
  restored_draft_id = askarov_composer_page_get_draft_id (fixture.composer);
  type_paragraph (&fixture, "Words kept in the backup.");
  wait_until (letter_saved, &fixture, "the typed words' save");
  g_assert_true (askarov_store_backup (fixture.store, backup, &error));
  g_assert_no_error (error);

  /* Since the backup, the Urgent Action moved to case 102, and the letter,
   * reopened there, got more words (not yet saved when the restore starts). */
  exec_sql (fixture.store,
            "UPDATE documents SET case_id = 102 WHERE id = 1010;"
            "UPDATE drafts SET case_id = 102;");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.compose-to", "(xi)",
                                             (gint64) 1010, 0));
  wait_until (letter_in_other_case, &fixture, "the letter reopened in case 102");
  g_assert_cmpint (askarov_composer_page_get_draft_id (fixture.composer), ==, restored_draft_id);
  type_paragraph (&fixture, "Words written after the backup.");
  g_assert_false (askarov_composer_page_is_saved (fixture.composer));

  restore_error = restore_backup (&fixture, backup);
  g_assert_no_error (restore_error);

  /* The composer reopens the restored draft, as the backup has it ... */
  wait_until (restored_letter_shown, &fixture, "the restored letter in the composer");
  askarov_window_show_page (fixture.window, "compose");
  maybe_save_shot (&fixture, "live-restored-letter");
  draft = get_draft (fixture.store, restored_draft_id);
  g_assert_nonnull (strstr (draft->body, "Words kept in the backup."));
  g_assert_null (strstr (draft->body, "Words written after the backup."));
  g_assert_cmpint (draft->case_id, ==, 101);

  /* ... and nothing it still had queued writes over it. */
  wait_until (letter_saved, &fixture, "the composer to settle");
  g_clear_pointer (&draft, askarov_draft_free);
  draft = get_draft (fixture.store, restored_draft_id);
  g_assert_null (strstr (draft->body, "Words written after the backup."));

  /* "Mark as Sent" now logs under Askarov's case, as restored. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.composer), "composer.mark-sent", NULL));
  wait_until (one_record, &fixture, "the action of Mark as Sent");
  records = askarov_store_list_records (fixture.store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpint (askarov_action_record_get_case_id (record), ==, 101);
  g_assert_cmpstr (askarov_action_record_get_case_name (record), ==, "Azimjan Askarov (test)");

  close_fixture (&fixture);
}

/* ---- Restore refused while an import runs ---------------------------------- */

static gboolean
alert_shown (Fixture *fixture)
{
  return ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window)));
}

static gboolean
refusal_shown (Fixture *fixture)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));

  return ADW_IS_ALERT_DIALOG (dialog) &&
         g_strcmp0 (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), "The Backup Was Not Restored") == 0;
}

static void
test_live_restore_refused_during_import (void)
{
  Fixture fixture = { 0 };
  g_autofree char *backup = NULL;
  g_autoptr(GFile) backup_file = NULL;
  g_autoptr(GError) error = NULL;
  AdwDialog *alert;
  GError *restore_error = NULL;
  gint64 draft_id;

  open_fixture (&fixture);
  backup = g_build_filename (g_get_user_cache_dir (), "live-backup-2.db", NULL);
  backup_file = g_file_new_for_path (backup);
  exec_sql (fixture.store, test_data_sql);
  g_assert_true (askarov_store_backup (fixture.store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.compose-to", "(xi)",
                                             (gint64) 1010, 0));
  wait_until (letter_saved, &fixture, "the new letter's first save");
  draft_id = askarov_composer_page_get_draft_id (fixture.composer);

  /* An import (of documents or actions) in flight. */
  askarov_store_begin_file_job (fixture.store);

  /* Through the Actions page: asked, then refused with the reason. */
  askarov_tracker_page_restore_from_file (fixture.tracker, backup_file);
  wait_until (alert_shown, &fixture, "the restore question");
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture.window));
  g_signal_emit_by_name (alert, "response", "restore");
  adw_dialog_force_close (alert);
  wait_until (refusal_shown, &fixture, "the refusal");
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture.window));
  g_test_message ("%s", adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), "import or export is still running"));
  adw_dialog_force_close (alert);

  /* Directly: the same error, and the letter was left open and untouched. */
  restore_error = restore_backup (&fixture, backup);
  g_assert_error (restore_error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_BUSY);
  g_clear_error (&restore_error);
  g_assert_cmpint (askarov_composer_page_get_draft_id (fixture.composer), ==, draft_id);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture.composer)));

  /* Once it is done, the restore goes ahead. */
  askarov_store_end_file_job (fixture.store);
  restore_error = restore_backup (&fixture, backup);
  g_assert_no_error (restore_error);

  close_fixture (&fixture);
}

/* ---- Changes by another process -------------------------------------------- */

static const char *expected_count;

static gboolean
tracker_shows_count (Fixture *fixture)
{
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->tracker),
                                                              ASKAROV_TYPE_TRACKER_PAGE, "count_label"));

  return g_str_has_prefix (gtk_label_get_label (label), expected_count);
}

static AskarovActionRecord *
new_record (const char *target,
            const char *taken_on)
{
  AskarovActionRecord *record = askarov_action_record_new ();

  askarov_action_record_set_case_name (record, "Azimjan Askarov (test)");
  askarov_action_record_set_channel (record, ASKAROV_CHANNEL_LETTER);
  askarov_action_record_set_taken_on (record, taken_on);
  askarov_action_record_set_target_name (record, target);
  askarov_action_record_set_language (record, "en");
  return record;
}

/* Another connection (as `askarov --import-actions` in another process
 * opens) writes while the window is open: the Actions page's count and
 * list follow without a reopen; so does `askarov --import-actions` itself
 * when the binary is at hand. */
static void
test_live_other_process (void)
{
  Fixture fixture = { 0 };
  g_autoptr(AskarovStore) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("ASKAROV_BIN");

  open_fixture (&fixture);
  askarov_window_show_page (fixture.window, "actions");
  expected_count = "No actions";
  wait_until (tracker_shows_count, &fixture, "the empty count");

  other = askarov_store_open (askarov_store_get_path (fixture.store), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AskarovActionRecord) record = new_record (i == 0 ? "Ivan Testov" : "Anna Probova",
                                                          i == 0 ? "2026-03-01" : "2026-03-02");
      g_autoptr(AskarovActionRecord) stored = askarov_store_add_record (other, record, &error);

      g_assert_no_error (error);
    }
  askarov_store_close (other);

  expected_count = "2 actions";
  wait_until (tracker_shows_count, &fixture, "the tracker to show two actions");
  maybe_save_shot (&fixture, "live-other-process");

  if (bin != NULL)
    {
      g_autofree char *csv = g_build_filename (g_get_user_cache_dir (), "live-import.csv", NULL);
      g_autofree char *err = NULL;
      const char *argv[] = { bin, "--import-actions", csv, NULL };
      int status = -1;

      g_assert_true (g_file_set_contents (csv,
                                          "taken_on,case,reference,target,target_title,channel,outcome,language,note,reported_on\n"
                                          "2026-03-03,Azimjan Askarov (test),,Bolot Otunbaev,,email,sent,en,,\n",
                                          -1, NULL));
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s", err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      expected_count = "3 actions";
      wait_until (tracker_shows_count, &fixture, "the tracker to show the imported action");
    }
  else
    g_test_message ("ASKAROV_BIN not set: the command line import was not run");

  close_fixture (&fixture);
}

/* ---- The case timeline ------------------------------------------------------ */

/* Whether a row under @widget has @text in its title or subtitle. */
static gboolean
has_row_with (GtkWidget  *widget,
              const char *text)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

      if ((title != NULL && strstr (title, text) != NULL) || (subtitle != NULL && strstr (subtitle, text) != NULL))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_row_with (child, text))
      return TRUE;
  return FALSE;
}

static AskarovBrowserPage *
browser_page (Fixture *fixture)
{
  return ASKAROV_BROWSER_PAGE (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), ASKAROV_TYPE_WINDOW,
                                                              "browser_page"));
}

static GtkWidget *
case_group (Fixture *fixture)
{
  GtkWidget *view = GTK_WIDGET (browser_page (fixture)->document_view);

  return GTK_WIDGET (gtk_widget_get_template_child (view, ASKAROV_TYPE_DOCUMENT_VIEW, "case_group"));
}

static gboolean
document_listed (Fixture *fixture)
{
  return askarov_document_list_find (browser_page (fixture)->documents, 1010, NULL) != NULL;
}

static const char *expected_row;

static gboolean
timeline_has_row (Fixture *fixture)
{
  return has_row_with (case_group (fixture), expected_row);
}

/* A document's timeline shows an action as soon as it is logged, by this
 * window or by another process, without opening the document again. */
static void
test_live_timeline (void)
{
  Fixture fixture = { 0 };
  g_autoptr(AskarovActionRecord) record = NULL;
  g_autoptr(AskarovActionRecord) stored = NULL;
  g_autoptr(AskarovStore) other = NULL;
  g_autoptr(GError) error = NULL;

  open_fixture (&fixture);
  exec_sql (fixture.store, test_data_sql);
  /* The documents came in behind the window's back: another process, as far as it knows. */
  askarov_store_emit_external_change (fixture.store);
  askarov_window_show_page (fixture.window, "documents");
  wait_until (document_listed, &fixture, "the Urgent Action in the library");
  askarov_browser_page_select_document (browser_page (&fixture), 1010, TRUE);
  expected_row = "UA 135/10";
  wait_until (timeline_has_row, &fixture, "the document in the timeline");

  /* Logged here. */
  record = new_record ("Ivan Testov", "2026-03-01");
  askarov_action_record_set_case_id (record, 101);
  stored = askarov_store_add_record (fixture.store, record, &error);
  g_assert_no_error (error);
  expected_row = "to Ivan Testov";
  wait_until (timeline_has_row, &fixture, "the action logged here");

  /* Logged by another process. */
  other = askarov_store_open (askarov_store_get_path (fixture.store), &error);
  g_assert_no_error (error);
  g_clear_object (&record);
  g_clear_object (&stored);
  record = new_record ("Anna Probova", "2026-03-02");
  askarov_action_record_set_case_id (record, 101);
  stored = askarov_store_add_record (other, record, &error);
  g_assert_no_error (error);
  askarov_store_close (other);
  expected_row = "to Anna Probova";
  wait_until (timeline_has_row, &fixture, "the action logged by another process");

  close_fixture (&fixture);
}

/* ---- A second `askarov FILE` ------------------------------------------------ */

static gboolean
opened_document_listed (Fixture *fixture)
{
  AskarovDocumentList *documents = browser_page (fixture)->documents;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (documents)); i++)
    {
      g_autoptr(AskarovDocument) document = g_list_model_get_item (G_LIST_MODEL (documents), i);

      if (g_strcmp0 (askarov_document_get_reference (document), "77/26") == 0)
        return TRUE;
    }
  return FALSE;
}

/* The application takes files to open (what a second `askarov FILE` sends
 * to the running one over D-Bus), and imports them into its open window. */
static void
test_live_open_in_running_window (void)
{
  Fixture fixture = { 0 };
  g_autoptr(AskarovApplication) plain = askarov_application_new ("com.example.Askarov.LiveFlags");
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "ua-77-26.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };
  GList *windows;

  g_assert_true (g_application_get_flags (G_APPLICATION (plain)) & G_APPLICATION_HANDLES_OPEN);
  g_assert_false (g_application_get_flags (G_APPLICATION (plain)) & G_APPLICATION_NON_UNIQUE);

  /* A made-up Urgent Action, in our own words. */
  g_assert_true (g_file_set_contents (path,
                                      "URGENT ACTION\n"
                                      "UA: 77/26 Index: EUR 00/0000/2026 Kyrgyzstan Date: 1 December 2026\n"
                                      "REPORTER HELD WITHOUT CHARGE\n"
                                      "Testa Primerova, a reporter, has been held since November without a lawyer.\n"
                                      "PLEASE SEND APPEALS BEFORE 12 JANUARY 2027 TO:\n"
                                      "Prosecutor General\nIvan Testov\nSalutation: Dear Prosecutor General\n",
                                      -1, NULL));
  open_fixture (&fixture);
  askarov_window_show_page (fixture.window, "actions");
  g_application_open (G_APPLICATION (fixture.app), files, 1, "");
  wait_until (opened_document_listed, &fixture, "the opened file in the library");
  windows = gtk_application_get_windows (GTK_APPLICATION (fixture.app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (
                     GTK_WIDGET (fixture.window), ASKAROV_TYPE_WINDOW, "stack"))), ==, "documents");

  close_fixture (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/live/restore-with-open-letter", test_live_restore_with_open_letter);
  g_test_add_func ("/live/restore-refused-during-import", test_live_restore_refused_during_import);
  g_test_add_func ("/live/other-process", test_live_other_process);
  g_test_add_func ("/live/timeline", test_live_timeline);
  g_test_add_func ("/live/open-in-running-window", test_live_open_in_running_window);

  return g_test_run ();
}
