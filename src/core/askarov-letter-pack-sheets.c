/* askarov-letter-pack-sheets.c — draws the pack's envelopes and its tally sheet.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter-pack"

#include "config.h"

#include "askarov-letter-pack-private.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "askarov-letter-pdf-private.h"
#include "askarov-salutations.h"

/* Envelope geometry, in millimetres from the envelope's top-left corner.
 * The recipient goes where the letter puts it for a window envelope
 * (WINDOW_LEFT, ADDRESS_TOP in askarov-letter-pdf-private.h), which is
 * also where DIN 680 places the window of DL and C5 envelopes: a writer
 * can use a window envelope for the letter or this plain one, and the
 * post finds the address in the same place. */
#define ENVELOPE_RETURN_LEFT    10.0
#define ENVELOPE_RETURN_TOP     8.0
#define ENVELOPE_RETURN_WIDTH   80.0
#define STAMP_WIDTH             25.0
#define STAMP_HEIGHT            30.0
#define STAMP_MARGIN            8.0

/* The tally sheet's grid. */
#define TALLY_NAME_WIDTH        54.0
#define TALLY_ROW_MAX           22.0
#define TALLY_ROW_MIN           9.0
#define TALLY_HEADER_HEIGHT     11.0
#define FONT_SIZE_TITLE         16.0
#define FONT_SIZE_HEADING       12.0

static gboolean
strv_is_empty (char **strv)
{
  return strv == NULL || strv[0] == NULL;
}

/* The one-line form of @text for a table cell: lines joined with ", ". */
static char *
join_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  return g_strjoinv (", ", lines);
}

/* Shows @text at (@x, @y) in points, @width wide; returns its height. */
static double
show_text (AskarovLetterPack *pack,
           cairo_t           *cr,
           const char        *text,
           double             size,
           gboolean           bold,
           double             x,
           double             y,
           double             width,
           PangoAlignment     alignment)
{
  g_autoptr(PangoLayout) layout = askarov_letter_pdf_new_layout (pack->context, text, size, width, bold);
  int height = 0;

  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* A date of the case (YYYY-MM-DD) as the user reads it. */
static char *
format_case_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int y = 0, m = 0, d = 0;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso_date);
  date = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso_date);
  /* Translators: a full date, see g_date_time_format(); keep %-d for no leading zero */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* Whether the Urgent Action gives a way to reach @target by @channel. */
static gboolean
target_has_channel (const AskarovTarget *target,
                    AskarovChannel       channel)
{
  switch (channel)
    {
    case ASKAROV_CHANNEL_LETTER:
      return !strv_is_empty (target->address);
    case ASKAROV_CHANNEL_EMAIL:
      return !strv_is_empty (target->email);
    case ASKAROV_CHANNEL_FAX:
      return target->fax != NULL && *target->fax != '\0';
    case ASKAROV_CHANNEL_POST:
      {
        g_auto(GStrv) handles = askarov_letter_handles_from_social ((const char * const *) target->social);

        return !strv_is_empty (handles);
      }
    case ASKAROV_CHANNEL_CALL:
      return target->phone != NULL && *target->phone != '\0';
    case ASKAROV_CHANNEL_PETITION:
    case ASKAROV_CHANNEL_OTHER:
    default:
      return FALSE;
    }
}

static char *
sender_block (const AskarovLetterPackOptions *options)
{
  g_autoptr(AskarovLetter) letter = askarov_letter_new ("en", ASKAROV_ROLE_OFFICIAL);

  /* The letter's own rule for the block, so initials-only signing hides the
   * name and street on the envelope exactly as on the letter. */
  askarov_letter_set_sender (letter, options->sender_name, options->sender_address,
                             options->sender_city, options->sender_country);
  askarov_letter_set_signature (letter, options->signature);
  return askarov_letter_dup_sender_block (letter);
}

