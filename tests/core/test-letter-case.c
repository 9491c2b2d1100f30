/* test-letter-case.c — letters built from a case in the library: any person, any language, the case's state.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "askarov-case-pack.h"
#include "askarov-document.h"
#include "askarov-letter.h"
#include "askarov-names.h"
#include "askarov-phrasebook-private.h"
#include "askarov-requests.h"
#include "askarov-store-documents.h"
#include "askarov-store-private.h"
#include "test-store-utils.h"

static const char * const case_languages[] = { "de", "en", "es", "fr", "ky", "ru", "uz", "it", "nl", "pl", "pt", "uk", "uz-Cyrl" };

/* The languages added after the first seven: their letters must hold no English. */
static const char * const new_languages[] = { "it", "nl", "pl", "pt", "uk" };
/* The surname as each of them writes it; a case ending may follow. */
static const char * const surname[] = { "Askarov", "Askarov", "Askarov", "Askarov", "Аскаров" };

/* The asks of a Tajik Urgent Action written for these tests, in English. */
static const char * const tajik_asks[] = {
  "Release Dilshod Nazarov immediately and unconditionally.",
  "Ensure that he has access to a lawyer of his choice and to his family.",
  "Make sure that he is not subjected to torture or other ill-treatment.",
  "Publish the list of prisoners held in the new wing of the colony.",
  NULL
};

static AskarovTarget *
make_target (const char *name,
             const char *title,
             gboolean    copy)
{
  AskarovTarget *target = askarov_target_new ();

  target->name = g_strdup (name);
  target->title = g_strdup (title);
  target->copy = copy;
  g_strfreev (target->address);
  target->address = g_strdupv ((char *[]) { "25 Rudaki Avenue", "Dushanbe 734025", "Tajikistan", NULL });
  g_strfreev (target->social);
  target->social = g_strdupv ((char *[]) { "Twitter: @mojtajik", NULL });
  target->address_form = g_strdup ("man");
  return target;
}

/* Adds a document with @facts; returns its id. */
static gint64
add_document (AskarovStore *store,
              const char   *title,
              AskarovFacts *facts)
{
  g_autoptr(AskarovDocument) document = askarov_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, title, -1);

  askarov_document_set_title (document, title);
  askarov_document_set_format (document, "text");
  askarov_document_set_body (document, title);
  askarov_document_set_content_hash (document, hash);
  askarov_document_set_facts (document, facts);
  g_assert_true (askarov_store_add_document (store, document, &error));
  g_assert_no_error (error);
  return askarov_document_get_id (document);
}

/* A Tajik Urgent Action about one man, with a minister, a prison head and a copy. */
static gint64
add_tajik_ua (AskarovStore *store)
{
  g_autoptr(AskarovFacts) facts = askarov_facts_new ();

  facts->kind = ASKAROV_DOCUMENT_KIND_URGENT_ACTION;
  facts->reference = g_strdup ("77/24");
  facts->issued = g_strdup ("2024-05-02");
  facts->deadline = g_strdup ("2024-06-27");
  facts->country = g_strdup ("TJ");
  facts->language = g_strdup ("en");
  g_strfreev (facts->persons);
  facts->persons = g_strdupv ((char *[]) { "Dilshod Nazarov", NULL });
  g_strfreev (facts->pronouns);
  facts->pronouns = g_strdupv ((char *[]) { "he/him", NULL });
  g_strfreev (facts->languages);
  facts->languages = g_strdupv ((char *[]) { "ru", "tg", "en", NULL });
  g_strfreev (facts->asks);
  facts->asks = g_strdupv ((char **) tajik_asks);
  g_ptr_array_add (facts->targets, make_target ("Rustam Sharipov", "Minister of Justice", FALSE));
  g_ptr_array_add (facts->targets, make_target ("Farrukh Kodirov", "Head of Penal Colony No. 3", FALSE));
  g_ptr_array_add (facts->targets, make_target ("Imomali Saidov", "Prosecutor General", TRUE));
  return add_document (store, "Lawyer held incommunicado (UA 77/24)", facts);
}

static gint64
add_outcome (AskarovStore *store,
             const char   *outcome)
{
  g_autoptr(AskarovFacts) facts = askarov_facts_new ();

  facts->kind = ASKAROV_DOCUMENT_KIND_OUTCOME;
  facts->reference = g_strdup ("77/24");
  facts->issued = g_strdup ("2024-09-10");
  facts->outcome = g_strdup (outcome);
  facts->outcome_date = g_strdup ("2024-09-05");
  facts->country = g_strdup ("TJ");
  g_strfreev (facts->persons);
  facts->persons = g_strdupv ((char *[]) { "Dilshod Nazarov", NULL });
  g_strfreev (facts->pronouns);
  facts->pronouns = g_strdupv ((char *[]) { "he/him", NULL });
  return add_document (store, outcome, facts);
}

