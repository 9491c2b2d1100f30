/* askarov-tracker-page.c — the action tracker: every action taken, totals, deadlines and reports.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-tracker-page"

#include "config.h"

#include "askarov-tracker-page-private.h"

#include <glib/gi18n.h>

#include "askarov-record-dialog.h"
#include "askarov-record-row.h"
#include "askarov-tracker-report-dialog.h"
#include "askarov-window.h"

G_DEFINE_FINAL_TYPE (AskarovTrackerPage, askarov_tracker_page, GTK_TYPE_WIDGET)

/* ---- Small helpers ----------------------------------------------------- */

/* Toasts go to the window, so that an action logged from the reader or the
 * composer is confirmed where the user is; the page's own overlay is for a
 * page used outside the main window. */
void
askarov_tracker_page_add_toast (AskarovTrackerPage *self,
                                AdwToast           *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Toast titles are plain text: a case or file name such as “Q&A” must
   * show as typed, not be parsed as markup (and come out blank). */
  adw_toast_set_use_markup (toast, FALSE);
  if (ASKAROV_IS_WINDOW (root))
    {
      askarov_window_add_toast (ASKAROV_WINDOW (root), toast);
      return;
    }
  /* The Undo toast stays until dismissed; a newer toast replaces it
   * rather than waiting behind it (Ctrl+Z still works). */
  if (self->undo_toast != NULL && self->undo_toast != toast)
    adw_toast_dismiss (self->undo_toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
undo_toast_dismissed_cb (AdwToast           *toast,
                         AskarovTrackerPage *self)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

void
askarov_tracker_page_clear_undo (AskarovTrackerPage *self)
{
  g_clear_object (&self->undo_record);
  self->undo_func = NULL;
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.undo", FALSE);
}

/* Runs the pending Undo once: from the toast's button or from Ctrl+Z. */
static void
run_undo (AskarovTrackerPage *self)
{
  g_autoptr(AskarovActionRecord) record = g_steal_pointer (&self->undo_record);
  void (*func) (AskarovTrackerPage *, AskarovActionRecord *) = self->undo_func;

  askarov_tracker_page_clear_undo (self);
  if (record != NULL && func != NULL && self->store != NULL)
    func (self, record);
}

static void
undo_toast_clicked_cb (AdwToast           *toast,
                       AskarovTrackerPage *self)
{
  /* A toast left over from an earlier change does not undo the newer one. */
  if (g_object_get_data (G_OBJECT (toast), "record") == self->undo_record)
    run_undo (self);
}

/* A toast whose Undo button runs @func on @record. Like other GNOME apps,
 * it stays until the user dismisses it or another toast replaces it, and
 * Ctrl+Z (tracker.undo) works until another change takes the Undo. */
static void
add_undo_toast (AskarovTrackerPage  *self,
                const char          *title,
                AskarovActionRecord *record,
                void               (*func) (AskarovTrackerPage  *self,
                                            AskarovActionRecord *record))
{
  AdwToast *toast = adw_toast_new (title);

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_set_object (&self->undo_record, record);
  self->undo_func = func;

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 0);
  /* Held, so that no later record can take its address. */
  g_object_set_data_full (G_OBJECT (toast), "record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.undo", TRUE);
  askarov_tracker_page_add_toast (self, toast);
}

void
askarov_tracker_page_show_error (AskarovTrackerPage *self,
                                 const char         *what,
                                 const GError       *error)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* Translators: a failure shown in a toast: what was being done, then why */
  text = g_strdup_printf (_("%s: %s"), what, error->message);
  toast = adw_toast_new (text);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  askarov_tracker_page_add_toast (self, toast);
}

static char *
date_days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gboolean
filter_is_everything (const AskarovRecordFilter *filter)
{
  return filter->case_id == 0 && filter->channel < 0 && filter->from == NULL &&
         filter->to == NULL && filter->reported == ASKAROV_REPORTED_ANY;
}

