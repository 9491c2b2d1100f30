/* askarov-letter-pack.c — the printed pack for a letter-writing evening: letters, envelopes and a tally sheet.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter-pack"

#include "config.h"

#include "askarov-letter-pack.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "askarov-file.h"
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

G_DEFINE_ENUM_TYPE (AskarovEnvelope, askarov_envelope,
  G_DEFINE_ENUM_VALUE (ASKAROV_ENVELOPE_DL, "dl"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ENVELOPE_C5, "c5"))

G_DEFINE_BOXED_TYPE (AskarovLetterPackOptions, askarov_letter_pack_options,
                     askarov_letter_pack_options_copy, askarov_letter_pack_options_free)

G_DEFINE_QUARK (askarov-letter-pack-error-quark, askarov_letter_pack_error)

/* One letter of the pack: one official in one language. */
typedef struct
{
  AskarovLetter      *letter;
  AskarovLetterPages *pages;
  guint               official;   /* index into the case's targets */
} PackItem;

typedef struct
{
  AskarovLetterPackPage kind;
  guint                 item;     /* PackItem for letters and envelopes */
  guint                 sub;      /* the letter's page */
} PackPage;

struct _AskarovLetterPack
{
  AskarovLetterCase        *letter_case;
  AskarovLetterPackOptions *options;
  PangoContext             *context;
  GArray                   *officials;   /* guint, the chosen ones in order */
  GPtrArray                *items;       /* PackItem */
  GArray                   *pages;       /* PackPage */
};

typedef struct
{
  AskarovLetterCase        *letter_case;
  AskarovLetterPackOptions *options;
  char                     *path;
} WriteData;

static void
pack_item_free (PackItem *item)
{
  g_clear_object (&item->letter);
  g_clear_pointer (&item->pages, askarov_letter_pages_free);
  g_free (item);
}

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->letter_case, askarov_letter_case_unref);
  g_clear_pointer (&data->options, askarov_letter_pack_options_free);
  g_free (data->path);
  g_free (data);
}

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

