/* askarov-letter.h — one appeal letter: who writes to whom, in which language, and its text.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-channel.h"

#include "askarov-letter-case.h"
#include "askarov-salutations.h"

G_BEGIN_DECLS

#define ASKAROV_LETTER_ERROR (askarov_letter_error_quark ())

typedef enum
{
  ASKAROV_LETTER_ERROR_BAD_ADDRESS,     /* an email address with control characters or spaces */
  ASKAROV_LETTER_ERROR_NO_TEMPLATE,
  ASKAROV_LETTER_ERROR_NO_LETTER,       /* the case is closed and its outcome calls for no letter */
} AskarovLetterError;

/* How the letter is signed; ids "full-name", "initials-and-town". */
typedef enum
{
  ASKAROV_SIGNATURE_FULL_NAME,
  ASKAROV_SIGNATURE_INITIALS_AND_TOWN,
} AskarovSignature;

/* What askarov_letter_build_mailto() had to leave out to stay under the length cap. */
typedef enum /*< flags >*/
{
  ASKAROV_MAILTO_DROPPED_NONE   = 0,
  ASKAROV_MAILTO_DROPPED_BODY   = 1 << 0,   /* the UI should offer "copy the body instead" */
  ASKAROV_MAILTO_DROPPED_COPIES = 1 << 1,   /* cc addresses beyond the first recipient */
} AskarovMailtoDropped;

/* The default cap for mailto: URIs; some mail clients and browsers cut longer ones. */
#define ASKAROV_MAILTO_MAX_BYTES 2000
/* The most characters (not bytes) a short post may have. */
#define ASKAROV_POST_MAX_CHARS 280

/* One line of the asks checklist: one request of the letter, or one of the
 * UA's asks that fits no request in the bank. */
typedef struct
{
  char      *request;        /* request bank id ("release"…), or NULL for an ask the bank does not know */
  char      *label;          /* the request's UI label, or the ask as the UA wrote it */
  gboolean   covered;        /* the current text makes it */
  gboolean   fits_role;      /* FALSE: this official cannot grant it, so the letter leaves it out */
  gboolean   needs_rewrite;  /* an ask kept in the UA's words (and language): the volunteer should rewrite it */
} AskarovAskCheck;

void              askarov_ask_check_free          (AskarovAskCheck  *check);

#define ASKAROV_TYPE_SIGNATURE      (askarov_signature_get_type ())
#define ASKAROV_TYPE_MAILTO_DROPPED (askarov_mailto_dropped_get_type ())

GType             askarov_signature_get_type      (void) G_GNUC_CONST;
GType             askarov_mailto_dropped_get_type (void) G_GNUC_CONST;
GQuark            askarov_letter_error_quark      (void);

const char       *askarov_signature_to_id         (AskarovSignature  signature);
gboolean          askarov_signature_from_id       (const char       *id,
                                                   AskarovSignature *signature);
/* Why someone signs with initials and town only (translated, for the UI). */
const char       *askarov_signature_get_reason    (AskarovSignature  signature);

#define ASKAROV_TYPE_LETTER (askarov_letter_get_type ())
G_DECLARE_FINAL_TYPE (AskarovLetter, askarov_letter, ASKAROV, LETTER, GObject)

/* Properties (all notify; "changed" is emitted once after any change that alters the text):
 *   language (s, ISO 639-1), role (AskarovRole), address-form, channel, signature,
 *   sender-name, sender-address (lines joined with '\n'), sender-city, sender-country,
 *   recipient-name, recipient-name-local (the name as the letter's script writes it,
 *   confirmed by the user; NULL = a transliteration of recipient-name), recipient-title, recipient-address (lines joined with '\n'),
 *   recipient-emails (GStrv), recipient-fax, recipient-handles (GStrv, "@name"),
 *   copies-to (GStrv, one recipient per item),
 *   letter-case (AskarovLetterCase: the persons, country, state, reference and asks),
 *   date (GDateTime, NULL = today), salutation-override (s, NULL = the phrasebook's),
 *   salutation-style (AskarovSalutationStyle: NAME greets by first name and
 *   patronymic where the language and the name allow it, else as TITLE).
 * An AskarovLetter is not thread-safe: hand a worker askarov_letter_copy(). */

