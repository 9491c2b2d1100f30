/* askarov-letter.c — one appeal letter: who writes to whom, in which language, and its paragraphs.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter"

#include "config.h"

#include "askarov-letter.h"

#include "askarov-extractor-honorifics.h"
#include "askarov-letter-private.h"
#include "askarov-names.h"

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
  PROP_RECIPIENT_NAME_LOCAL,
  PROP_RECIPIENT_TITLE,
  PROP_RECIPIENT_ADDRESS,
  PROP_RECIPIENT_EMAILS,
  PROP_RECIPIENT_FAX,
  PROP_RECIPIENT_HANDLES,
  PROP_COPIES_TO,
  PROP_LETTER_CASE,
  PROP_DATE,
  PROP_SALUTATION_OVERRIDE,
  PROP_SALUTATION_STYLE,
  N_PROPS
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (AskarovLetter *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
refill_unless_edited (AskarovLetter *self)
{
  if (!self->edited)
    askarov_letter_fill_paragraphs (self);
}

/* NULL and an empty list are the same list. */
static gboolean
set_strv (GStrv              *field,
          const char * const *value)
{
  static const char * const empty[] = { NULL };
  const char * const *old = *field != NULL ? (const char * const *) *field : empty;

  if (g_strv_equal (old, value != NULL ? value : empty))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
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
  g_free (self->recipient_name_local);
  g_free (self->recipient_title);
  g_free (self->recipient_address);
  g_strfreev (self->recipient_emails);
  g_free (self->recipient_fax);
  g_strfreev (self->recipient_handles);
  g_strfreev (self->copies_to);
  g_clear_pointer (&self->copy_targets, g_ptr_array_unref);
  g_clear_pointer (&self->letter_case, askarov_letter_case_unref);
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
    case PROP_RECIPIENT_NAME_LOCAL: g_value_set_string (value, self->recipient_name_local); break;
    case PROP_RECIPIENT_TITLE: g_value_set_string (value, self->recipient_title); break;
    case PROP_RECIPIENT_ADDRESS: g_value_set_string (value, self->recipient_address); break;
    case PROP_RECIPIENT_EMAILS: g_value_set_boxed (value, self->recipient_emails); break;
    case PROP_RECIPIENT_FAX: g_value_set_string (value, self->recipient_fax); break;
    case PROP_RECIPIENT_HANDLES: g_value_set_boxed (value, self->recipient_handles); break;
    case PROP_COPIES_TO: g_value_set_boxed (value, self->copies_to); break;
    case PROP_LETTER_CASE: g_value_set_boxed (value, self->letter_case); break;
    case PROP_DATE: g_value_set_boxed (value, self->date); break;
    case PROP_SALUTATION_OVERRIDE: g_value_set_string (value, self->salutation_override); break;
    case PROP_SALUTATION_STYLE: g_value_set_enum (value, self->salutation_style); break;
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

/* Another official: the spelling confirmed for the last one does not carry over. */
static void
set_recipient_name (AskarovLetter *self,
                    const char    *name)
{
  if (g_strcmp0 (self->recipient_name, name) == 0)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->recipient_name_local != NULL)
    {
      g_clear_pointer (&self->recipient_name_local, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECIPIENT_NAME_LOCAL]);
    }
  set_text (self, &self->recipient_name, name, PROP_RECIPIENT_NAME);
  g_object_thaw_notify (G_OBJECT (self));
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
    case PROP_RECIPIENT_NAME: set_recipient_name (self, g_value_get_string (value)); break;
    case PROP_RECIPIENT_NAME_LOCAL: askarov_letter_set_recipient_name_local (self, g_value_get_string (value)); break;
    case PROP_RECIPIENT_TITLE: set_text (self, &self->recipient_title, g_value_get_string (value), prop_id); break;
    case PROP_RECIPIENT_ADDRESS: set_text (self, &self->recipient_address, g_value_get_string (value), prop_id); break;
    case PROP_RECIPIENT_EMAILS: set_strv_prop (self, &self->recipient_emails, g_value_get_boxed (value), prop_id); break;
    case PROP_RECIPIENT_FAX: set_text (self, &self->recipient_fax, g_value_get_string (value), prop_id); break;
    case PROP_RECIPIENT_HANDLES: set_strv_prop (self, &self->recipient_handles, g_value_get_boxed (value), prop_id); break;
    case PROP_COPIES_TO: askarov_letter_set_copies_to (self, g_value_get_boxed (value)); break;
    case PROP_LETTER_CASE: askarov_letter_set_letter_case (self, g_value_get_boxed (value)); break;
    case PROP_DATE: askarov_letter_set_date (self, g_value_get_boxed (value)); break;
    case PROP_SALUTATION_OVERRIDE: askarov_letter_set_salutation_override (self, g_value_get_string (value)); break;
    case PROP_SALUTATION_STYLE: askarov_letter_set_salutation_style (self, g_value_get_enum (value)); break;
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
  properties[PROP_RECIPIENT_NAME_LOCAL] = string_param ("recipient-name-local");
  properties[PROP_RECIPIENT_TITLE] = string_param ("recipient-title");
  properties[PROP_RECIPIENT_ADDRESS] = string_param ("recipient-address");
  properties[PROP_RECIPIENT_EMAILS] = strv_param ("recipient-emails");
  properties[PROP_RECIPIENT_FAX] = string_param ("recipient-fax");
  properties[PROP_RECIPIENT_HANDLES] = strv_param ("recipient-handles");
  properties[PROP_COPIES_TO] = strv_param ("copies-to");
  properties[PROP_LETTER_CASE] = g_param_spec_boxed ("letter-case", NULL, NULL, ASKAROV_TYPE_LETTER_CASE,
                                                     G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SALUTATION_OVERRIDE] = string_param ("salutation-override");
  properties[PROP_SALUTATION_STYLE] = enum_param ("salutation-style", ASKAROV_TYPE_SALUTATION_STYLE,
                                                  ASKAROV_SALUTATION_STYLE_TITLE);
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
  self->ua_address_form = ASKAROV_ADDRESS_FORM_UNKNOWN;
  self->salutation_style = ASKAROV_SALUTATION_STYLE_TITLE;
  self->channel = ASKAROV_CHANNEL_LETTER;
  self->signature = ASKAROV_SIGNATURE_FULL_NAME;
  self->paragraphs = g_ptr_array_new_with_free_func (g_free);
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
  askarov_letter_fill_paragraphs (self);
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
  copy->ua_address_form = self->ua_address_form;
  copy->salutation_style = self->salutation_style;
  copy->channel = self->channel;
  copy->signature = self->signature;
  copy->sender_name = g_strdup (self->sender_name);
  copy->sender_address = g_strdup (self->sender_address);
  copy->sender_city = g_strdup (self->sender_city);
  copy->sender_country = g_strdup (self->sender_country);
  copy->recipient_name = g_strdup (self->recipient_name);
  copy->recipient_name_local = g_strdup (self->recipient_name_local);
  copy->recipient_title = g_strdup (self->recipient_title);
  copy->recipient_address = g_strdup (self->recipient_address);
  copy->recipient_emails = g_strdupv (self->recipient_emails);
  copy->recipient_fax = g_strdup (self->recipient_fax);
  copy->recipient_handles = g_strdupv (self->recipient_handles);
  copy->copies_to = g_strdupv (self->copies_to);
  if (self->copy_targets != NULL)
    {
      copy->copy_targets = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_target_free);
      for (guint i = 0; i < self->copy_targets->len; i++)
        g_ptr_array_add (copy->copy_targets, askarov_target_copy (g_ptr_array_index (self->copy_targets, i)));
    }
  copy->letter_case = self->letter_case != NULL ? askarov_letter_case_ref (self->letter_case) : NULL;
  copy->date = self->date != NULL ? g_date_time_ref (self->date) : NULL;
  copy->salutation_override = g_strdup (self->salutation_override);
  for (guint i = 0; i < self->paragraphs->len; i++)
    g_ptr_array_add (copy->paragraphs, g_strdup (g_ptr_array_index (self->paragraphs, i)));
  copy->edited = self->edited;
  return copy;
}

