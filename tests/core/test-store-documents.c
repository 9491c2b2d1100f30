/* test-store-documents.c — the case library: adding, grouping, moving, deleting, searching, the case pack.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include <sqlite3.h>

#include "askarov-case-pack.h"
#include "askarov-document-list.h"
#include "askarov-store-documents.h"
#include "askarov-store-private.h"

static AskarovTarget *
make_target (const char *name,
             const char *title,
             const char *salutation,
             gboolean    copy)
{
  AskarovTarget *target = askarov_target_new ();
  const char *address[] = { "Frunze Street, 469", "Bishkek 720040, KYRGYZSTAN", NULL };
  const char *email[] = { "pressa@example.org", NULL };

  target->name = g_strdup (name);
  target->title = g_strdup (title);
  target->salutation = g_strdup (salutation);
  g_strfreev (target->address);
  target->address = g_strdupv ((char **) address);
  g_strfreev (target->email);
  target->email = g_strdupv ((char **) email);
  target->fax = g_strdup ("+996 312 68 20 44");
  target->copy = copy;
  return target;
}

/* A document about @person with @body; @targets adds two targets. */
static AskarovDocument *
make_document (const char *title,
               const char *person,
               const char *body,
               const char *issued,
               gboolean    targets)
{
  AskarovDocument *document = askarov_document_new ();
  AskarovFacts *facts = askarov_facts_new ();
  const char *languages[] = { "ru", "ky", "en", NULL };

  askarov_document_set_title (document, title);
  askarov_document_set_source_name (document, "ua.txt");
  askarov_document_set_format (document, "text");
  askarov_document_set_body (document, body);

  facts->kind = ASKAROV_DOCUMENT_KIND_UPDATE;
  facts->reference = g_strdup ("135/10");
  facts->index = g_strdup ("EUR 58/015/2010");
  facts->issued = g_strdup (issued);
  facts->deadline = g_strdup ("2010-10-27");
  facts->update = 5;
  g_strfreev (facts->languages);
  facts->languages = g_strdupv ((char **) languages);
  facts->own_language_allowed = TRUE;
  if (person != NULL)
    {
      const char *persons[] = { person, NULL };

      g_strfreev (facts->persons);
      facts->persons = g_strdupv ((char **) persons);
    }
  if (targets)
    {
      g_ptr_array_add (facts->targets, make_target ("Zarylbek Rysaliev", "Minister of Internal Affairs", "Dear Minister", FALSE));
      g_ptr_array_add (facts->targets, make_target ("Roza Otunbaeva", "President", NULL, TRUE));
    }
  askarov_document_take_facts (document, facts);
  return document;
}

