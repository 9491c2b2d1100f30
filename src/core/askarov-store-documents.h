/* askarov-store-documents.h — the case library in the database: cases, documents, targets, search.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every function has a sync form (for workers and tests) and, where the UI
 * needs it, an _async/_finish pair that runs the sync form in a GTask. */
#pragma once

#include <gio/gio.h>

#include "askarov-case.h"
#include "askarov-document.h"
#include "askarov-store.h"

G_BEGIN_DECLS

/* Case id meaning "documents in no case" in askarov_store_list_documents(). */
#define ASKAROV_CASE_NONE ((gint64) 0)
/* How many of the best search results get a snippet. */
#define ASKAROV_SEARCH_SNIPPETS 25

/* Case id meaning "every document". */
#define ASKAROV_CASE_ANY  ((gint64) -1)

char            *askarov_fold_search_text          (const char       *text);

gboolean         askarov_store_add_document        (AskarovStore     *self,
                                                    AskarovDocument  *document,
                                                    GError          **error);
AskarovDocument *askarov_store_import_file         (AskarovStore     *self,
                                                    GFile            *file,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
void             askarov_store_import_file_async   (AskarovStore     *self,
                                                    GFile            *file,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
AskarovDocument *askarov_store_import_file_finish  (AskarovStore     *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);

GPtrArray       *askarov_store_list_cases          (AskarovStore     *self,
                                                    GError          **error);
GPtrArray       *askarov_store_list_documents      (AskarovStore     *self,
                                                    gint64            case_id,
                                                    GError          **error);
void             askarov_store_list_documents_async  (AskarovStore   *self,
                                                      gint64          case_id,
                                                      GCancellable   *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer        user_data);
GPtrArray       *askarov_store_list_documents_finish (AskarovStore   *self,
                                                      GAsyncResult   *result,
                                                      GError        **error);
void             askarov_store_list_cases_async    (AskarovStore     *self,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
GPtrArray       *askarov_store_list_cases_finish   (AskarovStore     *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);

AskarovDocument *askarov_store_get_document        (AskarovStore     *self,
                                                    gint64            document_id,
                                                    GError          **error);
void             askarov_store_get_document_async  (AskarovStore     *self,
                                                    gint64            document_id,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
AskarovDocument *askarov_store_get_document_finish (AskarovStore     *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);

gint64           askarov_store_create_case         (AskarovStore     *self,
                                                    const char       *name,
                                                    GError          **error);
gboolean         askarov_store_move_document       (AskarovStore     *self,
                                                    gint64            document_id,
                                                    gint64            case_id,
                                                    GError          **error);
void             askarov_store_move_document_async (AskarovStore     *self,
                                                    gint64            document_id,
                                                    gint64            case_id,
                                                    const char       *new_case_name,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
AskarovDocument *askarov_store_move_document_finish (AskarovStore    *self,
                                                     GAsyncResult    *result,
                                                     GError         **error);
gboolean         askarov_store_delete_document     (AskarovStore     *self,
                                                    gint64            document_id,
                                                    GError          **error);
void             askarov_store_delete_document_async (AskarovStore   *self,
                                                      gint64          document_id,
                                                      GCancellable   *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer        user_data);
gboolean         askarov_store_delete_document_finish (AskarovStore  *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);
gboolean         askarov_store_delete_case         (AskarovStore     *self,
                                                    gint64            case_id,
                                                    GError          **error);
void             askarov_store_delete_case_async   (AskarovStore     *self,
                                                    gint64            case_id,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
gboolean         askarov_store_delete_case_finish  (AskarovStore     *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);

GPtrArray       *askarov_store_search_documents    (AskarovStore     *self,
                                                    const char       *query,
                                                    guint             limit,
                                                    GError          **error);
void             askarov_store_search_documents_async  (AskarovStore *self,
                                                        const char   *query,
                                                        guint         limit,
                                                        GCancellable *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer      user_data);
GPtrArray       *askarov_store_search_documents_finish (AskarovStore *self,
                                                        GAsyncResult *result,
                                                        GError      **error);

GPtrArray       *askarov_store_list_case_events    (AskarovStore     *self,
                                                    gint64            case_id,
                                                    GError          **error);
void             askarov_store_list_case_events_async  (AskarovStore *self,
                                                        gint64        case_id,
                                                        GCancellable *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer      user_data);
GPtrArray       *askarov_store_list_case_events_finish (AskarovStore *self,
                                                        GAsyncResult *result,
                                                        GError      **error);

/* Case state (askarov-store-cases.c); see the rules there. */
gboolean         askarov_store_get_case_state      (AskarovStore     *self,
                                                    gint64            case_id,
                                                    AskarovCaseState *state,
                                                    char            **state_date,
                                                    GError          **error);
gboolean         askarov_store_set_case_state      (AskarovStore     *self,
                                                    gint64            case_id,
                                                    AskarovCaseState  state,
                                                    const char       *state_date,
                                                    GError          **error);
void             askarov_store_set_case_state_async  (AskarovStore   *self,
                                                      gint64          case_id,
                                                      AskarovCaseState state,
                                                      const char     *state_date,
                                                      GCancellable   *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer        user_data);
gboolean         askarov_store_set_case_state_finish (AskarovStore   *self,
                                                      GAsyncResult   *result,
                                                      GError        **error);
gboolean         askarov_store_group_loose_documents (AskarovStore   *self,
                                                      gboolean        force,
                                                      guint          *n_grouped,
                                                      GError        **error);

/* Small key/value flags of the library (e.g. "the case pack was loaded once"). */
char            *askarov_store_get_library_state   (AskarovStore     *self,
                                                    const char       *key);
gboolean         askarov_store_set_library_state   (AskarovStore     *self,
                                                    const char       *key,
                                                    const char       *value,
                                                    GError          **error);

G_END_DECLS
