/* askarov-extractor-formats.c — the document-level facts the sections' formats add: country, language, outcome, clean titles.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-extractor"

#include "config.h"

#include <string.h>

#include "askarov-extractor-private.h"

/* Countries that Urgent Actions are about, with their names in the seven
 * languages the sections write in (English, French, German, Spanish,
 * Italian, Dutch, Russian with its usual case forms). Names are matched as
 * whole words, ignoring case; a name shared by two languages is listed once. */
static const struct
{
  const char *code;
  const char *names;  /* '|'-separated */
} countries[] = {
  { "AF", "Afghanistan|Afganistán|Afghanistan|Afganistan|Афганистан|Афганистане|Афганистана" },
  { "DZ", "Algeria|Algérie|Algerien|Argelia|Algerije|Алжир|Алжире" },
  { "AR", "Argentina|Argentine|Argentinien|Argentinië|Аргентина|Аргентине" },
  { "AZ", "Azerbaijan|Azerbaïdjan|Aserbaidschan|Azerbaiyán|Azerbaigian|Azerbeidzjan|Азербайджан|Азербайджане|Азербайджана" },
  { "BH", "Bahrain|Bahreïn|Baréin|Bahrein|Бахрейн|Бахрейне" },
  { "BD", "Bangladesh|Bangladesch|Бангладеш" },
  { "BY", "Belarus|Biélorussie|Weißrussland|Bielorrusia|Bielorussia|Wit-Rusland|Беларусь|Беларуси|Белоруссия|Белоруссии" },
  { "BR", "Brazil|Brésil|Brasilien|Brasil|Brasile|Brazilië|Бразилия|Бразилии" },
  { "KH", "Cambodia|Cambodge|Kambodscha|Camboya|Cambogia|Cambodja|Камбоджа|Камбодже" },
  { "CM", "Cameroon|Cameroun|Kamerun|Camerún|Camerun|Kameroen|Камерун|Камеруне" },
  { "CN", "China|Chine|Cina|Китай|Китае|Китая" },
  { "CO", "Colombia|Colombie|Kolumbien|Колумбия|Колумбии" },
  { "CU", "Cuba|Kuba|Куба|Кубе|Кубы" },
  { "CD", "Democratic Republic of the Congo|DRC|RDC|République démocratique du Congo|Demokratische Republik Kongo|"
          "República Democrática del Congo|Repubblica Democratica del Congo|Democratische Republiek Congo|ДРК" },
  { "EG", "Egypt|Égypte|Egypte|Ägypten|Egipto|Egitto|Egypte|Египет|Египте|Египта" },
  { "ER", "Eritrea|Érythrée|Erythrée|Эритрея|Эритрее" },
  { "ET", "Ethiopia|Éthiopie|Äthiopien|Etiopía|Etiopia|Ethiopië|Эфиопия|Эфиопии" },
  { "GT", "Guatemala|Гватемала|Гватемале" },
  { "HN", "Honduras|Гондурас|Гондурасе" },
  { "HK", "Hong Kong|Hongkong|Гонконг|Гонконге" },
  { "IN", "India|Inde|Indien|Indië|Индия|Индии" },
  { "ID", "Indonesia|Indonésie|Indonesien|Indonesië|Индонезия|Индонезии" },
  { "IR", "Iran|Irán|Иран|Иране|Ирана" },
  { "IQ", "Iraq|Irak|Ирак|Ираке" },
  { "IL", "Israel|Israël|Israele|Израиль|Израиле" },
  { "KZ", "Kazakhstan|Kasachstan|Kazajistán|Kazakistan|Kazachstan|Казахстан|Казахстане|Казахстана" },
  { "KE", "Kenya|Kenia|Кения|Кении" },
  { "KG", "Kyrgyzstan|Kirghizistan|Kirgisistan|Kirguistán|Kirghizistan|Kirgizië|Kirgizstan|Кыргызстан|Кыргызстане|"
          "Кыргызстана|Киргизия|Киргизии" },
  { "LB", "Lebanon|Liban|Libanon|Líbano|Libano|Ливан|Ливане" },
  { "LY", "Libya|Libye|Libyen|Libia|Libië|Ливия|Ливии" },
  { "MX", "Mexico|Mexique|Mexiko|México|Messico|Mexico|Мексика|Мексике" },
  { "MA", "Morocco|Maroc|Marokko|Marruecos|Marocco|Марокко" },
  { "MM", "Myanmar|Birmanie|Birma|Мьянма|Мьянме" },
  { "NI", "Nicaragua|Никарагуа" },
  { "NG", "Nigeria|Nigéria|Нигерия|Нигерии" },
  { "KP", "North Korea|Corée du Nord|Nordkorea|Corea del Norte|Corea del Nord|Noord-Korea|КНДР|Северная Корея" },
  { "PK", "Pakistan|Pakistán|Пакистан|Пакистане" },
  { "PS", "Palestine|Palästina|Palestina|Палестина|Палестине" },
  { "PE", "Peru|Pérou|Perú|Перу" },
  { "PH", "Philippines|Philippinen|Filipinas|Filippine|Filipijnen|Филиппины|Филиппинах" },
  { "RU", "Russia|Russian Federation|Russie|Fédération de Russie|Russland|Russische Föderation|Rusia|Federación de Rusia|"
          "Russia|Federazione Russa|Rusland|Russische Federatie|Россия|России|Российская Федерация|Российской Федерации" },
  { "SA", "Saudi Arabia|Arabie saoudite|Saudi-Arabien|Arabia Saudí|Arabia Saudita|Saoedi-Arabië|Саудовская Аравия|"
          "Саудовской Аравии" },
  { "SD", "Sudan|Soudan|Soedan|Судан|Судане" },
  { "SY", "Syria|Syrie|Syrien|Siria|Syrië|Сирия|Сирии" },
  { "TJ", "Tajikistan|Tadjikistan|Tadschikistan|Tayikistán|Tagikistan|Tadzjikistan|Таджикистан|Таджикистане|"
          "Таджикистана" },
  { "TZ", "Tanzania|Tanzanie|Tansania|Танзания|Танзании" },
  { "TH", "Thailand|Thaïlande|Tailandia|Thailandia|Таиланд|Таиланде" },
  { "TN", "Tunisia|Tunisie|Tunesien|Túnez|Tunesië|Тунис|Тунисе" },
  { "TR", "Turkey|Türkiye|Turquie|Türkei|Turquía|Turchia|Turkije|Турция|Турции" },
  { "TM", "Turkmenistan|Turkménistan|Turkmenistán|Туркменистан|Туркменистане" },
  { "UA", "Ukraine|Ucrania|Ucraina|Oekraïne|Украина|Украине|Украины" },
  { "AE", "United Arab Emirates|UAE|Émirats arabes unis|Vereinigte Arabische Emirate|Emiratos Árabes Unidos|"
          "Emirati Arabi Uniti|Verenigde Arabische Emiraten|ОАЭ|Объединённые Арабские Эмираты" },
  { "US", "United States|USA|États-Unis|Vereinigte Staaten|Estados Unidos|Stati Uniti|Verenigde Staten|США" },
  { "UZ", "Uzbekistan|Ouzbékistan|Usbekistan|Uzbekistán|Oezbekistan|Узбекистан|Узбекистане|Узбекистана" },
  { "VE", "Venezuela|Венесуэла|Венесуэле" },
  { "VN", "Viet Nam|Vietnam|Viêt Nam|Вьетнам|Вьетнаме" },
  { "YE", "Yemen|Yémen|Jemen|Йемен|Йемене" },
  { "ZW", "Zimbabwe|Simbabwe|Zimbabue|Зимбабве" },
};

