/* askarov-records-private.h — what the records files share: row reading, natural keys, change events.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-store-private.h"
#include "askarov-store-records.h"

G_BEGIN_DECLS

/* The columns askarov_records_read_row() expects, from "records r LEFT JOIN cases c". */
#define ASKAROV_RECORD_COLUMNS \
  "r.id, r.case_id, coalesce (c.name, r.case_name), r.reference, r.target_name, r.target_title, " \
  "r.channel, r.outcome, r.language, r.taken_on, r.note, r.draft_id, r.reported_on, r.created_at, " \
  "r.uuid, r.volunteer"
#define ASKAROV_RECORD_FROM "records r LEFT JOIN cases c ON c.id = r.case_id"

AskarovActionRecord *askarov_records_read_row     (sqlite3_stmt        *stmt);

/* A statement prepared once per connection and kept (for the queries run
 * per record: preparing costs more than running them). @sql must be a
 * string literal: the cache is keyed by its address. Call with the lock
 * held; the statement is reset and its bindings cleared when the
 * g_autoptr(AskarovCachedStmt) holding it goes out of scope. */
typedef sqlite3_stmt AskarovCachedStmt;
AskarovCachedStmt   *askarov_records_prepare_cached (AskarovStore  *store,
                                                     const char    *sql,
                                                     GError       **error);
void                 askarov_cached_stmt_release    (AskarovCachedStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovCachedStmt, askarov_cached_stmt_release)

/* Hex hash of every exported column but reported_on. */
char                *askarov_records_natural_key  (AskarovActionRecord *record);

/* Whether a CSV cell would run as a spreadsheet formula, possibly behind
 * apostrophes the export added: ^'*[=+-@\t\r\n]. */
gboolean             askarov_records_csv_needs_guard (const char *cell);

/* Totals rows (askarov-records-types.c). */
AskarovRecordTotal  *askarov_record_total_new     (const char *key,
                                                   const char *label,
                                                   gint64      case_id,
                                                   guint       count);
void                 askarov_record_total_free    (AskarovRecordTotal *total);
AskarovRecordTotals *askarov_record_totals_new    (void);

/* Checks a record's fields; the message names the field, for the user. */
gboolean             askarov_records_validate     (AskarovActionRecord *record,
                                                   GError             **error);

/* Inserts @record (validated) with the lock held and a transaction open:
 * resolves or creates its case, computes the natural key and sequence.
 * With @keep_id the record's id and created-at are reused (undo delete).
 * Returns the new id, or 0 with @error. */
gint64               askarov_records_insert_locked (AskarovStore        *store,
                                                    AskarovActionRecord *record,
                                                    gboolean             keep_id,
                                                    GError             **error);
/* Reads one record with the lock held; NULL with NOT_FOUND when missing. */
AskarovActionRecord *askarov_records_get_locked   (AskarovStore        *store,
                                                   gint64               id,
                                                   GError             **error);

/* Appends " AND ..." clauses for @filter to @sql, and binds them. */
void                 askarov_records_filter_sql   (const AskarovRecordFilter *filter,
                                                   GString                   *sql);
void                 askarov_records_filter_bind  (const AskarovRecordFilter *filter,
                                                   sqlite3_stmt              *stmt);

/* Change events for the store's monitor, if one exists; any thread. The
 * records are copied. */
void askarov_records_emit_added   (AskarovStore        *store,
                                   AskarovActionRecord *record);
void askarov_records_emit_changed (AskarovStore        *store,
                                   AskarovActionRecord *old,
                                   AskarovActionRecord *record);
void askarov_records_emit_removed (AskarovStore        *store,
                                   AskarovActionRecord *record);
void askarov_records_emit_reset   (AskarovStore        *store);

/* Runs @func on a worker for the async wrappers; the result is returned as
 * a pointer (NULL means failure, so boolean results return GINT_TO_POINTER (1)). */
typedef gpointer (*AskarovRecordsJobFunc) (AskarovStore  *store,
                                           gpointer       data,
                                           GCancellable  *cancellable,
                                           GError       **error);
void     askarov_records_run_job    (gpointer               source,
                                     AskarovStore          *store,
                                     AskarovRecordsJobFunc  func,
                                     gpointer               data,
                                     GDestroyNotify         data_free,
                                     GDestroyNotify         result_free,
                                     gpointer               source_tag,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data);
gpointer askarov_records_job_finish (gpointer               source,
                                     GAsyncResult          *result,
                                     gpointer               source_tag,
                                     GError               **error);

/* Appends to @by_channel one total per channel, in enum order and zeros
 * included, from @counted (totals keyed by channel id, in any order). */
void     askarov_records_add_channel_totals (GPtrArray         *by_channel,
                                             GPtrArray         *counted);

G_END_DECLS
