/* askarov-record-dialog.c — the dialog that logs a new action or edits a logged one, and saves it.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-record-dialog"

#include "config.h"

#include "askarov-record-dialog.h"

#include <glib/gi18n.h>

#include "askarov-record-row.h"
#include "askarov-store-records.h"

struct _AskarovRecordDialog
{
  AdwDialog            parent_instance;

  /* Template children */
  AdwBanner           *error_banner;
  GtkStringList       *case_names;
  AdwComboRow         *case_row;
  AdwEntryRow         *reference_row;
  AdwEntryRow         *target_row;
  AdwEntryRow         *target_title_row;
  GtkMenuButton       *targets_button;
  AdwComboRow         *channel_row;
  AdwComboRow         *outcome_row;
  AdwComboRow         *language_row;
  AdwActionRow        *date_row;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  AdwEntryRow         *note_row;

  AskarovStore        *store;
  AskarovActionRecord *record;          /* what the dialog was opened with */
  GCancellable        *cancellable;
  GCancellable        *targets_cancellable; /* the latest target list asked for */
  GPtrArray           *cases;           /* AskarovCaseChoice (cases, then UAs); index + 1 = row position */
  GPtrArray           *targets;         /* AskarovTargetChoice of the selected case */
  GPtrArray           *languages;       /* char *: ISO 639-1 codes, in row order */
  char                *taken_on;        /* YYYY-MM-DD */
  char                *auto_reference;  /* what the reference row was last filled with, not typed */
  char                *auto_target;     /* the target filled in for the chosen case or UA, not typed */
  AskarovActionRecord *saving;          /* the record being written, or NULL */
  gboolean             ready;
  gboolean             language_chosen; /* the user (or the record) chose one: keep it */
};

G_DEFINE_FINAL_TYPE (AskarovRecordDialog, askarov_record_dialog, ADW_TYPE_DIALOG)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Outcomes a call can have, in the order of the outcome row. */
static const AskarovOutcome call_outcomes[] = {
  ASKAROV_OUTCOME_REACHED,
  ASKAROV_OUTCOME_VOICEMAIL,
  ASKAROV_OUTCOME_NO_ANSWER,
};

static const struct {
  const char *code;
  const char *name;
} known_languages[] = {
  { "en", N_("English") },
  { "ru", N_("Russian") },
  { "ky", N_("Kyrgyz") },
  { "uz", N_("Uzbek") },
  { "uz-Cyrl", N_("Uzbek (Cyrillic)") },
  { "kk", N_("Kazakh") },
  { "tg", N_("Tajik") },
  { "de", N_("German") },
  { "fr", N_("French") },
  { "es", N_("Spanish") },
  { "it", N_("Italian") },
  { "nl", N_("Dutch") },
  { "pl", N_("Polish") },
  { "pt", N_("Portuguese") },
};

static void load_targets (AskarovRecordDialog *self);

static void
set_taken_on (AskarovRecordDialog *self,
              const char          *date)
{
  g_autofree char *label = NULL;

  g_set_str (&self->taken_on, date);
  label = askarov_format_short_date (date);
  gtk_menu_button_set_label (self->date_button, label);
}

static guint
find_language (AskarovRecordDialog *self,
               const char          *code)
{
  GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (self->language_row));

  for (guint i = 0; i < self->languages->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->languages, i), code) == 0)
      return i;

  /* A language from an import or another part of the app that the list
   * does not name: offer it by its code. */
  g_ptr_array_add (self->languages, g_strdup (code));
  gtk_string_list_append (names, code);
  return self->languages->len - 1;
}

static void language_row_selected_cb (AskarovRecordDialog *self);

/* Selects @code without counting it as the user's choice. */
static void
select_language (AskarovRecordDialog *self,
                 const char          *code)
{
  if (code == NULL || *code == '\0')
    return;
  g_signal_handlers_block_by_func (self->language_row, language_row_selected_cb, self);
  adw_combo_row_set_selected (self->language_row, find_language (self, code));
  g_signal_handlers_unblock_by_func (self->language_row, language_row_selected_cb, self);
}

static AskarovCaseChoice *
get_selected_case (AskarovRecordDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->case_row);

  if (self->cases == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->cases->len)
    return NULL;
  return g_ptr_array_index (self->cases, selected - 1);
}

static void
update_outcome_row (AskarovRecordDialog *self)
{
  gboolean is_call = adw_combo_row_get_selected (self->channel_row) == ASKAROV_CHANNEL_CALL;

  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row), is_call);
}

