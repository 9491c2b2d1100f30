/* askarov-extractor-targets.c — finds the officials a document asks volunteers to write to.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-extractor"

#include "config.h"

#include <string.h>

#include "askarov-extractor-private.h"

/* A target is a block of short lines (title, name, address) followed by
 * contact lines ("Fax:", "Email:", "Salutation:"…). The block ends at its
 * "Salutation:" line or at the first ordinary line after its contacts. Lines
 * ending in a colon ("…APPEALS BEFORE 27 OCTOBER 2010 TO:") and full sentences
 * separate blocks; "copies to" turns the blocks after it into copies. */

typedef struct
{
  GPtrArray     *targets;
  GPtrArray     *pending;   /* borrowed lines waiting for their contacts */
  AskarovTarget *current;   /* owned by @targets once it has contacts */
  gboolean       copy;
  char          *opening;   /* the sample letter's "Dear President" */
} Parser;

static const char * const role_words[] = {
  "president", "minister", "prosecutor", "procurator", "general", "ambassador", "governor", "judge",
  "chair", "chairman", "chairwoman", "chairperson", "director", "head", "chief", "secretary",
  "commissioner", "ombudsman", "ombudsperson", "mayor", "king", "queen", "prime", "speaker",
  "attorney", "commander", "warden", "deputy", "emir", "sheikh", "ministre", "président",
  "présidente", "procureur", "ambassadeur", "ambassadrice", "juge", "directeur", "directrice",
  "präsident", "präsidentin", "ministerin", "generalstaatsanwalt", "staatsanwalt", "botschafter",
  "botschafterin", "richter", "richterin", "leiter", "leiterin", "direktor", "direktorin",
  "premierminister", "ministerpräsident", "президент", "министр", "прокурор", "посол",
};

/* Words that make a capitalised line an office or a place, not a person. */
static const char * const place_words[] = {
  "street", "avenue", "road", "embassy", "ministry", "office", "republic", "house", "government",
  "prison", "court", "committee", "department", "administration", "square", "building", "palace",
  "council", "parliament", "dom", "ulitsa", "prospekt", "rue", "strasse", "straße", "platz",
  "ministère", "ambassade", "botschaft", "bureau", "service", "affairs", "federation", "kingdom",
  "state", "states", "box", "lane", "boulevard", "drive", "place", "city", "colony", "centre", "center",
};

static gboolean
word_in (const char         *word,
         const char * const *list,
         gsize               n)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize length = strlen (folded);

  while (length > 0 && strchr (",.;:'’()", folded[length - 1]) != NULL)
    folded[--length] = '\0';
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (folded, list[i]))
      return TRUE;
  return FALSE;
}

gboolean
extract_is_role_word (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  /* German compounds: Innenminister, Justizministerin. */
  if (g_str_has_suffix (folded, "minister") || g_str_has_suffix (folded, "ministerin"))
    return TRUE;
  return word_in (word, role_words, G_N_ELEMENTS (role_words));
}

