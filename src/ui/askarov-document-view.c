/* askarov-document-view.c — the reader: one document's facts, targets, text and case timeline.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-document-view"

#include "config.h"

#include "askarov-document-view.h"

#include <glib/gi18n.h>

#include "askarov-document-row.h"
#include "askarov-store-documents.h"
#include "askarov-store-records.h"
#include "askarov-window.h"

struct _AskarovDocumentView
{
  GtkWidget            parent_instance;

  /* Template children */
  GtkStack            *reader_stack;
  GtkScrolledWindow   *reader_scroll;
  GtkLabel            *reader_title;
  GtkLabel            *reader_subtitle;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *targets_group;
  AdwPreferencesGroup *copies_group;
  GtkTextView         *body_view;
  AdwPreferencesGroup *case_group;

  AskarovStore        *store;
  GCancellable        *cancellable;   /* the timeline being read */
  AskarovDocument     *current;       /* the whole document shown */
  GPtrArray           *reader_rows;   /* rows to remove: (group, row) pairs */
};

G_DEFINE_FINAL_TYPE (AskarovDocumentView, askarov_document_view, GTK_TYPE_WIDGET)

/* Letter languages the Urgent Actions we know use; others show their code. */
static const struct
{
  const char *code;
  const char *name;
} language_names[] = {
  { "ar", N_("Arabic") }, { "az", N_("Azerbaijani") }, { "be", N_("Belarusian") }, { "de", N_("German") },
  { "en", N_("English") }, { "es", N_("Spanish") }, { "fa", N_("Persian") }, { "fr", N_("French") },
  { "he", N_("Hebrew") }, { "hy", N_("Armenian") }, { "it", N_("Italian") }, { "ka", N_("Georgian") },
  { "kk", N_("Kazakh") }, { "ky", N_("Kyrgyz") }, { "nl", N_("Dutch") }, { "pl", N_("Polish") },
  { "pt", N_("Portuguese") }, { "ru", N_("Russian") }, { "tg", N_("Tajik") }, { "tk", N_("Turkmen") },
  { "tr", N_("Turkish") }, { "uk", N_("Ukrainian") }, { "uz", N_("Uzbek") }, { "vi", N_("Vietnamese") },
  { "zh", N_("Chinese") },
};


/* Helpers */

static void
add_toast (AskarovDocumentView *self,
           const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  if (ASKAROV_IS_WINDOW (root))
    askarov_window_add_toast (ASKAROV_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static const char *
language_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_str_equal (language_names[i].code, code))
      return _(language_names[i].name);
  return code;
}

static void
clear_reader_rows (AskarovDocumentView *self)
{
  for (guint i = 0; i + 1 < self->reader_rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->reader_rows, i),
                                  g_ptr_array_index (self->reader_rows, i + 1));
  g_ptr_array_set_size (self->reader_rows, 0);
}

static GtkWidget *
add_row (AskarovDocumentView  *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->reader_rows, group);
  g_ptr_array_add (self->reader_rows, row);
  return row;
}

static GtkWidget *
add_icon_button (GtkWidget  *row,
                 const char *icon_name,
                 const char *label,
                 const char *action_name,
                 int         position)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", position);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static void
