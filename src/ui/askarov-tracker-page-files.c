/* askarov-tracker-page-files.c — the tracker page's file actions: export, import, backup and restore.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-tracker-page"

#include "config.h"

#include "askarov-tracker-page-private.h"

#include <glib/gi18n.h>

#include "askarov-application.h"
#include "askarov-records-csv.h"

static GtkFileFilter *
new_filter (const char *name,
            const char *mime_type,
            const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  if (suffix != NULL)
    gtk_file_filter_add_suffix (filter, suffix);
  return filter;
}

static GtkFileDialog *
new_file_dialog (const char    *title,
                 GtkFileFilter *filter)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = new_filter (_("All Files"), NULL, NULL);

  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, filter);
  g_list_store_append (filters, all);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  return dialog;
}

static char *
dated_name (const char *stem,
            const char *suffix)
{
  g_autofree char *today = askarov_date_today ();

  return g_strdup_printf ("%s-%s.%s", stem, today, suffix);
}

/* ---- Export ------------------------------------------------------------ */

static void
show_exported (AskarovTrackerPage *self,
               int                 n,
               GError             *error)
{
  g_autofree char *text = NULL;

  if (n < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        askarov_tracker_page_show_error (self, _("The actions were not exported"), error);
      return;
    }

  /* Translators: a toast after an export; %d is the number of actions written */
  text = g_strdup_printf (ngettext ("%d action exported", "%d actions exported", n), n);
  askarov_tracker_page_add_toast (self, adw_toast_new (text));
}

static void
exported_csv_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GError) error = NULL;
  int n = askarov_records_export_csv_file_finish (ASKAROV_STORE (object), result, &error);

  askarov_store_end_file_job (ASKAROV_STORE (object));

  show_exported (self, n, error);
}

static void
exported_json_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GError) error = NULL;
  int n = askarov_records_export_json_file_finish (ASKAROV_STORE (object), result, &error);

  askarov_store_end_file_job (ASKAROV_STORE (object));

  show_exported (self, n, error);
}

static void
export_dialog_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  gboolean json = GPOINTER_TO_INT (g_object_get_data (object, "json"));

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file != NULL)
    askarov_tracker_page_export_file (self, file, json);
}

/* The export is what the list shows: the filters apply. */
void
askarov_tracker_page_export_file (AskarovTrackerPage *self,
                                  GFile              *file,
                                  gboolean            json)
{
  if (self->store == NULL)
    return;
  askarov_store_begin_file_job (self->store);
  if (json)
    askarov_records_export_json_file_async (self->store, self->filter, file, self->cancellable,
                                            exported_json_cb, g_object_ref (self));
  else
    askarov_records_export_csv_file_async (self->store, self->filter, file, self->cancellable,
                                           exported_csv_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (widget);
  gboolean json = g_str_equal (action_name, "tracker.export-json");
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autofree char *name = NULL;

  if (json)
    filter = new_filter (_("JSON Files"), "application/json", "json");
  else
    filter = new_filter (_("CSV Files"), "text/csv", "csv");
  dialog = new_file_dialog (json ? _("Export Actions as JSON") : _("Export Actions as CSV"), filter);
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  name = dated_name ("askarov-actions", json ? "json" : "csv");
  gtk_file_dialog_set_initial_name (dialog, name);
  g_object_set_data (G_OBJECT (dialog), "json", GINT_TO_POINTER (json));
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        export_dialog_done_cb, g_object_ref (self));
}

/* ---- Import ------------------------------------------------------------ */

static void
import_finished (AskarovTrackerPage *self)
{
  g_clear_object (&self->import_cancellable);
  if (self->import_revealer != NULL)
    gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.cancel-import", FALSE);
}

