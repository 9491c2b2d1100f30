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

void
ui_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
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

void
ui_test_resize (GtkWindow *window,
                int        width,
                int        height)
{
  int last_width = -1;
  int last_height = -1;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_set_default_size (window, width, height);
  /* Wait for the size to settle, then let breakpoints apply. */
  while (g_get_monotonic_time () < deadline)
    {
      ui_test_iterate (100);
      if (gtk_widget_get_width (GTK_WIDGET (window)) == last_width &&
          gtk_widget_get_height (GTK_WIDGET (window)) == last_height)
        break;
      last_width = gtk_widget_get_width (GTK_WIDGET (window));
      last_height = gtk_widget_get_height (GTK_WIDGET (window));
    }
  ui_test_iterate (200);
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

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
  if (store != NULL)
    askarov_store_close (store);
  g_object_unref (app);
}
