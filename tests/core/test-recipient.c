/* test-recipient.c — recipient blocks per language, role and form of address, and when a title is the phrasebook's office.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "askarov-names.h"
#include "askarov-recipient.h"

typedef struct
{
  const char *language;
  const char *role;
  const char *form;
  const char *block;
} BlockCase;

/* Written out by hand from each language's conventions (see the phrasebooks'
 * "recipient-block" notes): a man with a patronymic, a woman with one, and an
 * official whose sex the Urgent Action does not give. */
static const BlockCase blocks[] = {
  { "en", "president", "man", "His Excellency Sooronbay Jeenbekov\nPresident of the Kyrgyz Republic" },
  { "en", "president", "woman", "Her Excellency Roza Otunbaeva\nPresident of the Kyrgyz Republic" },
  { "en", "president", "unknown", "H.E. Kubatbek Baibolov\nPresident of the Kyrgyz Republic" },
  { "en", "prosecutor-general", "man", "Mr Sooronbay Jeenbekov\nProsecutor General of the Kyrgyz Republic" },
  { "en", "prosecutor-general", "woman", "Ms Roza Otunbaeva\nProsecutor General of the Kyrgyz Republic" },
  { "en", "prosecutor-general", "unknown", "Kubatbek Baibolov\nProsecutor General of the Kyrgyz Republic" },
  { "en", "ambassador", "man", "His Excellency Sooronbay Jeenbekov\nAmbassador of the Kyrgyz Republic" },
  { "en", "ambassador", "woman", "Her Excellency Roza Otunbaeva\nAmbassador of the Kyrgyz Republic" },
  { "en", "ambassador", "unknown", "H.E. Kubatbek Baibolov\nAmbassador of the Kyrgyz Republic" },
  { "en", "prison-head", "man", "Mr Sooronbay Jeenbekov\nHead of the State Penitentiary Service of the Kyrgyz Republic" },
  { "en", "prison-head", "woman", "Ms Roza Otunbaeva\nHead of the State Penitentiary Service of the Kyrgyz Republic" },
  { "en", "prison-head", "unknown", "Kubatbek Baibolov\nHead of the State Penitentiary Service of the Kyrgyz Republic" },
  { "ru", "president", "man", "Президенту Кыргызской Республики\nС. Ш. Жээнбекову" },
  { "ru", "president", "woman", "Президенту Кыргызской Республики\nР. И. Отунбаевой" },
  { "ru", "president", "unknown", "Президенту Кыргызской Республики\nК. Байболову" },
  { "ru", "prosecutor-general", "man", "Генеральному прокурору Кыргызской Республики\nС. Ш. Жээнбекову" },
  { "ru", "prosecutor-general", "woman", "Генеральному прокурору Кыргызской Республики\nР. И. Отунбаевой" },
  { "ru", "prosecutor-general", "unknown", "Генеральному прокурору Кыргызской Республики\nК. Байболову" },
  { "ru", "ambassador", "man", "Послу Кыргызской Республики\nС. Ш. Жээнбекову" },
  { "ru", "ambassador", "woman", "Послу Кыргызской Республики\nР. И. Отунбаевой" },
  { "ru", "ambassador", "unknown", "Послу Кыргызской Республики\nК. Байболову" },
  { "ru", "prison-head", "man", "Председателю Государственной службы исполнения наказаний Кыргызской Республики\nС. Ш. Жээнбекову" },
  { "ru", "prison-head", "woman", "Председателю Государственной службы исполнения наказаний Кыргызской Республики\nР. И. Отунбаевой" },
  { "ru", "prison-head", "unknown", "Председателю Государственной службы исполнения наказаний Кыргызской Республики\nК. Байболову" },
  { "ky", "president", "man", "Кыргыз Республикасынын Президенти\nС. Ш. Жээнбековго" },
  { "ky", "president", "woman", "Кыргыз Республикасынын Президенти\nР. И. Отунбаевага" },
  { "ky", "president", "unknown", "Кыргыз Республикасынын Президенти\nК. Байболовго" },
  { "ky", "prosecutor-general", "man", "Кыргыз Республикасынын Башкы прокурору\nС. Ш. Жээнбековго" },
  { "ky", "prosecutor-general", "woman", "Кыргыз Республикасынын Башкы прокурору\nР. И. Отунбаевага" },
  { "ky", "prosecutor-general", "unknown", "Кыргыз Республикасынын Башкы прокурору\nК. Байболовго" },
  { "ky", "ambassador", "man", "Кыргыз Республикасынын Элчиси\nС. Ш. Жээнбековго" },
  { "ky", "ambassador", "woman", "Кыргыз Республикасынын Элчиси\nР. И. Отунбаевага" },
  { "ky", "ambassador", "unknown", "Кыргыз Республикасынын Элчиси\nК. Байболовго" },
  { "ky", "prison-head", "man", "Кыргыз Республикасынын Жаза аткаруу кызматынын төрагасы\nС. Ш. Жээнбековго" },
  { "ky", "prison-head", "woman", "Кыргыз Республикасынын Жаза аткаруу кызматынын төрагасы\nР. И. Отунбаевага" },
  { "ky", "prison-head", "unknown", "Кыргыз Республикасынын Жаза аткаруу кызматынын төрагасы\nК. Байболовго" },
  { "uz", "president", "man", "Qirgʻiziston Respublikasi Prezidenti\nS. Jeenbekovga" },
  { "uz", "president", "woman", "Qirgʻiziston Respublikasi Prezidenti\nR. Otunbaevaga" },
  { "uz", "president", "unknown", "Qirgʻiziston Respublikasi Prezidenti\nK. Baibolovga" },
  { "uz", "prosecutor-general", "man", "Qirgʻiziston Respublikasi Bosh prokurori\nS. Jeenbekovga" },
  { "uz", "prosecutor-general", "woman", "Qirgʻiziston Respublikasi Bosh prokurori\nR. Otunbaevaga" },
  { "uz", "prosecutor-general", "unknown", "Qirgʻiziston Respublikasi Bosh prokurori\nK. Baibolovga" },
  { "uz", "ambassador", "man", "Qirgʻiziston Respublikasi Elchisi\nS. Jeenbekovga" },
  { "uz", "ambassador", "woman", "Qirgʻiziston Respublikasi Elchisi\nR. Otunbaevaga" },
  { "uz", "ambassador", "unknown", "Qirgʻiziston Respublikasi Elchisi\nK. Baibolovga" },
  { "uz", "prison-head", "man", "Qirgʻiziston Respublikasi Jazoni ijro etish xizmati raisi\nS. Jeenbekovga" },
  { "uz", "prison-head", "woman", "Qirgʻiziston Respublikasi Jazoni ijro etish xizmati raisi\nR. Otunbaevaga" },
  { "uz", "prison-head", "unknown", "Qirgʻiziston Respublikasi Jazoni ijro etish xizmati raisi\nK. Baibolovga" },
  { "uz-Cyrl", "president", "man", "Қирғизистон Республикаси Президенти\nС. Жээнбековга" },
  { "uz-Cyrl", "president", "woman", "Қирғизистон Республикаси Президенти\nР. Отунбаевага" },
  { "uz-Cyrl", "president", "unknown", "Қирғизистон Республикаси Президенти\nК. Байболовга" },
  { "uz-Cyrl", "prosecutor-general", "man", "Қирғизистон Республикаси Бош прокурори\nС. Жээнбековга" },
  { "uz-Cyrl", "prosecutor-general", "woman", "Қирғизистон Республикаси Бош прокурори\nР. Отунбаевага" },
  { "uz-Cyrl", "prosecutor-general", "unknown", "Қирғизистон Республикаси Бош прокурори\nК. Байболовга" },
  { "uz-Cyrl", "ambassador", "man", "Қирғизистон Республикаси Элчиси\nС. Жээнбековга" },
  { "uz-Cyrl", "ambassador", "woman", "Қирғизистон Республикаси Элчиси\nР. Отунбаевага" },
  { "uz-Cyrl", "ambassador", "unknown", "Қирғизистон Республикаси Элчиси\nК. Байболовга" },
  { "uz-Cyrl", "prison-head", "man", "Қирғизистон Республикаси Жазони ижро этиш хизмати раиси\nС. Жээнбековга" },
  { "uz-Cyrl", "prison-head", "woman", "Қирғизистон Республикаси Жазони ижро этиш хизмати раиси\nР. Отунбаевага" },
  { "uz-Cyrl", "prison-head", "unknown", "Қирғизистон Республикаси Жазони ижро этиш хизмати раиси\nК. Байболовга" },
  { "de", "president", "man", "Seiner Exzellenz\nHerrn Sooronbay Jeenbekov\nPräsident der Kirgisischen Republik" },
  { "de", "president", "woman", "Ihrer Exzellenz\nFrau Roza Otunbaeva\nPräsidentin der Kirgisischen Republik" },
  { "de", "president", "unknown", "Kubatbek Baibolov\nPräsident der Kirgisischen Republik" },
  { "de", "prosecutor-general", "man", "Herrn Sooronbay Jeenbekov\nGeneralstaatsanwalt der Kirgisischen Republik" },
  { "de", "prosecutor-general", "woman", "Frau Roza Otunbaeva\nGeneralstaatsanwältin der Kirgisischen Republik" },
  { "de", "prosecutor-general", "unknown", "Kubatbek Baibolov\nGeneralstaatsanwalt der Kirgisischen Republik" },
  { "de", "ambassador", "man", "Seiner Exzellenz\nHerrn Sooronbay Jeenbekov\nBotschafter der Kirgisischen Republik" },
  { "de", "ambassador", "woman", "Ihrer Exzellenz\nFrau Roza Otunbaeva\nBotschafterin der Kirgisischen Republik" },
  { "de", "ambassador", "unknown", "Kubatbek Baibolov\nBotschafter der Kirgisischen Republik" },
  { "de", "prison-head", "man", "Herrn Sooronbay Jeenbekov\nLeiter des Strafvollzugsdienstes der Kirgisischen Republik" },
  { "de", "prison-head", "woman", "Frau Roza Otunbaeva\nLeiterin des Strafvollzugsdienstes der Kirgisischen Republik" },
  { "de", "prison-head", "unknown", "Kubatbek Baibolov\nLeiter des Strafvollzugsdienstes der Kirgisischen Republik" },
  { "fr", "president", "man", "Son Excellence Monsieur Sooronbay Jeenbekov\nPrésident de la République kirghize" },
  { "fr", "president", "woman", "Son Excellence Madame Roza Otunbaeva\nPrésidente de la République kirghize" },
  { "fr", "president", "unknown", "Son Excellence Kubatbek Baibolov\nPrésident de la République kirghize" },
  { "fr", "prosecutor-general", "man", "Monsieur Sooronbay Jeenbekov\nProcureur général de la République kirghize" },
  { "fr", "prosecutor-general", "woman", "Madame Roza Otunbaeva\nProcureure générale de la République kirghize" },
  { "fr", "prosecutor-general", "unknown", "Kubatbek Baibolov\nProcureur général de la République kirghize" },
  { "fr", "ambassador", "man", "Son Excellence Monsieur Sooronbay Jeenbekov\nAmbassadeur de la République kirghize" },
  { "fr", "ambassador", "woman", "Son Excellence Madame Roza Otunbaeva\nAmbassadrice de la République kirghize" },
  { "fr", "ambassador", "unknown", "Son Excellence Kubatbek Baibolov\nAmbassadeur de la République kirghize" },
  { "fr", "prison-head", "man", "Monsieur Sooronbay Jeenbekov\nDirecteur du Service pénitentiaire de la République kirghize" },
  { "fr", "prison-head", "woman", "Madame Roza Otunbaeva\nDirectrice du Service pénitentiaire de la République kirghize" },
  { "fr", "prison-head", "unknown", "Kubatbek Baibolov\nDirecteur du Service pénitentiaire de la République kirghize" },
  { "es", "president", "man", "Excmo. Sr. D. Sooronbay Jeenbekov\nPresidente de la República Kirguisa" },
  { "es", "president", "woman", "Excma. Sra. Dña. Roza Otunbaeva\nPresidenta de la República Kirguisa" },
  { "es", "president", "unknown", "Kubatbek Baibolov\nPresidente de la República Kirguisa" },
  { "es", "prosecutor-general", "man", "Excmo. Sr. D. Sooronbay Jeenbekov\nFiscal General de la República Kirguisa" },
  { "es", "prosecutor-general", "woman", "Excma. Sra. Dña. Roza Otunbaeva\nFiscal General de la República Kirguisa" },
  { "es", "prosecutor-general", "unknown", "Kubatbek Baibolov\nFiscal General de la República Kirguisa" },
  { "es", "ambassador", "man", "Excmo. Sr. D. Sooronbay Jeenbekov\nEmbajador de la República Kirguisa" },
  { "es", "ambassador", "woman", "Excma. Sra. Dña. Roza Otunbaeva\nEmbajadora de la República Kirguisa" },
  { "es", "ambassador", "unknown", "Kubatbek Baibolov\nEmbajador de la República Kirguisa" },
  { "es", "prison-head", "man", "Sr. D. Sooronbay Jeenbekov\nDirector del Servicio Penitenciario de la República Kirguisa" },
  { "es", "prison-head", "woman", "Sra. Dña. Roza Otunbaeva\nDirectora del Servicio Penitenciario de la República Kirguisa" },
  { "es", "prison-head", "unknown", "Kubatbek Baibolov\nDirector del Servicio Penitenciario de la República Kirguisa" },
};

