/* test-tracker.c — the Actions page in the real window: logging, undo, totals, report, narrow layout.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "askarov-record-dialog.h"
#include "askarov-store-private.h"
#include "askarov-store-documents.h"
#include "askarov-tracker-page-private.h"
#include "askarov-tracker-report-dialog.h"
#include "tracker-test-data.h"
#include "ui-test-utils.h"

typedef struct
{
  AskarovApplication *app;
  AskarovWindow      *window;
  AskarovTrackerPage *page;
  AskarovStore       *store;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = ui_test_open_window_empty (&fixture->app);
  ui_test_wait_store (fixture->app);
  fixture->store = askarov_application_get_store (fixture->app);
  fixture->page = askarov_window_get_tracker_page (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "actions"));
  ui_test_wait_mapped (GTK_WIDGET (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwDialog *dialog;

  while ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window))) != NULL)
    {
      adw_dialog_force_close (dialog);
      ui_test_wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window)) != dialog);
    }
  ui_test_close (fixture->app, fixture->window);
}

static void
wait_within (Fixture    *fixture,
             Condition   condition,
             const char *what,
             guint       seconds)
{
  /* The guard is longer than ui_test_wait_for's for the long imports. */
  gint64 deadline = ui_test_wait_begin () + (gint64) (seconds > UI_TEST_TIMEOUT_S ? seconds - UI_TEST_TIMEOUT_S : 0) * G_USEC_PER_SEC;

  while (!condition (fixture) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  ui_test_wait_end ();
  if (!condition (fixture))
    g_error ("Timed out waiting for %s", what);
}

static void
wait_for (Fixture   *fixture,
          Condition  condition,
          const char *what)
{
  wait_within (fixture, condition, what, 10);
}

static guint
n_items (Fixture *fixture)
{
  return fixture->page->records ? g_list_model_get_n_items (G_LIST_MODEL (fixture->page->records)) : 0;
}

/* The list has settled when the count and totals both agree with the database. */
static guint wanted_count;

static gboolean
list_settled (Fixture *fixture)
{
  return n_items (fixture) == wanted_count &&
         !askarov_record_list_get_loading (fixture->page->records) &&
         fixture->page->refresh_id == 0 &&
         fixture->page->totals->n_records == wanted_count;
}

static void
wait_records (Fixture *fixture,
              guint    count)
{
  g_autofree char *what = g_strdup_printf ("%u records in the list and totals", count);

  wanted_count = count;
  wait_for (fixture, list_settled, what);
  /* Let the totals, deadlines and case replies that were already queued land
   * and be drawn. */
  ui_test_settle (GTK_WIDGET (fixture->page));
}

static AskarovActionRecord *
item (Fixture *fixture,
      guint    position)
{
  g_autoptr(AskarovActionRecord) record = g_list_model_get_item (G_LIST_MODEL (fixture->page->records), position);

  g_assert_nonnull (record);
  ui_test_wait_until (askarov_action_record_get_loaded (record));
  return record;
}

static guint
channel_total (Fixture        *fixture,
               AskarovChannel  channel)
{
  GPtrArray *by_channel = fixture->page->totals->by_channel;

  for (guint i = 0; i < by_channel->len; i++)
    {
      AskarovRecordTotal *total = g_ptr_array_index (by_channel, i);

      if (g_strcmp0 (total->key, askarov_channel_to_id (channel)) == 0)
        return total->count;
    }
  return 0;
}

static AdwDialog *
visible_dialog (Fixture *fixture)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
}

static gboolean
record_dialog_ready (Fixture *fixture)
{
  AdwDialog *dialog = visible_dialog (fixture);

  return ASKAROV_IS_RECORD_DIALOG (dialog) && askarov_record_dialog_get_ready (ASKAROV_RECORD_DIALOG (dialog));
}

static GObject *
dialog_child (AdwDialog  *dialog,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), G_OBJECT_TYPE (dialog), name);

  g_assert_nonnull (child);
  return child;
}

static const char *
visible_list_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (fixture->page->list_stack);
}

static void
test_tracker_empty_state (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AskarovActionRecord) record = NULL;

  wait_records (fixture, 0);
  g_assert_cmpstr (visible_list_page (fixture), ==, "empty");
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (fixture->page->empty_page)));

  record = tracker_test_add_record (fixture->store, 0, NULL, "Someone", ASKAROV_CHANNEL_LETTER,
                                    ASKAROV_OUTCOME_SENT, "en", "2026-01-10");
  wait_records (fixture, 1);
  g_assert_cmpstr (visible_list_page (fixture), ==, "list");

  /* A filter that matches nothing says so, instead of the empty state. */
  gtk_drop_down_set_selected (fixture->page->channel_filter, 1 + ASKAROV_CHANNEL_FAX);
  wait_records (fixture, 0);
  g_assert_cmpstr (visible_list_page (fixture), ==, "no-match");
  gtk_drop_down_set_selected (fixture->page->channel_filter, 0);
  wait_records (fixture, 1);
}

