/* askarov-case-pack.c — loads the embedded Askarov case pack into the library.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack is a JSON file in the core resources, written in the project's
 * own words: the case, its timeline and a summary of each Urgent Action with
 * the targets, salutations and letter languages it gave. */

#define G_LOG_DOMAIN "askarov-case-pack"

#include "config.h"

#include "askarov-case-pack.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "askarov-document.h"
#include "askarov-extractor.h"
#include "askarov-store-documents-private.h"

#define STATE_KEY "case-pack:askarov"

static char **
get_strv (JsonObject *object,
          const char *member)
{
  JsonArray *array;
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  if (json_object_has_member (object, member) &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member)))
    {
      array = json_object_get_array_member (object, member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *s = json_array_get_string_element (array, i);

          if (s != NULL)
            g_strv_builder_add (builder, s);
        }
    }
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

static char *
get_string (JsonObject *object,
            const char *member)
{
  return g_strdup (json_object_get_string_member_with_default (object, member, NULL));
}

static AskarovTarget *
target_from_json (JsonObject *object)
{
  AskarovTarget *target = g_new0 (AskarovTarget, 1);

  target->name = get_string (object, "name");
  target->title = get_string (object, "title");
  target->salutation = get_string (object, "salutation");
  target->address = get_strv (object, "address");
  target->email = get_strv (object, "email");
  target->fax = get_string (object, "fax");
  target->phone = get_string (object, "phone");
  target->social = get_strv (object, "social");
  target->copy = json_object_get_boolean_member_with_default (object, "copy", FALSE);
  return target;
}

static AskarovDocument *
document_from_json (JsonObject *object)
{
  AskarovDocument *document = askarov_document_new ();
  AskarovFacts *facts = askarov_facts_new ();
  const char *body = json_object_get_string_member_with_default (object, "body", "");
  g_autofree char *hash = askarov_import_hash_text (body);

  askarov_document_set_title (document, json_object_get_string_member_with_default (object, "title", NULL));
  askarov_document_set_format (document, "pack");
  askarov_document_set_body (document, body);
  askarov_document_set_content_hash (document, hash);

  facts->kind = askarov_document_kind_from_string (json_object_get_string_member_with_default (object, "kind", NULL));
  facts->reference = get_string (object, "reference");
  facts->index = get_string (object, "index");
  facts->issued = get_string (object, "issued");
  facts->deadline = get_string (object, "deadline");
  facts->update = (int) json_object_get_int_member_with_default (object, "update", 0);
  g_strfreev (facts->languages);
  facts->languages = get_strv (object, "languages");
  facts->own_language_allowed = json_object_get_boolean_member_with_default (object, "own_language_allowed", FALSE);
  g_strfreev (facts->persons);
  facts->persons = get_strv (object, "persons");
  g_strfreev (facts->pronouns);
  facts->pronouns = get_strv (object, "pronouns");
  facts->title = get_string (object, "title");
  /* What the letters are built from: the country, the asks, the outcome. */
  facts->country = get_string (object, "country");
  facts->language = get_string (object, "language");
  facts->outcome = get_string (object, "outcome");
  facts->outcome_date = get_string (object, "outcome_date");
  g_strfreev (facts->asks);
  facts->asks = get_strv (object, "asks");

  if (json_object_has_member (object, "targets"))
    {
      JsonArray *targets = json_object_get_array_member (object, "targets");

      for (guint i = 0; i < json_array_get_length (targets); i++)
        g_ptr_array_add (facts->targets, target_from_json (json_array_get_object_element (targets, i)));
    }

  askarov_document_take_facts (document, facts);
  return document;
}

