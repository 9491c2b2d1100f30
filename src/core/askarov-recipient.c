/* askarov-recipient.c — the recipient block: an official's name, title and address as a letter language writes them.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-recipient"

#include "config.h"

#include "askarov-recipient.h"

#include <string.h>

#include "askarov-names.h"
#include "askarov-phrasebook-private.h"

/* The grammar is here, the per-language choices are data: each phrasebook's
 * "recipient-block" object (see phrasebook/README.md) says
 * - "order": "name-title" (name line, then title: de, fr, es, en…),
 *   "title-name" (title, then name: ru, uk) or "title-name-inline" (one line,
 *   title then name: ky, uz);
 * - "name": "full", "initials" ("С. Ш. Жээнбеков") or "initial" ("S. Jeenbekov");
 *   "patronymic": false leaves a full name's patronymic out;
 * - "name-case": "nominative" or "dative";
 * - "name-line": per form, the name with its honorific ("Herrn {name}");
 * - "excellency-roles" and "excellency-line": the same for a head of state or
 *   an ambassador ("Seiner Exzellenz\nHerrn {name}");
 * - "offices": per role, the office's name in front of a name on the inline
 *   line (the nominative "… Президенти" where "recipients" has the dative
 *   "… Президентине" for a block without a name).
 * A language without the object writes the name, then the title. */

static JsonObject *
rules_of (const char *language)
{
  return askarov_phrasebook_get_object (askarov_phrasebook_get_book (language), "recipient-block");
}

/* A string member, or a {"man": …, "woman": …, "unknown": …} one by @form
 * (the man's text standing in for an unknown form when there is no "unknown"). */
static const char *
by_form (JsonObject         *object,
         const char         *member,
         AskarovAddressForm  form,
         gboolean            man_for_unknown)
{
  const char *text = askarov_phrasebook_get_string (object, member);
  JsonObject *forms;

  if (text != NULL)
    return text;
  forms = askarov_phrasebook_get_object (object, member);
  if (forms == NULL)
    return NULL;
  text = askarov_phrasebook_get_string (forms, askarov_address_form_to_id (form));
  if (text == NULL && (form != ASKAROV_ADDRESS_FORM_WOMAN || man_for_unknown))
    text = askarov_phrasebook_get_string (forms, man_for_unknown ? "man" : "unknown");
  return text;
}

static gboolean
role_in (JsonObject  *rules,
         const char  *member,
         AskarovRole  role)
{
  JsonNode *node = rules != NULL ? json_object_get_member (rules, member) : NULL;
  JsonArray *roles;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  roles = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (roles); i++)
    if (g_strcmp0 (json_array_get_string_element (roles, i), askarov_role_to_id (role)) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* The name as the block shows it: shortened to initials and declined as the rules say. */
static char *
shown_name (const AskarovRecipient *r,
            JsonObject             *rules)
{
  const char *shape = askarov_phrasebook_get_string (rules, "name");
  g_autofree char *name = NULL;

  if (is_empty (r->name))
    return NULL;
  if (rules != NULL && !json_object_get_boolean_member_with_default (rules, "patronymic", TRUE))
    name = askarov_names_drop_patronymic (r->name);
  else
    name = g_strdup (r->name);
  if (g_strcmp0 (shape, "initials") == 0 || g_strcmp0 (shape, "initial") == 0)
    {
      g_autofree char *full = g_steal_pointer (&name);

      name = askarov_names_initials (full, g_strcmp0 (shape, "initial") == 0 ? 1 : 0);
    }
  if (g_strcmp0 (askarov_phrasebook_get_string (rules, "name-case"), "dative") == 0)
    return askarov_names_dative (name, r->language, r->form);
  return g_steal_pointer (&name);
}

char *
askarov_recipient_dup_office (const char         *language,
                              AskarovRole         role,
                              AskarovAddressForm  form)
{
  JsonObject *recipients = askarov_phrasebook_get_object (askarov_phrasebook_get_book (language), "recipients");

  return g_strdup (by_form (recipients, askarov_role_to_id (role), form, TRUE));
}

/* The title as the block shows it; @before_name: it stands in front of a name on one line. */
static char *
shown_title (const AskarovRecipient *r,
             JsonObject             *rules,
             gboolean                before_name)
{
  if (!r->use_office)
    return is_empty (r->title) ? NULL : g_strdup (r->title);
  if (before_name)
    {
      const char *office = by_form (askarov_phrasebook_get_object (rules, "offices"),
                                    askarov_role_to_id (r->role), r->form, TRUE);

      if (office != NULL)
        return g_strdup (office);
    }
  return askarov_recipient_dup_office (r->language, r->role, r->form);
}

static void
add_line (GString    *out,
          const char *line)
{
  if (is_empty (line))
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, line);
}

