/* bench-documents.c — imports generated documents and times library search (a benchmark, not a test).
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-documents [--documents N] [--queries Q] [--seed S] [--keep DIR]
 * Run it through build-aux/bench-documents. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <time.h>

#include "askarov-store-documents.h"

static const char *words[] = {
  "prisoner", "conscience", "defender", "court", "sentence", "appeal", "torture", "lawyer", "detention",
  "release", "unfair", "trial", "police", "officer", "health", "medical", "care", "family", "charges",
  "fabricated", "authorities", "investigation", "violence", "journalist", "activist", "arrest", "custody",
  "prison", "colony", "hearing", "judge", "prosecutor", "minister", "president", "ambassador", "embassy",
  "letter", "urgent", "action", "update", "outcome", "human", "rights", "organisation", "region", "city",
  "ethnic", "minority", "freedom", "expression", "assembly", "protest", "peaceful", "sentenced", "years",
  "solitary", "confinement", "visits", "denied", "access", "ill-treatment", "beaten", "threatened",
  "harassed", "released", "pardon", "acquitted", "hunger", "strike", "condition", "deteriorated",
  "тюрьма", "суд", "адвокат", "освобождение", "правозащитник", "приговор", "ещё", "здоровье",
};

static const char *given[] = { "Azimjan", "Nurbek", "Aisuluu", "Bolot", "Gulnara", "Timur", "Dilnoza",
                               "Rustam", "Elena", "Marat", "Zarina", "Askar", "Leyla", "Ivan", "Saule" };
static const char *family[] = { "Askarov", "Toktakunov", "Isakova", "Sadykov", "Kim", "Umarova", "Petrov",
                                 "Bekova", "Nazarov", "Alieva", "Karimov", "Osmonova", "Rahimov", "Orlova" };

/* A generated vocabulary: syllable words whose use follows Zipf's law, as
 * words in real texts do. */
static GPtrArray *vocabulary;

static void
make_vocabulary (GRand *rand)
{
  static const char *syllables[] = { "ka", "ro", "mi", "tes", "lan", "dor", "vi", "sun", "pe", "gra",
                                     "ul", "bek", "na", "zo", "tri", "mos", "el", "fa", "qu", "sha" };

  vocabulary = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 5000; i++)
    {
      GString *word = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 2, 5);

      for (guint j = 0; j < n; j++)
        g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      g_ptr_array_add (vocabulary, g_string_free (word, FALSE));
    }
}

static const char *
zipf_word (GRand *rand)
{
  /* Rank r is drawn with probability ~ 1/r by inverting the harmonic CDF. */
  double u = g_rand_double (rand);
  guint rank = (guint) exp (u * log ((double) vocabulary->len));

  return g_ptr_array_index (vocabulary, MIN (rank, vocabulary->len) - 1);
}

/* CPU time of this thread, in microseconds: on a shared machine the wall
 * clock also counts the time other programs had the core. */
static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0;
  return values->len % 2 ? g_array_index (values, double, values->len / 2)
                         : (g_array_index (values, double, values->len / 2 - 1) +
                            g_array_index (values, double, values->len / 2)) / 2;
}

