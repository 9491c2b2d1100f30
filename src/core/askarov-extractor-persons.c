/* askarov-extractor-persons.c — finds the persons of concern and folds the spellings of their names.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-extractor"

#include "config.h"

#include <string.h>

#include "askarov-extractor-private.h"

/* Name folding. One person's name reaches us transliterated in several ways
 * (Azimjan, Azimzhan, Azimjon; Аскаров) and now and then mistyped (Azkarov).
 * Each word is folded to a consonant skeleton that those variants share:
 *   1. Cyrillic is transliterated, accents dropped, letters lower-cased;
 *   2. spellings of one sound are merged: dzh/zh/dj -> j, kh -> h, ph -> f,
 *      w -> v, q -> k, y -> i, x -> ks, c -> k (ch and sh kept), z -> s;
 *   3. vowels after the first letter are dropped (Azimjon/Azimjan), and
 *      doubled letters collapse, unless fewer than three letters would be left.
 * Patronymics (-ovich, -ovna, uulu, kyzy) and honorifics are left out, and the
 * words are sorted so that "Askarov Azimjan" folds like "Azimjan Askarov".
 * askarov_person_names_match() then also accepts a word one edit away and a
 * name given only in part ("Askarov"), as long as no given name clashes. */

static const struct
{
  gunichar    c;
  const char *latin;
} cyrillic[] = {
  { 0x430, "a" }, { 0x431, "b" }, { 0x432, "v" }, { 0x433, "g" }, { 0x434, "d" }, { 0x435, "e" },
  { 0x451, "e" }, { 0x436, "zh" }, { 0x437, "z" }, { 0x438, "i" }, { 0x439, "i" }, { 0x43a, "k" },
  { 0x43b, "l" }, { 0x43c, "m" }, { 0x43d, "n" }, { 0x43e, "o" }, { 0x43f, "p" }, { 0x440, "r" },
  { 0x441, "s" }, { 0x442, "t" }, { 0x443, "u" }, { 0x444, "f" }, { 0x445, "kh" }, { 0x446, "ts" },
  { 0x447, "ch" }, { 0x448, "sh" }, { 0x449, "sh" }, { 0x44a, "" }, { 0x44b, "y" }, { 0x44c, "" },
  { 0x44d, "e" }, { 0x44e, "yu" }, { 0x44f, "ya" }, { 0x4a3, "n" }, { 0x4e9, "o" }, { 0x4af, "u" },
  { 0x456, "i" }, { 0x457, "i" }, { 0x454, "e" }, { 0x493, "g" }, { 0x49b, "k" }, { 0x4b3, "h" },
};

static const char * const honorifics[] = {
  "mr", "mrs", "ms", "miss", "dr", "prof", "mme", "m", "herr", "frau", "sir", "dame",
};

