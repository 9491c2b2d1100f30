/* askarov-store-private.h — what the store's area files share: the connection and its lock.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "askarov-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Takes the store's lock for a whole unit of work; release with g_mutex_locker_free
 * (or hold it in a g_autoptr(GMutexLocker)). */
GMutexLocker *askarov_store_lock            (AskarovStore  *self);
sqlite3      *askarov_store_get_db          (AskarovStore  *self);

/* Sets @error from the connection's last error, prefixed with @what. Always returns FALSE. */
gboolean      askarov_store_set_error       (AskarovStore  *self,
                                             GError       **error,
                                             const char    *what);
gboolean      askarov_store_exec            (AskarovStore  *self,
                                             const char    *sql,
                                             GError       **error);
sqlite3_stmt *askarov_store_prepare         (AskarovStore  *self,
                                             const char    *sql,
                                             GError       **error);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; call with the lock held. */
gboolean      askarov_store_begin           (AskarovStore  *self,
                                             GError       **error);
gboolean      askarov_store_commit          (AskarovStore  *self,
                                             GError       **error);
void          askarov_store_rollback        (AskarovStore  *self);

/* Binds a UTF-8 string, or NULL when @text is NULL or empty. */
void          askarov_store_bind_text_or_null (sqlite3_stmt *stmt,
                                               int           index,
                                               const char   *text);
/* A copy of a text column, or NULL. */
char         *askarov_store_column_dup      (sqlite3_stmt  *stmt,
                                             int            index);

/* Renames @path and its -wal, -shm and -journal files to PATH.WHY-STAMP…,
 * all or none: a rename that fails puts back the ones already made. Returns
 * the new path of the database file, or NULL with @error set. */
char         *askarov_store_move_aside_files (const char   *path,
                                              const char   *why,
                                              GError      **error);

G_END_DECLS
