/* test-requests.c — the request bank: every request in every letter language and office, and classification.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "askarov-extractor.h"
#include "askarov-requests.h"

#include <stdio.h>

static const char * const letter_languages[] = { "en", "ru", "ky", "uz", "de", "fr", "es", "pt", "it", "nl", "pl", "uk", "uz-Cyrl" };

/* What the ambassador's wording says in each language: it asks to pass the appeal on. */
static const char * const ambassador_words[] = { "authorities", "властям", "бийлиг", "hukumat", "Behörden", "autorités", "autoridades",
                                                  "autoridades", "autorità", "autoriteiten", "władzom", "владі", "ҳукумат" };

static const char * const required_ids[] = {
  "release", "drop-charges", "quash-conviction", "fair-trial", "no-torture", "investigate-torture",
  "investigate-death", "medical-care", "lawyer-access", "family-access", "disclose-whereabouts",
  "halt-execution", "protect-from-reprisals", "let-defender-work", "humane-conditions",
  "release-health-grounds", "end-disappearance", "lift-travel-ban", "stop-deportation",
  "allow-protest", "accountability", "clear-name", "reparation",
};

static void
test_ids (void)
{
  const char * const *ids = askarov_requests_get_ids ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (ids);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *label = askarov_request_get_label (ids[i]);

      g_assert_true (askarov_request_is_known (ids[i]));
      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 3);
      g_assert_false (g_hash_table_contains (seen, ids[i]));
      g_hash_table_add (seen, (gpointer) ids[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (required_ids); i++)
    g_assert_true (g_hash_table_contains (seen, required_ids[i]));

  g_assert_false (askarov_request_is_known ("make-tea"));
  g_assert_false (askarov_request_is_known (NULL));
  g_assert_null (askarov_request_get_label ("make-tea"));
  g_assert_false (askarov_request_fits_role ("make-tea", ASKAROV_ROLE_PRESIDENT));
  g_assert_null (askarov_request_dup_text ("make-tea", "en", ASKAROV_ROLE_PRESIDENT, "A"));
  g_assert_null (askarov_request_dup_text ("release", "xx", ASKAROV_ROLE_PRESIDENT, "A"));
  g_assert_null (askarov_request_dup_text ("release", NULL, ASKAROV_ROLE_PRESIDENT, "A"));
  /* Every phrasebook language is a letter language, with every request. */
  {
    g_auto(GStrv) languages = askarov_phrasebook_list_languages ();

    for (guint l = 0; languages[l] != NULL; l++)
      {
        gboolean listed = FALSE;

        for (guint k = 0; k < G_N_ELEMENTS (letter_languages); k++)
          listed = listed || g_str_equal (letter_languages[k], languages[l]);
        if (!listed)
          g_error ("%s has a phrasebook but is not tested as a letter language", languages[l]);
      }
  }
}

/* Every id × letter language × office: a fitting office gets one sentence with
 * the names in it and nothing left to fill in; another office gets nothing. */
