/* askarov-browser-page.c — the case library: cases, their documents, search and the reader.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-browser-page"

#include "config.h"

#include "askarov-browser-page.h"

#include <glib/gi18n.h>

struct _AskarovBrowserPage
{
  GtkWidget      parent_instance;
  AdwStatusPage *empty_page;
  AskarovStore  *store;
};

G_DEFINE_FINAL_TYPE (AskarovBrowserPage, askarov_browser_page, GTK_TYPE_WIDGET)

static void
askarov_browser_page_dispose (GObject *object)
{
  AskarovBrowserPage *self = ASKAROV_BROWSER_PAGE (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_BROWSER_PAGE);

  G_OBJECT_CLASS (askarov_browser_page_parent_class)->dispose (object);
}

static void
askarov_browser_page_class_init (AskarovBrowserPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = askarov_browser_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-browser-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovBrowserPage, empty_page);
}

static void
askarov_browser_page_init (AskarovBrowserPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
askarov_browser_page_set_store (AskarovBrowserPage *self,
                                AskarovStore       *store)
{
  g_return_if_fail (ASKAROV_IS_BROWSER_PAGE (self));
  g_return_if_fail (store == NULL || ASKAROV_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
askarov_browser_page_import_files (AskarovBrowserPage  *self,
                                   GFile              **files,
                                   int                  n_files)
{
  g_return_if_fail (ASKAROV_IS_BROWSER_PAGE (self));
}

void
askarov_browser_page_start_search (AskarovBrowserPage *self)
{
  g_return_if_fail (ASKAROV_IS_BROWSER_PAGE (self));
}
