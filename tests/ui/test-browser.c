/* test-browser.c — the Documents part in the real window: case pack, import, reader, search, Write to….
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "askarov-browser-page.h"
#include "askarov-document.h"
#include "askarov-document-view.h"
#include "askarov-letter-pack-dialog.h"
#include "ui-test-utils.h"

#define wait_for ui_test_wait_for

static GtkWidget *
window_child (AskarovWindow *window,
              const char    *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), ASKAROV_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static gpointer
page_child (AskarovWindow *window,
            const char    *name)
{
  GtkWidget *page = window_child (window, "browser_page");
  GObject *child = gtk_widget_get_template_child (page, ASKAROV_TYPE_BROWSER_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

/* The reader's parts are children of the page's AskarovDocumentView. */
static gpointer
reader_child (AskarovWindow *window,
              const char    *name)
{
  GObject *child = gtk_widget_get_template_child (page_child (window, "document_view"),
                                                  ASKAROV_TYPE_DOCUMENT_VIEW, name);

  g_assert_nonnull (child);
  return child;
}

static GListModel *
list_model (AskarovWindow *window)
{
  return G_LIST_MODEL (gtk_list_view_get_model (page_child (window, "list_view")));
}

/* Every title and subtitle of the rows under @widget, one per line. */
static void
collect_rows (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_string_append_printf (out, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
      if (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL)
        g_string_append_printf (out, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, out);
}

static char *
group_text (AskarovWindow *window,
            const char    *group)
{
  GString *out = g_string_new (NULL);

  collect_rows (reader_child (window, group), out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  AskarovWindow *window;
  guint          n;
  const char    *text;
} Wait;

static gboolean
has_n_items (gpointer data)
{
  Wait *wait = data;

  return g_list_model_get_n_items (list_model (wait->window)) == wait->n;
}

/* The list shows @n search results (the library's rows have no snippet). */
static gboolean
has_n_results (gpointer data)
{
  Wait *wait = data;
  GListModel *model = list_model (wait->window);
  g_autoptr(AskarovDocument) first = NULL;

  if (g_list_model_get_n_items (model) != wait->n)
    return FALSE;
  first = g_list_model_get_item (model, 0);
  return first != NULL && askarov_document_get_snippet (first) != NULL;
}

static gboolean
reader_shows (gpointer data)
{
  Wait *wait = data;

  return g_strcmp0 (gtk_label_get_label (reader_child (wait->window, "reader_title")), wait->text) == 0 &&
         g_str_equal (gtk_stack_get_visible_child_name (reader_child (wait->window, "reader_stack")), "document");
}

static gboolean
timeline_filled (gpointer data)
{
  Wait *wait = data;
  g_autofree char *text = group_text (wait->window, "case_group");

  return strstr (text, wait->text) != NULL;
}

static AskarovDocument *
find_document (AskarovWindow *window,
               const char    *reference,
               guint         *position)
{
  GListModel *model = list_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AskarovDocument) document = g_list_model_get_item (model, i);

      if (g_strcmp0 (askarov_document_get_reference (document), reference) == 0 &&
          askarov_document_get_facts (document)->update > 0)
        {
          *position = i;
          return g_steal_pointer (&document);
        }
    }
  return NULL;
}

static AskarovWindow *
open_library (AskarovApplication **app)
{
  AskarovWindow *window = ui_test_open_window (app);
  Wait wait = { window, 3, NULL };

  ui_test_wait_store (*app);
  ui_test_resize (GTK_WINDOW (window), 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "documents");
  g_assert_true (wait_for (has_n_items, &wait));
  return window;
}

