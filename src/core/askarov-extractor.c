/* askarov-extractor.c — reads the facts (reference, dates, targets, languages…) out of a document's text.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-extractor"

#include "config.h"

#include "askarov-extractor.h"

#include <glib/gi18n.h>
#include <string.h>

#include "askarov-extractor-private.h"

/* Month names in the languages Urgent Actions reach us in, lower case. */
static const struct
{
  const char *name;
  guint8      month;
} month_names[] = {
  { "january", 1 }, { "jan", 1 }, { "janvier", 1 }, { "januar", 1 }, { "jänner", 1 }, { "января", 1 },
  { "february", 2 }, { "feb", 2 }, { "février", 2 }, { "fevrier", 2 }, { "februar", 2 }, { "февраля", 2 },
  { "march", 3 }, { "mar", 3 }, { "mars", 3 }, { "märz", 3 }, { "marz", 3 }, { "марта", 3 },
  { "april", 4 }, { "apr", 4 }, { "avril", 4 }, { "апреля", 4 },
  { "may", 5 }, { "mai", 5 }, { "мая", 5 },
  { "june", 6 }, { "jun", 6 }, { "juin", 6 }, { "juni", 6 }, { "июня", 6 },
  { "july", 7 }, { "jul", 7 }, { "juillet", 7 }, { "juli", 7 }, { "июля", 7 },
  { "august", 8 }, { "aug", 8 }, { "août", 8 }, { "aout", 8 }, { "августа", 8 },
  { "september", 9 }, { "sept", 9 }, { "sep", 9 }, { "septembre", 9 }, { "сентября", 9 },
  { "october", 10 }, { "oct", 10 }, { "octobre", 10 }, { "oktober", 10 }, { "okt", 10 }, { "октября", 10 },
  { "november", 11 }, { "nov", 11 }, { "novembre", 11 }, { "ноября", 11 },
  { "december", 12 }, { "dec", 12 }, { "décembre", 12 }, { "decembre", 12 }, { "dezember", 12 },
  { "dez", 12 }, { "декабря", 12 },
};

/* Language names (English, French, German, Russian) to ISO 639-1 codes. */
static const struct
{
  const char *name;
  const char *code;
} language_names[] = {
  { "russian", "ru" }, { "russe", "ru" }, { "russisch", "ru" }, { "русском", "ru" }, { "русский", "ru" },
  { "kyrgyz", "ky" }, { "kirghiz", "ky" }, { "kirghize", "ky" }, { "kirgiz", "ky" }, { "kirgisisch", "ky" },
  { "кыргызском", "ky" }, { "киргизском", "ky" },
  { "english", "en" }, { "anglais", "en" }, { "englisch", "en" }, { "английском", "en" },
  { "french", "fr" }, { "français", "fr" }, { "francais", "fr" }, { "französisch", "fr" },
  { "german", "de" }, { "allemand", "de" }, { "deutsch", "de" },
  { "spanish", "es" }, { "espagnol", "es" }, { "spanisch", "es" },
  { "arabic", "ar" }, { "arabe", "ar" }, { "arabisch", "ar" },
  { "chinese", "zh" }, { "mandarin", "zh" }, { "chinois", "zh" }, { "chinesisch", "zh" },
  { "uzbek", "uz" }, { "ouzbek", "uz" }, { "usbekisch", "uz" },
  { "kazakh", "kk" }, { "kasachisch", "kk" }, { "tajik", "tg" }, { "tadjik", "tg" },
  { "turkmen", "tk" }, { "turkish", "tr" }, { "turc", "tr" }, { "türkisch", "tr" },
  { "ukrainian", "uk" }, { "ukrainien", "uk" }, { "ukrainisch", "uk" },
  { "belarusian", "be" }, { "azerbaijani", "az" }, { "azeri", "az" }, { "armenian", "hy" },
  { "georgian", "ka" }, { "persian", "fa" }, { "farsi", "fa" }, { "dari", "fa" }, { "persan", "fa" },
  { "pashto", "ps" }, { "kurdish", "ku" }, { "hebrew", "he" },
  { "portuguese", "pt" }, { "portugais", "pt" }, { "portugiesisch", "pt" },
  { "italian", "it" }, { "italien", "it" }, { "italienisch", "it" },
  { "japanese", "ja" }, { "korean", "ko" }, { "vietnamese", "vi" }, { "thai", "th" },
  { "burmese", "my" }, { "khmer", "km" }, { "lao", "lo" }, { "indonesian", "id" }, { "malay", "ms" },
  { "tagalog", "tl" }, { "filipino", "tl" }, { "hindi", "hi" }, { "urdu", "ur" }, { "bengali", "bn" },
  { "nepali", "ne" }, { "sinhala", "si" }, { "tamil", "ta" }, { "polish", "pl" }, { "dutch", "nl" },
  { "swedish", "sv" }, { "greek", "el" }, { "serbian", "sr" }, { "croatian", "hr" },
  { "hungarian", "hu" }, { "romanian", "ro" }, { "czech", "cs" }, { "swahili", "sw" },
  { "amharic", "am" }, { "somali", "so" }, { "hausa", "ha" },
};


