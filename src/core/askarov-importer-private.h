/* askarov-importer-private.h — what the importer's files share.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-importer.h"

G_BEGIN_DECLS

/* Parses HTML (honouring its charset) into paragraphs of text; @text may
 * still need normalising. Sets an ASKAROV_IMPORT_ERROR naming @name. */
gboolean import_read_html (GBytes      *bytes,
                           const char  *name,
                           char       **text,
                           char       **title,
                           GError     **error);

G_END_DECLS