AskarovAddressForm
askarov_letter_form_from_target (const AskarovTarget *official)
{
  AskarovAddressForm form = ASKAROV_ADDRESS_FORM_UNKNOWN;

  if (official == NULL)
    return form;
  /* The extractor's reading of honorifics and pronouns, else the salutation
   * the UA gives (facts saved before the extractor read it). */
  if (!askarov_address_form_from_id (official->address_form, &form))
    askarov_address_form_from_id (extract_form_from_salutation (official->salutation), &form);
  /* Else a patronymic in the name the UA gives ("Bolot Isakovich Otunbaev",
   * "Roza Isakovna"): it tells the form surely; a surname alone does not. */
  if (form == ASKAROV_ADDRESS_FORM_UNKNOWN && official->name != NULL && g_utf8_validate (official->name, -1, NULL))
    {
      g_auto(GStrv) words = g_strsplit_set (official->name, " \t", -1);

      for (guint i = 1; words[i] != NULL && form == ASKAROV_ADDRESS_FORM_UNKNOWN; i++)
        if (askarov_names_is_patronymic (words[i]))
          form = askarov_names_guess_form (words[i]);
    }
  return form;
}

AskarovLetter *
askarov_letter_new_for_case (AskarovLetterCase    *letter_case,
                             const AskarovTarget  *official,
                             const char           *language,
                             AskarovChannel        channel,
                             GDateTime            *date,
                             GError              **error)
{
  g_autoptr(AskarovLetter) self = NULL;
  g_autoptr(GStrvBuilder) copies = g_strv_builder_new ();
  g_auto(GStrv) copies_to = NULL;
  g_autoptr(GPtrArray) copy_targets = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_target_free);
  g_auto(GStrv) handles = NULL;

  g_return_val_if_fail (letter_case != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (askarov_letter_case_get_kind (letter_case) == ASKAROV_LETTER_KIND_NONE)
    {
      g_autofree char *reason = askarov_letter_case_dup_reason (letter_case);

      g_set_error_literal (error, ASKAROV_LETTER_ERROR, ASKAROV_LETTER_ERROR_NO_LETTER, reason);
      return NULL;
    }

  self = g_object_new (ASKAROV_TYPE_LETTER, NULL);
  g_set_str (&self->language, language != NULL ? language : "en");
  self->role = askarov_role_detect (official != NULL ? official->title : NULL);
  self->ua_address_form = askarov_letter_form_from_target (official);
  self->address_form = self->ua_address_form;
  self->channel = channel < ASKAROV_N_LETTER_CHANNELS ? channel : ASKAROV_CHANNEL_LETTER;
  self->date = date != NULL ? g_date_time_ref (date) : NULL;
  self->letter_case = askarov_letter_case_ref (letter_case);

  if (official != NULL)
    {
      g_autofree char *address = g_strjoinv ("\n", official->address);

      handles = askarov_letter_handles_from_social ((const char * const *) official->social);
      self->recipient_name = g_strdup (official->name);
      self->recipient_title = g_strdup (official->title);
      self->recipient_address = *address != '\0' ? g_steal_pointer (&address) : NULL;
      self->recipient_emails = g_strdupv (official->email);
      self->recipient_fax = g_strdup (official->fax);
      self->recipient_handles = g_steal_pointer (&handles);
    }
  for (guint i = 0; i < letter_case->targets->len; i++)
    {
      const AskarovTarget *t = g_ptr_array_index (letter_case->targets, i);

      if (t->copy && (official == NULL || g_strcmp0 (t->name, official->name) != 0
                      || g_strcmp0 (t->title, official->title) != 0))
        {
          g_autofree char *who = askarov_letter_describe_target (t->name, t->title);

          if (*who != '\0')
            {
              g_strv_builder_add (copies, who);
              g_ptr_array_add (copy_targets, askarov_target_copy (t));
            }
        }
    }
  copies_to = g_strv_builder_end (copies);
  if (copies_to[0] != NULL)
    {
      self->copies_to = g_steal_pointer (&copies_to);
      self->copy_targets = g_steal_pointer (&copy_targets);
    }
  askarov_letter_fill_paragraphs (self);
  return g_steal_pointer (&self);
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
      /* A spelling confirmed for another script ("Жээнбеков") is no name for this one. */
      if (self->recipient_name_local != NULL && !askarov_names_is_in_script (self->recipient_name_local, language))
        {
          g_clear_pointer (&self->recipient_name_local, g_free);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECIPIENT_NAME_LOCAL]);
        }
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

