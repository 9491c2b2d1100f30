/* askarov-letter.c — one appeal letter: who writes to whom, in which language, and its text.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter"

#include "config.h"

#include "askarov-letter.h"

#include <glib/gi18n.h>

#include "askarov-phrasebook-private.h"

/* Azimjan Askarov died in prison on this day; letters written after it ask
 * for an investigation of his death and his rehabilitation instead of his release. */
#define ASKAROV_DEATH_DATE "2020-07-25"

struct _AskarovLetter
{
  GObject             parent_instance;

  char               *language;
  AskarovRole         role;
  AskarovAddressForm  address_form;
  AskarovChannel      channel;
  AskarovSignature    signature;

  char               *sender_name;
  char               *sender_address;
  char               *sender_city;
  char               *sender_country;

  char               *recipient_name;
  char               *recipient_title;
  char               *recipient_address;
  GStrv               recipient_emails;
  char               *recipient_fax;
  GStrv               recipient_handles;
  GStrv               copies_to;

  char               *case_person;
  char               *case_reference;
  AskarovCaseStage    case_stage;
  AskarovAsk          asks;

  GDateTime          *date;
  char               *salutation_override;

  GPtrArray          *paragraphs;   /* char *, owned */
  gboolean            edited;       /* the user changed the paragraphs: keep them on language changes */
};

G_DEFINE_FINAL_TYPE (AskarovLetter, askarov_letter, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LANGUAGE,
  PROP_ROLE,
  PROP_ADDRESS_FORM,
  PROP_CHANNEL,
  PROP_SIGNATURE,
  PROP_SENDER_NAME,
  PROP_SENDER_ADDRESS,
  PROP_SENDER_CITY,
  PROP_SENDER_COUNTRY,
  PROP_RECIPIENT_NAME,
  PROP_RECIPIENT_TITLE,
  PROP_RECIPIENT_ADDRESS,
  PROP_RECIPIENT_EMAILS,
  PROP_RECIPIENT_FAX,
  PROP_RECIPIENT_HANDLES,
  PROP_COPIES_TO,
  PROP_CASE_PERSON,
  PROP_CASE_REFERENCE,
  PROP_CASE_STAGE,
  PROP_ASKS,
  PROP_DATE,
  PROP_SALUTATION_OVERRIDE,
  N_PROPS
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ENUM_TYPE (AskarovChannel, askarov_channel,
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_FAX, "fax"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_POST, "post"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_CALL, "call"))

G_DEFINE_ENUM_TYPE (AskarovSignature, askarov_signature,
  G_DEFINE_ENUM_VALUE (ASKAROV_SIGNATURE_FULL_NAME, "full-name"),
  G_DEFINE_ENUM_VALUE (ASKAROV_SIGNATURE_INITIALS_AND_TOWN, "initials-and-town"))

G_DEFINE_ENUM_TYPE (AskarovCaseStage, askarov_case_stage,
  G_DEFINE_ENUM_VALUE (ASKAROV_CASE_STAGE_DETAINED, "detained"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CASE_STAGE_POSTHUMOUS, "posthumous"))

G_DEFINE_FLAGS_TYPE (AskarovAsk, askarov_ask,
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_NONE, "none"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_RELEASE, "release"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_QUASH_CONVICTION, "quash-conviction"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_INVESTIGATE_TORTURE, "investigate-torture"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_FAIR_TRIAL, "fair-trial"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_MEDICAL_CARE, "medical-care"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_INVESTIGATE_DEATH, "investigate-death"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_CLEAR_NAME, "clear-name"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ASK_ACCOUNTABILITY, "accountability"))

G_DEFINE_FLAGS_TYPE (AskarovMailtoDropped, askarov_mailto_dropped,
  G_DEFINE_ENUM_VALUE (ASKAROV_MAILTO_DROPPED_NONE, "none"),
  G_DEFINE_ENUM_VALUE (ASKAROV_MAILTO_DROPPED_BODY, "body"),
  G_DEFINE_ENUM_VALUE (ASKAROV_MAILTO_DROPPED_COPIES, "copies"))

G_DEFINE_QUARK (askarov-letter-error-quark, askarov_letter_error)

static const char * const channel_ids[] = { "letter", "email", "fax", "post", "call" };

static const char * const channel_labels[] = {
  /* Translators: a way to send an appeal */
  N_("Postal letter"),
  /* Translators: a way to send an appeal */
  N_("Email"),
  /* Translators: a way to send an appeal */
  N_("Fax"),
  /* Translators: a way to send an appeal: a short social-media post */
  N_("Short post"),
  /* Translators: a way to send an appeal: a phone call */
  N_("Phone call"),
};

static const char * const signature_ids[] = { "full-name", "initials-and-town" };
static const char * const stage_ids[] = { "detained", "posthumous" };

