/* askarov-shortcuts-dialog.c — lists every keyboard shortcut of the app.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.7 has no shortcuts dialog and GtkShortcutsWindow is
 * deprecated, so the shortcuts are rows of a preferences page. */

#define G_LOG_DOMAIN "askarov-shortcuts-dialog"

#include "config.h"

#include "askarov-shortcuts-dialog.h"

#include <glib/gi18n.h>

struct _AskarovShortcutsDialog
{
  AdwDialog           parent_instance;
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (AskarovShortcutsDialog, askarov_shortcuts_dialog, ADW_TYPE_DIALOG)

typedef struct
{
  const char *group;   /* NULL: same group as the row before */
  const char *title;
  const char *accel;
} Shortcut;

static const Shortcut shortcuts[] = {
  { N_("General"), N_("Import documents"), "<Control>o" },
  { NULL, N_("Search documents"), "<Control>f" },
  { NULL, N_("Preferences"), "<Control>comma" },
  { NULL, N_("Keyboard shortcuts"), "<Control>question" },
  { NULL, N_("Close window"), "<Control>w" },
  { NULL, N_("Quit"), "<Control>q" },
  { N_("Parts"), N_("Documents"), "<Alt>1" },
  { NULL, N_("Compose"), "<Alt>2" },
  { NULL, N_("Actions"), "<Alt>3" },
  { N_("Letters"), N_("Copy letter"), "<Control><Shift>c" },
  { NULL, N_("Save letter as PDF"), "<Control>s" },
  { NULL, N_("Print letter"), "<Control>p" },
  { NULL, N_("Mark letter as sent"), "<Control>Return" },
  { N_("Actions"), N_("Log an action"), "<Control>n" },
  { NULL, N_("Undo deleting an action"), "<Control>z" },
};

static void
askarov_shortcuts_dialog_class_init (AskarovShortcutsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-shortcuts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovShortcutsDialog, page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
askarov_shortcuts_dialog_init (AskarovShortcutsDialog *self)
{
  AdwPreferencesGroup *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkWidget *row;
      GtkWidget *label;

      if (shortcuts[i].group != NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, _(shortcuts[i].group));
          adw_preferences_page_add (self->page, group);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(shortcuts[i].title));
      label = gtk_shortcut_label_new (shortcuts[i].accel);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (group, row);
    }
}

AdwDialog *
askarov_shortcuts_dialog_new (void)
{
  return g_object_new (ASKAROV_TYPE_SHORTCUTS_DIALOG, NULL);
}
