/* test-extractor-targets.c — the officials found in each layout volunteers receive.
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
  const char *address_form;
  const char *address[6];
  const char *email[3];
  const char *fax;
  const char *phone;
  const char *social[3];
  gboolean    copy;
} ExpectedTarget;

typedef struct
{
  const char     *file;       /* in tests/data/extract/targets */
  guint           n_targets;
  ExpectedTarget  targets[4];
} Expected;

/* Written by hand from reading each document. */
static const Expected expected_documents[] = {
  {
    /* Amnesty PDF: a title cut at its line break, a URL before the block,
     * "Fax: … I Email: …", a note before the salutation, "H.E." */
    .file = "ai-pdf.txt",
    .n_targets = 3,
    .targets = {
      { .name = "Erik Holm", .title = "Minister of Internal Affairs of the Republic of Norland",
        .salutation = "Dear Minister",
        .address = { "Ministry of Internal Affairs", "7 Castle Road, Norburg 1001" },
        .email = { "minister@interior.example.nl" }, .fax = "+77 12 345 6789" },
      { .name = "Jonas Berg", .title = "General Prosecutor", .salutation = "Dear General Prosecutor",
        .address_form = "man", .address = { "3 Court Square", "Norburg 1002, Norland" },
        .fax = "+77 12 345 0001", .phone = "+77 12 345 0000" },
      { .name = "Ivo Stan", .address = { "Embassy of Norland", "12 Green Lane, London W8 1AA" },
        .email = { "embassy@norland.example.org" }, .copy = TRUE },
    },
  },
  {
    /* US web page: one-line blocks with pipes, a misread pipe, semicolons,
     * a middle dot; a rank before the name; the sample letter's opening. */
    .file = "us-web-oneline.txt",
    .n_targets = 2,
    .targets = {
      { .name = "Farhod Salim", .title = "Ambassador", .salutation = "Dear Ambassador",
        .address = { "Embassy of the Republic of Tajikistan", "1005 New Hampshire Ave NW", "Washington DC 20037" },
        .email = { "info@tj-embassy.example.org" }, .fax = "202 555 0191", .phone = "202 555 0190",
        .social = { "Twitter: @TjEmbassyUS" } },
      { .name = "Dana Kerr", .title = "Minister of Justice", .address_form = "woman",
        .address = { "25 Rudaki Avenue", "Dushanbe 734025" }, .email = { "justice@example.tj" } },
    },
  },
  {
    /* UK web page in Markdown: a two-word rank, "Judge" and pronouns. */
    .file = "uk-web.md",
    .n_targets = 2,
    .targets = {
      { .name = "Amara Bello", .title = "Chief Justice", .salutation = "Dear Chief Justice",
        .address = { "Supreme Court, 1 Unity Road", "Abuja, Nigeria" }, .email = { "registry@court.example.ng" } },
      { .name = "Helen Obi", .title = "Judge", .address_form = "woman",
        .address = { "High Court, 9 Lagos Street", "Abuja, Nigeria" }, .email = { "obi@court.example.ng" },
        .copy = TRUE },
    },
  },
  {
    /* German section: "Herrn", "(Anrede: …)" in brackets, "Frau" before a
     * hyphenated rank, "KOPIEN AN". */
    .file = "de-section.txt",
    .n_targets = 2,
    .targets = {
      { .name = "Paul Brandt", .title = "INNENMINISTER", .salutation = "Sehr geehrter Herr Minister",
        .address_form = "man", .address = { "Ringstraße 4", "10001 Südstadt" },
        .email = { "minister@inneres.example.org" } },
      { .name = "Karla Moor", .title = "Gesandte-Botschaftsrätin", .address_form = "woman",
        .address = { "BOTSCHAFT DER REPUBLIK SÜDLAND", "Am Park 12", "10117 Berlin" },
        .fax = "030-555 10 49", .copy = TRUE },
    },
  },
  {
    /* French section: "M.", "Formule d'appel :", a one-line copy with dashes. */
    .file = "fr-section.txt",
    .n_targets = 2,
    .targets = {
      { .name = "Lamine Sow", .title = "Ministre de la Justice", .salutation = "Monsieur le Ministre",
        .address_form = "man", .address = { "Avenue de la République, BP 12", "Port-Neuf, Sudland" },
        .email = { "cabinet@justice.example.sn" } },
      { .name = "Fatou Ndiaye", .title = "chargée d'affaires", .address_form = "woman",
        .address = { "Ambassade de Sudland", "14 rue du Lac", "75016 Paris" },
        .email = { "ambassade@sudland.example.fr" }, .fax = "01 45 55 12 12", .copy = TRUE },
    },
  },
  {
    /* Spanish section: "Sr.", "Sra.", "Tratamiento:", "Correo-e:", "Y copias a:". */
    .file = "es-section.txt",
    .n_targets = 3,
    .targets = {
      { .name = "Tomás Ibarra Solís", .title = "Ministro del Interior", .salutation = "Señor Ministro",
        .address_form = "man", .address = { "Avenida Central 100", "San Pedro", "Costa Verde" },
        .email = { "despacho@interior.example.cv" } },
      { .name = "Lucía Paredes Mora", .title = "Fiscal General", .salutation = "Señora Fiscal General",
        .address_form = "woman", .address = { "Calle 5 número 20", "San Pedro", "Costa Verde" },
        .fax = "+506 2222 3333" },
      { .name = "Andrés Molina", .title = "Embajador", .address_form = "man",
        .address = { "Embajada de Costa Verde", "Calle Mayor 8", "28013 Madrid" },
        .email = { "embajada@costaverde.example.es" }, .copy = TRUE },
    },
  },
  {
    /* Russian section: "г-н", "г-жа", "Обращение: …!", "Эл. почта:", "Копии:". */
    .file = "ru-section.txt",
    .n_targets = 3,
    .targets = {
      { .name = "Олег Петрович Кравцов", .title = "Министр внутренних дел", .salutation = "Уважаемый господин министр",
        .address_form = "man", .address = { "ул. Садовая, 12", "Северск, 100100" }, .fax = "+7 495 111 22 33" },
      { .name = "Анна Сергеевна Белова", .title = "Уполномоченная по правам человека",
        .salutation = "Уважаемая госпожа Уполномоченная", .address_form = "woman",
        .address = { "ул. Лесная, 3", "Северск, 100101" }, .email = { "ombudsman@example.ru" } },
      { .name = "Иван Иванович Смирнов", .title = "Посол", .address_form = "man",
        .address = { "Посольство, ул. Мира, 5" }, .email = { "embassy@example.ru" }, .copy = TRUE },
    },
  },
  {
    /* Dutch section: "Adres:", "Dhr.", "Mevr.", "Aanhef:", "Kopie aan:". */
    .file = "nl-section.txt",
    .n_targets = 2,
    .targets = {
      { .name = "Chen Bo", .title = "Minister van Justitie", .salutation = "Geachte heer de minister",
        .address_form = "man", .address = { "Justice Road 1, Oostburg" }, .email = { "info@justice.example.ol" } },
      { .name = "Li Hua", .title = "zaakgelastigde", .address_form = "woman",
        .address = { "Ambassade van Oostland", "Parkweg 2", "2585 Den Haag" },
        .email = { "ambassade@oostland.example.nl" }, .copy = TRUE },
    },
  },
  {
    /* Italian section: "Destinatario:", "Sig.", "Sig.ra", "Formula di
     * cortesia:", "Appellativo:", "Copia a:", "S.E.". */
    .file = "it-section.txt",
    .n_targets = 3,
    .targets = {
      { .name = "Omar Tazi", .title = "Ministro della Giustizia", .salutation = "Egregio Ministro",
        .address_form = "man", .address = { "Piazza Grande 1, Valle" }, .email = { "ministro@giustizia.example.va" } },
      { .name = "Nadia Sefrioui", .title = "Procuratrice generale", .salutation = "Gentile Procuratrice",
        .address_form = "woman", .address = { "Via Roma 3, Valle" }, .fax = "+212 555 44 33" },
      { .name = "Youssef Amar", .address = { "Ambasciata di Vallonia", "Via Po 10", "00198 Roma" },
        .email = { "amb@vallonia.example.it" }, .copy = TRUE },
    },
  },
};