static void
test_tracker_log_through_dialog (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 case_id = tracker_test_add_case (fixture->store, "Azimjan Askarov", "61/20", 10);
  g_autoptr(AskarovActionRecord) old = tracker_test_add_record (fixture->store, case_id, "61/20",
                                                                "Bolot Otunbaev", ASKAROV_CHANNEL_LETTER,
                                                                ASKAROV_OUTCOME_SENT, "en", "2026-01-10");
  g_autofree char *today = tracker_test_date (0);
  AskarovActionRecord *logged;
  AdwDialog *dialog;

  wait_records (fixture, 1);
  g_assert_cmpuint (channel_total (fixture, ASKAROV_CHANNEL_CALL), ==, 0);

  /* Click 1: Log Action. The dialog opens on the case with the next deadline
   * and its first target, so Save could be the second click. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.log-record", NULL));
  wait_for (fixture, record_dialog_ready, "the log dialog");
  dialog = visible_dialog (fixture);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dialog_child (dialog, "case_row"))), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "target_row"))), ==,
                   "Sooronbay Jeenbekov");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog_child (dialog, "outcome_row"))));

  /* A call that went to voicemail, with a note. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "channel_row")), ASKAROV_CHANNEL_CALL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog_child (dialog, "outcome_row"))));
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "outcome_row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "note_row")), "Left a message in Russian");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));

  wait_records (fixture, 2);
  g_assert_null (visible_dialog (fixture));
  logged = item (fixture, 0);
  g_assert_cmpstr (askarov_action_record_get_taken_on (logged), ==, today);
  g_assert_cmpint (askarov_action_record_get_case_id (logged), ==, case_id);
  g_assert_cmpstr (askarov_action_record_get_case_name (logged), ==, "Azimjan Askarov");
  g_assert_cmpstr (askarov_action_record_get_reference (logged), ==, "61/20");
  g_assert_cmpstr (askarov_action_record_get_target_name (logged), ==, "Sooronbay Jeenbekov");
  g_assert_cmpstr (askarov_action_record_get_target_title (logged), ==, "President of Kyrgyzstan");
  g_assert_cmpint (askarov_action_record_get_channel (logged), ==, ASKAROV_CHANNEL_CALL);
  g_assert_cmpint (askarov_action_record_get_outcome (logged), ==, ASKAROV_OUTCOME_VOICEMAIL);
  g_assert_cmpstr (askarov_action_record_get_note (logged), ==, "Left a message in Russian");
  /* The document's first letter language. */
  g_assert_cmpstr (askarov_action_record_get_language (logged), ==, "ru");

  /* The totals changed with it. */
  g_assert_cmpuint (channel_total (fixture, ASKAROV_CHANNEL_CALL), ==, 1);
  g_assert_cmpuint (channel_total (fixture, ASKAROV_CHANNEL_LETTER), ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_label (fixture->page->count_label), "2 actions"));

  /* Editing: activating the row opens the same dialog on that record. */
  g_signal_emit_by_name (fixture->page->list_view, "activate", 0);
  wait_for (fixture, record_dialog_ready, "the edit dialog");
  dialog = visible_dialog (fixture);
  g_assert_cmpstr (adw_dialog_get_title (dialog), ==, "Edit Action");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "note_row"))), ==,
                   "Left a message in Russian");
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "outcome_row")), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  {
    gint64 id = askarov_action_record_get_id (logged);

    ui_test_wait_until (askarov_action_record_get_outcome (item (fixture, 0)) == ASKAROV_OUTCOME_REACHED);
    g_assert_cmpint (askarov_action_record_get_outcome (item (fixture, 0)), ==, ASKAROV_OUTCOME_REACHED);
    g_assert_cmpint (askarov_action_record_get_id (item (fixture, 0)), ==, id);
  }
  wait_records (fixture, 2);
}

