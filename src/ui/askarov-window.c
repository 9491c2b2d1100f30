/* askarov-window.c — the main window: Documents, Compose and Actions in one adaptive frame.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-window"

#include "config.h"

#include "askarov-window.h"

#include <glib/gi18n.h>

#include "askarov-browser-page.h"
#include "askarov-composer-page.h"
#include "askarov-tracker-page.h"

struct _AskarovWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwToast             *lasting_toast;  /* weak: a toast without timeout, while it shows */
  AdwHeaderBar         *header_bar;
  AdwBanner            *banner;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;
  AskarovBrowserPage   *browser_page;
  AdwBin               *composer_slot;
  AdwBin               *tracker_slot;

  /* Built after the first frame (or when first needed); owned by their slots. */
  AskarovComposerPage  *composer_page;
  AskarovTrackerPage   *tracker_page;
  guint                 build_pages_id;

  GSettings            *settings;
  char                 *banner_details;

  gboolean              closing;   /* hidden, flushing before it goes */
  gboolean              flushed;   /* a close may go ahead */
};

G_DEFINE_FINAL_TYPE (AskarovWindow, askarov_window, ADW_TYPE_APPLICATION_WINDOW)

static AskarovStore *
current_store (AskarovWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? askarov_application_get_store (ASKAROV_APPLICATION (app)) : NULL;
}

/* Builds the parts that are not on screen once the first frame is out, so
 * that start-up only pays for the part it shows (the Actions part also
 * checks deadlines for reminders, so it is built even if never shown). */
static gboolean
build_pages_cb (gpointer user_data)
{
  AskarovWindow *self = user_data;

  self->build_pages_id = 0;
  askarov_window_get_composer_page (self);
  askarov_window_get_tracker_page (self);
  return G_SOURCE_REMOVE;
}

static void
stack_visible_child_cb (AskarovWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "compose") == 0)
    askarov_window_get_composer_page (self);
  else if (g_strcmp0 (name, "actions") == 0)
    askarov_window_get_tracker_page (self);
}

static void
update_store (AskarovWindow *self)
{
  AskarovApplication *app = ASKAROV_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  AskarovStore *store;
  const GError *error;

  if (app == NULL)
    return;

  store = askarov_application_get_store (app);
  error = askarov_application_get_store_error (app);

  if (store == NULL && error != NULL)
    {
      adw_banner_set_title (self->banner, _("Your documents and actions could not be opened"));
      g_set_str (&self->banner_details, error->message);
      adw_banner_set_revealed (self->banner, TRUE);
    }
  else if (store != NULL && askarov_store_get_moved_aside (store) != NULL)
    {
      adw_banner_set_title (self->banner, _("The database was damaged and a new one was started"));
      g_free (self->banner_details);
      self->banner_details =
        /* Translators: %s is the path of the damaged database file */
        g_strdup_printf (_("The damaged file was kept as %s. Nothing in it was deleted; restore a backup from the Actions page, or keep the file for a data recovery tool."),
                         askarov_store_get_moved_aside (store));
      adw_banner_set_revealed (self->banner, TRUE);
    }

  askarov_browser_page_set_store (self->browser_page, store);
  if (self->composer_page != NULL)
    askarov_composer_page_set_store (self->composer_page, store);
  if (self->tracker_page != NULL)
    {
      askarov_tracker_page_set_store (self->tracker_page, store);
      askarov_tracker_page_set_group (self->tracker_page, askarov_application_get_group (app));
    }
}

static void
app_notify_store_cb (AskarovWindow *self)
{
  update_store (self);
}

static void
banner_button_clicked_cb (AskarovWindow *self)
{
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (adw_banner_get_title (self->banner), self->banner_details);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
import_dialog_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AskarovWindow) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, &error);
  if (files == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));

  askarov_window_import_files (self, (GFile **) array->pdata, array->len);
}

static void
import_documents_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AskarovWindow *self = ASKAROV_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("Urgent Actions (PDF, web pages, text)"));
  gtk_file_filter_add_mime_type (all, "application/pdf");
  gtk_file_filter_add_mime_type (all, "text/html");
  gtk_file_filter_add_mime_type (all, "text/plain");
  gtk_file_filter_add_mime_type (all, "text/markdown");
  gtk_file_filter_add_suffix (all, "md");
  g_list_store_append (filters, all);
  gtk_file_filter_set_name (any, _("All Files"));
  gtk_file_filter_add_pattern (any, "*");
  g_list_store_append (filters, any);

  gtk_file_dialog_set_title (dialog, _("Import Documents"));
  gtk_file_dialog_set_accept_label (dialog, _("_Import"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, all);
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, import_dialog_done_cb, g_object_ref (self));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  askarov_window_show_page (ASKAROV_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AskarovWindow *self = ASKAROV_WINDOW (widget);

  askarov_window_show_page (self, "documents");
  askarov_browser_page_start_search (self->browser_page);
}