static void
test_every_text (void)
{
  const char * const *ids = askarov_requests_get_ids ();
  const char *persons = "Nodira Test and Timur Sample";
  guint texts = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      guint fitting = 0;

      for (guint l = 0; l < G_N_ELEMENTS (letter_languages); l++)
        for (guint r = 0; r < ASKAROV_N_ROLES; r++)
          {
            /* Polish declines names in Latin letters: "Nodiry Test i Timura Sample". */
            gboolean polish = g_str_equal (letter_languages[l], "pl");
            const char *expected = polish ? "Nodiry Test i Timura Sample" : persons;
            g_autofree char *text = askarov_request_dup_text (ids[i], letter_languages[l], r,
                                                              polish ? "Nodira Test i Timur Sample" : persons);
            g_autofree char *message = g_strdup_printf ("%s / %s / %s", ids[i], letter_languages[l],
                                                        askarov_role_to_id (r));

            if (!askarov_request_fits_role (ids[i], r))
              {
                if (text != NULL)
                  g_error ("%s: text for an office it does not fit: %s", message, text);
                continue;
              }
            if (text == NULL)
              g_error ("%s: no text", message);
            if (strstr (text, expected) == NULL)
              g_error ("%s: the names are missing: %s", message, text);
            if (strchr (text, '{') != NULL || strchr (text, '}') != NULL)
              g_error ("%s: a placeholder is left: %s", message, text);
            if (!g_str_has_suffix (text, "."))
              g_error ("%s: not one sentence: %s", message, text);
            if (!g_unichar_isupper (g_utf8_get_char (text)))
              g_error ("%s: does not start a sentence: %s", message, text);
            if (r == ASKAROV_ROLE_AMBASSADOR && strstr (text, ambassador_words[l]) == NULL)
              g_error ("%s: an ambassador is asked to convey the appeal: %s", message, text);
            if (l == 0)
              fitting++;
            texts++;
          }
      /* The president can always be asked; and so, for nearly everything, can an ambassador. */
      g_assert_true (askarov_request_fits_role (ids[i], ASKAROV_ROLE_PRESIDENT));
      g_assert_true (askarov_request_fits_role (ids[i], ASKAROV_ROLE_AMBASSADOR));
      g_assert_cmpuint (fitting, >=, 6);
    }
  g_assert_cmpuint (texts, >, G_N_ELEMENTS (letter_languages) * 20 * 5);
}

static void
test_role_fits (void)
{
  /* A prison head is asked for care, access and conditions, not for a court's or a government's decision. */
  g_assert_false (askarov_request_fits_role ("quash-conviction", ASKAROV_ROLE_PRISON_HEAD));
  g_assert_false (askarov_request_fits_role ("release", ASKAROV_ROLE_PRISON_HEAD));
  g_assert_false (askarov_request_fits_role ("drop-charges", ASKAROV_ROLE_PRISON_HEAD));
  g_assert_false (askarov_request_fits_role ("investigate-death", ASKAROV_ROLE_PRISON_HEAD));
  g_assert_true (askarov_request_fits_role ("medical-care", ASKAROV_ROLE_PRISON_HEAD));
  g_assert_true (askarov_request_fits_role ("family-access", ASKAROV_ROLE_PRISON_HEAD));
  g_assert_true (askarov_request_fits_role ("lawyer-access", ASKAROV_ROLE_PRISON_HEAD));
  g_assert_true (askarov_request_fits_role ("humane-conditions", ASKAROV_ROLE_PRISON_HEAD));
  g_assert_true (askarov_request_fits_role ("no-torture", ASKAROV_ROLE_PRISON_HEAD));
  /* A prosecutor drops charges and investigates. */
  g_assert_true (askarov_request_fits_role ("drop-charges", ASKAROV_ROLE_PROSECUTOR_GENERAL));
  g_assert_true (askarov_request_fits_role ("investigate-torture", ASKAROV_ROLE_PROSECUTOR_GENERAL));
  g_assert_true (askarov_request_fits_role ("investigate-death", ASKAROV_ROLE_PROSECUTOR_GENERAL));
  /* A judge does not drop charges nor run investigations, but rules on conviction and trial. */
  g_assert_false (askarov_request_fits_role ("drop-charges", ASKAROV_ROLE_JUDGE));
  g_assert_false (askarov_request_fits_role ("investigate-torture", ASKAROV_ROLE_JUDGE));
  g_assert_true (askarov_request_fits_role ("quash-conviction", ASKAROV_ROLE_JUDGE));
  g_assert_true (askarov_request_fits_role ("fair-trial", ASKAROV_ROLE_JUDGE));
}