static char *
name_line (const AskarovRecipient *r,
           JsonObject             *rules,
           const char             *name)
{
  const char *member = role_in (rules, "excellency-roles", r->role) ? "excellency-line" : "name-line";
  const char *pattern = by_form (rules, member, r->form, FALSE);

  if (pattern == NULL)
    pattern = "{name}";
  return askarov_phrasebook_expand (pattern, "name", name, NULL);
}

char *
askarov_recipient_dup_block_with_rules (const AskarovRecipient *recipient,
                                        JsonObject             *rules)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  const char *order;

  g_return_val_if_fail (recipient != NULL, NULL);

  order = askarov_phrasebook_get_string (rules, "order");
  name = shown_name (recipient, rules);
  title = shown_title (recipient, rules, name != NULL && g_strcmp0 (order, "title-name-inline") == 0);
  /* The inline order is one phrase ("… Президенти С. Ш. Жээнбековго"); the
   * block breaks it before the name, so that an envelope's window never
   * parts the initials from the surname. */
  if (g_str_has_prefix (order != NULL ? order : "", "title-name"))
    {
      g_autofree char *line = name != NULL ? name_line (recipient, rules, name) : NULL;

      add_line (out, title);
      add_line (out, line);
    }
  else
    {
      g_autofree char *line = name != NULL ? name_line (recipient, rules, name) : NULL;

      add_line (out, line);
      add_line (out, title);
    }
  add_line (out, recipient->address);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
askarov_recipient_dup_block (const AskarovRecipient *recipient)
{
  g_return_val_if_fail (recipient != NULL, NULL);

  return askarov_recipient_dup_block_with_rules (recipient, rules_of (recipient->language));
}

char *
askarov_recipient_dup_line (const AskarovRecipient *recipient)
{
  JsonObject *rules;
  const char *order;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (recipient != NULL, NULL);

  rules = rules_of (recipient->language);
  order = askarov_phrasebook_get_string (rules, "order");
  name = shown_name (recipient, rules);
  title = shown_title (recipient, rules, name != NULL && g_strcmp0 (order, "title-name-inline") == 0);
  if (name != NULL && title != NULL)
    {
      /* Where the title comes first it governs the name ("Президенту … С. Ш. Жээнбекову"). */
      if (g_str_has_prefix (order != NULL ? order : "", "title-name"))
        return g_strdup_printf ("%s %s", title, name);
      return g_strdup_printf ("%s, %s", name, title);
    }
  return g_strdup (name != NULL ? name : title != NULL ? title : "");
}

/* Is the title the phrasebook's office? */

