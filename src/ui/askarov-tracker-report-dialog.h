/* askarov-tracker-report-dialog.h — the report of one UA's actions for organisers.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-records-report.h"
#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_TRACKER_REPORT_DIALOG (askarov_tracker_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AskarovTrackerReportDialog, askarov_tracker_report_dialog, ASKAROV, TRACKER_REPORT_DIALOG, AdwDialog)

AdwDialog            *askarov_tracker_report_dialog_new        (AskarovStore               *store,
                                                                const char                 *reference);
/* (nullable) (transfer none): the report shown, or NULL while it loads. */
AskarovRecordsReport *askarov_tracker_report_dialog_get_report (AskarovTrackerReportDialog *self);

G_END_DECLS
