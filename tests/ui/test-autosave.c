/* test-autosave.c — nothing typed in the composer is lost on quit, on close, or while saves overlap.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "askarov-composer-page.h"
#include "askarov-letter.h"
#include "askarov-store-drafts.h"
#include "askarov-store-private.h"
#include "ui-test-utils.h"

/* One case, one Urgent Action with two officials. Names are made up. */
static const char test_data_sql[] =
  "INSERT INTO cases (id, name) VALUES (101, 'Azimjan Askarov (test)');"
  "INSERT INTO documents (id, case_id, title, format, body, search_body, content_hash, kind, reference,"
  "                       deadline, languages, own_language_allowed)"
  "  VALUES (1010, 101, 'UA 135/10', 'text', 'body', 'body', 'test-hash-10', 'urgent-action', '135/10',"
  "          '2010-10-27', 'ru,ky,en', 1);"
  "INSERT INTO targets (document_id, position, name, title, address, email)"
  "  VALUES (1010, 0, 'Ivan Testov', 'Prosecutor General', 'Prospekt 1\nBishkek 720040\nKyrgyzstan',"
  "          'office@prokuror.example');"
  "INSERT INTO targets (document_id, position, name, title, email)"
  "  VALUES (1010, 1, 'Anna Probova', 'Minister of Internal Affairs', 'mvd@example.org');";

typedef struct
{
  AskarovApplication  *app;
  AskarovWindow       *window;   /* a weak pointer: quitting may destroy it */
  AskarovComposerPage *page;
  AskarovStore        *store;    /* the store while it is open (not a reference) */
} Fixture;

/* ---- Holding the database's lock from another thread -------------------- */

/* While held, every write on a store worker waits: a save "in flight" stays
 * in flight until the test lets it go. A thread, so that the main thread can
 * still take the lock itself (as a shutdown that closes the store does). */
typedef struct
{
  AskarovStore *store;    /* not a reference: that would keep a quit waiting */
  GMutex        mutex;
  GCond         cond;
  gboolean      locked;
  gboolean      release;
  GThread      *thread;
} Blocker;

static gpointer
blocker_thread (gpointer user_data)
{
  Blocker *blocker = user_data;
  GMutexLocker *store_lock = askarov_store_lock (blocker->store);

  g_mutex_lock (&blocker->mutex);
  blocker->locked = TRUE;
  g_cond_broadcast (&blocker->cond);
  while (!blocker->release)
    g_cond_wait (&blocker->cond, &blocker->mutex);
  g_mutex_unlock (&blocker->mutex);
  g_mutex_locker_free (store_lock);
  return NULL;
}

static Blocker *
blocker_start (AskarovStore *store)
{
  Blocker *blocker = g_new0 (Blocker, 1);

  blocker->store = store;
  g_mutex_init (&blocker->mutex);
  g_cond_init (&blocker->cond);
  blocker->thread = g_thread_new ("store-blocker", blocker_thread, blocker);
  g_mutex_lock (&blocker->mutex);
  while (!blocker->locked)
    g_cond_wait (&blocker->cond, &blocker->mutex);
  g_mutex_unlock (&blocker->mutex);
  return blocker;
}

/* Lets the store's workers go; safe to call more than once. */
static void
blocker_release (Blocker *blocker)
{
  g_mutex_lock (&blocker->mutex);
  blocker->release = TRUE;
  g_cond_broadcast (&blocker->cond);
  g_mutex_unlock (&blocker->mutex);
}

static void
blocker_free (Blocker *blocker)
{
  blocker_release (blocker);
  g_thread_join (blocker->thread);
  g_mutex_clear (&blocker->mutex);
  g_cond_clear (&blocker->cond);
  g_free (blocker);
}

/* ---- The window ---------------------------------------------------------- */

static GObject *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), ASKAROV_TYPE_COMPOSER_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
wait_for (gboolean (*condition) (Fixture *),
          Fixture   *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (fixture) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return condition (fixture);
}

static gboolean
letter_open_and_saved (Fixture *fixture)
{
  return askarov_composer_page_get_letter (fixture->page) != NULL &&
         askarov_composer_page_get_draft_id (fixture->page) > 0 &&
         askarov_composer_page_is_saved (fixture->page);
}