/* G_REGEX_OPTIMIZE compiles the patterns to machine code (PCRE2's JIT).
 * Valgrind cannot follow that code and reports false "uninitialised value"
 * errors in it, so the memcheck run (tests/meson.build) turns it off with
 * ASKAROV_NO_REGEX_JIT; results are the same either way. */
static GRegexCompileFlags
regex_optimize_flag (void)
{
  static int use_jit = -1;

  if (use_jit < 0)
    use_jit = g_getenv ("ASKAROV_NO_REGEX_JIT") == NULL;
  return use_jit ? G_REGEX_OPTIMIZE : 0;
}

static const struct
{
  const char *word;
  int         number;
} ordinals[] = {
  { "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 }, { "fifth", 5 },
  { "sixth", 6 }, { "seventh", 7 }, { "eighth", 8 }, { "ninth", 9 }, { "tenth", 10 },
  { "eleventh", 11 }, { "twelfth", 12 }, { "thirteenth", 13 }, { "fourteenth", 14 },
  { "fifteenth", 15 }, { "sixteenth", 16 }, { "seventeenth", 17 }, { "eighteenth", 18 },
  { "nineteenth", 19 }, { "twentieth", 20 },
  { "première", 1 }, { "premiere", 1 }, { "deuxième", 2 }, { "seconde", 2 }, { "troisième", 3 },
  { "quatrième", 4 }, { "cinquième", 5 }, { "sixième", 6 }, { "septième", 7 }, { "huitième", 8 },
  { "neuvième", 9 }, { "dixième", 10 },
  { "erste", 1 }, { "zweite", 2 }, { "dritte", 3 }, { "vierte", 4 }, { "fünfte", 5 },
  { "sechste", 6 }, { "siebte", 7 }, { "achte", 8 }, { "neunte", 9 }, { "zehnte", 10 },
};

/* Words that introduce a deadline when they come right before the date. */
#define DEADLINE_CUE "(?:before|by|until|till|no later than|deadline|avant le|avant|jusqu['’]au|d['’]ici le|" \
                     "bis zum|bis spätestens|spätestens am|spätestens bis|spätestens|bis|frist)\\s*:?\\s*(?:the\\s+)?$"
/* …and one of these must be near, so that "detained by 15 June" is no deadline. */
#define DEADLINE_CONTEXT "appeal|write|send|contact|action|deadline|letter|appels|agi[rs]|écri|lettre|contactez|" \
                         "schreib|appell|aktion|frist|briefe"

GRegex *
extract_regex (GRegex             **slot,
               const char          *pattern,
               GRegexCompileFlags   flags)
{
  if (g_once_init_enter_pointer (slot))
    {
      g_autoptr(GError) error = NULL;
      GRegex *regex = g_regex_new (pattern, flags | regex_optimize_flag (), 0, &error);

      /* The patterns are constants: failing to compile one is a bug. */
      if (regex == NULL)
        g_error ("Bad pattern %s: %s", pattern, error->message);
      g_once_init_leave_pointer (slot, regex);
    }
  return *slot;
}

static int
compare_length_desc (gconstpointer a,
                     gconstpointer b)
{
  return (int) strlen (*(const char **) b) - (int) strlen (*(const char **) a);
}

static GRegex *
date_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter_pointer (&regex))
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *months = NULL;
      g_autofree char *pattern = NULL;
      GRegex *compiled;

      for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
        g_ptr_array_add (names, (gpointer) month_names[i].name);
      /* Longest first, so that "sept" wins over "sep" and "juillet" over "jul". */
      g_ptr_array_sort (names, compare_length_desc);
      g_ptr_array_add (names, NULL);
      months = g_strjoinv ("|", (char **) names->pdata);
      pattern = g_strdup_printf ("(?<![\\p{L}\\d])(?:"
                                 "(?<iy>\\d{4})-(?<im>\\d{1,2})-(?<id>\\d{1,2})(?!\\d)"
                                 "|(?<d1>\\d{1,2})(?:st|nd|rd|th|er|e|\\.)?\\s+(?:de\\s+)?(?<m1>%s)(?!\\p{L})\\.?"
                                 "(?:,?\\s+(?:de\\s+)?(?<y1>\\d{4})(?!\\d))?"
                                 "|(?<m2>%s)(?!\\p{L})\\.?\\s+(?<d2>\\d{1,2})(?!\\d)(?:st|nd|rd|th)?"
                                 "(?:,?\\s+(?<y2>\\d{4})(?!\\d))?"
                                 "|(?<d3>\\d{1,2})[./](?<m3>\\d{1,2})[./](?<y3>\\d{4})(?!\\d)"
                                 ")",
                                 months, months);
      compiled = g_regex_new (pattern, G_REGEX_CASELESS | regex_optimize_flag (), 0, &error);
      if (compiled == NULL)
        g_error ("Bad date pattern: %s", error->message);
      g_once_init_leave_pointer (&regex, compiled);
    }
  return regex;
}

