/* askarov-letter-render.c — a letter's text: its parts, each channel's rendering, mailto and the asks checklist.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter"

#include "config.h"

#include "askarov-letter.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "askarov-letter-private.h"
#include "askarov-names.h"
#include "askarov-phrasebook-private.h"
#include "askarov-recipient.h"
#include "askarov-requests.h"

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

static JsonObject *
letter_data (AskarovLetter *self)
{
  return askarov_phrasebook_get_object (book (self), "letter");
}

/* A frame of the "letter" object by path ("opening", "detained"), or NULL. */
static const char *
frame (AskarovLetter *self,
       const char    *group,
       const char    *key)
{
  JsonObject *object = askarov_phrasebook_get_object (letter_data (self), group);

  return key != NULL ? askarov_phrasebook_get_string (object, key)
                     : askarov_phrasebook_get_string (letter_data (self), group);
}

/* Fills {key} placeholders from @values; a "[…]" segment is left out whole
 * when a placeholder in it has no value (" in {country}" without a country). */
static char *
expand_frame (const char *pattern,
              GHashTable *values)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) segment = NULL;
  gboolean segment_empty = FALSE;

  for (const char *p = pattern != NULL ? pattern : ""; *p != '\0'; p++)
    {
      GString *target = segment != NULL ? segment : out;

      if (*p == '[' && segment == NULL)
        {
          segment = g_string_new (NULL);
          segment_empty = FALSE;
        }
      else if (*p == ']' && segment != NULL)
        {
          if (!segment_empty)
            g_string_append (out, segment->str);
          g_string_free (g_steal_pointer (&segment), TRUE);
        }
      else if (*p == '{' && strchr (p, '}') != NULL)
        {
          const char *end = strchr (p, '}');
          g_autofree char *key = g_strndup (p + 1, end - p - 1);
          const char *value = g_hash_table_lookup (values, key);

          if (value == NULL || *value == '\0')
            segment_empty = TRUE;
          else
            g_string_append (target, value);
          p = end;
        }
      else
        g_string_append_c (target, *p);
    }
  if (segment != NULL)
    g_string_append (out, segment->str);
  /* A value that ends a sentence itself ("25 июля 2020 г.") before the frame's full stop. */
  g_string_replace (out, "..", ".", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the frames may name: persons, country, date, reference, sender, handle. */
static GHashTable *
frame_values (AskarovLetter *self)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  AskarovLetterCase *c = self->letter_case;

  if (c == NULL)
    return values;
  g_hash_table_insert (values, "persons", askarov_letter_case_dup_persons (c, self->language));
  if (c->country != NULL)
    {
      const char *in = askarov_phrasebook_get_string (askarov_phrasebook_get_object (book (self), "countries"),
                                                      c->country);

      if (in != NULL)
        g_hash_table_insert (values, "in_country", g_strdup (in));
    }
  if (c->state_date != NULL)
    {
      int y = 0, m = 0, d = 0;

      if (sscanf (c->state_date, "%d-%d-%d", &y, &m, &d) == 3)
        {
          g_autoptr(GDateTime) when = g_date_time_new_local (y, m, d, 12, 0, 0);

          if (when != NULL)
            g_hash_table_insert (values, "date", askarov_phrasebook_format_date (self->language, when));
        }
    }
  if (c->reference != NULL)
    g_hash_table_insert (values, "reference", g_strdup (c->reference));
  return values;
}

/* "man", "woman", "other" for one person (from the pronouns), "many" for several. */
static const char *
number_form (AskarovLetterCase *c)
{
  guint n = g_strv_length (c->persons);
  const char *pronoun;

  if (n > 1)
    return "many";
  pronoun = c->pronouns != NULL && g_strv_length (c->pronouns) > 0 ? c->pronouns[0] : "";
  if (g_str_has_prefix (pronoun, "he/"))
    return "man";
  if (g_str_has_prefix (pronoun, "she/"))
    return "woman";
  return "other";
}

static const char * const detained_requests[] = {
  "release", "drop-charges", "quash-conviction", "fair-trial", "no-torture", "investigate-torture",
  "medical-care", "lawyer-access", "family-access", "humane-conditions", "release-health-grounds", NULL
};

/* One request (or unknown ask) of the letter, in the UA's order. */
typedef struct
{
  char     *request;   /* bank id, or NULL */
  char     *ask;       /* the UA's words, or NULL for a request the state adds */
} LetterAsk;