static const struct
{
  AskarovAsk  ask;
  const char *id;
  const char *label;
} ask_info[] = {
  { ASKAROV_ASK_RELEASE, "release", N_("Release him immediately and unconditionally") },
  { ASKAROV_ASK_QUASH_CONVICTION, "quash-conviction", N_("Quash his conviction") },
  { ASKAROV_ASK_INVESTIGATE_TORTURE, "investigate-torture", N_("Investigate his allegations of torture") },
  { ASKAROV_ASK_FAIR_TRIAL, "fair-trial", N_("Investigate the violations of his right to a fair trial") },
  { ASKAROV_ASK_MEDICAL_CARE, "medical-care", N_("Ensure he gets the medical care he needs") },
  { ASKAROV_ASK_INVESTIGATE_DEATH, "investigate-death", N_("Investigate his death") },
  { ASKAROV_ASK_CLEAR_NAME, "clear-name", N_("Clear his name (posthumous rehabilitation)") },
  { ASKAROV_ASK_ACCOUNTABILITY, "accountability", N_("Hold those responsible to account") },
};

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static void
emit_changed (AskarovLetter *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The built-in template set is the Askarov case's; any other person gets the
 * generic one, which names them. The name is spelled several ways in the
 * documents (Azimjan, Azimzhan, Azimjon; once "Azkarov"). */
static const char *
case_key (AskarovLetter *self)
{
  static const char * const spellings[] = { "askarov", "azkarov", "аскаров", "asqarov" };
  g_autofree char *folded = NULL;

  if (is_empty (self->case_person))
    return "askarov";
  folded = g_utf8_casefold (self->case_person, -1);
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    if (strstr (folded, spellings[i]) != NULL)
      return "askarov";
  return "generic";
}

static JsonObject *
book (AskarovLetter *self)
{
  JsonObject *b = askarov_phrasebook_get_book (self->language);

  /* An unknown language (a bad draft row) falls back to English rather than an empty letter. */
  return b != NULL ? b : askarov_phrasebook_get_book ("en");
}

static const char *
phrase (AskarovLetter *self,
        const char    *key)
{
  return askarov_phrasebook_get_string (askarov_phrasebook_get_object (book (self), "phrases"), key);
}

/* The member of a per-case object ({"askarov": {"detained": X, "posthumous": Y}, "generic": Z}). */
static JsonNode *
case_member (AskarovLetter *self,
             const char    *member)
{
  JsonObject *per_case = askarov_phrasebook_get_object (book (self), member);
  const char *key = case_key (self);
  JsonNode *node;

  if (per_case == NULL || !json_object_has_member (per_case, key))
    return NULL;
  node = json_object_get_member (per_case, key);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *stages = json_node_get_object (node);

      if (!json_object_has_member (stages, stage_ids[self->case_stage]))
        return NULL;
      node = json_object_get_member (stages, stage_ids[self->case_stage]);
    }
  return node;
}

static char *
expand_case (AskarovLetter *self,
             const char    *pattern)
{
  return askarov_phrasebook_expand (pattern,
                                    "person", self->case_person,
                                    "reference", self->case_reference,
                                    NULL);
}

static void
fill_paragraphs (AskarovLetter *self)
{
  JsonNode *node = case_member (self, "templates");

  g_ptr_array_set_size (self->paragraphs, 0);
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (self->paragraphs, expand_case (self, json_array_get_string_element (array, i)));
    }
  self->edited = FALSE;
}

static void
refill_unless_edited (AskarovLetter *self)
{
  if (!self->edited)
    fill_paragraphs (self);
}

static gboolean
set_strv (GStrv              *field,
          const char * const *value)
{
  if (g_strv_equal ((const char * const *) (*field != NULL ? *field : (GStrv) (const char *[]) { NULL }),
                    value != NULL ? value : (const char * const []) { NULL }))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((GStrv) value);
  return TRUE;
}

/* "Anna Maria Petrova" -> "A. M. P."; initials-and-town signing protects writers
 * who fear reprisals against themselves or family in the country written to. */
static char *
make_initials (const char *name)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (is_empty (name))
    return g_strdup ("");
  words = g_strsplit_set (name, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar c;

      if (*words[i] == '\0' || !g_utf8_validate (words[i], -1, NULL))
        continue;
      c = g_unichar_toupper (g_utf8_get_char (words[i]));
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, c);
      g_string_append_c (out, '.');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_block (GString    *out,
              const char *block)
{
  if (is_empty (block))
    return;
  if (out->len > 0)
    g_string_append (out, "\n\n");
  g_string_append (out, block);
}

static void
append_line (GString    *out,
             const char *line)
{
  if (is_empty (line))
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, line);
}

static void
append_paragraphs (AskarovLetter *self,
                   GString       *out)
{
  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      g_autofree char *p = g_strstrip (g_strdup (g_ptr_array_index (self->paragraphs, i)));

      append_block (out, p);
    }
}

/* The letter from the salutation down to the signature: what an email carries. */
static void
append_body (AskarovLetter *self,
             GString       *out)
{
  g_autofree char *salutation = askarov_letter_dup_salutation (self);
  g_autofree char *closing = askarov_letter_dup_closing (self);
  g_autofree char *signature = askarov_letter_dup_signature_text (self);

  append_block (out, salutation);
  append_paragraphs (self, out);
  append_block (out, closing);
  /* German puts the name right under "Mit freundlichen Grüßen" after one blank line, as the others. */
  append_block (out, signature);
}

static gboolean
address_is_valid (const char *address)
{
  if (is_empty (address) || !g_utf8_validate (address, -1, NULL))
    return FALSE;
  for (const char *p = address; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f || *p == ' ')
      return FALSE;
  return TRUE;
}

/* RFC 6068: line breaks in a mailto body are CRLF. */
static char *
to_crlf (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] == '\n')
            p++;
          g_string_append (out, "\r\n");
        }
      else if (*p == '\n')
        g_string_append (out, "\r\n");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
build_uri (GPtrArray  *addresses,
           guint       n_addresses,
           const char *subject,
           const char *body)
{
  g_autoptr(GString) uri = g_string_new ("mailto:");
  char sep = '?';

  for (guint i = 0; i < MIN (n_addresses, addresses->len); i++)
    {
      g_autofree char *escaped = g_uri_escape_string (g_ptr_array_index (addresses, i), "@", FALSE);

      if (i > 0)
        g_string_append_c (uri, ',');
      g_string_append (uri, escaped);
    }
  if (!is_empty (subject))
    {
      g_autofree char *escaped = g_uri_escape_string (subject, NULL, FALSE);

      g_string_append_printf (uri, "%csubject=%s", sep, escaped);
      sep = '&';
    }
  if (!is_empty (body))
    {
      g_autofree char *crlf = to_crlf (body);
      g_autofree char *escaped = g_uri_escape_string (crlf, NULL, FALSE);

      g_string_append_printf (uri, "%cbody=%s", sep, escaped);
    }
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

/* Cuts @text to at most @max characters (not bytes) at a word boundary, ending with "…". */
static char *
trim_to_chars (const char *text,
               glong       max)
{
  glong len = g_utf8_strlen (text, -1);
  const char *end;
  const char *space = NULL;

  if (len <= max)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, max - 1);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      space = p;
  if (space == NULL || g_utf8_pointer_to_offset (text, space) < max / 2)
    space = end;
  {
    g_autofree char *head = g_strndup (text, space - text);

    g_strchomp (head);
    /* Do not leave a dangling comma or colon before the ellipsis. */
    while (*head != '\0' && strchr (",;:", head[strlen (head) - 1]) != NULL)
      head[strlen (head) - 1] = '\0';
    return g_strconcat (head, "…", NULL);
  }
}

