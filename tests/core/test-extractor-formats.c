/* test-extractor-formats.c — the document facts read from each section's layout and language.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "askarov-extractor.h"
#include "askarov-importer.h"

/* The documents in tests/data/extract/formats, written in our own words in
 * each layout, and what a reader writes down from them. */
typedef struct
{
  const char *file;
  const char *kind;
  const char *reference;
  const char *issued;
  const char *deadline;
  const char *title;
  const char *persons[3];
  const char *languages[4];
  gboolean    own_language;
  int         update;
  const char *outcome;
  const char *outcome_date;
  const char *country;
  const char *language;
} Expected;

static const Expected expected_documents[] = {
  {
    .file = "ai-pdf-ua.txt", .kind = "urgent-action", .reference = "44/19",
    .issued = "2019-08-19", .deadline = "2019-09-30",
    .title = "Fishermen's leader threatened after speaking out about a dam",
    .persons = { "Joao Ferreira Lima" }, .languages = { "pt", "en" }, .own_language = TRUE,
    .country = "BR", .language = "en",
  },
  {
    .file = "ai-pdf-outcome.txt", .kind = "outcome", .reference = "44/19", .issued = "2020-05-12",
    .title = "Fishermen's leader safe at home", .persons = { "Joao Ferreira Lima" }, .update = 3,
    .outcome = "released", .outcome_date = "2020-05-03", .country = "BR", .language = "en",
  },
  {
    .file = "us-web-ua.html", .kind = "urgent-action", .reference = "61/20",
    .issued = "2020-08-19", .deadline = "2020-09-28", .title = "Poet Jailed For A Verse",
    .persons = { "Bakyt Osmonov" }, .languages = { "ru", "en" }, .own_language = TRUE,
    .country = "KG", .language = "en",
  },
  {
    .file = "de-section-ua.txt", .kind = "urgent-action", .reference = "52/24",
    .issued = "2024-05-23", .deadline = "2024-07-04", .title = "Journalist nach artikel festgenommen",
    .persons = { "Pavel Orlov" }, .languages = { "ru", "en", "de" }, .country = "RU", .language = "de",
  },
  {
    .file = "fr-section-ua.txt", .kind = "urgent-action", .reference = "77/21",
    .issued = "2021-03-01", .deadline = "2021-04-12", .title = "Une militante écologiste de nouveau arrêtée",
    .persons = { "Zarina Nazarova" }, .languages = { "en", "ru" }, .own_language = TRUE,
    .country = "TJ", .language = "fr",
  },
  {
    .file = "es-section-ua.txt", .kind = "urgent-action", .reference = "90/19",
    .issued = "2019-08-19", .deadline = "2019-09-30", .title = "Defensora del agua recibe amenazas de muerte",
    .persons = { "Lucía Choc Tiul" }, .languages = { "es", "en" }, .own_language = TRUE,
    .country = "GT", .language = "es",
  },
  {
    .file = "ru-section-ua.txt", .kind = "urgent-action", .reference = "19/21",
    .issued = "2021-03-05", .deadline = "2021-04-16", .title = "Пенсионерку оштрафовали за плакат",
    .persons = { "Нина Волкова" }, .languages = { "ru", "en" }, .country = "RU", .language = "ru",
  },
  {
    .file = "nl-section-ua.txt", .kind = "urgent-action", .reference = "80/22",
    .issued = "2022-08-19", .deadline = "2022-09-30", .title = "Vakbondsleider vastgezet na staking",
    .persons = { "Sok Dara Chan" }, .languages = { "en" }, .own_language = TRUE,
    .country = "KH", .language = "nl",
  },
  {
    .file = "it-section-ua.txt", .kind = "urgent-action", .reference = "33/22",
    .issued = "2022-08-19", .deadline = "2022-09-30", .title = "Giornalista arrestato dopo un'inchiesta",
    .persons = { "Karim Bennani" }, .languages = { "en", "fr" }, .own_language = TRUE,
    .country = "MA", .language = "it",
  },
};