static void
letter_ask_free (gpointer data)
{
  LetterAsk *ask = data;

  g_free (ask->request);
  g_free (ask->ask);
  g_free (ask);
}

static void
add_request (GPtrArray  *asks,
             const char *request,
             const char *text)
{
  LetterAsk *ask;

  for (guint i = 0; request != NULL && i < asks->len; i++)
    if (g_strcmp0 (((LetterAsk *) g_ptr_array_index (asks, i))->request, request) == 0)
      return;
  ask = g_new0 (LetterAsk, 1);
  ask->request = g_strdup (request);
  ask->ask = g_strdup (text);
  g_ptr_array_add (asks, ask);
}

/* What the letter asks for: the UA's asks, classified, for an open case; what
 * the outcome calls for otherwise. */
static GPtrArray *
letter_asks (AskarovLetter *self)
{
  GPtrArray *asks = g_ptr_array_new_with_free_func (letter_ask_free);
  AskarovLetterCase *c = self->letter_case;
  static const char * const after_death[] = { "investigate-death", "accountability", "clear-name", NULL };
  static const char * const thanks[] = { "protect-from-reprisals", NULL };

  if (c == NULL)
    return asks;
  switch (askarov_letter_case_get_kind (c))
    {
    case ASKAROV_LETTER_KIND_APPEAL:
      for (guint i = 0; c->asks[i] != NULL; i++)
        {
          /* One ask may make several requests ("release him and drop the charges"). */
          g_auto(GStrv) ids = askarov_request_classify_all (c->asks[i], c->asks_language);

          if (ids[0] == NULL)
            add_request (asks, NULL, c->asks[i]);
          for (guint j = 0; ids[j] != NULL; j++)
            add_request (asks, ids[j], c->asks[i]);
        }
      break;
    case ASKAROV_LETTER_KIND_AFTER_DEATH:
      for (guint i = 0; after_death[i] != NULL; i++)
        add_request (asks, after_death[i], NULL);
      /* What the outcome itself asks, where the bank knows it; a release it cannot ask. */
      for (guint i = 0; c->outcome_asks[i] != NULL; i++)
        {
          g_auto(GStrv) ids = askarov_request_classify_all (c->outcome_asks[i], c->asks_language);

          for (guint j = 0; ids[j] != NULL; j++)
            if (!g_strv_contains (detained_requests, ids[j]))
              add_request (asks, ids[j], c->outcome_asks[i]);
        }
      break;
    case ASKAROV_LETTER_KIND_THANKS:
      for (guint i = 0; thanks[i] != NULL; i++)
        add_request (asks, thanks[i], NULL);
      break;
    case ASKAROV_LETTER_KIND_NONE:
    default:
      break;
    }
  return asks;
}

/* The situation the opening describes, from the state and what the UA asks. */
static const char *
situation (AskarovLetter *self,
           GPtrArray     *asks)
{
  gboolean detained = FALSE;

  switch (askarov_letter_get_kind (self))
    {
    case ASKAROV_LETTER_KIND_AFTER_DEATH:
      return "died";
    case ASKAROV_LETTER_KIND_THANKS:
      return "thanks";
    default:
      break;
    }
  for (guint i = 0; i < asks->len; i++)
    {
      const char *id = ((LetterAsk *) g_ptr_array_index (asks, i))->request;

      if (g_strcmp0 (id, "halt-execution") == 0)
        return "death-sentence";
      if (g_strcmp0 (id, "disclose-whereabouts") == 0 || g_strcmp0 (id, "end-disappearance") == 0)
        return "disappeared";
      if (id != NULL && g_strv_contains (detained_requests, id))
        detained = TRUE;
    }
  return detained ? "detained" : "at-risk";
}

static char *
opening_sentence (AskarovLetter *self,
                  GPtrArray     *asks)
{
  g_autoptr(GHashTable) values = frame_values (self);
  JsonObject *frames;
  const char *pattern = NULL;

  if (self->letter_case == NULL || self->letter_case->persons[0] == NULL)
    return g_strdup (frame (self, "opening-no-person", NULL));
  frames = askarov_phrasebook_get_object (askarov_phrasebook_get_object (letter_data (self), "opening"),
                                          situation (self, asks));
  pattern = askarov_phrasebook_get_string (frames, number_form (self->letter_case));
  if (pattern == NULL)
    pattern = askarov_phrasebook_get_string (frames, "other");
  return expand_frame (pattern, values);
}

