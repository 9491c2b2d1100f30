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

/* Months shown in the chart, at most. */
#define CHART_MONTHS 12
#define REMINDER_INTERVAL_SECONDS (24 * 60 * 60)

static void check_reminders (AskarovTrackerPage *self);

/* ---- Small helpers ----------------------------------------------------- */

/* Toasts go to the window, so that an action logged from the reader or the
 * composer is confirmed where the user is; the page's own overlay is for a
 * page used outside the main window. */
void
askarov_tracker_page_add_toast (AskarovTrackerPage *self,
                                AdwToast           *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ASKAROV_IS_WINDOW (root))
    askarov_window_add_toast (ASKAROV_WINDOW (root), toast);
  else
    adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
undo_toast_dismissed_cb (AdwToast           *toast,
                         AskarovTrackerPage *self)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.undo", self->undo_toast != NULL);
}

/* A toast whose Undo button runs @undo_cb; Ctrl+Z (tracker.undo) does the
 * same while the toast shows. The toast keeps @record for the callback. */
static void
add_undo_toast (AskarovTrackerPage  *self,
                const char          *title,
                AskarovActionRecord *record,
                GCallback            undo_cb)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", undo_cb, self, 0);
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

/* ---- Totals, chart and deadlines --------------------------------------- */

static GtkWidget *
new_count_row (const char *title,
               const char *subtitle,
               const char *icon_name,
               guint       count)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;
  g_autofree char *text = g_strdup_printf ("%u", count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

/* gtk_list_box_remove_all() drops the placeholder too, so clearing a list
 * always sets it again. */
static void
clear_list (GtkListBox *list,
            const char *placeholder)
{
  GtkWidget *label;

  gtk_list_box_remove_all (list);
  label = gtk_label_new (placeholder);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_list_box_set_placeholder (list, label);
}

/* Months from the first to the last in @by_month (at most CHART_MONTHS, the
 * latest ones), with the months without actions filled in as zeros. */
static void
update_chart (AskarovTrackerPage *self)
{
  GPtrArray *by_month = self->totals->by_month;
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  AskarovRecordTotal *first;
  AskarovRecordTotal *last;
  int year, month, last_year, last_month;
  guint j = 0;

  if (by_month->len == 0)
    {
      askarov_tracker_chart_set_months (self->chart, NULL, NULL, 0);
      return;
    }

  first = g_ptr_array_index (by_month, 0);
  last = g_ptr_array_index (by_month, by_month->len - 1);
  if (sscanf (first->key, "%d-%d", &year, &month) != 2 ||
      sscanf (last->key, "%d-%d", &last_year, &last_month) != 2)
    return;
  if ((last_year * 12 + last_month) - (year * 12 + month) >= CHART_MONTHS)
    {
      int start = last_year * 12 + (last_month - 1) - (CHART_MONTHS - 1);

      year = start / 12;
      month = start % 12 + 1;
    }

  while (year * 12 + month <= last_year * 12 + last_month)
    {
      g_autofree char *key = g_strdup_printf ("%04d-%02d", year, month);
      guint count = 0;

      while (j < by_month->len && g_strcmp0 (((AskarovRecordTotal *) g_ptr_array_index (by_month, j))->key, key) < 0)
        j++;
      if (j < by_month->len && g_strcmp0 (((AskarovRecordTotal *) g_ptr_array_index (by_month, j))->key, key) == 0)
        count = ((AskarovRecordTotal *) g_ptr_array_index (by_month, j))->count;

      g_ptr_array_add (months, g_steal_pointer (&key));
      g_array_append_val (counts, count);
      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
  g_ptr_array_add (months, NULL);

  askarov_tracker_chart_set_months (self->chart, (const char * const *) months->pdata,
                                    (const guint *) (gpointer) counts->data, counts->len);
}

static void
update_totals (AskarovTrackerPage *self)
{
  AskarovRecordTotals *totals = self->totals;
  g_autofree char *count = NULL;

  clear_list (self->channel_list, _("No actions yet"));
  clear_list (self->case_list, _("No actions yet"));

  if (totals->n_records == 0)
    count = g_strdup (_("No actions"));
  else if (totals->n_unreported == 0)
    /* Translators: the count above the Actions list, %u is the number of actions */
    count = g_strdup_printf (ngettext ("%u action, all reported", "%u actions, all reported",
                                       totals->n_records), totals->n_records);
  else
    {
      /* Translators: part of the count above the Actions list */
      g_autofree char *all = g_strdup_printf (ngettext ("%u action", "%u actions", totals->n_records),
                                              totals->n_records);

      /* Translators: the count above the Actions list: “12 actions, 3 not reported” */
      count = g_strdup_printf (ngettext ("%s, %u not reported", "%s, %u not reported", totals->n_unreported),
                               all, totals->n_unreported);
    }
  gtk_label_set_label (self->count_label, count);

  for (guint i = 0; i < totals->by_channel->len; i++)
    {
      AskarovRecordTotal *total = g_ptr_array_index (totals->by_channel, i);
      AskarovChannel channel = ASKAROV_CHANNEL_OTHER;

      if (total->count == 0)
        continue;
      askarov_channel_from_string (total->key, &channel);
      gtk_list_box_append (self->channel_list,
                           new_count_row (total->label, NULL, askarov_channel_get_icon_name (channel),
                                          total->count));
    }

  for (guint i = 0; i < totals->by_case->len; i++)
    {
      AskarovRecordTotal *total = g_ptr_array_index (totals->by_case, i);
      const char *label = total->label;

      if (total->case_id == 0 || label == NULL)
        label = _("No case");
      gtk_list_box_append (self->case_list, new_count_row (label, NULL, NULL, total->count));
    }

  update_chart (self);
}

static void
totals_computed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(AskarovRecordTotals) totals = NULL;
  g_autoptr(GError) error = NULL;

  totals = askarov_store_compute_totals_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (totals == NULL)
    {
      askarov_tracker_page_show_error (self, _("Could not count the logged actions"), error);
      return;
    }

  g_clear_pointer (&self->totals, askarov_record_totals_free);
  self->totals = g_steal_pointer (&totals);
  update_totals (self);
}

static char *
describe_deadline (AskarovCaseDeadline *deadline)
{
  g_autofree char *date = askarov_format_date (deadline->deadline);

  if (deadline->days_left < 0)
    /* Translators: a passed deadline in the open cases list; %s is the date */
    return g_strdup_printf (_("Deadline %s passed: check with your section office"), date);
  if (deadline->days_left == 0)
    /* Translators: %s is the deadline's date, which is today */
    return g_strdup_printf (_("Deadline today, %s"), date);
  /* Translators: a deadline in the open cases list; %s is the date, %d the days left */
  return g_strdup_printf (ngettext ("Deadline %s, %d day left", "Deadline %s, %d days left",
                                    deadline->days_left),
                          date, deadline->days_left);
}

static void
deadline_row_activated_cb (AdwActionRow       *row,
                           AskarovTrackerPage *self)
{
  gint64 case_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "case-id"));

  if (self->case_choices == NULL)
    return;
  for (guint i = 0; i < self->case_choices->len; i++)
    if (((AskarovCaseChoice *) g_ptr_array_index (self->case_choices, i))->case_id == case_id)
      gtk_drop_down_set_selected (self->case_filter, i + 1);
}