static void
askarov_letter_finalize (GObject *object)
{
  AskarovLetter *self = ASKAROV_LETTER (object);

  g_free (self->language);
  g_free (self->sender_name);
  g_free (self->sender_address);
  g_free (self->sender_city);
  g_free (self->sender_country);
  g_free (self->recipient_name);
  g_free (self->recipient_title);
  g_free (self->recipient_address);
  g_strfreev (self->recipient_emails);
  g_free (self->recipient_fax);
  g_strfreev (self->recipient_handles);
  g_strfreev (self->copies_to);
  g_free (self->case_person);
  g_free (self->case_reference);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self->salutation_override);
  g_ptr_array_unref (self->paragraphs);

  G_OBJECT_CLASS (askarov_letter_parent_class)->finalize (object);
}

static void
askarov_letter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AskarovLetter *self = ASKAROV_LETTER (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE: g_value_set_string (value, self->language); break;
    case PROP_ROLE: g_value_set_enum (value, self->role); break;
    case PROP_ADDRESS_FORM: g_value_set_enum (value, self->address_form); break;
    case PROP_CHANNEL: g_value_set_enum (value, self->channel); break;
    case PROP_SIGNATURE: g_value_set_enum (value, self->signature); break;
    case PROP_SENDER_NAME: g_value_set_string (value, self->sender_name); break;
    case PROP_SENDER_ADDRESS: g_value_set_string (value, self->sender_address); break;
    case PROP_SENDER_CITY: g_value_set_string (value, self->sender_city); break;
    case PROP_SENDER_COUNTRY: g_value_set_string (value, self->sender_country); break;
    case PROP_RECIPIENT_NAME: g_value_set_string (value, self->recipient_name); break;
    case PROP_RECIPIENT_TITLE: g_value_set_string (value, self->recipient_title); break;
    case PROP_RECIPIENT_ADDRESS: g_value_set_string (value, self->recipient_address); break;
    case PROP_RECIPIENT_EMAILS: g_value_set_boxed (value, self->recipient_emails); break;
    case PROP_RECIPIENT_FAX: g_value_set_string (value, self->recipient_fax); break;
    case PROP_RECIPIENT_HANDLES: g_value_set_boxed (value, self->recipient_handles); break;
    case PROP_COPIES_TO: g_value_set_boxed (value, self->copies_to); break;
    case PROP_CASE_PERSON: g_value_set_string (value, self->case_person); break;
    case PROP_CASE_REFERENCE: g_value_set_string (value, self->case_reference); break;
    case PROP_CASE_STAGE: g_value_set_enum (value, self->case_stage); break;
    case PROP_ASKS: g_value_set_flags (value, self->asks); break;
    case PROP_DATE: g_value_set_boxed (value, self->date); break;
    case PROP_SALUTATION_OVERRIDE: g_value_set_string (value, self->salutation_override); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Sets a plain text field, notifying and emitting "changed" only on a change. */
static void
set_text (AskarovLetter *self,
          char         **field,
          const char    *value,
          guint          prop)
{
  if (g_set_str (field, value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
      emit_changed (self);
    }
}

static void
set_strv_prop (AskarovLetter      *self,
               GStrv              *field,
               const char * const *value,
               guint               prop)
{
  if (set_strv (field, value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
      emit_changed (self);
    }
}

static void
askarov_letter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AskarovLetter *self = ASKAROV_LETTER (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE: askarov_letter_set_language (self, g_value_get_string (value)); break;
    case PROP_ROLE: askarov_letter_set_role (self, g_value_get_enum (value)); break;
    case PROP_ADDRESS_FORM: askarov_letter_set_address_form (self, g_value_get_enum (value)); break;
    case PROP_CHANNEL: askarov_letter_set_channel (self, g_value_get_enum (value)); break;
    case PROP_SIGNATURE: askarov_letter_set_signature (self, g_value_get_enum (value)); break;
    case PROP_SENDER_NAME: set_text (self, &self->sender_name, g_value_get_string (value), prop_id); break;
    case PROP_SENDER_ADDRESS: set_text (self, &self->sender_address, g_value_get_string (value), prop_id); break;
    case PROP_SENDER_CITY: set_text (self, &self->sender_city, g_value_get_string (value), prop_id); break;
    case PROP_SENDER_COUNTRY: set_text (self, &self->sender_country, g_value_get_string (value), prop_id); break;
    case PROP_RECIPIENT_NAME: set_text (self, &self->recipient_name, g_value_get_string (value), prop_id); break;
    case PROP_RECIPIENT_TITLE: set_text (self, &self->recipient_title, g_value_get_string (value), prop_id); break;
    case PROP_RECIPIENT_ADDRESS: set_text (self, &self->recipient_address, g_value_get_string (value), prop_id); break;
    case PROP_RECIPIENT_EMAILS: set_strv_prop (self, &self->recipient_emails, g_value_get_boxed (value), prop_id); break;
    case PROP_RECIPIENT_FAX: set_text (self, &self->recipient_fax, g_value_get_string (value), prop_id); break;
    case PROP_RECIPIENT_HANDLES: set_strv_prop (self, &self->recipient_handles, g_value_get_boxed (value), prop_id); break;
    case PROP_COPIES_TO: set_strv_prop (self, &self->copies_to, g_value_get_boxed (value), prop_id); break;
    case PROP_CASE_PERSON:
      askarov_letter_set_case (self, g_value_get_string (value), self->case_reference, self->case_stage);
      break;
    case PROP_CASE_REFERENCE:
      askarov_letter_set_case (self, self->case_person, g_value_get_string (value), self->case_stage);
      break;
    case PROP_CASE_STAGE:
      askarov_letter_set_case (self, self->case_person, self->case_reference, g_value_get_enum (value));
      break;
    case PROP_ASKS: askarov_letter_set_asks (self, g_value_get_flags (value)); break;
    case PROP_DATE: askarov_letter_set_date (self, g_value_get_boxed (value)); break;
    case PROP_SALUTATION_OVERRIDE: askarov_letter_set_salutation_override (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_param (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
strv_param (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
enum_param (const char *name,
            GType       type,
            int         value)
{
  return g_param_spec_enum (name, NULL, NULL, type, value,
                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
askarov_letter_class_init (AskarovLetterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = askarov_letter_finalize;
  object_class->get_property = askarov_letter_get_property;
  object_class->set_property = askarov_letter_set_property;

  properties[PROP_LANGUAGE] = string_param ("language");
  properties[PROP_ROLE] = enum_param ("role", ASKAROV_TYPE_ROLE, ASKAROV_ROLE_OFFICIAL);
  properties[PROP_ADDRESS_FORM] = enum_param ("address-form", ASKAROV_TYPE_ADDRESS_FORM, ASKAROV_ADDRESS_FORM_UNKNOWN);
  properties[PROP_CHANNEL] = enum_param ("channel", ASKAROV_TYPE_CHANNEL, ASKAROV_CHANNEL_LETTER);
  properties[PROP_SIGNATURE] = enum_param ("signature", ASKAROV_TYPE_SIGNATURE, ASKAROV_SIGNATURE_FULL_NAME);
  properties[PROP_SENDER_NAME] = string_param ("sender-name");
  properties[PROP_SENDER_ADDRESS] = string_param ("sender-address");
  properties[PROP_SENDER_CITY] = string_param ("sender-city");
  properties[PROP_SENDER_COUNTRY] = string_param ("sender-country");
  properties[PROP_RECIPIENT_NAME] = string_param ("recipient-name");
  properties[PROP_RECIPIENT_TITLE] = string_param ("recipient-title");
  properties[PROP_RECIPIENT_ADDRESS] = string_param ("recipient-address");
  properties[PROP_RECIPIENT_EMAILS] = strv_param ("recipient-emails");
  properties[PROP_RECIPIENT_FAX] = string_param ("recipient-fax");
  properties[PROP_RECIPIENT_HANDLES] = strv_param ("recipient-handles");
  properties[PROP_COPIES_TO] = strv_param ("copies-to");
  properties[PROP_CASE_PERSON] = string_param ("case-person");
  properties[PROP_CASE_REFERENCE] = string_param ("case-reference");
  properties[PROP_CASE_STAGE] = enum_param ("case-stage", ASKAROV_TYPE_CASE_STAGE, ASKAROV_CASE_STAGE_DETAINED);
  properties[PROP_ASKS] = g_param_spec_flags ("asks", NULL, NULL, ASKAROV_TYPE_ASK, ASKAROV_ASK_NONE,
                                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SALUTATION_OVERRIDE] = string_param ("salutation-override");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after any change that alters the rendered text, so a preview
   * redraws once instead of once per property. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
askarov_letter_init (AskarovLetter *self)
{
  self->language = g_strdup ("en");
  self->role = ASKAROV_ROLE_OFFICIAL;
  self->address_form = ASKAROV_ADDRESS_FORM_UNKNOWN;
  self->channel = ASKAROV_CHANNEL_LETTER;
  self->signature = ASKAROV_SIGNATURE_FULL_NAME;
  self->case_stage = askarov_case_stage_for_date (NULL);
  self->asks = askarov_case_stage_get_asks (self->case_stage);
  self->paragraphs = g_ptr_array_new_with_free_func (g_free);
}

/* Public API: enums. */

const char *
askarov_channel_to_id (AskarovChannel channel)
{
  g_return_val_if_fail (channel < ASKAROV_N_CHANNELS, NULL);

  return channel_ids[channel];
}

gboolean
askarov_channel_from_id (const char     *id,
                         AskarovChannel *channel)
{
  g_return_val_if_fail (channel != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (channel_ids); i++)
    if (g_strcmp0 (id, channel_ids[i]) == 0)
      {
        *channel = (AskarovChannel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
askarov_channel_get_label (AskarovChannel channel)
{
  g_return_val_if_fail (channel < ASKAROV_N_CHANNELS, NULL);

  return _(channel_labels[channel]);
}

const char *
askarov_signature_to_id (AskarovSignature signature)
{
  g_return_val_if_fail (signature <= ASKAROV_SIGNATURE_INITIALS_AND_TOWN, NULL);

  return signature_ids[signature];
}

gboolean
askarov_signature_from_id (const char       *id,
                           AskarovSignature *signature)
{
  g_return_val_if_fail (signature != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (signature_ids); i++)
    if (g_strcmp0 (id, signature_ids[i]) == 0)
      {
        *signature = (AskarovSignature) i;
        return TRUE;
      }
  return FALSE;
}

const char *
askarov_signature_get_reason (AskarovSignature signature)
{
  g_return_val_if_fail (signature <= ASKAROV_SIGNATURE_INITIALS_AND_TOWN, NULL);

  if (signature == ASKAROV_SIGNATURE_FULL_NAME)
    return _("Letters signed with a full name and address carry the most weight with officials.");
  return _("Signing with initials and town only protects writers who fear reprisals against "
           "themselves or their family in the country they write to.");
}

const char *
askarov_case_stage_to_id (AskarovCaseStage stage)
{
  g_return_val_if_fail (stage <= ASKAROV_CASE_STAGE_POSTHUMOUS, NULL);

  return stage_ids[stage];
}

AskarovCaseStage
askarov_case_stage_for_date (const char *iso_date)
{
  g_autofree char *today = NULL;

  if (is_empty (iso_date))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
      iso_date = today;
    }
  /* ISO dates compare as strings. */
  return strncmp (iso_date, ASKAROV_DEATH_DATE, 10) < 0 ? ASKAROV_CASE_STAGE_DETAINED
                                                        : ASKAROV_CASE_STAGE_POSTHUMOUS;
}

AskarovAsk
askarov_case_stage_get_asks (AskarovCaseStage stage)
{
  if (stage == ASKAROV_CASE_STAGE_DETAINED)
    return ASKAROV_ASK_RELEASE | ASKAROV_ASK_QUASH_CONVICTION | ASKAROV_ASK_INVESTIGATE_TORTURE
           | ASKAROV_ASK_FAIR_TRIAL | ASKAROV_ASK_MEDICAL_CARE;
  return ASKAROV_ASK_INVESTIGATE_DEATH | ASKAROV_ASK_CLEAR_NAME | ASKAROV_ASK_ACCOUNTABILITY;
}

const char *
askarov_ask_to_id (AskarovAsk ask)
{
  for (guint i = 0; i < G_N_ELEMENTS (ask_info); i++)
    if (ask_info[i].ask == ask)
      return ask_info[i].id;
  return NULL;
}

const char *
askarov_ask_get_label (AskarovAsk ask)
{
  for (guint i = 0; i < G_N_ELEMENTS (ask_info); i++)
    if (ask_info[i].ask == ask)
      return _(ask_info[i].label);
  return NULL;
}

/* Public API: the letter. */

AskarovLetter *
askarov_letter_new (const char  *language,
                    AskarovRole  role)
{
  AskarovLetter *self;

  g_return_val_if_fail (role < ASKAROV_N_ROLES, NULL);

  self = g_object_new (ASKAROV_TYPE_LETTER, NULL);
  g_set_str (&self->language, language != NULL ? language : "en");
  self->role = role;
  fill_paragraphs (self);
  return self;
}

AskarovLetter *
askarov_letter_copy (AskarovLetter *self)
{
  AskarovLetter *copy;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  copy = g_object_new (ASKAROV_TYPE_LETTER, NULL);
  g_set_str (&copy->language, self->language);
  copy->role = self->role;
  copy->address_form = self->address_form;
  copy->channel = self->channel;
  copy->signature = self->signature;
  copy->sender_name = g_strdup (self->sender_name);
  copy->sender_address = g_strdup (self->sender_address);
  copy->sender_city = g_strdup (self->sender_city);
  copy->sender_country = g_strdup (self->sender_country);
  copy->recipient_name = g_strdup (self->recipient_name);
  copy->recipient_title = g_strdup (self->recipient_title);
  copy->recipient_address = g_strdup (self->recipient_address);
  copy->recipient_emails = g_strdupv (self->recipient_emails);
  copy->recipient_fax = g_strdup (self->recipient_fax);
  copy->recipient_handles = g_strdupv (self->recipient_handles);
  copy->copies_to = g_strdupv (self->copies_to);
  copy->case_person = g_strdup (self->case_person);
  copy->case_reference = g_strdup (self->case_reference);
  copy->case_stage = self->case_stage;
  copy->asks = self->asks;
  copy->date = self->date != NULL ? g_date_time_ref (self->date) : NULL;
  copy->salutation_override = g_strdup (self->salutation_override);
  for (guint i = 0; i < self->paragraphs->len; i++)
    g_ptr_array_add (copy->paragraphs, g_strdup (g_ptr_array_index (self->paragraphs, i)));
  copy->edited = self->edited;
  return copy;
}

const char *
askarov_letter_get_language (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  return self->language;
}

void
askarov_letter_set_language (AskarovLetter *self,
                             const char    *language)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  if (language == NULL)
    language = "en";
  if (g_set_str (&self->language, language))
    {
      refill_unless_edited (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
      emit_changed (self);
    }
}

AskarovRole
askarov_letter_get_role (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), ASKAROV_ROLE_OFFICIAL);

  return self->role;
}

void
askarov_letter_set_role (AskarovLetter *self,
                         AskarovRole    role)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));
  g_return_if_fail (role < ASKAROV_N_ROLES);

  if (self->role != role)
    {
      self->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
      emit_changed (self);
    }
}

AskarovAddressForm
askarov_letter_get_address_form (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), ASKAROV_ADDRESS_FORM_UNKNOWN);

  return self->address_form;
}

void
askarov_letter_set_address_form (AskarovLetter      *self,
                                 AskarovAddressForm  form)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));
  g_return_if_fail (form < ASKAROV_N_ADDRESS_FORMS);

  if (self->address_form != form)
    {
      self->address_form = form;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS_FORM]);
      emit_changed (self);
    }
}

