/* test-records-csv.c — CSV export and import of records (round trip, merging, bad rows) and JSON.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "askarov-records-csv.h"
#include "askarov-records-private.h"

static AskarovStore *
open_store_at (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, "askarov.db", NULL);
  g_autoptr(GError) error = NULL;
  AskarovStore *store = askarov_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static AskarovCsvImportResult *
import_text (AskarovStore *store,
             const char   *text,
             GError      **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return askarov_records_import_csv (store, bytes, error);
}

/* Cells that spreadsheets would run, text that needs quoting, and Cyrillic. */
static const char * const tricky[] = {
  "=HYPERLINK(\"http://evil.example/\",\"click\")",
  "-1+1",
  "@SUM(A1)",
  "+7 312 66 00 00",
  "\tstarts with a tab",
  "'=already quoted by the user",
  "''=two apostrophes",
  "'plain apostrophe",
  "Генеральный прокурор, г. Бишкек",
  "He said \"no\", twice",
  "line one\r\nline two\nline three",
  " leading and trailing spaces ",
  "Ёжик ё й ң ө ү",
};

static void
add_record (AskarovStore   *store,
            const char     *case_name,
            const char     *target,
            const char     *title,
            const char     *note,
            AskarovChannel  channel,
            AskarovOutcome  outcome,
            const char     *taken_on,
            const char     *reported_on)
{
  g_autoptr(AskarovActionRecord) record = askarov_action_record_new ();
  g_autoptr(AskarovActionRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  askarov_action_record_set_case_name (record, case_name);
  askarov_action_record_set_reference (record, "UA 12/34");
  askarov_action_record_set_target_name (record, target);
  askarov_action_record_set_target_title (record, title);
  askarov_action_record_set_note (record, note);
  askarov_action_record_set_channel (record, channel);
  askarov_action_record_set_outcome (record, outcome);
  askarov_action_record_set_language (record, "ru");
  askarov_action_record_set_taken_on (record, taken_on);
  askarov_action_record_set_reported_on (record, reported_on);
  stored = askarov_store_add_record (store, record, &error);
  g_assert_no_error (error);
}

static char *
export_to_string (AskarovStore *store,
                  guint        *n)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_records_export_csv_stream (store, NULL, out, n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
assert_same_records (AskarovStore *a,
                     AskarovStore *b)
{
  g_autoptr(GPtrArray) ra = askarov_store_list_records (a, NULL, 0, 0, NULL);
  g_autoptr(GPtrArray) rb = askarov_store_list_records (b, NULL, 0, 0, NULL);

  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint i = 0; i < ra->len; i++)
    {
      AskarovActionRecord *x = g_ptr_array_index (ra, i);
      AskarovActionRecord *y = g_ptr_array_index (rb, i);

      g_assert_cmpstr (askarov_action_record_get_taken_on (x), ==, askarov_action_record_get_taken_on (y));
      g_assert_cmpstr (askarov_action_record_get_case_name (x), ==, askarov_action_record_get_case_name (y));
      g_assert_cmpstr (askarov_action_record_get_reference (x), ==, askarov_action_record_get_reference (y));
      g_assert_cmpstr (askarov_action_record_get_target_name (x), ==, askarov_action_record_get_target_name (y));
      g_assert_cmpstr (askarov_action_record_get_target_title (x), ==, askarov_action_record_get_target_title (y));
      g_assert_cmpint (askarov_action_record_get_channel (x), ==, askarov_action_record_get_channel (y));
      g_assert_cmpint (askarov_action_record_get_outcome (x), ==, askarov_action_record_get_outcome (y));
      g_assert_cmpstr (askarov_action_record_get_language (x), ==, askarov_action_record_get_language (y));
      g_assert_cmpstr (askarov_action_record_get_note (x), ==, askarov_action_record_get_note (y));
      g_assert_cmpstr (askarov_action_record_get_reported_on (x), ==, askarov_action_record_get_reported_on (y));
    }
}

static void
test_csv_round_trip (void)
{
  g_autoptr(AskarovStore) source = open_store_at ("source");
  g_autoptr(AskarovStore) dest = open_store_at ("dest");
  g_autoptr(AskarovCsvImportResult) result = NULL;
  g_autoptr(AskarovCsvImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv2 = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-01-%02u", i + 1);

      add_record (source, i % 2 ? "Азимжан Аскаров" : tricky[i], tricky[i], tricky[(i + 1) % G_N_ELEMENTS (tricky)],
                  tricky[(i + 2) % G_N_ELEMENTS (tricky)],
                  i % 3 == 0 ? ASKAROV_CHANNEL_CALL : ASKAROV_CHANNEL_LETTER,
                  i % 3 == 0 ? ASKAROV_OUTCOME_NO_ANSWER : ASKAROV_OUTCOME_SENT,
                  date, i % 4 == 0 ? "2026-02-01" : NULL);
    }
  /* Unknowns stay empty cells. */
  add_record (source, NULL, NULL, NULL, NULL, ASKAROV_CHANNEL_PETITION, ASKAROV_OUTCOME_NONE, "2025-12-31", NULL);

  csv = export_to_string (source, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (tricky) + 1);
  g_assert_true (g_str_has_prefix (csv, ASKAROV_RECORDS_CSV_HEADER "\r\n"));
  g_assert_true (g_str_has_prefix (csv, ASKAROV_RECORDS_CSV_HEADER "\r\n2025-12-31,,UA 12/34,,,petition,,ru,,,"));
  /* Formula cells are defused, and nothing else is touched. */
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\","));
  g_assert_nonnull (strstr (csv, ",'-1+1,"));
  g_assert_nonnull (strstr (csv, ",'@SUM(A1),"));
  g_assert_nonnull (strstr (csv, ",'+7 312 66 00 00,"));
  g_assert_nonnull (strstr (csv, ",\"'\tstarts with a tab\","));
  g_assert_nonnull (strstr (csv, ",'plain apostrophe,"));
  g_assert_nonnull (strstr (csv, ",\"He said \"\"no\"\", twice\","));
  /* No formula-like cell starts a field unguarded. */
  lines = g_strsplit (csv, ",", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *cell = lines[i][0] == '"' ? lines[i] + 1 : lines[i];

      g_assert_false (cell[0] == '=' || cell[0] == '+' || cell[0] == '@' || cell[0] == '-' || cell[0] == '\t');
    }

  result = import_text (dest, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, G_N_ELEMENTS (tricky) + 1);
  g_assert_cmpuint (result->n_duplicates, ==, 0);
  g_assert_cmpuint (result->rejected->len, ==, 0);
  assert_same_records (source, dest);

  /* Exporting the copy gives the same bytes. */
  csv2 = export_to_string (dest, &n);
  g_assert_cmpstr (csv, ==, csv2);

  /* Importing the same file again adds nothing. */
  again = import_text (dest, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_duplicates, ==, G_N_ELEMENTS (tricky) + 1);
  g_assert_cmpint (count_rows (dest, "SELECT count(*) FROM records"), ==, G_N_ELEMENTS (tricky) + 1);
}

