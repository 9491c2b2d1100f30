/* tracker-shots.c — screenshots of the Actions page with a few dozen actions; not a test.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: tracker-shots [--width W] [--height H] [--dark] [--sidebar] [--dialog log|log-ua|log-error|report] OUTPUT.png
 * Uses the database under XDG_DATA_HOME: point it at a temporary folder. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "askarov-tracker-page.h"
#include "tracker-test-data.h"
#include "ui-test-utils.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovApplication) app = NULL;
  g_autofree char *dialog_name = NULL;
  int width = 1280;
  int height = 800;
  gboolean dark = FALSE;
  gboolean sidebar = FALSE;
  gboolean reported = FALSE;
  GtkWidget *page;
  GtkWidget *target;
  AskarovWindow *window;
  GOptionEntry entries[] = {
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "sidebar", 0, 0, G_OPTION_ARG_NONE, &sidebar, "Show the totals sidebar (narrow windows)", NULL },
    { "reported", 0, 0, G_OPTION_ARG_NONE, &reported, "Show only actions already reported", NULL },
    { "dialog", 0, 0, G_OPTION_ARG_STRING, &dialog_name, "Open a dialog: log, log-ua (a UA in no case chosen), log-error (a refused save) or report", "NAME" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "usage: tracker-shots [OPTIONS] OUTPUT.png");
      return 2;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_int (settings, "window-width", width);
    g_settings_set_int (settings, "window-height", height);
    g_settings_set_string (settings, "last-page", "actions");
  }

  window = ui_test_open_window_empty (&app);
  ui_test_wait_store (app);
  tracker_test_add_sample (askarov_application_get_store (app));
  askarov_store_records_reset (askarov_application_get_store (app));
  ui_test_resize (GTK_WINDOW (window), width, height);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "actions");
  page = GTK_WIDGET (askarov_window_get_tracker_page (window));
  ui_test_wait_mapped (page);
  ui_test_wait_stable (page, 5);

  if (sidebar)
    adw_overlay_split_view_set_show_sidebar (ADW_OVERLAY_SPLIT_VIEW (gtk_widget_get_template_child (page, ASKAROV_TYPE_TRACKER_PAGE, "split_view")),
                                             TRUE);
  if (reported)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (page, ASKAROV_TYPE_TRACKER_PAGE, "reported_filter")), 2);
  if (g_strcmp0 (dialog_name, "log-ua") == 0 || g_strcmp0 (dialog_name, "log-error") == 0)
    tracker_test_add_ua (askarov_application_get_store (app), "209/15", "Tajikistan: Lawyer held for defending clients",
                         "Farhod Salim", "Ambassador of Tajikistan");
  if (g_str_has_prefix (dialog_name ? dialog_name : "", "log"))
    gtk_widget_activate_action (page, "tracker.log-record", NULL);
  if (g_strcmp0 (dialog_name, "log-ua") == 0 || g_strcmp0 (dialog_name, "log-error") == 0)
    {
      AdwDialog *dialog;
      AdwComboRow *row;
      GListModel *model;

      ui_test_wait_until ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL);
      ui_test_wait_stable (GTK_WIDGET (dialog), 5);
      row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), G_OBJECT_TYPE (dialog), "case_row"));
      model = adw_combo_row_get_model (row);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

          if (g_str_has_prefix (gtk_string_object_get_string (item), "UA 209/15"))
            adw_combo_row_set_selected (row, i);
        }
      if (g_strcmp0 (dialog_name, "log-error") == 0)
        {
          g_autofree char *long_name = g_strnfill (3000, 'x');

          ui_test_wait_stable (GTK_WIDGET (dialog), 5);
          gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), G_OBJECT_TYPE (dialog),
                                                                              "target_title_row")), long_name);
          gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL);
        }
    }
  else if (g_strcmp0 (dialog_name, "report") == 0)
    gtk_widget_activate_action (page, "tracker.report", NULL);
  ui_test_wait_stable (GTK_WIDGET (window), 5);

  target = GTK_WIDGET (window);
  if (!ui_test_save_png (target, argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", argv[1]);
  {
    AdwDialog *dialog;

    while ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL)
      {
        adw_dialog_force_close (dialog);
        ui_test_wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != dialog);
      }
  }
  ui_test_close (g_steal_pointer (&app), window);
  return 0;
}
