/* askarov-store-cases.c — which case a document joins, and whether that case is still open.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Grouping: a document joins the case that already holds another document
 * of its UA reference ("61/20"), else the case of a person it names (by the
 * folded name, else by a looser name match), else it starts a case named
 * after its first person. Only a document that names nobody and whose
 * reference is new stays outside every case.
 *
 * State: every Urgent Action, update and outcome of a case is a dated claim
 * about it: an Urgent Action or update says "open", an outcome says
 * "released", "died"… The newest claim wins. A document's date is, for an
 * outcome, its outcome date, else its issue date, else the newest date of
 * the case's documents imported before it (an undated outcome follows what
 * the library held), else its list date; for an Urgent Action or update,
 * its list date (issued, else deadline, else the day it was imported). On
 * the same day an outcome beats an Urgent Action. A state
 * the user sets by hand is a claim dated the day it applies from and beats
 * documents of the same day, so a later Urgent Action reopens a case the
 * user closed, and the user can reopen a case an outcome closed. Statements
 * and articles without an outcome say nothing about the state. */

#define G_LOG_DOMAIN "askarov-store-cases"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "askarov-action-record.h"
#include "askarov-extractor.h"
#include "askarov-store-documents-private.h"

#define GROUPED_KEY "cases:every-ua-a-case"

/* Grouping */

gint64
askarov_store_find_case_locked (AskarovStore *self,
                                const char   *reference,
                                char * const *persons)
{
  g_autoptr(sqlite3_stmt) by_reference = NULL;
  g_autoptr(sqlite3_stmt) by_key = NULL;
  g_autoptr(sqlite3_stmt) all = NULL;

  if (reference != NULL && *reference != '\0' &&
      (by_reference = askarov_store_prepare (self,
                                             "SELECT case_id FROM documents WHERE reference = ? "
                                             "AND case_id IS NOT NULL ORDER BY id LIMIT 1", NULL)))
    {
      sqlite3_bind_text (by_reference, 1, reference, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (by_reference) == SQLITE_ROW)
        return sqlite3_column_int64 (by_reference, 0);
    }

  if (persons == NULL || persons[0] == NULL)
    return 0;

  if (!(by_key = askarov_store_prepare (self, "SELECT id FROM cases WHERE person_key = ? ORDER BY id LIMIT 1", NULL)))
    return 0;
  for (guint i = 0; persons[i] != NULL; i++)
    {
      g_autofree char *key = askarov_fold_person_name (persons[i]);

      if (key == NULL)
        continue;
      sqlite3_reset (by_key);
      sqlite3_bind_text (by_key, 1, key, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (by_key) == SQLITE_ROW)
        return sqlite3_column_int64 (by_key, 0);
    }

  if (!(all = askarov_store_prepare (self, "SELECT id, name FROM cases ORDER BY id", NULL)))
    return 0;
  while (sqlite3_step (all) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (all, 1);

      for (guint i = 0; persons[i] != NULL; i++)
        if (askarov_person_names_match (persons[i], name))
          return sqlite3_column_int64 (all, 0);
    }
  return 0;
}

/* The case for a document, created from its first person when none fits. */
static gint64
case_for_document_locked (AskarovStore  *self,
                          const char    *reference,
                          char * const  *persons,
                          GError       **error)
{
  g_autofree char *key = NULL;
  gint64 case_id = askarov_store_find_case_locked (self, reference, persons);

  if (case_id != 0 || persons == NULL || persons[0] == NULL)
    return case_id;
  key = askarov_fold_person_name (persons[0]);
  return askarov_store_ensure_case_locked (self, persons[0], key, error);
}

/* Outcomes read from text, for documents whose facts carry none */

typedef struct
{
  AskarovCaseState  state;
  const char       *pattern;
} OutcomeRule;

/* First match wins: a release is often followed by "no further action". */
static const OutcomeRule outcome_rules[] = {
  { ASKAROV_CASE_STATE_DIED,
    "\\b(?:died|has died|death in custody|passed away|умер|скончал[с]?[ая]|gestorben|verstorben|"
    "est mort|est décédé|murió|falleció)\\b" },
  { ASKAROV_CASE_STATE_CHARGES_DROPPED,
    "\\bcharges\\b[^.]{0,40}\\b(?:dropped|withdrawn|dismissed)\\b|\\bdropped\\b[^.]{0,20}\\bcharges\\b" },
  { ASKAROV_CASE_STATE_RELEASED,
    "\\b(?:released|freed|set free|acquitted|освобожд[её]н[аы]?|freigelassen|libérée?|liberad[oa])\\b" },
  { ASKAROV_CASE_STATE_GOOD_NEWS, "\\bgood news\\b" },
  { ASKAROV_CASE_STATE_NO_FURTHER_ACTION, "\\bno further (?:action|appeals)\\b" },
};

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
};