/* The request's sentence for this letter, or NULL when the official cannot grant it. */
static char *
request_text (AskarovLetter *self,
              const char    *request)
{
  g_autofree char *persons = NULL;

  if (request == NULL || !askarov_request_fits_role (request, self->role))
    return NULL;
  persons = self->letter_case != NULL ? askarov_letter_case_dup_persons (self->letter_case, self->language)
                                      : g_strdup ("");
  return askarov_request_dup_text (request, self->language, self->role, persons);
}

/* An ask as a list gives it ("release him;") as a sentence: capital first, full stop last. */
static char *
ask_as_sentence (const char *ask)
{
  g_autofree char *text = g_strstrip (g_strdup (ask));
  g_autoptr(GString) out = g_string_new (NULL);
  gsize len;

  while ((len = strlen (text)) > 0 && strchr (";,:-", text[len - 1]) != NULL)
    text[len - 1] = '\0';
  g_strchomp (text);
  if (*text == '\0')
    return g_strdup ("");
  g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (text)));
  g_string_append (out, g_utf8_next_char (text));
  if (strchr (".!?…", out->str[out->len - 1]) == NULL && !g_str_has_suffix (out->str, "…"))
    g_string_append_c (out, '.');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *kind_key (AskarovLetter *self);

/* The case's own background for this kind of letter, in the letter's
 * language, with its placeholders filled; NULL when the case has none. */
static char *
background_paragraph (AskarovLetter *self)
{
  g_autoptr(GHashTable) values = NULL;
  const char *pattern;

  if (self->letter_case == NULL)
    return NULL;
  pattern = askarov_letter_case_get_background (self->letter_case, kind_key (self), self->language);
  if (pattern == NULL)
    return NULL;
  values = frame_values (self);
  return expand_frame (pattern, values);
}

/* A post or a call script is too short for the case's history: they leave it out. */
static gboolean
is_background (AskarovLetter *self,
               const char    *paragraph)
{
  g_autofree char *background = background_paragraph (self);

  return background != NULL && paragraph != NULL && g_strcmp0 (background, paragraph) == 0;
}

void
askarov_letter_fill_paragraphs (AskarovLetter *self)
{
  g_autoptr(GPtrArray) asks = letter_asks (self);
  g_autoptr(GString) requests = g_string_new (NULL);
  g_autoptr(GString) unknown = g_string_new (NULL);
  g_autofree char *opening = opening_sentence (self, asks);
  g_autofree char *background = background_paragraph (self);
  const char *closing = NULL;

  g_ptr_array_set_size (self->paragraphs, 0);
  if (opening != NULL)
    g_ptr_array_add (self->paragraphs, g_steal_pointer (&opening));
  if (background != NULL)
    g_ptr_array_add (self->paragraphs, g_steal_pointer (&background));
  for (guint i = 0; i < asks->len; i++)
    {
      LetterAsk *ask = g_ptr_array_index (asks, i);
      g_autofree char *text = request_text (self, ask->request);

      if (text != NULL)
        g_string_append_printf (requests, "%s%s", requests->len > 0 ? " " : "", text);
      else if (ask->request == NULL && ask->ask != NULL)
        {
          /* No request in the bank fits: the UA's own words, for the volunteer to rewrite. */
          g_autofree char *sentence = ask_as_sentence (ask->ask);

          g_string_append_printf (unknown, "%s%s", unknown->len > 0 ? " " : "", sentence);
        }
    }
  if (requests->len == 0 && self->letter_case != NULL)
    {
      g_autoptr(GHashTable) values = frame_values (self);
      g_autofree char *fallback = expand_frame (frame (self, "fallback-ask", NULL), values);

      g_string_append (requests, fallback);
    }
  if (requests->len > 0)
    g_ptr_array_add (self->paragraphs, g_strdup (requests->str));
  if (unknown->len > 0)
    g_ptr_array_add (self->paragraphs, g_strdup (unknown->str));
  switch (askarov_letter_get_kind (self))
    {
    case ASKAROV_LETTER_KIND_AFTER_DEATH: closing = frame (self, "closing", "after-death"); break;
    case ASKAROV_LETTER_KIND_THANKS: closing = frame (self, "closing", "thanks"); break;
    default: closing = frame (self, "closing", "appeal"); break;
    }
  if (closing != NULL)
    g_ptr_array_add (self->paragraphs, g_strdup (closing));
  self->edited = FALSE;
}

