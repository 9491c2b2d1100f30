/* first-window.c — starts a program under X and reports when its first window shows content.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: first-window [--settle MS] [--timeout MS] -- COMMAND [ARGS...]
 *
 * Watches the root window (SubstructureNotify) and its damage (the DAMAGE
 * extension reports drawing into any window on the screen), starts COMMAND,
 * and waits for a top-level window at least 200x150 to be mapped and then
 * drawn into with something other than one flat colour (the server clears a
 * window to its background when it is mapped; that is not the program's
 * frame).  That moment is "first visible window": the same external measure
 * for every program, whatever toolkit it uses.  FIRST_WINDOW_DEBUG=1 prints
 * every damage event.  After --settle
 * milliseconds more it reads the process's resident memory, stops it, and
 * prints one line:
 *
 *   launch_us=T0 first_window_us=T1 elapsed_ms=MS rss_kb=KB
 *
 * T0 and T1 are CLOCK_MONOTONIC microseconds, the clock g_get_monotonic_time()
 * uses, so they compare with timestamps printed by the program itself. */

#define _GNU_SOURCE
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MIN_WIDTH 200
#define MIN_HEIGHT 150

static long long
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static long
read_rss_kb (pid_t pid)
{
  char path[64], line[256];
  FILE *f;
  long kb = -1;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  if (!(f = fopen (path, "r")))
    return -1;
  while (fgets (line, sizeof line, f))
    if (strncmp (line, "VmRSS:", 6) == 0)
      kb = strtol (line + 6, NULL, 10);
  fclose (f);
  return kb;
}

static int
ignore_x_errors (Display *dpy, XErrorEvent *ev)
{
  /* A window may be gone before we ask about it. */
  return 0;
}

/* TRUE when the window's pixels are not all one colour. */
static int
has_content (Display *dpy,
             Window   window,
             int      width,
             int      height)
{
  XImage *image = XGetImage (dpy, window, 0, 0, width, height, AllPlanes, ZPixmap);
  unsigned long first;
  int varied = 0;

  if (image == NULL)
    return 0;
  first = XGetPixel (image, 0, 0);
  for (int y = 0; y < height && !varied; y += 2)
    for (int x = 0; x < width && !varied; x += 2)
      varied = XGetPixel (image, x, y) != first;
  XDestroyImage (image);
  return varied;
}

static void
stop_child (pid_t pid)
{
  kill (pid, SIGTERM);
  for (int i = 0; i < 40; i++)
    {
      if (waitpid (pid, NULL, WNOHANG) == pid)
        return;
      usleep (50000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
}

int
main (int argc, char **argv)
{
  Display *dpy;
  Window root;
  int damage_event, damage_error;
  int settle_ms = 1500, timeout_ms = 30000;
  int argi = 1;
  long long t0, t_first = 0, deadline;
  Window shown = None;
  int sx = 0, sy = 0, sw = 0, sh = 0;
  pid_t pid;

  for (; argi < argc; argi++)
    {
      if (strcmp (argv[argi], "--settle") == 0 && argi + 1 < argc)
        settle_ms = atoi (argv[++argi]);
      else if (strcmp (argv[argi], "--timeout") == 0 && argi + 1 < argc)
        timeout_ms = atoi (argv[++argi]);
      else if (strcmp (argv[argi], "--") == 0)
        {
          argi++;
          break;
        }
      else
        break;
    }
  if (argi >= argc)
    {
      fprintf (stderr, "usage: first-window [--settle MS] [--timeout MS] -- COMMAND [ARGS...]\n");
      return 2;
    }

  if (!(dpy = XOpenDisplay (NULL)))
    {
      fprintf (stderr, "first-window: cannot open the display\n");
      return 2;
    }
  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      fprintf (stderr, "first-window: the X server has no DAMAGE extension\n");
      return 2;
    }
  XSetErrorHandler (ignore_x_errors);
  root = DefaultRootWindow (dpy);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XDamageCreate (dpy, root, XDamageReportRawRectangles);
  XSync (dpy, False);

  t0 = now_us ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 2;
    }
  if (pid == 0)
    {
      close (ConnectionNumber (dpy));
      execvp (argv[argi], argv + argi);
      fprintf (stderr, "first-window: cannot run %s: %s\n", argv[argi], strerror (errno));
      _exit (127);
    }

  deadline = t0 + (long long) timeout_ms * 1000;
  while (t_first == 0)
    {
      struct pollfd pfd = { ConnectionNumber (dpy), POLLIN, 0 };
      int status;

      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          fprintf (stderr, "first-window: %s exited before showing a window\n", argv[argi]);
          return 1;
        }
      if (now_us () > deadline)
        {
          fprintf (stderr, "first-window: no window within %d ms\n", timeout_ms);
          stop_child (pid);
          return 1;
        }
      if (XPending (dpy) == 0)
        {
          poll (&pfd, 1, 20);
          continue;
        }

      while (XPending (dpy) > 0 && t_first == 0)
        {
          XEvent ev;

          XNextEvent (dpy, &ev);
          if (ev.type == MapNotify && shown == None && !ev.xmap.override_redirect)
            {
              XWindowAttributes attrs;

              if (XGetWindowAttributes (dpy, ev.xmap.window, &attrs) &&
                  attrs.width >= MIN_WIDTH && attrs.height >= MIN_HEIGHT)
                {
                  shown = ev.xmap.window;
                  sx = attrs.x, sy = attrs.y, sw = attrs.width, sh = attrs.height;
                }
            }
          else if (ev.type == damage_event + XDamageNotify && shown != None)
            {
              XDamageNotifyEvent *de = (XDamageNotifyEvent *) &ev;
              XRectangle *a = &de->area;

              if (getenv ("FIRST_WINDOW_DEBUG"))
                fprintf (stderr, "damage +%.1f ms %d,%d %dx%d\n", (now_us () - t0) / 1000.0, a->x, a->y, a->width, a->height);
              /* Drawing inside the mapped window.  The server itself clears
               * a window when it is mapped; that is one flat colour, so only
               * a window with varied pixels counts as showing its content. */
              if (a->x < sx + sw && a->x + a->width > sx &&
                  a->y < sy + sh && a->y + a->height > sy)
                {
                  long long t = now_us ();

                  if (has_content (dpy, shown, sw, sh))
                    t_first = t;
                }
            }
        }
    }

  usleep ((useconds_t) settle_ms * 1000);
  printf ("launch_us=%lld first_window_us=%lld elapsed_ms=%.1f rss_kb=%ld\n",
          t0, t_first, (t_first - t0) / 1000.0, read_rss_kb (pid));
  fflush (stdout);
  stop_child (pid);
  XCloseDisplay (dpy);
  return 0;
}
