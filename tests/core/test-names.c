/* test-names.c — officials' names in a letter's script: transliteration, initials and the dative, rule by rule.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "askarov-names.h"

typedef struct
{
  const char *in;
  const char *language;
  const char *out;
} Case;

static void
check_script (const Case *cases,
              gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *out = askarov_names_to_script (cases[i].in, cases[i].language);

      g_test_message ("%s [%s] -> %s", cases[i].in, cases[i].language, out);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_latin_to_russian (void)
{
  static const Case cases[] = {
    { "Sooronbay Jeenbekov", "ru", "Сооронбай Жээнбеков" },      /* y after a vowel й, j ж, ee ээ */
    { "Azimjan Askarov", "ru", "Азимжан Аскаров" },
    { "Kubatbek Baibolov", "ru", "Кубатбек Байболов" },          /* i between a vowel and a consonant й */
    { "Roza Otunbaeva", "ru", "Роза Отунбаева" },                /* e after a vowel stays е (-аев) */
    { "Kurmanbek Bakiev", "ru", "Курманбек Бакиев" },
    { "Zhanyl Khasanova", "ru", "Жаныл Хасанова" },              /* zh ж, kh х, y after a consonant ы */
    { "Shavkat Chyngyshev", "ru", "Шавкат Чынгышев" },           /* sh ш, ch ч */
    { "Yuliya Tsoy", "ru", "Юлия Цой" },                         /* yu ю, ya я, ts ц, final y й */
    { "Yevgeniy Mirziyoyev", "ru", "Евгений Мирзиёев" },         /* ye е, iy ий at the end, yo ё */
    { "Erkin Shchukin", "ru", "Эркин Щукин" },                   /* initial e э, shch щ */
    { "Mikhail Yakovlev", "ru", "Михаил Яковлев" },              /* -ail stays аил */
    { "ASKAROV", "ru", "АСКАРОВ" },                              /* capitals stay capitals */
    { "Азимжан Аскаров", "ru", "Азимжан Аскаров" },              /* already Cyrillic: a copy */
  };

  check_script (cases, G_N_ELEMENTS (cases));
}

static void
test_latin_to_kyrgyz (void)
{
  static const Case cases[] = {
    { "Sooronbay Jeenbekov", "ky", "Сооронбай Жээнбеков" },
    { "Ömürbek Tekebaev", "ky", "Өмүрбек Текебаев" },            /* ö ө, ü ү */
    { "Tengbek Bolotbekov", "ky", "Теңбек Болотбеков" },         /* ng before a consonant or at the end ң */
    { "Tengiz Kang", "ky", "Тенгиз Каң" },                       /* before a vowel it stays нг */
    { "Ömürbek Tekebaev", "ru", "Омурбек Текебаев" },            /* Russian writes о and у */
  };

  check_script (cases, G_N_ELEMENTS (cases));
}

static void
test_latin_to_ukrainian (void)
{
  static const Case cases[] = {
    { "Volodymyr Zelenskyi", "uk", "Володимир Зеленський" },     /* y и, skyi ський */
    { "Hryhoriy Kvitka", "uk", "Григорій Квітка" },              /* h г, i і, iy ій */
    { "Yevhen Shevchenko", "uk", "Євген Шевченко" },             /* ye є */
    { "Sooronbay Jeenbekov", "uk", "Сооронбай Жеенбеков" },      /* no э in Ukrainian */
  };

  check_script (cases, G_N_ELEMENTS (cases));
}

static void
test_cyrillic_to_latin (void)
{
  static const Case cases[] = {
    { "Сооронбай Шарипович Жээнбеков", "uz", "Sooronbay Sharipovich Jeenbekov" },   /* ж j */
    { "Шавкат Мирзиёев", "uz", "Shavkat Mirziyoyev" },
    { "Ўктам Ғуломов", "uz", "Oʻktam Gʻulomov" },                /* ў oʻ, ғ gʻ */
    { "Хасан Қодиров", "uz", "Xasan Qodirov" },                  /* х x, қ q */
    { "Сооронбай Жээнбеков", "en", "Sooronbay Zheenbekov" },     /* BGN/PCGN-like: ж zh */
    { "Юлия Цой", "de", "Yuliya Tsoy" },
    { "Евгений Васильев", "fr", "Yevgeniy Vasilyev" },           /* е ye initially and after ь */
    { "Өмүрбек Текебаев", "es", "Ömürbek Tekebayev" },            /* Kyrgyz letters, е ye after a vowel */
    { "Віталій Кличко", "en", "Vitalii Klychko" },               /* a Ukrainian name: the national scheme */
    { "Олексій Резніков", "de", "Oleksii Reznikov" },
    { "Sooronbay Jeenbekov", "de", "Sooronbay Jeenbekov" },      /* already Latin: a copy */
  };

  check_script (cases, G_N_ELEMENTS (cases));
}

