/* askarov-document.c — one Urgent Action document (or update, outcome, statement) with its facts.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-document"

#include "config.h"

#include "askarov-document.h"

#include <stdio.h>

struct _AskarovDocument
{
  GObject       parent_instance;
  gint64        id;
  gint64        case_id;
  char         *case_name;
  char         *title;
  char         *source_name;
  char         *format;
  char         *body;
  char         *content_hash;
  char         *imported_at;
  char         *snippet;
  char         *sort_date;  /* as the database computed it, or NULL */
  AskarovFacts *facts;      /* never NULL */
  AskarovCaseState case_state;
  char         *case_state_date;
};

G_DEFINE_FINAL_TYPE (AskarovDocument, askarov_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_CASE_NAME,
  PROP_TITLE,
  PROP_KIND,
  PROP_REFERENCE,
  PROP_ISSUED,
  PROP_DEADLINE,
  PROP_SORT_DATE,
  PROP_SNIPPET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_facts (AskarovDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DATE]);
}

static void
askarov_document_finalize (GObject *object)
{
  AskarovDocument *self = ASKAROV_DOCUMENT (object);

  g_clear_pointer (&self->case_name, g_free);
  g_clear_pointer (&self->case_state_date, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->content_hash, g_free);
  g_clear_pointer (&self->imported_at, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->sort_date, g_free);
  g_clear_pointer (&self->facts, askarov_facts_free);

  G_OBJECT_CLASS (askarov_document_parent_class)->finalize (object);
}

static void
askarov_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AskarovDocument *self = ASKAROV_DOCUMENT (object);

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
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_string (value, askarov_document_get_kind_name (self));
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->facts->reference);
      break;
    case PROP_ISSUED:
      g_value_set_string (value, self->facts->issued);
      break;
    case PROP_DEADLINE:
      g_value_set_string (value, self->facts->deadline);
      break;
    case PROP_SORT_DATE:
      g_value_set_string (value, askarov_document_get_sort_date (self));
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_document_class_init (AskarovDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = askarov_document_finalize;
  object_class->get_property = askarov_document_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CASE_ID] = g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CASE_NAME] = g_param_spec_string ("case-name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /* The kind as stored: "urgent-action", "update", "outcome"… or NULL. */
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, flags);
  properties[PROP_ISSUED] = g_param_spec_string ("issued", NULL, NULL, NULL, flags);
  properties[PROP_DEADLINE] = g_param_spec_string ("deadline", NULL, NULL, NULL, flags);
  /**
   * AskarovDocument:sort-date:
   *
   * The date the document is listed by: its issue date, else its deadline,
   * else the day it was imported (YYYY-MM-DD).
   */
  properties[PROP_SORT_DATE] = g_param_spec_string ("sort-date", NULL, NULL, NULL, flags);
  /**
   * AskarovDocument:snippet:
   *
   * For search results: a short excerpt where the matched words are
   * wrapped in U+0002 … U+0003 (the UI turns them into emphasis).
   */
  properties[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
askarov_document_init (AskarovDocument *self)
{
  self->facts = askarov_facts_new ();
}

AskarovDocument *
askarov_document_new (void)
{
  return g_object_new (ASKAROV_TYPE_DOCUMENT, NULL);
}

/**
 * askarov_document_new_from_import:
 * @imported: the text read from a file
 * @facts: (nullable): what the extractor read from it
 *
 * Returns: (transfer full): a document ready for askarov_store_add_document()
 */
AskarovDocument *
askarov_document_new_from_import (const AskarovImportedText *imported,
                                  const AskarovFacts        *facts)
{
  AskarovDocument *self;

  g_return_val_if_fail (imported != NULL, NULL);

  self = askarov_document_new ();
  self->title = g_strdup (facts != NULL && facts->title != NULL ? facts->title : imported->title);
  self->source_name = g_strdup (imported->source_name);
  self->format = g_strdup (imported->format);
  self->body = g_strdup (imported->text);
  self->content_hash = g_strdup (imported->content_hash);
  if (facts != NULL)
    askarov_document_set_facts (self, facts);
  return self;
}

gint64
askarov_document_get_id (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), 0);
  return self->id;
}

/**
 * askarov_document_get_case_id:
 *
 * Returns: the case the document belongs to, or 0 when it is in none
 */
gint64
askarov_document_get_case_id (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), 0);
  return self->case_id;
}

const char *
askarov_document_get_case_name (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->case_name;
}

const char *
askarov_document_get_title (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
askarov_document_get_source_name (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->source_name;
}

const char *
askarov_document_get_format (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->format;
}

/**
 * askarov_document_get_body:
 *
 * Returns: (nullable): the imported text; %NULL in list summaries, which
 *   do not load it (use askarov_store_get_document())
 */
const char *
askarov_document_get_body (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->body;
}

const char *
askarov_document_get_content_hash (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->content_hash;
}

const char *
askarov_document_get_imported_at (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->imported_at;
}

const char *
askarov_document_get_snippet (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->snippet;
}

/**
 * askarov_document_get_facts:
 *
 * Returns: (transfer none): the extracted facts; in list summaries the
 *   targets are not loaded (use askarov_store_get_document())
 */
AskarovFacts *
askarov_document_get_facts (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->facts;
}

AskarovDocumentKind
askarov_document_get_kind (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), ASKAROV_DOCUMENT_KIND_UNKNOWN);
  return self->facts->kind;
}