static void
test_csv_escape (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "=1+2", "'=1+2" },
    { "-1+1", "'-1+1" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "+7 312", "'+7 312" },
    { "\rcr", "\"'\rcr\"" },
    { "'=x", "''=x" },
    { "'x", "'x" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "Аскаров", "Аскаров" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = askarov_records_csv_escape (cases[i].in);

      g_assert_cmpstr (escaped, ==, cases[i].out);
    }
}

static void
test_csv_import_twice_adds_nothing (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("twice");
  g_autoptr(AskarovCsvImportResult) first = NULL;
  g_autoptr(AskarovCsvImportResult) second = NULL;
  g_autoptr(AskarovCsvImportResult) more = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv =
    ASKAROV_RECORDS_CSV_HEADER "\r\n"
    "2026-01-05,New case,UA 1/26,Minister,,call,no-answer,ky,,\r\n"
    "2026-01-05,New case,UA 1/26,Minister,,call,no-answer,ky,,\r\n"   /* two real calls */
    "2026-01-06,New case,UA 1/26,Minister,,letter,sent,ru,,2026-01-09\r\n";
  const char *reported_again =
    ASKAROV_RECORDS_CSV_HEADER "\n"
    "2026-01-06,New case,UA 1/26,Minister,,letter,sent,ru,,\n"         /* same action, reported_on differs */
    "2026-01-05,New case,UA 1/26,Minister,,call,no-answer,ky,,\n"
    "2026-01-05,New case,UA 1/26,Minister,,call,no-answer,ky,,\n"
    "2026-01-05,New case,UA 1/26,Minister,,call,no-answer,ky,,\n";     /* a third call: new */

  first = import_text (store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_added, ==, 3);
  g_assert_cmpuint (first->n_cases_created, ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases WHERE name = 'New case'"), ==, 1);

  second = import_text (store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->n_added, ==, 0);
  g_assert_cmpuint (second->n_duplicates, ==, 3);
  g_assert_cmpuint (second->n_cases_created, ==, 0);

  more = import_text (store, reported_again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (more->n_added, ==, 1);
  g_assert_cmpuint (more->n_duplicates, ==, 3);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 4);
}

/* Ids: two volunteers' identical actions stay two, a re-import adds
 * nothing, and the old ten-column header is still accepted. */
static void
test_csv_ids (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("ids");
  g_autoptr(AskarovCsvImportResult) first = NULL;
  g_autoptr(AskarovCsvImportResult) second = NULL;
  g_autoptr(AskarovCsvImportResult) old = NULL;
  g_autoptr(AskarovCsvImportResult) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *exported = NULL;
  guint n = 0;
  const char *ten =
    ASKAROV_RECORDS_CSV_HEADER_V1 "\r\n"
    "2026-03-01,Group case,UA 2/26,Minister,,email,sent,en,,\r\n";
  const char *bad_id =
    ASKAROV_RECORDS_CSV_HEADER "\r\n"
    "2026-03-02,Group case,UA 2/26,Minister,,email,sent,en,,,not-a-uuid,v1\r\n";

  csv = g_strdup_printf (ASKAROV_RECORDS_CSV_HEADER "\r\n"
                         "2026-03-01,Group case,UA 2/26,Minister,,letter,sent,ru,,,%s,volunteer-a\r\n"
                         "2026-03-01,Group case,UA 2/26,Minister,,letter,sent,ru,,,%s,volunteer-b\r\n"
                         "2026-03-01,Group case,UA 2/26,Minister,,letter,sent,ru,,,%s,volunteer-b\r\n",
                         "0b7e1a52-53f4-4c1a-9d3c-0a1b2c3d4e5f", "7d9b7f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
                         "7d9b7f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
  first = import_text (store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_added, ==, 2);
  g_assert_cmpuint (first->n_duplicates, ==, 1);   /* the same id twice in the file */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE volunteer = 'volunteer-b' "
                                      "AND uuid = '7d9b7f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b'"), ==, 1);

  second = import_text (store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->n_added, ==, 0);
  g_assert_cmpuint (second->n_duplicates, ==, 3);

  /* A ten-column file: the action gets an id and this volunteer as author. */
  old = import_text (store, ten, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old->n_added, ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records r, library_state s WHERE s.key = 'volunteer_id' "
                                      "AND r.volunteer = s.value AND r.channel = 'email' AND length (r.uuid) = 36"), ==, 1);

  bad = import_text (store, bad_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bad->n_added, ==, 0);
  g_assert_cmpuint (bad->rejected->len, ==, 1);

  /* The export carries both ids, one line each. */
  exported = export_to_string (store, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_nonnull (strstr (exported, ",0b7e1a52-53f4-4c1a-9d3c-0a1b2c3d4e5f,volunteer-a\r\n"));
  g_assert_nonnull (strstr (exported, ",7d9b7f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b,volunteer-b\r\n"));
  g_assert_cmpint (count_rows (store, "SELECT count(DISTINCT uuid) FROM records"), ==, 3);
}

