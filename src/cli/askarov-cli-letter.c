/* askarov-cli-letter.c — askarov --write-letter: write one appeal letter without a window.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "askarov-cli.h"
#include "askarov-case-pack.h"
#include "askarov-cli-private.h"
#include "askarov-letter-pdf.h"
#include "askarov-letter.h"
#include "askarov-salutations.h"
#include "askarov-store-targets.h"
#include "askarov-store.h"

#define SETTINGS_SCHEMA "com.example.Askarov"

/* How to reach the Askarov case's officials, as Urgent Action 135/10 gave
 * them in 2010; used when no document in the database names the recipient. */
static const struct
{
  AskarovRole  role;
  const char  *address;
  const char  *email;
  const char  *fax;
} builtin_recipients[] = {
  { ASKAROV_ROLE_PRESIDENT, "Dom Pravitelstva\nBishkek 720003\nKyrgyzstan", "admin@kyrgyz-el.kg", "+996 312 62 50 12" },
  { ASKAROV_ROLE_MINISTER, "469 Frunze Street\nBishkek 720040\nKyrgyzstan", "pressa@mail.mvd.kg", "+996 312 68 20 44" },
  { ASKAROV_ROLE_PROSECUTOR_GENERAL, "72 Orozbekova Street\nBishkek 720040\nKyrgyzstan", NULL, "+996 312 66 54 11" },
};

static int
usage_error (const char *message)
{
  /* Translators: %s is an error message; “askarov” is the command's name */
  g_printerr (_("askarov: %s\n"), message);
  return ASKAROV_CLI_EXIT_USAGE;
}

static char *
list_languages (void)
{
  g_auto(GStrv) languages = askarov_phrasebook_list_languages ();

  return g_strjoinv (", ", languages);
}

static char *
list_ids (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < klass->n_values; i++)
    g_strv_builder_add (builder, klass->values[i].value_nick);
  ids = g_strv_builder_end (builder);
  return g_strjoinv (", ", ids);
}

static gboolean
lookup_enum (GType       type,
             const char *id,
             int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value_by_nick (klass, id);

  if (found == NULL)
    return FALSE;
  *value = found->value;
  return TRUE;
}

static GStrv
split_lines (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

/* "Twitter: @kyrgyzpresident" -> "@kyrgyzpresident". */
static GStrv
extract_handles (const char *social)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = split_lines (social);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *at = strchr (lines[i], '@');
      gsize len;

      if (at == NULL)
        continue;
      len = strcspn (at, " \t,;)]");
      if (len > 1)
        {
          g_autofree char *handle = g_strndup (at, len);

          g_strv_builder_add (builder, handle);
        }
    }
  return g_strv_builder_end (builder);
}

