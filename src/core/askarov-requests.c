/* askarov-requests.c — the bank of standard appeal requests, phrased per letter language and office.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-requests"

#include "config.h"

#include "askarov-requests.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "askarov-phrasebook-private.h"

/* One JSON file per language under this resource folder: the texts of the
 * letter languages and, for every language Urgent Actions come in, the words
 * that tell which request an ask makes. */
#define REQUESTS_PATH "/com/example/Askarov/core/requests/"

#define ROLE(r) (1u << ASKAROV_ROLE_##r)
#define ALL_ROLES ((1u << ASKAROV_N_ROLES) - 1)
/* Those who govern, prosecute or speak for the state: everyone but judges and prison heads. */
#define GOVERNMENT (ROLE (PRESIDENT) | ROLE (PRIME_MINISTER) | ROLE (MINISTER) | ROLE (PROSECUTOR_GENERAL) \
                    | ROLE (AMBASSADOR) | ROLE (OFFICIAL))

typedef struct
{
  const char *id;
  const char *label;
  guint       roles;  /* bit (1 << AskarovRole) for each office that can be asked */
} Request;

/* The order is the order a letter makes them in: liberty first, then the
 * proceedings, then safety and conditions, then the aftermath. */
static const Request requests[] = {
  { "release", N_("Release immediately and unconditionally"), GOVERNMENT | ROLE (JUDGE) },
  { "release-health-grounds", N_("Release on health grounds"), GOVERNMENT | ROLE (JUDGE) },
  { "drop-charges", N_("Drop the charges"), GOVERNMENT },
  { "quash-conviction", N_("Quash the conviction"), GOVERNMENT | ROLE (JUDGE) },
  { "fair-trial", N_("Fair trial or retrial"), GOVERNMENT | ROLE (JUDGE) },
  { "halt-execution", N_("Halt the execution and commute the death sentence"), GOVERNMENT | ROLE (JUDGE) },
  { "end-disappearance", N_("End the enforced disappearance"), GOVERNMENT },
  { "disclose-whereabouts", N_("Disclose fate and whereabouts"), GOVERNMENT },
  { "stop-deportation", N_("Stop the deportation or forcible return"), GOVERNMENT | ROLE (JUDGE) },
  { "lift-travel-ban", N_("Lift the travel ban"), GOVERNMENT | ROLE (JUDGE) },
  { "no-torture", N_("Protect from torture and ill-treatment"), ALL_ROLES },
  { "investigate-torture", N_("Investigate torture or abuse"), GOVERNMENT },
  { "investigate-death", N_("Investigate a death in custody"), GOVERNMENT },
  { "investigate-threats", N_("Investigate threats and attacks"), GOVERNMENT },
  { "medical-care", N_("Medical care"), ALL_ROLES },
  { "lawyer-access", N_("Access to a lawyer of their choice"), ALL_ROLES },
  { "family-access", N_("Access to family"), ALL_ROLES },
  { "consular-access", N_("Consular access"), GOVERNMENT | ROLE (PRISON_HEAD) },
  { "humane-conditions", N_("Humane conditions of detention"), GOVERNMENT | ROLE (PRISON_HEAD) },
  { "protect-from-reprisals", N_("Protection from reprisals and harassment"), GOVERNMENT | ROLE (PRISON_HEAD) },
  { "let-defender-work", N_("Let a human rights defender work and travel freely"), GOVERNMENT },
  { "allow-protest", N_("Respect the right to peaceful protest"), GOVERNMENT },
  { "accountability", N_("Bring those responsible to justice"), GOVERNMENT },
  { "reparation", N_("Reparation and compensation"), GOVERNMENT | ROLE (JUDGE) },
  { "clear-name", N_("Clear the name, rehabilitate posthumously"), GOVERNMENT | ROLE (JUDGE) },
};

static const char *request_ids[G_N_ELEMENTS (requests) + 1];

typedef struct
{
  GHashTable *books;  /* language code -> JsonNode (object) */
} Bank;

