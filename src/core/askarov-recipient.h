/* askarov-recipient.h — the recipient block: an official's name, title and address as a letter language writes them.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "askarov-salutations.h"

G_BEGIN_DECLS

/* Whom a letter goes to, as the recipient block needs it. */
typedef struct
{
  const char         *language;
  AskarovRole         role;
  AskarovAddressForm  form;
  const char         *name;        /* in the letter's script, nominative, full; NULL or "" = none */
  const char         *title;       /* the title as typed or given by the UA; used unless @use_office */
  gboolean            use_office;  /* name the office as the phrasebook does (askarov_recipient_title_is_office()) */
  const char         *address;     /* lines joined with '\n', or NULL */
} AskarovRecipient;

/* The lines of the recipient block, joined with '\n', in the order, case and
 * honorifics of the letter's language (the "recipient-block" rules of its
 * phrasebook): "Президенту Кыргызской Республики\nС. Ш. Жээнбекову",
 * "Кыргыз Республикасынын Президенти\nС. Ш. Жээнбековго", "Seiner Exzellenz\n
 * Herrn Sooronbay Jeenbekov\nPräsident der Kirgisischen Republik". */
char     *askarov_recipient_dup_block            (const AskarovRecipient *recipient);
/* The same with @rules in place of the phrasebook's "recipient-block" object
 * (for a language whose phrasebook is being written, and for tests). */
char     *askarov_recipient_dup_block_with_rules (const AskarovRecipient *recipient,
                                                  JsonObject             *rules);
/* The recipient on one line, without honorifics, for a fax cover or a copies
 * line: "Президенту Кыргызской Республики Р. Отунбаевой", "Roza Otunbaeva, President". */
char     *askarov_recipient_dup_line             (const AskarovRecipient *recipient);

/* The phrasebook's name of the office for @role in an address (dative in
 * Russian, Kyrgyz and Uzbek), following the holder's sex where it changes; NULL if none. */
char     *askarov_recipient_dup_office           (const char             *language,
                                                  AskarovRole             role,
                                                  AskarovAddressForm      form);
/* Whether @title names the very office the phrasebooks name for @role (in
 * any of their languages): the role is certain and every word of the title is
 * a word of that office or of its country ("President of Kyrgyzstan"), so a
 * "Minister of Justice" is not the Interior minister and an ambassador with a
 * host country is not the phrasebook's bare ambassador. */
gboolean  askarov_recipient_title_is_office      (const char             *title,
                                                  AskarovRole             role);
/* Whether @title names the phrasebooks' country ("President of Kyrgyzstan",
 * "Генеральный прокурор Кыргызской Республики"), for a case whose country is not known. */
gboolean  askarov_recipient_title_names_country  (const char             *title);
/* Whether @title reads as written in @language: its script, and no English
 * function words ("of", "the", "to") in a letter in another language. */
gboolean  askarov_recipient_title_in_language    (const char             *title,
                                                  const char             *language);

G_END_DECLS
