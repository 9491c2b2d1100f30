/* test-importer.c — importing text, Markdown, HTML and PDF, and refusing bad input with a clear message.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "askarov-extractor.h"
#include "askarov-importer.h"

static char *
load_corpus (const char *file)
{
  const char *dir = g_getenv ("ASKAROV_CORPUS_DIR");
  g_autofree char *path = dir != NULL ? g_build_filename (dir, file, NULL) : NULL;
  char *text = NULL;

  if (path == NULL || !g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return text;
}

static char *
load_own (const char *file)
{
  g_autofree char *path = g_build_filename (g_getenv ("ASKAROV_SOURCE_DIR"), "tests", "data", "extract", file, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static AskarovImportedText *
import_string (const char  *data,
               gssize       length,
               const char  *name,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);

  return askarov_import_read_bytes (bytes, name, error);
}

static char *
facts_json (const char *text)
{
  g_autoptr(AskarovFacts) facts = askarov_extract (text);
  g_autoptr(JsonNode) node = askarov_facts_to_json (facts);

  return json_to_string (node, TRUE);
}

/* A web page made from a corpus document, with the clutter pages come with. */
static char *
make_html (const char *text,
           const char *charset)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);
  gboolean heading = FALSE;

  g_string_append_printf (html, "<!DOCTYPE html>\n<html><head><meta charset=\"%s\">"
                                "<title>Page title | Example site</title>"
                                "<script>var junk = \"SCRIPTJUNK\";</script>"
                                "<style>body { color: red } /* STYLEJUNK */</style></head>\n"
                                "<body><nav><a href=\"/\">NAVJUNK Home</a> <a href=\"/donate\">Donate</a></nav>\n"
                                "<header><p>HEADERJUNK Sign in</p></header>\n"
                                "<div role=\"navigation\">ROLEJUNK</div><main>\n", charset);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (paragraphs[i]));
      g_autofree char *escaped = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *joined = NULL;

      if (*stripped == '\0')
        continue;
      escaped = g_markup_escape_text (stripped, -1);
      lines = g_strsplit (escaped, "\n", -1);
      joined = g_strjoinv ("<br>\n   ", lines);
      if (!heading)
        g_string_append_printf (html, "<h1>%s</h1>\n", joined);
      else
        g_string_append_printf (html, "<p>\n   %s\n</p>\n", joined);
      heading = TRUE;
    }
  g_string_append (html, "</main><aside>ASIDEJUNK</aside><footer>FOOTERJUNK &copy; 2020</footer>"
                         "<noscript>NOSCRIPTJUNK</noscript><template>TEMPLATEJUNK</template></body></html>\n");
  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* A PDF made from a corpus document with cairo and Pango, one line of text
 * per line of the document, several pages. */
static void
make_pdf (const char *text,
          const char *path)
{
  const double width = 842, height = 595, margin = 36;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 6");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  double y = margin;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Made for the importer test");
  pango_layout_set_font_description (layout, font);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      int line_height;

      pango_layout_set_text (layout, *lines[i] != '\0' ? lines[i] : " ", -1);
      pango_layout_get_pixel_size (layout, NULL, &line_height);
      if (y + line_height > height - margin)
        {
          cairo_show_page (cr);
          y = margin;
        }
      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, layout);
      y += line_height;
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* A PDF whose /Encrypt dictionary needs a password we do not have. poppler
 * cannot write encryption and qpdf is not in the build root, so the file is
 * assembled here: with a /U entry that no empty password matches, poppler
 * treats it exactly like a password-protected download. */
static GBytes *
make_encrypted_pdf (void)
{
  static const char * const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    "<< /Filter /Standard /V 1 /R 2 /P -44"
    " /O <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef>"
    " /U <fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210> >>",
  };
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R /Encrypt 4 0 R"
                               " /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>] >>\n"
                               "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);
  return g_string_free_to_bytes (pdf);
}

