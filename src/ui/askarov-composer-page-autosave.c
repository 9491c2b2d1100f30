/* askarov-composer-page-autosave.c — saves the Compose page's drafts while the user types.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-composer-page"

#include "config.h"

#include "askarov-composer-page-private.h"

#include <glib/gi18n.h>

/* The autosave keeps one queue per draft that has work left: every letter
 * opened gets a key (the page's draft_serial while it is on screen), and its
 * queue holds
 *
 *   - the newest snapshot not yet written (a newer one replaces it: only
 *     the last state of a draft matters; snapshots of other drafts live in
 *     their own queues, so none is ever dropped),
 *   - whether a save (or the mark-sent) of it is running: one at a time, so a
 *     new draft's id comes back from its first save before the next one,
 *   - a "Mark as Sent" waiting for the draft's last save.
 *
 * pump() is the only place that starts work; it runs after every change,
 * and a queue with nothing left goes away. Flushes wait until every queue
 * is settled (nothing running, nothing queued but what failed to save). */

typedef struct
{
  AskarovStore *store;    /* a reference: the database the draft belongs to */
  guint         key;      /* the draft_serial of the letter */
  gint64        id;       /* the draft's row; 0 until its first save returns */
  AskarovDraft *queued;   /* the newest snapshot not yet written, or NULL */
  gboolean      busy;     /* a save or the mark-sent is running */
  gboolean      failed;   /* the last save failed: @queued waits for a retry */
  GVariant     *send;     /* the action to log once saved ("Mark as Sent"), or NULL */
} DraftQueue;

typedef struct
{
  AskarovComposerPage *self;   /* a reference */
  DraftQueue          *queue;
  AskarovDraft        *draft;  /* what is being saved, kept for a retry */
} QueueJob;

static void pump (AskarovComposerPage *self,
                  DraftQueue          *queue);

void
_askarov_composer_page_update_save_state (AskarovComposerPage *self,
                                          const char          *text)
{
  if (!self->disposed)
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
  g_free (draft->salutation_style);
  draft->salutation_style = g_strdup (askarov_salutation_style_to_id (askarov_letter_get_salutation_style (self->letter)));
  g_free (draft->channel);
  draft->channel = g_strdup (askarov_channel_to_id (askarov_letter_get_channel (self->letter)));
  g_free (draft->subject);
  draft->subject = askarov_letter_dup_subject (self->letter);
  g_free (draft->body);
  draft->body = askarov_letter_dup_body (self->letter);
  return draft;
}

void
_askarov_composer_page_free_draft_queue (gpointer data)
{
  DraftQueue *queue = data;

  g_clear_object (&queue->store);
  g_clear_pointer (&queue->queued, askarov_draft_free);
  g_clear_pointer (&queue->send, g_variant_unref);
  g_free (queue);
}

static gboolean
on_screen (AskarovComposerPage *self,
           DraftQueue          *queue)
{
  return self->draft != NULL && queue->key == self->draft_serial;
}

static gboolean
queue_settled (DraftQueue *queue)
{
  return !queue->busy && queue->send == NULL && (queue->queued == NULL || queue->failed);
}

static gboolean
all_settled (AskarovComposerPage *self)
{
  for (guint i = 0; self->queues != NULL && i < self->queues->len; i++)
    if (!queue_settled (g_ptr_array_index (self->queues, i)))
      return FALSE;
  return TRUE;
}

/* The queue of the letter on screen, made when it has none. */
static DraftQueue *
current_queue (AskarovComposerPage *self)
{
  DraftQueue *queue;

  for (guint i = 0; i < self->queues->len; i++)
    {
      queue = g_ptr_array_index (self->queues, i);
      if (queue->key == self->draft_serial)
        return queue;
    }

  queue = g_new0 (DraftQueue, 1);
  queue->store = g_object_ref (self->store);
  queue->key = self->draft_serial;
  queue->id = self->draft->id;
  g_ptr_array_add (self->queues, queue);
  return queue;
}

/* Drops the queues with nothing left, then answers the flushes and the
 * drafts list waiting for every save to be done. */