AskarovLetter    *askarov_letter_new              (const char       *language,
                                                   AskarovRole       role);
AskarovLetter    *askarov_letter_copy             (AskarovLetter    *self);
/* The one way a letter about a case is made, by the composer and by
 * `askarov --write-letter` alike: to @official (a target of the case, or
 * NULL), in @language, for @channel, dated @date (NULL = today). Its role
 * comes from the official's title, its form of address from the official,
 * copies go to the case's other "copies to" targets, handles come from the
 * official's social lines. Returns NULL with ASKAROV_LETTER_ERROR_NO_LETTER
 * (and the reason as message) when the case is closed and calls for no letter. */
AskarovLetter    *askarov_letter_new_for_case     (AskarovLetterCase *letter_case,
                                                   const AskarovTarget *official,
                                                   const char       *language,
                                                   AskarovChannel    channel,
                                                   GDateTime        *date,
                                                   GError          **error);

const char       *askarov_letter_get_language     (AskarovLetter    *self);
void              askarov_letter_set_language     (AskarovLetter    *self,
                                                   const char       *language);
AskarovRole       askarov_letter_get_role         (AskarovLetter    *self);
void              askarov_letter_set_role         (AskarovLetter    *self,
                                                   AskarovRole       role);
AskarovAddressForm askarov_letter_get_address_form (AskarovLetter   *self);
void              askarov_letter_set_address_form (AskarovLetter    *self,
                                                   AskarovAddressForm form);
/* The form of address the Urgent Action gives for the official (an
 * honorific, pronouns or its salutation): the letter's form when it was made,
 * UNKNOWN when the UA tells nothing (or the letter was made from no target). */
AskarovAddressForm askarov_letter_get_ua_address_form (AskarovLetter *self);
/* The form of address an official's facts tell: their honorific or pronouns,
 * else the salutation the UA gives ("Dear Mr President" -> MAN). */
AskarovAddressForm askarov_letter_form_from_target (const AskarovTarget *official);
AskarovSalutationStyle askarov_letter_get_salutation_style (AskarovLetter *self);
void              askarov_letter_set_salutation_style (AskarovLetter *self,
                                                       AskarovSalutationStyle style);
/* The salutation by first name and patronymic this letter could use
 * ("Уважаемый Болот Исакович!"), whatever its style, or NULL when the
 * language has none or the recipient's name as written gives no patronymic. */
AskarovSalutation *askarov_letter_dup_name_salutation (AskarovLetter *self);
AskarovChannel    askarov_letter_get_channel      (AskarovLetter    *self);
void              askarov_letter_set_channel      (AskarovLetter    *self,
                                                   AskarovChannel    channel);
AskarovSignature  askarov_letter_get_signature    (AskarovLetter    *self);
void              askarov_letter_set_signature    (AskarovLetter    *self,
                                                   AskarovSignature  signature);
void              askarov_letter_set_sender       (AskarovLetter    *self,
                                                   const char       *name,
                                                   const char       *address,
                                                   const char       *city,
                                                   const char       *country);
/* Sets name, title (and detects nothing: set the role yourself, e.g. from
 * askarov_role_detect()), address lines joined with '\n', emails, fax and handles. */
void              askarov_letter_set_recipient    (AskarovLetter    *self,
                                                   const char       *name,
                                                   const char       *title,
                                                   const char       *address,
                                                   const char * const *emails,
                                                   const char       *fax,
                                                   const char * const *handles);
const char       *askarov_letter_get_recipient_name  (AskarovLetter *self);
const char       *askarov_letter_get_recipient_title (AskarovLetter *self);
const char       *askarov_letter_get_recipient_name_local (AskarovLetter *self);
/* Sets the spelling the user confirmed; NULL or "" goes back to the transliteration.
 * Cleared when the recipient's name changes, and when the language changes to another script. */
void              askarov_letter_set_recipient_name_local (AskarovLetter *self,
                                                           const char    *name);
/* The name as the letter writes it: the confirmed spelling, else the name in
 * the letter's script (askarov_names_to_script()); NULL without a name. */
char             *askarov_letter_dup_recipient_name_local (AskarovLetter *self);
/* TRUE while the shown name is a machine transliteration nobody confirmed. */
gboolean          askarov_letter_get_name_needs_check     (AskarovLetter *self);
/* TRUE when the block keeps a typed title that is not in the letter's
 * language: the phrasebook does not know the office, so the user should translate it. */
