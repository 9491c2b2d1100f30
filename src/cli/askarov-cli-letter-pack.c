/* askarov-cli-letter-pack.c — askarov --letter-pack: the PDF for a letter-writing evening, without a window.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "askarov-cli.h"
#include "askarov-cli-private.h"
#include "askarov-letter-pack.h"
#include "askarov-salutations.h"

/* "ru,en" or "ru, en" as a list of codes; NULL when @text names none. */
static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/* --official 1 --official 3, or --official 1,3: numbers from 1, stored as indices. */
static gboolean
parse_officials (const char * const  *values,
                 GArray             **officials)
{
  *officials = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) numbers = split_list (values[i]);

      for (guint j = 0; numbers[j] != NULL; j++)
        {
          guint64 number = 0;

          if (!g_ascii_string_to_unsigned (numbers[j], 10, 1, G_MAXUINT, &number, NULL))
            {
              /* Translators: %s is what the user gave after --official */
              g_autofree char *message = g_strdup_printf (_("“%s” is not an official’s number: give 1 for the "
                                                            "first official the Urgent Action names, 2 for the "
                                                            "second, and so on."), numbers[j]);

              askarov_cli_usage_error (message);
              return FALSE;
            }
          g_array_append_val (*officials, (guint) { number - 1 });
        }
    }
  return TRUE;
}

int
askarov_cli_letter_pack (GVariantDict *options,
                         const char   *database_path)
{
  const char *languages = NULL;
  const char *envelope_id = "dl";
  const char *case_arg = NULL;
  const char *output = NULL;
  g_autofree const char **official_args = NULL;
  g_autoptr(AskarovLetterPackOptions) pack_options = askarov_letter_pack_options_new ();
  g_autoptr(AskarovLetterCase) letter_case = NULL;
  g_autoptr(AskarovLetterPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  int status = 0;

  g_variant_dict_lookup (options, "language", "&s", &languages);
  g_variant_dict_lookup (options, "envelope", "&s", &envelope_id);
  g_variant_dict_lookup (options, "case", "&s", &case_arg);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "official", "^a&s", &official_args);
  pack_options->sender_lines = g_variant_dict_contains (options, "sender-lines");
  pack_options->return_address = g_variant_dict_contains (options, "return-address");

  if (output == NULL)
    return askarov_cli_usage_error (_("Say where to write the pack with --output FILE.pdf."));
  if (g_variant_dict_contains (options, "target"))
    return askarov_cli_usage_error (_("--target is for --write-letter; choose the pack’s officials with --official."));
  if (!askarov_envelope_from_id (envelope_id, &pack_options->envelope))
    {
      /* Translators: %s is what the user gave after --envelope; keep “dl” and “c5” */
      g_autofree char *message = g_strdup_printf (_("Unknown envelope size “%s”. Valid sizes: dl (220 × 110 mm), "
                                                    "c5 (229 × 162 mm)."), envelope_id);
      return askarov_cli_usage_error (message);
    }
  pack_options->languages = split_list (languages);
  for (guint i = 0; pack_options->languages[i] != NULL; i++)
    if (!askarov_phrasebook_has_language (pack_options->languages[i]))
      {
        g_autofree char *known = askarov_cli_list_languages ();
        /* Translators: %s is what the user typed, the second %s the valid codes */
        g_autofree char *message = g_strdup_printf (_("Unknown letter language “%s”. Valid languages: %s."),
                                                    pack_options->languages[i], known);
        return askarov_cli_usage_error (message);
      }
  if (!parse_officials (official_args, &pack_options->officials))
    return ASKAROV_CLI_EXIT_USAGE;

  letter_case = askarov_cli_load_case (database_path, case_arg, &status);
  if (letter_case == NULL)
    return status;
  askarov_cli_read_preferences (pack_options);

  pack = askarov_letter_pack_new (letter_case, pack_options, &error);
  if (pack == NULL)
    {
      g_printerr (_("askarov: %s\n"), error->message);
      if (g_error_matches (error, ASKAROV_LETTER_ERROR, ASKAROV_LETTER_ERROR_NO_LETTER))
        return ASKAROV_CLI_EXIT_NO_LETTER;
      return error->domain == ASKAROV_LETTER_PACK_ERROR ? ASKAROV_CLI_EXIT_USAGE : 1;
    }
  reason = askarov_letter_case_dup_reason (letter_case);
  if (reason != NULL)
    /* Translators: %s says why a closed case gets this letter */
    g_printerr (_("askarov: note: %s\n"), reason);
  if (!askarov_letter_pack_save (pack, output, &error))
    {
      g_printerr (_("askarov: %s\n"), error->message);
      return 1;
    }
  /* Translators: after --letter-pack; %u is the number of letters, the second %u of pages, %s the file */
  g_print (ngettext ("%u letter with its envelope and a tally sheet, %u pages: %s\n",
                     "%u letters with their envelopes and a tally sheet, %u pages: %s\n",
                     askarov_letter_pack_get_n_letters (pack)),
           askarov_letter_pack_get_n_letters (pack), askarov_letter_pack_get_n_pages (pack), output);
  return 0;
}