static void
test_csv_malformed_rows (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("malformed");
  g_autoptr(AskarovCsvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  AskarovCsvRejection *r;
  const char *csv =
    ASKAROV_RECORDS_CSV_HEADER "\r\n"                                        /* line 1 */
    "2026-01-05,Case,UA 1/26,\"Two\r\nline target\",,letter,sent,ru,,\r\n"    /* lines 2-3: fine */
    "2026-02-30,Case,UA 1/26,T,,letter,sent,ru,,\r\n"                         /* line 4: no such day */
    "2026-01-06,Case,UA 1/26,T,,telegram,,ru,,\r\n"                           /* line 5: channel */
    "2026-01-06,Case,UA 1/26,T,,letter\r\n"                                   /* line 6: too few cells */
    "\r\n"                                                                    /* line 7: blank, skipped */
    "2026-01-07,Case,UA 1/26,T,,call,sent,ru,,\r\n"                           /* line 8: outcome vs channel */
    "2026-01-08,Case,UA 1/26,T\"x,,letter,sent,ru,,\r\n"                      /* line 9: stray quote */
    "2026-01-09,Case,UA 1/26,T,,email,sent,Russian,,\r\n"                     /* line 10: language */
    "2026-01-10,Case,UA 1/26,\xff\xfe,,email,sent,ru,,\r\n"                   /* line 11: not UTF-8 */
    "2026-01-11,Case,UA 1/26,T,,fax,,EN,,\r\n"                                /* line 12: fine (EN -> en) */
    "2026-01-12,Case,UA 1/26,\"never closed,,fax,,en,,\r\n";                  /* line 13: to the end */

  result = import_text (store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 2);
  g_assert_cmpuint (result->rejected->len, ==, 8);
  r = g_ptr_array_index (result->rejected, 0);
  g_assert_cmpuint (r->line, ==, 4);
  g_assert_nonnull (strstr (r->message, "2026-02-30"));
  g_assert_cmpuint (((AskarovCsvRejection *) g_ptr_array_index (result->rejected, 1))->line, ==, 5);
  g_assert_cmpuint (((AskarovCsvRejection *) g_ptr_array_index (result->rejected, 2))->line, ==, 6);
  g_assert_cmpuint (((AskarovCsvRejection *) g_ptr_array_index (result->rejected, 3))->line, ==, 8);
  g_assert_cmpuint (((AskarovCsvRejection *) g_ptr_array_index (result->rejected, 4))->line, ==, 9);
  g_assert_cmpuint (((AskarovCsvRejection *) g_ptr_array_index (result->rejected, 5))->line, ==, 10);
  g_assert_cmpuint (((AskarovCsvRejection *) g_ptr_array_index (result->rejected, 6))->line, ==, 11);
  g_assert_cmpuint (((AskarovCsvRejection *) g_ptr_array_index (result->rejected, 7))->line, ==, 13);

  report = askarov_csv_import_result_format_rejections (result);
  g_assert_true (g_str_has_prefix (report, "Line 4: "));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE target_name = 'Two\r\nline target'"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE language = 'en'"), ==, 1);
}

