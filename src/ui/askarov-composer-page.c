/* askarov-composer-page.c — the page where an appeal letter is written and sent.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-composer-page"

#include "config.h"

#include "askarov-composer-page.h"

#include <glib/gi18n.h>

#include "askarov-composer-preview.h"
#include "askarov-letter-pdf.h"
#include "askarov-letter.h"
#include "askarov-salutations.h"
#include "askarov-store-drafts.h"
#include "askarov-store-targets.h"

/* Autosave: a draft is written this long after the last keystroke, and never
 * later than MAX_WAIT_MS after the first unsaved one, so that steady typing
 * (which keeps restarting the debounce) still reaches the disk every second. */
#define DEBOUNCE_MS 500
#define MAX_WAIT_MS 800

struct _AskarovComposerPage
{
  GtkWidget               parent_instance;

  /* Template children */
  AdwBreakpointBin       *breakpoint_bin;
  AdwToastOverlay        *toasts;
  GtkStack               *main_stack;
  AdwStatusPage          *empty_page;
  AdwToggleGroup         *view_toggle;
  GtkLabel               *save_state_label;
  GtkWidget              *editor_pane;
  GtkWidget              *pane_separator;
  GtkWidget              *preview_pane;
  AdwComboRow            *case_row;
  AdwComboRow            *target_row;
  AdwEntryRow            *name_row;
  AdwEntryRow            *title_row;
  AdwComboRow            *language_row;
  AdwComboRow            *channel_row;
  AdwActionRow           *salutation_row;
  AdwComboRow            *role_row;
  AdwComboRow            *form_row;
  GtkBox                 *paragraphs_box;
  GtkWidget              *asks_group;
  GtkListBox             *asks_list;
  GtkStack               *preview_stack;
  AskarovComposerPreview *preview;
  GtkLabel               *text_heading;
  GtkLabel               *text_preview;
  GtkLabel               *counter_label;
  GtkStringList          *case_model;
  GtkStringList          *target_model;
  GtkStringList          *language_model;
  GtkStringList          *channel_model;
  GtkStringList          *role_model;
  GtkStringList          *form_model;

  AskarovStore           *store;
  GSettings              *settings;
  GCancellable           *cancellable;       /* loads; cancelled when the store changes */

  GPtrArray              *cases;             /* AskarovTargetCase, as in case_model */
  AskarovTargetCase      *target_case;       /* the letter's document, or NULL */
  GArray                 *target_positions;  /* int, as in target_model; -1 = typed in */
  GPtrArray              *languages;         /* codes, as in language_model */

  gint64                  pending_document;  /* a compose_to() waiting for the cases */
  int                     pending_position;
  gboolean                has_pending;

  AskarovLetter          *letter;
  AskarovDraft           *draft;             /* the letter's row in the drafts table */
  guint                   draft_serial;      /* changes with every letter opened */
  guint                   load_serial;
  guint                   cases_serial;
  gboolean                role_overridden;
  gboolean                narrow;
  guint                   updating;          /* > 0 while rows are filled from code */
  gboolean                editing_paragraph;
  guint                   n_editors;

  /* Autosave state. */
  guint                   debounce_id;
  guint                   max_wait_id;
  gboolean                dirty;
  gboolean                saving;
  AskarovDraft           *orphan;            /* the last state of a letter closed while saving */
  guint                   orphan_serial;
  gboolean                save_error_shown;
  gboolean                disposed;
  gboolean                drafts_wanted;     /* a load waits for a running save */
};

G_DEFINE_FINAL_TYPE (AskarovComposerPage, askarov_composer_page, GTK_TYPE_WIDGET)

static const char * const letter_actions[] = {
  "composer.copy", "composer.save-pdf", "composer.save-text", "composer.print",
  "composer.send-email", "composer.mark-sent", "composer.reset-body",
};

/* What a save or a load started for one letter brings back to its callback. */
typedef struct
{
  AskarovComposerPage *self;   /* a reference */
  guint                serial;
} SaveJob;

static void update_letter_view (AskarovComposerPage *self);
static void save_now (AskarovComposerPage *self);
static void list_drafts_when_saved (AskarovComposerPage *self);

/* Helpers */

static void
toast (AskarovComposerPage *self,
       const char          *message)
{
  g_debug ("Toast: %s", message);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static const AskarovTarget *
current_target (AskarovComposerPage *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);
  int position;

  if (self->target_case == NULL || selected >= self->target_positions->len)
    return NULL;
  position = g_array_index (self->target_positions, int, selected);
  return position < 0 ? NULL : askarov_target_case_find (self->target_case, position);
}

static AskarovPaper
current_paper (AskarovComposerPage *self)
{
  g_autofree char *id = NULL;

  if (self->settings != NULL)
    id = g_settings_get_string (self->settings, "paper-size");
  if (g_strcmp0 (id, "a4") == 0)
    return ASKAROV_PAPER_A4;
  if (g_strcmp0 (id, "letter") == 0)
    return ASKAROV_PAPER_US_LETTER;
  return askarov_paper_for_locale (NULL);
}

static gboolean
strv_contains_or_empty (const char * const *strv,
                        const char         *str)
{
  return strv == NULL || strv[0] == NULL || g_strv_contains (strv, str);
}

/* The UA's preferred languages first, then the others; the default is the
 * user's own language when the UA allows it (or lists it), else the UA's first. */
static char *
default_language (AskarovComposerPage *self)
{
  g_autofree char *own = NULL;
  g_auto(GStrv) known = askarov_phrasebook_list_languages ();

  if (self->settings != NULL)
    own = g_settings_get_string (self->settings, "default-language");
  if (own == NULL || !askarov_phrasebook_has_language (own))
    g_set_str (&own, "en");

  if (self->target_case == NULL || self->target_case->own_language_allowed ||
      strv_contains_or_empty ((const char * const *) self->target_case->languages, own))
    return g_steal_pointer (&own);

  for (guint i = 0; self->target_case->languages[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) known, self->target_case->languages[i]))
      return g_strdup (self->target_case->languages[i]);
  return g_steal_pointer (&own);
}

static char *
case_label (AskarovTargetCase *target_case)
{
  if (target_case->reference != NULL && target_case->case_name != NULL)
    /* Translators: a case in the composer; %s is an Urgent Action number ("135/10"), %s a person's name */
    return g_strdup_printf (_("UA %s · %s"), target_case->reference, target_case->case_name);
  if (target_case->reference != NULL)
    /* Translators: %s is an Urgent Action number ("135/10") */
    return g_strdup_printf (_("UA %s"), target_case->reference);
  return g_strdup (target_case->title);
}

