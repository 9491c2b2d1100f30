/* askarov-store-records-cases.c — cases as the tracker sees them: deadlines, choices, references, reminders.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-records"

#include "config.h"

#include "askarov-store-records.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "askarov-records-private.h"

static int
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, atoi (from + 8), atoi (from + 5), atoi (from));
  g_date_set_dmy (&b, atoi (to + 8), atoi (to + 5), atoi (to));
  return g_date_days_between (&a, &b);
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  const AskarovCaseDeadline *x = *(AskarovCaseDeadline * const *) a;
  const AskarovCaseDeadline *y = *(AskarovCaseDeadline * const *) b;
  gboolean x_passed = x->days_left < 0;
  gboolean y_passed = y->days_left < 0;

  if (x_passed != y_passed)
    return x_passed ? 1 : -1;
  /* Upcoming: soonest first. Passed: most recently passed first. */
  if (x_passed)
    return y->days_left - x->days_left;
  return x->days_left - y->days_left;
}

GPtrArray *
askarov_store_list_deadlines (AskarovStore  *self,
                              const char    *today,
                              GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_case_deadline_free);
  g_autofree char *today_owned = NULL;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);
  g_return_val_if_fail (today == NULL || askarov_date_is_valid (today), NULL);

  if (today == NULL)
    today = today_owned = askarov_date_today ();

  locker = askarov_store_lock (self);
  /* SQLite takes the bare columns from the row that has the max(). A
   * closed case (released, died…) has no deadline to keep. */
  if (!(stmt = askarov_store_prepare (self,
                                      "SELECT c.id, c.name, d.reference, max (d.deadline), "
                                      "(SELECT count(*) FROM records r WHERE r.case_id = c.id) "
                                      "FROM cases c JOIN documents d ON d.case_id = c.id "
                                      "WHERE d.deadline IS NOT NULL AND c.state = 'open' GROUP BY c.id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *deadline = (const char *) sqlite3_column_text (stmt, 3);
      AskarovCaseDeadline *item;

      if (!askarov_date_is_valid (deadline))
        continue;
      item = g_new0 (AskarovCaseDeadline, 1);
      item->case_id = sqlite3_column_int64 (stmt, 0);
      item->name = askarov_store_column_dup (stmt, 1);
      item->reference = askarov_store_column_dup (stmt, 2);
      item->deadline = g_strdup (deadline);
      item->days_left = days_between (today, deadline);
      item->n_records = (guint) sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (deadlines, item);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the deadlines"));
      return NULL;
    }
  g_ptr_array_sort (deadlines, compare_deadlines);
  return g_steal_pointer (&deadlines);
}

GPtrArray *
askarov_store_list_case_choices (AskarovStore  *self,
                                 GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_case_choice_free);
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self,
                                      "SELECT c.id, c.name, (SELECT d.reference FROM documents d WHERE d.case_id = c.id "
                                      "AND d.reference IS NOT NULL ORDER BY d.issued DESC, d.id DESC LIMIT 1) "
                                      "FROM cases c ORDER BY c.name COLLATE NOCASE", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AskarovCaseChoice *choice = g_new0 (AskarovCaseChoice, 1);

      choice->case_id = sqlite3_column_int64 (stmt, 0);
      choice->name = askarov_store_column_dup (stmt, 1);
      choice->reference = askarov_store_column_dup (stmt, 2);
      g_ptr_array_add (choices, choice);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the cases"));
      return NULL;
    }
  return g_steal_pointer (&choices);
}

GPtrArray *
askarov_store_list_log_choices (AskarovStore  *self,
                                GError       **error)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  if (!(choices = askarov_store_list_case_choices (self, error)))
    return NULL;

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self,
                                      "SELECT d.id, d.case_id, c.name, d.reference, d.title FROM documents d "
                                      "LEFT JOIN cases c ON c.id = d.case_id "
                                      "WHERE d.kind = 'urgent-action' OR d.kind = 'update' "
                                      "ORDER BY d.sort_date DESC, d.id DESC", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AskarovCaseChoice *choice = g_new0 (AskarovCaseChoice, 1);

      choice->document_id = sqlite3_column_int64 (stmt, 0);
      choice->case_id = sqlite3_column_int64 (stmt, 1);
      choice->name = askarov_store_column_dup (stmt, 2);
      choice->reference = askarov_store_column_dup (stmt, 3);
      choice->title = askarov_store_column_dup (stmt, 4);
      g_ptr_array_add (choices, choice);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the documents"));
      return NULL;
    }
  return g_steal_pointer (&choices);
}

