/* askarov-records-report.h — the summary of actions for one UA that organisers ask for.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-action-record.h"
#include "askarov-store-records.h"

G_BEGIN_DECLS

/*
 * AskarovRecordsReport: the actions logged for one UA reference (all, or
 * only those not reported yet), counted by channel, with the languages,
 * first and last dates, and targets. Immutable once built; safe to pass
 * between threads.
 */
#define ASKAROV_TYPE_RECORDS_REPORT (askarov_records_report_get_type ())
G_DECLARE_FINAL_TYPE (AskarovRecordsReport, askarov_records_report, ASKAROV, RECORDS_REPORT, GObject)

/* Reads the actions for @reference (newest first). With @only_unreported,
 * actions already reported are left out. A reference with no actions gives
 * an empty report, not an error. */
AskarovRecordsReport *askarov_store_build_report (AskarovStore  *store,
                                                  const char    *reference,
                                                  gboolean       only_unreported,
                                                  GError       **error);
void                  askarov_store_build_report_async  (AskarovStore        *store,
                                                         const char          *reference,
                                                         gboolean             only_unreported,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
AskarovRecordsReport *askarov_store_build_report_finish (AskarovStore        *store,
                                                         GAsyncResult        *result,
                                                         GError             **error);

const char *askarov_records_report_get_reference  (AskarovRecordsReport *self);
const char *askarov_records_report_get_case_name  (AskarovRecordsReport *self);
guint       askarov_records_report_get_n_records  (AskarovRecordsReport *self);
/* Number of actions by @channel. */
guint       askarov_records_report_get_channel_count (AskarovRecordsReport *self,
                                                      AskarovChannel        channel);
/* ISO 639-1 codes, most used first. (transfer none) NULL-terminated. */
const char * const *askarov_records_report_get_languages (AskarovRecordsReport *self);
/* Target names (with titles) in order of first action. NULL-terminated. */
const char * const *askarov_records_report_get_targets   (AskarovRecordsReport *self);
const char *askarov_records_report_get_first_date (AskarovRecordsReport *self);
const char *askarov_records_report_get_last_date  (AskarovRecordsReport *self);
/* (element-type AskarovActionRecord) (transfer none) */
GPtrArray  *askarov_records_report_get_records    (AskarovRecordsReport *self);
/* The ids of the report's records, for askarov_store_mark_reported(). */
const gint64 *askarov_records_report_get_ids      (AskarovRecordsReport *self,
                                                   guint                *n_ids);

/* The summary as plain text, for the clipboard (translated labels, "\n"). */
char       *askarov_records_report_to_text   (AskarovRecordsReport *self);
/* The subject line of the email ("Actions for UA 123/45"). */
char       *askarov_records_report_get_subject (AskarovRecordsReport *self);
/* A mailto: URI with subject and body (CRLF line breaks), percent-encoded;
 * @address may be NULL or empty for no recipient. NULL when @address has
 * control characters. When the URI would be longer than @max_bytes (0 for
 * ASKAROV_MAILTO_MAX_BYTES: mail clients cut longer ones) the body is left
 * out and *@body_dropped set, so that the caller can copy the text instead. */
char       *askarov_records_report_to_mailto (AskarovRecordsReport *self,
                                              const char           *address,
                                              gsize                 max_bytes,
                                              gboolean             *body_dropped);
/* The report's actions as CSV (same format and order as the export). */
char       *askarov_records_report_to_csv    (AskarovRecordsReport *self);

G_END_DECLS
