/* test-letter.c — appeal letters: templates, rendering per channel, mailto, posts and the asks checklist.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "askarov-extractor.h"
#include "askarov-letter.h"
#include "askarov-requests.h"

static const char * const case_languages[] = { "de", "en", "es", "fr", "it", "ky", "nl", "pl", "pt", "ru", "uk", "uz", "uz-Cyrl" };

/* A case like the built-in one, in memory: one man in Kyrgyzstan, the UA's asks in English. */
static AskarovLetterCase *
make_case (AskarovCaseState state)
{
  AskarovLetterCase *c = askarov_letter_case_new ();

  g_strfreev (c->persons);
  c->persons = g_strdupv ((char *[]) { "Azimjan Askarov", NULL });
  g_strfreev (c->pronouns);
  c->pronouns = g_strdupv ((char *[]) { "he/him", NULL });
  c->country = g_strdup ("KG");
  c->reference = g_strdup ("UA 135/10");
  g_strfreev (c->asks);
  c->asks = g_strdupv ((char *[]) { "Release him immediately and unconditionally.",
                                    "Make sure that he gets the medical care he needs.", NULL });
  c->asks_language = g_strdup ("en");
  c->state = state;
  if (state == ASKAROV_CASE_STATE_DIED)
    c->state_date = g_strdup ("2020-07-25");
  return c;
}

static AskarovLetter *
make_letter (const char       *language,
             AskarovRole       role,
             AskarovCaseState  state)
{
  AskarovLetter *letter = askarov_letter_new (language, role);
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, 25, 9, 0, 0);
  g_autoptr(AskarovLetterCase) c = make_case (state);

  askarov_letter_set_letter_case (letter, c);
  askarov_letter_set_date (letter, date);
  return letter;
}

static const AskarovCaseState both_states[] = { ASKAROV_CASE_STATE_OPEN, ASKAROV_CASE_STATE_DIED };

/* Asserts that the needles occur in @haystack in this order. */
static void
assert_in_order (const char         *haystack,
                 const char * const *needles)
{
  const char *from = haystack;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (from, needles[i]);

      if (found == NULL)
        g_error ("“%s” missing (or out of order) in:\n%s", needles[i], haystack);
      from = found + strlen (needles[i]);
    }
}

static void
count_cb (AskarovLetter *letter,
          guint         *count)
{
  (*count)++;
}

