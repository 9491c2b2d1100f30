/* test-search.c — library search: word forms in seven languages, folding, prefixes, name spellings, grouping, migration.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "askarov-store-documents.h"

static gint64
add_document (AskarovStore *store,
              const char   *title,
              const char   *person,
              const char   *body)
{
  g_autoptr(AskarovDocument) document = askarov_document_new ();
  AskarovFacts *facts = askarov_facts_new ();
  g_autoptr(GError) error = NULL;

  askarov_document_set_title (document, title);
  askarov_document_set_source_name (document, "ua.txt");
  askarov_document_set_format (document, "text");
  askarov_document_set_body (document, body);
  facts->issued = g_strdup ("2020-01-01");
  if (person != NULL)
    {
      const char *persons[] = { person, NULL };

      g_strfreev (facts->persons);
      facts->persons = g_strdupv ((char **) persons);
    }
  askarov_document_take_facts (document, facts);
  g_assert_true (askarov_store_add_document (store, document, &error));
  g_assert_no_error (error);
  return askarov_document_get_id (document);
}

/* The titles found for @query, sorted, joined with "|". */
static char *
search_titles (AskarovStore *store,
               const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = askarov_store_search_documents (store, query, 50, &error);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  g_assert_no_error (error);
  g_assert_nonnull (results);
  for (guint i = 0; i < results->len; i++)
    g_ptr_array_add (titles, (gpointer) askarov_document_get_title (g_ptr_array_index (results, i)));
  g_ptr_array_sort_values (titles, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (titles, NULL);
  return g_strjoinv ("|", (char **) titles->pdata);
}

static void
assert_finds (AskarovStore *store,
              const char   *query,
              const char   *expected)
{
  g_autofree char *titles = search_titles (store, query);

  if (g_strcmp0 (titles, expected) != 0)
    g_error ("Searching “%s” found “%s”, expected “%s”", query, titles, expected);
}

/* In each language, a form of a word finds a document that has only
 * another form of it. The last word of a query is also a prefix, so each
 * query word is followed by a second one to test the stemmed match alone. */
static void
test_stemming_languages (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  static const struct
  {
    const char *language;
    const char *body;
    const char *query;
  } cases[] = {
    { "en", "He was tortured in custody and later sentenced.", "torture sentence" },
    { "ru", "Сообщения о применении пыток в колонии не расследованы.", "пытки колония" },
    { "de", "Die Gefangenen wurden in eine andere Haftanstalt verlegt.", "Gefangener Haftanstalten" },
    { "fr", "Les défenseurs ont été arrêtés devant le tribunal.", "défenseur arrêté" },
    { "es", "Los periodistas detenidos denunciaron malos tratos.", "periodista detenido" },
    { "nl", "De gevangenen kregen geen bezoeken van hun advocaten.", "advocaat bezoek" },
    { "it", "Gli attivisti arrestati sono stati condannati ingiustamente.", "attivista arrestato" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    add_document (store, cases[i].language, NULL, cases[i].body);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = g_strdup_printf ("%s zzz", cases[i].query);
      g_auto(GStrv) words = g_strsplit (cases[i].query, " ", 2);

      /* The first word alone, not as a prefix (a second word follows): a
       * word that is no prefix of the document's form. */
      assert_finds (store, cases[i].query, cases[i].language);
      {
        g_autofree char *first_only = g_strdup_printf ("%s %s", words[0], words[0]);

        assert_finds (store, first_only, cases[i].language);
      }
      /* A word the document lacks still rules it out. */
      assert_finds (store, query, "");
    }
  /* "tortured"/"torture": the stem, not the prefix, finds it. */
  assert_finds (store, "torture custody", "en");
  assert_finds (store, "torturing custody", "en");
  /* Stems do not make unrelated words match. */
  assert_finds (store, "tort custody", "");
}

static void
test_folding_and_prefix (void)
{
  g_autoptr(AskarovStore) store = open_store ();

  add_document (store, "yo", NULL, "Его ещё не освободили, всё ещё держат в тюрьме.");
  add_document (store, "accents", NULL, "Le défenseur a été arrêté à Bichkek; Gefängnis und Überwachung.");
  add_document (store, "plain", NULL, "The defender was released from the prison colony.");

  /* ё and е, accents or none, either way round. */
  assert_finds (store, "еще держат", "yo");
  assert_finds (store, "ЕЩЁ", "yo");
  assert_finds (store, "тюрьма освободить", "yo");
  assert_finds (store, "defenseur arrete", "accents");
  assert_finds (store, "Défenseur ARRÊTÉ", "accents");
  assert_finds (store, "gefangnis uberwachung", "accents");
  assert_finds (store, "Gefängnis", "accents");
  /* The last word matches as a prefix, in any script. */
  assert_finds (store, "prison col", "plain");
  assert_finds (store, "defen", "accents|plain");
  assert_finds (store, "тюр", "yo");
  assert_finds (store, "Überw", "accents");
  /* Prefixes are not stemmed: "releas" is the start of "released". */
  assert_finds (store, "releas", "plain");
}

static void
test_name_spellings (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gint64 moved;

  add_document (store, "Azimjan", "Azimjan Askarov", "Azimjan Askarov remains in prison after the appeal.");
  add_document (store, "Azimjon", "Azimjon Askarov", "The court upheld the sentence of Azimjon Askarov.");
  add_document (store, "Cyrillic", "Азимжан Аскаров", "Азимжан Аскаров остаётся в колонии.");
  add_document (store, "Other", "Nurbek Toktakunov", "Nurbek Toktakunov visited the prison in Bishkek.");
  /* Filed under the case by hand: it does not name him at all. */
  moved = add_document (store, "Hand filed", NULL, "A hearing on health grounds was postponed.");
  results = askarov_store_search_documents (store, "Azimjan", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, >, 0);
  g_assert_true (askarov_store_move_document (store, moved, askarov_document_get_case_id (g_ptr_array_index (results, 0)),
                                              &error));
  g_assert_no_error (error);

  /* The documents spell him three ways; each spelling finds them all. */
  assert_finds (store, "Azimzhan", "Azimjan|Azimjon|Cyrillic|Hand filed");
  assert_finds (store, "Azimjon Askarov", "Azimjan|Azimjon|Cyrillic|Hand filed");
  assert_finds (store, "Азимжан", "Azimjan|Azimjon|Cyrillic|Hand filed");
  /* With another word, the name stands for its spellings and the word is
   * still required. */
  assert_finds (store, "Azimzhan court", "Azimjon");
  assert_finds (store, "Azimzhan prison", "Azimjan");
  /* Other people and other words are not affected. */
  assert_finds (store, "Toktakunov", "Other");
  assert_finds (store, "prison", "Azimjan|Other");
  assert_finds (store, "Azimov", "");
}

/* Each hit sits with the other hits of its case, the case of the best hit
 * first: the list shows every hit under its own case's heading. */
static void
test_grouped_by_case (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *previous = NULL;

  /* Ranked by BM25: the title hits first, then the long texts, so that
   * in rank order the cases alternate. */
  add_document (store, "Detention A1", "Azimjan Askarov", "Detention detention detention.");
  add_document (store, "Detention B1", "Nurbek Toktakunov", "Detention detention.");
  add_document (store, "Detention C1", NULL, "Detention of an unnamed person.");
  add_document (store, "About A", "Azimjan Askarov",
                "A long text that mentions his detention once among very many other words, words and words.");
  add_document (store, "About B", "Nurbek Toktakunov",
                "Another long text with detention once, padded with other words so that it ranks lower still.");
  add_document (store, "About C", NULL, "A paper on detention, unrelated to anyone, padded with many more words.");

  results = askarov_store_search_documents (store, "detention", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 6);
  /* The title hits rank first. */
  g_assert_true (g_str_has_prefix (askarov_document_get_title (g_ptr_array_index (results, 0)), "Detention"));
  for (guint i = 0; i < results->len; i++)
    {
      const char *name = askarov_document_get_case_name (g_ptr_array_index (results, i));
      const char *key = name != NULL ? name : "";

      /* A case seen before must be the one just before: its hits are together. */
      if (i > 0 && g_strcmp0 (key, previous) != 0)
        g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, g_strdup (key));
      previous = key;
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 3);
  /* The best hit's case comes first, and within it the better hit. */
  g_assert_true (g_str_has_prefix (askarov_document_get_title (g_ptr_array_index (results, 1)), "About"));
  g_assert_cmpint (askarov_document_get_case_id (g_ptr_array_index (results, 1)), ==,
                   askarov_document_get_case_id (g_ptr_array_index (results, 0)));
}

/* A version 1 database (the unstemmed index) is migrated: its index is
 * rebuilt with the stemming tokenizer, and nothing else changes. */
static void
test_migration_rebuilds_index (void)
{
  g_autofree char *path = askarov_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GBytes) v1 = g_resources_lookup_data ("/com/example/Askarov/core/askarov-schema.sql", 0, NULL);
  g_autofree char *sql = g_strndup (g_bytes_get_data (v1, NULL), g_bytes_get_size (v1));
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO documents (title, format, body, search_title, search_body, content_hash) "
                                 "VALUES ('Old', 'text', 'Reports of beatings in the colony.', 'Old', "
                                 "'Reports of beatings in the colony.', 'h1');"
                                 "PRAGMA user_version = 1; PRAGMA application_id = 1095977814;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (askarov_store_get_moved_aside (store));
  g_assert_cmpint (askarov_store_get_schema_version (store), ==, ASKAROV_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'documents_fts' "
                                      "AND sql LIKE '%askarov_stem%'"), ==, 1);
  /* "reported" and "beating" are other forms than the text has. */
  assert_finds (store, "reported beating", "Old");
  assert_finds (store, "colon", "Old");
  g_assert_true (askarov_store_integrity_check (store, &error));
  g_assert_no_error (error);
}

