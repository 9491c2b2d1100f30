/* test-composer.c — the Compose page writes, previews, saves, sends and autosaves letters in the real window.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "askarov-composer-page.h"
#include "askarov-composer-preview.h"
#include "askarov-letter.h"
#include "askarov-store-names.h"
#include "askarov-salutations.h"
#include "askarov-store-drafts.h"
#include "askarov-store-private.h"
#include "ui-test-utils.h"

/* Test data: one case, one UA with two officials and a copy. Names are
 * made up; titles follow the real UA's wording, which role detection reads. */
static const char test_data_sql[] =
  "INSERT INTO cases (id, name) VALUES (101, 'Azimjan Askarov (test)');"
  "INSERT INTO documents (id, case_id, title, format, body, search_body, content_hash, kind, reference,"
  "                       deadline, languages, own_language_allowed, facts_json)"
  "  VALUES (1010, 101, 'UA 135/10', 'text', 'body', 'body', 'test-hash-10', 'urgent-action', '135/10',"
  "          '2010-10-27', 'ru,ky,en', 1,"
  "          '{\"country\": \"KG\", \"language\": \"en\", \"persons\": [\"Azimjan Askarov (test)\"],"
  "            \"pronouns\": [\"he/him\"], \"asks\": [\"Release him immediately and unconditionally.\","
  "            \"Make sure that he gets the medical care he needs.\"]}');"
  "INSERT INTO targets (document_id, position, name, title, address, email, fax)"
  "  VALUES (1010, 0, 'Ivan Testov', 'Prosecutor General', 'Prospekt 1\nBishkek 720040\nKyrgyzstan',"
  "          'office@prokuror.example', '+996 312 000000');"
  "INSERT INTO targets (document_id, position, name, title, email)"
  "  VALUES (1010, 1, 'Anna Probova', 'Minister of Internal Affairs', 'mvd@example.org');"
  "INSERT INTO targets (document_id, position, name, title, is_copy)"
  "  VALUES (1010, 2, 'Ambassador Example', 'Embassy of Kyrgyzstan', 1);";

/* A second UA, shaped like UA 61.20: the President with email and a
 * handle, and an ambassador. */
static const char second_ua_sql[] =
  "INSERT INTO documents (id, case_id, title, format, body, search_body, content_hash, kind, reference,"
  "                       languages, own_language_allowed)"
  "  VALUES (1020, 101, 'UA 61.20', 'text', 'body', 'body', 'test-hash-20', 'urgent-action', '61.20', 'ky,ru,en', 1);"
  "INSERT INTO targets (document_id, position, name, title, email, social)"
  "  VALUES (1020, 0, 'Sooronbay Testbekov', 'President of Kyrgyzstan', 'president@example.kg', '@president_kg');"
  "INSERT INTO targets (document_id, position, name, title, address, email)"
  "  VALUES (1020, 1, 'Kanat Exampleov', 'Ambassador, Embassy of Kyrgyzstan', 'Otto-Suhr-Allee 146\n10585 Berlin',"
  "          'embassy@example.de');";

typedef struct
{
  AskarovApplication  *app;
  AskarovWindow       *window;
  AskarovComposerPage *page;
} Fixture;

static GObject *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), ASKAROV_TYPE_COMPOSER_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
wait_for (gboolean (*condition) (Fixture *),
          Fixture   *fixture)
{
  return ui_test_wait_for ((UiTestCondition) condition, fixture);
}

static gboolean
letter_open_and_saved (Fixture *fixture)
{
  return askarov_composer_page_get_letter (fixture->page) != NULL &&
         askarov_composer_page_get_draft_id (fixture->page) > 0 &&
         askarov_composer_page_is_saved (fixture->page);
}

static void
open_fixture (Fixture    *fixture,
              const char *database)
{
  GObject *page;

  fixture->window = database != NULL ? ui_test_open_window_with_database (&fixture->app, database)
                                     : ui_test_open_window (&fixture->app);
  ui_test_wait_store (fixture->app);
  page = G_OBJECT (askarov_window_get_composer_page (fixture->window));
  g_assert_nonnull (page);
  fixture->page = ASKAROV_COMPOSER_PAGE (page);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  AskarovStore *store = askarov_application_get_store (fixture->app);
  g_autoptr(GMutexLocker) locker = askarov_store_lock (store);

  askarov_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static void
insert_test_data (Fixture *fixture)
{
  exec_sql (fixture, test_data_sql);
}

/* Opens the window on test data and writes to the Prosecutor General. */
static void
compose_fixture (Fixture *fixture)
{
  open_fixture (fixture, NULL);
  insert_test_data (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compose-to", "(xi)",
                                             (gint64) 1010, 0));
  g_assert_true (wait_for (letter_open_and_saved, fixture));
}

static void
close_fixture (Fixture *fixture)
{
  ui_test_close (g_steal_pointer (&fixture->app), fixture->window);
}

static void
select_string (AdwComboRow *row,
               const char  *prefix)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      const char *string = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

      if (g_str_has_prefix (string, prefix))
        {
          adw_combo_row_set_selected (row, i);
          ui_test_settle (GTK_WIDGET (row));
          return;
        }
    }
  g_error ("No item starting with “%s”", prefix);
}

static void
select_language (Fixture    *fixture,
                 const char *code)
{
  select_string (ADW_COMBO_ROW (child (fixture, "language_row")), askarov_phrasebook_get_native_name (code));
  g_assert_cmpstr (askarov_letter_get_language (askarov_composer_page_get_letter (fixture->page)), ==, code);
}

static const char *
preview_text (Fixture *fixture)
{
  return askarov_composer_preview_get_text (ASKAROV_COMPOSER_PREVIEW (child (fixture, "preview")));
}

