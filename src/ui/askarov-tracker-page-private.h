/* askarov-tracker-page-private.h — what the tracker page's files share.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-tracker-page.h"

#include "askarov-group-view.h"
#include "askarov-record-list.h"
#include "askarov-store-records.h"
#include "askarov-tracker-chart.h"

G_BEGIN_DECLS

struct _AskarovTrackerPage
{
  GtkWidget            parent_instance;

  /* Template children */
  AdwToastOverlay     *toasts;
  AdwOverlaySplitView *split_view;
  GtkLabel            *count_label;
  GtkDropDown         *case_filter;
  GtkDropDown         *channel_filter;
  GtkDropDown         *period_filter;
  GtkDropDown         *reported_filter;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  AdwStatusPage       *empty_page;
  AdwPreferencesGroup *deadlines_group;
  GtkListBox          *deadlines_list;
  AskarovTrackerChart *chart;
  GtkListBox          *channel_list;
  GtkListBox          *case_list;
  GtkRevealer         *import_revealer;
  GtkLabel            *import_label;
  GtkProgressBar      *import_progress;
  AdwToggleGroup      *scope_toggle;
  AskarovGroupView    *group_view;

  AskarovStore        *store;
  AskarovGroup        *group;
  GSettings           *settings;
  AskarovRecordList   *records;
  AskarovRecordFilter *filter;
  GCancellable        *cancellable;     /* cancelled when the store changes or the page goes */
  GPtrArray           *case_choices;    /* AskarovCaseChoice; position + 1 in case_filter */
  GPtrArray           *deadlines;       /* AskarovCaseDeadline */
  AskarovRecordTotals *totals;
  AdwToast            *undo_toast;      /* weak: the last toast with Undo, while it shows */
  AskarovActionRecord *undo_record;     /* what Undo (button or Ctrl+Z) works on, or NULL */
  void               (*undo_func) (AskarovTrackerPage  *self,
                                   AskarovActionRecord *record);
  guint                refresh_id;
  guint                reminder_id;
  guint                n_saving;         /* actions being written by save_record() */
  GPtrArray           *save_waiters;     /* GTask: askarov_tracker_page_wait_saves_async() */
  gboolean             checking_reminders;
  GCancellable        *import_cancellable; /* while a CSV import runs */
};

/* askarov-tracker-page-files.c: export, import, backup and restore (what
 * the file dialogs lead to; tests call them directly). */
void askarov_tracker_page_install_file_actions (GtkWidgetClass     *widget_class);
void askarov_tracker_page_export_file          (AskarovTrackerPage *self,
                                                GFile              *file,
                                                gboolean            json);
void askarov_tracker_page_import_file          (AskarovTrackerPage *self,
                                                GFile              *file);
void askarov_tracker_page_backup_to_file       (AskarovTrackerPage *self,
                                                GFile              *file);
void askarov_tracker_page_restore_from_file    (AskarovTrackerPage *self,
                                                GFile              *file);
/* askarov-tracker-page-summary.c: open cases, chart and totals. */
void  askarov_tracker_page_refresh_summary      (AskarovTrackerPage  *self);
/* Empties @list and sets its placeholder again. */
void  askarov_tracker_page_clear_list           (GtkListBox          *list,
                                                 const char          *placeholder);
/* “Deadline 3 Jun 2026, 5 days left”, or that it passed. */
char *askarov_tracker_describe_deadline         (AskarovCaseDeadline *deadline);
/* askarov-tracker-page-reminders.c */
void  askarov_tracker_page_watch_reminders      (AskarovTrackerPage  *self);
void  askarov_tracker_page_check_reminders      (AskarovTrackerPage  *self);
/* askarov-tracker-page.c */
void askarov_tracker_page_show_error           (AskarovTrackerPage *self,
                                                const char         *what,
                                                const GError       *error);
void askarov_tracker_page_add_toast            (AskarovTrackerPage *self,
                                                AdwToast           *toast);
/* Forgets the pending Undo (after a restore, which replaced everything). */
void askarov_tracker_page_clear_undo           (AskarovTrackerPage *self);

G_END_DECLS