AskarovAddressForm
askarov_letter_get_ua_address_form (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), ASKAROV_ADDRESS_FORM_UNKNOWN);

  return self->ua_address_form;
}

AskarovSalutationStyle
askarov_letter_get_salutation_style (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), ASKAROV_SALUTATION_STYLE_TITLE);

  return self->salutation_style;
}

void
askarov_letter_set_salutation_style (AskarovLetter          *self,
                                     AskarovSalutationStyle  style)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));
  g_return_if_fail (style <= ASKAROV_SALUTATION_STYLE_NAME);

  if (self->salutation_style != style)
    {
      self->salutation_style = style;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SALUTATION_STYLE]);
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
  g_return_if_fail (channel < ASKAROV_N_LETTER_CHANNELS);

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

  /* Copies given as text are shown as given. */
  if (set_strv (&self->copies_to, copies_to))
    {
      g_clear_pointer (&self->copy_targets, g_ptr_array_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COPIES_TO]);
      emit_changed (self);
    }
}

/**
 * askarov_letter_get_recipient_name_local:
 *
 * Returns: (nullable): the name as the user confirmed it in the letter's
 * script, or NULL while the letter derives it (askarov_letter_dup_recipient_name_local()).
 */
const char *
askarov_letter_get_recipient_name_local (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  return self->recipient_name_local;
}

