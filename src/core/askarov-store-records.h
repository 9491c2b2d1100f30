/* askarov-store-records.h — the records part of the store: logged actions, totals and deadlines.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-action-record.h"
#include "askarov-store.h"

G_BEGIN_DECLS

/* A record that cannot be saved as it is (bad date, unknown channel, ...);
 * the message says which field, for the user. */
#define ASKAROV_RECORD_ERROR (askarov_record_error_quark ())

typedef enum
{
  ASKAROV_RECORD_ERROR_INVALID,
} AskarovRecordError;

GQuark askarov_record_error_quark (void);

/* ---- Filters -------------------------------------------------------- */

typedef enum
{
  ASKAROV_REPORTED_ANY,
  ASKAROV_REPORTED_NO,
  ASKAROV_REPORTED_YES,
} AskarovReportedFilter;

/* Which records a list, a count or the totals cover. Zeroed = everything
 * (askarov_record_filter_new() gives that, with channel = -1). */
typedef struct
{
  gint64                case_id;   /* 0 = any case */
  int                   channel;   /* an AskarovChannel, or -1 = any */
  char                 *from;      /* YYYY-MM-DD inclusive, or NULL */
  char                 *to;        /* YYYY-MM-DD inclusive, or NULL */
  AskarovReportedFilter reported;
} AskarovRecordFilter;

#define ASKAROV_TYPE_RECORD_FILTER (askarov_record_filter_get_type ())
GType                askarov_record_filter_get_type (void) G_GNUC_CONST;
AskarovRecordFilter *askarov_record_filter_new      (void);
AskarovRecordFilter *askarov_record_filter_copy     (const AskarovRecordFilter *filter);
void                 askarov_record_filter_free     (AskarovRecordFilter       *filter);
gboolean             askarov_record_filter_equal    (const AskarovRecordFilter *a,
                                                     const AskarovRecordFilter *b);
/* Whether @record passes @filter (NULL = everything). */
gboolean             askarov_record_filter_matches  (const AskarovRecordFilter *filter,
                                                     AskarovActionRecord       *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovRecordFilter, askarov_record_filter_free)

/* ---- Totals --------------------------------------------------------- */

/* One row of a totals table. key: case id as text ("0" for records without
 * a case), channel word, or month "YYYY-MM"; label: case name, translated
 * channel label, or the month key. */
typedef struct
{
  char   *key;
  char   *label;
  gint64  case_id;   /* for by_case rows; 0 otherwise */
  guint   count;
} AskarovRecordTotal;

typedef struct
{
  guint      n_records;
  guint      n_unreported;
  GPtrArray *by_case;      /* AskarovRecordTotal, most actions first */
  GPtrArray *by_channel;   /* AskarovRecordTotal, one per channel in enum order, zeros included */
  GPtrArray *by_month;     /* AskarovRecordTotal, oldest month first, months without actions omitted */
} AskarovRecordTotals;

#define ASKAROV_TYPE_RECORD_TOTALS (askarov_record_totals_get_type ())
GType                askarov_record_totals_get_type (void) G_GNUC_CONST;
void                 askarov_record_totals_free     (AskarovRecordTotals *totals);
AskarovRecordTotals *askarov_record_totals_copy     (AskarovRecordTotals *totals);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovRecordTotals, askarov_record_totals_free)

/* ---- Cases with deadlines ------------------------------------------- */

typedef struct
{
  gint64  case_id;
  char   *name;
  char   *reference;   /* of the document with the latest deadline, or NULL */
  char   *deadline;    /* YYYY-MM-DD: the latest deadline among the case's documents */
  int     days_left;   /* deadline - today; negative when passed */
  guint   n_records;   /* actions logged for the case */
} AskarovCaseDeadline;

#define ASKAROV_TYPE_CASE_DEADLINE (askarov_case_deadline_get_type ())
GType                askarov_case_deadline_get_type (void) G_GNUC_CONST;
AskarovCaseDeadline *askarov_case_deadline_copy     (AskarovCaseDeadline *deadline);
void                 askarov_case_deadline_free     (AskarovCaseDeadline *deadline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovCaseDeadline, askarov_case_deadline_free)

/* A case, or a UA document, as the log dialog offers it, and a target
 * suggestion. For a case, document_id is 0 and title NULL; for a UA,
 * case_id and name are its case's (0 and NULL when it is in none). */
typedef struct
{
  gint64  case_id;
  char   *name;
  char   *reference;   /* latest known UA reference (a case) or the UA's own, or NULL */
  gint64  document_id; /* the UA or update document, or 0 for a case */
  char   *title;       /* the document's title, or NULL for a case */
} AskarovCaseChoice;

typedef struct
{
  char *name;
  char *title;
  char *language;      /* first language of the document, or NULL */
} AskarovTargetChoice;