AskarovChannel
askarov_letter_get_channel (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), ASKAROV_CHANNEL_LETTER);

  return self->channel;
}

void
askarov_letter_set_channel (AskarovLetter  *self,
                            AskarovChannel  channel)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));
  g_return_if_fail (channel < ASKAROV_N_CHANNELS);

  if (self->channel != channel)
    {
      self->channel = channel;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
      emit_changed (self);
    }
}

AskarovSignature
askarov_letter_get_signature (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), ASKAROV_SIGNATURE_FULL_NAME);

  return self->signature;
}

void
askarov_letter_set_signature (AskarovLetter    *self,
                              AskarovSignature  signature)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));
  g_return_if_fail (signature <= ASKAROV_SIGNATURE_INITIALS_AND_TOWN);

  if (self->signature != signature)
    {
      self->signature = signature;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNATURE]);
      emit_changed (self);
    }
}

void
askarov_letter_set_sender (AskarovLetter *self,
                           const char    *name,
                           const char    *address,
                           const char    *city,
                           const char    *country)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  g_object_set (self,
                "sender-name", name,
                "sender-address", address,
                "sender-city", city,
                "sender-country", country,
                NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

void
askarov_letter_set_recipient (AskarovLetter      *self,
                              const char         *name,
                              const char         *title,
                              const char         *address,
                              const char * const *emails,
                              const char         *fax,
                              const char * const *handles)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  g_object_set (self,
                "recipient-name", name,
                "recipient-title", title,
                "recipient-address", address,
                "recipient-emails", emails,
                "recipient-fax", fax,
                "recipient-handles", handles,
                NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
askarov_letter_get_recipient_name (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  return self->recipient_name;
}

const char *
askarov_letter_get_recipient_title (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  return self->recipient_title;
}

const char * const *
askarov_letter_get_recipient_emails (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  return (const char * const *) self->recipient_emails;
}

void
askarov_letter_set_copies_to (AskarovLetter      *self,
                              const char * const *copies_to)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  set_strv_prop (self, &self->copies_to, copies_to, PROP_COPIES_TO);
}

void
askarov_letter_set_case (AskarovLetter    *self,
                         const char       *person,
                         const char       *reference,
                         AskarovCaseStage  stage)
{
  gboolean changed = FALSE;

  g_return_if_fail (ASKAROV_IS_LETTER (self));
  g_return_if_fail (stage <= ASKAROV_CASE_STAGE_POSTHUMOUS);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_str (&self->case_person, person))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_PERSON]);
      changed = TRUE;
    }
  if (g_set_str (&self->case_reference, reference))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_REFERENCE]);
      changed = TRUE;
    }
  if (self->case_stage != stage)
    {
      self->case_stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_STAGE]);
      changed = TRUE;
    }
  if (changed)
    {
      AskarovAsk asks = g_str_equal (case_key (self), "askarov") ? askarov_case_stage_get_asks (stage)
                                                                  : ASKAROV_ASK_NONE;

      if (self->asks != asks)
        {
          self->asks = asks;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASKS]);
        }
      refill_unless_edited (self);
      emit_changed (self);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

