/* askarov-tracker-page.c — the action tracker: every action taken, totals, deadlines and reports.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-tracker-page"

#include "config.h"

#include "askarov-tracker-page.h"

#include <glib/gi18n.h>

struct _AskarovTrackerPage
{
  GtkWidget      parent_instance;
  AdwStatusPage *empty_page;
  AskarovStore  *store;
};

G_DEFINE_FINAL_TYPE (AskarovTrackerPage, askarov_tracker_page, GTK_TYPE_WIDGET)

static void
askarov_tracker_page_dispose (GObject *object)
{
  AskarovTrackerPage *self = ASKAROV_TRACKER_PAGE (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_TRACKER_PAGE);

  G_OBJECT_CLASS (askarov_tracker_page_parent_class)->dispose (object);
}

static void
askarov_tracker_page_class_init (AskarovTrackerPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = askarov_tracker_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-tracker-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovTrackerPage, empty_page);
}

static void
askarov_tracker_page_init (AskarovTrackerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
askarov_tracker_page_set_store (AskarovTrackerPage *self,
                                AskarovStore       *store)
{
  g_return_if_fail (ASKAROV_IS_TRACKER_PAGE (self));
  g_return_if_fail (store == NULL || ASKAROV_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
askarov_tracker_page_set_settings (AskarovTrackerPage *self,
                                   GSettings          *settings)
{
  g_return_if_fail (ASKAROV_IS_TRACKER_PAGE (self));
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
  g_return_if_fail (ASKAROV_IS_TRACKER_PAGE (self));
  g_return_if_fail (g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT));
}
