/* askarov-letter-case.c — what a letter needs to know about its case, read from the library.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-letter"

#include "config.h"

#include "askarov-letter-case.h"

#include "askarov-case-pack.h"

#include <glib/gi18n.h>

#include "askarov-extractor-honorifics.h"
#include "askarov-names.h"
#include "askarov-phrasebook-private.h"
#include "askarov-store-private.h"

G_DEFINE_BOXED_TYPE (AskarovLetterCase, askarov_letter_case, askarov_letter_case_ref, askarov_letter_case_unref)

static void
letter_case_clear (gpointer data)
{
  AskarovLetterCase *c = data;

  g_free (c->name);
  g_strfreev (c->persons);
  g_strfreev (c->pronouns);
  g_free (c->country);
  g_strfreev (c->asks);
  g_free (c->asks_language);
  g_strfreev (c->outcome_asks);
  g_free (c->state_date);
  g_free (c->reference);
  g_free (c->deadline);
  g_strfreev (c->languages);
  g_ptr_array_unref (c->targets);
  g_hash_table_unref (c->background);
}

AskarovLetterCase *
askarov_letter_case_new (void)
{
  AskarovLetterCase *c = g_atomic_rc_box_new0 (AskarovLetterCase);

  c->persons = g_new0 (char *, 1);
  c->pronouns = g_new0 (char *, 1);
  c->asks = g_new0 (char *, 1);
  c->outcome_asks = g_new0 (char *, 1);
  c->languages = g_new0 (char *, 1);
  c->state = ASKAROV_CASE_STATE_OPEN;
  c->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_target_free);
  c->background = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return c;
}

AskarovLetterCase *
askarov_letter_case_ref (AskarovLetterCase *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  return g_atomic_rc_box_acquire (c);
}

void
askarov_letter_case_unref (AskarovLetterCase *c)
{
  if (c != NULL)
    g_atomic_rc_box_release_full (c, letter_case_clear);
}

static gboolean
strv_is_empty (char **strv)
{
  return strv == NULL || strv[0] == NULL;
}

static gboolean
is_appeal_kind (AskarovDocumentKind kind)
{
  return kind == ASKAROV_DOCUMENT_KIND_URGENT_ACTION || kind == ASKAROV_DOCUMENT_KIND_UPDATE;
}

static gboolean
has_main_target (const AskarovFacts *facts)
{
  for (guint i = 0; i < facts->targets->len; i++)
    if (!((AskarovTarget *) g_ptr_array_index (facts->targets, i))->copy)
      return TRUE;
  return FALSE;
}

/* "61/20" -> "UA 61/20"; a reference that names itself stays as it is. */
static char *
cite_reference (const char *reference)
{
  if (reference == NULL || *reference == '\0')
    return NULL;
  if (g_ascii_isdigit (reference[0]))
    return g_strdup_printf ("UA %s", reference);
  return g_strdup (reference);
}

static void
take_document (AskarovLetterCase  *c,
               const AskarovFacts *facts)
{
  g_clear_pointer (&c->reference, g_free);
  c->reference = cite_reference (facts->reference);
  g_set_str (&c->deadline, facts->deadline);
  g_strfreev (c->languages);
  c->languages = g_strdupv (facts->languages);
  c->own_language_allowed = facts->own_language_allowed;
  g_ptr_array_set_size (c->targets, 0);
  for (guint i = 0; i < facts->targets->len; i++)
    g_ptr_array_add (c->targets, askarov_target_copy (g_ptr_array_index (facts->targets, i)));
}

static void
take_persons (AskarovLetterCase  *c,
              const AskarovFacts *facts)
{
  g_strfreev (c->persons);
  g_strfreev (c->pronouns);
  c->persons = g_strdupv (facts->persons);
  c->pronouns = g_strdupv (facts->pronouns);
}

