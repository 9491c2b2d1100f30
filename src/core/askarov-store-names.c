/* askarov-store-names.c — the spellings of officials' names the user confirmed, per letter language.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store"

#include "config.h"

#include "askarov-store-names.h"

#include <glib/gi18n.h>

#include "askarov-names.h"
#include "askarov-store-private.h"

typedef struct
{
  char *official;
  char *language;
  char *local_name;
} NameJob;

static void
name_job_free (gpointer data)
{
  NameJob *job = data;

  g_free (job->official);
  g_free (job->language);
  g_free (job->local_name);
  g_free (job);
}

static NameJob *
name_job_new (const char *official,
              const char *language,
              const char *local_name)
{
  NameJob *job = g_new0 (NameJob, 1);

  job->official = g_strdup (official);
  job->language = g_strdup (language);
  job->local_name = g_strdup (local_name);
  return job;
}

char *
askarov_store_lookup_official_name (AskarovStore  *self,
                                    const char    *official,
                                    const char    *language,
                                    GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (official == NULL || *official == '\0')
    return NULL;
  locker = askarov_store_lock (self);
  /* This language's spelling first, else the newest of the same script. */
  stmt = askarov_store_prepare (self,
                                "SELECT local_name FROM official_names WHERE official = ?1 AND script = ?3 "
                                "ORDER BY language = ?2 DESC, confirmed_on DESC, rowid DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, official, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, askarov_names_get_script (language), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return askarov_store_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    askarov_store_set_error (self, error, _("Could not read the confirmed spelling of a name"));
  return NULL;
}

gboolean
askarov_store_save_official_name (AskarovStore  *self,
                                  const char    *official,
                                  const char    *language,
                                  const char    *local_name,
                                  GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gboolean forget = local_name == NULL || *local_name == '\0';

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (official != NULL && language != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (official, -1, NULL) || (!forget && !g_utf8_validate (local_name, -1, NULL)))
    {
      g_set_error_literal (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
                           _("The name contains text that is not valid UTF-8 and was not saved."));
      return FALSE;
    }
  locker = askarov_store_lock (self);
  stmt = askarov_store_prepare (self,
                                forget ? "DELETE FROM official_names WHERE official = ?1 AND language = ?2"
                                       : "INSERT INTO official_names (official, language, script, local_name, confirmed_on) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5) "
                                         "ON CONFLICT (official, language) DO UPDATE SET "
                                         "script = excluded.script, local_name = excluded.local_name, "
                                         "confirmed_on = excluded.confirmed_on",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, official, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
  if (!forget)
    {
      sqlite3_bind_text (stmt, 3, askarov_names_get_script (language), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, local_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, today, -1, SQLITE_TRANSIENT);
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Could not save the confirmed spelling of a name"));
  return TRUE;
}

static void
lookup_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  NameJob *job = task_data;
  g_autoptr(GError) error = NULL;
  char *name = askarov_store_lookup_official_name (source_object, job->official, job->language, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, name, g_free);
}

static void
save_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  NameJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (askarov_store_save_official_name (source_object, job->official, job->language, job->local_name, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
askarov_store_lookup_official_name_async (AskarovStore        *self,
                                          const char          *official,
                                          const char          *language,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (language != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_store_lookup_official_name_async);
  g_task_set_task_data (task, name_job_new (official, language, NULL), name_job_free);
  g_task_run_in_thread (task, lookup_worker);
}

char *
askarov_store_lookup_official_name_finish (AskarovStore  *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
askarov_store_save_official_name_async (AskarovStore        *self,
                                        const char          *official,
                                        const char          *language,
                                        const char          *local_name,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (official != NULL && language != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_store_save_official_name_async);
  g_task_set_task_data (task, name_job_new (official, language, local_name), name_job_free);
  g_task_run_in_thread (task, save_worker);
}

gboolean
askarov_store_save_official_name_finish (AskarovStore  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