show_facts (AskarovDocumentView *self,
            AskarovDocument    *document)
{
  AskarovFacts *facts = askarov_document_get_facts (document);
  g_autofree char *issued = askarov_format_date (facts->issued);
  guint n_rows = self->reader_rows->len;
  gboolean found;
  const char *state_date = NULL;
  AskarovCaseState state = askarov_document_get_case_state (document, &state_date);
  gboolean closed = askarov_case_state_is_closed (state);

  /* A closed case comes first: it changes what the rest means. */
  if (closed)
    {
      g_autofree char *text = askarov_format_case_state (state, state_date);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: the reader's case state row; %s is e.g. "Died · 25 July 2020" */
      subtitle = g_strdup_printf (_("%s — the case is closed: no deadline applies"), text);
      row = add_row (self, self->facts_group, _("Case Status"), subtitle);
      gtk_widget_add_css_class (row, "case-closed");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
    }

  if (facts->reference != NULL || facts->index != NULL)
    {
      g_autoptr(GString) value = g_string_new (NULL);

      if (facts->reference != NULL)
        g_string_append_printf (value, _("UA %s"), facts->reference);
      if (facts->index != NULL)
        {
          if (value->len > 0)
            g_string_append (value, " · ");
          /* Translators: %s is an Amnesty document index such as "EUR 58/015/2010" */
          g_string_append_printf (value, _("Index %s"), facts->index);
        }
      if (facts->update > 0)
        {
          g_string_append (value, " · ");
          /* Translators: %d is which update of the Urgent Action this is (5 for the fifth) */
          g_string_append_printf (value, _("Update %d"), facts->update);
        }
      add_row (self, self->facts_group, _("Reference"), value->str);
    }

  if (issued != NULL)
    add_row (self, self->facts_group, _("Issued"), issued);

  if (facts->deadline != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *date = askarov_format_date (facts->deadline);
      g_autofree char *status = NULL;
      g_autofree char *subtitle = NULL;
      GDate today;
      int days;
      GtkWidget *row;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      days = askarov_document_days_left (document, &today);
      if (closed)
        {
          /* Translators: after a deadline's date when the case is closed; %s is its state ("Released") */
          status = g_strdup_printf (_("no longer applies: %s"), askarov_case_state_get_label (state));
          days = G_MININT;
        }
      else if (days == G_MININT)
        status = NULL;
      else if (days < 0)
        status = g_strdup (_("Deadline passed: check with your section office"));
      else if (days == 0)
        status = g_strdup (_("Last day today"));
      else
        /* Translators: %d is the number of days until the deadline */
        status = g_strdup_printf (ngettext ("%d day left", "%d days left", days), days);

      subtitle = status != NULL ? g_strdup_printf ("%s — %s", date, status) : g_strdup (date);
      row = add_row (self, self->facts_group, _("Deadline"), subtitle);
      if (days != G_MININT && days < 0)
        gtk_widget_add_css_class (row, "deadline-passed");
      else if (days != G_MININT && days <= 7)
        gtk_widget_add_css_class (row, "deadline-soon");
      if (status != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status, -1);
    }

  if ((facts->languages != NULL && facts->languages[0] != NULL) || facts->own_language_allowed)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; facts->languages != NULL && facts->languages[i] != NULL; i++)
        {
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, language_name (facts->languages[i]));
        }
      if (facts->own_language_allowed)
        {
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, _("or your own language"));
        }
      add_row (self, self->facts_group, _("Letter Languages"), names->str);
    }

  if (facts->persons != NULL && facts->persons[0] != NULL)
    {
      g_autoptr(GString) persons = g_string_new (NULL);

      for (guint i = 0; facts->persons[i] != NULL; i++)
        {
          const char *pronoun = facts->pronouns != NULL && i < g_strv_length (facts->pronouns) ? facts->pronouns[i] : NULL;

          if (persons->len > 0)
            g_string_append (persons, ", ");
          g_string_append (persons, facts->persons[i]);
          if (pronoun != NULL && *pronoun != '\0')
            g_string_append_printf (persons, " (%s)", pronoun);
        }
      add_row (self, self->facts_group, _("People of Concern"), persons->str);
    }

  found = self->reader_rows->len != n_rows;
  if (g_strcmp0 (facts->encoding, "repaired") == 0)
    add_row (self, self->facts_group, _("Text"),
             _("Some characters of the file could not be read; they are shown as “�”. Check names and dates against the original."));
  else if (facts->encoding != NULL)
    {
      /* Translators: %s is a character encoding such as "windows-1252" */
      g_autofree char *note = g_strdup_printf (_("The file was not UTF-8; it was read as %s. Check names against the original."),
                                               facts->encoding);

      add_row (self, self->facts_group, _("Text"), note);
    }

  if (!found)
    add_row (self, self->facts_group, _("No facts were found in this document"),
             _("It may not be an Urgent Action; its text is below."));
}

