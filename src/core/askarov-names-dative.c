/* askarov-names-dative.c — officials' names in the dative: Russian and Ukrainian endings, Kyrgyz and Uzbek suffixes.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-names"

#include "config.h"

#include "askarov-names.h"

#include <string.h>

#include "askarov-names-private.h"

typedef enum
{
  WORD_SURNAME,
  WORD_GIVEN,
  WORD_PATRONYMIC,
} WordKind;

static AskarovAddressForm
guess_word_form (const char *word)
{
  static const char * const woman[] = { "ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ська", "цька",
                                        "єва", "іна", "вна", "чна", "кызы", "қизи",
                                        "ova", "eva", "ina", "skaya", "vna", "kyzy", "qizi", NULL };
  static const char * const man[] = { "ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ський", "цький",
                                      "єв", "ін", "вич", "ьич", "уулу", "оглы", "угли",
                                      "ov", "ev", "in", "skiy", "sky", "vich", "uulu", "ogly", "ugli", NULL };
  g_autofree char *lower = g_utf8_strdown (word, -1);

  if (g_str_has_suffix (lower, "ич") && askarov_names_is_patronymic (lower))
    return ASKAROV_ADDRESS_FORM_MAN;
  for (guint i = 0; woman[i] != NULL; i++)
    if (g_str_has_suffix (lower, woman[i]))
      return ASKAROV_ADDRESS_FORM_WOMAN;
  for (guint i = 0; man[i] != NULL; i++)
    if (g_str_has_suffix (lower, man[i]))
      return ASKAROV_ADDRESS_FORM_MAN;
  return ASKAROV_ADDRESS_FORM_UNKNOWN;
}

AskarovAddressForm
askarov_names_guess_form (const char *name)
{
  g_auto(Parts) parts = { NULL, 0, 0 };
  AskarovAddressForm form = ASKAROV_ADDRESS_FORM_UNKNOWN;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return ASKAROV_ADDRESS_FORM_UNKNOWN;
  _askarov_names_parse_name (name, &parts);
  /* A patronymic tells more surely than a surname ("Шевченко" tells nothing). */
  for (guint i = 0; i < parts.n; i++)
    if (i != parts.surname && askarov_names_is_patronymic (parts.words[i]))
      {
        form = guess_word_form (parts.words[i]);
        if (form != ASKAROV_ADDRESS_FORM_UNKNOWN)
          return form;
      }
  if (parts.surname < parts.n)
    form = guess_word_form (parts.words[parts.surname]);
  return form;
}

/* @word with @cut bytes replaced by @ending. */
static char *
replace_end (const char *word,
             gsize       cut,
             const char *ending)
{
  g_autofree char *stem = g_strndup (word, strlen (word) - cut);

  return g_strconcat (stem, ending, NULL);
}

static gboolean
ends (const char *lower,
      const char *ending)
{
  return g_str_has_suffix (lower, ending) && strlen (lower) > strlen (ending);
}

/* The rules below test lower-case endings and keep the word's own stem, so
 * "ЖЭЭНБЕКОВ" in capitals is left as it is rather than half-declined. */
typedef struct
{
  const char *ending;
  const char *dative;   /* replaces @ending; "=" keeps the word */
} Ending;

/* The endings of one language, by the word's place in the name and the holder's sex. */
typedef struct
{
  const Ending *surname_man;
  const Ending *surname_woman;
  const Ending *given_man;
  const Ending *given_woman;
  const Ending *patronymic;
} DativeRules;

static char *
apply_endings (const char   *word,
               const Ending *table)
{
  for (const Ending *e = table; e->ending != NULL; e++)
    if (ends (word, e->ending))
      {
        if (strcmp (e->dative, "=") == 0)
          return g_strdup (word);
        return replace_end (word, strlen (e->ending), e->dative);
      }
  return NULL;
}

static gboolean
ends_in_consonant (const char *word)
{
  gunichar last = g_utf8_get_char (g_utf8_prev_char (word + strlen (word)));

  return g_unichar_isalpha (last) && !_askarov_names_is_vowel (last) && last != 0x044c && last != 0x0439 && last != 0x044a;
}

/* Russian: a surname in -ов/-ев/-ин/-ын takes -у for a man and -ой for a woman
 * (-ова -> -овой); -ский/-ская -> -скому/-ской; other adjectival -ый/-ий/-ой/-ая
 * likewise; -ых/-их and surnames ending in -о, -е, -и, -у, -ю, -э (foreign or
 * Ukrainian -ко) never change; a woman's surname ending in a consonant never
 * changes, a man's takes -у (-ю after -й/-ь); -а/-я take -е (-ия -> -ии). */
