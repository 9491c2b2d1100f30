/* askarov-letter-types.c — the letter's enumerations: channels, signatures, case stages and asks.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter"

#include "config.h"

#include "askarov-letter.h"

#include <glib/gi18n.h>

/* Azimjan Askarov died in prison on this day; letters written after it ask
 * for an investigation of his death and his rehabilitation instead of his release. */
#define ASKAROV_DEATH_DATE "2020-07-25"

G_DEFINE_ENUM_TYPE (AskarovSignature, askarov_signature,
  G_DEFINE_ENUM_VALUE (ASKAROV_SIGNATURE_FULL_NAME, "full-name"),
  G_DEFINE_ENUM_VALUE (ASKAROV_SIGNATURE_INITIALS_AND_TOWN, "initials-and-town"))

G_DEFINE_ENUM_TYPE (AskarovCaseStage, askarov_case_stage,
  G_DEFINE_ENUM_VALUE (ASKAROV_CASE_STAGE_DETAINED, "detained"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CASE_STAGE_POSTHUMOUS, "posthumous"))

G_DEFINE_FLAGS_TYPE (AskarovAsk, askarov_ask,
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_NONE, "none"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_RELEASE, "release"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_QUASH_CONVICTION, "quash-conviction"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_INVESTIGATE_TORTURE, "investigate-torture"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_FAIR_TRIAL, "fair-trial"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_MEDICAL_CARE, "medical-care"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_INVESTIGATE_DEATH, "investigate-death"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_CLEAR_NAME, "clear-name"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_ACCOUNTABILITY, "accountability"))

G_DEFINE_FLAGS_TYPE (AskarovMailtoDropped, askarov_mailto_dropped,
  G_DEFINE_ENUM_VALUE (ASKAROV_MAILTO_DROPPED_NONE, "none"),
  G_DEFINE_ENUM_VALUE (ASKAROV_MAILTO_DROPPED_BODY, "body"),
  G_DEFINE_ENUM_VALUE (ASKAROV_MAILTO_DROPPED_COPIES, "copies"))

G_DEFINE_QUARK (askarov-letter-error-quark, askarov_letter_error)

static const char * const signature_ids[] = { "full-name", "initials-and-town" };
static const char * const stage_ids[] = { "detained", "posthumous" };

static const struct
{
  AskarovAsk  ask;
  const char *id;
  const char *label;
} ask_info[] = {
  { ASKAROV_ASK_RELEASE, "release", N_("Release him immediately and unconditionally") },
  { ASKAROV_ASK_QUASH_CONVICTION, "quash-conviction", N_("Quash his conviction") },
  { ASKAROV_ASK_INVESTIGATE_TORTURE, "investigate-torture", N_("Investigate his allegations of torture") },
  { ASKAROV_ASK_FAIR_TRIAL, "fair-trial", N_("Investigate the violations of his right to a fair trial") },
  { ASKAROV_ASK_MEDICAL_CARE, "medical-care", N_("Ensure he gets the medical care he needs") },
  { ASKAROV_ASK_INVESTIGATE_DEATH, "investigate-death", N_("Investigate his death") },
  { ASKAROV_ASK_CLEAR_NAME, "clear-name", N_("Clear his name (posthumous rehabilitation)") },
  { ASKAROV_ASK_ACCOUNTABILITY, "accountability", N_("Hold those responsible to account") },
};

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

const char *
askarov_case_stage_to_id (AskarovCaseStage stage)
{
  g_return_val_if_fail (stage <= ASKAROV_CASE_STAGE_POSTHUMOUS, NULL);

  return stage_ids[stage];
}

AskarovCaseStage
askarov_case_stage_for_date (const char *iso_date)
{
  g_autofree char *today = NULL;

  if (iso_date == NULL || *iso_date == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
      iso_date = today;
    }
  /* ISO dates compare as strings. */
  return strncmp (iso_date, ASKAROV_DEATH_DATE, 10) < 0 ? ASKAROV_CASE_STAGE_DETAINED
                                                        : ASKAROV_CASE_STAGE_POSTHUMOUS;
}

AskarovAsk
askarov_case_stage_get_asks (AskarovCaseStage stage)
{
  if (stage == ASKAROV_CASE_STAGE_DETAINED)
    return ASKAROV_ASK_RELEASE | ASKAROV_ASK_QUASH_CONVICTION | ASKAROV_ASK_INVESTIGATE_TORTURE
           | ASKAROV_ASK_FAIR_TRIAL | ASKAROV_ASK_MEDICAL_CARE;
  return ASKAROV_ASK_INVESTIGATE_DEATH | ASKAROV_ASK_CLEAR_NAME | ASKAROV_ASK_ACCOUNTABILITY;
}

const char *
askarov_ask_to_id (AskarovAsk ask)
{
  for (guint i = 0; i < G_N_ELEMENTS (ask_info); i++)
    if (ask_info[i].ask == ask)
      return ask_info[i].id;
  return NULL;
}

const char *
askarov_ask_get_label (AskarovAsk ask)
{
  for (guint i = 0; i < G_N_ELEMENTS (ask_info); i++)
    if (ask_info[i].ask == ask)
      return _(ask_info[i].label);
  return NULL;
}
