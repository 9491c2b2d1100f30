/* askarov-composer-page.c — the page where an appeal letter is written and sent.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-composer-page"

#include "config.h"

#include "askarov-composer-page.h"

#include <glib/gi18n.h>

#include "askarov-composer-page-private.h"

G_DEFINE_FINAL_TYPE (AskarovComposerPage, askarov_composer_page, GTK_TYPE_WIDGET)

void
_askarov_composer_page_toast (AskarovComposerPage *self,
                              const char          *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_debug ("Toast: %s", message);
  /* Plain text: messages name files and officials. */
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static const AskarovTargetRow *
current_target (AskarovComposerPage *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);
  int position;

  if (self->target_case == NULL || selected >= self->target_positions->len)
    return NULL;
  position = g_array_index (self->target_positions, int, selected);
  return position < 0 ? NULL : askarov_target_case_find (self->target_case, position);
}

AskarovPaper
_askarov_composer_page_current_paper (AskarovComposerPage *self)
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

/* A language in a script ("uz-Cyrl") is the language ("uz") a UA lists. */
static gboolean
strv_contains_or_empty (const char * const *strv,
                        const char         *str)
{
  g_autofree char *base = g_strndup (str, strcspn (str, "-"));

  return strv == NULL || strv[0] == NULL || g_strv_contains (strv, str) || g_strv_contains (strv, base);
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

static void
apply_sender (AskarovComposerPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *city = NULL;
  g_autofree char *country = NULL;

  if (self->settings == NULL)
    return;

  name = g_settings_get_string (self->settings, "sender-name");
  address = g_settings_get_string (self->settings, "sender-address");
  city = g_settings_get_string (self->settings, "sender-city");
  country = g_settings_get_string (self->settings, "sender-country");
  /* Officials disregard unsigned letters; initials need at least the town. */
  adw_banner_set_revealed (self->sender_banner,
                           g_settings_get_boolean (self->settings, "sign-with-initials")
                             ? city[0] == '\0' : name[0] == '\0');
  if (self->letter == NULL)
    return;

  askarov_letter_set_sender (self->letter, name, address, city, country);
  askarov_letter_set_signature (self->letter,
                                g_settings_get_boolean (self->settings, "sign-with-initials")
                                  ? ASKAROV_SIGNATURE_INITIALS_AND_TOWN : ASKAROV_SIGNATURE_FULL_NAME);
}

static void
letter_changed_cb (AskarovLetter       *letter,
                   AskarovComposerPage *self)
{
  if (!self->editing_paragraph)
    _askarov_composer_page_sync_paragraph_editors (self);
  _askarov_composer_page_update_salutation_row (self);
  _askarov_composer_page_update_asks (self);
  _askarov_composer_page_update_preview (self);
  _askarov_composer_page_update_name_row (self);
  _askarov_composer_page_schedule_save (self);
}

static void
set_recipient_from_target (AskarovComposerPage    *self,
                           const AskarovTargetRow *target,
                           const char             *name,
                           const char             *title)
{
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) social = NULL;
  g_auto(GStrv) handles = NULL;

  if (target != NULL)
    {
      emails = target->email != NULL ? g_strsplit (target->email, "\n", -1) : NULL;
      social = target->social != NULL ? g_strsplit (target->social, "\n", -1) : NULL;
      handles = askarov_letter_handles_from_social ((const char * const *) social);
    }
  askarov_letter_set_recipient (self->letter, name, title,
                                target != NULL ? target->address : NULL,
                                (const char * const *) emails,
                                target != NULL ? target->fax : NULL,
                                (const char * const *) handles);
}

/* The case's official that @target (a row of the document's targets) is. */
static const AskarovTarget *
find_official (AskarovLetterCase      *letter_case,
               const AskarovTargetRow *target)
{
  if (letter_case == NULL || target == NULL)
    return NULL;
  for (guint i = 0; i < letter_case->targets->len; i++)
    {
      const AskarovTarget *official = g_ptr_array_index (letter_case->targets, i);

      if (g_strcmp0 (official->name, target->name) == 0 && g_strcmp0 (official->title, target->title) == 0)
        return official;
    }
  return NULL;
}

