/* askarov-importer.h — reads a file (text, Markdown, HTML or PDF) into checked, normalised text.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ASKAROV_IMPORT_ERROR (askarov_import_error_quark ())

typedef enum
{
  ASKAROV_IMPORT_ERROR_FAILED,
  ASKAROV_IMPORT_ERROR_EMPTY,         /* no text at all, or only white space */
  ASKAROV_IMPORT_ERROR_BINARY,        /* NUL bytes or control characters: not a text document */
  ASKAROV_IMPORT_ERROR_BAD_ENCODING,  /* mostly invalid UTF-8: refused rather than repaired */
  ASKAROV_IMPORT_ERROR_TOO_LARGE,     /* over ASKAROV_IMPORT_MAX_FILE_SIZE or _MAX_TEXT_SIZE */
  ASKAROV_IMPORT_ERROR_ENCRYPTED,     /* a password-protected PDF */
  ASKAROV_IMPORT_ERROR_UNSUPPORTED,   /* a format we do not read (image, office file…) */
} AskarovImportError;

/* A file larger than this is refused before it is parsed. */
#define ASKAROV_IMPORT_MAX_FILE_SIZE (20 * 1024 * 1024)
/* Text longer than this (after conversion) is refused: no Urgent Action is that long. */
#define ASKAROV_IMPORT_MAX_TEXT_SIZE (2 * 1024 * 1024)
/* A PDF with more pages than this is refused: it is a report or a book, not an Urgent Action. */
#define ASKAROV_IMPORT_MAX_PAGES 200
/* Reading a PDF's text stops after this long (a hostile or broken file). */
#define ASKAROV_IMPORT_MAX_PDF_SECONDS 60

/* Formats, as stored in documents.format. */
#define ASKAROV_IMPORT_FORMAT_TEXT     "text"
#define ASKAROV_IMPORT_FORMAT_MARKDOWN "markdown"
#define ASKAROV_IMPORT_FORMAT_HTML     "html"
#define ASKAROV_IMPORT_FORMAT_PDF      "pdf"

typedef struct
{
  char     *text;          /* valid UTF-8, NFC, '\n' line ends, paragraphs separated by blank lines */
  char     *format;        /* one of the ASKAROV_IMPORT_FORMAT_* strings */
  char     *title;         /* HTML <title>/<h1>, PDF title, or the first non-empty line; never NULL */
  char     *source_name;   /* the file's display name, "-" for standard input; never NULL */
  char     *content_hash;  /* askarov_import_hash_text (text): lower-case hex SHA-256 */
  gboolean  repaired;      /* invalid UTF-8 sequences were replaced with U+FFFD */
  char     *encoding;      /* the legacy encoding the text was converted from ("windows-1252",
                            * "windows-1251", "iso-8859-1"), or NULL for UTF-8 */
} AskarovImportedText;

#define ASKAROV_TYPE_IMPORTED_TEXT (askarov_imported_text_get_type ())

GQuark               askarov_import_error_quark      (void);
GType                askarov_imported_text_get_type  (void) G_GNUC_CONST;
AskarovImportedText *askarov_imported_text_copy      (const AskarovImportedText *self);
void                 askarov_imported_text_free      (AskarovImportedText       *self);

const char          *askarov_import_sniff_format     (GBytes                    *bytes,
                                                      const char                *name);
char                *askarov_import_hash_text        (const char                *text);
AskarovImportedText *askarov_import_read_bytes       (GBytes                    *bytes,
                                                      const char                *name,
                                                      GError                   **error);
AskarovImportedText *askarov_import_read_file        (GFile                     *file,
                                                      GCancellable              *cancellable,
                                                      GError                   **error);
void                 askarov_import_read_file_async  (GFile                     *file,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
AskarovImportedText *askarov_import_read_file_finish (GAsyncResult              *result,
                                                      GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovImportedText, askarov_imported_text_free)

G_END_DECLS
