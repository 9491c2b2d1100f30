/* askarov-names.c — officials' names as a letter language writes them: script, initials and dative.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-names"

#include "config.h"

#include "askarov-names.h"

#include <string.h>

#include "askarov-names-private.h"

/* Transliteration is a table of rules per direction, tried in order at each
 * position of the lower-cased name; the first rule whose text matches and
 * whose context holds wins, so longer digraphs come first. Capitals follow
 * the source: a capital first letter gives a capital first letter, a word in
 * capitals stays in capitals.
 *
 * The schemes:
 * - Latin -> Russian and Kyrgyz: the reverse of the usual Russian passport
 *   romanisation as Central Asian names are spelled in Urgent Actions
 *   ("kh" х, "zh" ж, "sh" ш, "ch" ч, "ts" ц, "shch" щ, "ya" я, "yu" ю, "yo" ё,
 *   "ye" е), with the Kyrgyz and Uzbek "j" as ж ("Azimjan" Азимжан), the long
 *   "ee" as ээ ("Jeenbekov" Жээнбеков), "e" as э at the start of a word or
 *   after a vowel, "y" as й after a vowel and ы after a consonant, and word-final
 *   "iy"/"yy" as ий/ый. Kyrgyz also writes ö ө, ü ү and a final "ng" ң;
 *   Russian writes ö and ü as о and у, as Russian texts spell Kyrgyz names.
 * - Latin -> Ukrainian: the reverse of Ukraine's national romanisation (2010):
 *   "h" and "g" г, "y" и (й after a vowel), "i" і, "ye" є, "yi" ї, word-final
 *   "skyi"/"tskyi" ський/цький; the long "ee" stays ее, as Ukrainian has no э.
 * - Latin (Uzbek) -> Uzbek Cyrillic: the official 1995 correspondence
 *   (oʻ ў, gʻ ғ, q қ, x х, h ҳ, j ж).
 * - Cyrillic -> Uzbek Latin: the same correspondence the other way (ж j, х x,
 *   ў oʻ, ғ gʻ, қ q, ҳ h), with Kyrgyz ө as oʻ, ү as u and ң as ng.
 * - Cyrillic -> every other Latin-script language: a plain BGN/PCGN-like
 *   scheme readable in all of them (ж zh, х kh, ц ts, ч ch, ш sh, щ shch,
 *   ю yu, я ya, й y, е ye at the start of a word or after a vowel, ь and ъ
 *   left out), Kyrgyz ө ö, ү ü, ң ng; a name with Ukrainian letters (і ї є ґ)
 *   follows the Ukrainian national scheme (г h, и y, і i, ї yi, є ye). */

typedef enum
{
  CTX_ANY          = 0,
  CTX_WORD_START   = 1 << 0,   /* nothing of the word before */
  CTX_AFTER_VOWEL  = 1 << 1,
  CTX_AFTER_CONS   = 1 << 2,   /* a letter that is not a vowel */
  CTX_WORD_END     = 1 << 3,   /* nothing of the word after */
  CTX_BEFORE_CONS  = 1 << 4,   /* a consonant follows */
} Context;

typedef struct
{
  const char *from;   /* lower case */
  const char *to;
  guint       ctx;    /* all of these must hold; CTX_WORD_START | CTX_AFTER_VOWEL is special-cased: either */
} Rule;

#define EITHER_START_OR_VOWEL (CTX_WORD_START | CTX_AFTER_VOWEL)
#define EITHER_END_OR_CONS    (CTX_WORD_END | CTX_BEFORE_CONS)