static void
test_case_pack_first_start (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = open_library (&app);
  GListModel *model = list_model (window);
  Wait wait = { window, 0, "Outcome: Azimjan Askarov died in prison" };

  /* Not an empty window: the library shows the case, newest document first… */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (window, "state_stack")), ==, "library");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AskarovDocument) document = g_list_model_get_item (model, i);

      g_assert_cmpstr (askarov_document_get_case_name (document), ==, "Azimjan Askarov");
    }
  /* …and the reader opens on it. */
  g_assert_true (wait_for (reader_shows, &wait));
  wait.text = "Dies in custody";
  g_assert_true (wait_for (timeline_filled, &wait));

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_import_corpus (void)
{
  const char *corpus = g_getenv ("ASKAROV_CORPUS_DIR");
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GFile) junk = NULL;
  g_autofree char *junk_path = NULL;
  GListModel *model;
  Wait wait;

  if (corpus == NULL || !(dir = g_dir_open (corpus, 0, NULL)))
    {
      g_test_skip ("ASKAROV_CORPUS_DIR is not set or missing: the corpus is not available");
      return;
    }
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; )
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_file_new_build_filename (corpus, name, NULL));
  g_assert_cmpuint (files->len, ==, 5);

  /* A broken file in the batch gets its toast; the others are imported. */
  junk_path = g_build_filename (g_get_user_data_dir (), "empty.txt", NULL);
  g_assert_true (g_file_set_contents (junk_path, "", 0, NULL));
  junk = g_file_new_for_path (junk_path);
  g_ptr_array_add (files, g_object_ref (junk));

  window = open_library (&app);
  askarov_window_import_files (window, (GFile **) files->pdata, files->len);
  wait = (Wait) { window, 8, NULL };
  g_assert_true (wait_for (has_n_items, &wait));

  /* The five documents joined the pack's case, whatever the spelling. */
  model = list_model (window);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AskarovDocument) document = g_list_model_get_item (model, i);

      g_assert_cmpstr (askarov_document_get_case_name (document), ==, "Azimjan Askarov");
    }

  if (g_getenv ("ASKAROV_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("ASKAROV_SCREENSHOT_DIR"), "library-imported.png", NULL);
      g_autoptr(GError) error = NULL;

      ui_test_settle (GTK_WIDGET (window));
      g_assert_true (ui_test_save_png (GTK_WIDGET (window), path, &error));
    }

  /* The same files again are refused as duplicates, and nothing changes. */
  askarov_window_import_files (window, (GFile **) files->pdata, 1);
  ui_test_wait_until (ui_test_find_label (GTK_WIDGET (window), "not imported again") != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_reader_facts (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = open_library (&app);
  g_autoptr(AskarovDocument) document = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *targets = NULL;
  g_autofree char *copies = NULL;
  guint position = 0;
  Wait wait = { window, 0, NULL };

  document = find_document (window, "135/10", &position);
  g_assert_nonnull (document);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (list_model (window)), position, TRUE);
  wait.text = askarov_document_get_title (document);
  g_assert_true (wait_for (reader_shows, &wait));

  facts = group_text (window, "facts_group");
  g_assert_nonnull (strstr (facts, "UA 135/10"));
  g_assert_nonnull (strstr (facts, "EUR 58/015/2010"));
  g_assert_nonnull (strstr (facts, "15 September 2010"));
  /* The built-in case ended with his death: its deadlines no longer apply. */
  g_assert_nonnull (strstr (facts, "Died · 25 July 2020 — the case is closed: no deadline applies"));
  g_assert_nonnull (strstr (facts, "27 October 2010 — no longer applies: Died"));
  g_assert_null (strstr (facts, "Deadline passed"));
  g_assert_nonnull (strstr (facts, "Russian, Kyrgyz, English, or your own language"));

  targets = group_text (window, "targets_group");
  g_assert_nonnull (strstr (targets, "Zarylbek Rysaliev"));
  g_assert_nonnull (strstr (targets, "Salutation: Dear Minister"));
  g_assert_nonnull (strstr (targets, "Kubatbek Baibolov"));
  g_assert_null (strstr (targets, "Roza Otunbaeva"));
  copies = group_text (window, "copies_group");
  g_assert_nonnull (strstr (copies, "Roza Otunbaeva"));

  /* The text is there to read and select. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (reader_child (window, "body_view"));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (text, "27 October 2010"));
    g_assert_false (gtk_text_view_get_editable (reader_child (window, "body_view")));
  }

  /* Screenshots of the reader for reviews: ASKAROV_SCREENSHOT_DIR=DIR. */
  if (g_getenv ("ASKAROV_SCREENSHOT_DIR") != NULL)
    {
      const struct { const char *name; int width, height; } shots[] = {
        { "reader-wide.png", 1280, 800 }, { "reader-tall.png", 1280, 2400 }, { "reader-narrow.png", 360, 640 },
      };

      for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
        {
          g_autofree char *path = g_build_filename (g_getenv ("ASKAROV_SCREENSHOT_DIR"), shots[i].name, NULL);
          g_autoptr(GError) error = NULL;

          ui_test_resize (GTK_WINDOW (window), shots[i].width, shots[i].height);
          ui_test_settle (GTK_WIDGET (window));
          g_assert_true (ui_test_save_png (GTK_WIDGET (window), path, &error));
        }
      ui_test_resize (GTK_WINDOW (window), 1280, 800);
    }

  /* Icon-only buttons have names. */
  {
    GtkWidget *copy = find_button (reader_child (window, "targets_group"), "reader.copy-target");

    g_assert_nonnull (copy);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, "Copy Address");
  }

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_search (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = open_library (&app);
  GtkSearchBar *bar = page_child (window, "search_bar");
  g_autoptr(AskarovDocument) result = NULL;
  Wait wait = { window, 1, NULL };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ui_test_wait_until (gtk_search_bar_get_search_mode (bar));

  gtk_editable_set_text (GTK_EDITABLE (page_child (window, "search_entry")), "pneumonia");
  g_assert_true (wait_for (has_n_items, &wait));
  result = g_list_model_get_item (list_model (window), 0);
  g_assert_cmpint (askarov_document_get_kind (result), ==, ASKAROV_DOCUMENT_KIND_OUTCOME);
  g_assert_nonnull (strstr (askarov_document_get_snippet (result), "\002pneumonia\003"));

  /* Words no document has: the "No Results" state. */
  gtk_editable_set_text (GTK_EDITABLE (page_child (window, "search_entry")), "zzzqqq");
  wait.n = 0;
  g_assert_true (wait_for (has_n_items, &wait));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (window, "list_stack")), ==, "no-results");

  /* Leaving search shows the whole library again. */
  gtk_search_bar_set_search_mode (bar, FALSE);
  wait.n = 3;
  g_assert_true (wait_for (has_n_items, &wait));

  ui_test_close (g_steal_pointer (&app), window);
}

