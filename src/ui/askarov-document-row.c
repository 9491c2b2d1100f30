/* askarov-document-row.c — one document in the case library list: title, kind, date and search snippet.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-document-row"

#include "config.h"

#include "askarov-document-row.h"

#include <glib/gi18n.h>
#include <stdio.h>

struct _AskarovDocumentRow
{
  GtkWidget        parent_instance;
  GtkLabel        *title_label;
  GtkLabel        *meta_label;
  GtkLabel        *snippet_label;
  AskarovDocument *document;
};

G_DEFINE_FINAL_TYPE (AskarovDocumentRow, askarov_document_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (AskarovDocumentRow *self)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;
  const char *reference;
  const char *snippet;

  if (self->document == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->meta_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), FALSE);
      return;
    }

  gtk_label_set_label (self->title_label, askarov_document_get_title (self->document));

  g_string_append (meta, askarov_document_kind_get_label (askarov_document_get_kind (self->document)));
  reference = askarov_document_get_reference (self->document);
  if (reference != NULL)
    {
      g_string_append (meta, " · ");
      /* Translators: an Urgent Action reference such as "UA 135/10" */
      g_string_append_printf (meta, _("UA %s"), reference);
    }
  date = askarov_format_date (askarov_document_get_issued (self->document));
  if (date != NULL)
    g_string_append_printf (meta, " · %s", date);
  gtk_label_set_label (self->meta_label, meta->str);

  snippet = askarov_document_get_snippet (self->document);
  if (snippet != NULL)
    markup = askarov_snippet_to_markup (snippet);
  gtk_label_set_markup (self->snippet_label, markup != NULL ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), markup != NULL);
}

static void
askarov_document_row_dispose (GObject *object)
{
  AskarovDocumentRow *self = ASKAROV_DOCUMENT_ROW (object);

  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASKAROV_TYPE_DOCUMENT_ROW);
  /* The template's root child is not bound, so it is unparented here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (askarov_document_row_parent_class)->dispose (object);
}

static void
askarov_document_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AskarovDocumentRow *self = ASKAROV_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_document_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AskarovDocumentRow *self = ASKAROV_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      askarov_document_row_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_document_row_class_init (AskarovDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = askarov_document_row_dispose;
  object_class->get_property = askarov_document_row_get_property;
  object_class->set_property = askarov_document_row_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ASKAROV_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Askarov/ui/askarov-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AskarovDocumentRow, snippet_label);
}

static void
askarov_document_row_init (AskarovDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
askarov_document_row_new (void)
{
  return g_object_new (ASKAROV_TYPE_DOCUMENT_ROW, NULL);
}

AskarovDocument *
askarov_document_row_get_document (AskarovDocumentRow *self)
{
  g_return_val_if_fail (ASKAROV_IS_DOCUMENT_ROW (self), NULL);
  return self->document;
}

void
askarov_document_row_set_document (AskarovDocumentRow *self,
                                   AskarovDocument    *document)
{
  g_return_if_fail (ASKAROV_IS_DOCUMENT_ROW (self));
  g_return_if_fail (document == NULL || ASKAROV_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
    }
}

/**
 * askarov_format_date:
 * @iso_date: (nullable): YYYY-MM-DD, or YYYY-MM when the day is not known
 *
 * Returns: (nullable): the date for people to read ("15 September 2010"),
 *   in the user's language
 */
char *
askarov_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int y = 0, m = 0, d = 0;
  int n;

  if (iso_date == NULL)
    return NULL;
  n = sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d);
  if (n < 2 || m < 1 || m > 12)
    return g_strdup (iso_date);
  date = g_date_time_new_utc (y, m, n == 3 ? d : 1, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso_date);
  if (n == 3)
    {
      /* Translators: a full date, see g_date_time_format(); keep %-d for no leading zero */
      /* xgettext:no-c-format */
      return g_date_time_format (date, _("%-d %B %Y"));
    }
  /* Translators: a month and year, see g_date_time_format() */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%B %Y"));
}

/**
 * askarov_snippet_to_markup:
 * @snippet: a search snippet with matches between U+0002 and U+0003
 *
 * Returns: Pango markup with the matches in bold and everything else escaped
 */
char *
askarov_snippet_to_markup (const char *snippet)
{
  GString *out = g_string_new (NULL);
  const char *start = snippet;
  gboolean open = FALSE;

  for (const char *p = snippet; ; p++)
    {
      if (*p == '\002' || *p == '\003' || *p == '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (start, p - start);

          g_string_append (out, escaped);
          if (*p == '\002' && !open)
            g_string_append (out, "<b>");
          else if (*p == '\003' && open)
            g_string_append (out, "</b>");
          else if (*p == '\0')
            break;
          open = (*p == '\002') ? TRUE : (*p == '\003') ? FALSE : open;
          start = p + 1;
        }
    }
  if (open)
    g_string_append (out, "</b>");
  /* Newlines in the snippet would break the row into ragged lines. */
  g_strdelimit (out->str, "\n\t", ' ');
  return g_string_free (out, FALSE);
}

char *
askarov_format_case_state (AskarovCaseState  state,
                           const char       *state_date)
{
  g_autofree char *date = askarov_format_date (state_date);

  if (date == NULL)
    return g_strdup (askarov_case_state_get_label (state));
  /* Translators: a case's state and since when, e.g. "Died · 25 July 2020" */
  return g_strdup_printf (_("%s · %s"), askarov_case_state_get_label (state), date);
}