static void
test_wording (void)
{
  g_autofree char *en = askarov_request_dup_text ("release", "en", ASKAROV_ROLE_PRESIDENT, "Azimjan Askarov");
  g_autofree char *en_amb = askarov_request_dup_text ("release", "en", ASKAROV_ROLE_AMBASSADOR, "Azimjan Askarov");
  g_autofree char *en_judge = askarov_request_dup_text ("release", "en", ASKAROV_ROLE_JUDGE, "Azimjan Askarov");
  g_autofree char *de = askarov_request_dup_text ("release", "de", ASKAROV_ROLE_MINISTER, "Azimjan Askarov");
  g_autofree char *es = askarov_request_dup_text ("drop-charges", "es", ASKAROV_ROLE_PROSECUTOR_GENERAL, "Ana Pérez");
  g_autofree char *med = askarov_request_dup_text ("medical-care", "en", ASKAROV_ROLE_PRISON_HEAD, "Azimjan Askarov");

  g_assert_cmpstr (en, ==, "I urge you to release Azimjan Askarov immediately and unconditionally.");
  g_assert_cmpstr (en_amb, ==, "I ask you to convey to the authorities of your country my call to release "
                               "Azimjan Askarov immediately and unconditionally.");
  g_assert_true (g_str_has_prefix (en_judge, "I respectfully ask you to order"));
  g_assert_cmpstr (de, ==, "Ich fordere Sie eindringlich auf, Azimjan Askarov sofort und bedingungslos freizulassen.");
  g_assert_cmpstr (es, ==, "Le insto a retirar todos los cargos contra Ana Pérez.");
  g_assert_true (g_str_has_prefix (med, "I ask you to give Azimjan Askarov"));

  g_assert_cmpint (askarov_request_get_confidence ("release", "en"), ==, ASKAROV_CONFIDENCE_HIGH);
  g_assert_cmpint (askarov_request_get_confidence ("release", "ky"), ==, ASKAROV_CONFIDENCE_LOW);
  g_assert_cmpint (askarov_request_get_confidence ("release", "xx"), ==, ASKAROV_CONFIDENCE_LOW);
}

