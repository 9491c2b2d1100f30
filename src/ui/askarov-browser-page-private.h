/* askarov-browser-page-private.h — what the browser page's files share: its state and helpers.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-browser-page.h"
#include "askarov-document-list.h"
#include "askarov-document-view.h"

G_BEGIN_DECLS

struct _AskarovBrowserPage
{
  GtkWidget              parent_instance;

  /* Template children */
  GtkStack              *state_stack;
  AdwStatusPage         *empty_page;
  AdwNavigationSplitView *split_view;
  GtkToggleButton       *search_button;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkDropDown           *kind_dropdown;
  GtkDropDown           *case_dropdown;
  GtkStack              *list_stack;
  GtkListView           *list_view;
  AdwNavigationPage     *reader_page;
  AskarovDocumentView   *document_view;

  AskarovStore          *store;
  GCancellable          *cancellable;         /* everything tied to the current store */
  GCancellable          *reader_cancellable;  /* the document being opened */
  GCancellable          *search_cancellable;
  AskarovDocumentList   *documents;
  GListStore            *search_results;
  GListStore            *cases;               /* of AskarovCase */
  GtkStringList         *case_names;          /* "All Cases", then the cases */
  GtkSortListModel      *sort_model;
  GtkFilterListModel    *filter_model;
  GtkSingleSelection    *selection;
  GtkSorter             *date_sorter;
  GtkSorter             *case_sorter;
  GtkSorter             *search_sorter;       /* search results: in the store's order */
  GtkSorter             *search_case_sorter;  /* search results: one section per case */
  GHashTable            *search_order;        /* document id -> SearchPlace */
  GtkCustomFilter       *filter;
  GSimpleActionGroup    *library_actions;     /* "library.*", on the window */
  GtkWidget             *action_root;

  AskarovDocument       *current;             /* the whole document in the reader */
  GPtrArray             *pending_files;       /* given before the store was ready */
  gboolean               loaded;
  gboolean               selecting;           /* a selection made by code, not by the user */
};

/* askarov-browser-page.c */
void                askarov_browser_page_add_toast          (AskarovBrowserPage *self,
                                                             const char         *message);
void                askarov_browser_page_load_library       (AskarovBrowserPage *self);
void                askarov_browser_page_reload_cases       (AskarovBrowserPage *self);
void                askarov_browser_page_select_document    (AskarovBrowserPage *self,
                                                             gint64              document_id,
                                                             gboolean            show_content);
void                askarov_browser_page_show_document      (AskarovBrowserPage *self,
                                                             AskarovDocument    *document);
void                askarov_browser_page_clear_reader       (AskarovBrowserPage *self);

/* askarov-browser-page-actions.c */
void                askarov_browser_page_class_install_actions (GtkWidgetClass  *widget_class);
GSimpleActionGroup *askarov_browser_page_new_library_actions   (AskarovBrowserPage *self);
void                askarov_browser_page_import_batch          (AskarovBrowserPage *self,
                                                                GPtrArray          *files);

G_END_DECLS
