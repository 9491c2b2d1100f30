/* test-salutations.c — the phrasebook: every entry, the punctuation rules, dates and role detection.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "askarov-salutations.h"

static const char * const case_languages[] = { "de", "en", "es", "fr", "ky", "ru", "uz" };
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

static void
test_russian (void)
{
  g_autoptr(AskarovSalutation) man = lookup ("ru", ASKAROV_ROLE_MINISTER, ASKAROV_ADDRESS_FORM_MAN);
  g_autoptr(AskarovSalutation) woman = lookup ("ru", ASKAROV_ROLE_MINISTER, ASKAROV_ADDRESS_FORM_WOMAN);
  g_autoptr(AskarovSalutation) unknown = lookup ("ru", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN);
  g_autoptr(AskarovSalutation) ambassador = lookup ("ru", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_UNKNOWN);

  g_assert_cmpstr (man->salutation, ==, "Уважаемый господин Министр!");
  g_assert_cmpstr (woman->salutation, ==, "Уважаемая госпожа Министр!");
  g_assert_cmpstr (man->closing, ==, "С уважением,");
  /* Russian has no neutral form: the data says so and which form stands in. */
  g_assert_cmpint (unknown->form_used, ==, ASKAROV_ADDRESS_FORM_MAN);
  g_assert_cmpstr (unknown->salutation, ==, "Уважаемый господин Генеральный прокурор!");
  g_assert_nonnull (unknown->fallback_note);
  g_assert_cmpstr (ambassador->salutation, ==, "Ваше Превосходительство!");
  g_assert_cmpstr (ambassador->excellency, ==, "Ваше Превосходительство!");
}

static void
test_kyrgyz (void)
{
  g_autoptr(AskarovSalutation) man = lookup ("ky", ASKAROV_ROLE_MINISTER, ASKAROV_ADDRESS_FORM_MAN);
  g_autoptr(AskarovSalutation) woman = lookup ("ky", ASKAROV_ROLE_MINISTER, ASKAROV_ADDRESS_FORM_WOMAN);
  g_autoptr(AskarovSalutation) president = lookup ("ky", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_MAN);

  g_assert_cmpstr (man->salutation, ==, "Урматтуу Министр мырза!");
  g_assert_cmpstr (woman->salutation, ==, "Урматтуу Министр айым!");
  g_assert_cmpstr (man->closing, ==, "Урматтоо менен,");
  g_assert_cmpstr (president->salutation, ==, "Урматтуу Президент мырза!");
  /* Built by analogy: flagged for a native speaker. */
  g_assert_cmpint (man->confidence, ==, ASKAROV_CONFIDENCE_LOW);
  g_assert_nonnull (man->review);
}

static void
test_german (void)
{
  g_autoptr(AskarovSalutation) man = lookup ("de", ASKAROV_ROLE_MINISTER, ASKAROV_ADDRESS_FORM_MAN);
  g_autoptr(AskarovSalutation) woman = lookup ("de", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_WOMAN);
  g_autoptr(AskarovSalutation) ambassador = lookup ("de", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_UNKNOWN);

  g_assert_cmpstr (man->salutation, ==, "Sehr geehrter Herr Minister,");
  g_assert_cmpstr (woman->salutation, ==, "Sehr geehrte Frau Generalstaatsanwältin,");
  /* No comma after the German closing. */
  g_assert_cmpstr (man->closing, ==, "Mit freundlichen Grüßen");
  g_assert_true (man->body_lower_case);
  g_assert_cmpstr (ambassador->salutation, ==, "Exzellenz,");
}

static void
test_french (void)
{
  g_autoptr(AskarovSalutation) man = lookup ("fr", ASKAROV_ROLE_MINISTER, ASKAROV_ADDRESS_FORM_MAN);
  g_autoptr(AskarovSalutation) woman = lookup ("fr", ASKAROV_ROLE_MINISTER, ASKAROV_ADDRESS_FORM_WOMAN);
  g_autoptr(AskarovSalutation) prosecutor = lookup ("fr", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN);

  g_assert_cmpstr (man->salutation, ==, "Monsieur le Ministre,");
  g_assert_cmpstr (woman->salutation, ==, "Madame la Ministre,");
  /* The closing repeats the salutation, whichever form was chosen. */
  g_assert_cmpstr (man->closing, ==, "Veuillez agréer, Monsieur le Ministre, l’expression de ma très haute considération.");
  g_assert_cmpstr (woman->closing, ==, "Veuillez agréer, Madame la Ministre, l’expression de ma très haute considération.");
  g_assert_cmpstr (prosecutor->salutation, ==, "Madame, Monsieur,");
  g_assert_nonnull (strstr (prosecutor->closing, ", Madame, Monsieur, "));
  g_assert_nonnull (prosecutor->fallback_note);
}

static void
test_spanish_and_english (void)
{
  g_autoptr(AskarovSalutation) es = lookup ("es", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_WOMAN);
  g_autoptr(AskarovSalutation) en = lookup ("en", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN);
  g_autoptr(AskarovSalutation) en_official = lookup ("en", ASKAROV_ROLE_OFFICIAL, ASKAROV_ADDRESS_FORM_UNKNOWN);
  g_autoptr(AskarovSalutation) en_ambassador = lookup ("en", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_MAN);

  g_assert_cmpstr (es->salutation, ==, "Excelentísima Señora Presidenta:");
  g_assert_cmpstr (es->closing, ==, "Atentamente,");
  g_assert_cmpstr (en->salutation, ==, "Dear Prosecutor General,");
  g_assert_cmpstr (en->closing, ==, "Yours sincerely,");
  /* Unnamed addressee: "Yours faithfully". */
  g_assert_cmpstr (en_official->closing, ==, "Yours faithfully,");
  g_assert_cmpstr (en_ambassador->excellency, ==, "Your Excellency,");
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
  g_test_add_func ("/salutations/russian", test_russian);
  g_test_add_func ("/salutations/kyrgyz", test_kyrgyz);
  g_test_add_func ("/salutations/german", test_german);
  g_test_add_func ("/salutations/french", test_french);
  g_test_add_func ("/salutations/spanish-and-english", test_spanish_and_english);
  g_test_add_func ("/salutations/unknown-language", test_unknown_language);
  g_test_add_func ("/salutations/ids", test_ids);
  g_test_add_func ("/salutations/dates", test_dates);
  g_test_add_func ("/salutations/detect-titles", test_detect_titles);
  g_test_add_func ("/salutations/detect-corpus", test_detect_corpus);

  return g_test_run ();
}