static char *
format_target_details (const AskarovTarget *target)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (target->name != NULL && target->title != NULL)
    g_string_append_printf (text, "%s\n", target->title);
  for (guint i = 0; target->address != NULL && target->address[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", target->address[i]);
  for (guint i = 0; target->email != NULL && target->email[i] != NULL; i++)
    /* Translators: %s is an email address */
    g_string_append_printf (text, _("Email: %s\n"), target->email[i]);
  if (target->fax != NULL)
    /* Translators: %s is a fax number */
    g_string_append_printf (text, _("Fax: %s\n"), target->fax);
  if (target->phone != NULL)
    /* Translators: %s is a phone number */
    g_string_append_printf (text, _("Phone: %s\n"), target->phone);
  for (guint i = 0; target->social != NULL && target->social[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", target->social[i]);
  if (target->salutation != NULL)
    /* Translators: %s is how the letter should open, e.g. "Dear Minister" */
    g_string_append_printf (text, _("Salutation: %s\n"), target->salutation);

  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_targets (AskarovDocumentView *self,
              AskarovDocument    *document)
{
  AskarovFacts *facts = askarov_document_get_facts (document);
  guint n_main = 0, n_copies = 0;

  for (guint i = 0; i < facts->targets->len; i++)
    {
      const AskarovTarget *target = g_ptr_array_index (facts->targets, i);
      g_autofree char *details = format_target_details (target);
      const char *title = target->name != NULL ? target->name : target->title;
      GtkWidget *row;
      GtkWidget *write;

      row = add_row (self, target->copy ? self->copies_group : self->targets_group,
                     title != NULL ? title : _("Unnamed official"), details);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_remove_css_class (row, "property");

      add_icon_button (row, "edit-copy-symbolic", _("Copy Address"), "reader.copy-target", (int) i);
      if (target->email != NULL && target->email[0] != NULL)
        add_icon_button (row, "mail-send-symbolic", _("Send Email"), "reader.email-target", (int) i);
      if (target->phone != NULL)
        add_icon_button (row, "call-start-symbolic", _("Log a Call"), "reader.log-call", (int) i);

      write = gtk_button_new_with_mnemonic (_("_Write To…"));
      gtk_widget_set_valign (write, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (write), "reader.write-to");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (write), "i", (int) i);
      if (!target->copy)
        gtk_widget_add_css_class (write, "suggested-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), write);

      if (target->copy)
        n_copies++;
      else
        n_main++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->targets_group), n_main > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->copies_group), n_copies > 0);
}

/* Takes the rows of @group out of the reader (the timeline, before it is
 * shown again). */
static void
clear_group_rows (AskarovDocumentView *self,
                  AdwPreferencesGroup *group)
{
  for (guint i = self->reader_rows->len; i >= 2; i -= 2)
    if (g_ptr_array_index (self->reader_rows, i - 2) == group)
      {
        adw_preferences_group_remove (group, g_ptr_array_index (self->reader_rows, i - 1));
        g_ptr_array_remove_range (self->reader_rows, i - 2, 2);
      }
}

static void
events_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AskarovDocumentView *self = user_data;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = askarov_store_list_case_events_finish (ASKAROV_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (events == NULL)
    {
      g_debug ("Could not read the case timeline: %s", error->message);
      return;
    }

  clear_group_rows (self, self->case_group);

  for (guint i = 0; i < events->len; i++)
    {
      AskarovCaseEvent *event = g_ptr_array_index (events, i);
      g_autofree char *date = askarov_format_date (event->date);
      g_autofree char *text = NULL;
      const char *icon = "x-office-calendar-symbolic";
      GtkWidget *row;

      switch (event->kind)
        {
        case ASKAROV_CASE_EVENT_FACT:
          text = g_strdup (event->text);
          icon = "emblem-important-symbolic";
          break;
        case ASKAROV_CASE_EVENT_DOCUMENT:
          text = g_strdup (event->text);
          icon = "text-x-generic-symbolic";
          break;
        case ASKAROV_CASE_EVENT_DEADLINE:
          /* Translators: a timeline entry; %s is a document title */
          text = g_strdup_printf (_("Deadline of “%s”"), event->text);
          icon = "alarm-symbolic";
          break;
        case ASKAROV_CASE_EVENT_RECORD:
        default:
          if (event->text != NULL)
            /* Translators: a timeline entry for an action the user logged; the first %s is the
             * channel (letter, email, call…), the second the official's name */
            text = g_strdup_printf (_("You: %s to %s"), event->detail, event->text);
          else
            /* Translators: a timeline entry; %s is the channel (letter, email, call…) */
            text = g_strdup_printf (_("You: %s"), event->detail);
          icon = "emblem-ok-symbolic";
          break;
        }

      row = add_row (self, self->case_group, date, text);
      gtk_widget_remove_css_class (row, "property");
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
      if (event->document_id == askarov_document_get_id (self->current))
        gtk_widget_add_css_class (row, "accent");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->case_group), events->len > 0);
}

/* An action was logged, changed or deleted (here, in another part, or by
 * another process): the case timeline is read again. */
static void
reload_timeline (AskarovDocumentView *self)
{
  if (self->current == NULL || self->store == NULL || askarov_document_get_case_id (self->current) <= 0)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  askarov_store_list_case_events_async (self->store, askarov_document_get_case_id (self->current),
                                        self->cancellable, events_loaded_cb, self);
}

static void
show_document (AskarovDocumentView *self,
               AskarovDocument     *document)
{
  const char *case_name = askarov_document_get_case_name (document);
  const char *kind = askarov_document_kind_get_label (askarov_document_get_kind (document));
  g_autofree char *subtitle = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  /* Read again (another process changed the library): the reader stays where it was. */
  gboolean same = self->current != NULL && askarov_document_get_id (self->current) == askarov_document_get_id (document);
  double scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->reader_scroll));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->current, document);
  clear_reader_rows (self);

  gtk_label_set_label (self->reader_title, askarov_document_get_title (document));
  if (case_name != NULL)
    /* Translators: under a document title; the first %s is its kind ("Update"), the second its case */
    subtitle = g_strdup_printf (_("%s · Case %s"), kind, case_name);
  else
    subtitle = g_strdup (kind);
  gtk_label_set_label (self->reader_subtitle, subtitle);

  show_facts (self, document);
  show_targets (self, document);
  gtk_text_buffer_set_text (buffer, askarov_document_get_body (document) ?: "", -1);

  gtk_widget_set_visible (GTK_WIDGET (self->case_group), FALSE);
  if (askarov_document_get_case_id (document) > 0 && self->store != NULL)
    askarov_store_list_case_events_async (self->store, askarov_document_get_case_id (document),
                                          self->cancellable, events_loaded_cb, self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->reader_scroll), same ? scroll : 0);
  gtk_stack_set_visible_child_name (self->reader_stack, "document");
}