static const Ending ru_surname_man[] = {
  { "ых", "=" }, { "их", "=" }, { "ский", "скому" }, { "цкий", "цкому" }, { "ской", "скому" },
  { "кий", "кому" }, { "гий", "гому" }, { "хий", "хому" }, { "жий", "жему" }, { "ший", "шему" },
  { "чий", "чему" }, { "щий", "щему" }, { "ний", "нему" }, { "ый", "ому" }, { "ой", "ому" },
  { "ий", "ию" }, { "ия", "ии" }, { "й", "ю" }, { "ь", "ю" }, { "а", "е" }, { "я", "е" },
  { "о", "=" }, { "е", "=" }, { "и", "=" }, { "у", "=" }, { "ю", "=" }, { "э", "=" }, { "ы", "=" },
  { NULL, NULL }
};

static const Ending ru_surname_woman[] = {
  { "ых", "=" }, { "их", "=" }, { "ова", "овой" }, { "ева", "евой" }, { "ёва", "ёвой" },
  { "ина", "иной" }, { "ына", "ыной" }, { "ская", "ской" }, { "цкая", "цкой" }, { "яя", "ей" },
  { "ая", "ой" }, { "ия", "ии" }, { "а", "е" }, { "я", "е" },
  { NULL, NULL }
};

static const Ending ru_given_man[] = {
  { "ий", "ию" }, { "ия", "ии" }, { "й", "ю" }, { "ь", "ю" }, { "а", "е" }, { "я", "е" },
  { "о", "=" }, { "е", "=" }, { "и", "=" }, { "у", "=" }, { "ю", "=" }, { "э", "=" },
  { NULL, NULL }
};

static const Ending ru_given_woman[] = {
  { "ия", "ии" }, { "ь", "и" }, { "а", "е" }, { "я", "е" },
  { NULL, NULL }
};

static const Ending ru_patronymic[] = {
  { "уулу", "=" }, { "кызы", "=" }, { "оглы", "=" }, { "ич", "ичу" }, { "на", "не" },
  { NULL, NULL }
};

static const DativeRules ru_rules = {
  ru_surname_man, ru_surname_woman, ru_given_man, ru_given_woman, ru_patronymic
};

/* Ukrainian: as Russian, with Ukrainian endings: -ов/-ев/-ін -> -у for a man,
 * -ова/-ева/-іна -> -овій/-евій/-іній for a woman; -ський/-ська -> -ському/-ській;
 * a man's surname in -о (-енко, -ко) declines to -у (Шевченку), as Ukrainian
 * grammar requires; a woman's surname in -о or a consonant never changes;
 * -а -> -і with к/г/х before it becoming ц/з/с (Квітка -> Квітці), -ія -> -ії.
 * The short dative -у is used throughout, as official addresses do
 * ("Володимиру Зеленському"). */
static const Ending uk_surname_man[] = {
  { "их", "=" }, { "ський", "ському" }, { "цький", "цькому" }, { "ній", "ньому" }, { "ий", "ому" },
  { "ій", "ію" }, { "ія", "ії" }, { "й", "ю" }, { "ь", "ю" }, { "о", "у" },
  { "ка", "ці" }, { "га", "зі" }, { "ха", "сі" }, { "а", "і" }, { "я", "і" },
  { "е", "=" }, { "и", "=" }, { "і", "=" }, { "у", "=" }, { "ю", "=" },
  { NULL, NULL }
};

static const Ending uk_surname_woman[] = {
  { "их", "=" }, { "ська", "ській" }, { "цька", "цькій" }, { "ова", "овій" }, { "ева", "евій" },
  { "єва", "євій" }, { "іна", "іній" }, { "ина", "иній" }, { "їна", "їній" }, { "ія", "ії" },
  { "ка", "ці" }, { "га", "зі" }, { "ха", "сі" }, { "а", "і" }, { "я", "і" },
  { NULL, NULL }
};

static const Ending uk_given_man[] = {
  { "ій", "ію" }, { "й", "ю" }, { "ь", "ю" }, { "о", "у" }, { "а", "і" }, { "я", "і" },
  { NULL, NULL }
};

static const Ending uk_given_woman[] = {
  { "ія", "ії" }, { "ка", "ці" }, { "га", "зі" }, { "ха", "сі" }, { "а", "і" }, { "я", "і" }, { "ь", "і" },
  { NULL, NULL }
};

static const Ending uk_patronymic[] = {
  { "уулу", "=" }, { "кизи", "=" }, { "огли", "=" }, { "ич", "ичу" }, { "на", "ні" },
  { NULL, NULL }
};

static const DativeRules uk_rules = {
  uk_surname_man, uk_surname_woman, uk_given_man, uk_given_woman, uk_patronymic
};

/* One word of a name by @rules; a man's given name or surname ending in a
 * consonant takes -у (the -ов/-ев/-ин surnames among them). */
