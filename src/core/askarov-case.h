/* askarov-case.h — one case: a person at risk whose documents and actions belong together.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ASKAROV_CASE_EVENT_FACT,      /* something that happened, from the case pack */
  ASKAROV_CASE_EVENT_DOCUMENT,  /* a document was issued */
  ASKAROV_CASE_EVENT_DEADLINE,  /* a document's deadline */
  ASKAROV_CASE_EVENT_RECORD,    /* the volunteer took an action */
} AskarovCaseEventKind;

/* One dated point on a case timeline. */
typedef struct
{
  AskarovCaseEventKind kind;
  char                *date;         /* YYYY-MM-DD, or YYYY-MM when the day is unknown */
  char                *text;         /* a fact, a document title, or a record's target */
  char                *detail;       /* a record's channel ("letter", "call"…), else NULL */
  gint64               document_id;  /* for documents and deadlines, else 0 */
} AskarovCaseEvent;

#define ASKAROV_TYPE_CASE_EVENT (askarov_case_event_get_type ())
GType             askarov_case_event_get_type (void) G_GNUC_CONST;
AskarovCaseEvent *askarov_case_event_new      (AskarovCaseEventKind  kind,
                                               const char           *date,
                                               const char           *text,
                                               gint64                document_id);
AskarovCaseEvent *askarov_case_event_copy     (const AskarovCaseEvent *event);
void              askarov_case_event_free     (AskarovCaseEvent     *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovCaseEvent, askarov_case_event_free)

/* Where a case stands; every state but OPEN ends the case. Ids: "open",
 * "released", "charges-dropped", "died", "no-further-action", "ended",
 * "good-news". */
typedef enum
{
  ASKAROV_CASE_STATE_OPEN,
  ASKAROV_CASE_STATE_RELEASED,
  ASKAROV_CASE_STATE_CHARGES_DROPPED,
  ASKAROV_CASE_STATE_DIED,
  ASKAROV_CASE_STATE_NO_FURTHER_ACTION,
  ASKAROV_CASE_STATE_ENDED,
  ASKAROV_CASE_STATE_GOOD_NEWS,
} AskarovCaseState;

const char       *askarov_case_state_to_id    (AskarovCaseState  state);
/* Returns FALSE (and leaves @state alone) for NULL or an unknown id. */
gboolean          askarov_case_state_from_id  (const char       *id,
                                               AskarovCaseState *state);
/* A translated label for the UI ("Released", "Died in custody"…). */
const char       *askarov_case_state_get_label (AskarovCaseState state);
gboolean          askarov_case_state_is_closed (AskarovCaseState state);

#define ASKAROV_TYPE_CASE (askarov_case_get_type ())
G_DECLARE_FINAL_TYPE (AskarovCase, askarov_case, ASKAROV, CASE, GObject)

AskarovCase *askarov_case_new               (gint64       id,
                                             const char  *name);
gint64       askarov_case_get_id            (AskarovCase *self);
const char  *askarov_case_get_name          (AskarovCase *self);
const char  *askarov_case_get_person_key    (AskarovCase *self);
const char  *askarov_case_get_summary       (AskarovCase *self);
guint        askarov_case_get_n_documents   (AskarovCase *self);
void         askarov_case_set_person_key    (AskarovCase *self,
                                             const char  *person_key);
void         askarov_case_set_summary       (AskarovCase *self,
                                             const char  *summary);
void         askarov_case_set_n_documents   (AskarovCase *self,
                                             guint        n_documents);
/* Where the case stands and since when (YYYY-MM-DD, or NULL when unknown or open). */
AskarovCaseState askarov_case_get_state      (AskarovCase *self);
const char  *askarov_case_get_state_date    (AskarovCase *self);
void         askarov_case_set_state         (AskarovCase      *self,
                                             AskarovCaseState  state,
                                             const char       *state_date);

G_END_DECLS