/* Each hit is listed under its own case's heading: the list's sections (one
 * header each) hold the hits of one case, and no case has two sections. */
static void
test_search_sections_by_case (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = open_library (&app);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "other-case.txt", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GListModel *model;
  guint n;
  Wait wait = { window, 4, NULL };

  /* A second case's document sharing the word "prison" with all three of
   * the Askarov case's, and ranking among them (a short text). */
  g_assert_true (g_file_set_contents (path,
                                      "URGENT ACTION\nPRISON GUARDS BEAT DEFENDER\n\n"
                                      "Human rights defender Nurbek Toktakunov was beaten by guards in prison. "
                                      "Nurbek Toktakunov needs a doctor.\n", -1, NULL));
  file = g_file_new_for_path (path);
  askarov_window_import_files (window, &file, 1);
  g_assert_true (wait_for (has_n_items, &wait));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (page_child (window, "search_entry")), "prison");
  g_assert_true (wait_for (has_n_results, &wait));

  model = list_model (window);
  g_assert_true (GTK_IS_SECTION_MODEL (model));
  n = g_list_model_get_n_items (model);
  for (guint start = 0, end = 0; start < n; start = end)
    {
      g_autoptr(AskarovDocument) first = g_list_model_get_item (model, start);
      gint64 case_id = askarov_document_get_case_id (first);

      gtk_section_model_get_section (GTK_SECTION_MODEL (model), start, &start, &end);
      g_assert_cmpuint (end, >, start);
      for (guint i = start; i < end; i++)
        {
          g_autoptr(AskarovDocument) document = g_list_model_get_item (model, i);

          g_assert_cmpint (askarov_document_get_case_id (document), ==, case_id);
        }
      g_assert_false (g_hash_table_contains (seen, &case_id));
      g_hash_table_add (seen, g_memdup2 (&case_id, sizeof case_id));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2);

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_filter_by_kind (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = open_library (&app);
  g_autoptr(AskarovDocument) only = NULL;
  Wait wait = { window, 1, NULL };

  /* Third entry: "Updates". */
  gtk_drop_down_set_selected (page_child (window, "kind_dropdown"), 2);
  g_assert_true (wait_for (has_n_items, &wait));
  only = g_list_model_get_item (list_model (window), 0);
  g_assert_cmpint (askarov_document_get_kind (only), ==, ASKAROV_DOCUMENT_KIND_UPDATE);

  gtk_drop_down_set_selected (page_child (window, "kind_dropdown"), 0);
  wait.n = 3;
  g_assert_true (wait_for (has_n_items, &wait));

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_write_to_opens_composer (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = open_library (&app);
  g_autoptr(AskarovDocument) document = NULL;
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (window, "stack"));
  GtkWidget *button;
  guint position = 0;
  Wait wait = { window, 0, NULL };

  document = find_document (window, "135/10", &position);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (list_model (window)), position, TRUE);
  wait.text = askarov_document_get_title (document);
  g_assert_true (wait_for (reader_shows, &wait));

  button = find_button (reader_child (window, "targets_group"), "reader.write-to");
  g_assert_nonnull (button);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "documents");
  g_signal_emit_by_name (button, "clicked");
  ui_test_wait_until (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "compose") == 0);

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_narrow_collapses (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = open_library (&app);
  AdwNavigationSplitView *split = page_child (window, "split_view");
  UiTestSignal *shown;

  g_assert_false (adw_navigation_split_view_get_collapsed (split));
  ui_test_resize (GTK_WINDOW (window), 360, 640);
  g_assert_true (adw_navigation_split_view_get_collapsed (split));

  /* Choosing a document shows the reader alone, with a way back. */
  shown = ui_test_signal_watch (adw_navigation_split_view_get_content (split), "shown");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.select-first", NULL));
  /* At the end of the transition: resizing in the middle of it is another test. */
  ui_test_signal_wait (shown);
  g_assert_true (adw_navigation_split_view_get_show_content (split));

  ui_test_resize (GTK_WINDOW (window), 1280, 800);
  g_assert_false (adw_navigation_split_view_get_collapsed (split));

  ui_test_close (g_steal_pointer (&app), window);
}