void
askarov_letter_set_recipient_name_local (AskarovLetter *self,
                                         const char    *name)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  if (name != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (name));

      set_text (self, &self->recipient_name_local, *stripped != '\0' ? stripped : NULL, PROP_RECIPIENT_NAME_LOCAL);
      return;
    }
  set_text (self, &self->recipient_name_local, NULL, PROP_RECIPIENT_NAME_LOCAL);
}

char *
askarov_letter_dup_recipient_name_local (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  if (self->recipient_name_local != NULL)
    return g_strdup (self->recipient_name_local);
  if (askarov_letter_text_is_empty (self->recipient_name))
    return NULL;
  return askarov_names_to_script (self->recipient_name, self->language);
}

gboolean
askarov_letter_get_name_needs_check (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), FALSE);

  return self->recipient_name_local == NULL && !askarov_letter_text_is_empty (self->recipient_name)
         && !askarov_names_is_in_script (self->recipient_name, self->language);
}

void
askarov_letter_set_letter_case (AskarovLetter     *self,
                                AskarovLetterCase *letter_case)
{
  g_return_if_fail (ASKAROV_IS_LETTER (self));

  if (self->letter_case == letter_case)
    return;
  g_clear_pointer (&self->letter_case, askarov_letter_case_unref);
  self->letter_case = letter_case != NULL ? askarov_letter_case_ref (letter_case) : NULL;
  refill_unless_edited (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LETTER_CASE]);
  emit_changed (self);
}

/**
 * askarov_letter_get_letter_case:
 *
 * Returns: (transfer none) (nullable): the case the letter is about.
 */
AskarovLetterCase *
askarov_letter_get_letter_case (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  return self->letter_case;
}

AskarovLetterKind
askarov_letter_get_kind (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), ASKAROV_LETTER_KIND_APPEAL);

  return self->letter_case != NULL ? askarov_letter_case_get_kind (self->letter_case) : ASKAROV_LETTER_KIND_APPEAL;
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

  if (askarov_letter_text_is_empty (salutation))
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

  askarov_letter_fill_paragraphs (self);
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