static void
update_deadlines (AskarovTrackerPage *self)
{
  clear_list (self->deadlines_list, _("No case has a deadline. Import an Urgent Action to see its deadline here."));

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      AskarovCaseDeadline *deadline = g_ptr_array_index (self->deadlines, i);
      g_autofree char *subtitle = describe_deadline (deadline);
      GtkWidget *row = new_count_row (deadline->name, subtitle, NULL, deadline->n_records);
      GtkWidget *icon;

      if (deadline->days_left < 0)
        icon = gtk_image_new_from_icon_name ("alarm-symbolic");
      else
        icon = gtk_image_new_from_icon_name ("x-office-calendar-symbolic");
      if (deadline->days_left < 0)
        gtk_widget_add_css_class (icon, "deadline-passed");
      else if (deadline->days_left <= 3)
        gtk_widget_add_css_class (icon, "deadline-soon");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "case-id", GSIZE_TO_POINTER ((gsize) deadline->case_id));
      g_signal_connect_object (row, "activated", G_CALLBACK (deadline_row_activated_cb), self, 0);
      gtk_widget_set_tooltip_text (row, _("Show this case's actions"));
      gtk_list_box_append (self->deadlines_list, row);
    }
}

static void
deadlines_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;

  deadlines = askarov_store_list_deadlines_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (deadlines == NULL)
    {
      askarov_tracker_page_show_error (self, _("Could not read the deadlines"), error);
      return;
    }

  g_clear_pointer (&self->deadlines, g_ptr_array_unref);
  self->deadlines = g_steal_pointer (&deadlines);
  update_deadlines (self);
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

  askarov_store_compute_totals_async (self->store, self->filter, self->cancellable,
                                      totals_computed_cb, g_object_ref (self));
  askarov_store_list_deadlines_async (self->store, NULL, self->cancellable,
                                      deadlines_listed_cb, g_object_ref (self));
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
undo_log_cb (AdwToast           *toast,
             AskarovTrackerPage *self)
{
  AskarovActionRecord *record = g_object_get_data (G_OBJECT (toast), "record");

  if (self->store == NULL || record == NULL)
    return;
  askarov_store_delete_record_async (self->store, askarov_action_record_get_id (record),
                                     NULL, NULL, NULL);
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
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (record == NULL)
    {
      askarov_tracker_page_show_error (self, _("The action was not logged"), error);
      return;
    }

  add_undo_toast (self, _("Action logged"), record, G_CALLBACK (undo_log_cb));
}

static void
record_updated_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GError) error = NULL;

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
  if (askarov_action_record_get_id (record) == 0)
    askarov_store_add_record_async (self->store, record, NULL, record_added_cb, g_object_ref (self));
  else
    askarov_store_update_record_async (self->store, record, NULL, record_updated_cb, g_object_ref (self));
}

