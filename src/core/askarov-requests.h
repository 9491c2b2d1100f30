/* askarov-requests.h — the bank of standard appeal requests, phrased per letter language and office.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "askarov-salutations.h"

G_BEGIN_DECLS

/* Every request id, in the order a letter makes them ("release", "drop-charges",
 * "quash-conviction", …), NULL-terminated. Static; never free it. */
const char * const *askarov_requests_get_ids        (void);
gboolean            askarov_request_is_known         (const char  *id);
/* A translated, user-visible name of the request ("Release immediately and
 * unconditionally"), or NULL for an unknown id. */
const char         *askarov_request_get_label        (const char  *id);
/* Whether an official of @role can be asked to do it (a prison head is asked
 * for care, access and humane conditions, not to quash a conviction). */
gboolean            askarov_request_fits_role        (const char  *id,
                                                      AskarovRole  role);
/* One sentence in @language (a letter language: en ru ky uz de fr es) asking an
 * official of @role for the request, with @persons (the names as they should
 * appear, "A and B") in it; an ambassador is asked to convey the appeal to the
 * authorities. NULL when the request does not fit @role, or the id or the
 * language is unknown. */
char               *askarov_request_dup_text         (const char  *id,
                                                      const char  *language,
                                                      AskarovRole  role,
                                                      const char  *persons);
/* How sure the bank is of the request's text in @language (LOW when unknown). */
AskarovConfidence   askarov_request_get_confidence   (const char  *id,
                                                      const char  *language);
/* The id of the request an Urgent Action's ask makes ("Release him immediately
 * and unconditionally", "Bitte fordern Sie die Freilassung…"), or NULL when it
 * fits none. @language is the ask's ISO 639-1 code (en ru de fr es nl it ky uz);
 * NULL or an unknown code tries every language. */
const char         *askarov_request_classify         (const char  *ask_text,
                                                      const char  *language);

/* Every request the ask makes, in the order it makes them ("Release him and
 * drop the charges": release, drop-charges); a request whose words all belong
 * to a more specific one is left out ("release" in "release on health
 * grounds"). Its first id is askarov_request_classify()'s. Never NULL. */
GStrv               askarov_request_classify_all     (const char  *ask_text,
                                                      const char  *language);

G_END_DECLS
