/* test-group.c — a letter-writing group's shared folder: journals, torn lines, conflict copies, convergence under kill -9.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The convergence test runs three stores, each with its own data folder and
 * its own copy of the group folder, as three laptops would have. A helper
 * plays the sync tool between the copies: it moves files late and in any
 * order, copies half of a file (a torn last line) and leaves conflict
 * copies the way Nextcloud and Syncthing name them. Volunteers add, edit
 * and delete actions, some of them in a child process killed with SIGKILL
 * at a random moment while it writes. At the end every store must show
 * every live action exactly once, with its latest fields.
 *
 *   test-group [--rounds N]   (build-aux/group-faults runs 100 rounds)
 */

#include "config.h"

#include "test-store-utils.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "askarov-group.h"
#include "askarov-records-csv.h"
#include "askarov-records-report.h"

#define N_INSTANCES 3

static guint n_rounds = 3;

static AskarovStore *
open_store_in (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "askarov.db", NULL);
  g_autoptr(GError) error = NULL;
  AskarovStore *store;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = askarov_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static char *
test_dir (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static AskarovActionRecord *
log_action (AskarovStore *store,
            const char   *case_name,
            const char   *note)
{
  g_autoptr(AskarovActionRecord) record = askarov_action_record_new ();
  g_autoptr(GError) error = NULL;
  AskarovActionRecord *stored;

  askarov_action_record_set_case_name (record, case_name);
  askarov_action_record_set_reference (record, "UA 61/20");
  askarov_action_record_set_target_name (record, "Prosecutor General");
  askarov_action_record_set_channel (record, ASKAROV_CHANNEL_LETTER);
  askarov_action_record_set_outcome (record, ASKAROV_OUTCOME_SENT);
  askarov_action_record_set_taken_on (record, "2026-11-20");
  askarov_action_record_set_note (record, note);
  stored = askarov_store_add_record (store, record, &error);
  g_assert_no_error (error);
  return stored;
}

static void
sync_group (AskarovGroup *group)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_group_write_journal (group, &error));
  g_assert_no_error (error);
  g_assert_true (askarov_group_read_journals (group, NULL, &error));
  g_assert_no_error (error);
}

/* uuid -> note of every group action as @group shows it; fails on an action shown twice. */
static GHashTable *
group_view (AskarovGroup *group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = askarov_group_list_actions (group, &error);
  GHashTable *view = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < actions->len; i++)
    {
      AskarovActionRecord *action = g_ptr_array_index (actions, i);
      const char *uuid = askarov_action_record_get_uuid (action);

      g_assert_nonnull (uuid);
      if (!g_hash_table_insert (view, g_strdup (uuid), g_strdup (askarov_action_record_get_note (action))))
        g_error ("the action %s is shown twice", uuid);
    }
  return view;
}

static void
copy_bytes (const char *from,
            const char *to,
            gssize      n)
{
  g_autofree char *contents = NULL;
  g_autofree char *tmp = g_strconcat (to, ".tmp", NULL);
  gsize len = 0;

  if (!g_file_get_contents (from, &contents, &len, NULL))
    return;
  if (n >= 0 && (gsize) n < len)
    len = (gsize) n;
  /* Sync tools rename a finished download into place. */
  g_assert_true (g_file_set_contents (tmp, contents, (gssize) len, NULL));
  g_assert_cmpint (g_rename (tmp, to), ==, 0);
}

/* ---- Basics --------------------------------------------------------------- */

