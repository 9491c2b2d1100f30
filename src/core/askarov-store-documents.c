/* askarov-store-documents.c — the case library in the database: cases, documents, targets, search.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-documents"

#include "config.h"

#include "askarov-store-documents.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "askarov-extractor.h"
#include "askarov-importer.h"
#include "askarov-store-documents-private.h"

/* Text helpers */

static char *
join_lines (char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return NULL;
  return g_strjoinv ("\n", (char **) strv);
}

static char **
split_lines (sqlite3_stmt *stmt,
             int           column,
             const char   *separator)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, separator, -1);
}

/* Reading rows */

AskarovDocument *
askarov_store_document_from_row (sqlite3_stmt *stmt)
{
  AskarovDocument *document = askarov_document_new ();
  AskarovFacts *facts = askarov_facts_new ();
  g_autofree char *case_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *source_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *imported_at = NULL;

  askarov_document_set_id (document, sqlite3_column_int64 (stmt, 0));
  askarov_document_set_case_id (document, sqlite3_column_int64 (stmt, 1));
  case_name = askarov_store_column_dup (stmt, 2);
  askarov_document_set_case_name (document, case_name);
  title = askarov_store_column_dup (stmt, 3);
  askarov_document_set_title (document, title);
  source_name = askarov_store_column_dup (stmt, 4);
  askarov_document_set_source_name (document, source_name);
  format = askarov_store_column_dup (stmt, 5);
  askarov_document_set_format (document, format);
  hash = askarov_store_column_dup (stmt, 6);
  askarov_document_set_content_hash (document, hash);

  kind = askarov_store_column_dup (stmt, 7);
  facts->kind = askarov_document_kind_from_string (kind);
  facts->reference = askarov_store_column_dup (stmt, 8);
  facts->index = askarov_store_column_dup (stmt, 9);
  facts->issued = askarov_store_column_dup (stmt, 10);
  facts->deadline = askarov_store_column_dup (stmt, 11);
  facts->update = sqlite3_column_int (stmt, 12);
  g_strfreev (facts->languages);
  facts->languages = split_lines (stmt, 13, ",");
  facts->own_language_allowed = sqlite3_column_int (stmt, 14) != 0;
  g_strfreev (facts->persons);
  facts->persons = split_lines (stmt, 15, "\n");
  g_strfreev (facts->pronouns);
  facts->pronouns = split_lines (stmt, 16, "\n");
  facts->title = g_strdup (title);
  askarov_document_take_facts (document, facts);

  imported_at = askarov_store_column_dup (stmt, 17);
  askarov_document_set_imported_at (document, imported_at);
  askarov_document_set_stored_sort_date (document, (const char *) sqlite3_column_text (stmt, 18));

  if (sqlite3_column_type (stmt, 19) != SQLITE_NULL)
    {
      AskarovCaseState state = ASKAROV_CASE_STATE_OPEN;

      askarov_case_state_from_id ((const char *) sqlite3_column_text (stmt, 19), &state);
      askarov_document_set_case_state (document, state, (const char *) sqlite3_column_text (stmt, 20));
    }
  facts->outcome = askarov_store_column_dup (stmt, 21);
  facts->outcome_date = askarov_store_column_dup (stmt, 22);

  return document;
}