static const Rule latin_to_ru[] = {
  { "shch", "щ", 0 }, { "iy", "ий", CTX_WORD_END }, { "yy", "ый", CTX_WORD_END },
  { "kh", "х", 0 }, { "zh", "ж", 0 }, { "sh", "ш", 0 }, { "ch", "ч", 0 }, { "ts", "ц", 0 },
  { "ya", "я", 0 }, { "yu", "ю", 0 }, { "yo", "ё", 0 }, { "ye", "е", 0 }, { "dj", "дж", 0 },
  { "ck", "к", 0 }, { "ph", "ф", 0 }, { "ee", "ээ", 0 },
  { "o\u02bb", "о", 0 }, { "g\u02bb", "г", 0 }, { "o'", "о", 0 }, { "g'", "г", 0 },
  { "ail", "аил", CTX_WORD_END },
  { "e", "э", CTX_WORD_START }, { "e", "е", 0 },
  { "y", "й", EITHER_START_OR_VOWEL }, { "y", "ы", 0 },
  { "i", "й", CTX_AFTER_VOWEL | EITHER_END_OR_CONS },
  { "a", "а", 0 }, { "b", "б", 0 }, { "c", "к", 0 }, { "d", "д", 0 }, { "f", "ф", 0 },
  { "g", "г", 0 }, { "h", "х", 0 }, { "i", "и", 0 }, { "j", "ж", 0 }, { "k", "к", 0 },
  { "l", "л", 0 }, { "m", "м", 0 }, { "n", "н", 0 }, { "o", "о", 0 }, { "p", "п", 0 },
  { "q", "к", 0 }, { "r", "р", 0 }, { "s", "с", 0 }, { "t", "т", 0 }, { "u", "у", 0 },
  { "v", "в", 0 }, { "w", "в", 0 }, { "x", "кс", 0 }, { "z", "з", 0 },
  { "\u00f6", "о", 0 }, { "\u00fc", "у", 0 }, { "\u02bb", "", 0 }, { "'", "", 0 },
  { NULL, NULL, 0 }
};

/* Kyrgyz: Russian's rules with the Kyrgyz vowels and ң first. */
static const Rule latin_to_ky_extra[] = {
  { "\u00f6", "ө", 0 }, { "\u00fc", "ү", 0 }, { "ng", "ң", EITHER_END_OR_CONS },
  { NULL, NULL, 0 }
};

static const Rule latin_to_uk[] = {
  { "shch", "щ", 0 }, { "zgh", "зг", 0 }, { "tskyi", "цький", CTX_WORD_END }, { "skyi", "ський", CTX_WORD_END },
  { "tskyy", "цький", CTX_WORD_END }, { "skyy", "ський", CTX_WORD_END },
  { "yi", "ї", CTX_WORD_START }, { "yi", "ий", CTX_WORD_END }, { "iy", "ій", CTX_WORD_END }, { "iia", "ія", 0 },
  { "kh", "х", 0 }, { "zh", "ж", 0 }, { "sh", "ш", 0 }, { "ch", "ч", 0 }, { "ts", "ц", 0 },
  { "ya", "я", 0 }, { "yu", "ю", 0 }, { "yo", "йо", 0 }, { "ye", "є", 0 }, { "dj", "дж", 0 },
  { "ck", "к", 0 }, { "ph", "ф", 0 },
  { "o\u02bb", "о", 0 }, { "g\u02bb", "г", 0 }, { "o'", "о", 0 }, { "g'", "г", 0 },
  { "y", "й", CTX_AFTER_VOWEL }, { "y", "и", 0 },
  { "a", "а", 0 }, { "b", "б", 0 }, { "c", "к", 0 }, { "d", "д", 0 }, { "e", "е", 0 }, { "f", "ф", 0 },
  { "g", "г", 0 }, { "h", "г", 0 }, { "i", "і", 0 }, { "j", "ж", 0 }, { "k", "к", 0 },
  { "l", "л", 0 }, { "m", "м", 0 }, { "n", "н", 0 }, { "o", "о", 0 }, { "p", "п", 0 },
  { "q", "к", 0 }, { "r", "р", 0 }, { "s", "с", 0 }, { "t", "т", 0 }, { "u", "у", 0 },
  { "v", "в", 0 }, { "w", "в", 0 }, { "x", "кс", 0 }, { "z", "з", 0 },
  { "\u00f6", "о", 0 }, { "\u00fc", "у", 0 }, { "\u02bb", "", 0 }, { "'", "", 0 },
  { NULL, NULL, 0 }
};