static gpointer
load_bank (gpointer data)
{
  Bank *bank = g_new0 (Bank, 1);

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    request_ids[i] = requests[i].id;
  bank->books = askarov_phrasebook_load_folder (REQUESTS_PATH, "Request bank");
  return bank;
}

static Bank *
get_bank (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_bank, NULL);
}

static const Request *
find_request (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    if (g_str_equal (requests[i].id, id))
      return &requests[i];
  return NULL;
}

static JsonObject *
get_book (const char *language)
{
  JsonNode *node;

  if (language == NULL)
    return NULL;
  node = g_hash_table_lookup (get_bank ()->books, language);
  return node != NULL ? json_node_get_object (node) : NULL;
}

static JsonObject *
get_entry (const char *id,
           const char *language)
{
  return askarov_phrasebook_get_object (askarov_phrasebook_get_object (get_book (language), "requests"), id);
}

/* Names in the genitive, for the constructions that need it: Russian and
 * Ukrainian "освобождения / звільнення {persons-gen}", Polish "uwolnienie
 * {persons-gen}". Russian and Ukrainian decline Cyrillic names and leave names
 * in Latin letters as written, as their texts leave foreign spellings; Polish
 * declines names in Latin letters, as it does foreign names ("Azimjana
 * Askarova"), and leaves other scripts. The sex is guessed from the surname
 * and the first name: a name ending in a consonant declines only when the
 * person is a man. */
static gboolean
is_word_in_script (const char    *word,
                   GUnicodeScript script)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) && g_unichar_get_script (c) != script)
        return FALSE;
    }
  return TRUE;
}

static gboolean
ends_with_any (const char         *word,
               const char * const *endings)
{
  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_suffix (word, endings[i]))
      return TRUE;
  return FALSE;
}

/* @word without its last @drop bytes, then @ending. */
static char *
replace_end (const char *word,
             gsize       drop,
             const char *ending)
{
  g_autofree char *stem = g_strndup (word, strlen (word) - drop);

  return g_strconcat (stem, ending, NULL);
}

static gboolean
ends_in_vowel (const char *word,
               const char *vowels)
{
  gsize len = strlen (word);

  return len > 0 && g_utf8_strchr (vowels, -1, g_utf8_get_char (g_utf8_prev_char (word + len))) != NULL;
}

/* How Russian and Ukrainian put a name in the genitive; the rules are the
 * same in shape, the endings differ. */
typedef struct
{
  const char * const *adjective_fem;       /* "-ская": "ая" → "ой" */
  const char * const *fem_surname;         /* "-ова": "а" → @fem_surname_gen */
  const char         *fem_surname_gen;
  gboolean            fem_surname_if_woman; /* only in a woman's name */
  const char * const *adjective_masc;      /* "-ский": "ий" → "ого" */
  const char         *ia_gen;              /* "-ія": "я" → this, before the plain "-я" rule */
  const char         *ya_gen;              /* "-я": "я" → this */
  const char * const *hushing;             /* "-а" after these: "а" → @a_hushing_gen */
  const char         *a_hushing_gen;
  const char         *a_gen;
  const char         *o_gen;               /* "-о" → this in a man's name, or NULL */
  const char         *vowels;              /* other vowel endings do not decline */
  const char * const *undeclined;          /* nor these endings */
} CyrillicGenitive;

static const char * const ru_adjective_fem[] = { "ская", "цкая", NULL };
static const char * const ru_fem_surname[] = { "ова", "ева", "ёва", "ина", "ына", NULL };
static const char * const ru_adjective_masc[] = { "ский", "цкий", NULL };
static const char * const ru_hushing[] = { "ж", "ш", "ч", "щ", "ц", "к", "г", "х", NULL };
static const char * const ru_undeclined[] = { "ых", "их", NULL };
static const char * const uk_fem_surname[] = { "ова", "ева", "єва", "іна", "їна", "ина", "ська", "цька", NULL };
static const char * const uk_adjective_masc[] = { "ський", "цький", NULL };
static const char * const uk_hushing[] = { "ж", "ч", "ш", "щ", NULL };
static const char * const none[] = { NULL };