static void
maybe_screenshot (Fixture    *fixture,
                  const char *name)
{
  const char *dir = g_getenv ("ASKAROV_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  ui_test_wait_stable (GTK_WIDGET (fixture->window), 5);
  ui_test_save_png (GTK_WIDGET (fixture->window), path, &error);
  g_assert_no_error (error);
}

static void
test_composer_empty (void)
{
  Fixture fixture = { 0 };
  GtkStack *stack;

  open_fixture (&fixture, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-page", "s", "compose");
  ui_test_wait_mapped (GTK_WIDGET (fixture.page));
  stack = GTK_STACK (child (&fixture, "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (askarov_composer_page_get_letter (fixture.page));
  maybe_screenshot (&fixture, "composer-empty.png");

  /* Without any Urgent Action, a letter can still be started and addressed by hand. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "composer.start", NULL));
  g_assert_true (wait_for (letter_open_and_saved, &fixture));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "letter");
  gtk_editable_set_text (GTK_EDITABLE (child (&fixture, "title_row")), "Minister of Justice");
  ui_test_wait_until (askarov_letter_get_role (askarov_composer_page_get_letter (fixture.page)) ==
                      ASKAROV_ROLE_MINISTER);

  close_fixture (&fixture);
}

static void
test_composer_russian_and_german (void)
{
  Fixture fixture = { 0 };
  AskarovLetter *letter;
  g_autoptr(AskarovSalutation) ru = NULL;
  g_autoptr(AskarovSalutation) de = NULL;
  g_autoptr(GError) error = NULL;
  const char *paragraph;

  compose_fixture (&fixture);
  letter = askarov_composer_page_get_letter (fixture.page);
  g_assert_cmpstr (askarov_letter_get_recipient_name (letter), ==, "Ivan Testov");
  /* The role comes from the title, and the row shows it. */
  g_assert_cmpint (askarov_letter_get_role (letter), ==, ASKAROV_ROLE_PROSECUTOR_GENERAL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (&fixture, "role_row"))), ==,
                    ASKAROV_ROLE_PROSECUTOR_GENERAL);
  /* The UA's languages come first, marked. */
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (child (&fixture, "language_row")))), 0),
                                   askarov_phrasebook_get_native_name ("ru")));

  select_language (&fixture, "ru");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "form_row")), ASKAROV_ADDRESS_FORM_MAN);
  ui_test_wait_until (askarov_letter_get_address_form (askarov_composer_page_get_letter (fixture.page)) ==
                      ASKAROV_ADDRESS_FORM_MAN);
  ui_test_settle (GTK_WIDGET (fixture.page));

  ru = askarov_salutation_lookup ("ru", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_MAN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ru->salutation, ==, "Уважаемый господин Генеральный прокурор!");
  g_assert_nonnull (strstr (preview_text (&fixture), ru->salutation));
  g_assert_nonnull (strstr (preview_text (&fixture), "С уважением,"));
  g_assert_cmpuint (askarov_composer_preview_get_n_pages (ASKAROV_COMPOSER_PREVIEW (child (&fixture, "preview"))), >=, 1);
  /* The salutation row shows the text with its office and form of address. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (&fixture, "salutation_row"))),
                            ru->salutation));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (&fixture, "salutation_row"))),
                            askarov_role_get_label (ASKAROV_ROLE_PROSECUTOR_GENERAL)));

  ui_test_resize (GTK_WINDOW (fixture.window), 1280, 800);
  maybe_screenshot (&fixture, "composer-wide.png");
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child (&fixture, "editor_pane")));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    maybe_screenshot (&fixture, "composer-wide-body.png");
    gtk_adjustment_set_value (adjustment, 0);
  }
  /* The asks checklist lists what the letter asks for, each covered by the template. */
  {
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (child (&fixture, "asks_list")));
    g_autoptr(GPtrArray) checks = askarov_letter_check_asks (letter);
    guint n_rows = 0;

    for (; row != NULL; row = gtk_widget_get_next_sibling (row))
      n_rows++;

    g_assert_cmpuint (n_rows, >, 0);
    g_assert_cmpuint (n_rows, ==, checks->len);
    row = gtk_widget_get_first_child (GTK_WIDGET (child (&fixture, "asks_list")));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     ((AskarovAskCheck *) g_ptr_array_index (checks, 0))->label);
  }

  select_language (&fixture, "de");
  de = askarov_salutation_lookup ("de", ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_MAN, &error);
  g_assert_no_error (error);
  g_assert_true (de->body_lower_case);
  g_assert_true (g_str_has_suffix (de->salutation, ","));
  g_assert_nonnull (strstr (preview_text (&fixture), de->salutation));
  /* German continues the sentence after the salutation in lower case. */
  paragraph = askarov_letter_get_paragraph (letter, 0);
  g_assert_nonnull (paragraph);
  g_assert_true (g_unichar_islower (g_utf8_get_char (paragraph)));
  /* The paragraph editors show the German text. */
  {
    GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (child (&fixture, "paragraphs_box")));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (first));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, paragraph);
  }

  close_fixture (&fixture);
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
test_composer_edit_paragraph (void)
{
  Fixture fixture = { 0 };
  GtkWidget *first;
  GtkTextBuffer *buffer;
  AdwDialog *dialog;

  compose_fixture (&fixture);
  first = gtk_widget_get_first_child (GTK_WIDGET (child (&fixture, "paragraphs_box")));
  g_assert_true (GTK_IS_TEXT_VIEW (first));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (first));
  gtk_text_buffer_set_text (buffer, "A paragraph of my own.", -1);
  /* Unsaved as soon as the text changes; whether the autosave has run
   * 50 ms later depends on how busy the machine is. */
  g_assert_false (askarov_composer_page_is_saved (fixture.page));
  ui_test_wait_until (strstr (preview_text (&fixture), "A paragraph of my own.") != NULL);
  g_assert_cmpstr (askarov_letter_get_paragraph (askarov_composer_page_get_letter (fixture.page), 0), ==,
                   "A paragraph of my own.");
  g_assert_nonnull (strstr (preview_text (&fixture), "A paragraph of my own."));
  g_assert_true (wait_for (letter_open_and_saved, &fixture));

  /* A figure, not a check: what one keystroke costs the main thread (the
   * letter, the salutation row, the checklist and the paper preview). */
  {
    gint64 times[21];
    GtkTextIter end;

    for (guint i = 0; i < G_N_ELEMENTS (times); i++)
      {
        gint64 start = g_get_monotonic_time ();

        gtk_text_buffer_get_end_iter (buffer, &end);
        gtk_text_buffer_insert (buffer, &end, "ж", -1);
        times[i] = g_get_monotonic_time () - start;
      }
    qsort (times, G_N_ELEMENTS (times), sizeof (gint64), compare_int64);
    g_test_message ("one keystroke: median %.2f ms, max %.2f ms",
                    times[G_N_ELEMENTS (times) / 2] / 1000.0, times[G_N_ELEMENTS (times) - 1] / 1000.0);
    gtk_text_buffer_set_text (buffer, "A paragraph of my own.", -1);
    g_assert_true (wait_for (letter_open_and_saved, &fixture));
  }

  /* A new language keeps what the user wrote until they choose the template. */
  select_language (&fixture, "ru");
  g_assert_cmpstr (askarov_letter_get_paragraph (askarov_composer_page_get_letter (fixture.page), 0), ==,
                   "A paragraph of my own.");
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture.window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_signal_emit_by_name (dialog, "response", "replace");
  ui_test_wait_until (g_strcmp0 (askarov_letter_get_paragraph (askarov_composer_page_get_letter (fixture.page), 0),
                                 "A paragraph of my own.") != 0);
  ui_test_settle (GTK_WIDGET (fixture.page));
  g_assert_cmpstr (askarov_letter_get_paragraph (askarov_composer_page_get_letter (fixture.page), 0), !=,
                   "A paragraph of my own.");
  /* The box shows the template's Russian text. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_first_child (GTK_WIDGET (child (&fixture, "paragraphs_box")))));
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, askarov_letter_get_paragraph (askarov_composer_page_get_letter (fixture.page), 0));
  }

  /* "Write to…" the same official while typing: the draft reopens with the latest text. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_first_child (GTK_WIDGET (child (&fixture, "paragraphs_box")))));
  gtk_text_buffer_set_text (buffer, "Second version.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.compose-to", "(xi)", (gint64) 1010, 0));
  g_assert_true (wait_for (letter_open_and_saved, &fixture));
  g_assert_cmpstr (askarov_letter_get_paragraph (askarov_composer_page_get_letter (fixture.page), 0), ==,
                   "Second version.");

  close_fixture (&fixture);
}

static void
test_composer_post_counter (void)
{
  Fixture fixture = { 0 };
  AskarovLetter *letter;
  g_autofree char *post = NULL;
  g_autofree char *expected = NULL;
  GtkLabel *counter;
  glong n_chars;

  compose_fixture (&fixture);
  letter = askarov_composer_page_get_letter (fixture.page);
  select_language (&fixture, "ru");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "channel_row")), ASKAROV_CHANNEL_POST);
  ui_test_wait_until (askarov_letter_get_channel (letter) == ASKAROV_CHANNEL_POST);
  ui_test_settle (GTK_WIDGET (fixture.page));

  post = askarov_letter_render_post (letter);
  n_chars = g_utf8_strlen (post, -1);
  /* Cyrillic takes two bytes a letter: a byte count would be far off. */
  g_assert_cmpuint (strlen (post), >, (gsize) n_chars);
  g_assert_cmpint (n_chars, <=, ASKAROV_POST_MAX_CHARS);
  counter = GTK_LABEL (child (&fixture, "counter_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (counter)));
  expected = g_strdup_printf ("%ld of %d", n_chars, ASKAROV_POST_MAX_CHARS);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (counter), expected));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (&fixture, "text_preview"))), ==, post);
  maybe_screenshot (&fixture, "composer-post.png");

  close_fixture (&fixture);
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static void
test_composer_copy (void)
{
  Fixture fixture = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  compose_fixture (&fixture);
  select_language (&fixture, "ru");
  expected = askarov_letter_render_text (askarov_composer_page_get_letter (fixture.page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "composer.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture.page)), NULL,
                                 clipboard_read_cb, &text);
  ui_test_wait_until (text != NULL);
  g_assert_cmpstr (text, ==, expected);
  g_assert_nonnull (strstr (text, "С уважением,"));

  close_fixture (&fixture);
}

static void
file_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  int *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (askarov_composer_page_save_to_file_finish (ASKAROV_COMPOSER_PAGE (object), result, &error));
  g_assert_no_error (error);
  *done = 1;
}