/* (transfer full) */
static GVariant *
call_fields (gboolean confirm)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

  g_variant_builder_add (&builder, "{sv}", "case-name", g_variant_new_string ("Azimjan Askarov"));
  g_variant_builder_add (&builder, "{sv}", "reference", g_variant_new_string ("61/20"));
  g_variant_builder_add (&builder, "{sv}", "target-name", g_variant_new_string ("Bolot Otunbaev"));
  g_variant_builder_add (&builder, "{sv}", "channel", g_variant_new_string ("letter"));
  g_variant_builder_add (&builder, "{sv}", "language", g_variant_new_string ("en"));
  g_variant_builder_add (&builder, "{sv}", "confirm", g_variant_new_boolean (confirm));
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
test_tracker_log_at_once (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GVariant) at_once = call_fields (FALSE);
  g_autoptr(GVariant) confirm = call_fields (TRUE);
  AskarovActionRecord *logged;

  wait_records (fixture, 0);

  /* What the composer's "Mark as Sent" does: no dialog, a toast with Undo. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), "win.log-record", at_once));
  wait_records (fixture, 1);
  g_assert_null (visible_dialog (fixture));
  logged = item (fixture, 0);
  g_assert_cmpstr (askarov_action_record_get_target_name (logged), ==, "Bolot Otunbaev");
  g_assert_cmpstr (askarov_action_record_get_case_name (logged), ==, "Azimjan Askarov");
  g_assert_cmpint (askarov_action_record_get_channel (logged), ==, ASKAROV_CHANNEL_LETTER);
  g_assert_nonnull (fixture->page->undo_toast);

  /* Undo takes it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.undo", NULL));
  wait_records (fixture, 0);

  /* With confirm, the dialog opens prefilled instead and nothing is logged
   * yet, also when the request comes from another part of the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "documents"));
  ui_test_wait_until (!gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), "win.log-record", confirm));
  wait_for (fixture, record_dialog_ready, "the prefilled dialog");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (visible_dialog (fixture), "target_row"))), ==,
                   "Bolot Otunbaev");
  g_assert_cmpuint (n_items (fixture), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (visible_dialog (fixture)), "record.save", NULL));
  wait_records (fixture, 1);
}

static void
test_tracker_delete_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AskarovActionRecord) a = NULL;
  g_autoptr(AskarovActionRecord) b = NULL;
  g_autoptr(AskarovActionRecord) c = NULL;
  g_autoptr(AskarovActionRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* One at a time, as a volunteer logs them. */
  wait_records (fixture, 0);
  a = tracker_test_add_record (fixture->store, 0, NULL, "A", ASKAROV_CHANNEL_LETTER,
                               ASKAROV_OUTCOME_SENT, "en", "2026-01-01");
  wait_records (fixture, 1);
  b = tracker_test_add_record (fixture->store, 0, NULL, "B", ASKAROV_CHANNEL_EMAIL,
                               ASKAROV_OUTCOME_SENT, "fr", "2026-01-02");
  wait_records (fixture, 2);
  c = tracker_test_add_record (fixture->store, 0, NULL, "C", ASKAROV_CHANNEL_FAX,
                               ASKAROV_OUTCOME_SENT, "de", "2026-01-03");
  wait_records (fixture, 3);
  id = askarov_action_record_get_id (b);
  g_assert_cmpstr (askarov_action_record_get_target_name (item (fixture, 1)), ==, "B");
  g_assert_cmpuint (channel_total (fixture, ASKAROV_CHANNEL_EMAIL), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.delete-record", "x", id));
  wait_records (fixture, 2);
  g_assert_cmpuint (channel_total (fixture, ASKAROV_CHANNEL_EMAIL), ==, 0);
  g_assert_null (askarov_store_get_record (fixture->store, id, &error));
  g_assert_error (error, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.undo", NULL));
  wait_records (fixture, 3);
  back = askarov_store_get_record (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (askarov_action_record_get_target_name (back), ==, "B");
  g_assert_cmpstr (askarov_action_record_get_target_name (item (fixture, 1)), ==, "B");
  g_assert_cmpint (askarov_action_record_get_id (item (fixture, 1)), ==, id);
  g_assert_cmpuint (channel_total (fixture, ASKAROV_CHANNEL_EMAIL), ==, 1);
  /* Nothing left to undo. */
  g_assert_null (fixture->page->undo_toast);
}

static gboolean
report_ready (Fixture *fixture)
{
  AdwDialog *dialog = visible_dialog (fixture);

  return ASKAROV_IS_TRACKER_REPORT_DIALOG (dialog) &&
         askarov_tracker_report_dialog_get_report (ASKAROV_TRACKER_REPORT_DIALOG (dialog)) != NULL;
}

static gboolean
report_marked (Fixture *fixture)
{
  g_autoptr(GPtrArray) references = askarov_store_list_references (fixture->store, NULL);

  for (guint i = 0; references != NULL && i < references->len; i++)
    {
      AskarovReferenceCount *count = g_ptr_array_index (references, i);

      if (g_strcmp0 (count->reference, "61/20") == 0)
        return count->n_unreported == 0;
    }
  return FALSE;
}

static void
test_tracker_report (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 askarov = tracker_test_add_case (fixture->store, "Azimjan Askarov", "61/20", 10);
  gint64 other = tracker_test_add_case (fixture->store, "Other Case", "99/26", 20);
  const struct {
    gint64 case_id;
    const char *reference;
    AskarovChannel channel;
    AskarovOutcome outcome;
    const char *language;
    const char *date;
  } rows[] = {
    { 0, "61/20", ASKAROV_CHANNEL_LETTER, ASKAROV_OUTCOME_SENT, "ru", "2026-03-01" },
    { 0, "61/20", ASKAROV_CHANNEL_LETTER, ASKAROV_OUTCOME_SENT, "en", "2026-03-04" },
    { 0, "61/20", ASKAROV_CHANNEL_CALL, ASKAROV_OUTCOME_NO_ANSWER, "ru", "2026-03-09" },
    { 0, "61/20", ASKAROV_CHANNEL_EMAIL, ASKAROV_OUTCOME_SENT, "ky", "2026-03-11" },
    { 1, "99/26", ASKAROV_CHANNEL_FAX, ASKAROV_OUTCOME_SENT, "en", "2026-03-12" },
  };
  AskarovRecordsReport *report;
  g_autofree char *text = NULL;
  AdwDialog *dialog;
  AdwDialog *alert;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(AskarovActionRecord) record =
        tracker_test_add_record (fixture->store, rows[i].case_id ? other : askarov, rows[i].reference, "Someone",
                                 rows[i].channel, rows[i].outcome, rows[i].language, rows[i].date);
    }
  wait_records (fixture, 5);

  /* Filtering on the case makes its UA the one reported. */
  for (guint i = 0; i < fixture->page->case_choices->len; i++)
    if (((AskarovCaseChoice *) g_ptr_array_index (fixture->page->case_choices, i))->case_id == askarov)
      gtk_drop_down_set_selected (fixture->page->case_filter, i + 1);
  wait_records (fixture, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.report", NULL));
  wait_for (fixture, report_ready, "the report");
  dialog = visible_dialog (fixture);
  report = askarov_tracker_report_dialog_get_report (ASKAROV_TRACKER_REPORT_DIALOG (dialog));
  g_assert_cmpstr (askarov_records_report_get_reference (report), ==, "61/20");
  g_assert_cmpuint (askarov_records_report_get_n_records (report), ==, 4);
  g_assert_cmpuint (askarov_records_report_get_channel_count (report, ASKAROV_CHANNEL_LETTER), ==, 2);
  g_assert_cmpuint (askarov_records_report_get_channel_count (report, ASKAROV_CHANNEL_CALL), ==, 1);
  g_assert_cmpuint (askarov_records_report_get_channel_count (report, ASKAROV_CHANNEL_EMAIL), ==, 1);
  g_assert_cmpuint (askarov_records_report_get_channel_count (report, ASKAROV_CHANNEL_FAX), ==, 0);
  /* The dialog shows the report's own text. */
  text = askarov_records_report_to_text (report);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dialog_child (dialog, "summary_label"))), ==, text);

  /* Mark as Reported asks first; the confirmation marks them in one go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.mark-reported", NULL));
  ui_test_wait_until (ADW_IS_ALERT_DIALOG (visible_dialog (fixture)));
  alert = visible_dialog (fixture);
  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  g_assert_false (report_marked (fixture));
  g_signal_emit_by_name (alert, "response", "mark");
  adw_dialog_force_close (alert);
  wait_for (fixture, report_marked, "the actions to be marked reported");

  /* The other UA's action was left alone, and the list shows the badges. */
  {
    g_autoptr(AskarovRecordFilter) filter = askarov_record_filter_new ();
    guint count = 0;

    filter->reported = ASKAROV_REPORTED_NO;
    g_assert_true (askarov_store_count_records (fixture->store, filter, &count, NULL));
    g_assert_cmpuint (count, ==, 1);
  }
  adw_dialog_force_close (dialog);
  {
    ui_test_wait_until (askarov_action_record_get_reported (item (fixture, 0)));
    g_assert_true (askarov_action_record_get_reported (item (fixture, 0)));
  }
  wait_records (fixture, 4);
  g_assert_cmpuint (fixture->page->totals->n_unreported, ==, 0);
}