/* Every request the case's asks classify to, phrased for @role, is in @text. */
static void
assert_requests_in (const char          *text,
                    AskarovLetterCase   *c,
                    const char          *language,
                    AskarovRole          role)
{
  g_autofree char *persons = askarov_letter_case_dup_persons (c, language);

  for (guint i = 0; c->asks[i] != NULL; i++)
    {
      g_auto(GStrv) ids = askarov_request_classify_all (c->asks[i], c->asks_language);

      for (guint j = 0; ids[j] != NULL; j++)
        {
          g_autofree char *phrased = askarov_request_dup_text (ids[j], language, role, persons);

          if (phrased != NULL && strstr (text, phrased) == NULL)
            g_error ("%s: “%s” (%s) missing in:\n%s", language, phrased, ids[j], text);
        }
    }
}

static void
test_any_case_each_language (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 document_id;

  /* The built-in case is in the same library: its person must not leak in. */
  g_assert_true (askarov_case_pack_install (store, FALSE, NULL, &error));
  g_assert_no_error (error);
  document_id = add_tajik_ua (store);

  for (guint i = 0; i < G_N_ELEMENTS (case_languages); i++)
    {
      g_autoptr(AskarovLetterCase) c = askarov_letter_case_load (store, 0, document_id, &error);
      g_autoptr(AskarovLetter) letter = NULL;
      g_autofree char *text = NULL;
      g_autofree char *subject = NULL;
      g_autofree char *person = askarov_names_to_script ("Dilshod Nazarov", case_languages[i]);
      g_autofree char *copy = askarov_names_to_script ("Saidov", case_languages[i]);
      const AskarovTarget *minister;

      g_assert_no_error (error);
      g_assert_cmpint (c->state, ==, ASKAROV_CASE_STATE_OPEN);
      g_assert_cmpstr (c->country, ==, "TJ");
      g_assert_cmpstr (c->reference, ==, "UA 77/24");
      minister = g_ptr_array_index (c->targets, 0);
      letter = askarov_letter_new_for_case (c, minister, case_languages[i], ASKAROV_CHANNEL_LETTER, NULL, &error);
      g_assert_no_error (error);
      text = askarov_letter_render_text (letter);
      subject = askarov_letter_dup_subject (letter);
      g_test_message ("%s:\n%s", case_languages[i], text);

      /* The person as the letter's script writes the name ("Дилшод Назаров"). */
      g_assert_nonnull (strstr (text, person));
      g_assert_nonnull (strstr (subject, person));
      /* Only this case's person: never the built-in case's, never a document line. */
      g_assert_null (strstr (text, "Askarov"));
      g_assert_null (strstr (text, "SOURCE"));
      g_assert_null (strchr (text, '{'));
      g_assert_null (strchr (text, '['));
      /* The country, in the letter's language. */
      g_assert_nonnull (strstr (text, ((const char *[]) { "Tadschikistan", "Tajikistan", "Tayikistán",
                                                          "Tadjikistan", "Тажикстан", "Таджикистан",
                                                          "Tojikiston", "Tagikistan", "Tadzjikistan",
                                                          "Tadżykistanie", "Tajiquistão", "Таджикистані", "Тожикистон" })[i]));
      assert_requests_in (text, c, case_languages[i], ASKAROV_ROLE_MINISTER);
      /* The copies line names the copy in the letter's script; a Tajik office keeps its typed title. */
      g_assert_nonnull (strstr (text, copy));
      g_assert_nonnull (strstr (text, "Prosecutor General"));
      /* The form of address came with the official. */
      g_assert_cmpint (askarov_letter_get_address_form (letter), ==, ASKAROV_ADDRESS_FORM_MAN);
    }
}

