/* askarov-records-csv.c — records out: CSV (RFC 4180) and JSON export.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-records-csv"

#include "config.h"

#include "askarov-records-csv.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "askarov-file.h"
#include "askarov-records-private.h"

#define N_COLUMNS 12
/* Bytes of output gathered before each write. */
#define WRITE_CHUNK (64 * 1024)

/* ---- Writing ------------------------------------------------------------ */

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
}

/* A cell a spreadsheet would run as a formula, possibly behind apostrophes
 * we added: ^'*[=+-@\t\r\n]. Prefixing one more apostrophe to exactly these
 * and stripping one on import gives every cell back unchanged. */
gboolean
askarov_records_csv_needs_guard (const char *cell)
{
  while (*cell == '\'')
    cell++;
  return is_formula_start (*cell);
}

static void
append_cell (GString    *out,
             const char *cell)
{
  gboolean quote;

  if (cell == NULL || *cell == '\0')
    return;

  quote = strpbrk (cell, ",\"\r\n") != NULL ||
          g_ascii_isspace (cell[0]) || g_ascii_isspace (cell[strlen (cell) - 1]);
  if (quote)
    g_string_append_c (out, '"');
  if (askarov_records_csv_needs_guard (cell))
    g_string_append_c (out, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

char *
askarov_records_csv_escape (const char *cell)
{
  GString *out = g_string_new (NULL);

  append_cell (out, cell);
  return g_string_free (out, FALSE);
}

static void
append_header (GString *out)
{
  g_string_append (out, ASKAROV_RECORDS_CSV_HEADER "\r\n");
}

static void
append_record (GString             *out,
               AskarovActionRecord *record)
{
  const char *cells[N_COLUMNS] = {
    askarov_action_record_get_taken_on (record),
    askarov_action_record_get_case_name (record),
    askarov_action_record_get_reference (record),
    askarov_action_record_get_target_name (record),
    askarov_action_record_get_target_title (record),
    askarov_channel_to_id (askarov_action_record_get_channel (record)),
    askarov_outcome_to_string (askarov_action_record_get_outcome (record)),
    askarov_action_record_get_language (record),
    askarov_action_record_get_note (record),
    askarov_action_record_get_reported_on (record),
    askarov_action_record_get_uuid (record),
    askarov_action_record_get_volunteer (record),
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

void
askarov_records_write_csv (GPtrArray *records,
                           GString   *out)
{
  g_return_if_fail (records != NULL);
  g_return_if_fail (out != NULL);

  append_header (out);
  for (guint i = 0; i < records->len; i++)
    append_record (out, g_ptr_array_index (records, i));
}

static gboolean
flush_chunk (GOutputStream  *stream,
             GString        *buffer,
             GCancellable   *cancellable,
             GError        **error)
{
  if (buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

/* Steps through the records of @filter, oldest first (the order they were
 * taken, so that an import gives them ids in that order), calling @row for each
 * with the store locked: one consistent snapshot, without holding a million
 * records in memory. */
typedef gboolean (*RowFunc) (AskarovActionRecord *record,
                             gpointer             data,
                             GError             **error);

static gboolean
foreach_record (AskarovStore              *store,
                const AskarovRecordFilter *filter,
                RowFunc                    row,
                gpointer                   data,
                guint                     *n_rows,
                GCancellable              *cancellable,
                GError                   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT " ASKAROV_RECORD_COLUMNS " FROM " ASKAROV_RECORD_FROM " WHERE 1");
  guint n = 0;
  int rc;

  askarov_records_filter_sql (filter, sql);
  g_string_append (sql, " ORDER BY r.taken_on, r.id");

  locker = askarov_store_lock (store);
  /* A read transaction, so that the rows all come from one moment. */
  if (!askarov_store_exec (store, "BEGIN", error))
    return FALSE;
  if (!(stmt = askarov_store_prepare (store, sql->str, error)))
    {
      askarov_store_rollback (store);
      return FALSE;
    }
  askarov_records_filter_bind (filter, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AskarovActionRecord) record = askarov_records_read_row (stmt);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) || !row (record, data, error))
        {
          askarov_store_rollback (store);
          return FALSE;
        }
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (store, error, _("Reading the actions"));
      askarov_store_rollback (store);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  askarov_store_rollback (store);
  if (n_rows != NULL)
    *n_rows = n;
  return TRUE;
}

typedef struct
{
  GOutputStream *stream;
  GString       *buffer;
  GCancellable  *cancellable;
} CsvWriter;

static gboolean
write_csv_row (AskarovActionRecord  *record,
               gpointer              data,
               GError              **error)
{
  CsvWriter *writer = data;

  append_record (writer->buffer, record);
  if (writer->buffer->len >= WRITE_CHUNK)
    return flush_chunk (writer->stream, writer->buffer, writer->cancellable, error);
  return TRUE;
}

gboolean
askarov_records_export_csv_stream (AskarovStore              *store,
                                   const AskarovRecordFilter *filter,
                                   GOutputStream             *stream,
                                   guint                     *n_written,
                                   GCancellable              *cancellable,
                                   GError                   **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (WRITE_CHUNK + 4096);
  CsvWriter writer = { stream, buffer, cancellable };

  g_return_val_if_fail (ASKAROV_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  append_header (buffer);
  return foreach_record (store, filter, write_csv_row, &writer, n_written, cancellable, error) &&
         flush_chunk (stream, buffer, cancellable, error) &&
         g_output_stream_flush (stream, cancellable, error);
}

/* Opens @file for replacing (askarov-file.h): the data goes to a private
 * temporary file that is synced and renamed over @file only on commit;
 * freeing it uncommitted leaves any existing file as it was. Private: a
 * list of who wrote to which official is sensitive for the volunteer; they
 * can share the file on purpose. */
static AskarovFileReplace *
open_replace (GFile   *file,
              GError **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Askarov can only save to a folder on this computer."));
      return NULL;
    }
  return askarov_file_replace_new (path, error);
}

static void
prefix_file_error (GError **error,
                   GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  /* Translators: %s is a file name; a system error follows */
  g_prefix_error (error, _("Could not write %s: "), name);
}

gboolean
askarov_records_export_csv_file (AskarovStore              *store,
                                 const AskarovRecordFilter *filter,
                                 GFile                     *file,
                                 guint                     *n_written,
                                 GCancellable              *cancellable,
                                 GError                   **error)
{
  g_autoptr(AskarovFileReplace) out = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(out = open_replace (file, error)))
    return FALSE;
  if (!askarov_records_export_csv_stream (store, filter, askarov_file_replace_get_stream (out),
                                          n_written, cancellable, error))
    return FALSE;
  return askarov_file_replace_commit (out, error);
}

static void
add_json_string (JsonBuilder *builder,
                 const char  *key,
                 const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_json_record (JsonBuilder         *builder,
                 AskarovActionRecord *record)
{
  json_builder_begin_object (builder);
  add_json_string (builder, "taken_on", askarov_action_record_get_taken_on (record));
  add_json_string (builder, "case", askarov_action_record_get_case_name (record));
  add_json_string (builder, "reference", askarov_action_record_get_reference (record));
  add_json_string (builder, "target", askarov_action_record_get_target_name (record));
  add_json_string (builder, "target_title", askarov_action_record_get_target_title (record));
  add_json_string (builder, "channel", askarov_channel_to_id (askarov_action_record_get_channel (record)));
  add_json_string (builder, "outcome", askarov_outcome_to_string (askarov_action_record_get_outcome (record)));
  add_json_string (builder, "language", askarov_action_record_get_language (record));
  add_json_string (builder, "note", askarov_action_record_get_note (record));
  add_json_string (builder, "reported_on", askarov_action_record_get_reported_on (record));
  add_json_string (builder, "id", askarov_action_record_get_uuid (record));
  add_json_string (builder, "volunteer", askarov_action_record_get_volunteer (record));
  json_builder_end_object (builder);
}

static JsonBuilder *
begin_json (void)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "askarov-actions");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  return builder;
}

static char *
end_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

char *
askarov_records_to_json (GPtrArray *records)
{
  g_autoptr(JsonBuilder) builder = begin_json ();

  g_return_val_if_fail (records != NULL, NULL);

  for (guint i = 0; i < records->len; i++)
    add_json_record (builder, g_ptr_array_index (records, i));
  return end_json (builder);
}

static gboolean
build_json_row (AskarovActionRecord  *record,
                gpointer              data,
                GError              **error)
{
  add_json_record (data, record);
  return TRUE;
}

gboolean
askarov_records_export_json_file (AskarovStore              *store,
                                  const AskarovRecordFilter *filter,
                                  GFile                     *file,
                                  guint                     *n_written,
                                  GCancellable              *cancellable,
                                  GError                   **error)
{
  g_autoptr(JsonBuilder) builder = begin_json ();
  g_autofree char *text = NULL;
  g_autoptr(AskarovFileReplace) out = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!foreach_record (store, filter, build_json_row, builder, n_written, cancellable, error))
    return FALSE;
  text = end_json (builder);

  if (!(out = open_replace (file, error)))
    return FALSE;
  if (!g_output_stream_write_all (askarov_file_replace_get_stream (out), text, strlen (text), NULL,
                                  cancellable, error))
    {
      prefix_file_error (error, file);
      return FALSE;
    }
  return askarov_file_replace_commit (out, error);
}

/* ---- On workers --------------------------------------------------------- */

typedef struct
{
  AskarovRecordFilter *filter;
  GFile               *file;
} FileArgs;

static void
file_args_free (FileArgs *args)
{
  askarov_record_filter_free (args->filter);
  g_clear_object (&args->file);
  g_free (args);
}

static FileArgs *
file_args_new (const AskarovRecordFilter *filter,
               GFile                     *file)
{
  FileArgs *args = g_new0 (FileArgs, 1);

  args->filter = askarov_record_filter_copy (filter);
  /* GFile is not documented as thread-safe: use a copy on the worker. */
  args->file = g_file_dup (file);
  return args;
}

static gpointer
export_csv_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  FileArgs *args = data;
  guint n = 0;

  if (!askarov_records_export_csv_file (store, args->filter, args->file, &n, cancellable, error))
    return NULL;
  return GSIZE_TO_POINTER ((gsize) n + 1);
}