typedef struct
{
  GRegex     *regex;
  GHashTable *codes;  /* casefolded name -> code */
} CountryTable;

static int
compare_length_desc (gconstpointer a,
                     gconstpointer b)
{
  return (int) strlen (*(const char **) b) - (int) strlen (*(const char **) a);
}

static const CountryTable *
country_table (void)
{
  static CountryTable *table;

  if (g_once_init_enter_pointer (&table))
    {
      CountryTable *built = g_new0 (CountryTable, 1);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) pattern = g_string_new ("(?<![\\p{L}\\d])(?:");
      g_autoptr(GError) error = NULL;

      built->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        {
          g_auto(GStrv) split = g_strsplit (countries[i].names, "|", -1);

          for (guint j = 0; split[j] != NULL; j++)
            {
              char *folded = g_utf8_casefold (split[j], -1);

              if (g_hash_table_contains (built->codes, folded))
                {
                  g_free (folded);
                  continue;
                }
              g_hash_table_insert (built->codes, folded, (gpointer) countries[i].code);
              g_ptr_array_add (names, g_regex_escape_string (split[j], -1));
            }
        }
      g_ptr_array_sort (names, compare_length_desc);
      for (guint i = 0; i < names->len; i++)
        g_string_append_printf (pattern, "%s%s", i > 0 ? "|" : "", (const char *) g_ptr_array_index (names, i));
      g_string_append (pattern, ")(?![\\p{L}\\d])");
      /* Compiled to machine code like extract_regex() does, unless the
       * memcheck run turns that off. */
      built->regex = g_regex_new (pattern->str,
                                  G_REGEX_CASELESS | (g_getenv ("ASKAROV_NO_REGEX_JIT") == NULL ? G_REGEX_OPTIMIZE : 0),
                                  0, &error);
      if (built->regex == NULL)
        g_error ("Bad country pattern: %s", error->message);
      g_once_init_leave_pointer (&table, built);
    }
  return table;
}