static void
test_role_and_unknown_ask (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 document_id = add_tajik_ua (store);
  g_autoptr(AskarovLetterCase) c = askarov_letter_case_load (store, 0, document_id, &error);
  g_autoptr(AskarovLetter) letter = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *text = NULL;
  g_autofree char *post = NULL;
  gboolean saw_unknown = FALSE;
  const AskarovTarget *prison = NULL;

  g_assert_no_error (error);
  prison = g_ptr_array_index (c->targets, 1);
  letter = askarov_letter_new_for_case (c, prison, "ru", ASKAROV_CHANNEL_LETTER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (askarov_letter_get_role (letter), ==, ASKAROV_ROLE_PRISON_HEAD);
  text = askarov_letter_render_text (letter);
  assert_requests_in (text, c, "ru", ASKAROV_ROLE_PRISON_HEAD);

  checks = askarov_letter_check_asks (letter);
  for (guint i = 0; i < checks->len; i++)
    {
      AskarovAskCheck *check = g_ptr_array_index (checks, i);

      if (check->request == NULL)
        {
          /* The ask no request fits stays in the UA's words, marked for a rewrite. */
          g_assert_cmpstr (check->label, ==, tajik_asks[3]);
          g_assert_true (check->needs_rewrite);
          g_assert_nonnull (strstr (text, tajik_asks[3]));
          saw_unknown = TRUE;
        }
      else if (!check->fits_role)
        {
          /* What a prison head cannot grant is not asked of him. */
          g_autofree char *phrased = askarov_request_dup_text (check->request, "ru", ASKAROV_ROLE_MINISTER,
                                                               "Dilshod Nazarov");

          g_assert_true (phrased == NULL || strstr (text, phrased) == NULL);
        }
      else
        g_assert_true (check->covered);
    }
  g_assert_true (saw_unknown);

  /* The post starts with the official's handle, taken out of "Twitter: @…". */
  askarov_letter_set_channel (letter, ASKAROV_CHANNEL_POST);
  post = askarov_letter_render_post (letter);
  g_assert_true (g_str_has_prefix (post, "@mojtajik "));
  g_assert_cmpuint (g_utf8_strlen (post, -1), <=, ASKAROV_POST_MAX_CHARS);
}

static void
test_closed_case (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 document_id = add_tajik_ua (store);
  g_autoptr(AskarovLetterCase) released = NULL;
  g_autoptr(AskarovLetterCase) ended = NULL;
  g_autoptr(AskarovLetter) thanks = NULL;
  g_autoptr(AskarovLetter) none = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *release = askarov_request_dup_text ("release", "en", ASKAROV_ROLE_MINISTER, "Dilshod Nazarov");

  /* Released: a thanks letter, no appeal for release, and the reason why. */
  add_outcome (store, "released");
  released = askarov_letter_case_load (store, 0, document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (released->state, ==, ASKAROV_CASE_STATE_RELEASED);
  g_assert_cmpint (askarov_letter_case_get_kind (released), ==, ASKAROV_LETTER_KIND_THANKS);
  reason = askarov_letter_case_dup_reason (released);
  g_assert_nonnull (reason);
  thanks = askarov_letter_new_for_case (released, g_ptr_array_index (released->targets, 0), "en",
                                        ASKAROV_CHANNEL_LETTER, NULL, &error);
  g_assert_no_error (error);
  text = askarov_letter_render_text (thanks);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "welcome the good news"));
  g_assert_true (release == NULL || strstr (text, release) == NULL);
  g_assert_nonnull (strstr (text, "Dilshod Nazarov"));

  /* No further action: no letter at all, with the reason. */
  add_outcome (store, "no-further-action");
  ended = askarov_letter_case_load (store, 0, document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (askarov_letter_case_get_kind (ended), ==, ASKAROV_LETTER_KIND_NONE);
  none = askarov_letter_new_for_case (ended, NULL, "en", ASKAROV_CHANNEL_LETTER, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, ASKAROV_LETTER_ERROR, ASKAROV_LETTER_ERROR_NO_LETTER);
  g_assert_nonnull (strstr (error->message, askarov_case_state_get_label (ASKAROV_CASE_STATE_NO_FURTHER_ACTION)));
}

/* Installs the built-in case; returns the id of its Urgent Action 61/20. */
static gint64
install_builtin_case (AskarovStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_true (askarov_case_pack_install (store, FALSE, NULL, &error));
  g_assert_no_error (error);
  locker = askarov_store_lock (store);
  stmt = askarov_store_prepare (store, "SELECT id FROM documents WHERE reference = '61/20' AND kind = 'urgent-action'",
                                NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The built-in case, installed in @store, as a letter reads its Urgent Action 61/20. */
static AskarovLetterCase *
load_builtin_case (AskarovStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 document_id = install_builtin_case (store);
  AskarovLetterCase *c = askarov_letter_case_load (store, 0, document_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

/* The built-in case is data: after its outcome (he died) its letters ask for
 * an investigation, accountability and his name cleared, in every language. */
static void
test_builtin_case_after_death (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 document_id;

  document_id = install_builtin_case (store);
  for (guint i = 0; i < G_N_ELEMENTS (case_languages); i++)
    {
      g_autoptr(AskarovLetterCase) c = askarov_letter_case_load (store, 0, document_id, &error);
      g_autoptr(AskarovLetter) letter = NULL;
      g_autoptr(GPtrArray) checks = NULL;
      g_autofree char *text = NULL;
      g_autofree char *release = NULL;
      g_autofree char *death = NULL;
      /* The name as the letter's script writes it. */
      g_autofree char *person = askarov_names_to_script ("Azimjan Askarov", case_languages[i]);

      g_assert_no_error (error);
      g_assert_cmpint (c->state, ==, ASKAROV_CASE_STATE_DIED);
      g_assert_cmpstr (c->state_date, ==, "2020-07-25");
      letter = askarov_letter_new_for_case (c, g_ptr_array_index (c->targets, 0), case_languages[i],
                                            ASKAROV_CHANNEL_LETTER, NULL, &error);
      g_assert_no_error (error);
      text = askarov_letter_render_text (letter);
      g_test_message ("%s:\n%s", case_languages[i], text);
      g_assert_nonnull (strstr (text, person));
      g_assert_nonnull (strstr (text, "2020"));
      release = askarov_request_dup_text ("release", case_languages[i], ASKAROV_ROLE_PRESIDENT, person);
      death = askarov_request_dup_text ("investigate-death", case_languages[i], ASKAROV_ROLE_PRESIDENT, person);
      g_assert_true (release == NULL || strstr (text, release) == NULL);
      if (death != NULL)
        g_assert_nonnull (strstr (text, death));
      checks = askarov_letter_check_asks (letter);
      for (guint j = 0; j < checks->len; j++)
        g_assert_cmpstr (((AskarovAskCheck *) g_ptr_array_index (checks, j))->request, !=, "release");
    }
}

/* Words that give English away; none of them is a word of the new languages. */
static const char * const english_words[] = {
  "the", "and", "are", "his", "her", "their", "with", "from", "this", "that",
  "which", "who", "dear", "yours", "sincerely", "faithfully", "please", "release", "urge", "custody", "death",
  "investigation", "republic", "kyrgyz", "kyrgyzstan", "general", "attention", "copies", "pages", "hello", "thank",
  NULL
};

/* What each language's letters about the built-in case must say: the UN Human
 * Rights Committee's findings of 2016 (torture, arbitrary detention, an unfair
 * trial) and the retrial of January 2017; and what they must no longer say. */
typedef struct
{
  const char *language;
  const char *findings[5];   /* the Committee and its three findings */
  const char *retrial[3];    /* January 2017 and the new trial */
} Background;

static const Background backgrounds[] = {
  { "en", { "UN Human Rights Committee", "tortured", "arbitrarily detained", "denied a fair trial", NULL },
    { "January 2017", "retrial" } },
  { "ru", { "Комитет ООН по правам человека", "пыткам", "произвольному задержанию",
            "права на справедливое судебное разбирательство", NULL },
    { "январе 2017 года", "при новом рассмотрении дела" } },
  { "ky", { "БУУнун Адам укуктары боюнча комитети", "кыйноого алынганын", "өзүм билемдик менен камакта",
            "адилеттүү сот териштирүүсүнө", NULL },
    { "2017-жылдын январында", "ишти кайра караган сот" } },
  { "uz", { "BMTning Inson huquqlari qoʻmitasi", "qiynoqqa solinganini", "oʻzboshimchalik bilan",
            "adolatli sudlov huquqidan", NULL },
    { "2017-yil yanvar", "ishni qayta koʻrib chiqqan sud" } },
  { "uz-Cyrl", { "БМТнинг Инсон ҳуқуқлари қўмитаси", "қийноққа солинганини", "ўзбошимчалик билан",
                 "адолатли судлов ҳуқуқидан", NULL },
    { "2017-йил январь", "ишни қайта кўриб чиққан суд" } },
  { "de", { "UN-Menschenrechtsausschuss", "gefoltert", "willkürlich inhaftiert", "kein faires Verfahren", NULL },
    { "Januar 2017", "in einem neuen Verfahren" } },
  { "fr", { "Comité des droits de l’homme des Nations unies", "torturé", "détenu arbitrairement",
            "privé d’un procès équitable", NULL },
    { "janvier 2017", "nouveau procès" } },
  { "es", { "Comité de Derechos Humanos de la ONU", "torturado", "detenido arbitrariamente",
            "privado de un juicio justo", NULL },
    { "enero de 2017", "nuevo juicio" } },
  { "it", { "Comitato per i diritti umani delle Nazioni Unite", "torturato", "detenuto arbitrariamente",
            "privato di un processo equo", NULL },
    { "gennaio 2017", "nuovo processo" } },
  { "nl", { "VN-Mensenrechtencomité", "gemarteld", "willekeurig", "geen eerlijk proces", NULL },
    { "januari 2017", "nieuw proces" } },
  { "pl", { "Komitet Praw Człowieka ONZ", "torturowany", "arbitralnie zatrzymany", "rzetelnego procesu", NULL },
    { "styczniu 2017", "ponownym procesie" } },
  { "pt", { "Comité de Direitos Humanos da ONU", "torturado", "detido arbitrariamente",
            "privado de um julgamento justo", NULL },
    { "janeiro de 2017", "novo julgamento" } },
  { "uk", { "Комітет ООН з прав людини", "катували", "свавільно", "справедливий суд", NULL },
    { "січні 2017", "повторного розгляду" } },
};

/* Wordings a native reader flagged (calques, spoken forms, a weakened finding). */
static const char * const old_phrasings[] = {
  "Herz und Lunge", "unfaires Verfahren", "Namen rein", "Rechte verletzt worden waren",
  "qilyapman", "адилет сот", "кайрылып жатам", "derechos humanos de Bazar",
  "reportedly tortured", "rights had been violated", "нарушены его права",
  NULL
};

static void
assert_no_english (const char *language,
                   const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) words = g_regex_split_simple ("[^\\p{L}]+", lower, 0, 0);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_strv_contains (english_words, words[i]))
      g_error ("%s: English word “%s” in:\n%s", language, words[i], text);
}

/* The built-in case written in each new language, on every channel: the
 * phrasebook and the request bank leave nothing in English. */
static void
test_builtin_case_new_languages (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovLetterCase) c = load_builtin_case (store);

  for (guint i = 0; i < G_N_ELEMENTS (new_languages); i++)
    for (AskarovChannel channel = 0; channel < ASKAROV_N_LETTER_CHANNELS; channel++)
      {
        g_autoptr(AskarovLetter) letter = askarov_letter_new_for_case (c, g_ptr_array_index (c->targets, 0),
                                                                       new_languages[i], channel, NULL, &error);
        g_autofree char *text = NULL;
        g_autofree char *subject = NULL;

        g_assert_no_error (error);
        askarov_letter_set_sender (letter, "Ewa Nowak", NULL, "Gdańsk", NULL);
        text = channel == ASKAROV_CHANNEL_POST ? askarov_letter_render_post (letter) : askarov_letter_render_text (letter);
        subject = askarov_letter_dup_subject (letter);
        g_test_message ("%s %s:\n%s", new_languages[i], askarov_channel_to_id (channel), text);
        /* The name in the letter's script (Ukrainian: Cyrillic), declined or not. */
        g_assert_nonnull (strstr (text, surname[i]));
        g_assert_null (strchr (text, '{'));
        g_assert_null (strchr (text, '['));
        /* The fax cover names the office as the Urgent Action typed it (the
         * recipient-block work translates it): the check starts below it. */
        assert_no_english (new_languages[i], channel == ASKAROV_CHANNEL_FAX && strstr (text, "\n\n") != NULL
                                             ? strstr (text, "\n\n") : text);
        assert_no_english (new_languages[i], subject);
        if (channel == ASKAROV_CHANNEL_LETTER)
          {
            g_autofree char *person = askarov_names_to_script ("Azimjan Askarov", new_languages[i]);
            g_autofree char *inquiry = askarov_request_dup_text ("investigate-death", new_languages[i],
                                                                 askarov_letter_get_role (letter), person);

            /* After his death the letter asks for the inquiry, in the letter's language. */
            g_assert_nonnull (inquiry);
            g_assert_nonnull (strstr (text, inquiry));
          }
      }
}

static void
assert_background (const char *text,
                   const char *language,
                   gboolean    wanted)
{
  for (guint i = 0; i < G_N_ELEMENTS (backgrounds); i++)
    {
      const Background *b = &backgrounds[i];
      const char * const *groups[] = { b->findings, b->retrial };

      if (!g_str_equal (b->language, language))
        continue;
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        for (guint j = 0; groups[g][j] != NULL; j++)
          if ((strstr (text, groups[g][j]) != NULL) != wanted)
            g_error ("%s: “%s” %s in:\n%s", language, groups[g][j], wanted ? "missing" : "unexpected", text);
      for (guint j = 0; old_phrasings[j] != NULL; j++)
        if (strstr (text, old_phrasings[j]) != NULL)
          g_error ("%s: old wording “%s” in:\n%s", language, old_phrasings[j], text);
      return;
    }
  g_error ("no expected background for %s", language);
}

static gint64
pack_document (AskarovStore *store,
               const char   *reference,
               const char   *kind)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autoptr(sqlite3_stmt) stmt = askarov_store_prepare (store, "SELECT id FROM documents WHERE reference = ?1 "
                                                               "AND kind = ?2", NULL);

  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Letters about the built-in case, from each of its Urgent Actions, to each
 * official, in each language: after his death and, for a case still open, as
 * an appeal; every one tells the Committee's findings and the 2017 retrial. */
static void
test_builtin_case_background (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 documents[2];

  g_assert_true (askarov_case_pack_install (store, FALSE, NULL, &error));
  g_assert_no_error (error);
  documents[0] = pack_document (store, "61/20", "urgent-action");
  documents[1] = pack_document (store, "135/10", "update");

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    for (guint i = 0; i < G_N_ELEMENTS (case_languages); i++)
      for (int appeal = 0; appeal <= 1; appeal++)
        {
          g_autoptr(AskarovLetterCase) c = askarov_letter_case_load (store, 0, documents[d], &error);

          g_assert_no_error (error);
          g_assert_nonnull (askarov_letter_case_get_background (c, "appeal", case_languages[i]));
          g_assert_nonnull (askarov_letter_case_get_background (c, "after-death", case_languages[i]));
          /* The letter a volunteer wrote while he was alive. */
          if (appeal)
            c->state = ASKAROV_CASE_STATE_OPEN;
          for (guint t = 0; t < c->targets->len; t++)
            for (AskarovChannel channel = ASKAROV_CHANNEL_LETTER; channel < ASKAROV_N_LETTER_CHANNELS; channel++)
              {
                g_autoptr(AskarovLetter) letter = NULL;
                g_autofree char *text = NULL;
                g_autofree char *person = askarov_names_to_script ("Azimjan Askarov", case_languages[i]);
                gboolean short_text = channel == ASKAROV_CHANNEL_POST || channel == ASKAROV_CHANNEL_CALL;

                letter = askarov_letter_new_for_case (c, g_ptr_array_index (c->targets, t), case_languages[i],
                                                      channel, NULL, &error);
                g_assert_no_error (error);
                text = askarov_letter_render_text (letter);
                if (t == 0 && channel == ASKAROV_CHANNEL_LETTER)
                  g_test_message ("%s %s:\n%s", case_languages[i], appeal ? "appeal" : "after death", text);
                /* A post or a call is too short for the history: it keeps to the requests. */
                assert_background (text, case_languages[i], !short_text);
                /* His name as the letter's script writes it ("Азимжан Аскаров" in Russian). */
                g_assert_nonnull (strstr (text, person));
              }
        }
}

/* Whether @text has a Latin letter outside the lines of @skip and the
 * handles ("@Office") a post addresses. */
static const char *
find_latin (const char         *text,
            const char * const *skip)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (skip != NULL && g_strv_contains (skip, line))
        continue;
      for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
        if (*p == '@')
          p += strcspn (p, " \t") - 1;
        else if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_LATIN)
          return strstr (text, line);
    }
  return NULL;
}