static char *
load_document (const char *file)
{
  g_autofree char *path = g_build_filename (g_getenv ("ASKAROV_SOURCE_DIR"), "tests", "data", "extract",
                                            "targets", file, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
assert_target (const AskarovTarget  *target,
               const ExpectedTarget *want)
{
  g_assert_cmpstr (target->name, ==, want->name);
  g_assert_cmpstr (target->title, ==, want->title);
  g_assert_cmpstr (target->salutation, ==, want->salutation);
  g_assert_cmpstr (target->address_form, ==, want->address_form);
  assert_strv_equal (target->address, want->address, "address");
  assert_strv_equal (target->email, want->email, "email");
  g_assert_cmpstr (target->fax, ==, want->fax);
  g_assert_cmpstr (target->phone, ==, want->phone);
  assert_strv_equal (target->social, want->social, "social");
  g_assert_cmpint (target->copy, ==, want->copy);
}

static void
test_document (gconstpointer data)
{
  const Expected *expected = data;
  g_autofree char *text = load_document (expected->file);
  g_autoptr(AskarovFacts) facts = askarov_extract (text);

  g_assert_cmpuint (facts->targets->len, ==, expected->n_targets);
  for (guint i = 0; i < expected->n_targets; i++)
    assert_target (g_ptr_array_index (facts->targets, i), &expected->targets[i]);
}

/* The one target a short block gives. */
static AskarovTarget *
extract_one (const char *text)
{
  g_autoptr(AskarovFacts) facts = askarov_extract (text);

  g_assert_cmpuint (facts->targets->len, ==, 1);
  return askarov_target_copy (g_ptr_array_index (facts->targets, 0));
}

static void
test_honorifics (void)
{
  static const struct { const char *line; const char *name; const char *title; const char *form; } cases[] = {
    { "Mr Ali Karim", "Ali Karim", NULL, "man" },
    { "Mr. Ali Karim", "Ali Karim", NULL, "man" },
    { "Mrs Vera Lamb", "Vera Lamb", NULL, "woman" },
    { "Miss Vera Lamb", "Vera Lamb", NULL, "woman" },
    { "His Excellency Ali Karim", "Ali Karim", NULL, "man" },
    { "Her Excellency Ms Vera Lamb", "Vera Lamb", NULL, "woman" },
    { "H.E. Ali Karim", "Ali Karim", NULL, NULL },
    { "S. E. Herrn Ali Karim", "Ali Karim", NULL, "man" },
    { "Frau Vera Lamb", "Vera Lamb", NULL, "woman" },
    { "M. Ali Karim", "Ali Karim", NULL, "man" },
    { "Madame Vera Lamb", "Vera Lamb", NULL, "woman" },
    { "Sra. Vera Lamb", "Vera Lamb", NULL, "woman" },
    { "Dña. Vera Lamb", "Vera Lamb", NULL, "woman" },
    { "D. Ali Karim", "Ali Karim", NULL, "man" },
    { "г-жа Вера Ламб", "Вера Ламб", NULL, "woman" },
    { "господин Али Карим", "Али Карим", NULL, "man" },
    { "Dhr. Ali Karim", "Ali Karim", NULL, "man" },
    { "Mevr. Vera Lamb", "Vera Lamb", NULL, "woman" },
    { "Sig.ra Vera Lamb", "Vera Lamb", NULL, "woman" },
    { "Dott. Ali Karim", "Ali Karim", NULL, NULL },
    { "Ambassador Farhod Salim", "Farhod Salim", "Ambassador", NULL },
    { "Prosecutor General Ali Karim", "Ali Karim", "Prosecutor General", NULL },
    { "President Vera Lamb (she/her)", "Vera Lamb", "President", "woman" },
    { "Ali Karim (he/him)", "Ali Karim", NULL, "man" },
    { "Ali Karim (they/them)", "Ali Karim", NULL, NULL },
    { "Generaal Ali Karim", "Ali Karim", "Generaal", NULL },
    /* A name that is not an honorific stays whole. */
    { "He Wei Lan", "He Wei Lan", NULL, NULL },
    { "Don Ali Karim", "Ali Karim", NULL, "man" },
    { "Excmo. Sr. D. Ali Karim", "Ali Karim", NULL, "man" },
    { "S.E.M. Ali Karim", "Ali Karim", NULL, "man" },
    { "Egr. Sig. Ali Karim", "Ali Karim", NULL, "man" },
    { "Herrn Innenminister Ali Karim", "Ali Karim", "Innenminister", "man" },
    { "Frau Generalstaatsanwältin\nVera Lamb", "Vera Lamb", "Generalstaatsanwältin", "woman" },
    { "De heer Ali Karim", "Ali Karim", NULL, "man" },
    { "The Hon. Ali Karim MP", "Ali Karim", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Write to:\n%s\n1 Main Street\nEmail: office@example.org\n",
                                               cases[i].line);
      g_autoptr(AskarovTarget) target = extract_one (text);

      g_test_message ("%s", cases[i].line);
      g_assert_cmpstr (target->name, ==, cases[i].name);
      g_assert_cmpstr (target->title, ==, cases[i].title);
      g_assert_cmpstr (target->address_form, ==, cases[i].form);
    }
}

/* Without an honorific, the salutation tells how to address the official;
 * a title-only salutation tells nothing. */
static void
test_form_from_salutation (void)
{
  static const struct { const char *salutation; const char *form; } cases[] = {
    { "Sehr geehrter Herr Generalstaatsanwalt", "man" },
    { "Sehr geehrte Frau Ministerin", "woman" },
    { "Monsieur le Procureur général,", "man" },
    { "Madame la Présidente,", "woman" },
    { "Señora Fiscal General", "woman" },
    { "Уважаемый господин министр!", "man" },
    { "Dear Madam President", "woman" },
    { "Dear Sir or Madam", NULL },
    { "Dear Minister", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Minister of Justice\nAli Karim\nFax: +1 555 0100\n"
                                               "Salutation: %s\n", cases[i].salutation);
      g_autoptr(AskarovTarget) target = extract_one (text);

      g_test_message ("%s", cases[i].salutation);
      g_assert_cmpstr (target->address_form, ==, cases[i].form);
    }
}

/* The salutation keeps the document's words and their order; only its closing
 * punctuation goes, whether from a label or from the sample letter. */
static void
test_salutation_exact (void)
{
  static const struct { const char *text; const char *salutation; } cases[] = {
    { "General Prosecutor\nAli Karim\nFax: +1 555 0100\nSalutation: Dear General Prosecutor\n",
      "Dear General Prosecutor" },
    { "Prosecutor General\nAli Karim\nFax: +1 555 0100\nSalutation: Dear Prosecutor General,\n",
      "Dear Prosecutor General" },
    { "Minister\nAli Karim\nFax: +1 555 0100\nОбращение: Уважаемый господин министр!\n",
      "Уважаемый господин министр" },
    { "Ministro\nAli Karim\nFax: +1 555 0100\nTratamiento: Señor Ministro:\n", "Señor Ministro" },
    { "Director of Prisons\nAli Karim\nEmail: a@example.org\n\nDear Director of Prisons,\nPlease act.\n",
      "Dear Director of Prisons" },
    { "Minister of Health\nAli Karim\nEmail: a@example.org\nMonsieur le Ministre,\n", "Monsieur le Ministre" },
    /* The label alone, the salutation on the next line. */
    { "Minister of Health\nAli Karim\nEmail: a@example.org\nAnrede:\nSehr geehrter Herr Minister\n",
      "Sehr geehrter Herr Minister" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AskarovTarget) target = extract_one (cases[i].text);

      g_assert_cmpstr (target->salutation, ==, cases[i].salutation);
    }
}

/* "Phone: … I Fax: …": the misread pipe is no part of the number. */
static void
test_misread_pipe (void)
{
  g_autoptr(AskarovTarget) target = extract_one ("Minister of Justice\nAli Karim\n"
                                                 "Phone: +1 555 0100 I Fax: +1 555 0101 I Email: a@example.org\n");

  g_assert_cmpstr (target->phone, ==, "+1 555 0100");
  g_assert_cmpstr (target->fax, ==, "+1 555 0101");
  g_assert_cmpstr (target->email[0], ==, "a@example.org");
}

/* A note after a number is no part of it; an area code in brackets is. */
static void
test_number_notes (void)
{
  g_autoptr(AskarovTarget) target = extract_one ("Minister of Justice\nAli Karim\n"
                                                 "Fax: +1 555 0101 (keep trying if busy)\nPhone: (02) 6286 6059\n");

  g_assert_cmpstr (target->fax, ==, "+1 555 0101");
  g_assert_cmpstr (target->phone, ==, "(02) 6286 6059");
}

/* One official is never split in two: a note between the contacts and the
 * salutation does not start an official without a name. */
static void
test_not_split (void)
{
  g_autoptr(AskarovFacts) facts = askarov_extract ("Minister of Justice\nAli Karim\n1 Main Street\n"
                                                   "Email: a@example.org\n"
                                                   "Letters by post take several weeks to arrive.\n"
                                                   "Salutation: Dear Minister\n\n"
                                                   "Chief of Police\nVera Lamb\nFax: +1 555 0101\n"
                                                   "Salutation: Dear Chief of Police\n");
  const AskarovTarget *first, *second;

  g_assert_cmpuint (facts->targets->len, ==, 2);
  first = g_ptr_array_index (facts->targets, 0);
  second = g_ptr_array_index (facts->targets, 1);
  g_assert_cmpstr (first->name, ==, "Ali Karim");
  g_assert_cmpstr (first->salutation, ==, "Dear Minister");
  g_assert_cmpstr (second->name, ==, "Vera Lamb");
  g_assert_cmpstr (second->salutation, ==, "Dear Chief of Police");
}

/* A title is never a web address or a date crumb, and a title cut at the
 * end of its line goes on in the next one. */
static void
test_title_lines (void)
{
  g_autoptr(AskarovTarget) cut = extract_one ("Chairman of the State Committee for\nNational Security\n"
                                              "Ali Karim\n5 Erkindik Avenue\nFax: +1 555 0100\n");
  g_autoptr(AskarovTarget) noisy = extract_one ("https://www.example.org/en/documents/ua/\n12 July 2022\n"
                                                "Minister of Justice\nAli Karim\nFax: +1 555 0100\n");

  g_assert_cmpstr (cut->title, ==, "Chairman of the State Committee for National Security");
  g_assert_cmpstr (cut->name, ==, "Ali Karim");
  g_assert_cmpstr (noisy->title, ==, "Minister of Justice");
  g_assert_cmpstr (noisy->name, ==, "Ali Karim");
  g_assert_cmpuint (g_strv_length (noisy->address), ==, 0);
}

/* The copy headings of each language mark the blocks after them. */
static void
test_copy_headings (void)
{
  static const char * const headings[] = {
    "Copies to:", "And copies to:", "Please send a copy to", "Kopien an", "COPIES À :", "Copie",
    "Y copias a:", "Копии:", "Kopie aan:", "Kopie naar:", "Copia a:", "CC:", "Kopien bitte an:",
    "Envíen copia a:", "Stuur een kopie naar:", "Копии обращений направьте:", "Per conoscenza:",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *text = g_strdup_printf ("Minister of Justice\nAli Karim\nFax: +1 555 0100\n"
                                               "Salutation: Dear Minister\n%s\n"
                                               "Ambassador Vera Lamb\nEmbassy of Norland\n"
                                               "Email: embassy@example.org\n", headings[i]);
      g_autoptr(AskarovFacts) facts = askarov_extract (text);
      const AskarovTarget *copy;

      g_test_message ("%s", headings[i]);
      g_assert_cmpuint (facts->targets->len, ==, 2);
      g_assert_false (((AskarovTarget *) g_ptr_array_index (facts->targets, 0))->copy);
      copy = g_ptr_array_index (facts->targets, 1);
      g_assert_true (copy->copy);
      g_assert_cmpstr (copy->name, ==, "Vera Lamb");
      g_assert_cmpstr (copy->title, ==, "Ambassador");
    }
}

/* Name and title on one line without a comma, a title before a name with an
 * honorific, names with particles, other contact labels. */
static void
test_block_variants (void)
{
  static const struct { const char *block; const char *name; const char *title; const char *form; } cases[] = {
    { "Minister of Justice Ali Karim", "Ali Karim", "Minister of Justice", NULL },
    { "President of the Republic of Uzbekistan Shavkat Mirziyoyev", "Shavkat Mirziyoyev",
      "President of the Republic of Uzbekistan", NULL },
    { "Minister of the Interior, Mr Ali Karim", "Ali Karim", "Minister of the Interior", "man" },
    { "Sr. José Luis de la Cruz Martínez\nFiscal General", "José Luis de la Cruz Martínez", "Fiscal General", "man" },
    { "Ahmed al-Hamid\nMinister of Labour", "Ahmed al-Hamid", "Minister of Labour", NULL },
    { "Sir Tom Hale\nHome Secretary", "Tom Hale", "Home Secretary", "man" },
    /* "of Kurdistan Province" belongs to the office: no name here. */
    { "Prosecutor General of Kurdistan Province", NULL, "Prosecutor General of Kurdistan Province", NULL },
    { "Chairman of the State Committee for National Security", NULL,
      "Chairman of the State Committee for National Security", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Write to:\n%s\nSanandaj, Kurdistan Province, Iran\n"
                                               "Email address: office@example.org\n"
                                               "Tel/Fax: +1 555 0100\n"
                                               "Website: https://office.example.org\n", cases[i].block);
      g_autoptr(AskarovTarget) target = extract_one (text);

      g_test_message ("%s", cases[i].block);
      g_assert_cmpstr (target->name, ==, cases[i].name);
      g_assert_cmpstr (target->title, ==, cases[i].title);
      g_assert_cmpstr (target->address_form, ==, cases[i].form);
      g_assert_cmpstr (target->email[0], ==, "office@example.org");
      g_assert_cmpstr (target->fax, ==, "+1 555 0100");
      g_assert_null (target->phone);
      g_assert_cmpstrv (target->address, ((const char * const[]) { "Sanandaj, Kurdistan Province, Iran", NULL }));
    }
}

/* A block with only a postal address, right before the sample letter, is
 * the official the letter opens to. */
static void
test_postal_block (void)
{
  g_autoptr(AskarovTarget) target = extract_one ("Write to:\nMinister Vera Lamb\nMinistry of Labour\n"
                                                 "1 Main Street, Capital City\n\nDear Minister,\n"
                                                 "Please release the workers.\nYours sincerely,\n");

  g_assert_cmpstr (target->name, ==, "Vera Lamb");
  g_assert_cmpstr (target->title, ==, "Minister");
  g_assert_cmpstr (target->salutation, ==, "Dear Minister");
  g_assert_false (target->copy);
}

/* The heading and the whole block on one line. */
static void
test_heading_on_block_line (void)
{
  g_autoptr(AskarovTarget) target = extract_one ("Write to: Prosecutor General Ali Karim, 1 Main Street, Baku. "
                                                 "Email: a@example.org Salutation: Dear Prosecutor General\n");

  g_assert_cmpstr (target->name, ==, "Ali Karim");
  g_assert_cmpstr (target->title, ==, "Prosecutor General");
  g_assert_cmpstr (target->salutation, ==, "Dear Prosecutor General");
  g_assert_cmpstrv (target->address, ((const char * const[]) { "1 Main Street", "Baku", NULL }));
}

/* Letters after a name ("MP", "P.C.") are neither name nor address. */
static void
test_post_nominals (void)
{
  g_autoptr(AskarovTarget) plain = extract_one ("Minister for Home Affairs\nThe Hon. Ali Karim MP\nPO Box 6022\n"
                                                "Email: a@example.org\n");
  g_autoptr(AskarovTarget) listed = extract_one ("The Honourable Tom Hale, P.C., M.P., Minister of Foreign Affairs, "
                                                 "125 Sussex Drive, Ottawa. Email: b@example.org\n");

  g_assert_cmpstr (plain->name, ==, "Ali Karim");
  g_assert_cmpstr (plain->title, ==, "Minister for Home Affairs");
  g_assert_cmpstrv (plain->address, ((const char * const[]) { "PO Box 6022", NULL }));
  g_assert_cmpstr (listed->name, ==, "Tom Hale");
  g_assert_cmpstr (listed->title, ==, "Minister of Foreign Affairs");
  g_assert_cmpstrv (listed->address, ((const char * const[]) { "125 Sussex Drive", "Ottawa", NULL }));
}

/* Contacts given as a list. */
static void
test_listed_contacts (void)
{
  g_autoptr(AskarovTarget) target = extract_one ("Minister of Justice\nAli Karim\n- Email: a@example.org\n"
                                                 "• Fax: +1 555 0101\n- Salutation: Dear Minister\n");

  g_assert_cmpstr (target->name, ==, "Ali Karim");
  g_assert_cmpstr (target->email[0], ==, "a@example.org");
  g_assert_cmpstr (target->fax, ==, "+1 555 0101");
  g_assert_cmpstr (target->salutation, ==, "Dear Minister");
}

/* Russian sections often address the official in the dative. */
static void
test_russian_dative (void)
{
  g_autoptr(AskarovTarget) target = extract_one ("Генеральному прокурору\nБелову Ивану Петровичу\n"
                                                 "ул. Садовая, 1\nФакс: +7 495 000 00 00\n");

  g_assert_cmpstr (target->name, ==, "Белову Ивану Петровичу");
  g_assert_cmpstr (target->title, ==, "Генеральному прокурору");
  g_assert_cmpstr (target->fax, ==, "+7 495 000 00 00");
}

/* A street or a square is never the official's name. */
static void
test_place_not_name (void)
{
  g_autoptr(AskarovTarget) target = extract_one ("Fiscal General\nPlaza de la Constitución\n"
                                                 "Ciudad de Guatemala\nFax: +502 2411 9124\n");

  g_assert_null (target->name);
  g_assert_cmpstr (target->title, ==, "Fiscal General");
  g_assert_cmpstrv (target->address, ((const char * const[]) { "Plaza de la Constitución", "Ciudad de Guatemala",
                                                               NULL }));
}

/* A sentence that mentions an email address is no official. */
static void
test_sentence_not_target (void)
{
  g_autoptr(AskarovFacts) facts = askarov_extract ("You can also reach our office by email: office@example.org\n"
                                                   "Thank you for taking action.\n");

  g_assert_cmpuint (facts->targets->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected_documents); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extractor-targets/document/%s", expected_documents[i].file);

      g_test_add_data_func (path, &expected_documents[i], test_document);
    }
  g_test_add_func ("/extractor-targets/honorifics", test_honorifics);
  g_test_add_func ("/extractor-targets/form-from-salutation", test_form_from_salutation);
  g_test_add_func ("/extractor-targets/salutation-exact", test_salutation_exact);
  g_test_add_func ("/extractor-targets/misread-pipe", test_misread_pipe);
  g_test_add_func ("/extractor-targets/number-notes", test_number_notes);
  g_test_add_func ("/extractor-targets/not-split", test_not_split);
  g_test_add_func ("/extractor-targets/title-lines", test_title_lines);
  g_test_add_func ("/extractor-targets/copy-headings", test_copy_headings);
  g_test_add_func ("/extractor-targets/block-variants", test_block_variants);
  g_test_add_func ("/extractor-targets/postal-block", test_postal_block);
  g_test_add_func ("/extractor-targets/russian-dative", test_russian_dative);
  g_test_add_func ("/extractor-targets/listed-contacts", test_listed_contacts);
  g_test_add_func ("/extractor-targets/post-nominals", test_post_nominals);
  g_test_add_func ("/extractor-targets/heading-on-block-line", test_heading_on_block_line);
  g_test_add_func ("/extractor-targets/place-not-name", test_place_not_name);
  g_test_add_func ("/extractor-targets/sentence-not-target", test_sentence_not_target);

  return g_test_run ();
}
