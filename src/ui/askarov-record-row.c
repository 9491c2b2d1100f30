/* askarov-record-row.c — one logged action in the Actions list.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-record-row"

#include "config.h"

#include "askarov-record-row.h"

#include <glib/gi18n.h>

struct _AskarovRecordRow
{
  GtkWidget            parent_instance;

  /* Template children */
  GtkImage            *channel_icon;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *date_label;
  GtkLabel            *reported_label;
  GtkButton           *delete_button;

  AskarovActionRecord *record;
  gulong               notify_id;
};

G_DEFINE_FINAL_TYPE (AskarovRecordRow, askarov_record_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_row (AskarovRecordRow *self)
{
  AskarovActionRecord *record = self->record;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *reference = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  const char *target;
  AskarovChannel channel;
  AskarovOutcome outcome;

  if (record == NULL || !askarov_action_record_get_loaded (record))
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      gtk_label_set_label (self->date_label, "");
      gtk_image_set_from_icon_name (self->channel_icon, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->reported_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->delete_button), FALSE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), NULL);
      return;
    }

  channel = askarov_action_record_get_channel (record);
  outcome = askarov_action_record_get_outcome (record);
  target = askarov_action_record_get_target_name (record);
  if (target == NULL || *target == '\0')
    target = askarov_channel_get_label (channel);

  if (askarov_action_record_get_case_name (record) != NULL)
    g_ptr_array_add (parts, (char *) askarov_action_record_get_case_name (record));
  if (askarov_action_record_get_reference (record) != NULL)
    {
      /* Translators: an Urgent Action's reference in the Actions list, as in “UA 61/20” */
      reference = g_strdup_printf (_("UA %s"), askarov_action_record_get_reference (record));
      g_ptr_array_add (parts, reference);
    }
  if (outcome != ASKAROV_OUTCOME_NONE)
    g_ptr_array_add (parts, (char *) askarov_outcome_get_label (outcome));
  if (askarov_action_record_get_language (record) != NULL)
    g_ptr_array_add (parts, (char *) askarov_action_record_get_language (record));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  date = askarov_format_short_date (askarov_action_record_get_taken_on (record));

  gtk_image_set_from_icon_name (self->channel_icon, askarov_channel_get_icon_name (channel));
  gtk_label_set_label (self->title_label, target);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->date_label, date);
  gtk_widget_set_visible (GTK_WIDGET (self->reported_label), askarov_action_record_get_reported (record));
  if (askarov_action_record_get_reported (record))
    {
      g_autofree char *reported_on = askarov_format_short_date (askarov_action_record_get_reported_on (record));
      /* Translators: tooltip of the “Reported” badge; %s is the day it was reported */
      g_autofree char *tooltip = g_strdup_printf (_("Reported to organisers on %s"), reported_on);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->reported_label), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);
  /* The target first: the action takes an id, and a button without one would not match it. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x",
                                    askarov_action_record_get_id (record));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "tracker.delete-record");

  /* Translators: what a screen reader says for one logged action:
   * channel, target, date, then case, reference, outcome and language */
  description = g_strdup_printf (_("%s to %s on %s. %s"),
                                 askarov_channel_get_label (channel), target, date, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->channel_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, askarov_channel_get_label (channel),
                                  -1);
}

static void
record_notify_cb (AskarovRecordRow *self)
{
  update_row (self);
}

static void
askarov_record_row_dispose (GObject *object)
{
  AskarovRecordRow *self = ASKAROV_RECORD_ROW (object);
  GtkWidget *child;

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_object (&self->record);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_RECORD_ROW);
  /* The template's unnamed boxes are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (askarov_record_row_parent_class)->dispose (object);
}

static void
askarov_record_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AskarovRecordRow *self = ASKAROV_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_record_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AskarovRecordRow *self = ASKAROV_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      askarov_record_row_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_record_row_class_init (AskarovRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = askarov_record_row_dispose;
  object_class->get_property = askarov_record_row_get_property;
  object_class->set_property = askarov_record_row_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         ASKAROV_TYPE_ACTION_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "record-row");
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordRow, channel_icon);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordRow, reported_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordRow, delete_button);
}

static void
askarov_record_row_init (AskarovRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  update_row (self);
}

AskarovActionRecord *
askarov_record_row_get_record (AskarovRecordRow *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORD_ROW (self), NULL);

  return self->record;
}

void
askarov_record_row_set_record (AskarovRecordRow    *self,
                               AskarovActionRecord *record)
{
  g_return_if_fail (ASKAROV_IS_RECORD_ROW (self));
  g_return_if_fail (record == NULL || ASKAROV_IS_ACTION_RECORD (record));

  if (self->record == record)
    return;

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_set_object (&self->record, record);
  /* A placeholder fills in once its page loads, and an edited record changes in place. */
  if (record != NULL)
    self->notify_id = g_signal_connect_object (record, "notify", G_CALLBACK (record_notify_cb),
                                               self, G_CONNECT_SWAPPED);
  update_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

char *
askarov_format_short_date (const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  int year = 0;
  int month = 0;
  int day = 0;

  if (date == NULL)
    return g_strdup ("");
  if (sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year) ||
      (time = g_date_time_new_local (year, month, day, 12, 0, 0)) == NULL)
    return g_strdup (date);

  /* Translators: how a day is shown in the Actions list; see g_date_time_format() */
  /* xgettext:no-c-format */
  return g_date_time_format (time, _("%-d %b %Y"));
}