static void
test_tracker_chart_summary (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AskarovActionRecord) a = tracker_test_add_record (fixture->store, 0, NULL, "A", ASKAROV_CHANNEL_LETTER,
                                                              ASKAROV_OUTCOME_SENT, "en", "2026-08-03");
  g_autoptr(AskarovActionRecord) b = tracker_test_add_record (fixture->store, 0, NULL, "B", ASKAROV_CHANNEL_LETTER,
                                                              ASKAROV_OUTCOME_SENT, "en", "2026-10-05");
  g_autoptr(AskarovActionRecord) c = tracker_test_add_record (fixture->store, 0, NULL, "C", ASKAROV_CHANNEL_EMAIL,
                                                              ASKAROV_OUTCOME_SENT, "en", "2026-10-20");
  g_autoptr(AskarovActionRecord) d = NULL;
  const char *summary;

  wait_records (fixture, 3);
  summary = askarov_tracker_chart_get_summary (fixture->page->chart);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "3 actions in all"));
  g_assert_nonnull (strstr (summary, "August 2026: 1."));
  /* The month without actions is there, as zero. */
  g_assert_nonnull (strstr (summary, "September 2026: 0."));
  g_assert_nonnull (strstr (summary, "October 2026: 2."));
  gtk_test_accessible_assert_property (fixture->page->chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  gtk_test_accessible_assert_role (fixture->page->chart, GTK_ACCESSIBLE_ROLE_IMG);

  d = tracker_test_add_record (fixture->store, 0, NULL, "D", ASKAROV_CHANNEL_CALL,
                               ASKAROV_OUTCOME_REACHED, "en", "2026-10-21");
  wait_records (fixture, 4);
  summary = askarov_tracker_chart_get_summary (fixture->page->chart);
  g_assert_nonnull (strstr (summary, "4 actions in all"));
  g_assert_nonnull (strstr (summary, "October 2026: 3."));
  gtk_test_accessible_assert_property (fixture->page->chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
}

static void
test_tracker_deadlines (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 soon = tracker_test_add_case (fixture->store, "Soon Case", "1/26", 4);
  gint64 passed = tracker_test_add_case (fixture->store, "Passed Case", "2/26", -2);
  GtkListBoxRow *row;

  /* Cases appear without any action logged. */
  askarov_store_records_reset (fixture->store);
  ui_test_wait_until (fixture->page->deadlines->len >= 2);
  g_assert_cmpuint (fixture->page->deadlines->len, ==, 2);
  g_assert_cmpint (((AskarovCaseDeadline *) g_ptr_array_index (fixture->page->deadlines, 0))->case_id, ==, soon);
  g_assert_cmpint (((AskarovCaseDeadline *) g_ptr_array_index (fixture->page->deadlines, 1))->case_id, ==, passed);
  row = gtk_list_box_get_row_at_index (fixture->page->deadlines_list, 0);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "4 days left"));
  row = gtk_list_box_get_row_at_index (fixture->page->deadlines_list, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "passed"));
}

/* A case an outcome closed is no longer an open case: no deadline row, no reminder. */
static gboolean
only_case_listed (Fixture *fixture,
                  gint64   case_id)
{
  return fixture->page->deadlines->len == 1 &&
         ((AskarovCaseDeadline *) g_ptr_array_index (fixture->page->deadlines, 0))->case_id == case_id;
}

static void
test_tracker_closed_case_hidden (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 closed = tracker_test_add_case (fixture->store, "Released Case", "3/26", 2);
  gint64 open = tracker_test_add_case (fixture->store, "Open Case", "4/26", 6);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  g_assert_true (askarov_store_set_case_state (fixture->store, closed, ASKAROV_CASE_STATE_RELEASED, NULL, &error));
  g_assert_no_error (error);
  askarov_store_records_reset (fixture->store);
  ui_test_wait_until (only_case_listed (fixture, open));
  g_assert_true (only_case_listed (fixture, open));
  row = gtk_list_box_get_row_at_index (fixture->page->deadlines_list, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Open Case");
  g_assert_null (gtk_list_box_get_row_at_index (fixture->page->deadlines_list, 1));

  /* No reminder for it either, though its deadline is in two days. */
  due = askarov_store_list_due_reminders (fixture->store, NULL, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (((AskarovCaseDeadline *) g_ptr_array_index (due, 0))->case_id, ==, open);
}

static void
test_tracker_narrow (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AskarovActionRecord) record = tracker_test_add_record (fixture->store, 0, NULL,
                                                                   "A target with a rather long name, Minister of Justice",
                                                                   ASKAROV_CHANNEL_LETTER, ASKAROV_OUTCOME_SENT,
                                                                   "en", "2026-01-01");

  wait_records (fixture, 1);
  ui_test_resize (GTK_WINDOW (fixture->window), 1280, 800);
  g_assert_false (adw_overlay_split_view_get_collapsed (fixture->page->split_view));
  g_assert_true (adw_overlay_split_view_get_show_sidebar (fixture->page->split_view));

  ui_test_resize (GTK_WINDOW (fixture->window), 360, 640);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page)), <=, 360);
  g_assert_true (adw_overlay_split_view_get_collapsed (fixture->page->split_view));
  g_assert_false (adw_overlay_split_view_get_show_sidebar (fixture->page->split_view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page->list_view)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page->list_view)), <=, 360);

  /* The log dialog fits too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.log-record", NULL));
  wait_for (fixture, record_dialog_ready, "the log dialog");
  ui_test_settle (GTK_WIDGET (visible_dialog (fixture)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (visible_dialog (fixture))), <=, 360);
  adw_dialog_force_close (visible_dialog (fixture));
  ui_test_wait_until (visible_dialog (fixture) == NULL);

  /* The totals are one tap away. */
  adw_overlay_split_view_set_show_sidebar (fixture->page->split_view, TRUE);
  ui_test_wait_mapped (GTK_WIDGET (fixture->page->chart));
  /* The sidebar has slid in: resizing in the middle of that is another test. */
  ui_test_wait_stable (GTK_WIDGET (fixture->page), 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page->chart)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page->chart)), <=, 360);

  ui_test_resize (GTK_WINDOW (fixture->window), 1280, 800);
  g_assert_false (adw_overlay_split_view_get_collapsed (fixture->page->split_view));
}

static gboolean
reminder_done (Fixture *fixture)
{
  return !fixture->page->checking_reminders;
}

static guint
n_due (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = askarov_store_list_due_reminders (fixture->store, NULL, 3, &error);

  g_assert_no_error (error);
  return due->len;
}

static gboolean
nothing_due (Fixture *fixture)
{
  return n_due (fixture) == 0;
}