static void
test_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;
  g_autoptr(AskarovImportedText) crlf = NULL;
  g_autoptr(AskarovImportedText) other = NULL;
  g_autofree char *text = load_own ("ua-french.txt");
  g_autofree char *joined = NULL;
  g_autofree char *windows = NULL;
  g_auto(GStrv) lines = NULL;

  imported = import_string (text, -1, "ua-french.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported->format, ==, ASKAROV_IMPORT_FORMAT_TEXT);
  g_assert_cmpstr (imported->source_name, ==, "ua-french.txt");
  g_assert_cmpstr (imported->title, ==, "ACTION URGENTE");
  g_assert_false (imported->repaired);
  g_assert_true (g_str_has_prefix (imported->text, "ACTION URGENTE\nUN AVOCAT"));
  g_assert_true (g_str_has_suffix (imported->text, "Télécopie : +77 1 23 45 67"));
  g_assert_cmpuint (strlen (imported->content_hash), ==, 64);

  /* Windows line ends, trailing spaces, a byte-order mark and extra blank
   * lines give the same text and the same hash. */
  lines = g_strsplit (text, "\n", -1);
  joined = g_strjoinv ("  \r\n\r\n", lines);
  windows = g_strconcat ("\xef\xbb\xbf", joined, NULL);
  crlf = import_string (windows, -1, "copy.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crlf->content_hash, ==, imported->content_hash);
  g_assert_null (strchr (crlf->text, '\r'));
  g_assert_null (strstr (crlf->text, "\n\n\n"));

  other = import_string ("ACTION URGENTE\nAutre chose.", -1, "other.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (other->content_hash, !=, imported->content_hash);
}

static void
test_markdown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;

  imported = import_string ("# Release Lena Marsh\n\nWrite **today** to the [minister](https://example.org).\n",
                            -1, "note.md", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported->format, ==, ASKAROV_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpstr (imported->title, ==, "Release Lena Marsh");
}

static void
test_utf16 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;
  gsize length;
  g_autofree char *utf16 = g_convert ("Аскаров: write before 3 June 2020.", -1, "UTF-16LE", "UTF-8",
                                      NULL, &length, NULL);
  g_autofree char *with_bom = g_malloc (length + 2);

  memcpy (with_bom, "\xff\xfe", 2);
  memcpy (with_bom + 2, utf16, length);
  imported = import_string (with_bom, length + 2, "windows.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported->text, ==, "Аскаров: write before 3 June 2020.");
}

static void
test_html_from_corpus (void)
{
  g_autofree char *text = load_corpus ("003_55fd246bdecfe6e2.txt");
  g_autofree char *html = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *from_html = NULL;
  g_autoptr(AskarovImportedText) page = NULL;
  g_autoptr(AskarovImportedText) plain = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const junk[] = {
    "SCRIPTJUNK", "STYLEJUNK", "NAVJUNK", "HEADERJUNK", "ROLEJUNK", "ASIDEJUNK", "FOOTERJUNK",
    "NOSCRIPTJUNK", "TEMPLATEJUNK", "Page title",
  };

  if (text == NULL)
    {
      g_test_skip ("The case corpus (ASKAROV_CORPUS_DIR) is not available");
      return;
    }

  html = make_html (text, "utf-8");
  page = import_string (html, -1, "ua-61-20.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page->format, ==, ASKAROV_IMPORT_FORMAT_HTML);
  g_assert_cmpstr (page->title, ==, "URGENT ACTION");
  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    g_assert_null (strstr (page->text, junk[i]));
  /* Headings and paragraphs stay apart, lines inside a paragraph too. */
  g_assert_nonnull (strstr (page->text, "\n\nMr Sooronbay Jeenbekov\n\nPresident of Kyrgyzstan\n\n"));
  g_assert_nonnull (strstr (page->text, "NAME AND PRONOUN: Azimjan Askarov (he/him)"));

  /* The page says what the text file says. */
  plain = import_string (text, -1, "ua-61-20.txt", &error);
  g_assert_no_error (error);
  from_text = facts_json (plain->text);
  from_html = facts_json (page->text);
  g_assert_cmpstr (from_html, ==, from_text);
  g_assert_cmpstr (page->content_hash, ==, plain->content_hash);
}

static void
test_html_page (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ASKAROV_SOURCE_DIR"), "tests", "data", "import",
                                            "page.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = askarov_import_read_file (file, NULL, &error);
  g_autoptr(AskarovFacts) facts = NULL;
  AskarovTarget *target;

  g_assert_no_error (error);
  g_assert_cmpstr (imported->format, ==, ASKAROV_IMPORT_FORMAT_HTML);
  g_assert_cmpstr (imported->title, ==, "URGENT ACTION");
  g_assert_true (g_str_has_prefix (imported->text, "URGENT ACTION\n\nJournalist held for reporting on floods\n\n"));
  g_assert_null (strstr (imported->text, "tracking"));
  g_assert_null (strstr (imported->text, "Donate"));
  g_assert_null (strstr (imported->text, "Sign in"));
  g_assert_null (strstr (imported->text, "Related campaigns"));
  g_assert_null (strstr (imported->text, "Example campaign site"));

  facts = askarov_extract (imported->text);
  g_assert_cmpstr (facts->reference, ==, "97/17");
  g_assert_cmpstr (facts->deadline, ==, "2017-11-15");
  g_assert_cmpstr (facts->title, ==, "Journalist held for reporting on floods");
  g_assert_cmpuint (facts->targets->len, ==, 1);
  target = g_ptr_array_index (facts->targets, 0);
  g_assert_cmpstr (target->name, ==, "Arturo Feld");
  g_assert_cmpstr (target->address[1], ==, "Port Selwyn 4410");
  g_assert_cmpstr (target->salutation, ==, "Dear Minister");
}

static void
test_html_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) latin1 = NULL;
  g_autoptr(AskarovImportedText) cyrillic = NULL;

  latin1 = import_string ("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 cr\xe8me</p></body></html>",
                          -1, "latin1.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latin1->text, ==, "Café crème");

  cyrillic = import_string ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                            "</head><body><h1>\xc0\xf1\xea\xe0\xf0\xee\xe2</h1></body></html>",
                            -1, "cp1251.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cyrillic->text, ==, "Аскаров");
  g_assert_cmpstr (cyrillic->title, ==, "Аскаров");
}

static AskarovImportedText *
import_nested (guint    depth,
               GError **error)
{
  g_autoptr(GString) html = g_string_new ("<html><body>");

  for (guint i = 0; i < depth; i++)
    g_string_append (html, "<div><span>");
  g_string_append (html, "Deep text");
  return import_string (html->str, html->len, "deep.html", error);
}

static void
test_html_nested (void)
{
  g_autoptr(AskarovImportedText) imported = NULL;
  g_autoptr(GError) error = NULL;

  /* Nesting as deep as a real page can go keeps its text. */
  imported = import_nested (100, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported->text, ==, "Deep text");
  g_clear_pointer (&imported, askarov_imported_text_free);

  /* Far deeper than any page: the parser stops at its depth limit (so it
   * cannot recurse without bound) and the file is refused by name. */
  imported = import_nested (100000, &error);
  g_assert_null (imported);
  g_assert_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "deep.html"));
}