static const char * const stop_words[] = {
  "the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "or", "as", "by", "to", "from", "with",
  "after", "before", "during", "since", "when", "while", "if", "his", "her", "their", "its", "our",
  "this", "that", "these", "those", "he", "she", "it", "we", "they", "i", "you", "mr", "mrs", "ms",
  "dr", "dear", "yours", "please", "also", "both", "all", "despite", "although", "following",
  "according", "however", "reportedly", "more", "local", "members", "court", "courts", "committee",
  "human", "rights", "amnesty", "international", "urgent", "action", "regional", "supreme", "united",
  "nations", "european", "union", "parliament", "republic", "government", "president", "minister",
  "prosecutor", "general", "ambassador", "embassy", "ministry", "office", "street", "avenue",
  "district", "region", "prison", "colony", "centre", "center", "foundation", "organization",
  "organisation", "service", "external", "council", "deputy", "director", "europe", "central", "asia",
  "security", "police", "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
  "friday", "saturday", "sunday", "take", "write", "salutation", "email", "fax", "phone", "facebook",
  "twitter", "instagram", "expand", "related", "content", "download", "skip", "log", "name", "pronoun",
  "additional", "information", "preferred", "language", "target", "address", "sample", "click",
  "here", "sincerely", "there", "then", "where", "which", "who", "what", "why", "how", "one", "two",
  "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "last",
  "new", "soon", "over", "under", "about", "into", "than", "them", "him", "nearly", "still", "yet",
  "no", "uk", "usa", "further", "update", "outcome", "statement", "press", "release", "kyrgyz",
  "kyrgyzstan", "kyrgyzstani", "uzbek", "uzbeks", "russian", "english", "covid", "un", "eu", "state",
  "national", "federal", "ministry", "department", "justice", "internal", "affairs", "foreign",
  "appeal", "appeals", "letter", "letters", "send", "contact", "chief", "head", "office",
  "madame", "monsieur", "herr", "frau", "sehr", "geehrte", "geehrter", "le", "la", "les", "der", "die",
  "das", "und", "et", "de", "du", "des", "von", "im", "en", "au", "aux",
  /* Articles, pronouns and the imperatives and headings of the sections'
   * formats: "Schreiben Sie", "Écrivez", "Escriban", "Scrivi", "Напишите". */
  "il", "lo", "gli", "los", "las", "un", "una", "het", "een", "ein", "eine", "sie", "ihr", "ihnen",
  "vous", "usted", "ustedes", "lei", "voi", "u", "je", "jij", "wij", "вы", "мы", "ask", "call", "urge", "tell",
  "schreiben", "senden", "schicken", "fordern", "bitte", "bitten", "appelle", "kopien", "anrede", "sachlage",
  "écrivez", "envoyez", "demandez", "formule", "appel", "destinataire", "copie", "copies", "escriban", "escriba",
  "escribe", "envíen", "envíe", "pidan", "tratamiento", "señor", "señora", "copias", "scrivi", "scrivete",
  "invia", "inviate", "chiedi", "chiedete", "saluto", "signor", "signora", "copia", "destinatario", "schrijf",
  "stuur", "vraag", "aanhef", "geachte", "heer", "kopie", "adres", "напишите", "направьте", "призовите",
  "пожалуйста", "обращение", "уважаемый", "уважаемая", "господин", "госпожа", "копии", "российской",
  "федерации", "российская", "федерация", "республики", "республика", "генеральный", "прокурор",
  /* Organisations and newspapers are no persons. */
  "gazeta", "gazette", "times", "news", "post", "radio", "agency", "party", "press", "media", "tv", "group",
  "movement", "association", "institute", "university", "bank", "company", "network", "journal", "herald",
  "tribune", "zeitung", "газета", "партия", "watch", "memorial", "ltd", "inc", "club", "society", "league",
  "issue", "date", "against", "charges", "dropped", "released", "freed", "held", "jailed", "detained",
};

/* TRUE when the line at @offset has no word in lower case: a Title Case
 * headline or a label ("Issue Date: …"), not a sentence about someone. */
static gboolean
on_headline (const char *flat,
             guint       offset)
{
  const char *start = flat + offset;
  const char *end = start;
  gboolean word_start = TRUE;

  while (start > flat && start[-1] != '\n')
    start--;
  while (*end != '\0' && *end != '\n')
    end++;
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (word_start && g_unichar_islower (c))
        return FALSE;
      word_start = !g_unichar_isalnum (c) && c != '\'' && c != 0x2019;
    }
  return TRUE;
}

/* Nouns that stand before a name ("Der Gewerkschafter Karim Samir
 * Abdelaziz", "Mensenrechtenverdediger Aung Ko Ko Htwe"); in German and
 * Dutch they are capitalised like the name. */