static void
test_composer_save_pdf (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("composer-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *txt_path = g_build_filename (dir, "letter.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt_path);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *flat = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;
  int done = 0;

  g_assert_no_error (error);
  compose_fixture (&fixture);
  select_language (&fixture, "ru");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "form_row")), ASKAROV_ADDRESS_FORM_MAN);
  ui_test_wait_until (askarov_letter_get_address_form (askarov_composer_page_get_letter (fixture.page)) ==
                      ASKAROV_ADDRESS_FORM_MAN);
  ui_test_settle (GTK_WIDGET (fixture.page));

  askarov_composer_page_save_to_file_async (fixture.page, file, NULL, file_saved_cb, &done);
  ui_test_wait_until (done);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_test_skip ("pdftotext is not installed");
      close_fixture (&fixture);
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  flat = g_strdelimit (g_strdup (out), "\n", ' ');
  g_assert_nonnull (strstr (flat, "Уважаемый господин Генеральный прокурор!"));
  g_assert_nonnull (strstr (flat, "С уважением,"));
  /* The name in Cyrillic: initials and the surname in the dative. */
  g_assert_nonnull (strstr (flat, "И. Тестову"));

  /* And as text: the same words as the clipboard gets. */
  done = 0;
  askarov_composer_page_save_to_file_async (fixture.page, txt_file, NULL, file_saved_cb, &done);
  ui_test_wait_until (done);
  g_assert_true (g_file_get_contents (txt_path, &text, NULL, &error));
  g_assert_no_error (error);
  expected = askarov_letter_render_text (askarov_composer_page_get_letter (fixture.page));
  g_assert_cmpstr (text, ==, expected);

  g_unlink (path);
  g_unlink (txt_path);
  g_rmdir (dir);
  close_fixture (&fixture);
}

/* The text of the letter saved as a PDF, lines joined with spaces, or NULL
 * when pdftotext is missing. */
static char *
save_pdf_text (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("composer-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;
  int done = 0;

  g_assert_no_error (error);
  askarov_composer_page_save_to_file_async (fixture->page, file, NULL, file_saved_cb, &done);
  ui_test_wait_until (done);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    out = NULL;
  else
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);
  return out != NULL ? g_strdelimit (g_steal_pointer (&out), "\n", ' ') : NULL;
}

