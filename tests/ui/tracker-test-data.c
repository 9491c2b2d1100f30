/* tracker-test-data.c — cases, documents and records for Actions page tests and screenshots.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tracker-test-data.h"

#include "askarov-store-private.h"

char *
tracker_test_date (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gint64
insert (AskarovStore *store,
        const char   *sql,
        const char  **texts,
        guint         n_texts,
        gint64        number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = askarov_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_texts; i++)
    askarov_store_bind_text_or_null (stmt, i + 1, texts[i]);
  if (number != 0)
    sqlite3_bind_int64 (stmt, n_texts + 1, number);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  return sqlite3_last_insert_rowid (askarov_store_get_db (store));
}

gint64
tracker_test_add_case (AskarovStore *store,
                       const char   *name,
                       const char   *reference,
                       int           days_from_today)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autofree char *deadline = tracker_test_date (days_from_today);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, reference, -1);
  g_autofree char *title = g_strdup_printf ("Urgent Action %s", reference);
  const char *case_texts[] = { name };
  const char *doc_texts[] = { title, "Test body.", "test body.", hash, reference, deadline };
  const char *target1[] = { "Sooronbay Jeenbekov", "President of Kyrgyzstan" };
  const char *target2[] = { "Bolot Otunbaev", "Ambassador of the Kyrgyz Republic" };
  gint64 case_id;
  gint64 document_id;

  case_id = insert (store, "INSERT INTO cases (name) VALUES (?)", case_texts, 1, 0);
  document_id = insert (store,
                        "INSERT INTO documents (title, format, body, search_body, content_hash, kind, "
                        "reference, deadline, languages, case_id) "
                        "VALUES (?, 'text', ?, ?, ?, 'urgent-action', ?, ?, 'ru,en', ?)",
                        doc_texts, G_N_ELEMENTS (doc_texts), case_id);
  insert (store, "INSERT INTO targets (position, name, title, document_id) VALUES (0, ?, ?, ?)",
          target1, 2, document_id);
  insert (store, "INSERT INTO targets (position, name, title, document_id) VALUES (1, ?, ?, ?)",
          target2, 2, document_id);
  return case_id;
}

gint64
tracker_test_add_ua (AskarovStore *store,
                     const char   *reference,
                     const char   *title,
                     const char   *target,
                     const char   *target_title)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, title, -1);
  const char *doc_texts[] = { title, "A lawyer was detained.", "a lawyer was detained.", hash, reference };
  const char *target_texts[] = { target, target_title };
  gint64 document_id;

  document_id = insert (store,
                        "INSERT INTO documents (title, format, body, search_body, content_hash, kind, "
                        "reference, languages) VALUES (?, 'text', ?, ?, ?, 'urgent-action', ?, 'tg,ru')",
                        doc_texts, G_N_ELEMENTS (doc_texts), 0);
  insert (store, "INSERT INTO targets (position, name, title, document_id) VALUES (0, ?, ?, ?)",
          target_texts, 2, document_id);
  return document_id;
}

AskarovActionRecord *
tracker_test_add_record (AskarovStore  *store,
                         gint64         case_id,
                         const char    *reference,
                         const char    *target,
                         AskarovChannel channel,
                         AskarovOutcome outcome,
                         const char    *language,
                         const char    *taken_on)
{
  g_autoptr(AskarovActionRecord) record = askarov_action_record_new ();
  g_autoptr(GError) error = NULL;
  AskarovActionRecord *stored;

  askarov_action_record_set_case_id (record, case_id);
  askarov_action_record_set_reference (record, reference);
  askarov_action_record_set_target_name (record, target);
  askarov_action_record_set_channel (record, channel);
  askarov_action_record_set_outcome (record, outcome);
  askarov_action_record_set_language (record, language);
  askarov_action_record_set_taken_on (record, taken_on);
  stored = askarov_store_add_record (store, record, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

void
tracker_test_add_sample (AskarovStore *store)
{
  gint64 askarov = tracker_test_add_case (store, "Azimjan Askarov", "61/20", 5);
  gint64 other = tracker_test_add_case (store, "Sample Case", "12/26", -3);
  const char *targets[] = { "Sooronbay Jeenbekov", "Bolot Otunbaev", NULL, "Prosecutor General" };
  const char *languages[] = { "ru", "en", "ky", "ru", "de" };
  const AskarovChannel channels[] = {
    ASKAROV_CHANNEL_LETTER, ASKAROV_CHANNEL_EMAIL, ASKAROV_CHANNEL_CALL, ASKAROV_CHANNEL_LETTER,
    ASKAROV_CHANNEL_POST, ASKAROV_CHANNEL_FAX, ASKAROV_CHANNEL_PETITION,
  };

  for (guint i = 0; i < 36; i++)
    {
      g_autofree char *date = tracker_test_date (-(int) (i * 5 + i % 3));
      AskarovChannel channel = channels[i % G_N_ELEMENTS (channels)];
      AskarovOutcome outcome = channel == ASKAROV_CHANNEL_CALL
                             ? (i % 2 ? ASKAROV_OUTCOME_VOICEMAIL : ASKAROV_OUTCOME_REACHED)
                             : ASKAROV_OUTCOME_SENT;
      gboolean first = i % 4 != 3;
      g_autoptr(AskarovActionRecord) record =
        tracker_test_add_record (store, first ? askarov : other, first ? "61/20" : "12/26",
                                 targets[i % G_N_ELEMENTS (targets)], channel, outcome,
                                 languages[i % G_N_ELEMENTS (languages)], date);

      /* The older half has been reported already. */
      if (i > 18)
        {
          gint64 id = askarov_action_record_get_id (record);
          g_autoptr(GError) error = NULL;
          guint n = 0;

          askarov_store_mark_reported (store, &id, 1, date, &n, &error);
          g_assert_no_error (error);
        }
    }
}
