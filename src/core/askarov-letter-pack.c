/* askarov-letter-pack.c — the printed pack for a letter-writing evening: letters, envelopes and a tally sheet.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter-pack"

#include "config.h"

#include "askarov-letter-pack.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "askarov-file.h"
#include "askarov-letter-pack-private.h"
#include "askarov-letter-pdf-private.h"
#include "askarov-salutations.h"

G_DEFINE_ENUM_TYPE (AskarovEnvelope, askarov_envelope,
  G_DEFINE_ENUM_VALUE (ASKAROV_ENVELOPE_DL, "dl"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ENVELOPE_C5, "c5"))

G_DEFINE_BOXED_TYPE (AskarovLetterPackOptions, askarov_letter_pack_options,
                     askarov_letter_pack_options_copy, askarov_letter_pack_options_free)

G_DEFINE_QUARK (askarov-letter-pack-error-quark, askarov_letter_pack_error)

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

  if (options->languages == NULL || options->languages[0] == NULL)
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

gboolean
askarov_envelope_from_id (const char      *id,
                          AskarovEnvelope *envelope)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (ASKAROV_TYPE_ENVELOPE);
  GEnumValue *value = g_enum_get_value_by_nick (klass, id != NULL ? id : "");

  g_return_val_if_fail (envelope != NULL, FALSE);

  if (value == NULL)
    return FALSE;
  *envelope = value->value;
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
      askarov_letter_pack_draw_envelope (pack, cr, g_ptr_array_index (pack->items, p->item));
      cairo_restore (cr);
      break;
    case ASKAROV_LETTER_PACK_PAGE_TALLY:
    default:
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      askarov_letter_pack_draw_tally (pack, cr);
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
  double width;
  double height;

  g_return_val_if_fail (pack != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out = askarov_file_replace_new (path, error);
  if (out == NULL)
    return FALSE;

  askarov_letter_pack_get_page_size (pack, 0, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (askarov_letter_pdf_write_to_stream, askarov_file_replace_get_stream (out),
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
  /* On failure, freeing @out removes the temporary file; @path stays as it was. */
  if (!askarov_letter_pdf_finish (cr, surface, path, error))
    return FALSE;
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
