/* askarov-browser-page.c — the case library: cases, their documents, search and the reader.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-browser-page"

#include "config.h"

#include "askarov-browser-page.h"

#include "askarov-browser-page-private.h"

#include <glib/gi18n.h>

#include "askarov-case-pack.h"
#include "askarov-document-list.h"
#include "askarov-document-row.h"
#include "askarov-document-view.h"
#include "askarov-store-documents.h"
#include "askarov-window.h"

#define SEARCH_LIMIT 200


G_DEFINE_FINAL_TYPE (AskarovBrowserPage, askarov_browser_page, GTK_TYPE_WIDGET)

/* The kind filter, in the order of its drop-down. */
static const struct
{
  AskarovDocumentKind  kind;
  const char          *label;
} kind_filters[] = {
  { ASKAROV_DOCUMENT_KIND_UNKNOWN, N_("All Kinds") },
  { ASKAROV_DOCUMENT_KIND_URGENT_ACTION, N_("Urgent Actions") },
  { ASKAROV_DOCUMENT_KIND_UPDATE, N_("Updates") },
  { ASKAROV_DOCUMENT_KIND_OUTCOME, N_("Outcomes") },
  { ASKAROV_DOCUMENT_KIND_STATEMENT, N_("Statements") },
  { ASKAROV_DOCUMENT_KIND_ARTICLE, N_("Articles") },
};


/* Helpers */

void
askarov_browser_page_add_toast (AskarovBrowserPage *self,
                                const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  if (ASKAROV_IS_WINDOW (root))
    askarov_window_add_toast (ASKAROV_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static gint64
selected_case_id (AskarovBrowserPage *self)
{
  guint position = gtk_drop_down_get_selected (self->case_dropdown);
  g_autoptr(AskarovCase) item = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return ASKAROV_CASE_ANY;
  item = g_list_model_get_item (G_LIST_MODEL (self->cases), position - 1);
  return item != NULL ? askarov_case_get_id (item) : ASKAROV_CASE_ANY;
}

static gboolean
filter_document_cb (gpointer item,
                    gpointer user_data)
{
  AskarovBrowserPage *self = user_data;
  AskarovDocument *document = item;
  guint kind_index = gtk_drop_down_get_selected (self->kind_dropdown);
  gint64 case_id = selected_case_id (self);

  if (kind_index > 0 && kind_index < G_N_ELEMENTS (kind_filters) &&
      askarov_document_get_kind (document) != kind_filters[kind_index].kind)
    return FALSE;
  if (case_id != ASKAROV_CASE_ANY && askarov_document_get_case_id (document) != case_id)
    return FALSE;
  return TRUE;
}

/* Sections: one per case, by name, documents in no case last. */
static int
compare_case_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *name_a = askarov_document_get_case_name ((AskarovDocument *) a);
  const char *name_b = askarov_document_get_case_name ((AskarovDocument *) b);
  gboolean closed_a = askarov_case_state_is_closed (askarov_document_get_case_state ((AskarovDocument *) a, NULL));
  gboolean closed_b = askarov_case_state_is_closed (askarov_document_get_case_state ((AskarovDocument *) b, NULL));

  /* Cases that still ask for action come before closed ones. */
  if (closed_a != closed_b)
    return closed_a - closed_b;
  if (name_a == NULL || name_b == NULL)
    return (name_a == NULL) - (name_b == NULL);
  return g_utf8_collate (name_a, name_b);
}

static int
compare_date_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  AskarovDocument *da = (AskarovDocument *) a;
  AskarovDocument *db = (AskarovDocument *) b;
  int cmp = g_strcmp0 (askarov_document_get_sort_date (db), askarov_document_get_sort_date (da));

  if (cmp != 0)
    return cmp;
  return (askarov_document_get_id (db) > askarov_document_get_id (da)) -
         (askarov_document_get_id (db) < askarov_document_get_id (da));
}

/* Where a search result goes: the store returns the hits grouped by case,
 * the case of the best hit first. Each group is a section, so every hit is
 * listed under its own case's heading. */
typedef struct
{
  guint position;  /* in the store's order */
  guint group;     /* the position of its case's first hit */
} SearchPlace;

