/* askarov-requests.c — STUB of the request bank until the "requests" branch is merged.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "askarov-requests.h"

#include <string.h>

static const struct
{
  const char *id;
  const char *keyword;
} stub[] = {
  { "release", "releas" },
  { "drop-charges", "charges" },
  { "no-torture", "ill-treat" },
  { "investigate-death", "death" },
  { "medical-care", "medical" },
  { "lawyer-access", "lawyer" },
  { "family-access", "family" },
  { "accountability", "account" },
  { "clear-name", "name" },
  { "protect-from-reprisals", "harass" },
};

const char * const *
askarov_requests_get_ids (void)
{
  static const char *ids[G_N_ELEMENTS (stub) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (stub); i++)
    ids[i] = stub[i].id;
  return ids;
}

const char *
askarov_request_get_label (const char *id)
{
  return id;
}

gboolean
askarov_request_fits_role (const char  *id,
                           AskarovRole  role)
{
  return !(role == ASKAROV_ROLE_PRISON_HEAD && g_strcmp0 (id, "release") == 0);
}

char *
askarov_request_dup_text (const char  *id,
                          const char  *language,
                          AskarovRole  role,
                          const char  *persons)
{
  if (!askarov_request_fits_role (id, role))
    return NULL;
  return g_strdup_printf ("(%s/%s) %s.", language, id, persons);
}

const char *
askarov_request_classify (const char *ask_text,
                          const char *language)
{
  g_autofree char *folded = g_utf8_casefold (ask_text != NULL ? ask_text : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (stub); i++)
    if (strstr (folded, stub[i].keyword) != NULL)
      return stub[i].id;
  return NULL;
}
