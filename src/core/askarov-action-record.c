/* askarov-action-record.c — one action a volunteer took for a case (a tracked record).
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-action-record"

#include "config.h"

#include "askarov-action-record.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

struct _AskarovActionRecord
{
  GObject         parent_instance;
  gint64          id;
  gint64          case_id;
  char           *case_name;
  char           *reference;
  char           *target_name;
  char           *target_title;
  AskarovChannel  channel;
  AskarovOutcome  outcome;
  char           *language;
  char           *taken_on;
  char           *note;
  gint64          draft_id;
  char           *reported_on;
  char           *created_at;
  char           *uuid;
  char           *volunteer;
  guint           loaded : 1;
};

G_DEFINE_FINAL_TYPE (AskarovActionRecord, askarov_action_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_CASE_NAME,
  PROP_REFERENCE,
  PROP_TARGET_NAME,
  PROP_TARGET_TITLE,
  PROP_CHANNEL,
  PROP_OUTCOME,
  PROP_LANGUAGE,
  PROP_TAKEN_ON,
  PROP_NOTE,
  PROP_DRAFT_ID,
  PROP_REPORTED_ON,
  PROP_CREATED_AT,
  PROP_UUID,
  PROP_VOLUNTEER,
  PROP_REPORTED,
  PROP_LOADED,
  PROP_CHANNEL_LABEL,
  PROP_OUTCOME_LABEL,
  PROP_CHANNEL_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue outcome_values[] = {
  { ASKAROV_OUTCOME_NONE, "ASKAROV_OUTCOME_NONE", "none" },
  { ASKAROV_OUTCOME_SENT, "ASKAROV_OUTCOME_SENT", "sent" },
  { ASKAROV_OUTCOME_REACHED, "ASKAROV_OUTCOME_REACHED", "reached" },
  { ASKAROV_OUTCOME_VOICEMAIL, "ASKAROV_OUTCOME_VOICEMAIL", "voicemail" },
  { ASKAROV_OUTCOME_NO_ANSWER, "ASKAROV_OUTCOME_NO_ANSWER", "no-answer" },
  { 0, NULL, NULL }
};

GType
askarov_outcome_get_type (void)
{
  static GType type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("AskarovOutcome"), outcome_values));
  return type;
}

const char *
askarov_outcome_to_string (AskarovOutcome outcome)
{
  g_return_val_if_fail (outcome <= ASKAROV_OUTCOME_NO_ANSWER, NULL);

  return outcome == ASKAROV_OUTCOME_NONE ? NULL : outcome_values[outcome].value_nick;
}

gboolean
askarov_outcome_from_string (const char     *text,
                             AskarovOutcome *out)
{
  if (text == NULL || *text == '\0')
    {
      *out = ASKAROV_OUTCOME_NONE;
      return TRUE;
    }
  for (guint i = ASKAROV_OUTCOME_SENT; i <= ASKAROV_OUTCOME_NO_ANSWER; i++)
    if (g_str_equal (text, outcome_values[i].value_nick))
      {
        *out = (AskarovOutcome) i;
        return TRUE;
      }
  return FALSE;
}

const char *
askarov_outcome_get_label (AskarovOutcome outcome)
{
  switch (outcome)
    {
    case ASKAROV_OUTCOME_SENT:
      return C_("record outcome", "Sent");
    case ASKAROV_OUTCOME_REACHED:
      return C_("record outcome", "Reached");
    case ASKAROV_OUTCOME_VOICEMAIL:
      return C_("record outcome", "Voicemail");
    case ASKAROV_OUTCOME_NO_ANSWER:
      return C_("record outcome", "No answer");
    case ASKAROV_OUTCOME_NONE:
    default:
      return "";
    }
}

gboolean
askarov_outcome_fits_channel (AskarovOutcome outcome,
                              AskarovChannel channel)
{
  if (outcome == ASKAROV_OUTCOME_NONE)
    return TRUE;
  if (channel == ASKAROV_CHANNEL_CALL)
    return outcome != ASKAROV_OUTCOME_SENT;
  return outcome == ASKAROV_OUTCOME_SENT;
}

gboolean
askarov_date_is_valid (const char *date)
{
  int y, m, d;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  y = atoi (date);
  m = atoi (date + 5);
  d = atoi (date + 8);
  return y >= 1900 && g_date_valid_dmy (d, m, y);
}

char *
askarov_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
notify (AskarovActionRecord *self,
        guint                prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
askarov_action_record_finalize (GObject *object)
{
  AskarovActionRecord *self = ASKAROV_ACTION_RECORD (object);

  g_clear_pointer (&self->case_name, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->target_name, g_free);
  g_clear_pointer (&self->target_title, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->taken_on, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->reported_on, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->volunteer, g_free);

  G_OBJECT_CLASS (askarov_action_record_parent_class)->finalize (object);
}

static void
askarov_action_record_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AskarovActionRecord *self = ASKAROV_ACTION_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_CASE_NAME:
      g_value_set_string (value, self->case_name);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_TARGET_NAME:
      g_value_set_string (value, self->target_name);
      break;
    case PROP_TARGET_TITLE:
      g_value_set_string (value, self->target_title);
      break;
    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_TAKEN_ON:
      g_value_set_string (value, self->taken_on);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_DRAFT_ID:
      g_value_set_int64 (value, self->draft_id);
      break;
    case PROP_REPORTED_ON:
      g_value_set_string (value, self->reported_on);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_VOLUNTEER:
      g_value_set_string (value, self->volunteer);
      break;
    case PROP_REPORTED:
      g_value_set_boolean (value, self->reported_on != NULL);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_CHANNEL_LABEL:
      g_value_set_string (value, askarov_channel_get_label (self->channel));
      break;
    case PROP_OUTCOME_LABEL:
      g_value_set_string (value, askarov_outcome_get_label (self->outcome));
      break;
    case PROP_CHANNEL_ICON_NAME:
      g_value_set_string (value, askarov_channel_get_icon_name (self->channel));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_action_record_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AskarovActionRecord *self = ASKAROV_ACTION_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      askarov_action_record_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CASE_ID:
      askarov_action_record_set_case_id (self, g_value_get_int64 (value));
      break;
    case PROP_CASE_NAME:
      askarov_action_record_set_case_name (self, g_value_get_string (value));
      break;
    case PROP_REFERENCE:
      askarov_action_record_set_reference (self, g_value_get_string (value));
      break;
    case PROP_TARGET_NAME:
      askarov_action_record_set_target_name (self, g_value_get_string (value));
      break;
    case PROP_TARGET_TITLE:
      askarov_action_record_set_target_title (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL:
      askarov_action_record_set_channel (self, g_value_get_enum (value));
      break;
    case PROP_OUTCOME:
      askarov_action_record_set_outcome (self, g_value_get_enum (value));
      break;
    case PROP_LANGUAGE:
      askarov_action_record_set_language (self, g_value_get_string (value));
      break;
    case PROP_TAKEN_ON:
      askarov_action_record_set_taken_on (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      askarov_action_record_set_note (self, g_value_get_string (value));
      break;
    case PROP_DRAFT_ID:
      askarov_action_record_set_draft_id (self, g_value_get_int64 (value));
      break;
    case PROP_REPORTED_ON:
      askarov_action_record_set_reported_on (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      askarov_action_record_set_created_at (self, g_value_get_string (value));
      break;
    case PROP_UUID:
      askarov_action_record_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_VOLUNTEER:
      askarov_action_record_set_volunteer (self, g_value_get_string (value));
      break;
    case PROP_LOADED:
      askarov_action_record_set_loaded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_action_record_class_init (AskarovActionRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = askarov_action_record_finalize;
  object_class->get_property = askarov_action_record_get_property;
  object_class->set_property = askarov_action_record_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CASE_ID] = g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CASE_NAME] = g_param_spec_string ("case-name", NULL, NULL, NULL, rw);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, rw);
  properties[PROP_TARGET_NAME] = g_param_spec_string ("target-name", NULL, NULL, NULL, rw);
  properties[PROP_TARGET_TITLE] = g_param_spec_string ("target-title", NULL, NULL, NULL, rw);
  properties[PROP_CHANNEL] = g_param_spec_enum ("channel", NULL, NULL, ASKAROV_TYPE_CHANNEL,
                                                ASKAROV_CHANNEL_LETTER, rw);
  properties[PROP_OUTCOME] = g_param_spec_enum ("outcome", NULL, NULL, ASKAROV_TYPE_OUTCOME,
                                                ASKAROV_OUTCOME_NONE, rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, rw);
  properties[PROP_TAKEN_ON] = g_param_spec_string ("taken-on", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_DRAFT_ID] = g_param_spec_int64 ("draft-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_REPORTED_ON] = g_param_spec_string ("reported-on", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, rw);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, rw);
  properties[PROP_VOLUNTEER] = g_param_spec_string ("volunteer", NULL, NULL, NULL, rw);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, TRUE, rw);
  properties[PROP_REPORTED] = g_param_spec_boolean ("reported", NULL, NULL, FALSE, ro);
  properties[PROP_CHANNEL_LABEL] = g_param_spec_string ("channel-label", NULL, NULL, NULL, ro);
  properties[PROP_OUTCOME_LABEL] = g_param_spec_string ("outcome-label", NULL, NULL, NULL, ro);
  properties[PROP_CHANNEL_ICON_NAME] = g_param_spec_string ("channel-icon-name", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
askarov_action_record_init (AskarovActionRecord *self)
{
  self->channel = ASKAROV_CHANNEL_LETTER;
  self->outcome = ASKAROV_OUTCOME_NONE;
  self->loaded = TRUE;
}

AskarovActionRecord *
askarov_action_record_new (void)
{
  return g_object_new (ASKAROV_TYPE_ACTION_RECORD, NULL);
}

AskarovActionRecord *
askarov_action_record_copy (AskarovActionRecord *self)
{
  AskarovActionRecord *copy;

  g_return_val_if_fail (ASKAROV_IS_ACTION_RECORD (self), NULL);

  copy = askarov_action_record_new ();
  askarov_action_record_assign (copy, self);
  return copy;
}

void
askarov_action_record_assign (AskarovActionRecord *self,
                              AskarovActionRecord *from)
{
  g_return_if_fail (ASKAROV_IS_ACTION_RECORD (self));
  g_return_if_fail (ASKAROV_IS_ACTION_RECORD (from));

  g_object_freeze_notify (G_OBJECT (self));
  askarov_action_record_set_id (self, from->id);
  askarov_action_record_set_case_id (self, from->case_id);
  askarov_action_record_set_case_name (self, from->case_name);
  askarov_action_record_set_reference (self, from->reference);
  askarov_action_record_set_target_name (self, from->target_name);
  askarov_action_record_set_target_title (self, from->target_title);
  askarov_action_record_set_channel (self, from->channel);
  askarov_action_record_set_outcome (self, from->outcome);
  askarov_action_record_set_language (self, from->language);
  askarov_action_record_set_taken_on (self, from->taken_on);
  askarov_action_record_set_note (self, from->note);
  askarov_action_record_set_draft_id (self, from->draft_id);
  askarov_action_record_set_reported_on (self, from->reported_on);
  askarov_action_record_set_created_at (self, from->created_at);
  askarov_action_record_set_uuid (self, from->uuid);
  askarov_action_record_set_volunteer (self, from->volunteer);
  askarov_action_record_set_loaded (self, from->loaded);
  g_object_thaw_notify (G_OBJECT (self));
}

#define GETTER(type, field, fallback) \
  type \
  askarov_action_record_get_##field (AskarovActionRecord *self) \
  { \
    g_return_val_if_fail (ASKAROV_IS_ACTION_RECORD (self), fallback); \
    return self->field; \
  }

GETTER (gint64, id, 0)
GETTER (gint64, case_id, 0)
GETTER (const char *, case_name, NULL)
GETTER (const char *, reference, NULL)
GETTER (const char *, target_name, NULL)
GETTER (const char *, target_title, NULL)
GETTER (AskarovChannel, channel, ASKAROV_CHANNEL_OTHER)
GETTER (AskarovOutcome, outcome, ASKAROV_OUTCOME_NONE)
GETTER (const char *, language, NULL)
GETTER (const char *, taken_on, NULL)
GETTER (const char *, note, NULL)
GETTER (gint64, draft_id, 0)
GETTER (const char *, reported_on, NULL)
GETTER (const char *, created_at, NULL)
GETTER (const char *, uuid, NULL)
GETTER (const char *, volunteer, NULL)

#undef GETTER

gboolean
askarov_action_record_get_reported (AskarovActionRecord *self)
{
  g_return_val_if_fail (ASKAROV_IS_ACTION_RECORD (self), FALSE);

  return self->reported_on != NULL;
}

gboolean
askarov_action_record_get_loaded (AskarovActionRecord *self)
{
  g_return_val_if_fail (ASKAROV_IS_ACTION_RECORD (self), FALSE);

  return self->loaded;
}

#define INT64_SETTER(field, PROP) \
  void \
  askarov_action_record_set_##field (AskarovActionRecord *self, \
                                     gint64               value) \
  { \
    g_return_if_fail (ASKAROV_IS_ACTION_RECORD (self)); \
    if (self->field != value) \
      { \
        self->field = value; \
        notify (self, PROP); \
      } \
  }

/* Empty strings are stored as NULL: the database, the CSV and the UI all
 * treat "" and "unknown" alike. */
