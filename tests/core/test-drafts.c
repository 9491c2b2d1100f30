/* test-drafts.c — drafts: save while typing, load the latest, mark sent, survive a killed process.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "askarov-letter.h"
#include "askarov-store-drafts.h"
#include "askarov-store-private.h"

typedef struct
{
  char         *path;
  AskarovStore *store;
  gint64        case_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own data dir. */
  fixture->path = askarov_store_default_path ();
  fixture->store = askarov_store_open (fixture->path, &error);
  g_assert_no_error (error);

  locker = askarov_store_lock (fixture->store);
  stmt = askarov_store_prepare (fixture->store, "INSERT INTO cases (name) VALUES ('Azimjan Askarov') RETURNING id", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  fixture->case_id = sqlite3_column_int64 (stmt, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
}

static AskarovDraft *
new_draft (gint64      case_id,
           const char *target,
           const char *language,
           const char *body)
{
  AskarovDraft *draft = askarov_draft_new ();

  draft->case_id = case_id;
  draft->target_name = g_strdup (target);
  draft->target_title = g_strdup ("General Prosecutor");
  draft->language = g_strdup (language);
  draft->role = g_strdup ("prosecutor-general");
  draft->address_form = g_strdup ("man");
  draft->channel = g_strdup ("letter");
  draft->body = g_strdup (body);
  return draft;
}

static int
count_drafts (AskarovStore *store)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);
  g_autoptr(sqlite3_stmt) stmt = askarov_store_prepare (store, "SELECT count(*) FROM drafts", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* Timestamps have millisecond resolution; this keeps two saves apart so the
 * test does not depend on which of two same-millisecond rows sorts first. */
static void
next_millisecond (void)
{
  g_usleep (3 * 1000);
}

static void
test_save_load (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AskarovDraft) draft = new_draft (fixture->case_id, "Kubatbek Baibolov", "ru", "Первый абзац.\n\nВторой.");
  g_autoptr(AskarovDraft) loaded = NULL;
  g_autoptr(AskarovDraft) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (draft->id, >, 0);
  g_assert_nonnull (draft->updated_at);

  loaded = askarov_store_load_latest_draft (fixture->store, fixture->case_id, "Kubatbek Baibolov", "ru", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (loaded->id, ==, draft->id);
  g_assert_cmpint (loaded->case_id, ==, fixture->case_id);
  g_assert_cmpstr (loaded->body, ==, "Первый абзац.\n\nВторой.");
  g_assert_cmpstr (loaded->role, ==, "prosecutor-general");
  g_assert_cmpstr (loaded->address_form, ==, "man");
  g_assert_cmpstr (loaded->target_title, ==, "General Prosecutor");
  /* Not set: greeted by office. */
  g_assert_cmpstr (loaded->salutation_style, ==, "title");
  g_assert_null (loaded->sent_at);

  /* Another language, another target: no draft, and no error either. */
  other = askarov_store_load_latest_draft (fixture->store, fixture->case_id, "Kubatbek Baibolov", "ky", &error);
  g_assert_no_error (error);
  g_assert_null (other);
  other = askarov_store_load_latest_draft (fixture->store, fixture->case_id, "Roza Otunbaeva", "ru", &error);
  g_assert_no_error (error);
  g_assert_null (other);
}

static void
test_upsert (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AskarovDraft) draft = new_draft (fixture->case_id, "Kubatbek Baibolov", "ru", "Уваж");
  g_autoptr(AskarovDraft) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (askarov_store_save_draft (fixture->store, draft, &error));
  id = draft->id;
  /* Typing: the same row is updated, keystroke after keystroke. */
  for (guint i = 0; i < 20; i++)
    {
      g_free (draft->body);
      draft->body = g_strdup_printf ("Уважаемый %u", i);
      g_assert_true (askarov_store_save_draft (fixture->store, draft, &error));
      g_assert_no_error (error);
      g_assert_cmpint (draft->id, ==, id);
    }
  g_assert_cmpint (count_drafts (fixture->store), ==, 1);
  /* The salutation by name and patronymic is kept with the draft. */
  draft->salutation_style = g_strdup ("name");
  g_assert_true (askarov_store_save_draft (fixture->store, draft, &error));
  loaded = askarov_store_get_draft (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->body, ==, "Уважаемый 19");
  g_assert_cmpstr (loaded->salutation_style, ==, "name");
}

