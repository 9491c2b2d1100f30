/* askarov-file.c — writing user files atomically and privately (0600).
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-file"

#include "config.h"

#include "askarov-file.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

struct _AskarovFileReplace
{
  char          *path;
  char          *temp_path;  /* NULL once renamed into place */
  GOutputStream *stream;     /* owns fd */
};

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: the first %s is a file name, the second the system's reason */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write %s: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
sync_path (const char *path,
           gboolean    is_folder)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (is_folder ? O_DIRECTORY : 0), 0);
  int rc;

  if (fd < 0)
    return FALSE;
  rc = fsync (fd);
  /* Some file systems cannot sync a folder; the rename itself is done. */
  if (rc != 0 && is_folder && (errno == EINVAL || errno == ENOTSUP))
    rc = 0;
  close (fd);
  return rc == 0;
}

AskarovFileReplace *
askarov_file_replace_new (const char  *path,
                          GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  AskarovFileReplace *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden and in the same folder, so that the rename is atomic. */
  template = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  /* mkstemp honours the umask only to take bits away; be explicit anyway. */
  if (fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (template);
      set_errno_error (error, saved_errno, path);
      return NULL;
    }

  self = g_new0 (AskarovFileReplace, 1);
  self->path = g_strdup (path);
  self->temp_path = g_steal_pointer (&template);
  self->stream = g_unix_output_stream_new (fd, TRUE);
  return self;
}

GOutputStream *
askarov_file_replace_get_stream (AskarovFileReplace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

const char *
askarov_file_replace_get_temp_path (AskarovFileReplace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

gboolean
askarov_file_replace_commit (AskarovFileReplace  *self,
                             GError             **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->temp_path != NULL, FALSE);

  if (!g_output_stream_close (self->stream, NULL, &local_error))
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write %s: %s"), name, local_error->message);
      goto fail;
    }
  /* Another library may have written through its own descriptor: sync the
   * file by its path, and make sure it is still private. */
  if (g_chmod (self->temp_path, 0600) != 0 || !sync_path (self->temp_path, FALSE))
    {
      set_errno_error (error, errno, self->path);
      goto fail;
    }
  if (g_rename (self->temp_path, self->path) != 0)
    {
      set_errno_error (error, errno, self->path);
      goto fail;
    }
  g_clear_pointer (&self->temp_path, g_free);

  /* The rename is durable only once the folder is on disk too. */
  folder = g_path_get_dirname (self->path);
  if (!sync_path (folder, TRUE))
    return set_errno_error (error, errno, self->path);
  return TRUE;

fail:
  g_unlink (self->temp_path);
  g_clear_pointer (&self->temp_path, g_free);
  return FALSE;
}

void
askarov_file_replace_free (AskarovFileReplace *self)
{
  if (self == NULL)
    return;
  if (self->temp_path != NULL)
    {
      /* Not committed: drop what was written, keep the old file. */
      g_output_stream_close (self->stream, NULL, NULL);
      g_unlink (self->temp_path);
      g_free (self->temp_path);
    }
  g_clear_object (&self->stream);
  g_free (self->path);
  g_free (self);
}

gboolean
askarov_file_replace_contents (const char  *path,
                               const void  *data,
                               gsize        len,
                               GError     **error)
{
  g_autoptr(AskarovFileReplace) out = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (!(out = askarov_file_replace_new (path, error)))
    return FALSE;
  if (len > 0 && !g_output_stream_write_all (out->stream, data, len, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write %s: %s"), name, local_error->message);
      return FALSE;
    }
  return askarov_file_replace_commit (out, error);
}

static void
replace_contents_worker (GTask        *task,
                         gpointer      source,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;
  gsize len = 0;
  const void *data = g_bytes_get_data (bytes, &len);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (askarov_file_replace_contents (path, data != NULL ? data : "", len, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
askarov_file_replace_contents_async (const char          *path,
                                     GBytes              *bytes,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (bytes != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_file_replace_contents_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_task_run_in_thread (task, replace_contents_worker);
}

gboolean
askarov_file_replace_contents_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == askarov_file_replace_contents_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
askarov_file_is_same (const char *a,
                      const char *b)
{
  GStatBuf sa, sb;
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  ca = g_canonicalize_filename (a, NULL);
  cb = g_canonicalize_filename (b, NULL);
  return g_str_equal (ca, cb);
}
