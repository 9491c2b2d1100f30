/* askarov-composer-page-view.c — fills the Compose page's rows, paragraph boxes and preview from its letter.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-composer-page"

#include "config.h"

#include "askarov-composer-page-private.h"

#include <glib/gi18n.h>

static const char * const letter_actions[] = {
  "composer.copy", "composer.save-pdf", "composer.save-text", "composer.print",
  "composer.send-email", "composer.mark-sent", "composer.reset-body",
};

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

char *
_askarov_composer_page_target_label (const AskarovTargetRow *target)
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
void
_askarov_composer_page_fill_targets (AskarovComposerPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  int typed_in = -1;

  g_array_set_size (self->target_positions, 0);
  if (self->target_case != NULL)
    for (guint i = 0; i < self->target_case->targets->len; i++)
      {
        const AskarovTargetRow *target = g_ptr_array_index (self->target_case->targets, i);

        if (target->is_copy)
          continue;
        g_ptr_array_add (labels, _askarov_composer_page_target_label (target));
        g_array_append_val (self->target_positions, target->position);
      }
  g_ptr_array_add (labels, g_strdup (_("Someone Else (Type the Name)")));
  g_array_append_val (self->target_positions, typed_in);

  self->updating++;
  splice_strings (self->target_model, labels);
  self->updating--;
}

void
_askarov_composer_page_fill_cases (AskarovComposerPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; self->cases != NULL && i < self->cases->len; i++)
    g_ptr_array_add (labels, case_label (g_ptr_array_index (self->cases, i)));
  g_ptr_array_add (labels, g_strdup (_("No Urgent Action")));

  self->updating++;
  splice_strings (self->case_model, labels);
  self->updating--;
}

void
_askarov_composer_page_fill_languages (AskarovComposerPage *self)
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

void
_askarov_composer_page_set_letter_actions_enabled (AskarovComposerPage *self,
                                                   gboolean             enabled)
{
  for (guint i = 0; i < G_N_ELEMENTS (letter_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), letter_actions[i], enabled);
}

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
void
_askarov_composer_page_sync_paragraph_editors (AskarovComposerPage *self)
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

/* The Form of Address row's subtitle: where its value comes from. */
static char *
form_source (AskarovLetter *letter)
{
  AskarovAddressForm form = askarov_letter_get_address_form (letter);
  AskarovAddressForm given = askarov_letter_get_ua_address_form (letter);

  if (given == ASKAROV_ADDRESS_FORM_UNKNOWN)
    return g_strdup ("");
  if (given == form)
    return g_strdup (_("From the Urgent Action"));
  /* Translators: %s is a form of address ("Woman"); the user chose another one */
  return g_strdup_printf (_("The Urgent Action gives “%s”"), askarov_address_form_get_label (given));
}

/* The salutation group: the salutation and closing, the office and the one
 * form of address the letter uses, and the name-and-patronymic choice where
 * the language and the name allow it. */
