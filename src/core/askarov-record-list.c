/* askarov-record-list.c — a GListModel of records read from the database a page at a time.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-record-list"

#include "config.h"

#include "askarov-record-list.h"

typedef enum
{
  EVENT_ADDED,
  EVENT_CHANGED,
  EVENT_REMOVED,
} EventKind;

typedef struct
{
  EventKind            kind;
  AskarovActionRecord *old;      /* removed or changed: the row as it was */
  AskarovActionRecord *record;   /* added or changed: the row as it is */
} Event;

struct _AskarovRecordList
{
  GObject               parent_instance;
  AskarovStore         *store;
  AskarovRecordFilter  *filter;
  AskarovRecordMonitor *monitor;
  GCancellable         *cancellable;   /* cancelled by reload and dispose */
  GPtrArray            *items;         /* n_items slots: AskarovActionRecord or NULL (not asked for yet) */
  GHashTable           *pending;       /* start offsets of page loads in flight for this layout */
  GQueue                events;        /* Event, applied one at a time */
  guint                 generation;    /* bumped by reload: results of older ones are dropped */
  guint                 layout;        /* bumped by every insertion or removal */
  guint                 loading : 1;
  guint                 event_busy : 1;
};

static void askarov_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AskarovRecordList, askarov_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, askarov_record_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  SIGNAL_LOADED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What an async step needs to find its list again and know whether it is stale. */
typedef struct
{
  AskarovRecordList *self;   /* owned */
  guint              generation;
  guint              layout;
  guint              start;
} Request;

static Request *
request_new (AskarovRecordList *self,
             guint              start)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->generation = self->generation;
  request->layout = self->layout;
  request->start = start;
  return request;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* Slots that were never asked for hold NULL, which g_object_unref() refuses. */
static void
unref_slot (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
event_free (Event *event)
{
  g_clear_object (&event->old);
  g_clear_object (&event->record);
  g_free (event);
}

static void
set_loading (AskarovRecordList *self,
             gboolean           loading)
{
  if (self->loading != (guint) !!loading)
    {
      self->loading = !!loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

static void
items_changed (AskarovRecordList *self,
               guint              position,
               guint              removed,
               guint              added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void request_page (AskarovRecordList *self,
                          guint              position);
static void process_events (AskarovRecordList *self);

/* Asks again for every placeholder still waiting, after a stale result. */
static void
request_missing (AskarovRecordList *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      AskarovActionRecord *record = g_ptr_array_index (self->items, i);

      if (record != NULL && !askarov_action_record_get_loaded (record))
        request_page (self, i);
    }
}

static void
page_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  AskarovRecordList *self = request->self;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = askarov_store_list_records_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || request->generation != self->generation)
    return;
  if (records == NULL)
    {
      g_hash_table_remove (self->pending, GUINT_TO_POINTER (request->start));
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
      return;
    }
  if (request->layout != self->layout)
    {
      /* Rows came or went while this page was read: its offsets are off. */
      request_missing (self);
      return;
    }

  g_hash_table_remove (self->pending, GUINT_TO_POINTER (request->start));
  for (guint i = 0; i < records->len; i++)
    {
      guint position = request->start + i;
      AskarovActionRecord *slot;

      if (position >= self->items->len)
        break;
      slot = g_ptr_array_index (self->items, position);
      if (slot != NULL && !askarov_action_record_get_loaded (slot))
        askarov_action_record_assign (slot, g_ptr_array_index (records, i));
    }
}

/* Starts reading the page around @position, putting placeholders in its empty slots. */
static void
request_page (AskarovRecordList *self,
              guint              position)
{
  guint start = position - position % ASKAROV_RECORD_LIST_PAGE_SIZE;
  guint end = MIN (start + ASKAROV_RECORD_LIST_PAGE_SIZE, self->items->len);

  for (guint i = start; i < end; i++)
    if (g_ptr_array_index (self->items, i) == NULL)
      {
        AskarovActionRecord *placeholder = askarov_action_record_new ();

        askarov_action_record_set_loaded (placeholder, FALSE);
        g_ptr_array_index (self->items, i) = placeholder;
      }

  if (g_hash_table_contains (self->pending, GUINT_TO_POINTER (start)))
    return;
  g_hash_table_add (self->pending, GUINT_TO_POINTER (start));
  askarov_store_list_records_async (self->store, self->filter, start, ASKAROV_RECORD_LIST_PAGE_SIZE,
                                    self->cancellable, page_loaded_cb, request_new (self, start));
}

static void
insert_item (AskarovRecordList   *self,
             guint                position,
             AskarovActionRecord *record)
{
  position = MIN (position, self->items->len);
  g_ptr_array_insert (self->items, position, askarov_action_record_copy (record));
  self->layout++;
  g_hash_table_remove_all (self->pending);
  items_changed (self, position, 0, 1);
}

static void
remove_item (AskarovRecordList *self,
             guint              position)
{
  if (position >= self->items->len)
    return;
  g_ptr_array_remove_index (self->items, position);
  self->layout++;
  g_hash_table_remove_all (self->pending);
  items_changed (self, position, 1, 0);
}

static int
find_loaded (AskarovRecordList *self,
             gint64             id)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      AskarovActionRecord *record = g_ptr_array_index (self->items, i);

      if (record != NULL && askarov_action_record_get_loaded (record) &&
          askarov_action_record_get_id (record) == id)
        return (int) i;
    }
  return -1;
}