/* "UA 135/10", "135/10" and "ua135/10" all name the same document. */
static char *
normalize_reference (const char *reference)
{
  g_autofree char *folded = g_utf8_casefold (reference != NULL ? reference : "", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = folded;

  /* "UA 61.20", "UA: 61/20" and "61/20" name the same Urgent Action. */
  if (g_str_has_prefix (p, "ua"))
    p += 2;
  for (; *p != '\0'; p++)
    if (*p == '.')
      g_string_append_c (out, '/');
    else if (*p != ' ' && *p != '\t' && *p != ':')
      g_string_append_c (out, *p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static AskarovTargetCase *
find_case (GPtrArray  *cases,
           const char *wanted)
{
  g_autofree char *wanted_ref = normalize_reference (wanted);
  g_autofree char *wanted_name = g_utf8_casefold (wanted, -1);
  char *end = NULL;
  gint64 wanted_id = g_ascii_strtoll (wanted, &end, 10);
  gboolean is_number = end != NULL && end != wanted && *end == '\0';

  /* A document reference first, then a case id, then a case name; the list is newest first. */
  for (guint i = 0; i < cases->len; i++)
    {
      AskarovTargetCase *c = g_ptr_array_index (cases, i);
      g_autofree char *ref = normalize_reference (c->reference);

      if (c->reference != NULL && g_str_equal (ref, wanted_ref))
        return c;
    }
  for (guint i = 0; is_number && i < cases->len; i++)
    {
      AskarovTargetCase *c = g_ptr_array_index (cases, i);

      if (c->case_id == wanted_id)
        return c;
    }
  for (guint i = 0; i < cases->len; i++)
    {
      AskarovTargetCase *c = g_ptr_array_index (cases, i);
      g_autofree char *name = g_utf8_casefold (c->case_name != NULL ? c->case_name : "", -1);

      if (g_str_equal (name, wanted_name))
        return c;
    }
  return NULL;
}

static char *
describe_target (const AskarovTargetRow *target)
{
  if (target->title != NULL && target->name != NULL)
    return g_strdup_printf ("%s %s", target->title, target->name);
  return g_strdup (target->title != NULL ? target->title : target->name != NULL ? target->name : "");
}

/* Sender and signature from the app's preferences, when its schema is installed. */
static void
apply_preferences (AskarovLetter *letter,
                   AskarovPaper  *paper)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *city = NULL;
  g_autofree char *country = NULL;

  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "sender-name"))
    return;
  settings = g_settings_new (SETTINGS_SCHEMA);
  name = g_settings_get_string (settings, "sender-name");
  if (g_settings_schema_has_key (schema, "sender-address"))
    address = g_settings_get_string (settings, "sender-address");
  if (g_settings_schema_has_key (schema, "sender-city"))
    city = g_settings_get_string (settings, "sender-city");
  if (g_settings_schema_has_key (schema, "sender-country"))
    country = g_settings_get_string (settings, "sender-country");
  askarov_letter_set_sender (letter, name, address, city, country);
  if (g_settings_schema_has_key (schema, "sign-with-initials") && g_settings_get_boolean (settings, "sign-with-initials"))
    askarov_letter_set_signature (letter, ASKAROV_SIGNATURE_INITIALS_AND_TOWN);
  if (g_settings_schema_has_key (schema, "paper-size"))
    {
      g_autofree char *size = g_settings_get_string (settings, "paper-size");

      if (g_str_equal (size, "a4"))
        *paper = ASKAROV_PAPER_A4;
      else if (g_str_equal (size, "letter"))
        *paper = ASKAROV_PAPER_US_LETTER;
    }
}

/* Whom the letter is about: the case's name; for a document not yet grouped
 * into a case, the built-in case (NULL) when it is about Askarov, else its title. */
static const char *
person_for (AskarovTargetCase *target_case)
{
  g_autofree char *haystack = NULL;

  if (target_case->case_name != NULL)
    return target_case->case_name;
  haystack = g_utf8_casefold (target_case->facts_json != NULL ? target_case->facts_json : "", -1);
  if (strstr (haystack, "askarov") != NULL || strstr (haystack, "аскаров") != NULL)
    return NULL;
  return target_case->title;
}

static gboolean
has_pdf_suffix (const char *path)
{
  gsize len = strlen (path);

  return len >= 4 && g_ascii_strcasecmp (path + len - 4, ".pdf") == 0;
}

static char *
render_for_output (AskarovLetter *letter)
{
  g_autofree char *text = askarov_letter_render_text (letter);

  if (askarov_letter_get_channel (letter) == ASKAROV_CHANNEL_EMAIL)
    {
      g_autofree char *subject = askarov_letter_dup_subject (letter);

      /* Translators: first line of an email written to a file; %s is the subject */
      return g_strdup_printf (_("Subject: %s\n\n%s"), subject, text);
    }
  return g_steal_pointer (&text);
}