static void
test_csv_wrong_header_refused (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("header");
  g_autoptr(GError) error = NULL;
  const char *bad[] = {
    "",
    "date,case,target\r\n2026-01-01,a,b\r\n",
    "taken_on,case,reference,target,target_title,channel,outcome,language,note\r\n",
    "TAKEN_ON,case,reference,target,target_title,channel,outcome,language,note,reported_on\r\n",
    "\xff\xfe\x00t\x00a\x00k\x00",   /* UTF-16 */
    "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    /* Without any line end: the whole file is the first line. */
    "hello",
    "date,case,target",
    "taken_on,case,reference,target,target_title,channel,outcome,language,note",
    "\xEF\xBB\xBF",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gsize len = i == 4 ? 8 : strlen (bad[i]);
      /* An exact-size copy, not NUL-terminated, as a file read gives. */
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_memdup2 (bad[i], len), len);
      g_autoptr(AskarovCsvImportResult) result = askarov_records_import_csv (store, bytes, &error);

      g_assert_null (result);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ASKAROV_RECORDS_CSV_ERROR);
      g_assert_true (error->code == ASKAROV_RECORDS_CSV_ERROR_NOT_CSV ||
                     error->code == ASKAROV_RECORDS_CSV_ERROR_BAD_ENCODING);
      g_clear_error (&error);
    }

  /* A byte-order mark and LF line ends are fine. */
  {
    g_autoptr(AskarovCsvImportResult) ok = import_text (store, "\xEF\xBB\xBF" ASKAROV_RECORDS_CSV_HEADER "\n"
                                                        "2026-01-01,,,,,other,,,,\n", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ok->n_added, ==, 1);
  }
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 1);
}