static void
test_script (void)
{
  g_assert_cmpstr (askarov_names_get_script ("ru"), ==, "Cyrl");
  g_assert_cmpstr (askarov_names_get_script ("uk"), ==, "Cyrl");
  g_assert_cmpstr (askarov_names_get_script ("uz-Cyrl"), ==, "Cyrl");
  g_assert_cmpstr (askarov_names_get_script ("uz"), ==, "Latn");
  g_assert_cmpstr (askarov_names_get_script ("pl"), ==, "Latn");
  g_assert_true (askarov_names_is_in_script ("С. Ш. Жээнбеков", "ky"));
  g_assert_false (askarov_names_is_in_script ("Sooronbay Жээнбеков", "ky"));
  g_assert_true (askarov_names_is_in_script ("Oʻktam Gʻulomov", "uz"));
  g_assert_false (askarov_names_is_in_script ("Жээнбеков", "uz"));

  {
    g_autofree char *cyrl = askarov_names_to_script ("Oʻktam Gʻulomov", "uz-Cyrl");

    g_assert_cmpstr (cyrl, ==, "Ўктам Ғуломов");
  }
}

static void
test_initials (void)
{
  static const struct { const char *in; guint max; const char *out; } cases[] = {
    { "Сооронбай Шарипович Жээнбеков", 0, "С. Ш. Жээнбеков" },
    { "Жээнбеков Сооронбай Шарипович", 0, "С. Ш. Жээнбеков" },   /* surname first before a patronymic */
    { "Жээнбеков С. Ш.", 0, "С. Ш. Жээнбеков" },
    { "Sooronbay Sharipovich Jeenbekov", 1, "S. Jeenbekov" },
    { "Shavkat Miromonovich Mirziyoyev", 0, "Sh. M. Mirziyoyev" },   /* an Uzbek digraph makes the initial */
    { "Азимжан Аскаров", 0, "А. Аскаров" },
    { "Аскаров", 0, "Аскаров" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = askarov_names_initials (cases[i].in, cases[i].max);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_true (askarov_names_is_patronymic ("Шарипович"));
  g_assert_true (askarov_names_is_patronymic ("Isakovna"));
  g_assert_true (askarov_names_is_patronymic ("уулу"));
  g_assert_false (askarov_names_is_patronymic ("Жээнбеков"));
  g_assert_false (askarov_names_is_patronymic ("Азимжан"));
}

typedef struct
{
  const char         *in;
  const char         *language;
  AskarovAddressForm  form;
  const char         *out;
} DativeCase;

#define MAN ASKAROV_ADDRESS_FORM_MAN
#define WOMAN ASKAROV_ADDRESS_FORM_WOMAN
#define UNKNOWN ASKAROV_ADDRESS_FORM_UNKNOWN

static void
check_dative (const DativeCase *cases,
              gsize             n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *out = askarov_names_dative (cases[i].in, cases[i].language, cases[i].form);

      g_test_message ("%s [%s] -> %s", cases[i].in, cases[i].language, out);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_dative_russian (void)
{
  static const DativeCase cases[] = {
    { "С. Ш. Жээнбеков", "ru", MAN, "С. Ш. Жээнбекову" },              /* -ов +у */
    { "К. Бакиев", "ru", MAN, "К. Бакиеву" },                          /* -ев +у */
    { "В. Путин", "ru", MAN, "В. Путину" },                            /* -ин +у */
    { "Р. И. Отунбаева", "ru", WOMAN, "Р. И. Отунбаевой" },            /* -ева -евой */
    { "А. Иванова", "ru", WOMAN, "А. Ивановой" },                      /* -ова -овой */
    { "Н. Путина", "ru", WOMAN, "Н. Путиной" },                        /* -ина -иной */
    { "Ф. Достоевский", "ru", MAN, "Ф. Достоевскому" },                /* -ский -скому */
    { "Е. Вишневская", "ru", WOMAN, "Е. Вишневской" },                 /* -ская -ской */
    { "Л. Толстой", "ru", MAN, "Л. Толстому" },                        /* -ой -ому */
    { "Т. Шевченко", "ru", MAN, "Т. Шевченко" },                       /* -о indeclinable */
    { "В. Гёте", "ru", MAN, "В. Гёте" },                               /* -е */
    { "Д. Черных", "ru", MAN, "Д. Черных" },                           /* -ых */
    { "Д. Седых", "ru", WOMAN, "Д. Седых" },
    { "А. Шмидт", "ru", WOMAN, "А. Шмидт" },                           /* a woman's consonant-final surname */
    { "А. Шмидт", "ru", MAN, "А. Шмидту" },                            /* a man's takes -у */
    { "Б. Окуджава", "ru", MAN, "Б. Окуджаве" },                       /* -а -е */
    { "Сооронбай Шарипович Жээнбеков", "ru", MAN, "Сооронбаю Шариповичу Жээнбекову" },
    { "Роза Исаковна Отунбаева", "ru", WOMAN, "Розе Исаковне Отунбаевой" },
    { "Жээнбеков Сооронбай Шарипович", "ru", MAN, "Жээнбекову Сооронбаю Шариповичу" },
    { "Азимжан Аскаров", "ru", UNKNOWN, "Азимжану Аскарову" },          /* the ending tells the sex */
    { "Ким Чен", "ru", UNKNOWN, "Ким Чен" },                           /* it does not: left as written */
    { "Sooronbay Jeenbekov", "ru", MAN, "Sooronbay Jeenbekov" },       /* not in the script: not declined */
    { "Петров-Водкин", "ru", MAN, "Петрову-Водкину" },
  };

  check_dative (cases, G_N_ELEMENTS (cases));
}

static void
test_dative_ukrainian (void)
{
  static const DativeCase cases[] = {
    { "В. Зеленський", "uk", MAN, "В. Зеленському" },                 /* -ський -ському */
    { "Ю. Тимошенко", "uk", WOMAN, "Ю. Тимошенко" },                  /* a woman's -о: indeclinable */
    { "Т. Шевченко", "uk", MAN, "Т. Шевченку" },                      /* a man's -ко declines */
    { "С. Жеенбеков", "uk", MAN, "С. Жеенбекову" },
    { "О. Іванова", "uk", WOMAN, "О. Івановій" },                     /* -ова -овій */
    { "Л. Українка", "uk", WOMAN, "Л. Українці" },                    /* -ка -ці */
    { "Володимир Олександрович Зеленський", "uk", MAN, "Володимиру Олександровичу Зеленському" },
    { "Олена Іванівна Шевченко", "uk", WOMAN, "Олені Іванівні Шевченко" },
  };

  check_dative (cases, G_N_ELEMENTS (cases));
}

static void
test_dative_kyrgyz (void)
{
  static const DativeCase cases[] = {
    { "С. Ш. Жээнбеков", "ky", MAN, "С. Ш. Жээнбековго" },            /* о, voiced: -го */
    { "Р. Отунбаева", "ky", WOMAN, "Р. Отунбаевага" },                 /* а, a vowel: -га */
    { "А. Аскаров", "ky", UNKNOWN, "А. Аскаровго" },
    { "Т. Бишкек", "ky", UNKNOWN, "Т. Бишкекке" },                     /* е, voiceless: -ке */
    { "Н. Ат", "ky", UNKNOWN, "Н. Атка" },                             /* а, voiceless: -ка */
    { "Б. Мамыт", "ky", UNKNOWN, "Б. Мамытка" },                       /* ы: -ка */
    { "А. Өмүрбек", "ky", UNKNOWN, "А. Өмүрбекке" },                   /* е last: -ке */
    { "К. Төлөгөн", "ky", UNKNOWN, "К. Төлөгөнгө" },                   /* ө: -гө */
    { "К. Түлкү", "ky", UNKNOWN, "К. Түлкүгө" },                       /* ү: -гө */
    { "С. Болот", "ky", UNKNOWN, "С. Болотко" },                       /* о, voiceless: -ко */
    { "С. Эшим", "ky", UNKNOWN, "С. Эшимге" },                         /* и: -ге */
  };

  check_dative (cases, G_N_ELEMENTS (cases));
}

static void
test_dative_uzbek (void)
{
  static const DativeCase cases[] = {
    { "S. Jeenbekov", "uz", MAN, "S. Jeenbekovga" },
    { "R. Otunbaeva", "uz", WOMAN, "R. Otunbaevaga" },
    { "A. Tojik", "uz", UNKNOWN, "A. Tojikka" },                        /* -ka after k */
    { "B. Qishloq", "uz", UNKNOWN, "B. Qishloqqa" },                    /* -qa after q */
    { "С. Жээнбеков", "uz-Cyrl", MAN, "С. Жээнбековга" },
    { "Sooronbay Jeenbekov", "de", MAN, "Sooronbay Jeenbekov" },        /* no dative in German's block */
  };

  check_dative (cases, G_N_ELEMENTS (cases));
}

static void
test_guess_form (void)
{
  g_assert_cmpint (askarov_names_guess_form ("Роза Отунбаева"), ==, WOMAN);
  g_assert_cmpint (askarov_names_guess_form ("Сооронбай Шарипович Жээнбеков"), ==, MAN);
  g_assert_cmpint (askarov_names_guess_form ("Олена Іванівна Шевченко"), ==, WOMAN);
  g_assert_cmpint (askarov_names_guess_form ("Ким Чен"), ==, UNKNOWN);
}

static void
test_bad_input (void)
{
  static const char bad[] = "Ivan \xff\xfe Testov";
  static const char * const languages[] = { "ru", "uk", "ky", "uz", "de", NULL };
  g_autoptr(GString) huge = g_string_new (NULL);

  /* Invalid UTF-8 comes back unchanged, whatever is asked of it. */
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *script = askarov_names_to_script (bad, languages[i]);
      g_autofree char *dative = askarov_names_dative (bad, languages[i], MAN);

      g_assert_cmpstr (script, ==, bad);
      g_assert_cmpstr (dative, ==, bad);
      g_assert_false (askarov_names_is_in_script (bad, languages[i]));
    }
  {
    g_autofree char *initials = askarov_names_initials (bad, 0);
    g_autofree char *dropped = askarov_names_drop_patronymic (bad);

    g_assert_cmpstr (initials, ==, bad);
    g_assert_cmpstr (dropped, ==, bad);
    g_assert_cmpint (askarov_names_guess_form (bad), ==, UNKNOWN);
  }

  /* Empty names and NULL. */
  {
    g_autofree char *empty = askarov_names_to_script ("", "ru");
    g_autofree char *empty_dative = askarov_names_dative ("", "ky", MAN);

    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (empty_dative, ==, "");
    g_assert_null (askarov_names_to_script (NULL, "ru"));
    g_assert_null (askarov_names_dative (NULL, "ru", MAN));
  }

  /* A very long name is handled in one pass. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (huge, "Shchukin ");
  {
    g_autofree char *long_ru = askarov_names_to_script (huge->str, "ru");

    g_assert_true (g_str_has_prefix (long_ru, "Щукин Щукин "));
    g_assert_cmpuint (g_utf8_strlen (long_ru, -1), ==, 20000 * 6);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/names/latin-to-russian", test_latin_to_russian);
  g_test_add_func ("/core/names/latin-to-kyrgyz", test_latin_to_kyrgyz);
  g_test_add_func ("/core/names/latin-to-ukrainian", test_latin_to_ukrainian);
  g_test_add_func ("/core/names/cyrillic-to-latin", test_cyrillic_to_latin);
  g_test_add_func ("/core/names/script", test_script);
  g_test_add_func ("/core/names/initials", test_initials);
  g_test_add_func ("/core/names/dative-russian", test_dative_russian);
  g_test_add_func ("/core/names/dative-ukrainian", test_dative_ukrainian);
  g_test_add_func ("/core/names/dative-kyrgyz", test_dative_kyrgyz);
  g_test_add_func ("/core/names/dative-uzbek", test_dative_uzbek);
  g_test_add_func ("/core/names/guess-form", test_guess_form);
  g_test_add_func ("/core/names/bad-input", test_bad_input);

  return g_test_run ();
}