AskarovCaseStage
askarov_letter_get_case_stage (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), ASKAROV_CASE_STAGE_DETAINED);

  return self->case_stage;
}

AskarovAsk
askarov_letter_get_asks (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), ASKAROV_ASK_NONE);

  return self->asks;
}

void
askarov_letter_set_asks (AskarovLetter *self,
                         AskarovAsk     asks)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  if (self->asks != asks)
    {
      self->asks = asks;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASKS]);
      emit_changed (self);
    }
}

void
askarov_letter_set_date (AskarovLetter *self,
                         GDateTime     *date)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  if (self->date == date || (self->date != NULL && date != NULL && g_date_time_equal (self->date, date)))
    return;
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  emit_changed (self);
}

void
askarov_letter_set_salutation_override (AskarovLetter *self,
                                        const char    *salutation)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  if (is_empty (salutation))
    salutation = NULL;
  set_text (self, &self->salutation_override, salutation, PROP_SALUTATION_OVERRIDE);
}

guint
askarov_letter_get_n_paragraphs (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), 0);

  return self->paragraphs->len;
}

const char *
askarov_letter_get_paragraph (AskarovLetter *self,
                              guint          index)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);
  g_return_val_if_fail (index < self->paragraphs->len, NULL);

  return g_ptr_array_index (self->paragraphs, index);
}