static char *
target_label (const AskarovTarget *target)
{
  if (target->name != NULL && target->title != NULL)
    /* Translators: an official to write to: name, then title */
    return g_strdup_printf (_("%s, %s"), target->name, target->title);
  return g_strdup (target->name != NULL ? target->name : target->title);
}

static void
splice_strings (GtkStringList *model,
                GPtrArray     *strings)
{
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                          (const char * const *) strings->pdata);
}

/* Fills the target row with @target_case's officials (copies are not
 * written to: they go on the "copies to" line), plus "someone else". */
static void
fill_targets (AskarovComposerPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  int typed_in = -1;

  g_array_set_size (self->target_positions, 0);
  if (self->target_case != NULL)
    for (guint i = 0; i < self->target_case->targets->len; i++)
      {
        const AskarovTarget *target = g_ptr_array_index (self->target_case->targets, i);

        if (target->is_copy)
          continue;
        g_ptr_array_add (labels, target_label (target));
        g_array_append_val (self->target_positions, target->position);
      }
  g_ptr_array_add (labels, g_strdup (_("Someone Else (Type the Name)")));
  g_array_append_val (self->target_positions, typed_in);

  self->updating++;
  splice_strings (self->target_model, labels);
  self->updating--;
}

static void
fill_cases (AskarovComposerPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; self->cases != NULL && i < self->cases->len; i++)
    g_ptr_array_add (labels, case_label (g_ptr_array_index (self->cases, i)));
  g_ptr_array_add (labels, g_strdup (_("No Urgent Action")));

  self->updating++;
  splice_strings (self->case_model, labels);
  self->updating--;
}

static void
fill_languages (AskarovComposerPage *self)
{
  g_auto(GStrv) known = askarov_phrasebook_list_languages ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char * const *wanted = NULL;

  g_ptr_array_set_size (self->languages, 0);
  if (self->target_case != NULL)
    wanted = (const char * const *) self->target_case->languages;

  for (guint i = 0; wanted != NULL && wanted[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) known, wanted[i]) &&
        !g_ptr_array_find_with_equal_func (self->languages, wanted[i], g_str_equal, NULL))
      {
        g_ptr_array_add (self->languages, g_strdup (wanted[i]));
        /* Translators: a letter language the Urgent Action asks for; %s is the language's own name ("Русский") */
        g_ptr_array_add (labels, g_strdup_printf (_("%s (requested)"), askarov_phrasebook_get_native_name (wanted[i])));
      }
  for (guint i = 0; known[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (self->languages, known[i], g_str_equal, NULL))
      {
        g_ptr_array_add (self->languages, g_strdup (known[i]));
        g_ptr_array_add (labels, g_strdup (askarov_phrasebook_get_native_name (known[i])));
      }

  self->updating++;
  splice_strings (self->language_model, labels);
  self->updating--;
}

static void
set_letter_actions_enabled (AskarovComposerPage *self,
                            gboolean             enabled)
{
  for (guint i = 0; i < G_N_ELEMENTS (letter_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), letter_actions[i], enabled);
}

static void
apply_sender (AskarovComposerPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *city = NULL;
  g_autofree char *country = NULL;

  if (self->letter == NULL || self->settings == NULL)
    return;

  name = g_settings_get_string (self->settings, "sender-name");
  address = g_settings_get_string (self->settings, "sender-address");
  city = g_settings_get_string (self->settings, "sender-city");
  country = g_settings_get_string (self->settings, "sender-country");
  askarov_letter_set_sender (self->letter, name, address, city, country);
  askarov_letter_set_signature (self->letter,
                                g_settings_get_boolean (self->settings, "sign-with-initials")
                                  ? ASKAROV_SIGNATURE_INITIALS_AND_TOWN : ASKAROV_SIGNATURE_FULL_NAME);
}

static void
update_save_state (AskarovComposerPage *self,
                   const char          *text)
{
  gtk_label_set_label (self->save_state_label, text);
}

/* Autosave */

static AskarovDraft *
snapshot_draft (AskarovComposerPage *self)
{
  AskarovDraft *draft = askarov_draft_copy (self->draft);

  g_free (draft->target_name);
  draft->target_name = g_strdup (askarov_letter_get_recipient_name (self->letter));
  g_free (draft->target_title);
  draft->target_title = g_strdup (askarov_letter_get_recipient_title (self->letter));
  g_free (draft->language);
  draft->language = g_strdup (askarov_letter_get_language (self->letter));
  g_free (draft->role);
  draft->role = g_strdup (askarov_role_to_id (askarov_letter_get_role (self->letter)));
  g_free (draft->address_form);
  draft->address_form = g_strdup (askarov_address_form_to_id (askarov_letter_get_address_form (self->letter)));
  g_free (draft->channel);
  draft->channel = g_strdup (askarov_channel_to_id (askarov_letter_get_channel (self->letter)));
  g_free (draft->subject);
  draft->subject = askarov_letter_dup_subject (self->letter);
  g_free (draft->body);
  draft->body = askarov_letter_dup_body (self->letter);
  return draft;
}

static void start_save (AskarovComposerPage *self,
                        AskarovDraft        *draft,
                        guint                serial);

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveJob *job = user_data;
  g_autoptr(AskarovComposerPage) self = job->self;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = askarov_store_save_draft_finish (ASKAROV_STORE (object), result, &error);
  self->saving = FALSE;
  if (self->disposed)
    {
      g_free (job);
      return;
    }

  if (id <= 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->save_error_shown)
        {
          g_autofree char *message =
            /* Translators: %s is the reason, e.g. "the disk is full" */
            g_strdup_printf (_("The draft could not be saved: %s"), error->message);

          toast (self, message);
          self->save_error_shown = TRUE;
        }
      update_save_state (self, _("Not saved"));
      if (job->serial == self->draft_serial)
        self->dirty = TRUE;
    }
  else
    {
      self->save_error_shown = FALSE;
      if (job->serial == self->draft_serial && self->draft != NULL)
        {
          self->draft->id = id;
          if (!self->dirty)
            update_save_state (self, _("Draft saved"));
        }
      else if (self->orphan != NULL && job->serial == self->orphan_serial && self->orphan->id == 0)
        self->orphan->id = id;
    }

  if (self->orphan != NULL)
    {
      AskarovDraft *orphan = g_steal_pointer (&self->orphan);

      start_save (self, orphan, self->orphan_serial);
      askarov_draft_free (orphan);
    }
  else if (self->dirty && self->debounce_id == 0 && self->max_wait_id == 0)
    save_now (self);
  list_drafts_when_saved (self);

  g_free (job);
}