static void
test_composer_kyrgyz_and_german_email (void)
{
  Fixture fixture = { 0 };
  AskarovLetter *letter;
  g_autoptr(AskarovSalutation) ky = NULL;
  g_autoptr(AskarovSalutation) de = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *uri = NULL;
  AskarovMailtoDropped dropped = ASKAROV_MAILTO_DROPPED_NONE;
  const char *heading;

  open_fixture (&fixture, NULL);
  insert_test_data (&fixture);
  exec_sql (&fixture, second_ua_sql);

  /* A Kyrgyz letter to the President of UA 61.20. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.compose-to", "(xi)", (gint64) 1020, 0));
  g_assert_true (wait_for (letter_open_and_saved, &fixture));
  letter = askarov_composer_page_get_letter (fixture.page);
  g_assert_cmpstr (askarov_letter_get_recipient_name (letter), ==, "Sooronbay Testbekov");
  g_assert_cmpint (askarov_letter_get_role (letter), ==, ASKAROV_ROLE_PRESIDENT);
  /* This UA asks for Kyrgyz first. */
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (child (&fixture, "language_row")))), 0),
                                   askarov_phrasebook_get_native_name ("ky")));
  select_language (&fixture, "ky");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "form_row")), ASKAROV_ADDRESS_FORM_MAN);
  ui_test_wait_until (askarov_letter_get_address_form (askarov_composer_page_get_letter (fixture.page)) ==
                      ASKAROV_ADDRESS_FORM_MAN);
  ui_test_settle (GTK_WIDGET (fixture.page));
  ky = askarov_salutation_lookup ("ky", ASKAROV_ROLE_PRESIDENT, ASKAROV_ADDRESS_FORM_MAN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (preview_text (&fixture), ky->salutation));
  g_assert_nonnull (strstr (preview_text (&fixture), "Урматтоо менен,"));
  pdf_text = save_pdf_text (&fixture);
  if (pdf_text != NULL)
    {
      g_assert_nonnull (strstr (pdf_text, ky->salutation));
      g_assert_nonnull (strstr (pdf_text, "Урматтоо менен,"));
    }

  /* A German email to the ambassador: chosen in the Official row. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "target_row")), 1);
  g_assert_true (wait_for (letter_open_and_saved, &fixture));
  letter = askarov_composer_page_get_letter (fixture.page);
  g_assert_cmpstr (askarov_letter_get_recipient_name (letter), ==, "Kanat Exampleov");
  g_assert_cmpint (askarov_letter_get_role (letter), ==, ASKAROV_ROLE_AMBASSADOR);
  select_language (&fixture, "de");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "channel_row")), ASKAROV_CHANNEL_EMAIL);
  ui_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (&fixture, "preview_stack"))),
                                 "text") == 0);
  ui_test_settle (GTK_WIDGET (fixture.page));
  heading = gtk_label_get_label (GTK_LABEL (child (&fixture, "text_heading")));
  g_assert_nonnull (strstr (heading, "embassy@example.de"));
  de = askarov_salutation_lookup ("de", ASKAROV_ROLE_AMBASSADOR, ASKAROV_ADDRESS_FORM_UNKNOWN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (child (&fixture, "text_preview"))), de->salutation));
  uri = askarov_letter_build_mailto (letter, 0, &dropped, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (uri, "mailto:embassy@example.de?"));
  maybe_screenshot (&fixture, "composer-email.png");

  /* The Kyrgyz draft to the President is still there: going back resumes it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "target_row")), 0);
  g_assert_true (wait_for (letter_open_and_saved, &fixture));
  g_assert_cmpstr (askarov_letter_get_language (askarov_composer_page_get_letter (fixture.page)), ==, "ky");
  g_assert_cmpint (askarov_letter_get_address_form (askarov_composer_page_get_letter (fixture.page)), ==,
                   ASKAROV_ADDRESS_FORM_MAN);

  close_fixture (&fixture);
}

static void
log_record_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GVariant **fields = user_data;

  g_clear_pointer (fields, g_variant_unref);
  *fields = g_variant_ref (parameter);
}

/* Reads the draft again; TRUE once it is marked sent. */
static gboolean
draft_is_sent (AskarovStore  *store,
               gint64         draft_id,
               AskarovDraft **draft,
               GError       **error)
{
  g_clear_pointer (draft, askarov_draft_free);
  *draft = askarov_store_get_draft (store, draft_id, error);
  return *draft != NULL && (*draft)->sent_at != NULL;
}

static void
test_composer_mark_sent (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("log-record", G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(AskarovDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  gint64 draft_id;
  gint64 value = 0;
  const char *string = NULL;
  gboolean confirm = TRUE;

  compose_fixture (&fixture);
  select_language (&fixture, "ru");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "channel_row")), ASKAROV_CHANNEL_EMAIL);
  ui_test_wait_until (askarov_letter_get_channel (askarov_composer_page_get_letter (fixture.page)) ==
                      ASKAROV_CHANNEL_EMAIL);
  g_assert_true (wait_for (letter_open_and_saved, &fixture));
  draft_id = askarov_composer_page_get_draft_id (fixture.page);

  /* Stands in for the window's win.log-record, which the tracker implements. */
  g_signal_connect (action, "activate", G_CALLBACK (log_record_activated_cb), &fields);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture.page), "win", G_ACTION_GROUP (group));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "composer.mark-sent", NULL));
  g_assert_nonnull (fields);
  g_assert_true (g_variant_lookup (fields, "case-id", "x", &value));
  g_assert_cmpint (value, ==, 101);
  g_assert_true (g_variant_lookup (fields, "case-name", "&s", &string));
  g_assert_cmpstr (string, ==, "Azimjan Askarov (test)");
  g_assert_true (g_variant_lookup (fields, "reference", "&s", &string));
  g_assert_cmpstr (string, ==, "135/10");
  g_assert_true (g_variant_lookup (fields, "target-name", "&s", &string));
  g_assert_cmpstr (string, ==, "Ivan Testov");
  g_assert_true (g_variant_lookup (fields, "target-title", "&s", &string));
  g_assert_cmpstr (string, ==, "Prosecutor General");
  g_assert_true (g_variant_lookup (fields, "channel", "&s", &string));
  g_assert_cmpstr (string, ==, "email");
  g_assert_true (g_variant_lookup (fields, "language", "&s", &string));
  g_assert_cmpstr (string, ==, "ru");
  g_assert_true (g_variant_lookup (fields, "outcome", "&s", &string));
  g_assert_cmpstr (string, ==, "sent");
  g_assert_true (g_variant_lookup (fields, "confirm", "b", &confirm));
  g_assert_false (confirm);
  g_assert_true (g_variant_lookup (fields, "draft-id", "x", &value));
  g_assert_cmpint (value, ==, draft_id);

  /* The draft is marked sent in the database. */
  ui_test_wait_until (draft_is_sent (askarov_application_get_store (fixture.app), draft_id, &draft, &error) ||
                      error != NULL);
  g_assert_no_error (error);

  close_fixture (&fixture);
}