static int
month_from_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_equal (folded, month_names[i].name))
      return month_names[i].month;
  return 0;
}

static int
fetch_int (GMatchInfo *match,
           const char *group)
{
  g_autofree char *value = g_match_info_fetch_named (match, group);

  return value != NULL && *value != '\0' ? atoi (value) : 0;
}

static char *
date_from_match (GMatchInfo *match,
                 int         default_year)
{
  g_autofree char *m1 = g_match_info_fetch_named (match, "m1");
  g_autofree char *m2 = g_match_info_fetch_named (match, "m2");
  int day = 0, month = 0, year = 0;

  if (fetch_int (match, "iy") > 0)
    {
      year = fetch_int (match, "iy");
      month = fetch_int (match, "im");
      day = fetch_int (match, "id");
    }
  else if (m1 != NULL && *m1 != '\0')
    {
      day = fetch_int (match, "d1");
      month = month_from_name (m1);
      year = fetch_int (match, "y1");
    }
  else if (m2 != NULL && *m2 != '\0')
    {
      day = fetch_int (match, "d2");
      month = month_from_name (m2);
      year = fetch_int (match, "y2");
    }
  else
    {
      day = fetch_int (match, "d3");
      month = fetch_int (match, "m3");
      year = fetch_int (match, "y3");
      /* Day first, as in Europe, unless that cannot be a date. */
      if (month > 12 && day <= 12)
        {
          int swap = day;

          day = month;
          month = swap;
        }
    }

  if (year == 0)
    year = default_year;
  if (year < 1950 || year > 2200 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

char *
extract_find_date (const char  *s,
                   const char  *limit,
                   int          default_year,
                   const char **start,
                   const char **end)
{
  g_autoptr(GMatchInfo) match = NULL;
  gssize length = limit != NULL ? limit - s : -1;

  g_regex_match_full (date_regex (), s, length, 0, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int match_start, match_end;
      char *date = date_from_match (match, default_year);

      if (date == NULL)
        continue;
      g_match_info_fetch_pos (match, 0, &match_start, &match_end);
      if (start != NULL)
        *start = s + match_start;
      if (end != NULL)
        *end = s + match_end;
      return date;
    }
  return NULL;
}

char *
extract_parse_date (const char  *s,
                    int          default_year,
                    const char **end)
{
  g_autoptr(GMatchInfo) match = NULL;
  int match_start, match_end;

  if (!g_regex_match (date_regex (), s, G_REGEX_MATCH_ANCHORED, &match))
    return NULL;
  g_match_info_fetch_pos (match, 0, &match_start, &match_end);
  if (end != NULL)
    *end = s + match_end;
  return date_from_match (match, default_year);
}

static void
free_text (ExtractText *text)
{
  g_free (text->flat);
  g_strfreev (text->lines);
}

/* Markdown emphasis and links, no-break spaces, tabs and runs of spaces would
 * otherwise need handling in every rule. */
static void
prepare_text (const char  *raw,
              ExtractText *text)
{
  static GRegex *links_regex, *emphasis_regex, *heading_regex, *spaces_regex;
  g_autofree char *valid = g_utf8_make_valid (raw, -1);
  g_autofree char *unlinked = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *unheaded = NULL;
  g_autofree char *spaced = NULL;
  GString *buffer = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00A0 || c == 0x202F || c == 0x2007 || c == '\t' || c == '\f' || c == '\v')
        g_string_append_c (buffer, ' ');
      else if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (buffer, '\n');
        }
      else if (c == 0x2028 || c == 0x2029)
        g_string_append_c (buffer, '\n');
      else
        g_string_append_unichar (buffer, c);
    }

  unlinked = g_regex_replace (extract_regex (&links_regex, "\\[([^\\]\\n]*)\\]\\([^)\\n]*\\)", 0),
                              buffer->str, -1, 0, "\\1", 0, NULL);
  g_string_free (buffer, TRUE);
  plain = g_regex_replace_literal (extract_regex (&emphasis_regex, "\\*\\*|__", 0),
                                   unlinked, -1, 0, "", 0, NULL);
  unheaded = g_regex_replace_literal (extract_regex (&heading_regex, "^[ ]*(?:#{1,6}|>)[ ]+", G_REGEX_MULTILINE),
                                      plain, -1, 0, "", 0, NULL);
  spaced = g_regex_replace_literal (extract_regex (&spaces_regex, " {2,}", 0),
                                    unheaded, -1, 0, " ", 0, NULL);

  text->lines = g_strsplit (spaced, "\n", -1);
  text->n_lines = g_strv_length (text->lines);
  for (guint i = 0; i < text->n_lines; i++)
    g_strstrip (text->lines[i]);
  text->flat = g_strjoinv ("\n", text->lines);
}