#define STRING_SETTER(field, PROP) \
  void \
  askarov_action_record_set_##field (AskarovActionRecord *self, \
                                     const char          *value) \
  { \
    g_return_if_fail (ASKAROV_IS_ACTION_RECORD (self)); \
    if (value != NULL && *value == '\0') \
      value = NULL; \
    if (g_set_str (&self->field, value)) \
      notify (self, PROP); \
  }

INT64_SETTER (id, PROP_ID)
INT64_SETTER (case_id, PROP_CASE_ID)
INT64_SETTER (draft_id, PROP_DRAFT_ID)
STRING_SETTER (case_name, PROP_CASE_NAME)
STRING_SETTER (reference, PROP_REFERENCE)
STRING_SETTER (target_name, PROP_TARGET_NAME)
STRING_SETTER (target_title, PROP_TARGET_TITLE)
STRING_SETTER (language, PROP_LANGUAGE)
STRING_SETTER (taken_on, PROP_TAKEN_ON)
STRING_SETTER (note, PROP_NOTE)
STRING_SETTER (created_at, PROP_CREATED_AT)
STRING_SETTER (uuid, PROP_UUID)
STRING_SETTER (volunteer, PROP_VOLUNTEER)

#undef INT64_SETTER
#undef STRING_SETTER

