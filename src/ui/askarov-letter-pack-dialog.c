/* askarov-letter-pack-dialog.c — the dialog that prints or saves a case's letter-writing evening pack.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter-pack-dialog"

#include "config.h"

#include "askarov-letter-pack-dialog.h"

#include <glib/gi18n.h>

#include "askarov-letter-pack.h"
#include "askarov-salutations.h"

struct _AskarovLetterPackDialog
{
  AdwDialog             parent_instance;

  /* Template children */
  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwPreferencesGroup  *officials_group;
  AdwPreferencesGroup  *languages_group;
  AdwComboRow          *envelope_row;
  AdwSwitchRow         *sender_row;
  AdwSwitchRow         *return_row;
  GtkLabel             *summary_label;
  GtkButton            *print_button;

  AskarovStore         *store;
  GSettings            *settings;     /* or NULL */
  GCancellable         *cancellable;
  AskarovLetterCase    *letter_case;  /* once loaded */
  GPtrArray            *official_checks;   /* GtkCheckButton, "index" data = target index + 1 */
  GPtrArray            *language_checks;   /* GtkCheckButton, "language" data */
};

G_DEFINE_FINAL_TYPE (AskarovLetterPackDialog, askarov_letter_pack_dialog, ADW_TYPE_DIALOG)

static void
toast (AskarovLetterPackDialog *self,
       const char              *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static char *
read_setting (AskarovLetterPackDialog *self,
              const char              *key)
{
  return self->settings != NULL ? g_settings_get_string (self->settings, key) : NULL;
}

/* What the dialog asks for, with the sender and paper from Preferences. */
static AskarovLetterPackOptions *
dup_options (AskarovLetterPackDialog *self)
{
  g_autoptr(AskarovLetterPackOptions) options = askarov_letter_pack_options_new ();
  g_autoptr(GStrvBuilder) languages = g_strv_builder_new ();
  g_autofree char *paper = read_setting (self, "paper-size");

  options->officials = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->official_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->official_checks, i);

      if (gtk_check_button_get_active (check))
        g_array_append_val (options->officials,
                            (guint) { GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "index")) - 1 });
    }
  for (guint i = 0; i < self->language_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->language_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (languages, g_object_get_data (G_OBJECT (check), "language"));
    }
  options->languages = g_strv_builder_end (languages);
  options->envelope = adw_combo_row_get_selected (self->envelope_row) == 1 ? ASKAROV_ENVELOPE_C5
                                                                            : ASKAROV_ENVELOPE_DL;
  options->sender_lines = adw_switch_row_get_active (self->sender_row);
  options->return_address = adw_switch_row_get_active (self->return_row);
  options->sender_name = read_setting (self, "sender-name");
  options->sender_address = read_setting (self, "sender-address");
  options->sender_city = read_setting (self, "sender-city");
  options->sender_country = read_setting (self, "sender-country");
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "sign-with-initials"))
    options->signature = ASKAROV_SIGNATURE_INITIALS_AND_TOWN;
  if (g_strcmp0 (paper, "a4") == 0)
    options->paper = ASKAROV_PAPER_A4;
  else if (g_strcmp0 (paper, "letter") == 0)
    options->paper = ASKAROV_PAPER_US_LETTER;
  return g_steal_pointer (&options);
}

static void
update_summary (AskarovLetterPackDialog *self)
{
  g_autoptr(AskarovLetterPackOptions) options = dup_options (self);
  guint n_letters = options->officials->len * g_strv_length (options->languages);
  g_autofree char *summary = NULL;

  if (n_letters == 0)
    summary = g_strdup (_("Choose at least one official and one language."));
  else
    /* Translators: %u is the number of letters in the pack */
    summary = g_strdup_printf (ngettext ("%u letter, with its envelope, and a tally sheet for the evening.",
                                         "%u letters, each with its envelope, and a tally sheet for the evening.",
                                         n_letters),
                               n_letters);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.print", n_letters > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.save", n_letters > 0);
}

