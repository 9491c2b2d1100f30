/* test-extractor.c — the facts read from the corpus, from our own documents and from malformed text.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include <string.h>

#include "askarov-extractor.h"

typedef struct
{
  const char *name;
  const char *title;
  const char *salutation;
  const char *address[6];
  const char *email[4];
  const char *fax;
  const char *phone;
  const char *social[4];
  gboolean    copy;
} ExpectedTarget;

typedef struct
{
  const char     *file;       /* in the corpus when it starts with a digit, else tests/data/extract */
  const char     *kind;
  const char     *reference;
  const char     *index;
  const char     *issued;
  const char     *deadline;
  const char     *persons[4];
  const char     *pronouns[4];
  const char     *languages[6];
  gboolean        own_language;
  int             update;
  const char     *title;
  guint           n_targets;
  ExpectedTarget  targets[4];
} Expected;

/* Written by hand from reading each document. */
static const Expected expected_documents[] = {
  {
    .file = "000_edbe7ad0c28d7a93.txt",
    .kind = "statement",
    .persons = { "Azimjan Askarov" }, .pronouns = { "" },
    .title = "Kyrgyzstan: Grave failure of justice in Azimjan Askarov’s case",
  },
  {
    .file = "001_05ec059752625cbf.txt",
    .kind = "outcome",
    .persons = { "Azimjan Askarov" }, .pronouns = { "" },
    .title = "Azimjan Azkarov died in prison",
  },
  {
    .file = "002_7170e70723e6a976.txt",
    .kind = "update", .reference = "135/10", .index = "EUR 58/015/2010",
    .issued = "2010-09-15", .deadline = "2010-10-27",
    .persons = { "Azimzhan Askarov" }, .pronouns = { "" },
    .languages = { "ru", "ky", "en" }, .own_language = TRUE, .update = 5,
    .title = "Human rights defender jailed for life",
    .n_targets = 3,
    .targets = {
      { .name = "Zarylbek Rysaliev", .title = "Minister of Internal Affairs", .salutation = "Dear Minister",
        .address = { "Frunze Street, 469", "Bishkek 720040, KYRGYZSTAN" },
        .email = { "pressa@mail.mvd.kg" }, .fax = "+996 312 68 20 44" },
      { .name = "Kubatbek Baibolov", .title = "General Prosecutor", .salutation = "Dear General Prosecutor",
        .address = { "72, Orozbekova Street", "Bishkek 720040, KYRGYZSTAN" },
        .fax = "+996 312 66 54 11" },
      { .name = "Roza Otunbaeva", .title = "President",
        .address = { "Dom Pravitelstva", "Bishkek 720003, KYRGYZSTAN" },
        .email = { "admin@kyrgyz-el.kg" }, .fax = "+996 312 62 50 12", .copy = TRUE },
    },
  },
  {
    .file = "003_55fd246bdecfe6e2.txt",
    .kind = "urgent-action", .reference = "61/20", .deadline = "2020-06-03",
    .persons = { "Azimjan Askarov" }, .pronouns = { "he/him" },
    .languages = { "ky", "ru" }, .own_language = TRUE,
    .title = "Health of prisoner of conscience at risk",
    .n_targets = 2,
    .targets = {
      { .name = "Sooronbay Jeenbekov", .title = "President of Kyrgyzstan", .salutation = "Dear President",
        .email = { "pisma@mail.gov.kg", "oip@adm.gov.kg" },
        .social = { "Facebook: @PresidentKyrgyzRepublic", "Twitter: @kyrgyzpresident" } },
      { .name = "Bolot Isakovich Otunbaev", .title = "Ambassador", .salutation = "Dear Ambassador",
        .address = { "Embassy of the Kyrgyz Republic", "2360 Massachusetts Avenue NW, Washington DC 20008" },
        .email = { "kgembassy.usa@mfa.gov.kg" }, .fax = "202 449 8275", .phone = "202 449 9822",
        .social = { "Facebook: @kgembassyusa", "Instagram: @KGEMBASSY" } },
    },
  },
  {
    .file = "004_1992ba49029ce453.txt",
    .kind = "article", .issued = "2018-12-06",
    .persons = { "Azimjan Askarov" }, .pronouns = { "" },
  },
  {
    .file = "ua-two-officials.txt",
    .kind = "urgent-action", .reference = "97/17", .index = "ASA 21/7301/2017",
    .issued = "2017-10-04", .deadline = "2017-11-15",
    .persons = { "Lena Marsh" }, .pronouns = { "she/her" },
    .languages = { "en", "es" }, .own_language = TRUE,
    .title = "Journalist held for reporting on floods",
    .n_targets = 3,
    .targets = {
      { .name = "Arturo Feld", .title = "Minister of Justice", .salutation = "Dear Minister",
        .address = { "12 Harbour Road", "Port Selwyn 4410" },
        .email = { "minister@justice.example.org" }, .fax = "+99 21 555 0142" },
      { .name = "Petra Quill", .title = "Chief of Police", .salutation = "Dear Chief of Police",
        .address = { "Police Headquarters, 3 Station Square", "Port Selwyn 4412" },
        .phone = "+99 21 555 0199", .social = { "Twitter: @QuillPolice" } },
      { .name = "Tomas Reve", .title = "Ambassador",
        .address = { "Embassy of the Republic of Selwyn", "40 Long Street, London W1 2AB" },
        .email = { "embassy@selwyn.example.org" }, .copy = TRUE },
    },
  },
  {
    .file = "ua-french.txt",
    .kind = "urgent-action", .reference = "88/21", .index = "EUR 44/1234/2021",
    .issued = "2021-03-03", .deadline = "2021-04-14",
    .persons = { "Malik Soren" }, .pronouns = { "" },
    .languages = { "ru", "en" }, .own_language = TRUE,
    .title = "Un avocat menacé après un procès",
    .n_targets = 2,
    .targets = {
      { .name = "Irina Valk", .title = "Procureur général", .salutation = "Madame la Procureure générale",
        .address = { "5, rue du Palais", "Vellmar 2001" }, .email = { "procureur@vellmar.example.org" } },
      { .name = "Oleg Brandt", .title = "Ministre de l'Intérieur",
        .address = { "1, place de l'État", "Vellmar 2000" }, .fax = "+77 1 23 45 67", .copy = TRUE },
    },
  },
  {
    .file = "ua-german.txt",
    .kind = "urgent-action", .reference = "12/19", .index = "EUR 58/2195/2019",
    .issued = "2019-01-21", .deadline = "2019-03-04",
    .persons = { "Anna Berg" }, .pronouns = { "" },
    .languages = { "ru", "en", "de" },
    .title = "Gewerkschafterin in haft",
    .n_targets = 2,
    .targets = {
      { .name = "Viktor Lanz", .title = "Generalstaatsanwalt", .salutation = "Sehr geehrter Herr Generalstaatsanwalt",
        .address = { "Hauptstraße 7", "10115 Norddorf" }, .email = { "lanz@staat.example.org" } },
      { .name = "Eva Lind", .title = "Botschafterin",
        .address = { "Botschaft der Republik Nordland", "Unter den Linden 99", "10117 Berlin" },
        .fax = "030 555 1234", .copy = TRUE },
    },
  },
  {
    .file = "update-third.txt",
    .kind = "update", .reference = "45/19", .index = "AFR 16/0912/2019",
    .issued = "2019-08-02", .deadline = "2019-09-13",
    .persons = { "Daniel Okoro" }, .pronouns = { "" },
    .languages = { "en" }, .own_language = TRUE, .update = 3,
    .title = "Student leader moved to remote prison",
    .n_targets = 1,
    .targets = {
      { .name = "Grace Adeyemi", .title = "Minister of Interior", .salutation = "Dear Minister",
        .address = { "PMB 15, Central Area", "Abuja" }, .email = { "minister@interior.example.org" } },
    },
  },
  {
    .file = "outcome.txt",
    .kind = "outcome", .reference = "209/15", .index = "MDE 13/4021/2016", .issued = "2016-05-11",
    .persons = { "Samir Haddad" }, .pronouns = { "" }, .update = 4,
    .title = "Prisoner of conscience freed",
  },
  {
    .file = "article-citing.txt",
    .kind = "article",
    .persons = { "Daniel Okoro" }, .pronouns = { "" },
    .title = "Campaigners gather for Daniel Okoro",
  },
};