static const char *
name_for (const char *form,
          const char *language)
{
  gboolean cyrillic = g_strcmp0 (askarov_names_get_script (language), "Cyrl") == 0;

  if (g_strcmp0 (form, "man") == 0)
    return cyrillic ? "Сооронбай Шарипович Жээнбеков" : "Sooronbay Sharipovich Jeenbekov";
  if (g_strcmp0 (form, "woman") == 0)
    return cyrillic ? "Роза Исаковна Отунбаева" : "Roza Isakovna Otunbaeva";
  return cyrillic ? "Кубатбек Байболов" : "Kubatbek Baibolov";
}

static void
test_blocks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      AskarovRecipient r = { 0 };
      g_autofree char *block = NULL;

      r.language = blocks[i].language;
      g_assert_true (askarov_role_from_id (blocks[i].role, &r.role));
      g_assert_true (askarov_address_form_from_id (blocks[i].form, &r.form));
      r.name = name_for (blocks[i].form, blocks[i].language);
      r.use_office = TRUE;
      block = askarov_recipient_dup_block (&r);
      g_test_message ("%s %s %s:\n%s", blocks[i].language, blocks[i].role, blocks[i].form, block);
      g_assert_cmpstr (block, ==, blocks[i].block);
    }
}

static void
test_block_parts (void)
{
  AskarovRecipient r = { "ru", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_MAN, NULL, NULL, TRUE,
                         "ул. Чуй, 205\nБишкек 720003" };
  g_autofree char *no_name = NULL;
  g_autofree char *ky_no_name = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *ky_name_only = NULL;

  /* No name: the office alone, then the address. */
  no_name = askarov_recipient_dup_block (&r);
  g_assert_cmpstr (no_name, ==, "Президенту Кыргызской Республики\nул. Чуй, 205\nБишкек 720003");

  /* Kyrgyz without a name: the office itself takes the dative. */
  r.language = "ky";
  r.address = NULL;
  ky_no_name = askarov_recipient_dup_block (&r);
  g_assert_cmpstr (ky_no_name, ==, "Кыргыз Республикасынын Президентине");

  /* A typed title stays as typed, in front of the declined name. */
  r.language = "ru";
  r.use_office = FALSE;
  r.title = "Minister of Justice";
  r.name = "Аяз Баетов";
  typed = askarov_recipient_dup_block (&r);
  g_assert_cmpstr (typed, ==, "Minister of Justice\nА. Баетову");

  r.language = "ky";
  r.title = NULL;
  ky_name_only = askarov_recipient_dup_block (&r);
  g_assert_cmpstr (ky_name_only, ==, "А. Баетовго");
}