static void
show_no_letter (AskarovComposerPage *self,
                const char          *reason)
{
  adw_status_page_set_title (self->empty_page, _("No Letter for This Case"));
  adw_status_page_set_description (self->empty_page, reason);
  adw_status_page_set_icon_name (self->empty_page, "mail-unread-symbolic");
  _askarov_composer_page_set_letter_actions_enabled (self, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

/* Makes the letter for the current case and target with the one core builder
 * (as `askarov --write-letter` does), continuing @draft when there is one. */
static void
build_letter (AskarovComposerPage *self,
              AskarovDraft        *draft)
{
  const AskarovTargetRow *target = current_target (self);
  const AskarovTarget *official = NULL;
  g_autofree char *language = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = draft != NULL ? draft->target_name : target != NULL ? target->name : NULL;
  const char *title = draft != NULL ? draft->target_title : target != NULL ? target->title : NULL;
  AskarovRole role = askarov_role_detect (title);
  AskarovAddressForm form = ASKAROV_ADDRESS_FORM_UNKNOWN;
  AskarovChannel channel = ASKAROV_CHANNEL_LETTER;
  AskarovSalutationStyle style;
  gboolean have_form = FALSE;

  _askarov_composer_page_close_letter (self);
  g_debug ("Opening a letter to %s (%s)", name, draft != NULL ? "a saved draft" : "a new draft");

  language = draft != NULL && askarov_phrasebook_has_language (draft->language)
    ? g_strdup (draft->language) : default_language (self);
  self->role_overridden = FALSE;
  if (draft != NULL)
    {
      self->role_overridden = askarov_role_from_id (draft->role, &role) && role != askarov_role_detect (title);
      have_form = askarov_address_form_from_id (draft->address_form, &form);
      askarov_channel_from_id (draft->channel, &channel);
    }
  else if (target != NULL)
    {
      /* Without the case's facts, the salutation the UA gives still tells the form. */
      g_autoptr(AskarovTarget) given = askarov_target_new ();

      given->salutation = g_strdup (target->salutation);
      form = askarov_letter_form_from_target (given);
    }

  if (self->target_case != NULL && self->letter_case != NULL)
    {
      official = find_official (self->letter_case, target);
      self->letter = askarov_letter_new_for_case (self->letter_case, official, language, channel, NULL, &error);
      if (self->letter == NULL)
        {
          show_no_letter (self, error->message);
          return;
        }
      reason = askarov_letter_case_dup_reason (self->letter_case);
    }
  else
    self->letter = askarov_letter_new (language, role);
  adw_banner_set_title (self->case_banner, reason != NULL ? reason : "");
  adw_banner_set_revealed (self->case_banner, reason != NULL);

  apply_sender (self);
  if (official == NULL)
    set_recipient_from_target (self, target, name, title);
  else if (draft != NULL)
    g_object_set (self->letter, "recipient-name", name, "recipient-title", title, NULL);
  askarov_letter_set_role (self->letter, role);
  if (official == NULL || have_form)
    askarov_letter_set_address_form (self->letter, form);
  askarov_letter_set_channel (self->letter, channel);
  if (draft != NULL && askarov_salutation_style_from_id (draft->salutation_style, &style))
    askarov_letter_set_salutation_style (self->letter, style);

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
  _askarov_composer_page_update_letter_view (self);
  _askarov_composer_page_lookup_local_name (self);
  _askarov_composer_page_update_save_state (self, draft != NULL ? _("Draft restored") : _("New draft"));
  if (draft == NULL)
    _askarov_composer_page_save_now (self);
}

typedef struct
{
  AskarovComposerPage *self;    /* a reference */
  guint                serial;
  gint64               document_id;
  AskarovDraft        *draft;   /* owned, or NULL */
} CaseJob;

static void
case_job_free (CaseJob *job)
{
  g_object_unref (job->self);
  g_clear_pointer (&job->draft, askarov_draft_free);
  g_free (job);
}

static void
letter_case_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  CaseJob *job = user_data;
  AskarovComposerPage *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovLetterCase) letter_case = NULL;

  letter_case = askarov_letter_case_load_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || job->serial != self->letter_case_serial)
    {
      case_job_free (job);
      return;
    }
  if (letter_case == NULL)
    _askarov_composer_page_toast (self, error->message);
  g_clear_pointer (&self->letter_case, askarov_letter_case_unref);
  self->letter_case = g_steal_pointer (&letter_case);
  self->letter_case_document = job->document_id;
  build_letter (self, job->draft);
  case_job_free (job);
}