static void
dialog_save_cb (AskarovRecordDialog *dialog,
                AskarovActionRecord *record,
                AskarovTrackerPage  *self)
{
  save_record (self, record);
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
  g_signal_connect_object (dialog, "save", G_CALLBACK (dialog_save_cb), self, 0);
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
undo_delete_cb (AdwToast           *toast,
                AskarovTrackerPage *self)
{
  AskarovActionRecord *record = g_object_get_data (G_OBJECT (toast), "record");

  if (self->store == NULL || record == NULL)
    return;
  askarov_store_restore_record_async (self->store, record, NULL, NULL, NULL);
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
  add_undo_toast (self, _("Action deleted"), record, G_CALLBACK (undo_delete_cb));
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
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (widget);
  g_autoptr(AdwToast) toast = NULL;

  if (self->undo_toast == NULL)
    return;
  toast = g_object_ref (self->undo_toast);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
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

/* ---- Reminders --------------------------------------------------------- */

static void
reminder_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!askarov_store_set_reminder_sent_finish (ASKAROV_STORE (object), result, &error))
    g_debug ("Could not remember a reminder: %s", error->message);
}

static void
due_reminders_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AskarovTrackerPage) self = user_data;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();

  self->checking_reminders = FALSE;
  due = askarov_store_list_due_reminders_finish (ASKAROV_STORE (object), result, &error);
  if (due == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not check reminders: %s", error->message);
      return;
    }
  if (app == NULL || self->store == NULL)
    return;

  for (guint i = 0; i < due->len; i++)
    {
      AskarovCaseDeadline *deadline = g_ptr_array_index (due, i);
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *id = g_strdup_printf ("deadline-%" G_GINT64_FORMAT, deadline->case_id);

      if (deadline->days_left == 0)
        /* Translators: a reminder notification's title; %s is the case's name */
        title = g_strdup_printf (_("Last day to act for %s"), deadline->name);
      else
        /* Translators: a reminder notification's title; %s is the case's name, %d the days left */
        title = g_strdup_printf (ngettext ("%d day left to act for %s", "%d days left to act for %s",
                                           deadline->days_left),
                                 deadline->days_left, deadline->name);
      body = describe_deadline (deadline);
      notification = g_notification_new (title);
      g_notification_set_body (notification, body);
      /* No default action: notifications can only name app. actions, and
       * activating the app (the default) brings the window back. */
      g_application_send_notification (app, id, notification);
      askarov_store_set_reminder_sent_async (self->store, deadline->case_id, deadline->deadline,
                                             NULL, reminder_sent_cb, NULL);
    }
}

static void
check_reminders (AskarovTrackerPage *self)
{
  if (self->store == NULL || self->settings == NULL || self->checking_reminders ||
      !g_settings_get_boolean (self->settings, "reminders-enabled"))
    return;

  self->checking_reminders = TRUE;
  askarov_store_list_due_reminders_async (self->store, NULL,
                                          g_settings_get_uint (self->settings, "reminder-days"),
                                          self->cancellable, due_reminders_cb, g_object_ref (self));
}

static gboolean
reminder_timeout_cb (gpointer user_data)
{
  check_reminders (ASKAROV_TRACKER_PAGE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
settings_changed_cb (AskarovTrackerPage *self)
{
  check_reminders (self);
}

/* ---- GObject ----------------------------------------------------------- */

static void
disconnect_store (AskarovTrackerPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->checking_reminders = FALSE;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (askarov_store_get_record_monitor (self->store), self);
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
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->reminder_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
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

  G_OBJECT_CLASS (askarov_tracker_page_parent_class)->finalize (object);
}

static void
askarov_tracker_page_class_init (AskarovTrackerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = askarov_tracker_page_dispose;
  object_class->finalize = askarov_tracker_page_finalize;

  g_type_ensure (ASKAROV_TYPE_RECORD_ROW);
  g_type_ensure (ASKAROV_TYPE_TRACKER_CHART);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-tracker-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, toasts);
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

  clear_list (self->deadlines_list, _("No case has a deadline. Import an Urgent Action to see its deadline here."));
  clear_list (self->channel_list, _("No actions yet"));
  clear_list (self->case_list, _("No actions yet"));

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
  update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.undo", FALSE);
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

  self->records = askarov_record_list_new (store, self->filter);
  g_signal_connect_object (self->records, "items-changed", G_CALLBACK (records_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->records, "loaded", G_CALLBACK (records_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->records, "error", G_CALLBACK (records_error_cb), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->records)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  update_actions (self);
  schedule_refresh (self);
  check_reminders (self);
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

  g_signal_connect_object (settings, "changed::reminders-enabled", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-days", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  /* Checked at start and then once a day, for an app left open for days. */
  self->reminder_id = g_timeout_add_seconds (REMINDER_INTERVAL_SECONDS, reminder_timeout_cb, self);
  check_reminders (self);
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
