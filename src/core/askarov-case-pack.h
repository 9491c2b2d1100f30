/* askarov-case-pack.h — loads the embedded Askarov case pack into the library.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-letter-case.h"
#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_CASE_PACK_RESOURCE "/com/example/Askarov/core/packs/askarov-case.json"

gboolean askarov_case_pack_install        (AskarovStore         *store,
                                           gboolean              first_start_only,
                                           guint                *n_added,
                                           GError              **error);
void     askarov_case_pack_install_async  (AskarovStore         *store,
                                           gboolean              first_start_only,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean askarov_case_pack_install_finish (AskarovStore         *store,
                                           GAsyncResult         *result,
                                           guint                *n_added,
                                           GError              **error);

/* Gives @letter_case the background paragraphs of the case pack @pack_id (the
 * cases table's "pack"): the pack's case "background", by letter kind and
 * language. Does nothing for an unknown pack or one without them. */
void     askarov_case_pack_add_background (const char           *pack_id,
                                           AskarovLetterCase    *letter_case);

G_END_DECLS