static GtkCheckButton *
add_check_row (AskarovLetterPackDialog *self,
               AdwPreferencesGroup     *group,
               const char              *title,
               const char              *subtitle,
               gboolean                 active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* The check box has no text of its own: the row names it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return GTK_CHECK_BUTTON (check);
}

static void
fill_form (AskarovLetterPackDialog *self)
{
  AskarovLetterCase *c = self->letter_case;
  g_auto(GStrv) wanted = askarov_letter_pack_default_languages (c);
  g_auto(GStrv) known = askarov_phrasebook_list_languages ();
  g_autoptr(GStrvBuilder) order = g_strv_builder_new ();
  g_auto(GStrv) languages = NULL;

  for (guint i = 0; i < c->targets->len; i++)
    {
      const AskarovTarget *target = g_ptr_array_index (c->targets, i);
      g_autoptr(GString) subtitle = g_string_new (target->title);
      GtkCheckButton *check;

      if (target->address == NULL || target->address[0] == NULL)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, _("no postal address in the Urgent Action"));
        }
      else if (target->copy)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, _("copies only"));
        }
      check = add_check_row (self, self->officials_group,
                             target->name != NULL ? target->name : target->title,
                             subtitle->str, !target->copy);
      g_object_set_data (G_OBJECT (check), "index", GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (self->official_checks, check);
    }

  /* The Urgent Action's languages first, ticked, then the others. */
  g_strv_builder_addv (order, (const char **) wanted);
  for (guint i = 0; known[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) wanted, known[i]))
      g_strv_builder_add (order, known[i]);
  languages = g_strv_builder_end (order);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *native = askarov_phrasebook_get_native_name (languages[i]);
      GtkCheckButton *check = add_check_row (self, self->languages_group, native != NULL ? native : languages[i],
                                             g_strv_contains ((const char * const *) c->languages, languages[i])
                                               ? _("asked for by the Urgent Action") : NULL,
                                             g_strv_contains ((const char * const *) wanted, languages[i]));

      g_object_set_data_full (G_OBJECT (check), "language", g_strdup (languages[i]), g_free);
      g_ptr_array_add (self->language_checks, check);
    }
  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