/* @documents: AskarovFacts, newest first; @chosen: the document asked for, or NULL. */
static void
assemble (AskarovLetterCase  *c,
          GPtrArray          *documents,
          const AskarovFacts *chosen,
          gboolean            state_known)
{
  const AskarovFacts *letter_doc = NULL;
  const AskarovFacts *asks_doc = NULL;
  const AskarovFacts *persons_doc = NULL;

  if (chosen != NULL && has_main_target (chosen))
    letter_doc = chosen;
  for (guint i = 0; i < documents->len && letter_doc == NULL; i++)
    {
      const AskarovFacts *facts = g_ptr_array_index (documents, i);

      if (is_appeal_kind (facts->kind) && has_main_target (facts))
        letter_doc = facts;
    }
  for (guint i = 0; i < documents->len && letter_doc == NULL; i++)
    {
      const AskarovFacts *facts = g_ptr_array_index (documents, i);

      if (facts->targets->len > 0)
        letter_doc = facts;
    }
  if (letter_doc == NULL)
    letter_doc = chosen != NULL ? chosen : documents->len > 0 ? g_ptr_array_index (documents, 0) : NULL;
  if (letter_doc != NULL)
    take_document (c, letter_doc);

  /* The asks: the newest UA or update that lists any, else the letter's document's. */
  for (guint i = 0; i < documents->len && asks_doc == NULL; i++)
    {
      const AskarovFacts *facts = g_ptr_array_index (documents, i);

      if (is_appeal_kind (facts->kind) && !strv_is_empty (facts->asks))
        asks_doc = facts;
    }
  if (asks_doc == NULL && letter_doc != NULL && !strv_is_empty (letter_doc->asks))
    asks_doc = letter_doc;
  if (asks_doc != NULL)
    {
      g_strfreev (c->asks);
      c->asks = g_strdupv (asks_doc->asks);
      /* The document's own language; the languages it asks letters in say nothing about it. */
      g_set_str (&c->asks_language, asks_doc->language);
    }

  /* The people: those the letter's document names, else the newest document that names any. */
  if (letter_doc != NULL && !strv_is_empty (letter_doc->persons))
    persons_doc = letter_doc;
  for (guint i = 0; i < documents->len && persons_doc == NULL; i++)
    if (!strv_is_empty (((AskarovFacts *) g_ptr_array_index (documents, i))->persons))
      persons_doc = g_ptr_array_index (documents, i);
  if (persons_doc != NULL)
    take_persons (c, persons_doc);

  if (letter_doc != NULL && letter_doc->country != NULL)
    g_set_str (&c->country, letter_doc->country);
  for (guint i = 0; i < documents->len && c->country == NULL; i++)
    g_set_str (&c->country, ((AskarovFacts *) g_ptr_array_index (documents, i))->country);

  /* The newest outcome says where the case stands, unless the library already knows. */
  for (guint i = 0; i < documents->len; i++)
    {
      const AskarovFacts *facts = g_ptr_array_index (documents, i);
      AskarovCaseState state;

      if (facts->outcome == NULL || !askarov_case_state_from_id (facts->outcome, &state))
        continue;
      if (!state_known)
        {
          c->state = state;
          g_set_str (&c->state_date, facts->outcome_date);
        }
      g_strfreev (c->outcome_asks);
      c->outcome_asks = g_strdupv (facts->asks);
      break;
    }
}

AskarovLetterCase *
askarov_letter_case_new_from_facts (const AskarovFacts *facts,
                                    gint64              case_id,
                                    gint64              document_id)
{
  AskarovLetterCase *c = askarov_letter_case_new ();
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();

  g_return_val_if_fail (facts != NULL, c);

  c->case_id = case_id;
  c->document_id = document_id;
  g_ptr_array_add (documents, (gpointer) facts);
  assemble (c, documents, facts, FALSE);
  return c;
}