static const char * const role_nouns[] = {
  "gewerkschafter", "gewerkschafterin", "journalist", "journalistin", "bloggerin", "blogger", "aktivist",
  "aktivistin", "anwalt", "anwältin", "rechtsanwalt", "rechtsanwältin", "menschenrechtsverteidiger",
  "menschenrechtsverteidigerin", "studentin", "student", "lehrer", "lehrerin", "künstler", "künstlerin",
  "mensenrechtenverdediger", "mensenrechtenactivist", "journaliste", "activist", "activiste", "advocaat",
  "advocate", "avocat", "avocate", "militant", "militante", "défenseur", "défenseuse", "blogueur", "blogueuse",
  "periodista", "activista", "abogado", "abogada", "defensor", "defensora", "sindicalista", "sindacalista",
  "giornalista", "attivista", "avvocato", "avvocata", "difensore", "difensora", "rapper", "reporter", "lawyer",
  "teacher", "defender", "activist", "poet", "dichter", "dichterin", "schriftsteller", "schriftstellerin",
  "pastor", "pfarrer", "imam", "rapperin", "umweltaktivist", "umweltaktivistin", "aktivistka", "журналист",
  "журналистка", "активист", "активистка", "правозащитник", "правозащитница", "адвокат", "блогер", "блогерша",
  "leider", "leiter", "leiterin", "verdediger", "verdedigster", "verteidiger", "verteidigerin", "schrijver",
  "schrijfster", "organisator", "organisatorin", "sprecher", "sprecherin",
};

/* A role noun, or a German or Dutch compound ending in one
 * ("Vakbondsleider", "Umweltaktivistin"). */
static gboolean
is_role_noun (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (role_nouns); i++)
    if (g_str_equal (folded, role_nouns[i])
        || (strlen (role_nouns[i]) >= 6 && strlen (folded) > strlen (role_nouns[i]) + 2
            && g_str_has_suffix (folded, role_nouns[i])))
      return TRUE;
  return FALSE;
}

/* Words before a name that say it is a place ("in Bazar Korgan"). */
static const char * const place_prepositions[] = {
  "in", "at", "from", "near", "into", "en", "à", "aus", "bei", "im", "nach",
};