static const Rule latin_to_uz_cyrl[] = {
  { "o\u02bb", "ў", 0 }, { "g\u02bb", "ғ", 0 }, { "o'", "ў", 0 }, { "g'", "ғ", 0 },
  { "o\u2018", "ў", 0 }, { "g\u2018", "ғ", 0 },
  { "sh", "ш", 0 }, { "ch", "ч", 0 }, { "ya", "я", 0 }, { "yu", "ю", 0 }, { "yo", "ё", 0 },
  { "ye", "е", 0 }, { "ts", "ц", 0 },
  { "e", "э", CTX_WORD_START }, { "e", "е", 0 }, { "y", "й", 0 },
  { "a", "а", 0 }, { "b", "б", 0 }, { "c", "к", 0 }, { "d", "д", 0 }, { "f", "ф", 0 },
  { "g", "г", 0 }, { "h", "ҳ", 0 }, { "i", "и", 0 }, { "j", "ж", 0 }, { "k", "к", 0 },
  { "l", "л", 0 }, { "m", "м", 0 }, { "n", "н", 0 }, { "o", "о", 0 }, { "p", "п", 0 },
  { "q", "қ", 0 }, { "r", "р", 0 }, { "s", "с", 0 }, { "t", "т", 0 }, { "u", "у", 0 },
  { "v", "в", 0 }, { "w", "в", 0 }, { "x", "х", 0 }, { "z", "з", 0 },
  { "\u02bc", "ъ", 0 }, { "'", "ъ", 0 },
  { NULL, NULL, 0 }
};

static const Rule cyrl_to_uz[] = {
  { "е", "ye", EITHER_START_OR_VOWEL }, { "е", "e", 0 }, { "ё", "yo", 0 },
  { "а", "a", 0 }, { "б", "b", 0 }, { "в", "v", 0 }, { "г", "g", 0 }, { "д", "d", 0 },
  { "ж", "j", 0 }, { "з", "z", 0 }, { "и", "i", 0 }, { "й", "y", 0 }, { "к", "k", 0 },
  { "л", "l", 0 }, { "м", "m", 0 }, { "н", "n", 0 }, { "о", "o", 0 }, { "п", "p", 0 },
  { "р", "r", 0 }, { "с", "s", 0 }, { "т", "t", 0 }, { "у", "u", 0 }, { "ф", "f", 0 },
  { "х", "x", 0 }, { "ц", "ts", 0 }, { "ч", "ch", 0 }, { "ш", "sh", 0 }, { "щ", "sh", 0 },
  { "ъ", "\u02bc", 0 }, { "ы", "i", 0 }, { "ь", "", 0 }, { "э", "e", 0 }, { "ю", "yu", 0 },
  { "я", "ya", 0 }, { "ў", "o\u02bb", 0 }, { "қ", "q", 0 }, { "ғ", "g\u02bb", 0 }, { "ҳ", "h", 0 },
  { "ө", "o\u02bb", 0 }, { "ү", "u", 0 }, { "ң", "ng", 0 },
  { "і", "i", 0 }, { "ї", "yi", 0 }, { "є", "ye", 0 }, { "ґ", "g", 0 },
  { NULL, NULL, 0 }
};

static const Rule cyrl_to_latin[] = {
  { "ий", "iy", CTX_WORD_END }, { "ый", "yy", CTX_WORD_END },
  { "е", "ye", EITHER_START_OR_VOWEL }, { "е", "e", 0 }, { "ё", "yo", 0 },
  { "а", "a", 0 }, { "б", "b", 0 }, { "в", "v", 0 }, { "г", "g", 0 }, { "д", "d", 0 },
  { "ж", "zh", 0 }, { "з", "z", 0 }, { "и", "i", 0 }, { "й", "y", 0 }, { "к", "k", 0 },
  { "л", "l", 0 }, { "м", "m", 0 }, { "н", "n", 0 }, { "о", "o", 0 }, { "п", "p", 0 },
  { "р", "r", 0 }, { "с", "s", 0 }, { "т", "t", 0 }, { "у", "u", 0 }, { "ф", "f", 0 },
  { "х", "kh", 0 }, { "ц", "ts", 0 }, { "ч", "ch", 0 }, { "ш", "sh", 0 }, { "щ", "shch", 0 },
  { "ъ", "", 0 }, { "ы", "y", 0 }, { "ь", "", 0 }, { "э", "e", 0 }, { "ю", "yu", 0 },
  { "я", "ya", 0 }, { "ө", "\u00f6", 0 }, { "ү", "\u00fc", 0 }, { "ң", "ng", 0 },
  { "ў", "o'", 0 }, { "қ", "q", 0 }, { "ғ", "gh", 0 }, { "ҳ", "kh", 0 },
  { NULL, NULL, 0 }
};

