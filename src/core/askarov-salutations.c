/* askarov-salutations.c — the phrasebook: how each letter language greets and takes leave of an official.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-salutations"

#include "config.h"

#include "askarov-salutations.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "askarov-phrasebook-private.h"

/* One file per language under this resource folder; the code lists no languages,
 * so adding one is adding a file (and a line in the gresource XML). */
#define PHRASEBOOK_PATH "/com/example/Askarov/core/phrasebook/"

G_DEFINE_ENUM_TYPE (AskarovRole, askarov_role,
  G_DEFINE_ENUM_VALUE (ASKAROV_ROLE_PRESIDENT, "president"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ROLE_PRIME_MINISTER, "prime-minister"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ROLE_MINISTER, "minister"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ROLE_PROSECUTOR_GENERAL, "prosecutor-general"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ROLE_AMBASSADOR, "ambassador"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ROLE_JUDGE, "judge"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ROLE_PRISON_HEAD, "prison-head"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ROLE_OFFICIAL, "official"))

G_DEFINE_ENUM_TYPE (AskarovAddressForm, askarov_address_form,
  G_DEFINE_ENUM_VALUE (ASKAROV_ADDRESS_FORM_MAN, "man"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ADDRESS_FORM_WOMAN, "woman"),
  G_DEFINE_ENUM_VALUE (ASKAROV_ADDRESS_FORM_UNKNOWN, "unknown"))

G_DEFINE_ENUM_TYPE (AskarovConfidence, askarov_confidence,
  G_DEFINE_ENUM_VALUE (ASKAROV_CONFIDENCE_HIGH, "high"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CONFIDENCE_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CONFIDENCE_LOW, "low"))

G_DEFINE_ENUM_TYPE (AskarovSalutationStyle, askarov_salutation_style,
  G_DEFINE_ENUM_VALUE (ASKAROV_SALUTATION_STYLE_TITLE, "title"),
  G_DEFINE_ENUM_VALUE (ASKAROV_SALUTATION_STYLE_NAME, "name"))

G_DEFINE_BOXED_TYPE (AskarovSalutation, askarov_salutation, askarov_salutation_copy, askarov_salutation_free)

G_DEFINE_QUARK (askarov-phrasebook-error-quark, askarov_phrasebook_error)

static const char * const role_ids[] = {
  "president", "prime-minister", "minister", "prosecutor-general",
  "ambassador", "judge", "prison-head", "official",
};

static const char * const role_labels[] = {
  N_("President"),
  N_("Prime minister"),
  N_("Minister"),
  N_("Prosecutor general"),
  N_("Ambassador"),
  N_("Judge or court chair"),
  N_("Head of prison or penitentiary service"),
  N_("Other official"),
};

static const char * const form_ids[] = { "man", "woman", "unknown" };

static const char * const form_labels[] = {
  /* Translators: form of address of a letter's recipient */
  N_("Man"),
  /* Translators: form of address of a letter's recipient */
  N_("Woman"),
  /* Translators: form of address of a letter's recipient whose sex is not known */
  N_("Not known"),
};

static const char * const confidence_ids[] = { "high", "medium", "low" };

static const char * const style_ids[] = { "title", "name" };

/* Detection tries the more specific offices first: "Head of the Penitentiary
 * Service under the Ministry of Justice" is a prison head, "Prime Minister" is
 * not a minister, "President of the Supreme Court" is a judge. */
static const AskarovRole detect_order[] = {
  ASKAROV_ROLE_AMBASSADOR,
  ASKAROV_ROLE_PROSECUTOR_GENERAL,
  ASKAROV_ROLE_PRISON_HEAD,
  ASKAROV_ROLE_JUDGE,
  ASKAROV_ROLE_PRIME_MINISTER,
  ASKAROV_ROLE_PRESIDENT,
  ASKAROV_ROLE_MINISTER,
};

typedef struct
{
  GHashTable *books;   /* language code -> JsonNode (object), owned */
  GStrv       languages;
} Phrasebook;