const char *
askarov_document_get_kind_name (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return askarov_document_kind_to_string (self->facts->kind);
}

const char *
askarov_document_get_reference (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->facts->reference;
}

const char *
askarov_document_get_issued (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->facts->issued;
}

const char *
askarov_document_get_deadline (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);
  return self->facts->deadline;
}

const char *
askarov_document_get_sort_date (AskarovDocument *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);

  if (self->sort_date != NULL)
    return self->sort_date;
  if (self->facts->issued != NULL)
    return self->facts->issued;
  if (self->facts->deadline != NULL)
    return self->facts->deadline;
  return self->imported_at;
}

/**
 * askarov_document_get_target:
 * @position: the target's position in the document, from 0
 *
 * Returns: (transfer none) (nullable): the target at @position
 */
const AskarovTarget *
askarov_document_get_target (AskarovDocument *self,
                             int              position)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), NULL);

  if (position < 0 || (guint) position >= self->facts->targets->len)
    return NULL;
  return g_ptr_array_index (self->facts->targets, position);
}

void
askarov_document_set_id (AskarovDocument *self,
                         gint64           id)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

void
askarov_document_set_case_id (AskarovDocument *self,
                              gint64           case_id)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));

  if (self->case_id != case_id)
    {
      self->case_id = case_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
    }
}

void
askarov_document_set_case_name (AskarovDocument *self,
                                const char      *case_name)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));

  if (g_set_str (&self->case_name, case_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_NAME]);
}

void
askarov_document_set_title (AskarovDocument *self,
                            const char      *title)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));

  if (g_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
askarov_document_set_source_name (AskarovDocument *self,
                                  const char      *source_name)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));
  g_set_str (&self->source_name, source_name);
}

void
askarov_document_set_format (AskarovDocument *self,
                             const char      *format)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));
  g_set_str (&self->format, format);
}

void
askarov_document_set_body (AskarovDocument *self,
                           const char      *body)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));
  g_set_str (&self->body, body);
}

void
askarov_document_set_content_hash (AskarovDocument *self,
                                   const char      *content_hash)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));
  g_set_str (&self->content_hash, content_hash);
}

void
askarov_document_set_imported_at (AskarovDocument *self,
                                  const char      *imported_at)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));

  if (g_set_str (&self->imported_at, imported_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DATE]);
}

void
askarov_document_set_snippet (AskarovDocument *self,
                              const char      *snippet)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));

  if (g_set_str (&self->snippet, snippet))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNIPPET]);
}

void
askarov_document_set_facts (AskarovDocument    *self,
                            const AskarovFacts *facts)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));
  g_return_if_fail (facts != NULL);

  askarov_document_take_facts (self, askarov_facts_copy (facts));
}

void
askarov_document_take_facts (AskarovDocument *self,
                             AskarovFacts    *facts)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));
  g_return_if_fail (facts != NULL);

  g_clear_pointer (&self->facts, askarov_facts_free);
  self->facts = facts;
  notify_facts (self);
}

/**
 * askarov_document_set_stored_sort_date:
 *
 * For the store: the sort date it saved (the import day, not its time, when
 * the document has no dates), so that lists in memory sort as the database.
 */
void
askarov_document_set_stored_sort_date (AskarovDocument *self,
                                       const char      *sort_date)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));

  if (g_set_str (&self->sort_date, sort_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DATE]);
}

/**
 * askarov_document_days_left:
 * @today: the day to count from
 *
 * Returns: days from @today to the deadline (negative once it has passed),
 *   or G_MININT when there is no valid deadline
 */
int
askarov_document_days_left (AskarovDocument *self,
                            GDate           *today)
{
  int y = 0, m = 0, d = 0;
  GDate deadline;

  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), G_MININT);
  g_return_val_if_fail (today != NULL, G_MININT);

  if (self->facts->deadline == NULL ||
      sscanf (self->facts->deadline, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return G_MININT;

  g_date_clear (&deadline, 1);
  g_date_set_dmy (&deadline, d, m, y);
  return g_date_days_between (today, &deadline);
}

/**
 * askarov_document_get_case_state:
 * @state_date: (out) (optional) (transfer none): YYYY-MM-DD the state began, or %NULL
 *
 * Returns: where the document's case stands, as the store last read it
 *   (%ASKAROV_CASE_STATE_OPEN for a document in no case)
 */
AskarovCaseState
askarov_document_get_case_state (AskarovDocument  *self,
                                 const char      **state_date)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (self), ASKAROV_CASE_STATE_OPEN);

  if (state_date != NULL)
    *state_date = self->case_state_date;
  return self->case_state;
}

void
askarov_document_set_case_state (AskarovDocument  *self,
                                 AskarovCaseState  state,
                                 const char       *state_date)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT (self));

  self->case_state = state;
  g_set_str (&self->case_state_date, state_date);
}