static void
test_add_and_get (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) document = make_document ("Jailed for life", "Azimjan Askarov",
                                                       "The court sentenced him.\n\nWrite now.", "2010-09-15", TRUE);
  g_autoptr(AskarovDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const AskarovTarget *target;
  AskarovFacts *facts;

  g_assert_true (askarov_store_add_document (store, document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (askarov_document_get_id (document), >, 0);
  g_assert_cmpint (askarov_document_get_case_id (document), >, 0);
  g_assert_cmpstr (askarov_document_get_case_name (document), ==, "Azimjan Askarov");

  loaded = askarov_store_get_document (store, askarov_document_get_id (document), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (askarov_document_get_title (loaded), ==, "Jailed for life");
  g_assert_cmpstr (askarov_document_get_body (loaded), ==, "The court sentenced him.\n\nWrite now.");
  g_assert_cmpstr (askarov_document_get_case_name (loaded), ==, "Azimjan Askarov");
  g_assert_cmpstr (askarov_document_get_kind_name (loaded), ==, "update");
  facts = askarov_document_get_facts (loaded);
  g_assert_cmpstr (facts->reference, ==, "135/10");
  g_assert_cmpstr (facts->index, ==, "EUR 58/015/2010");
  g_assert_cmpstr (facts->issued, ==, "2010-09-15");
  g_assert_cmpstr (facts->deadline, ==, "2010-10-27");
  g_assert_cmpint (facts->update, ==, 5);
  g_assert_true (facts->own_language_allowed);
  g_assert_cmpstrv (facts->languages, ((const char *[]) { "ru", "ky", "en", NULL }));
  g_assert_cmpuint (facts->targets->len, ==, 2);

  target = askarov_document_get_target (loaded, 0);
  g_assert_cmpstr (target->name, ==, "Zarylbek Rysaliev");
  g_assert_cmpstr (target->salutation, ==, "Dear Minister");
  g_assert_cmpstrv (target->address, ((const char *[]) { "Frunze Street, 469", "Bishkek 720040, KYRGYZSTAN", NULL }));
  g_assert_cmpstr (target->fax, ==, "+996 312 68 20 44");
  g_assert_false (target->copy);
  target = askarov_document_get_target (loaded, 1);
  g_assert_cmpstr (target->name, ==, "Roza Otunbaeva");
  g_assert_null (target->salutation);
  g_assert_true (target->copy);
  g_assert_null (askarov_document_get_target (loaded, 2));

  /* A deleted or unknown document is a clear "not found". */
  g_assert_null (askarov_store_get_document (store, 9999, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND);
}

static void
test_duplicate (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) first = make_document ("Jailed for life", "Azimjan Askarov", "Same text.", "2010-09-15", TRUE);
  g_autoptr(AskarovDocument) again = make_document ("Another title", "Someone Else", "Same text.", "2011-01-01", TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_store_add_document (store, first, &error));
  g_assert_false (askarov_store_add_document (store, again, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CONSTRAINT);
  /* The message names the file and the document already there. */
  g_assert_nonnull (strstr (error->message, "ua.txt"));
  g_assert_nonnull (strstr (error->message, "Jailed for life"));
  g_assert_cmpint (askarov_document_get_id (again), ==, 0);

  /* Nothing of the duplicate was saved, not even the case of its person. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM targets"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 1);
}

static void
test_grouping_spellings (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  const char *spellings[] = { "Azimjan Askarov", "Azimzhan Askarov", "Azimjon Askarov", "Azimjan Azkarov" };
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *body = g_strdup_printf ("Document %u about %s.", i, spellings[i]);
      g_autoptr(AskarovDocument) document = make_document (spellings[i], spellings[i], body, "2010-09-15", FALSE);

      g_assert_true (askarov_store_add_document (store, document, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(AskarovDocument) other = make_document ("Another case", "Nurbek Toktakunov", "Someone else.", "2011-01-01", FALSE);
    AskarovFacts *facts = askarov_document_get_facts (other);

    /* Another UA: the same reference would join the first case. */
    g_free (facts->reference);
    facts->reference = g_strdup ("201/11");
    g_assert_true (askarov_store_add_document (store, other, &error));
  }

  cases = askarov_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  g_assert_cmpstr (askarov_case_get_name (g_ptr_array_index (cases, 0)), ==, "Azimjan Askarov");
  g_assert_cmpuint (askarov_case_get_n_documents (g_ptr_array_index (cases, 0)), ==, 4);
  g_assert_cmpstr (askarov_case_get_name (g_ptr_array_index (cases, 1)), ==, "Nurbek Toktakunov");
  g_assert_cmpuint (askarov_case_get_n_documents (g_ptr_array_index (cases, 1)), ==, 1);
}

static void
test_corpus_one_case (void)
{
  const char *corpus = g_getenv ("ASKAROV_CORPUS_DIR");
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  const char *files[] = {
    "000_edbe7ad0c28d7a93.txt", "001_05ec059752625cbf.txt", "002_7170e70723e6a976.txt",
    "003_55fd246bdecfe6e2.txt", "004_1992ba49029ce453.txt",
  };
  AskarovDocument *ua135 = NULL;
  AskarovDocument *ua61 = NULL;
  g_autoptr(AskarovDocument) full = NULL;
  AskarovFacts *facts;

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("ASKAROV_CORPUS_DIR is not set or missing: the corpus is not available");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (corpus, files[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(AskarovDocument) document = askarov_store_import_file (store, file, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (document);
    }

  cases = askarov_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpuint (askarov_case_get_n_documents (g_ptr_array_index (cases, 0)), ==, 5);

  documents = askarov_store_list_documents (store, ASKAROV_CASE_ANY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 5);
  for (guint i = 0; i < documents->len; i++)
    {
      AskarovDocument *document = g_ptr_array_index (documents, i);

      g_test_message ("%s: kind %s, reference %s, sort date %s", askarov_document_get_source_name (document),
                      askarov_document_get_kind_name (document), askarov_document_get_reference (document),
                      askarov_document_get_sort_date (document));
      if (g_strcmp0 (askarov_document_get_reference (document), "135/10") == 0)
        ua135 = document;
      else if (g_strcmp0 (askarov_document_get_reference (document), "61/20") == 0 &&
               askarov_document_get_kind (document) == ASKAROV_DOCUMENT_KIND_URGENT_ACTION)
        ua61 = document;
      /* Newest first. */
      if (i > 0)
        g_assert_cmpstr (askarov_document_get_sort_date (g_ptr_array_index (documents, i - 1)), >=,
                         askarov_document_get_sort_date (document));
    }
  g_assert_nonnull (ua135);
  g_assert_nonnull (ua61);

  full = askarov_store_get_document (store, askarov_document_get_id (ua135), &error);
  g_assert_no_error (error);
  facts = askarov_document_get_facts (full);
  g_assert_cmpint (facts->kind, ==, ASKAROV_DOCUMENT_KIND_UPDATE);
  g_assert_cmpstr (facts->issued, ==, "2010-09-15");
  g_assert_cmpstr (facts->deadline, ==, "2010-10-27");
  g_assert_cmpint (facts->update, ==, 5);
  g_assert_cmpuint (facts->targets->len, ==, 3);
  g_assert_cmpstr (((AskarovTarget *) g_ptr_array_index (facts->targets, 0))->salutation, ==, "Dear Minister");
  g_assert_true (((AskarovTarget *) g_ptr_array_index (facts->targets, 2))->copy);
  g_assert_cmpstr (askarov_document_get_deadline (ua61), ==, "2020-06-03");
}

static void
test_move_and_delete (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) a = make_document ("A", "Azimjan Askarov", "Text A.", "2010-09-15", TRUE);
  g_autoptr(AskarovDocument) b = make_document ("B", "Azimjan Askarov", "Text B.", "2020-05-01", FALSE);
  g_autoptr(AskarovDocument) moved = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other;

  g_assert_true (askarov_store_add_document (store, a, &error));
  g_assert_true (askarov_store_add_document (store, b, &error));
  other = askarov_store_create_case (store, "Another person", &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, >, 0);

  g_assert_true (askarov_store_move_document (store, askarov_document_get_id (a), other, &error));
  g_assert_no_error (error);
  moved = askarov_store_get_document (store, askarov_document_get_id (a), &error);
  g_assert_cmpint (askarov_document_get_case_id (moved), ==, other);
  g_assert_cmpstr (askarov_document_get_case_name (moved), ==, "Another person");

  list = askarov_store_list_documents (store, other, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Moving to a case that does not exist changes nothing. */
  g_assert_false (askarov_store_move_document (store, askarov_document_get_id (a), 4242, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM documents WHERE case_id IS NULL"), ==, 0);

  /* Deleting a document takes its targets and its search entry with it. */
  g_assert_true (askarov_store_delete_document (store, askarov_document_get_id (a), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM targets"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'text'"), ==, 1);
  g_assert_false (askarov_store_delete_document (store, askarov_document_get_id (a), &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting a case deletes its documents; logged actions keep its name. */
  exec_sql (store, "INSERT INTO records (case_id, case_name, channel, taken_on, natural_key) "
                   "SELECT id, name, 'letter', '2020-05-02', hex(randomblob(16)) FROM cases WHERE name = 'Azimjan Askarov'");
  g_assert_true (askarov_store_delete_case (store, askarov_document_get_case_id (b), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM documents"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records WHERE case_id IS NULL AND case_name = 'Azimjan Askarov'"), ==, 1);
}

static void
test_search_ranking (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char *title; const char *body; } docs[] = {
    { "Court hearing", "The lawyers were attacked; nothing about the main word here." },
    { "Prisoner of conscience", "Sentenced for his work. He is a prisoner of conscience." },
    { "Health at risk", "Cardiac problems. Once, in passing, a prisoner is mentioned among many other words "
                        "that make this text much longer than the others so that the term is rare in it." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(AskarovDocument) document = make_document (docs[i].title, "Azimjan Askarov", docs[i].body, "2020-01-01", FALSE);

      g_assert_true (askarov_store_add_document (store, document, &error));
    }

  results = askarov_store_search_documents (store, "prisoner", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  /* The title match and the repeated word rank first. */
  g_assert_cmpstr (askarov_document_get_title (g_ptr_array_index (results, 0)), ==, "Prisoner of conscience");
  g_assert_cmpstr (askarov_document_get_title (g_ptr_array_index (results, 1)), ==, "Health at risk");
  g_assert_nonnull (strstr (askarov_document_get_snippet (g_ptr_array_index (results, 0)), "\002prisoner\003"));
  g_clear_pointer (&results, g_ptr_array_unref);

  /* The last word matches as a prefix, all words are required, case does not matter. */
  results = askarov_store_search_documents (store, "ATTACKED lawy", 50, &error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (askarov_document_get_title (g_ptr_array_index (results, 0)), ==, "Court hearing");
  g_clear_pointer (&results, g_ptr_array_unref);

  /* FTS5 syntax typed by the user is taken as words, never as an error. */
  results = askarov_store_search_documents (store, "\"prisoner* AND (NEAR OR", 50, &error);
  g_assert_no_error (error);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = askarov_store_search_documents (store, "  ***  ", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* The limit is kept. */
  results = askarov_store_search_documents (store, "prisoner", 1, &error);
  g_assert_cmpuint (results->len, ==, 1);
}

static void
test_search_yo_folding (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) a = make_document ("Письмо", "Азимжан Аскаров", "Его ещё не освободили. Всё ещё в тюрьме.", "2020-01-01", FALSE);
  g_autoptr(AskarovDocument) b = make_document ("Новое", "Азимжан Аскаров", "Еще одно письмо, без буквы.", "2020-01-02", FALSE);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = askarov_fold_search_text ("Ёлка и ёж, йод");

  g_assert_cmpstr (folded, ==, "Елка и еж, йод");
  g_assert_true (askarov_store_add_document (store, a, &error));
  g_assert_true (askarov_store_add_document (store, b, &error));

  /* ё in the text is found by е in the query, and the other way round. */
  results = askarov_store_search_documents (store, "еще", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = askarov_store_search_documents (store, "ЕЩЁ", 50, &error);
  g_assert_cmpuint (results->len, ==, 2);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = askarov_store_search_documents (store, "всё", 50, &error);
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);
  /* й is a letter of its own, not и with a mark ("освободили" is in the text;
   * a query word that stemming shortens to a stem of the text would match). */
  results = askarov_store_search_documents (store, "освободйли", 50, &error);
  g_assert_cmpuint (results->len, ==, 0);
}

static void
test_failed_insert_leaves_nothing (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) document = make_document ("Half", "New Person", "Will fail on its second target.", "2020-01-01", TRUE);
  g_autoptr(AskarovDocument) retry = NULL;
  g_autoptr(GError) error = NULL;

  /* The second target cannot be written (as a full disk would refuse it). */
  exec_sql (store, "CREATE TEMP TRIGGER fail_targets BEFORE INSERT ON targets WHEN new.position = 1 "
                   "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");

  g_assert_false (askarov_store_add_document (store, document, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (askarov_document_get_id (document), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM documents"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM targets"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'fail'"), ==, 0);

  /* Once the cause is gone the same document goes in (no stale duplicate). */
  exec_sql (store, "DROP TRIGGER fail_targets");
  retry = make_document ("Half", "New Person", "Will fail on its second target.", "2020-01-01", TRUE);
  g_assert_true (askarov_store_add_document (store, retry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM targets"), ==, 2);
}

static void
test_case_pack (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovDocument) ua61 = NULL;
  AskarovCase *pack_case;
  AskarovDocument *newest;
  guint n_added = 0;
  gboolean saw_fact = FALSE, saw_document = FALSE, saw_record = FALSE;

  g_assert_true (askarov_case_pack_install (store, TRUE, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);

  cases = askarov_store_list_cases (store, &error);
  g_assert_cmpuint (cases->len, ==, 1);
  pack_case = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (askarov_case_get_name (pack_case), ==, "Azimjan Askarov");
  g_assert_cmpuint (askarov_case_get_n_documents (pack_case), ==, 3);
  g_assert_nonnull (strstr (askarov_case_get_summary (pack_case), "25 July 2020"));

  /* The outcome has no issue date: it is listed as the newest. */
  documents = askarov_store_list_documents (store, askarov_case_get_id (pack_case), &error);
  g_assert_cmpuint (documents->len, ==, 3);
  newest = g_ptr_array_index (documents, 0);
  g_assert_cmpint (askarov_document_get_kind (newest), ==, ASKAROV_DOCUMENT_KIND_OUTCOME);
  g_assert_cmpstr (askarov_document_get_reference (g_ptr_array_index (documents, 1)), ==, "61/20");
  g_assert_cmpstr (askarov_document_get_reference (g_ptr_array_index (documents, 2)), ==, "135/10");

  ua61 = askarov_store_get_document (store, askarov_document_get_id (g_ptr_array_index (documents, 1)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (askarov_document_get_facts (ua61)->targets->len, ==, 2);
  g_assert_cmpstr (askarov_document_get_target (ua61, 1)->salutation, ==, "Dear Ambassador");
  g_assert_cmpstr (askarov_document_get_target (ua61, 1)->phone, ==, "202 449 9822");
  g_assert_cmpstrv (askarov_document_get_facts (ua61)->languages, ((const char *[]) { "ky", "ru", NULL }));

  /* The timeline: facts from the pack, the documents, the volunteer's actions. */
  exec_sql (store, "INSERT INTO records (case_id, case_name, target_name, channel, taken_on, natural_key) "
                   "SELECT id, name, 'Bolot Otunbaev', 'email', '2020-05-20', hex(randomblob(16)) FROM cases");
  events = askarov_store_list_case_events (store, askarov_case_get_id (pack_case), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      AskarovCaseEvent *event = g_ptr_array_index (events, i);

      saw_fact |= event->kind == ASKAROV_CASE_EVENT_FACT && g_str_equal (event->date, "2020-07-25");
      saw_document |= event->kind == ASKAROV_CASE_EVENT_DOCUMENT && g_str_equal (event->date, "2010-09-15");
      saw_record |= event->kind == ASKAROV_CASE_EVENT_RECORD && g_str_equal (event->detail, "email");
      if (i > 0)
        g_assert_cmpstr (((AskarovCaseEvent *) g_ptr_array_index (events, i - 1))->date, <=, event->date);
    }
  g_assert_true (saw_fact && saw_document && saw_record);

  /* Loaded once: a start after the user deleted it does not bring it back… */
  g_assert_true (askarov_store_delete_case (store, askarov_case_get_id (pack_case), &error));
  g_assert_true (askarov_case_pack_install (store, TRUE, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM cases"), ==, 0);

  /* …but "Restore the Askarov Case" does, and twice adds nothing twice. */
  g_assert_true (askarov_case_pack_install (store, FALSE, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 3);
  g_assert_true (askarov_case_pack_install (store, FALSE, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM documents"), ==, 3);
}

typedef struct
{
  guint position, removed, added, count;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static AskarovDocument *
summary (gint64      id,
         const char *issued)
{
  AskarovDocument *document = askarov_document_new ();
  AskarovFacts *facts = askarov_facts_new ();

  facts->issued = g_strdup (issued);
  askarov_document_take_facts (document, facts);
  askarov_document_set_id (document, id);
  return document;
}

static void
test_document_list (void)
{
  g_autoptr(AskarovDocumentList) list = askarov_document_list_new ();
  g_autoptr(GPtrArray) initial = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AskarovDocument) middle = summary (4, "2015-01-01");
  g_autoptr(AskarovDocument) item = NULL;
  Change change = { 0 };

  g_ptr_array_add (initial, summary (1, "2010-09-15"));
  g_ptr_array_add (initial, summary (2, "2020-06-03"));
  g_ptr_array_add (initial, summary (3, "2017-01-24"));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &change);

  askarov_document_list_set_documents (list, initial);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (askarov_document_get_id (item), ==, 2);
  g_clear_object (&item);

  /* One new document: one insertion at its place, not a reload. */
  askarov_document_list_add (list, middle);
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);

  g_assert_true (askarov_document_list_remove (list, 2));
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_false (askarov_document_list_remove (list, 2));
  g_assert_cmpuint (change.count, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-documents/add-and-get", test_add_and_get);
  g_test_add_func ("/store-documents/duplicate", test_duplicate);
  g_test_add_func ("/store-documents/grouping-spellings", test_grouping_spellings);
  g_test_add_func ("/store-documents/corpus-one-case", test_corpus_one_case);
  g_test_add_func ("/store-documents/move-and-delete", test_move_and_delete);
  g_test_add_func ("/store-documents/search-ranking", test_search_ranking);
  g_test_add_func ("/store-documents/search-yo-folding", test_search_yo_folding);
  g_test_add_func ("/store-documents/failed-insert-leaves-nothing", test_failed_insert_leaves_nothing);
  g_test_add_func ("/store-documents/case-pack", test_case_pack);
  g_test_add_func ("/store-documents/document-list", test_document_list);

  return g_test_run ();
}
