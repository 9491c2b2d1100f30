/* askarov-requests.h — STUB of the request bank (branch "requests" owns the real one).
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "askarov-salutations.h"

G_BEGIN_DECLS

const char * const *askarov_requests_get_ids   (void);
const char *askarov_request_get_label          (const char  *id);
gboolean    askarov_request_fits_role          (const char  *id,
                                                AskarovRole  role);
char       *askarov_request_dup_text           (const char  *id,
                                                const char  *language,
                                                AskarovRole  role,
                                                const char  *persons);
const char *askarov_request_classify           (const char  *ask_text,
                                                const char  *language);

G_END_DECLS