/* Every language file the app ships, not only the case's seven. */
static void
test_templates (void)
{
  g_auto(GStrv) languages = askarov_phrasebook_list_languages ();

  g_assert_cmpuint (g_strv_length (languages), >=, G_N_ELEMENTS (case_languages));
  for (guint i = 0; languages[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (both_states); k++)
      for (AskarovChannel channel = 0; channel < ASKAROV_N_LETTER_CHANNELS; channel++)
        {
          AskarovCaseState stage = both_states[k];
          g_autoptr(AskarovLetter) letter = make_letter (languages[i], ASKAROV_ROLE_MINISTER, stage);
          g_autofree char *text = NULL;
          g_autofree char *subject = NULL;

          askarov_letter_set_channel (letter, channel);
          text = askarov_letter_render_text (letter);
          subject = askarov_letter_dup_subject (letter);
          g_test_message ("%s %s %s", languages[i], askarov_case_state_to_id (stage), askarov_channel_to_id (channel));
          g_assert_cmpuint (askarov_letter_get_n_paragraphs (letter), >=, 2);
          g_assert_true (g_utf8_validate (text, -1, NULL));
          g_assert_cmpuint (strlen (text), >, 50);
          /* No placeholder reaches the reader. */
          g_assert_null (strchr (text, '{'));
          g_assert_null (strchr (subject, '{'));
          g_assert_nonnull (strstr (subject, "UA 135/10"));
        }
}

static void
test_render_letter (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("en", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_CASE_STATE_OPEN);
  g_autofree char *text = NULL;
  const char *copies[] = { "President Roza Otunbaeva", NULL };

  askarov_letter_set_sender (letter, "Anna Petrova", "12 Mill Lane", "Bristol", "United Kingdom");
  askarov_letter_set_recipient (letter, "Kubatbek Baibolov", "General Prosecutor",
                                "72, Orozbekova Street\nBishkek 720040, KYRGYZSTAN",
                                NULL, "+996 312 66 54 11", NULL);
  askarov_letter_set_copies_to (letter, copies);
  text = askarov_letter_render_text (letter);

  assert_in_order (text, (const char * const []) {
    "Anna Petrova\n12 Mill Lane\nBristol\nUnited Kingdom",
    "Kubatbek Baibolov\nGeneral Prosecutor\n72, Orozbekova Street\nBishkek 720040, KYRGYZSTAN",
    "Bristol, 25 November 2026",
    "Dear Prosecutor General,\n\nI am writing to you about Azimjan Askarov, who is being held in detention in Kyrgyzstan",
    "Yours sincerely,\n\nAnna Petrova",
    "Copies to: President Roza Otunbaeva",
    NULL });
  /* A letter is not a fax: no cover line. */
  g_assert_null (strstr (text, "FAX"));
}

static void
test_german_lower_case (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("de", ASKAROV_ROLE_MINISTER, ASKAROV_CASE_STATE_OPEN);
  g_autofree char *text = NULL;
  const char *first;

  askarov_letter_set_address_form (letter, ASKAROV_ADDRESS_FORM_MAN);
  askarov_letter_set_sender (letter, "Jonas Weber", "Lindenstraße 4", "Köln", NULL);
  text = askarov_letter_render_text (letter);
  first = askarov_letter_get_paragraph (letter, 0);

  /* After "Sehr geehrter Herr Minister," the letter continues in lower case. */
  g_assert_true (g_unichar_islower (g_utf8_get_char (first)));
  assert_in_order (text, (const char * const []) {
    "Köln, 25. November 2026",
    "Sehr geehrter Herr Minister,\n\nich schreibe",
    "Mit freundlichen Grüßen\n\nJonas Weber",
    NULL });
  g_assert_null (strstr (text, "Grüßen,"));
}

/* The five languages added last, line by line: salutation, closing and the
 * date line, for a president, a prosecutor general, an ambassador and a prison
 * head, a man, a woman and a holder whose sex is not known. */
static void
test_new_languages_exact_lines (void)
{
  static const struct
  {
    const char         *language;
    AskarovRole         role;
    AskarovAddressForm  form;
    const char         *salutation;
    const char         *closing;
  } lines[] = {
    { "pt", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_MAN, "Excelentíssimo Senhor Presidente da República,", "Com a mais elevada consideração," },
    { "pt", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_WOMAN, "Excelentíssima Senhora Presidente da República,", "Com a mais elevada consideração," },
    { "pt", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_UNKNOWN, "Excelência,", "Com a mais elevada consideração," },
    { "pt", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_MAN, "Senhor Procurador-Geral,", "Com elevada consideração," },
    { "pt", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_WOMAN, "Senhora Procuradora-Geral,", "Com elevada consideração," },
    { "pt", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN, "Excelência,", "Com elevada consideração," },
    { "pt", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_MAN, "Senhor Embaixador,", "Com a mais elevada consideração," },
    { "pt", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_WOMAN, "Senhora Embaixadora,", "Com a mais elevada consideração," },
    { "pt", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_UNKNOWN, "Excelência,", "Com a mais elevada consideração," },
    { "pt", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_MAN, "Senhor Diretor,", "Com os melhores cumprimentos," },
    { "pt", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_WOMAN, "Senhora Diretora,", "Com os melhores cumprimentos," },
    { "pt", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_UNKNOWN, "Exmos. Senhores,", "Com os melhores cumprimentos," },
    { "it", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_MAN, "Egregio Signor Presidente,", "Con osservanza" },
    { "it", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_WOMAN, "Gentile Signora Presidente,", "Con osservanza" },
    { "it", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_UNKNOWN, "Eccellenza,", "Con osservanza" },
    { "it", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_MAN, "Egregio Signor Procuratore Generale,", "Con osservanza" },
    { "it", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_WOMAN, "Gentile Signora Procuratrice Generale,", "Con osservanza" },
    { "it", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN, "Illustre Procuratore Generale,", "Con osservanza" },
    { "it", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_MAN, "Signor Ambasciatore,", "Con osservanza" },
    { "it", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_WOMAN, "Signora Ambasciatrice,", "Con osservanza" },
    { "it", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_UNKNOWN, "Eccellenza,", "Con osservanza" },
    { "it", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_MAN, "Egregio Signor Direttore,", "Distinti saluti" },
    { "it", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_WOMAN, "Gentile Signora Direttrice,", "Distinti saluti" },
    { "it", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_UNKNOWN, "Spettabile Direzione,", "Distinti saluti" },
    { "nl", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_MAN, "Mijnheer de President,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_WOMAN, "Mevrouw de President,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_UNKNOWN, "Excellentie,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_MAN, "Mijnheer de Procureur-Generaal,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_WOMAN, "Mevrouw de Procureur-Generaal,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN, "Geachte procureur-generaal,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_MAN, "Mijnheer de Ambassadeur,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_WOMAN, "Mevrouw de Ambassadeur,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_UNKNOWN, "Excellentie,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_MAN, "Geachte directeur,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_WOMAN, "Geachte directeur,", "Hoogachtend," },
    { "nl", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_UNKNOWN, "Geachte directeur,", "Hoogachtend," },
    { "pl", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_MAN, "Szanowny Panie Prezydencie,", "Z wyrazami szacunku" },
    { "pl", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_WOMAN, "Szanowna Pani Prezydent,", "Z wyrazami szacunku" },
    { "pl", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_UNKNOWN, "Ekscelencjo,", "Z wyrazami szacunku" },
    { "pl", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_MAN, "Szanowny Panie Prokuratorze,", "Z wyrazami szacunku" },
    { "pl", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_WOMAN, "Szanowna Pani Prokurator,", "Z wyrazami szacunku" },
    { "pl", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN, "Szanowny Panie Prokuratorze,", "Z wyrazami szacunku" },
    { "pl", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_MAN, "Szanowny Panie Ambasadorze,", "Z wyrazami szacunku" },
    { "pl", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_WOMAN, "Szanowna Pani Ambasador,", "Z wyrazami szacunku" },
    { "pl", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_UNKNOWN, "Ekscelencjo,", "Z wyrazami szacunku" },
    { "pl", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_MAN, "Szanowny Panie Dyrektorze,", "Z poważaniem" },
    { "pl", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_WOMAN, "Szanowna Pani Dyrektor,", "Z poważaniem" },
    { "pl", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_UNKNOWN, "Szanowny Panie Dyrektorze,", "Z poważaniem" },
    { "uk", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_MAN, "Шановний пане Президенте!", "З повагою" },
    { "uk", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_WOMAN, "Шановна пані Президентко!", "З повагою" },
    { "uk", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_UNKNOWN, "Ваша Високоповажносте!", "З повагою" },
    { "uk", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_MAN, "Шановний пане Генеральний прокуроре!", "З повагою" },
    { "uk", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_WOMAN, "Шановна пані Генеральна прокурорко!", "З повагою" },
    { "uk", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN, "Шановний пане Генеральний прокуроре!", "З повагою" },
    { "uk", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_MAN, "Шановний пане После!", "З повагою" },
    { "uk", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_WOMAN, "Шановна пані Посолко!", "З повагою" },
    { "uk", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_UNKNOWN, "Ваша Високоповажносте!", "З повагою" },
    { "uk", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_MAN, "Шановний пане Голово!", "З повагою" },
    { "uk", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_WOMAN, "Шановна пані Голово!", "З повагою" },
    { "uk", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_UNKNOWN, "Шановний пане Голово!", "З повагою" },
  };
  static const struct { const char *language; const char *city; const char *date_line; } dates[] = {
    { "pt", "Lisboa", "Lisboa, 25 de novembro de 2026" },
    { "it", "Roma", "Roma, 25 novembre 2026" },
    { "nl", "Utrecht", "Utrecht, 25 november 2026" },
    { "pl", "Kraków", "Kraków, 25 listopada 2026 r." },
    { "uk", "Київ", "Київ, 25 листопада 2026 р." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(AskarovLetter) letter = make_letter (lines[i].language, lines[i].role, ASKAROV_CASE_STATE_OPEN);
      g_autofree char *salutation = NULL;
      g_autofree char *closing = NULL;
      g_autofree char *date_line = NULL;
      g_autofree char *text = NULL;
      g_autofree char *opening = NULL;
      g_autofree char *ending = NULL;
      const char *date_expected = NULL;
      const char *first;

      for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
        if (g_str_equal (dates[d].language, lines[i].language))
          {
            askarov_letter_set_sender (letter, "Ewa Nowak", "Rua 1", dates[d].city, NULL);
            date_expected = dates[d].date_line;
          }
      g_assert_nonnull (date_expected);
      askarov_letter_set_address_form (letter, lines[i].form);
      salutation = askarov_letter_dup_salutation (letter);
      closing = askarov_letter_dup_closing (letter);
      date_line = askarov_letter_dup_date_text (letter);
      text = askarov_letter_render_text (letter);
      g_test_message ("%s %s %s", lines[i].language, askarov_role_to_id (lines[i].role),
                      askarov_address_form_to_id (lines[i].form));
      g_assert_cmpstr (salutation, ==, lines[i].salutation);
      g_assert_cmpstr (closing, ==, lines[i].closing);
      g_assert_cmpstr (date_line, ==, date_expected);
      opening = g_strconcat (lines[i].salutation, "\n\n", NULL);
      ending = g_strconcat (lines[i].closing, "\n\nEwa Nowak", NULL);
      assert_in_order (text, (const char * const []) { date_expected, opening, ending, NULL });
      /* Polish, like German, continues after the salutation's comma in lower case. */
      first = askarov_letter_get_paragraph (letter, 0);
      g_assert_cmpint (g_unichar_islower (g_utf8_get_char (first)), ==, g_str_equal (lines[i].language, "pl"));
    }
}

static void
test_french_override (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("fr", ASKAROV_ROLE_JUDGE, ASKAROV_CASE_STATE_OPEN);
  g_autofree char *closing = NULL;
  g_autofree char *salutation = NULL;

  askarov_letter_set_salutation_override (letter, "Monsieur le Juge,");
  salutation = askarov_letter_dup_salutation (letter);
  closing = askarov_letter_dup_closing (letter);
  g_assert_cmpstr (salutation, ==, "Monsieur le Juge,");
  /* The closing repeats the salutation the user chose. */
  g_assert_cmpstr (closing, ==, "Veuillez agréer, Monsieur le Juge, l’expression de mes sentiments respectueux.");

  askarov_letter_set_salutation_override (letter, "");
  g_clear_pointer (&salutation, g_free);
  salutation = askarov_letter_dup_salutation (letter);
  g_assert_cmpstr (salutation, ==, "Madame, Monsieur,");
}

static void
test_initials_and_town (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("ru", ASKAROV_ROLE_PRESIDENT, ASKAROV_CASE_STATE_OPEN);
  g_autofree char *text = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *call = NULL;

  askarov_letter_set_sender (letter, "Анна Мария Петрова", "ул. Ленина, 5", "Казань", "Россия");
  askarov_letter_set_signature (letter, ASKAROV_SIGNATURE_INITIALS_AND_TOWN);
  text = askarov_letter_render_text (letter);
  signature = askarov_letter_dup_signature_text (letter);
  call = askarov_letter_render_call (letter);

  g_assert_cmpstr (signature, ==, "А. М. П.\nКазань");
  /* Neither the full name nor the street appears anywhere. */
  g_assert_null (strstr (text, "Петрова"));
  g_assert_null (strstr (text, "Ленина"));
  g_assert_null (strstr (call, "Петрова"));
  /* A head of state gets the deeper closing (the phrasebook's rule by office). */
  g_assert_nonnull (strstr (text, "С глубоким уважением,\n\nА. М. П.\nКазань"));
  g_assert_cmpuint (strlen (askarov_signature_get_reason (ASKAROV_SIGNATURE_INITIALS_AND_TOWN)), >, 20);
}

static void
test_fax_and_email (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("en", ASKAROV_ROLE_MINISTER, ASKAROV_CASE_STATE_OPEN);
  g_autofree char *fax = NULL;
  g_autofree char *email = NULL;

  askarov_letter_set_sender (letter, "Anna Petrova", "12 Mill Lane", "Bristol", NULL);
  askarov_letter_set_recipient (letter, "Zarylbek Rysaliev", "Minister of Internal Affairs",
                                "Frunze Street, 469\nBishkek 720040, KYRGYZSTAN",
                                (const char * const []) { "pressa@mail.mvd.kg", NULL },
                                "+996 312 68 20 44", NULL);
  askarov_letter_set_channel (letter, ASKAROV_CHANNEL_FAX);
  fax = askarov_letter_render_text (letter);
  g_assert_true (g_str_has_prefix (fax, "FAX for the attention of Zarylbek Rysaliev, Minister of Internal Affairs\n"
                                        "Fax: +996 312 68 20 44\n\n"));
  g_assert_nonnull (strstr (fax, "Dear Minister,"));

  askarov_letter_set_channel (letter, ASKAROV_CHANNEL_EMAIL);
  email = askarov_letter_render_text (letter);
  /* An email starts with the salutation; postal blocks would be noise. */
  g_assert_true (g_str_has_prefix (email, "Dear Minister,\n\n"));
  g_assert_null (strstr (email, "Mill Lane"));
  g_assert_nonnull (strstr (email, "Yours sincerely,\n\nAnna Petrova"));
}

static void
test_generic_recipient (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("fr", ASKAROV_ROLE_MINISTER, ASKAROV_CASE_STATE_OPEN);
  g_autofree char *block = NULL;
  g_autofree char *cover = NULL;

  /* No target named: the office is named in the letter's language, also on the fax cover. */
  block = askarov_letter_dup_recipient_block (letter);
  cover = askarov_letter_dup_fax_cover (letter);
  g_assert_cmpstr (block, ==, "Ministre de l’Intérieur de la République kirghize");
  g_assert_cmpstr (cover, ==, "TÉLÉCOPIE à l’attention de\u00a0: Ministre de l’Intérieur de la République kirghize");

  /* Where the office's name follows the holder's sex, so does the block. */
  askarov_letter_set_role (letter, ASKAROV_ROLE_AMBASSADOR);
  askarov_letter_set_address_form (letter, ASKAROV_ADDRESS_FORM_WOMAN);
  g_clear_pointer (&block, g_free);
  block = askarov_letter_dup_recipient_block (letter);
  g_assert_cmpstr (block, ==, "Ambassadrice de la République kirghize");
  askarov_letter_set_address_form (letter, ASKAROV_ADDRESS_FORM_UNKNOWN);
  g_clear_pointer (&block, g_free);
  block = askarov_letter_dup_recipient_block (letter);
  g_assert_cmpstr (block, ==, "Ambassadeur de la République kirghize");

  /* A title the letter cannot place keeps the document's words. */
  askarov_letter_set_role (letter, ASKAROV_ROLE_OFFICIAL);
  askarov_letter_set_recipient (letter, "Jane Doe", "Ombudsperson", NULL, NULL, NULL, NULL);
  g_clear_pointer (&block, g_free);
  block = askarov_letter_dup_recipient_block (letter);
  g_assert_cmpstr (block, ==, "Jane Doe\nOmbudsperson");
}

static void
test_post_cyrillic (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("ru", ASKAROV_ROLE_PRESIDENT, ASKAROV_CASE_STATE_OPEN);
  g_autofree char *post = NULL;

  askarov_letter_set_recipient (letter, "Sooronbay Jeenbekov", "President of Kyrgyzstan", NULL, NULL, NULL,
                                (const char * const []) { "@kyrgyzpresident", "@PresidentKyrgyzRepublic", NULL });
  askarov_letter_set_channel (letter, ASKAROV_CHANNEL_POST);
  post = askarov_letter_render_post (letter);

  g_assert_true (g_str_has_prefix (post, "@kyrgyzpresident "));
  /* Counted in characters, not bytes: Cyrillic takes two bytes a letter. */
  g_assert_cmpuint (g_utf8_strlen (post, -1), <=, ASKAROV_POST_MAX_CHARS);
  g_assert_true (g_utf8_validate (post, -1, NULL));
  g_assert_nonnull (strstr (post, "Обращаюсь"));
}

static void
test_post_trimmed (void)
{
  g_autoptr(AskarovLetter) letter = askarov_letter_new ("ru", ASKAROV_ROLE_PRESIDENT);
  g_autoptr(GString) person = g_string_new (NULL);
  g_autofree char *post = NULL;

  /* A long name pushes the post over the limit. */
  for (guint i = 0; i < 40; i++)
    g_string_append (person, "Правозащитница ");
  g_string_append (person, "Фамилия");
  {
    g_autoptr(AskarovLetterCase) c = make_case (ASKAROV_CASE_STATE_OPEN);

    g_strfreev (c->persons);
    c->persons = g_strdupv ((char *[]) { person->str, NULL });
    askarov_letter_set_letter_case (letter, c);
  }
  askarov_letter_set_recipient (letter, NULL, NULL, NULL, NULL, NULL, (const char * const []) { "@official", NULL });
  post = askarov_letter_render_post (letter);

  g_assert_true (g_utf8_validate (post, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (post, -1), <=, ASKAROV_POST_MAX_CHARS);
  g_assert_cmpuint (g_utf8_strlen (post, -1), >, ASKAROV_POST_MAX_CHARS / 2);
  g_assert_true (g_str_has_suffix (post, "…"));
  /* Cut between words, never inside one. */
  g_assert_true (g_str_has_suffix (post, "Правозащитница…"));
  g_assert_true (g_str_has_prefix (post, "@official "));
}

static GHashTable *
parse_mailto (const char  *uri,
              char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, &error);
  GHashTable *params;

  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (parsed), ==, "mailto");
  *path = g_strdup (g_uri_get_path (parsed));
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  return params;
}

static void
test_mailto (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("ru", ASKAROV_ROLE_MINISTER, ASKAROV_CASE_STATE_OPEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *expected_body = NULL;
  g_autofree char *expected_crlf = NULL;
  g_autoptr(GRegex) newline = g_regex_new ("\n", 0, 0, NULL);
  AskarovMailtoDropped dropped = ASKAROV_MAILTO_DROPPED_COPIES;
  const char *body;

  /* A case name made to smuggle a header in through the subject. */
  {
    g_autoptr(AskarovLetterCase) c = make_case (ASKAROV_CASE_STATE_OPEN);

    g_strfreev (c->persons);
    c->persons = g_strdupv ((char *[]) { "x&bcc=evil@example.org", NULL });
    g_clear_pointer (&c->reference, g_free);
    askarov_letter_set_letter_case (letter, c);
  }
  askarov_letter_set_paragraphs (letter, (const char * const []) {
    "Первый абзац: права & свобода = #1?", "Второй\nабзац с переносом строки.", NULL });
  askarov_letter_set_sender (letter, "Анна", NULL, NULL, NULL);
  askarov_letter_set_recipient (letter, NULL, NULL, NULL,
                                (const char * const []) { "pressa@mail.mvd.kg", "a+b@example.org", NULL },
                                NULL, NULL);
  askarov_letter_set_channel (letter, ASKAROV_CHANNEL_EMAIL);
  uri = askarov_letter_build_mailto (letter, 0, &dropped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dropped, ==, ASKAROV_MAILTO_DROPPED_NONE);
  g_test_message ("%s", uri);

  /* Escaped per RFC 6068: "@" kept in addresses, "+" and spaces encoded, no raw Cyrillic. */
  g_assert_true (g_str_has_prefix (uri, "mailto:pressa@mail.mvd.kg,a%2Bb@example.org?subject="));
  g_assert_null (strchr (uri, ' '));
  g_assert_null (strchr (uri, '+'));
  g_assert_null (strchr (uri, '#'));
  for (const char *p = uri; *p != '\0'; p++)
    g_assert_cmpint ((guchar) *p, <, 0x80);
  g_assert_nonnull (strstr (uri, "%0D%0A"));

  params = parse_mailto (uri, &path);
  g_assert_cmpstr (path, ==, "pressa@mail.mvd.kg,a+b@example.org");
  subject = askarov_letter_dup_subject (letter);
  g_assert_cmpstr (g_hash_table_lookup (params, "subject"), ==, subject);
  /* The name in the letter's script, its "&" and "=" still in it. */
  g_assert_nonnull (strstr (subject, "кс&бкк=эвил@эксампле.орг"));
  g_assert_false (g_hash_table_contains (params, "bcc"));
  g_assert_cmpuint (g_hash_table_size (params), ==, 2);

  body = g_hash_table_lookup (params, "body");
  expected_body = askarov_letter_render_text (letter);
  g_strchomp (expected_body);
  expected_crlf = g_regex_replace_literal (newline, expected_body, -1, 0, "\r\n", 0, NULL);
  g_assert_cmpstr (body, ==, expected_crlf);
  g_assert_nonnull (strstr (body, "права & свобода = #1?"));
  g_assert_nonnull (strstr (body, "Второй\r\nабзац"));
}

static void
test_mailto_bad_address (void)
{
  static const char * const bad[] = {
    "evil@example.org\r\nBcc: victim@example.org",
    "with space@example.org",
    "tab\t@example.org",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(AskarovLetter) letter = make_letter ("en", ASKAROV_ROLE_MINISTER, ASKAROV_CASE_STATE_OPEN);
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = NULL;

      askarov_letter_set_recipient (letter, NULL, NULL, NULL, (const char * const []) { bad[i], NULL }, NULL, NULL);
      uri = askarov_letter_build_mailto (letter, 0, NULL, &error);
      g_assert_null (uri);
      g_assert_error (error, ASKAROV_LETTER_ERROR, ASKAROV_LETTER_ERROR_BAD_ADDRESS);
    }
}

static void
test_mailto_cap (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("ru", ASKAROV_ROLE_MINISTER, ASKAROV_CASE_STATE_OPEN);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *small = NULL;
  AskarovMailtoDropped dropped = ASKAROV_MAILTO_DROPPED_NONE;

  askarov_letter_set_recipient (letter, NULL, NULL, NULL,
                                (const char * const []) { "pisma@mail.gov.kg", "oip@adm.gov.kg", NULL },
                                NULL, NULL);
  /* A Russian letter of a few paragraphs is far longer than 2,000 bytes once percent-encoded. */
  {
    g_autoptr(GString) long_paragraph = g_string_new (NULL);

    for (guint i = 0; i < 12; i++)
      g_string_append (long_paragraph, "Прошу Вас обеспечить соблюдение его прав и свобод. ");
    askarov_letter_set_paragraphs (letter, (const char * const []) { long_paragraph->str, long_paragraph->str, NULL });
  }
  uri = askarov_letter_build_mailto (letter, 0, &dropped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (uri), <=, ASKAROV_MAILTO_MAX_BYTES);
  g_assert_true (dropped & ASKAROV_MAILTO_DROPPED_BODY);
  g_assert_false (dropped & ASKAROV_MAILTO_DROPPED_COPIES);
  g_assert_null (strstr (uri, "body="));
  g_assert_nonnull (strstr (uri, "subject="));
  g_assert_true (g_str_has_prefix (uri, "mailto:pisma@mail.gov.kg,oip@adm.gov.kg?"));

  /* A tiny cap also drops the second address. */
  small = askarov_letter_build_mailto (letter, 60, &dropped, &error);
  g_assert_no_error (error);
  g_assert_true (dropped & ASKAROV_MAILTO_DROPPED_COPIES);
  g_assert_true (g_str_has_prefix (small, "mailto:pisma@mail.gov.kg?subject="));
}

static const AskarovAskCheck *
find_check (GPtrArray  *checks,
            const char *request)
{
  for (guint i = 0; i < checks->len; i++)
    {
      AskarovAskCheck *check = g_ptr_array_index (checks, i);

      if (g_strcmp0 (check->request, request) == 0)
        return check;
    }
  g_error ("request %s not in the checklist", request);
  return NULL;
}

static void
test_checklist (void)
{
  g_auto(GStrv) languages = askarov_phrasebook_list_languages ();

  for (guint i = 0; languages[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (both_states); k++)
      {
        g_autoptr(AskarovLetter) letter = make_letter (languages[i], ASKAROV_ROLE_MINISTER, both_states[k]);
        g_autoptr(GPtrArray) checks = askarov_letter_check_asks (letter);

        g_assert_cmpuint (checks->len, >=, 1);
        /* The letter as built makes every request the minister can grant. */
        for (guint j = 0; j < checks->len; j++)
          {
            AskarovAskCheck *check = g_ptr_array_index (checks, j);

            if (check->fits_role && check->request != NULL && !check->covered)
              g_error ("%s %s: the letter does not make %s", languages[i],
                       askarov_case_state_to_id (both_states[k]), check->request);
            g_assert_nonnull (check->label);
          }
      }
}

static void
test_checklist_follows_edits (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("en", ASKAROV_ROLE_MINISTER, ASKAROV_CASE_STATE_OPEN);
  g_autoptr(AskarovLetterCase) died = make_case (ASKAROV_CASE_STATE_DIED);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GPtrArray) posthumous = NULL;
  g_autofree char *release = askarov_request_dup_text ("release", "en", ASKAROV_ROLE_MINISTER, "Azimjan Askarov");

  askarov_letter_set_paragraphs (letter, (const char * const []) { "I am writing about Mr Askarov.", NULL });
  none = askarov_letter_check_asks (letter);
  g_assert_false (find_check (none, "release")->covered);
  g_assert_false (find_check (none, "medical-care")->covered);

  askarov_letter_set_paragraph (letter, 1, release);
  some = askarov_letter_check_asks (letter);
  g_assert_true (find_check (some, "release")->covered);
  g_assert_false (find_check (some, "medical-care")->covered);

  /* After his death the asks change: no release any more. */
  askarov_letter_set_letter_case (letter, died);
  posthumous = askarov_letter_check_asks (letter);
  g_assert_false (find_check (posthumous, "investigate-death")->covered);
  for (guint i = 0; i < posthumous->len; i++)
    g_assert_cmpstr (((AskarovAskCheck *) g_ptr_array_index (posthumous, i))->request, !=, "release");
}

/* An ask the bank cannot place stays in the UA's words, as a sentence, and is flagged. */
static void
test_unknown_ask_as_sentence (void)
{
  g_autoptr(AskarovLetter) letter = askarov_letter_new ("de", ASKAROV_ROLE_MINISTER);
  g_autoptr(AskarovLetterCase) c = make_case (ASKAROV_CASE_STATE_OPEN);
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *body = NULL;
  gboolean flagged = FALSE;

  g_strfreev (c->asks);
  c->asks = g_strdupv ((char *[]) { "publish the names of every guard on duty that night;", NULL });
  askarov_letter_set_letter_case (letter, c);
  body = askarov_letter_dup_body (letter);
  g_assert_nonnull (strstr (body, "Publish the names of every guard on duty that night."));
  checks = askarov_letter_check_asks (letter);
  for (guint i = 0; i < checks->len; i++)
    {
      AskarovAskCheck *check = g_ptr_array_index (checks, i);

      if (check->request == NULL)
        flagged = check->needs_rewrite && check->covered;
    }
  g_assert_true (flagged);
  /* The volunteer rewrote it: no longer flagged. */
  askarov_letter_set_body (letter, "Sehr geehrter Herr Minister, bitte nennen Sie die Wachleute.");
  g_clear_pointer (&checks, g_ptr_array_unref);
  checks = askarov_letter_check_asks (letter);
  for (guint i = 0; i < checks->len; i++)
    g_assert_false (((AskarovAskCheck *) g_ptr_array_index (checks, i))->needs_rewrite);
}

static void
test_body_roundtrip (void)
{
  g_autoptr(AskarovLetter) letter = askarov_letter_new ("en", ASKAROV_ROLE_MINISTER);
  g_autofree char *body = NULL;

  askarov_letter_set_body (letter, "  First line\nsame paragraph.\n\n\n  Second.  \r\n\r\nThird.\n\n");
  g_assert_cmpuint (askarov_letter_get_n_paragraphs (letter), ==, 3);
  g_assert_cmpstr (askarov_letter_get_paragraph (letter, 0), ==, "First line\nsame paragraph.");
  g_assert_cmpstr (askarov_letter_get_paragraph (letter, 1), ==, "Second.");
  body = askarov_letter_dup_body (letter);
  g_assert_cmpstr (body, ==, "First line\nsame paragraph.\n\nSecond.\n\nThird.");
}

static void
test_language_switch (void)
{
  g_autoptr(AskarovLetter) fresh = make_letter ("en", ASKAROV_ROLE_MINISTER, ASKAROV_CASE_STATE_OPEN);
  g_autoptr(AskarovLetter) edited = make_letter ("en", ASKAROV_ROLE_MINISTER, ASKAROV_CASE_STATE_OPEN);

  /* An untouched letter follows the language… */
  askarov_letter_set_language (fresh, "ru");
  g_assert_true (g_str_has_prefix (askarov_letter_get_paragraph (fresh, 0), "Обращаюсь"));

  /* …but the user's words are never thrown away behind their back. */
  askarov_letter_set_paragraph (edited, 0, "My own words.");
  askarov_letter_set_language (edited, "ru");
  g_assert_cmpstr (askarov_letter_get_paragraph (edited, 0), ==, "My own words.");
  askarov_letter_reset_paragraphs (edited);
  g_assert_true (g_str_has_prefix (askarov_letter_get_paragraph (edited, 0), "Обращаюсь"));
}

static void
test_changed_signal (void)
{
  g_autoptr(AskarovLetter) letter = askarov_letter_new ("en", ASKAROV_ROLE_MINISTER);
  guint count = 0;

  g_signal_connect (letter, "changed", G_CALLBACK (count_cb), &count);
  askarov_letter_set_role (letter, ASKAROV_ROLE_MINISTER);
  g_assert_cmpuint (count, ==, 0);
  askarov_letter_set_role (letter, ASKAROV_ROLE_PRESIDENT);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (letter, "sender-city", "Bristol", NULL);
  g_assert_cmpuint (count, ==, 2);
  g_object_set (letter, "sender-city", "Bristol", NULL);
  g_assert_cmpuint (count, ==, 2);
  askarov_letter_set_paragraph (letter, 0, askarov_letter_get_paragraph (letter, 0));
  g_assert_cmpuint (count, ==, 2);
}

static void
test_copy (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("fr", ASKAROV_ROLE_AMBASSADOR, ASKAROV_CASE_STATE_DIED);
  g_autoptr(AskarovLetter) copy = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  askarov_letter_set_sender (letter, "Claire Martin", "3 rue des Lilas", "Lyon", "France");
  askarov_letter_set_paragraph (letter, 1, "Un paragraphe à moi.");
  askarov_letter_set_copies_to (letter, (const char * const []) { "Ministre de l’Intérieur", NULL });
  copy = askarov_letter_copy (letter);
  a = askarov_letter_render_text (letter);
  b = askarov_letter_render_text (copy);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "Lyon, le 25 novembre 2026"));
  g_assert_nonnull (strstr (a, "Copies\u00a0: Ministre de l’Intérieur"));
}


