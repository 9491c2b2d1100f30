/* askarov-names-private.h — what the names files share: a name's words and the letter classes.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words of a name and which of them is the surname. */
typedef struct
{
  GStrv  words;
  guint  n;
  guint  surname;   /* index; n when there is none */
} Parts;

static inline void
_askarov_names_parts_clear (Parts *parts)
{
  g_strfreev (parts->words);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parts, _askarov_names_parts_clear)

gboolean _askarov_names_is_cyrillic (gunichar    c);
gboolean _askarov_names_is_vowel    (gunichar    c);
gboolean _askarov_names_is_initial  (const char *word);
/* "uz-Cyrl" is @language "uz". */
gboolean _askarov_names_language_is (const char *language,
                                     const char *base);
/* Splits @name into words and finds the surname: the last word, or the
 * first when the name ends with a patronymic or initials. */
void     _askarov_names_parse_name  (const char *name,
                                     Parts      *parts);

G_END_DECLS