static void
settle (AskarovComposerPage *self)
{
  gboolean unsaved = FALSE;

  for (guint i = self->queues->len; i > 0; i--)
    {
      DraftQueue *queue = g_ptr_array_index (self->queues, i - 1);

      if (!queue->busy && queue->send == NULL && queue->queued == NULL)
        g_ptr_array_remove_index (self->queues, i - 1);
      else if (queue->queued != NULL)
        unsaved = TRUE;
    }
  if (!all_settled (self))
    return;

  while (self->flushes->len > 0)
    {
      g_autoptr(GTask) task = g_ptr_array_steal_index (self->flushes, 0);

      if (unsaved)
        g_task_return_new_error (task, ASKAROV_STORE_ERROR, ASKAROV_STORE_ERROR_FAILED,
                                 "%s", _("A draft could not be saved"));
      else
        g_task_return_boolean (task, TRUE);
    }
  _askarov_composer_page_list_drafts_when_saved (self);
}

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  QueueJob *job = user_data;
  g_autoptr(AskarovComposerPage) self = job->self;
  g_autoptr(AskarovDraft) draft = job->draft;
  DraftQueue *queue = job->queue;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (job);
  id = askarov_store_save_draft_finish (ASKAROV_STORE (object), result, &error);
  queue->busy = FALSE;

  if (id > 0)
    {
      queue->id = id;
      queue->failed = FALSE;
      self->save_error_shown = FALSE;
      if (on_screen (self, queue))
        {
          self->draft->id = id;
          if (!self->dirty && queue->queued == NULL)
            _askarov_composer_page_update_save_state (self, _("Draft saved"));
        }
    }
  else
    {
      g_debug ("A draft could not be saved: %s", error->message);
      /* Kept until it is saved: the next edit, or a flush, tries again. */
      if (queue->queued == NULL)
        queue->queued = g_steal_pointer (&draft);
      queue->failed = TRUE;
      if (!self->disposed && !self->save_error_shown)
        {
          g_autofree char *message =
            /* Translators: %s is the reason, e.g. "the disk is full" */
            g_strdup_printf (_("The draft could not be saved: %s"), error->message);

          _askarov_composer_page_toast (self, message);
          self->save_error_shown = TRUE;
        }
      if (on_screen (self, queue))
        _askarov_composer_page_update_save_state (self, _("Not saved"));
    }

  pump (self, queue);
}

static void
draft_marked_sent_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  QueueJob *job = user_data;
  g_autoptr(AskarovComposerPage) self = job->self;
  DraftQueue *queue = job->queue;
  g_autoptr(GError) error = NULL;

  g_free (job);
  queue->busy = FALSE;
  if (!askarov_store_mark_draft_sent_finish (ASKAROV_STORE (object), result, &error) && !self->disposed)
    _askarov_composer_page_toast (self, error->message);
  pump (self, queue);
}

/* Logs the action of a "Mark as Sent" and takes its draft off the unsent
 * ones, once the draft's last save is done (or failed: the action was taken
 * all the same, and the draft keeps its text). */
static void
send (AskarovComposerPage *self,
      DraftQueue          *queue)
{
  g_autoptr(GVariant) fields = g_steal_pointer (&queue->send);
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (fields);
  g_autoptr(GVariant) with_id = NULL;

  if (queue->id > 0)
    {
      QueueJob *job = g_new0 (QueueJob, 1);

      g_variant_dict_insert (&dict, "draft-id", "x", queue->id);
      job->self = g_object_ref (self);
      job->queue = queue;
      queue->busy = TRUE;
      askarov_store_mark_draft_sent_async (queue->store, queue->id, NULL, draft_marked_sent_cb, job);
    }

  with_id = g_variant_ref_sink (g_variant_dict_end (&dict));
  if (self->disposed)
    g_message ("A letter was marked as sent after its window closed; its action was not logged");
  else
    gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.log-record", with_id);
}

/* Starts whatever @queue has next: its newest snapshot, else its mark-sent. */
static void
pump (AskarovComposerPage *self,
      DraftQueue          *queue)
{
  if (!queue->busy && queue->queued != NULL && !queue->failed)
    {
      QueueJob *job = g_new0 (QueueJob, 1);

      job->self = g_object_ref (self);
      job->queue = queue;
      job->draft = g_steal_pointer (&queue->queued);
      /* Learnt from the first save when the draft is new. */
      job->draft->id = queue->id;
      queue->busy = TRUE;
      /* Not cancelled on dispose: a save that was started must finish. */
      askarov_store_save_draft_async (queue->store, job->draft, NULL, draft_saved_cb, job);
    }
  else if (!queue->busy && queue->send != NULL)
    send (self, queue);

  settle (self);
}

