/* test-records.c — logging, editing, deleting and counting records in the store, and the list model.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "askarov-record-list.h"
#include "askarov-records-private.h"
#include "askarov-store-records.h"

static AskarovActionRecord *
make_record (const char     *case_name,
             AskarovChannel  channel,
             const char     *taken_on)
{
  AskarovActionRecord *record = askarov_action_record_new ();

  askarov_action_record_set_case_name (record, case_name);
  askarov_action_record_set_channel (record, channel);
  askarov_action_record_set_taken_on (record, taken_on);
  askarov_action_record_set_reference (record, "UA 12/34");
  askarov_action_record_set_target_name (record, "Курманбек Осмонов");
  askarov_action_record_set_language (record, "ru");
  return record;
}

static AskarovActionRecord *
add (AskarovStore   *store,
     const char     *case_name,
     AskarovChannel  channel,
     const char     *taken_on)
{
  g_autoptr(AskarovActionRecord) record = make_record (case_name, channel, taken_on);
  g_autoptr(GError) error = NULL;
  AskarovActionRecord *stored = askarov_store_add_record (store, record, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static guint
find_total (GPtrArray  *totals,
            const char *label)
{
  for (guint i = 0; i < totals->len; i++)
    {
      AskarovRecordTotal *t = g_ptr_array_index (totals, i);

      if (g_str_equal (t->label, label) || g_str_equal (t->key, label))
        return t->count;
    }
  return 0;
}

static void
test_records_add_get (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovActionRecord) stored = NULL;
  g_autoptr(AskarovActionRecord) again = NULL;
  g_autoptr(GError) error = NULL;

  stored = add (store, "Azimjan Askarov", ASKAROV_CHANNEL_LETTER, "2026-03-01");
  g_assert_cmpint (askarov_action_record_get_id (stored), >, 0);
  /* A new case name makes a case, and the record links to it. */
  g_assert_cmpint (askarov_action_record_get_case_id (stored), >, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases WHERE name = 'Azimjan Askarov'"), ==, 1);
  g_assert_nonnull (askarov_action_record_get_created_at (stored));

  again = askarov_store_get_record (store, askarov_action_record_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (askarov_action_record_get_case_name (again), ==, "Azimjan Askarov");
  g_assert_cmpstr (askarov_action_record_get_target_name (again), ==, "Курманбек Осмонов");
  g_assert_cmpstr (askarov_action_record_get_taken_on (again), ==, "2026-03-01");
  g_assert_cmpint (askarov_action_record_get_channel (again), ==, ASKAROV_CHANNEL_LETTER);
  g_assert_false (askarov_action_record_get_reported (again));

  /* The same case name again reuses the case. */
  g_clear_object (&again);
  again = add (store, "Azimjan Askarov", ASKAROV_CHANNEL_EMAIL, "2026-03-02");
  g_assert_cmpint (askarov_action_record_get_case_id (again), ==, askarov_action_record_get_case_id (stored));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 1);

  /* A letter written in Uzbek in Cyrillic logs its letter language as it is. */
  {
    g_autoptr(AskarovActionRecord) record = make_record ("Azimjan Askarov", ASKAROV_CHANNEL_LETTER, "2026-03-03");
    g_autoptr(AskarovActionRecord) uz = NULL;
    g_autoptr(AskarovActionRecord) read = NULL;

    askarov_action_record_set_language (record, "uz-Cyrl");
    uz = askarov_store_add_record (store, record, &error);
    g_assert_no_error (error);
    read = askarov_store_get_record (store, askarov_action_record_get_id (uz), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (askarov_action_record_get_language (read), ==, "uz-Cyrl");
  }
}

static void
test_records_invalid_refused (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovActionRecord) record = make_record ("Case", ASKAROV_CHANNEL_CALL, "2026-02-30");
  g_autoptr(AskarovActionRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = askarov_store_add_record (store, record, &error);
  g_assert_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID);
  g_assert_null (stored);
  g_clear_error (&error);

  askarov_action_record_set_taken_on (record, "2026-02-28");
  askarov_action_record_set_outcome (record, ASKAROV_OUTCOME_SENT);   /* not for a call */
  g_assert_null (askarov_store_add_record (store, record, &error));
  g_assert_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  askarov_action_record_set_outcome (record, ASKAROV_OUTCOME_VOICEMAIL);
  askarov_action_record_set_language (record, "Russian");
  g_assert_null (askarov_store_add_record (store, record, &error));
  g_assert_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  /* A script subtag is spelled as letter languages spell it ("uz-Cyrl"). */
  askarov_action_record_set_language (record, "uz-cyrl");
  g_assert_null (askarov_store_add_record (store, record, &error));
  g_assert_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  askarov_action_record_set_language (record, "ru");
  askarov_action_record_set_note (record, "bell\x07");
  g_assert_null (askarov_store_add_record (store, record, &error));
  g_assert_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing was written, and not even the case was created. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 0);

  askarov_action_record_set_note (record, "Two lines\nand a tab\t.");
  stored = askarov_store_add_record (store, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (askarov_action_record_get_outcome (stored), ==, ASKAROV_OUTCOME_VOICEMAIL);
}