static AskarovCaseChoice *
get_filter_case (AskarovTrackerPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->case_filter);

  if (self->case_choices == NULL || selected == 0 || selected > self->case_choices->len)
    return NULL;
  return g_ptr_array_index (self->case_choices, selected - 1);
}

/* ---- The list ---------------------------------------------------------- */

static void
update_list_stack (AskarovTrackerPage *self)
{
  guint n = self->records ? g_list_model_get_n_items (G_LIST_MODEL (self->records)) : 0;
  const char *name;

  if (n > 0)
    name = "list";
  else if (self->records != NULL && askarov_record_list_get_loading (self->records))
    return;
  else if (filter_is_everything (self->filter))
    name = "empty";
  else
    name = "no-match";
  gtk_stack_set_visible_child_name (self->list_stack, name);
}

static void
records_items_changed_cb (AskarovTrackerPage *self)
{
  update_list_stack (self);
}

static void
records_error_cb (AskarovTrackerPage *self,
                  GError             *error)
{
  askarov_tracker_page_show_error (self, _("Could not read the logged actions"), error);
}

static void case_filter_selected_cb (AskarovTrackerPage *self);

static void
case_choices_listed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 case_id = self->filter->case_id;
  guint selected = 0;

  choices = askarov_store_list_case_choices_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (choices == NULL)
    {
      askarov_tracker_page_show_error (self, _("Could not read the cases"), error);
      return;
    }

  gtk_string_list_append (names, _("All Cases"));
  for (guint i = 0; i < choices->len; i++)
    {
      AskarovCaseChoice *choice = g_ptr_array_index (choices, i);

      gtk_string_list_append (names, choice->name);
      if (choice->case_id == case_id)
        selected = i + 1;
    }

  g_clear_pointer (&self->case_choices, g_ptr_array_unref);
  self->case_choices = g_steal_pointer (&choices);

  g_signal_handlers_block_by_func (self->case_filter, case_filter_selected_cb, self);
  gtk_drop_down_set_model (self->case_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->case_filter, selected);
  g_signal_handlers_unblock_by_func (self->case_filter, case_filter_selected_cb, self);

  /* The filtered case disappeared (a restore, for example): show everything. */
  if (selected == 0 && case_id != 0)
    case_filter_selected_cb (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  AskarovTrackerPage *self = user_data;

  self->refresh_id = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  askarov_tracker_page_refresh_summary (self);
  askarov_store_list_case_choices_async (self->store, self->cancellable,
                                         case_choices_listed_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Several changes in a row (an import, a quick undo) cost one refresh. */
static void
schedule_refresh (AskarovTrackerPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

static void
monitor_changed_cb (AskarovTrackerPage *self)
{
  schedule_refresh (self);
}

/* Another process wrote (or a restore replaced everything): the record
 * list reloads itself; the totals, open cases and reminders here. */
static void
store_external_change_cb (AskarovTrackerPage *self)
{
  schedule_refresh (self);
  askarov_tracker_page_check_reminders (self);
}

/* ---- Filters ----------------------------------------------------------- */

static void
setup_ellipsized_label_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_ellipsized_label_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       item ? gtk_string_object_get_string (item) : "");
}

/* The button of a filter shows its choice ellipsized, so that two filters
 * fit side by side in a phone-sized window; the popup keeps whole names. */
static void
make_filter_narrow (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_ellipsized_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_ellipsized_label_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_ellipsized_label_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_ellipsized_label_cb), NULL);
  gtk_drop_down_set_factory (drop_down, factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);
}

