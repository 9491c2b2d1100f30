/* askarov-tracker-page.h — the action tracker: every action taken, totals, deadlines and reports.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-group.h"
#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_TRACKER_PAGE (askarov_tracker_page_get_type ())
G_DECLARE_FINAL_TYPE (AskarovTrackerPage, askarov_tracker_page, ASKAROV, TRACKER_PAGE, GtkWidget)

void askarov_tracker_page_set_store (AskarovTrackerPage *self,
                                     AskarovStore       *store);
/* Offers Mine / Group while @group shares a folder. */
void askarov_tracker_page_set_group (AskarovTrackerPage *self,
                                     AskarovGroup       *group);
void askarov_tracker_page_set_settings (AskarovTrackerPage *self,
                                        GSettings          *settings);
void askarov_tracker_page_log_record   (AskarovTrackerPage *self,
                                        GVariant           *fields);
void     askarov_tracker_page_wait_saves_async  (AskarovTrackerPage  *self,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean askarov_tracker_page_wait_saves_finish (AskarovTrackerPage  *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
G_END_DECLS
