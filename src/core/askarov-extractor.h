/* askarov-extractor.h — reads the facts (reference, dates, targets, languages…) out of a document's text.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-facts.h"

G_BEGIN_DECLS

/* Never fails: text with nothing recognisable gives empty facts. Thread-safe. */
AskarovFacts       *askarov_extract                  (const char          *text);
/* The same, with the title the file itself gives (HTML <h1> or <title>, PDF
 * metadata: AskarovImportedText.title), preferred to the text's headline
 * when it names more than "Urgent Action" or the site. */
AskarovFacts       *askarov_extract_with_title       (const char          *text,
                                                      const char          *title_hint);

/* A key equal for the spellings of one person's name ("Azimjan Askarov",
 * "Azimzhan Askarov", "Azimjon Askarov", "Азимжан Аскаров"): see the .c for the
 * folding rules. Returns NULL for an empty name. */
char               *askarov_fold_person_name         (const char          *name);
/* TRUE when two names are probably the same person: equal folded family
 * names, or one typo apart ("Azkarov"), and given names that do not clash. */
gboolean            askarov_person_names_match       (const char          *a,
                                                      const char          *b);
/* TRUE when one word of @person_key (from askarov_fold_person_name()) is
 * @folded_word or one typo from it: search uses it to see that a typed
 * word ("Azimzhan", folded) names a case's person. */
gboolean            askarov_person_key_has_word      (const char          *person_key,
                                                      const char          *folded_word);

G_END_DECLS