static gboolean
page_saved (Fixture *fixture)
{
  return askarov_composer_page_is_saved (fixture->page);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = askarov_store_lock (fixture->store);

  askarov_store_exec (fixture->store, sql, &error);
  g_assert_no_error (error);
}

static void
open_fixture (Fixture  *fixture,
              gboolean  empty)
{
  fixture->window = empty ? ui_test_open_window_empty (&fixture->app) : ui_test_open_window (&fixture->app);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  ui_test_wait_store (fixture->app);
  fixture->store = askarov_application_get_store (fixture->app);
  fixture->page = askarov_window_get_composer_page (fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
}

/* Opens the window on test data and writes to the Prosecutor General. */
static void
compose_fixture (Fixture *fixture)
{
  open_fixture (fixture, FALSE);
  exec_sql (fixture, test_data_sql);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compose-to", "(xi)",
                                             (gint64) 1010, 0));
  g_assert_true (wait_for (letter_open_and_saved, fixture));
}

static void
close_fixture (Fixture *fixture)
{
  AskarovStore *store = askarov_application_get_store (fixture->app);

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  if (store != NULL)
    askarov_store_close (store);
  g_clear_object (&fixture->app);
}

/* Types @text over the letter's first paragraph, as in its editor. */
static void
type_paragraph (Fixture    *fixture,
                const char *text)
{
  GtkWidget *widget = GTK_WIDGET (child (fixture, "paragraphs_box"));
  GtkTextBuffer *buffer;

  while (widget != NULL && !GTK_IS_TEXT_VIEW (widget))
    widget = gtk_widget_get_first_child (widget);
  g_assert_nonnull (widget);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_set_text (buffer, text, -1);
}

static void
type_name (Fixture    *fixture,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "name_row")), text);
}

/* ---- Running the application as main() does ------------------------------ */

typedef struct
{
  Fixture  *fixture;
  Blocker  *blocker;   /* let go once the quit has begun, or NULL */
  gboolean  mark_sent;
  gboolean  close_window;
  gboolean  logout;    /* as the session ends: query-end, then a plain quit */
} QuitScript;

static void
shutdown_cb (GApplication *app,
             QuitScript   *script)
{
  /* Runs before the application's own shutdown, which closes the store. */
  if (script->blocker != NULL)
    blocker_release (script->blocker);
}

static gboolean
release_idle_cb (gpointer user_data)
{
  QuitScript *script = user_data;

  if (script->blocker != NULL)
    blocker_release (script->blocker);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_script_cb (gpointer user_data)
{
  QuitScript *script = user_data;
  Fixture *fixture = script->fixture;

  /* As for Ctrl+Q within the autosave's half second: nothing written yet. */
  g_assert_false (askarov_composer_page_is_saved (fixture->page));
  if (script->mark_sent)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "composer.mark-sent", NULL));
  if (script->close_window)
    gtk_window_close (GTK_WINDOW (fixture->window));
  else if (script->logout)
    {
      /* What GtkApplication does on the session manager's QueryEndSession,
       * and then on EndSession. */
      g_signal_emit_by_name (fixture->app, "query-end");
      g_application_quit (G_APPLICATION (fixture->app));
    }
  else
    g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  /* The workers may go once the quit is under way (the next idle, or the
   * shutdown, whichever comes first). */
  g_idle_add (release_idle_cb, script);
  return G_SOURCE_REMOVE;
}

/* Runs the application's main loop the way main() does, performs @script
 * from its first idle, and returns once g_application_run() has. */
static void
run_until_quit (QuitScript *script)
{
  char *argv[] = { (char *) "test-ui-autosave", NULL };
  gulong handler;
  int status;

  handler = g_signal_connect (script->fixture->app, "shutdown", G_CALLBACK (shutdown_cb), script);
  /* At once: before the autosave's timeout, and before GTK's own idles. */
  g_idle_add_full (G_PRIORITY_HIGH, quit_script_cb, script, NULL);
  status = g_application_run (G_APPLICATION (script->fixture->app), 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_signal_handler_disconnect (script->fixture->app, handler);
}

/* ---- Reading the database back, as the next start does ------------------- */

static AskarovStore *
reopen_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = askarov_store_default_path ();
  AskarovStore *store = askarov_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static GPtrArray *
list_drafts (AskarovStore *store,
             gboolean      include_sent)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts = askarov_store_list_drafts (store, include_sent, &error);

  g_assert_no_error (error);
  return drafts;
}

