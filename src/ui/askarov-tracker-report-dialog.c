/* askarov-tracker-report-dialog.c — the report of one UA's actions for organisers.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-tracker-report-dialog"

#include "config.h"

#include "askarov-tracker-report-dialog.h"

#include <glib/gi18n.h>

#include "askarov-file.h"
#include "askarov-store-records.h"

struct _AskarovTrackerReportDialog
{
  AdwDialog             parent_instance;

  /* Template children */
  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  AdwComboRow          *reference_row;
  AdwSwitchRow         *unreported_row;
  GtkLabel             *summary_label;
  AdwEntryRow          *address_row;
  GtkButton            *mark_button;
  GtkWidget            *bottom_bar;

  AskarovStore         *store;
  GCancellable         *cancellable;
  GPtrArray            *references;  /* AskarovReferenceCount, in row order */
  char                 *wanted;      /* the reference to select first, or NULL */
  AskarovRecordsReport *report;
  GCancellable         *report_cancellable;  /* the report being built; a newer request cancels it */
};

G_DEFINE_FINAL_TYPE (AskarovTrackerReportDialog, askarov_tracker_report_dialog, ADW_TYPE_DIALOG)

static void load_references (AskarovTrackerReportDialog *self);

static void
add_toast (AskarovTrackerReportDialog *self,
           const char                 *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
update_actions (AskarovTrackerReportDialog *self)
{
  gboolean has_records = self->report != NULL && askarov_records_report_get_n_records (self->report) > 0;
  guint n_unreported = 0;

  if (self->report != NULL)
    {
      GPtrArray *records = askarov_records_report_get_records (self->report);

      for (guint i = 0; i < records->len; i++)
        if (!askarov_action_record_get_reported (g_ptr_array_index (records, i)))
          n_unreported++;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.copy", has_records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.email", has_records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save-csv", has_records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.mark-reported", n_unreported > 0);
}

static void
report_built_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AskarovTrackerReportDialog) self = user_data;
  g_autoptr(AskarovRecordsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  report = askarov_store_build_report_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      g_clear_object (&self->report);
      update_actions (self);
      return;
    }

  g_set_object (&self->report, report);
  if (askarov_records_report_get_n_records (report) == 0)
    text = g_strdup (_("Every action for this Urgent Action has been reported. Switch off “Only Actions Not Reported Yet” to see them all again."));
  else
    text = askarov_records_report_to_text (report);
  gtk_label_set_label (self->summary_label, text);
  update_actions (self);
}

static void
build_report (AskarovTrackerReportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->reference_row);
  AskarovReferenceCount *count;

  if (self->references == NULL || selected >= self->references->len)
    return;

  count = g_ptr_array_index (self->references, selected);
  g_clear_object (&self->report);
  update_actions (self);
  g_cancellable_cancel (self->report_cancellable);
  g_clear_object (&self->report_cancellable);
  self->report_cancellable = g_cancellable_new ();
  askarov_store_build_report_async (self->store, count->reference,
                                    adw_switch_row_get_active (self->unreported_row),
                                    self->report_cancellable, report_built_cb, g_object_ref (self));
}

static void
selection_changed_cb (AskarovTrackerReportDialog *self)
{
  build_report (self);
}

static char *
describe_reference (AskarovReferenceCount *count)
{
  /* Actions for a UA outside any case have a reference and no case name. */
  if (count->case_name == NULL || *count->case_name == '\0')
    {
      if (count->n_unreported == 0)
        /* Translators: a UA in no case in the report dialog: its reference, and that all its actions were reported */
        return g_strdup_printf (_("UA %s: all reported"), count->reference);
      /* Translators: a UA in no case in the report dialog: its reference and the number of actions not reported yet */
      return g_strdup_printf (ngettext ("UA %s: %u to report", "UA %s: %u to report", count->n_unreported),
                              count->reference, count->n_unreported);
    }
  if (count->n_unreported == 0)
    /* Translators: a UA in the report dialog: reference, case, and that all its actions were reported */
    return g_strdup_printf (_("UA %s, %s: all reported"), count->reference, count->case_name);
  /* Translators: a UA in the report dialog: reference, case, and the number of actions not reported yet */
  return g_strdup_printf (ngettext ("UA %s, %s: %u to report", "UA %s, %s: %u to report", count->n_unreported),
                          count->reference, count->case_name, count->n_unreported);
}