static void
test_pdf_from_corpus (void)
{
  g_autofree char *text = load_corpus ("002_7170e70723e6a976.txt");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *from_pdf = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AskarovImportedText) pdf = NULL;
  g_autoptr(AskarovImportedText) plain = NULL;
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      g_test_skip ("The case corpus (ASKAROV_CORPUS_DIR) is not available");
      return;
    }

  dir = g_dir_make_tmp ("askarov-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "ua-135-10.pdf", NULL);
  make_pdf (text, path);

  file = g_file_new_for_path (path);
  pdf = askarov_import_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdf->format, ==, ASKAROV_IMPORT_FORMAT_PDF);
  g_assert_cmpstr (pdf->title, ==, "Made for the importer test");
  g_assert_cmpstr (pdf->source_name, ==, "ua-135-10.pdf");
  g_assert_nonnull (strstr (pdf->text, "PLEASE SEND APPEALS BEFORE 27 OCTOBER 2010 TO:"));
  /* The last page's text is there too. */
  g_assert_nonnull (strstr (pdf->text, "reportedly told them to go away."));

  plain = import_string (text, -1, "ua-135-10.txt", &error);
  g_assert_no_error (error);
  from_text = facts_json (plain->text);
  from_pdf = facts_json (pdf->text);
  g_assert_cmpstr (from_pdf, ==, from_text);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_pdf_encrypted (void)
{
  g_autoptr(GBytes) bytes = make_encrypted_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = askarov_import_read_bytes (bytes, "locked.pdf", &error);

  g_assert_null (imported);
  g_assert_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "locked.pdf"));
}