static void
apply_filter (AskarovTrackerPage *self)
{
  g_autoptr(AskarovRecordFilter) filter = askarov_record_filter_new ();
  AskarovCaseChoice *choice = get_filter_case (self);
  guint channel = gtk_drop_down_get_selected (self->channel_filter);
  guint reported = gtk_drop_down_get_selected (self->reported_filter);

  filter->case_id = choice ? choice->case_id : 0;
  filter->channel = (channel == 0 || channel == GTK_INVALID_LIST_POSITION) ? -1 : (int) channel - 1;
  switch (gtk_drop_down_get_selected (self->period_filter))
    {
    case 1:
      filter->from = date_days_from_today (-6);
      break;
    case 2:
      filter->from = date_days_from_today (-29);
      break;
    case 3:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();

        filter->from = g_date_time_format (now, "%Y-01-01");
      }
      break;
    default:
      break;
    }
  filter->reported = reported == 1 ? ASKAROV_REPORTED_NO
                   : reported == 2 ? ASKAROV_REPORTED_YES
                   : ASKAROV_REPORTED_ANY;

  if (askarov_record_filter_equal (filter, self->filter))
    return;

  askarov_record_filter_free (self->filter);
  self->filter = g_steal_pointer (&filter);
  if (self->records != NULL)
    askarov_record_list_set_filter (self->records, self->filter);
  schedule_refresh (self);
}

static void
case_filter_selected_cb (AskarovTrackerPage *self)
{
  apply_filter (self);
}

/* ---- Logging, editing and deleting ------------------------------------- */

