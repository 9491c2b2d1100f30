/* askarov-tracker-chart.h — a bar chart of actions per month, drawn with cairo.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ASKAROV_TYPE_TRACKER_CHART (askarov_tracker_chart_get_type ())
G_DECLARE_FINAL_TYPE (AskarovTrackerChart, askarov_tracker_chart, ASKAROV, TRACKER_CHART, GtkDrawingArea)

GtkWidget  *askarov_tracker_chart_new             (void);
const char *askarov_tracker_chart_get_summary     (AskarovTrackerChart *self);
void        askarov_tracker_chart_set_months      (AskarovTrackerChart *self,
                                                   const char * const  *months,
                                                   const guint         *counts,
                                                   guint                n_months);

G_END_DECLS
