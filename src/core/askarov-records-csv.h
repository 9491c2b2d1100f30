/* askarov-records-csv.h — records to and from CSV (RFC 4180) and to JSON.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-action-record.h"
#include "askarov-store-records.h"

G_BEGIN_DECLS

/* The header line, without its CRLF. Organisers merge files from many
 * volunteers, so its first ten columns never change; "id" (the action's
 * UUID) and "volunteer" (its author's volunteer id) were added at the end
 * and are optional on import: ten-column files import as before. */
#define ASKAROV_RECORDS_CSV_HEADER_V1 \
  "taken_on,case,reference,target,target_title,channel,outcome,language,note,reported_on"
#define ASKAROV_RECORDS_CSV_HEADER ASKAROV_RECORDS_CSV_HEADER_V1 ",id,volunteer"

/* Files larger than this are refused on import. */
#define ASKAROV_RECORDS_CSV_MAX_SIZE (64 * 1024 * 1024)

#define ASKAROV_RECORDS_CSV_ERROR (askarov_records_csv_error_quark ())

typedef enum
{
  ASKAROV_RECORDS_CSV_ERROR_NOT_CSV,       /* empty, or the header is not ours: nothing imported */
  ASKAROV_RECORDS_CSV_ERROR_TOO_LARGE,
  ASKAROV_RECORDS_CSV_ERROR_BAD_ENCODING,  /* not UTF-8: nothing imported */
} AskarovRecordsCsvError;

GQuark askarov_records_csv_error_quark (void);

/* One rejected row: its line number in the file (1 = the header) and why. */
typedef struct
{
  guint  line;
  char  *message;
} AskarovCsvRejection;

typedef struct
{
  guint      n_added;
  guint      n_duplicates;
  guint      n_cases_created;
  GPtrArray *rejected;   /* AskarovCsvRejection, in file order: the first 1000 */
  guint      n_rejected_unlisted;  /* rows refused after those */
} AskarovCsvImportResult;

/* Progress of an import: bytes of the file read so far, and its size (0
 * when unknown). */
typedef void (*AskarovCsvProgressFunc) (guint64  done,
                                        guint64  total,
                                        gpointer user_data);

#define ASKAROV_TYPE_CSV_IMPORT_RESULT (askarov_csv_import_result_get_type ())
GType  askarov_csv_import_result_get_type (void) G_GNUC_CONST;
void   askarov_csv_import_result_free     (AskarovCsvImportResult *result);
AskarovCsvImportResult *askarov_csv_import_result_copy (AskarovCsvImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovCsvImportResult, askarov_csv_import_result_free)
/* "Line 4: the date “2026-13-01” is not a real day" lines joined with "\n". */
char  *askarov_csv_import_result_format_rejections (AskarovCsvImportResult *result);

/* Appends the CSV (header and one CRLF-terminated line per record) to @out.
 * @records: (element-type AskarovActionRecord) */
void      askarov_records_write_csv       (GPtrArray     *records,
                                           GString       *out);
/* Cell escaping (for tests and the report): quotes when needed, doubles
 * quotes, and prefixes ' to cells starting with = + - @ TAB CR or LF. */
char     *askarov_records_csv_escape      (const char    *cell);

/* Parses @data (a whole file) and merges its rows into the store: a row
 * with an id is a duplicate when an action with that id is there (so two
 * volunteers' identical actions stay two); a row without one when its
 * natural key (every column but reported_on) is already there (a file with
 * the same action twice adds it twice, once);
 * unknown case names make new cases. Malformed rows are rejected with their
 * line numbers and the rest imported.
 *
 * The file is read in 64 KiB chunks and merged 2,000 rows at a time, each
 * batch in its own transaction, so memory stays bounded and a failure (a
 * full disk, a kill) leaves whole batches only. Importing the same file
 * again then adds just the rows that are missing (the duplicate count above
 * is per copy): that is how a stopped import is resumed.
 * Returns: (transfer full): the counts, or NULL with @error (NOT_CSV,
 * TOO_LARGE, BAD_ENCODING) when nothing was imported, or another error
 * (G_IO_ERROR_CANCELLED, a store error) whose message says how many rows
 * were imported before it stopped. */
