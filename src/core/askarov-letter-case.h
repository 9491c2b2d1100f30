/* askarov-letter-case.h — what a letter needs to know about its case, read from the library.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-case.h"
#include "askarov-facts.h"
#include "askarov-store.h"

G_BEGIN_DECLS

/* Which letter a case calls for, from its state. */
typedef enum
{
  ASKAROV_LETTER_KIND_APPEAL,       /* open: the UA's own asks */
  ASKAROV_LETTER_KIND_AFTER_DEATH,  /* died: investigate the death, accountability, clear the name */
  ASKAROV_LETTER_KIND_THANKS,       /* released, charges dropped, good news: thanks, no further harassment */
  ASKAROV_LETTER_KIND_NONE,         /* no further action, action ended: no letter */
} AskarovLetterKind;

/* One case as the letter builder reads it. Immutable once loaded; reference counted. */
typedef struct
{
  gint64            case_id;        /* 0 for a document outside any case */
  gint64            document_id;    /* the UA or update whose officials and asks the letter uses */
  char             *name;           /* the case's name, or NULL */
  GStrv             persons;        /* people of concern; never NULL */
  GStrv             pronouns;       /* parallel to @persons ("he/him", "she/her", "they/them", ""); never NULL */
  char             *country;        /* ISO 3166-1 alpha-2, or NULL */
  GStrv             asks;           /* the newest UA/update's asks, as written; never NULL */
  char             *asks_language;  /* the language they are written in, or NULL */
  GStrv             outcome_asks;   /* an outcome document's asks (what it calls for now); never NULL */
  AskarovCaseState  state;
  char             *state_date;     /* YYYY-MM-DD, or NULL */
  char             *reference;      /* "UA 61.20" as a letter cites it, or NULL */
  char             *deadline;       /* YYYY-MM-DD, or NULL */
  GStrv             languages;      /* the UA's letter languages, in its order; never NULL */
  gboolean          own_language_allowed;
  GPtrArray        *targets;        /* AskarovTarget of the document: officials and copies; never NULL */
  GHashTable       *background;     /* "KIND:LANGUAGE" -> the case's background paragraph; never NULL */
} AskarovLetterCase;

#define ASKAROV_TYPE_LETTER_CASE (askarov_letter_case_get_type ())
GType              askarov_letter_case_get_type    (void) G_GNUC_CONST;
AskarovLetterCase *askarov_letter_case_new         (void);
AskarovLetterCase *askarov_letter_case_ref         (AskarovLetterCase       *c);
void               askarov_letter_case_unref       (AskarovLetterCase       *c);

/* Reads the case of @case_id (or, when it is 0, of @document_id) from the
 * store: its people, country, the newest UA/update's asks and officials (or
 * @document_id's, when given and it names officials), and its state (the
 * cases table's, else the newest outcome document's). Thread-safe. */
AskarovLetterCase *askarov_letter_case_load        (AskarovStore            *store,
                                                    gint64                   case_id,
                                                    gint64                   document_id,
                                                    GError                 **error);
void               askarov_letter_case_load_async  (AskarovStore            *store,
                                                    gint64                   case_id,
                                                    gint64                   document_id,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
AskarovLetterCase *askarov_letter_case_load_finish (AskarovStore            *store,
                                                    GAsyncResult            *result,
                                                    GError                 **error);
/* Builds one from a document's facts alone (a case of one document). */
AskarovLetterCase *askarov_letter_case_new_from_facts (const AskarovFacts     *facts,
                                                       gint64                  case_id,
                                                       gint64                  document_id);

AskarovLetterKind  askarov_letter_case_get_kind    (const AskarovLetterCase *c);
/* Why the case gets this letter (or none), translated for the UI and the
 * command line; NULL for an open case. */
char              *askarov_letter_case_dup_reason  (const AskarovLetterCase *c);
/* The persons joined for a sentence in @language ("A, B and C"). */
char              *askarov_letter_case_dup_persons (const AskarovLetterCase *c,
                                                    const char              *language);

/* What the case's letters say about its history, in @language, for a letter
 * of @kind ("appeal", "after-death", "thanks"): a sentence frame with the
 * phrasebook's placeholders ({persons}), or NULL when the case has none. A
 * case from a case pack gets the pack's; any other case can be given one. */
const char        *askarov_letter_case_get_background (const AskarovLetterCase *c,
                                                       const char              *kind,
                                                       const char              *language);
void               askarov_letter_case_set_background (AskarovLetterCase       *c,
                                                       const char              *kind,
                                                       const char              *language,
                                                       const char              *text);

/* The one rule for a copies line entry: "Name, Title", or whichever is known. */
char              *askarov_letter_describe_target  (const char              *name,
                                                    const char              *title);
/* The one rule for social handles: "Twitter: @name" -> "@name"; items without '@' are dropped. */
GStrv              askarov_letter_handles_from_social (const char * const   *social);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovLetterCase, askarov_letter_case_unref)

G_END_DECLS
