/* askarov-extractor-honorifics.c — honorifics, pronouns and salutations that tell how to address an official.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-extractor"

#include "config.h"

#include <string.h>

#include "askarov-extractor-honorifics.h"

typedef enum
{
  NEUTRAL,
  MAN,
  WOMAN,
} Form;

typedef struct
{
  const char *words;      /* casefolded, without full stops, words separated by one space */
  Form        form;
  gboolean    needs_dot;  /* a single letter such as "M." or "D." counts only with its full stop */
} Honorific;

/* Longer forms first: "his excellency" before "his" would be met. */
static const Honorific honorifics[] = {
  { "his excellency", MAN, FALSE },
  { "her excellency", WOMAN, FALSE },
  { "seine exzellenz", MAN, FALSE },
  { "ihre exzellenz", WOMAN, FALSE },
  { "son excellence", NEUTRAL, FALSE },
  { "su excelencia", NEUTRAL, FALSE },
  { "sua eccellenza", NEUTRAL, FALSE },
  { "zijne excellentie", MAN, FALSE },
  { "hare excellentie", WOMAN, FALSE },
  { "the honourable", NEUTRAL, FALSE },
  { "the honorable", NEUTRAL, FALSE },
  { "the right honourable", NEUTRAL, FALSE },
  { "right honourable", NEUTRAL, FALSE },
  { "the rt hon", NEUTRAL, FALSE },
  { "the hon", NEUTRAL, FALSE },
  { "rt hon", NEUTRAL, FALSE },
  { "sir", MAN, FALSE },
  { "dame", WOMAN, FALSE },
  { "mx", NEUTRAL, FALSE },
  { "de heer", MAN, FALSE },
  { "h e", NEUTRAL, TRUE },
  { "s e", NEUTRAL, TRUE },
  { "he", NEUTRAL, TRUE },
  { "se", NEUTRAL, TRUE },
  { "sem", MAN, TRUE },
  { "ze", MAN, TRUE },
  { "hon", NEUTRAL, FALSE },
  { "on", NEUTRAL, TRUE },
  { "egr", MAN, TRUE },
  { "gentmo", MAN, TRUE },
  { "gentma", WOMAN, TRUE },
  { "illmo", MAN, TRUE },
  { "illma", WOMAN, TRUE },
  { "mr", MAN, FALSE },
  { "mister", MAN, FALSE },
  { "mrs", WOMAN, FALSE },
  { "ms", WOMAN, FALSE },
  { "miss", WOMAN, FALSE },
  { "herr", MAN, FALSE },
  { "herrn", MAN, FALSE },
  { "frau", WOMAN, FALSE },
  { "m", MAN, TRUE },
  { "mm", NEUTRAL, TRUE },
  { "monsieur", MAN, FALSE },
  { "mme", WOMAN, FALSE },
  { "madame", WOMAN, FALSE },
  { "mlle", WOMAN, FALSE },
  { "sr", MAN, FALSE },
  { "sra", WOMAN, FALSE },
  { "srta", WOMAN, FALSE },
  { "señor", MAN, FALSE },
  { "señora", WOMAN, FALSE },
  { "don", MAN, FALSE },
  { "doña", WOMAN, FALSE },
  { "d", MAN, TRUE },
  { "dña", WOMAN, FALSE },
  { "excmo", MAN, FALSE },
  { "excma", WOMAN, FALSE },
  { "exmo", MAN, FALSE },
  { "exma", WOMAN, FALSE },
  { "excelentísimo", MAN, FALSE },
  { "excelentísima", WOMAN, FALSE },
  { "г-н", MAN, FALSE },
  { "г-жа", WOMAN, FALSE },
  { "господин", MAN, FALSE },
  { "госпожа", WOMAN, FALSE },
  { "господину", MAN, FALSE },
  { "госпоже", WOMAN, FALSE },
  { "dhr", MAN, FALSE },
  { "mevr", WOMAN, FALSE },
  { "mevrouw", WOMAN, FALSE },
  { "sig", MAN, FALSE },
  { "sigra", WOMAN, FALSE },
  { "signor", MAN, FALSE },
  { "signore", MAN, FALSE },
  { "signora", WOMAN, FALSE },
  { "dottssa", WOMAN, FALSE },
  { "dott", NEUTRAL, FALSE },
  { "dr", NEUTRAL, FALSE },
  { "prof", NEUTRAL, FALSE },
};

