/* askarov-composer-page-actions.c — the Compose page's outputs: copy, save, print, email and mark as sent.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-composer-page"

#include "config.h"

#include "askarov-composer-page-private.h"

#include "askarov-file.h"

#include <glib/gi18n.h>

static char *
channel_text (AskarovComposerPage *self)
{
  switch (askarov_letter_get_channel (self->letter))
    {
    case ASKAROV_CHANNEL_POST:
      return askarov_letter_render_post (self->letter);
    case ASKAROV_CHANNEL_CALL:
      return askarov_letter_render_call (self->letter);
    case ASKAROV_CHANNEL_LETTER:
    case ASKAROV_CHANNEL_EMAIL:
    case ASKAROV_CHANNEL_FAX:
    default:
      return askarov_letter_render_text (self->letter);
    }
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _askarov_composer_page_start (ASKAROV_COMPOSER_PAGE (widget));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  g_autofree char *text = channel_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  /* Translators: shown after the letter text was copied to the clipboard */
  _askarov_composer_page_toast (self, _("Letter copied"));
}

static void
reset_body_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Restore the Template Text?"),
                                 _("Every paragraph goes back to the template’s text; what you wrote in them is lost."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "replace", _("_Restore"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), widget, NULL,
                           _askarov_composer_page_replace_paragraphs_chosen_cb, g_object_ref (self));
}

static void
file_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AskarovComposerPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_composer_page_save_to_file_finish (self, result, &error))
    _askarov_composer_page_toast (self, error->message);
  else
    _askarov_composer_page_toast (self, _("Letter saved"));
}

static void
save_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AskarovComposerPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL || self->letter == NULL)
    return;
  askarov_composer_page_save_to_file_async (self, file, NULL, file_saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  gboolean pdf = g_str_equal (action_name, "composer.save-pdf");
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *name = askarov_letter_get_recipient_name (self->letter);
  g_autofree char *base = NULL;
  g_autofree char *file_name = NULL;

  if (pdf)
    {
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Plain Text"));
      gtk_file_filter_add_mime_type (filter, "text/plain");
    }
  g_list_store_append (filters, filter);

  /* The file name is the recipient's, in the letter's language, made safe for any file system. */
  base = g_strdup_printf ("%s-%s", name != NULL && name[0] != '\0' ? name : "letter",
                          askarov_letter_get_language (self->letter));
  g_strdelimit (base, "/\\:*?\"<>|", '-');
  file_name = g_strconcat (base, pdf ? ".pdf" : ".txt", NULL);

  gtk_file_dialog_set_title (dialog, pdf ? _("Save Letter as PDF") : _("Save Letter as Text"));
  gtk_file_dialog_set_initial_name (dialog, file_name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        save_dialog_done_cb, g_object_ref (self));
}

static void
begin_print_cb (GtkPrintOperation   *operation,
                GtkPrintContext     *context,
                AskarovComposerPage *self)
{
  AskarovLetterPages *pages = g_object_get_data (G_OBJECT (operation), "pages");

  gtk_print_operation_set_n_pages (operation, askarov_letter_pages_get_n_pages (pages));
}

static void
draw_page_cb (GtkPrintOperation   *operation,
              GtkPrintContext     *context,
              int                  page,
              AskarovComposerPage *self)
{
  AskarovLetterPages *pages = g_object_get_data (G_OBJECT (operation), "pages");

  askarov_letter_pages_draw (pages, gtk_print_context_get_cairo_context (context), page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               AskarovComposerPage     *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _askarov_composer_page_toast (self, error->message);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;
  g_autoptr(GError) error = NULL;
  AskarovPaper paper = _askarov_composer_page_current_paper (self);

  paper_size = gtk_paper_size_new (paper == ASKAROV_PAPER_US_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper_size);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The same layout as the PDF: points from the paper's top-left corner. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "pages",
                          askarov_letter_pages_new (self->letter, paper),
                          (GDestroyNotify) askarov_letter_pages_free);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _askarov_composer_page_toast (self, error->message);
}

static void
uri_launched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AskarovComposerPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_autofree char *message =
        /* Translators: %s is the reason given by the system */
        g_strdup_printf (_("No mail program could be opened: %s"), error->message);

      _askarov_composer_page_toast (self, message);
    }
}

