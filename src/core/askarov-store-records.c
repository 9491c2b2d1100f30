/* askarov-store-records.c — the records part of the store: logged actions, totals and deadlines.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-records"

#include "config.h"

#include "askarov-store-records.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "askarov-records-private.h"

G_DEFINE_QUARK (askarov-record-error-quark, askarov_record_error)

void
askarov_records_filter_sql (const AskarovRecordFilter *filter,
                            GString                   *sql)
{
  if (filter == NULL)
    return;
  if (filter->case_id != 0)
    g_string_append (sql, " AND r.case_id = :case_id");
  if (filter->channel >= 0)
    g_string_append (sql, " AND r.channel = :channel");
  if (filter->from != NULL && *filter->from != '\0')
    g_string_append (sql, " AND r.taken_on >= :from");
  if (filter->to != NULL && *filter->to != '\0')
    g_string_append (sql, " AND r.taken_on <= :to");
  if (filter->reported == ASKAROV_REPORTED_NO)
    g_string_append (sql, " AND r.reported_on IS NULL");
  else if (filter->reported == ASKAROV_REPORTED_YES)
    g_string_append (sql, " AND r.reported_on IS NOT NULL");
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
askarov_records_filter_bind (const AskarovRecordFilter *filter,
                             sqlite3_stmt              *stmt)
{
  int index;

  if (filter == NULL)
    return;
  if ((index = sqlite3_bind_parameter_index (stmt, ":case_id")) > 0)
    sqlite3_bind_int64 (stmt, index, filter->case_id);
  if (filter->channel >= 0 && filter->channel < ASKAROV_N_CHANNELS)
    bind_named_text (stmt, ":channel", askarov_channel_to_id (filter->channel));
  else if (filter->channel >= ASKAROV_N_CHANNELS)
    bind_named_text (stmt, ":channel", "");
  bind_named_text (stmt, ":from", filter->from);
  bind_named_text (stmt, ":to", filter->to);
}

/* Finds the case called @name, or creates it. */
static gint64
ensure_case_locked (AskarovStore  *store,
                    const char    *name,
                    GError       **error)
{
  g_autoptr(AskarovCachedStmt) find = NULL;
  g_autoptr(AskarovCachedStmt) insert = NULL;

  if (!(find = askarov_records_prepare_cached (store, "SELECT id FROM cases WHERE name = ?", error)))
    return 0;
  sqlite3_bind_text (find, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (find) == SQLITE_ROW)
    return sqlite3_column_int64 (find, 0);

  if (!(insert = askarov_records_prepare_cached (store, "INSERT INTO cases (name) VALUES (?)", error)))
    return 0;
  sqlite3_bind_text (insert, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      askarov_store_set_error (store, error, _("Saving the case"));
      return 0;
    }
  return sqlite3_last_insert_rowid (askarov_store_get_db (store));
}

/* Fills in the case name from its id, or the id from its name, and the
 * reference from the case's latest document when none was given. */