static char *
make_text (GRand *rand,
           guint  index)
{
  GString *text = g_string_new (NULL);
  const char *first = given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))];
  const char *last = family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))];
  int day = g_rand_int_range (rand, 1, 29), month = g_rand_int_range (rand, 1, 13);
  int year = g_rand_int_range (rand, 2005, 2025);
  static const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December" };
  guint n_words = g_rand_int_range (rand, 250, 700);
  const char *topic[12];

  /* Each document is about a few of the campaign words, as real ones are. */
  for (guint i = 0; i < G_N_ELEMENTS (topic); i++)
    topic[i] = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

  g_string_append_printf (text, "UA: %u/%02d Index: EUR %02d/%03u/%d Date: %d %s %d\n\n",
                          index % 300 + 1, year % 100, g_rand_int_range (rand, 10, 99), index % 999, year,
                          day, months[month - 1], year);
  g_string_append_printf (text, "URGENT ACTION\nDEFENDER %s %s AT RISK (document %u)\n\n", first, last, index);
  g_string_append_printf (text, "%s %s, a human rights defender, ", first, last);
  for (guint i = 0; i < n_words; i++)
    {
      if (g_rand_int_range (rand, 0, 10) < 3)
        g_string_append (text, topic[g_rand_int_range (rand, 0, G_N_ELEMENTS (topic))]);
      else
        g_string_append (text, zipf_word (rand));
      g_string_append (text, i % 17 == 16 ? ".\n\n" : " ");
    }
  g_string_append_printf (text, "\n\nPLEASE SEND APPEALS BEFORE %d %s %d TO:\nMinister of Justice\n"
                          "Name Surname%u\nMain Street, %u\nCapital 100%03u\nSalutation: Dear Minister\n",
                          day, months[month - 1], year, index, index % 300, index % 1000);
  g_string_append_printf (text, "\nPLEASE WRITE IMMEDIATELY in Russian, English or your own language.\n"
                          "This is about %s %s.\n", first, last);
  return g_string_free (text, FALSE);
}

/* The size of the full-text index (its shadow tables) and of the whole file,
 * read with the dbstat table on a separate read-only connection. */