static void
references_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AskarovTrackerReportDialog) self = user_data;
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;
  guint previous = adw_combo_row_get_selected (self->reference_row);
  g_autofree char *previous_reference = NULL;

  references = askarov_store_list_references_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (references == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  if (self->references != NULL && previous < self->references->len)
    previous_reference = g_strdup (((AskarovReferenceCount *) g_ptr_array_index (self->references, previous))->reference);

  for (guint i = 0; i < references->len; i++)
    {
      AskarovReferenceCount *count = g_ptr_array_index (references, i);
      g_autofree char *label = describe_reference (count);

      gtk_string_list_append (names, label);
      if (selected == GTK_INVALID_LIST_POSITION &&
          (g_strcmp0 (count->reference, previous_reference ? previous_reference : self->wanted) == 0))
        selected = i;
    }
  /* Without a wish, the first UA that still has actions to report. */
  for (guint i = 0; selected == GTK_INVALID_LIST_POSITION && i < references->len; i++)
    if (((AskarovReferenceCount *) g_ptr_array_index (references, i))->n_unreported > 0)
      selected = i;
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;

  g_clear_pointer (&self->references, g_ptr_array_unref);
  self->references = g_steal_pointer (&references);

  gtk_stack_set_visible_child_name (self->stack, self->references->len > 0 ? "report" : "nothing");
  gtk_widget_set_visible (self->bottom_bar, self->references->len > 0);
  g_signal_handlers_block_by_func (self->reference_row, selection_changed_cb, self);
  adw_combo_row_set_model (self->reference_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->reference_row, selected);
  g_signal_handlers_unblock_by_func (self->reference_row, selection_changed_cb, self);
  build_report (self);
}

static void
load_references (AskarovTrackerReportDialog *self)
{
  askarov_store_list_references_async (self->store, self->cancellable, references_listed_cb, g_object_ref (self));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AskarovTrackerReportDialog *self = ASKAROV_TRACKER_REPORT_DIALOG (widget);
  g_autofree char *text = NULL;

  if (self->report == NULL)
    return;
  text = askarov_records_report_to_text (self->report);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  add_toast (self, _("Report copied"));
}

static void
uri_launched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AskarovTrackerReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    add_toast (self, _("No email app could be opened. Copy the report and paste it into an email instead."));
}

static void
email_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AskarovTrackerReportDialog *self = ASKAROV_TRACKER_REPORT_DIALOG (widget);
  g_autofree char *uri = NULL;
  g_autoptr(GtkUriLauncher) launcher = NULL;
  gboolean body_dropped = FALSE;
  const char *address;

  if (self->report == NULL)
    return;
  address = gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  uri = askarov_records_report_to_mailto (self->report, g_strstrip ((char *) address), 0, &body_dropped);
  if (uri == NULL)
    {
      add_toast (self, _("The email address has characters an address cannot have"));
      return;
    }
  if (body_dropped)
    {
      g_autofree char *text = askarov_records_report_to_text (self->report);

      /* Mail clients cut long mailto: links; the whole report goes on the clipboard instead. */
      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
      add_toast (self, _("The report is too long for an email link: it was copied, paste it into the email"));
    }
  launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                           uri_launched_cb, g_object_ref (self));
}

static void
csv_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AskarovTrackerReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_file_replace_contents_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }
  add_toast (self, _("Report saved"));
}

static void
save_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AskarovTrackerReportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *csv;

  g_autofree char *path = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file == NULL || self->report == NULL)
    return;
  if ((path = g_file_get_path (file)) == NULL)
    {
      add_toast (self, _("Askarov can only save to a folder on this computer."));
      return;
    }

  csv = askarov_records_report_to_csv (self->report);
  bytes = g_bytes_new_take (csv, strlen (csv));
  /* Private (0600), synced, and renamed into place only once complete. */
  askarov_file_replace_contents_async (path, bytes, self->cancellable, csv_saved_cb, g_object_ref (self));
}

static void
save_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AskarovTrackerReportDialog *self = ASKAROV_TRACKER_REPORT_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GString) name = NULL;

  if (self->report == NULL)
    return;

  name = g_string_new (askarov_records_report_get_reference (self->report));
  g_string_replace (name, "/", "-", 0);
  g_string_prepend (name, "actions-UA-");
  g_string_append (name, ".csv");

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Save Report as CSV"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_initial_name (dialog, name->str);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        save_dialog_done_cb, g_object_ref (self));
}