static void
test_lines (void)
{
  AskarovRecipient r = { "ru", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_WOMAN, "Роза Отунбаева", NULL, TRUE, NULL };
  g_autofree char *ru = askarov_recipient_dup_line (&r);
  g_autofree char *en = NULL;
  g_autofree char *de = NULL;

  g_assert_cmpstr (ru, ==, "Президенту Кыргызской Республики Р. Отунбаевой");
  r.language = "en";
  r.name = "Roza Otunbaeva";
  r.use_office = FALSE;
  r.title = "President";
  en = askarov_recipient_dup_line (&r);
  /* No honorifics on one line: the name, then the title. */
  g_assert_cmpstr (en, ==, "Roza Otunbaeva, President");
  r.language = "de";
  r.use_office = TRUE;
  de = askarov_recipient_dup_line (&r);
  g_assert_cmpstr (de, ==, "Roza Otunbaeva, Präsidentin der Kirgisischen Republik");
}

/* The five languages of the "newlangs" phrasebooks, with the rules they are to carry. */
static const struct
{
  const char *language;
  const char *rules;
  AskarovRole role;
  AskarovAddressForm form;
  const char *name;
  const char *title;
  const char *block;
} new_languages[] = {
  { "pt", "{\"order\": \"name-title\", \"name\": \"full\", \"patronymic\": false,"
          " \"name-line\": {\"man\": \"Exmo. Senhor {name}\", \"woman\": \"Exma. Senhora {name}\", \"unknown\": \"{name}\"},"
          " \"excellency-roles\": [\"president\", \"ambassador\"],"
          " \"excellency-line\": {\"man\": \"Sua Excelência o Senhor {name}\", \"woman\": \"Sua Excelência a Senhora {name}\", \"unknown\": \"Sua Excelência {name}\"}}",
    ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_WOMAN, "Roza Isakovna Otunbaeva",
    "Procuradora-Geral da República do Quirguistão",
    "Exma. Senhora Roza Otunbaeva\nProcuradora-Geral da República do Quirguistão" },
  { "pt", NULL, ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_MAN, "Sooronbay Jeenbekov", "Presidente da República do Quirguistão",
    "Sua Excelência o Senhor Sooronbay Jeenbekov\nPresidente da República do Quirguistão" },
  { "it", "{\"order\": \"name-title\", \"name\": \"full\", \"patronymic\": false,"
          " \"name-line\": {\"man\": \"Egregio Signor {name}\", \"woman\": \"Gentile Signora {name}\", \"unknown\": \"{name}\"},"
          " \"excellency-roles\": [\"president\", \"ambassador\"],"
          " \"excellency-line\": {\"man\": \"A Sua Eccellenza\\nSignor {name}\", \"woman\": \"A Sua Eccellenza\\nSignora {name}\", \"unknown\": \"A Sua Eccellenza\\n{name}\"}}",
    ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_MAN, "Sooronbay Jeenbekov", "Ambasciatore della Repubblica del Kirghizistan",
    "A Sua Eccellenza\nSignor Sooronbay Jeenbekov\nAmbasciatore della Repubblica del Kirghizistan" },
  { "it", NULL, ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_WOMAN, "Roza Otunbaeva", "Direttrice del Servizio penitenziario",
    "Gentile Signora Roza Otunbaeva\nDirettrice del Servizio penitenziario" },
  { "nl", "{\"order\": \"name-title\", \"name\": \"full\", \"patronymic\": false,"
          " \"name-line\": {\"man\": \"De heer {name}\", \"woman\": \"Mevrouw {name}\", \"unknown\": \"{name}\"},"
          " \"excellency-roles\": [\"president\", \"ambassador\"],"
          " \"excellency-line\": {\"man\": \"Zijne Excellentie de heer {name}\", \"woman\": \"Hare Excellentie mevrouw {name}\", \"unknown\": \"{name}\"}}",
    ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_WOMAN, "Roza Otunbaeva", "President van de Kirgizische Republiek",
    "Hare Excellentie mevrouw Roza Otunbaeva\nPresident van de Kirgizische Republiek" },
  { "nl", NULL, ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_UNKNOWN, "Kubatbek Baibolov", "Procureur-generaal",
    "Kubatbek Baibolov\nProcureur-generaal" },
  { "pl", "{\"order\": \"name-title\", \"name\": \"full\", \"patronymic\": false,"
          " \"name-line\": {\"man\": \"Pan {name}\", \"woman\": \"Pani {name}\", \"unknown\": \"{name}\"},"
          " \"excellency-roles\": [\"president\", \"ambassador\"],"
          " \"excellency-line\": {\"man\": \"Jego Ekscelencja\\nPan {name}\", \"woman\": \"Jej Ekscelencja\\nPani {name}\", \"unknown\": \"{name}\"}}",
    ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_WOMAN, "Roza Otunbaeva", "Ambasador Republiki Kirgiskiej",
    "Jej Ekscelencja\nPani Roza Otunbaeva\nAmbasador Republiki Kirgiskiej" },
  { "pl", NULL, ASKAROV_ROLE_PRISON_HEAD, ASKAROV_ADDRESS_FORM_MAN, "Kubatbek Baibolov", "Dyrektor Służby Więziennej",
    "Pan Kubatbek Baibolov\nDyrektor Służby Więziennej" },
  { "uk", "{\"order\": \"title-name\", \"name\": \"initials\", \"name-case\": \"dative\"}",
    ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_MAN, "Сооронбай Шарипович Жеенбеков", "Президентові Киргизької Республіки",
    "Президентові Киргизької Республіки\nС. Ш. Жеенбекову" },
  { "uk", NULL, ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_WOMAN, "Ірина Венедіктова", "Генеральному прокурору України",
    "Генеральному прокурору України\nІ. Венедіктовій" },
};