/* A stand-in for the desktop's notification server on the test's session
 * bus: it records the summary of every notification it is sent. */
static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/><arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "  </interface>"
  "</node>";

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  GPtrArray *summaries = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary = NULL;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_ptr_array_add (summaries, g_strdup (summary));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", summaries->len));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(@as ['body', 'actions'],)"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static GPtrArray *summaries;

static gboolean name_owned;

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  name_owned = TRUE;
}

/* A round trip to ourselves through the bus: every message this connection
 * sent before it has been delivered and dispatched once it returns. */
static void
flush_bus (GDBusConnection *bus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (bus, g_dbus_connection_get_unique_name (bus), "/",
                                       "org.freedesktop.DBus.Peer", "Ping", NULL, NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  ui_test_drain ();
}

static gboolean
one_notification (Fixture *fixture)
{
  return summaries->len >= 1;
}

static void
test_tracker_reminders (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = askarov_application_get_settings (fixture->app);
  gint64 quiet = tracker_test_add_case (fixture->store, "Quiet Case", "3/26", 2);
  gint64 busy = tracker_test_add_case (fixture->store, "Busy Case", "4/26", 1);
  g_autoptr(AskarovActionRecord) record = tracker_test_add_record (fixture->store, busy, "4/26", "Someone",
                                                                   ASKAROV_CHANNEL_LETTER, ASKAROV_OUTCOME_SENT,
                                                                   "en", "2026-01-01");

  static const GDBusInterfaceVTable vtable = { notifications_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (fixture->app));
  guint registration;
  guint owner;

  summaries = g_ptr_array_new_with_free_func (g_free);
  g_assert_nonnull (bus);
  registration = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                                    info->interfaces[0], &vtable, summaries, NULL, NULL);
  g_assert_cmpuint (registration, !=, 0);
  name_owned = FALSE;
  owner = g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                        name_acquired_cb, NULL, NULL, NULL);
  ui_test_wait_until (name_owned);

  g_assert_cmpint (quiet, !=, busy);
  wait_records (fixture, 1);

  /* Off by default: nothing is sent, nothing is remembered. */
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_cmpuint (n_due (fixture), ==, 1);

  /* Switching reminders on checks at once; the case without actions gets
   * its reminder, which is remembered so that it never comes twice. */
  g_settings_set_uint (settings, "reminder-days", 3);
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_assert_true (fixture->page->checking_reminders);
  wait_for (fixture, reminder_done, "the reminder check");
  wait_for (fixture, nothing_due, "the reminder to be remembered");
  wait_for (fixture, one_notification, "the notification");
  g_assert_cmpstr (g_ptr_array_index (summaries, 0), ==, "2 days left to act for Quiet Case");

  /* A second check (the daily one, or a restart) sends nothing new. */
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  wait_for (fixture, reminder_done, "the second check");
  /* Anything that check sent has reached the stand-in server once a call
   * sent after it has been answered (one connection keeps the order). */
  flush_bus (bus);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_cmpuint (fixture->page->reminder_id, !=, 0);

  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
  g_clear_pointer (&summaries, g_ptr_array_unref);
}

static GtkShortcut *
find_shortcut (GtkWidget *widget,
               guint      keyval,
               GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return shortcut;
        }
    }
  return NULL;
}

static void
test_tracker_shortcut (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkShortcut *shortcut = find_shortcut (GTK_WIDGET (fixture->page), GDK_KEY_n, GDK_CONTROL_MASK);
  GtkShortcutAction *action;

  wait_records (fixture, 0);
  g_assert_nonnull (shortcut);
  action = gtk_shortcut_get_action (shortcut);

  /* On another page, Ctrl+N is left to that page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "documents"));
  ui_test_wait_until (!gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  g_assert_false (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (fixture->page), NULL));
  g_assert_null (visible_dialog (fixture));

  /* On the Actions page it opens the log dialog, wherever the focus is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "actions"));
  ui_test_wait_mapped (GTK_WIDGET (fixture->page));
  g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (fixture->page), NULL));
  wait_for (fixture, record_dialog_ready, "the log dialog");
}

static char *wanted_file;
static guint page_refs;

/* The file is there and the page's callback for it has run: the page holds
 * a reference on itself while an export or a backup runs. */
static gboolean
file_written (Fixture *fixture)
{
  return g_file_test (wanted_file, G_FILE_TEST_EXISTS) && G_OBJECT (fixture->page)->ref_count == page_refs;
}

/* Call before starting the export or backup that writes @path. */
static void
expect_file (Fixture *fixture)
{
  page_refs = G_OBJECT (fixture->page)->ref_count;
}

static void
wait_file (Fixture    *fixture,
           const char *path)
{
  wanted_file = (char *) path;
  wait_for (fixture, file_written, path);
}

static gboolean
alert_visible (Fixture *fixture)
{
  return ADW_IS_ALERT_DIALOG (visible_dialog (fixture));
}

/* Every file the app writes is readable by its owner only (issue 13 item 9). */
static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_tracker_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "tracker-files", NULL);
  g_autofree char *csv = g_build_filename (dir, "actions.csv", NULL);
  g_autofree char *json = g_build_filename (dir, "actions.json", NULL);
  g_autofree char *import = g_build_filename (dir, "import.csv", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *text = NULL;
  g_autofree char *import_text = NULL;
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) import_file = g_file_new_for_path (import);
  g_autoptr(GFile) backup_file = g_file_new_for_path (backup);
  g_autoptr(AskarovActionRecord) a = NULL;
  g_autoptr(AskarovActionRecord) b = NULL;
  g_autoptr(AskarovActionRecord) extra = NULL;
  g_auto(GStrv) lines = NULL;
  AdwDialog *alert;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  wait_records (fixture, 0);
  a = tracker_test_add_record (fixture->store, 0, NULL, "Иван Петров", ASKAROV_CHANNEL_LETTER,
                               ASKAROV_OUTCOME_SENT, "ru", "2026-02-01");
  wait_records (fixture, 1);
  b = tracker_test_add_record (fixture->store, 0, NULL, "=HYPERLINK(\"x\")", ASKAROV_CHANNEL_CALL,
                               ASKAROV_OUTCOME_NO_ANSWER, "en", "2026-02-02");
  wait_records (fixture, 2);

  /* Export: the whole list, as the CSV organisers merge, and as JSON. */
  expect_file (fixture);
  askarov_tracker_page_export_file (fixture->page, csv_file, FALSE);
  wait_file (fixture, csv);
  assert_private (csv);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "taken_on,case,reference,target,target_title,channel,outcome,language,note,reported_on,id,volunteer");
  g_assert_nonnull (strstr (text, "Иван Петров"));
  g_assert_null (strstr (text, ",=HYPERLINK"));
  expect_file (fixture);
  askarov_tracker_page_export_file (fixture->page, json_file, TRUE);
  wait_file (fixture, json);
  assert_private (json);

  /* Import: one row already there, one new, one broken (line 4). */
  import_text = g_strdup_printf ("%s\r\n%s\r\n"
                                 "2026-02-03,,,Bolot Otunbaev,,email,sent,en,,\r\n"
                                 "2026-13-45,,,Nobody,,letter,sent,en,,\r\n",
                                 lines[0], lines[1]);
  g_assert_true (g_file_set_contents (import, import_text, -1, NULL));
  askarov_tracker_page_import_file (fixture->page, import_file);
  wait_for (fixture, alert_visible, "the import summary");
  alert = visible_dialog (fixture);
  g_test_message ("%s", adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), "1 action added, 1 duplicate skipped, 1 row rejected"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), "Line 4"));
  adw_dialog_force_close (alert);
  wait_records (fixture, 3);

  /* Backup, change something, restore: the backup's three actions come back. */
  expect_file (fixture);
  askarov_tracker_page_backup_to_file (fixture->page, backup_file);
  wait_file (fixture, backup);
  assert_private (backup);
  extra = tracker_test_add_record (fixture->store, 0, NULL, "Extra", ASKAROV_CHANNEL_FAX,
                                   ASKAROV_OUTCOME_SENT, "de", "2026-02-04");
  wait_records (fixture, 4);
  askarov_tracker_page_restore_from_file (fixture->page, backup_file);
  wait_for (fixture, alert_visible, "the restore question");
  alert = visible_dialog (fixture);
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, "Restore Backup?");
  g_assert_cmpuint (n_items (fixture), ==, 4);
  g_signal_emit_by_name (alert, "response", "restore");
  adw_dialog_force_close (alert);
  wait_records (fixture, 3);
  g_assert_cmpstr (askarov_action_record_get_target_name (item (fixture, 0)), ==, "Bolot Otunbaev");
}