/* After each batch, in the main thread. */
static void
import_progress_cb (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  AskarovTrackerPage *self = user_data;
  g_autofree char *percent = NULL;
  double fraction;

  if (self->import_progress == NULL || self->import_cancellable == NULL)
    return;
  if (total == 0)
    {
      gtk_progress_bar_pulse (self->import_progress);
      return;
    }
  fraction = CLAMP ((double) done / (double) total, 0.0, 1.0);
  gtk_progress_bar_set_fraction (self->import_progress, fraction);
  /* Translators: how much of the file an import has read; %u is a whole number and %% the percent sign */
  percent = g_strdup_printf (_("%u %%"), (guint) (fraction * 100.0));
  gtk_progress_bar_set_text (self->import_progress, percent);
  gtk_progress_bar_set_show_text (self->import_progress, TRUE);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (widget);

  if (self->import_cancellable == NULL)
    return;
  g_cancellable_cancel (self->import_cancellable);
  gtk_label_set_text (self->import_label, _("Stopping after the rows being saved…"));
  gtk_widget_action_set_enabled (widget, "tracker.cancel-import", FALSE);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(AskarovCsvImportResult) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *text = NULL;
  guint n_rejected;

  import = askarov_records_import_csv_file_finish (ASKAROV_STORE (object), result, &error);
  askarov_store_end_file_job (ASKAROV_STORE (object));
  import_finished (self);
  if (import == NULL)
    {
      /* The page is going (a quit, the store closed): nobody to tell. */
      if (self->store == NULL)
        return;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwToast *toast = adw_toast_new (error->message);

          adw_toast_set_timeout (toast, 0);
          askarov_tracker_page_add_toast (self, toast);
        }
      else
        {
          /* The format errors come before anything is written; anything
           * else may have stopped it part-way, and its message says so. */
          gboolean nothing = error->domain == ASKAROV_RECORDS_CSV_ERROR &&
                             error->code != ASKAROV_RECORDS_CSV_ERROR_TOO_LARGE;
          AdwDialog *alert = adw_alert_dialog_new (nothing ? _("Nothing Was Imported") : _("The Import Stopped"),
                                                   error->message);

          adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
          adw_dialog_present (alert, GTK_WIDGET (self));
        }
      return;
    }

  n_rejected = (import->rejected ? import->rejected->len : 0) + import->n_rejected_unlisted;
  /* Translators: part of the import summary; %u is a number of actions */
  added = g_strdup_printf (ngettext ("%u action added", "%u actions added", import->n_added), import->n_added);
  /* Translators: part of the import summary; %u is a number of rows already in the database */
  skipped = g_strdup_printf (ngettext ("%u duplicate skipped", "%u duplicates skipped", import->n_duplicates),
                             import->n_duplicates);
  if (n_rejected == 0)
    /* Translators: the import summary: “3 actions added, 2 duplicates skipped” */
    text = g_strdup_printf (_("%s, %s"), added, skipped);
  else
    {
      /* Translators: part of the import summary; %u is a number of rows that could not be read */
      g_autofree char *rejected = g_strdup_printf (ngettext ("%u row rejected", "%u rows rejected", n_rejected),
                                                   n_rejected);

      /* Translators: the import summary: “3 actions added, 2 duplicates skipped, 1 row rejected” */
      text = g_strdup_printf (_("%s, %s, %s"), added, skipped, rejected);
    }

  if (n_rejected == 0)
    askarov_tracker_page_add_toast (self, adw_toast_new (text));
  else
    {
      g_autofree char *lines = askarov_csv_import_result_format_rejections (import);
      g_autofree char *body = g_strdup_printf ("%s.\n\n%s", text, lines);
      AdwDialog *alert = adw_alert_dialog_new (_("Some Rows Were Not Imported"), body);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
      adw_dialog_present (alert, GTK_WIDGET (self));
    }
}

static void
import_dialog_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GFile) file = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file != NULL)
    askarov_tracker_page_import_file (self, file);
}

void
askarov_tracker_page_import_file (AskarovTrackerPage *self,
                                  GFile              *file)
{
  if (self->store == NULL)
    return;
  if (self->import_cancellable != NULL)
    {
      askarov_tracker_page_add_toast (self, adw_toast_new (_("An import is already running; wait for it or cancel it")));
      return;
    }
  /* Its own cancellable: Cancel stops the import only. The page's going
   * cancels it too (disconnect_store). */
  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->import_label, _("Importing actions…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_progress_bar_set_show_text (self->import_progress, FALSE);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.cancel-import", TRUE);
  askarov_store_begin_file_job (self->store);
  askarov_records_import_csv_file_async_full (self->store, file, import_progress_cb, g_object_ref (self), g_object_unref,
                                              self->import_cancellable, imported_cb, g_object_ref (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = new_filter (_("CSV Files"), "text/csv", "csv");
  g_autoptr(GtkFileDialog) dialog = new_file_dialog (_("Import Actions"), filter);

  gtk_file_dialog_set_accept_label (dialog, _("_Import"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        import_dialog_done_cb, g_object_ref (self));
}

/* ---- Backup and restore ------------------------------------------------ */

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_store_backup_finish (ASKAROV_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        askarov_tracker_page_show_error (self, _("The backup was not written"), error);
      return;
    }
  askarov_tracker_page_add_toast (self, adw_toast_new (_("Backup written")));
}

static void
backup_dialog_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GFile) file = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file != NULL)
    askarov_tracker_page_backup_to_file (self, file);
}