/* Reads what the letter is built from (the case's people, asks and state)
 * when the case changed, then builds the letter. */
static void
open_letter (AskarovComposerPage *self,
             AskarovDraft        *draft)
{
  CaseJob *job;

  self->letter_case_serial++;
  if (self->target_case == NULL || self->store == NULL ||
      (self->letter_case != NULL && self->letter_case_document == self->target_case->document_id))
    {
      build_letter (self, draft);
      return;
    }
  _askarov_composer_page_close_letter (self);
  job = g_new0 (CaseJob, 1);
  job->self = g_object_ref (self);
  job->serial = self->letter_case_serial;
  job->document_id = self->target_case->document_id;
  job->draft = draft != NULL ? askarov_draft_copy (draft) : NULL;
  askarov_letter_case_load_async (self->store, self->target_case->case_id, self->target_case->document_id,
                                  self->cancellable, letter_case_loaded_cb, job);
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
  const AskarovTargetRow *target;
  AskarovDraft *found = NULL;

  drafts = askarov_store_list_drafts_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (job->serial != self->load_serial)
    return;
  if (error != NULL)
    _askarov_composer_page_toast (self, error->message);

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
void
_askarov_composer_page_list_drafts_when_saved (AskarovComposerPage *self)
{
  SaveJob *job;

  if (!self->drafts_wanted || !_askarov_composer_page_saves_settled (self) || self->store == NULL)
    return;

  self->drafts_wanted = FALSE;
  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->serial = self->load_serial;
  askarov_store_list_drafts_async (self->store, FALSE, self->cancellable,
                                   target_drafts_listed_cb, job);
}

/* Opens the draft for the current case and target, or starts one. */
void
_askarov_composer_page_load_letter (AskarovComposerPage *self)
{
  const AskarovTargetRow *target = current_target (self);

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
  _askarov_composer_page_close_letter (self);
  _askarov_composer_page_set_letter_actions_enabled (self, FALSE);
  self->drafts_wanted = TRUE;
  _askarov_composer_page_list_drafts_when_saved (self);
}

void
_askarov_composer_page_select_case (AskarovComposerPage *self,
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
  _askarov_composer_page_fill_targets (self);
  _askarov_composer_page_fill_languages (self);
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
      const AskarovTargetRow *target = g_ptr_array_index (target_case->targets, i);

      if (!target->is_copy && g_strcmp0 (target->name, draft->target_name) == 0)
        position = target->position;
    }
  _askarov_composer_page_select_case (self, target_case, position);
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
      _askarov_composer_page_toast (self, error->message);
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
      _askarov_composer_page_toast (self, _("That Urgent Action names no official to write to"));
      return;
    }
  if (position < 0 || askarov_target_case_find (target_case, position) == NULL)
    for (guint i = 0; i < target_case->targets->len; i++)
      {
        const AskarovTargetRow *target = g_ptr_array_index (target_case->targets, i);

        if (!target->is_copy)
          {
            position = target->position;
            break;
          }
      }
  _askarov_composer_page_select_case (self, target_case, position);
  _askarov_composer_page_load_letter (self);
}