/* An Urgent Action of our own: a form of address from an honorific ("Ms",
 * "Frau", "M."), from pronouns, from the UA's salutation, or none. */
static const char form_ua[] =
  "UA: 12/26 Index: EUR 99/2222/2026 Norland Date: 3 March 2026\n"
  "URGENT ACTION\n"
  "TEACHER HELD AFTER A PEACEFUL MARCH\n"
  "\n"
  "Teacher Mira Holt was arrested in Norburg on 1 March after she walked in a peaceful march.\n"
  "She is held without charge and has not been allowed to see a lawyer.\n"
  "\n"
  "PLEASE SEND APPEALS BEFORE 14 APRIL 2026 TO:\n"
  "President of the Republic of Norland\n"
  "Karl Dorn\n"
  "1 Palace Square, Norburg 1000\n"
  "Salutation: Dear Mr President\n"
  "\n"
  "Prosecutor General\n"
  "Ms Anna Lind\n"
  "3 Court Square, Norburg 1002\n"
  "Salutation: Dear Prosecutor General\n"
  "\n"
  "Minister of Justice\n"
  "Lena Marsh (she/her)\n"
  "5 Law Street, Norburg 1003\n"
  "Salutation: Dear Minister\n"
  "\n"
  "Ambassador\n"
  "Frau Greta Sand\n"
  "Embassy of Norland, 12 Green Lane, London W8 1AA\n"
  "Salutation: Dear Ambassador\n"
  "\n"
  "Head of the State Penitentiary Service\n"
  "M. Paul Lenoir\n"
  "7 Gate Road, Norburg 1004\n"
  "Salutation: Dear Director\n"
  "\n"
  "Chair of the Supreme Court\n"
  "Jon Vik\n"
  "9 Court Lane, Norburg 1005\n"
  "Salutation: Dear Chairperson\n";

