/* askarov-facts.h — what the extractor found in one document, and its JSON form.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  ASKAROV_DOCUMENT_KIND_UNKNOWN,
  ASKAROV_DOCUMENT_KIND_URGENT_ACTION,  /* "urgent-action": a first Urgent Action */
  ASKAROV_DOCUMENT_KIND_UPDATE,         /* "update": further information on an earlier UA */
  ASKAROV_DOCUMENT_KIND_OUTCOME,        /* "outcome": the case ended (released, died, no further action) */
  ASKAROV_DOCUMENT_KIND_STATEMENT,      /* "statement": press release or public statement */
  ASKAROV_DOCUMENT_KIND_ARTICLE,        /* "article": news, dispatch, anything else */
} AskarovDocumentKind;

/* One person or office a document asks volunteers to write to. */
typedef struct
{
  char     *name;        /* "Almazbek Atambaev", or NULL when only an office is given */
  char     *title;       /* role: "President of Kyrgyzstan" */
  char     *salutation;  /* "Dear President", as the document gives it, in its language */
  char    **address;     /* postal address lines, without name and title; never NULL */
  char    **email;       /* never NULL */
  char     *fax;
  char     *phone;
  char    **social;      /* "Twitter: @handle", "Facebook: @page"; never NULL */
  gboolean  copy;        /* a "copies to" recipient, not a main target */
  char     *address_form; /* "man", "woman" (from an honorific or pronoun), or NULL */
} AskarovTarget;

typedef struct
{
  AskarovDocumentKind  kind;
  char                *reference;             /* UA number as "135/10", or NULL */
  char                *index;                 /* AI index, "EUR 58/015/2010", or NULL */
  char                *issued;                /* YYYY-MM-DD, or NULL */
  char                *deadline;              /* YYYY-MM-DD, or NULL */
  char               **persons;               /* persons of concern, most mentioned first; never NULL */
  char               **pronouns;              /* parallel to @persons: "he/him", "she/her", "they/them" or ""; never NULL */
  char               **languages;             /* ISO 639-1 codes in the document's order; never NULL */
  gboolean             own_language_allowed;  /* "…or your own language" */
  int                  update;                /* 5 for "fifth update", 0 when not an update or not said */
  GPtrArray           *targets;               /* of AskarovTarget, main targets and copies; never NULL */
  char                *title;                 /* headline, or NULL */
  char                *outcome;               /* the case state an outcome announces ("released", "died"…), or NULL */
  char                *outcome_date;          /* YYYY-MM-DD of that outcome, or NULL */
  char                *country;               /* ISO 3166-1 alpha-2 code of the country concerned, or NULL */
  char               **asks;                  /* the requests the document lists, as written; never NULL */
  char                *language;              /* ISO 639-1 code of the document's own language, or NULL */
  char                *encoding;              /* how the file's text was read when it was not clean UTF-8:
                                               * a legacy encoding ("windows-1252") or "repaired"; NULL otherwise */
} AskarovFacts;

#define ASKAROV_TYPE_TARGET (askarov_target_get_type ())
#define ASKAROV_TYPE_FACTS  (askarov_facts_get_type ())

GType               askarov_target_get_type          (void) G_GNUC_CONST;
AskarovTarget      *askarov_target_new               (void);
AskarovTarget      *askarov_target_copy              (const AskarovTarget *self);
void                askarov_target_free              (AskarovTarget       *self);

GType               askarov_facts_get_type           (void) G_GNUC_CONST;
AskarovFacts       *askarov_facts_new                (void);
AskarovFacts       *askarov_facts_copy               (const AskarovFacts  *self);
void                askarov_facts_free               (AskarovFacts        *self);

/* "urgent-action", "update", "outcome", "statement", "article"; NULL for UNKNOWN. */
const char         *askarov_document_kind_to_string  (AskarovDocumentKind  kind);
AskarovDocumentKind askarov_document_kind_from_string (const char         *string);
/* A translated label for the UI ("Urgent Action", "Update"…). */
const char         *askarov_document_kind_get_label  (AskarovDocumentKind  kind);

/* Exactly the keys of `askarov --extract`: kind, reference, index, issued,
 * deadline, title, persons, languages, own_language_allowed, update, outcome,
 * outcome_date, country, asks, language, targets (name, title, salutation,
 * address_form, address, email, fax, phone, social, copy). Unknown values are
 * null or empty. */
JsonNode           *askarov_facts_to_json            (const AskarovFacts  *self);
/* The same plus "pronouns" and "encoding": what the database keeps in facts_json. */
JsonNode           *askarov_facts_to_json_full       (const AskarovFacts  *self);
char               *askarov_facts_to_string          (const AskarovFacts  *self,
                                                      gboolean             pretty);
/* Reads the output of either function above; unknown keys are ignored.
 * Returns NULL with @error set when @node is not a JSON object. */
AskarovFacts       *askarov_facts_from_json          (JsonNode            *node,
                                                      GError             **error);
AskarovFacts       *askarov_facts_from_string        (const char          *json,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovTarget, askarov_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovFacts, askarov_facts_free)

G_END_DECLS
