/* askarov-store-timeline.c — a case on one line of dates: pack facts, documents, deadlines and logged actions.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-store-documents"

#include "config.h"

#include "askarov-store-documents.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "askarov-store-documents-private.h"

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const AskarovCaseEvent *ea = *(const AskarovCaseEvent * const *) a;
  const AskarovCaseEvent *eb = *(const AskarovCaseEvent * const *) b;
  int cmp = g_strcmp0 (ea->date, eb->date);

  return cmp != 0 ? cmp : (int) ea->kind - (int) eb->kind;
}

static void
add_pack_timeline (GPtrArray  *events,
                   const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return;

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      const char *date;
      const char *text;

      if (item == NULL)
        continue;
      date = json_object_get_string_member_with_default (item, "date", NULL);
      text = json_object_get_string_member_with_default (item, "text", NULL);
      if (date != NULL && text != NULL)
        g_ptr_array_add (events, askarov_case_event_new (ASKAROV_CASE_EVENT_FACT, date, text, 0));
    }
}

/**
 * askarov_store_list_case_events:
 *
 * The case on one line of dates: what happened (from a case pack), when
 * each document was issued and when its deadline was, and every action the
 * volunteer logged for the case. For records, the event's text is the
 * target's name and its detail the channel.
 *
 * Returns: (transfer full) (element-type AskarovCaseEvent): oldest first
 */
GPtrArray *
askarov_store_list_case_events (AskarovStore  *self,
                                gint64         case_id,
                                GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) pack = NULL;
  g_autoptr(sqlite3_stmt) documents = NULL;
  g_autoptr(sqlite3_stmt) records = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_case_event_free);
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (self), NULL);

  locker = askarov_store_lock (self);
  if (!(pack = askarov_store_prepare (self, "SELECT timeline FROM cases WHERE id = ?", error)) ||
      !(documents = askarov_store_prepare (self,
                                           "SELECT id, title, issued, deadline FROM documents WHERE case_id = ?",
                                           error)) ||
      !(records = askarov_store_prepare (self,
                                         "SELECT taken_on, target_name, channel FROM records WHERE case_id = ?",
                                         error)))
    return NULL;

  sqlite3_bind_int64 (pack, 1, case_id);
  if (sqlite3_step (pack) == SQLITE_ROW)
    add_pack_timeline (events, (const char *) sqlite3_column_text (pack, 0));

  sqlite3_bind_int64 (documents, 1, case_id);
  while ((rc = sqlite3_step (documents)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (documents, 0);
      const char *title = (const char *) sqlite3_column_text (documents, 1);

      if (sqlite3_column_type (documents, 2) != SQLITE_NULL)
        g_ptr_array_add (events, askarov_case_event_new (ASKAROV_CASE_EVENT_DOCUMENT,
                                                         (const char *) sqlite3_column_text (documents, 2),
                                                         title, id));
      if (sqlite3_column_type (documents, 3) != SQLITE_NULL)
        g_ptr_array_add (events, askarov_case_event_new (ASKAROV_CASE_EVENT_DEADLINE,
                                                         (const char *) sqlite3_column_text (documents, 3),
                                                         title, id));
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the case"));
      return NULL;
    }

  sqlite3_bind_int64 (records, 1, case_id);
  while ((rc = sqlite3_step (records)) == SQLITE_ROW)
    {
      AskarovCaseEvent *event;

      event = askarov_case_event_new (ASKAROV_CASE_EVENT_RECORD,
                                      (const char *) sqlite3_column_text (records, 0),
                                      (const char *) sqlite3_column_text (records, 1), 0);
      event->detail = askarov_store_column_dup (records, 2);
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self, error, _("Reading the case"));
      return NULL;
    }

  g_ptr_array_sort (events, compare_events);
  return g_steal_pointer (&events);
}
