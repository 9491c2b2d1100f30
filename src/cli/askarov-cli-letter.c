/* askarov-cli-letter.c — askarov --write-letter: write one appeal letter without a window.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "askarov-cli.h"
#include "askarov-case-pack.h"
#include "askarov-file.h"
#include "askarov-cli-private.h"
#include "askarov-letter-pack.h"
#include "askarov-letter-pdf.h"
#include "askarov-letter.h"
#include "askarov-salutations.h"
#include "askarov-store-targets.h"
#include "askarov-store.h"

#define SETTINGS_SCHEMA "com.example.Askarov"


int
askarov_cli_usage_error (const char *message)
{
  /* Translators: %s is an error message; “askarov” is the command's name */
  g_printerr (_("askarov: %s\n"), message);
  return ASKAROV_CLI_EXIT_USAGE;
}

char *
askarov_cli_list_languages (void)
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
read_string (GSettings       *settings,
             GSettingsSchema *schema,
             const char      *key)
{
  return g_settings_schema_has_key (schema, key) ? g_settings_get_string (settings, key) : NULL;
}

/* Sender, signature and paper from the app's preferences, when its schema is
 * installed; FALSE (and @options untouched) otherwise. */
gboolean
askarov_cli_read_preferences (AskarovLetterPackOptions *options)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL)
    return FALSE;
  schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "sender-name"))
    return FALSE;
  settings = g_settings_new (SETTINGS_SCHEMA);
  g_free (options->sender_name);
  options->sender_name = g_settings_get_string (settings, "sender-name");
  g_free (options->sender_address);
  options->sender_address = read_string (settings, schema, "sender-address");
  g_free (options->sender_city);
  options->sender_city = read_string (settings, schema, "sender-city");
  g_free (options->sender_country);
  options->sender_country = read_string (settings, schema, "sender-country");
  if (g_settings_schema_has_key (schema, "sign-with-initials") && g_settings_get_boolean (settings, "sign-with-initials"))
    options->signature = ASKAROV_SIGNATURE_INITIALS_AND_TOWN;
  if (g_settings_schema_has_key (schema, "paper-size"))
    {
      g_autofree char *size = g_settings_get_string (settings, "paper-size");

      if (g_str_equal (size, "a4"))
        options->paper = ASKAROV_PAPER_A4;
      else if (g_str_equal (size, "letter"))
        options->paper = ASKAROV_PAPER_US_LETTER;
    }
  return TRUE;
}