static gboolean
resolve_case_locked (AskarovStore        *store,
                     AskarovActionRecord *record,
                     GError             **error)
{
  gint64 case_id = askarov_action_record_get_case_id (record);

  if (case_id != 0)
    {
      g_autoptr(AskarovCachedStmt) stmt = NULL;

      if (!(stmt = askarov_records_prepare_cached (store,
                                          "SELECT c.name, (SELECT d.reference FROM documents d WHERE d.case_id = c.id "
                                          "AND d.reference IS NOT NULL ORDER BY d.issued DESC, d.id DESC LIMIT 1) "
                                          "FROM cases c WHERE c.id = ?", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID,
                       _("The case of this action no longer exists."));
          return FALSE;
        }
      askarov_action_record_set_case_name (record, (const char *) sqlite3_column_text (stmt, 0));
      if (askarov_action_record_get_reference (record) == NULL)
        askarov_action_record_set_reference (record, (const char *) sqlite3_column_text (stmt, 1));
    }
  else if (askarov_action_record_get_case_name (record) != NULL)
    {
      case_id = ensure_case_locked (store, askarov_action_record_get_case_name (record), error);
      if (case_id == 0)
        return FALSE;
      askarov_action_record_set_case_id (record, case_id);
    }
  return TRUE;
}

/* The next free sequence number for @key (0 when the key is new). */
static gboolean
next_seq_locked (AskarovStore  *store,
                 const char    *key,
                 gint64         except_id,
                 gint64        *seq,
                 GError       **error)
{
  g_autoptr(AskarovCachedStmt) stmt = NULL;

  if (!(stmt = askarov_records_prepare_cached (store,
                                      "SELECT coalesce (max (natural_seq) + 1, 0) FROM records "
                                      "WHERE natural_key = ? AND id != ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return askarov_store_set_error (store, error, _("Reading the actions"));
  *seq = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void
bind_record_fields (sqlite3_stmt        *stmt,
                    AskarovActionRecord *record)
{
  gint64 case_id = askarov_action_record_get_case_id (record);
  gint64 draft_id = askarov_action_record_get_draft_id (record);

  if (case_id != 0)
    sqlite3_bind_int64 (stmt, 1, case_id);
  else
    sqlite3_bind_null (stmt, 1);
  askarov_store_bind_text_or_null (stmt, 2, askarov_action_record_get_case_name (record));
  askarov_store_bind_text_or_null (stmt, 3, askarov_action_record_get_reference (record));
  askarov_store_bind_text_or_null (stmt, 4, askarov_action_record_get_target_name (record));
  askarov_store_bind_text_or_null (stmt, 5, askarov_action_record_get_target_title (record));
  sqlite3_bind_text (stmt, 6, askarov_channel_to_id (askarov_action_record_get_channel (record)), -1, SQLITE_STATIC);
  askarov_store_bind_text_or_null (stmt, 7, askarov_outcome_to_string (askarov_action_record_get_outcome (record)));
  askarov_store_bind_text_or_null (stmt, 8, askarov_action_record_get_language (record));
  sqlite3_bind_text (stmt, 9, askarov_action_record_get_taken_on (record), -1, SQLITE_TRANSIENT);
  askarov_store_bind_text_or_null (stmt, 10, askarov_action_record_get_note (record));
  if (draft_id != 0)
    sqlite3_bind_int64 (stmt, 11, draft_id);
  else
    sqlite3_bind_null (stmt, 11);
  askarov_store_bind_text_or_null (stmt, 12, askarov_action_record_get_reported_on (record));
}

/* A draft that was deleted since is not an error: the link just goes. */
static gboolean
check_draft_locked (AskarovStore        *store,
                    AskarovActionRecord *record,
                    GError             **error)
{
  g_autoptr(AskarovCachedStmt) stmt = NULL;

  if (askarov_action_record_get_draft_id (record) == 0)
    return TRUE;
  if (!(stmt = askarov_records_prepare_cached (store, "SELECT 1 FROM drafts WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, askarov_action_record_get_draft_id (record));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    askarov_action_record_set_draft_id (record, 0);
  return TRUE;
}

gint64
askarov_records_insert_locked (AskarovStore        *store,
                               AskarovActionRecord *record,
                               gboolean             keep_id,
                               GError             **error)
{
  g_autoptr(AskarovCachedStmt) stmt = NULL;
  g_autofree char *key = NULL;
  gint64 seq = 0;

  if (!resolve_case_locked (store, record, error) || !check_draft_locked (store, record, error))
    return 0;

  key = askarov_records_natural_key (record);
  if (!next_seq_locked (store, key, 0, &seq, error))
    return 0;

  if (!(stmt = askarov_records_prepare_cached (store,
                                      "INSERT INTO records (case_id, case_name, reference, target_name, target_title, "
                                      "channel, outcome, language, taken_on, note, draft_id, reported_on, "
                                      "natural_key, natural_seq, id, created_at, uuid, volunteer) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                                      "coalesce (?16, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')), ?17, "
                                      "coalesce (?18, (SELECT value FROM library_state WHERE key = 'volunteer_id')))", error)))
    return 0;
  /* Every action has its own id from the start; one coming from a CSV
   * file or an undo keeps the id it had. */
  if (askarov_action_record_get_uuid (record) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      askarov_action_record_set_uuid (record, uuid);
    }
  bind_record_fields (stmt, record);
  sqlite3_bind_text (stmt, 17, askarov_action_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  askarov_store_bind_text_or_null (stmt, 18, askarov_action_record_get_volunteer (record));
  sqlite3_bind_text (stmt, 13, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 14, seq);
  if (keep_id)
    {
      sqlite3_bind_int64 (stmt, 15, askarov_action_record_get_id (record));
      askarov_store_bind_text_or_null (stmt, 16, askarov_action_record_get_created_at (record));
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      askarov_store_set_error (store, error, _("Saving the action"));
      return 0;
    }
  return sqlite3_last_insert_rowid (askarov_store_get_db (store));
}

AskarovActionRecord *
askarov_records_get_locked (AskarovStore  *store,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(AskarovCachedStmt) stmt = NULL;
  int rc;

  if (!(stmt = askarov_records_prepare_cached (store,
                                      "SELECT " ASKAROV_RECORD_COLUMNS " FROM " ASKAROV_RECORD_FROM " WHERE r.id = ?",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return askarov_records_read_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND,
                 _("This action no longer exists; it may have been deleted."));
  else
    askarov_store_set_error (store, error, _("Reading the action"));
  return NULL;
}

/* ---- Public API ------------------------------------------------------- */

/**
 * askarov_store_add_record:
 * @record: the action to log; it is not changed
 *
 * Returns: (transfer full): the stored record, with its id and case filled in
 */
AskarovActionRecord *
askarov_store_add_record (AskarovStore         *self,
                          AskarovActionRecord  *record,
                          GError              **error)
{
  g_autoptr(AskarovActionRecord) copy = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(AskarovActionRecord) stored = NULL;
  gint64 id;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);
  g_return_val_if_fail (ASKAROV_IS_ACTION_RECORD (record), NULL);

  copy = askarov_action_record_copy (record);
  if (!askarov_records_validate (copy, error))
    return NULL;
  /* A new action by this volunteer: its own new id, even when @record is
   * a copy of another one. */
  askarov_action_record_set_uuid (copy, NULL);
  askarov_action_record_set_volunteer (copy, NULL);

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return NULL;
  if ((id = askarov_records_insert_locked (self, copy, FALSE, error)) == 0 ||
      !(stored = askarov_records_get_locked (self, id, error)))
    {
      askarov_store_rollback (self);
      return NULL;
    }
  if (!askarov_store_commit (self, error))
    return NULL;
  g_clear_pointer (&locker, g_mutex_locker_free);

  askarov_records_emit_added (self, stored);
  return g_steal_pointer (&stored);
}

gboolean
askarov_store_update_record (AskarovStore         *self,
                             AskarovActionRecord  *record,
                             GError              **error)
{
  g_autoptr(AskarovActionRecord) copy = NULL;
  g_autoptr(AskarovActionRecord) old = NULL;
  g_autoptr(AskarovActionRecord) stored = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;
  g_autofree char *old_key = NULL;
  gint64 seq = 0;
  gint64 id;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ASKAROV_IS_ACTION_RECORD (record), FALSE);

  id = askarov_action_record_get_id (record);
  copy = askarov_action_record_copy (record);
  if (!askarov_records_validate (copy, error))
    return FALSE;

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return FALSE;
  if (!(old = askarov_records_get_locked (self, id, error)))
    goto fail;
  /* A changed case name with the same case id means the user picked
   * another case by name: look it up again. */
  if (askarov_action_record_get_case_id (copy) == askarov_action_record_get_case_id (old) &&
      g_strcmp0 (askarov_action_record_get_case_name (copy), askarov_action_record_get_case_name (old)) != 0 &&
      askarov_action_record_get_case_name (copy) != NULL)
    askarov_action_record_set_case_id (copy, 0);
  if (!resolve_case_locked (self, copy, error) || !check_draft_locked (self, copy, error))
    goto fail;

  key = askarov_records_natural_key (copy);
  old_key = askarov_records_natural_key (old);
  if (!g_str_equal (key, old_key) && !next_seq_locked (self, key, id, &seq, error))
    goto fail;

  if (!(stmt = askarov_store_prepare (self,
                                      "UPDATE records SET case_id = ?1, case_name = ?2, reference = ?3, "
                                      "target_name = ?4, target_title = ?5, channel = ?6, outcome = ?7, "
                                      "language = ?8, taken_on = ?9, note = ?10, draft_id = ?11, reported_on = ?12, "
                                      "natural_key = ?13, natural_seq = CASE WHEN natural_key = ?13 THEN natural_seq ELSE ?14 END "
                                      "WHERE id = ?15", error)))
    goto fail;
  bind_record_fields (stmt, copy);
  sqlite3_bind_text (stmt, 13, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 14, seq);
  sqlite3_bind_int64 (stmt, 15, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Saving the action"));
      goto fail;
    }
  if (!(stored = askarov_records_get_locked (self, id, error)))
    goto fail;
  if (!askarov_store_commit (self, error))
    return FALSE;
  g_clear_pointer (&locker, g_mutex_locker_free);

  askarov_records_emit_changed (self, old, stored);
  return TRUE;

fail:
  askarov_store_rollback (self);
  return FALSE;
}

/**
 * askarov_store_delete_record:
 *
 * Deletes the record in one transaction. Undo is
 * askarov_store_restore_record() with the returned record, which puts back
 * the same row (id, creation time, natural key).
 *
 * Returns: (transfer full): the deleted record, or %NULL with @error
 */
AskarovActionRecord *
askarov_store_delete_record (AskarovStore  *self,
                             gint64         id,
                             GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(AskarovActionRecord) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return NULL;
  if (!(old = askarov_records_get_locked (self, id, error)))
    goto fail;
  if (!(stmt = askarov_store_prepare (self, "DELETE FROM records WHERE id = ?", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Deleting the action"));
      goto fail;
    }
  if (!askarov_store_commit (self, error))
    return NULL;
  g_clear_pointer (&locker, g_mutex_locker_free);

  askarov_records_emit_removed (self, old);
  return g_steal_pointer (&old);

fail:
  askarov_store_rollback (self);
  return NULL;
}

gboolean
askarov_store_restore_record (AskarovStore         *self,
                              AskarovActionRecord  *record,
                              GError              **error)
{
  g_autoptr(AskarovActionRecord) copy = NULL;
  g_autoptr(AskarovActionRecord) stored = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) check = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ASKAROV_IS_ACTION_RECORD (record), FALSE);
  g_return_val_if_fail (askarov_action_record_get_id (record) > 0, FALSE);

  copy = askarov_action_record_copy (record);
  if (!askarov_records_validate (copy, error))
    return FALSE;

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return FALSE;
  /* The case may have been deleted in the meantime: keep the name only. */
  if (!(check = askarov_store_prepare (self, "SELECT 1 FROM cases WHERE id = ?", error)))
    goto fail;
  sqlite3_bind_int64 (check, 1, askarov_action_record_get_case_id (copy));
  if (sqlite3_step (check) != SQLITE_ROW)
    askarov_action_record_set_case_id (copy, 0);
  if (askarov_records_insert_locked (self, copy, TRUE, error) == 0 ||
      !(stored = askarov_records_get_locked (self, askarov_action_record_get_id (copy), error)))
    goto fail;
  if (!askarov_store_commit (self, error))
    return FALSE;
  g_clear_pointer (&locker, g_mutex_locker_free);

  askarov_records_emit_added (self, stored);
  return TRUE;

fail:
  askarov_store_rollback (self);
  return FALSE;
}

AskarovActionRecord *
askarov_store_get_record (AskarovStore  *self,
                          gint64         id,
                          GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  locker = askarov_store_lock (self);
  return askarov_records_get_locked (self, id, error);
}

GPtrArray *
askarov_store_list_records (AskarovStore              *self,
                            const AskarovRecordFilter *filter,
                            guint                      offset,
                            guint                      limit,
                            GError                   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new ("SELECT " ASKAROV_RECORD_COLUMNS " FROM " ASKAROV_RECORD_FROM
                                         " WHERE r.id IN (SELECT r.id FROM records r WHERE 1");
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  /* The rows to skip are counted in the subquery, which an index covers;
   * skipping them in the outer query would read each skipped row (seconds
   * for a page near the end of a million). */
  askarov_records_filter_sql (filter, sql);
  g_string_append (sql, " ORDER BY r.taken_on DESC, r.id DESC LIMIT :limit OFFSET :offset)"
                        " ORDER BY r.taken_on DESC, r.id DESC");

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self, sql->str, error)))
    return NULL;
  askarov_records_filter_bind (filter, stmt);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, askarov_records_read_row (stmt));
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the actions"));
      return NULL;
    }
  return g_steal_pointer (&records);
}

static gboolean
is_first_of_month (const char *date)
{
  return askarov_date_is_valid (date) && g_str_equal (date + 8, "01");
}

static gboolean
is_last_of_month (const char *date)
{
  int year, month;

  if (!askarov_date_is_valid (date))
    return FALSE;
  year = atoi (date);
  month = atoi (date + 5);
  return atoi (date + 8) == g_date_get_days_in_month (month, year);
}

/* The summary table, kept per month, answers every filter whose period
 * (if any) starts on the first of a month and ends on the last of one. */
static gboolean
filter_fits_counts (const AskarovRecordFilter *filter)
{
  return filter == NULL ||
         ((filter->from == NULL || *filter->from == '\0' || is_first_of_month (filter->from)) &&
          (filter->to == NULL || *filter->to == '\0' || is_last_of_month (filter->to)));
}

static void
counts_filter_sql (const AskarovRecordFilter *filter,
                   GString                   *sql)
{
  if (filter == NULL)
    return;
  if (filter->case_id != 0)
    g_string_append (sql, " AND k.case_key = :case_id");
  if (filter->channel >= 0)
    g_string_append (sql, " AND k.channel = :channel");
  if (filter->reported == ASKAROV_REPORTED_NO)
    g_string_append (sql, " AND k.reported = 0");
  else if (filter->reported == ASKAROV_REPORTED_YES)
    g_string_append (sql, " AND k.reported = 1");
  if (filter->from != NULL && *filter->from != '\0')
    g_string_append (sql, " AND k.month >= substr (:from_month, 1, 7)");
  if (filter->to != NULL && *filter->to != '\0')
    g_string_append (sql, " AND k.month <= substr (:to_month, 1, 7)");
}

static void
counts_filter_bind (const AskarovRecordFilter *filter,
                    sqlite3_stmt              *stmt)
{
  int index;

  if (filter == NULL)
    return;
  askarov_records_filter_bind (filter, stmt);
  if ((index = sqlite3_bind_parameter_index (stmt, ":from_month")) > 0)
    sqlite3_bind_text (stmt, index, filter->from, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":to_month")) > 0)
    sqlite3_bind_text (stmt, index, filter->to, -1, SQLITE_TRANSIENT);
}

gboolean
askarov_store_count_records (AskarovStore              *self,
                             const AskarovRecordFilter *filter,
                             guint                     *count,
                             GError                   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  if (filter_fits_counts (filter))
    {
      sql = g_string_new ("SELECT coalesce (sum (k.n), 0) FROM record_counts k WHERE 1");
      counts_filter_sql (filter, sql);
    }
  else
    {
      sql = g_string_new ("SELECT count(*) FROM records r WHERE 1");
      askarov_records_filter_sql (filter, sql);
    }

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self, sql->str, error)))
    return FALSE;
  counts_filter_bind (filter, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return askarov_store_set_error (self, error, _("Counting the actions"));
  *count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
askarov_store_record_position (AskarovStore              *self,
                               const AskarovRecordFilter *filter,
                               const char                *taken_on,
                               gint64                     id,
                               guint                     *position,
                               GError                   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM records r "
                                         "WHERE (r.taken_on > :taken_on OR (r.taken_on = :taken_on AND r.id > :id))");

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (taken_on != NULL, FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  askarov_records_filter_sql (filter, sql);

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self, sql->str, error)))
    return FALSE;
  askarov_records_filter_bind (filter, stmt);
  bind_named_text (stmt, ":taken_on", taken_on);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return askarov_store_set_error (self, error, _("Reading the actions"));
  *position = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