/* Whether the title reads as written in the letter's language: in its
 * script and words, and (with a case) the Urgent Action that gave it is in
 * that language too. */
static gboolean
title_in_letter_language (AskarovLetter *self,
                          const char    *title)
{
  if (!askarov_recipient_title_in_language (title, self->language))
    return FALSE;
  if (self->letter_case != NULL && self->letter_case->asks_language != NULL)
    return g_strcmp0 (self->letter_case->asks_language, self->language) == 0;
  return TRUE;
}

/* Whether the block names the office as the phrasebook does rather than
 * keeping the typed title. The phrasebook's offices are the Kyrgyz
 * Republic's: never for another country's official. A title is replaced only
 * when it names that very office (askarov_recipient_title_is_office()) and
 * the letter needs the phrasebook's wording: a language that puts the title
 * first declines it ("Президенту …"), and a title in another language
 * than the letter's is translated; "Minister of Justice" is never the
 * Interior minister, and an ambassador keeps the host country. */
static gboolean
uses_office (AskarovLetter *self,
             const char    *name,
             const char    *title,
             AskarovRole    role)
{
  gboolean kyrgyz = self->letter_case == NULL || g_strcmp0 (self->letter_case->country, "KG") == 0
                    || (self->letter_case->country == NULL && askarov_recipient_title_names_country (title));
  const char *order;

  if (!kyrgyz)
    return FALSE;
  /* Without a title, the office; but a named official's office is unknown. */
  if (askarov_letter_text_is_empty (title))
    return role != ASKAROV_ROLE_OFFICIAL || askarov_letter_text_is_empty (name);
  if (!askarov_recipient_title_is_office (title, role))
    return FALSE;
  order = askarov_phrasebook_get_string (askarov_phrasebook_get_object (book (self), "recipient-block"), "order");
  if (order != NULL && g_str_has_prefix (order, "title-name"))
    return TRUE;
  return !title_in_letter_language (self, title);
}

/* The letter's recipient as askarov-recipient needs it; @name_out owns the name. */
static void
fill_recipient (AskarovLetter    *self,
                AskarovRecipient *r,
                char            **name_out)
{
  *name_out = askarov_letter_dup_recipient_name_local (self);
  r->language = askarov_phrasebook_get_book (self->language) != NULL ? self->language : "en";
  r->role = self->role;
  r->form = self->address_form;
  r->name = *name_out;
  r->title = self->recipient_title;
  r->use_office = uses_office (self, self->recipient_name, self->recipient_title, self->role);
  r->address = self->recipient_address;
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

/* The title the office is read from: the one typed or given by the UA, else
 * (for the Kyrgyz offices the phrasebook names) the phrasebook's. */
static const char *
office_title (AskarovLetter *self)
{
  JsonObject *recipients;
  JsonObject *forms;
  const char *local;

  if (!askarov_letter_text_is_empty (self->recipient_title))
    return self->recipient_title;
  if (self->letter_case != NULL && g_strcmp0 (self->letter_case->country, "KG") != 0)
    return NULL;
  recipients = askarov_phrasebook_get_object (book (self), "recipients");
  local = askarov_phrasebook_get_string (recipients, askarov_role_to_id (self->role));
  if (local != NULL)
    return local;
  forms = askarov_phrasebook_get_object (recipients, askarov_role_to_id (self->role));
  return askarov_phrasebook_get_string (forms, self->address_form == ASKAROV_ADDRESS_FORM_WOMAN ? "woman" : "man");
}

AskarovSalutation *
askarov_letter_dup_name_salutation (AskarovLetter *self)
{
  g_autofree char *name = NULL;
  const char *office;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  /* The name as the letter writes it: the confirmed spelling, else the
   * transliteration ("Bolot Isakovich …" -> "Болот Исакович …"). */
  name = askarov_letter_dup_recipient_name_local (self);
  office = askarov_salutation_detect_office (self->language, self->role, office_title (self));
  return askarov_salutation_lookup_by_name (self->language, self->role, office, name);
}

AskarovSalutation *
askarov_letter_dup_salutation_info (AskarovLetter *self)
{
  AskarovSalutation *s = NULL;
  const char *office;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  if (self->salutation_style == ASKAROV_SALUTATION_STYLE_NAME)
    s = askarov_letter_dup_name_salutation (self);
  if (s != NULL)
    {
      s->form = self->address_form;
      return s;
    }
  office = askarov_salutation_detect_office (self->language, self->role, office_title (self));
  s = askarov_salutation_lookup_office (self->language, self->role, office, self->address_form, NULL);
  /* Unknown language: the English entry, so a bad draft row still renders. */
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

  AskarovRecipient r = { 0 };
  g_autofree char *name = NULL;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  fill_recipient (self, &r, &name);
  return askarov_recipient_dup_block (&r);
}

gboolean
askarov_letter_get_title_needs_translation (AskarovLetter *self)
{
  g_return_val_if_fail (ASKAROV_IS_LETTER (self), FALSE);

  if (askarov_letter_text_is_empty (self->recipient_title)
      || uses_office (self, self->recipient_name, self->recipient_title, self->role))
    return FALSE;
  return !title_in_letter_language (self, self->recipient_title);
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
  if (self->copy_targets != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) lines = NULL;

      /* Each copy as the letter's language names an official: the name in its
       * script, the office as the phrasebook names it when it is the same one. */
      for (guint i = 0; i < self->copy_targets->len; i++)
        {
          const AskarovTarget *t = g_ptr_array_index (self->copy_targets, i);
          g_autofree char *name = askarov_names_to_script (t->name, self->language);
          AskarovRecipient r = { 0 };

          r.language = askarov_phrasebook_get_book (self->language) != NULL ? self->language : "en";
          r.role = askarov_role_detect (t->title);
          if (t->address_form == NULL || !askarov_address_form_from_id (t->address_form, &r.form))
            r.form = ASKAROV_ADDRESS_FORM_UNKNOWN;
          r.name = name;
          r.title = t->title;
          r.use_office = !askarov_letter_text_is_empty (t->title) && uses_office (self, t->name, t->title, r.role);
          g_strv_builder_take (builder, askarov_recipient_dup_line (&r));
        }
      lines = g_strv_builder_end (builder);
      joined = g_strjoinv ("; ", lines);
    }
  else
    joined = g_strjoinv ("; ", self->copies_to);
  return askarov_phrasebook_expand (pattern != NULL ? pattern : "{copies}", "copies", joined, NULL);
}