static void
compose_to_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AskarovWindow *self = ASKAROV_WINDOW (widget);
  gint64 document_id = 0;
  int target_position = -1;

  g_variant_get (parameter, "(xi)", &document_id, &target_position);
  askarov_window_show_page (self, "compose");
  askarov_composer_page_compose_to (askarov_window_get_composer_page (self), document_id, target_position);
}

static void
log_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AskarovWindow *self = ASKAROV_WINDOW (widget);

  askarov_tracker_page_log_record (askarov_window_get_tracker_page (self), parameter);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  AskarovWindow *self = user_data;
  GdkFileList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  for (GSList *l = gdk_file_list_get_files (list); l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;

  askarov_window_import_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* Called once the window belongs to @app: "application" is not a construct
 * property, so this cannot happen in constructed(). */
static void
attach_application (AskarovWindow      *self,
                    AskarovApplication *app)
{
  self->settings = g_object_ref (askarov_application_get_settings (app));
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-page", self->stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (app, "notify::store", G_CALLBACK (app_notify_store_cb), self, G_CONNECT_SWAPPED);
  update_store (self);
}

/* Another process may have written while the window was in the background. */
static void
notify_is_active_cb (AskarovWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && gtk_window_is_active (GTK_WINDOW (self)))
    askarov_application_check_database (ASKAROV_APPLICATION (app));
}

static void
askarov_window_map (GtkWidget *widget)
{
  AskarovWindow *self = ASKAROV_WINDOW (widget);

  GTK_WIDGET_CLASS (askarov_window_parent_class)->map (widget);

  if (self->build_pages_id == 0 && (self->composer_page == NULL || self->tracker_page == NULL))
    self->build_pages_id = g_timeout_add_full (G_PRIORITY_LOW, 100, build_pages_cb, self, NULL);
}

static void
close_flushed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AskarovWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->closing = FALSE;
  self->flushed = TRUE;
  if (!askarov_window_flush_finish (self, result, &error))
    {
      /* The composer said why; the window stays, and the next close goes. */
      g_message ("Closing the window: %s", error->message);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A window with a save waiting or running goes away once it is written:
 * it hides at once, and is destroyed when the flush is done. */
static gboolean
askarov_window_close_request (GtkWindow *window)
{
  AskarovWindow *self = ASKAROV_WINDOW (window);

  if (self->flushed || !askarov_window_has_unsaved_work (self))
    return GTK_WINDOW_CLASS (askarov_window_parent_class)->close_request (window);

  if (!self->closing)
    {
      self->closing = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      askarov_window_flush_async (self, NULL, close_flushed_cb, g_object_ref (self));
    }
  return TRUE;
}

static void
askarov_window_dispose (GObject *object)
{
  AskarovWindow *self = ASKAROV_WINDOW (object);

  g_clear_handle_id (&self->build_pages_id, g_source_remove);
  g_clear_weak_pointer (&self->lasting_toast);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_WINDOW);

  G_OBJECT_CLASS (askarov_window_parent_class)->dispose (object);
}

static void
askarov_window_finalize (GObject *object)
{
  AskarovWindow *self = ASKAROV_WINDOW (object);

  g_clear_pointer (&self->banner_details, g_free);

  G_OBJECT_CLASS (askarov_window_parent_class)->finalize (object);
}