AskarovCsvImportResult *askarov_records_import_csv (AskarovStore  *store,
                                                    GBytes        *data,
                                                    GError       **error);
/* Reads @file (at most ASKAROV_RECORDS_CSV_MAX_SIZE) and imports it. */
AskarovCsvImportResult *askarov_records_import_csv_file (AskarovStore  *store,
                                                         GFile         *file,
                                                         GCancellable  *cancellable,
                                                         GError       **error);

/* Writes the records matching @filter (NULL = all), oldest first, as CSV or
 * JSON to @file via a temporary file renamed into place. */
gboolean  askarov_records_export_csv_file  (AskarovStore              *store,
                                            const AskarovRecordFilter *filter,
                                            GFile                     *file,
                                            guint                     *n_written,
                                            GCancellable              *cancellable,
                                            GError                   **error);
/* Writes the CSV to @stream (standard output for the command line). */
gboolean  askarov_records_export_csv_stream (AskarovStore              *store,
                                             const AskarovRecordFilter *filter,
                                             GOutputStream             *stream,
                                             guint                     *n_written,
                                             GCancellable              *cancellable,
                                             GError                   **error);
/* Reads @stream to its end (at most ASKAROV_RECORDS_CSV_MAX_SIZE) and imports it. */
AskarovCsvImportResult *askarov_records_import_csv_stream (AskarovStore  *store,
                                                           GInputStream  *stream,
                                                           GCancellable  *cancellable,
                                                           GError       **error);
/* The same with progress (@total: the stream's size, 0 when unknown;
 * @progress runs on this thread after each batch); @cancellable is checked
 * between batches. */
AskarovCsvImportResult *askarov_records_import_csv_stream_full (AskarovStore            *store,
                                                                GInputStream            *stream,
                                                                guint64                  total,
                                                                AskarovCsvProgressFunc   progress,
                                                                gpointer                 progress_data,
                                                                GCancellable            *cancellable,
                                                                GError                 **error);
gboolean  askarov_records_export_json_file (AskarovStore              *store,
                                            const AskarovRecordFilter *filter,
                                            GFile                     *file,
                                            guint                     *n_written,
                                            GCancellable              *cancellable,
                                            GError                   **error);
/* The JSON text: {"format":"askarov-actions","version":1,"actions":[{...}]}
 * with the CSV's column names as keys (null for unknowns).
 * @records: (element-type AskarovActionRecord) */
char     *askarov_records_to_json          (GPtrArray     *records);

void                    askarov_records_import_csv_file_async  (AskarovStore        *store,
                                                                GFile               *file,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
/* With progress, reported in the caller's thread-default main context after
 * each batch. Cancelling stops the import after the batch being written;
 * the finish function then fails with G_IO_ERROR_CANCELLED, its message
 * saying how much was imported. */
void                    askarov_records_import_csv_file_async_full (AskarovStore           *store,
                                                                    GFile                  *file,
                                                                    AskarovCsvProgressFunc  progress,
                                                                    gpointer                progress_data,
                                                                    GDestroyNotify          progress_destroy,
                                                                    GCancellable           *cancellable,
                                                                    GAsyncReadyCallback     callback,
                                                                    gpointer                user_data);
AskarovCsvImportResult *askarov_records_import_csv_file_finish (AskarovStore        *store,
                                                                GAsyncResult        *result,
                                                                GError             **error);
/* Export on a worker; the finish functions return the number of rows written, or -1 with @error. */
void      askarov_records_export_csv_file_async   (AskarovStore              *store,
                                                   const AskarovRecordFilter *filter,
                                                   GFile                     *file,
                                                   GCancellable              *cancellable,
                                                   GAsyncReadyCallback        callback,
                                                   gpointer                   user_data);
int       askarov_records_export_csv_file_finish  (AskarovStore        *store,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void      askarov_records_export_json_file_async  (AskarovStore              *store,
                                                   const AskarovRecordFilter *filter,
                                                   GFile                     *file,
                                                   GCancellable              *cancellable,
                                                   GAsyncReadyCallback        callback,
                                                   gpointer                   user_data);
int       askarov_records_export_json_file_finish (AskarovStore        *store,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