static void
test_composer_long_email_copied (void)
{
  Fixture fixture = { 0 };
  AskarovLetter *letter;
  GtkTextBuffer *buffer;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  guint refs;

  compose_fixture (&fixture);
  letter = askarov_composer_page_get_letter (fixture.page);
  select_language (&fixture, "ru");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "channel_row")), ASKAROV_CHANNEL_EMAIL);
  /* Cyrillic is six bytes a letter once percent-encoded: far past any mailto limit. */
  for (guint i = 0; i < 60; i++)
    g_string_append (long_text, "Требуем справедливости для Азимжана Аскарова. ");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_first_child (GTK_WIDGET (child (&fixture, "paragraphs_box")))));
  gtk_text_buffer_set_text (buffer, long_text->str, -1);
  ui_test_wait_until (g_strcmp0 (askarov_letter_get_paragraph (letter, 0), long_text->str) == 0 &&
                      askarov_letter_get_channel (letter) == ASKAROV_CHANNEL_EMAIL);
  expected = askarov_letter_render_text (letter);

  /* Nothing on the clipboard yet but something else. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture.page)), "something else");
  /* The mail link's launch holds a reference on the page until its callback has run. */
  refs = G_OBJECT (fixture.page)->ref_count;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "composer.send-email", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture.page)), NULL,
                                 clipboard_read_cb, &text);
  ui_test_wait_until (text != NULL);
  g_assert_cmpstr (text, ==, expected);
  /* The launcher fails without a mail program here; wait until its callback has run. */
  ui_test_wait_until (G_OBJECT (fixture.page)->ref_count == refs);

  close_fixture (&fixture);
}

static void
test_composer_shortcuts (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GListModel) controllers = NULL;
  const struct {
    const char *trigger;
    const char *action;
  } expected[] = {
    { "<Control><Shift>c", "composer.copy" },
    { "<Control>s", "composer.save-pdf" },
    { "<Control>p", "composer.print" },
    { "<Control>Return", "composer.mark-sent" },
  };
  guint found = 0;

  compose_fixture (&fixture);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture.page));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      /* Capture: the keys must win over the text boxes (Ctrl+Return is not a line break). */
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
            {
              g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string (expected[k].trigger);

              if (gtk_shortcut_trigger_equal (trigger, gtk_shortcut_get_trigger (shortcut)))
                {
                  g_assert_true (GTK_IS_NAMED_ACTION (action));
                  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==, expected[k].action);
                  found++;
                }
            }
        }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));

  close_fixture (&fixture);
}

static void
test_composer_sender_live (void)
{
  Fixture fixture = { 0 };
  GSettings *settings;

  compose_fixture (&fixture);
  settings = askarov_application_get_settings (fixture.app);
  /* Without a name the page asks for one. */
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (child (&fixture, "sender_banner"))));
  g_settings_set_string (settings, "sender-name", "Jane Writerova");
  g_settings_set_string (settings, "sender-city", "Leeds");
  ui_test_wait_until (strstr (preview_text (&fixture), "Jane Writerova") != NULL &&
                      !adw_banner_get_revealed (ADW_BANNER (child (&fixture, "sender_banner"))));
  g_assert_nonnull (strstr (preview_text (&fixture), "Jane Writerova"));
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (child (&fixture, "sender_banner"))));
  g_settings_set_string (settings, "sender-name", "Jana Novakova");
  ui_test_wait_until (strstr (preview_text (&fixture), "Jana Novakova") != NULL);
  g_assert_null (strstr (preview_text (&fixture), "Jane Writerova"));
  g_assert_nonnull (strstr (preview_text (&fixture), "Jana Novakova"));
  g_settings_reset (settings, "sender-name");
  g_settings_reset (settings, "sender-city");

  close_fixture (&fixture);
}