int
askarov_cli_write_letter (GVariantDict *options,
                          const char   *database_path)
{
  const char *language = NULL;
  const char *role_id = NULL;
  const char *form_id = "unknown";
  const char *channel_id = "letter";
  const char *case_arg = NULL;
  const char *output = NULL;
  int target_number = 0;
  int value;
  gboolean have_role;
  AskarovRole role = ASKAROV_ROLE_OFFICIAL;
  AskarovAddressForm form;
  AskarovChannel channel;
  AskarovPaper paper = askarov_paper_for_locale (NULL);
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovLetter) letter = NULL;
  AskarovTargetCase *target_case = NULL;
  const AskarovTargetRow *target = NULL;

  g_variant_dict_lookup (options, "language", "&s", &language);
  have_role = g_variant_dict_lookup (options, "role", "&s", &role_id);
  g_variant_dict_lookup (options, "address-form", "&s", &form_id);
  g_variant_dict_lookup (options, "channel", "&s", &channel_id);
  g_variant_dict_lookup (options, "case", "&s", &case_arg);
  g_variant_dict_lookup (options, "target", "i", &target_number);
  g_variant_dict_lookup (options, "output", "^&ay", &output);

  if (language != NULL && !askarov_phrasebook_has_language (language))
    {
      g_autofree char *known = list_languages ();
      /* Translators: %s is what the user typed, the second %s the valid codes */
      g_autofree char *message = g_strdup_printf (_("Unknown letter language “%s”. Valid languages: %s."),
                                                  language, known);
      return usage_error (message);
    }
  if (have_role && !askarov_role_from_id (role_id, &role))
    {
      g_autofree char *known = askarov_role_list_ids ();
      /* Translators: %s is what the user typed, the second %s the valid roles */
      g_autofree char *message = g_strdup_printf (_("Unknown role “%s”. Valid roles: %s."), role_id, known);
      return usage_error (message);
    }
  if (!lookup_enum (ASKAROV_TYPE_ADDRESS_FORM, form_id, &value))
    {
      g_autofree char *known = list_ids (ASKAROV_TYPE_ADDRESS_FORM);
      /* Translators: %s is what the user typed, the second %s the valid forms */
      g_autofree char *message = g_strdup_printf (_("Unknown form of address “%s”. Valid forms: %s."), form_id, known);
      return usage_error (message);
    }
  form = value;
  if (!lookup_enum (ASKAROV_TYPE_CHANNEL, channel_id, &value))
    {
      g_autofree char *known = list_ids (ASKAROV_TYPE_CHANNEL);
      /* Translators: %s is what the user typed, the second %s the valid channels */
      g_autofree char *message = g_strdup_printf (_("Unknown channel “%s”. Valid channels: %s."), channel_id, known);
      return usage_error (message);
    }
  channel = value;
  if (g_variant_dict_contains (options, "target") && case_arg == NULL)
    return usage_error (_("--target needs --case: the target is counted in that case’s Urgent Action."));

  if (case_arg != NULL)
    {
      store = askarov_store_open (database_path, &error);
      if (store == NULL)
        {
          g_printerr (_("askarov: %s\n"), error->message);
          return 1;
        }
      /* A fresh install holds the Askarov case, as when the window opens first. */
      if (!askarov_case_pack_install (store, TRUE, NULL, &error))
        {
          g_printerr (_("askarov: %s\n"), error->message);
          g_clear_error (&error);
        }
      cases = askarov_store_list_target_cases (store, &error);
      if (cases == NULL)
        {
          g_printerr (_("askarov: %s\n"), error->message);
          return 1;
        }
      target_case = find_case (cases, case_arg);
      if (target_case == NULL)
        {
          /* Translators: %s is the --case value the user gave */
          g_autofree char *message = g_strdup_printf (_("No case or Urgent Action “%s” with officials to write to "
                                                        "in the database. Import the document first."), case_arg);
          return usage_error (message);
        }

      if (target_number != 0)
        {
          if (target_number < 1 || (guint) target_number > target_case->targets->len)
            {
              /* Translators: %d is the number the user gave, %u how many officials the document names */
              g_autofree char *message = g_strdup_printf (ngettext ("There is no target %d: the Urgent Action names %u official.",
                                                                    "There is no target %d: the Urgent Action names %u officials.",
                                                                    target_case->targets->len),
                                                          target_number, target_case->targets->len);
              return usage_error (message);
            }
          target = g_ptr_array_index (target_case->targets, target_number - 1);
        }
      else
        {
          /* The first official in the role asked for, or simply the first one. */
          for (guint i = 0; i < target_case->targets->len && target == NULL; i++)
            {
              const AskarovTargetRow *t = g_ptr_array_index (target_case->targets, i);

              if (!have_role || askarov_role_detect (t->title) == role)
                target = t;
            }
          if (target == NULL && target_case->targets->len > 0)
            target = g_ptr_array_index (target_case->targets, 0);
        }

      if (language == NULL)
        for (guint i = 0; target_case->languages[i] != NULL && language == NULL; i++)
          if (askarov_phrasebook_has_language (target_case->languages[i]))
            language = target_case->languages[i];
      if (!have_role && target != NULL)
        {
          role = askarov_role_detect (target->title);
          have_role = TRUE;
        }
    }

  if (language == NULL)
    {
      g_autofree char *known = list_languages ();
      /* Translators: %s lists the valid language codes */
      g_autofree char *message = g_strdup_printf (_("Say which language to write in with --language. Valid languages: %s."),
                                                  known);
      return usage_error (message);
    }
  if (!have_role)
    {
      g_autofree char *known = askarov_role_list_ids ();
      /* Translators: %s lists the valid roles */
      g_autofree char *message = g_strdup_printf (_("Say whom the letter is for with --role. Valid roles: %s."), known);
      return usage_error (message);
    }

  letter = askarov_letter_new (language, role);
  askarov_letter_set_address_form (letter, form);
  askarov_letter_set_channel (letter, channel);
  apply_preferences (letter, &paper);

  if (target_case != NULL)
    {
      g_autofree char *reference = NULL;
      g_autoptr(GStrvBuilder) copies = g_strv_builder_new ();
      g_auto(GStrv) copies_to = NULL;
      /* The Askarov case's stage follows the UA's deadline (before or after his death). */
      AskarovCaseStage stage = askarov_case_stage_for_date (target_case->deadline);

      if (target_case->reference != NULL)
        reference = g_ascii_isdigit (target_case->reference[0])
                    ? g_strdup_printf ("UA %s", target_case->reference)
                    : g_strdup (target_case->reference);
      askarov_letter_set_case (letter, person_for (target_case), reference, stage);

      if (target != NULL)
        {
          g_auto(GStrv) emails = split_lines (target->email);
          g_auto(GStrv) handles = extract_handles (target->social);

          askarov_letter_set_recipient (letter, target->name, target->title, target->address,
                                        (const char * const *) emails, target->fax,
                                        (const char * const *) handles);
        }
      for (guint i = 0; i < target_case->targets->len; i++)
        {
          const AskarovTargetRow *t = g_ptr_array_index (target_case->targets, i);

          if (t->is_copy && t != target)
            {
              g_autofree char *who = describe_target (t);

              g_strv_builder_add (copies, who);
            }
        }
      copies_to = g_strv_builder_end (copies);
      askarov_letter_set_copies_to (letter, (const char * const *) copies_to);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (builtin_recipients); i++)
        if (builtin_recipients[i].role == role)
          {
            const char *emails[] = { builtin_recipients[i].email, NULL };

            askarov_letter_set_recipient (letter, NULL, NULL, builtin_recipients[i].address,
                                          emails, builtin_recipients[i].fax, NULL);
          }
    }

  if (output != NULL && has_pdf_suffix (output))
    {
      if (!askarov_letter_write_pdf (letter, output, paper, &error))
        {
          g_printerr (_("askarov: %s\n"), error->message);
          return 1;
        }
      return 0;
    }
  else
    {
      g_autofree char *text = render_for_output (letter);

      if (output == NULL)
        {
          g_print ("%s", text);
          return 0;
        }
      if (!g_file_set_contents (output, text, -1, &error))
        {
          g_printerr (_("askarov: %s\n"), error->message);
          return 1;
        }
      return 0;
    }
}