static gboolean
matches (GRegex    **slot,
         const char *pattern,
         const char *s,
         gssize      length)
{
  return g_regex_match_full (extract_regex (slot, pattern, G_REGEX_CASELESS),
                             s, length, 0, 0, NULL, NULL);
}

/* The first lines, where Urgent Actions put their number, index and date. */
static gssize
head_length (const ExtractText *text)
{
  guint seen = 0;
  gsize length = 0;

  for (guint i = 0; i < text->n_lines && seen < 12; i++)
    {
      length += strlen (text->lines[i]) + 1;
      if (*text->lines[i] != '\0')
        seen++;
    }
  return MIN (MIN (length, 1500), strlen (text->flat));
}

static gboolean
is_citation (const char *flat,
             const char *at)
{
  static GRegex *regex;
  const char *from = at - MIN (at - flat, 40);

  /* "see UA 12/10", "previous UA", "(also UA 45/19)": another document. */
  return g_regex_match_full (extract_regex (&regex, "(?:\\bsee|\\bprevious|\\bearlier|\\balso|\\bcf\\.|\\bvoir|"
                                                    "\\bsiehe|\\bvgl\\.|\\brelated)\\W*(?:\\w+\\W+){0,2}$",
                                            G_REGEX_CASELESS),
                             from, at - from, 0, 0, NULL, NULL);
}