static void
test_records_update (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovActionRecord) stored = add (store, "Case A", ASKAROV_CHANNEL_LETTER, "2026-03-01");
  g_autoptr(AskarovActionRecord) again = NULL;
  g_autoptr(AskarovRecordTotals) totals = NULL;
  g_autoptr(GError) error = NULL;

  askarov_action_record_set_channel (stored, ASKAROV_CHANNEL_CALL);
  askarov_action_record_set_outcome (stored, ASKAROV_OUTCOME_REACHED);
  askarov_action_record_set_taken_on (stored, "2026-04-10");
  askarov_action_record_set_note (stored, "Спокойный разговор");
  askarov_action_record_set_case_name (stored, "Case B");
  g_assert_true (askarov_store_update_record (store, stored, &error));
  g_assert_no_error (error);

  again = askarov_store_get_record (store, askarov_action_record_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpint (askarov_action_record_get_channel (again), ==, ASKAROV_CHANNEL_CALL);
  g_assert_cmpint (askarov_action_record_get_outcome (again), ==, ASKAROV_OUTCOME_REACHED);
  g_assert_cmpstr (askarov_action_record_get_note (again), ==, "Спокойный разговор");
  g_assert_cmpstr (askarov_action_record_get_case_name (again), ==, "Case B");

  /* The totals follow the edit. */
  totals = askarov_store_compute_totals (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->n_records, ==, 1);
  g_assert_cmpuint (find_total (totals->by_channel, "call"), ==, 1);
  g_assert_cmpuint (find_total (totals->by_channel, "letter"), ==, 0);
  g_assert_cmpuint (find_total (totals->by_month, "2026-04"), ==, 1);
  g_assert_cmpuint (find_total (totals->by_month, "2026-03"), ==, 0);
  g_assert_cmpuint (find_total (totals->by_case, "Case B"), ==, 1);
  g_assert_cmpuint (find_total (totals->by_case, "Case A"), ==, 0);

  /* Updating a record that is gone says so. */
  askarov_action_record_set_id (stored, 999);
  g_assert_false (askarov_store_update_record (store, stored, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND);
}

static void
test_records_delete_undo (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovActionRecord) first = add (store, "Case", ASKAROV_CHANNEL_LETTER, "2026-03-01");
  g_autoptr(AskarovActionRecord) second = add (store, "Case", ASKAROV_CHANNEL_FAX, "2026-03-02");
  g_autoptr(AskarovActionRecord) deleted = NULL;
  g_autoptr(AskarovActionRecord) back = NULL;
  g_autoptr(AskarovActionRecord) third = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = askarov_action_record_get_id (first);

  exec_sql (store, "UPDATE records SET reported_on = '2026-03-05' WHERE id = 1");
  g_clear_object (&first);
  first = askarov_store_get_record (store, id, &error);
  g_assert_no_error (error);

  deleted = askarov_store_delete_record (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (askarov_action_record_get_id (deleted), ==, id);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT coalesce (sum (n), 0) FROM record_counts"), ==, 1);

  /* Deleting twice is a clear error, not a crash. */
  g_assert_null (askarov_store_delete_record (store, id, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo puts back the very same row. */
  g_assert_true (askarov_store_restore_record (store, deleted, &error));
  g_assert_no_error (error);
  back = askarov_store_get_record (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (askarov_action_record_get_created_at (back), ==, askarov_action_record_get_created_at (first));
  g_assert_cmpstr (askarov_action_record_get_reported_on (back), ==, "2026-03-05");
  g_assert_cmpint (askarov_action_record_get_case_id (back), ==, askarov_action_record_get_case_id (first));
  g_assert_cmpint (askarov_action_record_get_channel (back), ==, ASKAROV_CHANNEL_LETTER);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT coalesce (sum (n), 0) FROM record_counts"), ==, 2);

  /* A new record never takes a deleted one's id while its undo is possible
   * only if ids keep growing; restoring an id in use fails cleanly. */
  g_assert_false (askarov_store_restore_record (store, deleted, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  third = add (store, "Case", ASKAROV_CHANNEL_POST, "2026-03-03");
  g_assert_cmpint (askarov_action_record_get_id (third), >, askarov_action_record_get_id (second));
}

/* Deleting the newest action and logging another must not hand the new one
 * the deleted id: Undo then still puts the deleted action back. */
static void
test_records_undo_after_new_action (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovActionRecord) first = add (store, "Case", ASKAROV_CHANNEL_LETTER, "2026-03-01");
  g_autoptr(AskarovActionRecord) newest = add (store, "Case", ASKAROV_CHANNEL_EMAIL, "2026-03-02");
  g_autoptr(AskarovActionRecord) deleted = NULL;
  g_autoptr(AskarovActionRecord) later = NULL;
  g_autoptr(AskarovActionRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = askarov_action_record_get_id (newest);

  deleted = askarov_store_delete_record (store, id, &error);
  g_assert_no_error (error);
  later = add (store, "Case", ASKAROV_CHANNEL_FAX, "2026-03-03");
  g_assert_cmpint (askarov_action_record_get_id (later), >, id);

  g_assert_true (askarov_store_restore_record (store, deleted, &error));
  g_assert_no_error (error);
  back = askarov_store_get_record (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (askarov_action_record_get_channel (back), ==, ASKAROV_CHANNEL_EMAIL);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 3);
}

/* A database from before migration 2 keeps its actions and their totals,
 * and from then on never reuses an id. */
static void
test_records_migration_autoincrement (void)
{
  g_autofree char *path = askarov_store_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GBytes) schema = g_resources_lookup_data ("/com/example/Askarov/core/askarov-schema.sql",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *sql = NULL;
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(AskarovActionRecord) deleted = NULL;
  g_autoptr(AskarovActionRecord) later = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_nonnull (schema);
  sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 1; PRAGMA application_id = 1095977814;"
                                 "INSERT INTO records (id, case_name, channel, taken_on, natural_key) "
                                 "VALUES (7, 'Old case', 'letter', '2025-05-05', 'k7'), "
                                 "(9, 'Old case', 'call', '2025-05-06', 'k9');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (askarov_store_get_moved_aside (store));
  g_assert_cmpint (askarov_store_get_schema_version (store), ==, ASKAROV_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'records' "
                                      "AND sql LIKE '%AUTOINCREMENT%'"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE id IN (7, 9)"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT coalesce (sum (n), 0) FROM record_counts"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                      "AND tbl_name = 'records'"), ==, 3);

  deleted = askarov_store_delete_record (store, 9, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT coalesce (sum (n), 0) FROM record_counts"), ==, 1);
  later = add (store, "Old case", ASKAROV_CHANNEL_FAX, "2026-03-03");
  g_assert_cmpint (askarov_action_record_get_id (later), ==, 10);
  g_assert_true (askarov_store_restore_record (store, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT coalesce (sum (n), 0) FROM record_counts"), ==, 3);
}

static void
test_records_two_identical_actions (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovActionRecord) a = add (store, "Case", ASKAROV_CHANNEL_CALL, "2026-03-01");
  g_autoptr(AskarovActionRecord) b = add (store, "Case", ASKAROV_CHANNEL_CALL, "2026-03-01");

  /* Two unanswered calls on one day are two actions. */
  g_assert_cmpint (askarov_action_record_get_id (a), !=, askarov_action_record_get_id (b));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(DISTINCT natural_key) FROM records"), ==, 1);
}

static void
test_records_list_filters_paging (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovRecordFilter) filter = askarov_record_filter_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovActionRecord) other = NULL;
  guint count = 0;
  const char *last = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + i % 3, 1 + i / 3);
      g_autoptr(AskarovActionRecord) r = add (store, "Case", i % 2 ? ASKAROV_CHANNEL_EMAIL : ASKAROV_CHANNEL_LETTER, date);
    }
  other = add (store, "Other case", ASKAROV_CHANNEL_FAX, "2025-12-31");

  g_assert_true (askarov_store_count_records (store, NULL, &count, &error));
  g_assert_cmpuint (count, ==, 31);

  /* Newest first, in pages that join up. */
  page = askarov_store_list_records (store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 10);
  for (guint p = 0; p < 4; p++)
    {
      g_autoptr(GPtrArray) chunk = askarov_store_list_records (store, NULL, p * 10, 10, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (chunk->len, ==, p < 3 ? 10 : 1);
      for (guint i = 0; i < chunk->len; i++)
        {
          const char *taken_on = askarov_action_record_get_taken_on (g_ptr_array_index (chunk, i));

          if (last != NULL)
            g_assert_cmpstr (taken_on, <=, last);
          last = g_intern_string (taken_on);
        }
    }

  filter->channel = ASKAROV_CHANNEL_EMAIL;
  g_assert_true (askarov_store_count_records (store, filter, &count, &error));
  g_assert_cmpuint (count, ==, 15);

  filter->channel = -1;
  filter->case_id = askarov_action_record_get_case_id (other);
  g_assert_true (askarov_store_count_records (store, filter, &count, &error));
  g_assert_cmpuint (count, ==, 1);

  filter->case_id = 0;
  filter->from = g_strdup ("2026-02-01");
  filter->to = g_strdup ("2026-02-28");
  g_assert_true (askarov_store_count_records (store, filter, &count, &error));
  g_assert_cmpuint (count, ==, 10);
  g_clear_pointer (&page, g_ptr_array_unref);
  page = askarov_store_list_records (store, filter, 0, 0, &error);
  g_assert_cmpuint (page->len, ==, 10);
  for (guint i = 0; i < page->len; i++)
    g_assert_true (g_str_has_prefix (askarov_action_record_get_taken_on (g_ptr_array_index (page, i)), "2026-02"));

  g_clear_pointer (&filter->from, g_free);
  g_clear_pointer (&filter->to, g_free);
  exec_sql (store, "UPDATE records SET reported_on = '2026-04-01' WHERE id <= 5");
  filter->reported = ASKAROV_REPORTED_YES;
  g_assert_true (askarov_store_count_records (store, filter, &count, &error));
  g_assert_cmpuint (count, ==, 5);
  filter->reported = ASKAROV_REPORTED_NO;
  g_assert_true (askarov_store_count_records (store, filter, &count, &error));
  g_assert_cmpuint (count, ==, 26);
}

static void
test_records_totals (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovRecordTotals) totals = NULL;
  g_autoptr(AskarovRecordTotals) period = NULL;
  g_autoptr(AskarovRecordFilter) filter = askarov_record_filter_new ();
  g_autoptr(GError) error = NULL;
  struct { const char *case_name; AskarovChannel channel; const char *date; } rows[] = {
    { "Askarov", ASKAROV_CHANNEL_LETTER, "2026-01-10" },
    { "Askarov", ASKAROV_CHANNEL_LETTER, "2026-01-11" },
    { "Askarov", ASKAROV_CHANNEL_CALL, "2026-02-01" },
    { "Other", ASKAROV_CHANNEL_EMAIL, "2026-02-15" },
    { NULL, ASKAROV_CHANNEL_PETITION, "2026-03-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_object_unref (add (store, rows[i].case_name, rows[i].channel, rows[i].date));

  totals = askarov_store_compute_totals (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->n_records, ==, 5);
  g_assert_cmpuint (totals->n_unreported, ==, 5);
  g_assert_cmpuint (totals->by_channel->len, ==, ASKAROV_N_CHANNELS);
  g_assert_cmpuint (find_total (totals->by_channel, "letter"), ==, 2);
  g_assert_cmpuint (find_total (totals->by_channel, "call"), ==, 1);
  g_assert_cmpuint (find_total (totals->by_channel, "fax"), ==, 0);
  g_assert_cmpuint (totals->by_case->len, ==, 3);
  g_assert_cmpstr (((AskarovRecordTotal *) g_ptr_array_index (totals->by_case, 0))->label, ==, "Askarov");
  g_assert_cmpuint (find_total (totals->by_case, "Askarov"), ==, 3);
  g_assert_cmpuint (find_total (totals->by_case, "No case"), ==, 1);
  g_assert_cmpuint (totals->by_month->len, ==, 3);
  g_assert_cmpstr (((AskarovRecordTotal *) g_ptr_array_index (totals->by_month, 0))->key, ==, "2026-01");
  g_assert_cmpuint (find_total (totals->by_month, "2026-02"), ==, 2);

  /* With a period, the totals are counted from the records themselves;
   * both ways must agree. */
  filter->from = g_strdup ("2026-02-01");
  period = askarov_store_compute_totals (store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (period->n_records, ==, 3);
  g_assert_cmpuint (find_total (period->by_case, "Askarov"), ==, 1);
  g_assert_cmpuint (find_total (period->by_month, "2026-01"), ==, 0);

  /* A month-aligned period is answered from the summary table, any other
   * one by scanning the records: both must give the same figures. */
  {
    g_autoptr(AskarovRecordFilter) aligned = askarov_record_filter_new ();
    g_autoptr(AskarovRecordFilter) scanned = askarov_record_filter_new ();
    g_autoptr(AskarovRecordTotals) a = NULL;
    g_autoptr(AskarovRecordTotals) b = NULL;
    guint count_a = 0, count_b = 0;

    aligned->from = g_strdup ("2026-02-01");
    aligned->to = g_strdup ("2026-02-28");
    scanned->from = g_strdup ("2026-01-31");
    scanned->to = g_strdup ("2026-02-27");
    a = askarov_store_compute_totals (store, aligned, &error);
    b = askarov_store_compute_totals (store, scanned, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (a->n_records, ==, 2);
    g_assert_cmpuint (b->n_records, ==, 2);
    g_assert_cmpuint (a->by_case->len, ==, b->by_case->len);
    g_assert_cmpuint (find_total (a->by_case, "Other"), ==, find_total (b->by_case, "Other"));
    g_assert_cmpuint (find_total (a->by_channel, "call"), ==, 1);
    g_assert_cmpuint (find_total (b->by_channel, "call"), ==, 1);
    g_assert_true (askarov_store_count_records (store, aligned, &count_a, &error));
    g_assert_true (askarov_store_count_records (store, scanned, &count_b, &error));
    g_assert_cmpuint (count_a, ==, 2);
    g_assert_cmpuint (count_b, ==, 2);
    /* The last of a month includes the last day. */
    g_clear_pointer (&aligned->to, g_free);
    aligned->to = g_strdup ("2026-01-31");
    aligned->from = (g_free (aligned->from), g_strdup ("2026-01-01"));
    g_assert_true (askarov_store_count_records (store, aligned, &count_a, &error));
    g_assert_cmpuint (count_a, ==, 2);
  }

  /* The summary table always equals a plain count. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM ("
                                     "SELECT coalesce (case_id, 0) k, channel c, substr (taken_on, 1, 7) m, count(*) n FROM records GROUP BY 1, 2, 3 "
                                     "EXCEPT SELECT case_key, channel, month, sum (n) FROM record_counts GROUP BY 1, 2, 3)"), ==, 0);
}

static void
test_records_deleted_case_keeps_history (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovActionRecord) stored = add (store, "Gone case", ASKAROV_CHANNEL_LETTER, "2026-01-10");
  g_autoptr(AskarovActionRecord) again = NULL;
  g_autoptr(AskarovRecordTotals) totals = NULL;
  g_autoptr(GError) error = NULL;

  exec_sql (store, "DELETE FROM cases");
  again = askarov_store_get_record (store, askarov_action_record_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpint (askarov_action_record_get_case_id (again), ==, 0);
  g_assert_cmpstr (askarov_action_record_get_case_name (again), ==, "Gone case");

  totals = askarov_store_compute_totals (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->by_case->len, ==, 1);
  g_assert_cmpuint (find_total (totals->by_case, "Gone case"), ==, 1);
}

static void
add_document (AskarovStore *store,
              const char   *case_name,
              const char   *reference,
              const char   *deadline,
              const char   *hash)
{
  g_autofree char *sql = g_strdup_printf ("INSERT OR IGNORE INTO cases (name) VALUES ('%s');"
                                          "INSERT INTO documents (case_id, title, format, body, search_body, content_hash, reference, deadline, languages) "
                                          "VALUES ((SELECT id FROM cases WHERE name = '%s'), 'UA', 'text', 'b', 'b', '%s', '%s', '%s', 'ru,en');",
                                          case_name, case_name, hash, reference, deadline);

  exec_sql (store, sql);
}

/* Log Action offers every case and every UA or update, in a case or not,
 * with each UA's own targets. */
static void
test_records_log_choices (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;
  AskarovCaseChoice *choice;
  gint64 lone_id;

  add_document (store, "Askarov", "61/20", "2026-03-10", "h1");
  exec_sql (store, "INSERT INTO documents (title, format, body, search_body, content_hash, kind, reference, "
                   "sort_date, languages) VALUES ('Tajikistan: Lawyer held', 'text', 'b', 'b', 'h2', "
                   "'urgent-action', '209/15', '2026-03-01', 'tg');"
                   "INSERT INTO documents (title, format, body, search_body, content_hash, kind, sort_date) "
                   "VALUES ('A press article', 'text', 'b', 'b', 'h3', 'article', '2026-03-02');");
  exec_sql (store, "UPDATE documents SET kind = 'urgent-action', sort_date = '2026-02-01' WHERE content_hash = 'h1'");
  lone_id = count_rows (store, "SELECT id FROM documents WHERE content_hash = 'h2'");
  exec_sql (store, "INSERT INTO targets (document_id, position, name, title) "
                   "SELECT id, 0, 'Farhod Salim', 'Ambassador' FROM documents WHERE content_hash = 'h2'");

  choices = askarov_store_list_log_choices (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 3);   /* one case, two UAs; no article */
  choice = g_ptr_array_index (choices, 0);
  g_assert_cmpstr (choice->name, ==, "Askarov");
  g_assert_cmpint (choice->document_id, ==, 0);
  g_assert_cmpstr (choice->reference, ==, "61/20");
  /* Newest UA first: the one in no case. */
  choice = g_ptr_array_index (choices, 1);
  g_assert_cmpint (choice->document_id, ==, lone_id);
  g_assert_cmpint (choice->case_id, ==, 0);
  g_assert_null (choice->name);
  g_assert_cmpstr (choice->reference, ==, "209/15");
  g_assert_cmpstr (choice->title, ==, "Tajikistan: Lawyer held");
  choice = g_ptr_array_index (choices, 2);
  g_assert_cmpstr (choice->name, ==, "Askarov");
  g_assert_cmpint (choice->case_id, !=, 0);
  g_assert_cmpstr (choice->reference, ==, "61/20");

  targets = askarov_store_list_document_target_choices (store, lone_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 1);
  g_assert_cmpstr (((AskarovTargetChoice *) g_ptr_array_index (targets, 0))->name, ==, "Farhod Salim");
  g_assert_cmpstr (((AskarovTargetChoice *) g_ptr_array_index (targets, 0))->language, ==, "tg");
}

static void
test_records_deadlines_reminders (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  AskarovCaseDeadline *item;

  add_document (store, "Soon", "UA 1/26", "2026-03-10", "h1");
  add_document (store, "Soon", "UA 1/26 update", "2026-03-20", "h2");   /* the latest deadline counts */
  add_document (store, "Later", "UA 2/26", "2026-04-30", "h3");
  add_document (store, "Passed", "UA 3/26", "2026-02-01", "h4");

  deadlines = askarov_store_list_deadlines (store, "2026-03-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadlines->len, ==, 3);
  item = g_ptr_array_index (deadlines, 0);
  g_assert_cmpstr (item->name, ==, "Soon");
  g_assert_cmpstr (item->deadline, ==, "2026-03-20");
  g_assert_cmpstr (item->reference, ==, "UA 1/26 update");
  g_assert_cmpint (item->days_left, ==, 5);
  item = g_ptr_array_index (deadlines, 1);
  g_assert_cmpstr (item->name, ==, "Later");
  g_assert_cmpint (item->days_left, ==, 46);
  item = g_ptr_array_index (deadlines, 2);
  g_assert_cmpstr (item->name, ==, "Passed");
  g_assert_cmpint (item->days_left, ==, -42);

  /* Within 7 days and nothing logged: only "Soon". */
  due = askarov_store_list_due_reminders (store, "2026-03-15", 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  item = g_ptr_array_index (due, 0);
  g_assert_cmpstr (item->name, ==, "Soon");
  g_assert_true (askarov_store_set_reminder_sent (store, item->case_id, item->deadline, &error));
  g_clear_pointer (&due, g_ptr_array_unref);
  due = askarov_store_list_due_reminders (store, "2026-03-15", 7, &error);
  g_assert_cmpuint (due->len, ==, 0);

  /* Logging an action for "Later" stops its reminder too. */
  g_clear_pointer (&due, g_ptr_array_unref);
  g_object_unref (add (store, "Later", ASKAROV_CHANNEL_LETTER, "2026-03-15"));
  due = askarov_store_list_due_reminders (store, "2026-04-25", 7, &error);
  g_assert_cmpuint (due->len, ==, 0);
}

static void
test_records_case_and_target_choices (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(AskarovActionRecord) record = askarov_action_record_new ();
  g_autoptr(AskarovActionRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  AskarovCaseChoice *choice;
  AskarovTargetChoice *target;

  add_document (store, "Askarov", "UA 1/26", "2026-03-10", "h1");
  exec_sql (store, "INSERT INTO targets (document_id, position, name, title) VALUES (1, 0, 'Prosecutor General', 'Office');"
                   "INSERT INTO targets (document_id, position, name, title) VALUES (1, 1, 'President', NULL);"
                   "INSERT INTO targets (document_id, position, name, title) VALUES (1, 2, 'President', 'dup');");
  cases = askarov_store_list_case_choices (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  choice = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (choice->name, ==, "Askarov");
  g_assert_cmpstr (choice->reference, ==, "UA 1/26");

  targets = askarov_store_list_target_choices (store, choice->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 2);
  target = g_ptr_array_index (targets, 0);
  g_assert_cmpstr (target->name, ==, "Prosecutor General");
  g_assert_cmpstr (target->language, ==, "ru");

  /* A record logged with only the case id gets the name and the reference. */
  askarov_action_record_set_case_id (record, choice->case_id);
  askarov_action_record_set_taken_on (record, "2026-03-01");
  stored = askarov_store_add_record (store, record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (askarov_action_record_get_case_name (stored), ==, "Askarov");
  g_assert_cmpstr (askarov_action_record_get_reference (stored), ==, "UA 1/26");
}

static void
test_records_mark_reported (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  gint64 ids[3];
  guint n = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AskarovActionRecord) r = add (store, "Case", ASKAROV_CHANNEL_LETTER, "2026-01-01");

      ids[i] = askarov_action_record_get_id (r);
    }

  g_assert_true (askarov_store_mark_reported (store, ids, 2, "2026-01-05", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE reported_on = '2026-01-05'"), ==, 2);
  /* Again: nothing changes. */
  g_assert_true (askarov_store_mark_reported (store, ids, 2, "2026-01-05", &n, &error));
  g_assert_cmpuint (n, ==, 0);

  refs = askarov_store_list_references (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refs->len, ==, 1);
  g_assert_cmpuint (((AskarovReferenceCount *) g_ptr_array_index (refs, 0))->n_records, ==, 3);
  g_assert_cmpuint (((AskarovReferenceCount *) g_ptr_array_index (refs, 0))->n_unreported, ==, 1);

  g_assert_false (askarov_store_mark_reported (store, ids, 3, "yesterday", &n, &error));
  g_assert_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID);
}

/* The corrupt-database handling seen from the records: a damaged file with
 * actions in it is kept aside byte for byte, and logging goes on. */
static void
test_records_corrupt_database_kept (void)
{
  g_autofree char *path = askarov_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *original = NULL;
  g_autofree char *kept = NULL;
  gsize original_len = 0;
  gsize kept_len = 0;
  g_autoptr(AskarovStore) reopened = NULL;
  g_autoptr(AskarovActionRecord) fresh = NULL;
  g_autoptr(GError) error = NULL;
  AskarovStore *store;

  store = open_store ();
  for (guint i = 0; i < 200; i++)
    g_object_unref (add (store, "Case", ASKAROV_CHANNEL_LETTER, "2026-01-01"));
  exec_sql (store, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_object_unref (store);

  /* Overwrite the middle of the file with garbage. */
  g_assert_true (g_file_get_contents (path, &original, &original_len, NULL));
  g_assert_cmpuint (original_len, >, 8192);
  memset (original + 4096, 0x5a, original_len - 4096);
  g_assert_true (g_file_set_contents (path, original, original_len, NULL));

  reopened = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (askarov_store_get_moved_aside (reopened));
  g_assert_true (g_file_get_contents (askarov_store_get_moved_aside (reopened), &kept, &kept_len, NULL));
  g_assert_cmpuint (kept_len, ==, original_len);
  g_assert_true (memcmp (kept, original, kept_len) == 0);

  fresh = add (reopened, "Case", ASKAROV_CHANNEL_EMAIL, "2026-01-02");
  g_assert_cmpint (count_rows (reopened, "SELECT count(*) FROM records"), ==, 1);
  g_assert_true (askarov_store_integrity_check (reopened, &error));
}

/* ---- The list model ---------------------------------------------------- */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_signals++;
}

static void
wait_changes (Changes *changes,
              guint    n)
{
  while (changes->n_signals < n)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_item_loaded (AskarovActionRecord *record)
{
  while (!askarov_action_record_get_loaded (record))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_records_list_model (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovRecordList) list = NULL;
  g_autoptr(AskarovActionRecord) item = NULL;
  g_autoptr(AskarovActionRecord) newest = NULL;
  g_autoptr(AskarovActionRecord) middle = NULL;
  g_autoptr(AskarovActionRecord) deleted = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };

  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", 1 + i / 28, 1 + i % 28);

      g_object_unref (add (store, "Case", ASKAROV_CHANNEL_LETTER, date));
    }

  list = askarov_record_list_new (store, NULL);
  g_assert_true (askarov_record_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  wait_record_list_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* An item far down is a placeholder until its page arrives. */
  item = g_list_model_get_item (G_LIST_MODEL (list), 249);
  wait_item_loaded (item);
  g_assert_cmpstr (askarov_action_record_get_taken_on (item), ==, "2025-01-01");
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  wait_item_loaded (item);
  g_assert_cmpstr (askarov_action_record_get_taken_on (item), ==, "2025-09-26");
  g_clear_object (&item);

  /* A new, newest record: one insertion at the top. */
  newest = add (store, "Case", ASKAROV_CHANNEL_CALL, "2026-01-01");
  wait_changes (&changes, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 251);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (askarov_action_record_get_id (item), ==, askarov_action_record_get_id (newest));
  g_clear_object (&item);

  /* One dated in the middle (not loaded there yet): inserted at its place. */
  middle = add (store, "Case", ASKAROV_CHANNEL_EMAIL, "2025-05-15");
  wait_changes (&changes, 2);
  g_assert_cmpuint (changes.added, ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), changes.position);
  g_assert_cmpint (askarov_action_record_get_id (item), ==, askarov_action_record_get_id (middle));
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (list), changes.position + 1);
  wait_item_loaded (item);
  g_assert_cmpstr (askarov_action_record_get_taken_on (item), <=, "2025-05-15");
  g_clear_object (&item);

  /* An edit that keeps the place: the same row is changed in place. */
  askarov_action_record_set_note (newest, "edited");
  g_assert_true (askarov_store_update_record (store, newest, &error));
  wait_changes (&changes, 3);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (askarov_action_record_get_note (item), ==, "edited");
  g_clear_object (&item);

  /* Delete: one removal; undo: one insertion at the same place. */
  deleted = askarov_store_delete_record (store, askarov_action_record_get_id (newest), &error);
  g_assert_no_error (error);
  wait_changes (&changes, 4);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 251);
  g_assert_true (askarov_store_restore_record (store, deleted, &error));
  wait_changes (&changes, 5);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 252);
}

static void
test_records_list_model_filtered (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovRecordList) list = NULL;
  g_autoptr(AskarovRecordFilter) filter = askarov_record_filter_new ();
  g_autoptr(AskarovActionRecord) call = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };

  g_object_unref (add (store, "Case", ASKAROV_CHANNEL_LETTER, "2026-01-01"));
  call = add (store, "Case", ASKAROV_CHANNEL_CALL, "2026-01-02");

  filter->channel = ASKAROV_CHANNEL_CALL;
  list = askarov_record_list_new (store, filter);
  wait_record_list_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* A letter does not enter a list of calls ... */
  g_object_unref (add (store, "Case", ASKAROV_CHANNEL_LETTER, "2026-01-03"));
  /* ... and a call changed into a fax leaves it. */
  askarov_action_record_set_channel (call, ASKAROV_CHANNEL_FAX);
  askarov_action_record_set_outcome (call, ASKAROV_OUTCOME_NONE);
  g_assert_true (askarov_store_update_record (store, call, &error));
  g_assert_no_error (error);
  wait_changes (&changes, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Changing the filter reloads. */
  filter->channel = -1;
  askarov_record_list_set_filter (list, filter);
  wait_record_list_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AskarovActionRecord **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = askarov_store_add_record_finish (ASKAROV_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
totals_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AskarovRecordTotals **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = askarov_store_compute_totals_finish (ASKAROV_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_records_async (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovActionRecord) record = make_record ("Case", ASKAROV_CHANNEL_LETTER, "2026-01-01");
  AskarovActionRecord *stored = NULL;
  AskarovRecordTotals *totals = NULL;

  askarov_store_add_record_async (store, record, NULL, added_cb, &stored);
  while (stored == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (askarov_action_record_get_id (stored), >, 0);
  g_object_unref (stored);

  askarov_store_compute_totals_async (store, NULL, NULL, totals_cb, &totals);
  while (totals == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (totals->n_records, ==, 1);
  askarov_record_totals_free (totals);
}

static void
bool_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  int *out = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == askarov_store_backup_async)
    ok = askarov_store_backup_finish (ASKAROV_STORE (object), result, &error);
  else
    ok = askarov_store_restore_finish (ASKAROV_STORE (object), result, &error);
  g_assert_no_error (error);
  *out = ok ? 1 : 0;
}

static void
count_reset_cb (gpointer counter)
{
  (*(guint *) counter)++;
}

static void
test_records_backup_restore_async (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autofree char *backup = g_build_filename (g_get_user_data_dir (), "backup.db", NULL);
  AskarovRecordMonitor *monitor = askarov_store_get_record_monitor (store);
  guint resets = 0;
  int done = -1;

  g_signal_connect_swapped (monitor, "records-reset", G_CALLBACK (count_reset_cb), &resets);
  g_object_unref (add (store, "Kept", ASKAROV_CHANNEL_LETTER, "2026-01-01"));

  askarov_store_backup_async (store, backup, NULL, bool_done_cb, &done);
  while (done < 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (done, ==, 1);

  g_object_unref (add (store, "Lost", ASKAROV_CHANNEL_EMAIL, "2026-01-02"));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 2);

  done = -1;
  askarov_store_restore_async (store, backup, NULL, bool_done_cb, &done);
  while (done < 0 || resets == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (done, ==, 1);
  g_assert_cmpuint (resets, ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT coalesce (sum (n), 0) FROM record_counts"), ==, 1);
  /* Logging goes on after a restore (the kept statements still work). */
  g_object_unref (add (store, "After", ASKAROV_CHANNEL_FAX, "2026-01-03"));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 2);
}

static void
test_records_from_variant (void)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (NULL);
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(AskarovActionRecord) record = NULL;
  g_autofree char *today = askarov_date_today ();

  g_variant_dict_insert (dict, "case-id", "x", (gint64) 7);
  g_variant_dict_insert (dict, "channel", "s", "call");
  g_variant_dict_insert (dict, "outcome", "s", "no-answer");
  g_variant_dict_insert (dict, "target-name", "s", "Ambassador");
  g_variant_dict_insert (dict, "confirm", "b", TRUE);
  fields = g_variant_ref_sink (g_variant_dict_end (dict));

  record = askarov_action_record_new_from_variant (fields);
  g_assert_cmpint (askarov_action_record_get_case_id (record), ==, 7);
  g_assert_cmpint (askarov_action_record_get_channel (record), ==, ASKAROV_CHANNEL_CALL);
  g_assert_cmpint (askarov_action_record_get_outcome (record), ==, ASKAROV_OUTCOME_NO_ANSWER);
  g_assert_cmpstr (askarov_action_record_get_target_name (record), ==, "Ambassador");
  g_assert_cmpstr (askarov_action_record_get_taken_on (record), ==, today);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/records/add-get", test_records_add_get);
  g_test_add_func ("/records/invalid-refused", test_records_invalid_refused);
  g_test_add_func ("/records/update", test_records_update);
  g_test_add_func ("/records/delete-undo", test_records_delete_undo);
  g_test_add_func ("/records/undo-after-new-action", test_records_undo_after_new_action);
  g_test_add_func ("/records/migration-autoincrement", test_records_migration_autoincrement);
  g_test_add_func ("/records/two-identical-actions", test_records_two_identical_actions);
  g_test_add_func ("/records/list-filters-paging", test_records_list_filters_paging);
  g_test_add_func ("/records/totals", test_records_totals);
  g_test_add_func ("/records/deleted-case-keeps-history", test_records_deleted_case_keeps_history);
  g_test_add_func ("/records/deadlines-reminders", test_records_deadlines_reminders);
  g_test_add_func ("/records/case-and-target-choices", test_records_case_and_target_choices);
  g_test_add_func ("/records/log-choices", test_records_log_choices);
  g_test_add_func ("/records/mark-reported", test_records_mark_reported);
  g_test_add_func ("/records/corrupt-database-kept", test_records_corrupt_database_kept);
  g_test_add_func ("/records/list-model", test_records_list_model);
  g_test_add_func ("/records/list-model-filtered", test_records_list_model_filtered);
  g_test_add_func ("/records/async", test_records_async);
  g_test_add_func ("/records/backup-restore-async", test_records_backup_restore_async);
  g_test_add_func ("/records/from-variant", test_records_from_variant);

  return g_test_run ();
}
