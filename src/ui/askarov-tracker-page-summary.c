/* askarov-tracker-page-summary.c — the tracker page's sidebar: open cases, the chart and the totals.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-tracker-page"

#include "config.h"

#include "askarov-tracker-page-private.h"

#include <glib/gi18n.h>

#include "askarov-record-row.h"

/* Months shown in the chart, at most. */
#define CHART_MONTHS 12

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
void
askarov_tracker_page_clear_list (GtkListBox *list,
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

  askarov_tracker_page_clear_list (self->channel_list, _("No actions yet"));
  askarov_tracker_page_clear_list (self->case_list, _("No actions yet"));

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
      askarov_channel_from_id (total->key, &channel);
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

char *
askarov_tracker_describe_deadline (AskarovCaseDeadline *deadline)
{
  g_autofree char *date = askarov_format_short_date (deadline->deadline);

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
  askarov_tracker_page_clear_list (self->deadlines_list, _("No open case has a deadline. Import an Urgent Action to see its deadline here."));

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      AskarovCaseDeadline *deadline = g_ptr_array_index (self->deadlines, i);
      g_autofree char *subtitle = askarov_tracker_describe_deadline (deadline);
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

void
askarov_tracker_page_refresh_summary (AskarovTrackerPage *self)
{
  askarov_store_compute_totals_async (self->store, self->filter, self->cancellable,
                                      totals_computed_cb, g_object_ref (self));
  askarov_store_list_deadlines_async (self->store, NULL, self->cancellable,
                                      deadlines_listed_cb, g_object_ref (self));
}