static char *
extract_reference (const ExtractText *text,
                   gboolean          *in_head)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  gssize head = head_length (text);
  char *found = NULL;

  g_regex_match (extract_regex (&regex,
                                "(?<![\\p{L}\\d])(?:(?:FU|AU|UA(?:-Nr\\.?)?|(?i:urgent action|action urgente|eilaktion))"
                                "\\s*(?:(?i:no\\.?|nr\\.?|n°|number)\\s*)?:?\\s*)"
                                "(?<num>\\d{1,3})[./](?<year>\\d{2}|\\d{4})(?![\\d]|[./]\\d)",
                                0),
                 text->flat, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      g_autofree char *num = g_match_info_fetch_named (match, "num");
      g_autofree char *year = g_match_info_fetch_named (match, "year");

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (is_citation (text->flat, text->flat + start))
        continue;
      *in_head = start < head;
      found = g_strdup_printf ("%d/%s", atoi (num), year + strlen (year) - 2);
      break;
    }

  return found;
}

static gboolean
is_in_url (const char *flat,
           const char *at)
{
  const char *p = at;

  if (p > flat && (p[-1] == '/' || g_ascii_isalnum (p[-1])))
    return TRUE;
  while (p > flat && !g_ascii_isspace (p[-1]) && p[-1] != '<' && p[-1] != '(')
    p--;
  return strncmp (p, "http", 4) == 0 || strncmp (p, "www.", 4) == 0;
}

static char *
extract_index (const ExtractText *text)
{
  static GRegex *regex, *label_regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *first = NULL;

  g_regex_match (extract_regex (&regex, "(?<region>[A-Z]{3}) ?(?<a>\\d{2})/(?<b>\\d{3,4})/(?<y>\\d{4})(?![\\d/])", 0),
                 text->flat, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      const char *from;
      g_autofree char *region = g_match_info_fetch_named (match, "region");
      g_autofree char *a = g_match_info_fetch_named (match, "a");
      g_autofree char *b = g_match_info_fetch_named (match, "b");
      g_autofree char *y = g_match_info_fetch_named (match, "y");
      g_autofree char *index = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (is_in_url (text->flat, text->flat + start))
        continue;
      index = g_strdup_printf ("%s %s/%s/%s", region, a, b, y);
      from = text->flat + start - MIN (start, 24);
      if (g_regex_match_full (extract_regex (&label_regex, "index(?:\\s*(?:no\\.?|nr\\.?|number|ai))?\\s*:?\\s*$",
                                             G_REGEX_CASELESS),
                              from, text->flat + start - from, 0, 0, NULL, NULL))
        return g_steal_pointer (&index);
      if (first == NULL)
        first = g_steal_pointer (&index);
    }
  return g_steal_pointer (&first);
}

static char *
extract_issued (const ExtractText *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (extract_regex (&regex, "(?<!\\p{L})(?:date|dated|issued|issue date|published|posted|datum|"
                                        "date de publication|publié le|veröffentlicht(?: am)?)\\s*:?\\s*",
                                G_REGEX_CASELESS),
                 text->flat, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      char *date;

      g_match_info_fetch_pos (match, 0, &start, &end);
      date = extract_parse_date (text->flat + end, 0, NULL);
      if (date != NULL)
        return date;
    }
  return NULL;
}

