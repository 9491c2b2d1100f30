/* askarov-letter-pdf-private.h — the page geometry and text setup that letters and letter packs share.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define MM (72.0 / 25.4)

/* Page geometry, in millimetres from the top-left corner of the page.
 *
 * The recipient block sits in the address field of DIN 5008 form B, which the
 * window of a DIN C5/6, DL or C4 window envelope (DIN 680) shows when the page
 * is folded in three at 105 and 210 mm: 20 mm from the left edge and 45 mm from
 * the top, 85 x 45 mm. Its first 17.7 mm hold the one-line return address;
 * the address proper starts below. On US Letter the same spot falls in the
 * window of a #10 envelope (7/8 inch from the left, about 2 inches down). */
#define MARGIN_LEFT        25.0
#define MARGIN_RIGHT       20.0
#define MARGIN_TOP         20.0
#define MARGIN_BOTTOM      22.0
#define WINDOW_LEFT        25.0   /* 20 mm window edge + 5 mm inner padding */
#define WINDOW_TOP         45.0
#define WINDOW_WIDTH       80.0
#define RETURN_LINE_TOP    (WINDOW_TOP + 10.0)
#define ADDRESS_TOP        (WINDOW_TOP + 17.7)
#define DATE_TOP           98.0
#define BODY_TOP           110.0
#define FOLD_MARK_1        105.0
#define FOLD_MARK_2        210.0

/* Families that cover Latin and Cyrillic in the build root and the GNOME runtime. */
#define FONT_FAMILIES      "DejaVu Sans, Cantarell, sans-serif"
#define FONT_SIZE_BODY     10.5
#define FONT_SIZE_SMALL    7.0

/* A Pango context laid out in points, without hinting (see the .c). */
PangoContext *askarov_letter_pdf_new_context (void);
/* A layout of @text (invalid UTF-8 repaired) in the letter's fonts, wrapped at @width_pt. */
PangoLayout  *askarov_letter_pdf_new_layout  (PangoContext *context,
                                              const char   *text,
                                              double        size,
                                              double        width_pt,
                                              gboolean      bold);
/* Finishes the PDF drawn through @cr on @surface, freeing both; FALSE, with
 * an ASKAROV_LETTER_PDF_ERROR naming @path, when cairo could not write it. */
gboolean      askarov_letter_pdf_finish      (cairo_t         *cr,
                                              cairo_surface_t *surface,
                                              const char      *path,
                                              GError         **error);

/* A cairo write function for the GOutputStream @closure (an askarov-file
 * temporary file): the stream keeps its own error for the commit to report. */
cairo_status_t askarov_letter_pdf_write_to_stream (void                *closure,
                                                   const unsigned char *data,
                                                   unsigned int         length);

G_END_DECLS
