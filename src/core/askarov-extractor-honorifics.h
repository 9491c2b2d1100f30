/* askarov-extractor-honorifics.h — honorifics, pronouns and salutations that tell how to address an official.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes every honorific at the start of @line ("Her Excellency Ms",
 * "S. E. Herrn", "г-жа", "Dhr.", "Sig.ra"…) and returns the rest, newly
 * allocated. @form receives "man", "woman" or NULL (an honorific such as
 * "H.E." or "Dr" tells no sex); @had_honorific whether anything was removed.
 * Ranks ("Ambassador", "Minister") are not honorifics: they stay. */
char       *extract_strip_honorifics       (const char  *line,
                                            const char **form,
                                            gboolean    *had_honorific);
/* Removes pronouns given after a name ("Lena Marsh (she/her)") and returns
 * the rest, newly allocated; @form receives "man", "woman" or NULL. */
char       *extract_strip_pronouns         (const char  *line,
                                            const char **form);
/* "man", "woman" or NULL from a salutation: "Sehr geehrter Herr…",
 * "Señora Fiscal General", "Уважаемая госпожа…", "Dear Madam President". */
const char *extract_form_from_salutation   (const char  *salutation);

G_END_DECLS