static SearchPlace
search_place (AskarovBrowserPage *self,
              AskarovDocument    *document)
{
  gint64 id = askarov_document_get_id (document);
  SearchPlace *place = g_hash_table_lookup (self->search_order, &id);

  return place != NULL ? *place : (SearchPlace) { G_MAXUINT, G_MAXUINT };
}

static int
compare_search_position_cb (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  SearchPlace pa = search_place (user_data, (AskarovDocument *) a);
  SearchPlace pb = search_place (user_data, (AskarovDocument *) b);

  return (pa.position > pb.position) - (pa.position < pb.position);
}

static int
compare_search_case_cb (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  SearchPlace pa = search_place (user_data, (AskarovDocument *) a);
  SearchPlace pb = search_place (user_data, (AskarovDocument *) b);

  return (pa.group > pb.group) - (pa.group < pb.group);
}

/* Records the order of @results (as the store grouped them). */
static void
set_search_order (AskarovBrowserPage *self,
                  GPtrArray          *results)
{
  g_autoptr(GHashTable) first_of_case = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_hash_table_remove_all (self->search_order);
  for (guint i = 0; i < results->len; i++)
    {
      AskarovDocument *document = g_ptr_array_index (results, i);
      gint64 case_id = askarov_document_get_case_id (document);
      SearchPlace *place = g_new (SearchPlace, 1);
      gpointer group;

      if (!g_hash_table_lookup_extended (first_of_case, &case_id, NULL, &group))
        {
          group = GUINT_TO_POINTER (i);
          g_hash_table_insert (first_of_case, g_memdup2 (&case_id, sizeof case_id), group);
        }
      place->position = i;
      place->group = GPOINTER_TO_UINT (group);
      g_hash_table_insert (self->search_order, g_memdup2 (&(gint64) { askarov_document_get_id (document) }, sizeof (gint64)),
                           place);
    }
  gtk_sorter_changed (self->search_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->search_case_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static gboolean
is_searching (AskarovBrowserPage *self)
{
  return gtk_search_bar_get_search_mode (self->search_bar) &&
         *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
}

static void
update_states (AskarovBrowserPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->documents)) == 0;

  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->state_stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->state_stack, empty ? "empty" : "library");

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0 ? "list" : "no-results");
}

static void
set_searching (AskarovBrowserPage *self,
               gboolean            searching)
{
  if (searching)
    {
      gtk_sort_list_model_set_section_sorter (self->sort_model, self->search_case_sorter);
      gtk_sort_list_model_set_sorter (self->sort_model, self->search_sorter);
      gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->search_results));
    }
  else
    {
      gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->documents));
      gtk_sort_list_model_set_section_sorter (self->sort_model, self->case_sorter);
      gtk_sort_list_model_set_sorter (self->sort_model, self->date_sorter);
      g_list_store_remove_all (self->search_results);
    }
  update_states (self);
}

void
askarov_browser_page_select_document (AskarovBrowserPage *self,
                                      gint64              document_id,
                                      gboolean            show_content)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AskarovDocument) document = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (askarov_document_get_id (document) == document_id)
        {
          self->selecting = !show_content;
          gtk_single_selection_set_selected (self->selection, i);
          self->selecting = FALSE;
          gtk_list_view_scroll_to (self->list_view, i, GTK_LIST_SCROLL_NONE, NULL);
          /* Already selected: no notification, but the reader is wanted. */
          if (show_content)
            adw_navigation_split_view_set_show_content (self->split_view, TRUE);
          return;
        }
    }
}

/* Reader */

void
askarov_browser_page_show_document (AskarovBrowserPage *self,
                                    AskarovDocument    *document)
{
  g_set_object (&self->current, document);
  askarov_document_view_show (self->document_view, document);
  adw_navigation_page_set_title (self->reader_page, askarov_document_get_title (document));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.log-action", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.move-document", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.delete-document", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.delete-case", askarov_document_get_case_id (document) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.case-status", askarov_document_get_case_id (document) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.letter-pack", TRUE);
}

