/* askarov-extractor.c — reads the facts (reference, dates, targets, languages…) out of a document's text.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-extractor"

#include "config.h"

#include "askarov-extractor.h"

#include <glib/gi18n.h>

G_DEFINE_BOXED_TYPE (AskarovTarget, askarov_target, askarov_target_copy, askarov_target_free)
G_DEFINE_BOXED_TYPE (AskarovFacts, askarov_facts, askarov_facts_copy, askarov_facts_free)

AskarovTarget *
askarov_target_new (void)
{
  AskarovTarget *self = g_new0 (AskarovTarget, 1);

  self->address = g_new0 (char *, 1);
  self->email = g_new0 (char *, 1);
  self->social = g_new0 (char *, 1);
  return self;
}

AskarovTarget *
askarov_target_copy (const AskarovTarget *self)
{
  AskarovTarget *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AskarovTarget, 1);
  copy->name = g_strdup (self->name);
  copy->title = g_strdup (self->title);
  copy->salutation = g_strdup (self->salutation);
  copy->address = g_strdupv (self->address);
  copy->email = g_strdupv (self->email);
  copy->fax = g_strdup (self->fax);
  copy->phone = g_strdup (self->phone);
  copy->social = g_strdupv (self->social);
  copy->copy = self->copy;
  return copy;
}

void
askarov_target_free (AskarovTarget *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->title);
  g_free (self->salutation);
  g_strfreev (self->address);
  g_strfreev (self->email);
  g_free (self->fax);
  g_free (self->phone);
  g_strfreev (self->social);
  g_free (self);
}

static gpointer
copy_target_cb (gconstpointer src,
                gpointer      user_data)
{
  return askarov_target_copy (src);
}

AskarovFacts *
askarov_facts_new (void)
{
  AskarovFacts *self = g_new0 (AskarovFacts, 1);

  self->persons = g_new0 (char *, 1);
  self->pronouns = g_new0 (char *, 1);
  self->languages = g_new0 (char *, 1);
  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_target_free);
  return self;
}

AskarovFacts *
askarov_facts_copy (const AskarovFacts *self)
{
  AskarovFacts *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AskarovFacts, 1);
  copy->kind = self->kind;
  copy->reference = g_strdup (self->reference);
  copy->index = g_strdup (self->index);
  copy->issued = g_strdup (self->issued);
  copy->deadline = g_strdup (self->deadline);
  copy->persons = g_strdupv (self->persons);
  copy->pronouns = g_strdupv (self->pronouns);
  copy->languages = g_strdupv (self->languages);
  copy->own_language_allowed = self->own_language_allowed;
  copy->update = self->update;
  copy->targets = g_ptr_array_copy (self->targets, copy_target_cb, NULL);
  g_ptr_array_set_free_func (copy->targets, (GDestroyNotify) askarov_target_free);
  copy->title = g_strdup (self->title);
  return copy;
}

void
askarov_facts_free (AskarovFacts *self)
{
  if (self == NULL)
    return;
  g_free (self->reference);
  g_free (self->index);
  g_free (self->issued);
  g_free (self->deadline);
  g_strfreev (self->persons);
  g_strfreev (self->pronouns);
  g_strfreev (self->languages);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_free (self->title);
  g_free (self);
}

static const char * const kind_names[] = {
  NULL, "urgent-action", "update", "outcome", "statement", "article",
};

const char *
askarov_document_kind_to_string (AskarovDocumentKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return NULL;
  return kind_names[kind];
}

AskarovDocumentKind
askarov_document_kind_from_string (const char *string)
{
  for (guint i = 1; string != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (string, kind_names[i]))
      return i;
  return ASKAROV_DOCUMENT_KIND_UNKNOWN;
}

const char *
askarov_document_kind_get_label (AskarovDocumentKind kind)
{
  switch (kind)
    {
    case ASKAROV_DOCUMENT_KIND_URGENT_ACTION:
      return _("Urgent Action");
    case ASKAROV_DOCUMENT_KIND_UPDATE:
      return _("Update");
    case ASKAROV_DOCUMENT_KIND_OUTCOME:
      return _("Outcome");
    case ASKAROV_DOCUMENT_KIND_STATEMENT:
      return _("Statement");
    case ASKAROV_DOCUMENT_KIND_ARTICLE:
      return _("Article");
    case ASKAROV_DOCUMENT_KIND_UNKNOWN:
    default:
      return C_("document kind", "Other");
    }
}

AskarovFacts *
askarov_extract (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return askarov_facts_new ();
}

JsonNode *
askarov_facts_to_json (const AskarovFacts *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return json_node_init_object (json_node_alloc (), json_object_new ());
}

JsonNode *
askarov_facts_to_json_full (const AskarovFacts *self)
{
  return askarov_facts_to_json (self);
}

char *
askarov_facts_to_string (const AskarovFacts *self,
                         gboolean            pretty)
{
  g_autoptr(JsonNode) node = askarov_facts_to_json_full (self);

  return json_to_string (node, pretty);
}

AskarovFacts *
askarov_facts_from_json (JsonNode  *node,
                         GError   **error)
{
  return askarov_facts_new ();
}

AskarovFacts *
askarov_facts_from_string (const char  *json,
                           GError     **error)
{
  return askarov_facts_new ();
}

char *
askarov_fold_person_name (const char *name)
{
  return g_utf8_casefold (name, -1);
}

gboolean
askarov_person_names_match (const char *a,
                            const char *b)
{
  return FALSE;
}
