/* askarov-letter-private.h — what the letter's files share: the instance struct and template access.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-letter.h"

G_BEGIN_DECLS

struct _AskarovLetter
{
  GObject             parent_instance;

  char               *language;
  AskarovRole         role;
  AskarovAddressForm  address_form;
  AskarovAddressForm  ua_address_form;  /* what the UA tells of the official (UNKNOWN: nothing) */
  AskarovSalutationStyle salutation_style;
  AskarovChannel      channel;
  AskarovSignature    signature;

  char               *sender_name;
  char               *sender_address;
  char               *sender_city;
  char               *sender_country;

  char               *recipient_name;
  char               *recipient_name_local;  /* as written in the letter's script, confirmed; NULL = derived */
  char               *recipient_title;
  char               *recipient_address;
  GStrv               recipient_emails;
  char               *recipient_fax;
  GStrv               recipient_handles;
  GStrv               copies_to;
  GPtrArray          *copy_targets;  /* AskarovTarget: the copies as officials, for a copies line in the
                                      * letter's language; NULL when copies_to was set as text */

  AskarovLetterCase  *letter_case;  /* NULL: a letter about no case */

  GDateTime          *date;
  char               *salutation_override;

  GPtrArray          *paragraphs;   /* char *, owned */
  gboolean            edited;       /* the user changed the paragraphs: keep them on language changes */
};


static inline gboolean
askarov_letter_text_is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Replaces the paragraphs with the ones built from the case, its state and its asks. */
void        askarov_letter_fill_paragraphs  (AskarovLetter *self);

G_END_DECLS