/* The position of @label in a combo row's string list, or fails. */
static guint
find_string (AdwComboRow *row,
             const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        return i;
    }
  g_error ("“%s” is not offered", label);
}

static const char *wanted_target;

static gboolean
target_filled (Fixture *fixture)
{
  AdwDialog *dialog = visible_dialog (fixture);

  return ASKAROV_IS_RECORD_DIALOG (dialog) &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "target_row"))), wanted_target) == 0;
}

static gboolean
report_listed (Fixture *fixture)
{
  AdwDialog *dialog = visible_dialog (fixture);

  return ASKAROV_IS_TRACKER_REPORT_DIALOG (dialog) &&
         adw_combo_row_get_model (ADW_COMBO_ROW (dialog_child (dialog, "reference_row"))) != NULL &&
         g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (dialog_child (dialog, "reference_row")))) > 0;
}

/* Issue 11: a UA that is in no case can be chosen, with its reference, and
 * the report to organisers covers it. */
static void
test_tracker_log_ua_outside_case (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 case_id = tracker_test_add_case (fixture->store, "Azimjan Askarov", "61/20", 10);
  AskarovActionRecord *logged;
  AdwComboRow *case_row;
  AdwDialog *dialog;
  guint ua;

  tracker_test_add_ua (fixture->store, "209/15", "Tajikistan: Lawyer held", "Farhod Salim", "Ambassador");
  wait_records (fixture, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.log-record", NULL));
  wait_for (fixture, record_dialog_ready, "the log dialog");
  dialog = visible_dialog (fixture);
  case_row = ADW_COMBO_ROW (dialog_child (dialog, "case_row"));
  /* A case fills in its UA's reference. */
  adw_combo_row_set_selected (case_row, find_string (case_row, "Azimjan Askarov"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "reference_row"))), ==, "61/20");
  /* Both the case's own UA and the lone UA are offered. */
  find_string (case_row, "UA 61/20 — Urgent Action 61/20");
  ua = find_string (case_row, "UA 209/15 — Tajikistan: Lawyer held");
  adw_combo_row_set_selected (case_row, ua);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "reference_row"))), ==, "209/15");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (case_row)), ==, "Not in a case");
  /* The UA's own official replaces the one filled in for the case. */
  wanted_target = "Sooronbay Jeenbekov";
  adw_combo_row_set_selected (case_row, find_string (case_row, "Azimjan Askarov"));
  wait_for (fixture, target_filled, "the case's target");
  wanted_target = "Farhod Salim";
  adw_combo_row_set_selected (case_row, ua);
  wait_for (fixture, target_filled, "the UA's target");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "target_title_row"))), ==, "Ambassador");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));

  wait_records (fixture, 1);
  g_assert_null (visible_dialog (fixture));
  logged = item (fixture, 0);
  g_assert_cmpint (askarov_action_record_get_case_id (logged), ==, 0);
  g_assert_null (askarov_action_record_get_case_name (logged));
  g_assert_cmpstr (askarov_action_record_get_reference (logged), ==, "209/15");
  g_assert_cmpstr (askarov_action_record_get_target_name (logged), ==, "Farhod Salim");
  g_assert_cmpstr (askarov_action_record_get_language (logged), ==, "tg");

  /* Editing it again shows the same UA, and a reference typed by hand is kept. */
  g_signal_emit_by_name (fixture->page->list_view, "activate", 0);
  wait_for (fixture, record_dialog_ready, "the edit dialog");
  dialog = visible_dialog (fixture);
  case_row = ADW_COMBO_ROW (dialog_child (dialog, "case_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (case_row), ==, ua);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "reference_row")), "209/15 (update 2)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  {
    ui_test_wait_until (g_strcmp0 (askarov_action_record_get_reference (item (fixture, 0)), "209/15 (update 2)") == 0);
    g_assert_cmpstr (askarov_action_record_get_reference (item (fixture, 0)), ==, "209/15 (update 2)");
    g_assert_cmpint (askarov_action_record_get_case_id (item (fixture, 0)), ==, 0);
  }
  wait_records (fixture, 1);

  /* The report offers it, without a case. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.report", NULL));
  wait_for (fixture, report_listed, "the report's UAs");
  dialog = visible_dialog (fixture);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "reference_row")),
                              find_string (ADW_COMBO_ROW (dialog_child (dialog, "reference_row")),
                                           "UA 209/15 (update 2): 1 to report"));
  {
    AskarovRecordsReport *report = NULL;

    ui_test_wait_until ((report = askarov_tracker_report_dialog_get_report (ASKAROV_TRACKER_REPORT_DIALOG (dialog))) != NULL &&
                        g_strcmp0 (askarov_records_report_get_reference (report), "209/15 (update 2)") == 0);
    g_assert_nonnull (report);
    g_assert_cmpstr (askarov_records_report_get_reference (report), ==, "209/15 (update 2)");
    {
      g_autofree char *text = askarov_records_report_to_text (report);

      g_assert_nonnull (strstr (text, "Farhod Salim"));
    }
  }
  (void) case_id;
}

static gboolean
banner_shown (Fixture *fixture)
{
  AdwDialog *dialog = visible_dialog (fixture);

  return ASKAROV_IS_RECORD_DIALOG (dialog) &&
         adw_banner_get_revealed (ADW_BANNER (dialog_child (dialog, "error_banner")));
}

/* Issue 13 item 5: a failed save keeps the dialog and what was typed.
 * (A control character cannot be typed or pasted: GtkText drops it; the
 * store's own refusal is tested in the core tests.) */
static void
test_tracker_dialog_keeps_failed_save (Fixture       *fixture,
                                       gconstpointer  data)
{
  gint64 case_id = tracker_test_add_case (fixture->store, "Azimjan Askarov", "61/20", 10);
  g_autofree char *long_note = NULL;  /* a target name, in fact */
  g_autofree char *sql = g_strdup_printf ("DELETE FROM cases WHERE id = %" G_GINT64_FORMAT, case_id);
  AdwBanner *banner;
  AdwDialog *dialog;

  wait_records (fixture, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.log-record", NULL));
  wait_for (fixture, record_dialog_ready, "the log dialog");
  dialog = visible_dialog (fixture);
  banner = ADW_BANNER (dialog_child (dialog, "error_banner"));
  g_assert_false (adw_banner_get_revealed (banner));

  /* An over-long field (a target's name holds 2048 bytes). */
  long_note = g_strnfill (3000, 'n');
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "target_row")), long_note);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  wait_for (fixture, banner_shown, "the error");
  g_assert_true (visible_dialog (fixture) == dialog);
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "too long"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "target_row"))), ==, long_note);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "target_row")), "Prosecutor General");

  /* The database cannot be written (as in a read-only folder). */
  adw_banner_set_revealed (banner, FALSE);
  g_assert_true (askarov_store_exec (fixture->store, "PRAGMA query_only = ON", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  wait_for (fixture, banner_shown, "the error");
  g_assert_true (visible_dialog (fixture) == dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "target_row"))), ==,
                   "Prosecutor General");
  g_assert_true (askarov_store_exec (fixture->store, "PRAGMA query_only = OFF", NULL));
  g_assert_cmpuint (n_items (fixture), ==, 0);

  /* The case was deleted meanwhile. */
  adw_banner_set_revealed (banner, FALSE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "case_row")),
                              find_string (ADW_COMBO_ROW (dialog_child (dialog, "case_row")), "Azimjan Askarov"));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "note_row")), "Called twice");
  g_assert_true (askarov_store_exec (fixture->store, sql, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  wait_for (fixture, banner_shown, "the error");
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "no longer exists"));
  g_assert_cmpuint (n_items (fixture), ==, 0);

  /* Choosing no case, the same action saves and the dialog closes. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "case_row")), 0);
  /* The case's reference went with it; one typed by hand stays. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "reference_row"))), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "reference_row")), "61/20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  wait_records (fixture, 1);
  g_assert_null (visible_dialog (fixture));
  g_assert_cmpstr (askarov_action_record_get_note (item (fixture, 0)), ==, "Called twice");
  /* An action with a reference and no case. */
  g_assert_cmpstr (askarov_action_record_get_reference (item (fixture, 0)), ==, "61/20");
}