static void
print_index_size (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GStatBuf st;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT sum (pgsize) FROM dbstat WHERE name LIKE 'documents_fts%'",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    g_print ("%-34s %12.1f\n", "full-text index (MiB)", sqlite3_column_int64 (stmt, 0) / 1048576.0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (g_stat (db_path, &st) == 0)
    g_print ("%-34s %12.1f\n", "database file (MiB)", st.st_size / 1048576.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *by_kind[5];
  static const char *kind_names[5] = { "one topic word", "two topic words", "word prefix", "person name", "rare word" };
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *keep = NULL;
  int n_documents = 10000;
  int n_queries = 100;
  int seed = 4;
  gint64 start, import_us, generate_us, list_us, cpu_start, import_cpu_us;
  guint total_results = 0, failed = 0;
  gsize total_bytes = 0;
  double median, p95, max;
  GOptionEntry entries[] = {
    { "documents", 0, 0, G_OPTION_ARG_INT, &n_documents, "Documents to generate", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "Search queries to time", "Q" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Work in DIR and keep it", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  rand = g_rand_new_with_seed (seed);
  make_vocabulary (rand);
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("askarov-bench-XXXXXX", &error);
  if (dir == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_printerr ("Cannot make a work folder: %s\n", error ? error->message : dir);
      return 1;
    }
  db_path = g_build_filename (dir, "bench.db", NULL);
  store = askarov_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Generate the files first, so that the import figure is the import only. */
  start = g_get_monotonic_time ();
  for (int i = 0; i < n_documents; i++)
    {
      g_autofree char *text = make_text (rand, i);
      g_autofree char *name = g_strdup_printf ("ua-%05d.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      total_bytes += strlen (text);
      if (!g_file_set_contents (path, text, -1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  generate_us = g_get_monotonic_time () - start;

  /* Import through the app's whole path: read, extract, store (one transaction each). */
  start = g_get_monotonic_time ();
  cpu_start = cpu_time_us ();
  for (int i = 0; i < n_documents; i++)
    {
      g_autofree char *name = g_strdup_printf ("ua-%05d.txt", i);
      g_autoptr(GFile) file = g_file_new_build_filename (dir, name, NULL);
      g_autoptr(AskarovDocument) document = askarov_store_import_file (store, file, NULL, &error);

      if (document == NULL)
        {
          if (failed++ < 3)
            g_printerr ("%s: %s\n", name, error->message);
          g_clear_error (&error);
        }
    }
  import_us = g_get_monotonic_time () - start;
  import_cpu_us = cpu_time_us () - cpu_start;

  start = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) all = askarov_store_list_documents (store, ASKAROV_CASE_ANY, &error);

    g_assert (all != NULL);
  }
  list_us = g_get_monotonic_time () - start;

  /* Queries: common and rare words, two words, prefixes, Cyrillic, names. */
  for (int i = 0; i < n_queries; i++)
    {
      switch (i % 5)
        {
        case 0:
          g_ptr_array_add (queries, g_strdup (words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]));
          break;
        case 1:
          g_ptr_array_add (queries, g_strdup_printf ("%s %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                                     words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]));
          break;
        case 2:
          g_ptr_array_add (queries, g_strndup (zipf_word (rand), 5));
          break;
        case 3:
          g_ptr_array_add (queries, g_strdup_printf ("%s %s", given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                                                     family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))]));
          break;
        default:
          g_ptr_array_add (queries, g_strdup_printf ("Surname%u", g_rand_int_range (rand, 0, n_documents)));
          break;
        }
    }

  for (guint k = 0; k < 5; k++)
    by_kind[k] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GPtrArray) results = NULL;
      double ms;

      start = g_get_monotonic_time ();
      cpu_start = cpu_time_us ();
      results = askarov_store_search_documents (store, g_ptr_array_index (queries, i), 200, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      {
        double cpu_ms = (cpu_time_us () - cpu_start) / 1000.0;

        g_array_append_val (cpu_times, cpu_ms);
      }
      if (results == NULL)
        {
          g_printerr ("Query “%s”: %s\n", (char *) g_ptr_array_index (queries, i), error->message);
          return 1;
        }
      total_results += results->len;
      g_array_append_val (times, ms);
      g_array_append_val (by_kind[i % 5], ms);
    }
  g_array_sort (times, compare_doubles);
  median = times->len % 2 ? g_array_index (times, double, times->len / 2)
                          : (g_array_index (times, double, times->len / 2 - 1) + g_array_index (times, double, times->len / 2)) / 2;
  p95 = g_array_index (times, double, MIN (times->len - 1, (guint) ((times->len - 1) * 0.95 + 0.5)));
  max = g_array_index (times, double, times->len - 1);

  g_print ("%-34s %12s\n", "measure", "value");
  g_print ("%-34s %12d\n", "documents generated", n_documents);
  g_print ("%-34s %12.1f\n", "corpus size (MiB)", total_bytes / 1048576.0);
  g_print ("%-34s %12.2f\n", "generation (s)", generate_us / 1e6);
  g_print ("%-34s %12u\n", "import failures", failed);
  g_print ("%-34s %12.2f\n", "import: read+extract+store (s)", import_us / 1e6);
  g_print ("%-34s %12.0f\n", "import rate (documents/s)", n_documents / (import_us / 1e6));
  g_print ("%-34s %12.0f\n", "import rate, CPU time (documents/s)", n_documents / (import_cpu_us / 1e6));
  g_print ("%-34s %12.1f\n", "list all documents (ms)", list_us / 1000.0);
  g_print ("%-34s %12u\n", "search queries", times->len);
  g_print ("%-34s %12.2f\n", "search median (ms)", median);
  g_print ("%-34s %12.2f\n", "search p95 (ms)", p95);
  g_print ("%-34s %12.2f\n", "search max (ms)", max);
  g_print ("%-34s %12.2f\n", "search median, CPU time (ms)", median_of (cpu_times));
  g_print ("%-34s %12.1f\n", "results per query (mean, max 200)", (double) total_results / times->len);
  for (guint k = 0; k < 5; k++)
    {
      g_autofree char *label = g_strdup_printf ("  median, %s (ms)", kind_names[k]);

      g_array_sort (by_kind[k], compare_doubles);
      if (by_kind[k]->len > 0)
        g_print ("%-34s %12.2f\n", label, g_array_index (by_kind[k], double, by_kind[k]->len / 2));
      g_array_unref (by_kind[k]);
    }
  g_print ("%-34s %12s\n", "median target < 10 ms", median < 10.0 ? "met" : "MISSED");

  askarov_store_close (store);
  print_index_size (db_path);
  g_clear_pointer (&vocabulary, g_ptr_array_unref);
  if (keep == NULL)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

      for (const char *name; d != NULL && (name = g_dir_read_name (d)) != NULL; )
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (dir);
    }
  return 0;
}
