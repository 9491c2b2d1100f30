/* askarov-letter-pack-dialog.h — the dialog that prints or saves a case's letter-writing evening pack.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_LETTER_PACK_DIALOG (askarov_letter_pack_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AskarovLetterPackDialog, askarov_letter_pack_dialog, ASKAROV, LETTER_PACK_DIALOG, AdwDialog)

/* For the case @case_id (or, when 0, the case of one document, @document_id),
 * read from @store; sender and paper come from @settings (may be NULL). */
AskarovLetterPackDialog *askarov_letter_pack_dialog_new (AskarovStore *store,
                                                         gint64        case_id,
                                                         gint64        document_id,
                                                         GSettings    *settings);

G_END_DECLS