static void
test_csv_too_large_refused (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("large");
  g_autoptr(GError) error = NULL;
  gsize size = ASKAROV_RECORDS_CSV_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AskarovCsvImportResult) result = NULL;

  memset (data, 'a', size);
  memcpy (data, ASKAROV_RECORDS_CSV_HEADER "\n", strlen (ASKAROV_RECORDS_CSV_HEADER) + 1);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  result = askarov_records_import_csv (store, bytes, &error);
  g_assert_null (result);
  g_assert_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_TOO_LARGE);
}

static void
test_csv_file_export_replaces_atomically (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("files");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "out.csv", NULL);
  g_autofree char *json_path = g_build_filename (g_get_user_data_dir (), "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) missing_dir = g_file_new_for_path ("/nonexistent-dir/out.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AskarovCsvImportResult) result = NULL;
  JsonObject *root;
  JsonArray *actions;
  JsonObject *first;
  guint n = 0;

  add_record (store, "Аскаров", "Prosecutor", NULL, "=1+1", ASKAROV_CHANNEL_EMAIL, ASKAROV_OUTCOME_SENT, "2026-01-02", NULL);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));

  g_assert_true (askarov_records_export_csv_file (store, NULL, file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, ASKAROV_RECORDS_CSV_HEADER "\r\n2026-01-02,Аскаров,"));
  /* Readable by the volunteer only. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0077, ==, 0);
  }

  g_assert_false (askarov_records_export_csv_file (store, NULL, missing_dir, &n, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The file imports back through the file API, as a duplicate. */
  result = askarov_records_import_csv_file (store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_duplicates, ==, 1);

  g_assert_true (askarov_records_export_json_file (store, NULL, json_file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "askarov-actions");
  actions = json_object_get_array_member (root, "actions");
  g_assert_cmpuint (json_array_get_length (actions), ==, 1);
  first = json_array_get_object_element (actions, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "case"), ==, "Аскаров");
  /* JSON is not a spreadsheet: the note stays as typed. */
  g_assert_cmpstr (json_object_get_string_member (first, "note"), ==, "=1+1");
  g_assert_cmpstr (json_object_get_string_member (first, "channel"), ==, "email");
  g_assert_true (json_object_get_null_member (first, "reported_on"));
  g_assert_true (json_object_get_null_member (first, "target_title"));
}

/* The data of a GBytes ends where its length says, with no NUL after it:
 * the first line of a one-line file must be read within that length. Here
 * the bytes are a slice of a larger buffer, so reading past the end finds
 * text (not a crash), and the message shows whether it did. */
static void
test_csv_not_nul_terminated (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("unterminated");
  g_autoptr(GBytes) whole = g_bytes_new_static ("helloPAST-THE-END\n", 18);
  g_autoptr(GBytes) slice = g_bytes_new_from_bytes (whole, 0, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovCsvImportResult) result = NULL;
  g_autoptr(AskarovCsvImportResult) header_only = NULL;
  g_autoptr(AskarovCsvImportResult) one_row = NULL;
  const char *header = ASKAROV_RECORDS_CSV_HEADER;
  const char *row = ASKAROV_RECORDS_CSV_HEADER "\n2026-01-01,Case,UA 1/26,T,,letter,sent,ru,,";
  g_autofree char *long_line = NULL;
  g_autoptr(GBytes) long_bytes = NULL;
  g_autoptr(AskarovCsvImportResult) long_result = NULL;

  result = askarov_records_import_csv (store, slice, &error);
  g_assert_null (result);
  g_assert_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_NOT_CSV);
  g_assert_nonnull (strstr (error->message, "“hello”"));
  g_assert_null (strstr (error->message, "PAST"));
  g_clear_error (&error);

  /* A header with no line end is an empty but valid file. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_memdup2 (header, strlen (header)), strlen (header));

    header_only = askarov_records_import_csv (store, bytes, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (header_only->n_added, ==, 0);
    g_assert_cmpuint (header_only->rejected->len, ==, 0);
  }
  /* The last row may end without a line end. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_memdup2 (row, strlen (row)), strlen (row));

    one_row = askarov_records_import_csv (store, bytes, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (one_row->n_added, ==, 1);
  }

  /* A long first line is cut in the message, never inside a character. */
  {
    GString *text = g_string_new (NULL);

    for (guint i = 0; i < 150; i++)
      g_string_append (text, "ж");
    long_line = g_string_free (text, FALSE);
  }
  long_bytes = g_bytes_new_take (g_memdup2 (long_line, strlen (long_line)), strlen (long_line));
  long_result = askarov_records_import_csv (store, long_bytes, &error);
  g_assert_null (long_result);
  g_assert_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_NOT_CSV);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 1);
}

