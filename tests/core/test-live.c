/* test-live.c — changes made by other connections are noticed, and the record list places rows right.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include "askarov-record-list.h"
#include "askarov-store-private.h"
#include "askarov-store-records.h"

static AskarovActionRecord *
add_record (AskarovStore *store,
            const char   *target,
            const char   *taken_on)
{
  g_autoptr(AskarovActionRecord) record = askarov_action_record_new ();
  g_autoptr(GError) error = NULL;
  AskarovActionRecord *stored;

  askarov_action_record_set_case_name (record, "Azimjan Askarov");
  askarov_action_record_set_channel (record, ASKAROV_CHANNEL_LETTER);
  askarov_action_record_set_taken_on (record, taken_on);
  askarov_action_record_set_target_name (record, target);
  askarov_action_record_set_language (record, "en");
  stored = askarov_store_add_record (store, record, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static void
count_cb (gpointer counter)
{
  (*(guint *) counter)++;
}

static AskarovStore *
open_second (AskarovStore *store)
{
  g_autoptr(GError) error = NULL;
  AskarovStore *second = askarov_store_open (askarov_store_get_path (store), &error);

  g_assert_no_error (error);
  g_assert_nonnull (second);
  return second;
}

/* A write through another connection (as `askarov --import-actions` makes)
 * is seen by PRAGMA data_version, once; the store's own writes are not. */
static void
test_live_data_version (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovStore) other = open_second (store);
  g_autoptr(AskarovActionRecord) mine = NULL;
  g_autoptr(AskarovActionRecord) theirs = NULL;
  gboolean busy = TRUE;
  guint n_signals = 0;

  g_signal_connect_swapped (store, "external-change", G_CALLBACK (count_cb), &n_signals);

  g_assert_false (askarov_store_check_external_change (store, &busy));
  g_assert_false (busy);
  g_assert_cmpuint (n_signals, ==, 0);

  mine = add_record (store, "Mine", "2026-03-01");
  g_assert_false (askarov_store_check_external_change (store, NULL));
  g_assert_cmpuint (n_signals, ==, 0);

  theirs = add_record (other, "Theirs", "2026-03-02");
  g_assert_true (askarov_store_check_external_change (store, &busy));
  g_assert_false (busy);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 2);

  /* Seen once. */
  g_assert_false (askarov_store_check_external_change (store, NULL));
  g_assert_cmpuint (n_signals, ==, 1);

  /* A store whose lock is held by a write does not wait for it. */
  {
    g_autoptr(GMutexLocker) locker = askarov_store_lock (store);

    g_assert_false (askarov_store_check_external_change (store, &busy));
    g_assert_true (busy);
  }

  askarov_store_close (other);
}

/* The ids in the list, newest first, once every row is loaded. */
static GArray *
list_ids (AskarovRecordList *list)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AskarovActionRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id;

      while (!askarov_action_record_get_loaded (item))
        g_main_context_iteration (NULL, TRUE);
      id = askarov_action_record_get_id (item);
      g_array_append_val (ids, id);
    }
  return ids;
}

typedef struct
{
  AskarovStore        *store;
  AskarovActionRecord *older;
  AskarovActionRecord *newer;
} TwoAdds;

static gpointer
add_two_thread (gpointer data)
{
  TwoAdds *adds = data;

  /* Both commit before the list hears of the first one. */
  adds->older = add_record (adds->store, "Older", "2026-01-15");
  adds->newer = add_record (adds->store, "Newer", "2026-01-20");
  return NULL;
}

/* Several records that land before their page loads each get their place:
 * the first one's position is read after the second committed. */
static void
test_live_record_list_order (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovActionRecord) first = add_record (store, "First", "2026-01-10");
  g_autoptr(AskarovRecordList) list = NULL;
  g_autoptr(GArray) ids = NULL;
  TwoAdds adds = { store, NULL, NULL };
  GThread *thread;

  list = askarov_record_list_new (store, NULL);
  wait_record_list_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  thread = g_thread_new ("adds", add_two_thread, &adds);
  g_thread_join (thread);
  while (g_list_model_get_n_items (G_LIST_MODEL (list)) < 3)
    g_main_context_iteration (NULL, TRUE);

  /* Newest first: Newer (20 Jan), Older (15 Jan), First (10 Jan). */
  ids = list_ids (list);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, askarov_action_record_get_id (adds.newer));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, askarov_action_record_get_id (adds.older));
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, askarov_action_record_get_id (first));

  g_clear_object (&adds.older);
  g_clear_object (&adds.newer);
}