static void
targets_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AskarovRecordDialog) self = user_data;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();

  targets = askarov_store_list_target_choices_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (targets == NULL)
    {
      /* Suggestions are a help, not a need: the user can still type a name. */
      g_debug ("Could not list the case's targets: %s", error->message);
      targets = g_ptr_array_new ();
    }

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  self->targets = g_steal_pointer (&targets);

  for (guint i = 0; i < self->targets->len; i++)
    {
      AskarovTargetChoice *choice = g_ptr_array_index (self->targets, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (choice->title != NULL && *choice->title != '\0')
        /* Translators: a target suggestion: name, then title (“Kubanychbek Kulov, Prosecutor General”) */
        label = g_strdup_printf (_("%s, %s"), choice->name ? choice->name : "", choice->title);
      else
        label = g_strdup (choice->name ? choice->name : "");
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "record.pick-target", "u", i);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->targets_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->targets_button), self->targets->len > 0);

  /* A new action goes to the case's or UA's first target unless the user
   * typed one; a target filled in for the previous choice is replaced. */
  if (askarov_action_record_get_id (self->record) == 0)
    {
      const char *current = gtk_editable_get_text (GTK_EDITABLE (self->target_row));

      if (*current == '\0' || g_strcmp0 (current, self->auto_target) == 0)
        {
          if (self->targets->len > 0)
            {
              AskarovTargetChoice *first = g_ptr_array_index (self->targets, 0);

              gtk_widget_activate_action (GTK_WIDGET (self), "record.pick-target", "u", 0);
              g_set_str (&self->auto_target, first->name ? first->name : "");
            }
          else if (*current != '\0')
            {
              gtk_editable_set_text (GTK_EDITABLE (self->target_row), "");
              gtk_editable_set_text (GTK_EDITABLE (self->target_title_row), "");
              g_set_str (&self->auto_target, "");
            }
        }
    }

  self->ready = TRUE;
}

/* The row's label: a case by its name, a UA as “UA 61/20 — title”. */
static char *
describe_choice (AskarovCaseChoice *choice)
{
  if (choice->document_id == 0)
    return g_strdup (choice->name ? choice->name : "");
  if (choice->reference != NULL && choice->title != NULL)
    /* Translators: a UA in the log dialog's list: its reference, then its title */
    return g_strdup_printf (_("UA %s — %s"), choice->reference, choice->title);
  if (choice->reference != NULL)
    /* Translators: a UA in the log dialog's list that has no title; %s is its reference */
    return g_strdup_printf (_("UA %s"), choice->reference);
  return g_strdup (choice->title ? choice->title : "");
}

/* Fills the reference row from the chosen case or UA, unless the user
 * typed one of their own. */
static void
update_reference (AskarovRecordDialog *self,
                  AskarovCaseChoice   *choice)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->reference_row));
  const char *wanted = choice != NULL && choice->reference != NULL ? choice->reference : "";

  if (*current != '\0' && g_strcmp0 (current, self->auto_reference) != 0)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), wanted);
  g_set_str (&self->auto_reference, wanted);
}

static void
load_targets (AskarovRecordDialog *self)
{
  AskarovCaseChoice *choice = get_selected_case (self);
  g_autofree char *subtitle = NULL;

  if (choice != NULL && choice->document_id != 0 && choice->name != NULL)
    /* Translators: under a UA chosen in the log dialog: the case it belongs to */
    subtitle = g_strdup_printf (_("Case: %s"), choice->name);
  else if (choice != NULL && choice->document_id != 0)
    /* Translators: under a UA chosen in the log dialog that belongs to no case */
    subtitle = g_strdup (_("Not in a case"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->case_row), subtitle ? subtitle : "");

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->targets_button), FALSE);
  /* Only the last choice's targets count, whatever order the answers come in. */
  g_cancellable_cancel (self->targets_cancellable);
  g_clear_object (&self->targets_cancellable);
  self->targets_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           self->targets_cancellable, G_CONNECT_SWAPPED);
  if (choice == NULL || self->store == NULL || (choice->case_id == 0 && choice->document_id == 0))
    {
      self->ready = self->cases != NULL;
      return;
    }
  if (choice->document_id != 0)
    askarov_store_list_document_target_choices_async (self->store, choice->document_id, self->targets_cancellable,
                                                      targets_loaded_cb, g_object_ref (self));
  else
    askarov_store_list_target_choices_async (self->store, choice->case_id, self->targets_cancellable,
                                             targets_loaded_cb, g_object_ref (self));
}