static gpointer
export_json_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  FileArgs *args = data;
  guint n = 0;

  if (!askarov_records_export_json_file (store, args->filter, args->file, &n, cancellable, error))
    return NULL;
  return GSIZE_TO_POINTER ((gsize) n + 1);
}

void
askarov_records_export_csv_file_async (AskarovStore              *store,
                                       const AskarovRecordFilter *filter,
                                       GFile                     *file,
                                       GCancellable              *cancellable,
                                       GAsyncReadyCallback        callback,
                                       gpointer                   user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  askarov_records_run_job (store, store, export_csv_job, file_args_new (filter, file),
                           (GDestroyNotify) file_args_free, NULL,
                           askarov_records_export_csv_file_async, cancellable, callback, user_data);
}

int
askarov_records_export_csv_file_finish (AskarovStore  *store,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  gpointer value = askarov_records_job_finish (store, result, askarov_records_export_csv_file_async, error);

  return value != NULL ? (int) (GPOINTER_TO_SIZE (value) - 1) : -1;
}

void
askarov_records_export_json_file_async (AskarovStore              *store,
                                        const AskarovRecordFilter *filter,
                                        GFile                     *file,
                                        GCancellable              *cancellable,
                                        GAsyncReadyCallback        callback,
                                        gpointer                   user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  askarov_records_run_job (store, store, export_json_job, file_args_new (filter, file),
                           (GDestroyNotify) file_args_free, NULL,
                           askarov_records_export_json_file_async, cancellable, callback, user_data);
}

int
askarov_records_export_json_file_finish (AskarovStore  *store,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  gpointer value = askarov_records_job_finish (store, result, askarov_records_export_json_file_async, error);

  return value != NULL ? (int) (GPOINTER_TO_SIZE (value) - 1) : -1;
}
