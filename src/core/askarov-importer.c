/* askarov-importer.c — reads a file (text, Markdown, HTML or PDF) into checked, normalised text.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-importer"

#include "config.h"

#include "askarov-importer.h"

#include <glib/gi18n.h>

G_DEFINE_QUARK (askarov-import-error-quark, askarov_import_error)

G_DEFINE_BOXED_TYPE (AskarovImportedText, askarov_imported_text,
                     askarov_imported_text_copy, askarov_imported_text_free)

AskarovImportedText *
askarov_imported_text_copy (const AskarovImportedText *self)
{
  AskarovImportedText *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AskarovImportedText, 1);
  copy->text = g_strdup (self->text);
  copy->format = g_strdup (self->format);
  copy->title = g_strdup (self->title);
  copy->source_name = g_strdup (self->source_name);
  copy->content_hash = g_strdup (self->content_hash);
  copy->repaired = self->repaired;
  return copy;
}

void
askarov_imported_text_free (AskarovImportedText *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->format);
  g_free (self->title);
  g_free (self->source_name);
  g_free (self->content_hash);
  g_free (self);
}

const char *
askarov_import_sniff_format (GBytes     *bytes,
                             const char *name)
{
  return ASKAROV_IMPORT_FORMAT_TEXT;
}

char *
askarov_import_hash_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

AskarovImportedText *
askarov_import_read_bytes (GBytes      *bytes,
                           const char  *name,
                           GError     **error)
{
  g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_UNSUPPORTED,
               _("Import is not available in this build yet."));
  return NULL;
}

AskarovImportedText *
askarov_import_read_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_UNSUPPORTED,
               _("Import is not available in this build yet."));
  return NULL;
}

void
askarov_import_read_file_async (GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, askarov_import_read_file_async);
  g_task_return_new_error (task, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_UNSUPPORTED,
                           _("Import is not available in this build yet."));
}

AskarovImportedText *
askarov_import_read_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