void
askarov_action_record_set_reported_on (AskarovActionRecord *self,
                                       const char          *reported_on)
{
  gboolean was_reported;

  g_return_if_fail (ASKAROV_IS_ACTION_RECORD (self));

  if (reported_on != NULL && *reported_on == '\0')
    reported_on = NULL;
  was_reported = self->reported_on != NULL;
  if (g_set_str (&self->reported_on, reported_on))
    {
      notify (self, PROP_REPORTED_ON);
      if (was_reported != (reported_on != NULL))
        notify (self, PROP_REPORTED);
    }
}

void
askarov_action_record_set_channel (AskarovActionRecord *self,
                                   AskarovChannel       channel)
{
  g_return_if_fail (ASKAROV_IS_ACTION_RECORD (self));
  g_return_if_fail (channel <= ASKAROV_CHANNEL_OTHER);

  if (self->channel != channel)
    {
      self->channel = channel;
      notify (self, PROP_CHANNEL);
      notify (self, PROP_CHANNEL_LABEL);
      notify (self, PROP_CHANNEL_ICON_NAME);
    }
}

void
askarov_action_record_set_outcome (AskarovActionRecord *self,
                                   AskarovOutcome       outcome)
{
  g_return_if_fail (ASKAROV_IS_ACTION_RECORD (self));
  g_return_if_fail (outcome <= ASKAROV_OUTCOME_NO_ANSWER);

  if (self->outcome != outcome)
    {
      self->outcome = outcome;
      notify (self, PROP_OUTCOME);
      notify (self, PROP_OUTCOME_LABEL);
    }
}

