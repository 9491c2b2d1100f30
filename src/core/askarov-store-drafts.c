/* askarov-store-drafts.c — letters being written, saved while the user types.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-drafts"

#include "config.h"

#include "askarov-store-drafts.h"

#include <glib/gi18n.h>

#include "askarov-store-private.h"

G_DEFINE_BOXED_TYPE (AskarovDraft, askarov_draft, askarov_draft_copy, askarov_draft_free)

/* Milliseconds, so drafts saved within one second still sort by age. */
#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

#define DRAFT_COLUMNS "id, case_id, document_id, target_name, target_title, language, role, " \
                      "address_form, channel, subject, body, sent_at, updated_at, salutation_style"

typedef struct
{
  gint64  case_id;
  char   *target_name;
  char   *language;
} LatestQuery;

static void
latest_query_free (LatestQuery *query)
{
  g_free (query->target_name);
  g_free (query->language);
  g_free (query);
}

static AskarovDraft *
draft_from_row (sqlite3_stmt *stmt)
{
  AskarovDraft *draft = askarov_draft_new ();

  draft->id = sqlite3_column_int64 (stmt, 0);
  draft->case_id = sqlite3_column_int64 (stmt, 1);
  draft->document_id = sqlite3_column_int64 (stmt, 2);
  draft->target_name = askarov_store_column_dup (stmt, 3);
  draft->target_title = askarov_store_column_dup (stmt, 4);
  draft->language = askarov_store_column_dup (stmt, 5);
  draft->role = askarov_store_column_dup (stmt, 6);
  draft->address_form = askarov_store_column_dup (stmt, 7);
  draft->channel = askarov_store_column_dup (stmt, 8);
  draft->subject = askarov_store_column_dup (stmt, 9);
  draft->body = askarov_store_column_dup (stmt, 10);
  draft->sent_at = askarov_store_column_dup (stmt, 11);
  draft->updated_at = askarov_store_column_dup (stmt, 12);
  draft->salutation_style = askarov_store_column_dup (stmt, 13);
  if (draft->body == NULL)
    draft->body = g_strdup ("");
  return draft;
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds the editable columns as parameters 1..10 in DRAFT_COLUMNS order after
 * id, and the salutation style as parameter 12. */
static void
bind_draft (sqlite3_stmt       *stmt,
            const AskarovDraft *draft)
{
  bind_id_or_null (stmt, 1, draft->case_id);
  bind_id_or_null (stmt, 2, draft->document_id);
  askarov_store_bind_text_or_null (stmt, 3, draft->target_name);
  askarov_store_bind_text_or_null (stmt, 4, draft->target_title);
  sqlite3_bind_text (stmt, 5, draft->language, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, draft->role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, draft->address_form != NULL ? draft->address_form : "unknown", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, draft->channel != NULL ? draft->channel : "letter", -1, SQLITE_TRANSIENT);
  askarov_store_bind_text_or_null (stmt, 9, draft->subject);
  sqlite3_bind_text (stmt, 10, draft->body != NULL ? draft->body : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, draft->salutation_style != NULL ? draft->salutation_style : "title", -1,
                     SQLITE_TRANSIENT);
}

/* One statement in autocommit mode is one transaction; with the store's
 * synchronous=FULL in WAL mode it is on disk when sqlite3_step returns, so a
 * killed process loses only what was typed after the last save. */
static gboolean
save_locked (AskarovStore  *self,
             AskarovDraft  *draft,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (draft->id > 0)
    {
      stmt = askarov_store_prepare (self,
                                    "UPDATE drafts SET case_id = ?1, document_id = ?2, target_name = ?3, "
                                    "target_title = ?4, language = ?5, role = ?6, address_form = ?7, "
                                    "channel = ?8, subject = ?9, body = ?10, salutation_style = ?12, "
                                    "updated_at = " NOW_SQL " "
                                    "WHERE id = ?11 RETURNING id, updated_at",
                                    error);
      if (stmt == NULL)
        return FALSE;
      bind_draft (stmt, draft);
      sqlite3_bind_int64 (stmt, 11, draft->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_free (draft->updated_at);
          draft->updated_at = askarov_store_column_dup (stmt, 1);
          return sqlite3_step (stmt) == SQLITE_DONE || askarov_store_set_error (self, error, _("Saving the draft"));
        }
      if (rc != SQLITE_DONE)
        return askarov_store_set_error (self, error, _("Saving the draft"));
      /* The row was deleted meanwhile (another window, a restore): save it anew. */
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = askarov_store_prepare (self,
                                "INSERT INTO drafts (case_id, document_id, target_name, target_title, language, "
                                "role, address_form, channel, subject, body, salutation_style, updated_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, " NOW_SQL ") "
                                "RETURNING id, updated_at",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_draft (stmt, draft);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return askarov_store_set_error (self, error, _("Saving the draft"));
  draft->id = sqlite3_column_int64 (stmt, 0);
  g_free (draft->updated_at);
  draft->updated_at = askarov_store_column_dup (stmt, 1);
  return sqlite3_step (stmt) == SQLITE_DONE || askarov_store_set_error (self, error, _("Saving the draft"));
}

static void
save_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AskarovDraft *draft = task_data;
  g_autoptr(GError) error = NULL;

  if (askarov_store_save_draft (source_object, draft, &error))
    g_task_return_int (task, draft->id);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
load_latest_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LatestQuery *query = task_data;
  g_autoptr(GError) error = NULL;
  AskarovDraft *draft;

  draft = askarov_store_load_latest_draft (source_object, query->case_id, query->target_name,
                                           query->language, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, draft, (GDestroyNotify) askarov_draft_free);
}

static void
list_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  gboolean include_sent = GPOINTER_TO_INT (task_data);
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  drafts = askarov_store_list_drafts (source_object, include_sent, &error);
  if (drafts == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, drafts, (GDestroyNotify) g_ptr_array_unref);
}

static void
mark_sent_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  gint64 *id = task_data;
  g_autoptr(GError) error = NULL;

  if (askarov_store_mark_draft_sent (source_object, *id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

AskarovDraft *
askarov_draft_new (void)
{
  return g_new0 (AskarovDraft, 1);
}

AskarovDraft *
askarov_draft_copy (const AskarovDraft *draft)
{
  AskarovDraft *copy;

  g_return_val_if_fail (draft != NULL, NULL);

  copy = g_memdup2 (draft, sizeof *draft);
  copy->target_name = g_strdup (draft->target_name);
  copy->target_title = g_strdup (draft->target_title);
  copy->language = g_strdup (draft->language);
  copy->role = g_strdup (draft->role);
  copy->address_form = g_strdup (draft->address_form);
  copy->salutation_style = g_strdup (draft->salutation_style);
  copy->channel = g_strdup (draft->channel);
  copy->subject = g_strdup (draft->subject);
  copy->body = g_strdup (draft->body);
  copy->sent_at = g_strdup (draft->sent_at);
  copy->updated_at = g_strdup (draft->updated_at);
  return copy;
}

void
askarov_draft_free (AskarovDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->target_name);
  g_free (draft->target_title);
  g_free (draft->language);
  g_free (draft->role);
  g_free (draft->address_form);
  g_free (draft->salutation_style);
  g_free (draft->channel);
  g_free (draft->subject);
  g_free (draft->body);
  g_free (draft->sent_at);
  g_free (draft->updated_at);
  g_free (draft);
}

gboolean
askarov_store_save_draft (AskarovStore  *self,
                          AskarovDraft  *draft,
                          GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);
  g_return_val_if_fail (draft->language != NULL && draft->role != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (draft->body != NULL && !g_utf8_validate (draft->body, -1, NULL))
    {
      g_set_error_literal (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
                           _("The draft contains text that is not valid UTF-8 and was not saved."));
      return FALSE;
    }

  locker = askarov_store_lock (self);
  return save_locked (self, draft, error);
}

AskarovDraft *
askarov_store_load_latest_draft (AskarovStore  *self,
                                 gint64         case_id,
                                 const char    *target_name,
                                 const char    *language,
                                 GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = askarov_store_lock (self);
  stmt = askarov_store_prepare (self,
                                "SELECT " DRAFT_COLUMNS " FROM drafts "
                                "WHERE sent_at IS NULL AND case_id IS ?1 AND target_name IS ?2 AND language = ?3 "
                                "ORDER BY updated_at DESC, id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  bind_id_or_null (stmt, 1, case_id);
  askarov_store_bind_text_or_null (stmt, 2, target_name);
  sqlite3_bind_text (stmt, 3, language, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return draft_from_row (stmt);
  if (rc != SQLITE_DONE)
    askarov_store_set_error (self, error, _("Loading the draft"));
  return NULL;
}

AskarovDraft *
askarov_store_get_draft (AskarovStore  *self,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = askarov_store_lock (self);
  stmt = askarov_store_prepare (self, "SELECT " DRAFT_COLUMNS " FROM drafts WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return draft_from_row (stmt);
  if (rc != SQLITE_DONE)
    askarov_store_set_error (self, error, _("Loading the draft"));
  else
    g_set_error_literal (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND,
                         _("The draft no longer exists."));
  return NULL;
}

GPtrArray *
askarov_store_list_drafts (AskarovStore  *self,
                           gboolean       include_sent,
                           GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_draft_free);
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = askarov_store_lock (self);
  stmt = askarov_store_prepare (self,
                                "SELECT " DRAFT_COLUMNS " FROM drafts WHERE ?1 OR sent_at IS NULL "
                                "ORDER BY updated_at DESC, id DESC",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_sent ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (drafts, draft_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Listing the drafts"));
      return NULL;
    }
  return g_steal_pointer (&drafts);
}

gboolean
askarov_store_mark_draft_sent (AskarovStore  *self,
                               gint64         id,
                               GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = askarov_store_lock (self);
  stmt = askarov_store_prepare (self,
                                "UPDATE drafts SET sent_at = " NOW_SQL ", updated_at = " NOW_SQL " WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Marking the draft as sent"));
  if (sqlite3_changes (askarov_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND,
                           _("The draft no longer exists."));
      return FALSE;
    }
  return TRUE;
}

gboolean
askarov_store_delete_draft (AskarovStore  *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = askarov_store_lock (self);
  stmt = askarov_store_prepare (self, "DELETE FROM drafts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Deleting the draft"));
  return TRUE;
}

void
askarov_store_save_draft_async (AskarovStore        *self,
                                const AskarovDraft  *draft,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (draft != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_store_save_draft_async);
  g_task_set_task_data (task, askarov_draft_copy (draft), (GDestroyNotify) askarov_draft_free);
  g_task_run_in_thread (task, save_worker);
}

gint64
askarov_store_save_draft_finish (AskarovStore  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return g_task_propagate_int (G_TASK (result), error);
}

void
askarov_store_load_latest_draft_async (AskarovStore        *self,
                                       gint64               case_id,
                                       const char          *target_name,
                                       const char          *language,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LatestQuery *query;

  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (language != NULL);

  query = g_new0 (LatestQuery, 1);
  query->case_id = case_id;
  query->target_name = g_strdup (target_name);
  query->language = g_strdup (language);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_store_load_latest_draft_async);
  g_task_set_task_data (task, query, (GDestroyNotify) latest_query_free);
  g_task_run_in_thread (task, load_latest_worker);
}

AskarovDraft *
askarov_store_load_latest_draft_finish (AskarovStore  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
askarov_store_list_drafts_async (AskarovStore        *self,
                                 gboolean             include_sent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASKAROV_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_store_list_drafts_async);
  g_task_set_task_data (task, GINT_TO_POINTER (include_sent ? 1 : 0), NULL);
  g_task_run_in_thread (task, list_worker);
}

GPtrArray *
askarov_store_list_drafts_finish (AskarovStore  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
askarov_store_mark_draft_sent_async (AskarovStore        *self,
                                     gint64               id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASKAROV_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_store_mark_draft_sent_async);
  g_task_set_task_data (task, g_memdup2 (&id, sizeof id), g_free);
  g_task_run_in_thread (task, mark_sent_worker);
}

gboolean
askarov_store_mark_draft_sent_finish (AskarovStore  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