static const char *
country_code (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_hash_table_lookup (country_table ()->codes, folded);
}

gboolean
extract_is_country_name (const char *line)
{
  g_autoptr(GMatchInfo) match = NULL;
  int start, end;

  if (!g_regex_match (country_table ()->regex, line, 0, &match))
    return FALSE;
  g_match_info_fetch_pos (match, 0, &start, &end);
  return start == 0 && line[end] == '\0';
}

gboolean
extract_has_country_name (const char *s)
{
  return g_regex_match (country_table ()->regex, s, 0, NULL);
}

/* Lines that name a country without being about it: the section's own
 * address and name, embassies to send copies to. */
static gboolean
is_foreign_line (const char *line)
{
  static GRegex *regex;

  return g_regex_match (extract_regex (&regex, "amnesty|amnistía|embass|ambassad|botschaft|embajada|ambasciata|"
                                               "посольств|copies|copie|kopie|copia|копи",
                                       G_REGEX_CASELESS),
                        line, 0, NULL);
}

char *
extract_country (const ExtractText *text)
{
  static GRegex *labelled;
  const CountryTable *table = country_table ();
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) scores = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_score = 0;
  guint non_empty = 0;

  /* "(Country: UA 61.20)", "Country: Azerbaijan", "Pays : Turquie". */
  g_regex_match (extract_regex (&labelled, "\\((?<a>[^():\\n]{3,40}):\\s*(?:UA|AU)\\b|"
                                           "(?:country|pays|land|país|paese|страна)\\s*:\\s*(?<b>[^\\n,;·|]{3,40})",
                                G_REGEX_CASELESS),
                 text->flat, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *a = g_match_info_fetch_named (match, "a");
      g_autofree char *b = g_match_info_fetch_named (match, "b");
      const char *name = a != NULL && *a != '\0' ? a : b;
      g_autoptr(GMatchInfo) inner = NULL;

      if (name != NULL && g_regex_match (table->regex, name, 0, &inner))
        {
          g_autofree char *found = g_match_info_fetch (inner, 0);
          const char *code = country_code (found);

          if (code != NULL)
            return g_strdup (code);
        }
    }

  /* Otherwise the country named most, counting the head (title, reference
   * line) five times. */
  for (guint i = 0; i < text->n_lines; i++)
    {
      const char *line = text->lines[i];
      g_autoptr(GMatchInfo) found = NULL;
      gboolean head;

      if (*line == '\0')
        continue;
      head = non_empty++ < 12;
      if (is_foreign_line (line))
        continue;
      g_regex_match (table->regex, line, 0, &found);
      for (; g_match_info_matches (found); g_match_info_next (found, NULL))
        {
          g_autofree char *name = g_match_info_fetch (found, 0);
          const char *code = country_code (name);
          guint score;

          if (code == NULL)
            continue;
          score = GPOINTER_TO_UINT (g_hash_table_lookup (scores, code)) + (head ? 5 : 1);
          g_hash_table_insert (scores, (gpointer) code, GUINT_TO_POINTER (score));
          if (score > best_score)
            {
              best_score = score;
              best = code;
            }
        }
    }
  return g_strdup (best);
}

