/* askarov-phrasebook-private.h — raw access to the phrasebook files, for the letter code.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The parsed file of @language, or NULL. Read-only; lives as long as the process. */
JsonObject *askarov_phrasebook_get_book   (const char *language);
JsonObject *askarov_phrasebook_get_object (JsonObject *object,
                                           const char *member);
const char *askarov_phrasebook_get_string (JsonObject *object,
                                           const char *member);
/* Every JSON file in the resource folder @folder ("/…/phrasebook/"), by its
 * "language" member: a new table of language code -> JsonNode (object). A
 * broken file is reported with g_critical() and @what ("Phrasebook"). */
GHashTable *askarov_phrasebook_load_folder (const char *folder,
                                            const char *what);
/* @pattern with each {key} replaced; arguments are key, value pairs ending with NULL. */
char       *askarov_phrasebook_expand     (const char *pattern,
                                           ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