static GPtrArray *
list_targets (AskarovStore  *self,
              const char    *sql,
              gint64         id,
              GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_target_choice_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *languages = (const char *) sqlite3_column_text (stmt, 2);
      AskarovTargetChoice *choice;

      if (g_hash_table_contains (seen, name))
        continue;
      g_hash_table_add (seen, g_strdup (name));
      choice = g_new0 (AskarovTargetChoice, 1);
      choice->name = g_strdup (name);
      choice->title = askarov_store_column_dup (stmt, 1);
      if (languages != NULL && *languages != '\0')
        choice->language = g_strndup (languages, strcspn (languages, ", "));
      g_ptr_array_add (choices, choice);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the targets"));
      return NULL;
    }
  return g_steal_pointer (&choices);
}

GPtrArray *
askarov_store_list_target_choices (AskarovStore  *self,
                                   gint64         case_id,
                                   GError       **error)
{
  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  return list_targets (self,
                       "SELECT t.name, t.title, d.languages FROM targets t "
                       "JOIN documents d ON d.id = t.document_id "
                       "WHERE d.case_id = ? AND t.name IS NOT NULL "
                       "ORDER BY d.issued DESC, d.id DESC, t.position", case_id, error);
}

GPtrArray *
askarov_store_list_document_target_choices (AskarovStore  *self,
                                            gint64         document_id,
                                            GError       **error)
{
  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  return list_targets (self,
                       "SELECT t.name, t.title, d.languages FROM targets t "
                       "JOIN documents d ON d.id = t.document_id "
                       "WHERE d.id = ? AND t.name IS NOT NULL ORDER BY t.position", document_id, error);
}

GPtrArray *
askarov_store_list_references (AskarovStore  *self,
                               GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_reference_count_free);
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self,
                                      "SELECT r.reference, coalesce (c.name, r.case_name), count(*), "
                                      "sum (r.reported_on IS NULL) FROM " ASKAROV_RECORD_FROM " "
                                      "WHERE r.reference IS NOT NULL GROUP BY r.reference "
                                      "ORDER BY max (r.taken_on) DESC", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AskarovReferenceCount *count = g_new0 (AskarovReferenceCount, 1);

      count->reference = askarov_store_column_dup (stmt, 0);
      count->case_name = askarov_store_column_dup (stmt, 1);
      count->n_records = (guint) sqlite3_column_int64 (stmt, 2);
      count->n_unreported = (guint) sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (refs, count);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the actions"));
      return NULL;
    }
  return g_steal_pointer (&refs);
}

GPtrArray *
askarov_store_list_due_reminders (AskarovStore  *self,
                                  const char    *today,
                                  guint          days,
                                  GError       **error)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_case_deadline_free);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  if (!(deadlines = askarov_store_list_deadlines (self, today, error)))
    return NULL;

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self, "SELECT 1 FROM record_reminders WHERE case_id = ? AND deadline = ?", error)))
    return NULL;
  for (guint i = 0; i < deadlines->len; i++)
    {
      AskarovCaseDeadline *item = g_ptr_array_index (deadlines, i);
      int rc;

      if (item->days_left < 0 || (guint) item->days_left > days || item->n_records > 0)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, item->case_id);
      sqlite3_bind_text (stmt, 2, item->deadline, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        continue;
      if (rc != SQLITE_DONE)
        {
          askarov_store_set_error (self, error, _("Reading the reminders"));
          return NULL;
        }
      g_ptr_array_add (due, askarov_case_deadline_copy (item));
    }
  return g_steal_pointer (&due);
}

gboolean
askarov_store_set_reminder_sent (AskarovStore  *self,
                                 gint64         case_id,
                                 const char    *deadline,
                                 GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (deadline != NULL, FALSE);

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self,
                                      "INSERT OR IGNORE INTO record_reminders (case_id, deadline) VALUES (?, ?)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, deadline, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Saving the reminder"));
  return TRUE;
}
