/* askarov-store.h — the SQLite database that holds cases, documents, drafts and records.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ASKAROV_STORE_ERROR (askarov_store_error_quark ())

typedef enum
{
  ASKAROV_STORE_ERROR_FAILED,
  ASKAROV_STORE_ERROR_CORRUPT,     /* the file was damaged or not ours; it was moved aside */
  ASKAROV_STORE_ERROR_TOO_NEW,     /* written by a newer version of the app */
  ASKAROV_STORE_ERROR_READ_ONLY,
  ASKAROV_STORE_ERROR_FULL,
  ASKAROV_STORE_ERROR_NOT_FOUND,
  ASKAROV_STORE_ERROR_CONSTRAINT,
  ASKAROV_STORE_ERROR_LIVE_FILE,   /* a backup aimed at the open database's own files */
  ASKAROV_STORE_ERROR_BUSY,        /* a restore while an import or export runs */
} AskarovStoreError;

#define ASKAROV_STORE_SCHEMA_VERSION 7

#define ASKAROV_TYPE_STORE (askarov_store_get_type ())
G_DECLARE_FINAL_TYPE (AskarovStore, askarov_store, ASKAROV, STORE, GObject)

GQuark        askarov_store_error_quark       (void);
char         *askarov_store_default_path      (void);
AskarovStore *askarov_store_open              (const char    *path,
                                               GError       **error);
void          askarov_store_open_async        (const char    *path,
                                               GCancellable  *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer       user_data);
AskarovStore *askarov_store_open_finish       (GAsyncResult  *result,
                                               GError       **error);
const char   *askarov_store_get_path          (AskarovStore  *self);
const char   *askarov_store_get_moved_aside   (AskarovStore  *self);
int           askarov_store_get_schema_version (AskarovStore *self);
/* How many rows this connection has changed since it opened: equal counts
 * mean nothing was written in between. Does not wait for the store's lock. */
gint64        askarov_store_get_change_count  (AskarovStore *self);
/* PRAGMA data_version: emits "external-change" when another connection
 * committed since the last check. Never waits for the store's lock
 * (@busy says it was held; try again later). */
gboolean      askarov_store_check_external_change (AskarovStore *self,
                                                   gboolean     *busy);
void          askarov_store_emit_external_change  (AskarovStore *self);
/* Imports and exports in flight: a restore is refused meanwhile. */
void          askarov_store_begin_file_job    (AskarovStore  *self);
void          askarov_store_end_file_job      (AskarovStore  *self);
gboolean      askarov_store_has_file_jobs     (AskarovStore  *self);
gboolean      askarov_store_integrity_check   (AskarovStore  *self,
                                               GError       **error);
gboolean      askarov_store_backup            (AskarovStore  *self,
                                               const char    *dest_path,
                                               GError       **error);
gboolean      askarov_store_restore           (AskarovStore  *self,
                                               const char    *src_path,
                                               GError       **error);
void          askarov_store_close             (AskarovStore  *self);

G_END_DECLS
