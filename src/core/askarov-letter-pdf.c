/* askarov-letter-pdf.c — lays a letter out on paper pages and writes it as a PDF.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter-pdf"

#include "config.h"

#include "askarov-letter-pdf.h"
#include "askarov-letter-pdf-private.h"

#include "askarov-file.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>

G_DEFINE_ENUM_TYPE (AskarovPaper, askarov_paper,
  G_DEFINE_ENUM_VALUE (ASKAROV_PAPER_A4, "a4"),
  G_DEFINE_ENUM_VALUE (ASKAROV_PAPER_US_LETTER, "us-letter"))

G_DEFINE_QUARK (askarov-letter-pdf-error-quark, askarov_letter_pdf_error)

/* One line of flowing text, placed on a page. */
typedef struct
{
  PangoLayout *layout;   /* owned by AskarovLetterPages.layouts */
  int          line;
  guint        page;
  double       y;        /* baseline, in points from the top of the page */
} PlacedLine;

struct _AskarovLetterPages
{
  AskarovPaper  paper;
  double        width;
  double        height;
  PangoContext *context;
  GPtrArray    *layouts;      /* PangoLayout, owned */
  GArray       *lines;        /* PlacedLine */
  guint         n_pages;
  gboolean      full_letter;  /* postal letter or fax: sender, window and date on page 1 */
  PangoLayout  *sender;       /* page 1 header, or NULL */
  PangoLayout  *return_line;
  PangoLayout  *recipient;
  PangoLayout  *date;
};

typedef struct
{
  AskarovLetter *letter;
  char          *path;
  AskarovPaper   paper;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->letter);
  g_free (data->path);
  g_free (data);
}

static PangoLayout *
make_layout (AskarovLetterPages *pages,
             const char         *text,
             double              size,
             double              width_pt,
             gboolean            bold)
{
  PangoLayout *layout = askarov_letter_pdf_new_layout (pages->context, text, size, width_pt, bold);

  g_ptr_array_add (pages->layouts, layout);
  return layout;
}

/* Places the lines of @text below *@y, starting new pages as needed. */
static void
flow_block (AskarovLetterPages *pages,
            const char         *text,
            double             *y,
            double              space_before,
            gboolean            keep_together)
{
  double width = pages->width - (MARGIN_LEFT + MARGIN_RIGHT) * MM;
  double bottom = pages->height - MARGIN_BOTTOM * MM;
  PangoLayout *layout;
  PangoLayoutIter *iter;
  int n;
  double block_height;
  int height = 0;

  if (text == NULL || *text == '\0')
    return;

  layout = make_layout (pages, text, FONT_SIZE_BODY, width, FALSE);
  n = pango_layout_get_line_count (layout);
  pango_layout_get_size (layout, NULL, &height);
  block_height = (double) height / PANGO_SCALE;

  *y += space_before;
  /* The closing and signature stay together rather than leave a name alone on a page. */
  if (keep_together && *y + block_height > bottom && block_height < bottom - MARGIN_TOP * MM)
    {
      pages->n_pages++;
      *y = MARGIN_TOP * MM;
    }

  iter = pango_layout_get_iter (layout);
  for (int i = 0; i < n; i++)
    {
      PangoRectangle logical;
      PlacedLine placed = { layout, i, 0, 0 };
      double line_height;
      double baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      if (*y + line_height > bottom)
        {
          pages->n_pages++;
          *y = MARGIN_TOP * MM;
        }
      placed.page = pages->n_pages - 1;
      placed.y = *y + baseline;
      g_array_append_val (pages->lines, placed);
      *y += line_height;
      pango_layout_iter_next_line (iter);
    }
  pango_layout_iter_free (iter);
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static gboolean
set_cairo_error (cairo_status_t   status,
                 const char      *path,
                 GError         **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, ASKAROV_LETTER_PDF_ERROR, ASKAROV_LETTER_PDF_ERROR_FAILED,
               /* Translators: %s is a file name, the second %s the reason from the graphics library */
               _("Could not write the PDF “%s”: %s. Check that the folder is writable and the disk is not full."),
               name, cairo_status_to_string (status));
  return FALSE;
}