typedef struct
{
  AskarovStore        *store;
  AskarovRecordFilter *filter;
  char                *taken_on;
  gint64               id;
} PositionQuery;

static void
position_query_free (PositionQuery *query)
{
  g_clear_object (&query->store);
  askarov_record_filter_free (query->filter);
  g_free (query->taken_on);
  g_free (query);
}

static void
position_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  PositionQuery *query = task_data;
  GError *error = NULL;
  guint position = 0;

  if (askarov_store_record_position (query->store, query->filter, query->taken_on, query->id, &position, &error))
    g_task_return_int (task, position);
  else
    g_task_return_error (task, error);
}

static void
event_done (AskarovRecordList *self)
{
  event_free (g_queue_pop_head (&self->events));
  self->event_busy = FALSE;
  process_events (self);
}

/* Whether @a comes before @b in the list: newest first (taken_on, then id,
 * descending), as askarov_store_record_position() counts. */
static gboolean
sorts_before (AskarovActionRecord *a,
              AskarovActionRecord *b)
{
  int cmp = g_strcmp0 (askarov_action_record_get_taken_on (a), askarov_action_record_get_taken_on (b));

  return cmp > 0 || (cmp == 0 && askarov_action_record_get_id (a) > askarov_action_record_get_id (b));
}

/* The position the database gives for @record counts the rows as they are
 * now, after every change still waiting in the queue behind the one being
 * applied; the list does not have those yet. Returns what to add to the
 * database's position to get the list's: minus each queued row that is in
 * the database but not yet in the list and sorts before @record, plus each
 * one that the list still shows but the database no longer has. */
static int
unapplied_offset (AskarovRecordList   *self,
                  AskarovActionRecord *record)
{
  int offset = 0;

  for (GList *l = self->events.head != NULL ? self->events.head->next : NULL; l != NULL; l = l->next)
    {
      Event *event = l->data;
      gboolean was_in = event->old != NULL && askarov_record_filter_matches (self->filter, event->old);
      gboolean is_in = event->record != NULL && askarov_record_filter_matches (self->filter, event->record);

      if (event->kind == EVENT_CHANGED && was_in && is_in &&
          g_strcmp0 (askarov_action_record_get_taken_on (event->old),
                     askarov_action_record_get_taken_on (event->record)) == 0)
        continue;
      if (is_in && find_loaded (self, askarov_action_record_get_id (event->record)) < 0 &&
          sorts_before (event->record, record))
        offset--;
      if (was_in && sorts_before (event->old, record))
        offset++;
    }
  return offset;
}