static char *
extract_deadline (const ExtractText *text,
                  const char        *issued)
{
  static GRegex *cue_regex, *context_regex;
  int default_year = issued != NULL ? atoi (issued) : 0;
  const char *p = text->flat;
  const char *start, *end;
  char *date;

  while ((date = extract_find_date (p, NULL, default_year, &start, &end)) != NULL)
    {
      const char *cue_from = start - MIN (start - text->flat, 40);
      const char *context_from = start - MIN (start - text->flat, 160);

      if (g_regex_match_full (extract_regex (&cue_regex, DEADLINE_CUE, G_REGEX_CASELESS),
                              cue_from, start - cue_from, 0, 0, NULL, NULL)
          && g_regex_match_full (extract_regex (&context_regex, DEADLINE_CONTEXT, G_REGEX_CASELESS),
                                 context_from, start - context_from, 0, 0, NULL, NULL))
        {
          /* A deadline given without a year falls after the issue date. */
          if (issued != NULL && strcmp (date, issued) < 0 && default_year > 0)
            {
              g_autofree char *earlier = date;

              date = g_strdup_printf ("%04d%s", default_year + 1, earlier + 4);
            }
          return date;
        }
      g_free (date);
      p = end;
    }
  return NULL;
}

static const char *
language_code (const char *piece)
{
  g_autofree char *folded = g_utf8_casefold (piece, -1);

  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_str_equal (folded, language_names[i].name))
      return language_names[i].code;
  return NULL;
}

static void
read_language_list (const char *list,
                    GPtrArray  *codes,
                    gboolean   *own_language)
{
  static GRegex *split_regex, *own_regex, *filler_regex;
  g_auto(GStrv) pieces = g_regex_split (extract_regex (&split_regex, "\\s*(?:,|/|\\bor\\b|\\band\\b|\\bou\\b|\\bet\\b|"
                                                                     "\\boder\\b|\\bund\\b|\\bили\\b|\\bи\\b)\\s*",
                                                       G_REGEX_CASELESS),
                                        list, 0);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *piece = g_regex_replace_literal (extract_regex (&filler_regex,
                                                                       "^(?:(?:either|in|en|auf|dans|the|на)\\s+)+|[\\s:.)]+$",
                                                                       G_REGEX_CASELESS),
                                                        pieces[i], -1, 0, "", 0, NULL);
      const char *code = language_code (piece);

      if (code != NULL)
        {
          if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
            g_ptr_array_add (codes, (gpointer) code);
        }
      else if (g_regex_match (extract_regex (&own_regex, "^(?:your own language|votre (?:propre )?langue|"
                                                         "ihrer (?:eigenen )?sprache|Ihrer Muttersprache|"
                                                         "своём языке|своем языке)$",
                                             G_REGEX_CASELESS),
                              piece, 0, NULL))
        *own_language = TRUE;
    }
}

static void
extract_languages (const ExtractText *text,
                   char            ***languages,
                   gboolean          *own_language)
{
  static GRegex *cue_regex, *clause_regex;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < text->n_lines; i++)
    {
      g_auto(GStrv) clauses = g_regex_split (extract_regex (&clause_regex, "[.;!?]\\s", 0), text->lines[i], 0);

      for (guint j = 0; clauses[j] != NULL; j++)
        {
          g_autoptr(GMatchInfo) match = NULL;
          int start, end;

          if (!g_regex_match (extract_regex (&cue_regex,
                                             "(?:writ|appeal|letter|language|langue|écri|ecri|rédig|schreib|sprache|"
                                             "appell|brief|пиш|язык)\\w*[^:]*?(?:\\b(?:in|en|auf|dans|на)\\s+|:\\s*)",
                                             G_REGEX_CASELESS),
                              clauses[j], 0, &match))
            continue;
          g_match_info_fetch_pos (match, 0, &start, &end);
          read_language_list (clauses[j] + end, codes, own_language);
        }
    }

  g_ptr_array_add (codes, NULL);
  *languages = g_strdupv ((char **) codes->pdata);
}