gboolean
askarov_letter_pdf_finish (cairo_t          *cr,
                           cairo_surface_t  *surface,
                           const char       *path,
                           GError          **error)
{
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return set_cairo_error (status, path, error);
  return TRUE;
}

cairo_status_t
askarov_letter_pdf_write_to_stream (void                *closure,
                                    const unsigned char *data,
                                    unsigned int         length)
{
  GOutputStream *stream = closure;

  /* The stream's own error is reported by askarov_file_replace_commit(). */
  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
write_pdf_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (askarov_letter_write_pdf (data->letter, data->path, data->paper, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

PangoContext *
askarov_letter_pdf_new_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* One point per unit and no hinting: the layout must not depend on the
   * screen it is previewed on, so preview, print and PDF break lines alike. */
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

PangoLayout *
askarov_letter_pdf_new_layout (PangoContext *context,
                               const char   *text,
                               double        size,
                               double        width_pt,
                               gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILIES);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width_pt * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Pango refuses invalid UTF-8 with a warning; a damaged field must not cost the letter. */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      pango_layout_set_text (layout, valid, -1);
    }
  else
    pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

AskarovPaper
askarov_paper_for_locale (const char *locale)
{
  /* Countries whose standard paper is US Letter (CLDR paperSize). */
  static const char * const letter_countries[] = {
    "US", "CA", "MX", "PH", "CL", "CO", "CR", "GT", "PA", "PR", "SV", "VE", "NI", "DO", "BZ",
  };
  const char *underscore;

  if (locale == NULL)
    {
      locale = g_getenv ("LC_ALL");
      if (locale == NULL || *locale == '\0')
        locale = g_getenv ("LC_PAPER");
      if (locale == NULL || *locale == '\0')
        locale = g_getenv ("LANG");
      if (locale == NULL || *locale == '\0')
        locale = setlocale (LC_CTYPE, NULL);
    }
  if (locale == NULL)
    return ASKAROV_PAPER_A4;

  underscore = strchr (locale, '_');
  if (underscore == NULL || strlen (underscore) < 3)
    return ASKAROV_PAPER_A4;
  for (guint i = 0; i < G_N_ELEMENTS (letter_countries); i++)
    if (strncmp (underscore + 1, letter_countries[i], 2) == 0)
      return ASKAROV_PAPER_US_LETTER;
  return ASKAROV_PAPER_A4;
}

const char *
askarov_paper_to_id (AskarovPaper paper)
{
  return paper == ASKAROV_PAPER_US_LETTER ? "us-letter" : "a4";
}

gboolean
askarov_paper_from_id (const char   *id,
                       AskarovPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_strcmp0 (id, "a4") == 0)
    *paper = ASKAROV_PAPER_A4;
  else if (g_strcmp0 (id, "us-letter") == 0)
    *paper = ASKAROV_PAPER_US_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
askarov_paper_get_size (AskarovPaper  paper,
                        double       *width,
                        double       *height)
{
  if (paper == ASKAROV_PAPER_US_LETTER)
    {
      *width = 8.5 * 72.0;
      *height = 11.0 * 72.0;
    }
  else
    {
      *width = 210.0 * MM;
      *height = 297.0 * MM;
    }
}

AskarovLetterPages *
askarov_letter_pages_new (AskarovLetter *letter,
                          AskarovPaper   paper)
{
  return askarov_letter_pages_new_full (letter, paper, ASKAROV_LETTER_PAGES_DEFAULT);
}

AskarovLetterPages *
askarov_letter_pages_new_full (AskarovLetter           *letter,
                               AskarovPaper             paper,
                               AskarovLetterPagesFlags  flags)
{
  AskarovLetterPages *pages;
  AskarovChannel channel;
  double y;

  g_return_val_if_fail (ASKAROV_IS_LETTER (letter), NULL);

  pages = g_new0 (AskarovLetterPages, 1);
  pages->paper = paper;
  askarov_paper_get_size (paper, &pages->width, &pages->height);
  pages->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  pages->lines = g_array_new (FALSE, FALSE, sizeof (PlacedLine));
  pages->n_pages = 1;

  pages->context = askarov_letter_pdf_new_context ();

  channel = askarov_letter_get_channel (letter);
  pages->full_letter = channel == ASKAROV_CHANNEL_LETTER || channel == ASKAROV_CHANNEL_FAX;

  if (pages->full_letter)
    {
      g_autofree char *sender = askarov_letter_dup_sender_block (letter);
      g_autofree char *recipient = askarov_letter_dup_recipient_block (letter);
      g_autofree char *date = askarov_letter_dup_date_text (letter);
      g_autofree char *salutation = askarov_letter_dup_salutation (letter);
      g_autofree char *closing = askarov_letter_dup_closing (letter);
      g_autofree char *signature = askarov_letter_dup_signature_text (letter);
      g_autofree char *copies = askarov_letter_dup_copies_line (letter);
      g_autofree char *return_line = NULL;
      g_autofree char *closing_block = NULL;
      g_auto(GStrv) parts = NULL;
      double text_width = pages->width - (MARGIN_LEFT + MARGIN_RIGHT) * MM;
      guint n = askarov_letter_get_n_paragraphs (letter);

      /* The sender's block sits at the top right, clear of the envelope window. */
      pages->sender = make_layout (pages, sender, FONT_SIZE_BODY - 1, 70 * MM, FALSE);
      pango_layout_set_alignment (pages->sender, PANGO_ALIGN_RIGHT);
      /* The one-line return address the envelope window shows above the recipient. */
      parts = g_strsplit (sender, "\n", -1);
      return_line = g_strjoinv (" · ", parts);
      pages->return_line = make_layout (pages, return_line, FONT_SIZE_SMALL, WINDOW_WIDTH * MM, FALSE);
      pango_layout_set_ellipsize (pages->return_line, PANGO_ELLIPSIZE_END);
      pages->recipient = make_layout (pages, recipient, FONT_SIZE_BODY, WINDOW_WIDTH * MM, FALSE);
      pages->date = make_layout (pages, date, FONT_SIZE_BODY, text_width, FALSE);
      pango_layout_set_alignment (pages->date, PANGO_ALIGN_RIGHT);

      y = BODY_TOP * MM;
      if (channel == ASKAROV_CHANNEL_FAX)
        {
          /* The fax cover line goes above everything, in the top margin area. */
          g_autofree char *cover = askarov_letter_dup_fax_cover (letter);
          PangoLayout *cover_layout = make_layout (pages, cover, FONT_SIZE_BODY, text_width, TRUE);
          PlacedLine placed = { cover_layout, 0, 0, 0 };
          PangoLayoutIter *iter = pango_layout_get_iter (cover_layout);

          for (int i = 0; i < pango_layout_get_line_count (cover_layout); i++)
            {
              PangoRectangle logical;

              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              placed.line = i;
              placed.y = 12 * MM + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
              g_array_append_val (pages->lines, placed);
              pango_layout_iter_next_line (iter);
            }
          pango_layout_iter_free (iter);
        }

      flow_block (pages, salutation, &y, 0, FALSE);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *p = g_strstrip (g_strdup (askarov_letter_get_paragraph (letter, i)));

          flow_block (pages, p, &y, FONT_SIZE_BODY * 0.9, FALSE);
        }
      /* Blank lines inside the closing block keep the space for a signature by
       * hand on the same page as the closing and the name below it. */
      closing_block = g_strconcat (closing,
                                   (flags & ASKAROV_LETTER_PAGES_SIGNATURE_SPACE) ? "\n\n\n\n\n" : "\n\n",
                                   signature, NULL);
      flow_block (pages, closing_block, &y, FONT_SIZE_BODY * 0.9, TRUE);
      flow_block (pages, copies, &y, FONT_SIZE_BODY * 1.8, FALSE);
    }
  else
    {
      g_autofree char *text = askarov_letter_render_text (letter);

      y = MARGIN_TOP * MM;
      if (channel == ASKAROV_CHANNEL_EMAIL)
        {
          g_autofree char *subject = askarov_letter_dup_subject (letter);

          flow_block (pages, subject, &y, 0, FALSE);
          y += FONT_SIZE_BODY;
        }
      flow_block (pages, text, &y, 0, FALSE);
    }

  return pages;
}

guint
askarov_letter_pages_get_n_pages (AskarovLetterPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);

  return pages->n_pages;
}

