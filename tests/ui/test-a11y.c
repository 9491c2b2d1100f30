/* test-a11y.c — keyboard users reach every part, and every control the Tab key reaches has a name.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written against GTK's focus chain and accessibility API, not against the
 * widgets of today's pages, so that it keeps checking the parts as they grow. */

#include "config.h"

#include "ui-test-utils.h"

#define MAX_FOCUS_STEPS 2000

static const char * const parts[] = { "documents", "compose", "actions" };

/* The window's layout changes at 600 px (askarov-window.ui). A busy X
 * server can take longer than ui_test_resize() waits before it applies a new
 * size, so ask again until the window is on the side of that breakpoint the
 * test wants. */
#define BREAKPOINT_WIDTH 600

static void
resize_window (AskarovWindow *window,
               int            width,
               int            height)
{
  gboolean want_wide = width > BREAKPOINT_WIDTH;

  ui_test_resize (GTK_WINDOW (window), width, height);
  ui_test_wait_until ((gtk_widget_get_width (GTK_WIDGET (window)) > BREAKPOINT_WIDTH) == want_wide);
  /* The breakpoint's layout is drawn. */
  ui_test_settle (GTK_WIDGET (window));
}

/* Depth-first search for the first descendant of @type. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* A visible label with text inside @widget: the name a button or row takes from its content. */
static gboolean
has_label_content (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
      if (GTK_IS_INSCRIPTION (child) && gtk_inscription_get_text (GTK_INSCRIPTION (child)) != NULL &&
          *gtk_inscription_get_text (GTK_INSCRIPTION (child)) != '\0')
        return TRUE;
      if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL))
        return TRUE;
      if (has_label_content (child))
        return TRUE;
    }
  return FALSE;
}

/* How @widget itself gets its accessible name, or NULL when it has none:
 * an accessible label, a labelled-by relation, its own text, or the text of
 * the labels it contains. */
static const char *
own_name_source (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return "label";
  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return "labelled-by";
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return "text";
  if (GTK_IS_EDITABLE (widget) && *gtk_editable_get_text (GTK_EDITABLE (widget)) != '\0')
    return "text";
  if (has_label_content (widget))
    return "content";
  return NULL;
}

/* Widgets whose focusable part is an internal child (the toggle button of a
 * GtkMenuButton, the GtkText of an entry): the name the app can give is the
 * outer widget's, so that is the one checked. */
static GtkWidget *
composite_owner (GtkWidget *widget)
{
  const GType composites[] = {
    GTK_TYPE_MENU_BUTTON, GTK_TYPE_DROP_DOWN, GTK_TYPE_ENTRY, GTK_TYPE_SEARCH_ENTRY,
    GTK_TYPE_PASSWORD_ENTRY, GTK_TYPE_SPIN_BUTTON, GTK_TYPE_COLOR_DIALOG_BUTTON,
    GTK_TYPE_FONT_DIALOG_BUTTON, ADW_TYPE_SPLIT_BUTTON, ADW_TYPE_ENTRY_ROW, ADW_TYPE_SPIN_ROW,
  };

  for (guint i = 0; i < G_N_ELEMENTS (composites); i++)
    {
      GtkWidget *owner = gtk_widget_get_ancestor (widget, composites[i]);

      if (owner != NULL && owner != widget)
        return owner;
    }
  return NULL;
}

static const char *
accessible_name_source (GtkWidget *widget)
{
  const char *source = own_name_source (widget);
  GtkWidget *owner;

  if (source == NULL && (owner = composite_owner (widget)) != NULL && own_name_source (owner) != NULL)
    return G_OBJECT_TYPE_NAME (owner);
  return source;
}

static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *name = gtk_widget_get_name (w);

      g_string_prepend (path, " > ");
      g_string_prepend (path, name != NULL && !g_str_equal (name, G_OBJECT_TYPE_NAME (w)) ? name : G_OBJECT_TYPE_NAME (w));
    }
  return g_string_free (path, FALSE);
}

/* Presses Tab until the focus comes back to a widget it already reached
 * (the chain is a cycle, but where it closes depends on which widget took
 * the focus first); returns the widgets reached, in order. */
static GPtrArray *
walk_focus_chain (GtkWindow *window)
{
  GPtrArray *reached = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  gtk_window_set_focus (window, NULL);
  for (guint step = 0; step < MAX_FOCUS_STEPS; step++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        {
          /* Off the end of the chain: the next Tab starts again from the top. */
          gtk_window_set_focus (window, NULL);
          if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
            break;
        }
      focus = gtk_window_get_focus (window);
      if (focus == NULL || !g_hash_table_add (seen, focus))
        break;
      g_ptr_array_add (reached, focus);
    }
  g_assert_cmpuint (reached->len, <, MAX_FOCUS_STEPS);
  return reached;
}

