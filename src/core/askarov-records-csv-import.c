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
  copy->n_rejected_unlisted = result->n_rejected_unlisted;
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
  if (result->n_rejected_unlisted > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: %u is a number of refused rows not listed one by one */
      g_string_append_printf (text, ngettext ("… and %u more row", "… and %u more rows", result->n_rejected_unlisted),
                              result->n_rejected_unlisted);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char * const columns[N_COLUMNS] = {
  "taken_on", "case", "reference", "target", "target_title",
  "channel", "outcome", "language", "note", "reported_on",
  "id", "volunteer",
};


/* ---- Reading ------------------------------------------------------------ */

/* The file is read in chunks of this size, and a row may be at most this
 * long: memory stays bounded whatever the file. */
#define CHUNK_SIZE (64 * 1024)
#define MAX_ROW_SIZE (1024 * 1024)
#define HEAD_SIZE 256

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsvRow, csv_row_free)

typedef enum
{
  CELL_START,     /* nothing of the cell read yet */
  UNQUOTED,
  QUOTED,         /* inside "..." */
  QUOTE_SEEN,     /* a quote inside "...": the end, or the first of "" */
} CellState;

/*
 * An RFC 4180 reader that is fed the file a chunk at a time and hands out
 * one row at a time. Accepts CRLF, LF or CR line ends, and quoted cells
 * spanning lines. A stray quote marks its row as malformed. A quoted cell
 * that is never closed (by the end of the file, or within MAX_ROW_SIZE),
 * or that seems to close lines later but is followed by text (so it was the
 * opening quote of a later cell), costs its row alone: the row is refused
 * and reading goes on at the line after the one where the quote opened.
 * For that the raw bytes of the row are kept from the quote on, and fed
 * again.
 *
 * The reader knows no columns: the header and the rows are checked by the
 * caller.
 */
typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  guint8       *chunk;
  gsize         chunk_len;
  gsize         chunk_pos;
  GByteArray   *replay;        /* bytes to read again before the stream's */
  gsize         replay_pos;
  gboolean      eof;
  guint64       bytes_read;    /* from the stream */
  gboolean      at_start;      /* nothing read yet: a BOM may come */
  GByteArray   *head;          /* the file's first bytes, for messages */

  guint         line;          /* the line being read */
  gboolean      skip_lf;       /* a row ended at CR: an LF right after is part of it */
  CsvRow       *row;           /* being read, or NULL */
  gsize         row_size;
  GString      *cell;
  CellState     state;
  gboolean      cell_was_quoted_over_lines;
  guint         quote_line;    /* where the open quoted cell started */
  GByteArray   *raw;           /* the row's bytes from the quote on, when in one */
  gboolean      pending_cr;    /* inside quotes: the last byte was CR */
} CsvReader;

static void
csv_reader_init (CsvReader    *reader,
                 GInputStream *stream,
                 GCancellable *cancellable)
{
  memset (reader, 0, sizeof *reader);
  reader->stream = stream;
  reader->cancellable = cancellable;
  reader->chunk = g_malloc (CHUNK_SIZE);
  reader->replay = g_byte_array_new ();
  reader->raw = g_byte_array_new ();
  reader->head = g_byte_array_new ();
  reader->cell = g_string_new (NULL);
  reader->line = 1;
  reader->at_start = TRUE;
}

static void
csv_reader_clear (CsvReader *reader)
{
  g_clear_pointer (&reader->chunk, g_free);
  g_clear_pointer (&reader->replay, g_byte_array_unref);
  g_clear_pointer (&reader->raw, g_byte_array_unref);
  g_clear_pointer (&reader->head, g_byte_array_unref);
  if (reader->cell != NULL)
    g_string_free (g_steal_pointer (&reader->cell), TRUE);
  g_clear_pointer (&reader->row, csv_row_free);
}

/* Fills the chunk from the stream; FALSE with @error on a read error.
 * Sets eof when there is nothing more. */