static const char *wanted_label;

static gboolean
label_shown (Fixture *fixture)
{
  return ui_test_find_label (GTK_WIDGET (fixture->window), wanted_label) != NULL;
}

static gboolean
undo_toast_gone (Fixture *fixture)
{
  return fixture->page->undo_toast == NULL;
}

/* Issue 13 item 4: Undo stays until replaced, Ctrl+Z works after a new
 * action and after another toast, and a failed Undo says so. */
static void
test_tracker_undo_lasts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AskarovActionRecord) a = NULL;
  g_autoptr(AskarovActionRecord) b = NULL;
  g_autoptr(AskarovActionRecord) c = NULL;
  g_autoptr(AskarovActionRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  wait_records (fixture, 0);
  a = tracker_test_add_record (fixture->store, 0, NULL, "A", ASKAROV_CHANNEL_LETTER,
                               ASKAROV_OUTCOME_SENT, "en", "2026-01-01");
  b = tracker_test_add_record (fixture->store, 0, NULL, "Q&A <b>", ASKAROV_CHANNEL_EMAIL,
                               ASKAROV_OUTCOME_SENT, "fr", "2026-01-02");
  wait_records (fixture, 2);
  id = askarov_action_record_get_id (b);

  /* Delete the newest action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.delete-record", "x", id));
  wait_records (fixture, 1);
  g_assert_nonnull (fixture->page->undo_toast);
  g_assert_cmpuint (adw_toast_get_timeout (fixture->page->undo_toast), ==, 0);

  /* A new action does not take its id. */
  c = tracker_test_add_record (fixture->store, 0, NULL, "C", ASKAROV_CHANNEL_FAX,
                               ASKAROV_OUTCOME_SENT, "de", "2026-01-03");
  wait_records (fixture, 2);
  g_assert_cmpint (askarov_action_record_get_id (c), >, id);

  /* Another toast replaces the Undo toast; Ctrl+Z still works. */
  askarov_tracker_page_add_toast (fixture->page, adw_toast_new ("Something else"));
  wait_for (fixture, undo_toast_gone, "the Undo toast to give way");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.undo", NULL));
  wait_records (fixture, 3);
  back = askarov_store_get_record (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (askarov_action_record_get_target_name (back), ==, "Q&A <b>");
  /* Undone once only. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.undo", NULL);
  wait_records (fixture, 3);

  /* Undo that cannot write the action back tells the user. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.delete-record", "x", id));
  wait_records (fixture, 2);
  sql = g_strdup_printf ("INSERT INTO records (id, channel, taken_on, natural_key) "
                         "VALUES (%" G_GINT64_FORMAT ", 'other', '2026-01-09', 'in the way')", id);
  g_assert_true (askarov_store_exec (fixture->store, sql, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.undo", NULL));
  wanted_label = "Undo failed";
  wait_for (fixture, label_shown, "the failed Undo's message");
}

/* Issue 13 item 14: user text in toasts and rows is not markup. */
static void
test_tracker_plain_text (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AskarovActionRecord) record = NULL;
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "Q&A.pdf <i>twice</i>");

  wait_records (fixture, 0);
  record = tracker_test_add_record (fixture->store, 0, NULL, "Q&A <b>Office</b>", ASKAROV_CHANNEL_EMAIL,
                                    ASKAROV_OUTCOME_SENT, "fr", "2026-01-02");
  wait_records (fixture, 1);
  wanted_label = "Q&A <b>Office</b>";
  wait_for (fixture, label_shown, "the target as typed in the list");

  askarov_tracker_page_add_toast (fixture->page, adw_toast_new ("Imported Q&A.pdf"));
  wanted_label = "Imported Q&A.pdf";
  wait_for (fixture, label_shown, "the toast as written");
  /* Every part's toasts go through the window's. */
  askarov_window_add_toast (fixture->window, adw_toast_new ("Q&A.pdf is already in the library"));
  wanted_label = "Q&A.pdf is already in the library";
  wait_for (fixture, label_shown, "another part's toast as written");
  askarov_tracker_page_show_error (fixture->page, "Not imported", error);
  wanted_label = "Q&A.pdf <i>twice</i>";
  wait_for (fixture, label_shown, "the error as written");
}

