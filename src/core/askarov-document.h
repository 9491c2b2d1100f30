/* askarov-document.h — one Urgent Action document (or update, outcome, statement) with its facts.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "askarov-case.h"
#include "askarov-extractor.h"
#include "askarov-importer.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_DOCUMENT (askarov_document_get_type ())
G_DECLARE_FINAL_TYPE (AskarovDocument, askarov_document, ASKAROV, DOCUMENT, GObject)

AskarovDocument    *askarov_document_new                  (void);

gint64              askarov_document_get_id               (AskarovDocument    *self);
gint64              askarov_document_get_case_id          (AskarovDocument    *self);
const char         *askarov_document_get_case_name        (AskarovDocument    *self);
const char         *askarov_document_get_title            (AskarovDocument    *self);
const char         *askarov_document_get_source_name      (AskarovDocument    *self);
const char         *askarov_document_get_format           (AskarovDocument    *self);
const char         *askarov_document_get_body             (AskarovDocument    *self);
const char         *askarov_document_get_content_hash     (AskarovDocument    *self);
const char         *askarov_document_get_imported_at      (AskarovDocument    *self);
const char         *askarov_document_get_snippet          (AskarovDocument    *self);
AskarovFacts       *askarov_document_get_facts            (AskarovDocument    *self);
AskarovDocumentKind askarov_document_get_kind             (AskarovDocument    *self);
const char         *askarov_document_get_kind_name        (AskarovDocument    *self);
const char         *askarov_document_get_reference        (AskarovDocument    *self);
const char         *askarov_document_get_issued           (AskarovDocument    *self);
const char         *askarov_document_get_deadline         (AskarovDocument    *self);
const char         *askarov_document_get_sort_date        (AskarovDocument    *self);
const AskarovTarget *askarov_document_get_target          (AskarovDocument    *self,
                                                           int                 position);

void                askarov_document_set_id               (AskarovDocument    *self,
                                                           gint64              id);
void                askarov_document_set_case_id          (AskarovDocument    *self,
                                                           gint64              case_id);
void                askarov_document_set_case_name        (AskarovDocument    *self,
                                                           const char         *case_name);
void                askarov_document_set_title            (AskarovDocument    *self,
                                                           const char         *title);
void                askarov_document_set_source_name      (AskarovDocument    *self,
                                                           const char         *source_name);
void                askarov_document_set_format           (AskarovDocument    *self,
                                                           const char         *format);
void                askarov_document_set_body             (AskarovDocument    *self,
                                                           const char         *body);
void                askarov_document_set_content_hash     (AskarovDocument    *self,
                                                           const char         *content_hash);
void                askarov_document_set_imported_at      (AskarovDocument    *self,
                                                           const char         *imported_at);
void                askarov_document_set_snippet          (AskarovDocument    *self,
                                                           const char         *snippet);
void                askarov_document_set_stored_sort_date (AskarovDocument *self,
                                                           const char         *sort_date);
void                askarov_document_set_facts            (AskarovDocument    *self,
                                                           const AskarovFacts *facts);
void                askarov_document_take_facts           (AskarovDocument    *self,
                                                           AskarovFacts       *facts);

AskarovDocument    *askarov_document_new_from_import      (const AskarovImportedText *imported,
                                                           const AskarovFacts        *facts);
AskarovCaseState    askarov_document_get_case_state       (AskarovDocument    *self,
                                                           const char        **state_date);
void                askarov_document_set_case_state       (AskarovDocument    *self,
                                                           AskarovCaseState    state,
                                                           const char         *state_date);
int                 askarov_document_days_left            (AskarovDocument    *self,
                                                           GDate              *today);

G_END_DECLS