static void
test_pdf_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;

  imported = import_string ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer\n%%EOF", -1,
                            "cut.pdf", &error);
  g_assert_null (imported);
  g_assert_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "cut.pdf"));
}

static void
test_pdf_without_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("askarov-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 200, 200);
  cairo_t *cr = cairo_create (surface);

  /* Only drawing, like a scanned page. */
  cairo_rectangle (cr, 10, 10, 100, 100);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  imported = askarov_import_read_file (file, NULL, &error);
  g_assert_null (imported);
  g_assert_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "scan.pdf"));
  g_remove (path);
  g_rmdir (dir);
}

/* A PDF of @n_pages pages, each with one line of text. */
static char *
make_pages_pdf (const char *dir,
                int         n_pages)
{
  char *path = g_build_filename (dir, "long.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 200, 200);
  cairo_t *cr = cairo_create (surface);

  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *line = g_strdup_printf ("Page %d of a long report", i + 1);

      cairo_move_to (cr, 20, 100);
      cairo_show_text (cr, line);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}

/* A report of hundreds of pages is refused before its text is read; a few
 * pages are read. */
static void
test_pdf_page_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("askarov-pdf-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_pages_pdf (dir, ASKAROV_IMPORT_MAX_PAGES + 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AskarovImportedText) imported = askarov_import_read_file (file, NULL, &error);

  g_assert_null (imported);
  g_assert_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "long.pdf"));
  g_assert_nonnull (strstr (error->message, "201"));
  g_remove (path);
  g_clear_pointer (&path, g_free);
  g_clear_error (&error);

  path = make_pages_pdf (dir, 3);
  g_clear_object (&file);
  file = g_file_new_for_path (path);
  imported = askarov_import_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (imported->text, "Page 3 of a long report"));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_invalid_utf8_repaired (void)
{
  g_autofree char *text = load_own ("ua-two-officials.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;
  g_autoptr(AskarovFacts) facts = NULL;

  /* Three stray Latin-1 bytes in a long UTF-8 text (it has an "é" in UTF-8,
   * so it is not a Latin-1 file). */
  text[600] = '\xc3';
  text[601] = '\xa9';
  text[10] = '\xe9';
  text[200] = '\xff';
  text[400] = '\xc3';
  imported = import_string (text, -1, "mostly-fine.txt", &error);
  g_assert_no_error (error);
  g_assert_true (imported->repaired);
  g_assert_true (g_utf8_validate (imported->text, -1, NULL));
  g_assert_nonnull (strstr (imported->text, "\xef\xbf\xbd"));
  facts = askarov_extract (imported->text);
  g_assert_cmpstr (facts->reference, ==, "97/17");
}

static void
test_invalid_utf8_refused (void)
{
  g_autoptr(GString) damaged = g_string_new ("Caf\xc3\xa9 ");
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;

  /* UTF-8 (the "é") with a third of its bytes broken: repairing would garble it. */
  for (guint i = 0; i < 200; i++)
    g_string_append (damaged, "ab\xff\xfe ");
  imported = import_string (damaged->str, damaged->len, "damaged.txt", &error);
  g_assert_null (imported);
  g_assert_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_BAD_ENCODING);
  g_assert_nonnull (strstr (error->message, "damaged.txt"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

/* Text in a legacy 8-bit encoding is converted, not "repaired" into "�". */
static void
test_legacy_encodings (void)
{
  static const struct { const char *data; const char *encoding; const char *text; } cases[] = {
    /* A German salutation with one umlaut, as Windows-1252. */
    { "Sehr geehrter Herr M\xfcller,\n\nbitte setzen Sie sich ein.", "windows-1252",
      "Sehr geehrter Herr Müller,\n\nbitte setzen Sie sich ein." },
    /* French with accents; 0x9c (œ) is defined only in Windows-1252. */
    { "Monsieur le Minist\xe8re, le c\x9cur de l'affaire: l'arr\xeat\xe9.", "windows-1252",
      "Monsieur le Ministère, le cœur de l'affaire: l'arrêté." },
    /* Russian in Windows-1251: "Азимжан Аскаров, правозащитник". */
    { "\xc0\xe7\xe8\xec\xe6\xe0\xed \xc0\xf1\xea\xe0\xf0\xee\xe2, \xef\xf0\xe0\xe2\xee\xe7\xe0\xf9\xe8\xf2\xed\xe8\xea",
      "windows-1251", "Азимжан Аскаров, правозащитник" },
    /* The same in KOI8-R. */
    { "\xe1\xda\xc9\xcd\xd6\xc1\xce \xe1\xd3\xcb\xc1\xd2\xcf\xd7, \xd0\xd2\xc1\xd7\xcf\xda\xc1\xdd\xc9\xd4\xce\xc9\xcb",
      "koi8-r", "Азимжан Аскаров, правозащитник" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AskarovImportedText) imported = import_string (cases[i].data, -1, "legacy.txt", &error);

      g_assert_no_error (error);
      g_assert_false (imported->repaired);
      g_assert_cmpstr (imported->encoding, ==, cases[i].encoding);
      g_assert_cmpstr (imported->text, ==, cases[i].text);
    }
}

static void
test_binary (void)
{
  static const struct { const char *data; gsize length; int code; } cases[] = {
    { "Text\0with a NUL", 15, ASKAROV_IMPORT_ERROR_BINARY },
    { "\x01\x02\x03\x04\x05\x06 looks like text", 23, ASKAROV_IMPORT_ERROR_BINARY },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, ASKAROV_IMPORT_ERROR_UNSUPPORTED },
    { "PK\x03\x04\x14\0\x06\0", 8, ASKAROV_IMPORT_ERROR_UNSUPPORTED },
    { "<html><body>\0\0\0</body></html>", 29, ASKAROV_IMPORT_ERROR_BINARY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AskarovImportedText) imported = import_string (cases[i].data, cases[i].length, "blob.bin", &error);

      g_assert_null (imported);
      g_assert_error (error, ASKAROV_IMPORT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "blob.bin"));
    }
}

static void
test_empty (void)
{
  static const char * const cases[] = {
    "", "   \n\n\t \r\n", "\xef\xbb\xbf", "<html><head><title>Only a title</title></head><body> </body></html>",
    "<html><body><script>all script</script><nav>and navigation</nav></body></html>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AskarovImportedText) imported = import_string (cases[i], -1, "nothing.html", &error);

      g_assert_null (imported);
      g_assert_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_EMPTY);
      g_assert_nonnull (strstr (error->message, "nothing.html"));
    }
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;
  g_autoptr(GBytes) huge_file = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  gsize size = ASKAROV_IMPORT_MAX_FILE_SIZE + 1;
  char *data = g_malloc (size);

  memset (data, 'a', size);
  huge_file = g_bytes_new_take (data, size);
  imported = askarov_import_read_bytes (huge_file, "huge.txt", &error);
  g_assert_null (imported);
  g_assert_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
  g_clear_error (&error);

  /* Small enough as a file, too long as a text. */
  while (long_text->len <= ASKAROV_IMPORT_MAX_TEXT_SIZE)
    g_string_append (long_text, "Write to the minister today.\n");
  imported = import_string (long_text->str, long_text->len, "long.txt", &error);
  g_assert_null (imported);
  g_assert_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_TOO_LARGE);
}