static void
test_form_from_ua (void)
{
  static const struct
  {
    const char         *name;
    AskarovAddressForm  form;
    const char         *ru;
    const char         *de;
  } expected[] = {
    { "Karl Dorn", ASKAROV_ADDRESS_FORM_MAN, "Уважаемый господин Президент!", "Sehr geehrter Herr Präsident," },
    { "Anna Lind", ASKAROV_ADDRESS_FORM_WOMAN, "Уважаемая госпожа Генеральный прокурор!",
      "Sehr geehrte Frau Generalstaatsanwältin," },
    { "Lena Marsh", ASKAROV_ADDRESS_FORM_WOMAN, "Уважаемая госпожа Министр!", "Sehr geehrte Frau Ministerin," },
    { "Greta Sand", ASKAROV_ADDRESS_FORM_WOMAN, "Уважаемая госпожа Посол!", "Sehr geehrte Frau Botschafterin," },
    { "Paul Lenoir", ASKAROV_ADDRESS_FORM_MAN, "Уважаемый господин Председатель!", "Sehr geehrter Herr Direktor," },
    /* Nothing in the UA: the letter does not guess. */
    { "Jon Vik", ASKAROV_ADDRESS_FORM_UNKNOWN, "Уважаемый господин Председатель суда!",
      "Sehr geehrte Damen und Herren," },
  };
  g_autoptr(AskarovFacts) facts = askarov_extract (form_ua);
  g_autoptr(AskarovLetterCase) c = askarov_letter_case_new_from_facts (facts, 0, 0);
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    for (guint t = 0; t < c->targets->len; t++)
      {
        const AskarovTarget *official = g_ptr_array_index (c->targets, t);
        g_autoptr(AskarovLetter) ru = NULL;
        g_autoptr(AskarovLetter) de = NULL;
        g_autofree char *ru_salutation = NULL;
        g_autofree char *de_salutation = NULL;

        if (g_strcmp0 (official->name, expected[i].name) != 0)
          continue;
        g_test_message ("%s", official->name);
        ru = askarov_letter_new_for_case (c, official, "ru", ASKAROV_CHANNEL_LETTER, NULL, NULL);
        de = askarov_letter_new_for_case (c, official, "de", ASKAROV_CHANNEL_LETTER, NULL, NULL);
        g_assert_cmpint (askarov_letter_get_address_form (ru), ==, expected[i].form);
        g_assert_cmpint (askarov_letter_get_ua_address_form (ru), ==, expected[i].form);
        ru_salutation = askarov_letter_dup_salutation (ru);
        de_salutation = askarov_letter_dup_salutation (de);
        g_assert_cmpstr (ru_salutation, ==, expected[i].ru);
        g_assert_cmpstr (de_salutation, ==, expected[i].de);
        found++;
      }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
}