static gboolean
in_list (const char         *word,
         const char * const *list,
         gsize               n)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (gsize i = 0; i < n; i++)
    if (g_str_equal (folded, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_patronymic (const char *folded)
{
  return g_str_has_suffix (folded, "ovich") || g_str_has_suffix (folded, "evich")
         || g_str_has_suffix (folded, "ovna") || g_str_has_suffix (folded, "evna")
         || g_str_equal (folded, "uulu") || g_str_equal (folded, "kyzy");
}

/* Latin, lower case, without accents: "Аскаров" -> "askarov", "Öztürk" -> "ozturk". */
static char *
romanise (const char *word)
{
  g_autofree char *decomposed = g_utf8_normalize (word, -1, G_NORMALIZE_NFKD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      gboolean done = FALSE;

      if (c < 0x80)
        {
          if (g_ascii_isalpha (c))
            g_string_append_c (out, (char) c);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (cyrillic) && !done; i++)
        if (cyrillic[i].c == c)
          {
            g_string_append (out, cyrillic[i].latin);
            done = TRUE;
          }
      /* Combining marks and anything else unknown are dropped. */
    }
  return g_string_free (out, FALSE);
}

static void
replace_all (GString    *s,
             const char *from,
             const char *to)
{
  g_string_replace (s, from, to, 0);
}

static char *
fold_word (const char *word)
{
  g_autofree char *latin = romanise (word);
  GString *s;
  GString *skeleton;

  if (*latin == '\0' || is_patronymic (latin) || in_list (latin, honorifics, G_N_ELEMENTS (honorifics)))
    return NULL;

  s = g_string_new (latin);
  replace_all (s, "dzh", "j");
  replace_all (s, "zh", "j");
  replace_all (s, "dj", "j");
  replace_all (s, "kh", "h");
  replace_all (s, "ph", "f");
  /* Keep ch and sh apart from c and s: "q" and "x" are free once folded. */
  replace_all (s, "q", "k");
  replace_all (s, "x", "ks");
  replace_all (s, "ch", "q");
  replace_all (s, "sh", "x");
  replace_all (s, "c", "k");
  replace_all (s, "w", "v");
  replace_all (s, "y", "i");
  replace_all (s, "z", "s");

  skeleton = g_string_new (NULL);
  for (gsize i = 0; i < s->len; i++)
    {
      char c = s->str[i];

      if (i > 0 && strchr ("aeiou", c) != NULL)
        continue;
      if (skeleton->len > 0 && skeleton->str[skeleton->len - 1] == c)
        continue;
      g_string_append_c (skeleton, c);
    }
  /* Short names keep their vowels: Ali and Ala are two people. */
  if (skeleton->len < 3)
    {
      g_string_free (skeleton, TRUE);
      return g_string_free (s, FALSE);
    }
  g_string_free (s, TRUE);
  return g_string_free (skeleton, FALSE);
}

static GPtrArray *
fold_words (const char *name)
{
  static GRegex *regex;
  g_auto(GStrv) words = g_regex_split (extract_regex (&regex, "[\\s,.’'()-]+", 0), name, 0);
  GPtrArray *folded = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = fold_word (words[i]);

      if (word != NULL)
        g_ptr_array_add (folded, word);
    }
  return folded;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

char *
askarov_fold_person_name (const char *name)
{
  g_autoptr(GPtrArray) words = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  words = fold_words (name);
  if (words->len == 0)
    return NULL;
  g_ptr_array_sort (words, compare_strings);
  g_ptr_array_add (words, NULL);
  return g_strjoinv (" ", (char **) words->pdata);
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint stack_row[64];
  g_autofree guint *heap_row = lb < G_N_ELEMENTS (stack_row) ? NULL : g_new (guint, lb + 1);
  guint *row = heap_row != NULL ? heap_row : stack_row;

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}

static gboolean
words_match (const char *a,
             const char *b)
{
  return g_str_equal (a, b) || (strlen (a) >= 4 && strlen (b) >= 4 && edit_distance (a, b) <= 1);
}

static gboolean
folded_names_match (GPtrArray *words_a,
                    GPtrArray *words_b)
{
  gboolean used[8] = { FALSE, };
  GPtrArray *shorter, *longer;

  if (words_a->len == 0 || words_b->len == 0 || MAX (words_a->len, words_b->len) > G_N_ELEMENTS (used))
    return FALSE;
  shorter = words_a->len <= words_b->len ? words_a : words_b;
  longer = shorter == words_a ? words_b : words_a;

  /* Every word of the shorter name must match its own word of the longer. */
  for (guint i = 0; i < shorter->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < longer->len && !found; j++)
        if (!used[j] && words_match (g_ptr_array_index (shorter, i), g_ptr_array_index (longer, j)))
          used[j] = found = TRUE;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

gboolean
askarov_person_names_match (const char *a,
                            const char *b)
{
  g_autoptr(GPtrArray) words_a = NULL;
  g_autoptr(GPtrArray) words_b = NULL;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  words_a = fold_words (a);
  words_b = fold_words (b);
  return folded_names_match (words_a, words_b);
}

gboolean
askarov_person_key_has_word (const char *person_key,
                             const char *folded_word)
{
  g_return_val_if_fail (person_key != NULL, FALSE);
  g_return_val_if_fail (folded_word != NULL, FALSE);

  /* Keys are words joined by single spaces. */
  for (const char *p = person_key; *p != '\0'; )
    {
      const char *space = strchr (p, ' ');
      gsize len = space != NULL ? (gsize) (space - p) : strlen (p);
      char word[64];

      if (len > 0 && len < sizeof word)
        {
          memcpy (word, p, len);
          word[len] = '\0';
          if (words_match (word, folded_word))
            return TRUE;
        }
      p += len;
      while (*p == ' ')
        p++;
    }
  return FALSE;
}

/* One person as the document names them, with the first spellings seen. */
typedef struct
{
  char     *name;         /* the most frequent spelling */
  GPtrArray *spellings;   /* of char*, parallel to @counts and @folded */
  GPtrArray *folded;      /* of GPtrArray of folded words */
  GArray   *counts;
  guint     mentions;     /* full-name mentions */
  guint     places;       /* mentions after "in", "at"… */
  guint     first;        /* offset of the first mention */
  gboolean  explicit;     /* from a "NAME AND PRONOUN:" line */
  char     *pronouns;
} Candidate;

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->name);
  g_ptr_array_unref (candidate->spellings);
  g_ptr_array_unref (candidate->folded);
  g_array_unref (candidate->counts);
  g_free (candidate->pronouns);
  g_free (candidate);
}

/* Beyond this many different people, new names are ignored: a document
 * names its persons of concern early, and this bounds the work on long or
 * hostile text. */
#define MAX_CANDIDATES 100
/* Spellings kept per person, and name mentions read per document. */
#define MAX_SPELLINGS 8
#define MAX_MENTIONS 5000

typedef struct
{
  GPtrArray  *candidates;  /* of Candidate */
  GHashTable *by_spelling; /* spelling -> Candidate, borrowed */
} Candidates;

static Candidate *
find_candidate (Candidates *all,
                const char *name,
                GPtrArray  *folded)
{
  Candidate *candidate = g_hash_table_lookup (all->by_spelling, name);

  if (candidate != NULL)
    return candidate;
  for (guint i = 0; i < all->candidates->len; i++)
    {
      candidate = g_ptr_array_index (all->candidates, i);
      for (guint j = 0; j < candidate->folded->len; j++)
        if (folded_names_match (g_ptr_array_index (candidate->folded, j), folded))
          return candidate;
    }
  return NULL;
}

static Candidate *
add_mention (Candidates *all,
             const char *name,
             guint       offset,
             gboolean    place)
{
  g_autoptr(GPtrArray) folded = fold_words (name);
  Candidate *candidate;
  guint index;

  if (folded->len == 0)
    return NULL;
  candidate = find_candidate (all, name, folded);
  if (candidate == NULL)
    {
      if (all->candidates->len >= MAX_CANDIDATES)
        return NULL;
      candidate = g_new0 (Candidate, 1);
      candidate->spellings = g_ptr_array_new_with_free_func (g_free);
      candidate->folded = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      candidate->counts = g_array_new (FALSE, TRUE, sizeof (guint));
      candidate->first = offset;
      g_ptr_array_add (all->candidates, candidate);
    }
  if (!g_ptr_array_find_with_equal_func (candidate->spellings, name, g_str_equal, &index))
    {
      guint zero = 0;
      char *spelling;

      if (candidate->spellings->len >= MAX_SPELLINGS)
        {
          candidate->mentions++;
          return candidate;
        }
      spelling = g_strdup (name);

      g_ptr_array_add (candidate->spellings, spelling);
      g_ptr_array_add (candidate->folded, g_steal_pointer (&folded));
      g_array_append_val (candidate->counts, zero);
      g_hash_table_insert (all->by_spelling, spelling, candidate);
      index = candidate->spellings->len - 1;
    }
  g_array_index (candidate->counts, guint, index)++;
  candidate->mentions++;
  if (place)
    candidate->places++;
  return candidate;
}

static const char *
previous_word (const char *flat,
               const char *at,
               char       *buffer,
               gsize       size)
{
  const char *end = at;
  const char *start;

  while (end > flat && g_ascii_isspace (end[-1]))
    end--;
  start = end;
  while (start > flat && g_ascii_isalpha (start[-1]))
    start--;
  if (end - start == 0 || (gsize) (end - start) >= size)
    return "";
  memcpy (buffer, start, end - start);
  buffer[end - start] = '\0';
  return buffer;
}

static void
read_explicit (const ExtractText *text,
               Candidates        *candidates)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  /* "NAME AND PRONOUN: Azimjan Askarov (he/him)", or any "Name (she/her)". */
  g_regex_match (extract_regex (&regex,
                                "(?<name>\\p{Lu}[\\p{L}'’-]+(?:[ ]\\p{Lu}[\\p{L}'’-]+){1,3})\\s*"
                                "\\((?<pronouns>(?:he|she|they|ze|xe)/(?:him|her|them|they|he|she|zir|xem))\\)",
                                0),
                 text->flat, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *name = g_match_info_fetch_named (match, "name");
      g_autofree char *pronouns = g_match_info_fetch_named (match, "pronouns");
      int start, end;
      Candidate *candidate;

      g_match_info_fetch_pos (match, 0, &start, &end);
      candidate = add_mention (candidates, name, start, FALSE);
      if (candidate == NULL)
        continue;
      candidate->explicit = TRUE;
      if (candidate->pronouns == NULL)
        candidate->pronouns = g_ascii_strdown (pronouns, -1);
    }
}

