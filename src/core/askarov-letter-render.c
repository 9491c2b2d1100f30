/* askarov-letter-render.c — a letter's text: its parts, each channel's rendering, mailto and the asks checklist.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter"

#include "config.h"

#include "askarov-letter.h"

#include <glib/gi18n.h>

#include "askarov-letter-private.h"
#include "askarov-phrasebook-private.h"

/* The built-in template set is the Askarov case's; any other person gets the
 * generic one, which names them. The name is spelled several ways in the
 * documents (Azimjan, Azimzhan, Azimjon; once "Azkarov"). */
const char *
askarov_letter_get_case_key (AskarovLetter *self)
{
  static const char * const spellings[] = { "askarov", "azkarov", "аскаров", "asqarov" };
  g_autofree char *folded = NULL;

  if (askarov_letter_text_is_empty (self->case_person))
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
  const char *key = askarov_letter_get_case_key (self);
  JsonNode *node;

  if (per_case == NULL || !json_object_has_member (per_case, key))
    return NULL;
  node = json_object_get_member (per_case, key);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *stages = json_node_get_object (node);

      if (!json_object_has_member (stages, askarov_case_stage_to_id (self->case_stage)))
        return NULL;
      node = json_object_get_member (stages, askarov_case_stage_to_id (self->case_stage));
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

void
askarov_letter_fill_paragraphs (AskarovLetter *self)
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

/* The recipient's office as the letter names it. Without a title, or writing
 * about the Askarov case in another language than the UA's English, the
 * office is named in the letter's language. */
static const char *
shown_title (AskarovLetter *self)
{
  const char *title = self->recipient_title;
  JsonObject *recipients;
  const char *local;

  if (self->role == ASKAROV_ROLE_OFFICIAL && !askarov_letter_text_is_empty (title))
    return title;
  recipients = askarov_phrasebook_get_object (book (self), "recipients");
  local = askarov_phrasebook_get_string (recipients, askarov_role_to_id (self->role));
  /* Where the office's name changes with the holder's sex: {"man": …, "woman": …};
   * the first is also used when the sex is not known. */
  if (local == NULL)
    {
      JsonObject *forms = askarov_phrasebook_get_object (recipients, askarov_role_to_id (self->role));

      if (self->address_form == ASKAROV_ADDRESS_FORM_WOMAN)
        local = askarov_phrasebook_get_string (forms, "woman");
      if (local == NULL)
        local = askarov_phrasebook_get_string (forms, "man");
    }
  if (local != NULL && (askarov_letter_text_is_empty (title)
                        || (g_str_equal (askarov_letter_get_case_key (self), "askarov")
                            && g_strcmp0 (self->language, "en") != 0)))
    return local;
  return title;
}

/* "Anna Maria Petrova" -> "A. M. P."; initials-and-town signing protects writers
 * who fear reprisals against themselves or family in the country written to. */
static char *
make_initials (const char *name)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (askarov_letter_text_is_empty (name))
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
  if (askarov_letter_text_is_empty (block))
    return;
  if (out->len > 0)
    g_string_append (out, "\n\n");
  g_string_append (out, block);
}

static void
append_line (GString    *out,
             const char *line)
{
  if (askarov_letter_text_is_empty (line))
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
  if (askarov_letter_text_is_empty (address) || !g_utf8_validate (address, -1, NULL))
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
  if (!askarov_letter_text_is_empty (subject))
    {
      g_autofree char *escaped = g_uri_escape_string (subject, NULL, FALSE);

      g_string_append_printf (uri, "%csubject=%s", sep, escaped);
      sep = '&';
    }
  if (!askarov_letter_text_is_empty (body))
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
  if (!askarov_letter_text_is_empty (self->sender_city) && place_date != NULL)
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

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  append_line (out, self->recipient_name);
  append_line (out, shown_title (self));
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

  if (!askarov_letter_text_is_empty (self->recipient_name))
    g_string_append (who, self->recipient_name);
  if (!askarov_letter_text_is_empty (self->recipient_title))
    g_string_append_printf (who, "%s%s", who->len > 0 ? ", " : "", self->recipient_title);
  /* Without either, the office the letter is addressed to. */
  if (who->len == 0 && shown_title (self) != NULL)
    g_string_append (who, shown_title (self));
  pattern = phrase (self, "fax-cover");
  cover = askarov_phrasebook_expand (pattern != NULL ? pattern : "{recipient}", "recipient", who->str, NULL);
  g_string_append (out, g_strchomp (cover));
  if (!askarov_letter_text_is_empty (self->recipient_fax))
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
  if (!askarov_letter_text_is_empty (self->case_reference))
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
  named = self->signature == ASKAROV_SIGNATURE_FULL_NAME && !askarov_letter_text_is_empty (self->sender_name);
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

  for (AskarovAsk ask = ASKAROV_ASK_RELEASE; ask <= ASKAROV_ASK_ACCOUNTABILITY; ask <<= 1)
    {
      AskarovAskCheck *check;
      JsonArray *list = NULL;
      const char *id = askarov_ask_to_id (ask);

      if ((self->asks & ask) == 0)
        continue;
      check = g_new0 (AskarovAskCheck, 1);
      check->ask = ask;
      if (keywords != NULL && json_object_has_member (keywords, id))
        list = json_object_get_array_member (keywords, id);
      for (guint j = 0; list != NULL && j < json_array_get_length (list) && !check->covered; j++)
        {
          g_autofree char *keyword = g_utf8_casefold (json_array_get_string_element (list, j), -1);

          check->covered = strstr (folded, keyword) != NULL;
        }
      g_ptr_array_add (checks, check);
    }
  return checks;
}
