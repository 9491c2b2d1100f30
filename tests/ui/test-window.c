/* test-window.c — the main window opens, each part can be reached, the narrow layout collapses.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ui-test-utils.h"

static GtkWidget *
template_child (AskarovWindow *window,
                const char    *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), ASKAROV_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
test_window_opens (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = ui_test_open_window (&app);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Askarov");
  ui_test_wait_store (app);
  g_assert_cmpint (askarov_store_get_schema_version (askarov_application_get_store (app)), ==,
                   ASKAROV_STORE_SCHEMA_VERSION);
  /* No problem to report: the banner stays hidden. */
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (template_child (window, "banner"))));

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_window_parts_reachable (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = ui_test_open_window (&app);
  AdwViewStack *stack = ADW_VIEW_STACK (template_child (window, "stack"));
  const char *parts[] = { "compose", "actions", "documents" };
  const char *page_types[] = { "AskarovComposerPage", "AskarovTrackerPage", "AskarovBrowserPage" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkWidget *child;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", parts[i]));
      ui_test_wait_until (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), parts[i]) == 0 &&
                          gtk_widget_get_mapped (adw_view_stack_get_visible_child (stack)));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, parts[i]);
      child = adw_view_stack_get_visible_child (stack);
      /* Compose and Actions are built after the first frame, into a slot. */
      if (ADW_IS_BIN (child))
        child = adw_bin_get_child (ADW_BIN (child));
      g_assert_nonnull (child);
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (child), ==, page_types[i]);
      g_assert_true (gtk_widget_get_mapped (child));
    }

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_window_narrow_collapses (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = ui_test_open_window (&app);
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (template_child (window, "switcher_bar"));
  AdwHeaderBar *header = ADW_HEADER_BAR (template_child (window, "header_bar"));

  ui_test_resize (GTK_WINDOW (window), 1280, 800);
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  g_assert_true (ADW_IS_VIEW_SWITCHER (adw_header_bar_get_title_widget (header)));

  ui_test_resize (GTK_WINDOW (window), 360, 640);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  g_assert_null (adw_header_bar_get_title_widget (header));

  ui_test_resize (GTK_WINDOW (window), 1280, 800);
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_window_dialogs (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = ui_test_open_window (&app);
  const char *actions[] = { "preferences", "shortcuts", "about" };
  const char *types[] = { "AskarovPreferencesDialog", "AskarovShortcutsDialog", "AdwAboutDialog" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      AdwDialog *dialog;

      g_action_group_activate_action (G_ACTION_GROUP (app), actions[i], NULL);
      ui_test_wait_until ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL);
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==, types[i]);
      {
        /* Closing animates; the dialog is gone once it says so. */
        UiTestSignal *closed = ui_test_signal_watch (dialog, "closed");

        g_assert_true (adw_dialog_close (dialog));
        ui_test_signal_wait (closed);
      }
      ui_test_wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);
    }

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_window_accessible_names (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = ui_test_open_window (&app);
  GtkWidget *header = template_child (window, "header_bar");
  guint n_buttons = 0;

  /* Every icon-only button of the header bar has an accessible label. */
  for (GtkWidget *w = gtk_widget_get_first_child (header); w != NULL; )
    {
      if ((GTK_IS_BUTTON (w) || GTK_IS_MENU_BUTTON (w)) &&
          gtk_widget_get_tooltip_text (w) != NULL)
        {
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               gtk_widget_get_tooltip_text (w));
          n_buttons++;
        }
      if (gtk_widget_get_first_child (w) != NULL && !GTK_IS_BUTTON (w) && !GTK_IS_MENU_BUTTON (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != header)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == header) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_cmpuint (n_buttons, >=, 2);

  ui_test_close (g_steal_pointer (&app), window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/parts-reachable", test_window_parts_reachable);
  g_test_add_func ("/window/narrow-collapses", test_window_narrow_collapses);
  g_test_add_func ("/window/dialogs", test_window_dialogs);
  g_test_add_func ("/window/accessible-names", test_window_accessible_names);

  return g_test_run ();
}
