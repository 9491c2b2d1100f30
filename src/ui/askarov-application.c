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
#include "askarov-window.h"

struct _AskarovApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  AskarovStore   *store;        /* NULL until opened */
  GError         *store_error;  /* why it could not be opened, or NULL */
  GCancellable   *cancellable;
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

  self->store = g_object_ref (ASKAROV_STORE (object));
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

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
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

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    askarov_store_close (self->store);

  G_APPLICATION_CLASS (askarov_application_parent_class)->shutdown (app);
}

static void
askarov_application_dispose (GObject *object)
{
  AskarovApplication *self = ASKAROV_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
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
}

AskarovApplication *
askarov_application_new (const char *application_id)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (ASKAROV_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/com/example/Askarov",
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
