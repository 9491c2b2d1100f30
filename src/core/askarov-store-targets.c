/* askarov-store-targets.c — the Urgent Actions that name officials to write to, read for the composer.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-targets"

#include "config.h"

#include "askarov-store-targets.h"

#include <glib/gi18n.h>

#include "askarov-store-private.h"

G_DEFINE_BOXED_TYPE (AskarovTargetRow, askarov_target_row, askarov_target_row_copy, askarov_target_row_free)
G_DEFINE_BOXED_TYPE (AskarovTargetCase, askarov_target_case, askarov_target_case_ref, askarov_target_case_unref)

static void
target_case_clear (gpointer data)
{
  AskarovTargetCase *target_case = data;

  g_clear_pointer (&target_case->case_name, g_free);
  g_clear_pointer (&target_case->title, g_free);
  g_clear_pointer (&target_case->reference, g_free);
  g_clear_pointer (&target_case->deadline, g_free);
  g_clear_pointer (&target_case->languages, g_strfreev);
  g_clear_pointer (&target_case->facts_json, g_free);
  g_clear_pointer (&target_case->targets, g_ptr_array_unref);
}

/* "ru, ky,en" -> { "ru", "ky", "en" }, skipping empty items. */
static GStrv
split_languages (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (text != NULL)
    {
      parts = g_strsplit (text, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            g_strv_builder_add (builder, parts[i]);
        }
    }
  return g_strv_builder_end (builder);
}

static gboolean
load_targets (AskarovStore      *self,
              AskarovTargetCase *target_case,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = askarov_store_prepare (self,
                                "SELECT position, name, title, salutation, address, email, fax, phone, social, is_copy "
                                "FROM targets WHERE document_id = ?1 ORDER BY position",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target_case->document_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AskarovTargetRow *target = g_new0 (AskarovTargetRow, 1);

      target->position = sqlite3_column_int (stmt, 0);
      target->name = askarov_store_column_dup (stmt, 1);
      target->title = askarov_store_column_dup (stmt, 2);
      target->salutation = askarov_store_column_dup (stmt, 3);
      target->address = askarov_store_column_dup (stmt, 4);
      target->email = askarov_store_column_dup (stmt, 5);
      target->fax = askarov_store_column_dup (stmt, 6);
      target->phone = askarov_store_column_dup (stmt, 7);
      target->social = askarov_store_column_dup (stmt, 8);
      target->is_copy = sqlite3_column_int (stmt, 9) != 0;
      g_ptr_array_add (target_case->targets, target);
    }
  if (rc != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Reading the targets"));
  return TRUE;
}

static void
list_target_cases_worker (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cases;

  cases = askarov_store_list_target_cases (ASKAROV_STORE (source_object), &error);
  if (cases == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, cases, (GDestroyNotify) g_ptr_array_unref);
}

AskarovTargetRow *
askarov_target_row_copy (const AskarovTargetRow *target)
{
  AskarovTargetRow *copy;

  g_return_val_if_fail (target != NULL, NULL);

  copy = g_new0 (AskarovTargetRow, 1);
  copy->position = target->position;
  copy->name = g_strdup (target->name);
  copy->title = g_strdup (target->title);
  copy->salutation = g_strdup (target->salutation);
  copy->address = g_strdup (target->address);
  copy->email = g_strdup (target->email);
  copy->fax = g_strdup (target->fax);
  copy->phone = g_strdup (target->phone);
  copy->social = g_strdup (target->social);
  copy->is_copy = target->is_copy;
  return copy;
}

void
askarov_target_row_free (AskarovTargetRow *target)
{
  if (target == NULL)
    return;

  g_free (target->name);
  g_free (target->title);
  g_free (target->salutation);
  g_free (target->address);
  g_free (target->email);
  g_free (target->fax);
  g_free (target->phone);
  g_free (target->social);
  g_free (target);
}

AskarovTargetCase *
askarov_target_case_ref (AskarovTargetCase *target_case)
{
  g_return_val_if_fail (target_case != NULL, NULL);

  return g_atomic_rc_box_acquire (target_case);
}

void
askarov_target_case_unref (AskarovTargetCase *target_case)
{
  if (target_case != NULL)
    g_atomic_rc_box_release_full (target_case, target_case_clear);
}

const AskarovTargetRow *
askarov_target_case_find (AskarovTargetCase *target_case,
                          int                position)
{
  g_return_val_if_fail (target_case != NULL, NULL);

  for (guint i = 0; i < target_case->targets->len; i++)
    {
      const AskarovTargetRow *target = g_ptr_array_index (target_case->targets, i);

      if (target->position == position)
        return target;
    }
  return NULL;
}

/**
 * askarov_store_list_target_cases:
 *
 * Returns: (transfer full): a GPtrArray of AskarovTargetCase, newest
 *   document first, or %NULL with @error set.
 */
GPtrArray *
askarov_store_list_target_cases (AskarovStore  *self,
                                 GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  locker = askarov_store_lock (self);
  stmt = askarov_store_prepare (self,
                                "SELECT d.id, d.case_id, c.name, d.title, d.reference, d.deadline, "
                                "       d.languages, d.own_language_allowed, d.facts_json "
                                "FROM documents d LEFT JOIN cases c ON c.id = d.case_id "
                                "WHERE EXISTS (SELECT 1 FROM targets t WHERE t.document_id = d.id) "
                                "ORDER BY d.sort_date DESC, d.id DESC",
                                error);
  if (stmt == NULL)
    return NULL;

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_target_case_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *languages = NULL;
      AskarovTargetCase *target_case = g_atomic_rc_box_new0 (AskarovTargetCase);

      target_case->document_id = sqlite3_column_int64 (stmt, 0);
      target_case->case_id = sqlite3_column_int64 (stmt, 1);
      target_case->case_name = askarov_store_column_dup (stmt, 2);
      target_case->title = askarov_store_column_dup (stmt, 3);
      target_case->reference = askarov_store_column_dup (stmt, 4);
      target_case->deadline = askarov_store_column_dup (stmt, 5);
      languages = askarov_store_column_dup (stmt, 6);
      target_case->languages = split_languages (languages);
      target_case->own_language_allowed = sqlite3_column_int (stmt, 7) != 0;
      target_case->facts_json = askarov_store_column_dup (stmt, 8);
      target_case->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_target_row_free);
      g_ptr_array_add (cases, target_case);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the Urgent Actions"));
      return NULL;
    }

  for (guint i = 0; i < cases->len; i++)
    if (!load_targets (self, g_ptr_array_index (cases, i), error))
      return NULL;

  return g_steal_pointer (&cases);
}

void
askarov_store_list_target_cases_async (AskarovStore        *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASKAROV_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_store_list_target_cases_async);
  g_task_run_in_thread (task, list_target_cases_worker);
}

GPtrArray *
askarov_store_list_target_cases_finish (AskarovStore  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
