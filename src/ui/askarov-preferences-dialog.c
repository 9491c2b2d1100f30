/* askarov-preferences-dialog.c — the sender's details and letter defaults.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-preferences-dialog"

#include "config.h"

#include "askarov-preferences-dialog.h"

#include <glib/gi18n.h>

struct _AskarovPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  AdwEntryRow          *sender_name_row;
  AdwEntryRow          *sender_address_row;
  AdwEntryRow          *sender_city_row;
  AdwEntryRow          *sender_country_row;
  AdwSwitchRow         *initials_row;
  AdwComboRow          *language_row;
  AdwComboRow          *paper_row;
  AdwSwitchRow         *reminders_row;
  AdwSpinRow           *reminder_days_row;

  AdwPreferencesPage   *group_page;
  AdwActionRow         *group_folder_row;
  AdwActionRow         *group_name_row;
  AdwButtonRow         *group_leave_row;

  GSettings            *settings;
  AskarovGroup         *group;
};

G_DEFINE_FINAL_TYPE (AskarovPreferencesDialog, askarov_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

/* Letter languages, in the order offered; names are shown in the UI language. */
static const struct {
  const char *code;
  const char *name;
} languages[] = {
  { "en", N_("English") },
  { "ru", N_("Russian") },
  { "ky", N_("Kyrgyz") },
  { "uz", N_("Uzbek") },
  { "uz-Cyrl", N_("Uzbek (Cyrillic)") },
  { "de", N_("German") },
  { "fr", N_("French") },
  { "es", N_("Spanish") },
};

static const struct {
  const char *id;
  const char *name;
} paper_sizes[] = {
  /* Translators: paper size chosen from the language and region settings */
  { "auto", N_("From Region Settings") },
  { "a4", N_("A4") },
  { "letter", N_("US Letter") },
};

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (languages[MIN (i, G_N_ELEMENTS (languages) - 1)].code);
}

static gboolean
paper_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paper_sizes); i++)
    if (g_str_equal (paper_sizes[i].id, id))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
paper_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (paper_sizes[MIN (i, G_N_ELEMENTS (paper_sizes) - 1)].id);
}

static void choose_group_folder_cb (AskarovPreferencesDialog *self);
static void leave_group_cb         (AskarovPreferencesDialog *self);

static void
askarov_preferences_dialog_dispose (GObject *object)
{
  AskarovPreferencesDialog *self = ASKAROV_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->group);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (askarov_preferences_dialog_parent_class)->dispose (object);
}

static void
askarov_preferences_dialog_class_init (AskarovPreferencesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = askarov_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, sender_name_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, sender_address_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, sender_city_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, sender_country_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, initials_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, group_page);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, group_folder_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, group_name_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, group_leave_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_group_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, leave_group_cb);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, reminders_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovPreferencesDialog, reminder_days_row);
}

static void
askarov_preferences_dialog_init (AskarovPreferencesDialog *self)
{
  g_autoptr(GtkStringList) language_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) paper_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (language_names, _(languages[i].name));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (language_names));

  for (guint i = 0; i < G_N_ELEMENTS (paper_sizes); i++)
    gtk_string_list_append (paper_names, _(paper_sizes[i].name));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (paper_names));
}

/* ---- Share with a Group ------------------------------------------------- */

static void
update_group_rows (AskarovPreferencesDialog *self)
{
  const char *folder = self->group != NULL ? askarov_group_get_folder (self->group) : NULL;
  g_autofree char *name = self->group != NULL ? askarov_group_dup_display_name (self->group) : NULL;

  adw_action_row_set_subtitle (self->group_folder_row, folder != NULL ? folder : _("Not sharing"));
  gtk_widget_set_visible (GTK_WIDGET (self->group_leave_row), folder != NULL);
  adw_action_row_set_subtitle (self->group_name_row,
                               name != NULL ? name : _("No name: set one under Letters, Sender"));
}

static void
group_folder_chosen_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(AskarovPreferencesDialog) self = user_data;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, &error);
  if (folder == NULL || self->group == NULL)
    return;
  /* In the Flatpak the file chooser portal hands out a document portal
   * path (/run/user/UID/doc/ID/NAME), granted for good: the same path
   * works after a restart, so remembering it keeps the access. */
  path = g_file_get_path (folder);
  if (path == NULL || !askarov_group_join (self->group, path, &error))
    {
      AdwToast *toast = adw_toast_new (error != NULL ? error->message : _("This folder cannot be used for a group."));

      adw_toast_set_timeout (toast, 0);
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), toast);
    }
  update_group_rows (self);
}

static void
choose_group_folder_cb (AskarovPreferencesDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_file_dialog_set_title (dialog, _("Choose the Group Folder"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_select_folder (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                 group_folder_chosen_cb, g_object_ref (self));
}

static void
leave_response_cb (AdwAlertDialog           *alert,
                   const char               *response,
                   AskarovPreferencesDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->group == NULL || g_str_equal (response, "cancel"))
    return;
  if (!askarov_group_leave (self->group, g_str_equal (response, "remove"), &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), toast);
    }
  update_group_rows (self);
}

static void
leave_group_cb (AskarovPreferencesDialog *self)
{
  AdwDialog *alert = adw_alert_dialog_new (_("Leave the Group?"),
                                           _("Askarov stops writing to the group folder and no longer shows the group’s actions. "
                                             "Your own journal can stay in the folder, so the group keeps counting your actions, "
                                             "or be removed from it."));

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "keep", _("_Keep My Journal"),
                                  "remove", _("_Remove My Journal"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  adw_alert_dialog_set_prefer_wide_layout (ADW_ALERT_DIALOG (alert), FALSE);
  g_signal_connect_object (alert, "response", G_CALLBACK (leave_response_cb), self, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

void
askarov_preferences_dialog_set_group (AskarovPreferencesDialog *self,
                                      AskarovGroup             *group)
{
  g_return_if_fail (ASKAROV_IS_PREFERENCES_DIALOG (self));
  g_return_if_fail (group == NULL || ASKAROV_IS_GROUP (group));

  if (!g_set_object (&self->group, group))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->group_page), group != NULL);
  if (group != NULL)
    {
      g_signal_connect_object (group, "folder-changed", G_CALLBACK (update_group_rows), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (update_group_rows), self, G_CONNECT_SWAPPED);
    }
  update_group_rows (self);
}

AdwDialog *
askarov_preferences_dialog_new (GSettings *settings)
{
  AskarovPreferencesDialog *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ASKAROV_TYPE_PREFERENCES_DIALOG, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "sender-name", self->sender_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sender-address", self->sender_address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sender-city", self->sender_city_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sender-country", self->sender_country_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sign-with-initials", self->initials_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminders-enabled", self->reminders_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminder-days", self->reminder_days_row, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminders-enabled", self->reminder_days_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (settings, "default-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_get_mapping, language_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, paper_get_mapping, paper_set_mapping, NULL, NULL);

  return ADW_DIALOG (self);
}
