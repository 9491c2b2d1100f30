/* askarov-action-record.h — one action a volunteer took for a case (a tracked record).
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-channel.h"

G_BEGIN_DECLS

/* What came of it: "sent" for written channels, the others for calls. */
typedef enum
{
  ASKAROV_OUTCOME_NONE,
  ASKAROV_OUTCOME_SENT,
  ASKAROV_OUTCOME_REACHED,
  ASKAROV_OUTCOME_VOICEMAIL,
  ASKAROV_OUTCOME_NO_ANSWER,
} AskarovOutcome;

#define ASKAROV_TYPE_OUTCOME (askarov_outcome_get_type ())

GType           askarov_outcome_get_type     (void) G_GNUC_CONST;

/* "sent", "reached", "voicemail", "no-answer", or NULL for NONE. */
const char     *askarov_outcome_to_string    (AskarovOutcome  outcome);
/* Parses the string form; NULL or "" gives NONE. FALSE when unknown. */
gboolean        askarov_outcome_from_string  (const char     *text,
                                              AskarovOutcome *out);
/* The translated label, or "" for NONE. */
const char     *askarov_outcome_get_label    (AskarovOutcome  outcome);
/* Whether @outcome makes sense for @channel (calls: reached, voicemail,
 * no-answer; other channels: sent; NONE always). */
gboolean        askarov_outcome_fits_channel (AskarovOutcome  outcome,
                                              AskarovChannel  channel);

/* Checks a YYYY-MM-DD date (a real calendar day). */
gboolean        askarov_date_is_valid        (const char     *date);
/* Today in local time, as YYYY-MM-DD. */
char           *askarov_date_today           (void);

#define ASKAROV_TYPE_ACTION_RECORD (askarov_action_record_get_type ())
G_DECLARE_FINAL_TYPE (AskarovActionRecord, askarov_action_record, ASKAROV, ACTION_RECORD, GObject)

/*
 * Properties (all readable and writable, with notify only on change):
 *   id (int64, 0 = not stored yet), case-id (int64, 0 = none), case-name,
 *   reference, target-name, target-title (strings, nullable),
 *   channel (AskarovChannel), outcome (AskarovOutcome), language (ISO 639-1,
 *   nullable), taken-on (YYYY-MM-DD), note (nullable), draft-id (int64, 0 =
 *   none), reported-on (YYYY-MM-DD or NULL), created-at (ISO 8601 UTC, set by
 *   the store), uuid (the action's id everywhere: CSV, group journals; set
 *   by the store when NULL), volunteer (the author's volunteer id; the
 *   store's own when NULL), and the read-only conveniences reported (boolean),
 *   channel-label, outcome-label and channel-icon-name (strings for rows),
 *   and loaded (boolean: FALSE while an AskarovRecordList placeholder waits
 *   for its page; its other properties then change once, when it loads).
 *
 * Records are plain values: not thread-safe, so hand a copy
 * (askarov_action_record_copy()) to another thread.
 */

AskarovActionRecord *askarov_action_record_new          (void);
AskarovActionRecord *askarov_action_record_copy         (AskarovActionRecord *self);
/* Copies every field of @from into @self (notifying what changed). */
void                 askarov_action_record_assign       (AskarovActionRecord *self,
                                                         AskarovActionRecord *from);

gint64               askarov_action_record_get_id           (AskarovActionRecord *self);
gint64               askarov_action_record_get_case_id      (AskarovActionRecord *self);
const char          *askarov_action_record_get_case_name    (AskarovActionRecord *self);
const char          *askarov_action_record_get_reference    (AskarovActionRecord *self);
const char          *askarov_action_record_get_target_name  (AskarovActionRecord *self);
const char          *askarov_action_record_get_target_title (AskarovActionRecord *self);
AskarovChannel       askarov_action_record_get_channel      (AskarovActionRecord *self);
AskarovOutcome       askarov_action_record_get_outcome      (AskarovActionRecord *self);
const char          *askarov_action_record_get_language     (AskarovActionRecord *self);
const char          *askarov_action_record_get_taken_on     (AskarovActionRecord *self);
const char          *askarov_action_record_get_note         (AskarovActionRecord *self);
gint64               askarov_action_record_get_draft_id     (AskarovActionRecord *self);
const char          *askarov_action_record_get_reported_on  (AskarovActionRecord *self);
const char          *askarov_action_record_get_created_at   (AskarovActionRecord *self);
const char          *askarov_action_record_get_uuid         (AskarovActionRecord *self);
const char          *askarov_action_record_get_volunteer    (AskarovActionRecord *self);
gboolean             askarov_action_record_get_reported     (AskarovActionRecord *self);
gboolean             askarov_action_record_get_loaded       (AskarovActionRecord *self);

void                 askarov_action_record_set_id           (AskarovActionRecord *self,
                                                             gint64               id);
void                 askarov_action_record_set_case_id      (AskarovActionRecord *self,
                                                             gint64               case_id);
void                 askarov_action_record_set_case_name    (AskarovActionRecord *self,
                                                             const char          *case_name);
void                 askarov_action_record_set_reference    (AskarovActionRecord *self,
                                                             const char          *reference);
void                 askarov_action_record_set_target_name  (AskarovActionRecord *self,
                                                             const char          *target_name);
void                 askarov_action_record_set_target_title (AskarovActionRecord *self,
                                                             const char          *target_title);
void                 askarov_action_record_set_channel      (AskarovActionRecord *self,
                                                             AskarovChannel       channel);
void                 askarov_action_record_set_outcome      (AskarovActionRecord *self,
                                                             AskarovOutcome       outcome);
void                 askarov_action_record_set_language     (AskarovActionRecord *self,
                                                             const char          *language);
void                 askarov_action_record_set_taken_on     (AskarovActionRecord *self,
                                                             const char          *taken_on);
void                 askarov_action_record_set_note         (AskarovActionRecord *self,
                                                             const char          *note);
void                 askarov_action_record_set_draft_id     (AskarovActionRecord *self,
                                                             gint64               draft_id);
void                 askarov_action_record_set_reported_on  (AskarovActionRecord *self,
                                                             const char          *reported_on);
void                 askarov_action_record_set_created_at   (AskarovActionRecord *self,
                                                             const char          *created_at);
void                 askarov_action_record_set_uuid         (AskarovActionRecord *self,
                                                             const char          *uuid);
void                 askarov_action_record_set_volunteer    (AskarovActionRecord *self,
                                                             const char          *volunteer);
void                 askarov_action_record_set_loaded       (AskarovActionRecord *self,
                                                             gboolean             loaded);

/* Builds a record from the a{sv} the window's win.log-record action carries
 * ("case-id" x, "case-name", "reference", "target-name", "target-title",
 * "channel", "outcome", "language", "note", "taken-on" s, "draft-id" x);
 * unknown keys are ignored, a bad channel gives "other", taken-on defaults
 * to today. */
AskarovActionRecord *askarov_action_record_new_from_variant (GVariant *fields);

G_END_DECLS