static void
test_group_two_volunteers (void)
{
  g_autofree char *dir_a = test_dir ("basic-a");
  g_autofree char *dir_b = test_dir ("basic-b");
  g_autofree char *share = test_dir ("basic-share");
  g_autoptr(AskarovStore) store_a = open_store_in (dir_a);
  g_autoptr(AskarovStore) store_b = open_store_in (dir_b);
  g_autoptr(AskarovGroup) a = askarov_group_new (store_a);
  g_autoptr(AskarovGroup) b = askarov_group_new (store_b);
  g_autoptr(AskarovActionRecord) mine = NULL;
  g_autoptr(AskarovActionRecord) same = NULL;
  g_autoptr(AskarovActionRecord) deleted = NULL;
  g_autoptr(AskarovGroupTotals) totals = NULL;
  g_autoptr(GHashTable) view = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal_a = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *torn = NULL;
  guint n_changed = 0;

  g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
  g_assert_cmpstr (askarov_group_get_volunteer_id (a), !=, askarov_group_get_volunteer_id (b));
  g_assert_true (g_uuid_string_is_valid (askarov_group_get_volunteer_id (a)));

  /* A folder that does not exist is refused with a message. */
  g_assert_false (askarov_group_join (a, "/nonexistent/group", &error));
  g_assert_error (error, ASKAROV_GROUP_ERROR, ASKAROV_GROUP_ERROR_FOLDER);
  g_clear_error (&error);

  g_assert_true (askarov_group_set_display_name (a, "A. K.", &error));
  g_assert_true (askarov_group_join (a, share, &error));
  g_assert_true (askarov_group_join (b, share, &error));
  g_assert_no_error (error);

  /* Two volunteers' identical actions stay two. */
  mine = log_action (store_a, "Azimjan Askarov", NULL);
  same = log_action (store_b, "Azimjan Askarov", NULL);
  deleted = log_action (store_b, "Azimjan Askarov", "to be deleted");
  sync_group (a);
  sync_group (b);
  g_assert_true (askarov_group_read_journals (a, &n_changed, &error));
  g_assert_cmpuint (n_changed, ==, 2);
  view = group_view (a);
  g_assert_cmpuint (g_hash_table_size (view), ==, 3);
  g_clear_pointer (&view, g_hash_table_unref);
  /* Others' actions stay apart from one's own records. */
  g_assert_cmpint (count_rows (store_a, "SELECT count(*) FROM records"), ==, 1);
  /* The report to organisers covers the group; only one's own are marked reported. */
  {
    g_autoptr(AskarovRecordsReport) report = askarov_store_build_report (store_a, "UA 61/20", FALSE, &error);
    guint n_ids = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (askarov_records_report_get_n_records (report), ==, 3);
    askarov_records_report_get_ids (report, &n_ids);
    g_assert_cmpuint (n_ids, ==, 1);
  }

  /* Edit and delete travel as journal lines. */
  askarov_action_record_set_note (same, "edited");
  g_assert_true (askarov_store_update_record (store_b, same, &error));
  {
    g_autoptr(AskarovActionRecord) gone = askarov_store_delete_record (store_b, askarov_action_record_get_id (deleted), &error);

    g_assert_no_error (error);
    g_assert_nonnull (gone);
  }
  sync_group (b);
  sync_group (a);
  view = group_view (a);
  g_assert_cmpuint (g_hash_table_size (view), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (view, askarov_action_record_get_uuid (same)), ==, "edited");
  g_clear_pointer (&view, g_hash_table_unref);

  /* Totals per volunteer carry the names the journals give. */
  totals = askarov_group_compute_totals (b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->n_actions, ==, 2);
  g_assert_cmpuint (totals->n_volunteers, ==, 2);
  g_assert_true (g_str_equal (((AskarovRecordTotal *) g_ptr_array_index (totals->by_volunteer, 0))->label, "A. K.") ||
                 g_str_equal (((AskarovRecordTotal *) g_ptr_array_index (totals->by_volunteer, 1))->label, "A. K."));

  /* A torn last line is skipped, never an error, and read once complete;
   * a conflict copy of the same journal adds nothing twice. */
  g_object_unref (log_action (store_a, "Azimjan Askarov", "third"));
  g_assert_true (askarov_group_write_journal (a, &error));
  journal_a = askarov_group_dup_journal_path (a);
  g_assert_true (g_file_get_contents (journal_a, &contents, NULL, NULL));
  {
    g_autofree char *conflict = NULL;

    /* A conflict copy torn in the middle of its last line. */
    torn = g_strndup (contents, strlen (contents) - 10);
    conflict = g_strdup_printf ("%s/askarov-%s.sync-conflict-20261120-101010-ABCDEFG.jsonl", share,
                                askarov_group_get_volunteer_id (a));
    g_assert_true (g_file_set_contents (conflict, torn, -1, NULL));
  }
  g_assert_true (askarov_group_read_journals (b, &n_changed, &error));
  g_assert_no_error (error);
  view = group_view (b);
  g_assert_cmpuint (g_hash_table_size (view), ==, 3);
  g_clear_pointer (&view, g_hash_table_unref);

  /* Leaving removes one's journal when asked and forgets the group. */
  g_assert_true (askarov_group_leave (a, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (journal_a, G_FILE_TEST_EXISTS));
  g_assert_null (askarov_group_get_folder (a));
  g_assert_cmpint (count_rows (store_a, "SELECT count(*) FROM group_records"), ==, 0);
  g_assert_true (askarov_group_write_journal (a, &error));
  g_assert_false (g_file_test (journal_a, G_FILE_TEST_EXISTS));
}

/* Garbage, a line from nowhere and an impostor's edit are all skipped. */
static void
test_group_bad_lines (void)
{
  g_autofree char *dir = test_dir ("bad-lines");
  g_autofree char *share = test_dir ("bad-lines-share");
  g_autofree char *path = NULL;
  g_autoptr(AskarovStore) store = open_store_in (dir);
  g_autoptr(AskarovGroup) group = askarov_group_new (store);
  g_autoptr(GHashTable) view = NULL;
  g_autoptr(GError) error = NULL;
  const char *journal =
    "{\"v\":\"other\",\"n\":\"O\",\"t\":10,\"op\":\"add\",\"id\":\"11111111-2222-4333-8444-555555555555\","
    "\"taken_on\":\"2026-11-01\",\"case\":\"C\",\"channel\":\"email\",\"note\":\"first\"}\n"
    "not json at all\n"
    "{\"v\":\"other\",\"t\":11,\"op\":\"add\",\"id\":\"bad\",\"taken_on\":\"2026-11-01\",\"channel\":\"email\"}\n"
    "{\"v\":\"other\",\"t\":12,\"op\":\"add\",\"id\":\"11111111-2222-4333-8444-666666666666\","
    "\"taken_on\":\"2026-13-01\",\"channel\":\"email\"}\n"
    "\xff\xfe\n"
    "{\"v\":\"other\",\"t\":13,\"op\":\"edit\",\"id\":\"11111111-2222-4333-8444-555555555555\","
    "\"taken_on\":\"2026-11-01\",\"case\":\"C\",\"channel\":\"email\",\"note\":\"second\"}\n";
  const char *impostor =
    "{\"v\":\"impostor\",\"t\":99,\"op\":\"edit\",\"id\":\"11111111-2222-4333-8444-555555555555\","
    "\"taken_on\":\"2026-11-01\",\"case\":\"C\",\"channel\":\"email\",\"note\":\"hijacked\"}\n"
    "{\"v\":\"other\",\"t\":5,\"op\":\"edit\",\"id\":\"11111111-2222-4333-8444-555555555555\","
    "\"taken_on\":\"2026-11-01\",\"case\":\"C\",\"channel\":\"email\",\"note\":\"older\"}\n"
    "{\"v\":\"other\",\"t\":6,";

  g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
  g_assert_true (askarov_group_join (group, share, &error));
  path = g_build_filename (share, "askarov-other.jsonl", NULL);
  g_assert_true (g_file_set_contents (path, journal, -1, NULL));
  g_clear_pointer (&path, g_free);
  /* A line in another volunteer's journal, or a later one of someone
   * else for an action that is not theirs, does not count. */
  path = g_build_filename (share, "askarov-other (conflicted copy 2026-11-20 101010).jsonl", NULL);
  g_assert_true (g_file_set_contents (path, impostor, -1, NULL));

  /* Not a journal: ignored. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (share, ".syncthing.askarov-x.jsonl.tmp", NULL);
  g_assert_true (g_file_set_contents (path, "{", -1, NULL));

  g_assert_true (askarov_group_read_journals (group, NULL, &error));
  g_assert_no_error (error);
  /* An action belongs to the volunteer whose line came first. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (share, "askarov-impostor.sync-conflict-20261120-101010-ABCDEFG.jsonl", NULL);
  g_assert_true (g_file_set_contents (path, impostor, -1, NULL));
  g_assert_true (askarov_group_read_journals (group, NULL, &error));
  g_assert_no_error (error);
  view = group_view (group);
  g_assert_cmpuint (g_hash_table_size (view), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (view, "11111111-2222-4333-8444-555555555555"), ==, "second");
}

/* ---- Convergence ------------------------------------------------------------ */

typedef struct
{
  char         *dir;
  char         *share;    /* this instance's copy of the group folder */
  AskarovStore *store;
  AskarovGroup *group;
} Instance;

static void
instance_open (Instance *inst)
{
  inst->store = open_store_in (inst->dir);
  inst->group = askarov_group_new (inst->store);
}

static void
instance_close (Instance *inst)
{
  g_clear_object (&inst->group);
  g_clear_object (&inst->store);
}

/* The child: logs actions and writes its journal until it is killed. */
static int
run_child (const char *dir)
{
  g_autoptr(AskarovStore) store = open_store_in (dir);
  g_autoptr(AskarovGroup) group = askarov_group_new (store);

  for (guint i = 0;; i++)
    {
      g_autofree char *note = g_strdup_printf ("child %u", i);
      g_autoptr(AskarovActionRecord) record = log_action (store, "Kill case", note);
      g_autoptr(GError) error = NULL;

      if (!askarov_group_write_journal (group, &error))
        g_error ("%s", error->message);
    }
  return 0;
}

/* One step of the sync tool: a random journal from one copy of the folder
 * to another, whole, torn, or as a conflict copy. */
static void
sync_tool_step (Instance *insts,
                gboolean  whole_only)
{
  guint from = g_test_rand_int_range (0, N_INSTANCES);
  guint to = g_test_rand_int_range (0, N_INSTANCES);
  g_autofree char *own = NULL;
  g_autofree char *src = NULL;
  g_autofree char *dst = NULL;
  const char *volunteer;
  guint mode = whole_only ? 0 : g_test_rand_int_range (0, 4);

  if (from == to)
    return;
  volunteer = askarov_group_get_volunteer_id (insts[from].group);
  own = g_strdup_printf ("askarov-%s.jsonl", volunteer);
  src = g_build_filename (insts[from].share, own, NULL);
  if (!g_file_test (src, G_FILE_TEST_EXISTS))
    return;

  switch (mode)
    {
    case 0: case 1:   /* a whole, finished copy */
      dst = g_build_filename (insts[to].share, own, NULL);
      copy_bytes (src, dst, -1);
      break;
    case 2:           /* half-synced: the last line torn */
      {
        GStatBuf st;

        g_assert_cmpint (g_stat (src, &st), ==, 0);
        dst = g_build_filename (insts[to].share, own, NULL);
        copy_bytes (src, dst, st.st_size > 0 ? g_test_rand_int_range (0, (gint32) st.st_size) : 0);
      }
      break;
    default:          /* a conflict copy, as Nextcloud or Syncthing names it */
      {
        g_autofree char *name = g_test_rand_bit ()
          ? g_strdup_printf ("askarov-%s (conflicted copy 2026-11-20 %06d).jsonl", volunteer,
                             g_test_rand_int_range (0, 999999))
          : g_strdup_printf ("askarov-%s.sync-conflict-20261120-%06d-ABCDEFG.jsonl", volunteer,
                             g_test_rand_int_range (0, 999999));

        dst = g_build_filename (insts[to].share, name, NULL);
        copy_bytes (src, dst, -1);
      }
      break;
    }
}

static void
volunteer_step (Instance *inst,
                guint     round)
{
  g_autoptr(GPtrArray) own = askarov_store_list_records (inst->store, NULL, 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  guint what = g_test_rand_int_range (0, 5);

  if (what <= 2 || own->len == 0)
    {
      g_autofree char *note = g_strdup_printf ("round %u", round);
      g_autoptr(AskarovActionRecord) record = log_action (inst->store, "Azimjan Askarov", note);
    }
  else if (what == 3)
    {
      AskarovActionRecord *record = g_ptr_array_index (own, g_test_rand_int_range (0, own->len));
      g_autofree char *note = g_strdup_printf ("edited in round %u", round);

      askarov_action_record_set_note (record, note);
      g_assert_true (askarov_store_update_record (inst->store, record, &error));
    }
  else
    {
      AskarovActionRecord *record = g_ptr_array_index (own, g_test_rand_int_range (0, own->len));
      g_autoptr(AskarovActionRecord) gone = askarov_store_delete_record (inst->store, askarov_action_record_get_id (record), &error);
    }
  g_assert_no_error (error);
  if (g_test_rand_bit ())
    {
      g_assert_true (askarov_group_write_journal (inst->group, &error));
      g_assert_no_error (error);
    }
}

/* Runs the child logging into @inst's database and journal, and kills it. */
static void
kill_while_writing (Instance *inst)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self_exe, "--child", inst->dir, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  /* The child has the database to itself, as the app would. */
  instance_close (inst);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  /* A random moment: before the store is open, or deep into writing. */
  g_usleep (g_test_rand_int_range (0, 40) * 1000);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status))
    g_error ("the child exited with status %d before the kill", WEXITSTATUS (status));
  g_spawn_close_pid (pid);
  instance_open (inst);
}