char *
askarov_letter_dup_fax_cover (AskarovLetter *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *who = NULL;
  g_autofree char *name = NULL;
  g_autofree char *cover = NULL;
  AskarovRecipient r = { 0 };
  const char *pattern;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  /* The recipient on one line, as the block names them, in the letter's language. */
  fill_recipient (self, &r, &name);
  r.address = NULL;
  who = askarov_recipient_dup_line (&r);
  pattern = phrase (self, "fax-cover");
  cover = askarov_phrasebook_expand (pattern != NULL ? pattern : "{recipient}", "recipient", who, NULL);
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

static const char *
kind_key (AskarovLetter *self)
{
  switch (askarov_letter_get_kind (self))
    {
    case ASKAROV_LETTER_KIND_AFTER_DEATH: return "after-death";
    case ASKAROV_LETTER_KIND_THANKS: return "thanks";
    default: return "appeal";
    }
}

char *
askarov_letter_dup_subject (AskarovLetter *self)
{
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *subject = NULL;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  if (self->letter_case == NULL || self->letter_case->persons[0] == NULL)
    subject = g_strdup (frame (self, "subject-no-person", NULL));
  else
    {
      values = frame_values (self);
      subject = expand_frame (frame (self, "subject", kind_key (self)), values);
    }
  if (subject == NULL)
    subject = g_strdup ("");
  if (self->letter_case != NULL && !askarov_letter_text_is_empty (self->letter_case->reference))
    return g_strdup_printf ("%s (%s)", subject, self->letter_case->reference);
  return g_steal_pointer (&subject);
}

/* The paragraphs that carry the case and its asks: all but the closing line. */
static char *
dup_case_text (AskarovLetter *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = self->paragraphs->len;

  /* The last paragraph is the closing courtesy when the letter has three or more. */
  if (n >= 3)
    n--;
  for (guint i = 0; i < n; i++)
    {
      const char *p = g_ptr_array_index (self->paragraphs, i);

      if (askarov_letter_text_is_empty (p) || is_background (self, p))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
askarov_letter_render_post (AskarovLetter *self)
{
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  body = dup_case_text (self);
  /* A post has no salutation: a body that continues one in lower case (German) starts a sentence here. */
  if (*body != '\0' && g_unichar_islower (g_utf8_get_char (body)))
    {
      gunichar first = g_unichar_toupper (g_utf8_get_char (body));
      g_autofree char *rest = g_strdup (g_utf8_next_char (body));
      char buffer[8] = { 0 };

      g_unichar_to_utf8 (first, buffer);
      g_free (body);
      body = g_strconcat (buffer, rest, NULL);
    }
  if (self->recipient_handles != NULL && self->recipient_handles[0] != NULL)
    text = g_strdup_printf ("%s %s", self->recipient_handles[0], body);
  else
    text = g_steal_pointer (&body);
  g_strstrip (text);
  return trim_to_chars (text, ASKAROV_POST_MAX_CHARS);
}

char *
askarov_letter_render_call (AskarovLetter *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *greeting = NULL;
  g_autofree char *about = NULL;
  gboolean named;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), NULL);

  values = frame_values (self);
  /* The greeting says the caller's name; someone signing with initials for
   * their safety does not say their name on the phone either. */
  named = self->signature == ASKAROV_SIGNATURE_FULL_NAME && !askarov_letter_text_is_empty (self->sender_name);
  if (named)
    {
      g_hash_table_insert (values, "sender", g_strdup (self->sender_name));
      greeting = expand_frame (frame (self, "call", "greeting"), values);
    }
  else
    greeting = g_strdup (phrase (self, "call-greeting-anonymous"));
  if (self->letter_case != NULL && self->letter_case->persons[0] != NULL)
    about = expand_frame (frame (self, "call", "about"), values);
  g_string_append (out, greeting != NULL ? greeting : "");
  if (about != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", about);
  for (guint i = 1; i + 1 < self->paragraphs->len; i++)
    if (!is_background (self, g_ptr_array_index (self->paragraphs, i)))
      append_block (out, g_ptr_array_index (self->paragraphs, i));
  append_block (out, frame (self, "call", "thanks"));
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
  g_autofree char *background = NULL;
  g_autoptr(GString) body = NULL;

  if (self->channel == ASKAROV_CHANNEL_POST)
    return askarov_letter_render_post (self);
  if (self->channel == ASKAROV_CHANNEL_CALL)
    return askarov_letter_render_call (self);
  /* The case's history tells what others asked ("called for his release"): not a request of this letter. */
  body = g_string_new_take (askarov_letter_dup_body (self));
  background = background_paragraph (self);
  if (background != NULL)
    g_string_replace (body, background, "", 0);
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* Whether @request is made by @text: its bank sentence is there, or one of
 * the text's sentences is classified as that request. */
static gboolean
text_makes_request (AskarovLetter *self,
                    const char    *text,
                    const char    *request)
{
  g_autofree char *sentence = request_text (self, request);
  g_auto(GStrv) parts = NULL;

  if (sentence != NULL && strstr (text, sentence) != NULL)
    return TRUE;
  parts = g_regex_split_simple ("(?<=[.!?;])\\s+|\\n+", text, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strcmp0 (askarov_request_classify (parts[i], self->language), request) == 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
askarov_letter_check_asks (AskarovLetter *self)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_ask_check_free);
  g_autoptr(GPtrArray) asks = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ASKAROV_IS_LETTER (self), checks);

  asks = letter_asks (self);
  text = text_for_checks (self);
  for (guint i = 0; i < asks->len; i++)
    {
      LetterAsk *ask = g_ptr_array_index (asks, i);
      AskarovAskCheck *check = g_new0 (AskarovAskCheck, 1);

      check->request = g_strdup (ask->request);
      if (ask->request != NULL)
        {
          const char *label = askarov_request_get_label (ask->request);

          check->label = g_strdup (label != NULL ? label : ask->request);
          check->fits_role = askarov_request_fits_role (ask->request, self->role);
          check->covered = text_makes_request (self, text, ask->request);
        }
      else
        {
          g_autofree char *sentence = ask_as_sentence (ask->ask);

          check->label = g_strdup (ask->ask);
          check->fits_role = TRUE;
          check->covered = strstr (text, sentence) != NULL;
          /* Kept in the UA's words: fine only when the volunteer made it their own. */
          check->needs_rewrite = check->covered;
        }
      g_ptr_array_add (checks, check);
    }
  return checks;
}
