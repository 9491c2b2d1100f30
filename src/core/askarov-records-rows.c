/* askarov-records-rows.c — reading, checking and keying record rows, shared by the records files.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-records"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "askarov-records-private.h"

/* Longest field we store, in bytes; the note may be longer. Larger values
 * are refused, not cut, so that nothing is silently lost. */
#define MAX_FIELD_BYTES 2048
#define MAX_NOTE_BYTES (64 * 1024)

#define STMT_CACHE_KEY "askarov-records-statements"

typedef struct
{
  sqlite3    *db;      /* the connection the statements belong to */
  GHashTable *stmts;   /* SQL literal -> sqlite3_stmt */
} StmtCache;

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
stmt_cache_free (StmtCache *cache)
{
  /* Finalizing after sqlite3_close_v2() is allowed: the connection is
   * freed once its last statement is. */
  g_hash_table_unref (cache->stmts);
  g_free (cache);
}

AskarovCachedStmt *
askarov_records_prepare_cached (AskarovStore  *store,
                                const char    *sql,
                                GError       **error)
{
  sqlite3 *db = askarov_store_get_db (store);
  StmtCache *cache;
  sqlite3_stmt *stmt;

  if (db == NULL)
    {
      askarov_store_set_error (store, error, _("Reading the database"));
      return NULL;
    }

  cache = g_object_get_data (G_OBJECT (store), STMT_CACHE_KEY);
  if (cache == NULL || cache->db != db)
    {
      cache = g_new0 (StmtCache, 1);
      cache->db = db;
      cache->stmts = g_hash_table_new_full (NULL, NULL, NULL, finalize_stmt);
      g_object_set_data_full (G_OBJECT (store), STMT_CACHE_KEY, cache, (GDestroyNotify) stmt_cache_free);
    }

  if ((stmt = g_hash_table_lookup (cache->stmts, sql)) != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      askarov_store_set_error (store, error, _("Reading the database"));
      return NULL;
    }
  g_hash_table_insert (cache->stmts, (gpointer) sql, stmt);
  return stmt;
}

void
askarov_cached_stmt_release (AskarovCachedStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

AskarovActionRecord *
askarov_records_read_row (sqlite3_stmt *stmt)
{
  AskarovActionRecord *record = askarov_action_record_new ();
  AskarovChannel channel = ASKAROV_CHANNEL_OTHER;
  AskarovOutcome outcome = ASKAROV_OUTCOME_NONE;

  askarov_action_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  askarov_action_record_set_case_id (record, sqlite3_column_int64 (stmt, 1));
  askarov_action_record_set_case_name (record, (const char *) sqlite3_column_text (stmt, 2));
  askarov_action_record_set_reference (record, (const char *) sqlite3_column_text (stmt, 3));
  askarov_action_record_set_target_name (record, (const char *) sqlite3_column_text (stmt, 4));
  askarov_action_record_set_target_title (record, (const char *) sqlite3_column_text (stmt, 5));
  askarov_channel_from_id ((const char *) sqlite3_column_text (stmt, 6), &channel);
  askarov_action_record_set_channel (record, channel);
  if (!askarov_outcome_from_string ((const char *) sqlite3_column_text (stmt, 7), &outcome))
    outcome = ASKAROV_OUTCOME_NONE;
  askarov_action_record_set_outcome (record, outcome);
  askarov_action_record_set_language (record, (const char *) sqlite3_column_text (stmt, 8));
  askarov_action_record_set_taken_on (record, (const char *) sqlite3_column_text (stmt, 9));
  askarov_action_record_set_note (record, (const char *) sqlite3_column_text (stmt, 10));
  askarov_action_record_set_draft_id (record, sqlite3_column_int64 (stmt, 11));
  askarov_action_record_set_reported_on (record, (const char *) sqlite3_column_text (stmt, 12));
  askarov_action_record_set_created_at (record, (const char *) sqlite3_column_text (stmt, 13));
  askarov_action_record_set_uuid (record, (const char *) sqlite3_column_text (stmt, 14));
  askarov_action_record_set_volunteer (record, (const char *) sqlite3_column_text (stmt, 15));
  return record;
}

static void
add_key_part (GChecksum  *checksum,
              const char *text)
{
  /* Length-prefixed, so that "a,b" + "c" and "a" + "b,c" differ. */
  g_autofree char *len = g_strdup_printf ("%zu:", text != NULL ? strlen (text) : (gsize) 0);

  g_checksum_update (checksum, (const guchar *) len, -1);
  if (text != NULL)
    g_checksum_update (checksum, (const guchar *) text, -1);
}

char *
askarov_records_natural_key (AskarovActionRecord *record)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  AskarovOutcome outcome = askarov_action_record_get_outcome (record);

  add_key_part (checksum, askarov_action_record_get_taken_on (record));
  add_key_part (checksum, askarov_action_record_get_case_name (record));
  add_key_part (checksum, askarov_action_record_get_reference (record));
  add_key_part (checksum, askarov_action_record_get_target_name (record));
  add_key_part (checksum, askarov_action_record_get_target_title (record));
  add_key_part (checksum, askarov_channel_to_id (askarov_action_record_get_channel (record)));
  add_key_part (checksum, askarov_outcome_to_string (outcome));
  add_key_part (checksum, askarov_action_record_get_language (record));
  add_key_part (checksum, askarov_action_record_get_note (record));

  /* 128 bits are plenty to tell actions apart and keep the index small. */
  return g_strndup (g_checksum_get_string (checksum), 32);
}