/* The built-in case in Uzbek written in Cyrillic: no Latin letter but in the
 * addresses, the officials' handles and the Urgent Action's reference ("UA 61/20"), on every channel
 * and for every official.  A title the phrasebook cannot translate for
 * certain ("Ambassador, Embassy of …") is kept as typed, by design, and left
 * out of the check too. */
static void
test_builtin_case_uz_cyrillic (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovLetterCase) c = load_builtin_case (store);
  g_assert_cmpuint (c->targets->len, >, 0);

  for (guint t = 0; t < c->targets->len; t++)
    for (AskarovChannel channel = 0; channel < ASKAROV_N_LETTER_CHANNELS; channel++)
      {
        AskarovTarget *target = g_ptr_array_index (c->targets, t);
        g_autoptr(AskarovLetter) letter = askarov_letter_new_for_case (c, target, "uz-Cyrl", channel, NULL, &error);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) skip = NULL;
        g_autofree char *text = NULL;
        g_autofree char *subject = NULL;
        const char *latin;

        g_assert_no_error (error);
        askarov_letter_set_sender (letter, "Ойбек Каримов", NULL, "Тошкент", NULL);
        text = channel == ASKAROV_CHANNEL_POST ? askarov_letter_render_post (letter) : askarov_letter_render_text (letter);
        subject = askarov_letter_dup_subject (letter);
        {
          g_autoptr(GString) body = g_string_new (text);
          g_autoptr(GString) s = g_string_new (subject);

          if (c->reference != NULL)
            {
              g_string_replace (body, c->reference, "", 0);
              g_string_replace (s, c->reference, "", 0);
            }
          if (target->title != NULL && target->title[0] != '\0')
            g_string_replace (body, target->title, "", 0);
          g_free (text);
          g_free (subject);
          text = g_string_free (g_steal_pointer (&body), FALSE);
          subject = g_string_free (g_steal_pointer (&s), FALSE);
        }
        for (guint a = 0; target->address != NULL && target->address[a] != NULL; a++)
          g_strv_builder_add (builder, target->address[a]);
        skip = g_strv_builder_end (builder);
        g_test_message ("uz-Cyrl %s:\n%s", askarov_channel_to_id (channel), text);
        g_assert_nonnull (strstr (text, "Аскаров"));
        latin = find_latin (text, (const char * const *) skip);
        if (latin != NULL)
          g_error ("uz-Cyrl %s: Latin letters in:\n%s", askarov_channel_to_id (channel), latin);
        if (find_latin (subject, NULL) != NULL)
          g_error ("uz-Cyrl %s: Latin letters in the subject “%s”", askarov_channel_to_id (channel), subject);
      }
}