void
_askarov_composer_page_update_salutation_row (AskarovComposerPage *self)
{
  g_autoptr(AskarovSalutation) info = askarov_letter_dup_salutation_info (self->letter);
  g_autoptr(AskarovSalutation) by_name = askarov_letter_dup_name_salutation (self->letter);
  g_autofree char *salutation = askarov_letter_dup_salutation (self->letter);
  g_autofree char *closing = askarov_letter_dup_closing (self->letter);
  g_autofree char *title = NULL;
  g_autofree char *source = form_source (self->letter);
  AskarovAddressForm form = askarov_letter_get_address_form (self->letter);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* The row shows the form the letter uses, the same as the Form of Address
   * row; where the language has no wording for it, the note below says which
   * wording stands in. */
  if (info != NULL)
    /* Translators: how the letter addresses its recipient; %s is an office ("Minister"), %s a form of address ("Woman") */
    title = g_strdup_printf (_("%s · %s"), askarov_role_get_label (info->role), askarov_address_form_get_label (form));
  else
    title = g_strdup (_("Salutation"));

  g_string_append (subtitle, salutation != NULL ? salutation : "");
  g_string_append (subtitle, "\n…\n");
  g_string_append (subtitle, closing != NULL ? closing : "");
  if (info != NULL && info->fallback_note != NULL && info->style == ASKAROV_SALUTATION_STYLE_TITLE)
    g_string_append_printf (subtitle, "\n\n%s", info->fallback_note);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->salutation_row), title);
  adw_action_row_set_subtitle (self->salutation_row, subtitle->str);

  self->updating++;
  if (adw_combo_row_get_selected (self->form_row) != form)
    adw_combo_row_set_selected (self->form_row, form);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->form_row), source);
  gtk_widget_set_visible (GTK_WIDGET (self->by_name_row), by_name != NULL);
  if (by_name != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->by_name_row), by_name->salutation);
  adw_switch_row_set_active (self->by_name_row,
                             by_name != NULL
                             && askarov_letter_get_salutation_style (self->letter) == ASKAROV_SALUTATION_STYLE_NAME);
  self->updating--;
}

void
_askarov_composer_page_update_asks (AskarovComposerPage *self)
{
  g_autoptr(GPtrArray) checks = askarov_letter_check_asks (self->letter);

  gtk_list_box_remove_all (self->asks_list);
  gtk_widget_set_visible (self->asks_group, checks != NULL && checks->len > 0);
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    {
      const AskarovAskCheck *check = g_ptr_array_index (checks, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new ();

      const char *subtitle;
      gboolean ok = check->covered && !check->needs_rewrite;

      if (!check->fits_role)
        {
          subtitle = _("Not for this official: ask someone who can grant it");
          ok = TRUE;
        }
      else if (check->needs_rewrite)
        subtitle = _("In the Urgent Action’s own words: rewrite it in the letter’s language");
      else if (check->covered)
        subtitle = _("The letter asks for this");
      else
        subtitle = _("Not in the letter yet");
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), !check->fits_role ? "action-unavailable-symbolic"
                                                      : ok ? "object-select-symbolic" : "dialog-warning-symbolic");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), check->label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (check->fits_role)
        gtk_widget_add_css_class (icon, ok ? "success" : "warning");
      else
        gtk_widget_add_css_class (icon, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      !check->fits_role ? _("Left out") : ok ? _("Covered") : _("Missing"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->asks_list, row);
    }
}

void
_askarov_composer_page_update_preview (AskarovComposerPage *self)
{
  AskarovChannel channel = askarov_letter_get_channel (self->letter);
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;

  if (channel == ASKAROV_CHANNEL_LETTER || channel == ASKAROV_CHANNEL_FAX)
    {
      askarov_composer_preview_set_letter (self->preview, self->letter, _askarov_composer_page_current_paper (self));
      gtk_stack_set_visible_child_name (self->preview_stack, "paper");
      gtk_widget_set_visible (GTK_WIDGET (self->counter_label), FALSE);
      return;
    }

  askarov_composer_preview_set_letter (self->preview, NULL, _askarov_composer_page_current_paper (self));
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

void
_askarov_composer_page_update_panes (AskarovComposerPage *self)
{
  gboolean preview = g_strcmp0 (adw_toggle_group_get_active_name (self->view_toggle), "preview") == 0;

  gtk_widget_set_visible (self->editor_pane, !self->narrow || !preview);
  gtk_widget_set_visible (self->preview_pane, !self->narrow || preview);
}

/* Shows self->letter in every row of the editor. */
void
_askarov_composer_page_update_letter_view (AskarovComposerPage *self)
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
  _askarov_composer_page_update_salutation_row (self);
  _askarov_composer_page_update_asks (self);
  _askarov_composer_page_update_preview (self);
  gtk_stack_set_visible_child_name (self->main_stack, "letter");
  _askarov_composer_page_set_letter_actions_enabled (self, TRUE);
}