static gboolean
fill_chunk (CsvReader  *reader,
            GError    **error)
{
  gssize n;

  reader->chunk_len = reader->chunk_pos = 0;
  n = g_input_stream_read (reader->stream, reader->chunk, CHUNK_SIZE, reader->cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    reader->eof = TRUE;
  reader->chunk_len = (gsize) n;
  reader->bytes_read += (guint64) n;
  return TRUE;
}

/* The next byte (replayed bytes first), or -1 at the end, or -2 on error. */
static int
next_byte (CsvReader  *reader,
           GError    **error)
{
  if (reader->replay_pos < reader->replay->len)
    return reader->replay->data[reader->replay_pos++];
  if (reader->replay->len > 0)
    {
      g_byte_array_set_size (reader->replay, 0);
      reader->replay_pos = 0;
    }
  if (reader->chunk_pos >= reader->chunk_len)
    {
      if (reader->eof)
        return -1;
      if (!fill_chunk (reader, error))
        return -2;
      if (reader->eof)
        return -1;
    }
  if (reader->head->len < HEAD_SIZE)
    g_byte_array_append (reader->head, reader->chunk + reader->chunk_pos, 1);
  return reader->chunk[reader->chunk_pos++];
}

static CsvRow *
new_row (guint line)
{
  CsvRow *row = g_new0 (CsvRow, 1);

  row->line = line;
  row->cells = g_ptr_array_new_with_free_func (g_free);
  return row;
}

static void
set_problem (CsvRow     *row,
             const char *problem)
{
  if (row->problem == NULL)
    row->problem = g_strdup (problem);
}

static void
end_cell (CsvReader *reader)
{
  g_ptr_array_add (reader->row->cells, g_strndup (reader->cell->str, reader->cell->len));
  g_string_truncate (reader->cell, 0);
  reader->state = CELL_START;
}

static void
append_to_cell (CsvReader *reader,
                char       c)
{
  /* An over-long row is refused; its text is not kept. */
  if (++reader->row_size > MAX_ROW_SIZE)
    {
      set_problem (reader->row, _("the row is longer than 1 MB"));
      return;
    }
  g_string_append_c (reader->cell, c);
}

/* The quoted cell that opened on quote_line did not close as it should:
 * refuse the row and read again from the line after the quote's. */
static CsvRow *
refuse_unclosed (CsvReader *reader)
{
  CsvRow *row = g_steal_pointer (&reader->row);
  gsize next = 0;
  GByteArray *rest;

  /* raw starts at the opening quote: skip to the end of that line. */
  while (next < reader->raw->len && reader->raw->data[next] != '\n' && reader->raw->data[next] != '\r')
    next++;
  if (next < reader->raw->len && reader->raw->data[next] == '\r' &&
      next + 1 < reader->raw->len && reader->raw->data[next + 1] == '\n')
    next++;
  if (next < reader->raw->len)
    next++;

  /* What was still to be replayed goes after what is fed again. */
  rest = g_byte_array_new ();
  g_byte_array_append (rest, reader->raw->data + next, reader->raw->len - next);
  if (reader->replay_pos < reader->replay->len)
    g_byte_array_append (rest, reader->replay->data + reader->replay_pos, reader->replay->len - reader->replay_pos);
  g_byte_array_unref (reader->replay);
  reader->replay = rest;
  reader->replay_pos = 0;
  g_byte_array_set_size (reader->raw, 0);

  set_problem (row, _("a quoted cell is never closed"));
  g_ptr_array_set_size (row->cells, 0);
  g_string_truncate (reader->cell, 0);
  reader->state = CELL_START;
  reader->pending_cr = FALSE;
  reader->skip_lf = FALSE;
  reader->line = reader->quote_line + 1;
  return row;
}

/* The next row, or NULL at the end of the file or on error (@error set).
 * Rows are never NULL-terminated strings: cells are copied out with their
 * lengths, so nothing is read past the data. */
static CsvRow *
csv_reader_next (CsvReader  *reader,
                 GError    **error)
{
  for (;;)
    {
      int c = next_byte (reader, error);

      if (c == -2)
        return NULL;

      /* A byte-order mark, as spreadsheets write, is not part of the first
       * cell; it must go before parsing, or a quoted header looks malformed. */
      if (reader->at_start)
        {
          reader->at_start = FALSE;
          if (c == 0xEF)
            {
              int c2 = next_byte (reader, error);
              int c3 = c2 == 0xBB ? next_byte (reader, error) : -1;

              if (c2 == -2 || c3 == -2)
                return NULL;
              if (c2 == 0xBB && c3 == 0xBF)
                continue;
              /* Not a BOM: read those bytes as they are. */
              g_byte_array_prepend (reader->replay, (const guint8 *) "\xEF", 1);
              if (c2 >= 0)
                {
                  guint8 b[2] = { (guint8) c2, (guint8) c3 };

                  g_byte_array_append (reader->replay, b, c3 >= 0 ? 2 : 1);
                }
              reader->replay_pos = 0;
              continue;
            }
        }

      if (c == -1)
        {
          if (reader->row == NULL)
            return NULL;
          if (reader->state == QUOTED)
            return refuse_unclosed (reader);
          end_cell (reader);
          g_byte_array_set_size (reader->raw, 0);
          return g_steal_pointer (&reader->row);
        }

      if (reader->skip_lf)
        {
          reader->skip_lf = FALSE;
          if (c == '\n')
            continue;
        }

      if (reader->row == NULL)
        {
          reader->row = new_row (reader->line);
          reader->row_size = 0;
          reader->state = CELL_START;
        }

      if (reader->state == QUOTED || reader->state == QUOTE_SEEN)
        {
          guint8 byte = (guint8) c;

          if (reader->raw->len > MAX_ROW_SIZE)
            return refuse_unclosed (reader);
          g_byte_array_append (reader->raw, &byte, 1);
        }

      if (c == '\0')
        set_problem (reader->row, _("the row holds a zero byte: this is not text"));

      switch (reader->state)
        {
        case QUOTED:
          if (c == '"')
            reader->state = QUOTE_SEEN;
          else
            {
              if (c == '\n' && !reader->pending_cr)
                reader->line++;
              else if (c == '\r')
                reader->line++;
              append_to_cell (reader, (char) c);
            }
          reader->pending_cr = c == '\r';
          continue;

        case QUOTE_SEEN:
          if (c == '"')
            {
              append_to_cell (reader, '"');
              reader->state = QUOTED;
              reader->pending_cr = FALSE;
              continue;
            }
          if (c != ',' && c != '\r' && c != '\n')
            {
              if (reader->line > reader->quote_line)
                return refuse_unclosed (reader);
              set_problem (reader->row, _("text follows a closing quote; quotes inside a cell must be doubled"));
            }
          g_byte_array_set_size (reader->raw, 0);
          reader->state = UNQUOTED;
          break;

        case CELL_START:
          if (c == '"')
            {
              reader->state = QUOTED;
              reader->quote_line = reader->line;
              reader->pending_cr = FALSE;
              g_byte_array_set_size (reader->raw, 0);
              g_byte_array_append (reader->raw, (const guint8 *) "\"", 1);
              continue;
            }
          reader->state = UNQUOTED;
          break;

        case UNQUOTED:
        default:
          break;
        }

      /* Unquoted text, or what follows a quoted cell. */
      if (c == ',')
        {
          end_cell (reader);
          continue;
        }
      if (c == '\r' || c == '\n')
        {
          end_cell (reader);
          reader->line++;
          reader->skip_lf = c == '\r';
          return g_steal_pointer (&reader->row);
        }
      if (c == '"')
        set_problem (reader->row, _("a quote appears inside an unquoted cell"));
      append_to_cell (reader, (char) c);
    }
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

/* ---- Merging, a batch at a time --------------------------------------- */

/* Rows are inserted this many at a time, each batch in its own transaction:
 * the store is locked for a moment only (a quit waits for one batch), and
 * a stop part-way keeps what was committed. */
#define BATCH_SIZE 2000

/* The k-th copy of an action in the file is a duplicate when the database
 * held more than k copies of it before this import saw it; counting per
 * key, not just testing existence, keeps two identical calls made on one
 * day. The counts live in a temporary table (on disk, not in memory, and
 * gone with the connection), one set per import.
 *
 * This is also what makes an import resumable: an import stopped by
 * Cancel, a quit or a kill committed whole batches only, so importing the
 * same file again counts those rows as duplicates and adds the rest. */
static const char seen_table_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS csv_import_seen ("
  "  import      INTEGER NOT NULL,"
  "  natural_key TEXT NOT NULL,"
  "  in_db       INTEGER NOT NULL,"
  "  in_file     INTEGER NOT NULL,"
  "  PRIMARY KEY (import, natural_key)) WITHOUT ROWID";

static gint next_import_id;

static gboolean
insert_batch (AskarovStore            *store,
              gint                     import_id,
              GPtrArray               *batch,
              AskarovCsvImportResult  *result,
              GError                 **error)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  guint cases_before = 0;
  guint cases_after = 0;
  guint n_added = 0;
  guint n_duplicates = 0;

  if (sqlite3_exec (askarov_store_get_db (store), seen_table_sql, NULL, NULL, NULL) != SQLITE_OK)
    return askarov_store_set_error (store, error, _("Reading the actions"));
  if (!askarov_store_begin (store, error) ||
      !count_rows_locked (store, "SELECT count(*) FROM cases", NULL, &cases_before, error))
    goto fail;

  for (guint i = 0; i < batch->len; i++)
    {
      AskarovActionRecord *record = g_ptr_array_index (batch, i);
      const char *uuid = askarov_action_record_get_uuid (record);
      g_autofree char *key = NULL;
      g_autoptr(AskarovCachedStmt) seen = NULL;
      g_autoptr(AskarovCachedStmt) count = NULL;
      gboolean duplicate = FALSE;

      /* An action with an id is the same action only when its id is: two
       * volunteers' identical actions stay two, and an id seen before (in
       * the database, an earlier batch or earlier in this one) counts once. */
      if (uuid != NULL)
        {
          if (!uuid_exists_locked (store, uuid, &duplicate, error))
            goto fail;
          if (duplicate)
            {
              n_duplicates++;
              continue;
            }
          if (askarov_records_insert_locked (store, record, FALSE, error) == 0)
            goto fail;
          n_added++;
          continue;
        }

      key = askarov_records_natural_key (record);
      if (!(seen = askarov_records_prepare_cached (store,
                                                   "INSERT INTO temp.csv_import_seen (import, natural_key, in_db, in_file) "
                                                   "VALUES (?1, ?2, (SELECT count(*) FROM main.records WHERE natural_key = ?2), 0) "
                                                   "ON CONFLICT (import, natural_key) DO NOTHING", error)))
        goto fail;
      sqlite3_bind_int (seen, 1, import_id);
      sqlite3_bind_text (seen, 2, key, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (seen) != SQLITE_DONE)
        {
          askarov_store_set_error (store, error, _("Reading the actions"));
          goto fail;
        }
      if (!(count = askarov_records_prepare_cached (store,
                                                    "UPDATE temp.csv_import_seen SET in_file = in_file + 1 "
                                                    "WHERE import = ?1 AND natural_key = ?2 RETURNING in_file <= in_db", error)))
        goto fail;
      sqlite3_bind_int (count, 1, import_id);
      sqlite3_bind_text (count, 2, key, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (count) != SQLITE_ROW)
        {
          askarov_store_set_error (store, error, _("Reading the actions"));
          goto fail;
        }
      duplicate = sqlite3_column_int (count, 0) != 0;
      g_clear_pointer (&count, askarov_cached_stmt_release);

      if (duplicate)
        {
          n_duplicates++;
          continue;
        }
      if (askarov_records_insert_locked (store, record, FALSE, error) == 0)
        goto fail;
      n_added++;
    }

  if (!count_rows_locked (store, "SELECT count(*) FROM cases", NULL, &cases_after, error) ||
      !askarov_store_commit (store, error))
    goto fail;

  result->n_added += n_added;
  result->n_duplicates += n_duplicates;
  result->n_cases_created += cases_after - cases_before;
  return TRUE;

fail:
  askarov_store_rollback (store);
  return FALSE;
}

static void
forget_import (AskarovStore *store,
               gint          import_id)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM temp.csv_import_seen WHERE import = %d", import_id);
  sqlite3 *db = askarov_store_get_db (store);

  if (db != NULL)
    sqlite3_exec (db, sql, NULL, NULL, NULL);
}

static void
set_too_large (GError **error)
{
  /* Translators: %u is a size in megabytes */
  g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_TOO_LARGE,
               _("The file is larger than %u MB; split it into smaller files. Nothing was imported."),
               ASKAROV_RECORDS_CSV_MAX_SIZE / (1024 * 1024));
}

