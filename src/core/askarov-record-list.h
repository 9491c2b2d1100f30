/* askarov-record-list.h — a GListModel of records read from the database a page at a time.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-action-record.h"
#include "askarov-store-records.h"

G_BEGIN_DECLS

/*
 * AskarovRecordList: the records matching a filter, newest first.
 *
 * Use it on the main thread. It counts the rows on a worker (n-items is 0
 * until then; the "loading" property is TRUE meanwhile), and get_item()
 * returns at once: an item whose page has not been read yet is a placeholder
 * record (loaded = FALSE) that fills in, with property notifications, when
 * its page arrives from a worker. Changes made through the store API arrive
 * through the store's AskarovRecordMonitor and become one items-changed for
 * the row that changed; records-reset (and a new filter) reload the model.
 *
 * Properties: store (construct-only), filter (AskarovRecordFilter boxed,
 * NULL = everything), loading (boolean, read-only), n-items (uint, read-only).
 * Signal: "loaded" () after each count/reload finished; "error" (GError *)
 * when reading failed (the model then keeps what it had).
 */
#define ASKAROV_TYPE_RECORD_LIST (askarov_record_list_get_type ())
G_DECLARE_FINAL_TYPE (AskarovRecordList, askarov_record_list, ASKAROV, RECORD_LIST, GObject)

/* Rows read per page. */
#define ASKAROV_RECORD_LIST_PAGE_SIZE 100

AskarovRecordList         *askarov_record_list_new        (AskarovStore              *store,
                                                           const AskarovRecordFilter *filter);
AskarovStore              *askarov_record_list_get_store  (AskarovRecordList         *self);
const AskarovRecordFilter *askarov_record_list_get_filter (AskarovRecordList         *self);
void                       askarov_record_list_set_filter (AskarovRecordList         *self,
                                                           const AskarovRecordFilter *filter);
gboolean                   askarov_record_list_get_loading (AskarovRecordList        *self);
/* Drops every cached page and counts again (items-changed for all). */
void                       askarov_record_list_reload     (AskarovRecordList         *self);
/* The position of the record with @id among the loaded pages, or -1. */
int                        askarov_record_list_find       (AskarovRecordList         *self,
                                                           gint64                     id);

G_END_DECLS