static void
test_delete_and_restore_case (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = open_library (&app);
  GtkWidget *page = window_child (window, "browser_page");
  Wait wait = { window, 0, "Outcome: Azimjan Askarov died in prison" };
  AdwDialog *dialog;

  g_assert_true (wait_for (reader_shows, &wait));

  /* Delete the whole case, confirming in the dialog. */
  g_assert_true (gtk_widget_activate_action (page, "browser.delete-case", NULL));
  ui_test_wait_until ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL);
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_signal_emit_by_name (dialog, "response", "delete-case");
  adw_dialog_force_close (dialog);
  g_assert_true (wait_for (has_n_items, &wait));
  ui_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (page_child (window, "state_stack")), "empty") == 0);

  /* The primary menu's "Restore the Askarov Case" brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.restore-case-pack", NULL));
  wait.n = 3;
  g_assert_true (wait_for (has_n_items, &wait));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (window, "state_stack")), ==, "library");

  ui_test_close (g_steal_pointer (&app), window);
}

static gboolean
reader_says_closed (gpointer data)
{
  Wait *wait = data;
  g_autofree char *facts = group_text (wait->window, "facts_group");

  return (strstr (facts, "the case is closed") != NULL) == (wait->n != 0);
}

static void
save_shot (AskarovWindow *window,
           const char    *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("ASKAROV_SCREENSHOT_DIR") == NULL)
    return;
  path = g_build_filename (g_getenv ("ASKAROV_SCREENSHOT_DIR"), name, NULL);
  ui_test_wait_stable (GTK_WIDGET (window), 5);
  g_assert_true (ui_test_save_png (GTK_WIDGET (window), path, &error));
  g_assert_no_error (error);
}

/* "Case Status…" reopens the built-in case, which its outcome closed, and
 * the reader follows. */
static void
test_case_status (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = open_library (&app);
  GtkWidget *page = window_child (window, "browser_page");
  Wait wait = { window, 0, "Outcome: Azimjan Askarov died in prison" };
  AdwDialog *dialog;
  AdwComboRow *combo;

  g_assert_true (wait_for (reader_shows, &wait));
  wait.n = 1;
  g_assert_true (wait_for (reader_says_closed, &wait));

  for (guint narrow = 0; narrow < 2; narrow++)
    {
      ui_test_resize (GTK_WINDOW (window), narrow ? 360 : 1280, narrow ? 640 : 800);
      g_assert_true (gtk_widget_activate_action (page, "browser.case-status", NULL));
      ui_test_wait_until ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL);
      g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
      combo = g_object_get_data (G_OBJECT (dialog), "dropdown");
      g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 3);  /* Died */
      save_shot (window, narrow ? "case-status-narrow.png" : "case-status-wide.png");
      if (!narrow)
        {
          adw_dialog_force_close (dialog);
          ui_test_wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);
        }
    }

  adw_combo_row_set_selected (combo, 0);  /* Open */
  g_signal_emit_by_name (dialog, "response", "save");
  adw_dialog_force_close (dialog);
  wait.n = 0;
  g_assert_true (wait_for (reader_says_closed, &wait));

  ui_test_close (g_steal_pointer (&app), window);
}

