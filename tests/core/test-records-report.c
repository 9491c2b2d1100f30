/* test-records-report.c — the per-UA report: counts, text, mailto URI, CSV, and marking reported.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include "askarov-records-csv.h"
#include "askarov-records-report.h"

static void
add (AskarovStore   *store,
     const char     *reference,
     AskarovChannel  channel,
     const char     *language,
     const char     *target,
     const char     *title,
     const char     *taken_on)
{
  g_autoptr(AskarovActionRecord) record = askarov_action_record_new ();
  g_autoptr(AskarovActionRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  askarov_action_record_set_case_name (record, "Азимжан Аскаров");
  askarov_action_record_set_reference (record, reference);
  askarov_action_record_set_channel (record, channel);
  askarov_action_record_set_language (record, language);
  askarov_action_record_set_target_name (record, target);
  askarov_action_record_set_target_title (record, title);
  askarov_action_record_set_taken_on (record, taken_on);
  stored = askarov_store_add_record (store, record, &error);
  g_assert_no_error (error);
}

static void
fill (AskarovStore *store)
{
  add (store, "12/34", ASKAROV_CHANNEL_LETTER, "ru", "Генпрокурор", "Генеральная прокуратура", "2026-01-10");
  add (store, "12/34", ASKAROV_CHANNEL_LETTER, "ru", "Генпрокурор", "Генеральная прокуратура", "2026-01-12");
  add (store, "12/34", ASKAROV_CHANNEL_EMAIL, "en", "President", NULL, "2026-01-11");
  add (store, "12/34", ASKAROV_CHANNEL_CALL, "ky", "Ambassador", "Embassy", "2026-01-20");
  add (store, "12/34", ASKAROV_CHANNEL_POST, NULL, NULL, NULL, "2026-01-15");
  add (store, "99/26", ASKAROV_CHANNEL_FAX, "ru", "Other", NULL, "2026-01-01");
}

static void
test_report_counts (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovRecordsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *languages;
  const char * const *targets;

  fill (store);
  report = askarov_store_build_report (store, "12/34", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (askarov_records_report_get_n_records (report), ==, 5);
  g_assert_cmpuint (askarov_records_report_get_channel_count (report, ASKAROV_CHANNEL_LETTER), ==, 2);
  g_assert_cmpuint (askarov_records_report_get_channel_count (report, ASKAROV_CHANNEL_EMAIL), ==, 1);
  g_assert_cmpuint (askarov_records_report_get_channel_count (report, ASKAROV_CHANNEL_CALL), ==, 1);
  g_assert_cmpuint (askarov_records_report_get_channel_count (report, ASKAROV_CHANNEL_POST), ==, 1);
  g_assert_cmpuint (askarov_records_report_get_channel_count (report, ASKAROV_CHANNEL_FAX), ==, 0);
  g_assert_cmpstr (askarov_records_report_get_first_date (report), ==, "2026-01-10");
  g_assert_cmpstr (askarov_records_report_get_last_date (report), ==, "2026-01-20");
  g_assert_cmpstr (askarov_records_report_get_case_name (report), ==, "Азимжан Аскаров");

  /* Most used first. */
  languages = askarov_records_report_get_languages (report);
  g_assert_cmpuint (g_strv_length ((GStrv) languages), ==, 3);
  g_assert_cmpstr (languages[0], ==, "ru");

  /* In the order first contacted, without repeats. */
  targets = askarov_records_report_get_targets (report);
  g_assert_cmpuint (g_strv_length ((GStrv) targets), ==, 3);
  g_assert_cmpstr (targets[0], ==, "Генпрокурор, Генеральная прокуратура");
  g_assert_cmpstr (targets[1], ==, "President");
  g_assert_cmpstr (targets[2], ==, "Ambassador, Embassy");
}

static void
test_report_text_and_csv (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovRecordsReport) report = NULL;
  g_autoptr(AskarovRecordsReport) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty_text = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  fill (store);
  report = askarov_store_build_report (store, "12/34", FALSE, &error);
  g_assert_no_error (error);

  text = askarov_records_report_to_text (report);
  g_assert_true (g_str_has_prefix (text, "Actions taken for UA 12/34 (Азимжан Аскаров)\n"));
  g_assert_nonnull (strstr (text, "5 actions in total\n"));
  g_assert_nonnull (strstr (text, "  Letter: 2\n"));
  g_assert_nonnull (strstr (text, "  Phone call: 1\n"));
  g_assert_null (strstr (text, "Fax"));
  g_assert_nonnull (strstr (text, "Languages: ru, "));
  g_assert_nonnull (strstr (text, "Dates: 2026-01-10 to 2026-01-20\n"));
  g_assert_nonnull (strstr (text, "  President\n"));

  csv = askarov_records_report_to_csv (report);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, ASKAROV_RECORDS_CSV_HEADER);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5 + 1);
  g_assert_true (g_str_has_prefix (lines[1], "2026-01-10,"));
  g_assert_true (g_str_has_prefix (lines[5], "2026-01-20,"));

  empty = askarov_store_build_report (store, "0/00", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (askarov_records_report_get_n_records (empty), ==, 0);
  empty_text = askarov_records_report_to_text (empty);
  g_assert_nonnull (strstr (empty_text, "0 actions in total"));
}

