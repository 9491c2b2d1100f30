/* askarov-composer-preview.c — draws a letter's paper pages exactly as the PDF lays them out.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-composer-preview"

#include "config.h"

#include "askarov-composer-preview.h"

#include <glib/gi18n.h>

/* Logical pixels around and between the pages. */
#define PAGE_MARGIN 18
#define PAGE_GAP    18
/* A page is never drawn larger than this many pixels per point. */
#define MAX_SCALE   1.25

struct _AskarovComposerPreview
{
  GtkWidget           parent_instance;
  AskarovLetterPages *pages;     /* owned */
  double              page_width;
  double              page_height;
  char               *text;      /* the letter as text, for assistive technologies and tests */
};

G_DEFINE_FINAL_TYPE (AskarovComposerPreview, askarov_composer_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
scale_for_width (AskarovComposerPreview *self,
                 int                     width)
{
  double scale;

  if (self->page_width <= 0)
    return 0;
  scale = (width - 2 * PAGE_MARGIN) / self->page_width;
  return CLAMP (scale, 0.1, MAX_SCALE);
}

static void
askarov_composer_preview_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  AskarovComposerPreview *self = ASKAROV_COMPOSER_PREVIEW (widget);
  guint n_pages = self->pages != NULL ? askarov_letter_pages_get_n_pages (self->pages) : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 2 * PAGE_MARGIN + 100;
      *natural = 2 * PAGE_MARGIN + (int) (self->page_width * 0.9);
    }
  else
    {
      double scale = scale_for_width (self, for_size < 0 ? 2 * PAGE_MARGIN + (int) (self->page_width * 0.9) : for_size);
      int height = 2 * PAGE_MARGIN + (int) (n_pages * self->page_height * scale) + (int) (n_pages > 0 ? (n_pages - 1) * PAGE_GAP : 0);

      *minimum = *natural = height;
    }
}

static GtkSizeRequestMode
askarov_composer_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
askarov_composer_preview_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  AskarovComposerPreview *self = ASKAROV_COMPOSER_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  double scale = scale_for_width (self, width);
  double page_w = self->page_width * scale;
  double page_h = self->page_height * scale;
  double x = MAX (PAGE_MARGIN, (width - page_w) / 2);
  double y = PAGE_MARGIN;
  guint n_pages;

  if (self->pages == NULL || scale <= 0)
    return;

  n_pages = askarov_letter_pages_get_n_pages (self->pages);
  for (guint i = 0; i < n_pages; i++)
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, page_w, page_h);
      GskRoundedRect outline;
      GdkRGBA shadow = { 0, 0, 0, 0.25 };
      /* Paper is white in the dark style too, as in document viewers: the
       * preview shows what will come out of the printer. */
      GdkRGBA paper = { 1, 1, 1, 1 };
      cairo_t *cr;

      gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 1, 4);
      gtk_snapshot_append_color (snapshot, &paper, &bounds);

      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      askarov_letter_pages_draw (self->pages, cr, i);
      cairo_destroy (cr);

      y += page_h + PAGE_GAP;
    }
}

static void
askarov_composer_preview_finalize (GObject *object)
{
  AskarovComposerPreview *self = ASKAROV_COMPOSER_PREVIEW (object);

  g_clear_pointer (&self->pages, askarov_letter_pages_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (askarov_composer_preview_parent_class)->finalize (object);
}

static void
askarov_composer_preview_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AskarovComposerPreview *self = ASKAROV_COMPOSER_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
askarov_composer_preview_class_init (AskarovComposerPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = askarov_composer_preview_finalize;
  object_class->get_property = askarov_composer_preview_get_property;

  widget_class->measure = askarov_composer_preview_measure;
  widget_class->get_request_mode = askarov_composer_preview_get_request_mode;
  widget_class->snapshot = askarov_composer_preview_snapshot;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "letter-preview-pages");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
askarov_composer_preview_init (AskarovComposerPreview *self)
{
  askarov_paper_get_size (ASKAROV_PAPER_A4, &self->page_width, &self->page_height);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Letter preview"),
                                  -1);
}

GtkWidget *
askarov_composer_preview_new (void)
{
  return g_object_new (ASKAROV_TYPE_COMPOSER_PREVIEW, NULL);
}

guint
askarov_composer_preview_get_n_pages (AskarovComposerPreview *self)
{
  g_return_val_if_fail (ASKAROV_IS_COMPOSER_PREVIEW (self), 0);

  return self->pages != NULL ? askarov_letter_pages_get_n_pages (self->pages) : 0;
}

const char *
askarov_composer_preview_get_text (AskarovComposerPreview *self)
{
  g_return_val_if_fail (ASKAROV_IS_COMPOSER_PREVIEW (self), NULL);

  return self->text;
}

void
askarov_composer_preview_set_letter (AskarovComposerPreview *self,
                                     AskarovLetter          *letter,
                                     AskarovPaper            paper)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ASKAROV_IS_COMPOSER_PREVIEW (self));
  g_return_if_fail (letter == NULL || ASKAROV_IS_LETTER (letter));

  g_clear_pointer (&self->pages, askarov_letter_pages_free);
  askarov_paper_get_size (paper, &self->page_width, &self->page_height);
  if (letter != NULL)
    {
      self->pages = askarov_letter_pages_new (letter, paper);
      text = askarov_letter_render_text (letter);
    }

  if (g_set_str (&self->text, text))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text ? self->text : "",
                                      -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