static gboolean
pack_form_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (data, ASKAROV_TYPE_LETTER_PACK_DIALOG, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "form") == 0;
}

/* Every GtkCheckButton under @widget, in order. */
static void
collect_checks (GtkWidget *widget,
                GPtrArray *out)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_checks (child, out);
}

/* "Letter-Writing Evening Pack…" on the built-in case: both officials and
 * the UA's two languages are chosen; choosing nothing disables printing. */
static void
test_letter_pack_dialog (void)
{
  g_autoptr(AskarovApplication) app = NULL;
  AskarovWindow *window = open_library (&app);
  GtkWidget *page = window_child (window, "browser_page");
  Wait wait = { window, 0, "Outcome: Azimjan Askarov died in prison" };
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GString) rows = g_string_new (NULL);
  AdwDialog *dialog;
  GtkWidget *print_button;
  GtkLabel *summary;

  g_assert_true (wait_for (reader_shows, &wait));
  for (guint narrow = 0; narrow < 2; narrow++)
    {
      ui_test_resize (GTK_WINDOW (window), narrow ? 360 : 1280, narrow ? 640 : 800);
      g_assert_true (gtk_widget_activate_action (page, "browser.letter-pack", NULL));
      ui_test_wait_until (ASKAROV_IS_LETTER_PACK_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))));
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
      g_assert_true (ASKAROV_IS_LETTER_PACK_DIALOG (dialog));
      g_assert_true (wait_for (pack_form_shown, dialog));
      save_shot (window, narrow ? "letter-pack-narrow.png" : "letter-pack-wide.png");
      if (!narrow)
        {
          adw_dialog_force_close (dialog);
          ui_test_wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);
        }
    }

  collect_rows (GTK_WIDGET (dialog), rows);
  g_test_message ("%s", rows->str);
  g_assert_nonnull (strstr (rows->str, "Sooronbay Jeenbekov"));
  g_assert_nonnull (strstr (rows->str, "Bolot Isakovich Otunbaev"));
  g_assert_nonnull (strstr (rows->str, "Русский"));
  summary = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), ASKAROV_TYPE_LETTER_PACK_DIALOG,
                                                      "summary_label"));
  print_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), ASKAROV_TYPE_LETTER_PACK_DIALOG,
                                                            "print_button"));
  /* Two officials in Kyrgyz and Russian, the UA's languages. */
  g_assert_nonnull (strstr (gtk_label_get_label (summary), "4 letters"));
  g_assert_true (gtk_widget_is_sensitive (print_button));

  collect_checks (GTK_WIDGET (dialog), checks);
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);
  ui_test_wait_until (strstr (gtk_label_get_label (summary), "at least one") != NULL);
  g_assert_false (gtk_widget_is_sensitive (print_button));
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);   /* the first official */
  gtk_check_button_set_active (g_ptr_array_index (checks, checks->len - 1), TRUE);   /* one language */
  ui_test_wait_until (strstr (gtk_label_get_label (summary), "1 letter,") != NULL);
  g_assert_true (gtk_widget_is_sensitive (print_button));

  adw_dialog_force_close (dialog);
  ui_test_close (g_steal_pointer (&app), window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/browser/case-pack-first-start", test_case_pack_first_start);
  g_test_add_func ("/browser/import-corpus", test_import_corpus);
  g_test_add_func ("/browser/reader-facts", test_reader_facts);
  g_test_add_func ("/browser/search", test_search);
  g_test_add_func ("/browser/search-sections-by-case", test_search_sections_by_case);
  g_test_add_func ("/browser/filter-by-kind", test_filter_by_kind);
  g_test_add_func ("/browser/write-to-opens-composer", test_write_to_opens_composer);
  g_test_add_func ("/browser/narrow-collapses", test_narrow_collapses);
  g_test_add_func ("/browser/delete-and-restore-case", test_delete_and_restore_case);
  g_test_add_func ("/browser/case-status", test_case_status);
  g_test_add_func ("/browser/letter-pack-dialog", test_letter_pack_dialog);

  return g_test_run ();
}
