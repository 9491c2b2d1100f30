/* askarov-tracker-chart.c — a bar chart of actions per month, drawn with cairo.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-tracker-chart"

#include "config.h"

#include "askarov-tracker-chart.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define BAR_GAP 6.0
#define LABEL_HEIGHT 18.0
#define VALUE_HEIGHT 16.0

struct _AskarovTrackerChart
{
  GtkDrawingArea  parent_instance;
  GStrv           months;    /* YYYY-MM, oldest first */
  GArray         *counts;    /* guint, one per month */
  char           *summary;   /* the same figures as text, for screen readers */
};

G_DEFINE_FINAL_TYPE (AskarovTrackerChart, askarov_tracker_chart, GTK_TYPE_DRAWING_AREA)

/* "2026-10" -> "Oct" (or "Oct 2026" when @with_year); NULL when not a month. */
static char *
format_month (const char *month,
              gboolean    with_year)
{
  g_autoptr(GDateTime) date = NULL;
  int year = 0;
  int mon = 0;

  if (month == NULL || sscanf (month, "%4d-%2d", &year, &mon) != 2)
    return NULL;
  date = g_date_time_new_utc (year, mon, 1, 0, 0, 0);
  if (date == NULL)
    return NULL;
  if (with_year)
    {
      /* Translators: a month and year in the chart's accessible summary, see g_date_time_format() */
      /* xgettext:no-c-format */
      return g_date_time_format (date, _("%B %Y"));
    }
  /* Translators: a month in the chart's accessible summary, see g_date_time_format() */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%b"));
}

static void
update_summary (AskarovTrackerChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint total = 0;

  for (guint i = 0; i < self->counts->len; i++)
    total += g_array_index (self->counts, guint, i);

  if (self->counts->len == 0 || total == 0)
    g_string_append (text, _("Chart of actions per month: no actions logged yet."));
  else
    {
      /* Translators: start of the chart's text for screen readers; %u is the total of actions */
      g_string_append_printf (text, ngettext ("Chart of actions per month, %u action in all:",
                                              "Chart of actions per month, %u actions in all:", total), total);
      for (guint i = 0; i < self->counts->len; i++)
        {
          guint n = g_array_index (self->counts, guint, i);
          g_autofree char *label = format_month (self->months[i], TRUE);

          g_string_append_c (text, ' ');
          /* Translators: one month in the chart's text for screen readers: "October 2026: 3" */
          g_string_append_printf (text, _("%s: %u."), label ? label : self->months[i], n);
        }
    }

  g_set_str (&self->summary, text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

/* Bars are filled shapes, so the plain accent colour is right in both styles;
 * it follows the user's accent choice and high contrast. */
static void
get_accent (GtkWidget *widget,
            GdkRGBA   *rgba)
{
  AdwStyleManager *manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GdkRGBA) accent = adw_style_manager_get_accent_color_rgba (manager);

  *rgba = *accent;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  AskarovTrackerChart *self = ASKAROV_TRACKER_CHART (area);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA fg;
  GdkRGBA accent;
  guint n = self->counts->len;
  guint max = 0;
  double bar_width;
  double plot_height;

  gtk_widget_get_color (GTK_WIDGET (area), &fg);
  get_accent (GTK_WIDGET (area), &accent);

  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (self->counts, guint, i));

  /* The baseline, always drawn so that an empty chart still reads as a chart. */
  plot_height = height - LABEL_HEIGHT - VALUE_HEIGHT;
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.25);
  cairo_rectangle (cr, 0, VALUE_HEIGHT + plot_height, width, 1);
  cairo_fill (cr);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  if ((n == 0 || max == 0) && plot_height > 0)
    {
      int text_width;
      int text_height;

      pango_layout_set_text (layout, _("No actions yet"), -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.55);
      cairo_move_to (cr, (width - text_width) / 2.0, VALUE_HEIGHT + (plot_height - text_height) / 2.0);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  if (n == 0 || plot_height <= 0)
    return;

  bar_width = MIN (48.0, (width - BAR_GAP * (n + 1)) / n);
  if (bar_width < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      guint value = g_array_index (self->counts, guint, i);
      double x = BAR_GAP + i * (bar_width + BAR_GAP) + (width - n * (bar_width + BAR_GAP) - BAR_GAP) / 2.0;
      double h = max > 0 ? plot_height * value / (double) max : 0;
      g_autofree char *label = format_month (self->months[i], FALSE);
      g_autofree char *count = g_strdup_printf ("%u", value);
      int text_width;
      int text_height;

      if (value > 0 && h < 2)
        h = 2;
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, x, VALUE_HEIGHT + plot_height - h, bar_width, h);
      cairo_fill (cr);

      gdk_cairo_set_source_rgba (cr, &fg);
      if (value > 0)
        {
          pango_layout_set_text (layout, count, -1);
          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          cairo_move_to (cr, x + (bar_width - text_width) / 2.0, VALUE_HEIGHT + plot_height - h - text_height);
          pango_cairo_show_layout (cr, layout);
        }

      /* Month names only when they fit under their bar. */
      pango_layout_set_text (layout, label ? label : "", -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      if (text_width <= bar_width + BAR_GAP)
        {
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.7);
          cairo_move_to (cr, x + (bar_width - text_width) / 2.0, VALUE_HEIGHT + plot_height + 2);
          pango_cairo_show_layout (cr, layout);
        }
    }
}

static void
style_changed_cb (AskarovTrackerChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
askarov_tracker_chart_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (askarov_tracker_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
askarov_tracker_chart_finalize (GObject *object)
{
  AskarovTrackerChart *self = ASKAROV_TRACKER_CHART (object);

  g_clear_pointer (&self->months, g_strfreev);
  g_clear_pointer (&self->counts, g_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (askarov_tracker_chart_parent_class)->finalize (object);
}

static void
askarov_tracker_chart_class_init (AskarovTrackerChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = askarov_tracker_chart_finalize;
  widget_class->css_changed = askarov_tracker_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
askarov_tracker_chart_init (AskarovTrackerChart *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->months = g_new0 (char *, 1);
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 140);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_chart, NULL, NULL);
  g_signal_connect_object (manager, "notify::accent-color", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actions per month"),
                                  -1);
  update_summary (self);
}

GtkWidget *
askarov_tracker_chart_new (void)
{
  return g_object_new (ASKAROV_TYPE_TRACKER_CHART, NULL);
}

/**
 * askarov_tracker_chart_get_summary:
 *
 * Returns: the chart's figures as a sentence; it is also the chart's
 *   accessible description.
 */
const char *
askarov_tracker_chart_get_summary (AskarovTrackerChart *self)
{
  g_return_val_if_fail (ASKAROV_IS_TRACKER_CHART (self), NULL);

  return self->summary;
}

/**
 * askarov_tracker_chart_set_months:
 * @months: (array length=n_months): months as YYYY-MM, oldest first
 * @counts: (array length=n_months): the number of actions in each month
 */
void
askarov_tracker_chart_set_months (AskarovTrackerChart *self,
                                  const char * const  *months,
                                  const guint         *counts,
                                  guint                n_months)
{
  g_return_if_fail (ASKAROV_IS_TRACKER_CHART (self));
  g_return_if_fail (n_months == 0 || (months != NULL && counts != NULL));

  g_strfreev (self->months);
  self->months = g_new0 (char *, n_months + 1);
  for (guint i = 0; i < n_months; i++)
    self->months[i] = g_strdup (months[i]);
  g_array_set_size (self->counts, 0);
  g_array_append_vals (self->counts, counts, n_months);

  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