static void
test_composer_narrow (void)
{
  Fixture fixture = { 0 };
  AdwToggleGroup *toggle;
  GtkWidget *editor;
  GtkWidget *preview;

  compose_fixture (&fixture);
  toggle = ADW_TOGGLE_GROUP (child (&fixture, "view_toggle"));
  editor = GTK_WIDGET (child (&fixture, "editor_pane"));
  preview = GTK_WIDGET (child (&fixture, "preview_pane"));

  ui_test_resize (GTK_WINDOW (fixture.window), 1280, 800);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (toggle)));
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (gtk_widget_get_mapped (preview));

  ui_test_resize (GTK_WINDOW (fixture.window), 360, 640);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture.window)), <=, 360);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (toggle)));
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_false (gtk_widget_get_visible (preview));
  g_assert_cmpint (gtk_widget_get_width (editor), <=, 360);
  maybe_screenshot (&fixture, "composer-narrow-edit.png");

  adw_toggle_group_set_active_name (toggle, "preview");
  ui_test_wait_until (!gtk_widget_get_visible (editor) && gtk_widget_get_mapped (preview));
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_true (gtk_widget_get_mapped (preview));
  maybe_screenshot (&fixture, "composer-narrow-preview.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  adw_toggle_group_set_active_name (toggle, "edit");
  maybe_screenshot (&fixture, "composer-narrow-dark.png");
  ui_test_resize (GTK_WINDOW (fixture.window), 1280, 800);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (gtk_widget_get_mapped (preview));
  maybe_screenshot (&fixture, "composer-wide-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  close_fixture (&fixture);
}

/* What the autosave test types: Cyrillic, so characters and bytes differ. */
static const char typed_text[] = "Освободите Азимжана Аскарова! Free him now. ";
#define N_TYPED 30
#define TYPE_INTERVAL_MS 100

static void
write_log (int         fd,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
write_log (int         fd,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *line = NULL;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_cmpint (write (fd, line, strlen (line)), ==, (gssize) strlen (line));
}

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *next;     /* in typed_text */
  int            n_typed;
  int            fd;
} Typist;

/* One keystroke each time the typist's clock fires, as a person types. */
static gboolean
type_one_cb (gpointer data)
{
  Typist *typist = data;
  const char *after = g_utf8_next_char (typist->next);

  gtk_text_buffer_insert_at_cursor (typist->buffer, typist->next, after - typist->next);
  typist->n_typed++;
  write_log (typist->fd, "typed %d %" G_GINT64_FORMAT "\n", typist->n_typed, g_get_monotonic_time ());
  typist->next = after;
  return typist->n_typed < N_TYPED ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* In a child process: types into the first paragraph, a character every
 * 100 ms (the pace is the input under test, not a wait), logging each, and
 * is killed (SIGKILL) right after the last one. */
static void
autosave_child (const char *log_path)
{
  Fixture fixture = { 0 };
  GtkWidget *first;
  Typist typist = { NULL, typed_text, 0, -1 };

  compose_fixture (&fixture);
  typist.fd = g_open (log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (typist.fd, >=, 0);
  write_log (typist.fd, "db %s\n", askarov_store_get_path (askarov_application_get_store (fixture.app)));

  first = gtk_widget_get_first_child (GTK_WIDGET (child (&fixture, "paragraphs_box")));
  typist.buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (first));
  gtk_text_buffer_set_text (typist.buffer, "", -1);
  type_one_cb (&typist);
  g_timeout_add (TYPE_INTERVAL_MS, type_one_cb, &typist);
  ui_test_wait_until (typist.n_typed == N_TYPED);
  /* The last keystroke's handlers have run; now the crash. */
  ui_test_drain ();
  write_log (typist.fd, "kill %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  close (typist.fd);
  kill (getpid (), SIGKILL);
}

static void
test_composer_autosave_survives_kill (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *log_path = NULL;
  g_autofree char *log = NULL;
  g_autofree char *db = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) envp = NULL;
  g_autofree char *expected_all = NULL;
  const char *paragraph;
  gint64 kill_time = 0;
  int typed_by_cutoff = 0;
  int n_saved;
  GArray *times = g_array_new (FALSE, TRUE, sizeof (gint64));

  if (g_test_subprocess ())
    {
      autosave_child (g_getenv ("ASKAROV_TEST_KILL_LOG"));
      g_assert_not_reached ();
    }

  dir = g_dir_make_tmp ("composer-kill-XXXXXX", &error);
  g_assert_no_error (error);
  log_path = g_build_filename (dir, "typing.log", NULL);
  envp = g_environ_setenv (g_get_environ (), "ASKAROV_TEST_KILL_LOG", log_path, TRUE);
  g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 60 * G_USEC_PER_SEC,
                                    G_TEST_SUBPROCESS_INHERIT_STDERR);
  /* It was killed, as a crash would. */
  g_assert_false (g_test_trap_has_passed ());

  g_assert_true (g_file_get_contents (log_path, &log, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      int n;
      gint64 t;

      if (g_str_has_prefix (lines[i], "db "))
        db = g_strdup (lines[i] + 3);
      else if (sscanf (lines[i], "typed %d %" G_GINT64_FORMAT, &n, &t) == 2)
        g_array_append_val (times, t);
      else if (sscanf (lines[i], "kill %" G_GINT64_FORMAT, &t) == 1)
        kill_time = t;
    }
  g_assert_nonnull (db);
  g_assert_cmpuint (times->len, ==, N_TYPED);
  g_assert_cmpint (kill_time, >, 0);
  for (guint i = 0; i < times->len; i++)
    if (g_array_index (times, gint64, i) <= kill_time - G_USEC_PER_SEC)
      typed_by_cutoff = i + 1;
  g_array_unref (times);
  g_assert_cmpint (typed_by_cutoff, >, 0);

  /* Restart on the killed process's database: the draft comes back. */
  open_fixture (&fixture, db);
  g_assert_true (wait_for (letter_open_and_saved, &fixture));
  paragraph = askarov_letter_get_paragraph (askarov_composer_page_get_letter (fixture.page), 0);
  expected_all = g_utf8_substring (typed_text, 0, N_TYPED);
  n_saved = g_utf8_strlen (paragraph, -1);
  g_test_message ("typed %d characters, %d of them more than a second before the kill; %d came back",
                  N_TYPED, typed_by_cutoff, n_saved);
  /* What came back is what was typed, and at most the last second is missing. */
  g_assert_true (g_str_has_prefix (expected_all, paragraph));
  g_assert_cmpint (n_saved, >=, typed_by_cutoff);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (&fixture, "main_stack"))), ==, "letter");

  close_fixture (&fixture);
  g_unlink (log_path);
  g_rmdir (dir);
}

static void
test_composer_accessible_buttons (void)
{
  Fixture fixture = { 0 };
  GtkWidget *toolbar;
  guint n_buttons = 0;

  compose_fixture (&fixture);
  toolbar = gtk_widget_get_parent (GTK_WIDGET (child (&fixture, "view_toggle")));
  for (GtkWidget *w = gtk_widget_get_first_child (toolbar); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "composer.mark-sent") == 0)
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, "Mark as Sent");
    else if ((GTK_IS_BUTTON (w) || GTK_IS_MENU_BUTTON (w)) && gtk_widget_get_tooltip_text (w) != NULL)
      {
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             gtk_widget_get_tooltip_text (w));
        n_buttons++;
      }
  g_assert_cmpuint (n_buttons, ==, 4);

  close_fixture (&fixture);
}

static gboolean
empty_page_says_no_letter (Fixture *fixture)
{
  const char *title = adw_status_page_get_title (ADW_STATUS_PAGE (child (fixture, "empty_page")));

  return g_strcmp0 (title, _("No Letter for This Case")) == 0;
}

/* The case's outcome decides the letter: after a death the letter no longer
 * asks for release and a banner says why; "no further action" offers none. */