void
askarov_browser_page_clear_reader (AskarovBrowserPage *self)
{
  g_cancellable_cancel (self->reader_cancellable);
  g_clear_object (&self->current);
  askarov_document_view_show (self->document_view, NULL);
  adw_navigation_page_set_title (self->reader_page, _("Document"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.log-action", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.move-document", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.delete-document", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.delete-case", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.case-status", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.letter-pack", FALSE);
}

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AskarovBrowserPage *self = user_data;
  g_autoptr(AskarovDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = askarov_store_get_document_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (document == NULL)
    {
      /* Gone meanwhile (another process deleted it, a restore): no message. */
      if (!g_error_matches (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND))
        askarov_browser_page_add_toast (self, error->message);
      askarov_browser_page_clear_reader (self);
      return;
    }
  askarov_browser_page_show_document (self, document);
}

static void
open_document (AskarovBrowserPage *self,
               gint64              document_id)
{
  g_cancellable_cancel (self->reader_cancellable);
  g_clear_object (&self->reader_cancellable);
  self->reader_cancellable = g_cancellable_new ();
  askarov_store_get_document_async (self->store, document_id, self->reader_cancellable,
                                    document_loaded_cb, self);
}

/* Loading */

static void
cases_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AskarovBrowserPage *self = user_data;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  gint64 selected;
  guint new_position = 0;

  cases = askarov_store_list_cases_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (cases == NULL)
    {
      askarov_browser_page_add_toast (self, error->message);
      return;
    }

  selected = selected_case_id (self);
  names = g_ptr_array_new ();
  for (guint i = 0; i < cases->len; i++)
    {
      g_ptr_array_add (names, (gpointer) askarov_case_get_name (g_ptr_array_index (cases, i)));
      if (askarov_case_get_id (g_ptr_array_index (cases, i)) == selected)
        new_position = i + 1;
    }
  /* gtk_string_list_splice() takes a NULL-terminated array. */
  g_ptr_array_add (names, NULL);
  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       cases->pdata, cases->len);
  gtk_string_list_splice (self->case_names, 1, g_list_model_get_n_items (G_LIST_MODEL (self->case_names)) - 1,
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->case_dropdown, new_position);
}

void
askarov_browser_page_reload_cases (AskarovBrowserPage *self)
{
  askarov_store_list_cases_async (self->store, self->cancellable, cases_loaded_cb, self);
}

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AskarovBrowserPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_document_list_load_finish (ASKAROV_DOCUMENT_LIST (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      askarov_browser_page_add_toast (self, error->message);
    }

  self->loaded = TRUE;
  update_states (self);

  /* A fresh start opens on the newest document of the first case. */
  if (self->current == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      g_autoptr(AskarovDocument) first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

      askarov_browser_page_select_document (self, askarov_document_get_id (first), FALSE);
    }
  /* A reload (another process wrote): the reader's document stays selected. */
  else if (self->current != NULL)
    askarov_browser_page_select_document (self, askarov_document_get_id (self->current), FALSE);

  if (self->pending_files->len > 0)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);

      self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
      askarov_browser_page_import_batch (self, files);
    }
}

void
askarov_browser_page_load_library (AskarovBrowserPage *self)
{
  askarov_document_list_load_async (self->documents, self->store, self->cancellable, library_loaded_cb, self);
  askarov_browser_page_reload_cases (self);
}

/* Callbacks */

static void
selection_changed_cb (AskarovBrowserPage *self)
{
  AskarovDocument *document = gtk_single_selection_get_selected_item (self->selection);

  if (document == NULL)
    return;
  if (self->current == NULL || askarov_document_get_id (self->current) != askarov_document_get_id (document))
    open_document (self, askarov_document_get_id (document));
  if (!self->selecting)
    adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
list_activate_cb (AskarovBrowserPage *self,
                  guint               position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AskarovBrowserPage *self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = askarov_store_search_documents_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (results == NULL)
    {
      askarov_browser_page_add_toast (self, error->message);
      return;
    }
  if (!is_searching (self))
    return;

  set_search_order (self, results);
  g_list_store_splice (self->search_results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->search_results)),
                       results->pdata, results->len);
  set_searching (self, TRUE);
}