/* Russian puts the names in the genitive; names in Latin letters stay as written. */
static void
test_russian_names (void)
{
  static const struct { const char *persons; const char *genitive; } cases[] = {
    { "Азимжан Аскаров", "Азимжана Аскарова" },
    { "Гульнара Каримова", "Гульнары Каримовой" },
    { "Ольга Ковальская", "Ольги Ковальской" },
    { "Андрей Жуковский", "Андрея Жуковского" },
    { "Тимур Ли", "Тимура Ли" },
    { "Азимжан Аскаров и Нодира Юсупова", "Азимжана Аскарова и Нодиры Юсуповой" },
    { "Azimjan Askarov", "Azimjan Askarov" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = askarov_request_dup_text ("release", "ru", ASKAROV_ROLE_PRESIDENT, cases[i].persons);
      g_autofree char *expected = g_strdup_printf ("Убедительно прошу Вас добиться немедленного и безоговорочного "
                                                   "освобождения %s.", cases[i].genitive);

      g_assert_cmpstr (text, ==, expected);
    }
}

/* Ukrainian declines Cyrillic names; Polish declines names in Latin letters. */
static void
test_ukrainian_and_polish_names (void)
{
  static const struct { const char *language; const char *persons; const char *genitive; } cases[] = {
    { "uk", "Азімжан Аскаров", "Азімжана Аскарова" },
    { "uk", "Роза Отунбаєва", "Рози Отунбаєвої" },
    { "uk", "Оксана Ковальська", "Оксани Ковальської" },
    { "uk", "Андрій Шевченко", "Андрія Шевченка" },
    { "uk", "Марія Коваль", "Марії Коваль" },
    { "uk", "Азімжан Аскаров та Ольга Ковальчук", "Азімжана Аскарова та Ольги Ковальчук" },
    { "uk", "Azimjan Askarov", "Azimjan Askarov" },
    { "pl", "Azimjan Askarov", "Azimjana Askarova" },
    { "pl", "Leyla Mammadova", "Leyli Mammadovej" },
    { "pl", "Maria Kowalska", "Marii Kowalskiej" },
    { "pl", "Jan Kowalski", "Jana Kowalskiego" },
    { "pl", "Olga Test", "Olgi Test" },
    { "pl", "Dilshod Nazarov i Roza Otunbaeva", "Dilshoda Nazarova i Rozy Otunbaevej" },
    { "pl", "Азимжан Аскаров", "Азимжан Аскаров" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = askarov_request_dup_text ("release", cases[i].language, ASKAROV_ROLE_PRESIDENT,
                                                        cases[i].persons);
      g_autofree char *expected = g_str_equal (cases[i].language, "uk")
        ? g_strdup_printf ("Наполегливо прошу Вас забезпечити негайне й беззастережне звільнення %s.", cases[i].genitive)
        : g_strdup_printf ("Zwracam się z apelem o natychmiastowe i bezwarunkowe uwolnienie %s.", cases[i].genitive);

      g_assert_cmpstr (text, ==, expected);
    }
}

static void
test_french_elision (void)
{
  g_autofree char *vowel = askarov_request_dup_text ("disclose-whereabouts", "fr", ASKAROV_ROLE_MINISTER, "Azimjan Askarov");
  g_autofree char *consonant = askarov_request_dup_text ("end-disappearance", "fr", ASKAROV_ROLE_MINISTER, "Nodira Test");
  g_autofree char *accent = askarov_request_dup_text ("end-disappearance", "fr", ASKAROV_ROLE_MINISTER, "Émile Test");

  g_assert_nonnull (strstr (vowel, "réservé à Azimjan Askarov"));
  g_assert_nonnull (strstr (consonant, "forcée de Nodira Test"));
  g_assert_nonnull (strstr (accent, "forcée d’Émile Test"));
}

/* Each request's own sentence, in each letter language, is classified as that request. */
static void
test_classify_own_texts (void)
{
  const char * const *ids = askarov_requests_get_ids ();
  guint wrong = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    for (guint l = 0; l < G_N_ELEMENTS (letter_languages); l++)
      {
        AskarovRole role = askarov_request_fits_role (ids[i], ASKAROV_ROLE_MINISTER)
                           ? ASKAROV_ROLE_MINISTER : ASKAROV_ROLE_PRESIDENT;
        g_autofree char *text = askarov_request_dup_text (ids[i], letter_languages[l], role, "Nodira Test");
        const char *found = askarov_request_classify (text, letter_languages[l]);

        if (g_strcmp0 (found, ids[i]) != 0)
          {
            fprintf (stderr, "%s / %s: classified as %s: %s\n", ids[i], letter_languages[l], found, text);
            wrong++;
          }
      }
  g_assert_cmpuint (wrong, ==, 0);
}

typedef struct
{
  const char *language;
  const char *ask;
  const char *id;  /* NULL: fits no request */
} Ask;

/* Asks as Urgent Actions in each language phrase them (written for this test). */
static const Ask asks[] = {
  { "en", "Release Bahrom Yusupov immediately and unconditionally, as he is held solely for his peaceful activism.", "release" },
  { "en", "Drop all charges against the three journalists.", "drop-charges" },
  { "en", "Pending her release, ensure she has regular access to her family and a lawyer of her choice.", "family-access" },
  { "en", "Order a prompt, impartial and effective investigation into his allegations of torture.", "investigate-torture" },
  { "en", "Quash his conviction and ensure he receives a fair retrial.", "quash-conviction" },
  { "en", "Ensure he receives urgent medical care in a civilian hospital.", "medical-care" },
  { "en", "Immediately disclose her fate and whereabouts.", "disclose-whereabouts" },
  { "en", "Release him on humanitarian grounds given his deteriorating health.", "release-health-grounds" },
  { "en", "Halt his imminent execution and commute his death sentence.", "halt-execution" },
  { "en", "Conduct a thorough and independent investigation into his death in custody.", "investigate-death" },
  { "en", "Lift the travel ban imposed on her and return her passport.", "lift-travel-ban" },
  { "en", "Do not deport him to a country where he would be at risk of torture.", "stop-deportation" },
  { "en", "Ratify the Optional Protocol to the Convention.", NULL },
  { "en", "Quash his conviction and rehabilitate him posthumously.", "quash-conviction" },
  { "en", "Clear his name and grant his family full reparation.", "clear-name" },
  { "en", "Bring those responsible for his death to justice in fair trials.", "accountability" },
  { "en", "Provide his family with adequate compensation.", "reparation" },
  { "en", "Allow her to continue her human rights work freely and without fear of reprisals.", "let-defender-work" },
  { "ru", "Немедленно и безоговорочно освободить Бахрома Юсупова.", "release" },
  { "ru", "Снять с него все обвинения, поскольку они политически мотивированы.", "drop-charges" },
  { "ru", "Провести безотлагательное и беспристрастное расследование его заявлений о пытках.", "investigate-torture" },
  { "ru", "До освобождения обеспечить ему доступ к необходимой медицинской помощи.", "medical-care" },
  { "ru", "Отменить приговор и реабилитировать его посмертно.", "quash-conviction" },
  { "ru", "Сообщить родственникам о его местонахождении.", "disclose-whereabouts" },
  { "de", "Bitte fordern Sie die sofortige und bedingungslose Freilassung von Bahrom Yusupov.", "release" },
  { "de", "Lassen Sie Leyla Mammadova umgehend und bedingungslos frei.", "release" },
  { "de", "Sorgen Sie dafür, dass die Gefangenen frei von Folter bleiben.", "no-torture" },
  { "de", "Lassen Sie alle Anklagen gegen ihn fallen.", "drop-charges" },
  { "de", "Sorgen Sie dafür, dass er bis zu seiner Freilassung Zugang zu medizinischer Versorgung erhält.", "medical-care" },
  { "de", "Leiten Sie eine unabhängige Untersuchung der Foltervorwürfe ein.", "investigate-torture" },
  { "de", "Gewähren Sie ihm regelmäßigen Kontakt zu seiner Familie.", "family-access" },
  { "fr", "Libérez-le immédiatement et sans condition.", "release" },
  { "fr", "Abandonnez toutes les charges retenues contre elle.", "drop-charges" },
  { "fr", "Veillez à ce qu’il puisse consulter l’avocat de son choix.", "lawyer-access" },
  { "fr", "Ouvrez une enquête impartiale sur les actes de torture qu’il dit avoir subis.", "investigate-torture" },
  { "fr", "Faites connaître le lieu où elle se trouve.", "disclose-whereabouts" },
  { "es", "Pongan en libertad a Bahrom Yusupov de forma inmediata e incondicional.", "release" },
  { "es", "Retiren todos los cargos contra él.", "drop-charges" },
  { "es", "Garanticen que recibe la atención médica que necesita.", "medical-care" },
  { "es", "Revelen de inmediato la suerte y el paradero de la activista.", "disclose-whereabouts" },
  { "es", "Garanticen que no es sometido a tortura ni a otros malos tratos.", "no-torture" },
  { "nl", "Laat hem onmiddellijk en onvoorwaardelijk vrij.", "release" },
  { "nl", "Zorg dat hij toegang krijgt tot een advocaat van zijn keuze.", "lawyer-access" },
  { "nl", "Stel een onafhankelijk onderzoek in naar de marteling.", "investigate-torture" },
  { "nl", "Laat de aanklachten tegen haar vallen.", "drop-charges" },
  { "it", "Rilasciatelo immediatamente e senza condizioni.", "release" },
  { "it", "Garantite che riceva cure mediche adeguate.", "medical-care" },
  { "it", "Avviate un'indagine indipendente sulla sua morte in custodia.", "investigate-death" },
  { "it", "Ritirate tutte le accuse nei suoi confronti.", "drop-charges" },
  { "ky", "Аны дароо жана эч кандай шартсыз бошотуу.", "release" },
  { "ky", "Кыйноолор тууралуу арыздарды калыс иликтөө.", "investigate-torture" },
  { "ky", "Ага адвокат менен жолугушууга мүмкүнчүлүк берүү.", "lawyer-access" },
  { "ky", "Анын өлүмүнүн жагдайларын көз карандысыз иликтөө.", "investigate-death" },
  { "uz", "Uni darhol va shartsiz ozod qilish.", "release" },
  { "uz", "Qiynoqlar haqidagi shikoyatlarni xolis tergov qilish.", "investigate-torture" },
  { "uz", "Unga tibbiy yordam koʻrsatilishini taʼminlash.", "medical-care" },
  { "uz", "Unga advokat bilan uchrashish imkonini berish.", "lawyer-access" },
  { "uz-Cyrl", "Уни дарҳол ва шартсиз озод қилиш.", "release" },
  { "uz-Cyrl", "Қийноқлар ҳақидаги шикоятларни холис тергов қилиш.", "investigate-torture" },
  { "uz-Cyrl", "Унга тиббий ёрдам кўрсатилишини таъминлаш.", "medical-care" },
  { "pt", "Libertem Bahrom Yusupov imediata e incondicionalmente.", "release" },
  { "pt", "Retirem todas as acusações contra ela.", "drop-charges" },
  { "pt", "Garantam que recebe os cuidados médicos de que necessita.", "medical-care" },
  { "pt", "Revelem de imediato o paradeiro do ativista.", "disclose-whereabouts" },
  { "pt", "Abram uma investigação imparcial às denúncias de tortura.", "investigate-torture" },
  { "it", "Garantite che abbia accesso a un avvocato di sua scelta.", "lawyer-access" },
  { "nl", "Bescherm haar tegen foltering en andere mishandeling.", "no-torture" },
  { "pl", "Natychmiast i bezwarunkowo uwolnijcie Bahroma Yusupova.", "release" },
  { "pl", "Wycofajcie wszystkie zarzuty wobec niej.", "drop-charges" },
  { "pl", "Zapewnijcie mu dostęp do adwokata z wyboru.", "lawyer-access" },
  { "pl", "Wszczęcie bezstronnego śledztwa w sprawie tortur.", "investigate-torture" },
  { "pl", "Do czasu uwolnienia zapewnijcie jej opiekę medyczną.", "medical-care" },
  { "uk", "Негайно й беззастережно звільнити Бахрома Юсупова.", "release" },
  { "uk", "Провести неупереджене розслідування скарг на катування.", "investigate-torture" },
  { "uk", "До звільнення забезпечити йому належну медичну допомогу.", "medical-care" },
  { "uk", "Повідомити рідним про його місце перебування.", "disclose-whereabouts" },
};

static void
test_classify_asks (void)
{
  guint wrong = 0;

  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      const char *found = askarov_request_classify (asks[i].ask, asks[i].language);

      if (g_strcmp0 (found, asks[i].id) != 0)
        {
          fprintf (stderr, "%s \"%s\": %s, expected %s\n", asks[i].language, asks[i].ask, found, asks[i].id);
          wrong++;
        }
    }
  g_assert_cmpuint (wrong, ==, 0);
  /* The first of all the requests an ask makes is the one classify gives. */
  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      g_auto(GStrv) all = askarov_request_classify_all (asks[i].ask, asks[i].language);

      g_assert_cmpstr (all[0], ==, asks[i].id);
    }
  /* Without a language, every language is tried. */
  g_assert_cmpstr (askarov_request_classify ("Freilassung sofort!", NULL), ==, "release");
  g_assert_cmpstr (askarov_request_classify ("Освободите его.", NULL), ==, "release");
  g_assert_null (askarov_request_classify ("", "en"));
  /* Broken text is read, not refused. */
  g_assert_cmpstr (askarov_request_classify ("\xff\xfe Release him now.", "en"), ==, "release");
  g_assert_null (askarov_request_classify ("Thank you for your help.", NULL));
}