static void
test_group_convergence (void)
{
  Instance insts[N_INSTANCES] = { { 0, } };
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_INSTANCES; i++)
    {
      g_autofree char *name = g_strdup_printf ("converge-%u", i);
      g_autofree char *share = g_strdup_printf ("converge-share-%u", i);

      insts[i].dir = test_dir (name);
      insts[i].share = test_dir (share);
      g_assert_cmpint (g_mkdir_with_parents (insts[i].share, 0700), ==, 0);
      instance_open (&insts[i]);
      g_assert_true (askarov_group_join (insts[i].group, insts[i].share, &error));
      g_assert_no_error (error);
    }

  for (guint round = 0; round < n_rounds; round++)
    {
      for (guint step = 0; step < 12; step++)
        {
          Instance *inst = &insts[g_test_rand_int_range (0, N_INSTANCES)];

          switch (g_test_rand_int_range (0, 6))
            {
            case 0: case 1:
              volunteer_step (inst, round);
              break;
            case 2: case 3:
              sync_tool_step (insts, FALSE);
              break;
            case 4:
              g_assert_true (askarov_group_read_journals (inst->group, NULL, &error));
              g_assert_no_error (error);
              break;
            default:
              if (g_test_rand_int_range (0, 3) == 0)
                kill_while_writing (inst);
              break;
            }
        }
    }

  /* The sync tool finishes its work: every journal whole everywhere. */
  for (guint i = 0; i < N_INSTANCES; i++)
    {
      g_assert_true (askarov_group_write_journal (insts[i].group, &error));
      g_assert_no_error (error);
    }
  for (guint from = 0; from < N_INSTANCES; from++)
    for (guint to = 0; to < N_INSTANCES; to++)
      if (from != to)
        {
          g_autofree char *own = g_strdup_printf ("askarov-%s.jsonl", askarov_group_get_volunteer_id (insts[from].group));
          g_autofree char *src = g_build_filename (insts[from].share, own, NULL);
          g_autofree char *dst = g_build_filename (insts[to].share, own, NULL);

          if (g_file_test (src, G_FILE_TEST_EXISTS))
            copy_bytes (src, dst, -1);
        }

  /* Every live action of every volunteer, with its latest note. */
  for (guint i = 0; i < N_INSTANCES; i++)
    {
      g_autoptr(GPtrArray) own = askarov_store_list_records (insts[i].store, NULL, 0, 0, NULL);

      for (guint k = 0; k < own->len; k++)
        {
          AskarovActionRecord *record = g_ptr_array_index (own, k);

          g_assert_true (g_hash_table_insert (expected, g_strdup (askarov_action_record_get_uuid (record)),
                                              g_strdup (askarov_action_record_get_note (record))));
        }
    }

  for (guint i = 0; i < N_INSTANCES; i++)
    {
      g_autoptr(GHashTable) view = NULL;
      GHashTableIter iter;
      gpointer key, value;

      g_assert_true (askarov_group_read_journals (insts[i].group, NULL, &error));
      g_assert_no_error (error);
      view = group_view (insts[i].group);
      g_assert_cmpuint (g_hash_table_size (view), ==, g_hash_table_size (expected));
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_assert_true (g_hash_table_contains (view, key));
          g_assert_cmpstr (g_hash_table_lookup (view, key), ==, value);
        }
    }
  g_test_message ("%u actions in the group after %u rounds", g_hash_table_size (expected), n_rounds);

  for (guint i = 0; i < N_INSTANCES; i++)
    {
      instance_close (&insts[i]);
      g_free (insts[i].dir);
      g_free (insts[i].share);
    }
}