/* Russian: "Аскаров" → "Аскарова", "Гульнара Каримова" → "Гульнары Каримовой". */
static const CyrillicGenitive russian = {
  ru_adjective_fem, ru_fem_surname, "ой", FALSE, ru_adjective_masc, NULL, "и",
  ru_hushing, "и", "ы", NULL, "аеёиоуыэюя", ru_undeclined,
};

/* Ukrainian: "Шевченко" → "Шевченка", "Андрій" → "Андрія", "Оксана" →
 * "Оксани", "Марія" → "Марії", "Аскарова" → "Аскарової", "Ковальська" →
 * "Ковальської", "Ковальський" → "Ковальського". */
static const CyrillicGenitive ukrainian = {
  none, uk_fem_surname, "ої", TRUE, uk_adjective_masc, "ї", "і",
  uk_hushing, "і", "и", "а", "еєиіїуюя", none,
};

static char *
cyrillic_genitive_word (const char             *word,
                        const CyrillicGenitive *rules,
                        gboolean                feminine)
{
  g_autofree char *stem = NULL;

  if (ends_with_any (word, rules->adjective_fem))
    return replace_end (word, strlen ("ая"), "ой");
  if (ends_with_any (word, rules->adjective_masc))
    return replace_end (word, strlen ("ий"), "ого");
  if ((feminine || !rules->fem_surname_if_woman) && ends_with_any (word, rules->fem_surname))
    return replace_end (word, strlen ("а"), rules->fem_surname_gen);
  if (rules->ia_gen != NULL && g_str_has_suffix (word, "ія"))
    return replace_end (word, strlen ("я"), rules->ia_gen);
  if (g_str_has_suffix (word, "я"))
    return replace_end (word, strlen ("я"), rules->ya_gen);
  if (g_str_has_suffix (word, "а"))
    {
      stem = g_strndup (word, strlen (word) - strlen ("а"));
      return g_strconcat (stem, ends_with_any (stem, rules->hushing) ? rules->a_hushing_gen : rules->a_gen, NULL);
    }
  if (feminine)
    return g_strdup (word);
  if (g_str_has_suffix (word, "й"))
    return replace_end (word, strlen ("й"), "я");
  if (g_str_has_suffix (word, "ь"))
    return replace_end (word, strlen ("ь"), "я");
  if (rules->o_gen != NULL && g_str_has_suffix (word, "о"))
    return replace_end (word, strlen ("о"), rules->o_gen);
  if (ends_in_vowel (word, rules->vowels) || ends_with_any (word, rules->undeclined))
    return g_strdup (word);
  return g_strconcat (word, "а", NULL);
}

/* Polish, for names in Latin letters: "Azimjan Askarov" → "Azimjana
 * Askarova", "Nodira" → "Nodiry", "Olga" → "Olgi", "Leyla" → "Leyli",
 * "Maria" → "Marii", "Kowalska" → "Kowalskiej", "Kowalski" → "Kowalskiego",
 * a woman's "Mammadova" → "Mammadovej"; a woman's surname in a consonant
 * and names ending in another vowel stay as written. */
static char *
polish_genitive_word (const char *word,
                      gboolean    feminine,
                      gboolean    surname)
{
  static const char * const adjectival[] = { "ska", "cka", "dzka", NULL };
  static const char * const fem_surname[] = { "ova", "eva", "owa", "ewa", NULL };
  static const char * const soft_i[] = { "si", "ci", "zi", "ni", NULL };
  static const char * const takes_i[] = { "k", "g", "l", NULL };
  g_autofree char *stem = NULL;

  if (g_str_has_suffix (word, "ski") || g_str_has_suffix (word, "cki"))
    return g_strconcat (word, "ego", NULL);
  if (ends_with_any (word, adjectival) || (feminine && surname && ends_with_any (word, fem_surname)))
    return replace_end (word, 1, g_str_has_suffix (word, "ka") ? "iej" : "ej");
  if (g_str_has_suffix (word, "ja"))
    return replace_end (word, 2, "i");
  if (g_str_has_suffix (word, "ia"))
    {
      stem = g_strndup (word, strlen (word) - 1);
      return g_strconcat (stem, ends_with_any (stem, soft_i) ? "" : "i", NULL);
    }
  if (g_str_has_suffix (word, "a"))
    {
      stem = g_strndup (word, strlen (word) - 1);
      return g_strconcat (stem, ends_with_any (stem, takes_i) ? "i" : "y", NULL);
    }
  if (feminine || ends_in_vowel (word, "aeiouyAEIOUY"))
    return g_strdup (word);
  return g_strconcat (word, "a", NULL);
}