/* The country part of Amnesty's document index ("EUR 58/016/2010" is
 * Kyrgyzstan), for an Urgent Action that names no country in words. */
static const struct
{
  const char *prefix;
  const char *code;
} index_countries[] = {
  { "EUR 44", "TR" }, { "EUR 46", "RU" }, { "EUR 49", "BY" }, { "EUR 50", "UA" }, { "EUR 55", "AZ" },
  { "EUR 57", "KZ" }, { "EUR 58", "KG" }, { "EUR 60", "TJ" }, { "EUR 62", "UZ" },
  { "MDE 11", "BH" }, { "MDE 12", "EG" }, { "MDE 13", "IR" }, { "MDE 14", "IQ" }, { "MDE 23", "SA" },
  { "MDE 24", "SY" }, { "MDE 29", "MA" }, { "MDE 31", "YE" },
  { "AMR 19", "BR" }, { "AMR 23", "CO" }, { "AMR 25", "CU" }, { "AMR 34", "GT" }, { "AMR 37", "HN" },
  { "AMR 41", "MX" }, { "AMR 51", "US" }, { "AMR 53", "VE" },
  { "ASA 16", "MM" }, { "ASA 17", "CN" }, { "ASA 20", "IN" }, { "ASA 21", "ID" }, { "ASA 23", "KH" },
  { "ASA 33", "PK" }, { "ASA 35", "PH" }, { "ASA 39", "TH" }, { "ASA 41", "VN" },
  { "AFR 25", "ET" }, { "AFR 44", "NG" }, { "AFR 46", "ZW" }, { "AFR 54", "SD" }, { "AFR 56", "TZ" },
  { "AFR 62", "CD" }, { "AFR 64", "ER" },
};

char *
extract_country_from_index (const char *index)
{
  if (index == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (index_countries); i++)
    if (g_str_has_prefix (index, index_countries[i].prefix) && index[6] == '/')
      return g_strdup (index_countries[i].code);
  return NULL;
}

/* Words frequent in one of the sections' languages and rare in the others. */
static const struct
{
  const char *code;
  const char *words;  /* space-separated, lower case */
} stop_words[] = {
  { "en", " the and of to is was that with his her has for on are have been this from " },
  { "fr", " le les des et est une du pour dans qui sur sa son au été il elle ne pas avec aux " },
  { "de", " der die das und ist nicht mit sie den dem von zu wurde seit ein eine im auf sich bitte " },
  { "es", " el los las del y por para con su fue ha se al sus está " },
  { "it", " il della di che è per gli dei delle sono stato alla nel ed è ha non " },
  { "nl", " het een van niet op zijn voor dat met werd hij zij naar wordt ook bij er geen heeft aan uit om te "
          "door sinds nog haar hem iedereen " },
};