static void
test_composer_closed_case (void)
{
  Fixture fixture = { 0 };
  AskarovLetter *letter;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *body = NULL;

  open_fixture (&fixture, NULL);
  insert_test_data (&fixture);
  exec_sql (&fixture,
            "INSERT INTO documents (id, case_id, title, format, body, search_body, content_hash, kind, facts_json)"
            "  VALUES (1030, 101, 'Outcome', 'text', 'b', 'b', 'test-hash-30', 'outcome',"
            "          '{\"kind\": \"outcome\", \"outcome\": \"died\", \"outcome_date\": \"2020-07-25\"}');");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.compose-to", "(xi)",
                                             (gint64) 1010, 0));
  g_assert_true (wait_for (letter_open_and_saved, &fixture));
  letter = askarov_composer_page_get_letter (fixture.page);
  g_assert_cmpint (askarov_letter_get_kind (letter), ==, ASKAROV_LETTER_KIND_AFTER_DEATH);
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (child (&fixture, "case_banner"))));
  g_assert_nonnull (strstr (adw_banner_get_title (ADW_BANNER (child (&fixture, "case_banner"))),
                            askarov_case_state_get_label (ASKAROV_CASE_STATE_DIED)));
  checks = askarov_letter_check_asks (letter);
  for (guint i = 0; i < checks->len; i++)
    g_assert_cmpstr (((AskarovAskCheck *) g_ptr_array_index (checks, i))->request, !=, "release");
  body = askarov_letter_dup_body (letter);
  g_assert_nonnull (strstr (body, "2020"));

  /* A later outcome that ends the action: no letter, and the page says why. */
  exec_sql (&fixture,
            "INSERT INTO documents (id, case_id, title, format, body, search_body, content_hash, kind, sort_date,"
            "                       facts_json)"
            "  VALUES (1040, 101, 'Action ended', 'text', 'b', 'b', 'test-hash-40', 'outcome', '2030-01-01',"
            "          '{\"kind\": \"outcome\", \"outcome\": \"no-further-action\"}');");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.compose-to", "(xi)",
                                             (gint64) 1010, 1));
  g_assert_true (wait_for (empty_page_says_no_letter, &fixture));
  g_assert_null (askarov_composer_page_get_letter (fixture.page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (child (&fixture, "empty_page"))),
                            askarov_case_state_get_label (ASKAROV_CASE_STATE_NO_FURTHER_ACTION)));
  close_fixture (&fixture);
}


/* A UA whose salutation tells the form, to an official named in Cyrillic with a patronymic. */
static const char form_ua_sql[] =
  "INSERT INTO cases (id, name) VALUES (103, 'Form test case');"
  "INSERT INTO documents (id, case_id, title, format, body, search_body, content_hash, kind, reference,"
  "                       languages, own_language_allowed, facts_json)"
  "  VALUES (1030, 103, 'UA 77/26', 'text', 'body', 'body', 'test-hash-30', 'urgent-action', '77/26', 'ru,en', 1,"
  "          '{\"country\": \"KG\", \"language\": \"en\", \"persons\": [\"Form Test\"],"
  "            \"asks\": [\"Release him immediately and unconditionally.\"]}');"
  "INSERT INTO targets (document_id, position, name, title, salutation)"
  "  VALUES (1030, 0, 'Болот Исакович Исаков', 'Prosecutor General', 'Dear Mr Prosecutor General');";

static gboolean
title_ends_with_form (Fixture *fixture)
{
  AskarovAddressForm form = adw_combo_row_get_selected (ADW_COMBO_ROW (child (fixture, "form_row")));
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (fixture, "salutation_row")));

  return g_str_has_suffix (title, askarov_address_form_get_label (form));
}

/* The form of address comes from the UA, and the salutation row and the Form
 * of Address row show the same one whatever is chosen. */
static void
test_composer_form_of_address (void)
{
  Fixture fixture = { 0 };
  AskarovLetter *letter;
  AdwComboRow *form_row;
  GObject *by_name_row;

  open_fixture (&fixture, NULL);
  exec_sql (&fixture, form_ua_sql);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.compose-to", "(xi)",
                                             (gint64) 1030, 0));
  g_assert_true (wait_for (letter_open_and_saved, &fixture));
  letter = askarov_composer_page_get_letter (fixture.page);
  form_row = ADW_COMBO_ROW (child (&fixture, "form_row"));
  by_name_row = child (&fixture, "by_name_row");
  select_language (&fixture, "ru");

  /* "Dear Mr Prosecutor General": a man, said to come from the UA. */
  g_assert_cmpint (askarov_letter_get_address_form (letter), ==, ASKAROV_ADDRESS_FORM_MAN);
  g_assert_cmpuint (adw_combo_row_get_selected (form_row), ==, ASKAROV_ADDRESS_FORM_MAN);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (form_row)), ==, "From the Urgent Action");
  g_assert_true (title_ends_with_form (&fixture));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (&fixture, "salutation_row"))),
                            "Уважаемый господин Генеральный прокурор!"));

  /* Every form: the two rows agree (Russian has no neutral wording: the row
   * still says "Not known", and its note says which wording stands in). */
  for (AskarovAddressForm form = 0; form < ASKAROV_N_ADDRESS_FORMS; form++)
    {
      adw_combo_row_set_selected (form_row, form);
      ui_test_wait_until (askarov_letter_get_address_form (letter) == form && title_ends_with_form (&fixture));
      g_assert_cmpint (askarov_letter_get_address_form (letter), ==, form);
      g_assert_true (title_ends_with_form (&fixture));
    }
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (form_row)), ==, "The Urgent Action gives “Man”");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (&fixture, "salutation_row"))),
                            "masculine"));

  /* The name in Cyrillic has a patronymic: the composer offers it, not chooses it. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (by_name_row)));
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (by_name_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (by_name_row)), ==, "Уважаемый Болот Исакович!");
  adw_switch_row_set_active (ADW_SWITCH_ROW (by_name_row), TRUE);
  ui_test_wait_until (strstr (preview_text (&fixture), "Уважаемый Болот Исакович!") != NULL);
  g_assert_cmpint (askarov_letter_get_salutation_style (letter), ==, ASKAROV_SALUTATION_STYLE_NAME);
  /* The patronymic tells the form, and both rows show it. */
  g_assert_cmpint (askarov_letter_get_address_form (letter), ==, ASKAROV_ADDRESS_FORM_MAN);
  g_assert_true (title_ends_with_form (&fixture));
  g_assert_nonnull (strstr (preview_text (&fixture), "Уважаемый Болот Исакович!"));

  /* English greets no one by patronymic: the choice is not offered. */
  select_language (&fixture, "en");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (by_name_row)));
  g_assert_nonnull (strstr (preview_text (&fixture), "Dear Mr Prosecutor General,"));

  close_fixture (&fixture);
}