static void
start_save (AskarovComposerPage *self,
            AskarovDraft        *draft,
            guint                serial)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->self = g_object_ref (self);
  job->serial = serial;
  self->saving = TRUE;
  /* Not cancelled on dispose: a save that was started must finish. */
  askarov_store_save_draft_async (self->store, draft, NULL, draft_saved_cb, job);
}

static void
save_now (AskarovComposerPage *self)
{
  g_autoptr(AskarovDraft) draft = NULL;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->max_wait_id, g_source_remove);

  if (self->store == NULL || self->letter == NULL || self->draft == NULL)
    return;
  if (self->saving)
    {
      /* draft_saved_cb() saves again when the running save is done. */
      self->dirty = TRUE;
      return;
    }

  self->dirty = FALSE;
  update_save_state (self, _("Saving…"));
  draft = snapshot_draft (self);
  start_save (self, draft, self->draft_serial);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  AskarovComposerPage *self = user_data;

  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (AskarovComposerPage *self)
{
  if (self->draft == NULL)
    return;

  self->dirty = TRUE;
  update_save_state (self, _("Editing…"));
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, save_timeout_cb, self);
  if (self->max_wait_id == 0)
    self->max_wait_id = g_timeout_add (MAX_WAIT_MS, save_timeout_cb, self);
}

/* Keeps the state of the letter being closed, so switching letters while
 * typing loses nothing. */
static void
close_letter (AskarovComposerPage *self)
{
  if (self->letter != NULL && self->dirty && self->draft != NULL && self->store != NULL)
    {
      if (self->saving)
        {
          g_clear_pointer (&self->orphan, askarov_draft_free);
          self->orphan = snapshot_draft (self);
          self->orphan_serial = self->draft_serial;
          self->dirty = FALSE;
        }
      else
        save_now (self);
    }
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->max_wait_id, g_source_remove);
  self->dirty = FALSE;

  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_data (self->letter, self);
  g_clear_object (&self->letter);
  g_clear_pointer (&self->draft, askarov_draft_free);
  self->draft_serial++;
}

/* The letter view */

static void
paragraph_changed_cb (GtkTextBuffer       *buffer,
                      AskarovComposerPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "paragraph-index"));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->letter == NULL || self->updating > 0)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->editing_paragraph = TRUE;
  if (index < askarov_letter_get_n_paragraphs (self->letter))
    askarov_letter_set_paragraph (self->letter, index, text);
  else
    {
      /* The one box shown for a letter without paragraphs. */
      const char *paragraphs[] = { text, NULL };

      askarov_letter_set_paragraphs (self->letter, paragraphs);
    }
  self->editing_paragraph = FALSE;
}

static void
rebuild_paragraph_editors (AskarovComposerPage *self)
{
  GtkWidget *child;
  guint n = self->letter != NULL ? askarov_letter_get_n_paragraphs (self->letter) : 0;
  /* A letter whose every paragraph was deleted still gets a box to type in. */
  guint n_boxes = self->letter != NULL ? MAX (n, 1) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->paragraphs_box))) != NULL)
    gtk_box_remove (self->paragraphs_box, child);

  self->updating++;
  for (guint i = 0; i < n_boxes; i++)
    {
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      /* Translators: accessible name of one paragraph's text box; %u is its number */
      g_autofree char *label = g_strdup_printf (_("Paragraph %u"), i + 1);

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
      gtk_widget_add_css_class (view, "card");
      gtk_widget_add_css_class (view, "paragraph-editor");
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_text_buffer_set_text (buffer, i < n ? askarov_letter_get_paragraph (self->letter, i) : "", -1);
      g_object_set_data (G_OBJECT (buffer), "paragraph-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (buffer, "changed", G_CALLBACK (paragraph_changed_cb), self, 0);
      gtk_box_append (self->paragraphs_box, view);
    }
  self->updating--;
  self->n_editors = n;
}

/* Shows paragraphs the letter changed itself (a template refilled for a new
 * language or office) without rebuilding boxes the user is typing in. */
static void
sync_paragraph_editors (AskarovComposerPage *self)
{
  guint n = askarov_letter_get_n_paragraphs (self->letter);
  guint i = 0;

  if (n != self->n_editors)
    {
      rebuild_paragraph_editors (self);
      return;
    }

  self->updating++;
  for (GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (self->paragraphs_box));
       view != NULL && i < n;
       view = gtk_widget_get_next_sibling (view), i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (text, askarov_letter_get_paragraph (self->letter, i)) != 0)
        gtk_text_buffer_set_text (buffer, askarov_letter_get_paragraph (self->letter, i), -1);
    }
  self->updating--;
}

static void
update_salutation_row (AskarovComposerPage *self)
{
  g_autoptr(AskarovSalutation) info = askarov_letter_dup_salutation_info (self->letter);
  g_autofree char *salutation = askarov_letter_dup_salutation (self->letter);
  g_autofree char *closing = askarov_letter_dup_closing (self->letter);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (info != NULL)
    /* Translators: how the letter addresses its recipient; %s is an office ("Minister"), %s a form of address ("Woman") */
    title = g_strdup_printf (_("%s · %s"),
                             askarov_role_get_label (info->role),
                             askarov_address_form_get_label (info->form_used));
  else
    title = g_strdup (_("Salutation"));

  g_string_append (subtitle, salutation != NULL ? salutation : "");
  g_string_append (subtitle, "\n…\n");
  g_string_append (subtitle, closing != NULL ? closing : "");
  if (info != NULL && info->fallback_note != NULL)
    g_string_append_printf (subtitle, "\n\n%s", info->fallback_note);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->salutation_row), title);
  adw_action_row_set_subtitle (self->salutation_row, subtitle->str);
}

