/* askarov-store-search.c — full-text search of the case library (FTS5, BM25, snippets, ё folding).
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-documents"

#include "config.h"

#include "askarov-store-documents.h"

#include <glib/gi18n.h>
#include <string.h>

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

/* The words of a query, ё folded, as FTS5's tokenizer will see them: runs
 * of letters, digits and marks. */
static GPtrArray *
split_query (const char *query)
{
  g_autofree char *folded = askarov_fold_search_text (query);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
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
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return words;
}

/* What a query's words stand for beyond themselves. */
typedef struct
{
  GPtrArray *words;         /* of char*, as typed (ё folded) */
  GPtrArray *alternatives;  /* parallel: NULL or a GPtrArray of other spellings of that name */
  GArray    *whole_cases;   /* of gint64: cases whose person the whole query names */
} QueryTerms;

static void
free_alternatives (gpointer list)
{
  if (list != NULL)
    g_ptr_array_unref (list);
}

static void
query_terms_free (QueryTerms *terms)
{
  g_ptr_array_unref (terms->words);
  g_ptr_array_unref (terms->alternatives);
  g_array_unref (terms->whole_cases);
  g_free (terms);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QueryTerms, query_terms_free)

static void
add_alternative (QueryTerms *terms,
                 guint       index,
                 const char *spelling)
{
  GPtrArray *list = g_ptr_array_index (terms->alternatives, index);
  g_autofree char *folded = askarov_fold_search_text (spelling);
  g_autofree char *lower = g_utf8_casefold (folded, -1);
  g_autofree char *typed = g_utf8_casefold (g_ptr_array_index (terms->words, index), -1);

  if (g_str_equal (lower, typed))
    return;
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_index (terms->alternatives, index) = list;
    }
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), lower))
      return;
  g_ptr_array_add (list, g_steal_pointer (&lower));
}

/* Adds, for each query word that names the person of case @case_id, the
 * words that the case's documents spell that name with. */
static void
add_case_spellings (AskarovStore *self,
                    QueryTerms   *terms,
                    char        **folded_words,
                    gboolean     *named,
                    gint64        case_id,
                    const char   *case_name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, g_strdup (case_name));
  stmt = askarov_store_prepare (self, "SELECT DISTINCT persons FROM documents WHERE case_id = ?1 AND persons IS NOT NULL", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, case_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }

  for (guint n = 0; n < names->len; n++)
    {
      g_autoptr(GPtrArray) spelled = split_query (g_ptr_array_index (names, n));

      for (guint j = 0; j < spelled->len; j++)
        {
          g_autofree char *folded = askarov_fold_person_name (g_ptr_array_index (spelled, j));

          if (folded == NULL)
            continue;
          for (guint i = 0; i < terms->words->len; i++)
            if (named[i] && askarov_person_key_has_word (folded, folded_words[i]))
              add_alternative (terms, i, g_ptr_array_index (spelled, j));
        }
    }
}

/* Splits the query and finds the names in it: a word that names the person
 * of a case (by the folded key the case groups its documents by, allowing
 * one typo) also matches the other spellings that the case's documents use
 * ("Azimzhan" finds Azimjan, Azimjon, Азимжан), and a query made only of
 * such words names the case itself. */
static QueryTerms *
read_query (AskarovStore *self,
            const char   *query)
{
  QueryTerms *terms = g_new0 (QueryTerms, 1);
  g_autoptr(sqlite3_stmt) cases = NULL;
  g_auto(GStrv) folded_words = NULL;
  g_autofree gboolean *named = NULL;
  gboolean any_name = FALSE;

  terms->words = split_query (query);
  terms->alternatives = g_ptr_array_new_with_free_func (free_alternatives);
  g_ptr_array_set_size (terms->alternatives, terms->words->len);
  terms->whole_cases = g_array_new (FALSE, FALSE, sizeof (gint64));

  folded_words = g_new0 (char *, terms->words->len + 1);
  named = g_new0 (gboolean, MAX (terms->words->len, 1));
  for (guint i = 0; i < terms->words->len; i++)
    {
      const char *word = g_ptr_array_index (terms->words, i);

      /* Too short to be told from other words. */
      if (g_utf8_strlen (word, -1) < 3)
        continue;
      folded_words[i] = askarov_fold_person_name (word);
      /* A folded key is space-free: a word that folds to several is not a name. */
      if (folded_words[i] != NULL && strchr (folded_words[i], ' ') == NULL)
        any_name = TRUE;
      else
        g_clear_pointer (&folded_words[i], g_free);
    }
  if (!any_name)
    return terms;

  cases = askarov_store_prepare (self, "SELECT id, name, person_key FROM cases", NULL);
  while (cases != NULL && sqlite3_step (cases) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (cases, 1);
      const char *stored_key = (const char *) sqlite3_column_text (cases, 2);
      g_autofree char *key = stored_key == NULL ? askarov_fold_person_name (name) : NULL;
      gboolean all = TRUE, some = FALSE;

      if (stored_key != NULL)
        key = g_strdup (stored_key);
      if (key == NULL)
        continue;
      for (guint i = 0; i < terms->words->len; i++)
        {
          named[i] = folded_words[i] != NULL && askarov_person_key_has_word (key, folded_words[i]);
          some |= named[i];
          all &= named[i];
        }
      if (!some)
        continue;
      add_case_spellings (self, terms, folded_words, named, sqlite3_column_int64 (cases, 0), name);
      if (all)
        {
          gint64 id = sqlite3_column_int64 (cases, 0);

          g_array_append_val (terms->whole_cases, id);
        }
    }
  return terms;
}