/* A letter to the first official of the newest Urgent Action. */
static void
start_first (AskarovComposerPage *self)
{
  AskarovTargetCase *first = NULL;
  int position = -1;

  self->start_pending = FALSE;
  if (self->cases != NULL && self->cases->len > 0)
    first = g_ptr_array_index (self->cases, 0);
  for (guint i = 0; first != NULL && i < first->targets->len; i++)
    {
      const AskarovTargetRow *target = g_ptr_array_index (first->targets, i);

      if (!target->is_copy)
        {
          position = target->position;
          break;
        }
    }
  _askarov_composer_page_select_case (self, first, position);
  _askarov_composer_page_load_letter (self);
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
      _askarov_composer_page_toast (self, error->message);
      cases = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_target_case_unref);
    }

  g_clear_pointer (&self->cases, g_ptr_array_unref);
  self->cases = g_steal_pointer (&cases);
  self->cases_changes = job->changes;
  _askarov_composer_page_fill_cases (self);
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
  else if (self->start_pending)
    start_first (self);
  else if (first_load && self->letter == NULL)
    askarov_store_list_drafts_async (self->store, FALSE, self->cancellable, drafts_listed_cb, self);
}

static void
reload_cases (AskarovComposerPage *self)
{
  SaveJob *job;

  if (self->store == NULL)
    return;
  /* The library changed: the next letter reads its case afresh (a new outcome, a move to a case). */
  g_clear_pointer (&self->letter_case, askarov_letter_case_unref);
  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->serial = ++self->cases_serial;
  job->changes = askarov_store_get_change_count (self->store);
  askarov_store_list_target_cases_async (self->store, self->cancellable, cases_loaded_cb, job);
}

/* Another process wrote (documents imported, a case moved) or a restore
 * replaced everything: the cases offered are read afresh; the letter on
 * screen stays. */
static void
store_external_change_cb (AskarovComposerPage *self)
{
  reload_cases (self);
}

static void
case_row_selected_cb (AskarovComposerPage *self)
{
  guint index = adw_combo_row_get_selected (self->case_row);

  if (self->updating > 0 || self->cases == NULL)
    return;
  _askarov_composer_page_select_case (self, index < self->cases->len ? g_ptr_array_index (self->cases, index) : NULL, -1);
  _askarov_composer_page_load_letter (self);
}

static void
target_row_selected_cb (AskarovComposerPage *self)
{
  if (self->updating > 0)
    return;
  _askarov_composer_page_load_letter (self);
}

static void
recipient_row_changed_cb (AskarovComposerPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  if (self->updating > 0 || self->letter == NULL)
    return;

  {
    g_autofree char *old_name = g_strdup (askarov_letter_get_recipient_name (self->letter));

    set_recipient_from_target (self, current_target (self), name, title);
    /* Another official: the spelling confirmed for them, if any. */
    if (g_strcmp0 (old_name, askarov_letter_get_recipient_name (self->letter)) != 0)
      _askarov_composer_page_lookup_local_name (self);
  }
  if (!self->role_overridden)
    {
      self->updating++;
      askarov_letter_set_role (self->letter, askarov_role_detect (title));
      adw_combo_row_set_selected (self->role_row, askarov_letter_get_role (self->letter));
      self->updating--;
    }
}

void
_askarov_composer_page_replace_paragraphs_chosen_cb (GObject      *object,
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
  _askarov_composer_page_lookup_local_name (self);
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
                           _askarov_composer_page_replace_paragraphs_chosen_cb, g_object_ref (self));
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
by_name_row_active_cb (AskarovComposerPage *self)
{
  gboolean active = adw_switch_row_get_active (self->by_name_row);

  if (self->updating > 0 || self->letter == NULL)
    return;
  /* The patronymic tells the form: one value for the rows and the letter. */
  if (active && askarov_letter_get_address_form (self->letter) == ASKAROV_ADDRESS_FORM_UNKNOWN)
    {
      g_autoptr(AskarovSalutation) by_name = askarov_letter_dup_name_salutation (self->letter);

      if (by_name != NULL)
        askarov_letter_set_address_form (self->letter, by_name->form_used);
    }
  askarov_letter_set_salutation_style (self->letter,
                                       active ? ASKAROV_SALUTATION_STYLE_NAME : ASKAROV_SALUTATION_STYLE_TITLE);
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
    _askarov_composer_page_update_preview (self);
}

static void
narrow_breakpoint_apply_cb (AskarovComposerPage *self)
{
  self->narrow = TRUE;
  _askarov_composer_page_update_panes (self);
}

static void
narrow_breakpoint_unapply_cb (AskarovComposerPage *self)
{
  self->narrow = FALSE;
  _askarov_composer_page_update_panes (self);
}

