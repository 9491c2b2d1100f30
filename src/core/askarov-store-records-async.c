/* askarov-store-records-async.c — the records API on workers, and its change monitor.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-records"

#include "config.h"

#include "askarov-store-records.h"

#include "askarov-records-private.h"

struct _AskarovRecordMonitor
{
  GObject       parent_instance;
  GMainContext *context;   /* owned: where signals are emitted */
};

G_DEFINE_FINAL_TYPE (AskarovRecordMonitor, askarov_record_monitor, G_TYPE_OBJECT)

enum {
  SIGNAL_RECORD_ADDED,
  SIGNAL_RECORD_CHANGED,
  SIGNAL_RECORD_REMOVED,
  SIGNAL_RECORDS_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Guards creating the monitor; the store keeps it as object data. */
G_LOCK_DEFINE_STATIC (monitor);

#define MONITOR_KEY "askarov-record-monitor"

typedef struct
{
  AskarovRecordMonitor *monitor;
  guint                 signal;
  AskarovActionRecord  *first;
  AskarovActionRecord  *second;
} Emission;

static void
emission_free (Emission *emission)
{
  g_clear_object (&emission->monitor);
  g_clear_object (&emission->first);
  g_clear_object (&emission->second);
  g_free (emission);
}

static gboolean
emit_in_context (gpointer data)
{
  Emission *emission = data;

  switch (emission->signal)
    {
    case SIGNAL_RECORD_CHANGED:
      g_signal_emit (emission->monitor, signals[emission->signal], 0, emission->first, emission->second);
      break;
    case SIGNAL_RECORDS_RESET:
      g_signal_emit (emission->monitor, signals[emission->signal], 0);
      break;
    default:
      g_signal_emit (emission->monitor, signals[emission->signal], 0, emission->first);
      break;
    }
  return G_SOURCE_REMOVE;
}

static AskarovRecordMonitor *
dup_monitor (AskarovStore *store)
{
  AskarovRecordMonitor *monitor;

  G_LOCK (monitor);
  monitor = g_object_get_data (G_OBJECT (store), MONITOR_KEY);
  if (monitor != NULL)
    g_object_ref (monitor);
  G_UNLOCK (monitor);
  return monitor;
}

static void
emit (AskarovStore        *store,
      guint                signal,
      AskarovActionRecord *first,
      AskarovActionRecord *second)
{
  g_autoptr(AskarovRecordMonitor) monitor = dup_monitor (store);
  Emission *emission;

  if (monitor == NULL)
    return;
  emission = g_new0 (Emission, 1);
  emission->monitor = g_steal_pointer (&monitor);
  emission->signal = signal;
  /* Copies, because records are not thread-safe and the caller keeps its own. */
  emission->first = first != NULL ? askarov_action_record_copy (first) : NULL;
  emission->second = second != NULL ? askarov_action_record_copy (second) : NULL;
  g_main_context_invoke_full (emission->monitor->context, G_PRIORITY_DEFAULT,
                              emit_in_context, emission, (GDestroyNotify) emission_free);
}

void
askarov_records_emit_added (AskarovStore        *store,
                            AskarovActionRecord *record)
{
  emit (store, SIGNAL_RECORD_ADDED, record, NULL);
}

void
askarov_records_emit_changed (AskarovStore        *store,
                              AskarovActionRecord *old,
                              AskarovActionRecord *record)
{
  emit (store, SIGNAL_RECORD_CHANGED, old, record);
}

void
askarov_records_emit_removed (AskarovStore        *store,
                              AskarovActionRecord *record)
{
  emit (store, SIGNAL_RECORD_REMOVED, record, NULL);
}

void
askarov_records_emit_reset (AskarovStore *store)
{
  emit (store, SIGNAL_RECORDS_RESET, NULL, NULL);
}

void
askarov_store_records_reset (AskarovStore *self)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));

  askarov_records_emit_reset (self);
}

static void
askarov_record_monitor_finalize (GObject *object)
{
  AskarovRecordMonitor *self = ASKAROV_RECORD_MONITOR (object);

  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (askarov_record_monitor_parent_class)->finalize (object);
}

