/* askarov-extractor-asks.c — finds the requests an Urgent Action lists, each as one sentence as written.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-extractor"

#include "config.h"

#include "askarov-extractor-private.h"

#include <string.h>

/* Urgent Actions list their requests in two ways, in every language:
 *
 * - a heading that ends with a colon ("PLEASE WRITE IMMEDIATELY in English or
 *   your own language:", "Write to the President urging him to:", "Bitte
 *   schreiben Sie … und fordern Sie …:", "Demandez aux autorités :") and a
 *   list under it: bullets, numbers, or lines that each begin a new sentence
 *   after one that ended with ";" or "." (PDF text loses its bullet signs);
 * - sentences that make the request themselves, addressed to the volunteer
 *   ("Calling on the authorities to…", "Please write … urging …", "Bitte
 *   fordern Sie …", "Pidan …", "Призывайте …") or, in a sample letter, to
 *   the official ("I urge you to…", "Ich fordere Sie auf…").
 *
 * Background text that reports someone else's call ("the European Union
 * called on Kyrgyzstan to…") is not an ask: only sentences that start with
 * one of those openings count. Statements of concern ("Expressing concern…",
 * "Stating that…") are left out, and so is anything about the letter itself
 * (languages, deadlines, addresses). */

#define MAX_ASKS 8
#define MAX_ASK_LENGTH 600
#define MAX_SECTION_LINES 40

/* The verbs a volunteer is told to write, call or ask with, as a heading's opening. */
#define WRITE_OPENING \
  "(?:(?:please|bitte|por favor,?|пожалуйста,?|per favore,?|s.il vous pla[iî]t,?|merci d.|veuillez|graag)\\s+)?" \
  "(?:\\d{1,2}[.)]\\s*)?" \
  "(?:write|send|email|e-mail|fax|tweet|call|contact|appeal|urge|ask|demand|tell|take action|" \
  "schreiben sie|schreibt|fordern sie|appellieren sie|bitten sie|wenden sie sich|" \
  "[ée]crivez|[ée]crire|envoyez|demandez|exhortez|appelez|priez|interpellez|" \
  "escriban?|env[íi]en|pidan|insten|exijan|soliciten|llamen|" \
  "пишите|напишите|направьте|призывайте|просите|требуйте|обращайтесь|обратитесь|" \
  "schrijf|stuur|vraag|roep|eis|" \
  "scrivete|inviate|chiedete|esortate|sollecitate|" \
  "yozing|murojaat qiling|жазыңыз|кайрылыңыз)\\b"

/* What tells that a heading introduces requests, not an address ("Write to:"). */
#define ASK_HEADING_HINT \
  "(?:urg|call|ask|demand|immediately|language|request|" \
  "fordern|auffordern|aufzufordern|sprache|sofort|" \
  "demand|exhort|langue|imm[ée]diatement|" \
  "pid|inst|exij|idioma|inmediato|" \
  "призыв|прос|треб|язык|немедленно|" \
  "vraag|verzoek|taal|onmiddellijk|" \
  "chied|esort|lingua|immediatamente)"

/* Headings that are requests although no one is told to write ("Recommended action:"). */
#define LIST_HEADING \
  "^(?:recommended actions?|suggested (?:actions?|points)|key points|what to (?:write|say)|in your (?:appeals?|letters?)|" \
  "forderungen|mögliche forderungen|" \
  "actions? recommandées?|points? à soulever|" \
  "acciones? recomendadas?|puntos? a (?:tratar|incluir)|" \
  "рекомендуемые действия|в своих обращениях|" \
  "aanbevolen acties?|" \
  "azioni raccomandate)\\s*:?$"