/* Facts saved before the extractor read forms still have the UA's salutation. */
static void
test_form_from_salutation (void)
{
  static const struct
  {
    const char         *salutation;
    const char         *address_form;
    AskarovAddressForm  form;
  } cases[] = {
    { "Dear Mr President", NULL, ASKAROV_ADDRESS_FORM_MAN },
    { "Sehr geehrte Frau Ministerin", NULL, ASKAROV_ADDRESS_FORM_WOMAN },
    { "Monsieur le Procureur général", NULL, ASKAROV_ADDRESS_FORM_MAN },
    { "Уважаемая госпожа Посол", NULL, ASKAROV_ADDRESS_FORM_WOMAN },
    { "Dear Sir or Madam", NULL, ASKAROV_ADDRESS_FORM_UNKNOWN },
    { "Dear Minister", NULL, ASKAROV_ADDRESS_FORM_UNKNOWN },
    { NULL, NULL, ASKAROV_ADDRESS_FORM_UNKNOWN },
    /* The extractor's reading of the name line comes first. */
    { "Dear Mr President", "woman", ASKAROV_ADDRESS_FORM_WOMAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovTarget) target = askarov_target_new ();

      target->salutation = g_strdup (cases[i].salutation);
      target->address_form = g_strdup (cases[i].address_form);
      g_assert_cmpint (askarov_letter_form_from_target (target), ==, cases[i].form);
    }
  g_assert_cmpint (askarov_letter_form_from_target (NULL), ==, ASKAROV_ADDRESS_FORM_UNKNOWN);
}

