/* askarov-records-report.c — the summary of actions for one UA that organisers ask for.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-records-report"

#include "config.h"

#include "askarov-records-report.h"

#include <glib/gi18n.h>
#include <string.h>

#include "askarov-letter.h"
#include "askarov-records-csv.h"
#include "askarov-records-private.h"

struct _AskarovRecordsReport
{
  GObject    parent_instance;
  char      *reference;
  char      *case_name;
  GPtrArray *records;                        /* AskarovActionRecord, newest first */
  GArray    *ids;                            /* gint64 */
  guint      channel_counts[ASKAROV_N_CHANNELS];
  GStrv      languages;
  GStrv      targets;
  char      *first_date;
  char      *last_date;
};

G_DEFINE_FINAL_TYPE (AskarovRecordsReport, askarov_records_report, G_TYPE_OBJECT)

typedef struct
{
  const char *code;
  guint       count;
  guint       order;
} LanguageCount;

static int
compare_languages (gconstpointer a,
                   gconstpointer b)
{
  const LanguageCount *x = a;
  const LanguageCount *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

/* Fills the counts from the records (newest first). */
static void
summarise (AskarovRecordsReport *self)
{
  g_autoptr(GArray) languages = g_array_new (FALSE, TRUE, sizeof (LanguageCount));
  g_autoptr(GStrvBuilder) targets = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GHashTable) seen_targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Oldest first, so that targets come in the order they were first contacted. */
  for (guint n = self->records->len; n > 0; n--)
    {
      AskarovActionRecord *record = g_ptr_array_index (self->records, n - 1);
      const char *language = askarov_action_record_get_language (record);
      const char *taken_on = askarov_action_record_get_taken_on (record);
      const char *name = askarov_action_record_get_target_name (record);
      const char *title = askarov_action_record_get_target_title (record);
      gint64 id = askarov_action_record_get_id (record);

      /* Others' actions in a group (id 0) are theirs to mark reported. */
      if (id != 0)
        g_array_append_val (self->ids, id);
      self->channel_counts[askarov_action_record_get_channel (record)]++;
      if (self->first_date == NULL || g_strcmp0 (taken_on, self->first_date) < 0)
        g_set_str (&self->first_date, taken_on);
      if (self->last_date == NULL || g_strcmp0 (taken_on, self->last_date) > 0)
        g_set_str (&self->last_date, taken_on);
      if (self->case_name == NULL)
        self->case_name = g_strdup (askarov_action_record_get_case_name (record));

      if (language != NULL)
        {
          guint i;

          for (i = 0; i < languages->len; i++)
            if (g_str_equal (g_array_index (languages, LanguageCount, i).code, language))
              break;
          if (i == languages->len)
            {
              LanguageCount count = { language, 0, i };

              g_array_append_val (languages, count);
            }
          g_array_index (languages, LanguageCount, i).count++;
        }

      if (name != NULL || title != NULL)
        {
          g_autofree char *label = NULL;

          if (name != NULL && title != NULL)
            /* Translators: a target in the report: %s is a name, then a title, e.g. “Ivan Petrov, Prosecutor General” */
            label = g_strdup_printf (_("%s, %s"), name, title);
          else
            label = g_strdup (name != NULL ? name : title);
          if (!g_hash_table_contains (seen_targets, label))
            {
              g_strv_builder_add (targets, label);
              g_hash_table_add (seen_targets, g_steal_pointer (&label));
            }
        }
    }

  g_array_sort (languages, compare_languages);
  for (guint i = 0; i < languages->len; i++)
    g_strv_builder_add (codes, g_array_index (languages, LanguageCount, i).code);
  self->languages = g_strv_builder_end (codes);
  self->targets = g_strv_builder_end (targets);
}

static void
askarov_records_report_finalize (GObject *object)
{
  AskarovRecordsReport *self = ASKAROV_RECORDS_REPORT (object);

  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->case_name, g_free);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->targets, g_strfreev);
  g_clear_pointer (&self->first_date, g_free);
  g_clear_pointer (&self->last_date, g_free);

  G_OBJECT_CLASS (askarov_records_report_parent_class)->finalize (object);
}

static void
askarov_records_report_class_init (AskarovRecordsReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = askarov_records_report_finalize;
}

