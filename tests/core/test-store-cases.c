/* test-store-cases.c — every Urgent Action is a case, and a case knows whether it is still open.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>

#include "test-store-utils.h"

#include <sqlite3.h>

#include "askarov-case-pack.h"
#include "askarov-store-documents.h"
#include "askarov-store-records.h"

/* A document of @kind about @person (or nobody) for UA @reference. */
static AskarovDocument *
make_document (AskarovDocumentKind  kind,
               const char          *reference,
               const char          *person,
               const char          *issued,
               const char          *outcome,
               const char          *outcome_date,
               const char          *body)
{
  AskarovDocument *document = askarov_document_new ();
  AskarovFacts *facts = askarov_facts_new ();

  askarov_document_set_title (document, body);
  askarov_document_set_source_name (document, "ua.txt");
  askarov_document_set_format (document, "text");
  askarov_document_set_body (document, body);
  facts->kind = kind;
  facts->reference = g_strdup (reference);
  facts->issued = g_strdup (issued);
  if (kind != ASKAROV_DOCUMENT_KIND_OUTCOME && issued != NULL)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (atoi (issued), atoi (issued + 5), atoi (issued + 8), 0, 0, 0);
      g_autoptr(GDateTime) later = g_date_time_add_days (day, 42);

      facts->deadline = g_date_time_format (later, "%Y-%m-%d");
    }
  facts->outcome = g_strdup (outcome);
  facts->outcome_date = g_strdup (outcome_date);
  if (person != NULL)
    {
      const char *persons[] = { person, NULL };

      g_strfreev (facts->persons);
      facts->persons = g_strdupv ((char **) persons);
    }
  askarov_document_take_facts (document, facts);
  return document;
}

static gint64
add (AskarovStore    *store,
     AskarovDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_store_add_document (store, document, &error));
  g_assert_no_error (error);
  return askarov_document_get_id (document);
}

static void
assert_state (AskarovStore     *store,
              gint64            case_id,
              AskarovCaseState  expected,
              const char       *expected_date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  AskarovCaseState state = -1;

  g_assert_true (askarov_store_get_case_state (store, case_id, &state, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (askarov_case_state_to_id (state), ==, askarov_case_state_to_id (expected));
  g_assert_cmpstr (date, ==, expected_date);
}

static void
test_every_ua_a_case (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) ua = make_document (ASKAROV_DOCUMENT_KIND_URGENT_ACTION, "209/15", "Buzurgmehr Yorov",
                                                 "2015-12-10", NULL, NULL, "A lawyer arrested.");
  g_autoptr(AskarovDocument) update = make_document (ASKAROV_DOCUMENT_KIND_UPDATE, "209/15", "Buzurgmekhr Yorov Esq",
                                                     "2016-03-01", NULL, NULL, "The lawyer sentenced.");
  g_autoptr(AskarovDocument) nameless = make_document (ASKAROV_DOCUMENT_KIND_UPDATE, "209/15", NULL,
                                                       "2016-05-01", NULL, NULL, "Appeal hearing set.");
  g_autoptr(AskarovDocument) other = make_document (ASKAROV_DOCUMENT_KIND_URGENT_ACTION, "61/20", "Azimjan Askarov",
                                                    "2020-05-01", NULL, NULL, "Health at risk.");
  g_autoptr(AskarovDocument) nobody = make_document (ASKAROV_DOCUMENT_KIND_ARTICLE, "99/99", NULL,
                                                     "2020-01-01", NULL, NULL, "A general article.");
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) loose = NULL;
  g_autoptr(GError) error = NULL;

  add (store, ua);
  add (store, update);
  add (store, nameless);
  add (store, other);
  add (store, nobody);

  /* A document naming a person starts a case; the same reference joins it
   * whatever the spelling, or with no name at all. */
  g_assert_cmpint (askarov_document_get_case_id (ua), >, 0);
  g_assert_cmpstr (askarov_document_get_case_name (ua), ==, "Buzurgmehr Yorov");
  g_assert_cmpint (askarov_document_get_case_id (update), ==, askarov_document_get_case_id (ua));
  g_assert_cmpint (askarov_document_get_case_id (nameless), ==, askarov_document_get_case_id (ua));
  g_assert_cmpint (askarov_document_get_case_id (other), !=, askarov_document_get_case_id (ua));
  g_assert_cmpint (askarov_document_get_case_id (other), >, 0);
  /* Nobody named and a reference no case has: outside every case. */
  g_assert_cmpint (askarov_document_get_case_id (nobody), ==, 0);

  cases = askarov_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  loose = askarov_store_list_documents (store, ASKAROV_CASE_NONE, &error);
  g_assert_cmpuint (loose->len, ==, 1);
}