/* ---- Following the folder ------------------------------------------------- */

static void
on_changed (AskarovGroup *group,
            guint         n_changed,
            guint        *total)
{
  *total += n_changed;
}

/* Another volunteer's new line arrives while the app runs. */
static void
test_group_follows_folder (void)
{
  g_autofree char *dir = test_dir ("follow");
  g_autofree char *share = test_dir ("follow-share");
  g_autofree char *path = NULL;
  g_autoptr(AskarovStore) store = open_store_in (dir);
  g_autoptr(AskarovGroup) group = askarov_group_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *own = NULL;
  guint total = 0;
  gint64 deadline;

  g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
  g_assert_true (askarov_group_join (group, share, &error));
  g_signal_connect (group, "changed", G_CALLBACK (on_changed), &total);
  askarov_group_start (group, 200);

  path = g_build_filename (share, "askarov-other.jsonl", NULL);
  g_assert_true (g_file_set_contents (path,
                                      "{\"v\":\"other\",\"t\":1,\"op\":\"add\",\"id\":\"21111111-2222-4333-8444-555555555555\","
                                      "\"taken_on\":\"2026-11-01\",\"channel\":\"call\",\"outcome\":\"reached\"}\n", -1, NULL));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (total < 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (total, ==, 1);

  /* One's own new action is written to the journal by itself. */
  g_object_unref (log_action (store, "Azimjan Askarov", "live"));
  own = askarov_group_dup_journal_path (group);
  while (!g_file_test (own, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
  askarov_group_stop (group);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);
  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--rounds"))
      {
        n_rounds = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
        /* Leave the rest to g_test_init(). */
        for (int k = i; k + 2 <= argc; k++)
          argv[k] = argv[k + 2];
        argc -= 2;
        break;
      }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/group/two-volunteers", test_group_two_volunteers);
  g_test_add_func ("/group/bad-lines", test_group_bad_lines);
  g_test_add_func ("/group/convergence", test_group_convergence);
  g_test_add_func ("/group/follows-folder", test_group_follows_folder);

  return g_test_run ();
}
