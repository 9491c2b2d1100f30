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
  "d.own_language_allowed, d.persons, d.pronouns, d.imported_at, d.sort_date, " \
  "c.state, c.state_date, d.outcome, d.outcome_date"
#define ASKAROV_N_DOCUMENT_COLUMNS 23

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

/* Cases (askarov-store-cases.c). */

/* The case a document with @reference (or NULL) about @persons joins: the
 * case holding another document of that UA reference, else the first person
 * whose folded name is a case's key or whose name matches a case's name.
 * 0 when none does. */
gint64   askarov_store_find_case_locked       (AskarovStore     *self,
                                               const char       *reference,
                                               char * const     *persons);
/* The case state a document announces: @facts->outcome when it is a known
 * state, else, for an outcome document, one read from @body. Sets @outcome
 * (a state id) and @outcome_date (YYYY-MM-DD) to new strings or NULL. */
void     askarov_store_document_outcome       (const AskarovFacts *facts,
                                               const char       *body,
                                               char            **outcome,
                                               char            **outcome_date);
/* Works @case_id's state out again from its documents and the user's choice. */
gboolean askarov_store_update_case_state_locked (AskarovStore   *self,
                                                 gint64          case_id,
                                                 GError        **error);

G_END_DECLS