/* Without an honorific, pronoun or salutation, a patronymic in the name tells
 * the form; a surname alone never does. */
static void
test_form_from_patronymic (void)
{
  static const struct
  {
    const char         *name;
    const char         *salutation;
    AskarovAddressForm  form;
  } cases[] = {
    { "Bolot Isakovich Otunbaev", NULL, ASKAROV_ADDRESS_FORM_MAN },
    { "Roza Isakovna Otunbaeva", NULL, ASKAROV_ADDRESS_FORM_WOMAN },
    { "Болот Исакович Отунбаев", NULL, ASKAROV_ADDRESS_FORM_MAN },
    { "Sooronbay Jeenbekov", NULL, ASKAROV_ADDRESS_FORM_UNKNOWN },
    { "Roza Otunbaeva", NULL, ASKAROV_ADDRESS_FORM_UNKNOWN },
    /* The UA's own salutation comes first. */
    { "Bolot Isakovich Otunbaev", "Dear Madam Ambassador", ASKAROV_ADDRESS_FORM_WOMAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovTarget) target = askarov_target_new ();

      target->name = g_strdup (cases[i].name);
      target->salutation = g_strdup (cases[i].salutation);
      g_assert_cmpint (askarov_letter_form_from_target (target), ==, cases[i].form);
    }
}