/* Any case can carry a background: one given to a Tajik case is its letters' second paragraph. */
static void
test_any_case_background (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 document_id = add_tajik_ua (store);
  g_autoptr(AskarovLetterCase) c = askarov_letter_case_load (store, 0, document_id, &error);
  g_autoptr(AskarovLetter) letter = NULL;
  g_autoptr(AskarovLetter) other = NULL;

  g_assert_no_error (error);
  g_assert_null (askarov_letter_case_get_background (c, "appeal", "en"));
  askarov_letter_case_set_background (c, "appeal", "en",
                                      "{persons} was arrested in 2023 and his lawyer was never told where he is.");
  letter = askarov_letter_new_for_case (c, g_ptr_array_index (c->targets, 0), "en", ASKAROV_CHANNEL_LETTER, NULL,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (askarov_letter_get_n_paragraphs (letter), >=, 3);
  g_assert_cmpstr (askarov_letter_get_paragraph (letter, 1), ==,
                   "Dilshod Nazarov was arrested in 2023 and his lawyer was never told where he is.");
  /* Another language has none: no paragraph in its place. */
  other = askarov_letter_new_for_case (c, g_ptr_array_index (c->targets, 0), "de", ASKAROV_CHANNEL_LETTER, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_null (strstr (askarov_letter_get_paragraph (other, 1), "2023"));
  askarov_letter_case_set_background (c, "appeal", "en", NULL);
  g_assert_null (askarov_letter_case_get_background (c, "appeal", "en"));
}

/* askarov --write-letter, run as the program, against the library of this test. */
static char *
run_cli (const char * const *args,
         int                *status)
{
  const char *bin = g_getenv ("ASKAROV_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer) bin);
  g_ptr_array_add (argv, (gpointer) "--write-letter");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err);
  *status = g_subprocess_get_exit_status (process);
  return out;
}

/* The composer's core call and the command line give the same text. */
static void
assert_cli_equals_core (AskarovStore   *store,
                        gint64          document_id,
                        const char     *language,
                        guint           target,
                        AskarovChannel  channel)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovLetterCase) c = askarov_letter_case_load (store, 0, document_id, &error);
  g_autoptr(AskarovLetter) letter = NULL;
  g_autofree char *target_arg = g_strdup_printf ("%u", target);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  int status = -1;

  g_assert_no_error (error);
  /* What the composer does for "Write To…" on this official. */
  letter = askarov_letter_new_for_case (c, g_ptr_array_index (c->targets, target - 1), language,
                                          channel, NULL, &error);
  g_assert_no_error (error);
  expected = askarov_letter_render_text (letter);
  if (channel == ASKAROV_CHANNEL_EMAIL)
    {
      g_autofree char *subject = askarov_letter_dup_subject (letter);
      g_autofree char *body = g_steal_pointer (&expected);

      expected = g_strdup_printf ("Subject: %s\n\n%s", subject, body);
    }
  out = run_cli ((const char * const []) { "--case", "UA 77/24", "--target", target_arg,
                                             "--language", language,
                                             "--channel", askarov_channel_to_id (channel), NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

/* The command line and the composer's core call give the same letter for the same choices. */
static void
test_cli_equals_core (void)
{
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;
  const char *bin = g_getenv ("ASKAROV_BIN");

  if (bin == NULL || !g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("ASKAROV_BIN is not set: run through meson test");
      return;
    }
  store = open_store ();
  g_assert_true (askarov_case_pack_install (store, FALSE, NULL, &error));
  g_assert_no_error (error);
  document_id = add_tajik_ua (store);

  /* Each language with the minister, and each channel in Russian with the prison head. */
  for (guint i = 0; i < G_N_ELEMENTS (case_languages); i++)
    for (guint target = 1; target <= 2; target++)
      for (AskarovChannel channel = ASKAROV_CHANNEL_LETTER; channel < ASKAROV_N_LETTER_CHANNELS; channel++)
        {
          if ((target == 1) != (channel == ASKAROV_CHANNEL_LETTER))
            continue;
          if (target == 2 && !g_str_equal (case_languages[i], "ru"))
            continue;
          assert_cli_equals_core (store, document_id, case_languages[i], target, channel);
        }
}


/* Every language has a frame for every situation and form, naming the persons,
 * with balanced optional parts; and the frames around it. */
static void
test_frames_complete (void)
{
  static const char * const situations[] = { "detained", "disappeared", "death-sentence", "at-risk", "died", "thanks" };
  static const char * const forms[] = { "man", "woman", "other", "many" };
  static const char * const kinds[] = { "appeal", "after-death", "thanks" };

  for (guint i = 0; i < G_N_ELEMENTS (case_languages); i++)
    {
      JsonObject *book = askarov_phrasebook_get_book (case_languages[i]);
      JsonObject *letter = askarov_phrasebook_get_object (book, "letter");
      JsonObject *opening = askarov_phrasebook_get_object (letter, "opening");

      g_test_message ("%s", case_languages[i]);
      g_assert_nonnull (askarov_phrasebook_get_string (askarov_phrasebook_get_object (book, "phrases"), "and"));
      g_assert_nonnull (askarov_phrasebook_get_string (askarov_phrasebook_get_object (book, "countries"), "TJ"));
      g_assert_nonnull (askarov_phrasebook_get_string (letter, "opening-no-person"));
      g_assert_nonnull (askarov_phrasebook_get_string (letter, "fallback-ask"));
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_assert_nonnull (askarov_phrasebook_get_string (askarov_phrasebook_get_object (letter, "closing"), kinds[k]));
          g_assert_nonnull (strstr (askarov_phrasebook_get_string (askarov_phrasebook_get_object (letter, "subject"),
                                                                   kinds[k]), "{persons}"));
        }
      for (guint j = 0; j < G_N_ELEMENTS (situations); j++)
        for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
          {
            const char *frame = askarov_phrasebook_get_string (askarov_phrasebook_get_object (opening, situations[j]),
                                                               forms[f]);
            int depth = 0;

            if (frame == NULL)
              g_error ("%s: no opening frame %s/%s", case_languages[i], situations[j], forms[f]);
            g_assert_nonnull (strstr (frame, "{persons}"));
            for (const char *p = frame; *p != '\0'; p++)
              {
                depth += *p == '[' ? 1 : *p == ']' ? -1 : 0;
                g_assert_cmpint (depth, >=, 0);
                g_assert_cmpint (depth, <=, 1);
              }
            g_assert_cmpint (depth, ==, 0);
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/letter-case/frames-complete", test_frames_complete);
  g_test_add_func ("/letter-case/any-case-each-language", test_any_case_each_language);
  g_test_add_func ("/letter-case/role-and-unknown-ask", test_role_and_unknown_ask);
  g_test_add_func ("/letter-case/closed-case", test_closed_case);
  g_test_add_func ("/letter-case/builtin-case-after-death", test_builtin_case_after_death);
  g_test_add_func ("/letter-case/builtin-case-new-languages", test_builtin_case_new_languages);
  g_test_add_func ("/letter-case/builtin-case-background", test_builtin_case_background);
  g_test_add_func ("/letter-case/builtin-case-uz-cyrillic", test_builtin_case_uz_cyrillic);
  g_test_add_func ("/letter-case/any-case-background", test_any_case_background);
  g_test_add_func ("/letter-case/cli-equals-core", test_cli_equals_core);

  return g_test_run ();
}
