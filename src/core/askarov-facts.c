/* askarov-facts.c — what the extractor found in one document, and its JSON form.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-facts"

#include "config.h"

#include "askarov-facts.h"

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
  copy->address_form = g_strdup (self->address_form);
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
  g_free (self->address_form);
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
  self->asks = g_new0 (char *, 1);
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
  copy->outcome = g_strdup (self->outcome);
  copy->outcome_date = g_strdup (self->outcome_date);
  copy->country = g_strdup (self->country);
  copy->asks = g_strdupv (self->asks);
  copy->language = g_strdup (self->language);
  copy->encoding = g_strdup (self->encoding);
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
  g_free (self->outcome);
  g_free (self->outcome_date);
  g_free (self->country);
  g_strfreev (self->asks);
  g_free (self->language);
  g_free (self->encoding);
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

static JsonNode *
string_or_null (const char *value)
{
  JsonNode *node;

  if (value == NULL || *value == '\0')
    return json_node_new (JSON_NODE_NULL);
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, value);
  return node;
}

static void
add_string (JsonObject *object,
            const char *key,
            const char *value)
{
  json_object_set_member (object, key, string_or_null (value));
}

static void
add_strv (JsonObject         *object,
          const char         *key,
          const char * const *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_object_set_array_member (object, key, array);
}

static JsonNode *
facts_to_json (const AskarovFacts *self,
               gboolean            full)
{
  JsonObject *object = json_object_new ();
  JsonArray *targets = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  add_string (object, "kind", askarov_document_kind_to_string (self->kind));
  add_string (object, "reference", self->reference);
  add_string (object, "index", self->index);
  add_string (object, "issued", self->issued);
  add_string (object, "deadline", self->deadline);
  add_string (object, "title", self->title);
  add_strv (object, "persons", (const char * const *) self->persons);
  add_strv (object, "languages", (const char * const *) self->languages);
  json_object_set_boolean_member (object, "own_language_allowed", self->own_language_allowed);
  if (self->update > 0)
    json_object_set_int_member (object, "update", self->update);
  else
    json_object_set_null_member (object, "update");
  add_string (object, "outcome", self->outcome);
  add_string (object, "outcome_date", self->outcome_date);
  add_string (object, "country", self->country);
  add_strv (object, "asks", (const char * const *) self->asks);
  add_string (object, "language", self->language);

  for (guint i = 0; self->targets != NULL && i < self->targets->len; i++)
    {
      const AskarovTarget *target = g_ptr_array_index (self->targets, i);
      JsonObject *item = json_object_new ();

      add_string (item, "name", target->name);
      add_string (item, "title", target->title);
      add_string (item, "salutation", target->salutation);
      add_string (item, "address_form", target->address_form);
      add_strv (item, "address", (const char * const *) target->address);
      add_strv (item, "email", (const char * const *) target->email);
      add_string (item, "fax", target->fax);
      add_string (item, "phone", target->phone);
      add_strv (item, "social", (const char * const *) target->social);
      json_object_set_boolean_member (item, "copy", target->copy);
      json_array_add_object_element (targets, item);
    }
  json_object_set_array_member (object, "targets", targets);

  if (full)
    {
      add_strv (object, "pronouns", (const char * const *) self->pronouns);
      if (self->encoding != NULL)
        add_string (object, "encoding", self->encoding);
    }

  json_node_take_object (node, object);
  return node;
}

JsonNode *
askarov_facts_to_json (const AskarovFacts *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return facts_to_json (self, FALSE);
}

JsonNode *
askarov_facts_to_json_full (const AskarovFacts *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return facts_to_json (self, TRUE);
}

char *
askarov_facts_to_string (const AskarovFacts *self,
                         gboolean            pretty)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  node = facts_to_json (self, TRUE);
  return json_to_string (node, pretty);
}

static char *
dup_string_member (JsonObject *object,
                   const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static char **
dup_strv_member (JsonObject *object,
                 const char *key)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  return g_strv_builder_end (builder);
}

static gboolean
get_boolean_member (JsonObject *object,
                    const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

AskarovFacts *
askarov_facts_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(AskarovFacts) facts = NULL;
  g_autofree char *kind = NULL;
  JsonObject *object;
  JsonNode *member;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The stored facts of this document are damaged."));
      return NULL;
    }
  object = json_node_get_object (node);
  facts = askarov_facts_new ();

  kind = dup_string_member (object, "kind");
  facts->kind = askarov_document_kind_from_string (kind);
  facts->reference = dup_string_member (object, "reference");
  facts->index = dup_string_member (object, "index");
  facts->issued = dup_string_member (object, "issued");
  facts->deadline = dup_string_member (object, "deadline");
  facts->title = dup_string_member (object, "title");
  facts->outcome = dup_string_member (object, "outcome");
  facts->outcome_date = dup_string_member (object, "outcome_date");
  facts->country = dup_string_member (object, "country");
  g_strfreev (facts->asks);
  facts->asks = dup_strv_member (object, "asks");
  facts->language = dup_string_member (object, "language");
  facts->encoding = dup_string_member (object, "encoding");
  g_strfreev (facts->persons);
  facts->persons = dup_strv_member (object, "persons");
  g_strfreev (facts->pronouns);
  facts->pronouns = dup_strv_member (object, "pronouns");
  g_strfreev (facts->languages);
  facts->languages = dup_strv_member (object, "languages");
  facts->own_language_allowed = get_boolean_member (object, "own_language_allowed");
  member = json_object_get_member (object, "update");
  if (member != NULL && json_node_get_value_type (member) == G_TYPE_INT64)
    facts->update = CLAMP (json_node_get_int (member), 0, G_MAXINT);

  member = json_object_get_member (object, "targets");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *targets = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (targets); i++)
        {
          JsonNode *element = json_array_get_element (targets, i);
          JsonObject *item;
          AskarovTarget *target;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          item = json_node_get_object (element);
          target = g_new0 (AskarovTarget, 1);
          target->name = dup_string_member (item, "name");
          target->title = dup_string_member (item, "title");
          target->salutation = dup_string_member (item, "salutation");
          target->address_form = dup_string_member (item, "address_form");
          target->address = dup_strv_member (item, "address");
          target->email = dup_strv_member (item, "email");
          target->fax = dup_string_member (item, "fax");
          target->phone = dup_string_member (item, "phone");
          target->social = dup_strv_member (item, "social");
          target->copy = get_boolean_member (item, "copy");
          g_ptr_array_add (facts->targets, target);
        }
    }

  /* Pronouns run parallel to persons; older or hand-written JSON may lack them. */
  if (g_strv_length (facts->pronouns) != g_strv_length (facts->persons))
    {
      guint n = g_strv_length (facts->persons);

      g_strfreev (facts->pronouns);
      facts->pronouns = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        facts->pronouns[i] = g_strdup ("");
    }

  return g_steal_pointer (&facts);
}

AskarovFacts *
askarov_facts_from_string (const char  *json,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  return askarov_facts_from_json (json_parser_get_root (parser), error);
}
