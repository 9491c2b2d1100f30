/* askarov-store-search.c — full-text search of the case library (FTS5, BM25, snippets, ё folding).
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-documents"

#include "config.h"

#include "askarov-store-documents.h"

#include <glib/gi18n.h>

#include "askarov-store-documents-private.h"

/**
 * askarov_fold_search_text:
 *
 * Folds what the FTS5 tokenizer does not: ё to е (and Ё to Е), so that
 * "Алёша" and "Алеша" find each other. Й and the Kyrgyz letters ң, ө, ү
 * are distinct letters and stay as they are.
 *
 * Returns: (transfer full): the folded text
 */
char *
askarov_fold_search_text (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Stored text is valid UTF-8; a stray byte in a query is dropped. */
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if (c == 0x0451)
        g_string_append_unichar (out, 0x0435);
      else if (c == 0x0401)
        g_string_append_unichar (out, 0x0415);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  return g_string_free (out, FALSE);
}

/* Turns what the user typed into an FTS5 query: each word quoted (so that
 * FTS5 syntax in it is never interpreted), all words required, and the
 * last one matched as a prefix, since it may still be being typed (prefix
 * matches on every word made common searches several times slower). Returns
 * NULL when nothing searchable is left. */
static char *
build_match_query (const char *query)
{
  g_autofree char *folded = askarov_fold_search_text (query);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          /* Words hold only letters, digits and marks: no quote to escape. */
          g_string_append_printf (out, "\"%s\"", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  if (out->len == 0)
    return NULL;
  g_string_append_c (out, '*');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* askarov_first_rows(): true for the first calls after each reset, so that a
 * query makes snippets only for its first rows. */
static void
first_rows_func (sqlite3_context *context,
                 int              argc,
                 sqlite3_value  **argv)
{
  guint *remaining = sqlite3_user_data (context);

  sqlite3_result_int (context, *remaining > 0);
  if (*remaining > 0)
    (*remaining)--;
}

/**
 * askarov_store_search_documents:
 * @query: words as the user typed them
 * @limit: the most results to return
 *
 * Full-text search over titles and texts: every word must occur (as a word
 * or the start of one), results are ranked by BM25 with the title counting
 * more. The first %ASKAROV_SEARCH_SNIPPETS results have a snippet (see
 * AskarovDocument:snippet).
 *
 * Returns: (transfer full) (element-type AskarovDocument): the best first
 */
GPtrArray *
askarov_store_search_documents (AskarovStore  *self,
                                const char    *query,
                                guint          limit,
                                GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = NULL;
  guint remaining = ASKAROV_SEARCH_SNIPPETS;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!(match = build_match_query (query)))
    return g_steal_pointer (&documents);

  locker = askarov_store_lock (self);
  if (askarov_store_get_db (self) == NULL)
    {
      askarov_store_set_error (self, error, _("Searching the library"));
      return NULL;
    }
  /* A snippet costs far more than ranking a row (see build-aux/bench-documents),
   * so only the results people see first get one. FTS5 sorts by rank before
   * the result columns are computed, so the counter runs in rank order. The
   * function's data is this call's counter: the lock keeps it ours. */
  sqlite3_create_function_v2 (askarov_store_get_db (self), "askarov_first_rows", 0,
                              SQLITE_UTF8, &remaining, first_rows_func, NULL, NULL, NULL);
  stmt = askarov_store_prepare (self,
                                "SELECT " ASKAROV_DOCUMENT_COLUMNS ", "
                                "  CASE WHEN askarov_first_rows () THEN snippet(documents_fts, 1, char(2), char(3), '…', 16) END "
                                "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                                "LEFT JOIN cases c ON c.id = d.case_id "
                                "WHERE documents_fts MATCH ?1 AND rank MATCH 'bm25(10.0, 1.0)' "
                                "ORDER BY rank LIMIT ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AskarovDocument *document = askarov_store_document_from_row (stmt);

      askarov_document_set_snippet (document, (const char *) sqlite3_column_text (stmt, ASKAROV_N_DOCUMENT_COLUMNS));
      g_ptr_array_add (documents, document);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Searching the library"));
      return NULL;
    }
  return g_steal_pointer (&documents);
}
