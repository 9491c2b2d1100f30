/* askarov-application.c — the application: actions, command line, the shared database.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-application"

#include "config.h"

#include "askarov-application.h"

#include <glib/gi18n.h>

#include "askarov-case-pack.h"
#include "askarov-cli.h"
#include "askarov-preferences-dialog.h"
#include "askarov-shortcuts-dialog.h"
#include "askarov-store-records.h"
#include "askarov-window.h"

/* Quitting: every window writes what it has not yet written (FLUSHING),
 * then the windows go and the store waits until the last write on a worker
 * lets go of it (CLOSING), then it is closed (CLOSED). */
typedef enum
{
  QUIT_RUNNING,
  QUIT_FLUSHING,
  QUIT_CLOSING,
  QUIT_CLOSED,
} QuitState;

/* Past this, quitting goes on without what is still not written. */
#define QUIT_TIMEOUT_S 30

struct _AskarovApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  AskarovStore   *store;        /* NULL until opened; a toggle reference while CLOSING */
  AskarovGroup   *group;        /* the group folder's follower, with the store */
  GError         *store_error;  /* why it could not be opened, or NULL */
  GCancellable   *cancellable;

  QuitState       quit_state;
  guint           quit_flushes; /* windows still flushing, plus one while they are asked */
  guint           quit_timeout_id;
  guint           logout_cookie;/* gtk_application_inhibit() while the session waits */
  guint           logout_flushes;

  /* Changes by other processes: the database file and its WAL are watched,
   * and PRAGMA data_version is asked once they settle (and on focus). */
  GFileMonitor   *db_monitor;
  GFileMonitor   *wal_monitor;
  guint           check_id;     /* the debounce (or a retry while the store is busy) */

  GTask          *restore;      /* the restore running, or NULL */
  guint           restore_flushes;
};

G_DEFINE_FINAL_TYPE (AskarovApplication, askarov_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AskarovWindow *
get_main_window (AskarovApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || !ASKAROV_IS_WINDOW (window))
    window = GTK_WINDOW (askarov_window_new (self));
  return ASKAROV_WINDOW (window);
}


/* After the last change event, the database is asked this much later: an
 * import in another process writes the WAL in bursts. */
#define CHECK_DEBOUNCE_MS 150
/* While a write of this process holds the store, the check waits this long. */
#define CHECK_RETRY_MS 250

static gboolean
check_timeout_cb (gpointer user_data)
{
  AskarovApplication *self = user_data;
  gboolean busy = FALSE;

  self->check_id = 0;
  if (self->store == NULL || self->restore != NULL)
    return G_SOURCE_REMOVE;
  askarov_store_check_external_change (self->store, &busy);
  if (busy)
    self->check_id = g_timeout_add (CHECK_RETRY_MS, check_timeout_cb, self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (AskarovApplication *self,
                guint               delay_ms)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (delay_ms, check_timeout_cb, self);
}

static void
database_file_changed_cb (GFileMonitor      *monitor,
                          GFile             *file,
                          GFile             *other_file,
                          GFileMonitorEvent  event,
                          AskarovApplication *self)
{
  schedule_check (self, CHECK_DEBOUNCE_MS);
}

static GFileMonitor *
watch_file (AskarovApplication *self,
            const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);

  if (monitor == NULL)
    {
      /* Focus still checks: changes show when the window is next used. */
      g_debug ("Cannot watch %s: %s", path, error->message);
      return NULL;
    }
  g_signal_connect_object (monitor, "changed", G_CALLBACK (database_file_changed_cb), self, 0);
  return monitor;
}

static void
unwatch_database (AskarovApplication *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->db_monitor != NULL)
    g_file_monitor_cancel (self->db_monitor);
  if (self->wal_monitor != NULL)
    g_file_monitor_cancel (self->wal_monitor);
  g_clear_object (&self->db_monitor);
  g_clear_object (&self->wal_monitor);
}