/* The cases table's state, where the store has that column; FALSE when it has not. */
static gboolean
read_case_row (AskarovStore      *store,
               AskarovLetterCase *c,
               gboolean          *state_known)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) state_stmt = NULL;

  *state_known = FALSE;
  stmt = askarov_store_prepare (store, "SELECT name, pack FROM cases WHERE id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->case_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  c->name = askarov_store_column_dup (stmt, 0);
  /* A case from a case pack tells its history in each letter language; read
   * from the pack itself, so a library made by an older version gets it too. */
  if (sqlite3_column_type (stmt, 1) == SQLITE_TEXT)
    askarov_case_pack_add_background ((const char *) sqlite3_column_text (stmt, 1), c);

  /* Older libraries have no state column: the outcome documents tell instead. */
  if (sqlite3_prepare_v2 (askarov_store_get_db (store), "SELECT state, state_date FROM cases WHERE id = ?1",
                          -1, &state_stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (state_stmt, 1, c->case_id);
      if (sqlite3_step (state_stmt) == SQLITE_ROW)
        {
          g_autofree char *id = askarov_store_column_dup (state_stmt, 0);
          AskarovCaseState state;

          /* An open row may simply predate the outcome: the documents can still close it. */
          if (askarov_case_state_from_id (id, &state) && state != ASKAROV_CASE_STATE_OPEN)
            {
              c->state = state;
              c->state_date = askarov_store_column_dup (state_stmt, 1);
              *state_known = TRUE;
            }
        }
    }
  return TRUE;
}

static GStrv
split_column (sqlite3_stmt *stmt,
              int           column,
              const char   *separator)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", separator, -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/* Fills what the facts lack from the document's columns. */
static void
fill_from_columns (AskarovFacts *facts,
                   sqlite3_stmt *stmt)
{
  if (facts->kind == ASKAROV_DOCUMENT_KIND_UNKNOWN)
    facts->kind = askarov_document_kind_from_string ((const char *) sqlite3_column_text (stmt, 2));
  if (facts->reference == NULL)
    facts->reference = askarov_store_column_dup (stmt, 3);
  if (facts->deadline == NULL)
    facts->deadline = askarov_store_column_dup (stmt, 4);
  if (strv_is_empty (facts->languages))
    {
      g_strfreev (facts->languages);
      facts->languages = split_column (stmt, 5, ",");
      facts->own_language_allowed = sqlite3_column_int (stmt, 6) != 0;
    }
  if (strv_is_empty (facts->persons))
    {
      g_strfreev (facts->persons);
      g_strfreev (facts->pronouns);
      facts->persons = split_column (stmt, 7, "\n");
      facts->pronouns = split_column (stmt, 8, "\n");
    }
}

static GStrv
split_lines (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* The officials from the targets table, for a document without them in its facts. */
static gboolean
load_targets (AskarovStore  *store,
              gint64         document_id,
              AskarovFacts  *facts,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = askarov_store_prepare (store,
                                "SELECT name, title, salutation, address, email, fax, phone, social, is_copy "
                                "FROM targets WHERE document_id = ?1 ORDER BY position",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AskarovTarget *target = askarov_target_new ();
      g_autofree char *address = askarov_store_column_dup (stmt, 3);
      g_autofree char *email = askarov_store_column_dup (stmt, 4);
      g_autofree char *social = askarov_store_column_dup (stmt, 7);

      target->name = askarov_store_column_dup (stmt, 0);
      target->title = askarov_store_column_dup (stmt, 1);
      target->salutation = askarov_store_column_dup (stmt, 2);
      /* The table keeps no form of address: the UA's salutation still tells it. */
      target->address_form = g_strdup (extract_form_from_salutation (target->salutation));
      g_strfreev (target->address);
      target->address = split_lines (address);
      g_strfreev (target->email);
      target->email = split_lines (email);
      target->fax = askarov_store_column_dup (stmt, 5);
      target->phone = askarov_store_column_dup (stmt, 6);
      g_strfreev (target->social);
      target->social = split_lines (social);
      target->copy = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (facts->targets, target);
    }
  if (rc != SQLITE_DONE)
    return askarov_store_set_error (store, error, _("Reading the targets"));
  return TRUE;
}

AskarovLetterCase *
askarov_letter_case_load (AskarovStore  *store,
                          gint64         case_id,
                          gint64         document_id,
                          GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_facts_free);
  g_autoptr(AskarovLetterCase) c = NULL;
  AskarovFacts *chosen = NULL;
  gboolean state_known = FALSE;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);
  g_return_val_if_fail (case_id > 0 || document_id > 0, NULL);

  locker = askarov_store_lock (store);
  if (case_id <= 0)
    {
      stmt = askarov_store_prepare (store, "SELECT COALESCE (case_id, 0) FROM documents WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, document_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       /* Translators: %s is a document's number in the library */
                       _("There is no document %s in the library."), number);
          return NULL;
        }
      case_id = sqlite3_column_int64 (stmt, 0);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  c = askarov_letter_case_new ();
  c->case_id = case_id;
  c->document_id = document_id;
  if (case_id > 0 && !read_case_row (store, c, &state_known))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("That case is no longer in the library."));
      return NULL;
    }

  stmt = askarov_store_prepare (store,
                                case_id > 0
                                ? "SELECT id, facts_json, kind, reference, deadline, languages, own_language_allowed, "
                                  "persons, pronouns FROM documents WHERE case_id = ?1 "
                                  "ORDER BY sort_date DESC, id DESC"
                                : "SELECT id, facts_json, kind, reference, deadline, languages, own_language_allowed, "
                                  "persons, pronouns FROM documents WHERE id = ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 1, case_id);
  else
    sqlite3_bind_int64 (stmt, 2, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *json = (const char *) sqlite3_column_text (stmt, 1);
      AskarovFacts *facts = json != NULL ? askarov_facts_from_string (json, NULL) : NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      /* A row without facts (written by an older version) still has its columns. */
      if (facts == NULL)
        facts = askarov_facts_new ();
      fill_from_columns (facts, stmt);
      if (facts->targets->len == 0 && !load_targets (store, id, facts, error))
        {
          askarov_facts_free (facts);
          return NULL;
        }
      if (id == document_id)
        chosen = facts;
      g_ptr_array_add (documents, facts);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (store, error, _("Reading the case’s documents"));
      return NULL;
    }
  if (documents->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The case has no documents to write from."));
      return NULL;
    }
  assemble (c, documents, chosen, state_known);
  /* Documents that name no one: a case is named after its person. */
  if (strv_is_empty (c->persons) && c->name != NULL)
    {
      g_strfreev (c->persons);
      c->persons = g_strdupv ((char *[]) { c->name, NULL });
    }

  /* Which document the officials come from: the one asked for, else the one chosen above. */
  if (chosen == NULL || !has_main_target (chosen))
    {
      g_autoptr(sqlite3_stmt) pick = NULL;

      /* Find the id of the document whose facts were taken, by its targets and reference. */
      pick = askarov_store_prepare (store,
                                    "SELECT d.id FROM documents d WHERE d.case_id IS ?1 "
                                    "AND EXISTS (SELECT 1 FROM targets t WHERE t.document_id = d.id AND t.is_copy = 0) "
                                    "ORDER BY CASE WHEN d.kind IN ('urgent-action', 'update') THEN 0 ELSE 1 END, "
                                    "d.sort_date DESC, d.id DESC LIMIT 1",
                                    NULL);
      if (pick != NULL && case_id > 0)
        {
          sqlite3_bind_int64 (pick, 1, case_id);
          if (sqlite3_step (pick) == SQLITE_ROW)
            c->document_id = sqlite3_column_int64 (pick, 0);
        }
    }
  return g_steal_pointer (&c);
}

