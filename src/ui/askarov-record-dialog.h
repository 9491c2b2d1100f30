/* askarov-record-dialog.h — the dialog that logs a new action or edits a logged one.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-action-record.h"
#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_RECORD_DIALOG (askarov_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AskarovRecordDialog, askarov_record_dialog, ASKAROV, RECORD_DIALOG, AdwDialog)

AskarovRecordDialog *askarov_record_dialog_new        (AskarovStore        *store,
                                                       AskarovActionRecord *record);
void                 askarov_record_dialog_set_default_language (AskarovRecordDialog *self,
                                                                 const char          *code);
/* Whether the case list (and the first target suggestions) have arrived. */
gboolean             askarov_record_dialog_get_ready  (AskarovRecordDialog *self);
/* (transfer full): a new record with the dialog's values (and the id of the
 * record it was opened with). */
AskarovActionRecord *askarov_record_dialog_dup_record (AskarovRecordDialog *self);

G_END_DECLS