static void
askarov_records_report_init (AskarovRecordsReport *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * askarov_store_build_report:
 * @reference: the UA reference, such as "123/45"
 * @only_unreported: leave out actions already reported
 *
 * Returns: (transfer full): the report, or %NULL with @error
 */
AskarovRecordsReport *
askarov_store_build_report (AskarovStore  *store,
                            const char    *reference,
                            gboolean       only_unreported,
                            GError       **error)
{
  g_autoptr(AskarovRecordsReport) self = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT " ASKAROV_RECORD_COLUMNS " FROM " ASKAROV_RECORD_FROM
                                         " WHERE r.reference = ?1");
  int rc;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  if (only_unreported)
    g_string_append (sql, " AND r.reported_on IS NULL");
  /* In a letter-writing group the report covers the group: the others'
   * actions from the group folder (askarov-group.c), each once. */
  g_string_append (sql, " UNION ALL SELECT 0, 0, g.case_name, g.reference, g.target_name, g.target_title, "
                        "g.channel, g.outcome, g.language, g.taken_on, g.note, 0, g.reported_on, g.created_at, "
                        "g.uuid, g.volunteer FROM group_records g WHERE g.deleted = 0 AND g.reference = ?1 "
                        "AND NOT EXISTS (SELECT 1 FROM records r2 WHERE r2.uuid = g.uuid)");
  if (only_unreported)
    g_string_append (sql, " AND g.reported_on IS NULL");
  g_string_append (sql, " ORDER BY 10 DESC, 1 DESC");

  self = g_object_new (ASKAROV_TYPE_RECORDS_REPORT, NULL);
  self->reference = g_strdup (reference);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);

  locker = askarov_store_lock (store);
  if (!(stmt = askarov_store_prepare (store, sql->str, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (self->records, askarov_records_read_row (stmt));
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (store, error, _("Reading the actions"));
      return NULL;
    }
  g_clear_pointer (&locker, g_mutex_locker_free);

  summarise (self);
  return g_steal_pointer (&self);
}

typedef struct
{
  char     *reference;
  gboolean  only_unreported;
} ReportArgs;

static void
report_args_free (ReportArgs *args)
{
  g_free (args->reference);
  g_free (args);
}

static gpointer
build_report_job (AskarovStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ReportArgs *args = data;

  return askarov_store_build_report (store, args->reference, args->only_unreported, error);
}

void
askarov_store_build_report_async (AskarovStore        *store,
                                  const char          *reference,
                                  gboolean             only_unreported,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ReportArgs *args;

  g_return_if_fail (ASKAROV_IS_STORE (store));
  g_return_if_fail (reference != NULL);

  args = g_new0 (ReportArgs, 1);
  args->reference = g_strdup (reference);
  args->only_unreported = only_unreported;
  askarov_records_run_job (store, store, build_report_job, args, (GDestroyNotify) report_args_free,
                           g_object_unref, askarov_store_build_report_async, cancellable, callback, user_data);
}

AskarovRecordsReport *
askarov_store_build_report_finish (AskarovStore  *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return askarov_records_job_finish (store, result, askarov_store_build_report_async, error);
}

const char *
askarov_records_report_get_reference (AskarovRecordsReport *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  return self->reference;
}

const char *
askarov_records_report_get_case_name (AskarovRecordsReport *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  return self->case_name;
}

guint
askarov_records_report_get_n_records (AskarovRecordsReport *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), 0);

  return self->records->len;
}

guint
askarov_records_report_get_channel_count (AskarovRecordsReport *self,
                                          AskarovChannel        channel)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), 0);
  g_return_val_if_fail (channel <= ASKAROV_CHANNEL_OTHER, 0);

  return self->channel_counts[channel];
}

const char * const *
askarov_records_report_get_languages (AskarovRecordsReport *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  return (const char * const *) self->languages;
}

const char * const *
askarov_records_report_get_targets (AskarovRecordsReport *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  return (const char * const *) self->targets;
}

const char *
askarov_records_report_get_first_date (AskarovRecordsReport *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  return self->first_date;
}

const char *
askarov_records_report_get_last_date (AskarovRecordsReport *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  return self->last_date;
}

GPtrArray *
askarov_records_report_get_records (AskarovRecordsReport *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  return self->records;
}

const gint64 *
askarov_records_report_get_ids (AskarovRecordsReport *self,
                                guint                *n_ids)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->ids->len;
  return (const gint64 *) (gpointer) self->ids->data;
}

