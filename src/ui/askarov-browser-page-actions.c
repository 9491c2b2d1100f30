/* askarov-browser-page-actions.c — the browser page's actions: import, move, delete, restore the case pack.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-browser-page"

#include "config.h"

#include <glib/gi18n.h>

#include "askarov-browser-page-private.h"
#include "askarov-application.h"
#include "askarov-case-pack.h"
#include "askarov-letter-pack-dialog.h"
#include "askarov-store-documents.h"
#include "askarov-store-records.h"

/* Import */

typedef struct
{
  AskarovBrowserPage *self;   /* owned */
  AskarovStore       *store;  /* owned: a restore waits for the batch */
  guint               remaining;
  guint               n_imported;
  gint64              last_id;
} ImportBatch;

static void
file_imported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ImportBatch *batch = user_data;
  AskarovBrowserPage *self = batch->self;
  g_autoptr(AskarovDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = askarov_store_import_file_finish (ASKAROV_STORE (object), result, &error);
  batch->remaining--;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (document == NULL)
        askarov_browser_page_add_toast (self, error->message);
      else
        {
          askarov_document_list_add (self->documents, document);
          batch->n_imported++;
          batch->last_id = askarov_document_get_id (document);
        }

      if (batch->remaining == 0 && batch->n_imported > 0)
        {
          g_autofree char *message =
            /* Translators: %u is the number of documents just imported */
            g_strdup_printf (ngettext ("%u document imported", "%u documents imported", batch->n_imported),
                             batch->n_imported);

          askarov_browser_page_add_toast (self, message);
          askarov_browser_page_reload_cases (self);
          askarov_browser_page_select_document (self, batch->last_id, TRUE);
        }
    }

  if (batch->remaining == 0)
    {
      askarov_store_end_file_job (batch->store);
      g_object_unref (batch->store);
      g_object_unref (batch->self);
      g_free (batch);
    }
}

void
askarov_browser_page_import_batch (AskarovBrowserPage *self,
                                   GPtrArray          *files)
{
  ImportBatch *batch;

  if (files->len == 0)
    return;

  batch = g_new0 (ImportBatch, 1);
  batch->self = g_object_ref (self);
  batch->store = g_object_ref (self->store);
  batch->remaining = files->len;
  askarov_store_begin_file_job (batch->store);
  for (guint i = 0; i < files->len; i++)
    askarov_store_import_file_async (self->store, g_ptr_array_index (files, i), self->cancellable,
                                     file_imported_cb, batch);
}

static void
pack_restored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AskarovBrowserPage *self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  if (!askarov_case_pack_install_finish (ASKAROV_STORE (object), result, &n_added, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      askarov_browser_page_add_toast (self, error->message);
      return;
    }
  if (n_added == 0)
    askarov_browser_page_add_toast (self, _("The Askarov case is already in your library"));
  else
    askarov_browser_page_add_toast (self, _("The Askarov case was restored"));
  askarov_browser_page_clear_reader (self);
  askarov_browser_page_load_library (self);
}

/* Actions */

static void
log_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  askarov_document_view_log_action (ASKAROV_BROWSER_PAGE (widget)->document_view);
}

static void
document_moved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AskarovBrowserPage *self = user_data;
  g_autoptr(AskarovDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  document = askarov_store_move_document_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (document == NULL)
    {
      askarov_browser_page_add_toast (self, error->message);
      return;
    }
  askarov_document_list_add (self->documents, document);
  askarov_browser_page_reload_cases (self);
  askarov_browser_page_show_document (self, document);
  askarov_browser_page_select_document (self, askarov_document_get_id (document), FALSE);
  /* Translators: %s is the name of the case the document was moved to */
  message = g_strdup_printf (_("Moved to %s"), askarov_document_get_case_name (document));
  askarov_browser_page_add_toast (self, message);
}

static void
move_response_cb (AdwAlertDialog *dialog,
                  const char     *response,
                  gpointer        user_data)
{
  AskarovBrowserPage *self = user_data;
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "dropdown");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *new_name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(AskarovCase) target = NULL;

  if (!g_str_equal (response, "move") || self->current == NULL)
    return;

  if (*new_name != '\0')
    {
      askarov_store_move_document_async (self->store, askarov_document_get_id (self->current), 0, new_name,
                                         self->cancellable, document_moved_cb, self);
      return;
    }
  target = g_list_model_get_item (G_LIST_MODEL (self->cases), gtk_drop_down_get_selected (dropdown));
  if (target != NULL)
    askarov_store_move_document_async (self->store, askarov_document_get_id (self->current),
                                       askarov_case_get_id (target), NULL,
                                       self->cancellable, document_moved_cb, self);
}

