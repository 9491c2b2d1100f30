/* askarov-records-csv-import.c — records in: parsing CSV (RFC 4180) and merging it into the store.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-records-csv"

#include "config.h"

#include "askarov-records-csv.h"

#include <glib/gi18n.h>
#include <string.h>

#include "askarov-records-private.h"

#define N_COLUMNS 12
/* Files written before actions had ids: the first ten columns. */
#define N_COLUMNS_V1 10

G_DEFINE_QUARK (askarov-records-csv-error-quark, askarov_records_csv_error)

G_DEFINE_BOXED_TYPE (AskarovCsvImportResult, askarov_csv_import_result,
                     askarov_csv_import_result_copy, askarov_csv_import_result_free)


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

static const char * const columns[N_COLUMNS] = {
  "taken_on", "case", "reference", "target", "target_title",
  "channel", "outcome", "language", "note", "reported_on",
  "id", "volunteer",
};


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
          gsize quote_start = i;
          guint quote_line = line;

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
          /* Without its closing quote the cell would swallow the rest of
           * the file; a quote that seems to close it lines later but is
           * followed by text is the opening quote of a later cell. Either
           * way: refuse this row alone and go on at the line after the one
           * where the quote opened. */
          if (!closed ||
              (line > quote_line && i < len && text[i] != ',' && text[i] != '\r' && text[i] != '\n'))
            {
              gsize next = quote_start;

              while (next < len && text[next] != '\n' && text[next] != '\r')
                next++;
              if (next < len && text[next] == '\r' && next + 1 < len && text[next + 1] == '\n')
                next++;
              if (next < len)
                next++;
              if (row->problem == NULL)
                row->problem = g_strdup (_("a quoted cell is never closed"));
              g_ptr_array_add (rows, row);
              row = NULL;
              line = quote_line + 1;
              i = next;
              continue;
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
  if (cell[0] == '\'' && askarov_records_csv_needs_guard (cell + 1))
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
               guint    n_columns,
               char   **problem)
{
  g_autoptr(AskarovActionRecord) record = askarov_action_record_new ();
  g_autoptr(GError) error = NULL;
  const char *cells[N_COLUMNS] = { NULL, };
  g_autofree char *language = NULL;
  AskarovChannel channel;
  AskarovOutcome outcome;

  if (row->problem != NULL)
    {
      *problem = g_strdup (row->problem);
      return NULL;
    }
  /* A row may leave out the optional id and volunteer cells. */
  if (row->cells->len != n_columns && row->cells->len != N_COLUMNS_V1)
    {
      /* Translators: the first %u is the number of cells found in a CSV row, the second how many are expected (10 or 12) */
      *problem = g_strdup_printf (ngettext ("the row has %u cell instead of %u",
                                            "the row has %u cells instead of %u", row->cells->len),
                                  row->cells->len, n_columns);
      return NULL;
    }
  for (guint i = 0; i < row->cells->len; i++)
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

  if (!askarov_channel_from_id (cells[5], &channel))
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
  if (cells[10] != NULL && *cells[10] != '\0' && !g_uuid_string_is_valid (cells[10]))
    {
      /* Translators: %s is the text found in the “id” column of a CSV file */
      *problem = g_strdup_printf (_("the id “%s” is not an action id"), cells[10]);
      return NULL;
    }
  askarov_action_record_set_uuid (record, cells[10]);
  askarov_action_record_set_volunteer (record, cells[11]);

  if (!askarov_records_validate (record, &error))
    {
      *problem = g_strdup (error->message);
      return NULL;
    }
  return g_steal_pointer (&record);
}

/* The number of columns the header names (the ten first ones, or all
 * twelve), or 0 when it is not ours. */
static guint
check_header (CsvRow *row)
{
  if (row->problem != NULL || (row->cells->len != N_COLUMNS && row->cells->len != N_COLUMNS_V1))
    return 0;
  for (guint i = 0; i < row->cells->len; i++)
    {
      const char *cell = g_ptr_array_index (row->cells, i);

      if (!g_str_equal (cell, columns[i]))
        return 0;
    }
  return row->cells->len;
}

static gboolean
uuid_exists_locked (AskarovStore  *store,
                    const char    *uuid,
                    gboolean      *exists,
                    GError       **error)
{
  g_autoptr(AskarovCachedStmt) stmt = NULL;
  int rc;

  if (!(stmt = askarov_records_prepare_cached (store, "SELECT 1 FROM records WHERE uuid = ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return askarov_store_set_error (store, error, _("Reading the actions"));
  *exists = rc == SQLITE_ROW;
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
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GMutexLocker) locker = NULL;
  guint n_columns;
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

  /* A byte-order mark, as spreadsheets write, is not part of the first
   * cell; it must go before parsing, or a quoted header looks malformed. */
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      len -= 3;
    }

  rows = parse_csv (text, len);
  if (rows->len == 0 || (n_columns = check_header (g_ptr_array_index (rows, 0))) == 0)
    {
      /* @text is not NUL-terminated: measure the first line within @len. */
      const char *first_row = text;
      gsize first_len = 0;

      while (first_len < len && first_row[first_len] != '\r' && first_row[first_len] != '\n')
        first_len++;
      first_len = MIN (first_len, 200);
      /* Do not cut a character in two. */
      while (first_len > 0 && first_len < len && ((guchar) first_row[first_len] & 0xC0) == 0x80)
        first_len--;

      /* Translators: the first %s is the header Askarov expects, the second what the file has */
      g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_NOT_CSV,
                   _("This is not an Askarov actions CSV file: its first line must be “%s”, but it is “%.*s”. Nothing was imported."),
                   ASKAROV_RECORDS_CSV_HEADER_V1, (int) first_len, first_row);
      if (!g_utf8_validate (first_row, first_len, NULL))
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
      if ((record = row_to_record (row, n_columns, &problem)))
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
      const char *uuid = askarov_action_record_get_uuid (record);
      g_autofree char *key = NULL;
      KeyCount *count;

      /* An action with an id is the same action only when its id is. */
      if (uuid != NULL)
        {
          gboolean exists = FALSE;

          if (!g_hash_table_add (ids, (gpointer) uuid))
            exists = TRUE;   /* twice in the file */
          else if (!uuid_exists_locked (store, uuid, &exists, error))
            goto fail;
          if (exists)
            {
              result->n_duplicates++;
              continue;
            }
          if (askarov_records_insert_locked (store, record, FALSE, error) == 0)
            goto fail;
          result->n_added++;
          continue;
        }

      key = askarov_records_natural_key (record);
      count = g_hash_table_lookup (keys, key);
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

static gpointer
import_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return askarov_records_import_csv_file (store, data, cancellable, error);
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

  askarov_records_run_job (store, store, import_job, g_file_dup (file), g_object_unref,
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
