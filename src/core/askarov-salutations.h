/* askarov-salutations.h — the phrasebook: how each letter language greets and takes leave of an official.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ASKAROV_PHRASEBOOK_ERROR (askarov_phrasebook_error_quark ())

typedef enum
{
  ASKAROV_PHRASEBOOK_ERROR_UNKNOWN_LANGUAGE,
  ASKAROV_PHRASEBOOK_ERROR_BAD_DATA,       /* a phrasebook file is broken: a bug in the shipped data */
} AskarovPhrasebookError;

/* The kind of office a letter goes to; the ids are the nicks of the GEnum
 * (kebab-case: "president", "prime-minister", …, "official"). */
typedef enum
{
  ASKAROV_ROLE_PRESIDENT,
  ASKAROV_ROLE_PRIME_MINISTER,
  ASKAROV_ROLE_MINISTER,
  ASKAROV_ROLE_PROSECUTOR_GENERAL,
  ASKAROV_ROLE_AMBASSADOR,
  ASKAROV_ROLE_JUDGE,
  ASKAROV_ROLE_PRISON_HEAD,
  ASKAROV_ROLE_OFFICIAL,
} AskarovRole;

#define ASKAROV_N_ROLES (ASKAROV_ROLE_OFFICIAL + 1)

/* How the recipient is addressed; ids "man", "woman", "unknown". */
typedef enum
{
  ASKAROV_ADDRESS_FORM_MAN,
  ASKAROV_ADDRESS_FORM_WOMAN,
  ASKAROV_ADDRESS_FORM_UNKNOWN,
} AskarovAddressForm;

#define ASKAROV_N_ADDRESS_FORMS (ASKAROV_ADDRESS_FORM_UNKNOWN + 1)

/* How sure the phrasebook is of an entry (see salutations.md); ids "high", "medium", "low". */
typedef enum
{
  ASKAROV_CONFIDENCE_HIGH,
  ASKAROV_CONFIDENCE_MEDIUM,
  ASKAROV_CONFIDENCE_LOW,
} AskarovConfidence;

/* Which salutation a letter uses: the office's ("Уважаемый господин Президент!")
 * or, where the language greets officials that way and the name allows it, the
 * recipient's first name and patronymic ("Уважаемый Болот Исакович!"); ids
 * "title", "name". */
typedef enum
{
  ASKAROV_SALUTATION_STYLE_TITLE,
  ASKAROV_SALUTATION_STYLE_NAME,
} AskarovSalutationStyle;

#define ASKAROV_TYPE_ROLE         (askarov_role_get_type ())
#define ASKAROV_TYPE_ADDRESS_FORM (askarov_address_form_get_type ())
#define ASKAROV_TYPE_CONFIDENCE   (askarov_confidence_get_type ())
#define ASKAROV_TYPE_SALUTATION   (askarov_salutation_get_type ())
#define ASKAROV_TYPE_SALUTATION_STYLE (askarov_salutation_style_get_type ())

/* One looked-up salutation and closing. All strings are in the letter's language
 * (never gettext), except @fallback_note and @review, which are notes from the
 * data for the user / a reviewer, in English. */
typedef struct
{
  char               *language;
  AskarovRole         role;
  AskarovAddressForm  form;            /* the form asked for */
  AskarovAddressForm  form_used;       /* the form the text is for, after the data's fallback */
  char               *salutation;      /* with its punctuation: "Sehr geehrter Herr Minister," */
  char               *closing;         /* "С уважением," / "Mit freundlichen Grüßen" / a French sentence */
  char               *excellency;      /* the "Your Excellency" form for this role, or NULL */
  char               *fallback_note;   /* why @form_used differs from @form, or NULL */
  char               *review;          /* what a native speaker should check (low confidence), or NULL */
  AskarovConfidence   confidence;
  gboolean            body_lower_case; /* the body continues in lower case after the salutation (German) */
  char               *office;          /* the office within the role the entry is for ("colony",
                                        * "cabinet-chair"…), or NULL for the role's own entry */
  char              **sources;         /* the references the entry rests on (never NULL) */
  AskarovSalutationStyle style;        /* NAME: greets by first name and patronymic */
} AskarovSalutation;