/* A connection without the tokenizer (another program, or an Askarov too
 * old for this database) is refused the index with an error, cannot add a
 * document (the index trigger fails, so nothing half-written is kept), and
 * the file stays sound for Askarov. */
static void
test_without_tokenizer_fails_clearly (void)
{
  g_autofree char *path = askarov_store_default_path ();
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int rc;

  add_document (store, "Kept", NULL, "Detained journalists were beaten.");
  askarov_store_close (store);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'beaten'", NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_ERROR);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "no such tokenizer"));
  rc = sqlite3_exec (db,
                     "INSERT INTO documents (title, format, body, search_title, search_body, content_hash) "
                     "VALUES ('New', 'text', 'x', 'New', 'x', 'h2')",
                     NULL, NULL, NULL);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  sqlite3_close (db);

  store = open_store ();
  g_assert_null (askarov_store_get_moved_aside (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_true (askarov_store_integrity_check (store, &error));
  g_assert_no_error (error);
  assert_finds (store, "detain beating", "Kept");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search/stemming-languages", test_stemming_languages);
  g_test_add_func ("/search/folding-and-prefix", test_folding_and_prefix);
  g_test_add_func ("/search/name-spellings", test_name_spellings);
  g_test_add_func ("/search/grouped-by-case", test_grouped_by_case);
  g_test_add_func ("/search/migration-rebuilds-index", test_migration_rebuilds_index);
  g_test_add_func ("/search/without-tokenizer-fails-clearly", test_without_tokenizer_fails_clearly);

  return g_test_run ();
}