static gboolean
name_confirmed_in_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = askarov_store_lookup_official_name (askarov_application_get_store (fixture->app),
                                                               "Ivan Testov", "ru", &error);

  g_assert_no_error (error);
  return g_strcmp0 (found, "Иван Тестов-Верный") == 0;
}

static gboolean
confirmed_name_restored (Fixture *fixture)
{
  return g_strcmp0 (askarov_letter_get_recipient_name_local (askarov_composer_page_get_letter (fixture->page)),
                    "Иван Тестов-Верный") == 0;
}

static void
test_composer_name_in_letter (void)
{
  Fixture fixture = { 0 };
  AskarovLetter *letter;
  GtkEditable *row;
  GtkWidget *hint;

  compose_fixture (&fixture);
  select_language (&fixture, "ru");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "form_row")), ASKAROV_ADDRESS_FORM_MAN);
  letter = askarov_composer_page_get_letter (fixture.page);
  row = GTK_EDITABLE (child (&fixture, "local_name_row"));
  ui_test_wait_until (askarov_letter_get_address_form (letter) == ASKAROV_ADDRESS_FORM_MAN &&
                      g_strcmp0 (gtk_editable_get_text (row), "Иван Тестов") == 0);
  hint = GTK_WIDGET (child (&fixture, "local_name_hint"));

  /* A transliteration, marked for checking. */
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "Иван Тестов");
  g_assert_true (askarov_letter_get_name_needs_check (letter));
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (&fixture, "local_name_confirm"))));

  /* The volunteer corrects it and confirms: the letter uses it, the hint goes, the store keeps it. */
  gtk_editable_set_text (row, "Иван Тестов-Верный");
  ui_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "composer.confirm-name", NULL));
  ui_test_wait_until (g_strcmp0 (askarov_letter_get_recipient_name_local (letter), "Иван Тестов-Верный") == 0 &&
                      strstr (preview_text (&fixture), "И. Тестову-Верному") != NULL);
  g_assert_cmpstr (askarov_letter_get_recipient_name_local (letter), ==, "Иван Тестов-Верный");
  g_assert_false (askarov_letter_get_name_needs_check (letter));
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_nonnull (strstr (preview_text (&fixture), "И. Тестову-Верному"));
  g_assert_true (wait_for (name_confirmed_in_store, &fixture));

  /* German writes the Latin name; back in Russian the confirmed spelling returns. */
  select_language (&fixture, "de");
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "Ivan Testov");
  g_assert_false (gtk_widget_get_visible (hint));
  select_language (&fixture, "ru");
  g_assert_true (wait_for (confirmed_name_restored, &fixture));
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "Иван Тестов-Верный");

  close_fixture (&fixture);
}

/* The languages added last are offered by their own names and write their letters. */
static void
test_composer_new_languages (void)
{
  static const struct { const char *code; const char *name; } languages[] = {
    { "pt", "Português" }, { "it", "Italiano" }, { "nl", "Nederlands" }, { "pl", "Polski" }, { "uk", "Українська" },
  };
  Fixture fixture = { 0 };
  GListModel *model;

  compose_fixture (&fixture);
  model = G_LIST_MODEL (adw_combo_row_get_model (ADW_COMBO_ROW (child (&fixture, "language_row"))));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(AskarovSalutation) s = NULL;
      g_autoptr(GError) error = NULL;
      gboolean listed = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (model); j++)
        listed = listed || g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), j), languages[i].name);
      g_assert_true (listed);
      select_language (&fixture, languages[i].code);
      adw_combo_row_set_selected (ADW_COMBO_ROW (child (&fixture, "form_row")), ASKAROV_ADDRESS_FORM_WOMAN);
      s = askarov_salutation_lookup (languages[i].code, ASKAROV_ROLE_PROSECUTOR_GENERAL, ASKAROV_ADDRESS_FORM_WOMAN,
                                     &error);
      g_assert_no_error (error);
      ui_test_wait_until (strstr (preview_text (&fixture), s->salutation) != NULL);
      g_assert_nonnull (strstr (preview_text (&fixture), s->salutation));
      g_assert_nonnull (strstr (preview_text (&fixture), s->closing));
      if (g_str_equal (languages[i].code, "pl"))
        maybe_screenshot (&fixture, "composer-polish.png");
    }
  close_fixture (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/composer/empty", test_composer_empty);
  g_test_add_func ("/composer/russian-and-german", test_composer_russian_and_german);
  g_test_add_func ("/composer/kyrgyz-and-german-email", test_composer_kyrgyz_and_german_email);
  g_test_add_func ("/composer/edit-paragraph", test_composer_edit_paragraph);
  g_test_add_func ("/composer/post-counter", test_composer_post_counter);
  g_test_add_func ("/composer/copy", test_composer_copy);
  g_test_add_func ("/composer/save-pdf", test_composer_save_pdf);
  g_test_add_func ("/composer/mark-sent", test_composer_mark_sent);
  g_test_add_func ("/composer/long-email-copied", test_composer_long_email_copied);
  g_test_add_func ("/composer/shortcuts", test_composer_shortcuts);
  g_test_add_func ("/composer/sender-live", test_composer_sender_live);
  g_test_add_func ("/composer/narrow", test_composer_narrow);
  g_test_add_func ("/composer/autosave-survives-kill", test_composer_autosave_survives_kill);
  g_test_add_func ("/composer/accessible-buttons", test_composer_accessible_buttons);
  g_test_add_func ("/composer/closed-case", test_composer_closed_case);
  g_test_add_func ("/composer/form-of-address", test_composer_form_of_address);
  g_test_add_func ("/composer/name-in-letter", test_composer_name_in_letter);
  g_test_add_func ("/composer/new-languages", test_composer_new_languages);

  return g_test_run ();
}