/* Case-folded, without accents: "Intérieur" and "interior" share a stem. */
static char *
fold_word (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The words of @text of two or more letters (or digits), folded. */
static void
add_words (GPtrArray  *words,
           const char *text)
{
  g_autoptr(GString) word = g_string_new (NULL);

  if (text == NULL)
    return;
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (g_utf8_strlen (word->str, -1) >= 2)
        g_ptr_array_add (words, fold_word (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
}

static void
add_by_form_words (GPtrArray  *words,
                   JsonObject *object,
                   const char *member)
{
  for (guint f = 0; f < ASKAROV_N_ADDRESS_FORMS; f++)
    add_words (words, by_form (object, member, (AskarovAddressForm) f, TRUE));
}

/* Two words are the same when equal, or when both have five letters or more
 * and the first five agree ("kyrgyzstan" / "kyrgyz", "прокурор" / "прокурору"). */
static gboolean
same_stem (const char *a,
           const char *b)
{
  const char *a5, *b5;

  if (g_strcmp0 (a, b) == 0)
    return TRUE;
  if (g_utf8_strlen (a, -1) < 5 || g_utf8_strlen (b, -1) < 5)
    return FALSE;
  a5 = g_utf8_offset_to_pointer (a, 5);
  b5 = g_utf8_offset_to_pointer (b, 5);
  return a5 - a == b5 - b && strncmp (a, b, a5 - a) == 0;
}

gboolean
askarov_recipient_title_is_office (const char  *title,
                                   AskarovRole  role)
{
  g_autoptr(GPtrArray) title_words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) office_words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) languages = NULL;

  if (is_empty (title) || !g_utf8_validate (title, -1, NULL) || role == ASKAROV_ROLE_OFFICIAL
      || askarov_role_detect (title) != role)
    return FALSE;

  /* The phrasebooks' offices are one country's (the Kyrgyz Republic's): its
   * name in every language ("in Kyrgyzstan") counts as part of the office. */
  languages = askarov_phrasebook_list_languages ();
  for (guint i = 0; languages[i] != NULL; i++)
    {
      JsonObject *book = askarov_phrasebook_get_book (languages[i]);
      const char *id = askarov_role_to_id (role);

      add_by_form_words (office_words, askarov_phrasebook_get_object (book, "recipients"), id);
      add_by_form_words (office_words,
                         askarov_phrasebook_get_object (askarov_phrasebook_get_object (book, "recipient-block"),
                                                        "offices"),
                         id);
      add_words (office_words, askarov_phrasebook_get_string (askarov_phrasebook_get_object (book, "countries"),
                                                              "KG"));
    }
  add_words (title_words, title);
  if (title_words->len == 0)
    return FALSE;
  for (guint i = 0; i < title_words->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < office_words->len && !found; j++)
        found = same_stem (g_ptr_array_index (title_words, i), g_ptr_array_index (office_words, j));
      if (!found)
        return FALSE;
    }
  return TRUE;
}

gboolean
askarov_recipient_title_names_country (const char *title)
{
  g_autoptr(GPtrArray) title_words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) country_words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) languages = askarov_phrasebook_list_languages ();

  if (is_empty (title) || !g_utf8_validate (title, -1, NULL))
    return FALSE;
  for (guint i = 0; languages[i] != NULL; i++)
    add_words (country_words,
               askarov_phrasebook_get_string (askarov_phrasebook_get_object (askarov_phrasebook_get_book (languages[i]),
                                                                             "countries"),
                                              "KG"));
  add_words (title_words, title);
  /* Stems only: "in" and "au" of "in Kyrgyzstan" are no country. */
  for (guint i = 0; i < title_words->len; i++)
    for (guint j = 0; j < country_words->len; j++)
      if (g_utf8_strlen (g_ptr_array_index (title_words, i), -1) >= 5
          && same_stem (g_ptr_array_index (title_words, i), g_ptr_array_index (country_words, j)))
        return TRUE;
  return FALSE;
}

gboolean
askarov_recipient_title_in_language (const char *title,
                                     const char *language)
{
  static const char * const english[] = { "of", "the", "to", "for", "and", NULL };
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  if (is_empty (title))
    return TRUE;
  if (!askarov_names_is_in_script (title, language))
    return FALSE;
  if (g_strcmp0 (language, "en") == 0)
    return TRUE;
  add_words (words, title);
  for (guint i = 0; i < words->len; i++)
    if (g_strv_contains (english, g_ptr_array_index (words, i)))
      return FALSE;
  return TRUE;
}
