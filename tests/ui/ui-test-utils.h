/* ui-test-utils.h — opens the real application window for tests and screenshots.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-application.h"
#include "askarov-window.h"

G_BEGIN_DECLS

void           ui_test_init          (int          *argc,
                                      char       ***argv);
AskarovWindow *ui_test_open_window   (AskarovApplication **app_out);
AskarovWindow *ui_test_open_window_empty (AskarovApplication **app_out);
AskarovWindow *ui_test_open_window_with_database (AskarovApplication **app_out,
                                                  const char          *database);
void           ui_test_wait_store    (AskarovApplication  *app);

/* Waiting in tests: always for a condition, never for a time. The timeout is
 * only a guard that turns a hang into a failure; it is generous because the
 * machine may be busy (sanitizers, parallel builds). */
#define UI_TEST_TIMEOUT_S 60

typedef gboolean (*UiTestCondition) (gpointer data);

gint64         ui_test_wait_begin    (void);
void           ui_test_wait_step     (gint64               deadline,
                                      const char          *what,
                                      const char          *where);
void           ui_test_wait_end      (void);
/* Runs the main loop until @condition (any C expression) holds; fails the
 * test with the expression's text if it does not within the guard. */
#define ui_test_wait_until(condition) \
  G_STMT_START { \
    gint64 ui_test_deadline_ = ui_test_wait_begin (); \
    while (!(condition)) \
      ui_test_wait_step (ui_test_deadline_, #condition, G_STRLOC); \
    ui_test_wait_end (); \
  } G_STMT_END
/* The same for a function; returns FALSE instead of failing at the guard. */
gboolean       ui_test_wait_for      (UiTestCondition      condition,
                                      gpointer             data);
/* Dispatches everything that is ready now, without waiting for anything. */
void           ui_test_drain         (void);
/* Waits until @widget's window has drawn @n_frames more frames: whatever was
 * changed before (a property, a page, a size) has been laid out and painted. */
void           ui_test_wait_frames   (GtkWidget           *widget,
                                      guint                n_frames);
/* Idle after a known state: runs what is ready, then waits until the window
 * has laid out and drawn the result, then runs what that queued. */
void           ui_test_settle        (GtkWidget           *widget);
void           ui_test_wait_mapped   (GtkWidget           *widget);
/* Settles until the window's widgets, their places, sizes and texts stay the
 * same for @rounds settles in a row: animations ended, async loads landed. */
void           ui_test_wait_stable   (GtkWidget           *widget,
                                      guint                rounds);
/* A label on screen under @widget whose text contains @text, or NULL. */
GtkLabel      *ui_test_find_label    (GtkWidget           *widget,
                                      const char          *text);

/* Counts emissions of a signal from the moment it is watched. */
typedef struct _UiTestSignal UiTestSignal;
UiTestSignal  *ui_test_signal_watch  (gpointer             instance,
                                      const char          *detailed_signal);
/* Waits until the signal was emitted at least once since it was watched (or
 * since the last wait), disconnects and frees @watch. */
void           ui_test_signal_wait   (UiTestSignal        *watch);
/* Waits until @watch has seen @count emissions in all; keeps watching. */
void           ui_test_signal_wait_count (UiTestSignal    *watch,
                                          guint            count);
guint          ui_test_signal_get_count  (UiTestSignal    *watch);
void           ui_test_signal_free   (UiTestSignal        *watch);
void           ui_test_resize        (GtkWindow           *window,
                                      int                  width,
                                      int                  height);
gboolean       ui_test_save_png      (GtkWidget           *widget,
                                      const char          *path,
                                      GError             **error);
void           ui_test_close         (AskarovApplication  *app,
                                      AskarovWindow       *window);

G_END_DECLS