static void
test_new_languages (void)
{
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (new_languages); i++)
    {
      AskarovRecipient r = { new_languages[i].language, new_languages[i].role, new_languages[i].form,
                             new_languages[i].name, new_languages[i].title, FALSE, NULL };
      g_autofree char *block = NULL;

      if (new_languages[i].rules != NULL)
        {
          g_autoptr(GError) error = NULL;

          g_clear_pointer (&node, json_node_unref);
          node = json_from_string (new_languages[i].rules, &error);
          g_assert_no_error (error);
        }
      block = askarov_recipient_dup_block_with_rules (&r, json_node_get_object (node));
      g_assert_cmpstr (block, ==, new_languages[i].block);
    }
}

static void
test_title_is_office (void)
{
  /* The same office, in other words or another language. */
  g_assert_true (askarov_recipient_title_is_office ("President of Kyrgyzstan", ASKAROV_ROLE_PRESIDENT));
  g_assert_true (askarov_recipient_title_is_office ("President", ASKAROV_ROLE_PRESIDENT));
  g_assert_true (askarov_recipient_title_is_office ("Prosecutor General of the Kyrgyz Republic",
                                                    ASKAROV_ROLE_PROSECUTOR_GENERAL));
  g_assert_true (askarov_recipient_title_is_office ("General Prosecutor", ASKAROV_ROLE_PROSECUTOR_GENERAL));
  g_assert_true (askarov_recipient_title_is_office ("Minister of Internal Affairs", ASKAROV_ROLE_MINISTER));
  g_assert_true (askarov_recipient_title_is_office ("Генеральный прокурор Кыргызской Республики",
                                                    ASKAROV_ROLE_PROSECUTOR_GENERAL));
  g_assert_true (askarov_recipient_title_is_office ("Ambassador of Kyrgyzstan", ASKAROV_ROLE_AMBASSADOR));

  /* Another office: the typed title stays. */
  g_assert_false (askarov_recipient_title_is_office ("Minister of Justice", ASKAROV_ROLE_MINISTER));
  g_assert_false (askarov_recipient_title_is_office ("Ambassador of Kyrgyzstan to the United Kingdom",
                                                     ASKAROV_ROLE_AMBASSADOR));
  g_assert_false (askarov_recipient_title_is_office ("Director of Penal Colony No. 47", ASKAROV_ROLE_PRISON_HEAD));
  g_assert_false (askarov_recipient_title_is_office ("President of Kazakhstan", ASKAROV_ROLE_PRESIDENT));
  /* The role is not certain: a president title for a letter set to a minister. */
  g_assert_false (askarov_recipient_title_is_office ("President of Kyrgyzstan", ASKAROV_ROLE_MINISTER));
  g_assert_false (askarov_recipient_title_is_office ("Ombudsperson", ASKAROV_ROLE_OFFICIAL));
  g_assert_false (askarov_recipient_title_is_office (NULL, ASKAROV_ROLE_PRESIDENT));
}