char *
askarov_records_report_get_subject (AskarovRecordsReport *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  /* Translators: email subject; %s is the UA reference, e.g. “UA 123/45” */
  return g_strdup_printf (_("Actions taken for UA %s"), self->reference);
}

char *
askarov_records_report_to_text (AskarovRecordsReport *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  n = self->records->len;
  if (self->case_name != NULL)
    /* Translators: first line of the report; the first %s is the UA reference, the second the case name */
    g_string_append_printf (text, _("Actions taken for UA %s (%s)"), self->reference, self->case_name);
  else
    /* Translators: first line of the report; %s is the UA reference */
    g_string_append_printf (text, _("Actions taken for UA %s"), self->reference);
  g_string_append (text, "\n\n");

  /* Translators: %u is the number of actions in the report */
  g_string_append_printf (text, ngettext ("%u action in total", "%u actions in total", n), n);
  g_string_append_c (text, '\n');
  if (n == 0)
    return g_string_free (g_steal_pointer (&text), FALSE);

  g_string_append (text, _("By channel:"));
  g_string_append_c (text, '\n');
  for (guint c = 0; c < ASKAROV_N_CHANNELS; c++)
    if (self->channel_counts[c] > 0)
      /* Translators: a line of the report; %s is a channel such as “Letter”, %u how many */
      g_string_append_printf (text, _("  %s: %u\n"), askarov_channel_get_label (c), self->channel_counts[c]);

  if (self->languages[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", self->languages);

      /* Translators: %s is a list of language codes such as “ru, en” */
      g_string_append_printf (text, _("Languages: %s\n"), list);
    }
  if (g_strcmp0 (self->first_date, self->last_date) == 0)
    /* Translators: %s is a date, YYYY-MM-DD */
    g_string_append_printf (text, _("Date: %s\n"), self->first_date);
  else
    /* Translators: the first %s is the first action's date, the second the last one's (YYYY-MM-DD) */
    g_string_append_printf (text, _("Dates: %s to %s\n"), self->first_date, self->last_date);

  if (self->targets[0] != NULL)
    {
      g_string_append (text, _("Targets:"));
      g_string_append_c (text, '\n');
      for (guint i = 0; self->targets[i] != NULL; i++)
        g_string_append_printf (text, "  %s\n", self->targets[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* RFC 6068 wants CRLF line breaks in a mailto body. */
static char *
to_crlf (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      if (*p == '\n' || *p == '\r')
        g_string_append (out, "\r\n");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
askarov_records_report_to_mailto (AskarovRecordsReport *self,
                                  const char           *address,
                                  gsize                 max_bytes,
                                  gboolean             *body_dropped)
{
  char *uri;

  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped_address = NULL;
  g_autofree char *escaped_subject = NULL;
  g_autofree char *escaped_body = NULL;

  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  if (address == NULL)
    address = "";
  for (const char *p = address; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return NULL;

  subject = askarov_records_report_get_subject (self);
  text = askarov_records_report_to_text (self);
  body = to_crlf (text);
  escaped_address = g_uri_escape_string (address, "@", FALSE);
  escaped_subject = g_uri_escape_string (subject, NULL, FALSE);
  escaped_body = g_uri_escape_string (body, NULL, FALSE);

  if (max_bytes == 0)
    max_bytes = ASKAROV_MAILTO_MAX_BYTES;
  uri = g_strconcat ("mailto:", escaped_address, "?subject=", escaped_subject, "&body=", escaped_body, NULL);
  if (body_dropped != NULL)
    *body_dropped = FALSE;
  if (strlen (uri) > max_bytes)
    {
      g_free (uri);
      uri = g_strconcat ("mailto:", escaped_address, "?subject=", escaped_subject, NULL);
      if (body_dropped != NULL)
        *body_dropped = TRUE;
    }
  return uri;
}

char *
askarov_records_report_to_csv (AskarovRecordsReport *self)
{
  g_autoptr(GPtrArray) oldest_first = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (ASKAROV_IS_RECORDS_REPORT (self), NULL);

  /* Oldest first, like the export. */
  for (guint n = self->records->len; n > 0; n--)
    g_ptr_array_add (oldest_first, g_ptr_array_index (self->records, n - 1));
  askarov_records_write_csv (oldest_first, out);
  return g_string_free (out, FALSE);
}