void askarov_case_choice_free   (AskarovCaseChoice   *choice);
void askarov_target_choice_free (AskarovTargetChoice *choice);

/* One UA reference and how many actions were logged / not yet reported for it. */
typedef struct
{
  char  *reference;
  char  *case_name;
  guint  n_records;
  guint  n_unreported;
} AskarovReferenceCount;

void askarov_reference_count_free (AskarovReferenceCount *count);

/* ---- Change notification -------------------------------------------- */

/*
 * AskarovRecordMonitor: one per store (askarov_store_get_record_monitor()),
 * emitting, in the main context of the thread that first asked for it,
 * after every committed change made through this API (sync or async, from
 * any thread):
 *   record-added    (AskarovActionRecord *record)   a copy of the stored row
 *   record-changed  (AskarovActionRecord *old, AskarovActionRecord *record)
 *   record-removed  (AskarovActionRecord *record)   the row as it was
 *   records-reset   ()   many rows changed at once (import, mark reported,
 *                        restore from backup): reload everything
 */
#define ASKAROV_TYPE_RECORD_MONITOR (askarov_record_monitor_get_type ())
G_DECLARE_FINAL_TYPE (AskarovRecordMonitor, askarov_record_monitor, ASKAROV, RECORD_MONITOR, GObject)

AskarovRecordMonitor *askarov_store_get_record_monitor (AskarovStore *self);
/* For code that changed records by other means (askarov_store_restore()):
 * emits records-reset. Any thread. */
void                  askarov_store_records_reset      (AskarovStore *self);

/* ---- Records: sync (workers, tests) and async (UI) -------------------- */

/* Validates and inserts @record (its id is ignored) in one transaction.
 * A case-id without case-name takes the case's name; a case-name without
 * case-id links to (or creates) the case of that name.
 * Returns: (transfer full): the stored record with its new id. */
AskarovActionRecord *askarov_store_add_record        (AskarovStore        *self,
                                                      AskarovActionRecord *record,
                                                      GError             **error);
/* Saves every field of @record over the stored row with its id. */
gboolean             askarov_store_update_record     (AskarovStore        *self,
                                                      AskarovActionRecord *record,
                                                      GError             **error);
/* Deletes the row. Returns: (transfer full): the row as it was, to give to
 * askarov_store_restore_record() for Undo. */
AskarovActionRecord *askarov_store_delete_record     (AskarovStore        *self,
                                                      gint64               id,
                                                      GError             **error);
/* Puts back a deleted row with the same id and creation time. */
gboolean             askarov_store_restore_record    (AskarovStore        *self,
                                                      AskarovActionRecord *record,
                                                      GError             **error);
AskarovActionRecord *askarov_store_get_record        (AskarovStore        *self,
                                                      gint64               id,
                                                      GError             **error);
/* Newest first (taken_on, then id, descending). @filter may be NULL.
 * Returns: (transfer full) (element-type AskarovActionRecord). */
GPtrArray           *askarov_store_list_records      (AskarovStore              *self,
                                                      const AskarovRecordFilter *filter,
                                                      guint                      offset,
                                                      guint                      limit,
                                                      GError                   **error);
gboolean             askarov_store_count_records     (AskarovStore              *self,
                                                      const AskarovRecordFilter *filter,
                                                      guint                     *count,
                                                      GError                   **error);
/* The position @record has (or would have) in the list for @filter: the
 * number of matching rows that sort before it. */
gboolean             askarov_store_record_position   (AskarovStore              *self,
                                                      const AskarovRecordFilter *filter,
                                                      const char                *taken_on,
                                                      gint64                     id,
                                                      guint                     *position,
                                                      GError                   **error);
AskarovRecordTotals *askarov_store_compute_totals    (AskarovStore              *self,
                                                      const AskarovRecordFilter *filter,
                                                      GError                   **error);
/* Cases that have a document with a deadline, soonest first; passed ones
 * (days_left < 0) after the upcoming ones. @today: YYYY-MM-DD or NULL for today.
 * Returns: (transfer full) (element-type AskarovCaseDeadline). */
GPtrArray           *askarov_store_list_deadlines    (AskarovStore  *self,
                                                      const char    *today,
                                                      GError       **error);
/* Cases for the log dialog, by name. (element-type AskarovCaseChoice) */
GPtrArray           *askarov_store_list_case_choices (AskarovStore  *self,
                                                      GError       **error);
/* What Log Action offers: every case by name, then every Urgent Action and
 * update document (in a case or not), newest first. (element-type AskarovCaseChoice) */
GPtrArray           *askarov_store_list_log_choices  (AskarovStore  *self,
                                                      GError       **error);
/* Targets named in one document. (element-type AskarovTargetChoice) */
GPtrArray           *askarov_store_list_document_target_choices (AskarovStore  *self,
                                                                 gint64         document_id,
                                                                 GError       **error);