static void
undo_log_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(AskarovActionRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = askarov_store_delete_record_finish (ASKAROV_STORE (object), result, &error);
  if (record == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    askarov_tracker_page_show_error (self, _("Undo failed; the action is still logged"), error);
}

static void
undo_log (AskarovTrackerPage  *self,
          AskarovActionRecord *record)
{
  askarov_store_delete_record_async (self->store, askarov_action_record_get_id (record),
                                     NULL, undo_log_done_cb, g_object_ref (self));
}

/* One write of save_record() is done: answer those waiting once none is left. */
static void
saving_done (AskarovTrackerPage *self)
{
  g_return_if_fail (self->n_saving > 0);

  if (--self->n_saving > 0)
    return;
  while (self->save_waiters->len > 0)
    {
      g_autoptr(GTask) task = g_ptr_array_steal_index (self->save_waiters, 0);

      g_task_return_boolean (task, TRUE);
    }
}

static void
record_added_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(AskarovActionRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = askarov_store_add_record_finish (ASKAROV_STORE (object), result, &error);
  saving_done (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (record == NULL)
    {
      askarov_tracker_page_show_error (self, _("The action was not logged"), error);
      return;
    }

  add_undo_toast (self, _("Action logged"), record, undo_log);
}

static void
record_updated_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GError) error = NULL;

  saving_done (self);
  if (!askarov_store_update_record_finish (ASKAROV_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        askarov_tracker_page_show_error (self, _("The changes were not saved"), error);
      return;
    }
  askarov_tracker_page_add_toast (self, adw_toast_new (_("Action saved")));
}

static void
save_record (AskarovTrackerPage  *self,
             AskarovActionRecord *record)
{
  if (self->store == NULL)
    return;

  /* Not cancelled with the page: a logged action must reach the database. */
  self->n_saving++;
  if (askarov_action_record_get_id (record) == 0)
    askarov_store_add_record_async (self->store, record, NULL, record_added_cb, g_object_ref (self));
  else
    askarov_store_update_record_async (self->store, record, NULL, record_updated_cb, g_object_ref (self));
}

static void
dialog_saved_cb (AskarovRecordDialog *dialog,
                 AskarovActionRecord *record,
                 gboolean             created,
                 AskarovTrackerPage  *self)
{
  if (created)
    add_undo_toast (self, _("Action logged"), record, undo_log);
  else
    askarov_tracker_page_add_toast (self, adw_toast_new (_("Action saved")));
}

static void
open_record_dialog (AskarovTrackerPage  *self,
                    AskarovActionRecord *record)
{
  AskarovRecordDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = askarov_record_dialog_new (self->store, record);
  if (self->settings != NULL)
    {
      g_autofree char *language = g_settings_get_string (self->settings, "default-language");

      askarov_record_dialog_set_default_language (dialog, language);
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
log_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (widget);
  g_autoptr(AskarovActionRecord) record = askarov_action_record_new ();
  g_autofree char *today = askarov_date_today ();
  AskarovCaseChoice *choice = get_filter_case (self);

  /* The likeliest case: the filtered one, or else the next deadline. */
  if (choice != NULL)
    {
      askarov_action_record_set_case_id (record, choice->case_id);
      askarov_action_record_set_case_name (record, choice->name);
      askarov_action_record_set_reference (record, choice->reference);
    }
  else if (self->deadlines != NULL)
    {
      for (guint i = 0; i < self->deadlines->len; i++)
        {
          AskarovCaseDeadline *deadline = g_ptr_array_index (self->deadlines, i);

          if (deadline->days_left >= 0)
            {
              askarov_action_record_set_case_id (record, deadline->case_id);
              askarov_action_record_set_case_name (record, deadline->name);
              askarov_action_record_set_reference (record, deadline->reference);
              break;
            }
        }
    }
  askarov_action_record_set_channel (record, ASKAROV_CHANNEL_LETTER);
  askarov_action_record_set_outcome (record, ASKAROV_OUTCOME_SENT);
  askarov_action_record_set_taken_on (record, today);

  open_record_dialog (self, record);
}

static void
list_view_activate_cb (AskarovTrackerPage *self,
                       guint               position)
{
  g_autoptr(AskarovActionRecord) record = g_list_model_get_item (G_LIST_MODEL (self->records), position);

  if (record != NULL && askarov_action_record_get_loaded (record))
    open_record_dialog (self, record);
}

static void
undo_delete_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_store_restore_record_finish (ASKAROV_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    askarov_tracker_page_show_error (self, _("Undo failed; the action stays deleted"), error);
}

static void
undo_delete (AskarovTrackerPage  *self,
             AskarovActionRecord *record)
{
  askarov_store_restore_record_async (self->store, record, NULL, undo_delete_done_cb, g_object_ref (self));
}

static void
record_deleted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(AskarovActionRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = askarov_store_delete_record_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (record == NULL)
    {
      askarov_tracker_page_show_error (self, _("The action was not deleted"), error);
      return;
    }

  /* The row is gone from the database now; Undo writes it back with the
   * same id, so once the toast is dismissed the deletion simply stays. */
  add_undo_toast (self, _("Action deleted"), record, undo_delete);
}

static void
delete_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (widget);

  if (self->store == NULL)
    return;
  askarov_store_delete_record_async (self->store, g_variant_get_int64 (parameter), NULL,
                                     record_deleted_cb, g_object_ref (self));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_undo (ASKAROV_TRACKER_PAGE (widget));
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (widget);
  AskarovCaseChoice *choice = get_filter_case (self);
  AdwDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = askarov_tracker_report_dialog_new (self->store, choice ? choice->reference : NULL);
  adw_dialog_present (dialog, widget);
}

/* ---- GObject ----------------------------------------------------------- */

static void
disconnect_store (AskarovTrackerPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* A quit or a closed window stops an import after its current batch. */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  self->checking_reminders = FALSE;
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (askarov_store_get_record_monitor (self->store), self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  if (self->records != NULL)
    g_signal_handlers_disconnect_by_data (self->records, self);
  g_clear_object (&self->records);
  g_clear_object (&self->store);
}

static void
askarov_tracker_page_dispose (GObject *object)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  disconnect_store (self);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->undo_record);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->reminder_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (self->group != NULL)
    g_signal_handlers_disconnect_by_data (self->group, self);
  g_clear_object (&self->group);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_TRACKER_PAGE);

  G_OBJECT_CLASS (askarov_tracker_page_parent_class)->dispose (object);
}

static void
askarov_tracker_page_finalize (GObject *object)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (object);

  g_clear_pointer (&self->filter, askarov_record_filter_free);
  g_clear_pointer (&self->case_choices, g_ptr_array_unref);
  g_clear_pointer (&self->deadlines, g_ptr_array_unref);
  g_clear_pointer (&self->totals, askarov_record_totals_free);
  g_clear_pointer (&self->save_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (askarov_tracker_page_parent_class)->finalize (object);
}

static void show_group_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter);