static void
test_sniff (void)
{
  static const struct { const char *data; const char *name; const char *format; } cases[] = {
    { "%PDF-1.4 ...", "misnamed.txt", ASKAROV_IMPORT_FORMAT_PDF },
    { "<!DOCTYPE html><p>x</p>", "page", ASKAROV_IMPORT_FORMAT_HTML },
    { "  <HTML><BODY>x", "-", ASKAROV_IMPORT_FORMAT_HTML },
    { "Plain <b>words</b>", "page.htm", ASKAROV_IMPORT_FORMAT_HTML },
    { "# Heading", "notes.MD", ASKAROV_IMPORT_FORMAT_MARKDOWN },
    { "Write <p> in a sentence", "notes.txt", ASKAROV_IMPORT_FORMAT_TEXT },
    { "Just text", NULL, ASKAROV_IMPORT_FORMAT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, strlen (cases[i].data));

      g_assert_cmpstr (askarov_import_sniff_format (bytes, cases[i].name), ==, cases[i].format);
    }
}

static void
test_file_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/askarov/ua.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = askarov_import_read_file (file, NULL, &error);

  g_assert_null (imported);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "“ua.txt” could not be read"));
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AskarovImportedText **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = askarov_import_read_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_file_async (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ASKAROV_SOURCE_DIR"), "tests", "data", "extract",
                                            "ua-german.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AskarovImportedText *imported = NULL;

  askarov_import_read_file_async (file, NULL, read_done_cb, &imported);
  while (imported == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (imported->source_name, ==, "ua-german.txt");
  g_assert_cmpstr (imported->title, ==, "EILAKTION");
  askarov_imported_text_free (imported);
}

static void
test_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovImportedText) imported = import_string ("Some text\nand more", -1, "a.txt", &error);
  g_autoptr(AskarovImportedText) copy = askarov_imported_text_copy (imported);

  g_clear_pointer (&imported, askarov_imported_text_free);
  g_assert_cmpstr (copy->text, ==, "Some text\nand more");
  g_assert_cmpstr (copy->source_name, ==, "a.txt");
  g_assert_cmpuint (strlen (copy->content_hash), ==, 64);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/importer/text", test_text);
  g_test_add_func ("/importer/markdown", test_markdown);
  g_test_add_func ("/importer/utf16", test_utf16);
  g_test_add_func ("/importer/html/from-corpus", test_html_from_corpus);
  g_test_add_func ("/importer/html/page", test_html_page);
  g_test_add_func ("/importer/html/charset", test_html_charset);
  g_test_add_func ("/importer/html/nested", test_html_nested);
  g_test_add_func ("/importer/pdf/from-corpus", test_pdf_from_corpus);
  g_test_add_func ("/importer/pdf/encrypted", test_pdf_encrypted);
  g_test_add_func ("/importer/pdf/broken", test_pdf_broken);
  g_test_add_func ("/importer/pdf/without-text", test_pdf_without_text);
  g_test_add_func ("/importer/bad/pdf-page-limit", test_pdf_page_limit);
  g_test_add_func ("/importer/bad/invalid-utf8-repaired", test_invalid_utf8_repaired);
  g_test_add_func ("/importer/bad/invalid-utf8-refused", test_invalid_utf8_refused);
  g_test_add_func ("/importer/legacy-encodings", test_legacy_encodings);
  g_test_add_func ("/importer/bad/binary", test_binary);
  g_test_add_func ("/importer/bad/empty", test_empty);
  g_test_add_func ("/importer/bad/too-large", test_too_large);
  g_test_add_func ("/importer/sniff", test_sniff);
  g_test_add_func ("/importer/file/missing", test_file_missing);
  g_test_add_func ("/importer/file/async", test_file_async);
  g_test_add_func ("/importer/copy", test_copy);

  return g_test_run ();
}
