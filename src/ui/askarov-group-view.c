/* askarov-group-view.c — the Actions part's Group view: what the whole letter-writing group did.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-group-view"

#include "config.h"

#include "askarov-group-view.h"

#include <glib/gi18n.h>

struct _AskarovGroupView
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkLabel            *summary_label;
  GtkListBox          *volunteer_list;
  GtkListBox          *case_list;
  GtkListBox          *channel_list;
  GtkListBox          *month_list;

  AskarovGroup        *group;
  GCancellable        *cancellable;
  guint                refresh_id;
  guint                n_actions;
};

G_DEFINE_FINAL_TYPE (AskarovGroupView, askarov_group_view, ADW_TYPE_BIN)

static GtkListBox *
add_section (GtkBox     *box,
             const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (box, group);
  return GTK_LIST_BOX (list);
}

static void
fill_list (GtkListBox *list,
           GPtrArray  *rows,
           gboolean    skip_zeros)
{
  gtk_list_box_remove_all (list);
  for (guint i = 0; i < rows->len; i++)
    {
      AskarovRecordTotal *total = g_ptr_array_index (rows, i);
      GtkWidget *row;
      GtkWidget *count;
      g_autofree char *text = NULL;

      if (skip_zeros && total->count == 0)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     *total->label != '\0' ? total->label : _("No case"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      text = g_strdup_printf ("%u", total->count);
      count = gtk_label_new (text);
      gtk_widget_add_css_class (count, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
      gtk_list_box_append (list, row);
    }
}

static void
totals_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  AskarovGroupTotals *totals = askarov_group_compute_totals (task_data, &error);

  if (totals == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, totals, (GDestroyNotify) askarov_group_totals_free);
}

static void
totals_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AskarovGroupView *self = ASKAROV_GROUP_VIEW (source);
  g_autoptr(AskarovGroupTotals) totals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *actions = NULL;

  totals = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->stack == NULL)
    return;
  if (totals == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the group's actions: %s", error->message);
      return;
    }
  self->n_actions = totals->n_actions;
  /* Translators: the start of "12 actions by 3 volunteers" */
  actions = g_strdup_printf (ngettext ("%u action", "%u actions", totals->n_actions), totals->n_actions);
  /* Translators: the first %s is "12 actions"; %u is the number of volunteers */
  summary = g_strdup_printf (ngettext ("%s by %u volunteer", "%s by %u volunteers", totals->n_volunteers),
                             actions, totals->n_volunteers);
  gtk_label_set_text (self->summary_label, summary);
  fill_list (self->volunteer_list, totals->by_volunteer, FALSE);
  fill_list (self->case_list, totals->by_case, FALSE);
  fill_list (self->channel_list, totals->by_channel, TRUE);
  fill_list (self->month_list, totals->by_month, FALSE);
}

static gboolean
refresh_cb (gpointer user_data)
{
  AskarovGroupView *self = user_data;
  g_autoptr(GTask) task = NULL;

  self->refresh_id = 0;
  if (self->stack == NULL)
    return G_SOURCE_REMOVE;
  if (self->group == NULL || askarov_group_get_folder (self->group) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return G_SOURCE_REMOVE;
    }
  gtk_stack_set_visible_child_name (self->stack, "totals");
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, totals_done_cb, NULL);
  g_task_set_task_data (task, g_object_ref (self->group), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, totals_thread);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (a sync tool writes many files): one refresh. */
static void
queue_refresh (AskarovGroupView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (50, refresh_cb, self);
}

static void
askarov_group_view_dispose (GObject *object)
{
  AskarovGroupView *self = ASKAROV_GROUP_VIEW (object);

  askarov_group_view_set_group (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->stack = NULL;   /* the widgets go with the child */

  G_OBJECT_CLASS (askarov_group_view_parent_class)->dispose (object);
}

static void
askarov_group_view_class_init (AskarovGroupViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = askarov_group_view_dispose;
}

static void
askarov_group_view_init (AskarovGroupView *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *share = gtk_button_new_with_mnemonic (_("_Share with a Group…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  self->stack = GTK_STACK (gtk_stack_new ());

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Not Sharing with a Group"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Choose a folder your letter-writing group keeps in sync, and see everyone’s actions here."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (share), "app.preferences");
  gtk_widget_set_halign (share, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (share, "pill");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), share);
  gtk_stack_add_named (self->stack, status, "none");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "title-2");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));
  self->volunteer_list = add_section (GTK_BOX (box), _("By Volunteer"));
  self->case_list = add_section (GTK_BOX (box), _("By Case"));
  self->channel_list = add_section (GTK_BOX (box), _("By Channel"));
  self->month_list = add_section (GTK_BOX (box), _("By Month"));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "totals");

  gtk_stack_set_visible_child_name (self->stack, "none");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
askarov_group_view_new (void)
{
  return g_object_new (ASKAROV_TYPE_GROUP_VIEW, NULL);
}

void
askarov_group_view_set_group (AskarovGroupView *self,
                              AskarovGroup     *group)
{
  g_return_if_fail (ASKAROV_IS_GROUP_VIEW (self));
  g_return_if_fail (group == NULL || ASKAROV_IS_GROUP (group));

  if (self->group != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->group, self);
      g_signal_handlers_disconnect_by_data (askarov_store_get_record_monitor (askarov_group_get_store (self->group)), self);
    }
  if (!g_set_object (&self->group, group))
    return;
  if (group != NULL)
    {
      AskarovRecordMonitor *monitor = askarov_store_get_record_monitor (askarov_group_get_store (group));
      static const char * const record_signals[] = { "record-added", "record-changed", "record-removed", "records-reset" };

      g_signal_connect_swapped (group, "changed", G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (group, "folder-changed", G_CALLBACK (queue_refresh), self);
      for (guint i = 0; i < G_N_ELEMENTS (record_signals); i++)
        g_signal_connect_swapped (monitor, record_signals[i], G_CALLBACK (queue_refresh), self);
    }
  queue_refresh (self);
}

guint
askarov_group_view_get_n_actions (AskarovGroupView *self)
{
  g_return_val_if_fail (ASKAROV_IS_GROUP_VIEW (self), 0);

  return self->n_actions;
}