static char *
document_path (const char *file)
{
  if (g_ascii_isdigit (file[0]))
    {
      const char *corpus = g_getenv ("ASKAROV_CORPUS_DIR");

      return corpus != NULL ? g_build_filename (corpus, file, NULL) : NULL;
    }
  return g_build_filename (g_getenv ("ASKAROV_SOURCE_DIR"), "tests", "data", "extract", file, NULL);
}

static char *
load_document (const char *file)
{
  g_autofree char *path = document_path (file);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
assert_facts (const AskarovFacts *facts,
              const Expected     *expected)
{
  g_assert_cmpstr (askarov_document_kind_to_string (facts->kind), ==, expected->kind);
  g_assert_cmpstr (facts->reference, ==, expected->reference);
  g_assert_cmpstr (facts->index, ==, expected->index);
  g_assert_cmpstr (facts->issued, ==, expected->issued);
  g_assert_cmpstr (facts->deadline, ==, expected->deadline);
  assert_strv_equal (facts->persons, expected->persons, "persons");
  assert_strv_equal (facts->pronouns, expected->pronouns, "pronouns");
  assert_strv_equal (facts->languages, expected->languages, "languages");
  g_assert_cmpint (facts->own_language_allowed, ==, expected->own_language);
  g_assert_cmpint (facts->update, ==, expected->update);
  g_assert_cmpstr (facts->title, ==, expected->title);

  g_assert_cmpuint (facts->targets->len, ==, expected->n_targets);
  for (guint i = 0; i < expected->n_targets; i++)
    {
      const AskarovTarget *target = g_ptr_array_index (facts->targets, i);
      const ExpectedTarget *want = &expected->targets[i];

      g_assert_cmpstr (target->name, ==, want->name);
      g_assert_cmpstr (target->title, ==, want->title);
      g_assert_cmpstr (target->salutation, ==, want->salutation);
      assert_strv_equal (target->address, want->address, "address");
      assert_strv_equal (target->email, want->email, "email");
      g_assert_cmpstr (target->fax, ==, want->fax);
      g_assert_cmpstr (target->phone, ==, want->phone);
      assert_strv_equal (target->social, want->social, "social");
      g_assert_cmpint (target->copy, ==, want->copy);
    }
}

static void
test_document (gconstpointer data)
{
  const Expected *expected = data;
  g_autofree char *text = load_document (expected->file);
  g_autoptr(AskarovFacts) facts = NULL;

  if (text == NULL)
    {
      g_test_skip ("The case corpus (ASKAROV_CORPUS_DIR) is not available");
      return;
    }
  facts = askarov_extract (text);
  assert_facts (facts, expected);
}

static void
test_reference_forms (void)
{
  static const struct { const char *line; const char *reference; } cases[] = {
    { "UA 135/10", "135/10" },
    { "UA: 135/10", "135/10" },
    { "FU UA: 135/10 Index: EUR 58/015/2010", "135/10" },
    { "UA 61.20", "61/20" },
    { "Urgent Action 209.15", "209/15" },
    { "URGENT ACTION 209.15", "209/15" },
    { "Further information on UA 45/19", "45/19" },
    { "UA 061/20", "61/20" },
    { "UA 12/2019", "12/19" },
    { "AU 88/21", "88/21" },
    { "UA-Nr: 12/19", "12/19" },
    { "Index: EUR 58/015/2010", NULL },
    { "Case 135/10", NULL },
    { "For an earlier case see UA 12/18.", NULL },
    { "UA 61.20.5", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("URGENT ACTION\nA TITLE FOR THE TEST\n%s\nPlease write now.\n",
                                               cases[i].line);
      g_autoptr(AskarovFacts) facts = askarov_extract (text);

      g_test_message ("%s", cases[i].line);
      g_assert_cmpstr (facts->reference, ==, cases[i].reference);
    }
}

static void
test_index_forms (void)
{
  static const struct { const char *text; const char *index; } cases[] = {
    { "Index: EUR 58/015/2010", "EUR 58/015/2010" },
    { "AI Index: EUR 58/2195/2020", "EUR 58/2195/2020" },
    { "Index number MDE13/4021/2016 and more", "MDE 13/4021/2016" },
    { "See https://www.amnesty.org/en/documents/EUR58/022/2010/en/ for the report", NULL },
    { "Report EUR 58/022/2010 is cited.\nIndex: EUR 58/015/2010", "EUR 58/015/2010" },
    { "EUR 58/15/2010", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (facts->index, ==, cases[i].index);
    }
}

static void
test_deadline_forms (void)
{
  static const struct { const char *text; const char *deadline; } cases[] = {
    { "PLEASE SEND APPEALS BEFORE 27 OCTOBER 2010 TO:", "2010-10-27" },
    { "PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 3 June 2020", "2020-06-03" },
    { "Contact these two officials by 15 November, 2017", "2017-11-15" },
    { "Please write before September 5, 2018.", "2018-09-05" },
    { "Send appeals by 1st March 2019.", "2019-03-01" },
    { "Deadline: 2021-02-03", "2021-02-03" },
    { "Écrivez avant le 1er juin 2020.", "2020-06-01" },
    { "Schreiben Sie bis zum 15.11.2017.", "2017-11-15" },
    { "Bitte schreiben Sie bis zum 4. März 2019.", "2019-03-04" },
    { "Date: 10 December 2019\nPlease send appeals before 20 January.", "2020-01-20" },
    { "Date: 10 December 2019\nPlease send appeals before 30 December.", "2019-12-30" },
    { "He was detained on 15 June 2010.", NULL },
    { "He was taken by police on 2 May 2016 and released by 4 May 2016.", NULL },
    { "Please send appeals before 31 February 2020.", NULL },
    { "Please send appeals before 20 January.", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (facts->deadline, ==, cases[i].deadline);
    }
}

static void
test_issued_forms (void)
{
  static const struct { const char *text; const char *issued; } cases[] = {
    { "FU UA: 135/10 Index: EUR 58/015/2010 Kyrgyzstan Date: 15 September 2010", "2010-09-15" },
    { "date 2018-12-06 Expand photo", "2018-12-06" },
    { "Published: 4 October 2017", "2017-10-04" },
    { "Datum: 21. Januar 2019", "2019-01-21" },
    { "Date : 3 mars 2021", "2021-03-03" },
    { "Please check with your office if sending appeals after the above date. This is it.", NULL },
    { "Date of birth unknown, arrested 3 May 2020", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (facts->issued, ==, cases[i].issued);
    }
}

static void
test_language_forms (void)
{
  static const struct { const char *text; const char *languages[5]; gboolean own; } cases[] = {
    { "PLEASE WRITE IMMEDIATELY in Russian, Kyrgyz, English or your own language:", { "ru", "ky", "en" }, TRUE },
    { "PREFERRED LANGUAGE TO ADDRESS TARGET: Kyrgyz or Russian.", { "ky", "ru" }, FALSE },
    { "PREFERRED LANGUAGE TO ADDRESS TARGET: Kyrgyz or Russian.\nYou can also write in your own language.",
      { "ky", "ru" }, TRUE },
    { "Write in English.", { "en" }, FALSE },
    { "Écrivez en français ou en anglais.", { "fr", "en" }, FALSE },
    { "Schreiben Sie auf Russisch oder Deutsch.", { "ru", "de" }, FALSE },
    { "Write a letter in your own words to the Kyrgyz authorities.", { NULL }, FALSE },
    { "Kyrgyz and Russian officials met in English-speaking company.", { NULL }, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      assert_strv_equal (facts->languages, cases[i].languages, "languages");
      g_assert_cmpint (facts->own_language_allowed, ==, cases[i].own);
    }
}

static void
test_update_forms (void)
{
  static const struct { const char *text; int update; const char *kind; } cases[] = {
    { "URGENT ACTION\nThis is the fifth update of UA 135/10.", 5, "update" },
    { "URGENT ACTION\nThis is the 2nd update of UA 13/10.", 2, "update" },
    { "URGENT ACTION\nThis is the first update of UA 13/10.", 1, "update" },
    { "ACTION URGENTE\nCeci est la troisième mise à jour de l'AU 88/21.", 3, "update" },
    { "EILAKTION\nDies ist die zweite Aktualisierung der UA 12/19.", 2, "update" },
    { "FU UA: 45/19\nNew facts about the case.", 0, "update" },
    { "URGENT ACTION\nUA 45/19\nA first appeal.", 0, "urgent-action" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (facts->update, ==, cases[i].update);
      g_assert_cmpstr (askarov_document_kind_to_string (facts->kind), ==, cases[i].kind);
    }
}

/* The first part of a UA, cut in the middle of its first target. */
static void
test_malformed_truncated (void)
{
  g_autofree char *text = load_document ("ua-two-officials.txt");
  g_autoptr(AskarovFacts) facts = NULL;
  char *cut = strstr (text, "12 Harbour Ro");

  g_assert_nonnull (cut);
  cut[strlen ("12 Harbour Ro")] = '\0';
  facts = askarov_extract (text);

  g_assert_cmpstr (facts->reference, ==, "97/17");
  g_assert_cmpstr (facts->index, ==, "ASA 21/7301/2017");
  g_assert_cmpstr (facts->deadline, ==, "2017-11-15");
  assert_strv_equal (facts->persons, (const char * const[]) { "Lena Marsh", NULL }, "persons");
  /* No contact line was reached, so there is no target to write to. */
  g_assert_cmpuint (facts->targets->len, ==, 0);
}

static void
test_malformed_junk (void)
{
  static const char * const junk[] = {
    "",
    "   \n\n\t  ",
    "}{][;:/.,<>?|\\~`!@#$%^&*()_+=-0987654321",
    "UA UA UA // .. :: 12 / 1 . 2 Index: EUR / / Date: 45 Smarch 20101",
    "Salutation:\nFax:\nEmail: not-an-address\nDear\n",
    "\xff\xfe\x80 broken \xc3 UTF-8 \xe2\x82",
    "Dear President,\nYours sincerely,",
    "by by by before before until until: deadline: 31/31/2020",
  };

  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    {
      g_autoptr(AskarovFacts) facts = askarov_extract (junk[i]);

      g_assert_cmpint (facts->kind, ==, ASKAROV_DOCUMENT_KIND_UNKNOWN);
      g_assert_null (facts->reference);
      g_assert_null (facts->index);
      g_assert_null (facts->issued);
      g_assert_null (facts->deadline);
      g_assert_cmpuint (g_strv_length (facts->persons), ==, 0);
      g_assert_cmpuint (g_strv_length (facts->languages), ==, 0);
      g_assert_cmpint (facts->update, ==, 0);
      /* Labels without values make no target. */
      g_assert_cmpuint (facts->targets->len, ==, 0);
    }
}

/* A long text with no structure at all must not make the extractor slow or crash. */
static void
test_malformed_huge (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(AskarovFacts) facts = NULL;

  /* 240 KB of target blocks: must finish and find them (how fast is not a test). */
  for (guint i = 0; i < 4000; i++)
    g_string_append (text, "Fax: 1 Email: a@b.cd Salutation: Dear X\nMinister Of Things\n");
  facts = askarov_extract (text->str);
  g_assert_cmpuint (facts->targets->len, >, 0);
}

static void
test_json_keys (void)
{
  static const char * const keys[] = {
    "kind", "reference", "index", "issued", "deadline", "title", "persons", "languages",
    "own_language_allowed", "update", "outcome", "outcome_date", "country", "asks",
    "language", "targets",
  };
  static const char * const target_keys[] = {
    "name", "title", "salutation", "address_form", "address", "email", "fax", "phone", "social", "copy",
  };
  g_autofree char *text = load_document ("ua-two-officials.txt");
  g_autoptr(AskarovFacts) facts = askarov_extract (text);
  g_autoptr(JsonNode) node = askarov_facts_to_json (facts);
  JsonObject *object = json_node_get_object (node);
  JsonObject *target;

  g_assert_cmpuint (json_object_get_size (object), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (object, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "urgent-action");
  g_assert_true (json_object_get_null_member (object, "update"));
  g_assert_true (json_object_get_boolean_member (object, "own_language_allowed"));

  target = json_array_get_object_element (json_object_get_array_member (object, "targets"), 1);
  g_assert_cmpuint (json_object_get_size (target), ==, G_N_ELEMENTS (target_keys));
  for (guint i = 0; i < G_N_ELEMENTS (target_keys); i++)
    g_assert_true (json_object_has_member (target, target_keys[i]));
  g_assert_cmpstr (json_object_get_string_member (target, "phone"), ==, "+99 21 555 0199");
  g_assert_true (json_object_get_null_member (target, "fax"));
  g_assert_false (json_object_get_boolean_member (target, "copy"));
}

static void
test_json_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_documents); i++)
    {
      g_autofree char *text = load_document (expected_documents[i].file);
      g_autoptr(AskarovFacts) facts = NULL;
      g_autoptr(AskarovFacts) read_back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;

      if (text == NULL)
        continue;
      facts = askarov_extract (text);
      json = askarov_facts_to_string (facts, FALSE);
      read_back = askarov_facts_from_string (json, &error);
      g_assert_no_error (error);
      assert_facts (read_back, &expected_documents[i]);
    }
}

static void
test_json_bad (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovFacts) facts = NULL;

  facts = askarov_facts_from_string ("[1, 2]", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (facts);
  g_clear_error (&error);

  facts = askarov_facts_from_string ("{\"kind\": 3", &error);
  g_assert_nonnull (error);
  g_assert_null (facts);
  g_clear_error (&error);

  /* Wrong types are ignored, not trusted. */
  facts = askarov_facts_from_string ("{\"kind\": \"nonsense\", \"update\": \"five\", \"persons\": [1, \"A B\"],"
                                     " \"targets\": [3, {\"name\": 4, \"copy\": true}]}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (facts->kind, ==, ASKAROV_DOCUMENT_KIND_UNKNOWN);
  g_assert_cmpint (facts->update, ==, 0);
  assert_strv_equal (facts->persons, (const char * const[]) { "A B", NULL }, "persons");
  assert_strv_equal (facts->pronouns, (const char * const[]) { "", NULL }, "pronouns");
  g_assert_cmpuint (facts->targets->len, ==, 1);
  g_assert_null (((AskarovTarget *) g_ptr_array_index (facts->targets, 0))->name);
  g_assert_true (((AskarovTarget *) g_ptr_array_index (facts->targets, 0))->copy);
}

static void
test_copy (void)
{
  g_autofree char *text = load_document ("ua-two-officials.txt");
  g_autoptr(AskarovFacts) facts = askarov_extract (text);
  g_autoptr(AskarovFacts) copy = askarov_facts_copy (facts);

  /* Freeing the original must leave the copy whole. */
  g_clear_pointer (&facts, askarov_facts_free);
  g_assert_cmpstr (expected_documents[5].file, ==, "ua-two-officials.txt");
  assert_facts (copy, &expected_documents[5]);
}

static void
test_names_fold (void)
{
  static const char * const same[] = {
    "Azimjan Askarov", "Azimzhan Askarov", "Azimjon Askarov", "AZIMJAN ASKAROV", "Askarov Azimjan",
    "Азимжан Аскаров", "Mr Azimjan Askarov", "Azimdzhan Askarov",
  };
  g_autofree char *key = askarov_fold_person_name (same[0]);
  g_autofree char *other = askarov_fold_person_name ("Bakyt Askarov");

  g_assert_nonnull (key);
  for (guint i = 1; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *variant = askarov_fold_person_name (same[i]);

      g_test_message ("%s", same[i]);
      g_assert_cmpstr (variant, ==, key);
    }
  g_assert_cmpstr (other, !=, key);
  g_assert_null (askarov_fold_person_name (""));
  g_assert_null (askarov_fold_person_name ("Mr"));
  g_assert_null (askarov_fold_person_name ("— 12 —"));
}

static void
test_names_match (void)
{
  static const struct { const char *a; const char *b; gboolean match; } cases[] = {
    { "Azimjan Azkarov", "Azimjan Askarov", TRUE },
    { "Azkarov", "Azimzhan Askarov", TRUE },
    { "Askarov", "Azimjan Askarov", TRUE },
    { "Azimjon Askarov", "Азимжан Аскаров", TRUE },
    { "Bolot Isakovich Otunbaev", "Bolot Otunbaev", TRUE },
    { "Azimjan Askarow", "Azimjan Askarov", TRUE },
    { "Bakyt Askarov", "Azimjan Askarov", FALSE },
    { "Azimjan Karimov", "Azimjan Askarov", FALSE },
    { "Lena Marsh", "Azimjan Askarov", FALSE },
    { "", "Azimjan Askarov", FALSE },
    { "Ali", "Ala", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s / %s", cases[i].a, cases[i].b);
      g_assert_cmpint (askarov_person_names_match (cases[i].a, cases[i].b), ==, cases[i].match);
      g_assert_cmpint (askarov_person_names_match (cases[i].b, cases[i].a), ==, cases[i].match);
    }
}

static gpointer
extract_in_thread (gpointer data)
{
  g_autoptr(AskarovFacts) facts = askarov_extract (data);

  return askarov_facts_to_string (facts, FALSE);
}

/* Workers extract at the same time; the shared regular expressions must cope. */
static void
test_threads (void)
{
  g_autofree char *text = load_document ("ua-french.txt");
  g_autoptr(AskarovFacts) facts = askarov_extract (text);
  g_autofree char *expected = askarov_facts_to_string (facts, FALSE);
  GThread *threads[8];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("extract", extract_in_thread, text);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *json = g_thread_join (threads[i]);

      g_assert_cmpstr (json, ==, expected);
    }
}

static void
test_kind_labels (void)
{
  for (AskarovDocumentKind kind = ASKAROV_DOCUMENT_KIND_UNKNOWN; kind <= ASKAROV_DOCUMENT_KIND_ARTICLE; kind++)
    {
      g_assert_cmpint (askarov_document_kind_from_string (askarov_document_kind_to_string (kind)), ==, kind);
      g_assert_nonnull (askarov_document_kind_get_label (kind));
    }
  g_assert_cmpint (askarov_document_kind_from_string ("poem"), ==, ASKAROV_DOCUMENT_KIND_UNKNOWN);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected_documents); i++)
    {
      g_autofree char *name = g_strdup (expected_documents[i].file);
      g_autofree char *path = NULL;

      *strrchr (name, '.') = '\0';
      path = g_strdup_printf ("/extractor/%s/%s", g_ascii_isdigit (name[0]) ? "corpus" : "own", name);
      g_test_add_data_func (path, &expected_documents[i], test_document);
    }
  g_test_add_func ("/extractor/forms/reference", test_reference_forms);
  g_test_add_func ("/extractor/forms/index", test_index_forms);
  g_test_add_func ("/extractor/forms/deadline", test_deadline_forms);
  g_test_add_func ("/extractor/forms/issued", test_issued_forms);
  g_test_add_func ("/extractor/forms/languages", test_language_forms);
  g_test_add_func ("/extractor/forms/update", test_update_forms);
  g_test_add_func ("/extractor/malformed/truncated", test_malformed_truncated);
  g_test_add_func ("/extractor/malformed/junk", test_malformed_junk);
  g_test_add_func ("/extractor/malformed/huge", test_malformed_huge);
  g_test_add_func ("/extractor/json/keys", test_json_keys);
  g_test_add_func ("/extractor/json/round-trip", test_json_round_trip);
  g_test_add_func ("/extractor/json/bad", test_json_bad);
  g_test_add_func ("/extractor/facts/copy", test_copy);
  g_test_add_func ("/extractor/names/fold", test_names_fold);
  g_test_add_func ("/extractor/names/match", test_names_match);
  g_test_add_func ("/extractor/threads", test_threads);
  g_test_add_func ("/extractor/kind/labels", test_kind_labels);

  return g_test_run ();
}