/* "25 July 2020" or "July 25, 2020" in @sentence, as YYYY-MM-DD. */
static char *
find_english_date (const char *sentence)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter_pointer (&regex))
    g_once_init_leave_pointer (&regex,
                               g_regex_new ("\\b(?:(\\d{1,2})\\s+([a-z]+)|([a-z]+)\\s+(\\d{1,2}),?)\\s+(\\d{4})\\b",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (regex, sentence, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *day = g_match_info_fetch (match, 1);
      g_autofree char *month = g_match_info_fetch (match, 2);
      g_autofree char *year = g_match_info_fetch (match, 5);

      if (day == NULL || *day == '\0')
        {
          g_free (day);
          g_free (month);
          month = g_match_info_fetch (match, 3);
          day = g_match_info_fetch (match, 4);
        }
      for (guint m = 0; m < G_N_ELEMENTS (month_names); m++)
        if (g_ascii_strcasecmp (month, month_names[m]) == 0 &&
            g_date_valid_dmy (atoi (day), m + 1, atoi (year)))
          return g_strdup_printf ("%04d-%02u-%02d", atoi (year), m + 1, atoi (day));
    }
  return NULL;
}

static AskarovCaseState
outcome_from_text (const char  *body,
                   char       **date)
{
  *date = NULL;
  if (body == NULL)
    return ASKAROV_CASE_STATE_ENDED;

  for (guint i = 0; i < G_N_ELEMENTS (outcome_rules); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (outcome_rules[i].pattern, G_REGEX_CASELESS, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      int start, end;

      if (!g_regex_match (regex, body, 0, &match))
        continue;
      /* The date of the event is usually in the same sentence. */
      g_match_info_fetch_pos (match, 0, &start, &end);
      {
        const char *from = body + start;
        const char *to = body + end;
        g_autofree char *sentence = NULL;

        while (from > body && from[-1] != '.' && from[-1] != '\n')
          from--;
        while (*to != '\0' && *to != '.' && *to != '\n')
          to++;
        sentence = g_strndup (from, to - from);
        *date = find_english_date (sentence);
      }
      return outcome_rules[i].state;
    }
  return ASKAROV_CASE_STATE_ENDED;
}

void
askarov_store_document_outcome (const AskarovFacts  *facts,
                                const char          *body,
                                char               **outcome,
                                char               **outcome_date)
{
  AskarovCaseState state;

  *outcome = NULL;
  *outcome_date = NULL;
  if (askarov_case_state_from_id (facts->outcome, &state) && state != ASKAROV_CASE_STATE_OPEN)
    {
      *outcome = g_strdup (facts->outcome);
      *outcome_date = askarov_date_is_valid (facts->outcome_date) ? g_strdup (facts->outcome_date) : NULL;
      return;
    }
  if (facts->kind != ASKAROV_DOCUMENT_KIND_OUTCOME)
    return;

  state = outcome_from_text (body, outcome_date);
  *outcome = g_strdup (askarov_case_state_to_id (state));
  if (*outcome_date == NULL && askarov_date_is_valid (facts->issued))
    *outcome_date = g_strdup (facts->issued);
}

/* State */

gboolean
askarov_store_update_case_state_locked (AskarovStore  *self,
                                        gint64         case_id,
                                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Each claim: (day it ranks by, rank on a tie, id, state, date shown).
   * The winner is the largest (day, rank, id); with no claim the case is
   * open. An outcome without a date ranks on the newest day known before
   * it was imported (it follows what the library held then), else on its
   * list date; it shows the date of an older claim of the same state, if
   * any ("died" twice: the dated one gives the day). */
  stmt = askarov_store_prepare (self,
    "WITH docs (id, outcome, sort_date, known) AS ("
    "  SELECT d.id, d.outcome, d.sort_date, "
    "         CASE WHEN d.outcome IS NOT NULL THEN coalesce (d.outcome_date, d.issued) ELSE d.sort_date END "
    "  FROM documents d WHERE d.case_id = ?1 "
    "    AND (d.outcome IS NOT NULL OR d.kind = 'urgent-action' OR d.kind = 'update')), "
    "claims (day, rank, id, state, shown) AS ("
    "  SELECT coalesce (known, (SELECT max (e.known) FROM docs e WHERE e.id < docs.id), sort_date), "
    "         outcome IS NOT NULL, id, coalesce (outcome, 'open'), CASE WHEN outcome IS NOT NULL THEN known END "
    "  FROM docs "
    "  UNION ALL "
    "  SELECT c.state_user_date, 2, 0, c.state_user, c.state_user_date FROM cases c "
    "  WHERE c.id = ?1 AND c.state_user IS NOT NULL), "
    "winner (state, shown) AS ("
    "  SELECT state, coalesce (shown, (SELECT o.shown FROM claims o WHERE o.state = w.state AND o.shown IS NOT NULL "
    "                                  ORDER BY o.day DESC LIMIT 1)) "
    "  FROM claims w ORDER BY day DESC, rank DESC, id DESC LIMIT 1) "
    "UPDATE cases SET (state, state_date) = "
    "  (SELECT coalesce (w.state, 'open'), CASE WHEN w.state <> 'open' THEN w.shown END "
    "   FROM (SELECT NULL) LEFT JOIN winner w) "
    "WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Saving the case state"));
  return TRUE;
}

/**
 * askarov_store_get_case_state:
 * @state: (out): where the case stands
 * @state_date: (out) (optional) (transfer full) (nullable): YYYY-MM-DD the
 *   state began (the outcome's date), or %NULL when open or not known
 *
 * Fails with %ASKAROV_STORE_ERROR_NOT_FOUND for a case that is not there.
 */
gboolean
askarov_store_get_case_state (AskarovStore      *self,
                              gint64             case_id,
                              AskarovCaseState  *state,
                              char             **state_date,
                              GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  locker = askarov_store_lock (self);
  if (!(stmt = askarov_store_prepare (self, "SELECT state, state_date FROM cases WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND,
                   _("The case is no longer in the library."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return askarov_store_set_error (self, error, _("Reading the case"));

  *state = ASKAROV_CASE_STATE_OPEN;
  askarov_case_state_from_id ((const char *) sqlite3_column_text (stmt, 0), state);
  if (state_date != NULL)
    *state_date = askarov_store_column_dup (stmt, 1);
  return TRUE;
}

/**
 * askarov_store_set_case_state:
 * @state: the state the user chose (%ASKAROV_CASE_STATE_OPEN reopens)
 * @state_date: (nullable): YYYY-MM-DD it applies from; %NULL for today
 *
 * Records the user's choice. It wins over every document dated up to
 * @state_date; a document dated later (a new Urgent Action, a new outcome)
 * decides again. Afterwards askarov_store_get_case_state() gives the result.
 */
gboolean
askarov_store_set_case_state (AskarovStore      *self,
                              gint64             case_id,
                              AskarovCaseState   state,
                              const char        *state_date,
                              GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);
  g_return_val_if_fail (askarov_case_state_to_id (state) != NULL, FALSE);

  if (state_date == NULL)
    state_date = today = askarov_date_today ();
  if (!askarov_date_is_valid (state_date))
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_CONSTRAINT,
                   /* Translators: %s is what the user typed as a date */
                   _("“%s” is not a date; use the form 2024-03-31."), state_date);
      return FALSE;
    }

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return FALSE;
  if (!(stmt = askarov_store_prepare (self, "UPDATE cases SET state_user = ?, state_user_date = ? WHERE id = ?", error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, askarov_case_state_to_id (state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, state_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, case_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Saving the case state"));
      goto fail;
    }
  if (sqlite3_changes (askarov_store_get_db (self)) != 1)
    {
      g_set_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND,
                   _("The case is no longer in the library."));
      goto fail;
    }
  if (!askarov_store_update_case_state_locked (self, case_id, error))
    goto fail;
  return askarov_store_commit (self, error);

fail:
  askarov_store_rollback (self);
  return FALSE;
}

typedef struct
{
  gint64            case_id;
  AskarovCaseState  state;
  char             *state_date;
} SetStateData;

static void
set_state_data_free (SetStateData *data)
{
  g_free (data->state_date);
  g_free (data);
}

static void
set_state_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SetStateData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (askarov_store_set_case_state (source_object, data->case_id, data->state, data->state_date, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
askarov_store_set_case_state_async (AskarovStore        *self,
                                    gint64               case_id,
                                    AskarovCaseState     state,
                                    const char          *state_date,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SetStateData *data = g_new0 (SetStateData, 1);

  g_return_if_fail (ASKAROV_IS_STORE (self));

  data->case_id = case_id;
  data->state = state;
  data->state_date = g_strdup (state_date);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_store_set_case_state_async);
  g_task_set_task_data (task, data, (GDestroyNotify) set_state_data_free);
  g_task_run_in_thread (task, set_state_worker);
}

gboolean
askarov_store_set_case_state_finish (AskarovStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The start-up step */

static gboolean
group_loose_documents_locked (AskarovStore  *self,
                              guint         *n_grouped,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) outcomes = NULL;
  g_autoptr(sqlite3_stmt) set_outcome = NULL;
  g_autoptr(sqlite3_stmt) loose = NULL;
  g_autoptr(sqlite3_stmt) move = NULL;
  g_autoptr(sqlite3_stmt) cases = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  /* Outcome documents saved before facts carried an outcome. */
  if (!(outcomes = askarov_store_prepare (self,
                                          "SELECT id, body, issued FROM documents "
                                          "WHERE kind = 'outcome' AND outcome IS NULL", error)) ||
      !(set_outcome = askarov_store_prepare (self,
                                             "UPDATE documents SET outcome = ?, outcome_date = ? WHERE id = ?", error)))
    return FALSE;
  while ((rc = sqlite3_step (outcomes)) == SQLITE_ROW)
    {
      g_autoptr(AskarovFacts) facts = askarov_facts_new ();
      g_autofree char *outcome = NULL;
      g_autofree char *date = NULL;

      facts->kind = ASKAROV_DOCUMENT_KIND_OUTCOME;
      facts->issued = askarov_store_column_dup (outcomes, 2);
      askarov_store_document_outcome (facts, (const char *) sqlite3_column_text (outcomes, 1), &outcome, &date);
      sqlite3_reset (set_outcome);
      askarov_store_bind_text_or_null (set_outcome, 1, outcome);
      askarov_store_bind_text_or_null (set_outcome, 2, date);
      sqlite3_bind_int64 (set_outcome, 3, sqlite3_column_int64 (outcomes, 0));
      if (sqlite3_step (set_outcome) != SQLITE_DONE)
        return askarov_store_set_error (self, error, _("Saving the document"));
    }
  if (rc != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Reading the library"));

  /* Documents that name a person (or share a grouped UA's reference) but sit
   * in no case, oldest first so that updates follow their Urgent Action. */
  if (!(loose = askarov_store_prepare (self,
                                       "SELECT id, reference, persons FROM documents WHERE case_id IS NULL "
                                       "ORDER BY sort_date, id", error)) ||
      !(move = askarov_store_prepare (self, "UPDATE documents SET case_id = ? WHERE id = ?", error)))
    return FALSE;
  while ((rc = sqlite3_step (loose)) == SQLITE_ROW)
    {
      const char *persons_text = (const char *) sqlite3_column_text (loose, 2);
      g_auto(GStrv) persons = persons_text != NULL && *persons_text != '\0'
                              ? g_strsplit (persons_text, "\n", -1) : NULL;
      gint64 case_id;

      case_id = case_for_document_locked (self, (const char *) sqlite3_column_text (loose, 1), persons, error);
      if (case_id == 0)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          continue;
        }
      sqlite3_reset (move);
      sqlite3_bind_int64 (move, 1, case_id);
      sqlite3_bind_int64 (move, 2, sqlite3_column_int64 (loose, 0));
      if (sqlite3_step (move) != SQLITE_DONE)
        return askarov_store_set_error (self, error, _("Moving the document"));
      (*n_grouped)++;
    }
  if (rc != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Reading the library"));

  if (!(cases = askarov_store_prepare (self, "SELECT id FROM cases", error)))
    return FALSE;
  while ((rc = sqlite3_step (cases)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (cases, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return askarov_store_set_error (self, error, _("Reading the cases"));
  for (guint i = 0; i < ids->len; i++)
    if (!askarov_store_update_case_state_locked (self, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/**
 * askarov_store_group_loose_documents:
 * @n_grouped: (out) (optional): how many documents joined a case
 *
 * The one-off step for libraries from before every Urgent Action was a
 * case: puts each document that names a person (or shares a reference with
 * a case's document) but sits in no case into its case, reads the state of
 * outcome documents saved without one, and works out every case's state.
 * Runs once per library unless @force; askarov_store_open() calls it.
 */
gboolean
askarov_store_group_loose_documents (AskarovStore  *self,
                                     gboolean       force,
                                     guint         *n_grouped,
                                     GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *done = NULL;
  guint n = 0;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), FALSE);

  if (n_grouped != NULL)
    *n_grouped = 0;
  if (!force && (done = askarov_store_get_library_state (self, GROUPED_KEY)) != NULL)
    return TRUE;

  locker = askarov_store_lock (self);
  if (!askarov_store_begin (self, error))
    return FALSE;
  if (!group_loose_documents_locked (self, &n, error))
    {
      askarov_store_rollback (self);
      return FALSE;
    }
  if (!askarov_store_commit (self, error))
    return FALSE;
  g_clear_pointer (&locker, g_mutex_locker_free);

  if (n_grouped != NULL)
    *n_grouped = n;
  return askarov_store_set_library_state (self, GROUPED_KEY, "1", error);
}