/* A quote that is never closed costs its own row only: the rows after it
 * are read as usual. */
static void
test_csv_unclosed_quote_resumes (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("unclosed");
  g_autoptr(AskarovCsvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv =
    ASKAROV_RECORDS_CSV_HEADER "\r\n"                                         /* line 1 */
    "2026-01-12,Case,UA 1/26,\"never closed,,fax,,en,,\r\n"                   /* line 2: refused */
    "2026-01-13,Case,UA 1/26,After,,fax,,en,,\r\n"                            /* line 3: fine */
    "2026-01-14,Case,UA 1/26,\"Two\nlines\",,letter,sent,ru,,\n"              /* lines 4-5: fine */
    "2026-01-15,Case,UA 1/26,\"open again,,fax,,en,,\n"                       /* line 6: refused */
    "2026-01-16,Case,UA 1/26,Last,,email,sent,en,,";                          /* line 7: fine */
  AskarovCsvRejection *r;

  result = import_text (store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rejected->len, ==, 2);
  r = g_ptr_array_index (result->rejected, 0);
  g_assert_cmpuint (r->line, ==, 2);
  g_assert_nonnull (strstr (r->message, "never closed"));
  r = g_ptr_array_index (result->rejected, 1);
  g_assert_cmpuint (r->line, ==, 6);
  g_assert_cmpuint (result->n_added, ==, 3);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE target_name IN ('After', 'Last')"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE target_name = 'Two\nlines'"), ==, 1);
}

/* Spreadsheets write a byte-order mark, and some quote every cell. */
static void
test_csv_bom_quoted_header (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("bom");
  g_autoptr(AskarovCsvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv =
    "\xEF\xBB\xBF\"taken_on\",\"case\",\"reference\",\"target\",\"target_title\",\"channel\",\"outcome\","
    "\"language\",\"note\",\"reported_on\"\r\n"
    "\"2026-01-01\",\"Case\",\"UA 1/26\",\"T\",\"\",\"letter\",\"sent\",\"ru\",\"\",\"\"\r\n";

  result = import_text (store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpuint (result->rejected->len, ==, 0);
}

/* The corpus names the people and places of the Askarov case; records built
 * from them (in Cyrillic and Latin script) survive the round trip. */
static void
test_csv_corpus_names (void)
{
  const char *dir = g_getenv ("ASKAROV_CORPUS_DIR");
  g_autoptr(AskarovStore) source = NULL;
  g_autoptr(AskarovStore) dest = NULL;
  g_autoptr(AskarovCsvImportResult) result = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  const char *name;
  guint n_files = 0;
  guint n = 0;

  if (dir == NULL || !(listing = g_dir_open (dir, 0, NULL)))
    {
      g_test_skip ("ASKAROV_CORPUS_DIR is not set or missing");
      return;
    }

  source = open_store_at ("corpus-source");
  dest = open_store_at ("corpus-dest");
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *first_line = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (dir, name, NULL);
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      /* Its first line (a title, often with commas or quotes) as the note. */
      first_line = g_strndup (text, strcspn (text, "\r\n"));
      if (!g_utf8_validate (first_line, -1, NULL))
        continue;
      add_record (source, "Азимжан Аскаров", name, NULL, first_line, ASKAROV_CHANNEL_LETTER,
                  ASKAROV_OUTCOME_SENT, "2026-01-01", NULL);
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 0);

  csv = export_to_string (source, &n);
  result = import_text (dest, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, n_files);
  assert_same_records (source, dest);
}

/* ---- Streaming ------------------------------------------------------------ */

/* A stream that hands out its bytes a few at a time, as a pipe may: every
 * chunk boundary falls inside a row, a quoted cell, a CRLF or the BOM. */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         pos;
  guint         step;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
trickle_read (GInputStream  *stream,
              void          *buffer,
              gsize          count,
              GCancellable  *cancellable,
              GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (self->bytes, &len);
  gsize n = MIN (MIN (count, len - self->pos), 1 + self->step++ % 5);

  memcpy (buffer, data + self->pos, n);
  self->pos += n;
  return (gssize) n;
}

static void
trickle_finalize (GObject *object)
{
  g_bytes_unref (TEST_TRICKLE_STREAM (object)->bytes);
  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trickle_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = trickle_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
}

static GInputStream *
trickle_stream_new (const char *text)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  self->bytes = g_bytes_new (text, strlen (text));
  return G_INPUT_STREAM (self);
}