static gboolean
load_targets (AskarovStore     *self,
              AskarovDocument  *document,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AskarovFacts *facts = askarov_document_get_facts (document);
  int rc;

  stmt = askarov_store_prepare (self,
                                "SELECT name, title, salutation, address, email, fax, phone, social, is_copy "
                                "FROM targets WHERE document_id = ? ORDER BY position",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, askarov_document_get_id (document));

  g_ptr_array_set_size (facts->targets, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AskarovTarget *target = g_new0 (AskarovTarget, 1);

      target->name = askarov_store_column_dup (stmt, 0);
      target->title = askarov_store_column_dup (stmt, 1);
      target->salutation = askarov_store_column_dup (stmt, 2);
      target->address = split_lines (stmt, 3, "\n");
      target->email = split_lines (stmt, 4, "\n");
      target->fax = askarov_store_column_dup (stmt, 5);
      target->phone = askarov_store_column_dup (stmt, 6);
      target->social = split_lines (stmt, 7, "\n");
      target->copy = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (facts->targets, target);
    }
  if (rc != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Reading the targets"));
  return TRUE;
}

/* Writing */

gboolean
askarov_store_document_exists_locked (AskarovStore *self,
                                      const char   *content_hash)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = askarov_store_prepare (self, "SELECT 1 FROM documents WHERE content_hash = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, content_hash, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
check_duplicate (AskarovStore     *self,
                 AskarovDocument  *document,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *source = askarov_document_get_source_name (document);
  const char *existing;
  int rc;

  stmt = askarov_store_prepare (self,
                                "SELECT d.title, c.name FROM documents d LEFT JOIN cases c ON c.id = d.case_id "
                                "WHERE d.content_hash = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, askarov_document_get_content_hash (document), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return askarov_store_set_error (self, error, _("Reading the library"));

  existing = (const char *) sqlite3_column_text (stmt, 0);
  if (source != NULL && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CONSTRAINT,
                 /* Translators: a duplicate import; the first %s is a file name, the second a
                  * document title, the third a case name */
                 _("“%s” is already in the library as “%s” (case %s); it was not imported again."),
                 source, existing, (const char *) sqlite3_column_text (stmt, 1));
  else if (source != NULL)
    g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CONSTRAINT,
                 /* Translators: a duplicate import; the first %s is a file name, the second a document title */
                 _("“%s” is already in the library as “%s”; it was not imported again."),
                 source, existing);
  else
    g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CONSTRAINT,
                 /* Translators: a duplicate import; %s is a document title */
                 _("This document is already in the library as “%s”."), existing);
  return FALSE;
}

gint64
askarov_store_ensure_case_locked (AskarovStore  *self,
                                  const char    *name,
                                  const char    *person_key,
                                  GError       **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!(find = askarov_store_prepare (self, "SELECT id FROM cases WHERE name = ?", error)))
    return 0;
  sqlite3_bind_text (find, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (find) == SQLITE_ROW)
    return sqlite3_column_int64 (find, 0);

  if (!(insert = askarov_store_prepare (self, "INSERT INTO cases (name, person_key) VALUES (?, ?)", error)))
    return 0;
  sqlite3_bind_text (insert, 1, name, -1, SQLITE_TRANSIENT);
  askarov_store_bind_text_or_null (insert, 2, person_key);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Creating the case"));
      return 0;
    }
  return sqlite3_last_insert_rowid (askarov_store_get_db (self));
}