char *
extract_document_language (const ExtractText *text)
{
  guint counts[G_N_ELEMENTS (stop_words)] = { 0 };
  guint cyrillic = 0, latin = 0;
  GString *word = g_string_new (NULL);
  guint best = 0;

  for (const char *p = text->flat;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalpha (c))
        {
          if (c >= 0x400 && c < 0x530)
            cyrillic++;
          else if (c < 0x250)
            latin++;
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }
      if (word->len > 0 && word->len < 12)
        {
          g_autofree char *padded = g_strconcat (" ", word->str, " ", NULL);

          for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
            if (strstr (stop_words[i].words, padded) != NULL)
              counts[i]++;
        }
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);

  if (cyrillic > latin)
    return g_strdup ("ru");
  for (guint i = 1; i < G_N_ELEMENTS (stop_words); i++)
    if (counts[i] > counts[best])
      best = i;
  return counts[best] >= 2 ? g_strdup (stop_words[best].code) : NULL;
}

/* What an outcome announces, most definite first, in every section's language. */
static const struct
{
  const char *state;
  const char *pattern;
} outcome_patterns[] = {
  { "died", "\\bdied\\b|\\bpassed away|death in (?:custody|prison|detention)|est (?:décédée?|morte?)\\b|"
            "\\bdécès\\b|ist (?:\\w+ )?(?:gestorben|verstorben)|\\bstarb\\b|\\bfalleci[óo]\\b|\\bmuri[óo]\\b|"
            "è (?:morto|morta|deceduto|deceduta)\\b|is overleden|\\boverleed\\b|скончал(?:ся|ась)|\\bумер(?:ла)?\\b|"
            "\\bпогиб(?:ла)?\\b" },
  { "released", "\\b(?:was|were|has been|have been|had been|is now|are now)\\s+(?:\\w+\\s+)?(?:released|freed)\\b|"
                "\\bfreed\\b|\\bwalked (?:out|free)\\b|\\breleased from (?:prison|custody|detention|jail)|"
                "\\bfreigelassen\\b|\\bfreigekommen\\b|\\bentlassen\\b|\\blibérée?s?\\b|remise? en liberté|"
                "\\bliberad[oa]s?\\b|puest[oa]s? en libertad|\\b(?:qued[óo]|quedaron|sali[óo]|salieron) en libertad|"
                "\\bauf freien Fuß|\\b(?:torna(?:to|ta)|è) in libertà|\\bop vrije voeten|\\bна свобод[еу]\\b|"
                "\\b(?:rilasciat|scarcerat|liberat)[oaie]\\b|"
                "\\bvrijgelaten\\b|\\bосвобожд[её]н[аы]?\\b|вышл[аи]? на свободу|вышел на свободу" },
  { "charges-dropped", "\\b(?:dropped|withdrew|withdrawn)\\s+(?:all\\s+)?(?:the\\s+)?charges\\b|"
                       "\\bcharges\\b[^.\\n]{0,60}?\\b(?:dropped|withdrawn)\\b|"
                       "\\bacquitted\\b|Anklage\\w*\\s+(?:\\w+\\s+){0,3}(?:fallen gelassen|fallengelassen|eingestellt)|"
                       "\\bfreigesprochen\\b|abandonn\\w+ (?:les |toutes les )?(?:poursuites|charges|accusations)|"
                       "\\bacquittée?\\b|retir\\w+ (?:todos )?los cargos|\\babsuelt[oa]\\b|"
                       "ritirat\\w+ (?:tutte )?le accuse|\\bassolt[oa]\\b|aanklacht\\w*\\s+(?:\\w+\\s+)?ingetrokken|"
                       "vrijgesproken|обвинени\\w+ (?:\\w+ )?снят\\w*|сняли (?:все )?обвинения|\\bоправдан\\w*" },
  { "good-news", "good news|gute nachrichten?|bonnes? nouvelles?|buenas? noticias?|buone notizie|goed nieuws|"
                 "хорош\\w+ новост\\w+" },
  { "no-further-action", "no further (?:appeals?|action)|ua (?:is )?closed|aucune action (?:complémentaire )?n['’]est|"
                         "keine weiteren (?:Appelle|Aktionen|Briefe)|weitere Appelle sind nicht|"
                         "no (?:se )?(?:requieren|necesitan|son necesari[oa]s) más|"
                         "non (?:sono|è) (?:più )?necessari[ea]? (?:ulteriori|altr[ei])|nessuna ulteriore azione|"
                         "geen verdere actie|geen acties meer|больше не (?:нужн|требу)\\w+|"
                         "дальнейших действий не требуется" },
};

