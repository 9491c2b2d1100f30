/* askarov-records-csv.c — records to and from CSV (RFC 4180) and to JSON.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-records-csv"

#include "config.h"

#include "askarov-records-csv.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "askarov-records-private.h"

#define N_COLUMNS 10
/* Bytes of output gathered before each write. */
#define WRITE_CHUNK (64 * 1024)

G_DEFINE_QUARK (askarov-records-csv-error-quark, askarov_records_csv_error)

G_DEFINE_BOXED_TYPE (AskarovCsvImportResult, askarov_csv_import_result,
                     askarov_csv_import_result_copy, askarov_csv_import_result_free)

static const char * const columns[N_COLUMNS] = {
  "taken_on", "case", "reference", "target", "target_title",
  "channel", "outcome", "language", "note", "reported_on",
};

static void
rejection_free (AskarovCsvRejection *rejection)
{
  g_free (rejection->message);
  g_free (rejection);
}

static void
add_rejection (AskarovCsvImportResult *result,
               guint                   line,
               const char             *message)
{
  AskarovCsvRejection *rejection = g_new0 (AskarovCsvRejection, 1);

  rejection->line = line;
  rejection->message = g_strdup (message);
  g_ptr_array_add (result->rejected, rejection);
}

static AskarovCsvImportResult *
import_result_new (void)
{
  AskarovCsvImportResult *result = g_new0 (AskarovCsvImportResult, 1);

  result->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) rejection_free);
  return result;
}

AskarovCsvImportResult *
askarov_csv_import_result_copy (AskarovCsvImportResult *result)
{
  AskarovCsvImportResult *copy;

  if (result == NULL)
    return NULL;
  copy = import_result_new ();
  copy->n_added = result->n_added;
  copy->n_duplicates = result->n_duplicates;
  copy->n_cases_created = result->n_cases_created;
  for (guint i = 0; i < result->rejected->len; i++)
    {
      AskarovCsvRejection *r = g_ptr_array_index (result->rejected, i);

      add_rejection (copy, r->line, r->message);
    }
  return copy;
}

void
askarov_csv_import_result_free (AskarovCsvImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->rejected, g_ptr_array_unref);
  g_free (result);
}