void
_askarov_composer_page_save_now (AskarovComposerPage *self)
{
  DraftQueue *queue;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->max_wait_id, g_source_remove);

  if (self->store == NULL || self->letter == NULL || self->draft == NULL)
    return;

  self->dirty = FALSE;
  _askarov_composer_page_update_save_state (self, _("Saving…"));
  queue = current_queue (self);
  g_clear_pointer (&queue->queued, askarov_draft_free);
  queue->queued = _askarov_composer_page_snapshot_draft (self);
  queue->failed = FALSE;
  pump (self, queue);
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

/* Queues the last state of the letter being closed (its queue outlives it),
 * so switching letters while typing loses nothing. */
void
_askarov_composer_page_close_letter (AskarovComposerPage *self)
{
  if (self->letter != NULL && self->dirty)
    _askarov_composer_page_save_now (self);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->max_wait_id, g_source_remove);
  self->dirty = FALSE;

  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_data (self->letter, self);
  g_clear_object (&self->letter);
  g_clear_pointer (&self->draft, askarov_draft_free);
  self->draft_serial++;
}

/* "Mark as Sent": @fields (a{sv}, floating or not) are logged with the
 * draft's id once the letter on screen, with its last edits, is saved; the
 * draft is then marked sent. Further edits start a new draft. */
void
_askarov_composer_page_mark_sent (AskarovComposerPage *self,
                                  GVariant            *fields)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (fields);
  DraftQueue *queue;

  if (self->store == NULL || self->letter == NULL || self->draft == NULL)
    {
      gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.log-record", owned);
      return;
    }

  queue = current_queue (self);
  if (self->dirty || (queue->id == 0 && !queue->busy && queue->queued == NULL))
    _askarov_composer_page_save_now (self);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->max_wait_id, g_source_remove);
  g_clear_pointer (&queue->send, g_variant_unref);
  queue->send = g_steal_pointer (&owned);

  /* The sent draft's queue keeps its id; the letter on screen is a new draft. */
  self->draft->id = 0;
  self->draft_serial++;
  self->dirty = FALSE;
  pump (self, queue);
}

/* Called from dispose: the last edits join their queue, which finishes on
 * its own (each save holds a reference to the page and to its store). */
void
_askarov_composer_page_autosave_dispose (AskarovComposerPage *self)
{
  if (self->letter != NULL && self->dirty)
    _askarov_composer_page_save_now (self);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->max_wait_id, g_source_remove);
  self->dirty = FALSE;
}

/* No save running or waiting to run (failed ones aside). */
gboolean
_askarov_composer_page_saves_settled (AskarovComposerPage *self)
{
  return all_settled (self);
}

/**
 * askarov_composer_page_flush_async:
 *
 * Writes what is on screen now and waits for every save and "Mark as Sent"
 * of this page to finish; drafts whose save failed are tried once more.
 * Fails when a draft still could not be saved.
 */
void
askarov_composer_page_flush_async (AskarovComposerPage *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();

  g_return_if_fail (ASKAROV_IS_COMPOSER_PAGE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_composer_page_flush_async);
  g_ptr_array_add (self->flushes, g_steal_pointer (&task));

  if (self->letter != NULL && self->dirty)
    _askarov_composer_page_save_now (self);
  /* A draft whose save failed is tried once more. */
  for (guint i = 0; i < self->queues->len; i++)
    {
      DraftQueue *queue = g_ptr_array_index (self->queues, i);

      queue->failed = FALSE;
      if (!queue_settled (queue))
        g_ptr_array_add (waiting, queue);
    }
  for (guint i = 0; i < waiting->len; i++)
    if (g_ptr_array_find (self->queues, g_ptr_array_index (waiting, i), NULL))
      pump (self, g_ptr_array_index (waiting, i));
  settle (self);
}

gboolean
askarov_composer_page_flush_finish (AskarovComposerPage  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
