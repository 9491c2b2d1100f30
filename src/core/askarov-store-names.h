/* askarov-store-names.h — the spellings of officials' names the user confirmed, per letter language.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-store.h"

G_BEGIN_DECLS

/* The spelling confirmed for @official (the name as the Urgent Action gives
 * it) in @language, else in another language of the same script (the most
 * recently confirmed); NULL with no error when there is none. Thread-safe. */
char     *askarov_store_lookup_official_name        (AskarovStore         *self,
                                                     const char           *official,
                                                     const char           *language,
                                                     GError              **error);
void      askarov_store_lookup_official_name_async  (AskarovStore         *self,
                                                     const char           *official,
                                                     const char           *language,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
char     *askarov_store_lookup_official_name_finish (AskarovStore         *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Remembers @local_name as @official's name in @language; NULL or "" forgets it. Thread-safe. */
gboolean  askarov_store_save_official_name          (AskarovStore         *self,
                                                     const char           *official,
                                                     const char           *language,
                                                     const char           *local_name,
                                                     GError              **error);
void      askarov_store_save_official_name_async    (AskarovStore         *self,
                                                     const char           *official,
                                                     const char           *language,
                                                     const char           *local_name,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean  askarov_store_save_official_name_finish   (AskarovStore         *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