void
askarov_tracker_page_backup_to_file (AskarovTrackerPage *self,
                                     GFile              *file)
{
  g_autofree char *path = NULL;

  if (self->store == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      askarov_tracker_page_add_toast (self, adw_toast_new (_("Backups can only be written to local files")));
      return;
    }
  askarov_store_backup_async (self->store, path, self->cancellable, backed_up_cb, g_object_ref (self));
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = new_filter (_("Askarov Backups"), "application/vnd.sqlite3", "db");
  g_autoptr(GtkFileDialog) dialog = new_file_dialog (_("Back Up Database"), filter);
  g_autofree char *name = dated_name ("askarov-backup", "db");

  gtk_file_dialog_set_accept_label (dialog, _("_Back Up"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        backup_dialog_done_cb, g_object_ref (self));
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_application_restore_finish (ASKAROV_APPLICATION (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwDialog *alert = adw_alert_dialog_new (_("The Backup Was Not Restored"), error->message);

          adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
          adw_dialog_present (alert, GTK_WIDGET (self));
        }
      return;
    }
  /* What Undo would write back belongs to the data that was replaced. */
  askarov_tracker_page_clear_undo (self);
  /* The store's monitor emits records-reset, and the application
   * external-change: every part reads the restored data. */
  askarov_tracker_page_add_toast (self, adw_toast_new (_("Backup restored")));
}

static void
restore_confirmed_cb (AdwAlertDialog     *alert,
                      const char         *response,
                      AskarovTrackerPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (alert), "path");

  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (!g_str_equal (response, "restore") || self->store == NULL || path == NULL)
    return;
  if (!ASKAROV_IS_APPLICATION (app))
    {
      askarov_tracker_page_add_toast (self, adw_toast_new (_("The backup can only be restored from the main window")));
      return;
    }
  /* The application saves and closes every open letter first, and refuses
   * while an import or export runs. */
  askarov_application_restore_async (ASKAROV_APPLICATION (app), path, self->cancellable,
                                     restored_cb, g_object_ref (self));
}

static void
restore_dialog_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GFile) file = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file != NULL)
    askarov_tracker_page_restore_from_file (self, file);
}

/* Asks first: a restore replaces everything in the database. */
void
askarov_tracker_page_restore_from_file (AskarovTrackerPage *self,
                                        GFile              *file)
{
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *basename = NULL;
  AdwDialog *alert;

  if (self->store == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      askarov_tracker_page_add_toast (self, adw_toast_new (_("Backups can only be read from local files")));
      return;
    }

  basename = g_file_get_basename (file);
  /* Translators: %s is the backup's file name */
  body = g_strdup_printf (_("Everything in Askarov — documents, letters and logged actions — will be replaced by the contents of “%s”. Make a backup first if you may want today's data back."),
                          basename);
  alert = adw_alert_dialog_new (_("Restore Backup?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "restore", _("_Restore"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  g_object_set_data_full (G_OBJECT (alert), "path", g_steal_pointer (&path), g_free);
  g_signal_connect_object (alert, "response", G_CALLBACK (restore_confirmed_cb), self, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = new_filter (_("Askarov Backups"), "application/vnd.sqlite3", "db");
  g_autoptr(GtkFileDialog) dialog = new_file_dialog (_("Restore Database"), filter);

  gtk_file_dialog_set_accept_label (dialog, _("_Open"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        restore_dialog_done_cb, g_object_ref (self));
}

void
askarov_tracker_page_install_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "tracker.import-csv", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "tracker.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "tracker.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "tracker.export-json", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "tracker.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "tracker.restore", NULL, restore_action);
}
