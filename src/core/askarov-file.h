/* askarov-file.h — writing user files atomically and privately (0600).
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Every file the app writes for the user (exports, reports, backups, PDFs,
 * text letters) goes through these functions, so that:
 *
 *  - the file is readable by its owner only (mode 0600): what a volunteer
 *    wrote, to whom, is sensitive;
 *  - the old file, or no file, stays in place until the new one is complete:
 *    the data goes to a temporary file in the same folder, which is flushed
 *    to disk (fsync), renamed over @path, and the folder is synced too, so a
 *    crash or a full disk never leaves a half-written file under @path.
 *
 * All functions are blocking and thread-safe (call them on a worker); the
 * error messages name the file and are meant for the user.
 */

/* Writes @len bytes of @data to @path (replacing it) as described above. */
gboolean             askarov_file_replace_contents        (const char           *path,
                                                           const void           *data,
                                                           gsize                 len,
                                                           GError              **error);

/* The same on a worker thread; @bytes is kept until it is done. */
void                 askarov_file_replace_contents_async  (const char           *path,
                                                           GBytes               *bytes,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             askarov_file_replace_contents_finish (GAsyncResult         *result,
                                                           GError              **error);

/*
 * For data too large to hold in memory, or written by another library:
 *
 *   g_autoptr(AskarovFileReplace) out = askarov_file_replace_new (path, error);
 *   write to askarov_file_replace_get_stream (out),
 *     or let a library write to askarov_file_replace_get_temp_path (out);
 *   askarov_file_replace_commit (out, error);
 *
 * Freeing an AskarovFileReplace that was not committed deletes the
 * temporary file and leaves @path as it was.
 */
typedef struct _AskarovFileReplace AskarovFileReplace;

AskarovFileReplace  *askarov_file_replace_new             (const char           *path,
                                                           GError              **error);
/* (transfer none): writes go to the temporary file. */
GOutputStream       *askarov_file_replace_get_stream      (AskarovFileReplace   *self);
/* The temporary file's path (it exists, empty, mode 0600). */
const char          *askarov_file_replace_get_temp_path   (AskarovFileReplace   *self);
/* Flushes and syncs the temporary file, renames it over the destination
 * and syncs the folder. On error the temporary file is removed. */
gboolean             askarov_file_replace_commit          (AskarovFileReplace   *self,
                                                           GError              **error);
void                 askarov_file_replace_free            (AskarovFileReplace   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovFileReplace, askarov_file_replace_free)

/* Whether @a and @b name the same file (same device and inode), or the
 * same path when either does not exist yet. */
gboolean             askarov_file_is_same                 (const char           *a,
                                                           const char           *b);

G_END_DECLS