static void
askarov_record_monitor_class_init (AskarovRecordMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = askarov_record_monitor_finalize;

  signals[SIGNAL_RECORD_ADDED] =
    g_signal_new ("record-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ASKAROV_TYPE_ACTION_RECORD);
  signals[SIGNAL_RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, ASKAROV_TYPE_ACTION_RECORD, ASKAROV_TYPE_ACTION_RECORD);
  signals[SIGNAL_RECORD_REMOVED] =
    g_signal_new ("record-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ASKAROV_TYPE_ACTION_RECORD);
  signals[SIGNAL_RECORDS_RESET] =
    g_signal_new ("records-reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
askarov_record_monitor_init (AskarovRecordMonitor *self)
{
  self->context = g_main_context_ref_thread_default ();
}

/**
 * askarov_store_get_record_monitor:
 *
 * Returns: (transfer none): the store's monitor, created on first use; its
 *   signals are emitted in the thread-default main context of that first call
 */
AskarovRecordMonitor *
askarov_store_get_record_monitor (AskarovStore *self)
{
  AskarovRecordMonitor *monitor;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  G_LOCK (monitor);
  monitor = g_object_get_data (G_OBJECT (self), MONITOR_KEY);
  if (monitor == NULL)
    {
      monitor = g_object_new (ASKAROV_TYPE_RECORD_MONITOR, NULL);
      g_object_set_data_full (G_OBJECT (self), MONITOR_KEY, monitor, g_object_unref);
    }
  G_UNLOCK (monitor);
  return monitor;
}

/* ---- Jobs ------------------------------------------------------------- */

typedef struct
{
  AskarovStore          *store;
  AskarovRecordsJobFunc  func;
  gpointer               data;
  GDestroyNotify         data_free;
  GDestroyNotify         result_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_object (&job->store);
  g_free (job);
}

static void
job_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  result = job->func (job->store, job->data, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

void
askarov_records_run_job (gpointer               source,
                         AskarovStore          *store,
                         AskarovRecordsJobFunc  func,
                         gpointer               data,
                         GDestroyNotify         data_free,
                         GDestroyNotify         result_free,
                         gpointer               source_tag,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->store = g_object_ref (store);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_worker);
}

gpointer
askarov_records_job_finish (gpointer       source,
                            GAsyncResult  *result,
                            gpointer       source_tag,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

#define TRUE_RESULT GINT_TO_POINTER (1)

typedef struct
{
  AskarovRecordFilter *filter;
  char                *text;
  gint64              *ids;
  guint                n_ids;
  guint                offset;
  guint                limit;
  gint64               number;
} Args;

static void
args_free (Args *args)
{
  askarov_record_filter_free (args->filter);
  g_free (args->text);
  g_free (args->ids);
  g_free (args);
}

static Args *
args_new (const AskarovRecordFilter *filter,
          const char                *text)
{
  Args *args = g_new0 (Args, 1);

  args->filter = askarov_record_filter_copy (filter);
  args->text = g_strdup (text);
  return args;
}

static gpointer
add_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_add_record (store, data, error);
}

static gpointer
update_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_update_record (store, data, error) ? TRUE_RESULT : NULL;
}

static gpointer
delete_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_delete_record (store, ((Args *) data)->number, error);
}

static gpointer
restore_record_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_restore_record (store, data, error) ? TRUE_RESULT : NULL;
}

static gpointer
list_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return askarov_store_list_records (store, args->filter, args->offset, args->limit, error);
}

static gpointer
totals_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_compute_totals (store, ((Args *) data)->filter, error);
}

static gpointer
deadlines_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_list_deadlines (store, ((Args *) data)->text, error);
}

static gpointer
case_choices_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_list_case_choices (store, error);
}

static gpointer
log_choices_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_list_log_choices (store, error);
}

static gpointer
target_choices_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_list_target_choices (store, ((Args *) data)->number, error);
}

static gpointer
document_target_choices_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_list_document_target_choices (store, ((Args *) data)->number, error);
}

static gpointer
references_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_list_references (store, error);
}

static gpointer
mark_reported_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  guint n_marked = 0;

  if (!askarov_store_mark_reported (store, args->ids, args->n_ids, args->text, &n_marked, error))
    return NULL;
  return GSIZE_TO_POINTER ((gsize) n_marked + 1);
}

static gpointer
due_reminders_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return askarov_store_list_due_reminders (store, args->text, args->limit, error);
}

