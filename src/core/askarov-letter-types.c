/* askarov-letter-types.c — the letter's enumerations: channels, signatures and mailto.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter"

#include "config.h"

#include "askarov-letter.h"

#include <glib/gi18n.h>

G_DEFINE_ENUM_TYPE (AskarovSignature, askarov_signature,
  G_DEFINE_ENUM_VALUE (ASKAROV_SIGNATURE_FULL_NAME, "full-name"),
  G_DEFINE_ENUM_VALUE (ASKAROV_SIGNATURE_INITIALS_AND_TOWN, "initials-and-town"))

G_DEFINE_FLAGS_TYPE (AskarovMailtoDropped, askarov_mailto_dropped,
  G_DEFINE_ENUM_VALUE (ASKAROV_MAILTO_DROPPED_NONE, "none"),
  G_DEFINE_ENUM_VALUE (ASKAROV_MAILTO_DROPPED_BODY, "body"),
  G_DEFINE_ENUM_VALUE (ASKAROV_MAILTO_DROPPED_COPIES, "copies"))

G_DEFINE_QUARK (askarov-letter-error-quark, askarov_letter_error)

static const char * const signature_ids[] = { "full-name", "initials-and-town" };
const char *
askarov_signature_to_id (AskarovSignature signature)
{
  g_return_val_if_fail (signature <= ASKAROV_SIGNATURE_INITIALS_AND_TOWN, NULL);

  return signature_ids[signature];
}

gboolean
askarov_signature_from_id (const char       *id,
                           AskarovSignature *signature)
{
  g_return_val_if_fail (signature != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (signature_ids); i++)
    if (g_strcmp0 (id, signature_ids[i]) == 0)
      {
        *signature = (AskarovSignature) i;
        return TRUE;
      }
  return FALSE;
}

const char *
askarov_signature_get_reason (AskarovSignature signature)
{
  g_return_val_if_fail (signature <= ASKAROV_SIGNATURE_INITIALS_AND_TOWN, NULL);

  if (signature == ASKAROV_SIGNATURE_FULL_NAME)
    return _("Letters signed with a full name and address carry the most weight with officials.");
  return _("Signing with initials and town only protects writers who fear reprisals against "
           "themselves or their family in the country they write to.");
}

void
askarov_ask_check_free (AskarovAskCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->request);
  g_free (check->label);
  g_free (check);
}
