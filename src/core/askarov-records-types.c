/* askarov-records-types.c — the plain values of the records API: filters, totals, deadlines, choices.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-records"

#include "config.h"

#include "askarov-store-records.h"

#include "askarov-records-private.h"

G_DEFINE_BOXED_TYPE (AskarovRecordFilter, askarov_record_filter,
                     askarov_record_filter_copy, askarov_record_filter_free)
G_DEFINE_BOXED_TYPE (AskarovRecordTotals, askarov_record_totals,
                     askarov_record_totals_copy, askarov_record_totals_free)
G_DEFINE_BOXED_TYPE (AskarovCaseDeadline, askarov_case_deadline,
                     askarov_case_deadline_copy, askarov_case_deadline_free)

AskarovRecordFilter *
askarov_record_filter_new (void)
{
  AskarovRecordFilter *filter = g_new0 (AskarovRecordFilter, 1);

  filter->channel = -1;
  return filter;
}

AskarovRecordFilter *
askarov_record_filter_copy (const AskarovRecordFilter *filter)
{
  AskarovRecordFilter *copy;

  if (filter == NULL)
    return NULL;
  copy = g_memdup2 (filter, sizeof *filter);
  copy->from = g_strdup (filter->from);
  copy->to = g_strdup (filter->to);
  return copy;
}

void
askarov_record_filter_free (AskarovRecordFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->from);
  g_free (filter->to);
  g_free (filter);
}

static gboolean
filter_is_empty (const AskarovRecordFilter *filter)
{
  return filter == NULL ||
         (filter->case_id == 0 && filter->channel < 0 &&
          (filter->from == NULL || *filter->from == '\0') &&
          (filter->to == NULL || *filter->to == '\0') &&
          filter->reported == ASKAROV_REPORTED_ANY);
}

gboolean
askarov_record_filter_equal (const AskarovRecordFilter *a,
                             const AskarovRecordFilter *b)
{
  if (filter_is_empty (a) || filter_is_empty (b))
    return filter_is_empty (a) && filter_is_empty (b);
  return a->case_id == b->case_id &&
         a->channel == b->channel &&
         g_strcmp0 (a->from, b->from) == 0 &&
         g_strcmp0 (a->to, b->to) == 0 &&
         a->reported == b->reported;
}

gboolean
askarov_record_filter_matches (const AskarovRecordFilter *filter,
                               AskarovActionRecord       *record)
{
  const char *taken_on;

  g_return_val_if_fail (ASKAROV_IS_ACTION_RECORD (record), FALSE);

  if (filter == NULL)
    return TRUE;
  taken_on = askarov_action_record_get_taken_on (record);
  if (filter->case_id != 0 && askarov_action_record_get_case_id (record) != filter->case_id)
    return FALSE;
  if (filter->channel >= 0 && (int) askarov_action_record_get_channel (record) != filter->channel)
    return FALSE;
  if (filter->from != NULL && *filter->from != '\0' && g_strcmp0 (taken_on, filter->from) < 0)
    return FALSE;
  if (filter->to != NULL && *filter->to != '\0' && g_strcmp0 (taken_on, filter->to) > 0)
    return FALSE;
  if (filter->reported == ASKAROV_REPORTED_NO && askarov_action_record_get_reported (record))
    return FALSE;
  if (filter->reported == ASKAROV_REPORTED_YES && !askarov_action_record_get_reported (record))
    return FALSE;
  return TRUE;
}

void
askarov_record_total_free (AskarovRecordTotal *total)
{
  g_free (total->key);
  g_free (total->label);
  g_free (total);
}

AskarovRecordTotal *
askarov_record_total_new (const char *key,
                  const char *label,
                  gint64      case_id,
                  guint       count)
{
  AskarovRecordTotal *total = g_new0 (AskarovRecordTotal, 1);

  total->key = g_strdup (key);
  total->label = g_strdup (label);
  total->case_id = case_id;
  total->count = count;
  return total;
}

static GPtrArray *
copy_totals_array (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_record_total_free);

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      AskarovRecordTotal *t = g_ptr_array_index (array, i);

      g_ptr_array_add (copy, askarov_record_total_new (t->key, t->label, t->case_id, t->count));
    }
  return copy;
}

AskarovRecordTotals *
askarov_record_totals_new (void)
{
  AskarovRecordTotals *totals = g_new0 (AskarovRecordTotals, 1);

  totals->by_case = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_record_total_free);
  totals->by_channel = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_record_total_free);
  totals->by_month = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_record_total_free);
  return totals;
}

AskarovRecordTotals *
askarov_record_totals_copy (AskarovRecordTotals *totals)
{
  AskarovRecordTotals *copy;

  if (totals == NULL)
    return NULL;
  copy = g_new0 (AskarovRecordTotals, 1);
  copy->n_records = totals->n_records;
  copy->n_unreported = totals->n_unreported;
  copy->by_case = copy_totals_array (totals->by_case);
  copy->by_channel = copy_totals_array (totals->by_channel);
  copy->by_month = copy_totals_array (totals->by_month);
  return copy;
}

void
askarov_record_totals_free (AskarovRecordTotals *totals)
{
  if (totals == NULL)
    return;
  g_clear_pointer (&totals->by_case, g_ptr_array_unref);
  g_clear_pointer (&totals->by_channel, g_ptr_array_unref);
  g_clear_pointer (&totals->by_month, g_ptr_array_unref);
  g_free (totals);
}

AskarovCaseDeadline *
askarov_case_deadline_copy (AskarovCaseDeadline *deadline)
{
  AskarovCaseDeadline *copy;

  if (deadline == NULL)
    return NULL;
  copy = g_memdup2 (deadline, sizeof *deadline);
  copy->name = g_strdup (deadline->name);
  copy->reference = g_strdup (deadline->reference);
  copy->deadline = g_strdup (deadline->deadline);
  return copy;
}

void
askarov_case_deadline_free (AskarovCaseDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->name);
  g_free (deadline->reference);
  g_free (deadline->deadline);
  g_free (deadline);
}

void
askarov_case_choice_free (AskarovCaseChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->name);
  g_free (choice->reference);
  g_free (choice->title);
  g_free (choice);
}

void
askarov_target_choice_free (AskarovTargetChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->name);
  g_free (choice->title);
  g_free (choice->language);
  g_free (choice);
}

void
askarov_reference_count_free (AskarovReferenceCount *count)
{
  if (count == NULL)
    return;
  g_free (count->reference);
  g_free (count->case_name);
  g_free (count);
}
