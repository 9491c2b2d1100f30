/* fuzz-extractor.c — libFuzzer target: any text through the extractor and its JSON form.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdint.h>

#include "askarov-extractor.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(AskarovFacts) facts = askarov_extract (text);
  g_autoptr(AskarovFacts) read_back = NULL;
  g_autofree char *json = askarov_facts_to_string (facts, FALSE);
  g_autofree char *json_again = NULL;

  /* What the store writes must read back the same. */
  read_back = askarov_facts_from_string (json, NULL);
  if (read_back == NULL)
    g_error ("Facts JSON did not parse: %s", json);
  json_again = askarov_facts_to_string (read_back, FALSE);
  if (g_strcmp0 (json, json_again) != 0)
    g_error ("Facts JSON changed on a round trip:\n%s\n%s", json, json_again);

  for (guint i = 0; facts->persons[i] != NULL; i++)
    {
      g_autofree char *key = askarov_fold_person_name (facts->persons[i]);

      if (!askarov_person_names_match (facts->persons[i], facts->persons[i]) && key != NULL)
        g_error ("A name does not match itself: %s", facts->persons[i]);
    }
  return 0;
}