void
askarov_records_add_channel_totals (GPtrArray *by_channel,
                                    GPtrArray *counted)
{
  for (guint c = 0; c < ASKAROV_N_CHANNELS; c++)
    {
      const char *word = askarov_channel_to_id (c);
      guint count = 0;

      for (guint i = 0; i < counted->len; i++)
        {
          AskarovRecordTotal *t = g_ptr_array_index (counted, i);

          if (g_str_equal (t->key, word))
            count = t->count;
        }
      g_ptr_array_add (by_channel, askarov_record_total_new (word, askarov_channel_get_label (c), 0, count));
    }
}

/* Runs @sql (rows: key text, case id, label text, count) into @out. */
static gboolean
fill_totals (AskarovStore              *self,
             const char                *sql,
             const AskarovRecordFilter *filter,
             GPtrArray                 *out,
             GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = askarov_store_prepare (self, sql, error)))
    return FALSE;
  counts_filter_bind (filter, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *label = (const char *) sqlite3_column_text (stmt, 2);

      g_ptr_array_add (out, askarov_record_total_new (key != NULL ? key : "", label != NULL ? label : "",
                                              sqlite3_column_int64 (stmt, 1),
                                              (guint) sqlite3_column_int64 (stmt, 3)));
    }
  if (rc != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Counting the actions"));
  return TRUE;
}