/* The word casefolded, without full stops and commas. */
static char *
fold_word (const char *word,
           gboolean   *had_dot)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  GString *out = g_string_new (NULL);

  *had_dot = FALSE;
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '.')
        *had_dot = TRUE;
      else if (*p != ',')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* How many words of @words (from @start) the honorific covers, or 0. */
static guint
match_honorific (char             **words,
                 guint              start,
                 const Honorific   *honorific)
{
  g_auto(GStrv) parts = g_strsplit (honorific->words, " ", -1);
  guint n = g_strv_length (parts);
  gboolean dot = FALSE;

  for (guint i = 0; i < n; i++)
    {
      gboolean had_dot;
      g_autofree char *folded = NULL;

      if (words[start + i] == NULL)
        return 0;
      folded = fold_word (words[start + i], &had_dot);
      if (!g_str_equal (folded, parts[i]))
        return 0;
      dot = dot || had_dot;
    }
  if (honorific->needs_dot && !dot)
    return 0;
  return n;
}

char *
extract_strip_honorifics (const char  *line,
                          const char **form,
                          gboolean    *had_honorific)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint n_words = g_strv_length (words);
  guint at = 0;
  Form found = NEUTRAL;

  *form = NULL;
  *had_honorific = FALSE;
  for (;;)
    {
      gboolean matched = FALSE;

      /* "S.E.Herrn" is rare; the words are separated by spaces. An
       * honorific never takes the last word: "Don" alone may be a name. */
      for (guint i = 0; i < G_N_ELEMENTS (honorifics) && !matched; i++)
        {
          guint covered = match_honorific (words, at, &honorifics[i]);

          if (covered > 0 && at + covered < n_words)
            {
              at += covered;
              if (honorifics[i].form != NEUTRAL)
                found = honorifics[i].form;
              matched = TRUE;
            }
        }
      if (!matched)
        break;
      *had_honorific = TRUE;
      while (words[at] != NULL && *words[at] == '\0')
        at++;
    }

  if (found == MAN)
    *form = "man";
  else if (found == WOMAN)
    *form = "woman";
  return g_strjoinv (" ", words + at);
}

char *
extract_strip_pronouns (const char  *line,
                        const char **form)
{
  const char *open = strrchr (line, '(');
  g_autofree char *inside = NULL;
  char *rest;

  *form = NULL;
  if (open == NULL || strchr (open, ')') == NULL)
    return g_strdup (line);
  inside = g_ascii_strdown (open + 1, strchr (open, ')') - open - 1);
  g_strstrip (inside);
  if (g_str_has_prefix (inside, "he/") || g_str_equal (inside, "he"))
    *form = "man";
  else if (g_str_has_prefix (inside, "she/") || g_str_equal (inside, "she"))
    *form = "woman";
  else if (!g_str_has_prefix (inside, "they/"))
    return g_strdup (line);
  rest = g_strndup (line, open - line);
  g_strchomp (rest);
  return rest;
}

const char *
extract_form_from_salutation (const char *salutation)
{
  static const char * const men[] = {
    "mr", "sir", "herr", "monsieur", "señor", "senor", "господин", "уважаемый", "egregio", "signor",
    "mijnheer", "heer", "meneer", "excelentísimo", "estimado", "caro", "gentilissimo", NULL,
  };
  static const char * const women[] = {
    "madam", "madame", "ms", "mrs", "frau", "señora", "senora", "госпожа", "уважаемая", "egregia", "signora",
    "mevrouw", "excelentísima", "estimada", "cara", "gentilissima", NULL,
  };
  g_auto(GStrv) words = NULL;
  gboolean man = FALSE, woman = FALSE;

  if (salutation == NULL)
    return NULL;
  words = g_strsplit_set (salutation, " ,:!/", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean had_dot;
      g_autofree char *folded = fold_word (words[i], &had_dot);

      woman = woman || g_strv_contains (women, folded);
      man = man || g_strv_contains (men, folded);
    }
  /* "Dear Sir or Madam" tells nothing. */
  if (man != woman)
    return man ? "man" : "woman";
  return NULL;
}