static void
position_found_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  AskarovRecordList *self = request->self;
  g_autoptr(GError) error = NULL;
  Event *event;
  gssize position;

  position = g_task_propagate_int (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || request->generation != self->generation)
    return;
  event = g_queue_peek_head (&self->events);
  if (position < 0)
    g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
  else
    {
      position = MAX (position + unapplied_offset (self, event->kind == EVENT_REMOVED ? event->old : event->record), 0);
      if (event->kind == EVENT_REMOVED)
        remove_item (self, (guint) position);
      else
        insert_item (self, (guint) position, event->record);
    }
  event_done (self);
}

/* Finds where @record sorts in the filtered list, on a worker. */
static void
query_position (AskarovRecordList   *self,
                AskarovActionRecord *record)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, position_found_cb, request_new (self, 0));
  PositionQuery *query = g_new0 (PositionQuery, 1);

  query->store = g_object_ref (self->store);
  query->filter = askarov_record_filter_copy (self->filter);
  query->taken_on = g_strdup (askarov_action_record_get_taken_on (record));
  query->id = askarov_action_record_get_id (record);
  g_task_set_source_tag (task, query_position);
  g_task_set_task_data (task, query, (GDestroyNotify) position_query_free);
  g_task_run_in_thread (task, position_worker);
}

/* Applies the queued change events in order; those that need a position
 * from the database pause the queue until it comes back. The position is
 * read after later changes may have committed too (several records logged
 * or imported before their page loads): unapplied_offset() takes out what
 * the changes still queued behind this one did, so each row lands at its
 * place. */
static void
process_events (AskarovRecordList *self)
{
  Event *event;

  while (!self->event_busy && (event = g_queue_peek_head (&self->events)) != NULL)
    {
      int found;

      if (self->loading)
        {
          /* The count on its way may or may not include this change:
           * count again, after the change was committed. */
          askarov_record_list_reload (self);
          return;
        }

      if (event->kind == EVENT_CHANGED)
        {
          gboolean was_in = askarov_record_filter_matches (self->filter, event->old);
          gboolean is_in = askarov_record_filter_matches (self->filter, event->record);
          gboolean same_place = g_strcmp0 (askarov_action_record_get_taken_on (event->old),
                                           askarov_action_record_get_taken_on (event->record)) == 0;

          found = find_loaded (self, askarov_action_record_get_id (event->record));
          if (was_in && is_in && same_place && found >= 0)
            {
              askarov_action_record_assign (g_ptr_array_index (self->items, found), event->record);
              items_changed (self, found, 1, 1);
              event_free (g_queue_pop_head (&self->events));
              continue;
            }
          if (was_in && is_in && same_place)
            {
              /* Not loaded yet: it will be read as it is now. */
              event_free (g_queue_pop_head (&self->events));
              continue;
            }
          /* Otherwise a removal followed by an addition. */
          g_queue_pop_head (&self->events);
          if (is_in)
            {
              Event *added = g_new0 (Event, 1);

              added->kind = EVENT_ADDED;
              added->record = g_object_ref (event->record);
              g_queue_push_head (&self->events, added);
            }
          if (was_in)
            {
              Event *removed = g_new0 (Event, 1);

              removed->kind = EVENT_REMOVED;
              removed->old = g_object_ref (event->old);
              g_queue_push_head (&self->events, removed);
            }
          event_free (event);
          continue;
        }

      if (event->kind == EVENT_REMOVED)
        {
          if (!askarov_record_filter_matches (self->filter, event->old))
            {
              event_free (g_queue_pop_head (&self->events));
              continue;
            }
          found = find_loaded (self, askarov_action_record_get_id (event->old));
          if (found >= 0)
            {
              remove_item (self, found);
              event_free (g_queue_pop_head (&self->events));
              continue;
            }
          self->event_busy = TRUE;
          query_position (self, event->old);
          return;
        }

      /* EVENT_ADDED */
      if (!askarov_record_filter_matches (self->filter, event->record) ||
          find_loaded (self, askarov_action_record_get_id (event->record)) >= 0)
        {
          event_free (g_queue_pop_head (&self->events));
          continue;
        }
      self->event_busy = TRUE;
      query_position (self, event->record);
      return;
    }
}