static void
askarov_tracker_page_class_init (AskarovTrackerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (ASKAROV_TYPE_GROUP_VIEW);
  gtk_widget_class_install_action (widget_class, "tracker.show-group", NULL, show_group_action);

  object_class->dispose = askarov_tracker_page_dispose;
  object_class->finalize = askarov_tracker_page_finalize;

  g_type_ensure (ASKAROV_TYPE_RECORD_ROW);
  g_type_ensure (ASKAROV_TYPE_TRACKER_CHART);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-tracker-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, import_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, import_progress);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, case_filter);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, channel_filter);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, period_filter);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, reported_filter);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, chart);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, channel_list);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, case_list);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, scope_toggle);
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, group_view);

  gtk_widget_class_install_action (widget_class, "tracker.log-record", NULL, log_record_action);
  gtk_widget_class_install_action (widget_class, "tracker.delete-record", "x", delete_record_action);
  gtk_widget_class_install_action (widget_class, "tracker.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "tracker.report", NULL, report_action);
  askarov_tracker_page_install_file_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "tracker.undo", NULL);
}

static const char * const tracker_actions[] = {
  "tracker.log-record", "tracker.delete-record", "tracker.report",
  "tracker.import-csv", "tracker.export-csv", "tracker.export-json",
  "tracker.backup", "tracker.restore",
};

static void
update_actions (AskarovTrackerPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (tracker_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), tracker_actions[i], self->store != NULL);
}

/* Ctrl+N logs an action whenever the Actions page shows, wherever the focus
 * is (it is often on the view switcher right after switching pages). */
static gboolean
log_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, "tracker.log-record", NULL);
}

static void
askarov_tracker_page_init (AskarovTrackerPage *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) cases = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.cancel-import", FALSE);
  self->save_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (log_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->filter = askarov_record_filter_new ();
  self->deadlines = g_ptr_array_new ();
  self->totals = g_new0 (AskarovRecordTotals, 1);
  self->totals->by_case = g_ptr_array_new ();
  self->totals->by_channel = g_ptr_array_new ();
  self->totals->by_month = g_ptr_array_new ();

  gtk_string_list_append (cases, _("All Cases"));
  gtk_drop_down_set_model (self->case_filter, G_LIST_MODEL (cases));
  gtk_string_list_append (channels, _("All Channels"));
  for (guint i = 0; i < ASKAROV_N_CHANNELS; i++)
    gtk_string_list_append (channels, askarov_channel_get_label (i));
  gtk_drop_down_set_model (self->channel_filter, G_LIST_MODEL (channels));

  make_filter_narrow (self->case_filter);
  make_filter_narrow (self->channel_filter);
  make_filter_narrow (self->period_filter);
  make_filter_narrow (self->reported_filter);
  g_signal_connect_swapped (self->case_filter, "notify::selected", G_CALLBACK (case_filter_selected_cb), self);
  g_signal_connect_swapped (self->channel_filter, "notify::selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->period_filter, "notify::selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->reported_filter, "notify::selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_view_activate_cb), self);

  askarov_tracker_page_clear_list (self->deadlines_list, _("No case has a deadline. Import an Urgent Action to see its deadline here."));
  askarov_tracker_page_clear_list (self->channel_list, _("No actions yet"));
  askarov_tracker_page_clear_list (self->case_list, _("No actions yet"));

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
  update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.undo", FALSE);
}

/* tracker.show-group: the group's totals (when sharing a folder). */
static void
show_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->scope_toggle)))
    adw_toggle_group_set_active_name (self->scope_toggle, "group");
}

/* Mine / Group only while sharing; leaving goes back to one's own. */
static void
group_folder_changed_cb (AskarovTrackerPage *self)
{
  gboolean sharing = self->group != NULL && askarov_group_get_folder (self->group) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->scope_toggle), sharing);
  if (!sharing)
    adw_toggle_group_set_active_name (self->scope_toggle, "mine");
}