static char *
genitive_word (const char *word,
               const char *language,
               gboolean    feminine,
               gboolean    surname)
{
  gboolean polish = g_str_equal (language, "pl");

  /* At least two Cyrillic letters, or three Latin ones (not initials). */
  if (strlen (word) < (polish ? 3 : 4) || !g_unichar_isupper (g_utf8_get_char (word))
      || !is_word_in_script (word, polish ? G_UNICODE_SCRIPT_LATIN : G_UNICODE_SCRIPT_CYRILLIC))
    return g_strdup (word);
  if (polish)
    return polish_genitive_word (word, feminine, surname);
  return cyrillic_genitive_word (word, g_str_equal (language, "uk") ? &ukrainian : &russian, feminine);
}

/* One person's name: the sex is read from the last word ("-ова", "-ская", a
 * first name in "-а" with a surname that does not decline as a man's). */
static char *
genitive_name (const char *name,
               const char *language)
{
  static const char * const fem_surname[] = {
    "ова", "ева", "ёва", "єва", "ина", "іна", "їна", "ына", "ская", "цкая", "ська", "цька",
    "ova", "eva", "owa", "ewa", "ina", "yna", "ska", "cka", "aya", "aja", NULL
  };
  static const char * const male_surname[] = {
    "ов", "ев", "єв", "ин", "ін", "ov", "ev", "ow", "ew", "in", "yn", NULL
  };
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);
  gboolean feminine = FALSE;
  g_autoptr(GString) out = g_string_new (NULL);

  if (n == 0)
    return g_strdup (name);
  if (ends_with_any (words[n - 1], fem_surname))
    feminine = TRUE;
  else if (n >= 2 && (g_str_has_suffix (words[0], "а") || g_str_has_suffix (words[0], "я")
                      || g_str_has_suffix (words[0], "a"))
           && !ends_with_any (words[n - 1], male_surname))
    feminine = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = genitive_word (words[i], language, feminine, n >= 2 && i == n - 1);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, word);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Every name of "A, B и C" in the genitive; the separators stay as they are.
 * The word for "and" is the letter language's (phrasebook "phrases"/"and"). */