void
askarov_letter_pages_draw (AskarovLetterPages *pages,
                           cairo_t            *cr,
                           guint               page)
{
  g_return_if_fail (pages != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < pages->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (page == 0 && pages->full_letter)
    {
      show_layout_at (cr, pages->sender, pages->width - MARGIN_RIGHT * MM - 70 * MM, MARGIN_TOP * MM);
      show_layout_at (cr, pages->return_line, WINDOW_LEFT * MM, RETURN_LINE_TOP * MM);
      show_layout_at (cr, pages->recipient, WINDOW_LEFT * MM, ADDRESS_TOP * MM);
      show_layout_at (cr, pages->date, MARGIN_LEFT * MM, DATE_TOP * MM);

      /* Fold marks in the left margin, for folding in three into a window envelope. */
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, 5 * MM, FOLD_MARK_1 * MM);
      cairo_line_to (cr, 9 * MM, FOLD_MARK_1 * MM);
      cairo_move_to (cr, 5 * MM, FOLD_MARK_2 * MM);
      cairo_line_to (cr, 9 * MM, FOLD_MARK_2 * MM);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < pages->lines->len; i++)
    {
      PlacedLine *placed = &g_array_index (pages->lines, PlacedLine, i);

      if (placed->page != page)
        continue;
      cairo_move_to (cr, MARGIN_LEFT * MM, placed->y);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (placed->layout, placed->line));
    }

  if (pages->n_pages > 1)
    {
      g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, pages->n_pages);
      g_autoptr(PangoLayout) layout = pango_layout_new (pages->context);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILIES);

      pango_font_description_set_size (font, (int) (FONT_SIZE_SMALL * PANGO_SCALE));
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) (pages->width * PANGO_SCALE));
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_text (layout, number, -1);
      show_layout_at (cr, layout, 0, pages->height - 12 * MM);
    }

  cairo_restore (cr);
}