static void
marked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AskarovTrackerReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int n;

  n = askarov_store_mark_reported_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (n < 0)
    {
      add_toast (self, error->message);
      return;
    }

  /* Translators: a toast; %d is the number of actions just marked as reported */
  text = g_strdup_printf (ngettext ("%d action marked as reported", "%d actions marked as reported", n), n);
  add_toast (self, text);
  load_references (self);
}

static void
mark_confirmed_cb (AdwAlertDialog             *alert,
                   const char                 *response,
                   AskarovTrackerReportDialog *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *records;

  if (!g_str_equal (response, "mark") || self->report == NULL)
    return;

  /* Only the rows not reported yet: a reported row keeps its first date. */
  records = askarov_records_report_get_records (self->report);
  for (guint i = 0; i < records->len; i++)
    {
      AskarovActionRecord *record = g_ptr_array_index (records, i);

      if (!askarov_action_record_get_reported (record))
        {
          gint64 id = askarov_action_record_get_id (record);

          g_array_append_val (ids, id);
        }
    }
  if (ids->len == 0)
    return;
  askarov_store_mark_reported_async (self->store, (const gint64 *) (gpointer) ids->data, ids->len, NULL,
                                     self->cancellable, marked_cb, g_object_ref (self));
}

static void
mark_reported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AskarovTrackerReportDialog *self = ASKAROV_TRACKER_REPORT_DIALOG (widget);
  g_autofree char *heading = NULL;
  GPtrArray *records;
  AdwDialog *alert;
  guint n = 0;

  if (self->report == NULL)
    return;
  records = askarov_records_report_get_records (self->report);
  for (guint i = 0; i < records->len; i++)
    if (!askarov_action_record_get_reported (g_ptr_array_index (records, i)))
      n++;

  /* Translators: asks before marking actions as reported; %u is how many */
  heading = g_strdup_printf (ngettext ("Mark %u Action as Reported?", "Mark %u Actions as Reported?", n), n);
  alert = adw_alert_dialog_new (heading, _("Do this once the organisers have your report, so that the next report only counts new actions."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "mark", _("_Mark as Reported"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "mark", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "mark");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (mark_confirmed_cb), self, 0);
  adw_dialog_present (alert, widget);
}

static void
askarov_tracker_report_dialog_dispose (GObject *object)
{
  AskarovTrackerReportDialog *self = ASKAROV_TRACKER_REPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->report_cancellable);
  g_clear_object (&self->report_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->report);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_TRACKER_REPORT_DIALOG);

  G_OBJECT_CLASS (askarov_tracker_report_dialog_parent_class)->dispose (object);
}

static void
askarov_tracker_report_dialog_finalize (GObject *object)
{
  AskarovTrackerReportDialog *self = ASKAROV_TRACKER_REPORT_DIALOG (object);

  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->wanted, g_free);

  G_OBJECT_CLASS (askarov_tracker_report_dialog_parent_class)->finalize (object);
}

static void
askarov_tracker_report_dialog_class_init (AskarovTrackerReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = askarov_tracker_report_dialog_dispose;
  object_class->finalize = askarov_tracker_report_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-tracker-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerReportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerReportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerReportDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerReportDialog, unreported_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerReportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerReportDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerReportDialog, mark_button);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerReportDialog, bottom_bar);

  gtk_widget_class_install_action (widget_class, "report.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "report.email", NULL, email_action);
  gtk_widget_class_install_action (widget_class, "report.save-csv", NULL, save_csv_action);
  gtk_widget_class_install_action (widget_class, "report.mark-reported", NULL, mark_reported_action);
}

static void
askarov_tracker_report_dialog_init (AskarovTrackerReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->reference_row, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->unreported_row, "notify::active", G_CALLBACK (selection_changed_cb), self);
  gtk_label_set_label (self->summary_label, _("Counting…"));
  update_actions (self);
}

/**
 * askarov_tracker_report_dialog_new:
 * @reference: (nullable): the UA reference to show first
 */
AdwDialog *
askarov_tracker_report_dialog_new (AskarovStore *store,
                                   const char   *reference)
{
  AskarovTrackerReportDialog *self;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);

  self = g_object_new (ASKAROV_TYPE_TRACKER_REPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->wanted = g_strdup (reference);
  load_references (self);
  return ADW_DIALOG (self);
}

AskarovRecordsReport *
askarov_tracker_report_dialog_get_report (AskarovTrackerReportDialog *self)
{
  g_return_val_if_fail (ASKAROV_IS_TRACKER_REPORT_DIALOG (self), NULL);

  return self->report;
}