static void
update_asks (AskarovComposerPage *self)
{
  g_autoptr(GPtrArray) checks = askarov_letter_check_asks (self->letter);

  gtk_list_box_remove_all (self->asks_list);
  gtk_widget_set_visible (self->asks_group, checks != NULL && checks->len > 0);
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    {
      const AskarovAskCheck *check = g_ptr_array_index (checks, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (check->covered ? "object-select-symbolic"
                                                                     : "dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), askarov_ask_get_label (check->ask));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   check->covered ? _("The letter asks for this")
                                                  : _("Not in the letter yet"));
      gtk_widget_add_css_class (icon, check->covered ? "success" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      check->covered ? _("Covered") : _("Missing"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->asks_list, row);
    }
}

static void
update_preview (AskarovComposerPage *self)
{
  AskarovChannel channel = askarov_letter_get_channel (self->letter);
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;

  if (channel == ASKAROV_CHANNEL_LETTER || channel == ASKAROV_CHANNEL_FAX)
    {
      askarov_composer_preview_set_letter (self->preview, self->letter, current_paper (self));
      gtk_stack_set_visible_child_name (self->preview_stack, "paper");
      gtk_widget_set_visible (GTK_WIDGET (self->counter_label), FALSE);
      return;
    }

  askarov_composer_preview_set_letter (self->preview, NULL, current_paper (self));
  gtk_stack_set_visible_child_name (self->preview_stack, "text");
  gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "error");

  switch (channel)
    {
    case ASKAROV_CHANNEL_EMAIL:
      {
        g_autofree char *subject = askarov_letter_dup_subject (self->letter);
        const char * const *emails = askarov_letter_get_recipient_emails (self->letter);
        g_autofree char *to = emails != NULL ? g_strjoinv (", ", (char **) emails) : NULL;

        text = askarov_letter_render_text (self->letter);
        /* Translators: heading of an email preview; %s are the addresses, %s the subject */
        heading = g_strdup_printf (_("To: %s\nSubject: %s"), to != NULL && to[0] != '\0' ? to : "—",
                                   subject != NULL ? subject : "");
        gtk_widget_set_visible (GTK_WIDGET (self->counter_label), FALSE);
      }
      break;
    case ASKAROV_CHANNEL_POST:
      {
        glong n_chars;
        g_autofree char *count = NULL;

        text = askarov_letter_render_post (self->letter);
        n_chars = g_utf8_strlen (text, -1);
        /* Translators: counter under a short post; %ld is its length in characters, %d the limit (280) */
        count = g_strdup_printf (ngettext ("%ld of %d character", "%ld of %d characters", n_chars),
                                 n_chars, ASKAROV_POST_MAX_CHARS);
        heading = g_strdup (_("Short Post"));
        gtk_label_set_label (self->counter_label, count);
        if (n_chars > ASKAROV_POST_MAX_CHARS)
          gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
        gtk_widget_set_visible (GTK_WIDGET (self->counter_label), TRUE);
      }
      break;
    case ASKAROV_CHANNEL_CALL:
    default:
      text = askarov_letter_render_call (self->letter);
      heading = g_strdup (_("What to Say on the Phone"));
      gtk_widget_set_visible (GTK_WIDGET (self->counter_label), FALSE);
      break;
    }

  gtk_label_set_label (self->text_heading, heading);
  gtk_label_set_label (self->text_preview, text);
}

static void
letter_changed_cb (AskarovLetter       *letter,
                   AskarovComposerPage *self)
{
  if (!self->editing_paragraph)
    sync_paragraph_editors (self);
  update_salutation_row (self);
  update_asks (self);
  update_preview (self);
  schedule_save (self);
}

static void
update_panes (AskarovComposerPage *self)
{
  gboolean preview = g_strcmp0 (adw_toggle_group_get_active_name (self->view_toggle), "preview") == 0;

  gtk_widget_set_visible (self->editor_pane, !self->narrow || !preview);
  gtk_widget_set_visible (self->preview_pane, !self->narrow || preview);
}

/* Shows self->letter in every row of the editor. */
static void
update_letter_view (AskarovComposerPage *self)
{
  guint n_languages = self->languages->len;
  const char *language = askarov_letter_get_language (self->letter);
  const char *name = askarov_letter_get_recipient_name (self->letter);
  const char *title = askarov_letter_get_recipient_title (self->letter);

  self->updating++;
  for (guint i = 0; i < n_languages; i++)
    if (g_str_equal (g_ptr_array_index (self->languages, i), language))
      adw_combo_row_set_selected (self->language_row, i);
  adw_combo_row_set_selected (self->channel_row, askarov_letter_get_channel (self->letter));
  adw_combo_row_set_selected (self->role_row, askarov_letter_get_role (self->letter));
  adw_combo_row_set_selected (self->form_row, askarov_letter_get_address_form (self->letter));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  self->updating--;

  rebuild_paragraph_editors (self);
  update_salutation_row (self);
  update_asks (self);
  update_preview (self);
  gtk_stack_set_visible_child_name (self->main_stack, "letter");
  set_letter_actions_enabled (self, TRUE);
}

static void
set_recipient_from_target (AskarovComposerPage *self,
                           const AskarovTarget *target,
                           const char          *name,
                           const char          *title)
{
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) handles = NULL;

  if (target != NULL)
    {
      emails = target->email != NULL ? g_strsplit (target->email, "\n", -1) : NULL;
      handles = target->social != NULL ? g_strsplit (target->social, "\n", -1) : NULL;
    }
  askarov_letter_set_recipient (self->letter, name, title,
                                target != NULL ? target->address : NULL,
                                (const char * const *) emails,
                                target != NULL ? target->fax : NULL,
                                (const char * const *) handles);
}

/* Makes the letter for the current case and target, continuing @draft when
 * there is one, else from the language's template (a new draft). */
static void
open_letter (AskarovComposerPage *self,
             AskarovDraft        *draft)
{
  const AskarovTarget *target = current_target (self);
  g_autofree char *language = NULL;
  const char *name = draft != NULL ? draft->target_name : target != NULL ? target->name : NULL;
  const char *title = draft != NULL ? draft->target_title : target != NULL ? target->title : NULL;
  AskarovRole role = askarov_role_detect (title);
  AskarovAddressForm form = ASKAROV_ADDRESS_FORM_UNKNOWN;
  AskarovChannel channel = ASKAROV_CHANNEL_LETTER;

  close_letter (self);
  g_debug ("Opening a letter to %s (%s)", name, draft != NULL ? "a saved draft" : "a new draft");

  language = draft != NULL && askarov_phrasebook_has_language (draft->language)
    ? g_strdup (draft->language) : default_language (self);
  self->role_overridden = FALSE;
  if (draft != NULL)
    {
      self->role_overridden = askarov_role_from_id (draft->role, &role) && role != askarov_role_detect (title);
      askarov_address_form_from_id (draft->address_form, &form);
      askarov_channel_from_id (draft->channel, &channel);
    }

  self->letter = askarov_letter_new (language, role);
  apply_sender (self);
  set_recipient_from_target (self, target, name, title);
  askarov_letter_set_address_form (self->letter, form);
  askarov_letter_set_channel (self->letter, channel);

  if (self->target_case != NULL)
    {
      g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *reference = NULL;

      for (guint i = 0; i < self->target_case->targets->len; i++)
        {
          const AskarovTarget *copy = g_ptr_array_index (self->target_case->targets, i);

          if (copy->is_copy)
            g_ptr_array_add (copies, target_label (copy));
        }
      g_ptr_array_add (copies, NULL);
      askarov_letter_set_copies_to (self->letter, (const char * const *) copies->pdata);

      if (self->target_case->reference != NULL)
        reference = g_strdup_printf ("UA %s", self->target_case->reference);
      /* A letter is sent today: after his death in July 2020 a letter must
       * not ask for Askarov's release, whatever the UA asked for at the time. */
      askarov_letter_set_case (self->letter, self->target_case->case_name, reference,
                               askarov_case_stage_for_date (NULL));
    }

  if (draft != NULL)
    askarov_letter_set_body (self->letter, draft->body);

  if (draft != NULL)
    self->draft = askarov_draft_copy (draft);
  else
    {
      self->draft = askarov_draft_new ();
      self->draft->case_id = self->target_case != NULL ? self->target_case->case_id : 0;
      self->draft->document_id = self->target_case != NULL ? self->target_case->document_id : 0;
    }

  g_signal_connect_object (self->letter, "changed", G_CALLBACK (letter_changed_cb), self, 0);
  update_letter_view (self);
  update_save_state (self, draft != NULL ? _("Draft restored") : _("New draft"));
  if (draft == NULL)
    save_now (self);
}

static void
target_drafts_listed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autofree SaveJob *job = user_data;
  g_autoptr(AskarovComposerPage) self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  const AskarovTarget *target;
  AskarovDraft *found = NULL;

  drafts = askarov_store_list_drafts_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (job->serial != self->load_serial)
    return;
  if (error != NULL)
    toast (self, error->message);

  /* The newest unsent draft to this official about this case, in any language. */
  target = current_target (self);
  for (guint i = 0; drafts != NULL && target != NULL && i < drafts->len && found == NULL; i++)
    {
      AskarovDraft *draft = g_ptr_array_index (drafts, i);

      if (draft->case_id == self->target_case->case_id &&
          (self->target_case->case_id != 0 || draft->document_id == self->target_case->document_id) &&
          g_strcmp0 (draft->target_name, target->name) == 0)
        found = draft;
    }
  open_letter (self, found);
}

/* Reads the drafts once no save is running, so the list includes the
 * letter that was just closed. */
static void
list_drafts_when_saved (AskarovComposerPage *self)
{
  SaveJob *job;

  if (!self->drafts_wanted || self->saving || self->orphan != NULL || self->store == NULL)
    return;

  self->drafts_wanted = FALSE;
  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->serial = self->load_serial;
  askarov_store_list_drafts_async (self->store, FALSE, self->cancellable,
                                   target_drafts_listed_cb, job);
}

/* Opens the draft for the current case and target, or starts one. */
static void
load_letter (AskarovComposerPage *self)
{
  const AskarovTarget *target = current_target (self);

  if (self->store == NULL)
    return;

  self->load_serial++;
  if (target == NULL)
    {
      open_letter (self, NULL);
      return;
    }

  /* The letter on screen is saved first: it may be the very draft about to
   * be read back. */
  close_letter (self);
  set_letter_actions_enabled (self, FALSE);
  self->drafts_wanted = TRUE;
  list_drafts_when_saved (self);
}

static void
select_case (AskarovComposerPage *self,
             AskarovTargetCase   *target_case,
             int                  position)
{
  guint index = self->cases != NULL ? self->cases->len : 0;

  g_clear_pointer (&self->target_case, askarov_target_case_unref);
  if (target_case != NULL)
    {
      self->target_case = askarov_target_case_ref (target_case);
      g_ptr_array_find (self->cases, target_case, &index);
    }

  self->updating++;
  adw_combo_row_set_selected (self->case_row, index);
  fill_targets (self);
  fill_languages (self);
  adw_combo_row_set_selected (self->target_row, 0);
  for (guint i = 0; i < self->target_positions->len; i++)
    if (g_array_index (self->target_positions, int, i) == position)
      adw_combo_row_set_selected (self->target_row, i);
  self->updating--;
}

static AskarovTargetCase *
find_case (AskarovComposerPage *self,
           gint64               document_id)
{
  for (guint i = 0; self->cases != NULL && i < self->cases->len; i++)
    {
      AskarovTargetCase *target_case = g_ptr_array_index (self->cases, i);

      if (target_case->document_id == document_id)
        return target_case;
    }
  return NULL;
}

static void
resume_draft (AskarovComposerPage *self,
              AskarovDraft        *draft)
{
  AskarovTargetCase *target_case = find_case (self, draft->document_id);
  int position = -1;

  for (guint i = 0; target_case != NULL && i < target_case->targets->len; i++)
    {
      const AskarovTarget *target = g_ptr_array_index (target_case->targets, i);

      if (!target->is_copy && g_strcmp0 (target->name, draft->target_name) == 0)
        position = target->position;
    }
  select_case (self, target_case, position);
  open_letter (self, draft);
}

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AskarovComposerPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  drafts = askarov_store_list_drafts_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (drafts == NULL)
    {
      toast (self, error->message);
      return;
    }
  /* A compose_to() or a choice made meanwhile wins over the old draft. */
  if (drafts->len > 0 && self->letter == NULL && !self->has_pending)
    resume_draft (self, g_ptr_array_index (drafts, 0));
}

static void
apply_pending (AskarovComposerPage *self)
{
  AskarovTargetCase *target_case = find_case (self, self->pending_document);
  int position = self->pending_position;

  self->has_pending = FALSE;
  if (target_case == NULL)
    {
      toast (self, _("That Urgent Action names no official to write to"));
      return;
    }
  if (position < 0 || askarov_target_case_find (target_case, position) == NULL)
    for (guint i = 0; i < target_case->targets->len; i++)
      {
        const AskarovTarget *target = g_ptr_array_index (target_case->targets, i);

        if (!target->is_copy)
          {
            position = target->position;
            break;
          }
      }
  select_case (self, target_case, position);
  load_letter (self);
}

static void
cases_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autofree SaveJob *job = user_data;
  g_autoptr(AskarovComposerPage) self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  gboolean first_load = self->cases == NULL;

  cases = askarov_store_list_target_cases_finish (ASKAROV_STORE (object), result, &error);
  g_debug ("Read %u Urgent Actions with targets", cases != NULL ? cases->len : 0);
  /* Only the newest list counts: an older one may predate a new document. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || job->serial != self->cases_serial)
    return;
  if (cases == NULL)
    {
      toast (self, error->message);
      cases = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_target_case_unref);
    }

  g_clear_pointer (&self->cases, g_ptr_array_unref);
  self->cases = g_steal_pointer (&cases);
  fill_cases (self);
  if (self->target_case != NULL)
    {
      AskarovTargetCase *same = find_case (self, self->target_case->document_id);
      guint index = self->cases->len;

      if (same != NULL)
        g_ptr_array_find (self->cases, same, &index);
      self->updating++;
      adw_combo_row_set_selected (self->case_row, index);
      self->updating--;
    }

  if (self->has_pending)
    apply_pending (self);
  else if (first_load && self->letter == NULL)
    askarov_store_list_drafts_async (self->store, FALSE, self->cancellable, drafts_listed_cb, self);
}

static void
reload_cases (AskarovComposerPage *self)
{
  SaveJob *job;

  if (self->store == NULL)
    return;
  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->serial = ++self->cases_serial;
  askarov_store_list_target_cases_async (self->store, self->cancellable, cases_loaded_cb, job);
}

/* Row callbacks */

static void
case_row_selected_cb (AskarovComposerPage *self)
{
  guint index = adw_combo_row_get_selected (self->case_row);

  if (self->updating > 0 || self->cases == NULL)
    return;
  select_case (self, index < self->cases->len ? g_ptr_array_index (self->cases, index) : NULL, -1);
  load_letter (self);
}

static void
target_row_selected_cb (AskarovComposerPage *self)
{
  if (self->updating > 0)
    return;
  load_letter (self);
}

static void
recipient_row_changed_cb (AskarovComposerPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  if (self->updating > 0 || self->letter == NULL)
    return;

  set_recipient_from_target (self, current_target (self), name, title);
  if (!self->role_overridden)
    {
      self->updating++;
      askarov_letter_set_role (self->letter, askarov_role_detect (title));
      adw_combo_row_set_selected (self->role_row, askarov_letter_get_role (self->letter));
      self->updating--;
    }
}

static void
replace_paragraphs_chosen_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(AskarovComposerPage) self = user_data;
  const char *response = adw_alert_dialog_choose_finish (ADW_ALERT_DIALOG (object), result);

  if (g_str_equal (response, "replace") && self->letter != NULL)
    askarov_letter_reset_paragraphs (self->letter);
}

static void
language_row_selected_cb (AskarovComposerPage *self)
{
  guint index = adw_combo_row_get_selected (self->language_row);
  g_autofree char *old_language = NULL;
  g_autofree char *old_body = NULL;
  g_autofree char *new_body = NULL;
  AdwDialog *dialog;

  if (self->updating > 0 || self->letter == NULL || index >= self->languages->len)
    return;
  if (g_str_equal (askarov_letter_get_language (self->letter), g_ptr_array_index (self->languages, index)))
    return;

  old_language = g_strdup (askarov_letter_get_language (self->letter));
  old_body = askarov_letter_dup_body (self->letter);
  /* The letter refills untouched paragraphs from the new language's template
   * itself; paragraphs the user wrote are kept until they choose. */
  askarov_letter_set_language (self->letter, g_ptr_array_index (self->languages, index));
  new_body = askarov_letter_dup_body (self->letter);
  if (g_strcmp0 (old_body, new_body) != 0)
    return;

  dialog = adw_alert_dialog_new (_("Replace Your Paragraphs?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                /* Translators: %s are language names ("Русский", "Deutsch") */
                                _("The paragraphs you wrote are in %s. Start again from the %s template, or keep your text and translate it yourself."),
                                askarov_phrasebook_get_native_name (old_language),
                                askarov_phrasebook_get_native_name (askarov_letter_get_language (self->letter)));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "keep", _("_Keep My Text"),
                                  "replace", _("_Use the Template"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "keep");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                           replace_paragraphs_chosen_cb, g_object_ref (self));
}

static void
channel_row_selected_cb (AskarovComposerPage *self)
{
  if (self->updating > 0 || self->letter == NULL)
    return;
  askarov_letter_set_channel (self->letter, adw_combo_row_get_selected (self->channel_row));
}

static void
role_row_selected_cb (AskarovComposerPage *self)
{
  if (self->updating > 0 || self->letter == NULL)
    return;
  self->role_overridden = TRUE;
  askarov_letter_set_role (self->letter, adw_combo_row_get_selected (self->role_row));
}

static void
form_row_selected_cb (AskarovComposerPage *self)
{
  if (self->updating > 0 || self->letter == NULL)
    return;
  askarov_letter_set_address_form (self->letter, adw_combo_row_get_selected (self->form_row));
}

static void
settings_changed_cb (GSettings           *settings,
                     const char          *key,
                     AskarovComposerPage *self)
{
  if (self->letter == NULL)
    return;
  if (g_str_has_prefix (key, "sender-") || g_str_equal (key, "sign-with-initials"))
    apply_sender (self);
  else if (g_str_equal (key, "paper-size"))
    update_preview (self);
}

static void
narrow_breakpoint_apply_cb (AskarovComposerPage *self)
{
  self->narrow = TRUE;
  update_panes (self);
}

static void
narrow_breakpoint_unapply_cb (AskarovComposerPage *self)
{
  self->narrow = FALSE;
  update_panes (self);
}

/* Actions */

static char *
channel_text (AskarovComposerPage *self)
{
  switch (askarov_letter_get_channel (self->letter))
    {
    case ASKAROV_CHANNEL_POST:
      return askarov_letter_render_post (self->letter);
    case ASKAROV_CHANNEL_CALL:
      return askarov_letter_render_call (self->letter);
    case ASKAROV_CHANNEL_LETTER:
    case ASKAROV_CHANNEL_EMAIL:
    case ASKAROV_CHANNEL_FAX:
    default:
      return askarov_letter_render_text (self->letter);
    }
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);

  if (self->store == NULL)
    return;
  select_case (self, self->cases != NULL && self->cases->len > 0 ? g_ptr_array_index (self->cases, 0) : NULL, -1);
  load_letter (self);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  g_autofree char *text = channel_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  /* Translators: shown after the letter text was copied to the clipboard */
  toast (self, _("Letter copied"));
}

static void
reset_body_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Restore the Template Text?"),
                                 _("Every paragraph goes back to the template’s text; what you wrote in them is lost."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "replace", _("_Restore"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), widget, NULL,
                           replace_paragraphs_chosen_cb, g_object_ref (self));
}

static void
file_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AskarovComposerPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_composer_page_save_to_file_finish (self, result, &error))
    toast (self, error->message);
  else
    toast (self, _("Letter saved"));
}

static void
save_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AskarovComposerPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL || self->letter == NULL)
    return;
  askarov_composer_page_save_to_file_async (self, file, NULL, file_saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  gboolean pdf = g_str_equal (action_name, "composer.save-pdf");
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *name = askarov_letter_get_recipient_name (self->letter);
  g_autofree char *base = NULL;
  g_autofree char *file_name = NULL;

  if (pdf)
    {
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Plain Text"));
      gtk_file_filter_add_mime_type (filter, "text/plain");
    }
  g_list_store_append (filters, filter);

  /* The file name is the recipient's, in the letter's language, made safe for any file system. */
  base = g_strdup_printf ("%s-%s", name != NULL && name[0] != '\0' ? name : "letter",
                          askarov_letter_get_language (self->letter));
  g_strdelimit (base, "/\\:*?\"<>|", '-');
  file_name = g_strconcat (base, pdf ? ".pdf" : ".txt", NULL);

  gtk_file_dialog_set_title (dialog, pdf ? _("Save Letter as PDF") : _("Save Letter as Text"));
  gtk_file_dialog_set_initial_name (dialog, file_name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        save_dialog_done_cb, g_object_ref (self));
}

static void
begin_print_cb (GtkPrintOperation   *operation,
                GtkPrintContext     *context,
                AskarovComposerPage *self)
{
  AskarovLetterPages *pages = g_object_get_data (G_OBJECT (operation), "pages");

  gtk_print_operation_set_n_pages (operation, askarov_letter_pages_get_n_pages (pages));
}

static void
draw_page_cb (GtkPrintOperation   *operation,
              GtkPrintContext     *context,
              int                  page,
              AskarovComposerPage *self)
{
  AskarovLetterPages *pages = g_object_get_data (G_OBJECT (operation), "pages");

  askarov_letter_pages_draw (pages, gtk_print_context_get_cairo_context (context), page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               AskarovComposerPage     *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (self, error->message);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;
  g_autoptr(GError) error = NULL;
  AskarovPaper paper = current_paper (self);

  paper_size = gtk_paper_size_new (paper == ASKAROV_PAPER_US_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper_size);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The same layout as the PDF: points from the paper's top-left corner. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "pages",
                          askarov_letter_pages_new (self->letter, paper),
                          (GDestroyNotify) askarov_letter_pages_free);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
uri_launched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AskarovComposerPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_autofree char *message =
        /* Translators: %s is the reason given by the system */
        g_strdup_printf (_("No mail program could be opened: %s"), error->message);

      toast (self, message);
    }
}

static void
send_email_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  AskarovMailtoDropped dropped = ASKAROV_MAILTO_DROPPED_NONE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkUriLauncher) launcher = NULL;
  g_autofree char *uri = NULL;

  uri = askarov_letter_build_mailto (self->letter, 0, &dropped, &error);
  if (uri == NULL)
    {
      toast (self, error->message);
      return;
    }

  if (dropped & ASKAROV_MAILTO_DROPPED_BODY)
    {
      g_autofree char *text = askarov_letter_render_text (self->letter);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
      toast (self, _("The letter is too long for a mail link, so it was copied: paste it into the message"));
    }

  launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                           uri_launched_cb, g_object_ref (self));
}

static void
draft_marked_sent_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AskarovComposerPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_store_mark_draft_sent_finish (ASKAROV_STORE (object), result, &error))
    toast (self, error->message);
}

static void
mark_sent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (widget);
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  const char *name = askarov_letter_get_recipient_name (self->letter);
  const char *title = askarov_letter_get_recipient_title (self->letter);

  if (self->target_case != NULL)
    {
      if (self->target_case->case_id > 0)
        g_variant_dict_insert (&dict, "case-id", "x", self->target_case->case_id);
      if (self->target_case->case_name != NULL)
        g_variant_dict_insert (&dict, "case-name", "s", self->target_case->case_name);
      if (self->target_case->reference != NULL)
        g_variant_dict_insert (&dict, "reference", "s", self->target_case->reference);
    }
  if (name != NULL)
    g_variant_dict_insert (&dict, "target-name", "s", name);
  if (title != NULL)
    g_variant_dict_insert (&dict, "target-title", "s", title);
  g_variant_dict_insert (&dict, "channel", "s", askarov_channel_to_id (askarov_letter_get_channel (self->letter)));
  g_variant_dict_insert (&dict, "language", "s", askarov_letter_get_language (self->letter));
  g_variant_dict_insert (&dict, "outcome", "s", "sent");
  g_variant_dict_insert (&dict, "confirm", "b", FALSE);

  /* Write what is on screen first, so the draft that is marked sent is complete. */
  if (self->dirty)
    save_now (self);
  if (self->draft != NULL && self->draft->id > 0)
    {
      g_variant_dict_insert (&dict, "draft-id", "x", self->draft->id);
      askarov_store_mark_draft_sent_async (self->store, self->draft->id, NULL,
                                           draft_marked_sent_cb, g_object_ref (self));
      /* Further edits start a new draft rather than change the sent one;
       * a save still running for it must not bring its id back. */
      self->draft->id = 0;
      self->draft_serial++;
      self->dirty = FALSE;
    }

  gtk_widget_activate_action_variant (widget, "win.log-record", g_variant_dict_end (&dict));
  update_save_state (self, _("Marked as sent"));
}

/* GObject */

static void
askarov_composer_page_dispose (GObject *object)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  /* Whatever was typed last goes to the database before the page goes. This
   * one write is synchronous: the window closes as the app quits, and the
   * store is closed right after, before a worker would run. */
  if (self->dirty && self->store != NULL && self->letter != NULL && self->draft != NULL &&
      !(self->saving && self->draft->id == 0))
    {
      g_autoptr(AskarovDraft) draft = snapshot_draft (self);
      g_autoptr(GError) error = NULL;

      if (!askarov_store_save_draft (self->store, draft, &error))
        g_debug ("The last edits could not be saved: %s", error->message);
      self->dirty = FALSE;
    }
  self->disposed = TRUE;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->max_wait_id, g_source_remove);
  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_data (self->letter, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->letter);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->target_case, askarov_target_case_unref);
  g_clear_pointer (&self->draft, askarov_draft_free);
  g_clear_pointer (&self->orphan, askarov_draft_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_COMPOSER_PAGE);

  G_OBJECT_CLASS (askarov_composer_page_parent_class)->dispose (object);
}

static void
askarov_composer_page_finalize (GObject *object)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (object);

  g_clear_pointer (&self->target_positions, g_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);

  G_OBJECT_CLASS (askarov_composer_page_parent_class)->finalize (object);
}

static void
add_shortcut (GtkEventController *controller,
              guint               keyval,
              GdkModifierType     modifiers,
              const char         *action_name)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action_name)));
}