static gboolean
has_role_word (const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (extract_is_role_word (words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_name (const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint n = g_strv_length (words);

  if (n < 2 || n > 5)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gunichar first = g_utf8_get_char (words[i]);

      if (!g_unichar_isupper (first) || extract_is_role_word (words[i])
          || word_in (words[i], place_words, G_N_ELEMENTS (place_words)))
        return FALSE;
      for (const char *p = words[i]; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          return FALSE;
    }
  return TRUE;
}

static char *
strip_honorific (const char *line,
                 gboolean   *had_honorific)
{
  static GRegex *regex;
  char *stripped = g_regex_replace_literal (extract_regex (&regex,
                                                           "^(?:mr\\.?|mrs\\.?|ms\\.?|miss|dr\\.?|prof\\.?|h\\.\\s?e\\.|"
                                                           "his excellency|her excellency|m\\.|mme|herr|frau|"
                                                           "г-н|г-жа)\\s+",
                                                           G_REGEX_CASELESS),
                                            line, -1, 0, "", 0, NULL);

  *had_honorific = strcmp (stripped, line) != 0;
  return stripped;
}

static void
add_line (char       ***strv,
          const char   *line)
{
  guint n = g_strv_length (*strv);

  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (line);
  (*strv)[n + 1] = NULL;
}

/* Title, name and address from the lines before the contacts. */
static gboolean
has_digits (char **lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    for (const char *p = lines[i]; *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        return TRUE;
  return FALSE;
}

static AskarovTarget *
target_from_lines (GPtrArray *lines)
{
  AskarovTarget *target = askarov_target_new ();

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      gboolean honorific = FALSE;
      g_autofree char *bare = strip_honorific (line, &honorific);
      gboolean role = has_role_word (bare);
      /* A name may follow an office ("Embassy of…", then "Ambassador Eva Lind"),
       * but not a street or a postcode. */
      gboolean before_address = !has_digits (target->address);

      if (target->name == NULL && before_address && looks_like_name (bare))
        {
          target->name = g_strdup (bare);
          continue;
        }

      if (target->name == NULL && before_address && role)
        {
          g_auto(GStrv) words = g_strsplit (bare, " ", -1);
          guint n_role = 0;
          const char *rest = bare;

          /* "Ambassador Bolot Otunbaev", "Prosecutor General Ivan Petrov". */
          while (words[n_role] != NULL && extract_is_role_word (words[n_role]))
            {
              rest += strlen (words[n_role]);
              if (*rest == ' ')
                rest++;
              n_role++;
            }
          if (n_role > 0 && n_role <= 2 && *rest != '\0' && looks_like_name (rest))
            {
              if (target->title == NULL)
                target->title = g_strndup (bare, rest - bare - 1);
              target->name = g_strdup (rest);
              continue;
            }
        }

      if (target->title == NULL && g_strv_length (target->address) == 0 && role)
        {
          target->title = g_strdup (bare);
          continue;
        }

      add_line (&target->address, line);
    }
  return target;
}

static void
finish_block (Parser *parser)
{
  parser->current = NULL;
  g_ptr_array_set_size (parser->pending, 0);
}

static char *
clean_value (const char *value)
{
  char *clean = g_strdup (value);
  gsize length;

  g_strstrip (clean);
  length = strlen (clean);
  while (length > 0 && strchr ("|,;.", clean[length - 1]) != NULL)
    clean[--length] = '\0';
  g_strstrip (clean);
  return clean;
}

static const char *
social_platform (const char *label)
{
  static const char * const platforms[] = { "Facebook", "Twitter", "X", "Instagram", "Telegram", "VK", "Bluesky",
                                            "Mastodon", "TikTok", "YouTube" };

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    if (g_ascii_strcasecmp (label, platforms[i]) == 0)
      return platforms[i];
  return NULL;
}

/* Returns TRUE when the line was the target's salutation, which ends it. */
static gboolean
read_contact (AskarovTarget *target,
              const char    *label,
              const char    *value)
{
  static GRegex *email_regex;
  g_autofree char *clean = clean_value (value);
  g_autofree char *folded = g_ascii_strdown (label, -1);
  const char *platform = social_platform (label);

  if (*clean == '\0')
    return FALSE;

  if (g_str_has_prefix (folded, "salutation") || g_str_has_prefix (folded, "formule") || g_str_has_prefix (folded, "anrede"))
    {
      g_free (target->salutation);
      target->salutation = g_steal_pointer (&clean);
      return TRUE;
    }
  if (g_str_has_prefix (folded, "fax") || g_str_has_prefix (folded, "télécopie"))
    {
      if (target->fax == NULL)
        target->fax = g_steal_pointer (&clean);
    }
  else if (strstr (folded, "mail") != NULL || g_str_has_prefix (folded, "courriel"))
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (extract_regex (&email_regex, "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", 0), clean, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *email = g_match_info_fetch (match, 0);

          if (!g_strv_contains ((const char * const *) target->email, email))
            add_line (&target->email, email);
        }
    }
  else if (platform != NULL)
    {
      g_autofree char *handle = g_strdup_printf ("%s: %s", platform, clean);

      add_line (&target->social, handle);
    }
  else if (target->phone == NULL)
    target->phone = g_steal_pointer (&clean);
  return FALSE;
}

#define CONTACT_LABEL "(?:fax|télécopie|e-?mail|courriel|phone|tel\\.?|telephone|téléphone|telefon|mobile|" \
                      "facebook|twitter|x|instagram|telegram|vk|bluesky|mastodon|tiktok|youtube|salutation|" \
                      "formule d['’]appel|anrede)"

/* Returns TRUE when the line held contacts; sets *@ended when it was a salutation. */
static gboolean
read_contact_line (Parser     *parser,
                   const char *line,
                   gboolean   *ended)
{
  static GRegex *start_regex, *label_regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (int));

  *ended = FALSE;
  if (!g_regex_match (extract_regex (&start_regex, "^" CONTACT_LABEL "\\s*:", G_REGEX_CASELESS), line, 0, NULL))
    return FALSE;

  g_regex_match (extract_regex (&label_regex, "(?<![\\p{L}@.])" CONTACT_LABEL "\\s*:", G_REGEX_CASELESS),
                 line, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_array_append_val (starts, start);
      g_array_append_val (ends, end);
    }

  if (parser->current == NULL)
    {
      parser->current = target_from_lines (parser->pending);
      parser->current->copy = parser->copy;
      g_ptr_array_add (parser->targets, parser->current);
      g_ptr_array_set_size (parser->pending, 0);
    }

  for (guint i = 0; i < starts->len; i++)
    {
      int start = g_array_index (starts, int, i);
      int end = g_array_index (ends, int, i);
      int next = i + 1 < starts->len ? g_array_index (starts, int, i + 1) : (int) strlen (line);
      g_autofree char *label = g_strndup (line + start, end - start - 1);
      g_autofree char *value = g_strndup (line + end, next - end);

      g_strstrip (label);
      if (read_contact (parser->current, label, value))
        *ended = TRUE;
    }
  return TRUE;
}

static guint
count_words (const char *line)
{
  guint words = *line != '\0' ? 1 : 0;

  for (const char *p = line; *p != '\0'; p++)
    if (*p == ' ')
      words++;
  return words;
}

static void
read_line (Parser     *parser,
           const char *line)
{
  static GRegex *copies_regex, *opening_regex, *list_regex;
  gsize length = strlen (line);
  gboolean ended = FALSE;
  gboolean sentence;

  if (length == 0)
    return;

  if (read_contact_line (parser, line, &ended))
    {
      if (ended)
        finish_block (parser);
      return;
    }

  if (g_regex_match (extract_regex (&copies_regex, "^(?:and |also |with )?(?:send )?(?:copies|copy) to\\b|"
                                                   "^(?:et )?copies? à|^(?:und )?kopien? an|^cc\\s*:",
                                    G_REGEX_CASELESS),
                     line, 0, NULL))
    {
      finish_block (parser);
      parser->copy = TRUE;
      return;
    }

  if (length < 80 && count_words (line) >= 2
      && g_regex_match (extract_regex (&opening_regex, "^(?:dear|your excellency|monsieur|madame|sehr geehrte|"
                                                       "уважаем)", G_REGEX_CASELESS),
                        line, 0, NULL))
    {
      finish_block (parser);
      if (parser->opening == NULL)
        {
          parser->opening = g_strdup (line);
          g_strchomp (parser->opening);
          length = strlen (parser->opening);
          while (length > 0 && strchr (",:!", parser->opening[length - 1]) != NULL)
            parser->opening[--length] = '\0';
        }
      return;
    }

  /* An ordinary line after the contacts starts the next block. */
  if (parser->current != NULL)
    finish_block (parser);

  sentence = length > 100 || count_words (line) > 14
             || (line[length - 1] == '.' && count_words (line) >= 5)
             || g_regex_match (extract_regex (&list_regex, "^\\d+[.)]\\s", 0), line, 0, NULL);
  if (line[length - 1] == ':' || (sentence && (line[length - 1] == '.' || parser->pending->len == 0)))
    {
      g_ptr_array_set_size (parser->pending, 0);
      return;
    }
  /* A note inside a block ("please only send mail to the embassy"). */
  if (sentence)
    return;

  if (parser->pending->len == 8)
    g_ptr_array_remove_index (parser->pending, 0);
  g_ptr_array_add (parser->pending, (gpointer) line);
}

static gboolean
shares_word (const char *opening,
             const char *title)
{
  g_autofree char *folded_opening = g_utf8_casefold (opening, -1);
  g_autofree char *folded_title = g_utf8_casefold (title, -1);
  g_auto(GStrv) words = g_strsplit_set (folded_opening, " ,", -1);

  for (guint i = 1; words[i] != NULL; i++)
    if (strlen (words[i]) > 2 && strstr (folded_title, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The sample letter's opening is the salutation for the target it addresses. */
static void
apply_opening (Parser *parser)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  gboolean applied = FALSE;

  if (parser->opening == NULL)
    return;
  for (guint i = 0; i < parser->targets->len; i++)
    {
      AskarovTarget *target = g_ptr_array_index (parser->targets, i);

      if (!target->copy && target->salutation == NULL)
        g_ptr_array_add (candidates, target);
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      AskarovTarget *target = g_ptr_array_index (candidates, i);

      if (target->title != NULL && shares_word (parser->opening, target->title))
        {
          target->salutation = g_strdup (parser->opening);
          applied = TRUE;
        }
    }
  if (!applied && candidates->len == 1)
    ((AskarovTarget *) g_ptr_array_index (candidates, 0))->salutation = g_strdup (parser->opening);
}

void
extract_targets (const ExtractText *text,
                 GPtrArray         *targets)
{
  Parser parser = { 0 };

  parser.targets = targets;
  parser.pending = g_ptr_array_new ();
  for (guint i = 0; i < text->n_lines; i++)
    read_line (&parser, text->lines[i]);
  apply_opening (&parser);

  /* Labels without values ("Fax:" and nothing) make no target. */
  for (guint i = targets->len; i > 0; i--)
    {
      AskarovTarget *target = g_ptr_array_index (targets, i - 1);

      if (target->name == NULL && target->title == NULL && target->salutation == NULL
          && target->fax == NULL && target->phone == NULL && target->address[0] == NULL
          && target->email[0] == NULL && target->social[0] == NULL)
        g_ptr_array_remove_index (targets, i - 1);
    }

  g_ptr_array_unref (parser.pending);
  g_free (parser.opening);
}