static void
case_row_selected_cb (AskarovRecordDialog *self)
{
  if (self->cases == NULL)
    return;
  update_reference (self, get_selected_case (self));
  load_targets (self);
}

static void
cases_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AskarovRecordDialog) self = user_data;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = askarov_action_record_get_case_id (self->record);
  const char *case_name = askarov_action_record_get_case_name (self->record);
  const char *reference = askarov_action_record_get_reference (self->record);
  guint selected = 0;
  guint ua_selected = 0;

  cases = askarov_store_list_log_choices_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (cases == NULL)
    {
      g_debug ("Could not list cases: %s", error->message);
      cases = g_ptr_array_new ();
    }

  self->cases = g_steal_pointer (&cases);
  for (guint i = 0; i < self->cases->len; i++)
    {
      AskarovCaseChoice *choice = g_ptr_array_index (self->cases, i);
      g_autofree char *label = describe_choice (choice);

      gtk_string_list_append (self->case_names, label);
      if (choice->document_id == 0 && selected == 0 &&
          ((case_id != 0 && choice->case_id == case_id) ||
           (case_id == 0 && case_name != NULL && g_strcmp0 (choice->name, case_name) == 0)))
        selected = i + 1;
      /* An action without a case, for a UA outside any case. */
      if (choice->document_id != 0 && ua_selected == 0 && case_id == 0 && case_name == NULL &&
          reference != NULL && choice->case_id == 0 && g_strcmp0 (choice->reference, reference) == 0)
        ua_selected = i + 1;
    }
  if (selected == 0)
    selected = ua_selected;
  /* A case the record names but the database does not know yet (it is made when saved). */
  if (selected == 0 && case_name != NULL && *case_name != '\0')
    {
      AskarovCaseChoice *choice = g_new0 (AskarovCaseChoice, 1);

      choice->name = g_strdup (case_name);
      choice->reference = g_strdup (askarov_action_record_get_reference (self->record));
      g_ptr_array_add (self->cases, choice);
      gtk_string_list_append (self->case_names, case_name);
      selected = self->cases->len;
    }

  g_signal_handlers_block_by_func (self->case_row, case_row_selected_cb, self);
  adw_combo_row_set_selected (self->case_row, selected);
  g_signal_handlers_unblock_by_func (self->case_row, case_row_selected_cb, self);
  /* The record's own reference stays; a new action without one takes the choice's. */
  if (reference == NULL)
    update_reference (self, get_selected_case (self));
  load_targets (self);
}

static void
pick_target_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AskarovRecordDialog *self = ASKAROV_RECORD_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);
  AskarovTargetChoice *choice;

  if (self->targets == NULL || index >= self->targets->len)
    return;

  choice = g_ptr_array_index (self->targets, index);
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), choice->name ? choice->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->target_title_row), choice->title ? choice->title : "");
  if (!self->language_chosen && choice->language != NULL)
    select_language (self, choice->language);
}

static void
show_error (AskarovRecordDialog *self,
            const char          *message)
{
  adw_banner_set_title (self->error_banner, message);
  adw_banner_set_revealed (self->error_banner, TRUE);
  gtk_accessible_announce (GTK_ACCESSIBLE (self), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
}

/* The dialog closes only once the action is in the database: on any
 * failure (a full disk, a read-only folder, a case deleted meanwhile, a
 * field too long) it stays open with what was typed and says why. */
static void
save_finished (AskarovRecordDialog *self,
               AskarovActionRecord *stored,
               gboolean             created,
               const GError        *error)
{
  g_autoptr(AskarovActionRecord) saving = g_steal_pointer (&self->saving);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.save", TRUE);
  if (stored == NULL)
    {
      show_error (self, error->message);
      return;
    }
  adw_banner_set_revealed (self->error_banner, FALSE);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, stored, created);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
record_added_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AskarovRecordDialog) self = user_data;
  g_autoptr(AskarovActionRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = askarov_store_add_record_finish (ASKAROV_STORE (object), result, &error);
  save_finished (self, stored, TRUE, error);
}