/* Targets named in the case's documents, newest document first, without
 * repeats. (element-type AskarovTargetChoice) */
GPtrArray           *askarov_store_list_target_choices (AskarovStore  *self,
                                                        gint64         case_id,
                                                        GError       **error);
/* UA references that have actions, with counts. (element-type AskarovReferenceCount) */
GPtrArray           *askarov_store_list_references   (AskarovStore  *self,
                                                      GError       **error);
/* Sets reported_on = @date (NULL = today) on the rows in @ids, in one
 * transaction; *n_marked gets how many changed. */
gboolean             askarov_store_mark_reported     (AskarovStore  *self,
                                                      const gint64  *ids,
                                                      guint          n_ids,
                                                      const char    *date,
                                                      guint         *n_marked,
                                                      GError       **error);

/* Reminders: cases whose deadline is within @days days from @today (NULL =
 * today) and not passed, with no action logged yet, and no reminder recorded
 * for that case and deadline. (element-type AskarovCaseDeadline) */
GPtrArray           *askarov_store_list_due_reminders (AskarovStore *self,
                                                       const char   *today,
                                                       guint         days,
                                                       GError      **error);
/* Remembers that a reminder was shown for this case and deadline. */
gboolean             askarov_store_set_reminder_sent  (AskarovStore *self,
                                                       gint64        case_id,
                                                       const char   *deadline,
                                                       GError      **error);

void                 askarov_store_add_record_async       (AskarovStore        *self,
                                                           AskarovActionRecord *record,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
AskarovActionRecord *askarov_store_add_record_finish      (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                 askarov_store_update_record_async    (AskarovStore        *self,
                                                           AskarovActionRecord *record,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean             askarov_store_update_record_finish   (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                 askarov_store_delete_record_async    (AskarovStore        *self,
                                                           gint64               id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
AskarovActionRecord *askarov_store_delete_record_finish   (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                 askarov_store_restore_record_async   (AskarovStore        *self,
                                                           AskarovActionRecord *record,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean             askarov_store_restore_record_finish  (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                 askarov_store_list_records_async     (AskarovStore              *self,
                                                           const AskarovRecordFilter *filter,
                                                           guint                      offset,
                                                           guint                      limit,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
GPtrArray           *askarov_store_list_records_finish    (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                 askarov_store_compute_totals_async   (AskarovStore              *self,
                                                           const AskarovRecordFilter *filter,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
AskarovRecordTotals *askarov_store_compute_totals_finish  (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                 askarov_store_list_deadlines_async   (AskarovStore        *self,
                                                           const char          *today,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray           *askarov_store_list_deadlines_finish  (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                 askarov_store_list_case_choices_async  (AskarovStore        *self,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
GPtrArray           *askarov_store_list_case_choices_finish (AskarovStore        *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
void                 askarov_store_list_log_choices_async  (AskarovStore        *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GPtrArray           *askarov_store_list_log_choices_finish (AskarovStore        *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
/* Targets of one document; finish with askarov_store_list_target_choices_finish(). */
void                 askarov_store_list_document_target_choices_async (AskarovStore        *self,
                                                                       gint64               document_id,
                                                                       GCancellable        *cancellable,
                                                                       GAsyncReadyCallback  callback,
                                                                       gpointer             user_data);
void                 askarov_store_list_target_choices_async  (AskarovStore        *self,
                                                               gint64               case_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GPtrArray           *askarov_store_list_target_choices_finish (AskarovStore        *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void                 askarov_store_list_references_async  (AskarovStore        *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray           *askarov_store_list_references_finish (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* @ids is copied. The finish function returns how many rows were marked, or -1 with @error. */
void                 askarov_store_mark_reported_async    (AskarovStore        *self,
                                                           const gint64        *ids,
                                                           guint                n_ids,
                                                           const char          *date,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
int                  askarov_store_mark_reported_finish   (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                 askarov_store_list_due_reminders_async  (AskarovStore        *self,
                                                              const char          *today,
                                                              guint                days,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
GPtrArray           *askarov_store_list_due_reminders_finish (AskarovStore        *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);
void                 askarov_store_set_reminder_sent_async   (AskarovStore        *self,
                                                              gint64               case_id,
                                                              const char          *deadline,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean             askarov_store_set_reminder_sent_finish  (AskarovStore        *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* Whole-database backup and restore on a worker (askarov_store_backup/restore).
 * A successful restore emits records-reset on the monitor. */
void                 askarov_store_backup_async           (AskarovStore        *self,
                                                           const char          *dest_path,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean             askarov_store_backup_finish          (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                 askarov_store_restore_async          (AskarovStore        *self,
                                                           const char          *src_path,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean             askarov_store_restore_finish         (AskarovStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS
