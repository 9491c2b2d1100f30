/* test-store-targets.c — reading the Urgent Actions that name officials, for the composer.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include "askarov-store-names.h"
#include "askarov-store-private.h"
#include "askarov-store-targets.h"

static void
test_targets_empty (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  /* A document without targets (an article) is not offered. */
  exec_sql (store,
            "INSERT INTO documents (id, title, format, body, search_body, content_hash, kind)"
            "  VALUES (1, 'Article', 'text', 'b', 'b', 'h1', 'article');");
  cases = askarov_store_list_target_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 0);
}

static void
test_targets_list (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  AskarovTargetCase *newest;
  AskarovTargetCase *oldest;
  const AskarovTargetRow *target;

  exec_sql (store,
            "INSERT INTO cases (id, name) VALUES (7, 'Azimjan Askarov');"
            "INSERT INTO documents (id, case_id, title, format, body, search_body, content_hash, kind, reference,"
            "                       issued, deadline, languages, own_language_allowed)"
            "  VALUES (1, 7, 'UA 135/10', 'text', 'b', 'b', 'h1', 'urgent-action', '135/10', '2010-09-15',"
            "          '2010-10-27', 'ru, ky,,en', 1),"
            "         (2, NULL, 'UA 61.20', 'text', 'b', 'b', 'h2', 'urgent-action', '61.20', '2020-04-22',"
            "          NULL, NULL, 0);"
            "INSERT INTO targets (document_id, position, name, title, address, email, social, is_copy) VALUES"
            "  (1, 1, 'B', 'Minister of Internal Affairs', NULL, 'a@example.org\nb@example.org', NULL, 0),"
            "  (1, 0, 'A', 'Prosecutor General', 'Line 1\nLine 2', NULL, NULL, 0),"
            "  (1, 2, 'C', 'Ambassador', NULL, NULL, NULL, 1),"
            "  (2, 0, 'D', 'President of Kyrgyzstan', NULL, NULL, '@handle', 0);");

  cases = askarov_store_list_target_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);

  /* Newest first. */
  newest = g_ptr_array_index (cases, 0);
  g_assert_cmpint (newest->document_id, ==, 2);
  g_assert_cmpint (newest->case_id, ==, 0);
  g_assert_null (newest->case_name);
  g_assert_nonnull (newest->languages);
  g_assert_cmpuint (g_strv_length (newest->languages), ==, 0);
  g_assert_false (newest->own_language_allowed);
  g_assert_cmpuint (newest->targets->len, ==, 1);
  target = askarov_target_case_find (newest, 0);
  g_assert_cmpstr (target->social, ==, "@handle");

  oldest = g_ptr_array_index (cases, 1);
  g_assert_cmpint (oldest->case_id, ==, 7);
  g_assert_cmpstr (oldest->case_name, ==, "Azimjan Askarov");
  g_assert_cmpstr (oldest->reference, ==, "135/10");
  g_assert_cmpstr (oldest->deadline, ==, "2010-10-27");
  g_assert_true (oldest->own_language_allowed);
  /* Spaces and empty items are dropped; the UA's order is kept. */
  g_assert_cmpuint (g_strv_length (oldest->languages), ==, 3);
  g_assert_cmpstr (oldest->languages[0], ==, "ru");
  g_assert_cmpstr (oldest->languages[1], ==, "ky");
  g_assert_cmpstr (oldest->languages[2], ==, "en");
  /* Targets by position, copies flagged. */
  g_assert_cmpuint (oldest->targets->len, ==, 3);
  g_assert_cmpint (((AskarovTargetRow *) g_ptr_array_index (oldest->targets, 0))->position, ==, 0);
  target = askarov_target_case_find (oldest, 0);
  g_assert_cmpstr (target->name, ==, "A");
  g_assert_cmpstr (target->address, ==, "Line 1\nLine 2");
  target = askarov_target_case_find (oldest, 1);
  g_assert_cmpstr (target->email, ==, "a@example.org\nb@example.org");
  g_assert_true (askarov_target_case_find (oldest, 2)->is_copy);
  g_assert_null (askarov_target_case_find (oldest, 3));

  /* A copy outlives the list. */
  {
    g_autoptr(AskarovTargetRow) copy = askarov_target_row_copy (askarov_target_case_find (oldest, 1));
    g_autoptr(AskarovTargetCase) kept = askarov_target_case_ref (oldest);

    g_clear_pointer (&cases, g_ptr_array_unref);
    g_assert_cmpstr (copy->title, ==, "Minister of Internal Affairs");
    g_assert_cmpstr (kept->title, ==, "UA 135/10");
  }
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GPtrArray **cases = user_data;
  g_autoptr(GError) error = NULL;

  *cases = askarov_store_list_target_cases_finish (ASKAROV_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_targets_async (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) cases = NULL;

  exec_sql (store,
            "INSERT INTO documents (id, title, format, body, search_body, content_hash)"
            "  VALUES (3, 'UA', 'text', 'b', 'b', 'h3');"
            "INSERT INTO targets (document_id, position, name) VALUES (3, 0, 'E');");
  askarov_store_list_target_cases_async (store, NULL, listed_cb, &cases);
  while (cases == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (((AskarovTargetRow *) g_ptr_array_index (((AskarovTargetCase *) g_ptr_array_index (cases, 0))->targets, 0))->name, ==, "E");
}

static void
test_targets_closed_store (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  /* A closed store (the app is quitting) gives an error, not a crash. */
  askarov_store_close (store);
  cases = askarov_store_list_target_cases (store, &error);
  g_assert_null (cases);
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED);
}

static void
test_official_names (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *ru = NULL;
  g_autofree char *ky = NULL;
  g_autofree char *de = NULL;
  g_autofree char *forgotten = NULL;

  none = askarov_store_lookup_official_name (store, "Sooronbay Jeenbekov", "ru", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (askarov_store_save_official_name (store, "Sooronbay Jeenbekov", "ru", "Сооронбай Жээнбеков", &error));
  g_assert_no_error (error);
  /* Saving again replaces the spelling: one row per official and language. */
  g_assert_true (askarov_store_save_official_name (store, "Sooronbay Jeenbekov", "ru", "Сооронбай Шарипович Жээнбеков",
                                                   &error));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM official_names"), ==, 1);
  ru = askarov_store_lookup_official_name (store, "Sooronbay Jeenbekov", "ru", &error);
  g_assert_cmpstr (ru, ==, "Сооронбай Шарипович Жээнбеков");
  /* Another language of the same script borrows it until one is confirmed there. */
  ky = askarov_store_lookup_official_name (store, "Sooronbay Jeenbekov", "ky", &error);
  g_assert_cmpstr (ky, ==, "Сооронбай Шарипович Жээнбеков");
  /* A Latin-script language does not. */
  de = askarov_store_lookup_official_name (store, "Sooronbay Jeenbekov", "de", &error);
  g_assert_no_error (error);
  g_assert_null (de);

  g_assert_true (askarov_store_save_official_name (store, "Sooronbay Jeenbekov", "ru", NULL, &error));
  forgotten = askarov_store_lookup_official_name (store, "Sooronbay Jeenbekov", "ru", &error);
  g_assert_null (forgotten);

  /* Bad text is refused with a message, nothing half-written. */
  g_assert_false (askarov_store_save_official_name (store, "X", "ru", "\xff\xfe", &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM official_names"), ==, 0);
}

static void
name_found_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  char **found = user_data;
  g_autoptr(GError) error = NULL;

  *found = askarov_store_lookup_official_name_finish (ASKAROV_STORE (object), result, &error);
  g_assert_no_error (error);
  if (*found == NULL)
    *found = g_strdup ("");
}

static void
name_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *saved = user_data;
  g_autoptr(GError) error = NULL;

  *saved = askarov_store_save_official_name_finish (ASKAROV_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_official_names_async (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autofree char *found = NULL;
  gboolean saved = FALSE;

  askarov_store_save_official_name_async (store, "Roza Otunbaeva", "uz", "Roza Otunbayeva", NULL, name_saved_cb, &saved);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);
  askarov_store_lookup_official_name_async (store, "Roza Otunbaeva", "uz", NULL, name_found_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (found, ==, "Roza Otunbayeva");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store-targets/empty", test_targets_empty);
  g_test_add_func ("/core/store-targets/list", test_targets_list);
  g_test_add_func ("/core/store-targets/async", test_targets_async);
  g_test_add_func ("/core/store-targets/closed-store", test_targets_closed_store);
  g_test_add_func ("/core/store-targets/official-names", test_official_names);
  g_test_add_func ("/core/store-targets/official-names-async", test_official_names_async);

  return g_test_run ();
}