void
askarov_tracker_page_set_group (AskarovTrackerPage *self,
                                AskarovGroup       *group)
{
  g_return_if_fail (ASKAROV_IS_TRACKER_PAGE (self));
  g_return_if_fail (group == NULL || ASKAROV_IS_GROUP (group));

  if (self->group == group)
    return;
  if (self->group != NULL)
    g_signal_handlers_disconnect_by_data (self->group, self);
  g_set_object (&self->group, group);
  if (group != NULL)
    g_signal_connect_swapped (group, "folder-changed", G_CALLBACK (group_folder_changed_cb), self);
  askarov_group_view_set_group (self->group_view, group);
  group_folder_changed_cb (self);
}

void
askarov_tracker_page_set_store (AskarovTrackerPage *self,
                                AskarovStore       *store)
{
  AskarovRecordMonitor *monitor;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (ASKAROV_IS_TRACKER_PAGE (self));
  g_return_if_fail (store == NULL || ASKAROV_IS_STORE (store));

  if (self->store == store)
    return;

  gtk_list_view_set_model (self->list_view, NULL);
  disconnect_store (self);
  update_actions (self);
  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  self->cancellable = g_cancellable_new ();

  monitor = askarov_store_get_record_monitor (store);
  g_signal_connect_object (monitor, "record-added", G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (monitor, "record-changed", G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (monitor, "record-removed", G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (monitor, "records-reset", G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "external-change", G_CALLBACK (store_external_change_cb), self, G_CONNECT_SWAPPED);

  self->records = askarov_record_list_new (store, self->filter);
  g_signal_connect_object (self->records, "items-changed", G_CALLBACK (records_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->records, "loaded", G_CALLBACK (records_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->records, "error", G_CALLBACK (records_error_cb), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->records)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  update_actions (self);
  schedule_refresh (self);
  askarov_tracker_page_check_reminders (self);
}

void
askarov_tracker_page_set_settings (AskarovTrackerPage *self,
                                   GSettings          *settings)
{
  g_return_if_fail (ASKAROV_IS_TRACKER_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_handle_id (&self->reminder_id, g_source_remove);
  if (!g_set_object (&self->settings, settings) || settings == NULL)
    return;

  askarov_tracker_page_watch_reminders (self);
}

/**
 * askarov_tracker_page_log_record:
 * @fields: an a{sv} dictionary: "case-id" (x), "case-name", "reference",
 *   "target-name", "target-title", "channel", "outcome", "language",
 *   "note" (all s), "draft-id" (x), and "confirm" (b: %TRUE to open the
 *   log dialog prefilled, %FALSE to log at once with an Undo toast)
 *
 * Logs an action that another part of the window asked for.
 */
void
askarov_tracker_page_log_record (AskarovTrackerPage *self,
                                 GVariant           *fields)
{
  g_autoptr(AskarovActionRecord) record = NULL;
  gboolean confirm = TRUE;

  g_return_if_fail (ASKAROV_IS_TRACKER_PAGE (self));
  g_return_if_fail (g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT));

  if (self->store == NULL)
    {
      askarov_tracker_page_add_toast (self, adw_toast_new (_("The action cannot be logged until the database is open")));
      return;
    }

  g_variant_lookup (fields, "confirm", "b", &confirm);
  record = askarov_action_record_new_from_variant (fields);
  askarov_action_record_set_id (record, 0);

  if (confirm)
    open_record_dialog (self, record);
  else
    save_record (self, record);
}

/**
 * askarov_tracker_page_wait_saves_async:
 *
 * Finishes once every action this page was asked to log (a "Mark as Sent",
 * a call logged from the reader) has been written, or failed; at once when
 * none is on its way. The window waits for this before a restore.
 */
void
askarov_tracker_page_wait_saves_async (AskarovTrackerPage  *self,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASKAROV_IS_TRACKER_PAGE (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, askarov_tracker_page_wait_saves_async);
  if (self->n_saving == 0)
    g_task_return_boolean (task, TRUE);
  else
    g_ptr_array_add (self->save_waiters, g_steal_pointer (&task));
}

gboolean
askarov_tracker_page_wait_saves_finish (AskarovTrackerPage  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