static guint
count_drafts_with (GPtrArray  *drafts,
                   const char *word)
{
  guint n = 0;

  for (guint i = 0; i < drafts->len; i++)
    {
      AskarovDraft *draft = g_ptr_array_index (drafts, i);

      if ((draft->body != NULL && strstr (draft->body, word) != NULL) ||
          g_strcmp0 (draft->target_name, word) == 0)
        n++;
    }
  return n;
}

static gint64
count_rows (AskarovStore *store,
            const char   *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autoptr(sqlite3_stmt) stmt = askarov_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* ---- Tests -------------------------------------------------------------- */

/* Ctrl+Q right after a word is typed: the autosave has not even started. */
static void
test_autosave_quit (void)
{
  Fixture fixture = { 0 };
  QuitScript script = { &fixture, NULL, FALSE, FALSE };
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  gboolean closed_by_app;

  compose_fixture (&fixture);
  type_paragraph (&fixture, "Typed just before quitting.");
  g_assert_false (askarov_composer_page_is_saved (fixture.page));
  run_until_quit (&script);
  closed_by_app = askarov_application_get_store (fixture.app) == NULL;
  /* Taking the windows down at quit does not change the page to open next time. */
  {
    g_autofree char *page = g_settings_get_string (askarov_application_get_settings (fixture.app), "last-page");

    g_assert_cmpstr (page, ==, "compose");
  }
  close_fixture (&fixture);

  store = reopen_database ();
  drafts = list_drafts (store, FALSE);
  g_assert_cmpuint (count_drafts_with (drafts, "Typed just before quitting."), ==, 1);
  askarov_store_close (store);
  /* The application closed its store itself, once everything was written. */
  g_assert_true (closed_by_app);
}

/* The session ends (logout) right after a word is typed. */
static void
test_autosave_logout (void)
{
  Fixture fixture = { 0 };
  QuitScript script = { &fixture, NULL, FALSE, FALSE, TRUE };
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  compose_fixture (&fixture);
  type_paragraph (&fixture, "Typed just before logging out.");
  run_until_quit (&script);
  close_fixture (&fixture);

  store = reopen_database ();
  drafts = list_drafts (store, FALSE);
  g_assert_cmpuint (count_drafts_with (drafts, "Typed just before logging out."), ==, 1);
  askarov_store_close (store);
}

/* "Mark as Sent" with a save running, then Ctrl+Q at once: the draft with its
 * last words is marked sent, and the action is logged. */
static void
test_autosave_mark_sent_then_quit (void)
{
  Fixture fixture = { 0 };
  QuitScript script = { &fixture, NULL, TRUE, FALSE };
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  gint64 draft_id;

  compose_fixture (&fixture);
  draft_id = askarov_composer_page_get_draft_id (fixture.page);
  type_paragraph (&fixture, "Sent with these words.");
  script.blocker = blocker_start (fixture.store);
  run_until_quit (&script);
  blocker_free (script.blocker);
  close_fixture (&fixture);

  store = reopen_database ();
  drafts = list_drafts (store, TRUE);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpint (((AskarovDraft *) g_ptr_array_index (drafts, 0))->id, ==, draft_id);
  g_assert_nonnull (((AskarovDraft *) g_ptr_array_index (drafts, 0))->sent_at);
  g_assert_cmpuint (count_drafts_with (drafts, "Sent with these words."), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM records WHERE outcome = 'sent'"
                                            " AND target_name = 'Ivan Testov' AND draft_id = %" G_GINT64_FORMAT,
                                            draft_id);

    g_assert_cmpint (count_rows (store, sql), ==, 1);
  }
  askarov_store_close (store);
}

/* Closing the window while a new draft's first save runs and newer words
 * wait: the window's last state reaches the database. */