/* Every widget the Tab key reaches on each part has an accessible name. */
static void
check_focus_chain_names (int width,
                         int height)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = ui_test_open_window (&app);
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint total = 0;

  ui_test_wait_store (app);
  resize_window (window, width, height);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GPtrArray) reached = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", parts[i]));
      ui_test_wait_until (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), parts[i]) == 0 &&
                          gtk_widget_get_mapped (adw_view_stack_get_visible_child (stack)));
      ui_test_settle (GTK_WIDGET (window));
      reached = walk_focus_chain (GTK_WINDOW (window));
      g_test_message ("%s at %dx%d: Tab reaches %u widgets", parts[i], width, height, reached->len);
      /* At least the part switcher and the main menu are always reachable. */
      g_assert_cmpuint (reached->len, >=, 2);

      for (guint j = 0; j < reached->len; j++)
        {
          GtkWidget *widget = g_ptr_array_index (reached, j);
          const char *source = accessible_name_source (widget);
          g_autofree char *where = describe (widget);

          g_test_message ("  %s: %s", where, source ? source : "NO NAME");
          if (source == NULL)
            g_string_append_printf (unnamed, "\n  %s (on %s)", where, parts[i]);
          total++;
        }
    }

  if (unnamed->len > 0)
    g_test_fail_printf ("Controls without an accessible name at %dx%d:%s", width, height, unnamed->str);
  g_assert_cmpuint (total, >, 0);

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_a11y_focus_chain_wide (void)
{
  check_focus_chain_names (1000, 700);
}

static void
test_a11y_focus_chain_narrow (void)
{
  check_focus_chain_names (360, 640);
}

/* Alt+1, Alt+2 and Alt+3 are bound to the three parts and switch to them. */
static void
test_a11y_part_accels (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = ui_test_open_window (&app);
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  g_assert_nonnull (stack);
  ui_test_wait_store (app);

  /* Go backwards so that every switch is a change. */
  for (int i = G_N_ELEMENTS (parts) - 1; i >= 0; i--)
    {
      g_autofree char *accel = g_strdup_printf ("<Alt>%d", i + 1);
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);
      g_autofree char *action_name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GError) error = NULL;
      guint key = 0;
      GdkModifierType mods = 0;

      g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
      g_assert_nonnull (actions);
      g_assert_cmpuint (g_strv_length (actions), ==, 1);
      g_assert_true (g_action_parse_detailed_name (actions[0], &action_name, &target, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (action_name, ==, "win.show-page");
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, parts[i]);

      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action_name, target));
      ui_test_wait_until (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), parts[i]) == 0 &&
                          gtk_widget_get_mapped (adw_view_stack_get_visible_child (stack)));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, parts[i]);
      g_assert_true (gtk_widget_get_mapped (adw_view_stack_get_visible_child (stack)));
    }

  ui_test_close (g_steal_pointer (&app), window);
}

/* The dialogs the app opens: the same check inside each, while it is shown. */
static void
test_a11y_dialogs (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = ui_test_open_window (&app);
  const char * const dialogs[] = { "app.preferences", "app.shortcuts" };
  g_autoptr(GString) unnamed = g_string_new (NULL);

  ui_test_wait_store (app);
  /* Wide: the window size is kept in the settings between tests. */
  resize_window (window, 1000, 700);
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_autoptr(GPtrArray) reached = NULL;
      AdwDialog *dialog;
      guint inside = 0;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), dialogs[i], NULL));
      ui_test_wait_until ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL &&
                          gtk_widget_get_mapped (GTK_WIDGET (dialog)));
      /* Its contents are laid out (and focusable) once it has been drawn. */
      ui_test_settle (GTK_WIDGET (dialog));

      reached = walk_focus_chain (GTK_WINDOW (window));
      for (guint j = 0; j < reached->len; j++)
        {
          GtkWidget *widget = g_ptr_array_index (reached, j);
          const char *source = accessible_name_source (widget);
          g_autofree char *where = describe (widget);

          g_test_message ("  %s: %s", where, source ? source : "NO NAME");
          if (gtk_widget_is_ancestor (widget, GTK_WIDGET (dialog)))
            inside++;
          if (source == NULL)
            g_string_append_printf (unnamed, "\n  %s (in %s)", where, dialogs[i]);
        }
      /* A modal dialog keeps the keyboard inside it. */
      g_assert_cmpuint (inside, >, 0);
      g_assert_cmpuint (inside, ==, reached->len);

      adw_dialog_force_close (dialog);
      ui_test_wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);
      ui_test_settle (GTK_WIDGET (window));
    }
  if (unnamed->len > 0)
    g_test_fail_printf ("Controls without an accessible name in dialogs:%s", unnamed->str);

  ui_test_close (g_steal_pointer (&app), window);
}

