/* bench-group.c — times a letter-writing group's folder: a first merge of many journals, and one new action arriving.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-group DIR [N-JOURNALS N-ACTIONS]   (default 200 x 5000)
 *
 * Writes N-JOURNALS journals of N-ACTIONS "add" lines each into DIR/share
 * (as other volunteers' apps would), opens a fresh store in DIR, joins the
 * folder and times the first read of everything. Then, with the folder
 * followed as the app does (file monitor plus polling), appends one line
 * to one journal ten times and times how long each takes to show (the
 * "changed" signal). Prints the figures; fails only if a count is wrong.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "askarov-group.h"
#include "askarov-store-private.h"

static const char * const channels[] = { "letter", "email", "fax", "call", "post" };

static char *
line_for (const char *volunteer,
          guint       v,
          guint       i,
          gint64      stamp)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strdup_printf ("{\"v\":\"%s\",\"n\":\"Volunteer %u\",\"t\":%" G_GINT64_FORMAT ",\"op\":\"add\",\"id\":\"%s\","
                          "\"taken_on\":\"2026-%02u-%02u\",\"case\":\"Case %u\",\"reference\":\"UA %u/26\","
                          "\"target\":\"Prosecutor General\",\"channel\":\"%s\",\"outcome\":\"sent\",\"language\":\"ru\"}\n",
                          volunteer, v, stamp, uuid, 1 + i % 12, 1 + i % 28, i % 40, i % 40,
                          channels[i % G_N_ELEMENTS (channels)]);
}

/* CPU time of this process (all threads), so that the figures mean
 * something on a machine busy with other work too. */
static gint64
cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

typedef struct
{
  gint64 since;
  gint64 took;
} Wait;

static void
changed_cb (AskarovGroup *group,
            guint         n_changed,
            Wait         *wait)
{
  if (wait->took == 0)
    wait->took = g_get_monotonic_time () - wait->since;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *share = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *first_journal = NULL;
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(AskarovGroup) group = NULL;
  g_autoptr(AskarovGroupTotals) totals = NULL;
  g_autoptr(GError) error = NULL;
  guint n_journals = 200;
  guint n_actions = 5000;
  guint n_changed = 0;
  gint64 start;
  gint64 merge_us;
  gint64 merge_cpu;
  gint64 totals_us;
  gint64 totals_cpu;
  gint64 waits[10];

  if (argc != 2 && argc != 4)
    {
      g_printerr ("Usage: %s DIR [N-JOURNALS N-ACTIONS]\n", argv[0]);
      return 2;
    }
  if (argc == 4)
    {
      n_journals = (guint) g_ascii_strtoull (argv[2], NULL, 10);
      n_actions = (guint) g_ascii_strtoull (argv[3], NULL, 10);
    }
  share = g_build_filename (argv[1], "share", NULL);
  db_path = g_build_filename (argv[1], "askarov.db", NULL);
  g_mkdir_with_parents (share, 0700);

  for (guint v = 0; v < n_journals; v++)
    {
      g_autofree char *volunteer = g_uuid_string_random ();
      g_autofree char *name = g_strdup_printf ("askarov-%s.jsonl", volunteer);
      g_autofree char *path = g_build_filename (share, name, NULL);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < n_actions; i++)
        {
          g_autofree char *line = line_for (volunteer, v, i, 1000 + i);

          g_string_append (text, line);
        }
      if (!g_file_set_contents (path, text->str, (gssize) text->len, &error))
        g_error ("%s", error->message);
      if (v == 0)
        first_journal = g_steal_pointer (&path);
    }

  store = askarov_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  group = askarov_group_new (store);
  if (!askarov_group_join (group, share, &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  merge_cpu = cpu_us ();
  if (!askarov_group_read_journals (group, &n_changed, &error))
    g_error ("%s", error->message);
  merge_us = g_get_monotonic_time () - start;
  merge_cpu = cpu_us () - merge_cpu;
  if (n_changed != n_journals * n_actions)
    g_error ("merged %u actions, expected %u", n_changed, n_journals * n_actions);

  start = g_get_monotonic_time ();
  totals_cpu = cpu_us ();
  totals = askarov_group_compute_totals (group, &error);
  if (totals == NULL)
    g_error ("%s", error->message);
  totals_us = g_get_monotonic_time () - start;
  totals_cpu = cpu_us () - totals_cpu;
  if (totals->n_actions != n_journals * n_actions)
    g_error ("the totals count %u actions, expected %u", totals->n_actions, n_journals * n_actions);

  /* One new action from another volunteer while the app runs. */
  askarov_group_start (group, 0);
  for (guint k = 0; k < G_N_ELEMENTS (waits); k++)
    {
      g_autofree char *line = line_for ("bench", 0, k, 2000000 + k);
      g_autofree char *contents = NULL;
      Wait wait = { 0, };
      gulong id = g_signal_connect (group, "changed", G_CALLBACK (changed_cb), &wait);
      FILE *f;

      /* Whatever the start-up read finds first. */
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      (void) contents;
      {
        g_autofree char *path = g_build_filename (share, "askarov-bench.jsonl", NULL);

        wait.since = g_get_monotonic_time ();
        f = g_fopen (path, "ab");
        fputs (line, f);
        fclose (f);
      }
      while (wait.took == 0 && g_get_monotonic_time () - wait.since < 30 * G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (group, id);
      if (wait.took == 0)
        g_error ("the new action did not arrive within 30 s");
      waits[k] = wait.took;
    }
  askarov_group_stop (group);
  qsort (waits, G_N_ELEMENTS (waits), sizeof waits[0], compare_int64);

  g_print ("journals            %u x %u actions = %u\n", n_journals, n_actions, n_journals * n_actions);
  g_print ("first merge         %.2f s (CPU %.2f s)\n", merge_us / 1e6, merge_cpu / 1e6);
  g_print ("group totals        %.2f s (CPU %.2f s)\n", totals_us / 1e6, totals_cpu / 1e6);
  g_print ("new action shown    median %.0f ms, worst %.0f ms (10 tries)\n",
           waits[G_N_ELEMENTS (waits) / 2] / 1e3, waits[G_N_ELEMENTS (waits) - 1] / 1e3);
  return 0;
}