static void
watch_database (AskarovApplication *self)
{
  const char *path = askarov_store_get_path (self->store);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  unwatch_database (self);
  self->db_monitor = watch_file (self, path);
  self->wal_monitor = watch_file (self, wal);
}

/**
 * askarov_application_check_database:
 *
 * Asks the database now whether another process changed it; when it did,
 * the store emits "external-change" and every part reloads what it shows.
 * The windows call this when they get the focus.
 */
void
askarov_application_check_database (AskarovApplication *self)
{
  g_return_if_fail (ASKAROV_IS_APPLICATION (self));

  if (self->store != NULL && self->quit_state == QUIT_RUNNING)
    schedule_check (self, 0);
}

/* The name others in the group see: the sender's name, or only its
 * initials when letters are signed with initials (no town: the journal
 * needs none). */
static void
update_group_name (AskarovGroup *group,
                   const char   *key,
                   GSettings    *settings)
{
  g_autofree char *name = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);

  if (key != NULL && !g_str_equal (key, "sender-name") && !g_str_equal (key, "sign-with-initials"))
    return;
  name = g_strstrip (g_settings_get_string (settings, "sender-name"));
  if (g_settings_get_boolean (settings, "sign-with-initials"))
    {
      g_auto(GStrv) words = g_strsplit_set (name, " \t-", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          {
            g_string_append_unichar (shown, g_unichar_toupper (g_utf8_get_char (words[i])));
            g_string_append (shown, ". ");
          }
      if (shown->len > 0)
        g_string_truncate (shown, shown->len - 1);
    }
  else
    g_string_append (shown, name);
  askarov_group_set_display_name (group, shown->str, NULL);
}

static void
pack_installed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AskarovApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_case_pack_install_finish (ASKAROV_STORE (object), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The library still works without it; "Restore the Askarov Case" retries. */
      g_message ("Could not add the Askarov case: %s", error->message);
    }
  /* Quitting already: the store closes as the task lets go of it. */
  if (self->quit_state != QUIT_RUNNING)
    return;

  self->store = g_object_ref (ASKAROV_STORE (object));
  watch_database (self);
  self->group = askarov_group_new (self->store);
  update_group_name (self->group, NULL, self->settings);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (update_group_name), self->group, G_CONNECT_SWAPPED);
  askarov_group_start (self->group, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AskarovApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = NULL;

  store = askarov_store_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (store == NULL)
    {
      g_message ("Could not open the database: %s", error->message);
      self->store_error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
      return;
    }

  /* A fresh install opens on the Askarov case: add it (on a worker) before
   * the parts see the store, so they all start from the same library. */
  askarov_case_pack_install_async (store, TRUE, self->cancellable, pack_installed_cb, g_object_ref (self));
}

/* build-aux/bench-startup: with ASKAROV_BENCH_STARTUP set, print the
 * monotonic time of the first painted frame (and whether the database was
 * already open then), so the benchmark can check the external measure. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  AskarovApplication *self = user_data;

  g_printerr ("bench: first-frame %" G_GINT64_FORMAT " store-ready %d\n",
              g_get_monotonic_time (), self->store != NULL);
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, user_data);
}

static void
bench_window_realize_cb (GtkWidget *window,
                         gpointer   user_data)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (bench_after_paint_cb), user_data, 0);
}

static void store_toggled_cb (gpointer  data,
                              GObject  *object,
                              gboolean  is_last_ref);

static void
destroy_windows (AskarovApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* GTK leaves the windows at shutdown; their parts let go of the store here. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
}

static void
close_store_now (AskarovApplication *self)
{
  g_clear_handle_id (&self->quit_timeout_id, g_source_remove);
  if (self->store != NULL)
    {
      AskarovStore *store = g_steal_pointer (&self->store);

      askarov_store_close (store);
      if (self->quit_state == QUIT_CLOSING)
        g_object_remove_toggle_ref (G_OBJECT (store), store_toggled_cb, self);
      else
        g_object_unref (store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
  g_debug ("The store is closed");
  self->quit_state = QUIT_CLOSED;
  g_application_release (G_APPLICATION (self));
  g_application_quit (G_APPLICATION (self));
}

static gboolean
store_released_cb (gpointer user_data)
{
  AskarovApplication *self = user_data;

  /* Only the main thread takes new references once the parts are gone, so
   * a count of one here (the toggle reference) means no worker holds it. */
  if (self->quit_state == QUIT_CLOSING && self->store != NULL &&
      g_atomic_int_get ((int *) &G_OBJECT (self->store)->ref_count) == 1)
    close_store_now (self);
  return G_SOURCE_REMOVE;
}

