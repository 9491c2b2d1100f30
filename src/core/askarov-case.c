/* askarov-case.c — one case: a person at risk whose documents and actions belong together.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-case"

#include "config.h"

#include "askarov-case.h"

#include <glib/gi18n.h>

struct _AskarovCase
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
  char    *person_key;
  char    *summary;
  guint    n_documents;
  AskarovCaseState state;
  char    *state_date;
};

G_DEFINE_FINAL_TYPE (AskarovCase, askarov_case, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (AskarovCaseEvent, askarov_case_event, askarov_case_event_copy, askarov_case_event_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_N_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_ids[] = {
  "open", "released", "charges-dropped", "died", "no-further-action", "ended", "good-news",
};

const char *
askarov_case_state_to_id (AskarovCaseState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_ids), NULL);

  return state_ids[state];
}

gboolean
askarov_case_state_from_id (const char       *id,
                            AskarovCaseState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (state_ids); i++)
    if (g_str_equal (id, state_ids[i]))
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

const char *
askarov_case_state_get_label (AskarovCaseState state)
{
  switch (state)
    {
    case ASKAROV_CASE_STATE_RELEASED:
      return C_("case state", "Released");
    case ASKAROV_CASE_STATE_CHARGES_DROPPED:
      return C_("case state", "Charges dropped");
    case ASKAROV_CASE_STATE_DIED:
      return C_("case state", "Died");
    case ASKAROV_CASE_STATE_NO_FURTHER_ACTION:
      return C_("case state", "No further action");
    case ASKAROV_CASE_STATE_ENDED:
      return C_("case state", "Action ended");
    case ASKAROV_CASE_STATE_GOOD_NEWS:
      return C_("case state", "Good news");
    case ASKAROV_CASE_STATE_OPEN:
    default:
      return C_("case state", "Open");
    }
}

gboolean
askarov_case_state_is_closed (AskarovCaseState state)
{
  return state != ASKAROV_CASE_STATE_OPEN;
}

AskarovCaseEvent *
askarov_case_event_new (AskarovCaseEventKind  kind,
                        const char           *date,
                        const char           *text,
                        gint64                document_id)
{
  AskarovCaseEvent *event = g_new0 (AskarovCaseEvent, 1);

  event->kind = kind;
  event->date = g_strdup (date);
  event->text = g_strdup (text);
  event->document_id = document_id;
  return event;
}

AskarovCaseEvent *
askarov_case_event_copy (const AskarovCaseEvent *event)
{
  AskarovCaseEvent *copy = askarov_case_event_new (event->kind, event->date, event->text, event->document_id);

  copy->detail = g_strdup (event->detail);
  return copy;
}

void
askarov_case_event_free (AskarovCaseEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->date);
  g_free (event->text);
  g_free (event->detail);
  g_free (event);
}

static void
askarov_case_finalize (GObject *object)
{
  AskarovCase *self = ASKAROV_CASE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->person_key, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->state_date, g_free);

  G_OBJECT_CLASS (askarov_case_parent_class)->finalize (object);
}

static void
askarov_case_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AskarovCase *self = ASKAROV_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->n_documents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_case_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AskarovCase *self = ASKAROV_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_N_DOCUMENTS:
      askarov_case_set_n_documents (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_case_class_init (AskarovCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = askarov_case_finalize;
  object_class->get_property = askarov_case_get_property;
  object_class->set_property = askarov_case_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
askarov_case_init (AskarovCase *self)
{
}

AskarovCase *
askarov_case_new (gint64      id,
                  const char *name)
{
  return g_object_new (ASKAROV_TYPE_CASE, "id", id, "name", name, NULL);
}

gint64
askarov_case_get_id (AskarovCase *self)
{
  g_return_val_if_fail (ASKAROV_IS_CASE (self), 0);
  return self->id;
}

const char *
askarov_case_get_name (AskarovCase *self)
{
  g_return_val_if_fail (ASKAROV_IS_CASE (self), NULL);
  return self->name;
}

/**
 * askarov_case_get_person_key:
 *
 * Returns: (nullable): the folded name that documents about the same person
 *   share (see askarov_fold_person_name())
 */
const char *
askarov_case_get_person_key (AskarovCase *self)
{
  g_return_val_if_fail (ASKAROV_IS_CASE (self), NULL);
  return self->person_key;
}

const char *
askarov_case_get_summary (AskarovCase *self)
{
  g_return_val_if_fail (ASKAROV_IS_CASE (self), NULL);
  return self->summary;
}

guint
askarov_case_get_n_documents (AskarovCase *self)
{
  g_return_val_if_fail (ASKAROV_IS_CASE (self), 0);
  return self->n_documents;
}

void
askarov_case_set_person_key (AskarovCase *self,
                             const char  *person_key)
{
  g_return_if_fail (ASKAROV_IS_CASE (self));
  g_set_str (&self->person_key, person_key);
}

void
askarov_case_set_summary (AskarovCase *self,
                          const char  *summary)
{
  g_return_if_fail (ASKAROV_IS_CASE (self));
  g_set_str (&self->summary, summary);
}

void
askarov_case_set_n_documents (AskarovCase *self,
                              guint        n_documents)
{
  g_return_if_fail (ASKAROV_IS_CASE (self));

  if (self->n_documents != n_documents)
    {
      self->n_documents = n_documents;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
    }
}

AskarovCaseState
askarov_case_get_state (AskarovCase *self)
{
  g_return_val_if_fail (ASKAROV_IS_CASE (self), ASKAROV_CASE_STATE_OPEN);

  return self->state;
}

const char *
askarov_case_get_state_date (AskarovCase *self)
{
  g_return_val_if_fail (ASKAROV_IS_CASE (self), NULL);

  return self->state_date;
}

void
askarov_case_set_state (AskarovCase      *self,
                        AskarovCaseState  state,
                        const char       *state_date)
{
  g_return_if_fail (ASKAROV_IS_CASE (self));

  self->state = state;
  g_set_str (&self->state_date, state_date);
}
