/* askarov-document-list.h — the library's documents as a GListModel, newest first.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-document.h"
#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_DOCUMENT_LIST (askarov_document_list_get_type ())
G_DECLARE_FINAL_TYPE (AskarovDocumentList, askarov_document_list, ASKAROV, DOCUMENT_LIST, GObject)

AskarovDocumentList *askarov_document_list_new          (void);
void                 askarov_document_list_load_async   (AskarovDocumentList  *self,
                                                         AskarovStore         *store,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean             askarov_document_list_load_finish  (AskarovDocumentList  *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                 askarov_document_list_set_documents (AskarovDocumentList *self,
                                                          GPtrArray           *documents);
AskarovDocument     *askarov_document_list_find         (AskarovDocumentList  *self,
                                                         gint64                document_id,
                                                         guint                *position);
void                 askarov_document_list_add          (AskarovDocumentList  *self,
                                                         AskarovDocument      *document);
gboolean             askarov_document_list_remove       (AskarovDocumentList  *self,
                                                         gint64                document_id);
guint                askarov_document_list_remove_case  (AskarovDocumentList  *self,
                                                         gint64                case_id);

G_END_DECLS