GType               askarov_role_get_type             (void) G_GNUC_CONST;
GType               askarov_address_form_get_type     (void) G_GNUC_CONST;
GType               askarov_confidence_get_type       (void) G_GNUC_CONST;
GType               askarov_salutation_get_type       (void) G_GNUC_CONST;
GType               askarov_salutation_style_get_type (void) G_GNUC_CONST;
GQuark              askarov_phrasebook_error_quark    (void);

const char         *askarov_role_to_id                (AskarovRole         role);
gboolean            askarov_role_from_id              (const char         *id,
                                                       AskarovRole        *role);
/* A translated, user-visible name of the role ("Prosecutor general"). */
const char         *askarov_role_get_label            (AskarovRole         role);
/* "president, prime-minister, …, official": for error messages. */
char               *askarov_role_list_ids             (void);
/* Guesses the role from an official's title in any phrasebook language
 * ("Minister of Internal Affairs", "General Prosecutor", "Генеральный прокурор").
 * Returns ASKAROV_ROLE_OFFICIAL when nothing matches; callers let the user override. */
AskarovRole         askarov_role_detect               (const char         *title);
/* The office within @role that @title names, as far as @language's phrasebook
 * tells offices apart for that role: "colony", "prison", "director" or
 * "service" for a prison head, "cabinet-chair" or "government-chair" for a
 * head of government, "court-judge" for a judge who is not a court's chair.
 * The title may be in any phrasebook language. NULL: the role's own entry. */
const char         *askarov_salutation_detect_office  (const char         *language,
                                                       AskarovRole         role,
                                                       const char         *title);

const char         *askarov_address_form_to_id        (AskarovAddressForm  form);
gboolean            askarov_address_form_from_id      (const char         *id,
                                                       AskarovAddressForm *form);
const char         *askarov_address_form_get_label    (AskarovAddressForm  form);
const char         *askarov_confidence_to_id          (AskarovConfidence   confidence);

/* Language codes (ISO 639-1) of every phrasebook file, sorted. Thread-safe. */
GStrv               askarov_phrasebook_list_languages (void);
gboolean            askarov_phrasebook_has_language   (const char         *language);
/* The language's own name ("Русский") and its English name ("Russian"), or NULL. */
const char         *askarov_phrasebook_get_native_name  (const char       *language);
const char         *askarov_phrasebook_get_english_name (const char       *language);
/* What a native speaker should check in the language's letter templates
 * (paragraphs not yet read by one), or NULL when they have been reviewed. */
const char         *askarov_phrasebook_get_template_review (const char *language);
/* The date as that language writes it in a letter: "25 November 2026",
 * "25 ноября 2026 г.", "25. November 2026". NULL for an unknown language. */
char               *askarov_phrasebook_format_date    (const char         *language,
                                                       GDateTime          *date);

AskarovSalutation  *askarov_salutation_lookup         (const char         *language,
                                                       AskarovRole         role,
                                                       AskarovAddressForm  form,
                                                       GError            **error);
/* The entry for @office (from askarov_salutation_detect_office(), or NULL)
 * within @role; an office the language does not tell apart uses the role's. */
AskarovSalutation  *askarov_salutation_lookup_office  (const char         *language,
                                                       AskarovRole         role,
                                                       const char         *office,
                                                       AskarovAddressForm  form,
                                                       GError            **error);
/* The salutation by first name and patronymic ("Уважаемая Роза Исаковна!")
 * for @name_in_script, the official's full name as written in the letter's
 * script ("Роза Исаковна Отунбаева" or "Отунбаева Роза Исаковна"; for a
 * Latin-script name in a Cyrillic letter pass askarov_names_to_script()'s
 * result), with the role's (or office's) closing. Its form is the one the
 * patronymic tells. NULL when @language has no such salutation or the name
 * has no patronymic (initials, Kyrgyz "уулу"/"кызы", two words only). */
AskarovSalutation  *askarov_salutation_lookup_by_name (const char         *language,
                                                       AskarovRole         role,
                                                       const char         *office,
                                                       const char         *name_in_script);
const char         *askarov_salutation_style_to_id    (AskarovSalutationStyle style);
gboolean            askarov_salutation_style_from_id  (const char         *id,
                                                       AskarovSalutationStyle *style);
AskarovSalutation  *askarov_salutation_copy           (const AskarovSalutation *salutation);
void                askarov_salutation_free           (AskarovSalutation  *salutation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovSalutation, askarov_salutation_free)

G_END_DECLS
