/* ui-test-utils.c — opens the real application window for tests and screenshots.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ui-test-utils.h"

#include "askarov-store-documents.h"

#include <glib/gstdio.h>
#include <unistd.h>

/**
 * ui_test_init:
 *
 * Points HOME and the XDG user folders at a new temporary folder. This is
 * not G_TEST_OPTION_ISOLATE_DIRS, which also empties XDG_DATA_DIRS and so
 * hides the MIME database that GTK needs to load its SVG icons.
 */
void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("askarov-ui-test-XXXXXX", &error);
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR" };

  g_assert_no_error (error);
  g_setenv ("HOME", tmp, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (tmp, vars[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (vars[i], dir, TRUE);
    }

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
}

/* While a wait runs, a heartbeat wakes the main loop now and then, so that a
 * condition set by another thread (a store worker) is seen even when nothing
 * else happens in the main context. It paces the checks; it is not a wait. */
static guint heartbeat_id;
static guint heartbeat_users;

static gboolean
heartbeat_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gint64
ui_test_wait_begin (void)
{
  if (heartbeat_users++ == 0)
    heartbeat_id = g_timeout_add (10, heartbeat_cb, NULL);
  return g_get_monotonic_time () + UI_TEST_TIMEOUT_S * G_USEC_PER_SEC;
}

void
ui_test_wait_end (void)
{
  g_assert_cmpuint (heartbeat_users, >, 0);
  if (--heartbeat_users == 0)
    g_clear_handle_id (&heartbeat_id, g_source_remove);
}

static gboolean
wait_step (gint64 deadline)
{
  if (g_get_monotonic_time () >= deadline)
    return FALSE;
  g_main_context_iteration (NULL, TRUE);
  return TRUE;
}

void
ui_test_wait_step (gint64      deadline,
                   const char *what,
                   const char *where)
{
  if (!wait_step (deadline))
    g_error ("%s: still not true after %d s: %s", where, UI_TEST_TIMEOUT_S, what);
}

gboolean
ui_test_wait_for (UiTestCondition condition,
                  gpointer        data)
{
  gint64 deadline = ui_test_wait_begin ();
  gboolean met;

  while (!(met = condition (data)) && wait_step (deadline))
    ;
  ui_test_wait_end ();
  return met;
}

void
ui_test_drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

void
ui_test_wait_frames (GtkWidget *widget,
                     guint      n_frames)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  guint ticks = 0;
  guint id;

  /* A window that is not on screen draws nothing: there is nothing to wait for. */
  if (root == NULL || !gtk_widget_get_mapped (root))
    return;
  id = gtk_widget_add_tick_callback (root, count_tick_cb, &ticks, NULL);
  /* One more tick than asked: the tick comes before the frame's layout and paint. */
  ui_test_wait_until (ticks > n_frames);
  gtk_widget_remove_tick_callback (root, id);
}

void
ui_test_settle (GtkWidget *widget)
{
  ui_test_drain ();
  ui_test_wait_frames (widget, 2);
  ui_test_drain ();
}

void
ui_test_wait_mapped (GtkWidget *widget)
{
  ui_test_wait_until (gtk_widget_get_mapped (widget));
}

/* What is on screen under @widget: types, places, sizes, visibility and texts. */
static void
describe_tree (GtkWidget *widget,
               GString   *out)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (gtk_widget_get_root (widget)), &bounds))
    bounds = GRAPHENE_RECT_INIT (-1, -1, 0, 0);
  g_string_append_printf (out, "%s %.1f,%.1f %d×%d %d", G_OBJECT_TYPE_NAME (widget), bounds.origin.x,
                          bounds.origin.y, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                          gtk_widget_get_mapped (widget));
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));
  g_string_append_c (out, '\n');
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    describe_tree (child, out);
}