/* A word with і, ї, є or ґ is Ukrainian: the national romanisation. */
static const Rule cyrl_uk_to_latin[] = {
  { "зг", "zgh", 0 }, { "ь", "", 0 }, { "г", "h", 0 }, { "ґ", "g", 0 }, { "и", "y", 0 },
  { "і", "i", 0 }, { "ї", "yi", CTX_WORD_START }, { "ї", "i", 0 },
  { "є", "ye", CTX_WORD_START }, { "є", "ie", 0 }, { "й", "y", CTX_WORD_START }, { "й", "i", 0 },
  { "ю", "yu", CTX_WORD_START }, { "ю", "iu", 0 }, { "я", "ya", CTX_WORD_START }, { "я", "ia", 0 },
  { "е", "e", 0 }, { "щ", "shch", 0 },
  { NULL, NULL, 0 }
};

gboolean
_askarov_names_is_cyrillic (gunichar c)
{
  return (c >= 0x0400 && c <= 0x052f) || (c >= 0x1c80 && c <= 0x1c8f) || (c >= 0xa640 && c <= 0xa69f);
}

/* Vowels of both alphabets; ь and ъ count as one before a Cyrillic е ("Васильев" Vasilyev). */
gboolean
_askarov_names_is_vowel (gunichar c)
{
  c = g_unichar_tolower (c);
  if (c == 0)
    return FALSE;
  if (c < 0x80)
    return strchr ("aeiou", (int) c) != NULL;
  return g_utf8_strchr ("\u00f6\u00fcаеёиоуыэюяөүіїєўьъ", -1, c) != NULL;
}

/* Whether @c belongs to a word (letters and the apostrophes some alphabets use as letters). */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || c == '\'' || c == 0x02bb || c == 0x02bc || c == 0x2018;
}

static gboolean
context_holds (guint       ctx,
               gunichar    before,    /* 0 at the start of a word */
               gunichar    after)     /* 0 at the end of a word */
{
  if ((ctx & EITHER_START_OR_VOWEL) == EITHER_START_OR_VOWEL)
    {
      if (before != 0 && !_askarov_names_is_vowel (before))
        return FALSE;
    }
  else if ((ctx & CTX_WORD_START) && before != 0)
    return FALSE;
  else if ((ctx & CTX_AFTER_VOWEL) && (before == 0 || !_askarov_names_is_vowel (before)))
    return FALSE;
  if ((ctx & CTX_AFTER_CONS) && (before == 0 || _askarov_names_is_vowel (before)))
    return FALSE;
  if ((ctx & EITHER_END_OR_CONS) == EITHER_END_OR_CONS)
    {
      if (after != 0 && _askarov_names_is_vowel (after))
        return FALSE;
    }
  else if ((ctx & CTX_WORD_END) && after != 0)
    return FALSE;
  else if ((ctx & CTX_BEFORE_CONS) && (after == 0 || _askarov_names_is_vowel (after)))
    return FALSE;
  return TRUE;
}

/* The first rule of @tables (tried in order) matching @lower at @pos. */
static const Rule *
match_rule (const Rule * const *tables,
            const char         *pos,
            gunichar            before)
{
  for (guint t = 0; tables[t] != NULL; t++)
    for (const Rule *r = tables[t]; r->from != NULL; r++)
      {
        gsize len = strlen (r->from);
        const char *next = pos + len;
        gunichar after;

        if (strncmp (pos, r->from, len) != 0)
          continue;
        after = *next != '\0' ? g_utf8_get_char (next) : 0;
        if (!is_word_char (after))
          after = 0;
        if (context_holds (r->ctx, before, after))
          return r;
      }
  return NULL;
}

static void
append_cased (GString    *out,
              const char *text,
              gboolean    capital,
              gboolean    all_capitals)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (all_capitals || (capital && p == text))
        c = g_unichar_toupper (c);
      g_string_append_unichar (out, c);
    }
}

/* Whether the word starting at @p (in the original) is written in capitals. */
static gboolean
word_in_capitals (const char *p)
{
  guint letters = 0;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_word_char (c))
        break;
      if (g_unichar_isalpha (c))
        {
          if (!g_unichar_isupper (c))
            return FALSE;
          letters++;
        }
    }
  return letters > 1;
}

static gboolean
has_ukrainian_letters (const char *lower)
{
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491)
        return TRUE;
    }
  return FALSE;
}

/* Runs @tables over @name; characters no rule knows are kept. @uk_tables,
 * when given, replace @tables for a name with Ukrainian letters. */