static gboolean
insert_targets (AskarovStore     *self,
                gint64            document_id,
                GPtrArray        *targets,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (targets == NULL || targets->len == 0)
    return TRUE;

  stmt = askarov_store_prepare (self,
                                "INSERT INTO targets (document_id, position, name, title, salutation, address, "
                                "email, fax, phone, social, is_copy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < targets->len; i++)
    {
      const AskarovTarget *target = g_ptr_array_index (targets, i);
      g_autofree char *address = join_lines (target->address);
      g_autofree char *email = join_lines (target->email);
      g_autofree char *social = join_lines (target->social);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      askarov_store_bind_text_or_null (stmt, 3, target->name);
      askarov_store_bind_text_or_null (stmt, 4, target->title);
      askarov_store_bind_text_or_null (stmt, 5, target->salutation);
      askarov_store_bind_text_or_null (stmt, 6, address);
      askarov_store_bind_text_or_null (stmt, 7, email);
      askarov_store_bind_text_or_null (stmt, 8, target->fax);
      askarov_store_bind_text_or_null (stmt, 9, target->phone);
      askarov_store_bind_text_or_null (stmt, 10, social);
      sqlite3_bind_int (stmt, 11, target->copy ? 1 : 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return askarov_store_set_error (self, error, _("Saving the targets"));
    }
  return TRUE;
}

/* Reads back what the database filled in (case name, import time). */
static gboolean
refresh_summary (AskarovStore     *self,
                 AskarovDocument  *document,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *case_name = NULL;
  g_autofree char *imported_at = NULL;

  stmt = askarov_store_prepare (self,
                                "SELECT d.case_id, c.name, d.imported_at, d.sort_date, c.state, c.state_date "
                                "FROM documents d LEFT JOIN cases c ON c.id = d.case_id WHERE d.id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, askarov_document_get_id (document));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return askarov_store_set_error (self, error, _("Reading the library"));

  askarov_document_set_case_id (document, sqlite3_column_int64 (stmt, 0));
  case_name = askarov_store_column_dup (stmt, 1);
  askarov_document_set_case_name (document, case_name);
  imported_at = askarov_store_column_dup (stmt, 2);
  askarov_document_set_imported_at (document, imported_at);
  askarov_document_set_stored_sort_date (document, (const char *) sqlite3_column_text (stmt, 3));
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    {
      AskarovCaseState state = ASKAROV_CASE_STATE_OPEN;

      askarov_case_state_from_id ((const char *) sqlite3_column_text (stmt, 4), &state);
      askarov_document_set_case_state (document, state, (const char *) sqlite3_column_text (stmt, 5));
    }
  return TRUE;
}

gboolean
askarov_store_insert_document_locked (AskarovStore     *self,
                                      AskarovDocument  *document,
                                      gint64            case_id,
                                      GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AskarovFacts *facts = askarov_document_get_facts (document);
  const char *body = askarov_document_get_body (document);
  const char *title = askarov_document_get_title (document);
  g_autofree char *hash = NULL;
  g_autofree char *search_title = NULL;
  g_autofree char *search_body = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *persons = NULL;
  g_autofree char *pronouns = NULL;
  g_autofree char *facts_json = NULL;
  g_autofree char *today = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *outcome_date = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 document_id;

  if (body == NULL)
    body = "";
  if (title == NULL || *title == '\0')
    title = askarov_document_get_source_name (document);
  if (title == NULL || *title == '\0')
    title = _("Untitled document");

  if (askarov_document_get_content_hash (document) == NULL)
    {
      hash = askarov_import_hash_text (body);
      askarov_document_set_content_hash (document, hash);
    }
  if (!check_duplicate (self, document, error))
    return FALSE;

  if (case_id == ASKAROV_CASE_ANY)
    {
      case_id = askarov_store_find_case_locked (self, facts->reference, facts->persons);
      if (case_id == 0 && facts->persons != NULL && facts->persons[0] != NULL)
        {
          g_autofree char *key = askarov_fold_person_name (facts->persons[0]);

          case_id = askarov_store_ensure_case_locked (self, facts->persons[0], key, error);
          if (case_id == 0)
            return FALSE;
        }
    }

  search_title = askarov_fold_search_text (title);
  search_body = askarov_fold_search_text (body);
  languages = facts->languages != NULL && facts->languages[0] != NULL ? g_strjoinv (",", facts->languages) : NULL;
  persons = join_lines (facts->persons);
  pronouns = join_lines (facts->pronouns);
  facts_json = askarov_facts_to_string (facts, FALSE);
  askarov_store_document_outcome (facts, body, &outcome, &outcome_date);
  now = g_date_time_new_now_utc ();
  today = g_date_time_format (now, "%Y-%m-%d");

  stmt = askarov_store_prepare (self,
                                "INSERT INTO documents (case_id, title, source_name, format, body, search_title, "
                                "search_body, content_hash, kind, reference, ai_index, issued, deadline, sort_date, "
                                "update_number, languages, own_language_allowed, persons, pronouns, facts_json, "
                                "outcome, outcome_date) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 1, case_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  askarov_store_bind_text_or_null (stmt, 3, askarov_document_get_source_name (document));
  sqlite3_bind_text (stmt, 4, askarov_document_get_format (document) ? askarov_document_get_format (document) : "text",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, search_title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, search_body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, askarov_document_get_content_hash (document), -1, SQLITE_TRANSIENT);
  askarov_store_bind_text_or_null (stmt, 9, askarov_document_kind_to_string (facts->kind));
  askarov_store_bind_text_or_null (stmt, 10, facts->reference);
  askarov_store_bind_text_or_null (stmt, 11, facts->index);
  askarov_store_bind_text_or_null (stmt, 12, facts->issued);
  askarov_store_bind_text_or_null (stmt, 13, facts->deadline);
  sqlite3_bind_text (stmt, 14, facts->issued ? facts->issued : facts->deadline ? facts->deadline : today,
                     -1, SQLITE_TRANSIENT);
  if (facts->update > 0)
    sqlite3_bind_int (stmt, 15, facts->update);
  else
    sqlite3_bind_null (stmt, 15);
  askarov_store_bind_text_or_null (stmt, 16, languages);
  sqlite3_bind_int (stmt, 17, facts->own_language_allowed ? 1 : 0);
  askarov_store_bind_text_or_null (stmt, 18, persons);
  askarov_store_bind_text_or_null (stmt, 19, pronouns);
  askarov_store_bind_text_or_null (stmt, 20, facts_json);
  askarov_store_bind_text_or_null (stmt, 21, outcome);
  askarov_store_bind_text_or_null (stmt, 22, outcome_date);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Saving the document"));

  document_id = sqlite3_last_insert_rowid (askarov_store_get_db (self));
  if (!insert_targets (self, document_id, facts->targets, error))
    return FALSE;
  if (case_id > 0 && !askarov_store_update_case_state_locked (self, case_id, error))
    return FALSE;

  askarov_document_set_id (document, document_id);
  askarov_document_set_title (document, title);
  return refresh_summary (self, document, error);
}

/**
 * askarov_store_add_document:
 * @document: a new document (from askarov_document_new_from_import())
 *
 * Saves @document with its facts and targets in one transaction, in the
 * case of the person it is about (created when needed). A document whose
 * text is already in the library fails with %ASKAROV_STORE_ERROR_CONSTRAINT
 * and a message naming the existing document. On any error nothing is saved.
 * On success the document's id, case id and case name are set.
 */
gboolean
askarov_store_add_document (AskarovStore     *self,
                            AskarovDocument  *document,
                            GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (askarov_document_get_id (document) == 0, FALSE);

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return FALSE;
  if (!askarov_store_insert_document_locked (self, document, ASKAROV_CASE_ANY, error))
    {
      askarov_store_rollback (self);
      askarov_document_set_id (document, 0);
      return FALSE;
    }
  if (!askarov_store_commit (self, error))
    {
      askarov_document_set_id (document, 0);
      return FALSE;
    }
  return TRUE;
}

/**
 * askarov_store_import_file:
 *
 * Reads @file (text, Markdown, HTML or PDF), extracts its facts and adds it
 * to the library: the whole path of one file in the UI's import. Errors name
 * the file.
 *
 * Returns: (transfer full): the saved document
 */
AskarovDocument *
askarov_store_import_file (AskarovStore  *self,
                           GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(AskarovImportedText) imported = NULL;
  g_autoptr(AskarovFacts) facts = NULL;
  g_autoptr(AskarovDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(imported = askarov_import_read_file (file, cancellable, &local_error)))
    {
      g_autofree char *name = g_file_get_basename (file);

      if (local_error->domain == ASKAROV_IMPORT_ERROR && name != NULL && strstr (local_error->message, name) == NULL)
        /* Translators: %s is a file name; a reason follows */
        g_prefix_error (&local_error, _("“%s” was not imported: "), name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  facts = askarov_extract_with_title (imported->text, imported->title);
  facts->encoding = g_strdup (imported->repaired ? "repaired" : imported->encoding);
  document = askarov_document_new_from_import (imported, facts);
  if (!askarov_store_add_document (self, document, error))
    return NULL;
  return g_steal_pointer (&document);
}

/* Reading */

GPtrArray *
askarov_store_list_cases (AskarovStore  *self,
                          GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  locker = askarov_store_lock (self);
  stmt = askarov_store_prepare (self,
                                "SELECT c.id, c.name, c.person_key, c.summary, "
                                "(SELECT count(*) FROM documents d WHERE d.case_id = c.id), c.state, c.state_date "
                                "FROM cases c ORDER BY c.name COLLATE NOCASE, c.id",
                                error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AskarovCase *item = askarov_case_new (sqlite3_column_int64 (stmt, 0),
                                            (const char *) sqlite3_column_text (stmt, 1));
      AskarovCaseState state = ASKAROV_CASE_STATE_OPEN;

      askarov_case_set_person_key (item, (const char *) sqlite3_column_text (stmt, 2));
      askarov_case_set_summary (item, (const char *) sqlite3_column_text (stmt, 3));
      askarov_case_set_n_documents (item, sqlite3_column_int (stmt, 4));
      askarov_case_state_from_id ((const char *) sqlite3_column_text (stmt, 5), &state);
      askarov_case_set_state (item, state, (const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (cases, item);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the cases"));
      return NULL;
    }
  return g_steal_pointer (&cases);
}

/**
 * askarov_store_list_documents:
 * @case_id: a case id, %ASKAROV_CASE_NONE for documents in no case, or
 *   %ASKAROV_CASE_ANY for all
 *
 * Returns: (transfer full) (element-type AskarovDocument): document
 *   summaries (no body, no targets), newest first
 */
GPtrArray *
askarov_store_list_documents (AskarovStore  *self,
                              gint64         case_id,
                              GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  const char *where;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  if (case_id == ASKAROV_CASE_ANY)
    where = "";
  else if (case_id == ASKAROV_CASE_NONE)
    where = "WHERE d.case_id IS NULL";
  else
    where = "WHERE d.case_id = ?1";
  sql = g_strdup_printf ("SELECT " ASKAROV_DOCUMENT_COLUMNS " FROM documents d LEFT JOIN cases c ON c.id = d.case_id "
                         "%s ORDER BY d.sort_date DESC, d.id DESC", where);

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self, sql, error)))
    return NULL;
  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 1, case_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (documents, askarov_store_document_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the documents"));
      return NULL;
    }
  return g_steal_pointer (&documents);
}

/**
 * askarov_store_get_document:
 *
 * Returns: (transfer full): the whole document: body, facts and targets;
 *   %NULL with %ASKAROV_STORE_ERROR_NOT_FOUND when it was deleted
 */
AskarovDocument *
askarov_store_get_document (AskarovStore  *self,
                            gint64         document_id,
                            GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(AskarovDocument) document = NULL;
  g_autofree char *body = NULL;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  locker = askarov_store_lock (self);
  stmt = askarov_store_prepare (self,
                                "SELECT " ASKAROV_DOCUMENT_COLUMNS ", d.body FROM documents d "
                                "LEFT JOIN cases c ON c.id = d.case_id WHERE d.id = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND,
                   _("The document is no longer in the library."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      askarov_store_set_error (self, error, _("Reading the document"));
      return NULL;
    }

  document = askarov_store_document_from_row (stmt);
  body = askarov_store_column_dup (stmt, ASKAROV_N_DOCUMENT_COLUMNS);
  askarov_document_set_body (document, body);
  if (!load_targets (self, document, error))
    return NULL;
  return g_steal_pointer (&document);
}

gint64
askarov_store_create_case (AskarovStore  *self,
                           const char    *name,
                           GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *key = NULL;
  g_autofree char *stripped = NULL;
  gint64 id;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CONSTRAINT,
                   _("A case needs a name."));
      return 0;
    }

  key = askarov_fold_person_name (stripped);
  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return 0;
  id = askarov_store_ensure_case_locked (self, stripped, key, error);
  if (id == 0)
    {
      askarov_store_rollback (self);
      return 0;
    }
  if (!askarov_store_commit (self, error))
    return 0;
  return id;
}

static gint64
case_of_document_locked (AskarovStore *self,
                         gint64        document_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = askarov_store_prepare (self, "SELECT case_id FROM documents WHERE id = ?", NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * askarov_store_move_document:
 * @case_id: the case to move to, or %ASKAROV_CASE_NONE
 *
 * Moves a document to another case (when grouping by name got it wrong).
 */
gboolean
askarov_store_move_document (AskarovStore  *self,
                             gint64         document_id,
                             gint64         case_id,
                             GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  gint64 old_case_id;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_id >= 0, FALSE);

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return FALSE;
  old_case_id = case_of_document_locked (self, document_id);
  if (!(stmt = askarov_store_prepare (self, "UPDATE documents SET case_id = ? WHERE id = ?", error)))
    goto fail;
  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 1, case_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, document_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (askarov_store_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND,
                     _("That case no longer exists."));
      else
        askarov_store_set_error (self, error, _("Moving the document"));
      goto fail;
    }
  if (sqlite3_changes (askarov_store_get_db (self)) != 1)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND,
                   _("The document is no longer in the library."));
      goto fail;
    }
  if ((old_case_id > 0 && !askarov_store_update_case_state_locked (self, old_case_id, error)) ||
      (case_id > 0 && !askarov_store_update_case_state_locked (self, case_id, error)))
    goto fail;
  return askarov_store_commit (self, error);

fail:
  askarov_store_rollback (self);
  return FALSE;
}

gboolean
askarov_store_delete_document (AskarovStore  *self,
                               gint64         document_id,
                               GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 old_case_id;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return FALSE;
  old_case_id = case_of_document_locked (self, document_id);
  if (!(stmt = askarov_store_prepare (self, "DELETE FROM documents WHERE id = ?", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Deleting the document"));
      goto fail;
    }
  if (sqlite3_changes (askarov_store_get_db (self)) != 1)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND,
                   _("The document is no longer in the library."));
      goto fail;
    }
  if (old_case_id > 0 && !askarov_store_update_case_state_locked (self, old_case_id, error))
    goto fail;
  return askarov_store_commit (self, error);

fail:
  askarov_store_rollback (self);
  return FALSE;
}

/**
 * askarov_store_delete_case:
 *
 * Deletes a case and its documents in one transaction. Logged actions stay
 * (they keep the case's name).
 */
gboolean
askarov_store_delete_case (AskarovStore  *self,
                           gint64         case_id,
                           GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) documents = NULL;
  g_autoptr(sqlite3_stmt) cases = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return FALSE;
  if (!(documents = askarov_store_prepare (self, "DELETE FROM documents WHERE case_id = ?", error)) ||
      !(cases = askarov_store_prepare (self, "DELETE FROM cases WHERE id = ?", error)))
    goto fail;
  sqlite3_bind_int64 (documents, 1, case_id);
  sqlite3_bind_int64 (cases, 1, case_id);
  if (sqlite3_step (documents) != SQLITE_DONE || sqlite3_step (cases) != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Deleting the case"));
      goto fail;
    }
  if (sqlite3_changes (askarov_store_get_db (self)) != 1)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND,
                   _("The case is no longer in the library."));
      goto fail;
    }
  return askarov_store_commit (self, error);

fail:
  askarov_store_rollback (self);
  return FALSE;
}

char *
askarov_store_get_library_state (AskarovStore *self,
                                 const char   *key)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  locker = askarov_store_lock (self);
  /* A failure reads as "not set", which only means redoing a one-off step. */
  if (!(stmt = askarov_store_prepare (self, "SELECT value FROM library_state WHERE key = ?", NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return askarov_store_column_dup (stmt, 0);
}

gboolean
askarov_store_set_library_state (AskarovStore  *self,
                                 const char    *key,
                                 const char    *value,
                                 GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self, "INSERT OR REPLACE INTO library_state (key, value) VALUES (?, ?)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  askarov_store_bind_text_or_null (stmt, 2, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Saving the library state"));
  return TRUE;
}