static void
read_mentions (const ExtractText *text,
               Candidates        *candidates)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (extract_regex (&regex, "(?<![\\p{L}\\d@#_/-])\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?"
                                        "(?:[ ]\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?){1,4}(?![\\p{L}\\d])",
                                0),
                 text->flat, 0, &match);
  for (guint seen = 0; g_match_info_matches (match) && seen < MAX_MENTIONS; g_match_info_next (match, NULL), seen++)
    {
      g_autofree char *found = g_match_info_fetch (match, 0);
      g_auto(GStrv) words = g_strsplit (found, " ", -1);
      guint n = g_strv_length (words);
      guint first = 0, last = n;
      int start, end;
      gboolean clean = TRUE;
      char buffer[16];

      g_match_info_fetch_pos (match, 0, &start, &end);
      while (first < last && (in_list (words[first], stop_words, G_N_ELEMENTS (stop_words))
                              || is_role_noun (words[first])))
        {
          start += strlen (words[first]) + 1;
          first++;
        }
      while (last > first && in_list (words[last - 1], stop_words, G_N_ELEMENTS (stop_words)))
        last--;
      if (last - first < 2)
        continue;
      for (guint i = first; i < last; i++)
        if (in_list (words[i], stop_words, G_N_ELEMENTS (stop_words)) || extract_is_role_word (words[i]))
          clean = FALSE;
      if (!clean)
        continue;
      /* "Российской Федерации", "Viet Nam": a country, not a person. */
      {
        g_autofree char *rest = g_strjoinv (" ", words + first);

        if (extract_has_country_name (rest))
          continue;
      }

      {
        g_autoptr(GString) name = g_string_new (NULL);
        const char *before = previous_word (text->flat, text->flat + start, buffer, sizeof buffer);

        for (guint i = first; i < last; i++)
          g_string_append_printf (name, "%s%s", i > first ? " " : "", words[i]);
        add_mention (candidates, name->str, start,
                     in_list (before, place_prepositions, G_N_ELEMENTS (place_prepositions)));
      }
    }
}

