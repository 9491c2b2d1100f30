/* askarov-search-tokenizer-private.h — the stemming FTS5 tokenizer that every store connection registers.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The name documents_fts is declared with (askarov-schema-2.sql). */
#define ASKAROV_SEARCH_TOKENIZER "askarov_stem"

gboolean askarov_search_register_tokenizer (sqlite3 *db);

G_END_DECLS