static void
send_email_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  AskarovMailtoDropped dropped = ASKAROV_MAILTO_DROPPED_NONE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkUriLauncher) launcher = NULL;
  g_autofree char *uri = NULL;

  uri = askarov_letter_build_mailto (self->letter, 0, &dropped, &error);
  if (uri == NULL)
    {
      _askarov_composer_page_toast (self, error->message);
      return;
    }

  if (dropped & ASKAROV_MAILTO_DROPPED_BODY)
    {
      g_autofree char *text = askarov_letter_render_text (self->letter);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
      _askarov_composer_page_toast (self, _("The letter is too long for a mail link, so it was copied: paste it into the message"));
    }

  launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                           uri_launched_cb, g_object_ref (self));
}

static void
mark_sent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  const char *name = askarov_letter_get_recipient_name (self->letter);
  const char *title = askarov_letter_get_recipient_title (self->letter);

  if (self->target_case != NULL)
    {
      if (self->target_case->case_id > 0)
        g_variant_dict_insert (&dict, "case-id", "x", self->target_case->case_id);
      if (self->target_case->case_name != NULL)
        g_variant_dict_insert (&dict, "case-name", "s", self->target_case->case_name);
      if (self->target_case->reference != NULL)
        g_variant_dict_insert (&dict, "reference", "s", self->target_case->reference);
    }
  if (name != NULL)
    g_variant_dict_insert (&dict, "target-name", "s", name);
  if (title != NULL)
    g_variant_dict_insert (&dict, "target-title", "s", title);
  g_variant_dict_insert (&dict, "channel", "s", askarov_channel_to_id (askarov_letter_get_channel (self->letter)));
  g_variant_dict_insert (&dict, "language", "s", askarov_letter_get_language (self->letter));
  g_variant_dict_insert (&dict, "outcome", "s", "sent");
  g_variant_dict_insert (&dict, "confirm", "b", FALSE);

  /* The autosave logs the action (win.log-record, with the "draft-id") and
   * marks the draft sent once the draft is saved with what is on screen now;
   * further edits start a new draft. */
  _askarov_composer_page_mark_sent (self, g_variant_dict_end (&dict));
  _askarov_composer_page_update_save_state (self, _("Marked as sent"));
}

static void
add_shortcut (GtkEventController *controller,
              guint               keyval,
              GdkModifierType     modifiers,
              const char         *action_name)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action_name)));
}

static void
text_file_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_file_replace_contents_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
pdf_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_letter_write_pdf_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
_askarov_composer_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "composer.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "composer.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "composer.save-pdf", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "composer.save-text", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "composer.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "composer.send-email", NULL, send_email_action);
  gtk_widget_class_install_action (widget_class, "composer.mark-sent", NULL, mark_sent_action);
  gtk_widget_class_install_action (widget_class, "composer.reset-body", NULL, reset_body_action);
}

void
_askarov_composer_page_add_shortcuts (AskarovComposerPage *self)
{
  GtkEventController *shortcuts;

  /* Capture phase: Ctrl+Return must mark the letter sent, not break a paragraph. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "composer.copy");
  add_shortcut (shortcuts, GDK_KEY_s, GDK_CONTROL_MASK, "composer.save-pdf");
  add_shortcut (shortcuts, GDK_KEY_p, GDK_CONTROL_MASK, "composer.print");
  add_shortcut (shortcuts, GDK_KEY_Return, GDK_CONTROL_MASK, "composer.mark-sent");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * askarov_composer_page_save_to_file_async:
 * @file: where to write; a name ending in ".pdf" gets a PDF, anything else text
 *
 * Writes the letter on a worker (the PDF through the same layout as the
 * preview); the file is replaced only once it is complete.
 */
void
askarov_composer_page_save_to_file_async (AskarovComposerPage *self,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *lower = NULL;

  g_return_if_fail (ASKAROV_IS_COMPOSER_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->letter != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_composer_page_save_to_file_async);

  base = g_file_get_basename (file);
  path = g_file_get_path (file);
  lower = g_ascii_strdown (base != NULL ? base : "", -1);
  if (path == NULL)
    {
      /* Both writers need a local path: the temporary file goes beside it. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The letter can only be saved to a local folder."));
      return;
    }
  if (g_str_has_suffix (lower, ".pdf"))
    askarov_letter_write_pdf_async (self->letter, path, _askarov_composer_page_current_paper (self), cancellable,
                                    pdf_written_cb, g_steal_pointer (&task));
  else
    {
      char *text = channel_text (self);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

      askarov_file_replace_contents_async (path, bytes, cancellable,
                                           text_file_written_cb, g_steal_pointer (&task));
    }
}

gboolean
askarov_composer_page_save_to_file_finish (AskarovComposerPage  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