static void
clear_reader (AskarovDocumentView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->current);
  clear_reader_rows (self);
  gtk_stack_set_visible_child_name (self->reader_stack, "none");
}

/* Actions */

static const AskarovTarget *
target_for (AskarovDocumentView *self,
            GVariant           *parameter)
{
  if (self->current == NULL)
    return NULL;
  return askarov_document_get_target (self->current, g_variant_get_int32 (parameter));
}

static void
write_to_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AskarovDocumentView *self = ASKAROV_DOCUMENT_VIEW (widget);

  if (self->current == NULL)
    return;
  gtk_widget_activate_action (widget, "win.compose-to", "(xi)",
                              askarov_document_get_id (self->current), g_variant_get_int32 (parameter));
}

static void
copy_target_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AskarovDocumentView *self = ASKAROV_DOCUMENT_VIEW (widget);
  const AskarovTarget *target = target_for (self, parameter);
  g_autoptr(GString) text = g_string_new (NULL);

  if (target == NULL)
    return;
  if (target->name != NULL)
    g_string_append_printf (text, "%s\n", target->name);
  if (target->title != NULL)
    g_string_append_printf (text, "%s\n", target->title);
  for (guint i = 0; target->address != NULL && target->address[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", target->address[i]);
  for (guint i = 0; target->email != NULL && target->email[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", target->email[i]);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
  add_toast (self, _("Address copied"));
}

static void
email_launched_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AskarovDocumentView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    add_toast (self, _("No email app could be opened; use Copy Address instead"));
}

static void
email_target_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AskarovDocumentView *self = ASKAROV_DOCUMENT_VIEW (widget);
  const AskarovTarget *target = target_for (self, parameter);
  const char *reference;
  g_autoptr(GString) uri = g_string_new ("mailto:");
  g_autoptr(GtkUriLauncher) launcher = NULL;

  if (target == NULL || target->email == NULL || target->email[0] == NULL)
    return;

  for (guint i = 0; target->email[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      /* An address with control characters is not one. */
      for (const char *p = target->email[i]; *p != '\0'; p++)
        if ((guchar) *p < 0x20 || *p == 0x7f)
          return;
      escaped = g_uri_escape_string (target->email[i], "@", FALSE);
      if (i > 0)
        g_string_append_c (uri, ',');
      g_string_append (uri, escaped);
    }

  reference = askarov_document_get_reference (self->current);
  if (reference != NULL)
    {
      g_autofree char *subject = g_strdup_printf ("UA %s", reference);
      g_autofree char *escaped = g_uri_escape_string (subject, NULL, FALSE);

      g_string_append_printf (uri, "?subject=%s", escaped);
    }

  launcher = gtk_uri_launcher_new (uri->str);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                           email_launched_cb, g_object_ref (self));
}

static void
log_record (AskarovDocumentView  *self,
            const AskarovTarget *target,
            const char          *channel)
{
  GVariantBuilder builder;
  g_autoptr(GVariant) fields = NULL;
  const char *reference;

  if (self->current == NULL)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  if (askarov_document_get_case_id (self->current) > 0)
    {
      g_variant_builder_add (&builder, "{sv}", "case-id", g_variant_new_int64 (askarov_document_get_case_id (self->current)));
      g_variant_builder_add (&builder, "{sv}", "case-name", g_variant_new_string (askarov_document_get_case_name (self->current)));
    }
  reference = askarov_document_get_reference (self->current);
  if (reference != NULL)
    g_variant_builder_add (&builder, "{sv}", "reference", g_variant_new_string (reference));
  if (target != NULL && target->name != NULL)
    g_variant_builder_add (&builder, "{sv}", "target-name", g_variant_new_string (target->name));
  if (target != NULL && target->title != NULL)
    g_variant_builder_add (&builder, "{sv}", "target-title", g_variant_new_string (target->title));
  if (channel != NULL)
    g_variant_builder_add (&builder, "{sv}", "channel", g_variant_new_string (channel));
  g_variant_builder_add (&builder, "{sv}", "confirm", g_variant_new_boolean (TRUE));

  /* activate_action_variant() does not sink a floating reference. */
  fields = g_variant_ref_sink (g_variant_builder_end (&builder));
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.log-record", fields);
}

static void
log_call_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AskarovDocumentView *self = ASKAROV_DOCUMENT_VIEW (widget);

  log_record (self, target_for (self, parameter), "call");
}