/* Any thread: the last write holding the store let go of it. */
static void
store_toggled_cb (gpointer  data,
                  GObject  *object,
                  gboolean  is_last_ref)
{
  if (is_last_ref)
    g_idle_add_full (G_PRIORITY_DEFAULT, store_released_cb, g_object_ref (data), g_object_unref);
}

static void
start_closing (AskarovApplication *self)
{
  destroy_windows (self);
  /* The group lets go of the store once its last journal write is done. */
  if (self->group != NULL)
    {
      askarov_group_stop (self->group);
      g_signal_handlers_disconnect_by_data (self->settings, self->group);
      g_clear_object (&self->group);
    }
  self->quit_state = QUIT_CLOSING;
  if (self->store == NULL)
    {
      close_store_now (self);
      return;
    }
  /* Every write queued on a worker holds a reference to the store: it is
   * closed when the application's is the only one left. */
  g_object_add_toggle_ref (G_OBJECT (self->store), store_toggled_cb, self);
  g_object_unref (self->store);
}

static void
window_flushed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AskarovApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (object != NULL && !askarov_window_flush_finish (ASKAROV_WINDOW (object), result, &error))
    g_message ("Quitting without everything written: %s", error->message);
  if (--self->quit_flushes == 0 && self->quit_state == QUIT_FLUSHING)
    start_closing (self);
}

static gboolean
quit_timeout_cb (gpointer user_data)
{
  AskarovApplication *self = user_data;

  self->quit_timeout_id = 0;
  g_warning ("Still writing %d s after quitting (%s, %u references to the store); closing the database anyway",
             QUIT_TIMEOUT_S, self->quit_state == QUIT_FLUSHING ? "saving" : "waiting for the workers",
             self->store != NULL ? (guint) g_atomic_int_get ((int *) &G_OBJECT (self->store)->ref_count) : 0);
  if (self->quit_state == QUIT_FLUSHING)
    start_closing (self);
  if (self->quit_state == QUIT_CLOSING)
    close_store_now (self);
  return G_SOURCE_REMOVE;
}

/* Starts quitting: the windows hide at once, write what they have, and go;
 * the store closes once the last write on a worker is done, and then the
 * application quits. The application is held meanwhile. */
static void
begin_quit (AskarovApplication *self)
{
  g_autoptr(GList) windows = NULL;

  if (self->quit_state != QUIT_RUNNING)
    return;

  self->quit_state = QUIT_FLUSHING;
  unwatch_database (self);
  g_application_hold (G_APPLICATION (self));
  g_cancellable_cancel (self->cancellable);
  self->quit_timeout_id = g_timeout_add_seconds (QUIT_TIMEOUT_S, quit_timeout_cb, self);

  self->quit_flushes = 1;
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      gtk_widget_set_visible (GTK_WIDGET (l->data), FALSE);
      if (ASKAROV_IS_WINDOW (l->data))
        {
          self->quit_flushes++;
          askarov_window_flush_async (ASKAROV_WINDOW (l->data), NULL, window_flushed_cb, g_object_ref (self));
        }
    }
  window_flushed_cb (NULL, NULL, g_object_ref (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  begin_quit (ASKAROV_APPLICATION (user_data));
}

static void
logout_flushed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AskarovApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (object != NULL && !askarov_window_flush_finish (ASKAROV_WINDOW (object), result, &error))
    g_message ("Saving before the session ends: %s", error->message);
  if (--self->logout_flushes > 0)
    return;
  if (self->logout_cookie != 0)
    gtk_application_uninhibit (GTK_APPLICATION (self), self->logout_cookie);
  self->logout_cookie = 0;
}