static void
record_updated_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AskarovRecordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = askarov_store_update_record_finish (ASKAROV_STORE (object), result, &error);
  save_finished (self, ok ? self->saving : NULL, FALSE, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AskarovRecordDialog *self = ASKAROV_RECORD_DIALOG (widget);

  if (self->saving != NULL || self->store == NULL)
    return;

  self->saving = askarov_record_dialog_dup_record (self);
  gtk_widget_action_set_enabled (widget, "record.save", FALSE);
  /* Not cancelled with the dialog: a logged action must reach the database. */
  if (askarov_action_record_get_id (self->saving) == 0)
    askarov_store_add_record_async (self->store, self->saving, NULL, record_added_cb, g_object_ref (self));
  else
    askarov_store_update_record_async (self->store, self->saving, NULL, record_updated_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
calendar_day_selected_cb (AskarovRecordDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  set_taken_on (self, text);
  gtk_menu_button_popdown (self->date_button);
}

static void
language_row_selected_cb (AskarovRecordDialog *self)
{
  self->language_chosen = TRUE;
}

static void
askarov_record_dialog_dispose (GObject *object)
{
  AskarovRecordDialog *self = ASKAROV_RECORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->targets_cancellable);
  g_clear_object (&self->targets_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_object (&self->saving);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_RECORD_DIALOG);

  G_OBJECT_CLASS (askarov_record_dialog_parent_class)->dispose (object);
}

static void
askarov_record_dialog_finalize (GObject *object)
{
  AskarovRecordDialog *self = ASKAROV_RECORD_DIALOG (object);

  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->taken_on, g_free);
  g_clear_pointer (&self->auto_reference, g_free);
  g_clear_pointer (&self->auto_target, g_free);

  G_OBJECT_CLASS (askarov_record_dialog_parent_class)->finalize (object);
}

static void
askarov_record_dialog_class_init (AskarovRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = askarov_record_dialog_dispose;
  object_class->finalize = askarov_record_dialog_finalize;

  /**
   * AskarovRecordDialog::saved:
   * @record: the record as stored, with its id
   * @created: %TRUE when a new action was logged, %FALSE when one was edited
   *
   * Emitted once the action is in the database; the dialog then closes.
   * A failed save emits nothing: the dialog stays open and shows why.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ASKAROV_TYPE_ACTION_RECORD, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, error_banner);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, case_names);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, case_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, target_title_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, targets_button);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, AskarovRecordDialog, note_row);

  gtk_widget_class_install_action (widget_class, "record.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "record.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "record.pick-target", "u", pick_target_action);
}

static void
askarov_record_dialog_init (AskarovRecordDialog *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->languages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ASKAROV_N_CHANNELS; i++)
    gtk_string_list_append (channels, askarov_channel_get_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));

  for (guint i = 0; i < G_N_ELEMENTS (call_outcomes); i++)
    gtk_string_list_append (outcomes, askarov_outcome_get_label (call_outcomes[i]));
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (outcomes));

  for (guint i = 0; i < G_N_ELEMENTS (known_languages); i++)
    {
      g_autofree char *label =
        /* Translators: a language in the log dialog: name and ISO code (“Russian (ru)”) */
        g_strdup_printf (_("%s (%s)"), _(known_languages[i].name), known_languages[i].code);

      gtk_string_list_append (languages, label);
      g_ptr_array_add (self->languages, g_strdup (known_languages[i].code));
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages));

  /* Translators: the first choice of the case row, for actions not tied to a case */
  gtk_string_list_append (self->case_names, C_("case", "None"));

  gtk_widget_set_visible (GTK_WIDGET (self->targets_button), FALSE);
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (update_outcome_row), self);
  g_signal_connect_swapped (self->case_row, "notify::selected", G_CALLBACK (case_row_selected_cb), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), self);
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (language_row_selected_cb), self);
}

/**
 * askarov_record_dialog_new:
 * @store: where the case list and target suggestions come from
 * @record: the values to start with; an id of 0 logs a new action, any
 *   other id edits that action
 */