static void
draw_envelope (AskarovLetterPack *pack,
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

static void
draw_tally (AskarovLetterPack *pack,
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

static gboolean
resolve_officials (AskarovLetterPack  *pack,
                   GError            **error)
{
  AskarovLetterCase *c = pack->letter_case;
  GArray *wanted = pack->options->officials;

  if (wanted == NULL || wanted->len == 0)
    pack->officials = askarov_letter_pack_default_officials (c);
  else
    {
      pack->officials = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < wanted->len; i++)
        {
          guint index = g_array_index (wanted, guint, i);

          if (index >= c->targets->len)
            {
              /* Translators: %u is the number given, the second %u how many officials the Urgent Action names */
              g_set_error (error, ASKAROV_LETTER_PACK_ERROR, ASKAROV_LETTER_PACK_ERROR_BAD_OFFICIAL,
                           ngettext ("There is no official %u: the Urgent Action names %u official.",
                                     "There is no official %u: the Urgent Action names %u officials.",
                                     c->targets->len),
                           index + 1, c->targets->len);
              return FALSE;
            }
          g_array_append_val (pack->officials, index);
        }
    }
  if (pack->officials->len == 0)
    {
      g_set_error_literal (error, ASKAROV_LETTER_PACK_ERROR, ASKAROV_LETTER_PACK_ERROR_NO_OFFICIALS,
                           _("The Urgent Action names no official to write to, so there is no letter to print."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
resolve_languages (AskarovLetterPack  *pack,
                   GError            **error)
{
  AskarovLetterPackOptions *options = pack->options;

  if (strv_is_empty (options->languages))
    {
      g_clear_pointer (&options->languages, g_strfreev);
      options->languages = askarov_letter_pack_default_languages (pack->letter_case);
    }
  for (guint i = 0; options->languages[i] != NULL; i++)
    if (!askarov_phrasebook_has_language (options->languages[i]))
      {
        g_auto(GStrv) known = askarov_phrasebook_list_languages ();
        g_autofree char *list = g_strjoinv (", ", known);

        /* Translators: %s is a language code, the second %s the valid codes */
        g_set_error (error, ASKAROV_LETTER_PACK_ERROR, ASKAROV_LETTER_PACK_ERROR_BAD_LANGUAGE,
                     _("Unknown letter language “%s”. Valid languages: %s."), options->languages[i], list);
        return FALSE;
      }
  return TRUE;
}

static void
add_page (AskarovLetterPack     *pack,
          AskarovLetterPackPage  kind,
          guint                  item,
          guint                  sub)
{
  PackPage page = { kind, item, sub };

  g_array_append_val (pack->pages, page);
}

static void
write_pdf_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (askarov_letter_pack_write_pdf (data->letter_case, data->options, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *stream = closure;

  /* The stream's own error is reported by askarov_file_replace_commit(). */
  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

const char *
askarov_envelope_to_id (AskarovEnvelope envelope)
{
  return envelope == ASKAROV_ENVELOPE_C5 ? "c5" : "dl";
}

gboolean
askarov_envelope_from_id (const char      *id,
                          AskarovEnvelope *envelope)
{
  g_return_val_if_fail (envelope != NULL, FALSE);

  if (g_strcmp0 (id, "dl") == 0)
    *envelope = ASKAROV_ENVELOPE_DL;
  else if (g_strcmp0 (id, "c5") == 0)
    *envelope = ASKAROV_ENVELOPE_C5;
  else
    return FALSE;
  return TRUE;
}

void
askarov_envelope_get_size (AskarovEnvelope  envelope,
                           double          *width,
                           double          *height)
{
  if (envelope == ASKAROV_ENVELOPE_C5)
    {
      *width = 229.0 * MM;
      *height = 162.0 * MM;
    }
  else
    {
      *width = 220.0 * MM;
      *height = 110.0 * MM;
    }
}

AskarovLetterPackOptions *
askarov_letter_pack_options_new (void)
{
  AskarovLetterPackOptions *options = g_new0 (AskarovLetterPackOptions, 1);

  options->paper = askarov_paper_for_locale (NULL);
  options->envelope = ASKAROV_ENVELOPE_DL;
  options->signature = ASKAROV_SIGNATURE_FULL_NAME;
  return options;
}

AskarovLetterPackOptions *
askarov_letter_pack_options_copy (const AskarovLetterPackOptions *options)
{
  AskarovLetterPackOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  if (options->officials != NULL)
    {
      copy->officials = g_array_sized_new (FALSE, FALSE, sizeof (guint), options->officials->len);
      g_array_append_vals (copy->officials, options->officials->data, options->officials->len);
    }
  copy->languages = g_strdupv (options->languages);
  copy->sender_name = g_strdup (options->sender_name);
  copy->sender_address = g_strdup (options->sender_address);
  copy->sender_city = g_strdup (options->sender_city);
  copy->sender_country = g_strdup (options->sender_country);
  copy->date = options->date != NULL ? g_date_time_ref (options->date) : NULL;
  return copy;
}

void
askarov_letter_pack_options_free (AskarovLetterPackOptions *options)
{
  if (options == NULL)
    return;
  g_clear_pointer (&options->officials, g_array_unref);
  g_strfreev (options->languages);
  g_free (options->sender_name);
  g_free (options->sender_address);
  g_free (options->sender_city);
  g_free (options->sender_country);
  g_clear_pointer (&options->date, g_date_time_unref);
  g_free (options);
}

GArray *
askarov_letter_pack_default_officials (const AskarovLetterCase *letter_case)
{
  GArray *officials = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (letter_case != NULL, officials);

  for (guint i = 0; i < letter_case->targets->len; i++)
    if (!((const AskarovTarget *) g_ptr_array_index (letter_case->targets, i))->copy)
      g_array_append_val (officials, i);
  return officials;
}

GStrv
askarov_letter_pack_default_languages (const AskarovLetterCase *letter_case)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) languages = NULL;

  g_return_val_if_fail (letter_case != NULL, NULL);

  for (guint i = 0; letter_case->languages[i] != NULL; i++)
    if (askarov_phrasebook_has_language (letter_case->languages[i]))
      g_strv_builder_add (builder, letter_case->languages[i]);
  languages = g_strv_builder_end (builder);
  if (languages[0] == NULL)
    return g_strdupv ((char *[]) { (char *) "en", NULL });
  return g_steal_pointer (&languages);
}

AskarovLetterPack *
askarov_letter_pack_new (AskarovLetterCase              *letter_case,
                         const AskarovLetterPackOptions *options,
                         GError                        **error)
{
  g_autoptr(AskarovLetterPack) pack = NULL;

  g_return_val_if_fail (letter_case != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pack = g_new0 (AskarovLetterPack, 1);
  pack->letter_case = askarov_letter_case_ref (letter_case);
  pack->options = askarov_letter_pack_options_copy (options);
  pack->context = askarov_letter_pdf_new_context ();
  pack->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_item_free);
  pack->pages = g_array_new (FALSE, FALSE, sizeof (PackPage));

  if (!resolve_officials (pack, error) || !resolve_languages (pack, error))
    return NULL;

  for (guint i = 0; i < pack->officials->len; i++)
    {
      guint official = g_array_index (pack->officials, guint, i);
      const AskarovTarget *target = g_ptr_array_index (letter_case->targets, official);

      for (guint l = 0; pack->options->languages[l] != NULL; l++)
        {
          PackItem *item;
          AskarovLetter *letter;

          letter = askarov_letter_new_for_case (letter_case, target, pack->options->languages[l],
                                                ASKAROV_CHANNEL_LETTER, pack->options->date, error);
          if (letter == NULL)
            return NULL;
          /* Without sender lines each writer adds their own name and
           * address by hand: the letter carries none. */
          if (pack->options->sender_lines)
            {
              askarov_letter_set_sender (letter, pack->options->sender_name, pack->options->sender_address,
                                         pack->options->sender_city, pack->options->sender_country);
              askarov_letter_set_signature (letter, pack->options->signature);
            }
          item = g_new0 (PackItem, 1);
          item->letter = letter;
          item->official = official;
          item->pages = askarov_letter_pages_new_full (letter, pack->options->paper,
                                                       ASKAROV_LETTER_PAGES_SIGNATURE_SPACE);
          g_ptr_array_add (pack->items, item);

          for (guint p = 0; p < askarov_letter_pages_get_n_pages (item->pages); p++)
            add_page (pack, ASKAROV_LETTER_PACK_PAGE_LETTER, pack->items->len - 1, p);
          add_page (pack, ASKAROV_LETTER_PACK_PAGE_ENVELOPE, pack->items->len - 1, 0);
        }
    }
  add_page (pack, ASKAROV_LETTER_PACK_PAGE_TALLY, 0, 0);
  return g_steal_pointer (&pack);
}

void
askarov_letter_pack_free (AskarovLetterPack *pack)
{
  if (pack == NULL)
    return;
  g_clear_pointer (&pack->pages, g_array_unref);
  g_clear_pointer (&pack->items, g_ptr_array_unref);
  g_clear_pointer (&pack->officials, g_array_unref);
  g_clear_object (&pack->context);
  g_clear_pointer (&pack->options, askarov_letter_pack_options_free);
  g_clear_pointer (&pack->letter_case, askarov_letter_case_unref);
  g_free (pack);
}

guint
askarov_letter_pack_get_n_pages (AskarovLetterPack *pack)
{
  g_return_val_if_fail (pack != NULL, 0);

  return pack->pages->len;
}

guint
askarov_letter_pack_get_n_letters (AskarovLetterPack *pack)
{
  g_return_val_if_fail (pack != NULL, 0);

  return pack->items->len;
}

AskarovLetterPackPage
askarov_letter_pack_get_page_kind (AskarovLetterPack *pack,
                                   guint              page)
{
  g_return_val_if_fail (pack != NULL, ASKAROV_LETTER_PACK_PAGE_TALLY);
  g_return_val_if_fail (page < pack->pages->len, ASKAROV_LETTER_PACK_PAGE_TALLY);

  return g_array_index (pack->pages, PackPage, page).kind;
}

void
askarov_letter_pack_get_page_size (AskarovLetterPack *pack,
                                   guint              page,
                                   double            *width,
                                   double            *height)
{
  g_return_if_fail (pack != NULL);
  g_return_if_fail (page < pack->pages->len);

  if (g_array_index (pack->pages, PackPage, page).kind == ASKAROV_LETTER_PACK_PAGE_ENVELOPE)
    askarov_envelope_get_size (pack->options->envelope, width, height);
  else
    askarov_paper_get_size (pack->options->paper, width, height);
}

void
askarov_letter_pack_draw_page (AskarovLetterPack *pack,
                               cairo_t           *cr,
                               guint              page)
{
  const PackPage *p;

  g_return_if_fail (pack != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < pack->pages->len);

  p = &g_array_index (pack->pages, PackPage, page);
  switch (p->kind)
    {
    case ASKAROV_LETTER_PACK_PAGE_LETTER:
      {
        PackItem *item = g_ptr_array_index (pack->items, p->item);

        askarov_letter_pages_draw (item->pages, cr, p->sub);
      }
      break;
    case ASKAROV_LETTER_PACK_PAGE_ENVELOPE:
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_envelope (pack, cr, g_ptr_array_index (pack->items, p->item));
      cairo_restore (cr);
      break;
    case ASKAROV_LETTER_PACK_PAGE_TALLY:
    default:
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_tally (pack, cr);
      cairo_restore (cr);
      break;
    }
}

gboolean
askarov_letter_pack_save (AskarovLetterPack  *pack,
                          const char         *path,
                          GError            **error)
{
  g_autoptr(AskarovFileReplace) out = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width;
  double height;

  g_return_val_if_fail (pack != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out = askarov_file_replace_new (path, error);
  if (out == NULL)
    return FALSE;

  askarov_letter_pack_get_page_size (pack, 0, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, askarov_file_replace_get_stream (out),
                                                 width, height);
  /* Translators: the title of the pack's PDF; %s is the case's name */
  title = g_strdup_printf (_("Letter-writing evening: %s"),
                           pack->letter_case->name != NULL ? pack->letter_case->name : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Askarov");
  cr = cairo_create (surface);
  for (guint i = 0; i < askarov_letter_pack_get_n_pages (pack); i++)
    {
      askarov_letter_pack_get_page_size (pack, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      askarov_letter_pack_draw_page (pack, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Freeing @out removes the temporary file; @path stays as it was. */
      g_set_error (error, ASKAROV_LETTER_PACK_ERROR, ASKAROV_LETTER_PACK_ERROR_FAILED,
                   /* Translators: %s is a file name, the second %s the reason from the graphics library */
                   _("Could not write the PDF “%s”: %s. Check that the folder is writable and the disk is not full."),
                   name, cairo_status_to_string (status));
      return FALSE;
    }
  return askarov_file_replace_commit (out, error);
}

gboolean
askarov_letter_pack_write_pdf (AskarovLetterCase              *letter_case,
                               const AskarovLetterPackOptions *options,
                               const char                     *path,
                               GError                        **error)
{
  g_autoptr(AskarovLetterPack) pack = NULL;

  g_return_val_if_fail (letter_case != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pack = askarov_letter_pack_new (letter_case, options, error);
  return pack != NULL && askarov_letter_pack_save (pack, path, error);
}

void
askarov_letter_pack_write_pdf_async (AskarovLetterCase              *letter_case,
                                     const AskarovLetterPackOptions *options,
                                     const char                     *path,
                                     GCancellable                   *cancellable,
                                     GAsyncReadyCallback             callback,
                                     gpointer                        user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (letter_case != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (WriteData, 1);
  data->letter_case = askarov_letter_case_ref (letter_case);
  data->options = askarov_letter_pack_options_copy (options);
  data->path = g_strdup (path);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_letter_pack_write_pdf_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_pdf_worker);
}

gboolean
askarov_letter_pack_write_pdf_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