static gpointer
reminder_sent_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return askarov_store_set_reminder_sent (store, args->number, args->text, error) ? TRUE_RESULT : NULL;
}

static gpointer
backup_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_store_backup (store, ((Args *) data)->text, error) ? TRUE_RESULT : NULL;
}

static gpointer
restore_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  if (!askarov_store_restore (store, ((Args *) data)->text, error))
    return NULL;
  askarov_records_emit_reset (store);
  return TRUE_RESULT;
}

#define RUN(func, data, data_free, result_free, tag) \
  askarov_records_run_job (self, self, func, data, (GDestroyNotify) (data_free), \
                           (GDestroyNotify) (result_free), tag, cancellable, callback, user_data)
#define FINISH(tag) askarov_records_job_finish (self, result, tag, error)

void
askarov_store_add_record_async (AskarovStore        *self,
                                AskarovActionRecord *record,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (ASKAROV_IS_ACTION_RECORD (record));

  RUN (add_job, askarov_action_record_copy (record), g_object_unref, g_object_unref,
       askarov_store_add_record_async);
}

AskarovActionRecord *
askarov_store_add_record_finish (AskarovStore  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return FINISH (askarov_store_add_record_async);
}

void
askarov_store_update_record_async (AskarovStore        *self,
                                   AskarovActionRecord *record,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (ASKAROV_IS_ACTION_RECORD (record));

  RUN (update_job, askarov_action_record_copy (record), g_object_unref, NULL,
       askarov_store_update_record_async);
}

gboolean
askarov_store_update_record_finish (AskarovStore  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return FINISH (askarov_store_update_record_async) != NULL;
}

void
askarov_store_delete_record_async (AskarovStore        *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Args *args;

  g_return_if_fail (ASKAROV_IS_STORE (self));

  args = args_new (NULL, NULL);
  args->number = id;
  RUN (delete_job, args, args_free, g_object_unref, askarov_store_delete_record_async);
}

AskarovActionRecord *
askarov_store_delete_record_finish (AskarovStore  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return FINISH (askarov_store_delete_record_async);
}

void
askarov_store_restore_record_async (AskarovStore        *self,
                                    AskarovActionRecord *record,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (ASKAROV_IS_ACTION_RECORD (record));

  RUN (restore_record_job, askarov_action_record_copy (record), g_object_unref, NULL,
       askarov_store_restore_record_async);
}

gboolean
askarov_store_restore_record_finish (AskarovStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return FINISH (askarov_store_restore_record_async) != NULL;
}

void
askarov_store_list_records_async (AskarovStore              *self,
                                  const AskarovRecordFilter *filter,
                                  guint                      offset,
                                  guint                      limit,
                                  GCancellable              *cancellable,
                                  GAsyncReadyCallback        callback,
                                  gpointer                   user_data)
{
  Args *args;

  g_return_if_fail (ASKAROV_IS_STORE (self));

  args = args_new (filter, NULL);
  args->offset = offset;
  args->limit = limit;
  RUN (list_job, args, args_free, g_ptr_array_unref, askarov_store_list_records_async);
}

GPtrArray *
askarov_store_list_records_finish (AskarovStore  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return FINISH (askarov_store_list_records_async);
}

void
askarov_store_compute_totals_async (AskarovStore              *self,
                                    const AskarovRecordFilter *filter,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));

  RUN (totals_job, args_new (filter, NULL), args_free, askarov_record_totals_free,
       askarov_store_compute_totals_async);
}

AskarovRecordTotals *
askarov_store_compute_totals_finish (AskarovStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return FINISH (askarov_store_compute_totals_async);
}

void
askarov_store_list_deadlines_async (AskarovStore        *self,
                                    const char          *today,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));

  RUN (deadlines_job, args_new (NULL, today), args_free, g_ptr_array_unref,
       askarov_store_list_deadlines_async);
}

GPtrArray *
askarov_store_list_deadlines_finish (AskarovStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return FINISH (askarov_store_list_deadlines_async);
}

void
askarov_store_list_case_choices_async (AskarovStore        *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));

  RUN (case_choices_job, args_new (NULL, NULL), args_free, g_ptr_array_unref,
       askarov_store_list_case_choices_async);
}