static void
test_report_mailto (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovRecordsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *mailto = NULL;
  gboolean dropped = FALSE;
  g_autofree char *text = NULL;
  g_autofree char *evil = NULL;
  g_autofree char *expected_body = NULL;
  g_auto(GStrv) lines = NULL;
  const char *query;

  /* A reference that tries to smuggle in another header. */
  add (store, "12/34&bcc=evil@example.org", ASKAROV_CHANNEL_LETTER, "ru", "Прокурор", NULL, "2026-01-10");
  report = askarov_store_build_report (store, "12/34&bcc=evil@example.org", FALSE, &error);
  g_assert_no_error (error);

  mailto = askarov_records_report_to_mailto (report, "ua+kg@example.org", 0, &dropped);
  g_assert_false (dropped);
  g_assert_true (g_str_has_prefix (mailto, "mailto:ua%2Bkg@example.org?subject="));
  g_assert_null (strstr (mailto, " "));
  g_assert_null (strstr (mailto, "\n"));
  g_assert_nonnull (strstr (mailto, "%0D%0A"));

  uri = g_uri_parse (mailto, G_URI_FLAGS_ENCODED_QUERY, &error);
  g_assert_no_error (error);
  query = g_uri_get_query (uri);
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (params), ==, 2);
  g_assert_false (g_hash_table_contains (params, "bcc"));
  g_assert_cmpstr (g_hash_table_lookup (params, "subject"), ==, "Actions taken for UA 12/34&bcc=evil@example.org");
  text = askarov_records_report_to_text (report);
  lines = g_strsplit (text, "\n", -1);
  expected_body = g_strjoinv ("\r\n", lines);
  g_assert_cmpstr (g_hash_table_lookup (params, "body"), ==, expected_body);

  /* No recipient is fine; a control character in one is refused. */
  g_free (mailto);
  mailto = askarov_records_report_to_mailto (report, NULL, 0, NULL);
  g_assert_true (g_str_has_prefix (mailto, "mailto:?subject="));
  evil = askarov_records_report_to_mailto (report, "a@example.org\r\nBcc: x@example.org", 0, NULL);
  g_assert_null (evil);

  /* Past the cap the body is left out (and said), never cut mid-way. */
  g_free (mailto);
  mailto = askarov_records_report_to_mailto (report, "ua@example.org", 60, &dropped);
  g_assert_true (dropped);
  g_assert_null (strstr (mailto, "body="));
  g_assert_true (g_str_has_prefix (mailto, "mailto:ua@example.org?subject="));
}

static void
test_report_mark_reported (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovRecordsReport) report = NULL;
  g_autoptr(AskarovRecordsReport) after = NULL;
  g_autoptr(AskarovRecordsReport) all = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *ids;
  guint n_ids = 0;
  guint n_marked = 0;

  fill (store);
  report = askarov_store_build_report (store, "12/34", TRUE, &error);
  g_assert_no_error (error);
  ids = askarov_records_report_get_ids (report, &n_ids);
  g_assert_cmpuint (n_ids, ==, 5);
  g_assert_true (askarov_store_mark_reported (store, ids, n_ids, "2026-02-01", &n_marked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_marked, ==, 5);

  /* Only unreported: nothing left; all: the five, with the date. */
  after = askarov_store_build_report (store, "12/34", TRUE, &error);
  g_assert_cmpuint (askarov_records_report_get_n_records (after), ==, 0);
  all = askarov_store_build_report (store, "12/34", FALSE, &error);
  g_assert_cmpuint (askarov_records_report_get_n_records (all), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (askarov_action_record_get_reported_on (g_ptr_array_index (askarov_records_report_get_records (all), i)),
                     ==, "2026-02-01");
}

/* Issue 11: actions for a UA outside any case (a reference, no case) are
 * offered for a report and counted in it, also when they came from a CSV. */
static void
test_report_reference_without_case (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovRecordsReport) report = NULL;
  g_autoptr(AskarovCsvImportResult) result = NULL;
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *data =
    ASKAROV_RECORDS_CSV_HEADER "\n"
    "2026-02-02,,209/15,Farhod Salim,Ambassador,letter,sent,tg,,\n"
    "2026-02-03,,209/15,Farhod Salim,Ambassador,call,reached,ru,,\n";
  gboolean listed = FALSE;

  csv = g_bytes_new_static (data, strlen (data));
  result = askarov_records_import_csv (store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 2);
  g_assert_cmpuint (result->n_cases_created, ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE case_id IS NULL AND case_name IS NULL "
                                      "AND reference = '209/15'"), ==, 2);

  references = askarov_store_list_references (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < references->len; i++)
    {
      AskarovReferenceCount *count = g_ptr_array_index (references, i);

      if (g_strcmp0 (count->reference, "209/15") == 0)
        {
          listed = TRUE;
          g_assert_null (count->case_name);
          g_assert_cmpuint (count->n_unreported, ==, 2);
        }
    }
  g_assert_true (listed);

  report = askarov_store_build_report (store, "209/15", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (askarov_records_report_get_n_records (report), ==, 2);
  g_assert_null (askarov_records_report_get_case_name (report));
  text = askarov_records_report_to_text (report);
  g_assert_true (g_str_has_prefix (text, "Actions taken for UA 209/15\n"));
  g_assert_nonnull (strstr (text, "Farhod Salim"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/records-report/counts", test_report_counts);
  g_test_add_func ("/records-report/text-and-csv", test_report_text_and_csv);
  g_test_add_func ("/records-report/mailto", test_report_mailto);
  g_test_add_func ("/records-report/mark-reported", test_report_mark_reported);
  g_test_add_func ("/records-report/reference-without-case", test_report_reference_without_case);

  return g_test_run ();
}