/* A sentence that makes a request by itself. */
#define ASK_OPENING \
  "^(?:(?:please|bitte|por favor,?|пожалуйста,?|per favore,?|veuillez)\\s+)?" \
  "(?:(?:calling (?:on|upon|for)|urging|asking|demanding|call (?:on|upon)|urge|demand|ask (?:the|them|him|her))\\b|" \
  "(?:write|send|email|tweet|contact|call)\\b(?:[^.;:]|(?<=\\d)\\.)*\\b(?:urging|calling|asking|demanding|and (?:urge|ask|call))|" \
  "I (?:urge|call on|call upon|ask|request|respectfully (?:urge|ask|request|call on)|am writing to (?:urge|ask|call on)) you|" \
  "we (?:urge|call on|ask) you|" \
  "fordern sie|schreiben sie\\b(?:[^.;:]|(?<=\\d)\\.)*\\b(?:fordern sie|und bitten sie|mit der forderung)|bitten sie|" \
  "ich (?:fordere|bitte|appelliere an|ersuche) sie|wir fordern sie|" \
  "demandez|exhortez|priez|appelez (?:les|le|la)|[ée]crivez\\b(?:[^.;:]|(?<=\\d)\\.)*\\b(?:demand|exhort|appel)|" \
  "je vous (?:demande|prie|exhorte|engage)|nous vous (?:demandons|prions)|" \
  "pidan|insten|exijan|soliciten|escriban?\\b(?:[^.;:]|(?<=\\d)\\.)*\\b(?:pidiendo|instando|exigiendo|solicitando)|" \
  "le (?:insto|pido|ruego|solicito|exhorto)|" \
  "призывайте|просите|требуйте|(?:пишите|напишите)\\b(?:[^.;:]|(?<=\\d)\\.)*\\b(?:призыв|просьб|требова)|" \
  "(?:убедительно )?(?:прошу|призываю) вас|" \
  "vraag (?:de|het|hen|hem|haar|om)|roep (?:de|hen|hem|haar)\\b(?:[^.;:]|(?<=\\d)\\.)*\\bop|ik (?:vraag|verzoek|roep) u|" \
  "chiedete|esortate|sollecitate|vi chiedo|le chiedo|la esorto|" \
  "sizdan\\b(?:[^.;:]|(?<=\\d)\\.)*soʻrayman|сизден\\b(?:[^.;:]|(?<=\\d)\\.)*(?:суранам|өтүнөм))"

/* Not requests: statements of concern or of fact, thanks, the letter's own business. */
#define NOT_AN_ASK \
  "^(?:expressing|express|stating|state|welcoming|welcome|thanking|thank|noting|note|reminding|remind|acknowledging|explaining|" \
  "informing|saying|telling (?:them|him|her) (?:that|about)|" \
  "bringen sie ihre|äußern sie|drücken sie|begrüßen sie|danken sie|weisen sie (?:darauf|auf)|" \
  "exprimez|exprimant|faites part|remerciez|saluez|" \
  "expresando|expresen|manifestando|manifiesten (?:su|sua)|agradezcan|" \
  "выражая|выразите|выражайте|благодарите|отметьте|" \
  "uitdrukken|spreek (?:uw|je) bezorgdheid|bedank|" \
  "esprimete|esprimendo|ringraziate)\\b"

/* Said about the letter, not to the official ("… in English or your own language"). */
#define ABOUT_THE_LETTER \
  "(?:your own language|in english|appeals? before|before the deadline|send (?:a copy|copies)|" \
  "@|https?:|www\\.|salutation|anrede|formule d.appel|tratamiento|обращение:|aanhef)"

static GRegex *write_opening_regex, *hint_regex, *list_heading_regex, *opening_regex, *not_ask_regex,
              *letter_regex, *bullet_regex, *stop_regex, *leading_regex;

static gboolean
matches (GRegex    **slot,
         const char *pattern,
         const char *s)
{
  return g_regex_match (extract_regex (slot, pattern, G_REGEX_CASELESS), s, 0, NULL);
}

/* The bullet or number a list line starts with, or 0 when it has none. */
static gsize
bullet_length (const char *line)
{
  g_autoptr(GMatchInfo) info = NULL;
  int end = 0;

  if (!g_regex_match (extract_regex (&bullet_regex,
                                     "^(?:[-*•·–—▪■●◦‣○►✓\\x{F0B7}\\x{F0A7}\\x{F0D8}]|\\d{1,2}[.)]|[a-h][.)])\\s+",
                                     0),
                      line, 0, &info))
    return 0;
  g_match_info_fetch_pos (info, 0, NULL, &end);
  return (gsize) end;
}