static void
search_changed_cb (AskarovBrowserPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->store == NULL || *text == '\0')
    {
      set_searching (self, FALSE);
      return;
    }
  self->search_cancellable = g_cancellable_new ();
  askarov_store_search_documents_async (self->store, text, SEARCH_LIMIT, self->search_cancellable,
                                        search_done_cb, self);
}

static void
search_mode_cb (AskarovBrowserPage *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      set_searching (self, FALSE);
    }
}

static void
filter_changed_cb (AskarovBrowserPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
model_changed_cb (AskarovBrowserPage *self)
{
  update_states (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, askarov_document_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  AskarovDocument *document = gtk_list_item_get_item (item);

  askarov_document_row_set_document (ASKAROV_DOCUMENT_ROW (gtk_list_item_get_child (item)), document);
  gtk_list_item_set_accessible_label (item, askarov_document_get_title (document));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  askarov_document_row_set_document (ASKAROV_DOCUMENT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_list_header_set_child (header, label);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                gpointer                  user_data)
{
  AskarovDocument *first = gtk_list_header_get_item (header);
  const char *name = first != NULL ? askarov_document_get_case_name (first) : NULL;
  const char *state_date = NULL;
  AskarovCaseState state = first != NULL ? askarov_document_get_case_state (first, &state_date)
                                         : ASKAROV_CASE_STATE_OPEN;
  g_autofree char *label = NULL;

  /* A closed case says so: "Azimjan Askarov — Died · 25 July 2020". */
  if (name != NULL && askarov_case_state_is_closed (state))
    {
      g_autofree char *text = askarov_format_case_state (state, state_date);

      /* Translators: a case heading in the library; the first %s is the case, the second its state */
      label = g_strdup_printf (_("%s — %s"), name, text);
    }
  gtk_label_set_label (GTK_LABEL (gtk_list_header_get_child (header)),
                       label != NULL ? label : name != NULL ? name : _("Not in a Case"));
}

/* Widget */

static void
askarov_browser_page_root (GtkWidget *widget)
{
  AskarovBrowserPage *self = ASKAROV_BROWSER_PAGE (widget);

  GTK_WIDGET_CLASS (askarov_browser_page_parent_class)->root (widget);

  /* The primary menu lives in the window's header bar, outside this page:
   * its "Restore the Askarov Case" item reaches us through the window. */
  self->action_root = GTK_WIDGET (gtk_widget_get_root (widget));
  gtk_widget_insert_action_group (self->action_root, "library", G_ACTION_GROUP (self->library_actions));
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->action_root);
}

static void
askarov_browser_page_unroot (GtkWidget *widget)
{
  AskarovBrowserPage *self = ASKAROV_BROWSER_PAGE (widget);

  if (self->action_root != NULL)
    gtk_widget_insert_action_group (self->action_root, "library", NULL);
  self->action_root = NULL;
  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);

  GTK_WIDGET_CLASS (askarov_browser_page_parent_class)->unroot (widget);
}

static void store_external_change_cb (AskarovBrowserPage *self);

static void
askarov_browser_page_dispose (GObject *object)
{
  AskarovBrowserPage *self = ASKAROV_BROWSER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->reader_cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->reader_cancellable);
  g_clear_object (&self->search_cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_external_change_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->current);

  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_BROWSER_PAGE);
  /* The template's root child is not bound, so it is unparented here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->date_sorter);
  g_clear_object (&self->case_sorter);
  g_clear_object (&self->search_sorter);
  g_clear_object (&self->search_case_sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->documents);
  g_clear_object (&self->search_results);
  g_clear_object (&self->cases);
  g_clear_object (&self->case_names);
  g_clear_object (&self->library_actions);

  G_OBJECT_CLASS (askarov_browser_page_parent_class)->dispose (object);
}

static void
askarov_browser_page_finalize (GObject *object)
{
  AskarovBrowserPage *self = ASKAROV_BROWSER_PAGE (object);

  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_pointer (&self->search_order, g_hash_table_unref);

  G_OBJECT_CLASS (askarov_browser_page_parent_class)->finalize (object);
}

static void
askarov_browser_page_class_init (AskarovBrowserPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = askarov_browser_page_dispose;
  object_class->finalize = askarov_browser_page_finalize;
  widget_class->root = askarov_browser_page_root;
  widget_class->unroot = askarov_browser_page_unroot;

  g_type_ensure (ASKAROV_TYPE_DOCUMENT_ROW);
  g_type_ensure (ASKAROV_TYPE_DOCUMENT_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-browser-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, case_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, reader_page);
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, document_view);

  askarov_browser_page_class_install_actions (widget_class);
}

static void
askarov_browser_page_init (AskarovBrowserPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  GtkListItemFactory *header_factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  self->documents = askarov_document_list_new ();
  self->search_results = g_list_store_new (ASKAROV_TYPE_DOCUMENT);
  self->cases = g_list_store_new (ASKAROV_TYPE_CASE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_filters); i++)
    gtk_string_list_append (kinds, _(kind_filters[i].label));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  self->case_names = gtk_string_list_new ((const char *[]) { _("All Cases"), NULL });
  gtk_drop_down_set_model (self->case_dropdown, G_LIST_MODEL (self->case_names));

  self->date_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_date_cb, NULL, NULL));
  self->case_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_case_cb, NULL, NULL));
  self->search_order = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->search_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_search_position_cb, self, NULL));
  self->search_case_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_search_case_cb, self, NULL));
  self->filter = gtk_custom_filter_new (filter_document_cb, self, NULL);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->documents)),
                                              g_object_ref (self->date_sorter));
  gtk_sort_list_model_set_section_sorter (self->sort_model, self->case_sorter);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  header_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_header_cb), NULL);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_header_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_header_factory (self->list_view, header_factory);
  g_object_unref (factory);
  g_object_unref (header_factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
  g_signal_connect_swapped (self->documents, "items-changed", G_CALLBACK (model_changed_cb), self);
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (model_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->case_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->library_actions = askarov_browser_page_new_library_actions (self);

  askarov_browser_page_clear_reader (self);
  update_states (self);
}

/* Another process (or a restore) changed the database: the list, the
 * cases and the document in the reader are read afresh. */