/* Mentions of the family name alone ("Askarov has spent…"). */
static guint
count_family_name (const ExtractText *text,
                   const char        *name)
{
  const char *family = strrchr (name, ' ');
  gsize length;
  guint count = 0;

  family = family != NULL ? family + 1 : name;
  length = strlen (family);
  for (const char *p = strstr (text->flat, family); p != NULL; p = strstr (p + length, family))
    if ((p == text->flat || !g_ascii_isalpha (p[-1])) && !g_ascii_isalpha (p[length]))
      count++;
  return count;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = *(const Candidate **) a;
  const Candidate *cb = *(const Candidate **) b;

  if (ca->explicit != cb->explicit)
    return ca->explicit ? -1 : 1;
  if (ca->mentions != cb->mentions)
    return ca->mentions > cb->mentions ? -1 : 1;
  return ca->first < cb->first ? -1 : ca->first > cb->first;
}

static void
choose_spelling (Candidate *candidate)
{
  guint best = 0;

  /* Ties go to the fuller spelling ("Lucía Choc Tiul" over "Choc Tiul" cut
   * at a line break; nouns such as "Gewerkschafterin" are already left out),
   * then to the first seen. */
  for (guint i = 1; i < candidate->spellings->len; i++)
    {
      guint count = g_array_index (candidate->counts, guint, i);
      guint best_count = g_array_index (candidate->counts, guint, best);
      const char *spelling = g_ptr_array_index (candidate->spellings, i);
      const char *best_spelling = g_ptr_array_index (candidate->spellings, best);

      if (count > best_count || (count == best_count && strlen (spelling) > strlen (best_spelling)))
        best = i;
    }
  candidate->name = g_strdup (g_ptr_array_index (candidate->spellings, best));
}