static void
askarov_composer_page_dispose (GObject *object)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  /* Whatever was typed last is queued; the application waits for the
   * queues before it closes the store. */
  _askarov_composer_page_autosave_dispose (self);
  self->disposed = TRUE;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->max_wait_id, g_source_remove);
  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_data (self->letter, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->letter);
  g_clear_object (&self->settings);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_external_change_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->target_case, askarov_target_case_unref);
  g_clear_pointer (&self->letter_case, askarov_letter_case_unref);
  g_clear_pointer (&self->draft, askarov_draft_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_COMPOSER_PAGE);

  G_OBJECT_CLASS (askarov_composer_page_parent_class)->dispose (object);
}

static void
askarov_composer_page_finalize (GObject *object)
{
  AskarovComposerPage *self = ASKAROV_COMPOSER_PAGE (object);

  g_clear_pointer (&self->target_positions, g_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->queues, g_ptr_array_unref);
  g_clear_pointer (&self->flushes, g_ptr_array_unref);
  g_free (self->shown_local_name);

  G_OBJECT_CLASS (askarov_composer_page_parent_class)->finalize (object);
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
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, sender_banner);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, case_banner);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, pane_separator);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, preview_pane);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, case_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, title_hint);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, local_name_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, local_name_hint);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, local_name_confirm);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, salutation_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, form_row);
  gtk_widget_class_bind_template_child (widget_class, AskarovComposerPage, by_name_row);
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

  _askarov_composer_page_install_actions (widget_class);
  _askarov_composer_page_install_name_actions (widget_class);

}

static void
askarov_composer_page_init (AskarovComposerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->target_positions = g_array_new (FALSE, FALSE, sizeof (int));
  self->languages = g_ptr_array_new_with_free_func (g_free);
  self->queues = g_ptr_array_new_with_free_func (_askarov_composer_page_free_draft_queue);
  self->flushes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ASKAROV_N_LETTER_CHANNELS; i++)
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
  g_signal_connect_swapped (self->by_name_row, "notify::active", G_CALLBACK (by_name_row_active_cb), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (recipient_row_changed_cb), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (recipient_row_changed_cb), self);
  g_signal_connect_swapped (self->view_toggle, "notify::active-name", G_CALLBACK (_askarov_composer_page_update_panes), self);

  _askarov_composer_page_add_shortcuts (self);
  _askarov_composer_page_init_name_row (self);

  _askarov_composer_page_set_letter_actions_enabled (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.start", FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

void
_askarov_composer_page_start (AskarovComposerPage *self)
{
  if (self->store == NULL)
    return;
  self->has_pending = FALSE;
  /* Documents may have been imported since the list was read; when nothing
   * was written since, the list in hand is the library's, and the letter
   * opens at once (even while a save holds the store). */
  if (self->cases != NULL && askarov_store_get_change_count (self->store) == self->cases_changes)
    {
      start_first (self);
      return;
    }
  self->start_pending = TRUE;
  reload_cases (self);
}

void
askarov_composer_page_set_store (AskarovComposerPage *self,
                                 AskarovStore        *store)
{
  g_return_if_fail (ASKAROV_IS_COMPOSER_PAGE (self));
  g_return_if_fail (store == NULL || ASKAROV_IS_STORE (store));

  if (store == self->store)
    return;

  _askarov_composer_page_close_letter (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->target_case, askarov_target_case_unref);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_external_change_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "external-change", G_CALLBACK (store_external_change_cb), self,
                             G_CONNECT_SWAPPED);
  self->drafts_wanted = FALSE;

  _askarov_composer_page_set_letter_actions_enabled (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.start", store != NULL);
  adw_status_page_set_title (self->empty_page, _("No Letter Open"));
  adw_status_page_set_description (self->empty_page,
                                   _("Choose a target in an Urgent Action and press “Write to…”, or start a letter "
                                     "here and pick the case and the official yourself"));
  adw_status_page_set_icon_name (self->empty_page, "document-edit-symbolic");
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
    _askarov_composer_page_update_preview (self);
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
  self->start_pending = FALSE;
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

  return !self->dirty && self->queues->len == 0;
}