void
askarov_letter_pages_free (AskarovLetterPages *pages)
{
  if (pages == NULL)
    return;
  g_ptr_array_unref (pages->layouts);
  g_array_unref (pages->lines);
  g_clear_object (&pages->context);
  g_free (pages);
}

gboolean
askarov_letter_write_pdf (AskarovLetter  *letter,
                          const char     *path,
                          AskarovPaper    paper,
                          GError        **error)
{
  g_autoptr(AskarovLetterPages) pages = NULL;
  g_autoptr(AskarovFileReplace) out = NULL;
  g_autofree char *subject = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (ASKAROV_IS_LETTER (letter), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* cairo writes a temporary file (0600) in the same folder, which is
   * synced and renamed over @path once complete: a full disk or a crash
   * never leaves a truncated PDF under the real name. */
  if (!(out = askarov_file_replace_new (path, error)))
    return FALSE;

  pages = askarov_letter_pages_new (letter, paper);
  surface = cairo_pdf_surface_create_for_stream (askarov_letter_pdf_write_to_stream,
                                                 askarov_file_replace_get_stream (out),
                                                 pages->width, pages->height);
  subject = askarov_letter_dup_subject (letter);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Askarov");
  cr = cairo_create (surface);
  for (guint i = 0; i < pages->n_pages; i++)
    {
      askarov_letter_pages_draw (pages, cr, i);
      cairo_show_page (cr);
    }
  /* Freeing @out uncommitted removes the temporary file. */
  if (!askarov_letter_pdf_finish (cr, surface, path, error))
    return FALSE;
  return askarov_file_replace_commit (out, error);
}

void
askarov_letter_write_pdf_async (AskarovLetter       *letter,
                                const char          *path,
                                AskarovPaper         paper,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (ASKAROV_IS_LETTER (letter));
  g_return_if_fail (path != NULL);

  data = g_new0 (WriteData, 1);
  data->letter = askarov_letter_copy (letter);
  data->path = g_strdup (path);
  data->paper = paper;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_letter_write_pdf_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_pdf_worker);
}

gboolean
askarov_letter_write_pdf_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