static gboolean
check_text (const char  *value,
            gsize        max_bytes,
            const char  *field,
            GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      /* Translators: %s is a field name such as “Note” */
      g_set_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID,
                   _("The field “%s” is not valid UTF-8 text."), field);
      return FALSE;
    }
  if (strlen (value) > max_bytes)
    {
      /* Translators: %s is a field name such as “Note” */
      g_set_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID,
                   _("The field “%s” is too long."), field);
      return FALSE;
    }
  for (const char *p = value; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r')
      {
        g_set_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID,
                     _("The field “%s” contains control characters."), field);
        return FALSE;
      }
  return TRUE;
}

/* "ru", or a language with its script ("uz-Cyrl", a letter language). */
static gboolean
is_language_code (const char *code)
{
  if (code == NULL || !g_ascii_islower (code[0]) || !g_ascii_islower (code[1]))
    return FALSE;
  if (code[2] == '\0')
    return TRUE;
  return strlen (code) == 7 && code[2] == '-' && g_ascii_isupper (code[3])
         && g_ascii_islower (code[4]) && g_ascii_islower (code[5]) && g_ascii_islower (code[6]);
}

gboolean
askarov_records_validate (AskarovActionRecord  *record,
                          GError              **error)
{
  const char *taken_on = askarov_action_record_get_taken_on (record);
  const char *reported_on = askarov_action_record_get_reported_on (record);
  const char *language = askarov_action_record_get_language (record);

  if (!askarov_date_is_valid (taken_on))
    {
      /* Translators: %s is what was given as the date, e.g. “2026-13-01” */
      g_set_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID,
                   _("The date taken “%s” is not a real day in the form YYYY-MM-DD."),
                   taken_on != NULL ? taken_on : "");
      return FALSE;
    }
  if (reported_on != NULL && !askarov_date_is_valid (reported_on))
    {
      /* Translators: %s is what was given as the date */
      g_set_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID,
                   _("The date reported “%s” is not a real day in the form YYYY-MM-DD."), reported_on);
      return FALSE;
    }
  if (language != NULL && !is_language_code (language))
    {
      /* Translators: %s is what was given as the language */
      g_set_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID,
                   _("The language “%s” is not a two-letter ISO 639-1 code such as “ru”."), language);
      return FALSE;
    }
  if (!askarov_outcome_fits_channel (askarov_action_record_get_outcome (record),
                                     askarov_action_record_get_channel (record)))
    {
      /* Translators: the first %s is an outcome such as “Voicemail”, the second a channel such as “Letter” */
      g_set_error (error, ASKAROV_RECORD_ERROR, ASKAROV_RECORD_ERROR_INVALID,
                   _("The outcome “%s” does not fit the channel “%s”."),
                   askarov_outcome_get_label (askarov_action_record_get_outcome (record)),
                   askarov_channel_get_label (askarov_action_record_get_channel (record)));
      return FALSE;
    }

  return check_text (askarov_action_record_get_case_name (record), MAX_FIELD_BYTES, _("Case"), error) &&
         check_text (askarov_action_record_get_reference (record), MAX_FIELD_BYTES, _("Reference"), error) &&
         check_text (askarov_action_record_get_target_name (record), MAX_FIELD_BYTES, _("Target"), error) &&
         check_text (askarov_action_record_get_target_title (record), MAX_FIELD_BYTES, _("Target title"), error) &&
         check_text (askarov_action_record_get_note (record), MAX_NOTE_BYTES, _("Note"), error);
}