static void
assert_strv (char       **got,
             const char *const *expected,
             guint        n_expected)
{
  guint n = 0;

  while (n < n_expected && expected[n] != NULL)
    n++;
  g_assert_cmpuint (g_strv_length (got), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (got[i], ==, expected[i]);
}

static void
test_document (gconstpointer data)
{
  const Expected *expected = data;
  g_autofree char *path = g_build_filename (g_getenv ("ASKAROV_SOURCE_DIR"), "tests", "data", "extract", "formats",
                                            expected->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = askarov_import_read_file (file, NULL, &error);
  g_autoptr(AskarovFacts) facts = NULL;

  g_assert_no_error (error);
  facts = askarov_extract_with_title (imported->text, imported->title);

  g_assert_cmpstr (askarov_document_kind_to_string (facts->kind), ==, expected->kind);
  g_assert_cmpstr (facts->reference, ==, expected->reference);
  g_assert_cmpstr (facts->issued, ==, expected->issued);
  g_assert_cmpstr (facts->deadline, ==, expected->deadline);
  g_assert_cmpstr (facts->title, ==, expected->title);
  assert_strv (facts->persons, expected->persons, G_N_ELEMENTS (expected->persons));
  assert_strv (facts->languages, expected->languages, G_N_ELEMENTS (expected->languages));
  g_assert_cmpint (facts->own_language_allowed, ==, expected->own_language);
  g_assert_cmpint (facts->update, ==, expected->update);
  g_assert_cmpstr (facts->outcome, ==, expected->outcome);
  g_assert_cmpstr (facts->outcome_date, ==, expected->outcome_date);
  g_assert_cmpstr (facts->country, ==, expected->country);
  g_assert_cmpstr (facts->language, ==, expected->language);
}

/* Dates in every language, as issue date and as deadline. */
static void
test_dates (void)
{
  static const struct
  {
    const char *issued_text;
    const char *deadline_text;
    const char *issued;
    const char *deadline;
  } cases[] = {
    { "Date: 19 August 2019", "Please send appeals before 30 September 2019.", "2019-08-19", "2019-09-30" },
    { "Date: August 19, 2019", "Please take action before October 2, 2019.", "2019-08-19", "2019-10-02" },
    { "Date: Aug. 19, 2019", "This action expires on Sept. 28, 2019.", "2019-08-19", "2019-09-28" },
    { "Date : 13 octobre 2010", "Envoyez vos appels avant le 1er décembre 2010.", "2010-10-13", "2010-12-01" },
    { "Datum: 23. Mai 2024", "Bitte schreiben Sie bis zum 4. Juli 2024.", "2024-05-23", "2024-07-04" },
    { "Date de publication : 14 juin 2023", "Écrivez avant le 26 juillet.", "2023-06-14", "2023-07-26" },
    { "Datum: 23.05.2024", "Bitte schreiben Sie bis spätestens 04.07.2024.", "2024-05-23", "2024-07-04" },
    { "Fecha: 19 de agosto de 2019", "Envíen llamamientos antes del 30 de septiembre de 2019.", "2019-08-19",
      "2019-09-30" },
    { "Дата: 5 марта 2021 г.", "Пожалуйста, направьте обращения до 16 апреля 2021 г.", "2021-03-05", "2021-04-16" },
    { "Дата: 05.03.2021", "Напишите до 16.04.2021.", "2021-03-05", "2021-04-16" },
    { "Datum: 19 augustus 2019", "Schrijf vóór 30 september 2019 een brief.", "2019-08-19", "2019-09-30" },
    { "Data: 19 agosto 2019", "Scrivi entro il 30 settembre 2019.", "2019-08-19", "2019-09-30" },
    /* Without a year: the issue year, or the next one when it would come first. */
    { "Date: 19 August 2019", "Please send appeals before 30 September.", "2019-08-19", "2019-09-30" },
    { "Date: 1 December 2019", "Please send appeals before 12 January.", "2019-12-01", "2020-01-12" },
    { "Date: 14 August 2006", "Check with your section office if sending appeals after 25 September 2006.",
      "2006-08-14", "2006-09-25" },
    { "Fecha: 19 de agosto de 2019", "Escriban antes del 30 de septiembre.", "2019-08-19", "2019-09-30" },
    { "Data: 19 agosto 2019", "Scrivi entro il 30 settembre.", "2019-08-19", "2019-09-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("UA 12/19\n%s\n\nSomeone is held.\n\n%s\n",
                                               cases[i].issued_text, cases[i].deadline_text);
      g_autoptr(AskarovFacts) facts = askarov_extract (text);

      g_test_message ("%s / %s", cases[i].issued_text, cases[i].deadline_text);
      g_assert_cmpstr (facts->issued, ==, cases[i].issued);
      g_assert_cmpstr (facts->deadline, ==, cases[i].deadline);
    }
}

/* The issue date without a label: on the reference line, or alone near the top. */
static void
test_unlabelled_issue_dates (void)
{
  static const struct
  {
    const char *text;
    const char *issued;
  } cases[] = {
    { "URGENT ACTION\nTitle of the case here\nUA 31/22 – Index: MDE 29/5301/2022 – Morocco – 10 March 2022\n",
      "2022-03-10" },
    { "Urgent Action 101/23 · Viet Nam · 18 September 2023\n\nText.\n", "2023-09-18" },
    { "Urgent Action: A title (Cuba: UA 54.20)\n\nOctober 7, 2020\n\nText of the case.\n", "2020-10-07" },
    /* A date inside the story is not the issue date. */
    { "URGENT ACTION\nA title for it\n\nShe was arrested on 3 March 2022 in the capital.\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_assert_cmpstr (facts->issued, ==, cases[i].issued);
    }
}

static void
test_languages (void)
{
  static const struct
  {
    const char *text;
    const char *codes[4];
    gboolean    own;
  } cases[] = {
    { "Write in English or Russian.", { "en", "ru" }, FALSE },
    { "Write in Swahili or English or your own language.", { "sw", "en" }, TRUE },
    { "Bitte schreiben Sie auf Russisch, Englisch oder in Ihrer eigenen Sprache.", { "ru", "en" }, TRUE },
    { "Sprache: Russisch, Englisch", { "ru", "en" }, FALSE },
    { "Écrivez en anglais ou en russe, ou dans votre propre langue.", { "en", "ru" }, TRUE },
    { "Escriban en español o inglés, o en su propio idioma.", { "es", "en" }, TRUE },
    { "Напишите на русском или английском или на своём родном языке.", { "ru", "en" }, TRUE },
    { "Schrijf in het Engels of in je eigen taal.", { "en" }, TRUE },
    { "Scrivi in inglese o in francese, o nella tua lingua.", { "en", "fr" }, TRUE },
    { "Write in Spanish or English, or in your native language.", { "es", "en" }, TRUE },
    { "Schrijf in het Frans of in uw moedertaal.", { "fr" }, TRUE },
    { "Schrijf in het Nederlands of in het Engels.", { "nl", "en" }, FALSE },
    { "Bitte schreiben Sie bis zum 26. Juli in gutem Arabisch, Englisch oder auf Deutsch.", { "ar", "en", "de" }, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      assert_strv (facts->languages, cases[i].codes, G_N_ELEMENTS (cases[i].codes));
      g_assert_cmpint (facts->own_language_allowed, ==, cases[i].own);
    }
}

static void
test_kinds (void)
{
  static const struct
  {
    const char *text;
    const char *kind;
    int         update;
  } cases[] = {
    { "EILAKTION\nEin Titel für den Fall\n", "urgent-action", 0 },
    { "Action urgente\nUn titre pour le cas\n", "urgent-action", 0 },
    { "ACCIÓN URGENTE\nUn título para el caso\n", "urgent-action", 0 },
    { "СРОЧНАЯ АКЦИЯ\nЗаголовок дела\n", "urgent-action", 0 },
    { "URGENTE ACTIE\nEen titel voor de zaak\n", "urgent-action", 0 },
    { "AZIONE URGENTE\nUn titolo per il caso\n", "urgent-action", 0 },
    { "Further information on UA: 41/21 Index: AFR 46/4188/2021\n", "update", 0 },
    { "Weitere Informationen zu UA 18/24\nTitel\n", "update", 0 },
    { "Complément d'information sur l'AU 12/21\nTitre\n", "update", 0 },
    { "Información complementaria sobre la AU 88/19\nTítulo\n", "update", 0 },
    { "UA-Nr: UA-018/2024-1\nTitel\n", "update", 1 },
    { "ACCIÓN URGENTE – ACTUALIZACIÓN\nTítulo\n", "update", 0 },
    { "AZIONE URGENTE – AGGIORNAMENTO\nTitolo\n", "update", 0 },
    { "Urgent Action Update: Rapper still held (Cuba: UA 54.20)\n", "update", 0 },
    { "UA 112/18\nText.\nThis is the third and final update of UA 112/18.\n", "update", 3 },
    { "UA 112/18\nThe activists are home.\nNo further action is requested.\n", "outcome", 0 },
    { "UA 112/18\nEr ist frei. Keine weiteren Appelle nötig.\n", "outcome", 0 },
    { "AU 12/21\nElle est libre. Aucune action complémentaire n'est requise.\n", "outcome", 0 },
    { "AU 88/19\nEstá en libertad. No se requieren más acciones.\n", "outcome", 0 },
    { "СА 17/21\nОна на свободе. Дальнейших действий не требуется.\n", "outcome", 0 },
    { "Pressemitteilung\nDas Urteil gegen den Blogger ist ein Skandal.\n", "statement", 0 },
    { "Communiqué de presse\nLe verdict contre le blogueur est un scandale.\n", "statement", 0 },
    { "Comunicado de prensa\nLa sentencia contra el bloguero es un escándalo.\n", "statement", 0 },
    { "Comunicato stampa\nLa sentenza contro il blogger è uno scandalo.\n", "statement", 0 },
    { "Persbericht\nHet vonnis tegen de blogger is een schandaal.\n", "statement", 0 },
    { "Пресс-релиз\nПриговор блогеру — это позор.\n", "statement", 0 },
    { "Am Samstag trafen sich in der Stadt viele Menschen, um gemeinsam Briefe an Gefangene in aller Welt zu "
      "schreiben. Die Gruppe tut das seit vielen Jahren jeden Monat einmal, und immer kommen neue Leute dazu, "
      "die helfen wollen.\n", "article", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (askarov_document_kind_to_string (facts->kind), ==, cases[i].kind);
      g_assert_cmpint (facts->update, ==, cases[i].update);
    }
}

static void
test_outcomes (void)
{
  static const struct
  {
    const char *text;
    const char *outcome;
    const char *date;
  } cases[] = {
    { "Date: 12 May 2021\nThe teacher was released on 3 May 2021. No further action is requested.",
      "released", "2021-05-03" },
    { "Date: 4 August 2020\nHe died in custody on 25 July 2020. No further action is requested.",
      "died", "2020-07-25" },
    { "Date: 4 August 2020\nThe charges against her were dropped on 30 July. No further action is requested.",
      "charges-dropped", "2020-07-30" },
    { "Date: 4 August 2020\nThe trial goes on without her. No further action is requested.",
      "no-further-action", NULL },
    { "Datum: 4. August 2020\nSie wurde am 1. August freigelassen. Keine weiteren Appelle nötig.",
      "released", "2020-08-01" },
    { "Date : 4 août 2020\nIl a été libéré le 2 août 2020. Aucune action complémentaire n'est requise.",
      "released", "2020-08-02" },
    { "Fecha: 4 de agosto de 2020\nFue liberado el 2 de agosto. No se requieren más acciones.",
      "released", "2020-08-02" },
    { "Fecha: 8 de noviembre de 2022\nBUENAS NOTICIAS: LIBERADA LA ACTIVISTA\nLa activista quedó en libertad el 4 de "
      "noviembre de 2022. No se requieren más acciones.", "released", "2022-11-04" },
    { "Data: 8 settembre 2022\nIl sindacalista è tornato in libertà il 2 settembre. Non sono necessarie ulteriori "
      "azioni.", "released", "2022-09-02" },
    { "Дата: 4 августа 2020 г.\nОн освобождён 2 августа 2020 г. Дальнейших действий не требуется.",
      "released", "2020-08-02" },
    { "Date: 14 May 2019\nCHARGES AGAINST LAND ACTIVISTS DROPPED\nThe two were told on 8 May. No further action is "
      "requested.", "charges-dropped", NULL },
    { "Date: 4 August 2020\nShe can write again. No further action is needed; write in your native language.",
      "no-further-action", NULL },
    /* The headline says what, the text says when. */
    { "URGENT ACTION\nDEFENDER DIED IN PRISON\nUA: 135/10 Date: 4 August 2020\n\nThe defender died in custody on "
      "25 July 2020 after weeks of illness. No further action is requested.", "died", "2020-07-25" },
    { "URGENT ACTION OUTCOME\nACTIVIST FREED AFTER TWO YEARS\nDate: 3 February 2023\n\nShe walked out of the "
      "colony on 27 January when her term ended.", "released", "2023-01-27" },
    { "UA closed\nGood news: the court let him go home. No further action is requested.", "good-news", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (facts->kind, ==, ASKAROV_DOCUMENT_KIND_OUTCOME);
      g_assert_cmpstr (facts->outcome, ==, cases[i].outcome);
      g_assert_cmpstr (facts->outcome_date, ==, cases[i].date);
    }

  /* An Urgent Action announces no outcome. */
  {
    g_autoptr(AskarovFacts) facts = askarov_extract ("URGENT ACTION\nUA 5/21\nShe was released on bail but faces trial.\n");

    g_assert_cmpint (facts->kind, ==, ASKAROV_DOCUMENT_KIND_URGENT_ACTION);
    g_assert_null (facts->outcome);
  }
}

static void
test_countries (void)
{
  static const struct
  {
    const char *text;
    const char *country;
  } cases[] = {
    { "Urgent Action: Poet jailed (Kyrgyzstan: UA 61.20)\n", "KG" },
    { "UA Number: UA 23.21 Country: Azerbaijan\n", "AZ" },
    { "Kyrgyzstan: Grave failure of justice\n\nA text about a trial.\n", "KG" },
    { "EILAKTION\nTitel\nÄGYPTEN\nUA-Nr: UA-045/2023\n\nText.\n\nBotschaft der Republik Belarus\n", "EG" },
    { "СРОЧНАЯ АКЦИЯ\nСА 17/21 Россия\n", "RU" },
    { "AU 31/22 – Marocco – 10 marzo 2022\n", "MA" },
    { "UA 80/22 – Cambodja – 19 augustus 2022\n", "KH" },
    { "AU: 88/19 Guatemala Fecha: 19 de agosto de 2019\n", "GT" },
    /* No name, but the index says where. */
    { "UA 135/10 Index: EUR 58/016/2010\nA defender is held.\n", "KG" },
    { "Nothing about any place at all.\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (facts->country, ==, cases[i].country);
    }
}

static void
test_document_language (void)
{
  static const struct
  {
    const char *text;
    const char *language;
  } cases[] = {
    { "The teacher was arrested at his home and has not been allowed to see a lawyer since then.", "en" },
    { "Le militant a été arrêté dans sa maison et il ne peut pas voir son avocat depuis.", "fr" },
    { "Der Lehrer wurde in seiner Wohnung festgenommen und darf seit dem keinen Anwalt sehen.", "de" },
    { "El maestro fue detenido en su casa y desde entonces no ha podido ver a su abogado por la policía.", "es" },
    { "Il maestro è stato arrestato nella sua casa e da allora non ha potuto vedere il suo avvocato della "
      "famiglia.", "it" },
    { "De leraar werd in zijn huis opgepakt en mag sindsdien niet naar een advocaat, het is niet duidelijk.", "nl" },
    { "Учителя задержали дома, и с тех пор ему не дают встретиться с адвокатом.", "ru" },
    { "12/19", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (facts->language, ==, cases[i].language);
    }
}

static void
test_titles (void)
{
  static const struct
  {
    const char *text;
    const char *hint;
    const char *title;
  } cases[] = {
    /* The page's own title, without "Urgent Action:", the case line and the site. */
    { "Text of the case, long enough to be a paragraph and not a heading at all.\n",
      "Urgent Action Update: Rapper Still Held (Cuba: UA 54.20) - Amnesty International USA",
      "Rapper Still Held" },
    { "Text.\n", "Action urgente : Une avocate menacée | Amnesty Suisse", "Une avocate menacée" },
    /* Only "Urgent Action" or the site's name: the text's heading instead. */
    { "URGENT ACTION\nTEACHER HELD WITHOUT A LAWYER\nUA: 87/19 Index: MDE 13/0912/2019\n", "Urgent Action",
      "Teacher held without a lawyer" },
    { "URGENT ACTION\nTEACHER HELD WITHOUT A LAWYER\n", "Amnesty International UK", "Teacher held without a lawyer" },
    /* A headline the PDF wrapped is read whole. */
    { "URGENT ACTION\nJOURNALIST STILL DETAINED, TRIAL\nPOSTPONED AGAIN\nNeema Mwakyusa is still held.\n", NULL,
      "Journalist still detained, trial postponed again" },
    /* …but a name in capitals under it is not part of it. */
    { "URGENT ACTION\nUNIONIST TORTURED IN CUSTODY\nKARIM SAMIR ABDELAZIZ\n\nKarim Samir Abdelaziz is held.\n", NULL,
      "Unionist tortured in custody" },
    /* A PDF's metadata that is only a number or a file name is left aside. */
    { "URGENT ACTION\nTEACHER HELD WITHOUT A LAWYER\n", "UA 87/19", "Teacher held without a lawyer" },
    { "URGENT ACTION\nTEACHER HELD WITHOUT A LAWYER\n", "mde1309122019english", "Teacher held without a lawyer" },
    /* Never a URL, a crumb or a date line. */
    { "https://www.example.org/urgent-actions/ua-61-20\n\nPoet held for a verse in Osh\n\nText.\n", NULL,
      "Poet held for a verse in Osh" },
    { "date 2018-12-06 Expand all sections\n\nPoet held for a verse in Osh\n\nText.\n", NULL,
      "Poet held for a verse in Osh" },
    { "Amnesty International España > Actúa > Acciones urgentes\n\nACCIÓN URGENTE\nPERIODISTA AMENAZADO\n", NULL,
      "Periodista amenazado" },
    { "# Urgent Action: Student leader sentenced to death\n\nText.\n", NULL, "Student leader sentenced to death" },
    { "URGENT ACTION\nUA 219/06 Fear for safety\n\nText.\n", NULL, "Fear for safety" },
    { "ACCIÓN URGENTE – BUENAS NOTICIAS\nPERIODISTA PUESTO EN LIBERTAD\nAU: 88/19\n", NULL,
      "Periodista puesto en libertad" },
    { "ДОПОЛНИТЕЛЬНАЯ ИНФОРМАЦИЯ К СА 17/21\nАКТИВИСТКА ОСТАЁТСЯ В КОЛОНИИ\n", NULL, "Активистка остаётся в колонии" },
    { "Text.\n", "Urgent Action – Gute Nachrichten: Bloggerin frei", "Bloggerin frei" },
    { "# Update: Studente nog steeds vast zonder proces\n\nText.\n", NULL, "Studente nog steeds vast zonder proces" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract_with_title (cases[i].text, cases[i].hint);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (facts->title, ==, cases[i].title);
    }
}

static void
test_pre_keeps_lines (void)
{
  static const char html[] = "<html><body><h1>A case</h1><p>Some   text\nrun on.</p>"
                             "<pre>\nDear Minister,\nPlease release him.\n  Sincerely,\n</pre></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, sizeof html - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = askarov_import_read_bytes (bytes, "page.html", &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (imported->text, "Some text run on."));
  g_assert_nonnull (strstr (imported->text, "Dear Minister,\nPlease release him.\n  Sincerely,"));
}

static void
test_persons_only (void)
{
  static const struct
  {
    const char *text;
    const char *persons[3];
  } cases[] = {
    { "EILAKTION\nUA 12/24\n\nDer Journalist Pavel Orlov schreibt für Novaya Gazeta. Novaya Gazeta hat Pavel "
      "Orlov verteidigt.\n\nSchreiben Sie bitte. Schreiben Sie an den Minister.\n", { "Pavel Orlov" } },
    { "URGENT ACTION\nUA 12/24\n\nWrite To the Minister. Write To the Prosecutor. Anna Berg is held. "
      "Anna Berg is ill.\n", { "Anna Berg" } },
    { "СРОЧНАЯ АКЦИЯ\nСА 12/24\n\nНина Волкова задержана. Генеральный прокурор Российской Федерации молчит. "
      "Прокуратура Российской Федерации не отвечает. Нина Волкова больна.\n", { "Нина Волкова" } },
    { "URGENTE ACTIE\nUA 73/22\n\nMensenrechtenverdediger Aung Ko Ko Htwe is opgepakt. Waar is Aung Ko Ko Htwe?\n",
      { "Aung Ko Ko Htwe" } },
    /* A Title Case headline or a label is no one; the one full mention in the text is. */
    { "Urgent Action Outcome: Charges Dropped Against Student (Thailand: UA 112.18)\n\nIssue Date: May 14, 2019\n\n"
      "The prosecutor dropped all charges against student activist Somchai Thongdee on May 8.\n",
      { "Somchai Thongdee" } },
    /* Spellings of one name still make one person. */
    { "UA 135/10\n\nAzimjan Askarov is held. Azimzhan Askarov is ill. Azimjan Askarov must be freed.\n",
      { "Azimjan Askarov" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      assert_strv (facts->persons, cases[i].persons, G_N_ELEMENTS (cases[i].persons));
    }

  /* An article may name someone once in passing: that is no person of concern. */
  {
    g_autoptr(AskarovFacts) facts = askarov_extract ("Volunteers met in the town hall on a rainy evening to talk about "
                                                     "the letters they had written this year, and about the ones "
                                                     "still to write. The evening was opened by Maria Lopes, who "
                                                     "thanked everyone for coming and for the tea they brought.\n");

    g_assert_cmpint (facts->kind, ==, ASKAROV_DOCUMENT_KIND_ARTICLE);
    g_assert_cmpuint (g_strv_length (facts->persons), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected_documents); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extractor-formats/document/%s", expected_documents[i].file);

      g_test_add_data_func (path, &expected_documents[i], test_document);
    }
  g_test_add_func ("/extractor-formats/dates", test_dates);
  g_test_add_func ("/extractor-formats/unlabelled-issue-dates", test_unlabelled_issue_dates);
  g_test_add_func ("/extractor-formats/languages", test_languages);
  g_test_add_func ("/extractor-formats/kinds", test_kinds);
  g_test_add_func ("/extractor-formats/outcomes", test_outcomes);
  g_test_add_func ("/extractor-formats/countries", test_countries);
  g_test_add_func ("/extractor-formats/document-language", test_document_language);
  g_test_add_func ("/extractor-formats/titles", test_titles);
  g_test_add_func ("/extractor-formats/pre-keeps-lines", test_pre_keeps_lines);
  g_test_add_func ("/extractor-formats/persons-only", test_persons_only);
  return g_test_run ();
}