static char *
persons_genitive (const char *persons,
                  const char *language)
{
  const char *and = askarov_phrasebook_get_string (askarov_phrasebook_get_object (askarov_phrasebook_get_book (language),
                                                                                  "phrases"), "and");
  g_autofree char *escaped = g_regex_escape_string (and != NULL ? and : "и", -1);
  g_autofree char *pattern = g_strdup_printf ("(, | %s )", escaped);
  g_autoptr(GRegex) split = g_regex_new (pattern, 0, 0, NULL);
  g_auto(GStrv) parts = g_regex_split (split, persons, 0);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      /* The separators come back as their own parts (odd indices). */
      if (i % 2 == 1 || *parts[i] == '\0')
        g_string_append (out, parts[i]);
      else
        {
          g_autofree char *name = genitive_name (parts[i], language);

          g_string_append (out, name);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* French elides "de" and "que" before a vowel or a mute h: "d’Azimjan". */
static gboolean
starts_with_vowel (const char *s)
{
  g_autofree char *decomposed = g_utf8_normalize (s, -1, G_NORMALIZE_NFD);
  gunichar c = decomposed != NULL ? g_unichar_tolower (g_utf8_get_char (decomposed)) : 0;

  return c != 0 && c < 0x80 && strchr ("aeiouyh", (int) c) != NULL;
}

static char *
fill_persons (const char *pattern,
              const char *language,
              const char *persons)
{
  g_autoptr(GString) out = g_string_new (pattern);

  if (g_str_equal (language, "fr") && starts_with_vowel (persons))
    {
      g_string_replace (out, " de {persons}", " d’{persons}", 0);
      g_string_replace (out, " que {persons}", " qu’{persons}", 0);
    }

  if (strstr (pattern, "{persons-gen}") != NULL)
    {
      g_autofree char *genitive = persons_genitive (persons, language);

      g_string_replace (out, "{persons-gen}", genitive, 0);
    }
  g_string_replace (out, "{persons}", persons, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Public API */

const char * const *
askarov_requests_get_ids (void)
{
  get_bank ();
  return request_ids;
}

gboolean
askarov_request_is_known (const char *id)
{
  return find_request (id) != NULL;
}

const char *
askarov_request_get_label (const char *id)
{
  const Request *request = find_request (id);

  return request != NULL ? _(request->label) : NULL;
}

gboolean
askarov_request_fits_role (const char  *id,
                           AskarovRole  role)
{
  const Request *request = find_request (id);

  g_return_val_if_fail ((guint) role < ASKAROV_N_ROLES, FALSE);

  return request != NULL && (request->roles & (1u << role)) != 0;
}

/* The sentence for @role, looked up in order: a wording for that very role
 * ("roles": {"prison-head": …}), the ambassador's own wording ("ambassador"),
 * the request's sentence ("text"), or its clause ("clause") put into the
 * language's frame for the role ("frames": {"ambassador": …, "default": …}). */
char *
askarov_request_dup_text (const char  *id,
                          const char  *language,
                          AskarovRole  role,
                          const char  *persons)
{
  JsonObject *entry;
  const char *role_id = askarov_role_to_id (role);
  const char *pattern;
  const char *clause;
  g_autofree char *sentence = NULL;
  g_autoptr(GString) built = NULL;

  g_return_val_if_fail (persons != NULL, NULL);

  if (!askarov_request_fits_role (id, role) || language == NULL)
    return NULL;
  entry = get_entry (id, language);
  if (entry == NULL)
    return NULL;

  pattern = askarov_phrasebook_get_string (askarov_phrasebook_get_object (entry, "roles"), role_id);
  if (pattern == NULL && role == ASKAROV_ROLE_AMBASSADOR)
    pattern = askarov_phrasebook_get_string (entry, "ambassador");
  if (pattern == NULL && role != ASKAROV_ROLE_AMBASSADOR)
    pattern = askarov_phrasebook_get_string (entry, "text");
  clause = askarov_phrasebook_get_string (entry, "clause");
  if (pattern == NULL && clause != NULL)
    {
      JsonObject *frames = askarov_phrasebook_get_object (get_book (language), "frames");
      const char *frame = askarov_phrasebook_get_string (frames, role_id);

      if (frame == NULL)
        frame = askarov_phrasebook_get_string (frames, "default");
      if (frame == NULL)
        return NULL;
      built = g_string_new (frame);
      g_string_replace (built, "{clause}", clause, 0);
      sentence = g_string_free (g_steal_pointer (&built), FALSE);
      pattern = sentence;
    }
  if (pattern == NULL)
    return NULL;
  return fill_persons (pattern, language, persons);
}

AskarovConfidence
askarov_request_get_confidence (const char *id,
                                const char *language)
{
  JsonObject *entry = get_entry (id, language);
  const char *confidence = askarov_phrasebook_get_string (entry, "confidence");

  if (entry == NULL)
    return ASKAROV_CONFIDENCE_LOW;
  if (confidence == NULL)
    confidence = askarov_phrasebook_get_string (get_book (language), "confidence");
  if (g_strcmp0 (confidence, "high") == 0)
    return ASKAROV_CONFIDENCE_HIGH;
  if (g_strcmp0 (confidence, "medium") == 0)
    return ASKAROV_CONFIDENCE_MEDIUM;
  return ASKAROV_CONFIDENCE_LOW;
}

/* Classification.
 *
 * Each request lists, per language, "keywords": groups of lower-case word
 * beginnings ("releas", "free"). An ask makes the request when every group has
 * a word in it that begins with one of the group's stems (a stem with a space
 * matches across words; "free$" is a whole word). Among the requests it makes,
 * the one whose words come first in the ask wins ("Release him and drop the
 * charges" is a release); at the same place, the most specific one (more
 * groups, so "release on health grounds" beats "release"). A language's
 * "ignore" phrases are taken out first ("pending release" is no release). Text and stems are compared
 * case-folded, without accents, "ё" as "е", and every other sign (hyphens,
 * apostrophes: French "l’avocat", Uzbek "oʻz") a word break. */

static char *
fold_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFD);
  g_autofree char *lower = g_utf8_casefold (decomposed, -1);
  GString *out = g_string_sized_new (strlen (lower) + 2);

  /* A leading space lets every stem match at a word start as " stem". */
  g_string_append_c (out, ' ');
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;  /* accents, and the diaeresis of ё and the breve of й */
      if (c == '$')
        continue;  /* the whole-word mark of a stem */
      /* Uzbek writes its apostrophes as modifier letters (ʻ ʼ) or quotes. */
      if (g_unichar_isalnum (c) && c != 0x02BB && c != 0x02BC)
        g_string_append_unichar (out, c);
      else if (out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  /* And a trailing one, for whole words ("free$"). */
  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

/* The first word of @folded that starts with @stem. */
static const char *
find_stem (const char *folded,
           const char *stem)
{
  gboolean whole_word = g_str_has_suffix (stem, "$");
  g_autofree char *needle = fold_text (stem);  /* " stem " */

  if (!whole_word)
    needle[strlen (needle) - 1] = '\0';
  return strstr (folded, needle);
}

/* Where the first word starting with one of @stems begins in @folded, or -1.
 * A stem ending in "$" is a whole word ("free$" does not match "freely").
 * "A...B" matches A with B somewhere after it, for verbs that split around
 * their object ("lass...frei$": "Lassen Sie X frei"). */
static gssize
find_group (const char *folded,
            JsonArray  *stems)
{
  gssize best = -1;

  for (guint i = 0; i < json_array_get_length (stems); i++)
    {
      const char *stem = json_array_get_string_element (stems, i);
      const char *gap;
      const char *hit;

      if (stem == NULL || *stem == '\0')
        continue;
      gap = strstr (stem, "...");
      if (gap != NULL)
        {
          g_autofree char *head = g_strndup (stem, gap - stem);

          hit = find_stem (folded, head);
          if (hit != NULL && find_stem (hit + 1, gap + 3) == NULL)
            hit = NULL;
        }
      else
        hit = find_stem (folded, stem);
      if (hit != NULL && (best < 0 || hit - folded < best))
        best = hit - folded;
    }
  return best;
}

#define MAX_GROUPS 4

/* Where one request's words were found in an ask. */
typedef struct
{
  const char *id;
  guint       n_groups;
  gssize      hits[MAX_GROUPS];  /* the first match of each group */
  gssize      position;          /* the earliest of them */
} Match;

static gboolean
match_request (const char *folded,
               const char *id,
               JsonObject *entry,
               Match      *match)
{
  JsonNode *node = entry != NULL ? json_object_get_member (entry, "keywords") : NULL;
  JsonArray *groups;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  groups = json_node_get_array (node);
  n = json_array_get_length (groups);
  if (n == 0 || n > MAX_GROUPS)
    return FALSE;
  match->id = id;
  match->n_groups = n;
  match->position = G_MAXSSIZE;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *group = json_array_get_element (groups, i);

      if (!JSON_NODE_HOLDS_ARRAY (group))
        return FALSE;
      match->hits[i] = find_group (folded, json_node_get_array (group));
      if (match->hits[i] < 0)
        return FALSE;
      match->position = MIN (match->position, match->hits[i]);
    }
  /* "exclude": stems that show the ask is about something else. */
  node = json_object_get_member (entry, "exclude");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && find_group (folded, json_node_get_array (node)) >= 0)
    return FALSE;
  return TRUE;
}

/* Adds to @matches every request the ask makes in @language. */
static void
match_in (const char *folded,
          const char *language,
          GArray     *matches)
{
  JsonObject *book = get_book (language);
  JsonObject *book_requests = askarov_phrasebook_get_object (book, "requests");
  JsonNode *ignore = book != NULL ? json_object_get_member (book, "ignore") : NULL;
  g_autoptr(GString) text = g_string_new (folded);

  if (book_requests == NULL)
    return;
  /* Phrases that name a request without making it ("pending release"). */
  if (ignore != NULL && JSON_NODE_HOLDS_ARRAY (ignore))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (ignore)); i++)
      {
        const char *phrase = json_array_get_string_element (json_node_get_array (ignore), i);
        g_autofree char *needle = phrase != NULL ? fold_text (phrase) : NULL;

        if (needle != NULL && needle[1] != '\0')
          g_string_replace (text, needle, " ", 0);
      }
  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      Match match;

      if (match_request (text->str, requests[i].id, askarov_phrasebook_get_object (book_requests, requests[i].id), &match))
        g_array_append_val (matches, match);
    }
}