/* A date in the sentence around [@start, @end): after it first ("released on
 * 3 May 2021", "died in custody on 25 July 2020"), else before it ("Sie wurde
 * am 1. August freigelassen"). "1. Mai" keeps its dot. */
static char *
date_near (const ExtractText *text,
           int                start,
           int                end,
           int                default_year)
{
  const char *limit = text->flat + end;
  const char *from = text->flat + start;
  const char *date_end;
  char *found;

  for (guint n = 0; *limit != '\0' && n < 100; limit++, n++)
    if (*limit == '\n' || (*limit == '.' && limit[1] == ' ' && !g_ascii_isdigit (limit[-1])))
      break;
  found = extract_find_date (text->flat + end, limit, default_year, NULL, NULL);
  if (found != NULL)
    return found;

  for (guint n = 0; from > text->flat && n < 100; from--, n++)
    if (from[-1] == '\n' || (from[-1] == ' ' && from - 1 > text->flat && from[-2] == '.'
                              && from - 2 > text->flat && !g_ascii_isdigit (from[-3])))
      break;
  while (from < text->flat + start)
    {
      char *date = extract_find_date (from, text->flat + start, default_year, NULL, &date_end);

      if (date == NULL)
        break;
      g_free (found);
      found = date;
      from = date_end;
    }
  return found;
}

char *
extract_outcome (const ExtractText *text,
                 const char        *issued,
                 char             **outcome_date)
{
  static GRegex *regexes[G_N_ELEMENTS (outcome_patterns)];
  int default_year = issued != NULL ? atoi (issued) : 0;

  *outcome_date = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (outcome_patterns); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_regex_match (extract_regex (&regexes[i], outcome_patterns[i].pattern, G_REGEX_CASELESS),
                          text->flat, 0, &match))
        continue;
      /* The headline says it without a date; the text then says when. */
      for (guint n = 0; g_match_info_matches (match) && *outcome_date == NULL && n < 10;
           g_match_info_next (match, NULL), n++)
        {
          int start, end;

          g_match_info_fetch_pos (match, 0, &start, &end);
          *outcome_date = date_near (text, start, end, default_year);
        }
      if (*outcome_date != NULL && issued != NULL && strcmp (*outcome_date, issued) > 0
          && strncmp (*outcome_date, issued, 4) == 0)
        {
          /* A day and month without a year, later than the issue date, were last year. */
          g_autofree char *later = *outcome_date;

          *outcome_date = g_strdup_printf ("%04d%s", default_year - 1, later + 4);
        }
      return g_strdup (outcome_patterns[i].state);
    }
  return g_strdup ("ended");
}

/* Headings that name only the kind of document or the site, not the case. */
static gboolean
is_generic_title (const char *title)
{
  static GRegex *regex;

  return g_regex_match (extract_regex (&regex, "^(?:urgent actions?|action urgente|actions urgentes|eilaktion(?:en)?|"
                                               "urgent action network|acci[oó]n(?:es)? urgentes?|azion[ei] urgent[ei]|"
                                               "urgente acties?|срочн\\w+ акци\\w+|update|outcome|"
                                               "amnesty international(?: [\\p{L}]+)?)$",
                                       G_REGEX_CASELESS),
                        title, 0, NULL);
}

/* TRUE for lines that cannot be a headline: links, breadcrumbs ("Home > Act >
 * Urgent actions", "date 2018-12-06 Expand …"), the site's own name. */
