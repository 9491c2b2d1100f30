/* askarov-case-pack.h — loads the embedded Askarov case pack into the library.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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

G_END_DECLS