typedef struct
{
  gint64 case_id;
  gint64 document_id;
} LoadData;

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  AskarovLetterCase *c;

  c = askarov_letter_case_load (ASKAROV_STORE (source_object), data->case_id, data->document_id, &error);
  if (c == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, c, (GDestroyNotify) askarov_letter_case_unref);
}

void
askarov_letter_case_load_async (AskarovStore        *store,
                                gint64               case_id,
                                gint64               document_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (ASKAROV_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_letter_case_load_async);
  data = g_new0 (LoadData, 1);
  data->case_id = case_id;
  data->document_id = document_id;
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, load_worker);
}

AskarovLetterCase *
askarov_letter_case_load_finish (AskarovStore  *store,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

AskarovLetterKind
askarov_letter_case_get_kind (const AskarovLetterCase *c)
{
  g_return_val_if_fail (c != NULL, ASKAROV_LETTER_KIND_NONE);

  switch (c->state)
    {
    case ASKAROV_CASE_STATE_OPEN:
      return ASKAROV_LETTER_KIND_APPEAL;
    case ASKAROV_CASE_STATE_DIED:
      return ASKAROV_LETTER_KIND_AFTER_DEATH;
    case ASKAROV_CASE_STATE_RELEASED:
    case ASKAROV_CASE_STATE_CHARGES_DROPPED:
    case ASKAROV_CASE_STATE_GOOD_NEWS:
      return ASKAROV_LETTER_KIND_THANKS;
    case ASKAROV_CASE_STATE_NO_FURTHER_ACTION:
    case ASKAROV_CASE_STATE_ENDED:
    default:
      return ASKAROV_LETTER_KIND_NONE;
    }
}

char *
askarov_letter_case_dup_reason (const AskarovLetterCase *c)
{
  const char *label;

  g_return_val_if_fail (c != NULL, NULL);

  label = askarov_case_state_get_label (c->state);
  switch (askarov_letter_case_get_kind (c))
    {
    case ASKAROV_LETTER_KIND_AFTER_DEATH:
      /* Translators: %s is a case state ("Died in custody") */
      return g_strdup_printf (_("This case is closed (%s). The letter no longer asks for release: it asks for an "
                                "investigation of the death, for those responsible to answer for it and for the "
                                "person’s name to be cleared."), label);
    case ASKAROV_LETTER_KIND_THANKS:
      /* Translators: %s is a case state ("Released") */
      return g_strdup_printf (_("This case is closed (%s). The letter thanks the authorities and asks that no "
                                "one in the case is harassed again."), label);
    case ASKAROV_LETTER_KIND_NONE:
      /* Translators: %s is a case state ("No further action") */
      return g_strdup_printf (_("This case is closed (%s) and its outcome asks for no more letters."), label);
    case ASKAROV_LETTER_KIND_APPEAL:
    default:
      return NULL;
    }
}

char *
askarov_letter_case_dup_persons (const AskarovLetterCase *c,
                                 const char              *language)
{
  JsonObject *book = askarov_phrasebook_get_book (language);
  const char *and = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (c != NULL, NULL);

  if (book == NULL)
    book = askarov_phrasebook_get_book ("en");
  and = askarov_phrasebook_get_string (askarov_phrasebook_get_object (book, "phrases"), "and");
  n = g_strv_length (c->persons);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i + 1 == n)
        g_string_append_printf (out, " %s ", and != NULL ? and : "and");
      else if (i > 0)
        g_string_append (out, ", ");
      /* The name as the letter's script writes it ("Азимжан Аскаров" in a Russian letter). */
      {
        g_autofree char *name = askarov_names_to_script (c->persons[i], language);

        g_string_append (out, name);
      }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
background_key (const char *kind,
                const char *language)
{
  return g_strdup_printf ("%s:%s", kind, language);
}

const char *
askarov_letter_case_get_background (const AskarovLetterCase *c,
                                    const char              *kind,
                                    const char              *language)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (c != NULL, NULL);

  if (kind == NULL || language == NULL)
    return NULL;
  key = background_key (kind, language);
  return g_hash_table_lookup (c->background, key);
}