/* The error for a file whose first row is not our header. */
static void
set_header_error (GByteArray  *head,
                  GError     **error)
{
  const char *first_row = (const char *) head->data;
  gsize len = head->len;
  gsize first_len = 0;

  if (len >= 3 && memcmp (first_row, "\xEF\xBB\xBF", 3) == 0)
    {
      first_row += 3;
      len -= 3;
    }
  if (len == 0 || memchr (first_row, '\0', len) != NULL)
    {
      g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_NOT_CSV,
                   _("This is not an Askarov actions CSV file: it is empty or not text. Nothing was imported."));
      return;
    }

  /* The head is not NUL-terminated: measure the first line within it. */
  while (first_len < len && first_row[first_len] != '\r' && first_row[first_len] != '\n')
    first_len++;
  first_len = MIN (first_len, 200);
  /* Do not cut a character in two. */
  while (first_len > 0 && first_len < len && ((guchar) first_row[first_len] & 0xC0) == 0x80)
    first_len--;

  if (!g_utf8_validate (first_row, first_len, NULL))
    {
      g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_BAD_ENCODING,
                   _("This file is not UTF-8 text, so it cannot be an Askarov actions CSV file. Nothing was imported."));
      return;
    }
  /* Translators: the first %s is the header Askarov expects, the second what the file has */
  g_set_error (error, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_NOT_CSV,
               _("This is not an Askarov actions CSV file: its first line must be “%s”, but it is “%.*s”. Nothing was imported."),
               ASKAROV_RECORDS_CSV_HEADER, (int) first_len, first_row);
}