static void
store_external_change_cb (AskarovBrowserPage *self)
{
  askarov_browser_page_load_library (self);
  if (self->current != NULL)
    open_document (self, askarov_document_get_id (self->current));
}

/**
 * askarov_browser_page_set_store:
 * @store: (nullable): the database, or %NULL while it is not open
 *
 * Shows the library of @store. On the first start with a database the
 * Askarov case pack is loaded into it first (off the main thread).
 */
void
askarov_browser_page_set_store (AskarovBrowserPage *self,
                                AskarovStore       *store)
{
  g_return_if_fail (ASKAROV_IS_BROWSER_PAGE (self));
  g_return_if_fail (store == NULL || ASKAROV_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_external_change_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "external-change", G_CALLBACK (store_external_change_cb), self,
                             G_CONNECT_SWAPPED);
  askarov_document_view_set_store (self->document_view, store);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  askarov_browser_page_clear_reader (self);
  askarov_document_list_set_documents (self->documents, NULL);
  g_list_store_remove_all (self->cases);
  self->loaded = FALSE;

  if (store == NULL)
    {
      update_states (self);
      return;
    }
  update_states (self);
  /* The application installed the case pack on first start before handing
   * the store over, so every part sees the same library. */
  askarov_browser_page_load_library (self);
}

/**
 * askarov_browser_page_import_files:
 *
 * Imports @files on workers: one toast per file that could not be imported
 * (with the reason), the others are imported all the same. Files given
 * before the database is open wait for it.
 */
void
askarov_browser_page_import_files (AskarovBrowserPage *self,
                                   GFile              **files,
                                   int                n_files)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (ASKAROV_IS_BROWSER_PAGE (self));
  g_return_if_fail (n_files == 0 || files != NULL);

  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (array, g_object_ref (files[i]));

  if (self->store == NULL || !self->loaded)
    {
      g_ptr_array_extend_and_steal (self->pending_files, g_steal_pointer (&array));
      return;
    }
  askarov_browser_page_import_batch (self, array);
}

void
askarov_browser_page_start_search (AskarovBrowserPage *self)
{
  g_return_if_fail (ASKAROV_IS_BROWSER_PAGE (self));

  if (gtk_stack_get_visible_child_name (self->state_stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->state_stack), "library"))
    adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
