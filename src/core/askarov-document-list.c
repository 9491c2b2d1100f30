/* askarov-document-list.c — the library's documents as a GListModel, newest first.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded once from the database; after that the owner reports each change
 * the store made (a document added, moved or deleted) and the list emits
 * items-changed for just those rows instead of reloading. */

#define G_LOG_DOMAIN "askarov-document-list"

#include "config.h"

#include "askarov-document-list.h"

#include "askarov-store-documents.h"

struct _AskarovDocumentList
{
  GObject    parent_instance;
  GPtrArray *items;   /* of AskarovDocument, newest first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AskarovDocumentList, askarov_document_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Newest first: by sort date, then the later import first. */
static int
compare_documents (AskarovDocument *a,
                   AskarovDocument *b)
{
  int cmp = g_strcmp0 (askarov_document_get_sort_date (b), askarov_document_get_sort_date (a));

  if (cmp != 0)
    return cmp;
  return (askarov_document_get_id (b) > askarov_document_get_id (a)) -
         (askarov_document_get_id (b) < askarov_document_get_id (a));
}

static guint
find_insert_position (AskarovDocumentList *self,
                      AskarovDocument     *document)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_documents (g_ptr_array_index (self->items, mid), document) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
emit_changed (AskarovDocumentList *self,
              guint                position,
              guint                removed,
              guint                added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  documents = askarov_store_list_documents_finish (ASKAROV_STORE (object), result, &error);
  if (documents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  askarov_document_list_set_documents (g_task_get_source_object (task), documents);
  g_task_return_boolean (task, TRUE);
}

static GType
askarov_document_list_get_item_type (GListModel *model)
{
  return ASKAROV_TYPE_DOCUMENT;
}

static guint
askarov_document_list_get_n_items (GListModel *model)
{
  return ASKAROV_DOCUMENT_LIST (model)->items->len;
}

static gpointer
askarov_document_list_get_item (GListModel *model,
                                guint       position)
{
  AskarovDocumentList *self = ASKAROV_DOCUMENT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = askarov_document_list_get_item_type;
  iface->get_n_items = askarov_document_list_get_n_items;
  iface->get_item = askarov_document_list_get_item;
}

static void
askarov_document_list_finalize (GObject *object)
{
  AskarovDocumentList *self = ASKAROV_DOCUMENT_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (askarov_document_list_parent_class)->finalize (object);
}

static void
askarov_document_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AskarovDocumentList *self = ASKAROV_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_document_list_class_init (AskarovDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = askarov_document_list_finalize;
  object_class->get_property = askarov_document_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
askarov_document_list_init (AskarovDocumentList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

AskarovDocumentList *
askarov_document_list_new (void)
{
  return g_object_new (ASKAROV_TYPE_DOCUMENT_LIST, NULL);
}

/**
 * askarov_document_list_load_async:
 *
 * Reads every document summary from @store on a worker and replaces the
 * list's contents with them.
 */
void
askarov_document_list_load_async (AskarovDocumentList *self,
                                  AskarovStore        *store,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASKAROV_IS_DOCUMENT_LIST (self));
  g_return_if_fail (ASKAROV_IS_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_document_list_load_async);
  askarov_store_list_documents_async (store, ASKAROV_CASE_ANY, cancellable, load_done_cb, g_steal_pointer (&task));
}

gboolean
askarov_document_list_load_finish (AskarovDocumentList  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * askarov_document_list_set_documents:
 * @documents: (element-type AskarovDocument) (nullable): the new contents
 *
 * Replaces everything (a load, or a store that was closed when NULL).
 */
void
askarov_document_list_set_documents (AskarovDocumentList *self,
                                     GPtrArray           *documents)
{
  guint removed;

  g_return_if_fail (ASKAROV_IS_DOCUMENT_LIST (self));

  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (documents, i)));
  g_ptr_array_sort_values (self->items, (GCompareFunc) compare_documents);
  emit_changed (self, 0, removed, self->items->len);
}

/**
 * askarov_document_list_find:
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): the document with that id
 */
AskarovDocument *
askarov_document_list_find (AskarovDocumentList *self,
                            gint64               document_id,
                            guint               *position)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT_LIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      AskarovDocument *document = g_ptr_array_index (self->items, i);

      if (askarov_document_get_id (document) == document_id)
        {
          if (position != NULL)
            *position = i;
          return document;
        }
    }
  return NULL;
}

/**
 * askarov_document_list_add:
 *
 * Inserts a document the store just saved, or replaces the one with the same
 * id (after a move), at its place in date order.
 */
void
askarov_document_list_add (AskarovDocumentList *self,
                           AskarovDocument     *document)
{
  guint position;

  g_return_if_fail (ASKAROV_IS_DOCUMENT_LIST (self));
  g_return_if_fail (ASKAROV_IS_DOCUMENT (document));

  askarov_document_list_remove (self, askarov_document_get_id (document));
  position = find_insert_position (self, document);
  g_ptr_array_insert (self->items, position, g_object_ref (document));
  emit_changed (self, position, 0, 1);
}

gboolean
askarov_document_list_remove (AskarovDocumentList *self,
                              gint64               document_id)
{
  guint position;

  g_return_val_if_fail (ASKAROV_IS_DOCUMENT_LIST (self), FALSE);

  if (askarov_document_list_find (self, document_id, &position) == NULL)
    return FALSE;
  g_ptr_array_remove_index (self->items, position);
  emit_changed (self, position, 1, 0);
  return TRUE;
}

/**
 * askarov_document_list_remove_case:
 *
 * Drops the documents of a deleted case.
 *
 * Returns: how many were removed
 */
guint
askarov_document_list_remove_case (AskarovDocumentList *self,
                                   gint64               case_id)
{
  guint n_removed = 0;

  g_return_val_if_fail (ASKAROV_IS_DOCUMENT_LIST (self), 0);

  for (guint i = self->items->len; i > 0; i--)
    {
      if (askarov_document_get_case_id (g_ptr_array_index (self->items, i - 1)) == case_id)
        {
          g_ptr_array_remove_index (self->items, i - 1);
          emit_changed (self, i - 1, 1, 0);
          n_removed++;
        }
    }
  return n_removed;
}