/* Turns the query into an FTS5 query: each word quoted (so that FTS5 syntax
 * in it is never interpreted), all words required, with the other spellings
 * of a name as alternatives, and the last word also matched as a prefix,
 * since it may still be being typed (prefix matches on every word made
 * common searches several times slower). Words are stemmed by the index's
 * tokenizer; the prefix is not, so the last word is asked for both ways.
 * Returns NULL when nothing searchable is left. */
static char *
build_match_query (QueryTerms *terms)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < terms->words->len; i++)
    {
      GPtrArray *alternatives = g_ptr_array_index (terms->alternatives, i);
      gboolean last = i + 1 == terms->words->len;

      /* FTS5 ANDs adjacent phrases by itself, but not a group in brackets. */
      if (out->len > 0)
        g_string_append (out, " AND ");
      /* Words hold only letters, digits and marks: no quote to escape. */
      if (!last && alternatives == NULL)
        {
          g_string_append_printf (out, "\"%s\"", (char *) g_ptr_array_index (terms->words, i));
          continue;
        }
      g_string_append_printf (out, "(\"%s\"", (char *) g_ptr_array_index (terms->words, i));
      if (last)
        g_string_append_printf (out, " OR \"%s\"*", (char *) g_ptr_array_index (terms->words, i));
      for (guint j = 0; alternatives != NULL && j < alternatives->len; j++)
        g_string_append_printf (out, " OR \"%s\"", (char *) g_ptr_array_index (alternatives, j));
      g_string_append_c (out, ')');
    }

  if (out->len == 0)
    return NULL;
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

/* Adds the documents of the cases the whole query names that the words
 * themselves did not find (a document filed under the case by hand, or one
 * naming the person in a way the case's spellings do not cover), newest first. */
static gboolean
add_case_documents (AskarovStore  *self,
                    GArray        *case_ids,
                    GPtrArray     *documents,
                    guint          limit,
                    GError       **error)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (case_ids->len == 0 || documents->len >= limit)
    return TRUE;
  for (guint i = 0; i < documents->len; i++)
    g_hash_table_add (found, g_memdup2 (&(gint64) { askarov_document_get_id (g_ptr_array_index (documents, i)) },
                                        sizeof (gint64)));
  stmt = askarov_store_prepare (self,
                                "SELECT " ASKAROV_DOCUMENT_COLUMNS " FROM documents d "
                                "LEFT JOIN cases c ON c.id = d.case_id "
                                "WHERE d.case_id = ?1 ORDER BY d.sort_date DESC, d.id DESC",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < case_ids->len && documents->len < limit; i++)
    {
      int rc = SQLITE_DONE;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (case_ids, gint64, i));
      while (documents->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (!g_hash_table_contains (found, &id))
            g_ptr_array_add (documents, askarov_store_document_from_row (stmt));
        }
      if (documents->len < limit && rc != SQLITE_DONE)
        return askarov_store_set_error (self, error, _("Searching the library"));
    }
  return TRUE;
}

/* Puts the hits of one case together, the case of the best hit first and
 * the best hit first within each case, keeping the rank order otherwise:
 * a result list shows each hit under its own case's heading. Documents in
 * no case form one group. */
static void
group_by_case (GPtrArray *documents)
{
  g_autoptr(GHashTable) group_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree gint64 *case_ids = g_new (gint64, MAX (documents->len, 1));

  for (guint i = 0; i < documents->len; i++)
    {
      AskarovDocument *document = g_ptr_array_index (documents, i);
      GPtrArray *group;

      case_ids[i] = askarov_document_get_case_id (document);
      if (!(group = g_hash_table_lookup (group_of, &case_ids[i])))
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (groups, group);
          g_hash_table_insert (group_of, &case_ids[i], group);
        }
      g_ptr_array_add (group, g_object_ref (document));
    }
  g_ptr_array_set_size (documents, 0);
  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (groups, i);

      for (guint j = 0; j < group->len; j++)
        g_ptr_array_add (documents, g_object_ref (g_ptr_array_index (group, j)));
    }
}

/**
 * askarov_store_search_documents:
 * @query: words as the user typed them
 * @limit: the most results to return
 *
 * Full-text search over titles and texts: every word must occur (in any of
 * its forms, by the index's stemming tokenizer, or as the start of a word
 * for the last one), results are ranked by BM25 with the title counting
 * more. A word naming the person of a case also finds the case's other
 * spellings of that name, and a query that is only that person's name
 * finds all the case's documents. The hits are grouped by case (see
 * group_by_case()). The first %ASKAROV_SEARCH_SNIPPETS results by rank have
 * a snippet (see AskarovDocument:snippet).
 *
 * Returns: (transfer full) (element-type AskarovDocument): grouped by case,
 *   the case of the best hit first
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
  g_autoptr(QueryTerms) terms = NULL;
  g_autofree char *match = NULL;
  guint remaining = ASKAROV_SEARCH_SNIPPETS;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  locker = askarov_store_lock (self);
  if (askarov_store_get_db (self) == NULL)
    {
      askarov_store_set_error (self, error, _("Searching the library"));
      return NULL;
    }
  terms = read_query (self, query);
  if (!(match = build_match_query (terms)))
    return g_steal_pointer (&documents);

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
  if (!add_case_documents (self, terms->whole_cases, documents, limit, error))
    return NULL;
  group_by_case (documents);
  return g_steal_pointer (&documents);
}
