/* askarov-composer-page.c — the page where an appeal letter is written and sent.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-composer-page"

#include "config.h"

#include "askarov-composer-page.h"

#include <glib/gi18n.h>

struct _AskarovComposerPage
{
  GtkWidget      parent_instance;
  AdwStatusPage *empty_page;
  AskarovStore  *store;
};

G_DEFINE_FINAL_TYPE (AskarovComposerPage, askarov_composer_page, GTK_TYPE_WIDGET)

static void
askarov_composer_page_dispose (GObject *object)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_COMPOSER_PAGE);

  G_OBJECT_CLASS (askarov_composer_page_parent_class)->dispose (object);
}

static void
askarov_composer_page_class_init (AskarovComposerPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = askarov_composer_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-composer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, empty_page);
}

static void
askarov_composer_page_init (AskarovComposerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
askarov_composer_page_set_store (AskarovComposerPage *self,
                                 AskarovStore        *store)
{
  g_return_if_fail (ASKAROV_IS_COMPOSER_PAGE (self));
  g_return_if_fail (store == NULL || ASKAROV_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
askarov_composer_page_set_settings (AskarovComposerPage *self,
                                    GSettings           *settings)
{
  g_return_if_fail (ASKAROV_IS_COMPOSER_PAGE (self));
}

/**
 * askarov_composer_page_compose_to:
 * @document_id: the Urgent Action the letter answers
 * @target_position: the target's position in that document, or -1
 *
 * Starts (or reopens) the draft for that target.
 */
void
askarov_composer_page_compose_to (AskarovComposerPage *self,
                                  gint64               document_id,
                                  int                  target_position)
{
  g_return_if_fail (ASKAROV_IS_COMPOSER_PAGE (self));
}
