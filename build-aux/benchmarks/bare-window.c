/* bare-window.c — the smallest libadwaita window, the baseline of build-aux/bench-startup.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication whose window holds a header bar and a status page, at
 * the default size of Askarov's window.  With ASKAROV_BENCH_STARTUP=1 it
 * prints the monotonic time of its first painted frame, as Askarov does. */

#include <adwaita.h>

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_printerr ("bench: first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *view = adw_toolbar_view_new ();
  GtkWidget *page = adw_status_page_new ();

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), adw_header_bar_new ());
  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Bare Window");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "document-open-symbolic");
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  if (g_getenv ("ASKAROV_BENCH_STARTUP") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("com.example.Askarov.BareWindow", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
