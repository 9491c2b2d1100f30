/* askarov-composer-page-autosave.c — saves the Compose page's draft while the user types.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-composer-page"

#include "config.h"

#include "askarov-composer-page-private.h"

#include <glib/gi18n.h>

void
_askarov_composer_page_update_save_state (AskarovComposerPage *self,
                                          const char          *text)
{
  gtk_label_set_label (self->save_state_label, text);
}

AskarovDraft *
_askarov_composer_page_snapshot_draft (AskarovComposerPage *self)
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

          _askarov_composer_page_toast (self, message);
          self->save_error_shown = TRUE;
        }
      _askarov_composer_page_update_save_state (self, _("Not saved"));
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
            _askarov_composer_page_update_save_state (self, _("Draft saved"));
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
    _askarov_composer_page_save_now (self);
  _askarov_composer_page_list_drafts_when_saved (self);

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

void
_askarov_composer_page_save_now (AskarovComposerPage *self)
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
  _askarov_composer_page_update_save_state (self, _("Saving…"));
  draft = _askarov_composer_page_snapshot_draft (self);
  start_save (self, draft, self->draft_serial);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  AskarovComposerPage *self = user_data;

  _askarov_composer_page_save_now (self);
  return G_SOURCE_REMOVE;
}

void
_askarov_composer_page_schedule_save (AskarovComposerPage *self)
{
  if (self->draft == NULL)
    return;

  self->dirty = TRUE;
  _askarov_composer_page_update_save_state (self, _("Editing…"));
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, save_timeout_cb, self);
  if (self->max_wait_id == 0)
    self->max_wait_id = g_timeout_add (MAX_WAIT_MS, save_timeout_cb, self);
}

/* Keeps the state of the letter being closed, so switching letters while
 * typing loses nothing. */
void
_askarov_composer_page_close_letter (AskarovComposerPage *self)
{
  if (self->letter != NULL && self->dirty && self->draft != NULL && self->store != NULL)
    {
      if (self->saving)
        {
          g_clear_pointer (&self->orphan, askarov_draft_free);
          self->orphan = _askarov_composer_page_snapshot_draft (self);
          self->orphan_serial = self->draft_serial;
          self->dirty = FALSE;
        }
      else
        _askarov_composer_page_save_now (self);
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