static gboolean
is_switcher_button (GtkWidget *widget)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         (gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER) != NULL ||
          gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER_BAR) != NULL);
}

/* Each part can also be reached without shortcuts: Tab reaches the part
 * switcher, the arrow keys move along it and Space activates a part. */
static void
check_switcher_reaches_parts (int width,
                              int height)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = ui_test_open_window (&app);
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  const GtkDirectionType arrows[] = { GTK_DIR_RIGHT, GTK_DIR_LEFT };
  g_autoptr(GPtrArray) reached = NULL;
  GtkWidget *switcher_button = NULL;
  guint shown = 0;

  ui_test_wait_store (app);
  resize_window (window, width, height);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "documents"));
  ui_test_wait_until (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "documents") == 0);
  ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "documents");

  g_test_message ("%u windows open, showing %s", g_list_model_get_n_items (gtk_window_get_toplevels ()),
                  adw_view_stack_get_visible_child_name (stack));
  reached = walk_focus_chain (GTK_WINDOW (window));
  for (guint j = 0; j < reached->len && switcher_button == NULL; j++)
    if (is_switcher_button (g_ptr_array_index (reached, j)))
      switcher_button = g_ptr_array_index (reached, j);
  g_assert_nonnull (switcher_button);

  /* What the arrow keys do: GtkWindow::move-focus, that is child_focus in a direction. */
  for (guint a = 0; a < G_N_ELEMENTS (arrows); a++)
    {
      gtk_widget_grab_focus (switcher_button);
      ui_test_settle (GTK_WIDGET (window));
      for (guint step = 0; step <= G_N_ELEMENTS (parts); step++)
        {
          GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

          if (focus != NULL && is_switcher_button (focus))
            {
              /* Space on a focused button: GtkButton::activate, which after
               * a quarter of a second of pressed look ends in ::clicked.
               * Emit that directly, so no timer races the next arrow key. */
              g_autofree char *before = g_strdup (adw_view_stack_get_visible_child_name (stack));
              gboolean was_active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus));

              g_signal_emit_by_name (focus, "clicked");
              /* Wait for the part to change, not for a time: a busy
               * machine can take long to switch. */
              ui_test_wait_until (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)) &&
                                  (was_active ||
                                   g_strcmp0 (adw_view_stack_get_visible_child_name (stack), before) != 0));
              /* The arrow keys move focus by where the widgets are: the new
               * part must have loaded and been laid out first. */
              ui_test_wait_stable (GTK_WIDGET (window), 3);
              for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
                if (g_str_equal (adw_view_stack_get_visible_child_name (stack), parts[i]))
                  shown |= 1u << i;
            }
          {
            graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
            gboolean placed = focus != NULL && gtk_widget_compute_bounds (focus, GTK_WIDGET (window), &bounds);
            gboolean moved;

            focus = gtk_window_get_focus (GTK_WINDOW (window));
            moved = gtk_widget_child_focus (GTK_WIDGET (window), arrows[a]);
            g_test_message ("arrow %d, step %u: focus on %s %p (%s) at %s%.0f,%.0f, showing %s; moved: %d", arrows[a], step,
                            focus ? G_OBJECT_TYPE_NAME (focus) : "nothing", focus,
                            focus && GTK_IS_TOGGLE_BUTTON (focus) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)) ? "active" : "inactive",
                            placed ? "" : "(no bounds) ", bounds.origin.x, bounds.origin.y,
                            adw_view_stack_get_visible_child_name (stack), moved);
          }
          ui_test_settle (GTK_WIDGET (window));
        }
    }
  g_assert_cmpuint (shown, ==, (1u << G_N_ELEMENTS (parts)) - 1);

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_a11y_tab_reaches_parts_wide (void)
{
  check_switcher_reaches_parts (1000, 700);
}

static void
test_a11y_tab_reaches_parts_narrow (void)
{
  check_switcher_reaches_parts (360, 640);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/a11y/focus-chain-names/wide", test_a11y_focus_chain_wide);
  g_test_add_func ("/a11y/focus-chain-names/narrow", test_a11y_focus_chain_narrow);
  g_test_add_func ("/a11y/focus-chain-names/dialogs", test_a11y_dialogs);
  g_test_add_func ("/a11y/part-accels", test_a11y_part_accels);
  g_test_add_func ("/a11y/tab-reaches-parts/wide", test_a11y_tab_reaches_parts_wide);
  g_test_add_func ("/a11y/tab-reaches-parts/narrow", test_a11y_tab_reaches_parts_narrow);

  return g_test_run ();
}