char *
askarov_csv_import_result_format_rejections (AskarovCsvImportResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; i < result->rejected->len; i++)
    {
      AskarovCsvRejection *r = g_ptr_array_index (result->rejected, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: %u is a line number in the CSV file, %s why the row was refused */
      g_string_append_printf (text, _("Line %u: %s"), r->line, r->message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- Writing ------------------------------------------------------------ */

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
}

/* A cell a spreadsheet would run as a formula, possibly behind apostrophes
 * we added: ^'*[=+-@\t\r\n]. Prefixing one more apostrophe to exactly these
 * and stripping one on import gives every cell back unchanged. */
static gboolean
needs_formula_guard (const char *cell)
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
  if (needs_formula_guard (cell))
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
    askarov_channel_to_string (askarov_action_record_get_channel (record)),
    askarov_outcome_to_string (askarov_action_record_get_outcome (record)),
    askarov_action_record_get_language (record),
    askarov_action_record_get_note (record),
    askarov_action_record_get_reported_on (record),
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

/* Opens @file for replacing: the data goes to a temporary file that is
 * renamed over @file only when the stream is closed without error. */
static GOutputStream *
open_replace (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  GFileOutputStream *stream;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  return stream != NULL ? G_OUTPUT_STREAM (stream) : NULL;
}

static gboolean
finish_replace (GOutputStream  *stream,
                gboolean        ok,
                GFile          *file,
                GCancellable   *cancellable,
                GError        **error)
{
  if (!ok)
    {
      /* Closing with a cancelled cancellable drops the temporary file and
       * leaves any existing file as it was. */
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      g_cancellable_cancel (abort);
      g_output_stream_close (stream, abort, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (stream, cancellable, error))
    return FALSE;
  return TRUE;
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
  g_autoptr(GOutputStream) stream = NULL;
  gboolean ok;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(stream = open_replace (file, cancellable, error)))
    {
      prefix_file_error (error, file);
      return FALSE;
    }
  ok = askarov_records_export_csv_stream (store, filter, stream, n_written, cancellable, error);
  if (!finish_replace (stream, ok, file, cancellable, ok ? error : NULL))
    {
      if (ok)
        prefix_file_error (error, file);
      return FALSE;
    }
  return TRUE;
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
  add_json_string (builder, "channel", askarov_channel_to_string (askarov_action_record_get_channel (record)));
  add_json_string (builder, "outcome", askarov_outcome_to_string (askarov_action_record_get_outcome (record)));
  add_json_string (builder, "language", askarov_action_record_get_language (record));
  add_json_string (builder, "note", askarov_action_record_get_note (record));
  add_json_string (builder, "reported_on", askarov_action_record_get_reported_on (record));
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
  g_autoptr(GOutputStream) stream = NULL;
  gboolean ok;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!foreach_record (store, filter, build_json_row, builder, n_written, cancellable, error))
    return FALSE;
  text = end_json (builder);

  if (!(stream = open_replace (file, cancellable, error)))
    {
      prefix_file_error (error, file);
      return FALSE;
    }
  ok = g_output_stream_write_all (stream, text, strlen (text), NULL, cancellable, error);
  if (!finish_replace (stream, ok, file, cancellable, ok ? error : NULL))
    {
      prefix_file_error (error, file);
      return FALSE;
    }
  return TRUE;
}

/* ---- Reading ------------------------------------------------------------ */

typedef struct
{
  guint      line;       /* where the row starts */
  GPtrArray *cells;      /* char * */
  char      *problem;    /* set when the row cannot be parsed */
} CsvRow;

static void
csv_row_free (CsvRow *row)
{
  g_clear_pointer (&row->cells, g_ptr_array_unref);
  g_free (row->problem);
  g_free (row);
}

/* Splits RFC 4180 text into rows. Accepts CRLF, LF or CR line ends, and
 * quoted cells spanning lines. A stray quote or an unclosed quoted cell
 * marks that row as malformed; parsing resumes at the next line. */
static GPtrArray *
parse_csv (const char *text,
           gsize       len)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_row_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  CsvRow *row = NULL;
  guint line = 1;
  gsize i = 0;

  while (i < len)
    {
      gboolean end_of_row = FALSE;

      if (row == NULL)
        {
          row = g_new0 (CsvRow, 1);
          row->line = line;
          row->cells = g_ptr_array_new_with_free_func (g_free);
        }

      g_string_truncate (cell, 0);
      if (text[i] == '"')
        {
          gboolean closed = FALSE;

          i++;
          while (i < len)
            {
              if (text[i] == '"')
                {
                  if (i + 1 < len && text[i + 1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      i += 2;
                      continue;
                    }
                  i++;
                  closed = TRUE;
                  break;
                }
              if (text[i] == '\n' || (text[i] == '\r' && !(i + 1 < len && text[i + 1] == '\n')))
                line++;
              g_string_append_c (cell, text[i]);
              i++;
            }
          if (!closed)
            {
              row->problem = g_strdup (_("a quoted cell is never closed"));
              g_ptr_array_add (rows, row);
              return g_steal_pointer (&rows);
            }
          if (i < len && text[i] != ',' && text[i] != '\r' && text[i] != '\n' && row->problem == NULL)
            row->problem = g_strdup (_("text follows a closing quote; quotes inside a cell must be doubled"));
        }

      /* The unquoted part (or what follows a malformed quoted cell). */
      while (i < len && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
        {
          if (text[i] == '"' && row->problem == NULL)
            row->problem = g_strdup (_("a quote appears inside an unquoted cell"));
          g_string_append_c (cell, text[i]);
          i++;
        }

      g_ptr_array_add (row->cells, g_strndup (cell->str, cell->len));

      if (i >= len)
        end_of_row = TRUE;
      else if (text[i] == ',')
        {
          i++;
          if (i >= len)
            {
              /* A trailing comma at the very end: one more empty cell. */
              g_ptr_array_add (row->cells, g_strdup (""));
              end_of_row = TRUE;
            }
        }
      else
        {
          if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
          i++;
          line++;
          end_of_row = TRUE;
        }

      if (end_of_row)
        {
          g_ptr_array_add (rows, row);
          row = NULL;
        }
    }

  if (row != NULL)
    g_ptr_array_add (rows, row);
  return g_steal_pointer (&rows);
}

/* Takes off the one apostrophe the export added before a formula-like cell. */
static const char *
unguard (const char *cell)
{
  if (cell[0] == '\'' && needs_formula_guard (cell + 1))
    return cell + 1;
  return cell;
}

static gboolean
is_blank_row (CsvRow *row)
{
  return row->problem == NULL && row->cells->len == 1 &&
         *(const char *) g_ptr_array_index (row->cells, 0) == '\0';
}

/* Makes a record from one row; NULL with a message for the user. */
static AskarovActionRecord *
row_to_record (CsvRow  *row,
               char   **problem)
{
  g_autoptr(AskarovActionRecord) record = askarov_action_record_new ();
  g_autoptr(GError) error = NULL;
  const char *cells[N_COLUMNS];
  g_autofree char *language = NULL;
  AskarovChannel channel;
  AskarovOutcome outcome;

  if (row->problem != NULL)
    {
      *problem = g_strdup (row->problem);
      return NULL;
    }
  if (row->cells->len != N_COLUMNS)
    {
      /* Translators: %u is the number of cells found in a CSV row; 10 are expected */
      *problem = g_strdup_printf (ngettext ("the row has %u cell instead of 10",
                                            "the row has %u cells instead of 10", row->cells->len),
                                  row->cells->len);
      return NULL;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      cells[i] = g_ptr_array_index (row->cells, i);
      if (!g_utf8_validate (cells[i], -1, NULL))
        {
          /* Translators: %s is a CSV column name such as “note” */
          *problem = g_strdup_printf (_("the “%s” cell is not valid UTF-8 text"), columns[i]);
          return NULL;
        }
      cells[i] = unguard (cells[i]);
    }

  if (!askarov_channel_from_string (cells[5], &channel))
    {
      /* Translators: %s is the unknown channel word found in the file */
      *problem = g_strdup_printf (_("the channel “%s” is not one of letter, email, fax, call, post, petition, other"),
                                  cells[5]);
      return NULL;
    }
  if (!askarov_outcome_from_string (cells[6], &outcome))
    {
      /* Translators: %s is the unknown outcome word found in the file */
      *problem = g_strdup_printf (_("the outcome “%s” is not one of sent, reached, voicemail, no-answer"), cells[6]);
      return NULL;
    }
  language = g_ascii_strdown (cells[7], -1);

  askarov_action_record_set_taken_on (record, cells[0]);
  askarov_action_record_set_case_name (record, cells[1]);
  askarov_action_record_set_reference (record, cells[2]);
  askarov_action_record_set_target_name (record, cells[3]);
  askarov_action_record_set_target_title (record, cells[4]);
  askarov_action_record_set_channel (record, channel);
  askarov_action_record_set_outcome (record, outcome);
  askarov_action_record_set_language (record, language);
  askarov_action_record_set_note (record, cells[8]);
  askarov_action_record_set_reported_on (record, cells[9]);

  if (!askarov_records_validate (record, &error))
    {
      *problem = g_strdup (error->message);
      return NULL;
    }
  return g_steal_pointer (&record);
}

static gboolean
check_header (CsvRow *row)
{
  if (row->problem != NULL || row->cells->len != N_COLUMNS)
    return FALSE;
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      const char *cell = g_ptr_array_index (row->cells, i);

      /* A byte-order mark, as spreadsheets write, is not part of the name. */
      if (i == 0 && g_str_has_prefix (cell, "\xEF\xBB\xBF"))
        cell += 3;
      if (!g_str_equal (cell, columns[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
count_rows_locked (AskarovStore  *store,
                   const char    *sql,
                   const char    *key,
                   guint         *count,
                   GError       **error)
{
  g_autoptr(AskarovCachedStmt) stmt = NULL;

  if (!(stmt = askarov_records_prepare_cached (store, sql, error)))
    return FALSE;
  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return askarov_store_set_error (store, error, _("Reading the actions"));
  *count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The k-th copy of an action in the file is a duplicate when the database
 * already holds more than k copies of it; counting per key, not just
 * testing existence, keeps two identical calls made on one day. */
typedef struct
{
  guint in_db;     /* copies in the database before the import */
  guint in_file;   /* copies seen in the file so far */
} KeyCount;

AskarovCsvImportResult *
askarov_records_import_csv (AskarovStore  *store,
                            GBytes        *data,
                            GError       **error)
{
  g_autoptr(AskarovCsvImportResult) result = import_result_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GMutexLocker) locker = NULL;
  const char *text;
  gsize len;
  guint cases_before = 0;
  guint cases_after = 0;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  text = g_bytes_get_data (data, &len);
  if (len > ASKAROV_RECORDS_CSV_MAX_SIZE)
    {
      /* Translators: %u is a size in megabytes */
      g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB; split it into smaller files. Nothing was imported."),
                   ASKAROV_RECORDS_CSV_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (len == 0 || memchr (text, '\0', len) != NULL)
    {
      g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_NOT_CSV,
                   _("This is not an Askarov actions CSV file: it is empty or not text. Nothing was imported."));
      return NULL;
    }

  rows = parse_csv (text, len);
  if (rows->len == 0 || !check_header (g_ptr_array_index (rows, 0)))
    {
      const char *first_row = rows->len > 0 ? text : "";
      gsize first_len = strcspn (first_row, "\r\n");

      /* Translators: the first %s is the header Askarov expects, the second what the file has */
      g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_NOT_CSV,
                   _("This is not an Askarov actions CSV file: its first line must be “%s”, but it is “%.*s”. Nothing was imported."),
                   ASKAROV_RECORDS_CSV_HEADER, (int) MIN (first_len, 200), first_row);
      if (!g_utf8_validate (text, MIN (first_len, 200), NULL))
        {
          g_clear_error (error);
          g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_BAD_ENCODING,
                       _("This file is not UTF-8 text, so it cannot be an Askarov actions CSV file. Nothing was imported."));
        }
      return NULL;
    }

  /* Parse and check every row before touching the database. */
  for (guint i = 1; i < rows->len; i++)
    {
      CsvRow *row = g_ptr_array_index (rows, i);
      g_autofree char *problem = NULL;
      AskarovActionRecord *record;

      if (is_blank_row (row))
        continue;
      if ((record = row_to_record (row, &problem)))
        g_ptr_array_add (records, record);
      else
        add_rejection (result, row->line, problem);
    }

  locker = askarov_store_lock (store);
  if (!askarov_store_begin (store, error) ||
      !count_rows_locked (store, "SELECT count(*) FROM cases", NULL, &cases_before, error))
    goto fail;

  for (guint i = 0; i < records->len; i++)
    {
      AskarovActionRecord *record = g_ptr_array_index (records, i);
      g_autofree char *key = askarov_records_natural_key (record);
      KeyCount *count = g_hash_table_lookup (keys, key);

      if (count == NULL)
        {
          count = g_new0 (KeyCount, 1);
          if (!count_rows_locked (store, "SELECT count(*) FROM records WHERE natural_key = ?", key, &count->in_db, error))
            {
              g_free (count);
              goto fail;
            }
          g_hash_table_insert (keys, g_strdup (key), count);
        }

      if (count->in_file++ < count->in_db)
        {
          result->n_duplicates++;
          continue;
        }
      if (askarov_records_insert_locked (store, record, FALSE, error) == 0)
        goto fail;
      result->n_added++;
    }

  if (!count_rows_locked (store, "SELECT count(*) FROM cases", NULL, &cases_after, error) ||
      !askarov_store_commit (store, error))
    goto fail;
  g_clear_pointer (&locker, g_mutex_locker_free);

  result->n_cases_created = cases_after - cases_before;
  if (result->n_added > 0)
    askarov_records_emit_reset (store);
  return g_steal_pointer (&result);

fail:
  askarov_store_rollback (store);
  return NULL;
}

static GBytes *
read_all (GInputStream  *stream,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > ASKAROV_RECORDS_CSV_MAX_SIZE)
        {
          g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_TOO_LARGE,
                       _("The file is larger than %u MB; split it into smaller files. Nothing was imported."),
                       ASKAROV_RECORDS_CSV_MAX_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

AskarovCsvImportResult *
askarov_records_import_csv_stream (AskarovStore  *store,
                                   GInputStream  *stream,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  if (!(bytes = read_all (stream, cancellable, error)))
    return NULL;
  return askarov_records_import_csv (store, bytes, error);
}

AskarovCsvImportResult *
askarov_records_import_csv_file (AskarovStore  *store,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > ASKAROV_RECORDS_CSV_MAX_SIZE)
    {
      g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB; split it into smaller files. Nothing was imported."),
                   ASKAROV_RECORDS_CSV_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  return askarov_records_import_csv_stream (store, G_INPUT_STREAM (stream), cancellable, error);
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
import_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_records_import_csv_file (store, ((FileArgs *) data)->file, cancellable, error);
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
askarov_records_import_csv_file_async (AskarovStore        *store,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (ASKAROV_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  askarov_records_run_job (store, store, import_job, file_args_new (NULL, file), (GDestroyNotify) file_args_free,
                           (GDestroyNotify) askarov_csv_import_result_free,
                           askarov_records_import_csv_file_async, cancellable, callback, user_data);
}

AskarovCsvImportResult *
askarov_records_import_csv_file_finish (AskarovStore  *store,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return askarov_records_job_finish (store, result, askarov_records_import_csv_file_async, error);
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