/**
 * askarov_store_compute_totals:
 * @filter: (nullable): which records to count
 *
 * Counts by case, channel and month. Without a period in @filter this reads
 * the small summary table the triggers keep, not the records.
 *
 * Returns: (transfer full): the totals, or %NULL with @error
 */
AskarovRecordTotals *
askarov_store_compute_totals (AskarovStore              *self,
                              const AskarovRecordFilter *filter,
                              GError                   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(AskarovRecordTotals) totals = askarov_record_totals_new ();
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_record_total_free);
  g_autoptr(GString) source = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *no_case = _("No case");

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  /* "source" is a subquery with the summary table's columns, so that the
   * same grouping queries work with and without a period. */
  if (filter_fits_counts (filter))
    {
      source = g_string_new ("(SELECT k.* FROM record_counts k WHERE 1");
      counts_filter_sql (filter, source);
      g_string_append (source, ")");
    }
  else
    {
      source = g_string_new ("(SELECT coalesce (r.case_id, 0) AS case_key, "
                             "CASE WHEN r.case_id IS NULL THEN coalesce (r.case_name, '') ELSE '' END AS case_name, "
                             "r.channel AS channel, substr (r.taken_on, 1, 7) AS month, "
                             "r.reported_on IS NOT NULL AS reported, 1 AS n FROM records r WHERE 1");
      askarov_records_filter_sql (filter, source);
      g_string_append (source, ")");
    }

  locker = askarov_store_lock (self);

  g_string_printf (sql, "SELECT coalesce (sum (s.n), 0), coalesce (sum (CASE WHEN s.reported THEN 0 ELSE s.n END), 0) FROM %s s",
                   source->str);
  if (!(stmt = askarov_store_prepare (self, sql->str, error)))
    return NULL;
  counts_filter_bind (filter, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      askarov_store_set_error (self, error, _("Counting the actions"));
      return NULL;
    }
  totals->n_records = (guint) sqlite3_column_int64 (stmt, 0);
  totals->n_unreported = (guint) sqlite3_column_int64 (stmt, 1);

  g_string_printf (sql,
                   "SELECT CAST (s.case_key AS TEXT) || CASE WHEN s.case_key = 0 THEN ':' || s.case_name ELSE '' END, "
                   "s.case_key, coalesce (c.name, nullif (s.case_name, ''), '%s'), sum (s.n) AS total "
                   "FROM %s s LEFT JOIN cases c ON c.id = s.case_key "
                   "GROUP BY s.case_key, s.case_name ORDER BY total DESC, 3",
                   "\x01", source->str);
  if (!fill_totals (self, sql->str, filter, totals->by_case, error))
    return NULL;
  /* The placeholder keeps the translated "No case" out of the SQL text. */
  for (guint i = 0; i < totals->by_case->len; i++)
    {
      AskarovRecordTotal *t = g_ptr_array_index (totals->by_case, i);

      if (g_str_equal (t->label, "\x01"))
        g_set_str (&t->label, no_case);
    }

  g_string_printf (sql, "SELECT s.channel, 0, s.channel, sum (s.n) FROM %s s GROUP BY s.channel", source->str);
  if (!fill_totals (self, sql->str, filter, channels, error))
    return NULL;
  askarov_records_add_channel_totals (totals->by_channel, channels);

  g_string_printf (sql, "SELECT s.month, 0, s.month, sum (s.n) FROM %s s GROUP BY s.month ORDER BY s.month",
                   source->str);
  if (!fill_totals (self, sql->str, filter, totals->by_month, error))
    return NULL;

  return g_steal_pointer (&totals);
}

gboolean
askarov_store_mark_reported (AskarovStore  *self,
                             const gint64  *ids,
                             guint          n_ids,
                             const char    *date,
                             guint         *n_marked,
                             GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  guint marked = 0;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (date == NULL)
    date = today = askarov_date_today ();
  if (!askarov_date_is_valid (date))
    {
      g_set_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID,
                   _("The date reported “%s” is not a real day in the form YYYY-MM-DD."), date);
      return FALSE;
    }

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return FALSE;
  if (!(stmt = askarov_store_prepare (self,
                                      "UPDATE records SET reported_on = ?1 WHERE id = ?2 "
                                      "AND (reported_on IS NULL OR reported_on != ?1)", error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 2, ids[i]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          askarov_store_set_error (self, error, _("Marking the actions as reported"));
          goto fail;
        }
      marked += sqlite3_changes (askarov_store_get_db (self));
      sqlite3_reset (stmt);
    }
  if (!askarov_store_commit (self, error))
    return FALSE;
  g_clear_pointer (&locker, g_mutex_locker_free);

  if (n_marked != NULL)
    *n_marked = marked;
  if (marked > 0)
    askarov_records_emit_reset (self);
  return TRUE;

fail:
  askarov_store_rollback (self);
  return FALSE;
}