/* ---- A long import: progress, Cancel, and importing again ---------------- */

static gboolean
import_has_progressed (Fixture *fixture)
{
  return gtk_progress_bar_get_fraction (fixture->page->import_progress) > 0.0;
}

static gboolean
import_done (Fixture *fixture)
{
  return fixture->page->import_cancellable == NULL;
}

static gint64
count_sql (Fixture    *fixture,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = askarov_store_lock (fixture->store);
  g_autoptr(sqlite3_stmt) stmt = askarov_store_prepare (fixture->store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The import shows its progress with a Cancel button; Cancel stops it after
 * a whole batch, says so, and the same file imported again adds the rest
 * and nothing twice. */
static void
test_tracker_import_progress_cancel (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "tracker-import", NULL);
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) csv = g_string_new ("taken_on,case,reference,target,target_title,channel,outcome,language,note,reported_on\r\n");
  gint64 after_cancel;

  for (guint i = 0; i < 8000; i++)
    g_string_append_printf (csv, "2026-02-%02u,,,Official %u,,call,no-answer,en,,\r\n", 1 + i % 28, i);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  wait_records (fixture, 0);

  askarov_tracker_page_import_file (fixture->page, file);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->page->import_revealer));
  wait_within (fixture, import_has_progressed, "the first batch", 120);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tracker.cancel-import", NULL));
  wait_within (fixture, import_done, "the import to stop", 120);
  g_assert_false (gtk_revealer_get_reveal_child (fixture->page->import_revealer));
  after_cancel = count_sql (fixture, "SELECT count(*) FROM records");
  g_test_message ("%" G_GINT64_FORMAT " rows kept after Cancel", after_cancel);
  /* Whole batches only. */
  g_assert_cmpint (after_cancel % 2000, ==, 0);
  g_assert_cmpint (after_cancel, >=, 2000);

  askarov_tracker_page_import_file (fixture->page, file);
  wait_within (fixture, import_done, "the second import", 120);
  g_assert_cmpint (count_sql (fixture, "SELECT count(*) FROM records"), ==, 8000);
  g_assert_cmpint (count_sql (fixture, "SELECT count(DISTINCT natural_key) FROM records"), ==, 8000);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/tracker/empty-state", test_tracker_empty_state);
  ADD ("/ui/tracker/log-through-dialog", test_tracker_log_through_dialog);
  ADD ("/ui/tracker/log-at-once", test_tracker_log_at_once);
  ADD ("/ui/tracker/delete-undo", test_tracker_delete_undo);
  ADD ("/ui/tracker/report", test_tracker_report);
  ADD ("/ui/tracker/chart-summary", test_tracker_chart_summary);
  ADD ("/ui/tracker/deadlines", test_tracker_deadlines);
  ADD ("/ui/tracker/closed-case-hidden", test_tracker_closed_case_hidden);
  ADD ("/ui/tracker/reminders", test_tracker_reminders);
  ADD ("/ui/tracker/shortcut", test_tracker_shortcut);
  ADD ("/ui/tracker/files", test_tracker_files);
  ADD ("/ui/tracker/import-progress-cancel", test_tracker_import_progress_cancel);
  ADD ("/ui/tracker/narrow", test_tracker_narrow);
  ADD ("/ui/tracker/log-ua-outside-case", test_tracker_log_ua_outside_case);
  ADD ("/ui/tracker/dialog-keeps-failed-save", test_tracker_dialog_keeps_failed_save);
  ADD ("/ui/tracker/undo-lasts", test_tracker_undo_lasts);
  ADD ("/ui/tracker/plain-text", test_tracker_plain_text);
#undef ADD

  return g_test_run ();
}