static GArray *
match_all (const char *ask_text,
           const char *language)
{
  g_autofree char *folded = fold_text (ask_text);
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (Match));

  if (language != NULL && get_book (language) != NULL)
    match_in (folded, language, matches);
  else
    {
      GHashTableIter iter;
      gpointer key;
      g_autoptr(GPtrArray) codes = g_ptr_array_new ();

      g_hash_table_iter_init (&iter, get_bank ()->books);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (codes, key);
      /* Sorted, so the answer does not depend on the hash table's order. */
      g_ptr_array_sort_values (codes, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < codes->len; i++)
        match_in (folded, g_ptr_array_index (codes, i), matches);
    }
  return matches;
}

/* Earlier in the ask first; at the same place, more groups first. */
static gboolean
is_better (const Match *a,
           const Match *b)
{
  return a->position < b->position || (a->position == b->position && a->n_groups > b->n_groups);
}

/* Every word @a was found by is one @b was found by too ("release" in
 * "release on health grounds", "torture" in "investigate the torture"). */
static gboolean
is_within (const Match *a,
           const Match *b)
{
  for (guint i = 0; i < a->n_groups; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < b->n_groups && !found; j++)
        found = a->hits[i] == b->hits[j];
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  if (is_better (a, b))
    return -1;
  return is_better (b, a) ? 1 : 0;
}