/* Parses one JSON file of @folder and files it under its "language". */
static void
load_one (GHashTable *books,
          const char *folder,
          const char *what,
          const char *file_name)
{
  g_autofree char *path = g_strconcat (folder, file_name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  const char *code;
  gsize size;
  const char *data;

  /* The files ship inside the binary, so a broken one is a bug the tests catch. */
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("%s %s: %s", what, path, error->message);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, &error))
    {
      g_critical ("%s %s: %s", what, path, error->message);
      return;
    }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_critical ("%s %s: not a JSON object", what, path);
      return;
    }
  code = json_object_get_string_member_with_default (json_node_get_object (root), "language", NULL);
  if (code == NULL)
    {
      g_critical ("%s %s: no \"language\" member", what, path);
      return;
    }
  g_hash_table_insert (books, g_strdup (code), json_node_copy (root));
}

GHashTable *
askarov_phrasebook_load_folder (const char *folder,
                                const char *what)
{
  GHashTable *books = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
  g_auto(GStrv) children = g_resources_enumerate_children (folder, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".json"))
      load_one (books, folder, what, children[i]);
  return books;
}

static gpointer
load_phrasebook (gpointer data)
{
  Phrasebook *pb = g_new0 (Phrasebook, 1);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  pb->books = askarov_phrasebook_load_folder (PHRASEBOOK_PATH, "Phrasebook");

  g_hash_table_iter_init (&iter, pb->books);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (codes, key);
  g_ptr_array_sort_values (codes, (GCompareFunc) g_strcmp0);
  pb->languages = g_new0 (char *, codes->len + 1);
  for (guint i = 0; i < codes->len; i++)
    pb->languages[i] = g_strdup (g_ptr_array_index (codes, i));

  return pb;
}

static Phrasebook *
get_phrasebook (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_phrasebook, NULL);
}

JsonObject *
askarov_phrasebook_get_book (const char *language)
{
  JsonNode *node;

  if (language == NULL)
    return NULL;
  node = g_hash_table_lookup (get_phrasebook ()->books, language);
  return node != NULL ? json_node_get_object (node) : NULL;
}

