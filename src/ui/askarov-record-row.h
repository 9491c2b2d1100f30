/* askarov-record-row.h — one logged action in the Actions list.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "askarov-action-record.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_RECORD_ROW (askarov_record_row_get_type ())
G_DECLARE_FINAL_TYPE (AskarovRecordRow, askarov_record_row, ASKAROV, RECORD_ROW, GtkWidget)

AskarovActionRecord *askarov_record_row_get_record (AskarovRecordRow    *self);
void                 askarov_record_row_set_record (AskarovRecordRow    *self,
                                                    AskarovActionRecord *record);
/* "2026-10-27" -> "27 Oct 2026" in the user's language; a copy of @date when it is not one. */
char                *askarov_format_short_date           (const char          *date);

G_END_DECLS