/* Keeps the first rejections for the user, and counts the rest. */
#define MAX_REJECTIONS_LISTED 1000

static void
reject_row (AskarovCsvImportResult *result,
            guint                   line,
            const char             *problem)
{
  if (result->rejected->len < MAX_REJECTIONS_LISTED)
    add_rejection (result, line, problem);
  else
    result->n_rejected_unlisted++;
}

/* Why an import stopped part-way, keeping what the error said. */
static void
set_stopped_error (AskarovCsvImportResult  *result,
                   GError                  *cause,
                   GError                 **error)
{
  g_autofree char *done = NULL;

  if (result->n_added == 0 && result->n_duplicates == 0)
    {
      g_propagate_error (error, cause);
      return;
    }
  /* Translators: %u is a number of actions already saved when an import stopped */
  done = g_strdup_printf (ngettext ("%u action was imported before it stopped; import the same file again to add the rest (nothing is added twice).",
                                    "%u actions were imported before it stopped; import the same file again to add the rest (nothing is added twice).",
                                    result->n_added),
                          result->n_added);
  if (g_error_matches (cause, ASKAROV_RECORDS_CSV_ERROR, ASKAROV_RECORDS_CSV_ERROR_TOO_LARGE))
    /* Translators: %u is a size in megabytes; the second sentence says how much was imported */
    g_set_error (error, cause->domain, cause->code, _("The file is larger than %u MB. %s"),
                 ASKAROV_RECORDS_CSV_MAX_SIZE / (1024 * 1024), done);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: %s says how much was imported */
    g_set_error (error, cause->domain, cause->code, _("The import was stopped. %s"), done);
  else
    /* Translators: the first %s is what went wrong, the second how much was imported */
    g_set_error (error, cause->domain, cause->code, "%s %s", cause->message, done);
  g_error_free (cause);
}