void
askarov_letter_pack_draw_envelope (AskarovLetterPack *pack,
                                   cairo_t           *cr,
                                   const PackItem    *item)
{
  g_autofree char *recipient = askarov_letter_dup_recipient_block (item->letter);
  double width;
  double height;
  const double dash[] = { 2.0, 2.0 };

  askarov_envelope_get_size (pack->options->envelope, &width, &height);

  if (pack->options->return_address)
    {
      g_autofree char *sender = sender_block (pack->options);

      show_text (pack, cr, sender, FONT_SIZE_SMALL + 1, FALSE,
                 ENVELOPE_RETURN_LEFT * MM, ENVELOPE_RETURN_TOP * MM, ENVELOPE_RETURN_WIDTH * MM,
                 PANGO_ALIGN_LEFT);
    }

  show_text (pack, cr, recipient, FONT_SIZE_BODY + 1, FALSE,
             WINDOW_LEFT * MM, ADDRESS_TOP * MM, (WINDOW_WIDTH + 10) * MM, PANGO_ALIGN_LEFT);

  /* Where the stamp goes, so nobody writes over it. */
  cairo_save (cr);
  cairo_set_line_width (cr, 0.4);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_rectangle (cr, width - (STAMP_MARGIN + STAMP_WIDTH) * MM, STAMP_MARGIN * MM,
                   STAMP_WIDTH * MM, STAMP_HEIGHT * MM);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
languages_label (GStrv languages)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *native = askarov_phrasebook_get_native_name (languages[i]);

      g_ptr_array_add (names, (gpointer) (native != NULL ? native : languages[i]));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

void
askarov_letter_pack_draw_tally (AskarovLetterPack *pack,
                                cairo_t           *cr)
{
  AskarovLetterCase *c = pack->letter_case;
  double page_width;
  double page_height;
  double left = MARGIN_LEFT * MM;
  double right;
  double y = MARGIN_TOP * MM;
  double grid_width;
  double channel_width;
  double row_height;
  double grid_top;
  guint n_rows = pack->officials->len + 1;   /* the officials, then the totals */
  guint n_columns = ASKAROV_N_LETTER_CHANNELS + 1;   /* the channels, then the totals */
  g_autofree char *title = NULL;
  g_autofree char *deadline = format_case_date (c->deadline);
  g_autofree char *languages = languages_label (pack->options->languages);
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autofree char *contents = NULL;
  g_autofree char *footnote = NULL;

  askarov_paper_get_size (pack->options->paper, &page_width, &page_height);
  right = page_width - MARGIN_RIGHT * MM;
  grid_width = right - left;
  channel_width = (grid_width - TALLY_NAME_WIDTH * MM) / n_columns;

  y += show_text (pack, cr, _("Letter-Writing Evening"), FONT_SIZE_TITLE, TRUE, left, y, grid_width,
                  PANGO_ALIGN_LEFT);
  if (c->name != NULL)
    title = g_strdup (c->name);
  else
    title = askarov_letter_case_dup_persons (c, "en");
  y += 2 * MM;
  y += show_text (pack, cr, title, FONT_SIZE_HEADING, TRUE, left, y, grid_width, PANGO_ALIGN_LEFT);
  y += 1 * MM;

  if (c->reference != NULL)
    {
      /* Translators: on the printed tally sheet; %s is an Urgent Action reference ("UA 61.20") */
      g_string_append_printf (facts, _("Urgent Action: %s"), c->reference);
      g_string_append_c (facts, '\n');
    }
  if (deadline != NULL)
    /* Translators: on the printed tally sheet; %s is a date */
    g_string_append_printf (facts, _("Deadline: %s"), deadline);
  else
    g_string_append (facts, _("Deadline: none given; check with your section before sending"));
  g_string_append_c (facts, '\n');
  /* Translators: on the printed tally sheet; %u is the number of letters, %s the languages ("Русский, English") */
  contents = g_strdup_printf (ngettext ("This pack: %u letter in %s, each with its envelope",
                                        "This pack: %u letters in %s, each with its envelope",
                                        pack->items->len),
                              pack->items->len, languages);
  g_string_append (facts, contents);
  g_string_append_c (facts, '\n');
  /* Translators: on the printed tally sheet, a line to fill in by hand */
  g_string_append (facts, _("Date of the evening: ____________    Place: ______________________"));
  y += show_text (pack, cr, facts->str, FONT_SIZE_BODY, FALSE, left, y, grid_width, PANGO_ALIGN_LEFT);
  y += 6 * MM;

  /* As tall as the page allows, up to room for a dozen strokes per cell. */
  row_height = (page_height - MARGIN_BOTTOM * MM - 28 * MM - y - TALLY_HEADER_HEIGHT * MM) / n_rows;
  row_height = CLAMP (row_height, TALLY_ROW_MIN * MM, TALLY_ROW_MAX * MM);
  grid_top = y;

  /* Column headings. */
  show_text (pack, cr, _("Official"), FONT_SIZE_BODY, TRUE, left + 1.5 * MM, y + 3 * MM,
             TALLY_NAME_WIDTH * MM - 3 * MM, PANGO_ALIGN_LEFT);
  for (guint col = 0; col < n_columns; col++)
    {
      const char *label = col < ASKAROV_N_LETTER_CHANNELS ? askarov_channel_get_label (col)
                                                          : C_("tally sheet column", "Total");

      show_text (pack, cr, label, FONT_SIZE_SMALL + 1, TRUE,
                 left + TALLY_NAME_WIDTH * MM + col * channel_width, y + 3 * MM, channel_width,
                 PANGO_ALIGN_CENTER);
    }
  y += TALLY_HEADER_HEIGHT * MM;

  for (guint row = 0; row < n_rows; row++)
    {
      double row_top = y + row * row_height;

      if (row < pack->officials->len)
        {
          const AskarovTarget *target =
            g_ptr_array_index (c->targets, g_array_index (pack->officials, guint, row));
          g_autofree char *who = askarov_letter_describe_target (target->name, target->title);
          g_autofree char *one_line = join_lines (who);

          show_text (pack, cr, one_line, FONT_SIZE_SMALL + 1.5, FALSE, left + 1.5 * MM, row_top + 1.5 * MM,
                     TALLY_NAME_WIDTH * MM - 3 * MM, PANGO_ALIGN_LEFT);
          /* A channel the Urgent Action gives no address for is crossed out. */
          for (guint col = 0; col < ASKAROV_N_LETTER_CHANNELS; col++)
            if (!target_has_channel (target, col))
              {
                double x = left + TALLY_NAME_WIDTH * MM + col * channel_width;

                cairo_save (cr);
                cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
                cairo_rectangle (cr, x, row_top, channel_width, row_height);
                cairo_fill (cr);
                cairo_restore (cr);
              }
        }
      else
        show_text (pack, cr, C_("tally sheet row", "Total"), FONT_SIZE_BODY, TRUE, left + 1.5 * MM,
                   row_top + 1.5 * MM, TALLY_NAME_WIDTH * MM - 3 * MM, PANGO_ALIGN_LEFT);
    }

  /* The grid lines over the shading. */
  cairo_save (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, left, grid_top, grid_width, y + n_rows * row_height - grid_top);
  for (guint row = 0; row <= n_rows; row++)
    {
      cairo_move_to (cr, left, y + row * row_height);
      cairo_line_to (cr, right, y + row * row_height);
    }
  cairo_move_to (cr, left + TALLY_NAME_WIDTH * MM, grid_top);
  cairo_line_to (cr, left + TALLY_NAME_WIDTH * MM, y + n_rows * row_height);
  for (guint col = 1; col <= n_columns; col++)
    {
      double x = left + TALLY_NAME_WIDTH * MM + col * channel_width;

      cairo_move_to (cr, x, grid_top);
      cairo_line_to (cr, x, y + n_rows * row_height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  y += n_rows * row_height + 5 * MM;
  footnote = g_strdup (_("Mark one stroke for each letter, email, fax, post or call. Grey cells: the Urgent Action "
                         "gives no address for that channel. Afterwards, log the totals in Askarov under Actions so "
                         "your section can report them."));
  show_text (pack, cr, footnote, FONT_SIZE_SMALL + 1, FALSE, left, y, grid_width, PANGO_ALIGN_LEFT);
}
