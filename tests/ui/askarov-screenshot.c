/* askarov-screenshot.c — renders the application window to a PNG, for reviews and the metainfo.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: askarov-screenshot [--width W] [--height H] [--dark] [--high-contrast]
 *                           [--large-text] [--page NAME] [--action ACTION]... [--settle N] OUTPUT.png
 *
 * The window starts from an empty database in $XDG_DATA_HOME/askarov (the
 * test helpers delete any database there first), so without XDG_DATA_HOME
 * the tool makes a temporary data folder rather than touch the user's.
 * --high-contrast uses libadwaita's high-contrast style (ADW_DEBUG_HIGH_CONTRAST,
 * what the Accessibility settings switch on); --large-text scales text by 1.5
 * (GtkSettings:gtk-xft-dpi, as the "Large Text" setting does). */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "askarov-store-documents.h"
#include "ui-test-utils.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovApplication) app = NULL;
  g_autofree char *page = NULL;
  g_auto(GStrv) actions = NULL;
  g_autofree char *database = NULL;
  g_auto(GStrv) imports = NULL;
  int width = 1280;
  int height = 800;
  int settle_rounds = 5;
  gboolean dark = FALSE;
  gboolean high_contrast = FALSE;
  gboolean large_text = FALSE;
  g_autofree char *data_home = NULL;
  AskarovWindow *window;
  GOptionEntry entries[] = {
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &high_contrast, "High-contrast style", NULL },
    { "large-text", 0, 0, G_OPTION_ARG_NONE, &large_text, "Text 1.5 times larger", NULL },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, "Part to show: documents, compose or actions", "NAME" },
    { "import", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &imports, "Import this document into the library first (repeatable)", "FILE" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Start from a copy of this database instead of an empty one", "FILE" },
    { "action", 0, 0, G_OPTION_ARG_STRING_ARRAY, &actions, "A window or page action to activate first (e.g. library.select-first, composer.start); repeatable, in order", "ACTION" },
    { "settle", 0, 0, G_OPTION_ARG_INT, &settle_rounds,
      "Frames in a row with nothing changing on screen before the shot (default 5)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "usage: askarov-screenshot [OPTIONS] OUTPUT.png");
      return 2;
    }

  if (g_getenv ("XDG_DATA_HOME") == NULL)
    {
      if (!(data_home = g_dir_make_tmp ("askarov-screenshot-XXXXXX", &error)))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (high_contrast)
    g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
  gtk_init ();
  adw_init ();
  if (large_text)
    {
      int dpi = 0;

      /* gtk-xft-dpi is in 1024ths of a dot per inch; -1 means the 96 default. */
      g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
      if (dpi <= 0)
        dpi = 96 * 1024;
      g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi * 3 / 2, NULL);
    }
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  /* The window takes its first size from the settings (memory backend here). */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_int (settings, "window-width", width);
    g_settings_set_int (settings, "window-height", height);
    if (page != NULL)
      g_settings_set_string (settings, "last-page", page);
  }

  window = database != NULL ? ui_test_open_window_with_database (&app, database) : ui_test_open_window (&app);
  ui_test_wait_store (app);
  for (guint i = 0; imports != NULL && imports[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (imports[i]);
      g_autoptr(AskarovDocument) document = NULL;

      document = askarov_store_import_file (askarov_application_get_store (app), file, NULL, &error);
      if (document == NULL)
        {
          g_printerr ("%s: %s\n", imports[i], error->message);
          g_clear_error (&error);
        }
    }
  ui_test_resize (GTK_WINDOW (window), width, height);
  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page);
  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    {
      const char *action = actions[i];

      /* The page has loaded what it shows before its actions are used. */
      ui_test_wait_stable (GTK_WIDGET (window), (guint) MAX (settle_rounds, 1));
      /* Page actions (composer.start, …) live on the visible page, below the window. */
      if (!gtk_widget_activate_action (GTK_WIDGET (window), action, NULL))
        {
          GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (window), ASKAROV_TYPE_WINDOW, "stack");
          GtkWidget *visible = adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack));

          /* Compose and Actions sit in a slot until they are built. */
          if (visible != NULL && ADW_IS_BIN (visible))
            visible = adw_bin_get_child (ADW_BIN (visible));

          if (visible == NULL || !gtk_widget_activate_action (visible, action, NULL))
            g_printerr ("No action %s on the window or the visible page\n", action);
        }
    }
  ui_test_wait_stable (GTK_WIDGET (window), (guint) MAX (settle_rounds, 1));

  if (!ui_test_save_png (GTK_WIDGET (window), argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", argv[1]);
  ui_test_close (g_steal_pointer (&app), window);
  return 0;
}