void
askarov_action_record_set_loaded (AskarovActionRecord *self,
                                  gboolean             loaded)
{
  g_return_if_fail (ASKAROV_IS_ACTION_RECORD (self));

  loaded = !!loaded;
  if (self->loaded != (guint) loaded)
    {
      self->loaded = loaded;
      notify (self, PROP_LOADED);
    }
}

static const char *
lookup_string (GVariantDict *dict,
               const char   *key)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (dict, key, "&s", &value))
    return NULL;
  return value;
}

AskarovActionRecord *
askarov_action_record_new_from_variant (GVariant *fields)
{
  g_autoptr(GVariantDict) dict = NULL;
  g_autoptr(AskarovActionRecord) self = NULL;
  g_autofree char *today = NULL;
  AskarovChannel channel = ASKAROV_CHANNEL_OTHER;
  AskarovOutcome outcome = ASKAROV_OUTCOME_NONE;
  const char *taken_on;
  gint64 number = 0;

  g_return_val_if_fail (fields != NULL && g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT), NULL);

  dict = g_variant_dict_new (fields);
  self = askarov_action_record_new ();

  if (g_variant_dict_lookup (dict, "case-id", "x", &number) && number > 0)
    askarov_action_record_set_case_id (self, number);
  number = 0;
  if (g_variant_dict_lookup (dict, "draft-id", "x", &number) && number > 0)
    askarov_action_record_set_draft_id (self, number);

  askarov_action_record_set_case_name (self, lookup_string (dict, "case-name"));
  askarov_action_record_set_reference (self, lookup_string (dict, "reference"));
  askarov_action_record_set_target_name (self, lookup_string (dict, "target-name"));
  askarov_action_record_set_target_title (self, lookup_string (dict, "target-title"));
  askarov_action_record_set_language (self, lookup_string (dict, "language"));
  askarov_action_record_set_note (self, lookup_string (dict, "note"));

  if (!askarov_channel_from_id (lookup_string (dict, "channel"), &channel))
    channel = ASKAROV_CHANNEL_OTHER;
  askarov_action_record_set_channel (self, channel);
  if (askarov_outcome_from_string (lookup_string (dict, "outcome"), &outcome) &&
      askarov_outcome_fits_channel (outcome, channel))
    askarov_action_record_set_outcome (self, outcome);

  taken_on = lookup_string (dict, "taken-on");
  if (!askarov_date_is_valid (taken_on))
    taken_on = today = askarov_date_today ();
  askarov_action_record_set_taken_on (self, taken_on);

  return g_steal_pointer (&self);
}
