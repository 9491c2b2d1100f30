/* askarov-store-documents-async.c — the _async/_finish forms of the case library functions, for the UI.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-documents"

#include "config.h"

#include "askarov-store-documents.h"

typedef enum
{
  CALL_IMPORT_FILE,
  CALL_LIST_DOCUMENTS,
  CALL_LIST_CASES,
  CALL_GET_DOCUMENT,
  CALL_MOVE_DOCUMENT,
  CALL_DELETE_DOCUMENT,
  CALL_DELETE_CASE,
  CALL_SEARCH,
  CALL_CASE_EVENTS,
} CallKind;

/* What an _async function hands its worker: copies only. */
typedef struct
{
  CallKind  kind;
  gint64    id;
  gint64    other_id;
  guint     limit;
  char     *text;
  GFile    *file;
} Call;

static void
call_free (Call *call)
{
  g_free (call->text);
  g_clear_object (&call->file);
  g_free (call);
}



/* Async wrappers: one worker runs the sync function a Call names. */

static void
call_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AskarovStore *self = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;
  GDestroyNotify free_func = (GDestroyNotify) g_ptr_array_unref;

  if (g_task_return_error_if_cancelled (task))
    return;

  switch (call->kind)
    {
    case CALL_IMPORT_FILE:
      result = askarov_store_import_file (self, call->file, cancellable, &error);
      free_func = g_object_unref;
      break;
    case CALL_LIST_DOCUMENTS:
      result = askarov_store_list_documents (self, call->id, &error);
      break;
    case CALL_LIST_CASES:
      result = askarov_store_list_cases (self, &error);
      break;
    case CALL_GET_DOCUMENT:
      result = askarov_store_get_document (self, call->id, &error);
      free_func = g_object_unref;
      break;
    case CALL_MOVE_DOCUMENT:
      if (call->text != NULL && (call->other_id = askarov_store_create_case (self, call->text, &error)) == 0)
        break;
      if (askarov_store_move_document (self, call->id, call->other_id, &error))
        result = askarov_store_get_document (self, call->id, &error);
      free_func = g_object_unref;
      break;
    case CALL_DELETE_DOCUMENT:
      if (askarov_store_delete_document (self, call->id, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    case CALL_DELETE_CASE:
      if (askarov_store_delete_case (self, call->id, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    case CALL_SEARCH:
      result = askarov_store_search_documents (self, call->text, call->limit, &error);
      break;
    case CALL_CASE_EVENTS:
      result = askarov_store_list_case_events (self, call->id, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (result != NULL)
    g_task_return_pointer (task, result, free_func);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
run_call (AskarovStore        *self,
          Call                *call,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  g_task_run_in_thread (task, call_worker);
}

static Call *
call_new (CallKind kind,
          gint64   id)
{
  Call *call = g_new0 (Call, 1);

  call->kind = kind;
  call->id = id;
  return call;
}

void
askarov_store_import_file_async (AskarovStore        *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Call *call;

  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  call = call_new (CALL_IMPORT_FILE, 0);
  call->file = g_object_ref (file);
  run_call (self, call, askarov_store_import_file_async, cancellable, callback, user_data);
}

AskarovDocument *
askarov_store_import_file_finish (AskarovStore  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
askarov_store_list_documents_async (AskarovStore        *self,
                                    gint64               case_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  run_call (self, call_new (CALL_LIST_DOCUMENTS, case_id), askarov_store_list_documents_async,
            cancellable, callback, user_data);
}

GPtrArray *
askarov_store_list_documents_finish (AskarovStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
askarov_store_list_cases_async (AskarovStore        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  run_call (self, call_new (CALL_LIST_CASES, 0), askarov_store_list_cases_async,
            cancellable, callback, user_data);
}

GPtrArray *
askarov_store_list_cases_finish (AskarovStore  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
askarov_store_get_document_async (AskarovStore        *self,
                                  gint64               document_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  run_call (self, call_new (CALL_GET_DOCUMENT, document_id), askarov_store_get_document_async,
            cancellable, callback, user_data);
}

AskarovDocument *
askarov_store_get_document_finish (AskarovStore  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * askarov_store_move_document_async:
 * @new_case_name: (nullable): when set, move to the case of that name
 *   (created when missing) instead of @case_id
 */
void
askarov_store_move_document_async (AskarovStore        *self,
                                   gint64               document_id,
                                   gint64               case_id,
                                   const char          *new_case_name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Call *call;

  g_return_if_fail (ASKAROV_IS_STORE (self));

  call = call_new (CALL_MOVE_DOCUMENT, document_id);
  call->other_id = case_id;
  call->text = g_strdup (new_case_name);
  run_call (self, call, askarov_store_move_document_async, cancellable, callback, user_data);
}

/**
 * askarov_store_move_document_finish:
 *
 * Returns: (transfer full): the moved document as it is now
 */
AskarovDocument *
askarov_store_move_document_finish (AskarovStore  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
askarov_store_delete_document_async (AskarovStore        *self,
                                     gint64               document_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  run_call (self, call_new (CALL_DELETE_DOCUMENT, document_id), askarov_store_delete_document_async,
            cancellable, callback, user_data);
}

gboolean
askarov_store_delete_document_finish (AskarovStore  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
askarov_store_delete_case_async (AskarovStore        *self,
                                 gint64               case_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  run_call (self, call_new (CALL_DELETE_CASE, case_id), askarov_store_delete_case_async,
            cancellable, callback, user_data);
}

gboolean
askarov_store_delete_case_finish (AskarovStore  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
askarov_store_search_documents_async (AskarovStore        *self,
                                      const char          *query,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Call *call;

  g_return_if_fail (ASKAROV_IS_STORE (self));
  g_return_if_fail (query != NULL);

  call = call_new (CALL_SEARCH, 0);
  call->text = g_strdup (query);
  call->limit = limit;
  run_call (self, call, askarov_store_search_documents_async, cancellable, callback, user_data);
}

GPtrArray *
askarov_store_search_documents_finish (AskarovStore  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
askarov_store_list_case_events_async (AskarovStore        *self,
                                      gint64               case_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (self));
  run_call (self, call_new (CALL_CASE_EVENTS, case_id), askarov_store_list_case_events_async,
            cancellable, callback, user_data);
}

GPtrArray *
askarov_store_list_case_events_finish (AskarovStore  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