/* The salutation follows the office the title names, and the name style when chosen. */
static void
test_office_and_name_style (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("ru", ASKAROV_ROLE_PRISON_HEAD, ASKAROV_CASE_STATE_OPEN);
  g_autoptr(AskarovLetter) chair = make_letter ("ru", ASKAROV_ROLE_PRIME_MINISTER, ASKAROV_CASE_STATE_OPEN);
  g_autoptr(AskarovSalutation) by_name = NULL;
  g_autoptr(AskarovSalutation) info = NULL;
  g_autofree char *text = NULL;
  char *salutation;

  askarov_letter_set_recipient (letter, "Бакыт Токтогулович Сыдыков", "Head of Penal Colony No. 47",
                                NULL, NULL, NULL, NULL);
  askarov_letter_set_address_form (letter, ASKAROV_ADDRESS_FORM_MAN);
  salutation = askarov_letter_dup_salutation (letter);
  g_assert_cmpstr (salutation, ==, "Уважаемый господин начальник колонии!");
  g_free (salutation);

  /* Offered, not chosen: the letter keeps the office's salutation until asked. */
  by_name = askarov_letter_dup_name_salutation (letter);
  g_assert_cmpstr (by_name->salutation, ==, "Уважаемый Бакыт Токтогулович!");
  g_assert_cmpint (askarov_letter_get_salutation_style (letter), ==, ASKAROV_SALUTATION_STYLE_TITLE);
  askarov_letter_set_salutation_style (letter, ASKAROV_SALUTATION_STYLE_NAME);
  text = askarov_letter_render_text (letter);
  g_assert_nonnull (strstr (text, "Уважаемый Бакыт Токтогулович!"));
  g_assert_null (strstr (text, "начальник колонии!"));
  info = askarov_letter_dup_salutation_info (letter);
  g_assert_cmpint (info->style, ==, ASKAROV_SALUTATION_STYLE_NAME);

  /* A Latin-script name is written in Cyrillic first, patronymic and all. */
  askarov_letter_set_recipient (letter, "Bakyt Toktogulovich Sydykov", "Head of Penal Colony No. 47",
                                NULL, NULL, NULL, NULL);
  g_clear_pointer (&by_name, askarov_salutation_free);
  by_name = askarov_letter_dup_name_salutation (letter);
  g_assert_nonnull (by_name);
  g_assert_cmpstr (by_name->salutation, ==, "Уважаемый Бакыт Токтогулович!");
  /* Without a patronymic, the office's salutation. */
  askarov_letter_set_recipient (letter, "Bakyt Sydykov", "Head of Penal Colony No. 47",
                                NULL, NULL, NULL, NULL);
  g_assert_null (askarov_letter_dup_name_salutation (letter));
  salutation = askarov_letter_dup_salutation (letter);
  g_assert_cmpstr (salutation, ==, "Уважаемый господин начальник колонии!");
  g_free (salutation);

  /* No title: the office the recipient block names (the Kyrgyz Cabinet's chair). */
  askarov_letter_set_address_form (chair, ASKAROV_ADDRESS_FORM_WOMAN);
  salutation = askarov_letter_dup_salutation (chair);
  g_assert_cmpstr (salutation, ==, "Уважаемая госпожа Председатель Кабинета министров!");
  g_free (salutation);
}

/* Issue 12: the recipient block as the letter's language writes it, the
 * name in its script until the user confirms a spelling, and the fax cover
 * and copies line in the letter's language. */