static void
askarov_composer_page_class_init (AskarovComposerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = askarov_composer_page_dispose;
  object_class->finalize = askarov_composer_page_finalize;

  g_type_ensure (ASKAROV_TYPE_COMPOSER_PREVIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-composer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, breakpoint_bin);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, view_toggle);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, save_state_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, pane_separator);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, preview_pane);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, case_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, salutation_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, form_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, paragraphs_box);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, asks_group);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, asks_list);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, preview);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, text_heading);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, text_preview);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, counter_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, case_model);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, target_model);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, language_model);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, channel_model);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, role_model);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, form_model);

  gtk_widget_class_bind_template_callback (widget_class, narrow_breakpoint_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_breakpoint_unapply_cb);

  gtk_widget_class_install_action (widget_class, "composer.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "composer.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "composer.save-pdf", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "composer.save-text", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "composer.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "composer.send-email", NULL, send_email_action);
  gtk_widget_class_install_action (widget_class, "composer.mark-sent", NULL, mark_sent_action);
  gtk_widget_class_install_action (widget_class, "composer.reset-body", NULL, reset_body_action);
}

static void
askarov_composer_page_init (AskarovComposerPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->target_positions = g_array_new (FALSE, FALSE, sizeof (int));
  self->languages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ASKAROV_N_CHANNELS; i++)
    gtk_string_list_append (self->channel_model, askarov_channel_get_label (i));
  for (guint i = 0; i < ASKAROV_N_ROLES; i++)
    gtk_string_list_append (self->role_model, askarov_role_get_label (i));
  for (guint i = 0; i < ASKAROV_N_ADDRESS_FORMS; i++)
    gtk_string_list_append (self->form_model, askarov_address_form_get_label (i));

  g_signal_connect_swapped (self->case_row, "notify::selected", G_CALLBACK (case_row_selected_cb), self);
  g_signal_connect_swapped (self->target_row, "notify::selected", G_CALLBACK (target_row_selected_cb), self);
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (language_row_selected_cb), self);
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (channel_row_selected_cb), self);
  g_signal_connect_swapped (self->role_row, "notify::selected", G_CALLBACK (role_row_selected_cb), self);
  g_signal_connect_swapped (self->form_row, "notify::selected", G_CALLBACK (form_row_selected_cb), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (recipient_row_changed_cb), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (recipient_row_changed_cb), self);
  g_signal_connect_swapped (self->view_toggle, "notify::active-name", G_CALLBACK (update_panes), self);

  /* Capture phase: Ctrl+Return must mark the letter sent, not break a paragraph. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "composer.copy");
  add_shortcut (shortcuts, GDK_KEY_s, GDK_CONTROL_MASK, "composer.save-pdf");
  add_shortcut (shortcuts, GDK_KEY_p, GDK_CONTROL_MASK, "composer.print");
  add_shortcut (shortcuts, GDK_KEY_Return, GDK_CONTROL_MASK, "composer.mark-sent");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  set_letter_actions_enabled (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.start", FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

/* Public API */

void
askarov_composer_page_set_store (AskarovComposerPage *self,
                                 AskarovStore        *store)
{
  g_return_if_fail (ASKAROV_IS_COMPOSER_PAGE (self));
  g_return_if_fail (store == NULL || ASKAROV_IS_STORE (store));

  if (store == self->store)
    return;

  close_letter (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->target_case, askarov_target_case_unref);
  g_set_object (&self->store, store);
  self->drafts_wanted = FALSE;

  set_letter_actions_enabled (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.start", store != NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  reload_cases (self);
}

void
askarov_composer_page_set_settings (AskarovComposerPage *self,
                                    GSettings           *settings)
{
  g_return_if_fail (ASKAROV_IS_COMPOSER_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (!g_set_object (&self->settings, settings))
    return;
  if (settings != NULL)
    g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, 0);
  apply_sender (self);
  if (self->letter != NULL)
    update_preview (self);
}

/**
 * askarov_composer_page_compose_to:
 * @document_id: the Urgent Action the letter answers
 * @target_position: the target's position in that document, or -1
 *
 * Starts (or reopens) the draft for that target.
 */
void
askarov_composer_page_compose_to (AskarovComposerPage *self,
                                  gint64               document_id,
                                  int                  target_position)
{
  g_return_if_fail (ASKAROV_IS_COMPOSER_PAGE (self));

  self->pending_document = document_id;
  self->pending_position = target_position;
  self->has_pending = TRUE;
  /* The document may have been imported since the list was read. */
  reload_cases (self);
}

/**
 * askarov_composer_page_get_letter:
 *
 * Returns: (transfer none) (nullable): the letter being written.
 */
AskarovLetter *
askarov_composer_page_get_letter (AskarovComposerPage *self)
{
  g_return_val_if_fail (ASKAROV_IS_COMPOSER_PAGE (self), NULL);

  return self->letter;
}

/**
 * askarov_composer_page_get_draft_id:
 *
 * Returns: the database id of the draft on screen, or 0 while it is not saved.
 */
gint64
askarov_composer_page_get_draft_id (AskarovComposerPage *self)
{
  g_return_val_if_fail (ASKAROV_IS_COMPOSER_PAGE (self), 0);

  return self->draft != NULL ? self->draft->id : 0;
}

/**
 * askarov_composer_page_is_saved:
 *
 * Returns: %TRUE when everything on screen is in the database.
 */
gboolean
askarov_composer_page_is_saved (AskarovComposerPage *self)
{
  g_return_val_if_fail (ASKAROV_IS_COMPOSER_PAGE (self), FALSE);

  return !self->dirty && !self->saving && self->orphan == NULL;
}

static void
text_file_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
pdf_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!askarov_letter_write_pdf_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * askarov_composer_page_save_to_file_async:
 * @file: where to write; a name ending in ".pdf" gets a PDF, anything else text
 *
 * Writes the letter on a worker (the PDF through the same layout as the
 * preview); the file is replaced only once it is complete.
 */
void
askarov_composer_page_save_to_file_async (AskarovComposerPage *self,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *lower = NULL;

  g_return_if_fail (ASKAROV_IS_COMPOSER_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->letter != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_composer_page_save_to_file_async);

  base = g_file_get_basename (file);
  path = g_file_get_path (file);
  lower = g_ascii_strdown (base != NULL ? base : "", -1);
  if (path != NULL && g_str_has_suffix (lower, ".pdf"))
    askarov_letter_write_pdf_async (self->letter, path, current_paper (self), cancellable,
                                    pdf_written_cb, g_steal_pointer (&task));
  else
    {
      char *text = channel_text (self);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, cancellable,
                                           text_file_written_cb, g_steal_pointer (&task));
    }
}

gboolean
askarov_composer_page_save_to_file_finish (AskarovComposerPage  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