static gboolean
set_case_details (AskarovStore  *store,
                  gint64         case_id,
                  JsonObject    *case_object,
                  const char    *pack_id,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *timeline = NULL;
  JsonNode *node = json_object_get_member (case_object, "timeline");

  if (node != NULL)
    timeline = json_to_string (node, FALSE);

  stmt = askarov_store_prepare (store,
                                "UPDATE cases SET summary = ?, timeline = ?, pack = ? WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  askarov_store_bind_text_or_null (stmt, 1, json_object_get_string_member_with_default (case_object, "summary", NULL));
  askarov_store_bind_text_or_null (stmt, 2, timeline);
  askarov_store_bind_text_or_null (stmt, 3, pack_id);
  sqlite3_bind_int64 (stmt, 4, case_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return askarov_store_set_error (store, error, _("Saving the case"));
  return TRUE;
}

static gboolean
install_locked (AskarovStore  *store,
                JsonObject    *root,
                guint         *n_added,
                GError       **error)
{
  JsonObject *case_object = json_object_get_object_member (root, "case");
  JsonArray *documents = json_object_get_array_member (root, "documents");
  const char *name = json_object_get_string_member (case_object, "name");
  const char *person = json_object_get_string_member_with_default (case_object, "person", name);
  g_autofree char *key = askarov_fold_person_name (person);
  gint64 case_id;

  case_id = askarov_store_ensure_case_locked (store, name, key, error);
  if (case_id == 0)
    return FALSE;
  if (!set_case_details (store, case_id, case_object,
                         json_object_get_string_member_with_default (root, "id", NULL), error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      g_autoptr(AskarovDocument) document = document_from_json (json_array_get_object_element (documents, i));

      /* A pack document still in the library (maybe moved to another case)
       * is left where the user put it. */
      if (askarov_store_document_exists_locked (store, askarov_document_get_content_hash (document)))
        continue;
      if (!askarov_store_insert_document_locked (store, document, case_id, error))
        return FALSE;
      (*n_added)++;
    }
  return TRUE;
}

/**
 * askarov_case_pack_install:
 * @first_start_only: only install when the pack was never installed in this
 *   database (what the app does at start), so that a case the user deleted
 *   does not come back by itself
 * @n_added: (out) (optional): how many documents were added
 *
 * Adds the Askarov case and the pack's documents that are missing, in one
 * transaction.
 */
gboolean
askarov_case_pack_install (AskarovStore  *store,
                           gboolean       first_start_only,
                           guint         *n_added,
                           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *state = NULL;
  guint added = 0;
  JsonNode *root;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), FALSE);

  if (n_added != NULL)
    *n_added = 0;

  state = askarov_store_get_library_state (store, STATE_KEY);
  if (first_start_only && state != NULL)
    return TRUE;

  bytes = g_resources_lookup_data (ASKAROV_CASE_PACK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL) ||
      !JSON_NODE_HOLDS_OBJECT ((root = json_parser_get_root (parser))))
    g_error ("The embedded case pack is not valid JSON");  /* a build bug: the unit tests install the pack */

  locker = askarov_store_lock (store);
  if (!askarov_store_begin (store, error))
    return FALSE;
  if (!install_locked (store, json_node_get_object (root), &added, error))
    {
      askarov_store_rollback (store);
      return FALSE;
    }
  if (!askarov_store_commit (store, error))
    return FALSE;
  g_clear_pointer (&locker, g_mutex_locker_free);

  if (!askarov_store_set_library_state (store, STATE_KEY, "1", error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

/* "askarov" -> the pack's resource path; NULL for an id that cannot name one. */
static char *
pack_resource (const char *pack_id)
{
  if (pack_id == NULL || *pack_id == '\0')
    return NULL;
  for (const char *p = pack_id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return NULL;
  return g_strdup_printf ("/com/example/Askarov/core/packs/%s-case.json", pack_id);
}

void
askarov_case_pack_add_background (const char        *pack_id,
                                  AskarovLetterCase *letter_case)
{
  g_autofree char *path = pack_resource (pack_id);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *case_object;
  JsonObject *background;
  g_autoptr(GList) kinds = NULL;

  g_return_if_fail (letter_case != NULL);

  if (path == NULL)
    return;
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL) ||
      !JSON_NODE_HOLDS_OBJECT ((root = json_parser_get_root (parser))) ||
      !json_object_has_member (json_node_get_object (root), "case") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "case")))
    return;
  case_object = json_object_get_object_member (json_node_get_object (root), "case");
  if (!json_object_has_member (case_object, "background") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (case_object, "background")))
    return;
  background = json_object_get_object_member (case_object, "background");
  kinds = json_object_get_members (background);
  for (GList *k = kinds; k != NULL; k = k->next)
    {
      JsonNode *node = json_object_get_member (background, k->data);
      g_autoptr(GList) languages = NULL;
      JsonObject *texts;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      texts = json_node_get_object (node);
      languages = json_object_get_members (texts);
      for (GList *l = languages; l != NULL; l = l->next)
        {
          const char *text = json_object_get_string_member_with_default (texts, l->data, NULL);

          if (text != NULL)
            askarov_letter_case_set_background (letter_case, k->data, l->data, text);
        }
    }
}

static void
install_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  if (askarov_case_pack_install (source_object, GPOINTER_TO_INT (task_data), &n_added, &error))
    g_task_return_int (task, n_added);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
askarov_case_pack_install_async (AskarovStore        *store,
                                 gboolean             first_start_only,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASKAROV_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_case_pack_install_async);
  g_task_set_task_data (task, GINT_TO_POINTER (!!first_start_only), NULL);
  g_task_run_in_thread (task, install_worker);
}

gboolean
askarov_case_pack_install_finish (AskarovStore  *store,
                                  GAsyncResult  *result,
                                  guint         *n_added,
                                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  n = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (n_added != NULL)
    *n_added = (guint) n;
  return TRUE;
}