static void
test_title_names_country (void)
{
  g_assert_true (askarov_recipient_title_names_country ("President of Kyrgyzstan"));
  g_assert_true (askarov_recipient_title_names_country ("Генеральный прокурор Кыргызской Республики"));
  g_assert_true (askarov_recipient_title_names_country ("Botschafter der Kirgisischen Republik"));
  g_assert_false (askarov_recipient_title_names_country ("General Prosecutor"));
  g_assert_false (askarov_recipient_title_names_country ("President of Kazakhstan"));
}

static void
test_title_in_language (void)
{
  g_assert_true (askarov_recipient_title_in_language ("Minister of Justice", "en"));
  g_assert_false (askarov_recipient_title_in_language ("Minister of Justice", "ru"));
  g_assert_false (askarov_recipient_title_in_language ("Minister of Justice", "de"));
  g_assert_true (askarov_recipient_title_in_language ("Министр юстиции", "ru"));
  g_assert_false (askarov_recipient_title_in_language ("Министр юстиции", "en"));
  g_assert_true (askarov_recipient_title_in_language ("Ministre de la Justice", "fr"));
  g_assert_true (askarov_recipient_title_in_language (NULL, "fr"));
}

static void
test_every_phrasebook (void)
{
  g_auto(GStrv) languages = askarov_phrasebook_list_languages ();

  /* Every language writes a block with the name and the office. */
  for (guint i = 0; languages[i] != NULL; i++)
    {
      AskarovRecipient r = { languages[i], ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_MAN, NULL, NULL, TRUE, NULL };
      g_autofree char *name = askarov_names_to_script ("Kubatbek Baibolov", languages[i]);
      g_autofree char *surname = askarov_names_to_script ("Baibolov", languages[i]);
      g_autofree char *block = NULL;
      g_autofree char *office = askarov_recipient_dup_office (languages[i], r.role, r.form);

      r.name = name;
      block = askarov_recipient_dup_block (&r);
      g_assert_nonnull (office);
      g_assert_nonnull (block);
      g_assert_true (askarov_names_is_in_script (block, languages[i]));
      /* The surname as the language writes it, with any case ending after it. */
      g_assert_nonnull (strstr (block, surname));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/recipient/blocks", test_blocks);
  g_test_add_func ("/core/recipient/block-parts", test_block_parts);
  g_test_add_func ("/core/recipient/lines", test_lines);
  g_test_add_func ("/core/recipient/new-languages", test_new_languages);
  g_test_add_func ("/core/recipient/title-is-office", test_title_is_office);
  g_test_add_func ("/core/recipient/title-names-country", test_title_names_country);
  g_test_add_func ("/core/recipient/title-in-language", test_title_in_language);
  g_test_add_func ("/core/recipient/every-phrasebook", test_every_phrasebook);

  return g_test_run ();
}
