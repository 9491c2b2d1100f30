/* askarov-letter-pdf.h — lays a letter out on paper pages and writes it as a PDF.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "askarov-letter.h"

G_BEGIN_DECLS

#define ASKAROV_LETTER_PDF_ERROR (askarov_letter_pdf_error_quark ())

typedef enum
{
  ASKAROV_LETTER_PDF_ERROR_FAILED,   /* cairo could not write the file (disk full, no permission) */
} AskarovLetterPdfError;

typedef enum
{
  ASKAROV_PAPER_A4,
  ASKAROV_PAPER_US_LETTER,
} AskarovPaper;

#define ASKAROV_TYPE_PAPER (askarov_paper_get_type ())

GType         askarov_paper_get_type           (void) G_GNUC_CONST;
GQuark        askarov_letter_pdf_error_quark   (void);

/* US Letter for the countries that use it (US, CA, MX, PH, …), A4 elsewhere.
 * @locale is like "en_US.UTF-8"; NULL means the LC_PAPER (or LC_ALL / LANG) locale. */
AskarovPaper  askarov_paper_for_locale         (const char   *locale);
const char   *askarov_paper_to_id             (AskarovPaper  paper);       /* "a4", "us-letter" */
gboolean      askarov_paper_from_id           (const char   *id,
                                               AskarovPaper *paper);
/* Size in points (1/72 inch). */
void          askarov_paper_get_size          (AskarovPaper  paper,
                                               double       *width,
                                               double       *height);

/* The letter laid out on pages; usable from any one thread at a time. Draw into a
 * cairo context whose unit is the point and whose origin is the page's top-left
 * corner (a PDF surface, a print context with the full page, or a scaled preview). */
typedef struct _AskarovLetterPages AskarovLetterPages;

typedef enum /*< flags >*/
{
  ASKAROV_LETTER_PAGES_DEFAULT         = 0,
  ASKAROV_LETTER_PAGES_SIGNATURE_SPACE = 1 << 0,   /* room for a signature by hand between the closing and the name */
} AskarovLetterPagesFlags;

AskarovLetterPages *askarov_letter_pages_new      (AskarovLetter      *letter,
                                                   AskarovPaper        paper);
AskarovLetterPages *askarov_letter_pages_new_full (AskarovLetter      *letter,
                                                   AskarovPaper        paper,
                                                   AskarovLetterPagesFlags flags);
guint         askarov_letter_pages_get_n_pages    (AskarovLetterPages *pages);
void          askarov_letter_pages_draw           (AskarovLetterPages *pages,
                                                   cairo_t            *cr,
                                                   guint               page);
void          askarov_letter_pages_free           (AskarovLetterPages *pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovLetterPages, askarov_letter_pages_free)

/* Writes the letter as a PDF, to a temporary file renamed over @path when
 * complete, so a failure never leaves a half-written PDF. */
gboolean      askarov_letter_write_pdf        (AskarovLetter  *letter,
                                               const char     *path,
                                               AskarovPaper    paper,
                                               GError        **error);
/* Works on a copy of @letter taken now; later edits do not affect the file. */
void          askarov_letter_write_pdf_async  (AskarovLetter  *letter,
                                               const char     *path,
                                               AskarovPaper    paper,
                                               GCancellable   *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer        user_data);
gboolean      askarov_letter_write_pdf_finish (GAsyncResult   *result,
                                               GError        **error);

G_END_DECLS