static void
move_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AskarovBrowserPage *self = ASKAROV_BROWSER_PAGE (widget);
  g_autoptr(GtkExpression) expression = NULL;
  AdwDialog *dialog;
  GtkWidget *box;
  GtkWidget *dropdown;
  GtkWidget *list;
  GtkWidget *entry;

  if (self->current == NULL)
    return;

  dialog = adw_alert_dialog_new (_("Move to Case"),
                                 _("Choose the case this document is about, or name a new one."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  expression = gtk_property_expression_new (ASKAROV_TYPE_CASE, NULL, "name");
  dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->cases)), g_steal_pointer (&expression));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Case"), -1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->cases)); i++)
    {
      g_autoptr(AskarovCase) item = g_list_model_get_item (G_LIST_MODEL (self->cases), i);

      if (askarov_case_get_id (item) == askarov_document_get_case_id (self->current))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
    }
  gtk_box_append (GTK_BOX (box), dropdown);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("New case name"));
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_box_append (GTK_BOX (box), list);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "dropdown", dropdown);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "move", _("_Move"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "move");
  g_signal_connect_object (dialog, "response", G_CALLBACK (move_response_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
document_deleted_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AskarovBrowserPage *self = user_data;
  g_autoptr(GError) error = NULL;

  /* The list and the reader were updated at once; on failure, reload to
   * show what the database still holds. */
  if (!askarov_store_delete_document_finish (ASKAROV_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          askarov_browser_page_add_toast (self, error->message);
          askarov_browser_page_load_library (self);
        }
      return;
    }
  /* Deleting an outcome may reopen its case: show the state it has now. */
  if (self->store != NULL)
    askarov_browser_page_load_library (self);
}

static void
delete_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    gpointer        user_data)
{
  AskarovBrowserPage *self = user_data;
  gint64 document_id;
  gint64 case_id;

  if (self->current == NULL)
    return;
  document_id = askarov_document_get_id (self->current);
  case_id = askarov_document_get_case_id (self->current);

  if (g_str_equal (response, "delete-document"))
    {
      askarov_store_delete_document_async (self->store, document_id, self->cancellable, document_deleted_cb, self);
      askarov_document_list_remove (self->documents, document_id);
    }
  else if (g_str_equal (response, "delete-case"))
    {
      askarov_store_delete_case_async (self->store, case_id, self->cancellable, document_deleted_cb, self);
      askarov_document_list_remove_case (self->documents, case_id);
    }
  else
    return;

  askarov_browser_page_clear_reader (self);
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  askarov_browser_page_reload_cases (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AskarovBrowserPage *self = ASKAROV_BROWSER_PAGE (widget);
  gboolean whole_case = g_str_equal (action_name, "browser.delete-case");
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  if (self->current == NULL)
    return;

  if (whole_case)
    {
      /* Translators: %s is a case name */
      body = g_strdup_printf (_("All documents of the case %s will be deleted. The actions you logged are kept."),
                              askarov_document_get_case_name (self->current));
      dialog = adw_alert_dialog_new (_("Delete Case?"), body);
    }
  else
    {
      /* Translators: %s is a document title */
      body = g_strdup_printf (_("“%s” and its facts will be deleted. You can import it again later."),
                              askarov_document_get_title (self->current));
      dialog = adw_alert_dialog_new (_("Delete Document?"), body);
    }
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  whole_case ? "delete-case" : "delete-document", _("_Delete"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog),
                                            whole_case ? "delete-case" : "delete-document",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

/* Case Status… */

static void
status_document_loaded_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  AskarovBrowserPage *self = user_data;
  g_autoptr(AskarovDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = askarov_store_get_document_finish (ASKAROV_STORE (object), result, &error);
  if (document == NULL)
    return;
  askarov_browser_page_show_document (self, document);
}

static void
case_state_set_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AskarovBrowserPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_store_set_case_state_finish (ASKAROV_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        askarov_browser_page_add_toast (self, error->message);
      return;
    }
  /* Every document of the case shows the new state; the Actions part's
   * open cases and reminders follow it. */
  askarov_browser_page_load_library (self);
  askarov_store_records_reset (self->store);
  if (self->current != NULL)
    askarov_store_get_document_async (self->store, askarov_document_get_id (self->current), self->cancellable,
                                      status_document_loaded_cb, self);
}

static void
case_status_response_cb (AdwAlertDialog *dialog,
                         const char     *response,
                         gpointer        user_data)
{
  AskarovBrowserPage *self = user_data;
  AdwComboRow *combo = g_object_get_data (G_OBJECT (dialog), "dropdown");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (!g_str_equal (response, "save") || self->current == NULL || askarov_document_get_case_id (self->current) <= 0)
    return;
  askarov_store_set_case_state_async (self->store, askarov_document_get_case_id (self->current),
                                      (AskarovCaseState) adw_combo_row_get_selected (combo),
                                      *date != '\0' ? date : NULL,
                                      self->cancellable, case_state_set_cb, self);
}

static void
case_status_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AskarovBrowserPage *self = ASKAROV_BROWSER_PAGE (widget);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *state_date = NULL;
  AskarovCaseState state;
  AdwDialog *dialog;
  GtkWidget *list;
  GtkWidget *combo;
  GtkWidget *entry;

  if (self->current == NULL || askarov_document_get_case_id (self->current) <= 0)
    return;
  state = askarov_document_get_case_state (self->current, &state_date);

  /* Translators: %s is a case name */
  body = g_strdup_printf (_("Where the case of %s stands. An outcome or Urgent Action dated after the day you give "
                            "decides again. A closed case has no deadline and no reminders."),
                          askarov_document_get_case_name (self->current));
  dialog = adw_alert_dialog_new (_("Case Status"), body);

  for (AskarovCaseState i = ASKAROV_CASE_STATE_OPEN; i <= ASKAROV_CASE_STATE_GOOD_NEWS; i++)
    gtk_string_list_append (labels, askarov_case_state_get_label (i));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("State"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), state);
  gtk_list_box_append (GTK_LIST_BOX (list), combo);
  entry = adw_entry_row_new ();
  /* Translators: the day a case state applies from; keep the example form */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Since (YYYY-MM-DD)"));
  /* Saving without a change keeps the date a closed case has. */
  today = g_date_time_format (now, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (entry), state_date != NULL ? state_date : today);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "dropdown", combo);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "save", _("_Set Status"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (case_status_response_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

/* The printed pack for a letter-writing evening, for the case of the document in the reader. */
static void
letter_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AskarovBrowserPage *self = ASKAROV_BROWSER_PAGE (widget);
  GApplication *app = g_application_get_default ();
  AskarovLetterPackDialog *dialog;

  if (self->current == NULL || self->store == NULL)
    return;
  dialog = askarov_letter_pack_dialog_new (self->store, MAX (askarov_document_get_case_id (self->current), 0),
                                           askarov_document_get_id (self->current),
                                           ASKAROV_IS_APPLICATION (app)
                                             ? askarov_application_get_settings (ASKAROV_APPLICATION (app)) : NULL);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
restore_case_pack_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AskarovBrowserPage *self = user_data;

  if (self->store == NULL)
    return;
  askarov_case_pack_install_async (self->store, FALSE, self->cancellable, pack_restored_cb, self);
}

static void
select_first_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AskarovBrowserPage *self = user_data;
  g_autoptr(AskarovDocument) first = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);
  askarov_browser_page_select_document (self, askarov_document_get_id (first), TRUE);
}

void
askarov_browser_page_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "browser.log-action", NULL, log_action_action);
  gtk_widget_class_install_action (widget_class, "browser.move-document", NULL, move_document_action);
  gtk_widget_class_install_action (widget_class, "browser.delete-document", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "browser.delete-case", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "browser.case-status", NULL, case_status_action);
  gtk_widget_class_install_action (widget_class, "browser.letter-pack", NULL, letter_pack_action);
}

/* "library.*": put on the window, where the primary menu can reach them. */
GSimpleActionGroup *
askarov_browser_page_new_library_actions (AskarovBrowserPage *self)
{
  static const GActionEntry entries[] = {
    { "restore-case-pack", restore_case_pack_cb },
    { "select-first", select_first_cb },
  };
  GSimpleActionGroup *group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  return group;
}