gboolean          askarov_letter_get_title_needs_translation (AskarovLetter *self);
const char * const *askarov_letter_get_recipient_emails (AskarovLetter *self);
void              askarov_letter_set_copies_to    (AskarovLetter    *self,
                                                   const char * const *copies_to);
/* The case the letter is about; NULL for a letter about no case (it names no one). */
void              askarov_letter_set_letter_case  (AskarovLetter    *self,
                                                   AskarovLetterCase *letter_case);
AskarovLetterCase *askarov_letter_get_letter_case (AskarovLetter    *self);
/* Which letter the case calls for (APPEAL without a case). */
AskarovLetterKind askarov_letter_get_kind         (AskarovLetter    *self);
/* NULL means "today" at render time. */
void              askarov_letter_set_date         (AskarovLetter    *self,
                                                   GDateTime        *date);
void              askarov_letter_set_salutation_override (AskarovLetter *self,
                                                          const char    *salutation);

/* Body paragraphs: filled from the language's sentence frames for the case, its state and its asks
 * when the letter is made or askarov_letter_reset_paragraphs() is called;
 * then edited one by one. */
guint             askarov_letter_get_n_paragraphs (AskarovLetter    *self);
const char       *askarov_letter_get_paragraph    (AskarovLetter    *self,
                                                   guint             index);
void              askarov_letter_set_paragraph    (AskarovLetter    *self,
                                                   guint             index,
                                                   const char       *text);
GStrv             askarov_letter_dup_paragraphs   (AskarovLetter    *self);
void              askarov_letter_set_paragraphs   (AskarovLetter    *self,
                                                   const char * const *paragraphs);
void              askarov_letter_reset_paragraphs (AskarovLetter    *self);
/* The paragraphs as one text separated by blank lines (what drafts store), and back. */
char             *askarov_letter_dup_body         (AskarovLetter    *self);
void              askarov_letter_set_body         (AskarovLetter    *self,
                                                   const char       *body);

/* The parts, as the letter shows them (for previews, PDF and print). */
AskarovSalutation *askarov_letter_dup_salutation_info (AskarovLetter *self);
char             *askarov_letter_dup_salutation   (AskarovLetter    *self);
char             *askarov_letter_dup_closing      (AskarovLetter    *self);
char             *askarov_letter_dup_date_text    (AskarovLetter    *self);
char             *askarov_letter_dup_sender_block (AskarovLetter    *self);
char             *askarov_letter_dup_recipient_block (AskarovLetter *self);
char             *askarov_letter_dup_signature_text  (AskarovLetter *self);
/* "Copies to: …" in the letter's language, or NULL without copies. */
char             *askarov_letter_dup_copies_line  (AskarovLetter    *self);
/* The fax cover line, in the letter's language. */
char             *askarov_letter_dup_fax_cover    (AskarovLetter    *self);
char             *askarov_letter_dup_subject      (AskarovLetter    *self);

/* The whole text for the letter's channel: letter, fax (cover line + letter),
 * email (body only; the subject is separate), post (<= 280 characters, with the
 * recipient's first handle), call (a short spoken script). */
char             *askarov_letter_render_text      (AskarovLetter    *self);
char             *askarov_letter_render_post      (AskarovLetter    *self);
char             *askarov_letter_render_call      (AskarovLetter    *self);

/* A mailto: URI for the recipient's emails with the subject and the email text,
 * per RFC 6068 (percent-encoded UTF-8, CRLF line breaks). When it would exceed
 * @max_bytes (0 = ASKAROV_MAILTO_MAX_BYTES), parts are dropped and said in @dropped.
 * Fails on email addresses with control characters or spaces. */
char             *askarov_letter_build_mailto     (AskarovLetter    *self,
                                                   gsize             max_bytes,
                                                   AskarovMailtoDropped *dropped,
                                                   GError          **error);

/* One AskarovAskCheck per request of the letter (in the UA's order), then
 * one per ask the bank does not know. The array owns its items. */
GPtrArray        *askarov_letter_check_asks       (AskarovLetter    *self);

G_END_DECLS
