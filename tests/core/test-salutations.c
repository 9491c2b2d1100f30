/* test-salutations.c — the phrasebook: every entry, the punctuation rules, dates and role detection.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "askarov-salutations.h"

static const char * const case_languages[] = { "de", "en", "es", "fr", "ky", "ru", "uz", "uz-Cyrl" };
/* The letter languages added after the first seven. */
static const char * const new_languages[] = { "it", "nl", "pl", "pt", "uk" };

static AskarovSalutation *
lookup (const char         *language,
        AskarovRole         role,
        AskarovAddressForm  form)
{
  g_autoptr(GError) error = NULL;
  AskarovSalutation *s = askarov_salutation_lookup (language, role, form, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static gunichar
last_char (const char *text)
{
  const char *end = text + strlen (text);

  return g_utf8_get_char (g_utf8_find_prev_char (text, end));
}

static void
test_languages (void)
{
  g_auto(GStrv) languages = askarov_phrasebook_list_languages ();

  for (guint i = 0; i < G_N_ELEMENTS (case_languages); i++)
    {
      g_assert_true (g_strv_contains ((const char * const *) languages, case_languages[i]));
      g_assert_nonnull (askarov_phrasebook_get_native_name (case_languages[i]));
      g_assert_nonnull (askarov_phrasebook_get_english_name (case_languages[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (new_languages); i++)
    {
      g_assert_true (g_strv_contains ((const char * const *) languages, new_languages[i]));
      g_assert_nonnull (askarov_phrasebook_get_english_name (new_languages[i]));
      /* Their letter frames await a native speaker's reading; the UI can say so. */
      g_assert_nonnull (askarov_phrasebook_get_template_review (new_languages[i]));
    }
  g_assert_cmpstr (askarov_phrasebook_get_native_name ("pt"), ==, "Português");
  g_assert_cmpstr (askarov_phrasebook_get_native_name ("uk"), ==, "Українська");
  g_assert_cmpstr (askarov_phrasebook_get_native_name ("ru"), ==, "Русский");
  g_assert_cmpstr (askarov_phrasebook_get_english_name ("ky"), ==, "Kyrgyz");
  g_assert_false (askarov_phrasebook_has_language ("xx"));
  g_assert_false (askarov_phrasebook_has_language (NULL));
  /* The Kyrgyz and Uzbek paragraphs await a native speaker; the UI can say so. */
  g_assert_nonnull (askarov_phrasebook_get_template_review ("ky"));
  g_assert_nonnull (askarov_phrasebook_get_template_review ("uz"));
  g_assert_null (askarov_phrasebook_get_template_review ("de"));
  g_assert_null (askarov_phrasebook_get_template_review ("xx"));
}

/* Every language file the app ships, not only the seven above. */
static void
test_complete (void)
{
  g_auto(GStrv) languages = askarov_phrasebook_list_languages ();
  guint checked = 0;

  for (guint l = 0; languages[l] != NULL; l++)
    for (AskarovRole role = 0; role < ASKAROV_N_ROLES; role++)
      for (AskarovAddressForm form = 0; form < ASKAROV_N_ADDRESS_FORMS; form++)
        {
          g_autoptr(AskarovSalutation) s = lookup (languages[l], role, form);
          g_autoptr(AskarovSalutation) copy = askarov_salutation_copy (s);

          g_test_message ("%s %s %s: %s / %s", languages[l], askarov_role_to_id (role),
                          askarov_address_form_to_id (form), s->salutation, s->closing);
          g_assert_true (g_utf8_validate (s->salutation, -1, NULL));
          g_assert_cmpuint (g_utf8_strlen (s->salutation, -1), >, 2);
          g_assert_cmpuint (g_utf8_strlen (s->closing, -1), >, 2);
          /* No placeholder may reach the letter. */
          g_assert_null (strchr (s->salutation, '{'));
          g_assert_null (strchr (s->closing, '{'));
          /* No slash forms ("Señor/a"): no one writes them to an office. */
          g_assert_null (strchr (s->salutation, '/'));
          g_assert_null (strchr (s->closing, '/'));
          /* Every entry names what it rests on. */
          g_assert_nonnull (s->sources);
          g_assert_nonnull (s->sources[0]);
          /* A low-confidence entry tells the reviewer what to check. */
          if (s->confidence == ASKAROV_CONFIDENCE_LOW)
            g_assert_nonnull (s->review);
          /* A form the data replaces says why. */
          if (s->form_used != form)
            g_assert_nonnull (s->fallback_note);
          g_assert_cmpstr (copy->salutation, ==, s->salutation);
          checked++;
        }
  g_assert_cmpuint (checked, >=, G_N_ELEMENTS (case_languages) * ASKAROV_N_ROLES * ASKAROV_N_ADDRESS_FORMS);
}

static void
test_punctuation (void)
{
  static const struct
  {
    const char *language;
    gunichar    mark;
  } rules[] = {
    { "ru", '!' }, { "ky", '!' }, { "uz", '!' },
    { "de", ',' }, { "en", ',' }, { "fr", ',' },
    { "es", ':' },
    { "pt", ',' }, { "it", ',' }, { "nl", ',' }, { "pl", ',' },
    { "uk", '!' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    for (AskarovRole role = 0; role < ASKAROV_N_ROLES; role++)
      for (AskarovAddressForm form = 0; form < ASKAROV_N_ADDRESS_FORMS; form++)
        {
          g_autoptr(AskarovSalutation) s = lookup (rules[i].language, role, form);

          g_assert_cmpint (last_char (s->salutation), ==, rules[i].mark);
          /* Only German and Polish continue the body in lower case. */
          g_assert_cmpint (s->body_lower_case, ==, g_str_equal (rules[i].language, "de")
                                                   || g_str_equal (rules[i].language, "pl"));
        }
}

/* The exact salutation and closing of every language x role x form, as a
 * native writer sends them (checked against salutations.md; the rule for the
 * Russian closings is by office: heads of state and government and ambassadors
 * get "С глубоким уважением,"). */
static const struct
{
  const char *language;
  const char *role;
  const char *form;
  const char *salutation;
  const char *closing;
} expected_entries[] = {
  { "en", "president", "man", "Dear Mr President,", "Yours sincerely," },
  { "en", "president", "woman", "Dear Madam President,", "Yours sincerely," },
  { "en", "president", "unknown", "Dear President,", "Yours sincerely," },
  { "en", "prime-minister", "man", "Dear Mr Prime Minister,", "Yours sincerely," },
  { "en", "prime-minister", "woman", "Dear Madam Prime Minister,", "Yours sincerely," },
  { "en", "prime-minister", "unknown", "Dear Prime Minister,", "Yours sincerely," },
  { "en", "minister", "man", "Dear Mr Minister,", "Yours sincerely," },
  { "en", "minister", "woman", "Dear Madam Minister,", "Yours sincerely," },
  { "en", "minister", "unknown", "Dear Minister,", "Yours sincerely," },
  { "en", "prosecutor-general", "man", "Dear Mr Prosecutor General,", "Yours sincerely," },
  { "en", "prosecutor-general", "woman", "Dear Madam Prosecutor General,", "Yours sincerely," },
  { "en", "prosecutor-general", "unknown", "Dear Prosecutor General,", "Yours sincerely," },
  { "en", "ambassador", "man", "Dear Mr Ambassador,", "Yours sincerely," },
  { "en", "ambassador", "woman", "Dear Madam Ambassador,", "Yours sincerely," },
  { "en", "ambassador", "unknown", "Dear Ambassador,", "Yours sincerely," },
  { "en", "judge", "man", "Dear Mr Chairman,", "Yours sincerely," },
  { "en", "judge", "woman", "Dear Madam Chair,", "Yours sincerely," },
  { "en", "judge", "unknown", "Dear Chairperson,", "Yours sincerely," },
  { "en", "prison-head", "man", "Dear Director,", "Yours sincerely," },
  { "en", "prison-head", "woman", "Dear Director,", "Yours sincerely," },
  { "en", "prison-head", "unknown", "Dear Director,", "Yours sincerely," },
  { "en", "official", "man", "Dear Sir,", "Yours faithfully," },
  { "en", "official", "woman", "Dear Madam,", "Yours faithfully," },
  { "en", "official", "unknown", "Dear Sir or Madam,", "Yours faithfully," },
  { "ru", "president", "man", "Уважаемый господин Президент!", "С глубоким уважением," },
  { "ru", "president", "woman", "Уважаемая госпожа Президент!", "С глубоким уважением," },
  { "ru", "president", "unknown", "Ваше Превосходительство!", "С глубоким уважением," },
  { "ru", "prime-minister", "man", "Уважаемый господин Премьер-министр!", "С глубоким уважением," },
  { "ru", "prime-minister", "woman", "Уважаемая госпожа Премьер-министр!", "С глубоким уважением," },
  { "ru", "prime-minister", "unknown", "Уважаемый господин Премьер-министр!", "С глубоким уважением," },
  { "ru", "minister", "man", "Уважаемый господин Министр!", "С уважением," },
  { "ru", "minister", "woman", "Уважаемая госпожа Министр!", "С уважением," },
  { "ru", "minister", "unknown", "Уважаемый господин Министр!", "С уважением," },
  { "ru", "prosecutor-general", "man", "Уважаемый господин Генеральный прокурор!", "С уважением," },
  { "ru", "prosecutor-general", "woman", "Уважаемая госпожа Генеральный прокурор!", "С уважением," },
  { "ru", "prosecutor-general", "unknown", "Уважаемый господин Генеральный прокурор!", "С уважением," },
  { "ru", "ambassador", "man", "Уважаемый господин Посол!", "С глубоким уважением," },
  { "ru", "ambassador", "woman", "Уважаемая госпожа Посол!", "С глубоким уважением," },
  { "ru", "ambassador", "unknown", "Ваше Превосходительство!", "С глубоким уважением," },
  { "ru", "judge", "man", "Уважаемый господин Председатель суда!", "С уважением," },
  { "ru", "judge", "woman", "Уважаемая госпожа Председатель суда!", "С уважением," },
  { "ru", "judge", "unknown", "Уважаемый господин Председатель суда!", "С уважением," },
  { "ru", "prison-head", "man", "Уважаемый господин Председатель!", "С уважением," },
  { "ru", "prison-head", "woman", "Уважаемая госпожа Председатель!", "С уважением," },
  { "ru", "prison-head", "unknown", "Уважаемый господин Председатель!", "С уважением," },
  { "ru", "official", "man", "Уважаемые господа!", "С уважением," },
  { "ru", "official", "woman", "Уважаемые господа!", "С уважением," },
  { "ru", "official", "unknown", "Уважаемые господа!", "С уважением," },
  { "ky", "president", "man", "Урматтуу Президент мырза!", "Урматтоо менен," },
  { "ky", "president", "woman", "Урматтуу Президент айым!", "Урматтоо менен," },
  { "ky", "president", "unknown", "Урматтуу Президент!", "Урматтоо менен," },
  { "ky", "prime-minister", "man", "Урматтуу Премьер-министр мырза!", "Урматтоо менен," },
  { "ky", "prime-minister", "woman", "Урматтуу Премьер-министр айым!", "Урматтоо менен," },
  { "ky", "prime-minister", "unknown", "Урматтуу Премьер-министр!", "Урматтоо менен," },
  { "ky", "minister", "man", "Урматтуу Министр мырза!", "Урматтоо менен," },
  { "ky", "minister", "woman", "Урматтуу Министр айым!", "Урматтоо менен," },
  { "ky", "minister", "unknown", "Урматтуу Министр!", "Урматтоо менен," },
  { "ky", "prosecutor-general", "man", "Урматтуу Башкы прокурор мырза!", "Урматтоо менен," },
  { "ky", "prosecutor-general", "woman", "Урматтуу Башкы прокурор айым!", "Урматтоо менен," },
  { "ky", "prosecutor-general", "unknown", "Урматтуу Башкы прокурор!", "Урматтоо менен," },
  { "ky", "ambassador", "man", "Урматтуу Элчи мырза!", "Урматтоо менен," },
  { "ky", "ambassador", "woman", "Урматтуу Элчи айым!", "Урматтоо менен," },
  { "ky", "ambassador", "unknown", "Урматтуу Элчи!", "Урматтоо менен," },
  { "ky", "judge", "man", "Урматтуу сот төрагасы мырза!", "Урматтоо менен," },
  { "ky", "judge", "woman", "Урматтуу сот төрагасы айым!", "Урматтоо менен," },
  { "ky", "judge", "unknown", "Урматтуу сот төрагасы!", "Урматтоо менен," },
  { "ky", "prison-head", "man", "Урматтуу Төрага мырза!", "Урматтоо менен," },
  { "ky", "prison-head", "woman", "Урматтуу Төрага айым!", "Урматтоо менен," },
  { "ky", "prison-head", "unknown", "Урматтуу Жаза аткаруу кызматынын төрагасы!", "Урматтоо менен," },
  { "ky", "official", "man", "Урматтуу мырза!", "Урматтоо менен," },
  { "ky", "official", "woman", "Урматтуу айым!", "Урматтоо менен," },
  { "ky", "official", "unknown", "Урматтуу мырзалар жана айымдар!", "Урматтоо менен," },
  { "uz", "president", "man", "Hurmatli Prezident janoblari!", "Hurmat bilan," },
  { "uz", "president", "woman", "Hurmatli Prezident xonim!", "Hurmat bilan," },
  { "uz", "president", "unknown", "Hurmatli Prezident!", "Hurmat bilan," },
  { "uz", "prime-minister", "man", "Hurmatli Bosh vazir janoblari!", "Hurmat bilan," },
  { "uz", "prime-minister", "woman", "Hurmatli Bosh vazir xonim!", "Hurmat bilan," },
  { "uz", "prime-minister", "unknown", "Hurmatli Bosh vazir!", "Hurmat bilan," },
  { "uz", "minister", "man", "Hurmatli vazir janoblari!", "Hurmat bilan," },
  { "uz", "minister", "woman", "Hurmatli vazir xonim!", "Hurmat bilan," },
  { "uz", "minister", "unknown", "Hurmatli vazir!", "Hurmat bilan," },
  { "uz", "prosecutor-general", "man", "Hurmatli Bosh prokuror janoblari!", "Hurmat bilan," },
  { "uz", "prosecutor-general", "woman", "Hurmatli Bosh prokuror xonim!", "Hurmat bilan," },
  { "uz", "prosecutor-general", "unknown", "Hurmatli Bosh prokuror!", "Hurmat bilan," },
  { "uz", "ambassador", "man", "Hurmatli Elchi janoblari!", "Hurmat bilan," },
  { "uz", "ambassador", "woman", "Hurmatli Elchi xonim!", "Hurmat bilan," },
  { "uz", "ambassador", "unknown", "Hurmatli Elchi!", "Hurmat bilan," },
  { "uz", "judge", "man", "Hurmatli sud raisi janoblari!", "Hurmat bilan," },
  { "uz", "judge", "woman", "Hurmatli sud raisi xonim!", "Hurmat bilan," },
  { "uz", "judge", "unknown", "Hurmatli sud raisi!", "Hurmat bilan," },
  { "uz", "prison-head", "man", "Hurmatli rais janoblari!", "Hurmat bilan," },
  { "uz", "prison-head", "woman", "Hurmatli rais xonim!", "Hurmat bilan," },
  { "uz", "prison-head", "unknown", "Hurmatli Jazoni ijro etish xizmati raisi!", "Hurmat bilan," },
  { "uz", "official", "man", "Hurmatli janob!", "Hurmat bilan," },
  { "uz", "official", "woman", "Hurmatli xonim!", "Hurmat bilan," },
  { "uz", "official", "unknown", "Hurmatli xonimlar va janoblar!", "Hurmat bilan," },
  { "uz-Cyrl", "president", "man", "Ҳурматли Президент жаноблари!", "Ҳурмат билан," },
  { "uz-Cyrl", "president", "woman", "Ҳурматли Президент хоним!", "Ҳурмат билан," },
  { "uz-Cyrl", "president", "unknown", "Ҳурматли Президент!", "Ҳурмат билан," },
  { "uz-Cyrl", "prime-minister", "man", "Ҳурматли Бош вазир жаноблари!", "Ҳурмат билан," },
  { "uz-Cyrl", "prime-minister", "woman", "Ҳурматли Бош вазир хоним!", "Ҳурмат билан," },
  { "uz-Cyrl", "prime-minister", "unknown", "Ҳурматли Бош вазир!", "Ҳурмат билан," },
  { "uz-Cyrl", "minister", "man", "Ҳурматли вазир жаноблари!", "Ҳурмат билан," },
  { "uz-Cyrl", "minister", "woman", "Ҳурматли вазир хоним!", "Ҳурмат билан," },
  { "uz-Cyrl", "minister", "unknown", "Ҳурматли вазир!", "Ҳурмат билан," },
  { "uz-Cyrl", "prosecutor-general", "man", "Ҳурматли Бош прокурор жаноблари!", "Ҳурмат билан," },
  { "uz-Cyrl", "prosecutor-general", "woman", "Ҳурматли Бош прокурор хоним!", "Ҳурмат билан," },
  { "uz-Cyrl", "prosecutor-general", "unknown", "Ҳурматли Бош прокурор!", "Ҳурмат билан," },
  { "uz-Cyrl", "ambassador", "man", "Ҳурматли Элчи жаноблари!", "Ҳурмат билан," },
  { "uz-Cyrl", "ambassador", "woman", "Ҳурматли Элчи хоним!", "Ҳурмат билан," },
  { "uz-Cyrl", "ambassador", "unknown", "Ҳурматли Элчи!", "Ҳурмат билан," },
  { "uz-Cyrl", "judge", "man", "Ҳурматли суд раиси жаноблари!", "Ҳурмат билан," },
  { "uz-Cyrl", "judge", "woman", "Ҳурматли суд раиси хоним!", "Ҳурмат билан," },
  { "uz-Cyrl", "judge", "unknown", "Ҳурматли суд раиси!", "Ҳурмат билан," },
  { "uz-Cyrl", "prison-head", "man", "Ҳурматли раис жаноблари!", "Ҳурмат билан," },
  { "uz-Cyrl", "prison-head", "woman", "Ҳурматли раис хоним!", "Ҳурмат билан," },
  { "uz-Cyrl", "prison-head", "unknown", "Ҳурматли Жазони ижро этиш хизмати раиси!", "Ҳурмат билан," },
  { "uz-Cyrl", "official", "man", "Ҳурматли жаноб!", "Ҳурмат билан," },
  { "uz-Cyrl", "official", "woman", "Ҳурматли хоним!", "Ҳурмат билан," },
  { "uz-Cyrl", "official", "unknown", "Ҳурматли хонимлар ва жаноблар!", "Ҳурмат билан," },
  { "de", "president", "man", "Sehr geehrter Herr Präsident,", "Mit freundlichen Grüßen" },
  { "de", "president", "woman", "Sehr geehrte Frau Präsidentin,", "Mit freundlichen Grüßen" },
  { "de", "president", "unknown", "Exzellenz,", "Mit freundlichen Grüßen" },
  { "de", "prime-minister", "man", "Sehr geehrter Herr Premierminister,", "Mit freundlichen Grüßen" },
  { "de", "prime-minister", "woman", "Sehr geehrte Frau Premierministerin,", "Mit freundlichen Grüßen" },
  { "de", "prime-minister", "unknown", "Exzellenz,", "Mit freundlichen Grüßen" },
  { "de", "minister", "man", "Sehr geehrter Herr Minister,", "Mit freundlichen Grüßen" },
  { "de", "minister", "woman", "Sehr geehrte Frau Ministerin,", "Mit freundlichen Grüßen" },
  { "de", "minister", "unknown", "Exzellenz,", "Mit freundlichen Grüßen" },
  { "de", "prosecutor-general", "man", "Sehr geehrter Herr Generalstaatsanwalt,", "Mit freundlichen Grüßen" },
  { "de", "prosecutor-general", "woman", "Sehr geehrte Frau Generalstaatsanwältin,", "Mit freundlichen Grüßen" },
  { "de", "prosecutor-general", "unknown", "Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen" },
  { "de", "ambassador", "man", "Sehr geehrter Herr Botschafter,", "Mit freundlichen Grüßen" },
  { "de", "ambassador", "woman", "Sehr geehrte Frau Botschafterin,", "Mit freundlichen Grüßen" },
  { "de", "ambassador", "unknown", "Exzellenz,", "Mit freundlichen Grüßen" },
  { "de", "judge", "man", "Sehr geehrter Herr Vorsitzender,", "Mit freundlichen Grüßen" },
  { "de", "judge", "woman", "Sehr geehrte Frau Vorsitzende,", "Mit freundlichen Grüßen" },
  { "de", "judge", "unknown", "Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen" },
  { "de", "prison-head", "man", "Sehr geehrter Herr Direktor,", "Mit freundlichen Grüßen" },
  { "de", "prison-head", "woman", "Sehr geehrte Frau Direktorin,", "Mit freundlichen Grüßen" },
  { "de", "prison-head", "unknown", "Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen" },
  { "de", "official", "man", "Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen" },
  { "de", "official", "woman", "Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen" },
  { "de", "official", "unknown", "Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen" },
  { "fr", "president", "man", "Monsieur le Président de la République,", "Je vous prie d’agréer, Monsieur le Président de la République, l’expression de ma très haute considération." },
  { "fr", "president", "woman", "Madame la Présidente de la République,", "Je vous prie d’agréer, Madame la Présidente de la République, l’expression de ma très haute considération." },
  { "fr", "president", "unknown", "Excellence,", "Je vous prie d’agréer, Excellence, l’expression de ma très haute considération." },
  { "fr", "prime-minister", "man", "Monsieur le Premier ministre,", "Je vous prie d’agréer, Monsieur le Premier ministre, l’expression de ma très haute considération." },
  { "fr", "prime-minister", "woman", "Madame la Première ministre,", "Je vous prie d’agréer, Madame la Première ministre, l’expression de ma très haute considération." },
  { "fr", "prime-minister", "unknown", "Excellence,", "Je vous prie d’agréer, Excellence, l’expression de ma très haute considération." },
  { "fr", "minister", "man", "Monsieur le Ministre,", "Veuillez agréer, Monsieur le Ministre, l’expression de ma très haute considération." },
  { "fr", "minister", "woman", "Madame la Ministre,", "Veuillez agréer, Madame la Ministre, l’expression de ma très haute considération." },
  { "fr", "minister", "unknown", "Excellence,", "Veuillez agréer, Excellence, l’expression de ma très haute considération." },
  { "fr", "prosecutor-general", "man", "Monsieur le Procureur général,", "Je vous prie d’agréer, Monsieur le Procureur général, l’expression de ma haute considération." },
  { "fr", "prosecutor-general", "woman", "Madame la Procureure générale,", "Je vous prie d’agréer, Madame la Procureure générale, l’expression de ma haute considération." },
  { "fr", "prosecutor-general", "unknown", "Madame, Monsieur,", "Je vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération." },
  { "fr", "ambassador", "man", "Monsieur l’Ambassadeur,", "Je vous prie d’agréer, Monsieur l’Ambassadeur, l’assurance de ma très haute considération." },
  { "fr", "ambassador", "woman", "Madame l’Ambassadrice,", "Je vous prie d’agréer, Madame l’Ambassadrice, l’assurance de ma très haute considération." },
  { "fr", "ambassador", "unknown", "Excellence,", "Je vous prie d’agréer, Excellence, l’assurance de ma très haute considération." },
  { "fr", "judge", "man", "Monsieur le Président,", "Veuillez agréer, Monsieur le Président, l’expression de mes sentiments respectueux." },
  { "fr", "judge", "woman", "Madame la Présidente,", "Veuillez agréer, Madame la Présidente, l’expression de mes sentiments respectueux." },
  { "fr", "judge", "unknown", "Madame, Monsieur,", "Veuillez agréer, Madame, Monsieur, l’expression de mes sentiments respectueux." },
  { "fr", "prison-head", "man", "Monsieur le Directeur,", "Veuillez agréer, Monsieur le Directeur, l’expression de mes salutations distinguées." },
  { "fr", "prison-head", "woman", "Madame la Directrice,", "Veuillez agréer, Madame la Directrice, l’expression de mes salutations distinguées." },
  { "fr", "prison-head", "unknown", "Madame, Monsieur,", "Veuillez agréer, Madame, Monsieur, l’expression de mes salutations distinguées." },
  { "fr", "official", "man", "Monsieur,", "Veuillez agréer, Monsieur, l’expression de mes salutations distinguées." },
  { "fr", "official", "woman", "Madame,", "Veuillez agréer, Madame, l’expression de mes salutations distinguées." },
  { "fr", "official", "unknown", "Madame, Monsieur,", "Veuillez agréer, Madame, Monsieur, l’expression de mes salutations distinguées." },
  { "es", "president", "man", "Excelentísimo Señor Presidente:", "Atentamente," },
  { "es", "president", "woman", "Excelentísima Señora Presidenta:", "Atentamente," },
  { "es", "president", "unknown", "Excelencia:", "Atentamente," },
  { "es", "prime-minister", "man", "Señor Primer Ministro:", "Atentamente," },
  { "es", "prime-minister", "woman", "Señora Primera Ministra:", "Atentamente," },
  { "es", "prime-minister", "unknown", "Excelencia:", "Atentamente," },
  { "es", "minister", "man", "Señor Ministro:", "Atentamente," },
  { "es", "minister", "woman", "Señora Ministra:", "Atentamente," },
  { "es", "minister", "unknown", "Excelencia:", "Atentamente," },
  { "es", "prosecutor-general", "man", "Señor Fiscal General:", "Atentamente," },
  { "es", "prosecutor-general", "woman", "Señora Fiscal General:", "Atentamente," },
  { "es", "prosecutor-general", "unknown", "Señor Fiscal General:", "Atentamente," },
  { "es", "ambassador", "man", "Excelentísimo Señor Embajador:", "Atentamente," },
  { "es", "ambassador", "woman", "Excelentísima Señora Embajadora:", "Atentamente," },
  { "es", "ambassador", "unknown", "Excelencia:", "Atentamente," },
  { "es", "judge", "man", "Excelentísimo Señor Presidente:", "Atentamente," },
  { "es", "judge", "woman", "Excelentísima Señora Presidenta:", "Atentamente," },
  { "es", "judge", "unknown", "Excelencia:", "Atentamente," },
  { "es", "prison-head", "man", "Señor Director:", "Atentamente," },
  { "es", "prison-head", "woman", "Señora Directora:", "Atentamente," },
  { "es", "prison-head", "unknown", "Señor Director:", "Atentamente," },
  { "es", "official", "man", "Estimado señor:", "Atentamente," },
  { "es", "official", "woman", "Estimada señora:", "Atentamente," },
  { "es", "official", "unknown", "Muy señores míos:", "Atentamente," },
};

static void
test_every_entry (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_entries); i++)
    {
      AskarovRole role;
      AskarovAddressForm form;
      g_autoptr(AskarovSalutation) s = NULL;

      g_assert_true (askarov_role_from_id (expected_entries[i].role, &role));
      g_assert_true (askarov_address_form_from_id (expected_entries[i].form, &form));
      s = lookup (expected_entries[i].language, role, form);
      g_test_message ("%s %s %s", expected_entries[i].language, expected_entries[i].role, expected_entries[i].form);
      g_assert_cmpstr (s->salutation, ==, expected_entries[i].salutation);
      g_assert_cmpstr (s->closing, ==, expected_entries[i].closing);
    }
  /* Every language x role x form of the seven case languages is in the table. */
  g_assert_cmpuint (G_N_ELEMENTS (expected_entries), ==,
                    G_N_ELEMENTS (case_languages) * ASKAROV_N_ROLES * ASKAROV_N_ADDRESS_FORMS);
}

/* What the data says around the text: which form stands in, and why. */
static void
test_entry_details (void)
{
  g_autoptr(AskarovSalutation) ru_unknown = lookup ("ru", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN);
  g_autoptr(AskarovSalutation) ru_official = lookup ("ru", ASKAROV_ROLE_OFFICIAL, ASKAROV_ADDRESS_FORM_MAN);
  g_autoptr(AskarovSalutation) ru_ambassador = lookup ("ru", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_UNKNOWN);
  g_autoptr(AskarovSalutation) ky_minister = lookup ("ky", ASKAROV_ROLE_MINISTER, ASKAROV_ADDRESS_FORM_MAN);
  g_autoptr(AskarovSalutation) de_minister = lookup ("de", ASKAROV_ROLE_MINISTER, ASKAROV_ADDRESS_FORM_MAN);
  g_autoptr(AskarovSalutation) fr_prosecutor = lookup ("fr", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN);
  g_autoptr(AskarovSalutation) es_prosecutor = lookup ("es", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN);
  g_autoptr(AskarovSalutation) en_ambassador = lookup ("en", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_MAN);

  /* Russian has no neutral form: the data says so and which form stands in. */
  g_assert_cmpint (ru_unknown->form_used, ==, ASKAROV_ADDRESS_FORM_MAN);
  g_assert_nonnull (ru_unknown->fallback_note);
  /* Without a surname, "Уважаемый господин!" gives way to "Уважаемые господа!". */
  g_assert_cmpint (ru_official->form_used, ==, ASKAROV_ADDRESS_FORM_UNKNOWN);
  g_assert_nonnull (strstr (ru_official->fallback_note, "surname"));
  g_assert_cmpstr (ru_ambassador->excellency, ==, "Ваше Превосходительство!");
  /* Built by analogy: flagged for a native speaker. */
  g_assert_cmpint (ky_minister->confidence, ==, ASKAROV_CONFIDENCE_LOW);
  g_assert_nonnull (ky_minister->review);
  g_assert_true (de_minister->body_lower_case);
  g_assert_nonnull (fr_prosecutor->fallback_note);
  g_assert_cmpint (es_prosecutor->form_used, ==, ASKAROV_ADDRESS_FORM_MAN);
  g_assert_nonnull (es_prosecutor->fallback_note);
  g_assert_cmpstr (en_ambassador->excellency, ==, "Your Excellency,");
  g_assert_cmpint (en_ambassador->confidence, ==, ASKAROV_CONFIDENCE_HIGH);
  g_assert_nonnull (strstr (en_ambassador->sources[0], "Amnesty"));
}

/* Offices within a role, told apart by the title (in any phrasebook language). */
static void
test_offices (void)
{
  static const struct
  {
    const char *language;
    AskarovRole role;
    const char *title;
    AskarovAddressForm form;
    const char *office;
    const char *salutation;
    const char *closing;
  } cases[] = {
    { "ru", ASKAROV_ROLE_PRISON_HEAD, "Head of Penal Colony No. 47", ASKAROV_ADDRESS_FORM_MAN,
      "colony", "Уважаемый господин начальник колонии!", "С уважением," },
    { "ru", ASKAROV_ROLE_PRISON_HEAD, "Начальник исправительной колонии № 47 Государственной службы исполнения наказаний",
      ASKAROV_ADDRESS_FORM_WOMAN, "colony", "Уважаемая госпожа начальник колонии!", "С уважением," },
    { "ru", ASKAROV_ROLE_PRISON_HEAD, "Director of the Federal Penitentiary Service", ASKAROV_ADDRESS_FORM_MAN,
      "director", "Уважаемый господин Директор!", "С уважением," },
    { "ru", ASKAROV_ROLE_PRISON_HEAD, "Chair of the State Penitentiary Service", ASKAROV_ADDRESS_FORM_MAN,
      "service", "Уважаемый господин Председатель!", "С уважением," },
    { "ru", ASKAROV_ROLE_PRISON_HEAD, "Head of the Prison Service", ASKAROV_ADDRESS_FORM_WOMAN,
      "service", "Уважаемая госпожа Председатель!", "С уважением," },
    { "ru", ASKAROV_ROLE_PRISON_HEAD, "Director of Prison No. 1", ASKAROV_ADDRESS_FORM_MAN,
      "prison", "Уважаемый господин начальник учреждения!", "С уважением," },
    { "ru", ASKAROV_ROLE_PRIME_MINISTER, "Chair of the Cabinet of Ministers of the Kyrgyz Republic",
      ASKAROV_ADDRESS_FORM_MAN, "cabinet-chair", "Уважаемый господин Председатель Кабинета министров!",
      "С глубоким уважением," },
    { "ru", ASKAROV_ROLE_PRIME_MINISTER, "Председателю Кабинета министров Кыргызской Республики",
      ASKAROV_ADDRESS_FORM_UNKNOWN, "cabinet-chair", "Уважаемый господин Председатель Кабинета министров!",
      "С глубоким уважением," },
    { "ru", ASKAROV_ROLE_PRIME_MINISTER, "Председатель Правительства Российской Федерации", ASKAROV_ADDRESS_FORM_MAN,
      "government-chair", "Уважаемый господин Председатель Правительства!", "С глубоким уважением," },
    { "ru", ASKAROV_ROLE_PRIME_MINISTER, "Prime Minister of Kazakhstan", ASKAROV_ADDRESS_FORM_WOMAN,
      NULL, "Уважаемая госпожа Премьер-министр!", "С глубоким уважением," },
    { "ru", ASKAROV_ROLE_JUDGE, "Judge of the Leninsky District Court", ASKAROV_ADDRESS_FORM_WOMAN,
      "court-judge", "Уважаемая госпожа судья!", "С уважением," },
    { "ky", ASKAROV_ROLE_PRIME_MINISTER, "Министрлер Кабинетинин Төрагасы", ASKAROV_ADDRESS_FORM_WOMAN,
      "cabinet-chair", "Урматтуу Төрага айым!", "Урматтоо менен," },
    { "ky", ASKAROV_ROLE_PRIME_MINISTER, "Chair of the Cabinet of Ministers", ASKAROV_ADDRESS_FORM_UNKNOWN,
      "cabinet-chair", "Урматтуу Министрлер Кабинетинин Төрагасы!", "Урматтоо менен," },
    { "uz", ASKAROV_ROLE_PRIME_MINISTER, "Chair of the Cabinet of Ministers", ASKAROV_ADDRESS_FORM_MAN,
      "cabinet-chair", "Hurmatli rais janoblari!", "Hurmat bilan," },
    { "uz", ASKAROV_ROLE_PRISON_HEAD, "Head of Penal Colony No. 47", ASKAROV_ADDRESS_FORM_MAN,
      "colony", "Hurmatli koloniya boshligʻi janoblari!", "Hurmat bilan," },
    { "de", ASKAROV_ROLE_JUDGE, "Chair of the Supreme Court", ASKAROV_ADDRESS_FORM_MAN,
      NULL, "Sehr geehrter Herr Vorsitzender,", "Mit freundlichen Grüßen" },
    { "de", ASKAROV_ROLE_PRIME_MINISTER, "Chair of the Cabinet of Ministers", ASKAROV_ADDRESS_FORM_WOMAN,
      "cabinet-chair", "Sehr geehrte Frau Vorsitzende,", "Mit freundlichen Grüßen" },
    { "fr", ASKAROV_ROLE_PRIME_MINISTER, "Chair of the Cabinet of Ministers", ASKAROV_ADDRESS_FORM_WOMAN,
      "cabinet-chair", "Madame la Présidente,",
      "Je vous prie d’agréer, Madame la Présidente, l’expression de ma très haute considération." },
    { "fr", ASKAROV_ROLE_JUDGE, "Juge au tribunal de Bichkek", ASKAROV_ADDRESS_FORM_MAN,
      "court-judge", "Monsieur le Juge,", "Veuillez agréer, Monsieur le Juge, l’expression de mes sentiments respectueux." },
    { "es", ASKAROV_ROLE_JUDGE, "Presidente de la Corte Suprema", ASKAROV_ADDRESS_FORM_MAN,
      NULL, "Excelentísimo Señor Presidente:", "Atentamente," },
    { "es", ASKAROV_ROLE_JUDGE, "Judge of the Leninsky District Court", ASKAROV_ADDRESS_FORM_WOMAN,
      "court-judge", "Señora Jueza:", "Atentamente," },
    { "es", ASKAROV_ROLE_PRIME_MINISTER, "Presidente del Gobierno de España", ASKAROV_ADDRESS_FORM_MAN,
      "government-chair", "Excelentísimo Señor Presidente del Gobierno:", "Atentamente," },
    { "en", ASKAROV_ROLE_JUDGE, "Chair of the Supreme Court", ASKAROV_ADDRESS_FORM_UNKNOWN,
      NULL, "Dear Chairperson,", "Yours sincerely," },
    { "en", ASKAROV_ROLE_PRIME_MINISTER, "Chair of the Cabinet of Ministers", ASKAROV_ADDRESS_FORM_WOMAN,
      "cabinet-chair", "Dear Madam Chair,", "Yours sincerely," },
    /* English tells no prison offices apart: one entry for all. */
    { "en", ASKAROV_ROLE_PRISON_HEAD, "Head of Penal Colony No. 47", ASKAROV_ADDRESS_FORM_MAN,
      NULL, "Dear Director,", "Yours sincerely," },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *office = askarov_salutation_detect_office (cases[i].language, cases[i].role, cases[i].title);
      g_autoptr(GError) error = NULL;
      g_autoptr(AskarovSalutation) s = NULL;

      g_test_message ("%s: %s", cases[i].language, cases[i].title);
      g_assert_cmpstr (office, ==, cases[i].office);
      s = askarov_salutation_lookup_office (cases[i].language, cases[i].role, office, cases[i].form, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (s->salutation, ==, cases[i].salutation);
      g_assert_cmpstr (s->closing, ==, cases[i].closing);
    }
  g_assert_null (askarov_salutation_detect_office ("ru", ASKAROV_ROLE_PRISON_HEAD, NULL));
  g_assert_null (askarov_salutation_detect_office ("ru", ASKAROV_ROLE_PRESIDENT, "Head of Penal Colony No. 47"));
  g_assert_null (askarov_salutation_detect_office ("xx", ASKAROV_ROLE_PRISON_HEAD, "Head of Penal Colony No. 47"));
}

/* First name and patronymic, offered where the language greets that way. */
static void
test_by_name (void)
{
  static const struct
  {
    const char *language;
    AskarovRole role;
    const char *name;
    const char *salutation;   /* NULL: not offered */
    AskarovAddressForm form;
    const char *closing;
  } cases[] = {
    { "ru", ASKAROV_ROLE_PROSECUTOR_GENERAL, "Болот Исакович Исаков", "Уважаемый Болот Исакович!",
      ASKAROV_ADDRESS_FORM_MAN, "С уважением," },
    { "ru", ASKAROV_ROLE_PRESIDENT, "Отунбаева Роза Исаковна", "Уважаемая Роза Исаковна!",
      ASKAROV_ADDRESS_FORM_WOMAN, "С глубоким уважением," },
    { "ru", ASKAROV_ROLE_MINISTER, "Мария Ильинична Петрова", "Уважаемая Мария Ильинична!",
      ASKAROV_ADDRESS_FORM_WOMAN, "С уважением," },
    { "ru", ASKAROV_ROLE_MINISTER, "Геннадий Александрович Корниенко", "Уважаемый Геннадий Александрович!",
      ASKAROV_ADDRESS_FORM_MAN, "С уважением," },
    { "ky", ASKAROV_ROLE_PRESIDENT, "Алмаз Шаршенович Атамбаев", "Урматтуу Алмаз Шаршенович!",
      ASKAROV_ADDRESS_FORM_MAN, "Урматтоо менен," },
    { "uz", ASKAROV_ROLE_PRESIDENT, "Shavkat Miromonovich Mirziyoyev", "Hurmatli Shavkat Miromonovich!",
      ASKAROV_ADDRESS_FORM_MAN, "Hurmat bilan," },
    /* Not offered: a Latin-script name in a Cyrillic letter (until it is transliterated),
     * Kyrgyz "уулу", initials, two words, languages without the form. */
    { "ru", ASKAROV_ROLE_PRESIDENT, "Bolot Isakovich Isakov", NULL, 0, NULL },
    { "ru", ASKAROV_ROLE_PRESIDENT, "Алмазбек Шаршен уулу Атамбаев", NULL, 0, NULL },
    { "ru", ASKAROV_ROLE_PRESIDENT, "Б. И. Исаков", NULL, 0, NULL },
    { "ru", ASKAROV_ROLE_PRESIDENT, "Адам Мицкевич", NULL, 0, NULL },
    { "ru", ASKAROV_ROLE_PRESIDENT, NULL, NULL, 0, NULL },
    { "en", ASKAROV_ROLE_PRESIDENT, "Болот Исакович Исаков", NULL, 0, NULL },
    { "de", ASKAROV_ROLE_PRESIDENT, "Bolot Isakovich Isakov", NULL, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovSalutation) s = askarov_salutation_lookup_by_name (cases[i].language, cases[i].role,
                                                                          NULL, cases[i].name);

      g_test_message ("%s: %s", cases[i].language, cases[i].name);
      if (cases[i].salutation == NULL)
        {
          g_assert_null (s);
          continue;
        }
      g_assert_nonnull (s);
      g_assert_cmpstr (s->salutation, ==, cases[i].salutation);
      g_assert_cmpint (s->form_used, ==, cases[i].form);
      g_assert_cmpstr (s->closing, ==, cases[i].closing);
      g_assert_cmpint (s->style, ==, ASKAROV_SALUTATION_STYLE_NAME);
      g_assert_nonnull (s->sources[0]);
    }
}

static void
test_unknown_language (void)
{
  g_autoptr(GError) error = NULL;
  AskarovSalutation *s = askarov_salutation_lookup ("xx", ASKAROV_ROLE_MINISTER, ASKAROV_ADDRESS_FORM_MAN, &error);

  g_assert_null (s);
  g_assert_error (error, ASKAROV_PHRASEBOOK_ERROR, ASKAROV_PHRASEBOOK_ERROR_UNKNOWN_LANGUAGE);
  /* The message lists the languages that exist. */
  g_assert_nonnull (strstr (error->message, "ru"));
}

static void
test_ids (void)
{
  AskarovRole role;
  AskarovAddressForm form;
  g_autofree char *ids = askarov_role_list_ids ();

  for (AskarovRole r = 0; r < ASKAROV_N_ROLES; r++)
    {
      g_assert_true (askarov_role_from_id (askarov_role_to_id (r), &role));
      g_assert_cmpint (role, ==, r);
      g_assert_nonnull (strstr (ids, askarov_role_to_id (r)));
      g_assert_nonnull (askarov_role_get_label (r));
    }
  g_assert_cmpstr (askarov_role_to_id (ASKAROV_ROLE_PROSECUTOR_GENERAL), ==, "prosecutor-general");
  g_assert_cmpstr (askarov_role_to_id (ASKAROV_ROLE_PRISON_HEAD), ==, "prison-head");
  g_assert_false (askarov_role_from_id ("dictator", &role));
  g_assert_false (askarov_role_from_id (NULL, &role));
  g_assert_true (askarov_address_form_from_id ("woman", &form));
  g_assert_cmpint (form, ==, ASKAROV_ADDRESS_FORM_WOMAN);
  g_assert_false (askarov_address_form_from_id ("Woman", &form));
}

static void
test_dates (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, 25, 10, 0, 0);
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 5, 1, 10, 0, 0);
  static const struct
  {
    const char *language;
    const char *expected;
  } cases[] = {
    { "en", "25 November 2026" },
    { "ru", "25 ноября 2026 г." },
    { "de", "25. November 2026" },
    { "fr", "25 novembre 2026" },
    { "es", "25 de noviembre de 2026" },
    { "ky", "2026-жылдын 25-ноябры" },
    { "uz", "2026-yil 25-noyabr" },
    { "pt", "25 de novembro de 2026" },
    { "it", "25 novembre 2026" },
    { "nl", "25 november 2026" },
    { "pl", "25 listopada 2026 r." },
    { "uk", "25 листопада 2026 р." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = askarov_phrasebook_format_date (cases[i].language, date);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  {
    g_autofree char *fr = askarov_phrasebook_format_date ("fr", first);

    g_autofree char *it = askarov_phrasebook_format_date ("it", first);

    /* French and Italian write the first of the month as an ordinal. */
    g_assert_cmpstr (fr, ==, "1er mai 2026");
    g_assert_cmpstr (it, ==, "1º maggio 2026");
  }
  g_assert_null (askarov_phrasebook_format_date ("xx", date));
}

static void
test_detect_titles (void)
{
  static const struct
  {
    const char  *title;
    AskarovRole  role;
  } cases[] = {
    { "Minister of Internal Affairs", ASKAROV_ROLE_MINISTER },
    { "General Prosecutor", ASKAROV_ROLE_PROSECUTOR_GENERAL },
    { "Prosecutor General of the Kyrgyz Republic", ASKAROV_ROLE_PROSECUTOR_GENERAL },
    { "Ambassador Extraordinary and Plenipotentiary", ASKAROV_ROLE_AMBASSADOR },
    { "Ambassador Bolot Isakovich Otunbaev, Embassy of the Kyrgyz Republic", ASKAROV_ROLE_AMBASSADOR },
    { "Embassy of Kyrgyzstan", ASKAROV_ROLE_AMBASSADOR },
    { "President of Kyrgyzstan", ASKAROV_ROLE_PRESIDENT },
    { "President", ASKAROV_ROLE_PRESIDENT },
    { "Prime Minister", ASKAROV_ROLE_PRIME_MINISTER },
    { "Chair of the Cabinet of Ministers", ASKAROV_ROLE_PRIME_MINISTER },
    { "Chairman of the Supreme Court", ASKAROV_ROLE_JUDGE },
    { "President of the Supreme Court", ASKAROV_ROLE_JUDGE },
    { "Head of the Penitentiary Service under the Ministry of Justice", ASKAROV_ROLE_PRISON_HEAD },
    { "Генеральный прокурор Кыргызской Республики", ASKAROV_ROLE_PROSECUTOR_GENERAL },
    { "Министр внутренних дел", ASKAROV_ROLE_MINISTER },
    { "Председатель Верховного суда", ASKAROV_ROLE_JUDGE },
    /* "государства" contains the letters of "суд": it must not read as a court. */
    { "Глава государства", ASKAROV_ROLE_OFFICIAL },
    { "Государственная служба исполнения наказаний", ASKAROV_ROLE_PRISON_HEAD },
    { "Кыргыз Республикасынын Башкы прокурору", ASKAROV_ROLE_PROSECUTOR_GENERAL },
    { "Sehr geehrter Herr Generalstaatsanwalt", ASKAROV_ROLE_PROSECUTOR_GENERAL },
    { "Procureur général", ASKAROV_ROLE_PROSECUTOR_GENERAL },
    { "Embajador de la República Kirguisa", ASKAROV_ROLE_AMBASSADOR },
    { "Procuradora-Geral da República", ASKAROV_ROLE_PROSECUTOR_GENERAL },
    { "Ministra da Justiça", ASKAROV_ROLE_MINISTER },
    { "Presidente del Consiglio dei ministri", ASKAROV_ROLE_PRIME_MINISTER },
    { "Direttore dell’istituto penitenziario", ASKAROV_ROLE_PRISON_HEAD },
    { "Minister-president", ASKAROV_ROLE_PRIME_MINISTER },
    { "President van de Hoge Raad", ASKAROV_ROLE_JUDGE },
    { "Prezes Sądu Najwyższego", ASKAROV_ROLE_JUDGE },
    { "Dyrektor Generalny Służby Więziennej", ASKAROV_ROLE_PRISON_HEAD },
    { "Голова Державної кримінально-виконавчої служби", ASKAROV_ROLE_PRISON_HEAD },
    { "Міністр юстиції України", ASKAROV_ROLE_MINISTER },
    { "Ombudsman", ASKAROV_ROLE_OFFICIAL },
    { "", ASKAROV_ROLE_OFFICIAL },
    { NULL, ASKAROV_ROLE_OFFICIAL },
    { "Minister\xff\xfe", ASKAROV_ROLE_OFFICIAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("title: %s", cases[i].title != NULL && g_utf8_validate (cases[i].title, -1, NULL)
                                   ? cases[i].title : "(invalid)");
      g_assert_cmpstr (askarov_role_to_id (askarov_role_detect (cases[i].title)), ==,
                       askarov_role_to_id (cases[i].role));
    }
}

/* The titles exactly as the Urgent Actions of the case print them. */
static void
test_detect_corpus (void)
{
  const char *dir = g_getenv ("ASKAROV_CORPUS_DIR");
  g_autofree char *ua135_path = NULL;
  g_autofree char *ua61_path = NULL;
  g_autofree char *ua135 = NULL;
  g_autofree char *ua61 = NULL;
  static const struct
  {
    const char  *line;
    AskarovRole  role;
  } expected[] = {
    { "Minister of Internal Affairs", ASKAROV_ROLE_MINISTER },
    { "General Prosecutor", ASKAROV_ROLE_PROSECUTOR_GENERAL },
    { "President", ASKAROV_ROLE_PRESIDENT },
    { "President of Kyrgyzstan", ASKAROV_ROLE_PRESIDENT },
    { "Ambassador Bolot Isakovich Otunbaev", ASKAROV_ROLE_AMBASSADOR },
    { "Embassy of the Kyrgyz Republic", ASKAROV_ROLE_AMBASSADOR },
  };
  guint found = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("ASKAROV_CORPUS_DIR is not set or missing: no corpus to read titles from");
      return;
    }
  ua135_path = g_build_filename (dir, "002_7170e70723e6a976.txt", NULL);
  ua61_path = g_build_filename (dir, "003_55fd246bdecfe6e2.txt", NULL);
  if (!g_file_get_contents (ua135_path, &ua135, NULL, NULL) || !g_file_get_contents (ua61_path, &ua61, NULL, NULL))
    {
      g_test_skip ("The UA 135/10 and UA 61.20 corpus files are missing");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *joined = g_strconcat (ua135, "\n", ua61, NULL);
      g_auto(GStrv) lines = g_strsplit (joined, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_strstrip (lines[j]);
          if (g_str_equal (lines[j], expected[i].line))
            {
              g_assert_cmpstr (askarov_role_to_id (askarov_role_detect (lines[j])), ==,
                               askarov_role_to_id (expected[i].role));
              found++;
              break;
            }
        }
    }
  /* Every title was found in the documents, so the test read real input. */
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/salutations/languages", test_languages);
  g_test_add_func ("/salutations/complete", test_complete);
  g_test_add_func ("/salutations/punctuation", test_punctuation);
  g_test_add_func ("/salutations/every-entry", test_every_entry);
  g_test_add_func ("/salutations/entry-details", test_entry_details);
  g_test_add_func ("/salutations/offices", test_offices);
  g_test_add_func ("/salutations/by-name", test_by_name);
  g_test_add_func ("/salutations/unknown-language", test_unknown_language);
  g_test_add_func ("/salutations/ids", test_ids);
  g_test_add_func ("/salutations/dates", test_dates);
  g_test_add_func ("/salutations/detect-titles", test_detect_titles);
  g_test_add_func ("/salutations/detect-corpus", test_detect_corpus);

  return g_test_run ();
}