GPtrArray *
askarov_store_list_case_choices_finish (AskarovStore  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return FINISH (askarov_store_list_case_choices_async);
}

void
askarov_store_list_log_choices_async (AskarovStore        *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));

  RUN (log_choices_job, args_new (NULL, NULL), args_free, g_ptr_array_unref,
       askarov_store_list_log_choices_async);
}

GPtrArray *
askarov_store_list_log_choices_finish (AskarovStore  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return FINISH (askarov_store_list_log_choices_async);
}

/* Finished with askarov_store_list_target_choices_finish(). */
void
askarov_store_list_document_target_choices_async (AskarovStore        *self,
                                                  gint64               document_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  Args *args;

  g_return_if_fail (ASKAROV_IS_STORE (self));

  args = args_new (NULL, NULL);
  args->number = document_id;
  /* The same tag: both give target choices, finished alike. */
  RUN (document_target_choices_job, args, args_free, g_ptr_array_unref,
       askarov_store_list_target_choices_async);
}

void
askarov_store_list_target_choices_async (AskarovStore        *self,
                                         gint64               case_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Args *args;

  g_return_if_fail (ASKAROV_IS_STORE (self));

  args = args_new (NULL, NULL);
  args->number = case_id;
  RUN (target_choices_job, args, args_free, g_ptr_array_unref, askarov_store_list_target_choices_async);
}

GPtrArray *
askarov_store_list_target_choices_finish (AskarovStore  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return FINISH (askarov_store_list_target_choices_async);
}

void
askarov_store_list_references_async (AskarovStore        *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));

  RUN (references_job, args_new (NULL, NULL), args_free, g_ptr_array_unref,
       askarov_store_list_references_async);
}

GPtrArray *
askarov_store_list_references_finish (AskarovStore  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return FINISH (askarov_store_list_references_async);
}

void
askarov_store_mark_reported_async (AskarovStore        *self,
                                   const gint64        *ids,
                                   guint                n_ids,
                                   const char          *date,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Args *args;

  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  args = args_new (NULL, date);
  args->ids = g_memdup2 (ids, sizeof (gint64) * n_ids);
  args->n_ids = n_ids;
  RUN (mark_reported_job, args, args_free, NULL, askarov_store_mark_reported_async);
}

int
askarov_store_mark_reported_finish (AskarovStore  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  gpointer value = FINISH (askarov_store_mark_reported_async);

  return value != NULL ? (int) (GPOINTER_TO_SIZE (value) - 1) : -1;
}

void
askarov_store_list_due_reminders_async (AskarovStore        *self,
                                        const char          *today,
                                        guint                days,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Args *args;

  g_return_if_fail (ASKAROV_IS_STORE (self));

  args = args_new (NULL, today);
  args->limit = days;
  RUN (due_reminders_job, args, args_free, g_ptr_array_unref, askarov_store_list_due_reminders_async);
}

GPtrArray *
askarov_store_list_due_reminders_finish (AskarovStore  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return FINISH (askarov_store_list_due_reminders_async);
}

void
askarov_store_set_reminder_sent_async (AskarovStore        *self,
                                       gint64               case_id,
                                       const char          *deadline,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Args *args;

  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (deadline != NULL);

  args = args_new (NULL, deadline);
  args->number = case_id;
  RUN (reminder_sent_job, args, args_free, NULL, askarov_store_set_reminder_sent_async);
}

gboolean
askarov_store_set_reminder_sent_finish (AskarovStore  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return FINISH (askarov_store_set_reminder_sent_async) != NULL;
}

void
askarov_store_backup_async (AskarovStore        *self,
                            const char          *dest_path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (dest_path != NULL);

  RUN (backup_job, args_new (NULL, dest_path), args_free, NULL, askarov_store_backup_async);
}

gboolean
askarov_store_backup_finish (AskarovStore  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return FINISH (askarov_store_backup_async) != NULL;
}

void
askarov_store_restore_async (AskarovStore        *self,
                             const char          *src_path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (src_path != NULL);

  RUN (restore_job, args_new (NULL, src_path), args_free, NULL, askarov_store_restore_async);
}

gboolean
askarov_store_restore_finish (AskarovStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return FINISH (askarov_store_restore_async) != NULL;
}