const char *
askarov_request_classify (const char *ask_text,
                          const char *language)
{
  g_autoptr(GArray) matches = NULL;
  const Match *best = NULL;

  g_return_val_if_fail (ask_text != NULL, NULL);

  matches = match_all (ask_text, language);
  for (guint i = 0; i < matches->len; i++)
    if (best == NULL || is_better (&g_array_index (matches, Match, i), best))
      best = &g_array_index (matches, Match, i);
  return best != NULL ? best->id : NULL;
}

GStrv
askarov_request_classify_all (const char *ask_text,
                              const char *language)
{
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  g_return_val_if_fail (ask_text != NULL, NULL);

  matches = match_all (ask_text, language);
  /* Stable: requests the bank lists first stay first at the same place. */
  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len; i++)
    {
      const Match *match = &g_array_index (matches, Match, i);
      gboolean skip = FALSE;

      for (guint j = 0; j < matches->len && !skip; j++)
        {
          const Match *other = &g_array_index (matches, Match, j);

          /* A request whose words all belong to a more specific one is that one. */
          skip = j != i && other->n_groups > match->n_groups && is_within (match, other);
        }
      for (guint j = 0; j < kept->len && !skip; j++)
        skip = g_str_equal (g_ptr_array_index (kept, j), match->id);
      if (skip)
        continue;
      g_ptr_array_add (kept, (gpointer) match->id);
      g_strv_builder_add (builder, match->id);
    }
  return g_strv_builder_end (builder);
}