static int
ordinal_value (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  if (g_ascii_isdigit (*folded))
    return atoi (folded);
  for (guint i = 0; i < G_N_ELEMENTS (ordinals); i++)
    if (g_str_equal (folded, ordinals[i].word))
      return ordinals[i].number;
  return 0;
}

static int
extract_update (const ExtractText *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (extract_regex (&regex,
                                     "(?<!\\p{L})(?<ord>\\p{L}+|\\d{1,2}(?:st|nd|rd|th|e|ème|\\.))\\s+"
                                     "(?:update|mise à jour|aktualisierung|folgeaktion)\\b",
                                     G_REGEX_CASELESS),
                      text->flat, 0, &match))
    return 0;
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *ord = g_match_info_fetch_named (match, "ord");
      int value = ordinal_value (ord);

      if (value > 0 && value < 100)
        return value;
    }
  return 0;
}

static AskarovDocumentKind
extract_kind (const ExtractText *text,
              int                update,
              gboolean           reference_in_head)
{
  static GRegex *outcome_head, *outcome_any, *update_head, *update_any, *ua_head, *statement;
  gssize head = head_length (text);
  guint words = 0;

  if (matches (&outcome_head, "(?:urgent action|\\bUA|action urgente|eilaktion)\\W+(?:\\w+\\W+)?outcome|"
                              "\\boutcome\\s*:", text->flat, head)
      || matches (&outcome_any, "no further (?:appeals?|actions?) (?:(?:is|are) )?(?:needed|requested|required)|"
                                "aucune action (?:complémentaire )?n['’]est (?:plus )?(?:requise|nécessaire)|"
                                "keine weiteren (?:Appelle|Aktionen)|weitere Appelle sind nicht", text->flat, -1))
    return ASKAROV_DOCUMENT_KIND_OUTCOME;

  if (update > 0
      || matches (&update_head, "\\bFU\\s*:?\\s*UA\\b|further information on (?:UA|urgent action)|"
                                "complément d['’]information|suite de l['’]AU|"
                                "weitere Informationen zu(?:r)? (?:UA|Eilaktion)|\\bFolgeaktion\\b", text->flat, head)
      || matches (&update_any, "\\b(?:is|est|ist) (?:the|la|die) \\w+ (?:update|mise à jour|aktualisierung)\\b",
                  text->flat, -1))
    return ASKAROV_DOCUMENT_KIND_UPDATE;

  if (reference_in_head || matches (&ua_head, "urgent action|action urgente|eilaktion", text->flat, head))
    return ASKAROV_DOCUMENT_KIND_URGENT_ACTION;

  if (matches (&statement, "\\b(?:said|says|stated|a déclaré|erklärte|sagte)\\s*:|press release|public statement|"
                           "communiqué de presse|déclaration publique|pressemitteilung", text->flat, -1))
    return ASKAROV_DOCUMENT_KIND_STATEMENT;

  for (const char *p = text->flat; *p != '\0' && words < 30; p++)
    if (g_ascii_isalpha (p[0]) && (p[1] == ' ' || p[1] == '\n'))
      words++;
  return words >= 30 ? ASKAROV_DOCUMENT_KIND_ARTICLE : ASKAROV_DOCUMENT_KIND_UNKNOWN;
}

static gboolean
is_navigation (const char *line)
{
  static GRegex *regex;

  return g_regex_match (extract_regex (&regex, "^(?:skip to|log ?in|sign (?:in|up)|menu|search|home|donate|share|"
                                               "print|expand|related content|download|back to|"
                                               "amnesty international(?: \\w+)?$)",
                                       G_REGEX_CASELESS),
                        line, 0, NULL);
}