/* Rows split into pieces of 1 to 5 bytes are read as the whole text is. */
static void
test_csv_stream_chunk_boundaries (void)
{
  static const char * const texts[] = {
    "\xEF\xBB\xBF\"taken_on\",\"case\",\"reference\",\"target\",\"target_title\",\"channel\",\"outcome\","
    "\"language\",\"note\",\"reported_on\"\r\n"
    "\"2026-01-01\",\"Case\",\"UA 1/26\",\"T\",\"\",\"letter\",\"sent\",\"ru\",\"\",\"\"\r\n",
    ASKAROV_RECORDS_CSV_HEADER "\r\n"
    "2026-01-12,Case,UA 1/26,\"never closed,,fax,,en,,\r\n"
    "2026-01-13,Case,UA 1/26,After,,fax,,en,,\r\n"
    "2026-01-14,Case,UA 1/26,\"Two\nlines\",,letter,sent,ru,,\n"
    "2026-01-15,Case,UA 1/26,\"open again,,fax,,en,,\n"
    "2026-01-16,Case,UA 1/26,Last,,email,sent,en,,",
    ASKAROV_RECORDS_CSV_HEADER "\r"
    "2026-01-02,Case,UA 1/26,\"Say \"\"no\"\"\",,call,no-answer,ky,\"a\r\nb\",\r"
    "2026-01-03,Case,UA 1/26,Bad\"quote,,fax,,en,,\r"
    "2026-01-04,Case,UA 1/26,\"closed\"then text,,fax,,en,,\r"
    "2026-01-05,Case,UA 1/26,\"multi\nline\"then text,,fax,,en,,\r"
    "2026-01-06,Case,UA 1/26,Fine,,fax,,en,,\r\n\r\n"
    "2026-01-07,Case,UA 1/26,Short,\r\n"
    "2026-01-08,Case,UA 1/26,Trailing,,fax,,en,,,\n"
    "2026-01-09,Case,UA 1/26,Fine again,,post,,uz,'=1+1,",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *name_a = g_strdup_printf ("chunks-a%u", i);
      g_autofree char *name_b = g_strdup_printf ("chunks-b%u", i);
      g_autoptr(AskarovStore) whole_store = open_store_at (name_a);
      g_autoptr(AskarovStore) trickle_store = open_store_at (name_b);
      g_autoptr(GInputStream) stream = trickle_stream_new (texts[i]);
      g_autoptr(AskarovCsvImportResult) whole = NULL;
      g_autoptr(AskarovCsvImportResult) trickled = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *whole_lines = NULL;
      g_autofree char *trickled_lines = NULL;

      whole = import_text (whole_store, texts[i], &error);
      g_assert_no_error (error);
      trickled = askarov_records_import_csv_stream (trickle_store, stream, NULL, &error);
      g_assert_no_error (error);
      whole_lines = askarov_csv_import_result_format_rejections (whole);
      trickled_lines = askarov_csv_import_result_format_rejections (trickled);
      g_test_message ("text %u: %u added; %s", i, whole->n_added, whole_lines);
      g_assert_cmpuint (whole->n_added, >, 0);
      g_assert_cmpuint (trickled->n_added, ==, whole->n_added);
      g_assert_cmpstr (trickled_lines, ==, whole_lines);
      assert_same_records (whole_store, trickle_store);
    }
}

/* Rows i and i + 4000 of this file are the same action (two calls on one
 * day): importing it adds every row, twice-listed ones twice. */
static char *
batch_csv (guint n_rows)
{
  GString *text = g_string_new (ASKAROV_RECORDS_CSV_HEADER "\r\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2026-02-%02u,Batch case,UA 9/26,Official %u,,call,no-answer,en,,\r\n",
                            1 + (i % 4000) % 28, i % 4000);
  return g_string_free (text, FALSE);
}

