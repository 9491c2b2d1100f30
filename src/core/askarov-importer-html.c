/* askarov-importer-html.c — the text of a saved web page, without its navigation, scripts and styles.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "askarov-importer-private.h"

/* Elements whose text is never part of the document. */
static const char * const skipped_elements[] = {
  "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
  "select", "svg", "iframe", "object", "head", "menu", "dialog",
};

/* Elements that start a new paragraph. */
static const char * const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "blockquote", "pre",
  "table", "tr", "ul", "ol", "dl", "dd", "dt", "figure", "figcaption", "address", "hr", "body", "html",
  "details", "summary", "fieldset", "caption", "center",
};

static gboolean
name_in (const xmlChar      *name,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp ((const char *) name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
in_pre (xmlNode *node)
{
  for (xmlNode *parent = node->parent; parent != NULL; parent = parent->parent)
    if (parent->type == XML_ELEMENT_NODE && (xmlStrcasecmp (parent->name, (const xmlChar *) "pre") == 0
                                             || xmlStrcasecmp (parent->name, (const xmlChar *) "textarea") == 0))
      return TRUE;
  return FALSE;
}

/* Text of an element's subtree, with paragraphs for block elements. Iterative,
 * so that deeply nested markup cannot exhaust the stack. */
static void
collect_html_text (xmlNode  *root,
                   GString  *out,
                   char    **h1)
{
  xmlNode *node = root;
  gboolean space = FALSE;

  while (node != NULL)
    {
      gboolean descend = TRUE;

      if (node->type == XML_ELEMENT_NODE)
        {
          xmlChar *role = xmlGetProp (node, (const xmlChar *) "role");
          xmlChar *hidden = xmlGetProp (node, (const xmlChar *) "aria-hidden");

          if (name_in (node->name, skipped_elements, G_N_ELEMENTS (skipped_elements))
              || (role != NULL && (xmlStrcasecmp (role, (const xmlChar *) "navigation") == 0
                                   || xmlStrcasecmp (role, (const xmlChar *) "banner") == 0
                                   || xmlStrcasecmp (role, (const xmlChar *) "contentinfo") == 0))
              || (hidden != NULL && xmlStrcasecmp (hidden, (const xmlChar *) "true") == 0))
            descend = FALSE;
          xmlFree (role);
          xmlFree (hidden);

          if (descend && name_in (node->name, block_elements, G_N_ELEMENTS (block_elements)))
            {
              if (out->len > 0 && out->str[out->len - 1] != '\n')
                g_string_append (out, "\n\n");
              else if (out->len > 1 && out->str[out->len - 2] != '\n')
                g_string_append_c (out, '\n');
              space = FALSE;
            }
          else if (descend && (xmlStrcasecmp (node->name, (const xmlChar *) "br") == 0
                               || xmlStrcasecmp (node->name, (const xmlChar *) "li") == 0
                               || xmlStrcasecmp (node->name, (const xmlChar *) "td") == 0
                               || xmlStrcasecmp (node->name, (const xmlChar *) "th") == 0))
            {
              if (out->len > 0 && out->str[out->len - 1] != '\n')
                g_string_append_c (out, '\n');
              space = FALSE;
            }

          if (descend && *h1 == NULL && xmlStrcasecmp (node->name, (const xmlChar *) "h1") == 0)
            {
              xmlChar *content = xmlNodeGetContent (node);
              g_autofree char *valid = g_utf8_make_valid ((const char *) content, -1);

              g_strstrip (valid);
              if (*valid != '\0')
                *h1 = g_steal_pointer (&valid);
              xmlFree (content);
            }
        }
      else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && in_pre (node))
        {
          const char *content = (const char *) node->content;

          /* Preformatted text keeps its lines (a sample letter, a plain-text
           * UA pasted into a page), minus the line break right after <pre>. */
          if (content != NULL && node->prev == NULL && content[0] == '\n')
            content++;
          if (space && out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          space = FALSE;
          for (const char *p = content; p != NULL && *p != '\0'; p++)
            if (*p != '\r')
              g_string_append_c (out, *p);
        }
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          const char *content = (const char *) node->content;

          for (const char *p = content; p != NULL && *p != '\0'; p++)
            {
              if (g_ascii_isspace (*p))
                space = TRUE;
              else
                {
                  if (space && out->len > 0 && out->str[out->len - 1] != '\n')
                    g_string_append_c (out, ' ');
                  space = FALSE;
                  g_string_append_c (out, *p);
                }
            }
        }

      if (descend && node->children != NULL && node->type == XML_ELEMENT_NODE)
        node = node->children;
      else
        {
          while (node != NULL && node != root && node->next == NULL)
            {
              node = node->parent;
              /* Leaving a block element ends its paragraph. */
              if (node != NULL && node->type == XML_ELEMENT_NODE
                  && name_in (node->name, block_elements, G_N_ELEMENTS (block_elements))
                  && out->len > 0 && out->str[out->len - 1] != '\n')
                {
                  g_string_append (out, "\n\n");
                  space = FALSE;
                }
            }
          if (node == NULL || node == root)
            break;
          node = node->next;
        }
    }
}

static char *
html_title (xmlDoc *doc)
{
  xmlNode *node = xmlDocGetRootElement (doc);

  /* Depth-first search for <title>, also iterative. */
  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE && xmlStrcasecmp (node->name, (const xmlChar *) "title") == 0)
        {
          xmlChar *content = xmlNodeGetContent (node);
          char *title = g_utf8_make_valid ((const char *) content, -1);

          xmlFree (content);
          g_strstrip (title);
          if (*title != '\0')
            return title;
          g_free (title);
        }
      if (node->type == XML_ELEMENT_NODE && xmlStrcasecmp (node->name, (const xmlChar *) "body") == 0)
        return NULL;
      if (node->children != NULL && node->type == XML_ELEMENT_NODE)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }
  return NULL;
}

static gsize xml_initialised;

gboolean
import_read_html (GBytes      *bytes,
                  const char  *name,
                  char       **text,
                  char       **title,
                  GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *h1 = NULL;
  xmlDoc *doc;
  xmlNode *root;

  /* libxml2 must be initialised once before threads use it. */
  if (g_once_init_enter (&xml_initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_initialised, 1);
    }
  if (size > G_MAXINT)
    size = G_MAXINT;
  /* No HTML_PARSE_HUGE: libxml2's limits on depth and text size stay on. */
  doc = htmlReadMemory (data, (int) size, NULL, NULL,
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("“%s” could not be read as a web page. Save the page again from your browser, or "
                     "import its PDF or text version."),
                   name);
      return FALSE;
    }

  collect_html_text (root, out, &h1);
  *title = h1 != NULL ? g_steal_pointer (&h1) : html_title (doc);
  xmlFreeDoc (doc);
  /* libxml2 gives UTF-8, but a wrong <meta charset> can still yield bad bytes. */
  *text = g_utf8_make_valid (out->str, out->len);
  return TRUE;
}