/**
 * askarov_records_import_csv_stream_full:
 * @total: the stream's size in bytes, or 0 when unknown (for progress)
 * @progress: (nullable): called on this thread after each batch
 *
 * Reads @stream a chunk at a time and merges it a batch at a time (see
 * askarov_records_import_csv()); memory stays bounded whatever the size.
 * @cancellable is checked between batches: on cancel, or on an error after
 * some batches were committed, returns NULL with an error saying how much
 * was imported.
 */
AskarovCsvImportResult *
askarov_records_import_csv_stream_full (AskarovStore            *store,
                                        GInputStream            *stream,
                                        guint64                  total,
                                        AskarovCsvProgressFunc   progress,
                                        gpointer                 progress_data,
                                        GCancellable            *cancellable,
                                        GError                 **error)
{
  g_autoptr(AskarovCsvImportResult) result = import_result_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CsvRow) header = NULL;
  GError *local_error = NULL;
  CsvReader reader;
  gint import_id;
  guint n_columns = 0;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  if (total > ASKAROV_RECORDS_CSV_MAX_SIZE)
    {
      set_too_large (error);
      return NULL;
    }

  import_id = g_atomic_int_add (&next_import_id, 1) + 1;
  csv_reader_init (&reader, stream, cancellable);

  header = csv_reader_next (&reader, &local_error);
  if (local_error != NULL)
    goto stop;
  if (header == NULL || (n_columns = check_header (header)) == 0)
    {
      set_header_error (reader.head, &local_error);
      goto stop;
    }

  for (;;)
    {
      g_autoptr(CsvRow) row = csv_reader_next (&reader, &local_error);
      g_autofree char *problem = NULL;
      AskarovActionRecord *record;
      gboolean last = row == NULL;

      if (local_error != NULL)
        goto stop;
      if (reader.bytes_read > ASKAROV_RECORDS_CSV_MAX_SIZE)
        {
          set_too_large (&local_error);
          goto stop;
        }
      if (row != NULL && !is_blank_row (row))
        {
          if ((record = row_to_record (row, n_columns, &problem)))
            g_ptr_array_add (batch, record);
          else
            reject_row (result, row->line, problem);
        }

      if (batch->len >= BATCH_SIZE || (last && batch->len > 0))
        {
          if (!insert_batch (store, import_id, batch, result, &local_error))
            goto stop;
          g_ptr_array_set_size (batch, 0);
          if (progress != NULL)
            progress (reader.bytes_read, total, progress_data);
          if (!last && g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            goto stop;
        }
      if (last)
        break;
    }

  csv_reader_clear (&reader);
  forget_import (store, import_id);
  if (result->n_added > 0)
    askarov_records_emit_reset (store);
  return g_steal_pointer (&result);

stop:
  csv_reader_clear (&reader);
  forget_import (store, import_id);
  if (result->n_added > 0)
    askarov_records_emit_reset (store);
  set_stopped_error (result, local_error, error);
  return NULL;
}