typedef struct
{
  guint         calls;
  guint64       last_done;
  guint64       total;
  GCancellable *cancel_after_first;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >, progress->last_done);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
  if (progress->cancel_after_first != NULL)
    g_cancellable_cancel (progress->cancel_after_first);
}

/* A file of 5,000 rows goes in three batches, with progress after each. */
static void
test_csv_stream_batches_and_progress (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("batches");
  g_autofree char *csv = batch_csv (5000);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(AskarovCsvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  result = askarov_records_import_csv_stream_full (store, stream, g_bytes_get_size (bytes),
                                                   progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 5000);
  g_assert_cmpuint (result->n_duplicates, ==, 0);
  g_assert_cmpuint (result->n_cases_created, ==, 1);
  g_assert_cmpuint (progress.calls, ==, 3);
  g_assert_cmpuint (progress.last_done, ==, g_bytes_get_size (bytes));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 5000);
}

/* Cancelled after its first batch, an import keeps that batch (and says
 * so); the same file imported again adds exactly the rest, copies of one
 * action in the file included. */
static void
test_csv_stream_cancel_and_resume (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("resume");
  g_autofree char *csv = batch_csv (5000);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AskarovCsvImportResult) stopped = NULL;
  g_autoptr(AskarovCsvImportResult) resumed = NULL;
  g_autoptr(AskarovCsvImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { .cancel_after_first = cancellable };

  stopped = askarov_records_import_csv_stream_full (store, stream, g_bytes_get_size (bytes),
                                                    progress_cb, &progress, cancellable, &error);
  g_assert_null (stopped);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "2000"));
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 2000);
  g_clear_error (&error);

  resumed = import_text (store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resumed->n_added, ==, 3000);
  g_assert_cmpuint (resumed->n_duplicates, ==, 2000);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 5000);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE target_name = 'Official 10'"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE target_name = 'Official 3999'"), ==, 1);

  again = import_text (store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_duplicates, ==, 5000);
}

/* A row can not grow without bound: one line of 3 MB is refused alone. */
static void
test_csv_stream_long_row (void)
{
  g_autoptr(AskarovStore) store = open_store_at ("long-row");
  g_autoptr(GString) text = g_string_new (ASKAROV_RECORDS_CSV_HEADER "\n2026-01-01,Case,UA 1/26,");
  g_autoptr(AskarovCsvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AskarovCsvRejection *r;

  for (guint i = 0; i < 3 * 1024 * 1024 / 8; i++)
    g_string_append (text, "abcdefgh");
  g_string_append (text, ",,fax,,en,,\n2026-01-02,Case,UA 1/26,After,,fax,,en,,\n");
  result = import_text (store, text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpuint (result->rejected->len, ==, 1);
  r = g_ptr_array_index (result->rejected, 0);
  g_assert_cmpuint (r->line, ==, 2);
  g_assert_nonnull (strstr (r->message, "1 MB"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/records-csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/records-csv/escape", test_csv_escape);
  g_test_add_func ("/records-csv/ids", test_csv_ids);
  g_test_add_func ("/records-csv/import-twice-adds-nothing", test_csv_import_twice_adds_nothing);
  g_test_add_func ("/records-csv/malformed-rows", test_csv_malformed_rows);
  g_test_add_func ("/records-csv/wrong-header-refused", test_csv_wrong_header_refused);
  g_test_add_func ("/records-csv/too-large-refused", test_csv_too_large_refused);
  g_test_add_func ("/records-csv/file-export", test_csv_file_export_replaces_atomically);
  g_test_add_func ("/records-csv/corpus-names", test_csv_corpus_names);
  g_test_add_func ("/records-csv/not-nul-terminated", test_csv_not_nul_terminated);
  g_test_add_func ("/records-csv/unclosed-quote-resumes", test_csv_unclosed_quote_resumes);
  g_test_add_func ("/records-csv/bom-quoted-header", test_csv_bom_quoted_header);
  g_test_add_func ("/records-csv/stream-chunk-boundaries", test_csv_stream_chunk_boundaries);
  g_test_add_func ("/records-csv/stream-batches-and-progress", test_csv_stream_batches_and_progress);
  g_test_add_func ("/records-csv/stream-cancel-and-resume", test_csv_stream_cancel_and_resume);
  g_test_add_func ("/records-csv/stream-long-row", test_csv_stream_long_row);

  return g_test_run ();
}