void
ui_test_wait_stable (GtkWidget *widget,
                     guint      rounds)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autofree char *last = NULL;
  guint same = 0;
  gint64 deadline = ui_test_wait_begin ();

  while (same < rounds)
    {
      g_autoptr(GString) now = g_string_new (NULL);

      ui_test_settle (root);
      describe_tree (root, now);
      same = g_strcmp0 (now->str, last) == 0 ? same + 1 : 0;
      g_free (last);
      last = g_string_free (g_steal_pointer (&now), FALSE);
      if (g_get_monotonic_time () >= deadline)
        g_error ("The window kept changing for %d s", UI_TEST_TIMEOUT_S);
    }
  ui_test_wait_end ();
}

GtkLabel *
ui_test_find_label (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = ui_test_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

struct _UiTestSignal
{
  gpointer instance;
  gulong   handler;
  guint    count;
  guint    waited;
};

static void
count_marshal (GClosure     *closure,
               GValue       *return_value,
               guint         n_param_values,
               const GValue *param_values,
               gpointer      invocation_hint,
               gpointer      marshal_data)
{
  ((UiTestSignal *) closure->data)->count++;
}

UiTestSignal *
ui_test_signal_watch (gpointer    instance,
                      const char *detailed_signal)
{
  UiTestSignal *watch = g_new0 (UiTestSignal, 1);
  GClosure *closure = g_closure_new_simple (sizeof (GClosure), watch);

  g_closure_set_marshal (closure, count_marshal);
  watch->instance = instance;
  g_object_add_weak_pointer (instance, &watch->instance);
  watch->handler = g_signal_connect_closure (instance, detailed_signal, closure, FALSE);
  g_assert_cmpuint (watch->handler, >, 0);
  return watch;
}

guint
ui_test_signal_get_count (UiTestSignal *watch)
{
  return watch->count;
}

void
ui_test_signal_wait_count (UiTestSignal *watch,
                           guint         count)
{
  ui_test_wait_until (watch->count >= count);
  watch->waited = watch->count;
}

void
ui_test_signal_free (UiTestSignal *watch)
{
  if (watch->instance != NULL)
    {
      g_signal_handler_disconnect (watch->instance, watch->handler);
      g_object_remove_weak_pointer (watch->instance, &watch->instance);
    }
  g_free (watch);
}

void
ui_test_signal_wait (UiTestSignal *watch)
{
  ui_test_signal_wait_count (watch, watch->waited + 1);
  ui_test_signal_free (watch);
}

static AskarovWindow *
open_window (AskarovApplication **app_out,
             const char          *database)
{
  g_autoptr(GError) error = NULL;
  AskarovApplication *app;
  GtkWindow *window;
  gint64 deadline;

  static guint serial;
  g_autofree char *app_id = NULL;

  /* Each window gets its own id: an application stays exported on the bus
   * until it is finalized. */
  app_id = g_strdup_printf ("com.example.Askarov.Test%u_%u", (guint) getpid (), serial++);
  /* Every window starts from an empty database. */
  {
    g_autofree char *db = askarov_store_default_path ();
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
        g_unlink (path);
        if (database != NULL)
          {
            g_autofree char *src = g_strconcat (database, suffixes[i], NULL);
            g_autoptr(GFile) from = g_file_new_for_path (src);
            g_autoptr(GFile) to = g_file_new_for_path (path);

            /* The -shm index is rebuilt from the WAL; copying a stale one is harmful. */
            if (i < 2 && g_file_test (src, G_FILE_TEST_EXISTS))
              {
                g_autofree char *dir = g_path_get_dirname (path);

                g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
                g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
                g_assert_no_error (error);
              }
          }
      }
  }
  app = askarov_application_new (app_id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_true (ASKAROV_IS_WINDOW (window));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* The window builds the parts that are not on screen from a timeout after
   * it maps; on a busy machine that can land in the middle of a test and
   * replace widgets it holds (the part switcher's buttons among them).
   * Build them now, and let every change they cause settle. */
  askarov_window_get_composer_page (ASKAROV_WINDOW (window));
  askarov_window_get_tracker_page (ASKAROV_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  *app_out = app;
  return ASKAROV_WINDOW (window);
}

/**
 * ui_test_open_window:
 *
 * Registers a non-unique application (its startup opens the database in the
 * test's own data dir), activates it and waits until the window is mapped.
 */
AskarovWindow *
ui_test_open_window (AskarovApplication **app_out)
{
  return open_window (app_out, NULL);
}

/**
 * ui_test_open_window_with_database:
 * @database: path of a database file (its -wal file is copied too)
 *
 * Like ui_test_open_window(), but the application starts on a copy of
 * @database, as after a restart or a crash.
 */
AskarovWindow *
ui_test_open_window_with_database (AskarovApplication **app_out,
                                   const char          *database)
{
  return open_window (app_out, database);
}

/**
 * ui_test_open_window_empty:
 *
 * Like ui_test_open_window(), but on a database where the built-in Askarov
 * case pack counts as already offered, so the library starts empty (as for a
 * volunteer who deleted it).
 */
AskarovWindow *
ui_test_open_window_empty (AskarovApplication **app_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("askarov-empty-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "askarov.db", NULL);
  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (askarov_store_set_library_state (store, "case-pack:askarov", "1", &error));
  g_assert_no_error (error);
  askarov_store_close (store);
  return open_window (app_out, path);
}

void
ui_test_wait_store (AskarovApplication *app)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (askarov_application_get_store (app) == NULL &&
         askarov_application_get_store_error (app) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (askarov_application_get_store (app));
}

/* The size the window's widget takes for a default size of @width × @height:
 * the default size and the window's measure count the client-side
 * decorations' borders (the surface's size less the widget's), and the window
 * never goes below its minimum. */
static void
expected_size (GtkWindow *window,
               int        width,
               int        height,
               int       *out_width,
               int       *out_height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int border_width = gdk_surface_get_width (surface) - gtk_widget_get_width (GTK_WIDGET (window));
  int border_height = gdk_surface_get_height (surface) - gtk_widget_get_height (GTK_WIDGET (window));
  int min_width = 0;
  int min_height = 0;

  /* A window measures with its borders. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  width = MAX (width, min_width);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  height = MAX (height, min_height);
  *out_width = width - border_width;
  *out_height = height - border_height;
}

static gboolean
has_size (GtkWindow *window,
          int        width,
          int        height)
{
  int want_width = width;
  int want_height = height;

  expected_size (window, width, height, &want_width, &want_height);
  return gtk_widget_get_width (GTK_WIDGET (window)) == want_width &&
         gtk_widget_get_height (GTK_WIDGET (window)) == want_height;
}

void
ui_test_resize (GtkWindow *window,
                int        width,
                int        height)
{
  gint64 deadline;

  gtk_window_set_default_size (window, width, height);
  /* The window server answers in a later frame; the breakpoints apply in the
   * frame after the new size. */
  deadline = ui_test_wait_begin ();
  while (!has_size (window, width, height))
    if (!wait_step (deadline))
      {
        int want_width = width;
        int want_height = height;

        expected_size (window, width, height, &want_width, &want_height);
        g_error ("The window is %d×%d, not %d×%d (asked for %d×%d)",
                 gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
                 want_width, want_height, width, height);
      }
  ui_test_wait_end ();
  ui_test_settle (GTK_WIDGET (window));
}

gboolean
ui_test_save_png (GtkWidget   *widget,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was drawn");
      return FALSE;
    }
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

void
ui_test_close (AskarovApplication *app,
               AskarovWindow      *window)
{
  AskarovStore *store = askarov_application_get_store (app);
  GtkWidget *alive = GTK_WIDGET (window);

  /* Until every callback still holding the window (a store reply, an
   * animation) has run and let it go: none may land in the next test. */
  g_object_add_weak_pointer (G_OBJECT (alive), (gpointer *) &alive);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_wait_until (alive == NULL);
  ui_test_drain ();
  if (store != NULL)
    askarov_store_close (store);
  g_object_unref (app);
}