static char *
transliterate (const char         *name,
               const Rule * const *tables,
               const Rule * const *uk_tables)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *src = name;
  const char *pos = lower;
  gunichar before = 0;
  gboolean capitals = FALSE;
  const Rule * const *word_tables = uk_tables != NULL && has_ukrainian_letters (lower) ? uk_tables : tables;

  /* g_utf8_strdown keeps the length of every character these alphabets use,
   * so @src and @pos advance together. */
  if (strlen (lower) != strlen (name))
    return g_strdup (name);
  while (*pos != '\0')
    {
      gunichar c = g_utf8_get_char (pos);
      const Rule *rule;

      if (!is_word_char (c))
        {
          g_string_append_unichar (out, g_utf8_get_char (src));
          before = 0;
          pos = g_utf8_next_char (pos);
          src = g_utf8_next_char (src);
          continue;
        }
      if (before == 0)
        capitals = word_in_capitals (src);
      rule = match_rule (word_tables, pos, before);
      if (rule == NULL)
        {
          g_string_append_unichar (out, g_utf8_get_char (src));
          before = c;
          pos = g_utf8_next_char (pos);
          src = g_utf8_next_char (src);
          continue;
        }
      append_cased (out, rule->to, g_unichar_isupper (g_utf8_get_char (src)), capitals);
      src += strlen (rule->from);
      pos += strlen (rule->from);
      /* The context of the next rule is the last source letter. */
      before = g_utf8_get_char (g_utf8_prev_char (pos));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "uz-Cyrl" -> "uz", "uz-Cyrl" is_cyrl. */
static gboolean
language_is_cyrillic (const char *language)
{
  static const char * const cyrillic[] = { "ru", "uk", "ky", "be", "bg", "kk", "mk", "sr", "tg", "mn", NULL };
  g_autofree char *base = NULL;

  if (language == NULL)
    return FALSE;
  if (g_str_has_suffix (language, "-Cyrl"))
    return TRUE;
  if (g_str_has_suffix (language, "-Latn"))
    return FALSE;
  base = g_strndup (language, strcspn (language, "-_"));
  return g_strv_contains (cyrillic, base);
}

gboolean
_askarov_names_language_is (const char *language,
                            const char *base)
{
  gsize len = strlen (base);

  return language != NULL && strncmp (language, base, len) == 0
         && (language[len] == '\0' || language[len] == '-' || language[len] == '_');
}

const char *
askarov_names_get_script (const char *language)
{
  return language_is_cyrillic (language) ? "Cyrl" : "Latn";
}

gboolean
askarov_names_is_in_script (const char *name,
                            const char *language)
{
  gboolean cyrillic = language_is_cyrillic (language);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) && _askarov_names_is_cyrillic (c) != cyrillic)
        return FALSE;
    }
  return TRUE;
}

char *
askarov_names_to_script (const char *name,
                         const char *language)
{
  if (name == NULL)
    return NULL;
  if (!g_utf8_validate (name, -1, NULL) || askarov_names_is_in_script (name, language))
    return g_strdup (name);

  if (language_is_cyrillic (language))
    {
      const Rule *ru[] = { latin_to_ru, NULL };
      const Rule *ky[] = { latin_to_ky_extra, latin_to_ru, NULL };
      const Rule *uk[] = { latin_to_uk, NULL };
      const Rule *uz[] = { latin_to_uz_cyrl, NULL };

      if (_askarov_names_language_is (language, "uk"))
        return transliterate (name, uk, NULL);
      if (_askarov_names_language_is (language, "ky"))
        return transliterate (name, ky, NULL);
      if (_askarov_names_language_is (language, "uz"))
        return transliterate (name, uz, NULL);
      return transliterate (name, ru, NULL);
    }
  else
    {
      const Rule *uz[] = { cyrl_to_uz, NULL };
      const Rule *latin[] = { cyrl_to_latin, NULL };
      const Rule *uk[] = { cyrl_uk_to_latin, cyrl_to_latin, NULL };

      if (_askarov_names_language_is (language, "uz"))
        return transliterate (name, uz, NULL);
      return transliterate (name, latin, uk);
    }
}

/* Names: words, initials, patronymics. */

gboolean
_askarov_names_is_initial (const char *word)
{
  return g_str_has_suffix (word, ".") || g_utf8_strlen (word, -1) == 1;
}

