/* bench-letters.c — prints how long draft saves, letter rendering and PDF writing take.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: figures for build-aux/bench-letters, never pass/fail. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "askarov-letter-pdf.h"
#include "askarov-store-drafts.h"

#define N_SAVES 300
#define N_RENDERS 300
#define N_PDFS 20

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *ms)
{
  g_array_sort (ms, compare_doubles);
  printf ("%-34s n=%-4u median %7.3f ms   p95 %7.3f ms   max %7.3f ms\n", what, ms->len,
          g_array_index (ms, double, ms->len / 2),
          g_array_index (ms, double, (ms->len * 95) / 100),
          g_array_index (ms, double, ms->len - 1));
}

static AskarovLetter *
make_letter (void)
{
  AskarovLetter *letter = askarov_letter_new ("ru", ASKAROV_ROLE_PROSECUTOR_GENERAL);

  {
    g_autoptr(AskarovLetterCase) c = askarov_letter_case_new ();

    g_strfreev (c->persons);
    c->persons = g_strdupv ((char *[]) { "Azimjan Askarov", NULL });
    c->reference = g_strdup ("UA 135/10");
    askarov_letter_set_letter_case (letter, c);
  }
  askarov_letter_set_sender (letter, "Анна Петрова", "ул. Садовая, 3", "Казань", "Россия");
  askarov_letter_set_recipient (letter, "Kubatbek Baibolov", "General Prosecutor",
                                "72, Orozbekova Street\nBishkek 720040, KYRGYZSTAN", NULL, NULL, NULL);
  return letter;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("askarov-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bench.sqlite", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "bench.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = askarov_store_open (db_path, &error);
  g_autoptr(AskarovLetter) letter = make_letter ();
  g_autoptr(AskarovDraft) draft = askarov_draft_new ();
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) renders = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) mailtos = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pdfs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *body = askarov_letter_dup_body (letter);

  if (store == NULL)
    {
      fprintf (stderr, "bench-letters: %s\n", error->message);
      return 1;
    }

  printf ("Askarov letters benchmark (database and PDF in %s)\n", dir);
  draft->language = g_strdup ("ru");
  draft->role = g_strdup ("prosecutor-general");
  draft->target_name = g_strdup ("Kubatbek Baibolov");
  for (guint i = 0; i < N_SAVES; i++)
    {
      gint64 start;
      double ms;

      g_free (draft->body);
      /* A keystroke more each time, as the debounced autosave sees it. */
      draft->body = g_strdup_printf ("%s %u", body, i);
      start = g_get_monotonic_time ();
      if (!askarov_store_save_draft (store, draft, &error))
        {
          fprintf (stderr, "bench-letters: %s\n", error->message);
          return 1;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (saves, ms);
    }

  for (guint i = 0; i < N_RENDERS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *text = NULL;
      g_autofree char *uri = NULL;
      double ms;

      askarov_letter_set_channel (letter, ASKAROV_CHANNEL_LETTER);
      text = askarov_letter_render_text (letter);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (renders, ms);

      start = g_get_monotonic_time ();
      askarov_letter_set_channel (letter, ASKAROV_CHANNEL_EMAIL);
      uri = askarov_letter_build_mailto (letter, 1000000, NULL, NULL);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (mailtos, ms);
    }
  askarov_letter_set_channel (letter, ASKAROV_CHANNEL_LETTER);

  for (guint i = 0; i < N_PDFS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!askarov_letter_write_pdf (letter, pdf_path, ASKAROV_PAPER_A4, &error))
        {
          fprintf (stderr, "bench-letters: %s\n", error->message);
          return 1;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (pdfs, ms);
    }

  report ("draft save (durable commit)", saves);
  report ("render letter text (ru)", renders);
  report ("build mailto: URI (ru, no cap)", mailtos);
  report ("write A4 PDF (ru, 1 page)", pdfs);

  g_unlink (pdf_path);
  g_clear_object (&store);
  {
    static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *p = g_strconcat (db_path, suffixes[i], NULL);

        g_unlink (p);
      }
  }
  g_rmdir (dir);
  return 0;
}
