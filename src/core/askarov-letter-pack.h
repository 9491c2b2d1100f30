/* askarov-letter-pack.h — the printed pack for a letter-writing evening: letters, envelopes and a tally sheet.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "askarov-letter-case.h"
#include "askarov-letter-pdf.h"
#include "askarov-letter.h"

G_BEGIN_DECLS

#define ASKAROV_LETTER_PACK_ERROR (askarov_letter_pack_error_quark ())

typedef enum
{
  ASKAROV_LETTER_PACK_ERROR_NO_OFFICIALS,   /* the case names no one to write to, or none was chosen */
  ASKAROV_LETTER_PACK_ERROR_BAD_OFFICIAL,   /* an official number the case does not have */
  ASKAROV_LETTER_PACK_ERROR_BAD_LANGUAGE,   /* a language without a phrasebook */
} AskarovLetterPackError;

/* Envelope sizes (ISO 269), printed landscape; ids "dl", "c5". */
typedef enum
{
  ASKAROV_ENVELOPE_DL,   /* 220 x 110 mm: an A4 letter folded in three */
  ASKAROV_ENVELOPE_C5,   /* 229 x 162 mm: an A4 letter folded once */
} AskarovEnvelope;

/* What a page of the pack holds. */
typedef enum
{
  ASKAROV_LETTER_PACK_PAGE_LETTER,
  ASKAROV_LETTER_PACK_PAGE_ENVELOPE,
  ASKAROV_LETTER_PACK_PAGE_TALLY,
} AskarovLetterPackPage;

#define ASKAROV_TYPE_ENVELOPE (askarov_envelope_get_type ())
#define ASKAROV_TYPE_LETTER_PACK_OPTIONS (askarov_letter_pack_options_get_type ())

GType         askarov_envelope_get_type          (void) G_GNUC_CONST;
GQuark        askarov_letter_pack_error_quark    (void);
gboolean      askarov_envelope_from_id           (const char      *id,
                                                  AskarovEnvelope *envelope);
/* Size in points, landscape (width > height). */
void          askarov_envelope_get_size          (AskarovEnvelope  envelope,
                                                  double          *width,
                                                  double          *height);

/* What goes into a pack. Every field is owned by the struct. */
typedef struct
{
  GArray           *officials;       /* guint indices into the case's targets; NULL or empty = every official
                                      * written to (not the "copies to") */
  GStrv             languages;       /* letter languages in order; NULL or empty = the case's languages that
                                      * have a phrasebook, else English */
  AskarovPaper      paper;
  AskarovEnvelope   envelope;
  gboolean          sender_lines;    /* the sender's block, return line and signed name on each letter;
                                      * FALSE leaves them for each writer to add by hand */
  gboolean          return_address;  /* the sender's address on each envelope */
  char             *sender_name;
  char             *sender_address;  /* lines joined with '\n' */
  char             *sender_city;
  char             *sender_country;
  AskarovSignature  signature;
  GDateTime        *date;            /* the letters' date; NULL = today */
} AskarovLetterPackOptions;

GType                     askarov_letter_pack_options_get_type (void) G_GNUC_CONST;
/* A4 (or the locale's paper), DL envelopes, no sender lines, no return address. */
AskarovLetterPackOptions *askarov_letter_pack_options_new      (void);
AskarovLetterPackOptions *askarov_letter_pack_options_copy     (const AskarovLetterPackOptions *options);
void                      askarov_letter_pack_options_free     (AskarovLetterPackOptions       *options);
/* Every official written to in @letter_case (indices into its targets), in order. */
GArray                   *askarov_letter_pack_default_officials (const AskarovLetterCase       *letter_case);
/* The case's letter languages that have a phrasebook, else { "en" }. */
GStrv                     askarov_letter_pack_default_languages (const AskarovLetterCase       *letter_case);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovLetterPackOptions, askarov_letter_pack_options_free)

/* The pack laid out: for each chosen official, for each language, the
 * letter's pages then its envelope; the tally sheet last. Pages differ in
 * size (paper, envelope). Usable from one thread at a time, the one that
 * made it (Pango's font map is per thread). */
typedef struct _AskarovLetterPack AskarovLetterPack;

/* Builds each letter with askarov_letter_new_for_case(), as the composer
 * does. Fails when the case calls for no letter (ASKAROV_LETTER_ERROR_NO_LETTER),
 * names no official, or @options asks for an official or language that is not there. */
AskarovLetterPack        *askarov_letter_pack_new              (AskarovLetterCase              *letter_case,
                                                                const AskarovLetterPackOptions *options,
                                                                GError                        **error);
void                      askarov_letter_pack_free             (AskarovLetterPack              *pack);
guint                     askarov_letter_pack_get_n_pages      (AskarovLetterPack              *pack);
guint                     askarov_letter_pack_get_n_letters    (AskarovLetterPack              *pack);
AskarovLetterPackPage     askarov_letter_pack_get_page_kind    (AskarovLetterPack              *pack,
                                                                guint                           page);
/* In points, as the page is drawn (envelopes landscape). */
void                      askarov_letter_pack_get_page_size    (AskarovLetterPack              *pack,
                                                                guint                           page,
                                                                double                         *width,
                                                                double                         *height);
/* Draws @page into @cr, whose unit is the point and whose origin is the page's top-left corner. */
void                      askarov_letter_pack_draw_page        (AskarovLetterPack              *pack,
                                                                cairo_t                        *cr,
                                                                guint                           page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovLetterPack, askarov_letter_pack_free)

/* Writes @pack as one PDF through askarov-file.h (private, replaced only once
 * complete); cairo failures are ASKAROV_LETTER_PDF_ERROR_FAILED. */
gboolean                  askarov_letter_pack_save             (AskarovLetterPack              *pack,
                                                                const char                     *path,
                                                                GError                        **error);

/* askarov_letter_pack_new() then askarov_letter_pack_save(). Blocking; any thread. */
gboolean                  askarov_letter_pack_write_pdf        (AskarovLetterCase              *letter_case,
                                                                const AskarovLetterPackOptions *options,
                                                                const char                     *path,
                                                                GError                        **error);
/* The same on a worker; @options is copied now. */
void                      askarov_letter_pack_write_pdf_async  (AskarovLetterCase              *letter_case,
                                                                const AskarovLetterPackOptions *options,
                                                                const char                     *path,
                                                                GCancellable                   *cancellable,
                                                                GAsyncReadyCallback             callback,
                                                                gpointer                        user_data);
gboolean                  askarov_letter_pack_write_pdf_finish (GAsyncResult                   *result,
                                                                GError                        **error);

G_END_DECLS