/* A line that ends the list: the next part of the document. */
static gboolean
ends_section (const char *line)
{
  return matches (&stop_regex,
                  "^(?:please send appeals|send appeals|appeals? before|please take action|take action (?:before|by|until)|"
                  "preferred language|additional information|background|further information|contact|copies to|"
                  "salutation|dear\\b|bitte schreiben sie bis|anrede|hintergrund|adressen|kopien an|sachlage|"
                  "formule d.appel|informations? compl[ée]mentaires?|copies? [àa]|contexte|"
                  "tratamiento|informaci[óo]n adicional|copias? a|env[íi]en llamamientos|"
                  "обращение|дополнительная информация|копии|"
                  "aanhef|achtergrond|kopie|"
                  "formula di saluto|informazioni aggiuntive|copia a|"
                  "name\\b|address|email:|fax:|phone:|tel\\.?:|twitter:|facebook:)",
                  line);
}

/* One ask, cleaned: no bullet, no trailing ";" or ", and", one line. */
static char *
clean_ask (const char *text)
{
  g_autofree char *one_line = g_strdup (text);
  g_autoptr(GString) out = NULL;
  char *p;

  for (p = one_line; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  g_strstrip (one_line);
  p = one_line + bullet_length (one_line);
  out = g_string_new (p);
  /* PDF lines broken at a hyphen: "pris-" + "oner" is rare in asks; only spaces are joined. */
  while (g_strstr_len (out->str, -1, "  ") != NULL)
    g_string_replace (out, "  ", " ", 0);
  while (out->len > 0 && strchr (";,: ", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  if (g_str_has_suffix (out->str, " and") || g_str_has_suffix (out->str, " und")
      || g_str_has_suffix (out->str, " et") || g_str_has_suffix (out->str, " y")
      || g_str_has_suffix (out->str, " и") || g_str_has_suffix (out->str, " en")
      || g_str_has_suffix (out->str, " e"))
    {
      g_string_truncate (out, strrchr (out->str, ' ') - out->str);
      while (out->len > 0 && strchr (";, ", out->str[out->len - 1]) != NULL)
        g_string_truncate (out, out->len - 1);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_ask (GPtrArray  *asks,
         const char *raw)
{
  g_autofree char *ask = clean_ask (raw);
  glong length = g_utf8_strlen (ask, -1);
  g_auto(GStrv) words = g_strsplit (ask, " ", 4);

  if (asks->len >= MAX_ASKS || length < 12 || length > MAX_ASK_LENGTH)
    return;
  /* A request names an action: at least three words. */
  if (g_strv_length (words) < 3)
    return;
  if (matches (&not_ask_regex, NOT_AN_ASK, ask) || matches (&letter_regex, ABOUT_THE_LETTER, ask))
    return;
  for (guint i = 0; i < asks->len; i++)
    if (g_utf8_collate (g_ptr_array_index (asks, i), ask) == 0)
      return;
  g_ptr_array_add (asks, g_steal_pointer (&ask));
}

/* An ask sentence that lists several requests with ";" gives one ask each
 * ("I urge you to release him…; and pending his release, ensure…"). */
static void
add_split (GPtrArray  *asks,
           const char *sentence)
{
  g_auto(GStrv) parts = g_strsplit (sentence, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];

      g_strstrip (parts[i]);
      /* "; and pending his release, ensure …": the connective goes. */
      {
        g_autoptr(GMatchInfo) info = NULL;
        int end = 0;

        if (i > 0 && g_regex_match (extract_regex (&leading_regex, "^(?:and|und|et|y|и|en|e|or|oder|ou|o)\\s+",
                                                   G_REGEX_CASELESS),
                                    part, 0, &info))
          {
            g_match_info_fetch_pos (info, 0, NULL, &end);
            part += end;
          }
      }
      add_ask (asks, part);
    }
}

static gboolean
is_ask_heading (const char *line)
{
  if (!g_str_has_suffix (line, ":"))
    return FALSE;
  if (matches (&list_heading_regex, LIST_HEADING, line))
    return TRUE;
  return matches (&write_opening_regex, "^" WRITE_OPENING, line) && matches (&hint_regex, ASK_HEADING_HINT, line);
}

/* The list under a heading; returns the index of the first line after it. */
static guint
read_list (const ExtractText *text,
           guint              start,
           GPtrArray         *asks)
{
  g_autoptr(GString) item = g_string_new (NULL);
  gboolean bullets = FALSE;
  guint i;

  /* Bullets make the list when its first line has one. */
  for (i = start; i < text->n_lines && *text->lines[i] == '\0'; i++)
    ;
  if (i < text->n_lines)
    bullets = bullet_length (text->lines[i]) > 0;

  for (i = start; i < text->n_lines && i < start + MAX_SECTION_LINES; i++)
    {
      const char *line = text->lines[i];
      gboolean new_item;

      if (*line == '\0')
        {
          guint next = i + 1;

          /* A blank line ends the list, unless another bullet follows (web pages space them out). */
          while (next < text->n_lines && *text->lines[next] == '\0')
            next++;
          if (item->len == 0)
            continue;
          if (bullets && next < text->n_lines && bullet_length (text->lines[next]) > 0)
            continue;
          break;
        }
      if (ends_section (line) || is_ask_heading (line))
        break;
      if (bullets)
        new_item = bullet_length (line) > 0;
      else
        /* Without bullets, a line that starts a sentence after one that ended one. */
        new_item = item->len == 0
                   || ((g_str_has_suffix (item->str, ";") || g_str_has_suffix (item->str, ".")
                        || g_str_has_suffix (item->str, ":"))
                       && g_unichar_isupper (g_utf8_get_char (line)));
      /* A list starts with a bullet, or (without bullets) with a capital letter. */
      if (item->len == 0 && (bullets ? !new_item : g_unichar_islower (g_utf8_get_char (line))))
        break;
      if (new_item && item->len > 0)
        {
          add_split (asks, item->str);
          g_string_truncate (item, 0);
        }
      if (item->len > 0)
        g_string_append_c (item, ' ');
      g_string_append (item, line);
    }
  if (item->len > 0)
    add_split (asks, item->str);
  return i;
}

/* A full stop that does not end a sentence: after a number ("22. Mai") or a title ("Mr. Sample"). */
static gboolean
is_abbreviation (const char *start,
                 const char *stop)
{
  static const char * const titles[] = { "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Sra", "Mme", "M", "Hr", "Fr", "Nr", "No", "г", "ул" };
  const char *word = stop;

  if (stop > start && g_ascii_isdigit (stop[-1]))
    return TRUE;
  while (word > start && word[-1] != ' ')
    word--;
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if ((gsize) (stop - word) == strlen (titles[i]) && strncmp (word, titles[i], stop - word) == 0)
      return TRUE;
  return FALSE;
}

/* Sentences of a paragraph: split after ". " before a capital letter. */
static void
read_sentences (const char *paragraph,
                GPtrArray  *asks)
{
  const char *start = paragraph;
  const char *p = paragraph;

  while (*p != '\0')
    {
      const char *end = NULL;

      if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' && g_unichar_isupper (g_utf8_get_char (p + 2))
          && !is_abbreviation (start, p))
        end = p + 1;
      else if (p[1] == '\0')
        end = p + 1;
      if (end != NULL)
        {
          g_autofree char *sentence = g_strndup (start, end - start);

          g_strstrip (sentence);
          if (matches (&opening_regex, ASK_OPENING, sentence) && !g_str_has_suffix (sentence, ":"))
            add_split (asks, sentence);
          start = end;
        }
      p++;
    }
}

void
extract_asks (const ExtractText *text,
              char            ***asks)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) paragraph = g_string_new (NULL);

  for (guint i = 0; i < text->n_lines && found->len < MAX_ASKS; i++)
    {
      const char *line = text->lines[i];

      if (is_ask_heading (line))
        {
          if (paragraph->len > 0)
            read_sentences (paragraph->str, found);
          g_string_truncate (paragraph, 0);
          i = read_list (text, i + 1, found) - 1;
          continue;
        }
      /* Paragraphs: lines joined until a blank line or a bullet. */
      if (*line == '\0' || bullet_length (line) > 0)
        {
          if (paragraph->len > 0)
            read_sentences (paragraph->str, found);
          g_string_truncate (paragraph, 0);
          if (*line == '\0')
            continue;
          line += bullet_length (line);
        }
      if (paragraph->len > 0)
        g_string_append_c (paragraph, ' ');
      g_string_append (paragraph, line);
    }
  if (paragraph->len > 0 && found->len < MAX_ASKS)
    read_sentences (paragraph->str, found);

  g_ptr_array_add (found, NULL);
  g_strfreev (*asks);
  *asks = (char **) g_ptr_array_steal (found, NULL);
}