static void
test_latest (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AskarovDraft) a = new_draft (fixture->case_id, "Kubatbek Baibolov", "ru", "A");
  g_autoptr(AskarovDraft) b = new_draft (fixture->case_id, "Kubatbek Baibolov", "ru", "B");
  g_autoptr(AskarovDraft) latest = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_store_save_draft (fixture->store, a, &error));
  next_millisecond ();
  g_assert_true (askarov_store_save_draft (fixture->store, b, &error));
  latest = askarov_store_load_latest_draft (fixture->store, fixture->case_id, "Kubatbek Baibolov", "ru", &error);
  g_assert_cmpstr (latest->body, ==, "B");
  g_clear_pointer (&latest, askarov_draft_free);

  /* Editing the older draft makes it the latest. */
  next_millisecond ();
  g_free (a->body);
  a->body = g_strdup ("A2");
  g_assert_true (askarov_store_save_draft (fixture->store, a, &error));
  latest = askarov_store_load_latest_draft (fixture->store, fixture->case_id, "Kubatbek Baibolov", "ru", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latest->body, ==, "A2");
}

static void
test_no_case_no_target (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AskarovDraft) draft = new_draft (0, NULL, "de", "ich schreibe");
  g_autoptr(AskarovDraft) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_store_save_draft (fixture->store, draft, &error));
  loaded = askarov_store_load_latest_draft (fixture->store, 0, NULL, "de", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (loaded->case_id, ==, 0);
  g_assert_null (loaded->target_name);
  g_assert_cmpstr (loaded->body, ==, "ich schreibe");
}

static void
test_mark_sent (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AskarovDraft) draft = new_draft (fixture->case_id, "Roza Otunbaeva", "ky", "Урматтуу");
  g_autoptr(AskarovDraft) unsent = new_draft (fixture->case_id, "Zarylbek Rysaliev", "ky", "Урматтуу");
  g_autoptr(AskarovDraft) loaded = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_store_save_draft (fixture->store, draft, &error));
  g_assert_true (askarov_store_save_draft (fixture->store, unsent, &error));
  g_assert_true (askarov_store_mark_draft_sent (fixture->store, draft->id, &error));
  g_assert_no_error (error);

  /* A sent letter is not offered again as the draft to continue. */
  loaded = askarov_store_load_latest_draft (fixture->store, fixture->case_id, "Roza Otunbaeva", "ky", &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  open = askarov_store_list_drafts (fixture->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (((AskarovDraft *) g_ptr_array_index (open, 0))->id, ==, unsent->id);

  all = askarov_store_list_drafts (fixture->store, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 2);
  loaded = askarov_store_get_draft (fixture->store, draft->id, &error);
  g_assert_nonnull (loaded->sent_at);

  g_assert_false (askarov_store_mark_draft_sent (fixture->store, 9999, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND);
}

static void
test_deleted_row (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AskarovDraft) draft = new_draft (fixture->case_id, "Kubatbek Baibolov", "en", "Dear");
  g_autoptr(AskarovDraft) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_id;

  g_assert_true (askarov_store_save_draft (fixture->store, draft, &error));
  old_id = draft->id;
  g_assert_true (askarov_store_delete_draft (fixture->store, draft->id, &error));
  g_assert_cmpint (count_drafts (fixture->store), ==, 0);

  /* The editor still holds the old id: the next keystroke saves it anew. */
  g_assert_true (askarov_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (draft->id, >, 0);
  g_assert_cmpint (count_drafts (fixture->store), ==, 1);
  g_clear_pointer (&loaded, askarov_draft_free);
  loaded = askarov_store_get_draft (fixture->store, draft->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->body, ==, "Dear");
  g_assert_cmpint (old_id, >, 0);
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AskarovDraft) draft = new_draft (fixture->case_id, "Kubatbek Baibolov", "en", "bad \xff\xfe bytes");
  g_autoptr(GError) error = NULL;

  g_assert_false (askarov_store_save_draft (fixture->store, draft, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (draft->id, ==, 0);
  g_assert_cmpint (count_drafts (fixture->store), ==, 0);
}

static void
test_letter_roundtrip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AskarovLetter) letter = askarov_letter_new ("ru", ASKAROV_ROLE_PROSECUTOR_GENERAL);
  g_autoptr(AskarovLetter) restored = askarov_letter_new ("ru", ASKAROV_ROLE_PROSECUTOR_GENERAL);
  g_autoptr(AskarovDraft) draft = new_draft (fixture->case_id, "Kubatbek Baibolov", "ru", NULL);
  g_autoptr(AskarovDraft) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;

  const char * const paragraphs[] = { "Первый абзац.", "Второй абзац.", "Третий абзац.", NULL };

  askarov_letter_set_paragraphs (letter, paragraphs);
  askarov_letter_set_paragraph (letter, 1, "Мой абзац,\nс переносом строки.");
  g_free (draft->body);
  draft->body = askarov_letter_dup_body (letter);
  g_assert_true (askarov_store_save_draft (fixture->store, draft, &error));
  loaded = askarov_store_load_latest_draft (fixture->store, fixture->case_id, "Kubatbek Baibolov", "ru", &error);
  askarov_letter_set_body (restored, loaded->body);

  before = askarov_letter_dup_paragraphs (letter);
  after = askarov_letter_dup_paragraphs (restored);
  g_assert_true (g_strv_equal ((const char * const *) before, (const char * const *) after));
  /* The edit itself came back, line break and all, between the others. */
  g_assert_cmpuint (g_strv_length (after), ==, 3);
  g_assert_cmpstr (after[0], ==, "Первый абзац.");
  g_assert_cmpstr (after[1], ==, "Мой абзац,\nс переносом строки.");
  g_assert_cmpstr (after[2], ==, "Третий абзац.");
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AskarovDraft) draft = new_draft (fixture->case_id, "Sooronbay Jeenbekov", "en", "Dear President,");
  g_autoptr(AskarovDraft) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  gint64 id;

  askarov_store_save_draft_async (fixture->store, draft, NULL, store_cb, &result);
  /* The task works on a copy: changing ours now does not change what is saved. */
  g_free (draft->body);
  draft->body = g_strdup ("changed after the call");
  id = askarov_store_save_draft_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_object (&result);

  askarov_store_load_latest_draft_async (fixture->store, fixture->case_id, "Sooronbay Jeenbekov", "en",
                                         NULL, store_cb, &result);
  loaded = askarov_store_load_latest_draft_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->body, ==, "Dear President,");
  g_clear_object (&result);

  askarov_store_mark_draft_sent_async (fixture->store, id, NULL, store_cb, &result);
  g_assert_true (askarov_store_mark_draft_sent_finish (fixture->store, wait_for (&result), &error));
  g_clear_object (&result);

  askarov_store_list_drafts_async (fixture->store, FALSE, NULL, store_cb, &result);
  list = askarov_store_list_drafts_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_object (&result);

  /* No draft: NULL and no error. */
  askarov_store_load_latest_draft_async (fixture->store, fixture->case_id, "Sooronbay Jeenbekov", "en",
                                         NULL, store_cb, &result);
  g_clear_pointer (&loaded, askarov_draft_free);
  loaded = askarov_store_load_latest_draft_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_null (loaded);
  g_clear_object (&result);
}

