/* bench-records.c — times the records store with a million actions (run by build-aux/bench-records).
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-records [--reuse] DB-PATH [N-RECORDS]
 * With --reuse an existing database is timed as it is, without filling it.
 * Fills a fresh database with N records (default 1,000,000) spread over
 * cases, channels and three years, then times what the Actions page does
 * when it opens: open the database, compute all totals, count the list and
 * fetch its first page. Prints a table; it is not a test and asserts nothing
 * about time. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "askarov-record-list.h"
#include "askarov-records-private.h"
#include "askarov-records-report.h"
#include "askarov-store-records.h"

#define BATCH 10000
#define REPEATS 5

static const char * const case_names[] = {
  "Азимжан Аскаров", "Case B", "Case C", "Case D", "Case E", "Case F", "Case G", "Case H",
};

static AskarovActionRecord *
make_record (GRand *rand,
             guint  n)
{
  AskarovActionRecord *record = askarov_action_record_new ();
  AskarovChannel channel = g_rand_int_range (rand, 0, ASKAROV_N_CHANNELS);
  g_autofree char *date = g_strdup_printf ("%d-%02d-%02d", g_rand_int_range (rand, 2024, 2027),
                                           g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  g_autofree char *note = g_strdup_printf ("Action number %u", n);
  g_autofree char *reference = g_strdup_printf ("%u/26", 1 + n % 300);

  askarov_action_record_set_case_name (record, case_names[n % G_N_ELEMENTS (case_names)]);
  askarov_action_record_set_reference (record, reference);
  askarov_action_record_set_target_name (record, "Генеральный прокурор");
  askarov_action_record_set_channel (record, channel);
  askarov_action_record_set_outcome (record, channel == ASKAROV_CHANNEL_CALL ? ASKAROV_OUTCOME_VOICEMAIL
                                                                             : ASKAROV_OUTCOME_SENT);
  askarov_action_record_set_language (record, n % 3 ? "ru" : "en");
  askarov_action_record_set_taken_on (record, date);
  askarov_action_record_set_note (record, note);
  if (n % 5 == 0)
    askarov_action_record_set_reported_on (record, "2026-06-01");
  return record;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
row (const char *what,
     double      ms,
     const char *note)
{
  g_print ("| %-52s | %10.2f | %-30s |\n", what, ms, note);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(AskarovRecordFilter) period = askarov_record_filter_new ();
  g_autoptr(AskarovRecordFilter) by_case = askarov_record_filter_new ();
  GRand *rand = g_rand_new_with_seed (42);
  const char *path;
  guint n_records = 1000000;
  guint n_single = 1000;
  double open_ms[REPEATS], totals_ms[REPEATS], count_ms[REPEATS], page_ms[REPEATS], sum_ms[REPEATS];
  gint64 start;
  double bulk_ms = 0;
  double single_ms = 0;
  guint count = 0;
  gboolean reuse = FALSE;
  guint expected = 0;

  if (argc > 1 && g_str_equal (argv[1], "--reuse"))
    {
      reuse = TRUE;
      argv++;
      argc--;
    }
  if (argc < 2)
    {
      g_printerr ("usage: bench-records [--reuse] DB-PATH [N-RECORDS]\n");
      return 2;
    }
  path = argv[1];
  if (argc > 2)
    n_records = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (reuse && g_file_test (path, G_FILE_TEST_EXISTS))
    goto timing;

  for (guint i = 0; i < 4; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);

  /* Bulk: the path CSV import takes (natural key, case lookup, triggers), in
   * transactions of BATCH records. */
  start = g_get_monotonic_time ();
  for (guint done = 0; done < n_records; )
    {
      g_autoptr(GMutexLocker) locker = askarov_store_lock (store);

      g_assert_true (askarov_store_begin (store, &error));
      for (guint i = 0; i < BATCH && done < n_records; i++, done++)
        {
          g_autoptr(AskarovActionRecord) record = make_record (rand, done);

          if (askarov_records_insert_locked (store, record, FALSE, &error) == 0)
            g_error ("%s", error->message);
        }
      g_assert_true (askarov_store_commit (store, &error));
    }
  bulk_ms = ms_since (start);

  /* One action at a time, as the UI logs them: one durable transaction each. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_single; i++)
    {
      g_autoptr(AskarovActionRecord) record = make_record (rand, n_records + i);
      g_autoptr(AskarovActionRecord) stored = askarov_store_add_record (store, record, &error);

      g_assert_no_error (error);
    }
  single_ms = ms_since (start);
  g_clear_object (&store);
  expected = n_records + n_single;

timing:

  /* What opening the Actions page costs. */
  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(AskarovRecordTotals) totals = NULL;
      g_autoptr(GPtrArray) page = NULL;

      start = g_get_monotonic_time ();
      store = askarov_store_open (path, &error);
      g_assert_no_error (error);
      open_ms[r] = ms_since (start);

      start = g_get_monotonic_time ();
      totals = askarov_store_compute_totals (store, NULL, &error);
      g_assert_no_error (error);
      totals_ms[r] = ms_since (start);
      if (expected != 0)
        g_assert_cmpuint (totals->n_records, ==, expected);

      start = g_get_monotonic_time ();
      g_assert_true (askarov_store_count_records (store, NULL, &count, &error));
      count_ms[r] = ms_since (start);

      start = g_get_monotonic_time ();
      page = askarov_store_list_records (store, NULL, 0, ASKAROV_RECORD_LIST_PAGE_SIZE, &error);
      g_assert_no_error (error);
      page_ms[r] = ms_since (start);
      g_assert_cmpuint (page->len, ==, ASKAROV_RECORD_LIST_PAGE_SIZE);

      sum_ms[r] = open_ms[r] + totals_ms[r] + count_ms[r] + page_ms[r];
      if (r + 1 < REPEATS)
        g_clear_object (&store);
    }

  g_print ("\nRecords benchmark: %u actions, %s\n\n", count, path);
  g_print ("| %-52s | %10s | %-30s |\n", "Step", "ms", "Note");
  g_print ("|%s|%s|%s|\n", "------------------------------------------------------",
           "------------", "--------------------------------");
  if (expected != 0)
    {
      g_autofree char *bulk_note = g_strdup_printf ("%.0f actions/s", n_records / (bulk_ms / 1000.0));
      g_autofree char *single_note = g_strdup_printf ("%.0f actions/s, %.2f ms each",
                                                      n_single / (single_ms / 1000.0), single_ms / n_single);

      row ("Bulk insert (import path, 10k per transaction)", bulk_ms, bulk_note);
      row ("Log one action per transaction (synchronous=FULL)", single_ms, single_note);
    }
  g_print ("| %-52s | %10s | %-30s |\n", "Opening the Actions page (median of 5):", "", "");
  row ("  open database (quick_check, pragmas)", median (open_ms, REPEATS), "");
  row ("  totals per case, channel and month", median (totals_ms, REPEATS), "summary table");
  row ("  count the list (n-items)", median (count_ms, REPEATS), "summary table");
  row ("  first page of the list (100 rows)", median (page_ms, REPEATS), "index on taken_on, id");
  {
    double total = median (sum_ms, REPEATS);

    row ("  TOTAL (target < 50 ms)", total, total < 50 ? "meets the target" : "MISSES the target");
  }

  /* What the open costs without its quick_check: the same connection
   * set-up by hand. */
  {
    double raw_ms[REPEATS];

    for (guint r = 0; r < REPEATS; r++)
      {
        sqlite3 *db = NULL;
        sqlite3_stmt *stmt = NULL;

        start = g_get_monotonic_time ();
        g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                           "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;",
                                       NULL, NULL, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        sqlite3_finalize (stmt);
        raw_ms[r] = ms_since (start);
        sqlite3_close_v2 (db);
      }
    row ("  open without PRAGMA quick_check", median (raw_ms, REPEATS), "what a deferred check gives");
    row ("  TOTAL with that open", median (raw_ms, REPEATS) + median (totals_ms, REPEATS) +
         median (count_ms, REPEATS) + median (page_ms, REPEATS), "");
  }

  /* A month-aligned period uses the summary table; any other scans. */
  for (guint aligned = 0; aligned < 2; aligned++)
    {
      g_autoptr(AskarovRecordTotals) totals = NULL;
      g_autoptr(GPtrArray) page = NULL;
      g_autofree char *what = NULL;

      g_free (period->from);
      g_free (period->to);
      period->from = g_strdup (aligned ? "2026-03-01" : "2026-03-02");
      period->to = g_strdup ("2026-03-31");
      start = g_get_monotonic_time ();
      totals = askarov_store_compute_totals (store, period, &error);
      what = g_strdup_printf ("Totals for %s", aligned ? "March (whole month)" : "2 to 31 March");
      row (what, ms_since (start), aligned ? "summary table" : "scans the period");
      g_free (what);
      start = g_get_monotonic_time ();
      g_assert_true (askarov_store_count_records (store, period, &count, &error));
      what = g_strdup_printf ("Count for %s", aligned ? "March (whole month)" : "2 to 31 March");
      row (what, ms_since (start), "");
      start = g_get_monotonic_time ();
      page = askarov_store_list_records (store, period, 0, ASKAROV_RECORD_LIST_PAGE_SIZE, &error);
      g_free (what);
      what = g_strdup_printf ("First page for %s", aligned ? "March (whole month)" : "2 to 31 March");
      row (what, ms_since (start), "");
    }
  {
    g_autoptr(GPtrArray) page = NULL;
    g_autoptr(GPtrArray) deep = NULL;
    g_autoptr(AskarovRecordsReport) report = NULL;
    g_autofree char *note = NULL;

    by_case->case_id = 1;
    start = g_get_monotonic_time ();
    page = askarov_store_list_records (store, by_case, 0, ASKAROV_RECORD_LIST_PAGE_SIZE, &error);
    row ("First page for one case", ms_since (start), "");
    start = g_get_monotonic_time ();
    deep = askarov_store_list_records (store, NULL, 900000, ASKAROV_RECORD_LIST_PAGE_SIZE, &error);
    row ("A page 900,000 rows down (OFFSET)", ms_since (start), "scrolling far");
    start = g_get_monotonic_time ();
    report = askarov_store_build_report (store, "7/26", TRUE, &error);
    note = g_strdup_printf ("%u actions", askarov_records_report_get_n_records (report));
    row ("Report for one UA reference", ms_since (start), note);
  }

  g_rand_free (rand);
  return 0;
}