static gboolean
is_target_name (const GPtrArray *targets,
                const char      *name)
{
  for (guint j = 0; j < targets->len; j++)
    {
      const AskarovTarget *target = g_ptr_array_index (targets, j);

      if (target->name != NULL && askarov_person_names_match (target->name, name))
        return TRUE;
      for (guint k = 0; target->address[k] != NULL; k++)
        if (strstr (target->address[k], name) != NULL)
          return TRUE;
    }
  return FALSE;
}

void
extract_persons (const ExtractText  *text,
                 const GPtrArray    *targets,
                 gboolean            single_mention,
                 char             ***persons,
                 char             ***pronouns)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  g_autoptr(GHashTable) by_spelling = g_hash_table_new (g_str_hash, g_str_equal);
  Candidates all = { candidates, by_spelling };
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) pronoun_list = g_strv_builder_new ();
  guint best = 0;

  read_explicit (text, &all);
  read_mentions (text, &all);

  for (guint i = 0; i < candidates->len; i++)
    choose_spelling (g_ptr_array_index (candidates, i));
  g_ptr_array_sort (candidates, compare_candidates);

  /* The most mentioned are enough; counting family names is a scan of the text each. */
  for (guint i = 0; i < MIN (candidates->len, 40); i++)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);
      gboolean is_target = FALSE;
      guint alone;

      for (guint j = 0; j < targets->len; j++)
        {
          const AskarovTarget *target = g_ptr_array_index (targets, j);

          if (target->name != NULL && askarov_person_names_match (target->name, candidate->name))
            is_target = TRUE;
          /* "Port Selwyn 4410" in an address is a town, not a person. */
          for (guint k = 0; target->address[k] != NULL; k++)
            if (strstr (target->address[k], candidate->name) != NULL)
              is_target = TRUE;
        }
      if (is_target)
        continue;

      alone = count_family_name (text, candidate->name);
      alone = alone > candidate->mentions ? alone - candidate->mentions : 0;
      if (!candidate->explicit)
        {
          /* Places come after "in"; a person of concern is named more than once. */
          if (candidate->places * 2 > candidate->mentions)
            continue;
          if (candidate->mentions < 2 && !(candidate->mentions == 1 && alone >= 2))
            continue;
          if (candidate->mentions + alone < best / 4)
            continue;
        }
      best = MAX (best, candidate->mentions + alone);
      g_strv_builder_add (names, candidate->name);
      g_strv_builder_add (pronoun_list, candidate->pronouns != NULL ? candidate->pronouns : "");
    }

  /* A short UA may name its person in full only once ("Mohamed Abdelrahman
   * Idris, 24, a student leader…"): then the first such name is taken. */
  if (best == 0 && single_mention)
    for (guint i = 0; i < candidates->len; i++)
      {
        Candidate *candidate = g_ptr_array_index (candidates, i);
        Candidate *earliest = NULL;

        if (candidate->mentions != 1)
          continue;
        for (guint j = 0; j < candidates->len; j++)
          {
            Candidate *other = g_ptr_array_index (candidates, j);

            if (other->mentions == 1 && other->places == 0 && strchr (other->name, ' ') != NULL
                && !is_target_name (targets, other->name) && !on_headline (text->flat, other->first)
                && (earliest == NULL || other->first < earliest->first))
              earliest = other;
          }
        if (earliest != NULL)
          {
            g_strv_builder_add (names, earliest->name);
            g_strv_builder_add (pronoun_list, earliest->pronouns != NULL ? earliest->pronouns : "");
          }
        break;
      }

  *persons = g_strv_builder_end (names);
  *pronouns = g_strv_builder_end (pronoun_list);
}