AskarovCsvImportResult *
askarov_records_import_csv (AskarovStore  *store,
                            GBytes        *data,
                            GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  stream = g_memory_input_stream_new_from_bytes (data);
  return askarov_records_import_csv_stream_full (store, stream, g_bytes_get_size (data), NULL, NULL, NULL, error);
}

AskarovCsvImportResult *
askarov_records_import_csv_stream (AskarovStore  *store,
                                   GInputStream  *stream,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  return askarov_records_import_csv_stream_full (store, stream, 0, NULL, NULL, cancellable, error);
}

static AskarovCsvImportResult *
import_file (AskarovStore            *store,
             GFile                   *file,
             AskarovCsvProgressFunc   progress,
             gpointer                 progress_data,
             GCancellable            *cancellable,
             GError                 **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint64 total = 0;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    total = (guint64) MAX (g_file_info_get_size (info), 0);
  return askarov_records_import_csv_stream_full (store, G_INPUT_STREAM (stream), total,
                                                 progress, progress_data, cancellable, error);
}

AskarovCsvImportResult *
askarov_records_import_csv_file (AskarovStore  *store,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return import_file (store, file, NULL, NULL, cancellable, error);
}

/* ---- On workers --------------------------------------------------------- */

typedef struct
{
  GFile                  *file;
  GMainContext           *context;     /* the caller's, for progress */
  AskarovCsvProgressFunc  progress;
  gpointer                progress_data;
  GDestroyNotify          progress_destroy;
  gint                    ref_count;   /* the job and each queued report */
} ImportJob;