typedef struct
{
  AskarovStore *store;
  gint64        ids[4];
} Mixed;

static gpointer
mixed_thread (gpointer data)
{
  Mixed *mixed = data;
  g_autoptr(AskarovActionRecord) a = add_record (mixed->store, "A", "2026-02-05");
  g_autoptr(AskarovActionRecord) gone = NULL;
  g_autoptr(GError) error = NULL;

  /* An addition, a removal of a row above it, another addition above both. */
  gone = askarov_store_delete_record (mixed->store, mixed->ids[0], &error);
  g_assert_no_error (error);
  g_object_unref (add_record (mixed->store, "B", "2026-02-09"));
  mixed->ids[3] = askarov_action_record_get_id (a);
  return NULL;
}

static void
test_live_record_list_mixed (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovActionRecord) top = add_record (store, "Top", "2026-02-08");
  g_autoptr(AskarovActionRecord) bottom = add_record (store, "Bottom", "2026-02-01");
  g_autoptr(AskarovRecordList) list = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  Mixed mixed = { store, { askarov_action_record_get_id (top), 0, 0, 0 } };

  list = askarov_record_list_new (store, NULL);
  wait_record_list_loaded (list);
  /* Rows on screen: loaded, so the removal finds its row. */
  g_array_unref (list_ids (list));

  g_thread_join (g_thread_new ("mixed", mixed_thread, &mixed));
  /* Top went, A and B came: three rows once all three events are applied. */
  while (g_list_model_get_n_items (G_LIST_MODEL (list)) != 3 ||
         count_rows (store, "SELECT count(*) FROM records") != 3)
    g_main_context_iteration (NULL, TRUE);
  /* Let every queued event through. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  ids = list_ids (list);
  expected = askarov_store_list_records (store, NULL, 0, 10, NULL);
  g_assert_cmpuint (ids->len, ==, expected->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==,
                     askarov_action_record_get_id (g_ptr_array_index (expected, i)));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, mixed.ids[3]);
}

/* A list on one connection reloads when another connection's write is found. */
static void
test_live_record_list_external (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovStore) other = open_second (store);
  g_autoptr(AskarovRecordList) list = NULL;

  g_object_unref (add_record (store, "Mine", "2026-03-01"));
  list = askarov_record_list_new (store, NULL);
  wait_record_list_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  g_object_unref (add_record (other, "Theirs", "2026-03-02"));
  g_object_unref (add_record (other, "Theirs too", "2026-03-03"));
  g_assert_true (askarov_store_check_external_change (store, NULL));
  wait_record_list_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  askarov_store_close (other);
}

/* A restore waits for no import: it is refused while one runs. */
static void
test_live_restore_refused_during_import (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autofree char *dir = g_path_get_dirname (askarov_store_get_path (store));
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autoptr(GError) error = NULL;

  g_object_unref (add_record (store, "Kept", "2026-03-01"));
  g_assert_true (askarov_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_object_unref (add_record (store, "Later", "2026-03-02"));

  askarov_store_begin_file_job (store);
  g_assert_true (askarov_store_has_file_jobs (store));
  g_assert_false (askarov_store_restore (store, backup, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_BUSY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 2);

  askarov_store_end_file_job (store);
  g_assert_false (askarov_store_has_file_jobs (store));
  g_assert_true (askarov_store_restore (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM records"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/live/data-version", test_live_data_version);
  g_test_add_func ("/live/record-list-order", test_live_record_list_order);
  g_test_add_func ("/live/record-list-mixed", test_live_record_list_mixed);
  g_test_add_func ("/live/record-list-external", test_live_record_list_external);
  g_test_add_func ("/live/restore-refused-during-import", test_live_restore_refused_during_import);

  return g_test_run ();
}