static void
askarov_window_class_init (AskarovWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = askarov_window_dispose;
  object_class->finalize = askarov_window_finalize;
  widget_class->map = askarov_window_map;
  GTK_WINDOW_CLASS (klass)->close_request = askarov_window_close_request;

  g_type_ensure (ASKAROV_TYPE_BROWSER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AskarovWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AskarovWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, AskarovWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AskarovWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AskarovWindow, browser_page);
  gtk_widget_class_bind_template_child (widget_class, AskarovWindow, composer_slot);
  gtk_widget_class_bind_template_child (widget_class, AskarovWindow, tracker_slot);

  gtk_widget_class_install_action (widget_class, "win.import-documents", NULL, import_documents_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  /* (document id, target position or -1): open the composer for that target. */
  gtk_widget_class_install_action (widget_class, "win.compose-to", "(xi)", compose_to_action);
  /* a{sv} of record fields (see askarov_tracker_page_log_record()). */
  gtk_widget_class_install_action (widget_class, "win.log-record", "a{sv}", log_record_action);
}

static void
askarov_window_init (AskarovWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_swapped (self->banner, "button-clicked", G_CALLBACK (banner_button_clicked_cb), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (stack_visible_child_cb), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (notify_is_active_cb), NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

AskarovWindow *
askarov_window_new (AskarovApplication *application)
{
  AskarovWindow *self;

  g_return_val_if_fail (ASKAROV_IS_APPLICATION (application), NULL);

  self = g_object_new (ASKAROV_TYPE_WINDOW,
                       "application", application,
                       NULL);
  attach_application (self, application);
  return self;
}

/**
 * askarov_window_import_files:
 *
 * Shows the Documents page and imports @files into the case library, with a
 * toast for each file that could not be imported.
 */
void
askarov_window_import_files (AskarovWindow  *self,
                             GFile         **files,
                             int             n_files)
{
  g_return_if_fail (ASKAROV_IS_WINDOW (self));

  askarov_window_show_page (self, "documents");
  askarov_browser_page_import_files (self->browser_page, files, n_files);
}

void
askarov_window_show_page (AskarovWindow *self,
                          const char    *name)
{
  g_return_if_fail (ASKAROV_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

void
askarov_window_add_toast (AskarovWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (ASKAROV_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* Toasts carry user text (file, case and official names): plain text,
   * so that “Q&A.pdf” shows as written instead of a blank toast. */
  adw_toast_set_use_markup (toast, FALSE);
  /* A toast that stays until dismissed (an Undo) gives way to the next
   * one instead of holding it back in the overlay's queue. */
  if (self->lasting_toast != NULL && self->lasting_toast != toast)
    adw_toast_dismiss (self->lasting_toast);
  if (adw_toast_get_timeout (toast) == 0)
    g_set_weak_pointer (&self->lasting_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * askarov_window_get_composer_page:
 *
 * Returns: (transfer none): the Compose part, built now if it was not yet
 */
AskarovComposerPage *
askarov_window_get_composer_page (AskarovWindow *self)
{
  g_return_val_if_fail (ASKAROV_IS_WINDOW (self), NULL);

  if (self->composer_page == NULL)
    {
      self->composer_page = g_object_new (ASKAROV_TYPE_COMPOSER_PAGE, NULL);
      if (self->settings != NULL)
        askarov_composer_page_set_settings (self->composer_page, self->settings);
      askarov_composer_page_set_store (self->composer_page, current_store (self));
      adw_bin_set_child (self->composer_slot, GTK_WIDGET (self->composer_page));
    }
  return self->composer_page;
}

/**
 * askarov_window_get_tracker_page:
 *
 * Returns: (transfer none): the Actions part, built now if it was not yet
 */
AskarovTrackerPage *
askarov_window_get_tracker_page (AskarovWindow *self)
{
  g_return_val_if_fail (ASKAROV_IS_WINDOW (self), NULL);

  if (self->tracker_page == NULL)
    {
      self->tracker_page = g_object_new (ASKAROV_TYPE_TRACKER_PAGE, NULL);
      if (self->settings != NULL)
        askarov_tracker_page_set_settings (self->tracker_page, self->settings);
      askarov_tracker_page_set_store (self->tracker_page, current_store (self));
      adw_bin_set_child (self->tracker_slot, GTK_WIDGET (self->tracker_page));
    }
  return self->tracker_page;
}

/**
 * askarov_window_has_unsaved_work:
 *
 * Returns: %TRUE while something typed in the window is not yet written
 */
gboolean
askarov_window_has_unsaved_work (AskarovWindow *self)
{
  g_return_val_if_fail (ASKAROV_IS_WINDOW (self), FALSE);

  return self->composer_page != NULL && !askarov_composer_page_is_saved (self->composer_page);
}

/**
 * askarov_window_set_restoring:
 *
 * While a backup is restored, the window takes no input and the letter on
 * screen is closed (its last edits queued, see askarov_window_flush_async()),
 * so that nothing is written over the restored data with the old ids. When
 * it ends, the Compose part reopens the newest draft from the database.
 */
void
askarov_window_set_restoring (AskarovWindow *self,
                              gboolean       restoring)
{
  g_return_if_fail (ASKAROV_IS_WINDOW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !restoring);
  gtk_widget_set_sensitive (GTK_WIDGET (self->header_bar), !restoring);
  if (self->composer_page != NULL)
    askarov_composer_page_set_store (self->composer_page, restoring ? NULL : current_store (self));
}

static void
tracker_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_tracker_page_wait_saves_finish (ASKAROV_TRACKER_PAGE (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
composer_flushed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  AskarovWindow *self = g_task_get_source_object (task);

  if (!askarov_composer_page_flush_finish (ASKAROV_COMPOSER_PAGE (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  /* A "Mark as Sent" hands its action to the Actions part: wait for it too. */
  else if (self->tracker_page != NULL)
    askarov_tracker_page_wait_saves_async (self->tracker_page, tracker_saved_cb, g_steal_pointer (&task));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * askarov_window_flush_async:
 *
 * Writes everything the window's parts have not written yet (the letter
 * being typed, its queued saves, a "Mark as Sent" waiting for its save, the
 * action it logs) and waits for it. The application calls this on every window before it closes
 * the store (on quit and at the end of the session); a window calls it on
 * itself before it closes. Fails when something could not be written.
 */
void
askarov_window_flush_async (AskarovWindow       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASKAROV_IS_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_window_flush_async);
  if (self->composer_page == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  askarov_composer_page_flush_async (self->composer_page, cancellable, composer_flushed_cb, g_steal_pointer (&task));
}

gboolean
askarov_window_flush_finish (AskarovWindow  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