static gboolean
is_header_line (const char *line)
{
  static GRegex *regex;

  return g_regex_match (extract_regex (&regex, "\\b(?:UA|AU|index|date|datum)\\s*:|^(?:date|datum)\\b|"
                                               "^(?:further|additional) information$",
                                       G_REGEX_CASELESS),
                        line, 0, NULL);
}

static gboolean
is_headline (const char *line)
{
  guint words = 1;
  gsize length = strlen (line);

  if (length < 8 || length > 160 || strchr (".,:;", line[length - 1]) != NULL)
    return FALSE;
  for (const char *p = line; *p != '\0'; p++)
    if (*p == ' ')
      words++;
  return words >= 2 && words <= 16;
}

static char *
headline_text (const char *line)
{
  gboolean has_lower = FALSE;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      has_lower = TRUE;
  if (has_lower)
    return g_strdup (line);

  /* An all-capitals headline reads better in sentence case. */
  {
    g_autofree char *lower = g_utf8_strdown (line, -1);
    gunichar first = g_unichar_toupper (g_utf8_get_char (lower));
    char buffer[8] = { 0 };

    g_unichar_to_utf8 (first, buffer);
    return g_strconcat (buffer, g_utf8_next_char (lower), NULL);
  }
}

static char *
extract_title (const ExtractText *text)
{
  static GRegex *heading_regex, *section_regex;
  guint candidates = 0;

  for (guint i = 0; i < text->n_lines && i < 40; i++)
    {
      if (!g_regex_match (extract_regex (&heading_regex, "^(?:urgent action|action urgente|eilaktion)"
                                                         "(?:\\s*[:–-]\\s*(?:outcome|update|further information|"
                                                         "mise à jour|résultat|ergebnis))?$",
                                         G_REGEX_CASELESS),
                          text->lines[i], 0, NULL))
        continue;
      for (guint j = i + 1; j < text->n_lines && j < i + 6; j++)
        {
          const char *line = text->lines[j];

          if (*line == '\0' || is_header_line (line)
              || g_regex_match (extract_regex (&section_regex, "^(?:further|additional) information|^update$|"
                                                               "^outcome$|^complément", G_REGEX_CASELESS),
                                line, 0, NULL))
            continue;
          if (is_headline (line))
            return headline_text (line);
          break;
        }
    }

  for (guint i = 0; i < text->n_lines && candidates < 4; i++)
    {
      const char *line = text->lines[i];

      if (*line == '\0' || is_navigation (line) || is_header_line (line))
        continue;
      candidates++;
      if (is_headline (line))
        return headline_text (line);
    }
  return NULL;
}

AskarovFacts *
askarov_extract (const char *raw)
{
  ExtractText text = { 0 };
  AskarovFacts *facts;
  gboolean reference_in_head = FALSE;

  g_return_val_if_fail (raw != NULL, NULL);

  facts = askarov_facts_new ();
  prepare_text (raw, &text);

  facts->update = extract_update (&text);
  facts->reference = extract_reference (&text, &reference_in_head);
  facts->kind = extract_kind (&text, facts->update, reference_in_head);
  /* Statements and articles cite other documents' numbers in their body. */
  if (!reference_in_head
      && (facts->kind == ASKAROV_DOCUMENT_KIND_STATEMENT || facts->kind == ASKAROV_DOCUMENT_KIND_ARTICLE))
    g_clear_pointer (&facts->reference, g_free);
  facts->index = extract_index (&text);
  facts->issued = extract_issued (&text);
  facts->deadline = extract_deadline (&text, facts->issued);
  g_clear_pointer (&facts->languages, g_strfreev);
  extract_languages (&text, &facts->languages, &facts->own_language_allowed);
  extract_targets (&text, facts->targets);
  g_clear_pointer (&facts->persons, g_strfreev);
  g_clear_pointer (&facts->pronouns, g_strfreev);
  extract_persons (&text, facts->targets, &facts->persons, &facts->pronouns);
  facts->title = extract_title (&text);
  extract_asks (&text, &facts->asks);

  free_text (&text);
  return facts;
}