/* @index may be the number of paragraphs, to append one. */
void
askarov_letter_set_paragraph (AskarovLetter *self,
                              guint          index,
                              const char    *text)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));
  g_return_if_fail (index <= self->paragraphs->len);

  if (index == self->paragraphs->len)
    g_ptr_array_add (self->paragraphs, g_strdup (text != NULL ? text : ""));
  else if (g_strcmp0 (g_ptr_array_index (self->paragraphs, index), text) == 0)
    return;
  else
    {
      g_free (g_ptr_array_index (self->paragraphs, index));
      g_ptr_array_index (self->paragraphs, index) = g_strdup (text != NULL ? text : "");
    }
  self->edited = TRUE;
  emit_changed (self);
}

GStrv
askarov_letter_dup_paragraphs (AskarovLetter *self)
{
  GStrv out;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  out = g_new0 (char *, self->paragraphs->len + 1);
  for (guint i = 0; i < self->paragraphs->len; i++)
    out[i] = g_strdup (g_ptr_array_index (self->paragraphs, i));
  return out;
}

void
askarov_letter_set_paragraphs (AskarovLetter      *self,
                               const char * const *paragraphs)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  g_ptr_array_set_size (self->paragraphs, 0);
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    g_ptr_array_add (self->paragraphs, g_strdup (paragraphs[i]));
  self->edited = TRUE;
  emit_changed (self);
}

void
askarov_letter_reset_paragraphs (AskarovLetter *self)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  fill_paragraphs (self);
  emit_changed (self);
}