static void
test_recipient_in_language (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("ru", ASKAROV_ROLE_PRESIDENT, ASKAROV_CASE_STATE_OPEN);
  g_autofree char *block = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *copies = NULL;
  g_autofree char *local = NULL;

  askarov_letter_set_recipient (letter, "Sooronbay Sharipovich Jeenbekov", "President of Kyrgyzstan",
                                "Chui Avenue 205\nBishkek 720003", NULL, "+996 312 62 70 04", NULL);
  askarov_letter_set_address_form (letter, ASKAROV_ADDRESS_FORM_MAN);
  askarov_letter_set_copies_to (letter, NULL);
  block = askarov_letter_dup_recipient_block (letter);
  g_assert_cmpstr (block, ==, "Президенту Кыргызской Республики\nС. Ш. Жээнбекову\nChui Avenue 205\nBishkek 720003");
  g_assert_true (askarov_letter_get_name_needs_check (letter));
  g_assert_false (askarov_letter_get_title_needs_translation (letter));
  local = askarov_letter_dup_recipient_name_local (letter);
  g_assert_cmpstr (local, ==, "Сооронбай Шарипович Жээнбеков");

  askarov_letter_set_channel (letter, ASKAROV_CHANNEL_FAX);
  cover = askarov_letter_dup_fax_cover (letter);
  g_assert_cmpstr (cover, ==, "ФАКС. Кому: Президенту Кыргызской Республики С. Ш. Жээнбекову\nФакс: +996 312 62 70 04");

  /* A confirmed spelling replaces the transliteration, and the check is done. */
  askarov_letter_set_recipient_name_local (letter, "Сооронбай Шарипович Жээнбеков");
  g_assert_false (askarov_letter_get_name_needs_check (letter));
  g_clear_pointer (&block, g_free);
  askarov_letter_set_recipient_name_local (letter, "Жээнбеков Сооронбай Шарипович");
  block = askarov_letter_dup_recipient_block (letter);
  g_assert_true (g_str_has_prefix (block, "Президенту Кыргызской Республики\nС. Ш. Жээнбекову\n"));

  /* Kyrgyz is Cyrillic too: the spelling stays; German is not: it goes. */
  askarov_letter_set_language (letter, "ky");
  g_assert_cmpstr (askarov_letter_get_recipient_name_local (letter), ==, "Жээнбеков Сооронбай Шарипович");
  g_clear_pointer (&block, g_free);
  block = askarov_letter_dup_recipient_block (letter);
  g_assert_true (g_str_has_prefix (block, "Кыргыз Республикасынын Президенти\nС. Ш. Жээнбековго\n"));
  askarov_letter_set_language (letter, "de");
  g_assert_null (askarov_letter_get_recipient_name_local (letter));
  g_assert_false (askarov_letter_get_name_needs_check (letter));
  g_clear_pointer (&block, g_free);
  block = askarov_letter_dup_recipient_block (letter);
  g_assert_true (g_str_has_prefix (block, "Seiner Exzellenz\nHerrn Sooronbay Jeenbekov\nPräsident der Kirgisischen Republik\n"));

  /* Another official: a spelling confirmed for the last one does not carry over. */
  askarov_letter_set_language (letter, "ru");
  askarov_letter_set_recipient_name_local (letter, "Сооронбай Жээнбеков");
  g_object_set (letter, "recipient-name", "Roza Otunbaeva", NULL);
  g_assert_null (askarov_letter_get_recipient_name_local (letter));

  /* Copies given as text are shown as given. */
  askarov_letter_set_copies_to (letter, (const char * const []) { "Roza Otunbaeva, President", NULL });
  copies = askarov_letter_dup_copies_line (letter);
  g_assert_cmpstr (copies, ==, "Копии: Roza Otunbaeva, President");
}

static void
test_typed_title_kept (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("ru", ASKAROV_ROLE_MINISTER, ASKAROV_CASE_STATE_OPEN);
  g_autofree char *block = NULL;

  /* The phrasebook's minister is the Interior minister: a Minister of Justice keeps the title. */
  askarov_letter_set_recipient (letter, "Ayaz Baetov", "Minister of Justice", NULL, NULL, NULL, NULL);
  askarov_letter_set_address_form (letter, ASKAROV_ADDRESS_FORM_MAN);
  block = askarov_letter_dup_recipient_block (letter);
  g_assert_cmpstr (block, ==, "Minister of Justice\nА. Баетову");
  g_assert_true (askarov_letter_get_title_needs_translation (letter));

  /* The same office: the phrasebook's name for it. */
  askarov_letter_set_recipient (letter, "Ulan Niyazbekov", "Minister of Internal Affairs", NULL, NULL, NULL, NULL);
  g_clear_pointer (&block, g_free);
  block = askarov_letter_dup_recipient_block (letter);
  g_assert_cmpstr (block, ==, "Министру внутренних дел Кыргызской Республики\nУ. Ниязбекову");
  g_assert_false (askarov_letter_get_title_needs_translation (letter));

  /* An ambassador keeps the host country. */
  askarov_letter_set_role (letter, ASKAROV_ROLE_AMBASSADOR);
  askarov_letter_set_recipient (letter, "Ulan Djusupov", "Ambassador of Kyrgyzstan to the United Kingdom",
                                NULL, NULL, NULL, NULL);
  g_clear_pointer (&block, g_free);
  block = askarov_letter_dup_recipient_block (letter);
  g_assert_cmpstr (block, ==, "Ambassador of Kyrgyzstan to the United Kingdom\nУ. Джусупову");
  g_assert_true (askarov_letter_get_title_needs_translation (letter));

  /* English letters keep an English title as the Urgent Action gave it. */
  askarov_letter_set_language (letter, "en");
  g_assert_false (askarov_letter_get_title_needs_translation (letter));
}

static void
test_persons_in_script (void)
{
  g_autoptr(AskarovLetter) letter = make_letter ("ru", ASKAROV_ROLE_PRESIDENT, ASKAROV_CASE_STATE_OPEN);
  g_autofree char *subject = NULL;
  g_autofree char *call = NULL;

  subject = askarov_letter_dup_subject (letter);
  g_assert_nonnull (strstr (subject, "Азимжан Аскаров"));
  g_assert_null (strstr (subject, "Azimjan"));
  call = askarov_letter_render_call (letter);
  g_assert_nonnull (strstr (call, "Азимжан Аскаров"));
  g_assert_null (strstr (call, "Azimjan"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/letter/templates", test_templates);
  g_test_add_func ("/letter/render-letter", test_render_letter);
  g_test_add_func ("/letter/german-lower-case", test_german_lower_case);
  g_test_add_func ("/letter/new-languages-exact-lines", test_new_languages_exact_lines);
  g_test_add_func ("/letter/french-override", test_french_override);
  g_test_add_func ("/letter/initials-and-town", test_initials_and_town);
  g_test_add_func ("/letter/fax-and-email", test_fax_and_email);
  g_test_add_func ("/letter/generic-recipient", test_generic_recipient);
  g_test_add_func ("/letter/post-cyrillic", test_post_cyrillic);
  g_test_add_func ("/letter/post-trimmed", test_post_trimmed);
  g_test_add_func ("/letter/mailto", test_mailto);
  g_test_add_func ("/letter/mailto-bad-address", test_mailto_bad_address);
  g_test_add_func ("/letter/mailto-cap", test_mailto_cap);
  g_test_add_func ("/letter/checklist", test_checklist);
  g_test_add_func ("/letter/checklist-follows-edits", test_checklist_follows_edits);
  g_test_add_func ("/letter/unknown-ask-as-sentence", test_unknown_ask_as_sentence);
  g_test_add_func ("/letter/body-roundtrip", test_body_roundtrip);
  g_test_add_func ("/letter/language-switch", test_language_switch);
  g_test_add_func ("/letter/changed-signal", test_changed_signal);
  g_test_add_func ("/letter/copy", test_copy);
  g_test_add_func ("/letter/form-from-ua", test_form_from_ua);
  g_test_add_func ("/letter/form-from-salutation", test_form_from_salutation);
  g_test_add_func ("/letter/form-from-patronymic", test_form_from_patronymic);
  g_test_add_func ("/letter/office-and-name-style", test_office_and_name_style);
  g_test_add_func ("/letter/recipient-in-language", test_recipient_in_language);
  g_test_add_func ("/letter/typed-title-kept", test_typed_title_kept);
  g_test_add_func ("/letter/persons-in-script", test_persons_in_script);

  return g_test_run ();
}