static void
test_classify_all (void)
{
  static const struct { const char *language; const char *ask; const char *ids[4]; } cases[] = {
    { "en", "Release him immediately and unconditionally and drop all charges against him.", { "release", "drop-charges", NULL } },
    { "en", "Order an impartial investigation into his allegations of torture.", { "investigate-torture", NULL } },
    { "en", "Release him on humanitarian grounds given his poor health.", { "release-health-grounds", NULL } },
    { "en", "Pending his release, give him medical care and regular visits from his family.", { "medical-care", "family-access", NULL } },
    { "de", "Lassen Sie die Anklagen fallen und schützen Sie ihn vor Folter.", { "drop-charges", "no-torture", NULL } },
    { "ru", "Освободить его и снять с него все обвинения.", { "release", "drop-charges", NULL } },
    { "en", "Thank you.", { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) all = askarov_request_classify_all (cases[i].ask, cases[i].language);

      g_assert_nonnull (all);
      g_assert_cmpstrv (all, cases[i].ids);
    }
}

/* Asks found in documents of each layout (tests/data/extract/asks/, written for
 * these tests): each ask as written, in order, and the request it makes. */
typedef struct
{
  const char *file;
  const char *language;
  const char *asks[13];  /* ask, id, ask, id, …, NULL */
} AskDocument;

static const AskDocument ask_documents[] = {
  { "en-ai-pdf.txt", "en", {
      "Calling on the authorities to reveal at once where Dilnoza Rakhimova is held and to let her see a lawyer of her choosing and her relatives", "disclose-whereabouts",
      "Urging them to release her immediately and unconditionally, as she is held only for her reporting", "release",
      "Calling for her to be protected from torture and other ill-treatment while in custody.", "no-torture",
      NULL } },
  { "en-web-letter.md", "en", {
      "Halt the deportation of Karim Sadikov and let him apply for asylum in a fair procedure", "stop-deportation",
      "Release him from the immigration centre while his case is heard", "release",
      "Ensure he can meet his lawyer in private", "lawyer-access",
      "I urge you to stop his deportation and to ensure his claim is examined fairly", "stop-deportation",
      "pending a decision, release him from detention.", "release",
      NULL } },
  { "de-section.txt", "de", {
      "Schreiben Sie bitte bis zum 22. Mai 2024 an den Generalstaatsanwalt und fordern Sie ihn auf, Leyla Nazarova umgehend und bedingungslos freizulassen.", "release",
      "Bitte fordern Sie außerdem, dass alle Anklagen gegen sie fallen gelassen werden.", "drop-charges",
      "Ich fordere Sie auf, sicherzustellen, dass Leyla Nazarova umgehend ärztlich versorgt wird.", "medical-care",
      NULL } },
  { "de-list.txt", "de", {
      "Geben Sie sofort bekannt, wo sich Arman Tulegenov befindet und welches Schicksal er erlitten hat.", "disclose-whereabouts",
      "Sorgen Sie dafür, dass er vor Folter geschützt wird.", "no-torture",
      "Gewähren Sie ihm Zugang zu einem Rechtsbeistand seiner Wahl.", "lawyer-access",
      NULL } },
  { "es-list.txt", "es", {
      "Pidiendo a las autoridades que no devuelvan a Luis Andrade a su país de origen", "stop-deportation",
      "Instándolas a garantizar que puede solicitar asilo con todas las garantías", NULL,
      NULL } },
  { "fr-section.txt", "fr", {
      "Demandez aux autorités de renoncer à son exécution et de commuer sa peine", "halt-execution",
      "Exhortez-les à ordonner un nouveau procès respectant les normes d’équité", "fair-trial",
      "Demandez qu’il puisse voir sa famille et son avocat régulièrement.", "family-access",
      NULL } },
  { "es-section.txt", "es", {
      "Pidan a las autoridades que protejan de inmediato a Rosa Quispe y a su familia, de acuerdo con sus deseos.", "protect-from-reprisals",
      "Insten a la Fiscalía a investigar las amenazas y a llevar a los responsables ante la justicia.", "investigate-threats",
      NULL } },
  { "ru-section.txt", "ru", {
      "Призывайте власти провести независимое расследование обстоятельств смерти Рустама Ахмедова", "investigate-death",
      "Просите привлечь к ответственности всех, кто виновен в нарушении его прав", "accountability",
      NULL } },
  { "it-list.txt", "it", {
      "chiedendo il suo rilascio immediato e incondizionato", "release",
      "sollecitando le autorità a garantirgli cure mediche adeguate", "medical-care",
      NULL } },
  { "nl-list.txt", "nl", {
      "Zet Mariam Osei niet uit naar een land waar zij vervolging riskeert.", "stop-deportation",
      "Zorg dat zij haar advocaat kan spreken.", "lawyer-access",
      NULL } },
  { "nl-it.txt", NULL, {
      "Vraag de autoriteiten om Samir Haddad onmiddellijk vrij te laten.", "release",
      "Vraag hen ook om te zorgen dat hij medische zorg krijgt.", "medical-care",
      "Chiedete alle autorità di garantire che Samir Haddad non sia sottoposto a tortura.", "no-torture",
      NULL } },
};

static char *
read_document (const char *file)
{
  g_autofree char *path = g_build_filename (g_getenv ("ASKAROV_SOURCE_DIR"), "tests", "data", "extract", "asks",
                                            file, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_extract_asks (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (ask_documents); d++)
    {
      const AskDocument *doc = &ask_documents[d];
      g_autofree char *contents = read_document (doc->file);
      g_autoptr(AskarovFacts) facts = askarov_extract (contents);
      guint n = 0;

      for (guint i = 0; facts->asks[i] != NULL; i++)
        fprintf (stderr, "# %s: ask %u: %s (%s)\n", doc->file, i, facts->asks[i],
                 askarov_request_classify (facts->asks[i], doc->language));
      for (n = 0; doc->asks[2 * n] != NULL; n++)
        {
          g_assert_nonnull (facts->asks[n]);
          g_assert_cmpstr (facts->asks[n], ==, doc->asks[2 * n]);
          g_assert_cmpstr (askarov_request_classify (facts->asks[n], doc->language), ==, doc->asks[2 * n + 1]);
        }
      g_assert_cmpuint (g_strv_length (facts->asks), ==, n);
    }
}

/* Text with no list of requests gives none; reports of others' calls are no asks. */
static void
test_extract_no_asks (void)
{
  g_autoptr(AskarovFacts) plain = askarov_extract ("Press release\n\nThe court sentenced the defender to life in prison. "
                                                   "The European Union called on the government to release him.\n");
  g_autoptr(AskarovFacts) empty = askarov_extract ("");

  g_assert_cmpuint (g_strv_length (plain->asks), ==, 0);
  g_assert_cmpuint (g_strv_length (empty->asks), ==, 0);
}

/* The real Askarov Urgent Actions (shared corpus, when present): the 2010 PDF's
 * list without its bullet signs, and the 2020 web page's sample letter. */
static void
test_extract_corpus (void)
{
  static const struct { const char *file; const char *ids[4]; } expected[] = {
    { "002_7170e70723e6a976.txt", { "release", "protect-from-reprisals", NULL } },
    { "003_55fd246bdecfe6e2.txt", { "release", "medical-care", NULL } },
  };
  const char *corpus = g_getenv ("ASKAROV_CORPUS_DIR");

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no corpus");
      return;
    }
  for (guint d = 0; d < G_N_ELEMENTS (expected); d++)
    {
      g_autofree char *path = g_build_filename (corpus, expected[d].file, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(AskarovFacts) facts = NULL;
      guint n;

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        {
          g_test_skip ("corpus file missing");
          return;
        }
      facts = askarov_extract (contents);
      for (n = 0; expected[d].ids[n] != NULL; n++)
        {
          g_assert_nonnull (facts->asks[n]);
          g_assert_cmpstr (askarov_request_classify (facts->asks[n], "en"), ==, expected[d].ids[n]);
        }
      g_assert_cmpuint (g_strv_length (facts->asks), ==, n);
      /* "Stating that Amnesty International considers …" is no request. */
      for (n = 0; facts->asks[n] != NULL; n++)
        g_assert_false (g_str_has_prefix (facts->asks[n], "Stating"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/requests/ids", test_ids);
  g_test_add_func ("/requests/every-text", test_every_text);
  g_test_add_func ("/requests/role-fits", test_role_fits);
  g_test_add_func ("/requests/wording", test_wording);
  g_test_add_func ("/requests/russian-names", test_russian_names);
  g_test_add_func ("/requests/ukrainian-and-polish-names", test_ukrainian_and_polish_names);
  g_test_add_func ("/requests/french-elision", test_french_elision);
  g_test_add_func ("/requests/classify-own-texts", test_classify_own_texts);
  g_test_add_func ("/requests/classify-asks", test_classify_asks);
  g_test_add_func ("/requests/classify-all", test_classify_all);
  g_test_add_func ("/requests/extract-asks", test_extract_asks);
  g_test_add_func ("/requests/extract-no-asks", test_extract_no_asks);
  g_test_add_func ("/requests/extract-corpus", test_extract_corpus);

  return g_test_run ();
}