AskarovRecordDialog *
askarov_record_dialog_new (AskarovStore        *store,
                           AskarovActionRecord *record)
{
  AskarovRecordDialog *self;
  AskarovOutcome outcome;
  const char *taken_on;
  g_autofree char *today = NULL;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);
  g_return_val_if_fail (ASKAROV_IS_ACTION_RECORD (record), NULL);

  self = g_object_new (ASKAROV_TYPE_RECORD_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->record = askarov_action_record_copy (record);

  if (askarov_action_record_get_id (record) != 0)
    adw_dialog_set_title (ADW_DIALOG (self), _("Edit Action"));

  gtk_editable_set_text (GTK_EDITABLE (self->target_row),
                         askarov_action_record_get_target_name (record) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->target_title_row),
                         askarov_action_record_get_target_title (record) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         askarov_action_record_get_note (record) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row),
                         askarov_action_record_get_reference (record) ?: "");
  /* The reference came with the record, not from the user's typing: a
   * case or UA chosen later may replace it. */
  self->auto_reference = g_strdup (askarov_action_record_get_reference (record) ?: "");
  adw_combo_row_set_selected (self->channel_row, askarov_action_record_get_channel (record));
  outcome = askarov_action_record_get_outcome (record);
  for (guint i = 0; i < G_N_ELEMENTS (call_outcomes); i++)
    if (call_outcomes[i] == outcome)
      adw_combo_row_set_selected (self->outcome_row, i);
  update_outcome_row (self);

  if (askarov_action_record_get_language (record) != NULL)
    {
      select_language (self, askarov_action_record_get_language (record));
      self->language_chosen = TRUE;
    }

  taken_on = askarov_action_record_get_taken_on (record);
  if (!askarov_date_is_valid (taken_on))
    taken_on = today = askarov_date_today ();
  set_taken_on (self, taken_on);
  {
    int year = 0, month = 0, day = 0;
    g_autoptr(GDateTime) date = NULL;

    if (sscanf (taken_on, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
        (date = g_date_time_new_local (year, month, day, 0, 0, 0)) != NULL)
      {
        g_signal_handlers_block_by_func (self->calendar, calendar_day_selected_cb, self);
        gtk_calendar_select_day (self->calendar, date);
        g_signal_handlers_unblock_by_func (self->calendar, calendar_day_selected_cb, self);
      }
  }

  askarov_store_list_log_choices_async (store, self->cancellable, cases_loaded_cb, g_object_ref (self));

  return self;
}

/**
 * askarov_record_dialog_set_default_language:
 * @code: an ISO 639-1 code
 *
 * Selects @code unless the record came with a language; a target picked
 * later may still change it.
 */
void
askarov_record_dialog_set_default_language (AskarovRecordDialog *self,
                                            const char          *code)
{
  g_return_if_fail (ASKAROV_IS_RECORD_DIALOG (self));

  if (!self->language_chosen)
    select_language (self, code);
}

gboolean
askarov_record_dialog_get_ready (AskarovRecordDialog *self)
{
  g_return_val_if_fail (ASKAROV_IS_RECORD_DIALOG (self), FALSE);

  return self->ready;
}

AskarovActionRecord *
askarov_record_dialog_dup_record (AskarovRecordDialog *self)
{
  AskarovActionRecord *record;
  AskarovCaseChoice *choice;
  guint channel;
  guint outcome;
  guint language;
  g_autofree char *reference = NULL;

  g_return_val_if_fail (ASKAROV_IS_RECORD_DIALOG (self), NULL);

  record = askarov_action_record_copy (self->record);
  choice = get_selected_case (self);

  /* Until the case list arrives the record keeps the case it came with.
   * A UA outside any case gives an action with a reference and no case. */
  if (self->cases != NULL)
    {
      askarov_action_record_set_case_id (record, choice ? choice->case_id : 0);
      askarov_action_record_set_case_name (record, choice ? choice->name : NULL);
    }
  reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
  askarov_action_record_set_reference (record, *reference != '\0' ? reference : NULL);

  askarov_action_record_set_target_name (record, gtk_editable_get_text (GTK_EDITABLE (self->target_row)));
  askarov_action_record_set_target_title (record, gtk_editable_get_text (GTK_EDITABLE (self->target_title_row)));
  askarov_action_record_set_note (record, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  channel = adw_combo_row_get_selected (self->channel_row);
  if (channel >= ASKAROV_N_CHANNELS)
    channel = ASKAROV_CHANNEL_OTHER;
  askarov_action_record_set_channel (record, channel);
  outcome = adw_combo_row_get_selected (self->outcome_row);
  if (channel == ASKAROV_CHANNEL_CALL)
    askarov_action_record_set_outcome (record, outcome < G_N_ELEMENTS (call_outcomes)
                                               ? call_outcomes[outcome] : ASKAROV_OUTCOME_REACHED);
  else
    askarov_action_record_set_outcome (record, ASKAROV_OUTCOME_SENT);

  language = adw_combo_row_get_selected (self->language_row);
  if (language < self->languages->len)
    askarov_action_record_set_language (record, g_ptr_array_index (self->languages, language));
  askarov_action_record_set_taken_on (record, self->taken_on);

  return record;
}
