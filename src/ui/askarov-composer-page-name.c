/* askarov-composer-page-name.c — the Compose page's "Name in the Letter" row: check, correct and remember a spelling.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-composer-page"

#include "config.h"

#include "askarov-composer-page-private.h"

#include <glib/gi18n.h>

#include "askarov-store-names.h"

/* What a lookup started for one letter brings back. */
typedef struct
{
  AskarovComposerPage *self;      /* a reference */
  guint                serial;
  char                *official;
  char                *language;
} NameJob;

static void
name_job_free (NameJob *job)
{
  g_object_unref (job->self);
  g_free (job->official);
  g_free (job->language);
  g_free (job);
}

/* Fills the row from the letter, unless the user is typing a spelling of their own. */
void
_askarov_composer_page_update_name_row (AskarovComposerPage *self)
{
  g_autofree char *local = NULL;
  const char *text;
  gboolean needs_check;

  if (self->letter == NULL)
    return;
  local = askarov_letter_dup_recipient_name_local (self->letter);
  needs_check = askarov_letter_get_name_needs_check (self->letter);
  text = gtk_editable_get_text (GTK_EDITABLE (self->local_name_row));
  if (self->shown_local_name == NULL || g_strcmp0 (text, self->shown_local_name) == 0)
    {
      self->updating++;
      gtk_editable_set_text (GTK_EDITABLE (self->local_name_row), local != NULL ? local : "");
      self->updating--;
      g_set_str (&self->shown_local_name, local != NULL ? local : "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->local_name_hint), needs_check);
  gtk_widget_set_visible (GTK_WIDGET (self->title_hint), askarov_letter_get_title_needs_translation (self->letter));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.confirm-name", needs_check);
  gtk_widget_set_visible (GTK_WIDGET (self->local_name_confirm), needs_check);
}

static void
name_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AskarovComposerPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (askarov_store_save_official_name_finish (ASKAROV_STORE (object), result, &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Translators: %s says why, from the database */
  message = g_strdup_printf (_("The spelling is used in this letter but could not be remembered: %s"), error->message);
  _askarov_composer_page_toast (self, message);
}

/* The row's text becomes the letter's name, and is remembered for the official. */
static void
confirm_name (AskarovComposerPage *self)
{
  g_autofree char *text = NULL;
  const char *official;

  if (self->letter == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->local_name_row))));
  if (*text == '\0')
    {
      /* An empty row goes back to the transliteration. */
      askarov_letter_set_recipient_name_local (self->letter, NULL);
      g_clear_pointer (&self->shown_local_name, g_free);
      _askarov_composer_page_update_name_row (self);
      return;
    }
  g_set_str (&self->shown_local_name, text);
  askarov_letter_set_recipient_name_local (self->letter, text);
  _askarov_composer_page_update_name_row (self);
  official = askarov_letter_get_recipient_name (self->letter);
  if (self->store != NULL && official != NULL && *official != '\0')
    askarov_store_save_official_name_async (self->store, official, askarov_letter_get_language (self->letter), text,
                                            self->cancellable, name_saved_cb, g_object_ref (self));
}

static void
confirm_name_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  confirm_name (ASKAROV_COMPOSER_PAGE (widget));
}

static void
local_name_applied_cb (AskarovComposerPage *self)
{
  confirm_name (self);
}

static void
local_name_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  NameJob *job = user_data;
  AskarovComposerPage *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = askarov_store_lookup_official_name_finish (ASKAROV_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      name_job_free (job);
      return;
    }
  /* Only for the letter and language it was asked for; the transliteration stays otherwise. */
  if (found != NULL && job->serial == self->name_serial && self->letter != NULL
      && g_strcmp0 (askarov_letter_get_recipient_name (self->letter), job->official) == 0
      && g_strcmp0 (askarov_letter_get_language (self->letter), job->language) == 0
      && askarov_letter_get_recipient_name_local (self->letter) == NULL)
    {
      g_clear_pointer (&self->shown_local_name, g_free);
      askarov_letter_set_recipient_name_local (self->letter, found);
      _askarov_composer_page_update_name_row (self);
    }
  else if (error != NULL)
    g_debug ("No confirmed spelling: %s", error->message);
  name_job_free (job);
}

/* Looks up the spelling confirmed earlier for the letter's official in its language. */
void
_askarov_composer_page_lookup_local_name (AskarovComposerPage *self)
{
  NameJob *job;
  const char *official;

  self->name_serial++;
  g_clear_pointer (&self->shown_local_name, g_free);
  _askarov_composer_page_update_name_row (self);
  if (self->letter == NULL || self->store == NULL)
    return;
  official = askarov_letter_get_recipient_name (self->letter);
  if (official == NULL || *official == '\0' || askarov_letter_get_recipient_name_local (self->letter) != NULL)
    return;
  job = g_new0 (NameJob, 1);
  job->self = g_object_ref (self);
  job->serial = self->name_serial;
  job->official = g_strdup (official);
  job->language = g_strdup (askarov_letter_get_language (self->letter));
  askarov_store_lookup_official_name_async (self->store, job->official, job->language, self->cancellable,
                                            local_name_found_cb, job);
}

void
_askarov_composer_page_init_name_row (AskarovComposerPage *self)
{
  g_signal_connect_swapped (self->local_name_row, "apply", G_CALLBACK (local_name_applied_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->local_name_hint), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->local_name_confirm), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->title_hint), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.confirm-name", FALSE);
}

void
_askarov_composer_page_install_name_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "composer.confirm-name", NULL, confirm_name_action);
}