/* Libraries from before: documents naming a person but in no case are put
 * into cases by the start-up step. */
static void
test_group_loose_documents (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) ua = make_document (ASKAROV_DOCUMENT_KIND_URGENT_ACTION, "209/15", "Buzurgmehr Yorov",
                                                 "2015-12-10", NULL, NULL, "A lawyer arrested.");
  g_autoptr(AskarovDocument) update = make_document (ASKAROV_DOCUMENT_KIND_UPDATE, "209/15", NULL,
                                                     "2016-03-01", NULL, NULL, "The lawyer sentenced.");
  g_autoptr(AskarovDocument) loaded = NULL;
  g_autoptr(GPtrArray) loose = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  gint64 old_case;

  add (store, ua);
  add (store, update);
  old_case = askarov_document_get_case_id (ua);
  /* Move both out, as an old library would have them. */
  g_assert_true (askarov_store_move_document (store, askarov_document_get_id (ua), ASKAROV_CASE_NONE, &error));
  g_assert_true (askarov_store_move_document (store, askarov_document_get_id (update), ASKAROV_CASE_NONE, &error));
  g_assert_true (askarov_store_delete_case (store, old_case, &error));
  g_assert_no_error (error);
  loose = askarov_store_list_documents (store, ASKAROV_CASE_NONE, &error);
  g_assert_cmpuint (loose->len, ==, 2);

  g_assert_true (askarov_store_group_loose_documents (store, TRUE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_clear_pointer (&loose, g_ptr_array_unref);
  loose = askarov_store_list_documents (store, ASKAROV_CASE_NONE, &error);
  g_assert_cmpuint (loose->len, ==, 0);
  loaded = askarov_store_get_document (store, askarov_document_get_id (update), &error);
  g_assert_cmpstr (askarov_document_get_case_name (loaded), ==, "Buzurgmehr Yorov");

  /* Once done, it is not done again by itself. */
  g_assert_true (askarov_store_move_document (store, askarov_document_get_id (update), ASKAROV_CASE_NONE, &error));
  g_assert_true (askarov_store_group_loose_documents (store, FALSE, &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_state_rules (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) ua = make_document (ASKAROV_DOCUMENT_KIND_URGENT_ACTION, "10/20", "Maria Example",
                                                 "2020-01-10", NULL, NULL, "A journalist detained.");
  g_autoptr(AskarovDocument) released = make_document (ASKAROV_DOCUMENT_KIND_OUTCOME, "10/20", "Maria Example",
                                                       "2020-03-05", "released", "2020-03-01", "She is free.");
  g_autoptr(AskarovDocument) again = make_document (ASKAROV_DOCUMENT_KIND_UPDATE, "10/20", "Maria Example",
                                                    "2020-06-01", NULL, NULL, "Arrested again.");
  g_autoptr(AskarovDocument) old_outcome = make_document (ASKAROV_DOCUMENT_KIND_OUTCOME, "3/19", "Maria Example",
                                                          "2019-05-02", "charges-dropped", "2019-05-01",
                                                          "An older case against her closed.");
  g_autoptr(AskarovDocument) died = make_document (ASKAROV_DOCUMENT_KIND_OUTCOME, "10/20", NULL,
                                                   "2021-02-03", "died", "2021-02-01", "She died.");
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id;

  add (store, ua);
  case_id = askarov_document_get_case_id (ua);
  assert_state (store, case_id, ASKAROV_CASE_STATE_OPEN, NULL);
  deadlines = askarov_store_list_deadlines (store, "2020-01-20", &error);
  g_assert_cmpuint (deadlines->len, ==, 1);
  g_clear_pointer (&deadlines, g_ptr_array_unref);

  /* An outcome closes the case, with the outcome's date. */
  add (store, released);
  g_assert_cmpint (askarov_document_get_case_id (released), ==, case_id);
  assert_state (store, case_id, ASKAROV_CASE_STATE_RELEASED, "2020-03-01");
  {
    AskarovCaseState state;
    const char *date = NULL;

    state = askarov_document_get_case_state (released, &date);
    g_assert_cmpint (state, ==, ASKAROV_CASE_STATE_RELEASED);
    g_assert_cmpstr (date, ==, "2020-03-01");
  }
  /* A closed case has no deadline and sends no reminder. */
  deadlines = askarov_store_list_deadlines (store, "2020-01-20", &error);
  g_assert_cmpuint (deadlines->len, ==, 0);
  g_clear_pointer (&deadlines, g_ptr_array_unref);
  deadlines = askarov_store_list_due_reminders (store, "2020-01-20", 30, &error);
  g_assert_cmpuint (deadlines->len, ==, 0);
  g_clear_pointer (&deadlines, g_ptr_array_unref);

  /* A newer update reopens it. */
  add (store, again);
  assert_state (store, case_id, ASKAROV_CASE_STATE_OPEN, NULL);

  /* An older outcome imported afterwards does not close it again. */
  add (store, old_outcome);
  g_assert_cmpint (askarov_document_get_case_id (old_outcome), ==, case_id);
  assert_state (store, case_id, ASKAROV_CASE_STATE_OPEN, NULL);

  /* The newest outcome wins. */
  add (store, died);
  assert_state (store, case_id, ASKAROV_CASE_STATE_DIED, "2021-02-01");

  /* Deleting it works the state out again from what is left. */
  g_assert_true (askarov_store_delete_document (store, askarov_document_get_id (died), &error));
  g_assert_no_error (error);
  assert_state (store, case_id, ASKAROV_CASE_STATE_OPEN, NULL);
  g_assert_true (askarov_store_delete_document (store, askarov_document_get_id (again), &error));
  assert_state (store, case_id, ASKAROV_CASE_STATE_RELEASED, "2020-03-01");

  /* Moving the outcome to another case reopens this one. */
  {
    gint64 other = askarov_store_create_case (store, "Someone Else", &error);

    g_assert_true (askarov_store_move_document (store, askarov_document_get_id (released), other, &error));
    g_assert_no_error (error);
    assert_state (store, case_id, ASKAROV_CASE_STATE_OPEN, NULL);
    assert_state (store, other, ASKAROV_CASE_STATE_RELEASED, "2020-03-01");
  }
}

static void
test_state_by_hand (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) ua = make_document (ASKAROV_DOCUMENT_KIND_URGENT_ACTION, "10/20", "Maria Example",
                                                 "2020-01-10", NULL, NULL, "A journalist detained.");
  g_autoptr(AskarovDocument) outcome = make_document (ASKAROV_DOCUMENT_KIND_OUTCOME, "10/20", NULL,
                                                      "2020-03-05", "released", "2020-03-01", "She is free.");
  g_autoptr(AskarovDocument) later = make_document (ASKAROV_DOCUMENT_KIND_UPDATE, "10/20", NULL,
                                                    "2022-01-01", NULL, NULL, "Arrested again.");
  g_autoptr(GError) error = NULL;
  gint64 case_id;

  add (store, ua);
  case_id = askarov_document_get_case_id (ua);

  /* The user closes it by hand. */
  g_assert_true (askarov_store_set_case_state (store, case_id, ASKAROV_CASE_STATE_GOOD_NEWS, "2020-02-01", &error));
  g_assert_no_error (error);
  assert_state (store, case_id, ASKAROV_CASE_STATE_GOOD_NEWS, "2020-02-01");

  /* A later outcome decides again; the user can reopen after it. */
  add (store, outcome);
  assert_state (store, case_id, ASKAROV_CASE_STATE_RELEASED, "2020-03-01");
  g_assert_true (askarov_store_set_case_state (store, case_id, ASKAROV_CASE_STATE_OPEN, "2020-03-01", &error));
  assert_state (store, case_id, ASKAROV_CASE_STATE_OPEN, NULL);

  /* Today's choice by default; a later document still reopens a closed case. */
  g_assert_true (askarov_store_set_case_state (store, case_id, ASKAROV_CASE_STATE_ENDED, "2021-06-01", &error));
  assert_state (store, case_id, ASKAROV_CASE_STATE_ENDED, "2021-06-01");
  add (store, later);
  assert_state (store, case_id, ASKAROV_CASE_STATE_OPEN, NULL);

  /* Bad input is refused and changes nothing. */
  g_assert_false (askarov_store_set_case_state (store, case_id, ASKAROV_CASE_STATE_DIED, "last week", &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (askarov_store_set_case_state (store, 4242, ASKAROV_CASE_STATE_DIED, NULL, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_state (store, case_id, ASKAROV_CASE_STATE_OPEN, NULL);
}

/* An outcome document whose facts carry no outcome: the state is read from
 * its (English) text, with the date in the same sentence. */
static void
test_state_from_text (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) ua = make_document (ASKAROV_DOCUMENT_KIND_URGENT_ACTION, "44/18", "Ilya Example",
                                                 "2018-04-01", NULL, NULL, "A blogger on trial.");
  g_autoptr(AskarovDocument) outcome = make_document (ASKAROV_DOCUMENT_KIND_OUTCOME, "44/18", NULL, "2018-09-20", NULL, NULL,
                                                      "Good to tell you. The prosecutor dropped the charges against "
                                                      "Ilya Example on 14 September 2018. No further action is needed.");
  g_autoptr(AskarovDocument) ua2 = make_document (ASKAROV_DOCUMENT_KIND_URGENT_ACTION, "45/18", "Olga Example",
                                                  "2018-04-01", NULL, NULL, "A teacher detained.");
  g_autoptr(AskarovDocument) freed = make_document (ASKAROV_DOCUMENT_KIND_OUTCOME, "45/18", NULL, "2018-10-02", NULL, NULL,
                                                    "Olga Example was released from detention on September 30, 2018.");

  add (store, ua);
  add (store, outcome);
  assert_state (store, askarov_document_get_case_id (ua), ASKAROV_CASE_STATE_CHARGES_DROPPED, "2018-09-14");
  add (store, ua2);
  add (store, freed);
  assert_state (store, askarov_document_get_case_id (ua2), ASKAROV_CASE_STATE_RELEASED, "2018-09-30");
}

/* An outcome without any date follows what the library held when it came;
 * a later dated Urgent Action reopens the case. */
static void
test_undated_outcome (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovDocument) ua = make_document (ASKAROV_DOCUMENT_KIND_URGENT_ACTION, "12/19", "Nodir Example",
                                                 "2019-02-01", NULL, NULL, "A poet detained.");
  g_autoptr(AskarovDocument) died = make_document (ASKAROV_DOCUMENT_KIND_OUTCOME, "12/19", NULL, NULL,
                                                   "died", "2019-06-30", "He died in custody.");
  g_autoptr(AskarovDocument) undated = make_document (ASKAROV_DOCUMENT_KIND_OUTCOME, NULL, "Nodir Example", NULL,
                                                      "died", NULL, "We are sad to report his death.");
  g_autoptr(AskarovDocument) older = make_document (ASKAROV_DOCUMENT_KIND_UPDATE, "12/19", NULL,
                                                    "2019-04-01", NULL, NULL, "Moved to another prison.");
  g_autoptr(AskarovDocument) newer = make_document (ASKAROV_DOCUMENT_KIND_URGENT_ACTION, "40/21", "Nodir Example",
                                                    "2021-03-01", NULL, NULL, "His brother detained too.");
  gint64 case_id;

  add (store, ua);
  case_id = askarov_document_get_case_id (ua);
  add (store, died);
  assert_state (store, case_id, ASKAROV_CASE_STATE_DIED, "2019-06-30");
  /* A second, undated report of the same death keeps the known day. */
  add (store, undated);
  g_assert_cmpint (askarov_document_get_case_id (undated), ==, case_id);
  assert_state (store, case_id, ASKAROV_CASE_STATE_DIED, "2019-06-30");
  /* An older update imported afterwards changes nothing; a newer UA reopens. */
  add (store, older);
  assert_state (store, case_id, ASKAROV_CASE_STATE_DIED, "2019-06-30");
  add (store, newer);
  g_assert_cmpint (askarov_document_get_case_id (newer), ==, case_id);
  assert_state (store, case_id, ASKAROV_CASE_STATE_OPEN, NULL);
}

/* The built-in case ends as its outcome says: he died on 25 July 2020. */
static void
test_case_pack_died (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  AskarovCase *item;

  g_assert_true (askarov_case_pack_install (store, FALSE, NULL, &error));
  g_assert_no_error (error);
  cases = askarov_store_list_cases (store, &error);
  g_assert_cmpuint (cases->len, ==, 1);
  item = g_ptr_array_index (cases, 0);
  g_assert_cmpint (askarov_case_get_state (item), ==, ASKAROV_CASE_STATE_DIED);
  g_assert_cmpstr (askarov_case_get_state_date (item), ==, "2020-07-25");
  assert_state (store, askarov_case_get_id (item), ASKAROV_CASE_STATE_DIED, "2020-07-25");

  deadlines = askarov_store_list_deadlines (store, "2020-05-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadlines->len, ==, 0);
}

/* A library written before schema version 2: documents that name a person
 * but are in no case, an outcome saved without a state. Opening it migrates
 * it and groups them. (Raw SQL here writes the old file format itself.) */
static void
test_migrate_old_library (void)
{
  g_autofree char *path = askarov_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GBytes) schema = g_resources_lookup_data ("/com/example/Askarov/core/askarov-schema.sql",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  g_autoptr(AskarovStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) loose = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA user_version = 1; PRAGMA application_id = 1095977814;"
    "INSERT INTO documents (title, format, body, search_body, content_hash, kind, reference, deadline, sort_date, persons) "
    "VALUES ('Health at risk', 'text', 'A.', 'a.', 'h1', 'urgent-action', '61/20', '2020-06-03', '2020-06-03', 'Azimjan Askarov');"
    "INSERT INTO documents (title, format, body, search_body, content_hash, kind, reference, sort_date, persons) "
    "VALUES ('Outcome', 'text', 'Sad news. Azimjan Askarov died in prison on 25 July 2020, aged 69.', 'x', 'h2', "
    "'outcome', '61/20', '2026-01-01', NULL);"
    "INSERT INTO documents (title, format, body, search_body, content_hash, kind, reference, issued, sort_date, persons, "
    "facts_json) VALUES ('Freed', 'text', 'Free.', 'free.', 'h3', 'outcome', '7/21', '2021-01-05', '2021-01-05', "
    "'Maria Example', '{\"outcome\": \"released\", \"outcome_date\": \"2021-01-02\"}');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = open_store ();
  g_assert_cmpint (askarov_store_get_schema_version (store), ==, ASKAROV_STORE_SCHEMA_VERSION);
  loose = askarov_store_list_documents (store, ASKAROV_CASE_NONE, &error);
  g_assert_cmpuint (loose->len, ==, 0);
  cases = askarov_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  g_assert_cmpstr (askarov_case_get_name (g_ptr_array_index (cases, 0)), ==, "Azimjan Askarov");
  g_assert_cmpuint (askarov_case_get_n_documents (g_ptr_array_index (cases, 0)), ==, 2);
  g_assert_cmpint (askarov_case_get_state (g_ptr_array_index (cases, 0)), ==, ASKAROV_CASE_STATE_DIED);
  g_assert_cmpstr (askarov_case_get_state_date (g_ptr_array_index (cases, 0)), ==, "2020-07-25");
  g_assert_cmpstr (askarov_case_get_name (g_ptr_array_index (cases, 1)), ==, "Maria Example");
  g_assert_cmpint (askarov_case_get_state (g_ptr_array_index (cases, 1)), ==, ASKAROV_CASE_STATE_RELEASED);
  g_assert_cmpstr (askarov_case_get_state_date (g_ptr_array_index (cases, 1)), ==, "2021-01-02");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-cases/every-ua-a-case", test_every_ua_a_case);
  g_test_add_func ("/store-cases/group-loose-documents", test_group_loose_documents);
  g_test_add_func ("/store-cases/state-rules", test_state_rules);
  g_test_add_func ("/store-cases/state-by-hand", test_state_by_hand);
  g_test_add_func ("/store-cases/state-from-text", test_state_from_text);
  g_test_add_func ("/store-cases/undated-outcome", test_undated_outcome);
  g_test_add_func ("/store-cases/case-pack-died", test_case_pack_died);
  g_test_add_func ("/store-cases/migrate-old-library", test_migrate_old_library);

  return g_test_run ();
}