void
askarov_letter_case_set_background (AskarovLetterCase *c,
                                    const char        *kind,
                                    const char        *language,
                                    const char        *text)
{
  g_return_if_fail (c != NULL);
  g_return_if_fail (kind != NULL && language != NULL);

  if (text == NULL || *text == '\0')
    {
      g_autofree char *key = background_key (kind, language);

      g_hash_table_remove (c->background, key);
    }
  else
    g_hash_table_replace (c->background, background_key (kind, language), g_strdup (text));
}

char *
askarov_letter_describe_target (const char *name,
                                const char *title)
{
  gboolean has_name = name != NULL && *name != '\0';
  gboolean has_title = title != NULL && *title != '\0';

  if (has_name && has_title)
    return g_strdup_printf ("%s, %s", name, title);
  return g_strdup (has_name ? name : has_title ? title : "");
}

GStrv
askarov_letter_handles_from_social (const char * const *social)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; social != NULL && social[i] != NULL; i++)
    {
      const char *at = strchr (social[i], '@');
      gsize len;

      if (at == NULL)
        continue;
      len = strcspn (at, " \t\n,;)]");
      if (len > 1)
        {
          g_autofree char *handle = g_strndup (at, len);

          g_strv_builder_add (builder, handle);
        }
    }
  return g_strv_builder_end (builder);
}
