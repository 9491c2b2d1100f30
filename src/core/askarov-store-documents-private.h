/* askarov-store-documents-private.h — what the library files of the store share: row reading and in-transaction helpers.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-store-documents.h"
#include "askarov-store-private.h"

G_BEGIN_DECLS

/* The columns every document query starts with; see askarov_store_document_from_row(). */
#define ASKAROV_DOCUMENT_COLUMNS \
  "d.id, d.case_id, c.name, d.title, d.source_name, d.format, d.content_hash, d.kind, " \
  "d.reference, d.ai_index, d.issued, d.deadline, d.update_number, d.languages, " \
  "d.own_language_allowed, d.persons, d.pronouns, d.imported_at, d.sort_date"
#define ASKAROV_N_DOCUMENT_COLUMNS 19

/* Reads a row whose first columns are ASKAROV_DOCUMENT_COLUMNS: a summary
 * without body and targets. */
AskarovDocument *askarov_store_document_from_row (sqlite3_stmt *stmt);

/* All of these need the store's lock held and a transaction open. */

/* Inserts @document with its targets. With @case_id == ASKAROV_CASE_ANY the
 * document is grouped by its persons (a case is created when none matches).
 * Sets the document's id, case id, case name and import time. */
gboolean askarov_store_insert_document_locked (AskarovStore     *self,
                                               AskarovDocument  *document,
                                               gint64            case_id,
                                               GError          **error);
/* The id of the case called @name, created (with @person_key) when missing. */
gint64   askarov_store_ensure_case_locked     (AskarovStore     *self,
                                               const char       *name,
                                               const char       *person_key,
                                               GError          **error);
gboolean askarov_store_document_exists_locked (AskarovStore     *self,
                                               const char       *content_hash);

G_END_DECLS