static void
push_event (AskarovRecordList   *self,
            EventKind            kind,
            AskarovActionRecord *old,
            AskarovActionRecord *record)
{
  Event *event = g_new0 (Event, 1);

  event->kind = kind;
  event->old = old != NULL ? g_object_ref (old) : NULL;
  event->record = record != NULL ? g_object_ref (record) : NULL;
  g_queue_push_tail (&self->events, event);
  process_events (self);
}

static void
monitor_record_added_cb (AskarovRecordList   *self,
                         AskarovActionRecord *record)
{
  push_event (self, EVENT_ADDED, NULL, record);
}

static void
monitor_record_changed_cb (AskarovRecordList   *self,
                           AskarovActionRecord *old,
                           AskarovActionRecord *record)
{
  push_event (self, EVENT_CHANGED, old, record);
}

static void
monitor_record_removed_cb (AskarovRecordList   *self,
                           AskarovActionRecord *record)
{
  push_event (self, EVENT_REMOVED, record, NULL);
}

static void
monitor_records_reset_cb (AskarovRecordList *self)
{
  askarov_record_list_reload (self);
}

/* Another process or connection wrote: its rows came without events. */
static void
store_external_change_cb (AskarovRecordList *self)
{
  askarov_record_list_reload (self);
}

typedef struct
{
  AskarovStore        *store;
  AskarovRecordFilter *filter;
} CountQuery;

static void
count_query_free (CountQuery *query)
{
  g_clear_object (&query->store);
  askarov_record_filter_free (query->filter);
  g_free (query);
}

static void
count_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountQuery *query = task_data;
  GError *error = NULL;
  guint count = 0;

  if (askarov_store_count_records (query->store, query->filter, &count, &error))
    g_task_return_int (task, count);
  else
    g_task_return_error (task, error);
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  AskarovRecordList *self = request->self;
  g_autoptr(GError) error = NULL;
  guint old_len;
  gssize count;

  count = g_task_propagate_int (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || request->generation != self->generation)
    return;

  set_loading (self, FALSE);
  if (count < 0)
    {
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }

  old_len = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->items, (guint) count);
  g_hash_table_remove_all (self->pending);
  self->layout++;
  if (old_len != 0 || count != 0)
    items_changed (self, 0, old_len, (guint) count);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
  process_events (self);
}

static GType
askarov_record_list_get_item_type (GListModel *model)
{
  return ASKAROV_TYPE_ACTION_RECORD;
}

static guint
askarov_record_list_get_n_items (GListModel *model)
{
  return ASKAROV_RECORD_LIST (model)->items->len;
}

static gpointer
askarov_record_list_get_item (GListModel *model,
                              guint       position)
{
  AskarovRecordList *self = ASKAROV_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  if (g_ptr_array_index (self->items, position) == NULL)
    request_page (self, position);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
askarov_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = askarov_record_list_get_item_type;
  iface->get_n_items = askarov_record_list_get_n_items;
  iface->get_item = askarov_record_list_get_item;
}

static void
askarov_record_list_dispose (GObject *object)
{
  AskarovRecordList *self = ASKAROV_RECORD_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_queue_clear_full (&self->events, (GDestroyNotify) event_free);

  G_OBJECT_CLASS (askarov_record_list_parent_class)->dispose (object);
}

static void
askarov_record_list_finalize (GObject *object)
{
  AskarovRecordList *self = ASKAROV_RECORD_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->filter, askarov_record_filter_free);

  G_OBJECT_CLASS (askarov_record_list_parent_class)->finalize (object);
}