case_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AskarovLetterPackDialog *self;
  g_autoptr(AskarovLetterCase) letter_case = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  letter_case = askarov_letter_case_load_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = ASKAROV_LETTER_PACK_DIALOG (user_data);
  if (letter_case == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->letter_case = g_steal_pointer (&letter_case);
  if (askarov_letter_case_get_kind (self->letter_case) == ASKAROV_LETTER_KIND_NONE)
    reason = askarov_letter_case_dup_reason (self->letter_case);
  else if (self->letter_case->targets->len == 0)
    reason = g_strdup (_("The Urgent Action names no official to write to."));
  if (reason != NULL)
    {
      adw_status_page_set_description (self->empty_page, reason);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.print", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.save", FALSE);
      return;
    }
  fill_form (self);
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       GtkPageSetup      *setup,
                       gpointer           user_data)
{
  AskarovLetterPack *pack = g_object_get_data (G_OBJECT (operation), "pack");
  g_autoptr(GtkPaperSize) size = NULL;
  double width;
  double height;

  /* Envelopes are fed in their own size and addressed landscape; the
   * pack draws them in points from the top-left corner, as the letters. */
  askarov_letter_pack_get_page_size (pack, page, &width, &height);
  size = gtk_paper_size_new_custom ("askarov-pack-page", "", MIN (width, height), MAX (width, height), GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  AskarovLetterPack *pack = g_object_get_data (G_OBJECT (operation), "pack");

  askarov_letter_pack_draw_page (pack, gtk_print_context_get_cairo_context (context), page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               AskarovLetterPackDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (self, error->message);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AskarovLetterPackDialog *self = ASKAROV_LETTER_PACK_DIALOG (widget);
  g_autoptr(AskarovLetterPackOptions) options = dup_options (self);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;
  g_autoptr(GError) error = NULL;
  AskarovLetterPack *pack;

  if (self->letter_case == NULL)
    return;
  pack = askarov_letter_pack_new (self->letter_case, options, &error);
  if (pack == NULL)
    {
      toast (self, error->message);
      return;
    }

  operation = gtk_print_operation_new ();
  paper_size = gtk_paper_size_new (options->paper == ASKAROV_PAPER_US_LETTER ? GTK_PAPER_NAME_LETTER
                                                                             : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper_size);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The same layout as the PDF and the composer's print: points from the paper's top-left corner. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Letter-Writing Evening Pack"));
  gtk_print_operation_set_n_pages (operation, askarov_letter_pack_get_n_pages (pack));
  g_object_set_data_full (G_OBJECT (operation), "pack", pack, (GDestroyNotify) askarov_letter_pack_free);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
pack_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!askarov_letter_pack_write_pdf_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (ASKAROV_LETTER_PACK_DIALOG (user_data), error->message);
      return;
    }
  toast (ASKAROV_LETTER_PACK_DIALOG (user_data), _("Pack saved"));
}

static void
save_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AskarovLetterPackDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovLetterPackOptions) options = NULL;
  g_autofree char *path = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL || self->letter_case == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("The pack can only be saved to a local folder."));
      return;
    }
  options = dup_options (self);
  askarov_letter_pack_write_pdf_async (self->letter_case, options, path, self->cancellable, pack_saved_cb, self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AskarovLetterPackDialog *self = ASKAROV_LETTER_PACK_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->letter_case == NULL)
    return;
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  g_list_store_append (filters, filter);
  /* Translators: the suggested file name of the pack; %s is the case's name */
  name = g_strdup_printf (_("%s letter pack.pdf"), self->letter_case->name != NULL ? self->letter_case->name
                                                                                    : _("Case"));
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  gtk_file_dialog_set_title (dialog, _("Save Pack as PDF"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), self->cancellable,
                        save_dialog_done_cb, g_object_ref (self));
}

static void
askarov_letter_pack_dialog_dispose (GObject *object)
{
  AskarovLetterPackDialog *self = ASKAROV_LETTER_PACK_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->letter_case, askarov_letter_case_unref);
  g_clear_pointer (&self->official_checks, g_ptr_array_unref);
  g_clear_pointer (&self->language_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_LETTER_PACK_DIALOG);
  G_OBJECT_CLASS (askarov_letter_pack_dialog_parent_class)->dispose (object);
}

static void
askarov_letter_pack_dialog_class_init (AskarovLetterPackDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = askarov_letter_pack_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-letter-pack-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovLetterPackDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, AskarovLetterPackDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AskarovLetterPackDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AskarovLetterPackDialog, officials_group);
  gtk_widget_class_bind_template_child (widget_class, AskarovLetterPackDialog, languages_group);
  gtk_widget_class_bind_template_child (widget_class, AskarovLetterPackDialog, envelope_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovLetterPackDialog, sender_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovLetterPackDialog, return_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovLetterPackDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovLetterPackDialog, print_button);
  gtk_widget_class_install_action (widget_class, "pack.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "pack.save", NULL, save_action);
}

static void
askarov_letter_pack_dialog_init (AskarovLetterPackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->official_checks = g_ptr_array_new ();
  self->language_checks = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.save", FALSE);
}

AskarovLetterPackDialog *
askarov_letter_pack_dialog_new (AskarovStore *store,
                                gint64        case_id,
                                gint64        document_id,
                                GSettings    *settings)
{
  AskarovLetterPackDialog *self;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ASKAROV_TYPE_LETTER_PACK_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  askarov_letter_case_load_async (store, case_id, document_id, self->cancellable, case_loaded_cb, self);
  return self;
}