static void
log_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  log_record (ASKAROV_DOCUMENT_VIEW (widget), NULL, NULL);
}

static void
disconnect_store (AskarovDocumentView *self)
{
  if (self->store == NULL)
    return;
  g_signal_handlers_disconnect_by_data (askarov_store_get_record_monitor (self->store), self);
  g_signal_handlers_disconnect_by_data (self->store, self);
}

static void
askarov_document_view_dispose (GObject *object)
{
  AskarovDocumentView *self = ASKAROV_DOCUMENT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  disconnect_store (self);
  g_clear_object (&self->store);
  g_clear_object (&self->current);
  if (self->reader_rows != NULL)
    g_ptr_array_set_size (self->reader_rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_DOCUMENT_VIEW);
  /* The template's root child is not bound, so it is unparented here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (askarov_document_view_parent_class)->dispose (object);
}

static void
askarov_document_view_finalize (GObject *object)
{
  AskarovDocumentView *self = ASKAROV_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->reader_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (askarov_document_view_parent_class)->finalize (object);
}

static void
askarov_document_view_class_init (AskarovDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = askarov_document_view_dispose;
  object_class->finalize = askarov_document_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentView, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentView, reader_scroll);
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentView, reader_title);
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentView, reader_subtitle);
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentView, facts_group);
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentView, targets_group);
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentView, copies_group);
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentView, body_view);
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentView, case_group);

  gtk_widget_class_install_action (widget_class, "reader.write-to", "i", write_to_action);
  gtk_widget_class_install_action (widget_class, "reader.copy-target", "i", copy_target_action);
  gtk_widget_class_install_action (widget_class, "reader.email-target", "i", email_target_action);
  gtk_widget_class_install_action (widget_class, "reader.log-call", "i", log_call_action);
  gtk_widget_class_install_action (widget_class, "reader.log-action", NULL, log_action_action);
}

static void
askarov_document_view_init (AskarovDocumentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->reader_rows = g_ptr_array_new ();
  clear_reader (self);
}

GtkWidget *
askarov_document_view_new (void)
{
  return g_object_new (ASKAROV_TYPE_DOCUMENT_VIEW, NULL);
}

/**
 * askarov_document_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
AskarovDocument *
askarov_document_view_get_document (AskarovDocumentView *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT_VIEW (self), NULL);
  return self->current;
}

/**
 * askarov_document_view_set_store:
 * @store: (nullable): where the case timeline is read from
 */
void
askarov_document_view_set_store (AskarovDocumentView *self,
                                 AskarovStore        *store)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (store == NULL || ASKAROV_IS_STORE (store));

  if (self->store == store)
    return;
  disconnect_store (self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      AskarovRecordMonitor *monitor = askarov_store_get_record_monitor (store);

      g_signal_connect_object (monitor, "record-added", G_CALLBACK (reload_timeline), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (monitor, "record-changed", G_CALLBACK (reload_timeline), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (monitor, "record-removed", G_CALLBACK (reload_timeline), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (monitor, "records-reset", G_CALLBACK (reload_timeline), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "external-change", G_CALLBACK (reload_timeline), self, G_CONNECT_SWAPPED);
    }
}

/**
 * askarov_document_view_show:
 * @document: (nullable): a whole document (from askarov_store_get_document()),
 *   or %NULL to show that none is selected
 */
void
askarov_document_view_show (AskarovDocumentView *self,
                            AskarovDocument     *document)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (document == NULL || ASKAROV_IS_DOCUMENT (document));

  if (document != NULL)
    show_document (self, document);
  else
    clear_reader (self);
}

/**
 * askarov_document_view_log_action:
 *
 * Asks the window to log an action for the document's case (`win.log-record`,
 * with the log dialog open for the user to fill in).
 */
void
askarov_document_view_log_action (AskarovDocumentView *self)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT_VIEW (self));

  log_record (self, NULL, NULL);
}