static void
apply_preferences (AskarovLetter *letter,
                   AskarovPaper  *paper)
{
  g_autoptr(AskarovLetterPackOptions) preferences = askarov_letter_pack_options_new ();

  preferences->paper = *paper;
  if (!askarov_cli_read_preferences (preferences))
    return;
  askarov_letter_set_sender (letter, preferences->sender_name, preferences->sender_address,
                             preferences->sender_city, preferences->sender_country);
  if (preferences->signature == ASKAROV_SIGNATURE_INITIALS_AND_TOWN)
    askarov_letter_set_signature (letter, ASKAROV_SIGNATURE_INITIALS_AND_TOWN);
  *paper = preferences->paper;
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

/* The case named by @case_arg (a UA reference, a case id or name; NULL = the
 * newest Urgent Action with officials), read from the library at
 * @database_path, which gets the built-in case on a fresh install. On
 * failure says why on standard error and sets @status to the exit status. */
AskarovLetterCase *
askarov_cli_load_case (const char *database_path,
                       const char *case_arg,
                       int        *status)
{
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  AskarovTargetCase *target_case = NULL;
  AskarovLetterCase *letter_case;

  store = askarov_store_open (database_path, &error);
  if (store == NULL)
    {
      g_printerr (_("askarov: %s\n"), error->message);
      *status = 1;
      return NULL;
    }
  /* A fresh install holds the built-in case, as when the window opens first. */
  if (!askarov_case_pack_install (store, TRUE, NULL, &error))
    {
      g_printerr (_("askarov: %s\n"), error->message);
      g_clear_error (&error);
    }
  cases = askarov_store_list_target_cases (store, &error);
  if (cases == NULL)
    {
      g_printerr (_("askarov: %s\n"), error->message);
      *status = 1;
      return NULL;
    }
  /* Without --case, the newest Urgent Action with officials (the built-in case on a fresh install). */
  if (case_arg != NULL)
    target_case = find_case (cases, case_arg);
  else if (cases->len > 0)
    target_case = g_ptr_array_index (cases, 0);
  if (target_case == NULL)
    {
      g_autofree char *message = NULL;

      if (case_arg != NULL)
        /* Translators: %s is the --case value the user gave */
        message = g_strdup_printf (_("No case or Urgent Action “%s” with officials to write to "
                                     "in the database. Import the document first."), case_arg);
      else
        message = g_strdup (_("The database holds no Urgent Action with officials to write to. "
                              "Import one first, or name one with --case."));
      *status = askarov_cli_usage_error (message);
      return NULL;
    }

  letter_case = askarov_letter_case_load (store, target_case->case_id, target_case->document_id, &error);
  if (letter_case == NULL)
    {
      g_printerr (_("askarov: %s\n"), error->message);
      *status = 1;
    }
  return letter_case;
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
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovLetter) letter = NULL;
  g_autoptr(AskarovLetterCase) letter_case = NULL;
  const AskarovTarget *official = NULL;
  g_autofree char *reason = NULL;
  gboolean have_form;
  int status = 0;

  g_variant_dict_lookup (options, "language", "&s", &language);
  have_role = g_variant_dict_lookup (options, "role", "&s", &role_id);
  have_form = g_variant_dict_lookup (options, "address-form", "&s", &form_id);
  g_variant_dict_lookup (options, "channel", "&s", &channel_id);
  g_variant_dict_lookup (options, "case", "&s", &case_arg);
  g_variant_dict_lookup (options, "target", "i", &target_number);
  g_variant_dict_lookup (options, "output", "^&ay", &output);

  if (language != NULL && !askarov_phrasebook_has_language (language))
    {
      g_autofree char *known = askarov_cli_list_languages ();
      /* Translators: %s is what the user typed, the second %s the valid codes */
      g_autofree char *message = g_strdup_printf (_("Unknown letter language “%s”. Valid languages: %s."),
                                                  language, known);
      return askarov_cli_usage_error (message);
    }
  if (have_role && !askarov_role_from_id (role_id, &role))
    {
      g_autofree char *known = askarov_role_list_ids ();
      /* Translators: %s is what the user typed, the second %s the valid roles */
      g_autofree char *message = g_strdup_printf (_("Unknown role “%s”. Valid roles: %s."), role_id, known);
      return askarov_cli_usage_error (message);
    }
  if (!lookup_enum (ASKAROV_TYPE_ADDRESS_FORM, form_id, &value))
    {
      g_autofree char *known = list_ids (ASKAROV_TYPE_ADDRESS_FORM);
      /* Translators: %s is what the user typed, the second %s the valid forms */
      g_autofree char *message = g_strdup_printf (_("Unknown form of address “%s”. Valid forms: %s."), form_id, known);
      return askarov_cli_usage_error (message);
    }
  form = value;
  if (!lookup_enum (ASKAROV_TYPE_CHANNEL, channel_id, &value))
    {
      g_autofree char *known = list_ids (ASKAROV_TYPE_CHANNEL);
      /* Translators: %s is what the user typed, the second %s the valid channels */
      g_autofree char *message = g_strdup_printf (_("Unknown channel “%s”. Valid channels: %s."), channel_id, known);
      return askarov_cli_usage_error (message);
    }
  channel = value;
  if (g_variant_dict_contains (options, "target") && case_arg == NULL)
    return askarov_cli_usage_error (_("--target needs --case: the target is counted in that case’s Urgent Action."));

  letter_case = askarov_cli_load_case (database_path, case_arg, &status);
  if (letter_case == NULL)
    return status;

  if (target_number != 0)
    {
      if (target_number < 1 || (guint) target_number > letter_case->targets->len)
        {
          /* Translators: %d is the number the user gave, %u how many officials the document names */
          g_autofree char *message = g_strdup_printf (ngettext ("There is no target %d: the Urgent Action names %u official.",
                                                                "There is no target %d: the Urgent Action names %u officials.",
                                                                letter_case->targets->len),
                                                      target_number, letter_case->targets->len);
          return askarov_cli_usage_error (message);
        }
      official = g_ptr_array_index (letter_case->targets, target_number - 1);
    }
  else
    {
      /* The first official in the role asked for, or simply the first one written to. */
      for (guint i = 0; i < letter_case->targets->len && official == NULL; i++)
        {
          const AskarovTarget *t = g_ptr_array_index (letter_case->targets, i);

          if (!t->copy && (!have_role || askarov_role_detect (t->title) == role))
            official = t;
        }
      for (guint i = 0; i < letter_case->targets->len && official == NULL; i++)
        if (!((const AskarovTarget *) g_ptr_array_index (letter_case->targets, i))->copy)
          official = g_ptr_array_index (letter_case->targets, i);
    }

  if (language == NULL)
    for (guint i = 0; letter_case->languages[i] != NULL && language == NULL; i++)
      if (askarov_phrasebook_has_language (letter_case->languages[i]))
        language = letter_case->languages[i];
  if (language == NULL)
    {
      g_autofree char *known = askarov_cli_list_languages ();
      /* Translators: %s lists the valid language codes */
      g_autofree char *message = g_strdup_printf (_("Say which language to write in with --language. Valid languages: %s."),
                                                  known);
      return askarov_cli_usage_error (message);
    }

  letter = askarov_letter_new_for_case (letter_case, official, language, channel, NULL, &error);
  if (letter == NULL)
    {
      /* A closed case whose outcome asks for no more letters. */
      g_printerr (_("askarov: %s\n"), error->message);
      return ASKAROV_CLI_EXIT_NO_LETTER;
    }
  reason = askarov_letter_case_dup_reason (letter_case);
  if (reason != NULL)
    /* Translators: %s says why a closed case gets this letter */
    g_printerr (_("askarov: note: %s\n"), reason);
  if (have_role)
    askarov_letter_set_role (letter, role);
  if (have_form)
    askarov_letter_set_address_form (letter, form);
  apply_preferences (letter, &paper);

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
      if (!askarov_file_replace_contents (output, text, strlen (text), &error))
        {
          g_printerr (_("askarov: %s\n"), error->message);
          return 1;
        }
      return 0;
    }
}