static ImportJob *
import_job_ref (ImportJob *job)
{
  g_atomic_int_inc (&job->ref_count);
  return job;
}

static void
import_job_unref (ImportJob *job)
{
  if (!g_atomic_int_dec_and_test (&job->ref_count))
    return;
  g_clear_object (&job->file);
  if (job->progress_destroy != NULL)
    job->progress_destroy (job->progress_data);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  ImportJob *job;
  guint64    done;
  guint64    total;
} Report;

static gboolean
report_progress_cb (gpointer data)
{
  Report *report = data;

  report->job->progress (report->done, report->total, report->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
report_free (Report *report)
{
  import_job_unref (report->job);
  g_free (report);
}

/* On the worker: hands the figures to the caller's thread. */
static void
worker_progress (guint64  done,
                 guint64  total,
                 gpointer data)
{
  ImportJob *job = data;
  Report *report = g_new0 (Report, 1);

  report->job = import_job_ref (job);
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress_cb, report,
                              (GDestroyNotify) report_free);
}

static gpointer
import_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ImportJob *job = data;

  return import_file (store, job->file, job->progress != NULL ? worker_progress : NULL, job,
                      cancellable, error);
}

/**
 * askarov_records_import_csv_file_async_full:
 * @progress: (nullable): called in the thread-default main context of the
 *   caller after each batch, with the bytes read so far and the file's size
 *
 * Imports @file on a worker, a batch at a time. Cancelling @cancellable
 * stops it after the batch being written; the finish function then fails
 * with G_IO_ERROR_CANCELLED and a message saying how much was imported.
 */
void
askarov_records_import_csv_file_async_full (AskarovStore           *store,
                                            GFile                  *file,
                                            AskarovCsvProgressFunc  progress,
                                            gpointer                progress_data,
                                            GDestroyNotify          progress_destroy,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data)
{
  ImportJob *job;

  g_return_if_fail (ASKAROV_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  job->ref_count = 1;
  job->file = g_file_dup (file);
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  askarov_records_run_job (store, store, import_job, job, (GDestroyNotify) import_job_unref,
                           (GDestroyNotify) askarov_csv_import_result_free,
                           askarov_records_import_csv_file_async, cancellable, callback, user_data);
}

void
askarov_records_import_csv_file_async (AskarovStore        *store,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  askarov_records_import_csv_file_async_full (store, file, NULL, NULL, NULL, cancellable, callback, user_data);
}

AskarovCsvImportResult *
askarov_records_import_csv_file_finish (AskarovStore  *store,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return askarov_records_job_finish (store, result, askarov_records_import_csv_file_async, error);
}