static void
askarov_record_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AskarovRecordList *self = ASKAROV_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_record_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AskarovRecordList *self = ASKAROV_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      askarov_record_list_set_filter (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_record_list_constructed (GObject *object)
{
  AskarovRecordList *self = ASKAROV_RECORD_LIST (object);

  G_OBJECT_CLASS (askarov_record_list_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->monitor = g_object_ref (askarov_store_get_record_monitor (self->store));
  g_signal_connect_swapped (self->monitor, "record-added", G_CALLBACK (monitor_record_added_cb), self);
  g_signal_connect_swapped (self->monitor, "record-changed", G_CALLBACK (monitor_record_changed_cb), self);
  g_signal_connect_swapped (self->monitor, "record-removed", G_CALLBACK (monitor_record_removed_cb), self);
  g_signal_connect_swapped (self->monitor, "records-reset", G_CALLBACK (monitor_records_reset_cb), self);
  g_signal_connect_object (self->store, "external-change", G_CALLBACK (store_external_change_cb), self,
                           G_CONNECT_SWAPPED);
  askarov_record_list_reload (self);
}

static void
askarov_record_list_class_init (AskarovRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = askarov_record_list_constructed;
  object_class->dispose = askarov_record_list_dispose;
  object_class->finalize = askarov_record_list_finalize;
  object_class->get_property = askarov_record_list_get_property;
  object_class->set_property = askarov_record_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ASKAROV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, ASKAROV_TYPE_RECORD_FILTER,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
askarov_record_list_init (AskarovRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (unref_slot);
  self->pending = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->events);
}

AskarovRecordList *
askarov_record_list_new (AskarovStore              *store,
                         const AskarovRecordFilter *filter)
{
  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);

  return g_object_new (ASKAROV_TYPE_RECORD_LIST,
                       "store", store,
                       "filter", filter,
                       NULL);
}

AskarovStore *
askarov_record_list_get_store (AskarovRecordList *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORD_LIST (self), NULL);

  return self->store;
}

const AskarovRecordFilter *
askarov_record_list_get_filter (AskarovRecordList *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORD_LIST (self), NULL);

  return self->filter;
}

void
askarov_record_list_set_filter (AskarovRecordList         *self,
                                const AskarovRecordFilter *filter)
{
  g_return_if_fail (ASKAROV_IS_RECORD_LIST (self));

  if (askarov_record_filter_equal (self->filter, filter) && (self->filter != NULL || filter == NULL))
    return;
  g_clear_pointer (&self->filter, askarov_record_filter_free);
  self->filter = askarov_record_filter_copy (filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  /* During construction the store is not set yet; constructed() loads. */
  if (self->store != NULL)
    askarov_record_list_reload (self);
}

gboolean
askarov_record_list_get_loading (AskarovRecordList *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORD_LIST (self), FALSE);

  return self->loading;
}

void
askarov_record_list_reload (AskarovRecordList *self)
{
  g_autoptr(GTask) task = NULL;
  CountQuery *query;

  g_return_if_fail (ASKAROV_IS_RECORD_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->event_busy = FALSE;
  g_queue_clear_full (&self->events, (GDestroyNotify) event_free);
  set_loading (self, TRUE);

  query = g_new0 (CountQuery, 1);
  query->store = g_object_ref (self->store);
  query->filter = askarov_record_filter_copy (self->filter);
  task = g_task_new (NULL, self->cancellable, counted_cb, request_new (self, 0));
  g_task_set_source_tag (task, askarov_record_list_reload);
  g_task_set_task_data (task, query, (GDestroyNotify) count_query_free);
  g_task_run_in_thread (task, count_worker);
}

int
askarov_record_list_find (AskarovRecordList *self,
                          gint64             id)
{
  g_return_val_if_fail (ASKAROV_IS_RECORD_LIST (self), -1);

  return find_loaded (self, id);
}