char *
askarov_letter_dup_body (AskarovLetter *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      if (i > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, g_ptr_array_index (self->paragraphs, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
askarov_letter_set_body (AskarovLetter *self,
                         const char    *body)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paragraphs = NULL;

  g_return_if_fail (ASKAROV_IS_LETTER (self));

  parts = g_regex_split_simple ("\\r?\\n[ \\t]*\\r?\\n\\s*", body != NULL ? body : "", 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  paragraphs = g_strv_builder_end (builder);
  askarov_letter_set_paragraphs (self, (const char * const *) paragraphs);
}

AskarovSalutation *
askarov_letter_dup_salutation_info (AskarovLetter *self)
{
  AskarovSalutation *s;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  /* Unknown language: the English entry, so a bad draft row still renders. */
  s = askarov_salutation_lookup (self->language, self->role, self->address_form, NULL);
  if (s == NULL)
    s = askarov_salutation_lookup ("en", self->role, self->address_form, NULL);
  return s;
}

char *
askarov_letter_dup_salutation (AskarovLetter *self)
{
  g_autoptr(AskarovSalutation) s = NULL;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  if (self->salutation_override != NULL)
    return g_strdup (self->salutation_override);
  s = askarov_letter_dup_salutation_info (self);
  return s != NULL ? g_strdup (s->salutation) : g_strdup ("");
}

char *
askarov_letter_dup_closing (AskarovLetter *self)
{
  g_autoptr(AskarovSalutation) s = NULL;
  JsonObject *entry;
  const char *pattern;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  s = askarov_letter_dup_salutation_info (self);
  if (s == NULL)
    return g_strdup ("");
  if (self->salutation_override == NULL)
    return g_strdup (s->closing);

  /* A closing that repeats the salutation (French) repeats the one the user chose. */
  entry = askarov_phrasebook_get_object (askarov_phrasebook_get_object (book (self), "roles"),
                                         askarov_role_to_id (self->role));
  pattern = askarov_phrasebook_get_string (entry, "closing");
  if (pattern != NULL && strstr (pattern, "{salutation}") != NULL)
    {
      g_autofree char *bare = g_strchomp (g_strdup (self->salutation_override));
      gsize len = strlen (bare);

      while (len > 0 && strchr (",!:;", bare[len - 1]) != NULL)
        bare[--len] = '\0';
      g_strchomp (bare);
      return askarov_phrasebook_expand (pattern, "salutation", bare, NULL);
    }
  return g_strdup (s->closing);
}

char *
askarov_letter_dup_date_text (AskarovLetter *self)
{
  g_autoptr(GDateTime) now = NULL;
  GDateTime *date;
  g_autofree char *text = NULL;
  const char *place_date;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  date = self->date;
  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  text = askarov_phrasebook_format_date (self->language, date);
  if (text == NULL)
    text = askarov_phrasebook_format_date ("en", date);
  if (text == NULL)
    text = g_date_time_format (date, "%Y-%m-%d");

  place_date = askarov_phrasebook_get_string (book (self), "place-date");
  if (!is_empty (self->sender_city) && place_date != NULL)
    return askarov_phrasebook_expand (place_date, "place", self->sender_city, "date", text, NULL);
  return g_steal_pointer (&text);
}

char *
askarov_letter_dup_sender_block (AskarovLetter *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  if (self->signature == ASKAROV_SIGNATURE_INITIALS_AND_TOWN)
    {
      g_autofree char *initials = make_initials (self->sender_name);

      append_line (out, initials);
      append_line (out, self->sender_city);
      append_line (out, self->sender_country);
    }
  else
    {
      append_line (out, self->sender_name);
      append_line (out, self->sender_address);
      append_line (out, self->sender_city);
      append_line (out, self->sender_country);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
askarov_letter_dup_recipient_block (AskarovLetter *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *title = self->recipient_title;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  /* Without a title, or writing about the Askarov case in another language than
   * the UA's English, the office is named in the letter's language. */
  if (self->role != ASKAROV_ROLE_OFFICIAL || is_empty (title))
    {
      JsonObject *recipients = askarov_phrasebook_get_object (book (self), "recipients");
      const char *local = askarov_phrasebook_get_string (recipients, askarov_role_to_id (self->role));

      if (local != NULL && (is_empty (title)
                            || (g_str_equal (case_key (self), "askarov") && g_strcmp0 (self->language, "en") != 0)))
        title = local;
    }

  append_line (out, self->recipient_name);
  append_line (out, title);
  append_line (out, self->recipient_address);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
askarov_letter_dup_signature_text (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  if (self->signature == ASKAROV_SIGNATURE_INITIALS_AND_TOWN)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *initials = make_initials (self->sender_name);

      append_line (out, initials);
      append_line (out, self->sender_city);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  return g_strdup (self->sender_name != NULL ? self->sender_name : "");
}

char *
askarov_letter_dup_copies_line (AskarovLetter *self)
{
  g_autofree char *joined = NULL;
  const char *pattern;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  if (self->copies_to == NULL || self->copies_to[0] == NULL)
    return NULL;
  pattern = phrase (self, "copies");
  joined = g_strjoinv ("; ", self->copies_to);
  return askarov_phrasebook_expand (pattern != NULL ? pattern : "{copies}", "copies", joined, NULL);
}

char *
askarov_letter_dup_fax_cover (AskarovLetter *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) who = g_string_new (NULL);
  g_autofree char *cover = NULL;
  const char *pattern;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  if (!is_empty (self->recipient_name))
    g_string_append (who, self->recipient_name);
  if (!is_empty (self->recipient_title))
    g_string_append_printf (who, "%s%s", who->len > 0 ? ", " : "", self->recipient_title);
  pattern = phrase (self, "fax-cover");
  cover = askarov_phrasebook_expand (pattern != NULL ? pattern : "{recipient}", "recipient", who->str, NULL);
  g_string_append (out, g_strchomp (cover));
  if (!is_empty (self->recipient_fax))
    {
      const char *fax_pattern = phrase (self, "fax-number");
      g_autofree char *number = askarov_phrasebook_expand (fax_pattern != NULL ? fax_pattern : "{fax}",
                                                           "fax", self->recipient_fax, NULL);

      append_line (out, number);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
askarov_letter_dup_subject (AskarovLetter *self)
{
  JsonNode *node;
  g_autofree char *subject = NULL;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  node = case_member (self, "subjects");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    subject = expand_case (self, json_node_get_string (node));
  else
    subject = g_strdup (self->case_person != NULL ? self->case_person : "");
  if (!is_empty (self->case_reference))
    return g_strdup_printf ("%s (%s)", subject, self->case_reference);
  return g_steal_pointer (&subject);
}

char *
askarov_letter_render_post (AskarovLetter *self)
{
  JsonNode *node;
  g_autofree char *text = NULL;
  const char *handle = "";

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  if (self->recipient_handles != NULL && self->recipient_handles[0] != NULL)
    handle = self->recipient_handles[0];
  node = case_member (self, "posts");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (handle);
  text = askarov_phrasebook_expand (json_node_get_string (node),
                                    "handle", handle,
                                    "person", self->case_person,
                                    "reference", self->case_reference,
                                    NULL);
  g_strstrip (text);
  return trim_to_chars (text, ASKAROV_POST_MAX_CHARS);
}

char *
askarov_letter_render_call (AskarovLetter *self)
{
  JsonNode *node;
  JsonArray *lines;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean named;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  node = case_member (self, "calls");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("");
  lines = json_node_get_array (node);

  /* The first line is the greeting with the caller's name; someone signing with
   * initials for their safety does not say their name on the phone either. */
  named = self->signature == ASKAROV_SIGNATURE_FULL_NAME && !is_empty (self->sender_name);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      g_autofree char *line = NULL;

      if (i == 0 && !named)
        line = g_strdup (phrase (self, "call-greeting-anonymous"));
      else
        line = askarov_phrasebook_expand (json_array_get_string_element (lines, i),
                                          "sender", self->sender_name,
                                          "person", self->case_person,
                                          "reference", self->case_reference,
                                          NULL);
      if (i == 1 && out->len > 0)
        {
          g_string_append_c (out, ' ');
          g_string_append (out, line);
        }
      else
        append_block (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
askarov_letter_render_text (AskarovLetter *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  switch (self->channel)
    {
    case ASKAROV_CHANNEL_POST:
      {
        g_autofree char *post = askarov_letter_render_post (self);

        g_string_append (out, post);
      }
      break;

    case ASKAROV_CHANNEL_CALL:
      {
        g_autofree char *call = askarov_letter_render_call (self);

        g_string_append (out, call);
      }
      break;

    case ASKAROV_CHANNEL_EMAIL:
      append_body (self, out);
      break;

    case ASKAROV_CHANNEL_FAX:
    case ASKAROV_CHANNEL_LETTER:
    default:
      {
        g_autofree char *cover = self->channel == ASKAROV_CHANNEL_FAX ? askarov_letter_dup_fax_cover (self) : NULL;
        g_autofree char *sender = askarov_letter_dup_sender_block (self);
        g_autofree char *recipient = askarov_letter_dup_recipient_block (self);
        g_autofree char *date = askarov_letter_dup_date_text (self);
        g_autofree char *copies = askarov_letter_dup_copies_line (self);

        append_block (out, cover);
        append_block (out, sender);
        append_block (out, recipient);
        append_block (out, date);
        append_body (self, out);
        append_block (out, copies);
      }
      break;
    }
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
askarov_letter_build_mailto (AskarovLetter         *self,
                             gsize                  max_bytes,
                             AskarovMailtoDropped  *dropped,
                             GError               **error)
{
  g_autoptr(GPtrArray) addresses = g_ptr_array_new ();
  g_autofree char *subject = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *uri = NULL;
  AskarovMailtoDropped what = ASKAROV_MAILTO_DROPPED_NONE;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (max_bytes == 0)
    max_bytes = ASKAROV_MAILTO_MAX_BYTES;

  for (guint i = 0; self->recipient_emails != NULL && self->recipient_emails[i] != NULL; i++)
    {
      const char *address = self->recipient_emails[i];

      if (!address_is_valid (address))
        {
          g_autofree char *shown = g_strescape (address, NULL);

          g_set_error (error, ASKAROV_LETTER_ERROR, ASKAROV_LETTER_ERROR_BAD_ADDRESS,
                       /* Translators: %s is an email address as the document gave it */
                       _("The email address “%s” contains spaces or control characters. Correct it before sending."),
                       shown);
          return NULL;
        }
      g_ptr_array_add (addresses, (gpointer) address);
    }

  subject = askarov_letter_dup_subject (self);
  append_body (self, body);

  uri = build_uri (addresses, addresses->len, subject, body->str);
  if (strlen (uri) > max_bytes)
    {
      /* Mail clients cut long mailto: URIs silently; better to leave the body
       * out and let the UI offer to copy it than to send half a letter. */
      what |= ASKAROV_MAILTO_DROPPED_BODY;
      g_free (uri);
      uri = build_uri (addresses, addresses->len, subject, NULL);
    }
  if (strlen (uri) > max_bytes && addresses->len > 1)
    {
      what |= ASKAROV_MAILTO_DROPPED_COPIES;
      g_free (uri);
      uri = build_uri (addresses, 1, subject, NULL);
    }

  if (dropped != NULL)
    *dropped = what;
  return g_steal_pointer (&uri);
}

/* What the recipient will read: the paragraphs, or the post or the phone script. */
static char *
text_for_checks (AskarovLetter *self)
{
  if (self->channel == ASKAROV_CHANNEL_POST)
    return askarov_letter_render_post (self);
  if (self->channel == ASKAROV_CHANNEL_CALL)
    return askarov_letter_render_call (self);
  return askarov_letter_dup_body (self);
}

GPtrArray *
askarov_letter_check_asks (AskarovLetter *self)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func (g_free);
  JsonObject *keywords;
  g_autofree char *body = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), checks);

  keywords = askarov_phrasebook_get_object (book (self), "asks");
  body = text_for_checks (self);
  folded = g_utf8_casefold (body, -1);

  for (guint i = 0; i < G_N_ELEMENTS (ask_info); i++)
    {
      AskarovAskCheck *check;
      JsonArray *list = NULL;

      if ((self->asks & ask_info[i].ask) == 0)
        continue;
      check = g_new0 (AskarovAskCheck, 1);
      check->ask = ask_info[i].ask;
      if (keywords != NULL && json_object_has_member (keywords, ask_info[i].id))
        list = json_object_get_array_member (keywords, ask_info[i].id);
      for (guint j = 0; list != NULL && j < json_array_get_length (list) && !check->covered; j++)
        {
          g_autofree char *keyword = g_utf8_casefold (json_array_get_string_element (list, j), -1);

          check->covered = strstr (folded, keyword) != NULL;
        }
      g_ptr_array_add (checks, check);
    }
  return checks;
}
