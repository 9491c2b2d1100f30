/* askarov-names.h — officials' names as a letter language writes them: script, initials and dative.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "askarov-salutations.h"

G_BEGIN_DECLS

/* "Cyrl" for the languages written in Cyrillic (ru, uk, ky, uz-Cyrl, …),
 * "Latn" for every other language. */
const char         *askarov_names_get_script    (const char         *language);

/* The name as written in @language's script: Latin -> Cyrillic for ru, ky,
 * uk (and uz-Cyrl), Cyrillic -> Latin for uz and the Latin-script languages;
 * a copy when it is already in that script. Rule based (see the .c file for
 * the schemes); the result is a machine transliteration for a person to check. */
char               *askarov_names_to_script     (const char         *name,
                                                 const char         *language);
/* Whether every letter of @name belongs to @language's script. */
gboolean            askarov_names_is_in_script  (const char         *name,
                                                 const char         *language);

/* The name in the dative case for ru, uk (declined by the surname's, given
 * name's and patronymic's endings), ky (-га/-ка/-го/-ко/-ге/-ке/-гө/-кө by
 * vowel harmony on the last word) and uz (-ga, -ka after k, -qa after q);
 * a copy for any other language. @form says the holder's sex; UNKNOWN guesses
 * it from the endings and leaves a name it cannot place as it is. */
char               *askarov_names_dative        (const char         *name_in_script,
                                                 const char         *language,
                                                 AskarovAddressForm  form);

/* "Сооронбай Шарипович Жээнбеков" -> "С. Ш. Жээнбеков"; with @max_initials 1
 * only the first given name's ("S. Jeenbekov"); 0 means all. The surname is
 * the last word, or the first when the name ends with a patronymic
 * ("Жээнбеков Сооронбай Шарипович"). A name of one word is returned as is. */
char               *askarov_names_initials      (const char         *name,
                                                 guint               max_initials);

/* @name without its patronymic ("Sooronbay Sharipovich Jeenbekov" ->
 * "Sooronbay Jeenbekov"), as languages without patronymics write it. */
char               *askarov_names_drop_patronymic (const char       *name);

/* Whether @word is a patronymic ("Шарипович", "Ivanovna", "уулу", "qizi"). */
gboolean            askarov_names_is_patronymic (const char         *word);

/* The holder's sex as the surname's or patronymic's ending tells it
 * ("Отунбаева", "Ivanovna" -> WOMAN), or UNKNOWN. */
AskarovAddressForm  askarov_names_guess_form    (const char         *name);

G_END_DECLS