static void
test_autosave_close_pending (void)
{
  Fixture fixture = { 0 };
  QuitScript script = { &fixture, NULL, FALSE, TRUE };
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  open_fixture (&fixture, TRUE);
  script.blocker = blocker_start (fixture.store);
  /* A new letter, addressed by hand: its first save waits for the lock. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "composer.start", NULL));
  g_assert_nonnull (askarov_composer_page_get_letter (fixture.page));
  type_name (&fixture, "Delta Closingova");
  run_until_quit (&script);
  blocker_free (script.blocker);
  close_fixture (&fixture);

  store = reopen_database ();
  drafts = list_drafts (store, FALSE);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpuint (count_drafts_with (drafts, "Delta Closingova"), ==, 1);
  askarov_store_close (store);
}

/* Letter A is edited while its first save runs, then B is opened and
 * edited, then C, all before A's save returns: every one is kept, each in
 * its own row. */
static void
test_autosave_switch_abc (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  Blocker *blocker;

  open_fixture (&fixture, TRUE);
  blocker = blocker_start (fixture.store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "composer.start", NULL));
  type_name (&fixture, "Alpha Firstova");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "composer.start", NULL));
  type_name (&fixture, "Bravo Secondov");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "composer.start", NULL));
  type_name (&fixture, "Charlie Thirdov");
  g_assert_cmpstr (askarov_letter_get_recipient_name (askarov_composer_page_get_letter (fixture.page)), ==,
                   "Charlie Thirdov");
  g_assert_false (askarov_composer_page_is_saved (fixture.page));
  blocker_free (blocker);

  g_assert_true (wait_for (letter_open_and_saved, &fixture));
  drafts = list_drafts (fixture.store, FALSE);
  g_assert_cmpuint (count_drafts_with (drafts, "Alpha Firstova"), ==, 1);
  g_assert_cmpuint (count_drafts_with (drafts, "Bravo Secondov"), ==, 1);
  g_assert_cmpuint (count_drafts_with (drafts, "Charlie Thirdov"), ==, 1);
  /* One row per letter: no first save was repeated as a new row. */
  g_assert_cmpuint (drafts->len, ==, 3);
  close_fixture (&fixture);
}

/* "Mark as Sent" while a save of the draft runs and newer words wait: the
 * draft marked sent holds the last words, and later edits start a new one. */
static void
test_autosave_mark_sent_during_save (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(AskarovDraft) sent = NULL;
  g_autoptr(GError) error = NULL;
  Blocker *blocker;
  gint64 draft_id;

  compose_fixture (&fixture);
  draft_id = askarov_composer_page_get_draft_id (fixture.page);
  blocker = blocker_start (fixture.store);
  type_paragraph (&fixture, "First words, being saved.");
  /* Switching the channel and back saves at once in neither version; wait
   * for the autosave to pick the words up instead. */
  {
    GtkLabel *state = GTK_LABEL (child (&fixture, "save_state_label"));
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (g_strcmp0 (gtk_label_get_label (state), "Saving…") != 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpstr (gtk_label_get_label (state), ==, "Saving…");
  }
  type_paragraph (&fixture, "The last words before sending.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "composer.mark-sent", NULL));
  blocker_free (blocker);

  g_assert_true (wait_for (page_saved, &fixture));
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    do
      {
        g_clear_pointer (&sent, askarov_draft_free);
        while (g_main_context_pending (NULL))
          g_main_context_iteration (NULL, FALSE);
        sent = askarov_store_get_draft (fixture.store, draft_id, &error);
        g_assert_no_error (error);
      }
    while (sent->sent_at == NULL && g_get_monotonic_time () < deadline && g_main_context_iteration (NULL, TRUE));
  }
  g_assert_nonnull (sent->sent_at);
  g_assert_nonnull (strstr (sent->body, "The last words before sending."));
  /* Nothing of it is left as an unsent draft. */
  drafts = list_drafts (fixture.store, FALSE);
  g_assert_cmpuint (count_drafts_with (drafts, "The last words before sending."), ==, 0);
  close_fixture (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/autosave/quit", test_autosave_quit);
  g_test_add_func ("/autosave/logout", test_autosave_logout);
  g_test_add_func ("/autosave/mark-sent-then-quit", test_autosave_mark_sent_then_quit);
  g_test_add_func ("/autosave/close-pending", test_autosave_close_pending);
  g_test_add_func ("/autosave/switch-abc", test_autosave_switch_abc);
  g_test_add_func ("/autosave/mark-sent-during-save", test_autosave_mark_sent_during_save);

  return g_test_run ();
}