JsonObject *
askarov_phrasebook_get_object (JsonObject *object,
                               const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
askarov_phrasebook_get_string (JsonObject *object,
                               const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

/* Replaces {key} by the values of the NULL-terminated key/value list. */
char *
askarov_phrasebook_expand (const char *pattern,
                           ...)
{
  g_autoptr(GString) out = g_string_new (pattern);
  va_list ap;
  const char *key;

  va_start (ap, pattern);
  while ((key = va_arg (ap, const char *)) != NULL)
    {
      const char *value = va_arg (ap, const char *);
      g_autofree char *needle = g_strdup_printf ("{%s}", key);

      g_string_replace (out, needle, value != NULL ? value : "", 0);
    }
  va_end (ap);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The index of @id in the @n_ids strings of @ids, stored in @value. */
static gboolean
value_from_id (const char * const *ids,
               guint               n_ids,
               const char         *id,
               guint              *value)
{
  for (guint i = 0; i < n_ids; i++)
    if (g_strcmp0 (id, ids[i]) == 0)
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
role_from_id (const char  *id,
              AskarovRole *role)
{
  guint value;

  if (!value_from_id (role_ids, G_N_ELEMENTS (role_ids), id, &value))
    return FALSE;
  *role = (AskarovRole) value;
  return TRUE;
}

static gboolean
confidence_from_id (const char        *id,
                    AskarovConfidence *confidence)
{
  guint value;

  if (!value_from_id (confidence_ids, G_N_ELEMENTS (confidence_ids), id, &value))
    return FALSE;
  *confidence = (AskarovConfidence) value;
  return TRUE;
}

static gboolean
title_contains (const char *folded_title,
                const char *keyword)
{
  g_autofree char *folded = g_utf8_casefold (keyword, -1);

  return strstr (folded_title, folded) != NULL;
}

static gboolean
title_matches_role (const char  *folded_title,
                    AskarovRole  role)
{
  Phrasebook *pb = get_phrasebook ();

  for (guint i = 0; pb->languages[i] != NULL; i++)
    {
      JsonObject *book = askarov_phrasebook_get_book (pb->languages[i]);
      JsonObject *keywords = askarov_phrasebook_get_object (book, "role-keywords");
      JsonArray *list;

      if (keywords == NULL || !json_object_has_member (keywords, role_ids[role]))
        continue;
      list = json_object_get_array_member (keywords, role_ids[role]);
      for (guint j = 0; list != NULL && j < json_array_get_length (list); j++)
        if (title_contains (folded_title, json_array_get_string_element (list, j)))
          return TRUE;
    }
  return FALSE;
}

const char *
askarov_role_to_id (AskarovRole role)
{
  g_return_val_if_fail (role < ASKAROV_N_ROLES, NULL);

  return role_ids[role];
}

gboolean
askarov_role_from_id (const char  *id,
                      AskarovRole *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  return role_from_id (id, role);
}

const char *
askarov_role_get_label (AskarovRole role)
{
  g_return_val_if_fail (role < ASKAROV_N_ROLES, NULL);

  return _(role_labels[role]);
}

char *
askarov_role_list_ids (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (role_ids); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", role_ids[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

AskarovRole
askarov_role_detect (const char *title)
{
  g_autofree char *folded = NULL;

  if (title == NULL || *title == '\0' || !g_utf8_validate (title, -1, NULL))
    return ASKAROV_ROLE_OFFICIAL;

  folded = g_utf8_casefold (title, -1);
  for (guint i = 0; i < G_N_ELEMENTS (detect_order); i++)
    if (title_matches_role (folded, detect_order[i]))
      return detect_order[i];

  return ASKAROV_ROLE_OFFICIAL;
}

/* Whether @folded_title holds one of the "office-keywords" of @office in any phrasebook. */
static gboolean
title_names_office (const char *folded_title,
                    const char *office)
{
  Phrasebook *pb = get_phrasebook ();

  for (guint i = 0; pb->languages[i] != NULL; i++)
    {
      JsonObject *keywords = askarov_phrasebook_get_object (askarov_phrasebook_get_book (pb->languages[i]),
                                                            "office-keywords");
      JsonNode *node = keywords != NULL ? json_object_get_member (keywords, office) : NULL;
      JsonArray *list = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      for (guint j = 0; list != NULL && j < json_array_get_length (list); j++)
        if (title_contains (folded_title, json_array_get_string_element (list, j)))
          return TRUE;
    }
  return FALSE;
}

/* The role's entry in @language's phrasebook, or NULL. */
static JsonObject *
role_entry (const char  *language,
            AskarovRole  role)
{
  return askarov_phrasebook_get_object (askarov_phrasebook_get_object (askarov_phrasebook_get_book (language), "roles"),
                                        role_ids[role]);
}

/* The "offices" item of @entry for @office, or NULL. */
static JsonObject *
office_entry (JsonObject *entry,
              const char *office)
{
  JsonNode *node = entry != NULL ? json_object_get_member (entry, "offices") : NULL;
  JsonArray *offices = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; office != NULL && offices != NULL && i < json_array_get_length (offices); i++)
    {
      JsonNode *item = json_array_get_element (offices, i);

      if (JSON_NODE_HOLDS_OBJECT (item)
          && g_strcmp0 (askarov_phrasebook_get_string (json_node_get_object (item), "office"), office) == 0)
        return json_node_get_object (item);
    }
  return NULL;
}

const char *
askarov_salutation_detect_office (const char  *language,
                                  AskarovRole  role,
                                  const char  *title)
{
  JsonObject *entry;
  JsonNode *node;
  JsonArray *offices;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (role < ASKAROV_N_ROLES, NULL);

  if (title == NULL || *title == '\0' || !g_utf8_validate (title, -1, NULL))
    return NULL;
  entry = role_entry (language, role);
  node = entry != NULL ? json_object_get_member (entry, "offices") : NULL;
  offices = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  if (offices == NULL)
    return NULL;

  /* In the data's order: a colony of a penitentiary service is a colony. */
  folded = g_utf8_casefold (title, -1);
  for (guint i = 0; i < json_array_get_length (offices); i++)
    {
      JsonNode *item = json_array_get_element (offices, i);
      const char *office = JSON_NODE_HOLDS_OBJECT (item)
                           ? askarov_phrasebook_get_string (json_node_get_object (item), "office") : NULL;

      if (office != NULL && title_names_office (folded, office))
        return office;
    }
  return NULL;
}

const char *
askarov_address_form_to_id (AskarovAddressForm form)
{
  g_return_val_if_fail (form < ASKAROV_N_ADDRESS_FORMS, NULL);

  return form_ids[form];
}

gboolean
askarov_address_form_from_id (const char         *id,
                              AskarovAddressForm *form)
{
  guint value;

  g_return_val_if_fail (form != NULL, FALSE);

  if (!value_from_id (form_ids, G_N_ELEMENTS (form_ids), id, &value))
    return FALSE;
  *form = (AskarovAddressForm) value;
  return TRUE;
}

const char *
askarov_address_form_get_label (AskarovAddressForm form)
{
  g_return_val_if_fail (form < ASKAROV_N_ADDRESS_FORMS, NULL);

  return _(form_labels[form]);
}

const char *
askarov_confidence_to_id (AskarovConfidence confidence)
{
  g_return_val_if_fail (confidence <= ASKAROV_CONFIDENCE_LOW, NULL);

  return confidence_ids[confidence];
}

GStrv
askarov_phrasebook_list_languages (void)
{
  return g_strdupv (get_phrasebook ()->languages);
}

gboolean
askarov_phrasebook_has_language (const char *language)
{
  return askarov_phrasebook_get_book (language) != NULL;
}

const char *
askarov_phrasebook_get_native_name (const char *language)
{
  return askarov_phrasebook_get_string (askarov_phrasebook_get_book (language), "name");
}

const char *
askarov_phrasebook_get_english_name (const char *language)
{
  return askarov_phrasebook_get_string (askarov_phrasebook_get_book (language), "english-name");
}

const char *
askarov_phrasebook_get_template_review (const char *language)
{
  JsonObject *templates = askarov_phrasebook_get_object (askarov_phrasebook_get_book (language), "letter");

  return askarov_phrasebook_get_string (templates, "review");
}

char *
askarov_phrasebook_format_date (const char *language,
                                GDateTime  *date)
{
  JsonObject *book = askarov_phrasebook_get_book (language);
  JsonObject *format = askarov_phrasebook_get_object (book, "date");
  JsonArray *months;
  const char *pattern;
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;
  g_autofree char *month_number = NULL;
  int month;

  g_return_val_if_fail (date != NULL, NULL);

  pattern = askarov_phrasebook_get_string (format, "pattern");
  if (pattern == NULL || !json_object_has_member (format, "months"))
    return NULL;
  months = json_object_get_array_member (format, "months");
  month = g_date_time_get_month (date);
  if (months == NULL || json_array_get_length (months) != 12)
    return NULL;

  /* Some languages write the first of the month as an ordinal ("1er" in French). */
  if (g_date_time_get_day_of_month (date) == 1 && askarov_phrasebook_get_string (format, "first-day") != NULL)
    day = g_strdup (askarov_phrasebook_get_string (format, "first-day"));
  else
    day = g_strdup_printf ("%d", g_date_time_get_day_of_month (date));
  year = g_strdup_printf ("%d", g_date_time_get_year (date));
  month_number = g_strdup_printf ("%02d", month);
  return askarov_phrasebook_expand (pattern,
                                    "day", day,
                                    "month", json_array_get_string_element (months, month - 1),
                                    "month-number", month_number,
                                    "year", year,
                                    NULL);
}

/* The form's entry: a string; {"text": …, "note": …}; or {"fallback": FORM,
 * "note": …} naming the form the data uses instead (stated in the data, never
 * decided here). */
static const char *
resolve_form (JsonObject          *entry,
              AskarovAddressForm   form,
              AskarovAddressForm  *form_used,
              const char         **note)
{
  for (guint hops = 0; hops < ASKAROV_N_ADDRESS_FORMS; hops++)
    {
      JsonNode *node = json_object_get_member (entry, form_ids[form]);
      JsonObject *fallback;

      if (node == NULL)
        return NULL;
      if (JSON_NODE_HOLDS_VALUE (node))
        {
          *form_used = form;
          return json_node_get_string (node);
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      fallback = json_node_get_object (node);
      if (*note == NULL)
        *note = askarov_phrasebook_get_string (fallback, "note");
      /* {"text": …, "note": …}: a different wording for this form, with the reason. */
      if (askarov_phrasebook_get_string (fallback, "text") != NULL)
        {
          *form_used = form;
          return askarov_phrasebook_get_string (fallback, "text");
        }
      if (!askarov_address_form_from_id (askarov_phrasebook_get_string (fallback, "fallback"), &form))
        return NULL;
    }
  return NULL;
}

/* The salutation without its final punctuation, to repeat inside a closing
 * ("Je vous prie d'agréer, Monsieur le Ministre, …"). */
static char *
strip_punctuation (const char *salutation)
{
  char *copy = g_strstrip (g_strdup (salutation));
  gsize len = strlen (copy);

  while (len > 0 && strchr (",!:;", copy[len - 1]) != NULL)
    copy[--len] = '\0';
  return g_strchomp (copy);
}

/* @member of the office's item, else of the role's entry. */
static JsonNode *
entry_member (JsonObject *office,
              JsonObject *entry,
              const char *member)
{
  JsonNode *node = office != NULL ? json_object_get_member (office, member) : NULL;

  return node != NULL ? node : json_object_get_member (entry, member);
}

static const char *
entry_string (JsonObject *office,
              JsonObject *entry,
              const char *member)
{
  JsonNode *node = entry_member (office, entry, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static GStrv
entry_sources (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, "sources");
  JsonArray *list = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    if (json_array_get_string_element (list, i) != NULL)
      g_strv_builder_add (builder, json_array_get_string_element (list, i));
  return g_strv_builder_end (builder);
}

static gboolean
no_phrasebook (const char  *language,
               GError     **error)
{
  g_autofree char *known = g_strjoinv (", ", get_phrasebook ()->languages);

  g_set_error (error, ASKAROV_PHRASEBOOK_ERROR, ASKAROV_PHRASEBOOK_ERROR_UNKNOWN_LANGUAGE,
               /* Translators: %s is a language code the user gave, %s the codes the app knows */
               _("There is no phrasebook for the language “%s”. Known languages: %s."),
               language != NULL ? language : "", known);
  return FALSE;
}

/* The closing of the entry, with {salutation} (French) filled in from @salutation. */
static char *
make_closing (const char *pattern,
              const char *salutation)
{
  g_autofree char *bare = NULL;

  if (strstr (pattern, "{salutation}") == NULL)
    return g_strdup (pattern);
  bare = strip_punctuation (salutation);
  return askarov_phrasebook_expand (pattern, "salutation", bare, NULL);
}

AskarovSalutation *
askarov_salutation_lookup (const char          *language,
                           AskarovRole          role,
                           AskarovAddressForm   form,
                           GError             **error)
{
  return askarov_salutation_lookup_office (language, role, NULL, form, error);
}

AskarovSalutation *
askarov_salutation_lookup_office (const char          *language,
                                  AskarovRole          role,
                                  const char          *office,
                                  AskarovAddressForm   form,
                                  GError             **error)
{
  JsonObject *book;
  JsonObject *entry;
  JsonObject *item;
  JsonObject *forms;
  const char *text;
  const char *closing;
  const char *note = NULL;
  const char *confidence;
  AskarovAddressForm form_used = form;
  g_autoptr(AskarovSalutation) s = NULL;

  g_return_val_if_fail (role < ASKAROV_N_ROLES, NULL);
  g_return_val_if_fail (form < ASKAROV_N_ADDRESS_FORMS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  book = askarov_phrasebook_get_book (language);
  if (book == NULL)
    {
      no_phrasebook (language, error);
      return NULL;
    }

  entry = role_entry (language, role);
  item = office_entry (entry, office);
  /* An office item without its own salutations ("service") is the role's entry. */
  forms = item != NULL && json_object_has_member (item, form_ids[form]) ? item : entry;
  text = forms != NULL ? resolve_form (forms, form, &form_used, &note) : NULL;
  closing = entry != NULL ? entry_string (item, entry, "closing") : NULL;
  if (text == NULL || closing == NULL)
    {
      g_set_error (error, ASKAROV_PHRASEBOOK_ERROR, ASKAROV_PHRASEBOOK_ERROR_BAD_DATA,
                   /* Translators: %s is a language code, %s a role id such as “minister” */
                   _("The phrasebook for “%s” has no salutation for the role “%s”."),
                   language, role_ids[role]);
      return NULL;
    }

  s = g_new0 (AskarovSalutation, 1);
  s->language = g_strdup (language);
  s->role = role;
  s->form = form;
  s->form_used = form_used;
  s->salutation = g_strdup (text);
  s->closing = make_closing (closing, text);
  s->excellency = g_strdup (entry_string (item, entry, "excellency"));
  s->fallback_note = g_strdup (note);
  s->review = g_strdup (entry_string (item, entry, "review"));
  s->body_lower_case = json_object_get_boolean_member_with_default (book, "body-lower-case", FALSE);
  s->office = item != NULL ? g_strdup (office) : NULL;
  s->sources = entry_sources (item != NULL && json_object_has_member (item, "sources") ? item : entry);
  s->style = ASKAROV_SALUTATION_STYLE_TITLE;
  confidence = entry_string (item, entry, "confidence");
  if (!confidence_from_id (confidence, &s->confidence))
    s->confidence = ASKAROV_CONFIDENCE_LOW;

  return g_steal_pointer (&s);
}

static gboolean
ends_with_any (const char *word,
               JsonArray  *endings)
{
  for (guint i = 0; endings != NULL && i < json_array_get_length (endings); i++)
    {
      const char *ending = json_array_get_string_element (endings, i);

      /* The ending must leave a stem: "Ич" alone is no patronymic. */
      if (ending != NULL && g_str_has_suffix (word, ending) && strlen (word) > strlen (ending) + 2)
        return TRUE;
    }
  return FALSE;
}

/* A word that could be a first name: at least two letters, no full stop ("Б.") or digit. */
static gboolean
is_full_word (const char *word)
{
  if (g_utf8_strlen (word, -1) < 2)
    return FALSE;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != '-' && c != 0x2019 && c != '\'')
        return FALSE;
    }
  return TRUE;
}

/* Finds "first name + patronymic" in a full name of three words or more, in
 * either order ("Болот Исакович Исаков", "Исаков Болот Исакович"); the
 * patronymic's ending tells the form. Names of two words are left alone: the
 * second word may as well be a surname in -ович ("Адам Мицкевич"). */
static gboolean
split_patronymic (JsonObject          *rules,
                  const char          *name,
                  char               **first_name,
                  char               **patronymic,
                  AskarovAddressForm  *form)
{
  JsonObject *endings = askarov_phrasebook_get_object (rules, "patronymic-endings");
  JsonNode *men = endings != NULL ? json_object_get_member (endings, "man") : NULL;
  JsonNode *women = endings != NULL ? json_object_get_member (endings, "woman") : NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  guint n;

  if (name == NULL || !g_utf8_validate (name, -1, NULL) || men == NULL || women == NULL
      || !JSON_NODE_HOLDS_ARRAY (men) || !JSON_NODE_HOLDS_ARRAY (women))
    return FALSE;
  words = g_strsplit_set (name, " \t\n,", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);
  parts = g_strv_builder_end (builder);
  n = g_strv_length (parts);
  if (n < 3)
    return FALSE;

  for (guint i = 1; i < n; i++)
    {
      g_autofree char *lower = g_utf8_strdown (parts[i], -1);
      gboolean man = ends_with_any (lower, json_node_get_array (men));
      gboolean woman = ends_with_any (lower, json_node_get_array (women));

      if ((!man && !woman) || !is_full_word (parts[i - 1]) || !is_full_word (parts[i]))
        continue;
      *first_name = g_strdup (parts[i - 1]);
      *patronymic = g_strdup (parts[i]);
      /* The endings do not overlap: "-ична" is not "-ич". */
      *form = woman ? ASKAROV_ADDRESS_FORM_WOMAN : ASKAROV_ADDRESS_FORM_MAN;
      return TRUE;
    }
  return FALSE;
}

AskarovSalutation *
askarov_salutation_lookup_by_name (const char  *language,
                                   AskarovRole  role,
                                   const char  *office,
                                   const char  *name_in_script)
{
  JsonObject *rules = askarov_phrasebook_get_object (askarov_phrasebook_get_book (language), "name-salutation");
  g_autofree char *first_name = NULL;
  g_autofree char *patronymic = NULL;
  AskarovAddressForm form = ASKAROV_ADDRESS_FORM_UNKNOWN;
  AskarovSalutation *s;
  const char *pattern;
  const char *confidence;

  g_return_val_if_fail (role < ASKAROV_N_ROLES, NULL);

  if (rules == NULL || !split_patronymic (rules, name_in_script, &first_name, &patronymic, &form))
    return NULL;
  pattern = askarov_phrasebook_get_string (rules, form_ids[form]);
  s = askarov_salutation_lookup_office (language, role, office, form, NULL);
  if (pattern == NULL || s == NULL)
    {
      askarov_salutation_free (s);
      return NULL;
    }

  g_free (s->salutation);
  s->salutation = askarov_phrasebook_expand (pattern, "first_name", first_name, "patronymic", patronymic, NULL);
  g_free (s->closing);
  s->closing = make_closing (entry_string (office_entry (role_entry (language, role), office),
                                           role_entry (language, role), "closing"),
                             s->salutation);
  g_clear_pointer (&s->fallback_note, g_free);
  g_clear_pointer (&s->excellency, g_free);
  g_free (s->review);
  s->review = g_strdup (askarov_phrasebook_get_string (rules, "review"));
  g_strfreev (s->sources);
  s->sources = entry_sources (rules);
  s->style = ASKAROV_SALUTATION_STYLE_NAME;
  confidence = askarov_phrasebook_get_string (rules, "confidence");
  if (!confidence_from_id (confidence, &s->confidence))
    s->confidence = ASKAROV_CONFIDENCE_LOW;
  return s;
}

const char *
askarov_salutation_style_to_id (AskarovSalutationStyle style)
{
  g_return_val_if_fail (style <= ASKAROV_SALUTATION_STYLE_NAME, NULL);

  return style_ids[style];
}

gboolean
askarov_salutation_style_from_id (const char             *id,
                                  AskarovSalutationStyle *style)
{
  guint value;

  g_return_val_if_fail (style != NULL, FALSE);

  if (!value_from_id (style_ids, G_N_ELEMENTS (style_ids), id, &value))
    return FALSE;
  *style = (AskarovSalutationStyle) value;
  return TRUE;
}

AskarovSalutation *
askarov_salutation_copy (const AskarovSalutation *salutation)
{
  AskarovSalutation *copy;

  g_return_val_if_fail (salutation != NULL, NULL);

  copy = g_memdup2 (salutation, sizeof *salutation);
  copy->language = g_strdup (salutation->language);
  copy->salutation = g_strdup (salutation->salutation);
  copy->closing = g_strdup (salutation->closing);
  copy->excellency = g_strdup (salutation->excellency);
  copy->fallback_note = g_strdup (salutation->fallback_note);
  copy->review = g_strdup (salutation->review);
  copy->office = g_strdup (salutation->office);
  copy->sources = g_strdupv (salutation->sources);
  return copy;
}

void
askarov_salutation_free (AskarovSalutation *salutation)
{
  if (salutation == NULL)
    return;
  g_free (salutation->language);
  g_free (salutation->salutation);
  g_free (salutation->closing);
  g_free (salutation->excellency);
  g_free (salutation->fallback_note);
  g_free (salutation->review);
  g_free (salutation->office);
  g_strfreev (salutation->sources);
  g_free (salutation);
}