gboolean
askarov_names_is_patronymic (const char *word)
{
  static const char * const endings[] = {
    "ович", "евич", "ьич", "ич", "овна", "евна", "ична", "івна", "ївна",
    "ovich", "evich", "ovna", "evna", "ichna", "ivna", "ovych", "evych", NULL
  };
  static const char * const turkic[] = {
    "уулу", "кызы", "оглы", "угли", "ўғли", "қизи", "uulu", "kyzy", "ogly", "ugli", "o\u02bbg\u02bbli", "qizi", NULL
  };
  g_autofree char *lower = NULL;

  if (word == NULL || !g_utf8_validate (word, -1, NULL) || g_utf8_strlen (word, -1) < 4)
    return FALSE;
  lower = g_utf8_strdown (word, -1);
  if (g_strv_contains (turkic, lower))
    return TRUE;
  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_suffix (lower, endings[i]) && strlen (lower) > strlen (endings[i]) + 2)
      return TRUE;
  return FALSE;
}

void
_askarov_names_parse_name (const char *name,
                           Parts      *parts)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) split = g_strsplit_set (name != NULL ? name : "", " \t\n", -1);

  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_strv_builder_add (builder, split[i]);
  parts->words = g_strv_builder_end (builder);
  parts->n = g_strv_length (parts->words);
  parts->surname = parts->n;
  if (parts->n == 0)
    return;
  /* "Жээнбеков Сооронбай Шарипович" and "Жээнбеков С. Ш.": the surname leads. */
  if (parts->n >= 2 && (_askarov_names_is_initial (parts->words[parts->n - 1])
                        || (parts->n >= 3 && askarov_names_is_patronymic (parts->words[parts->n - 1]))))
    {
      for (guint i = 0; i < parts->n; i++)
        if (!_askarov_names_is_initial (parts->words[i]))
          {
            parts->surname = i;
            return;
          }
      return;
    }
  parts->surname = parts->n - 1;
}

/* The initial of a word: "Сооронбай" С., "Shavkat" Sh., "Oʻktam" Oʻ. */
static char *
initial_of (const char *word)
{
  static const char * const digraphs[] = { "Sh", "Ch", "Zh", "Kh", "Ts", "Ya", "Yu", "Yo", "Ye",
                                           "O\u02bb", "G\u02bb", "O'", "G'", NULL };
  gunichar first;
  char buffer[8] = { 0 };

  if (_askarov_names_is_initial (word))
    return g_str_has_suffix (word, ".") ? g_strdup (word) : g_strconcat (word, ".", NULL);
  for (guint i = 0; digraphs[i] != NULL; i++)
    if (g_str_has_prefix (word, digraphs[i]) && strlen (word) > strlen (digraphs[i]))
      return g_strconcat (digraphs[i], ".", NULL);
  first = g_unichar_toupper (g_utf8_get_char (word));
  g_unichar_to_utf8 (first, buffer);
  return g_strconcat (buffer, ".", NULL);
}

char *
askarov_names_initials (const char *name,
                        guint       max_initials)
{
  g_auto(Parts) parts = { NULL, 0, 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_initials = 0;

  if (name == NULL)
    return NULL;
  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup (name);
  _askarov_names_parse_name (name, &parts);
  if (parts.n < 2 || parts.surname >= parts.n)
    return g_strdup (name);
  for (guint i = 0; i < parts.n; i++)
    {
      g_autofree char *initial = NULL;

      /* "уулу"/"qizi" follow the father's name: they make no initial of their own. */
      if (i == parts.surname || (askarov_names_is_patronymic (parts.words[i]) && g_utf8_strlen (parts.words[i], -1) == 4
                                 && g_unichar_islower (g_utf8_get_char (parts.words[i]))))
        continue;
      if (max_initials > 0 && n_initials >= max_initials)
        continue;
      initial = initial_of (parts.words[i]);
      g_string_append_printf (out, "%s ", initial);
      n_initials++;
    }
  g_string_append (out, parts.words[parts.surname]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
askarov_names_drop_patronymic (const char *name)
{
  g_auto(Parts) parts = { NULL, 0, 0 };
  g_autoptr(GString) out = g_string_new (NULL);

  if (name == NULL)
    return NULL;
  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup (name);
  _askarov_names_parse_name (name, &parts);
  for (guint i = 0; i < parts.n; i++)
    {
      if (i != parts.surname && askarov_names_is_patronymic (parts.words[i]))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, parts.words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