gboolean
extract_is_not_title (const char *line)
{
  static GRegex *regex;
  guint separators = 0;

  if (g_regex_match (extract_regex (&regex, "^(?:https?:|www\\.|date\\s+\\d{4}-|amnesty international\\b|"
                                            "amnist[ií]a internacional\\b|microsoft word\\b)|https?://|\\bexpand\\b|"
                                            "\\bskip to\\b|\\.(?:docx?|pdf|odt|rtf|html?)$",
                                    G_REGEX_CASELESS),
                     line, 0, NULL))
    return TRUE;
  for (const char *p = line; *p != '\0'; p++)
    if ((p[0] == ' ' && p[1] != '\0' && strchr ("|>/·", p[1]) != NULL && p[2] == ' ')
        || g_str_has_prefix (p, " › ") || g_str_has_prefix (p, " — ") || g_str_has_prefix (p, " » "))
      separators++;
  return separators >= 2;
}

/* "Urgent Action Update: Rapper still held (Cuba: UA 54.20) - Amnesty
 * International USA" -> "Rapper still held". NULL when nothing specific is left. */
char *
extract_clean_title (const char *raw)
{
  static GRegex *prefix_regex, *suffix_regex, *site_regex;
  g_autofree char *title = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *unsited = NULL;

  if (raw == NULL)
    return NULL;
  title = g_strstrip (g_strdup (raw));
  if (*title == '\0' || extract_is_not_title (title))
    return NULL;

  unsited = g_regex_replace_literal (extract_regex (&site_regex, "\\s+[-|–—·]\\s+(?:amnesty|amnist)[^-|–—·]*$",
                                                    G_REGEX_CASELESS),
                                     title, -1, 0, "", 0, NULL);
  stripped = g_regex_replace_literal (extract_regex (&prefix_regex,
                                                     "^(?:urgent action|action urgente|eilaktion|"
                                                     "acci[oó]n urgente|azione urgente|urgente actie|срочная акция|UA|AU|"
                                                     "update|mise à jour|aktualisierung|actualización|aggiornamento|"
                                                     "обновление|outcome)"
                                                     "(?:\\s*[–—-]?\\s*(?:update|outcome|further information|mise à jour|"
                                                     "complément d['’]information|résultat|ergebnis|aktualisierung|"
                                                     "actualización|aggiornamento|обновление))?\\s*[:–—-]\\s+"
                                                     "(?:(?:good news|gute nachrichten|bonnes nouvelles|buenas noticias|"
                                                     "buone notizie|goed nieuws|хорошие новости)\\s*[:–—-]\\s+)?",
                                                     G_REGEX_CASELESS),
                                      unsited, -1, 0, "", 0, NULL);
  g_free (title);
  /* "UA 219/06 Fear for safety": the number is not part of the headline. */
  {
    static GRegex *number_regex;
    char *unnumbered = g_regex_replace_literal (extract_regex (&number_regex, "^(?:UA|AU|СА)\\s*:?\\s*\\d{1,3}[./]\\d{2,4}\\s+",
                                                               0),
                                                stripped, -1, 0, "", 0, NULL);

    g_free (stripped);
    stripped = unnumbered;
  }
  title = g_regex_replace_literal (extract_regex (&suffix_regex, "\\s*\\([^()]*\\b(?:UA|AU)\\s*\\d[^()]*\\)\\s*$",
                                                  G_REGEX_CASELESS),
                                   stripped, -1, 0, "", 0, NULL);
  g_strstrip (title);
  /* "UA 87/19", "mde130912019en": a number or a file's name is no headline. */
  if (g_utf8_strlen (title, -1) < 4 || strchr (title, ' ') == NULL || is_generic_title (title)
      || g_regex_match_simple ("^(?:UA|AU|FU|СА)?[\\s:]*\\d{1,3}[./]\\d{2,4}$", title, 0, 0))
    return NULL;
  return g_steal_pointer (&title);
}
