/* askarov-tracker-page-reminders.c — notifications before a deadline when nothing was done for the case yet.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-tracker-page"

#include "config.h"

#include "askarov-tracker-page-private.h"

#include <glib/gi18n.h>

#define REMINDER_INTERVAL_SECONDS (24 * 60 * 60)

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
      body = askarov_tracker_describe_deadline (deadline);
      notification = g_notification_new (title);
      g_notification_set_body (notification, body);
      /* Clicking it opens the Actions part. */
      g_notification_set_default_action_and_target (notification, "app.show-page", "s", "actions");
      /* No default action: notifications can only name app. actions, and
       * activating the app (the default) brings the window back. */
      g_application_send_notification (app, id, notification);
      askarov_store_set_reminder_sent_async (self->store, deadline->case_id, deadline->deadline,
                                             NULL, reminder_sent_cb, NULL);
    }
}

void
askarov_tracker_page_check_reminders (AskarovTrackerPage *self)
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
  askarov_tracker_page_check_reminders (ASKAROV_TRACKER_PAGE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
settings_changed_cb (AskarovTrackerPage *self)
{
  askarov_tracker_page_check_reminders (self);
}

/* Checks at once and then once a day, for an app left open for days, and
 * again whenever the reminder settings change. */
void
askarov_tracker_page_watch_reminders (AskarovTrackerPage *self)
{
  g_clear_handle_id (&self->reminder_id, g_source_remove);
  if (self->settings == NULL)
    return;

  g_signal_connect_object (self->settings, "changed::reminders-enabled", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::reminder-days", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->reminder_id = g_timeout_add_seconds (REMINDER_INTERVAL_SECONDS, reminder_timeout_cb, self);
  askarov_tracker_page_check_reminders (self);
}