/* The child of /drafts/killed-while-typing: saves a growing draft as fast as
 * it can and reports each revision once it is committed. */
static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = askarov_store_open (path, &error);
  g_autoptr(AskarovDraft) draft = new_draft (0, "Kubatbek Baibolov", "ru", "");

  if (store == NULL)
    {
      fprintf (stderr, "writer: %s\n", error->message);
      return 1;
    }
  for (guint revision = 1; ; revision++)
    {
      g_free (draft->body);
      draft->body = g_strdup_printf ("Уважаемый господин Генеральный прокурор! Ревизия %u.", revision);
      if (!askarov_store_save_draft (store, draft, &error))
        {
          fprintf (stderr, "writer: %s\n", error->message);
          return 1;
        }
      printf ("%u\n", revision);
      fflush (stdout);
    }
  return 0;
}

static void
test_killed_while_typing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(AskarovStore) reopened = NULL;
  g_autoptr(AskarovDraft) loaded = NULL;
  g_autofree char *expected = NULL;
  guint last = 0;
  guint saved = 0;

  /* The writer opens its own connection to the same file, as a second app process would. */
  g_clear_object (&fixture->store);
  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             g_test_get_filename (G_TEST_BUILT, "test-drafts", NULL), "--writer", fixture->path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
  while (last < 200)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      last = (guint) g_ascii_strtoull (line, NULL, 10);
    }
  /* SIGKILL, mid-typing: no chance to flush or close anything. */
  g_subprocess_force_exit (writer);
  g_assert_true (g_subprocess_wait (writer, NULL, &error));
  g_assert_false (g_subprocess_get_successful (writer));

  reopened = askarov_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (askarov_store_integrity_check (reopened, &error));
  loaded = askarov_store_load_latest_draft (reopened, 0, "Kubatbek Baibolov", "ru", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (sscanf (loaded->body, "Уважаемый господин Генеральный прокурор! Ревизия %u.", &saved) == 1);
  /* Everything the writer reported as saved is there; at most the one
   * revision in flight when it was killed may or may not be. */
  g_assert_cmpuint (saved, >=, last);
  expected = g_strdup_printf ("Уважаемый господин Генеральный прокурор! Ревизия %u.", saved);
  g_assert_cmpstr (loaded->body, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/drafts/save-load", test_save_load);
  ADD ("/drafts/upsert", test_upsert);
  ADD ("/drafts/latest", test_latest);
  ADD ("/drafts/no-case-no-target", test_no_case_no_target);
  ADD ("/drafts/mark-sent", test_mark_sent);
  ADD ("/drafts/deleted-row", test_deleted_row);
  ADD ("/drafts/invalid-utf8", test_invalid_utf8);
  ADD ("/drafts/letter-roundtrip", test_letter_roundtrip);
  ADD ("/drafts/async", test_async);
  ADD ("/drafts/killed-while-typing", test_killed_while_typing);
#undef ADD

  return g_test_run ();
}