static char *
dative_word (const char        *word,
             WordKind           kind,
             gboolean           woman,
             const DativeRules *rules)
{
  const Ending *table;
  char *declined;

  if (kind == WORD_PATRONYMIC)
    table = rules->patronymic;
  else if (kind == WORD_GIVEN)
    table = woman ? rules->given_woman : rules->given_man;
  else
    table = woman ? rules->surname_woman : rules->surname_man;
  declined = apply_endings (word, table);
  if (declined == NULL && !woman && kind != WORD_PATRONYMIC && ends_in_consonant (word))
    declined = g_strconcat (word, "у", NULL);
  return declined != NULL ? declined : g_strdup (word);
}

/* Kyrgyz: the dative suffix goes on the last word of the name. Its vowel
 * follows the word's last vowel (а ы я -> а; о у ё ю -> о; е э и -> е;
 * ө ү -> ө), its consonant the last sound (к after a vowel or a voiced
 * consonant is г: -га/-го/-ге/-гө; after a voiceless one к: -ка/-ко/-ке/-кө). */
static char *
ky_dative (const char *name)
{
  gunichar vowel = 0;
  gunichar last = 0;
  const char *suffix;
  gboolean voiceless;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_isalpha (c))
        last = c;
      if (g_utf8_strchr ("аыяоуёюеэиөүі", -1, c) != NULL && c != 0)
        vowel = c;
    }
  if (last == 0 || !_askarov_names_is_cyrillic (last))
    return g_strdup (name);
  voiceless = g_utf8_strchr ("кпстфхцчшщ", -1, last) != NULL;
  switch (vowel)
    {
    case 0x043e: case 0x0443: case 0x0451: case 0x044e:   /* о у ё ю */
      suffix = voiceless ? "ко" : "го";
      break;
    case 0x0435: case 0x044d: case 0x0438: case 0x0456:   /* е э и і */
      suffix = voiceless ? "ке" : "ге";
      break;
    case 0x04e9: case 0x04af:                             /* ө ү */
      suffix = voiceless ? "кө" : "гө";
      break;
    default:
      suffix = voiceless ? "ка" : "га";
      break;
    }
  return g_strconcat (name, suffix, NULL);
}

/* Uzbek: -ga on the last word; -ka after k, -qa after q (and -га/-ка/-қа in Cyrillic). */
static char *
uz_dative (const char *name)
{
  gunichar last = 0;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      last = g_unichar_tolower (g_utf8_get_char (p));
  if (last == 0)
    return g_strdup (name);
  if (_askarov_names_is_cyrillic (last))
    return g_strconcat (name, last == 0x043a ? "ка" : last == 0x049b ? "қа" : "га", NULL);
  return g_strconcat (name, last == 'k' ? "ka" : last == 'q' ? "qa" : "ga", NULL);
}

char *
askarov_names_dative (const char         *name_in_script,
                      const char         *language,
                      AskarovAddressForm  form)
{
  g_auto(Parts) parts = { NULL, 0, 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean uk;
  gboolean woman;

  if (name_in_script == NULL)
    return NULL;
  /* Bad text is left as it is: nothing to decline. */
  if (!g_utf8_validate (name_in_script, -1, NULL))
    return g_strdup (name_in_script);
  if (_askarov_names_language_is (language, "ky"))
    return ky_dative (name_in_script);
  if (_askarov_names_language_is (language, "uz"))
    return uz_dative (name_in_script);
  uk = _askarov_names_language_is (language, "uk");
  if (!(_askarov_names_language_is (language, "ru") || uk) || !askarov_names_is_in_script (name_in_script, language))
    return g_strdup (name_in_script);

  _askarov_names_parse_name (name_in_script, &parts);
  if (form == ASKAROV_ADDRESS_FORM_UNKNOWN)
    form = askarov_names_guess_form (name_in_script);
  /* Not knowing the sex, a name is better left as written than declined wrongly. */
  if (form == ASKAROV_ADDRESS_FORM_UNKNOWN)
    return g_strdup (name_in_script);
  woman = form == ASKAROV_ADDRESS_FORM_WOMAN;
  for (guint i = 0; i < parts.n; i++)
    {
      const char *word = parts.words[i];
      g_autofree char *declined = NULL;
      WordKind kind = i == parts.surname ? WORD_SURNAME
                      : askarov_names_is_patronymic (word) ? WORD_PATRONYMIC : WORD_GIVEN;

      if (_askarov_names_is_initial (word))
        declined = g_strdup (word);
      else if (strchr (word, '-') != NULL && kind == WORD_SURNAME)
        {
          /* Both halves of a double surname decline ("Петров-Водкин" -> "Петрову-Водкину"). */
          g_auto(GStrv) halves = g_strsplit (word, "-", -1);

          for (guint h = 0; halves[h] != NULL; h++)
            {
              g_autofree char *half = dative_word (halves[h], kind, woman, uk ? &uk_rules : &ru_rules);

              g_free (halves[h]);
              halves[h] = g_steal_pointer (&half);
            }
          declined = g_strjoinv ("-", halves);
        }
      else
        declined = dative_word (word, kind, woman, uk ? &uk_rules : &ru_rules);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, declined);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