/* The session is about to end: while something typed is not yet written,
 * ask the session to wait, and write it. The session's end then quits the
 * application (shutdown flushes and closes the store). */
static void
query_end_cb (GtkApplication     *app,
              AskarovApplication *self)
{
  gboolean unsaved = FALSE;

  if (self->logout_flushes > 0 || self->quit_state != QUIT_RUNNING)
    return;
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (ASKAROV_IS_WINDOW (l->data) && askarov_window_has_unsaved_work (l->data))
      unsaved = TRUE;
  if (!unsaved)
    return;

  self->logout_cookie = gtk_application_inhibit (app, gtk_application_get_active_window (app),
                                                 GTK_APPLICATION_INHIBIT_LOGOUT,
                                                 _("Saving your letter"));
  self->logout_flushes = 1;
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (ASKAROV_IS_WINDOW (l->data))
      {
        self->logout_flushes++;
        askarov_window_flush_async (l->data, NULL, logout_flushed_cb, g_object_ref (self));
      }
  logout_flushed_cb (NULL, NULL, g_object_ref (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AskarovApplication *self = user_data;
  static const char *developers[] = { "The Askarov authors", NULL };
  AdwDialog *dialog;

  dialog = adw_about_dialog_new ();
  adw_about_dialog_set_application_name (ADW_ABOUT_DIALOG (dialog), _("Askarov"));
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (dialog), APP_ID);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (dialog), PACKAGE_VERSION);
  adw_about_dialog_set_developer_name (ADW_ABOUT_DIALOG (dialog), _("The Askarov authors"));
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (dialog), developers);
  adw_about_dialog_set_license_type (ADW_ABOUT_DIALOG (dialog), GTK_LICENSE_GPL_3_0);
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (dialog), "© 2026 The Askarov authors");
  adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (dialog),
                                 _("Write to officials for people at risk, in their language, and keep count of what you did. Everything stays on this computer."));
  adw_about_dialog_set_website (ADW_ABOUT_DIALOG (dialog), "https://example.com/askarov");
  adw_about_dialog_set_issue_url (ADW_ABOUT_DIALOG (dialog), "https://example.com/askarov/issues");
  /* Translators: put your name (and email) here, one per line */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (dialog), _("translator-credits"));
  adw_dialog_present (dialog, GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AskarovApplication *self = user_data;
  AdwDialog *dialog = askarov_preferences_dialog_new (self->settings);

  if (self->group != NULL)
    askarov_preferences_dialog_set_group (ASKAROV_PREFERENCES_DIALOG (dialog), self->group);

  adw_dialog_present (dialog, GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AskarovApplication *self = user_data;
  AdwDialog *dialog = askarov_shortcuts_dialog_new ();

  adw_dialog_present (dialog, GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AskarovWindow *window = get_main_window (ASKAROV_APPLICATION (user_data));

  askarov_window_show_page (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
  /* Used by notifications, which can only name app. actions. */
  { "show-page", show_page_action, "s" },
};

static int
askarov_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  g_autofree char *db_path = askarov_store_default_path ();

  return askarov_cli_handle (options, db_path);
}

static void
askarov_application_startup (GApplication *app)
{
  AskarovApplication *self = ASKAROV_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *import_accels[] = { "<Control>o", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *page1_accels[] = { "<Alt>1", NULL };
  static const char *page2_accels[] = { "<Alt>2", NULL };
  static const char *page3_accels[] = { "<Alt>3", NULL };
  g_autofree char *db_path = NULL;

  G_APPLICATION_CLASS (askarov_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import-documents", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-page('documents')", page1_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-page('compose')", page2_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-page('actions')", page3_accels);

  self->settings = g_settings_new (APP_ID);

  /* The database opens on a worker so that the first frame does not wait for it. */
  db_path = askarov_store_default_path ();
  askarov_store_open_async (db_path, self->cancellable, store_opened_cb, g_object_ref (self));
}

static void
askarov_application_activate (GApplication *app)
{
  AskarovWindow *window = get_main_window (ASKAROV_APPLICATION (app));

  if (g_getenv ("ASKAROV_BENCH_STARTUP") != NULL && !gtk_widget_get_realized (GTK_WIDGET (window)))
    g_signal_connect_object (window, "realize", G_CALLBACK (bench_window_realize_cb), app, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
askarov_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  AskarovWindow *window = get_main_window (ASKAROV_APPLICATION (app));

  askarov_window_import_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
askarov_application_shutdown (GApplication *app)
{
  AskarovApplication *self = ASKAROV_APPLICATION (app);

  /* Quitting by other ways than app.quit (the last window closed, the
   * session's end) ends up here, with the main loop stopped: run it until
   * everything is written and the store closed. */
  begin_quit (self);
  while (self->quit_state != QUIT_CLOSED)
    g_main_context_iteration (NULL, TRUE);

  G_APPLICATION_CLASS (askarov_application_parent_class)->shutdown (app);
}

static void
askarov_application_dispose (GObject *object)
{
  AskarovApplication *self = ASKAROV_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->quit_timeout_id, g_source_remove);
  unwatch_database (self);
  if (self->store != NULL && self->quit_state == QUIT_CLOSING)
    g_object_remove_toggle_ref (G_OBJECT (g_steal_pointer (&self->store)), store_toggled_cb, self);
  g_clear_object (&self->group);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (askarov_application_parent_class)->dispose (object);
}

static void
askarov_application_finalize (GObject *object)
{
  AskarovApplication *self = ASKAROV_APPLICATION (object);

  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (askarov_application_parent_class)->finalize (object);
}

static void
askarov_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AskarovApplication *self = ASKAROV_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_application_class_init (AskarovApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = askarov_application_dispose;
  object_class->finalize = askarov_application_finalize;
  object_class->get_property = askarov_application_get_property;

  app_class->handle_local_options = askarov_application_handle_local_options;
  app_class->startup = askarov_application_startup;
  app_class->activate = askarov_application_activate;
  app_class->open = askarov_application_open;
  app_class->shutdown = askarov_application_shutdown;

  /**
   * AskarovApplication:store:
   *
   * The database, once opened; %NULL before that or when it could not be
   * opened (see askarov_application_get_store_error()).
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ASKAROV_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
askarov_application_init (AskarovApplication *self)
{
  self->cancellable = g_cancellable_new ();
  askarov_cli_add_options (G_APPLICATION (self));
  g_signal_connect (self, "query-end", G_CALLBACK (query_end_cb), self);
}

AskarovApplication *
askarov_application_new (const char *application_id)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (ASKAROV_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/com/example/Askarov",
                       /* For "query-end": the session waits while a letter is saved. */
                       "register-session", TRUE,
                       NULL);
}

/**
 * askarov_application_get_store:
 *
 * Returns: (transfer none) (nullable): the database, or %NULL while it is
 *   being opened or when it could not be
 */
AskarovStore *
askarov_application_get_store (AskarovApplication *self)
{
  g_return_val_if_fail (ASKAROV_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * askarov_application_get_group:
 *
 * Returns: (transfer none) (nullable): the group folder's follower, with
 *   the store (NULL until it is open)
 */
AskarovGroup *
askarov_application_get_group (AskarovApplication *self)
{
  g_return_val_if_fail (ASKAROV_IS_APPLICATION (self), NULL);

  return self->group;
}

const GError *
askarov_application_get_store_error (AskarovApplication *self)
{
  g_return_val_if_fail (ASKAROV_IS_APPLICATION (self), NULL);

  return self->store_error;
}

GSettings *
askarov_application_get_settings (AskarovApplication *self)
{
  g_return_val_if_fail (ASKAROV_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* ---- Restore ---------------------------------------------------------- */

/* Restoring: every window lets go of its letter (queuing its last edits)
 * and waits until all of them are written; then the backup replaces the
 * database, and every part reads it afresh. A letter left open would save
 * over the restored draft with its id, and its "Mark as Sent" would log the
 * action under a case id that now names another case. */

static void
restore_end (AskarovApplication *self)
{
  g_clear_object (&self->restore);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (ASKAROV_IS_WINDOW (l->data))
      askarov_window_set_restoring (l->data, FALSE);
  if (self->store != NULL)
    askarov_store_emit_external_change (self->store);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AskarovApplication *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  gboolean ok = askarov_store_restore_finish (ASKAROV_STORE (object), result, &error);

  /* Read afresh either way: a failed restore left the database as it was,
   * and the letters come back from it. */
  restore_end (self);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
restore_window_flushed_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(AskarovApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GTask *task = self->restore;

  if (object != NULL && !askarov_window_flush_finish (ASKAROV_WINDOW (object), result, &error))
    g_task_set_task_data (task, g_steal_pointer (&error), (GDestroyNotify) g_error_free);
  if (--self->restore_flushes > 0)
    return;

  if (g_task_get_task_data (task) != NULL || self->store == NULL)
    {
      const GError *flush_error = g_task_get_task_data (task);
      g_autoptr(GTask) failed = g_object_ref (task);

      restore_end (self);
      if (flush_error != NULL)
        g_task_return_new_error (failed, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
                                 /* Translators: %s says why a letter could not be saved */
                                 _("A letter could not be saved before the restore, so nothing was restored: %s"),
                                 flush_error->message);
      else
        g_task_return_new_error (failed, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
                                 "%s", _("The database is not open."));
      return;
    }
  askarov_store_restore_async (self->store, g_object_get_data (G_OBJECT (task), "path"),
                               NULL, restored_cb, g_object_ref (task));
}

/**
 * askarov_application_restore_async:
 * @path: a backup written by the app
 *
 * Replaces the database with the backup once every letter open in any
 * window is saved and closed; afterwards every part shows the restored
 * data, the letters included. Refused (%ASKAROV_STORE_ERROR_BUSY) while an
 * import or export, or another restore, runs.
 */
void
askarov_application_restore_async (AskarovApplication  *self,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GList) windows = NULL;

  g_return_if_fail (ASKAROV_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_application_restore_async);
  if (self->store == NULL || self->quit_state != QUIT_RUNNING)
    {
      g_task_return_new_error (task, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
                               "%s", _("The database is not open."));
      return;
    }
  if (self->restore != NULL || askarov_store_has_file_jobs (self->store))
    {
      g_task_return_new_error (task, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_BUSY, "%s",
                               self->restore != NULL
                               ? _("A backup is already being restored.")
                               : _("An import or export is still running. Restore the backup once it is done; nothing was changed."));
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  self->restore = g_object_ref (task);
  self->restore_flushes = 1;
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (ASKAROV_IS_WINDOW (l->data))
      {
        askarov_window_set_restoring (l->data, TRUE);
        self->restore_flushes++;
        askarov_window_flush_async (l->data, NULL, restore_window_flushed_cb, g_object_ref (self));
      }
  restore_window_flushed_cb (NULL, NULL, g_object_ref (self));
}

gboolean
askarov_application_restore_finish (AskarovApplication  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * askarov_application_is_restoring:
 *
 * Returns: %TRUE while a restore runs
 */
gboolean
askarov_application_is_restoring (AskarovApplication *self)
{
  g_return_val_if_fail (ASKAROV_IS_APPLICATION (self), FALSE);

  return self->restore != NULL;
}
