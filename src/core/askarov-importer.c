/* askarov-importer.c — reads a file (text, Markdown, HTML or PDF) into checked, normalised text.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-importer"

#include "config.h"

#include "askarov-importer.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "askarov-importer-private.h"

/* Invalid UTF-8 is repaired when at most this share of the bytes is bad (a
 * stray Latin-1 byte, a cut multi-byte sequence); more means the file is in
 * another encoding or not text, and repairing would garble it. */
#define MAX_INVALID_PER_MILLE 20
/* More control characters than this (per mille) mean binary data. */
#define MAX_CONTROL_PER_MILLE 10

/* poppler-glib does not declare these. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

G_DEFINE_QUARK (askarov-import-error-quark, askarov_import_error)

G_DEFINE_BOXED_TYPE (AskarovImportedText, askarov_imported_text,
                     askarov_imported_text_copy, askarov_imported_text_free)

static const char *
display_name (const char *name)
{
  return name != NULL && *name != '\0' ? name : "-";
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (display_name (name), -1);

  return g_str_has_suffix (lower, suffix);
}

static gboolean
starts_with (GBytes     *bytes,
             const char *magic,
             gsize       length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return size >= length && memcmp (data, magic, length) == 0;
}

/* A kind of file we recognise but do not read, or NULL. */
static const char *
unsupported_kind (GBytes *bytes)
{
  if (starts_with (bytes, "\x89PNG", 4) || starts_with (bytes, "\xff\xd8\xff", 3)
      || starts_with (bytes, "GIF8", 4) || starts_with (bytes, "RIFF", 4))
    return _("an image");
  if (starts_with (bytes, "PK\x03\x04", 4) || starts_with (bytes, "\xd0\xcf\x11\xe0", 4))
    return _("an office document or archive");
  if (starts_with (bytes, "{\\rtf", 5))
    return _("a rich text document");
  return NULL;
}

/**
 * askarov_import_sniff_format:
 * @bytes: the file's contents
 * @name: (nullable): the file's name, for its extension
 *
 * Returns: one of the ASKAROV_IMPORT_FORMAT_* strings. The content decides
 *   (a PDF named .txt is a PDF); the name only tells Markdown from text and
 *   HTML without a doctype from text.
 */
const char *
askarov_import_sniff_format (GBytes     *bytes,
                             const char *name)
{
  gsize size;
  const char *data;
  g_autofree char *head = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size >= 5 && g_strstr_len (data, MIN (size, 1024), "%PDF-") != NULL)
    return ASKAROV_IMPORT_FORMAT_PDF;

  head = g_ascii_strdown (data != NULL ? data : "", MIN (size, 1024));
  if (strstr (head, "<!doctype html") != NULL || strstr (head, "<html") != NULL
      || ((strstr (head, "<body") != NULL || strstr (head, "<head") != NULL || strstr (head, "<p>") != NULL)
          && !has_suffix (name, ".md") && !has_suffix (name, ".txt")))
    return ASKAROV_IMPORT_FORMAT_HTML;
  if (has_suffix (name, ".html") || has_suffix (name, ".htm") || has_suffix (name, ".xhtml"))
    return memchr (data, '<', size) != NULL ? ASKAROV_IMPORT_FORMAT_HTML : ASKAROV_IMPORT_FORMAT_TEXT;
  if (has_suffix (name, ".md") || has_suffix (name, ".markdown"))
    return ASKAROV_IMPORT_FORMAT_MARKDOWN;
  return ASKAROV_IMPORT_FORMAT_TEXT;
}

/**
 * askarov_import_hash_text:
 * @text: valid UTF-8
 *
 * Hashes the text with Unicode normalised (NFC) and every run of white space
 * made one space, so that the same document re-saved with other line ends or
 * wrapping, or in another format with the same words, is seen as a duplicate.
 *
 * Returns: the lower-case hex SHA-256.
 */
char *
askarov_import_hash_text (const char *text)
{
  g_autofree char *normal = NULL;
  g_autoptr(GString) collapsed = g_string_new (NULL);
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    normal = g_utf8_make_valid (text, -1);
  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        space = collapsed->len > 0;
      else
        {
          if (space)
            g_string_append_c (collapsed, ' ');
          space = FALSE;
          g_string_append_unichar (collapsed, c);
        }
    }
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) collapsed->str, collapsed->len);
}

/* Line ends made '\n', control characters dropped, trailing spaces trimmed,
 * runs of blank lines made one, NFC. */
static char *
normalise_text (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);
  guint newlines = 0;
  gsize line_start = 0;

  for (const char *p = nfc != NULL ? nfc : text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\r' || c == '\n' || c == 0x2028 || c == 0x2029 || c == '\f')
        {
          while (out->len > line_start && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
            g_string_truncate (out, out->len - 1);
          if (out->len > 0 && newlines < 2)
            g_string_append_c (out, '\n');
          newlines++;
          line_start = out->len;
          continue;
        }
      if (c == 0xFEFF || (g_unichar_iscntrl (c) && c != '\t'))
        continue;
      g_string_append_unichar (out, c);
      if (c != ' ' && c != '\t')
        newlines = 0;
    }
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
first_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 40);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      while (*line == '#' || *line == '*' || *line == ' ')
        line++;
      if (*line != '\0')
        {
          const char *cut = g_utf8_offset_to_pointer (line, MIN (g_utf8_strlen (line, -1), 120));

          return g_strndup (line, cut - line);
        }
    }
  return NULL;
}

/* Which 8-bit encoding a file with no valid UTF-8 multi-byte character is
 * most likely in. Cyrillic text in Windows-1251 is words of high bytes; the
 * Western European languages in Windows-1252 have single accented letters
 * between ASCII ones. */
static const char *
guess_legacy_encoding (const char *data,
                       gsize       size)
{
  gsize high = 0, paired = 0, c0_df = 0, e0_ff = 0;

  for (gsize i = 0; i < size; i++)
    if ((guchar) data[i] >= 0x80)
      {
        high++;
        if ((i > 0 && (guchar) data[i - 1] >= 0xc0) || (i + 1 < size && (guchar) data[i + 1] >= 0xc0))
          paired++;
        if ((guchar) data[i] >= 0xe0)
          e0_ff++;
        else if ((guchar) data[i] >= 0xc0)
          c0_df++;
      }
  if (high == 0 || paired * 2 <= high)
    return "WINDOWS-1252";
  /* Running text is mostly lower case: Windows-1251 has it at 0xE0-0xFF,
   * KOI8-R at 0xC0-0xDF. */
  return c0_df > e0_ff ? "KOI8-R" : "WINDOWS-1251";
}

static gboolean
check_text_bytes (const char  *data,
                  gsize        size,
                  const char  *name,
                  char       **out_text,
                  gboolean    *repaired,
                  char       **out_encoding,
                  GError     **error)
{
  gsize controls = 0, invalid = 0, multibyte = 0;
  const char *p = data;
  const char *end = data + size;

  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_BINARY,
                   /* Translators: %s is a file name */
                   _("“%s” is not a text document: it contains binary data. Import the PDF, web page or text "
                     "version of the Urgent Action instead."),
                   name);
      return FALSE;
    }
  for (gsize i = 0; i < size; i++)
    {
      guchar c = data[i];

      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7f)
        controls++;
    }
  if (controls * 1000 > size * MAX_CONTROL_PER_MILLE)
    {
      g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_BINARY,
                   _("“%s” is not a text document: it contains binary data. Import the PDF, web page or text "
                     "version of the Urgent Action instead."),
                   name);
      return FALSE;
    }

  while (p < end)
    {
      const char *bad;
      gboolean valid = g_utf8_validate_len (p, end - p, &bad);

      for (const char *q = p; q < (valid ? end : bad); q++)
        if ((guchar) *q >= 0xc2)
          multibyte++;
      if (valid)
        break;
      invalid++;
      p = bad + 1;
    }

  /* Not one valid multi-byte character but some high bytes: the file is in a
   * legacy 8-bit encoding, not damaged UTF-8. Repairing would turn every
   * accented letter into "�" ("Dear Mr M�ller"). */
  if (invalid > 0 && multibyte == 0)
    {
      const char *encoding = guess_legacy_encoding (data, size);
      gsize written = 0;
      char *utf8 = g_convert (data, size, "UTF-8", encoding, NULL, &written, NULL);

      if (utf8 == NULL && g_str_equal (encoding, "WINDOWS-1252"))
        utf8 = g_convert (data, size, "UTF-8", (encoding = "ISO-8859-1"), NULL, &written, NULL);
      if (utf8 != NULL)
        {
          *repaired = FALSE;
          *out_encoding = g_ascii_strdown (encoding, -1);
          *out_text = utf8;
          return TRUE;
        }
    }

  if (invalid * 1000 > size * MAX_INVALID_PER_MILLE)
    {
      g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_BAD_ENCODING,
                   /* Translators: %s is a file name */
                   _("“%s” was not imported: much of it is not valid UTF-8 text, so repairing it would garble it. "
                     "Open it in a text editor, save it with the UTF-8 encoding and import it again."),
                   name);
      return FALSE;
    }

  *repaired = invalid > 0;
  *out_text = g_utf8_make_valid (data, size);
  return TRUE;
}

static gboolean
read_pdf (GBytes        *bytes,
          const char    *name,
          GCancellable  *cancellable,
          char         **text,
          char         **title,
          GError       **error)
{
  gint64 started = g_get_monotonic_time ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int n_pages;

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_ENCRYPTED,
                     /* Translators: %s is a file name */
                     _("“%s” is a password-protected PDF. Open it with its password, save an unprotected copy "
                       "and import that."),
                     name);
      else
        g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_FAILED,
                     /* Translators: %s is a file name */
                     _("“%s” is a damaged PDF and could not be read. Download it again, or import the web page "
                       "version of the Urgent Action."),
                     name);
      g_debug ("%s: %s", name, local_error->message);
      return FALSE;
    }

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages > ASKAROV_IMPORT_MAX_PAGES)
    {
      g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: %s is a file name, %d its number of pages (always more than 200) */
                   _("“%s” has %d pages; an Urgent Action has a few. Save the pages of the Urgent Action as "
                     "their own PDF and import that."),
                   name, n_pages);
      return FALSE;
    }
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *page_text = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (g_get_monotonic_time () - started > ASKAROV_IMPORT_MAX_PDF_SECONDS * G_USEC_PER_SEC)
        {
          g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_TOO_LARGE,
                       /* Translators: %s is a file name */
                       _("Reading the text of “%s” took too long, so it was stopped. Import the web page or "
                         "text version of the Urgent Action instead."),
                       name);
          return FALSE;
        }
      page = poppler_document_get_page (document, i);
      page_text = page != NULL ? poppler_page_get_text (page) : NULL;
      if (page_text == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, page_text);
      if (out->len > ASKAROV_IMPORT_MAX_TEXT_SIZE)
        break;
    }

  *title = poppler_document_get_title (document);
  if (*title != NULL)
    {
      char *valid = g_utf8_make_valid (*title, -1);

      g_free (*title);
      *title = g_strstrip (valid);
      if (**title == '\0')
        g_clear_pointer (title, g_free);
    }

  if (is_blank (out->str))
    {
      g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” contains no text, only images (perhaps it is a scan). Import the web page or text "
                     "version of the Urgent Action instead."),
                   name);
      return FALSE;
    }
  *text = g_utf8_make_valid (out->str, out->len);
  return TRUE;
}

static gboolean
check_size (gsize        size,
            gsize        limit,
            const char  *name,
            GError     **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  if (size <= limit)
    return TRUE;
  size_text = g_format_size (size);
  limit_text = g_format_size (limit);
  g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, the second its size, the third the limit (“20.0 MB”) */
               _("“%s” is too large to import (%s; the limit is %s). Import each Urgent Action as its own file."),
               name, size_text, limit_text);
  return FALSE;
}

/* Keeps GIO's domain and code (callers may test for G_IO_ERROR_NOT_FOUND) but
 * gives a message that names the file and says what to do. */
static void
explain_io_error (GFile   *file,
                  GError  *io_error,
                  GError **error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (!g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *reason = g_steal_pointer (&io_error->message);

      io_error->message = g_strdup_printf (
        /* Translators: the first %s is a file name, the second the system's reason */
        _("“%s” could not be read (%s). Check that the file still exists and that you may open it."),
        name, reason);
    }
  g_propagate_error (error, io_error);
}

static void
read_file_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  AskarovImportedText *imported = askarov_import_read_file (task_data, cancellable, &error);

  if (imported == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, imported, (GDestroyNotify) askarov_imported_text_free);
}

AskarovImportedText *
askarov_imported_text_copy (const AskarovImportedText *self)
{
  AskarovImportedText *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AskarovImportedText, 1);
  copy->text = g_strdup (self->text);
  copy->format = g_strdup (self->format);
  copy->title = g_strdup (self->title);
  copy->source_name = g_strdup (self->source_name);
  copy->content_hash = g_strdup (self->content_hash);
  copy->repaired = self->repaired;
  copy->encoding = g_strdup (self->encoding);
  return copy;
}

void
askarov_imported_text_free (AskarovImportedText *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->format);
  g_free (self->title);
  g_free (self->source_name);
  g_free (self->content_hash);
  g_free (self->encoding);
  g_free (self);
}

static AskarovImportedText *
read_bytes (GBytes        *bytes,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(AskarovImportedText) imported = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *title = NULL;
  const char *format;
  const char *kind;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name (name);
  size = g_bytes_get_size (bytes);
  if (!check_size (size, ASKAROV_IMPORT_MAX_FILE_SIZE, name, error))
    return NULL;
  if (size == 0)
    {
      g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” is empty: there is no text to import. Check that you chose the right file."),
                   name);
      return NULL;
    }
  if ((kind = unsupported_kind (bytes)) != NULL)
    {
      g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_UNSUPPORTED,
                   /* Translators: the first %s is a file name, the second a kind of file (“an image”) */
                   _("“%s” is %s, which Askarov cannot read. Import a PDF, a web page (HTML) or a text file."),
                   name, kind);
      return NULL;
    }

  imported = g_new0 (AskarovImportedText, 1);
  format = askarov_import_sniff_format (bytes, name);
  imported->format = g_strdup (format);
  imported->source_name = g_strdup (name);

  if (g_str_equal (format, ASKAROV_IMPORT_FORMAT_PDF))
    {
      if (!read_pdf (bytes, name, cancellable, &raw, &title, error))
        return NULL;
    }
  else
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);
      g_autoptr(GBytes) converted = NULL;

      /* UTF-16 with a byte-order mark is text too (Windows' "Unicode"). */
      if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
        {
          gsize written = 0;
          char *utf8 = g_convert (data + 2, length - 2, "UTF-8", data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE",
                                  NULL, &written, NULL);

          if (utf8 == NULL)
            {
              g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_BAD_ENCODING,
                           /* Translators: %s is a file name */
                           _("“%s” was not imported: its UTF-16 text is damaged. Open it in a text editor, save it "
                             "with the UTF-8 encoding and import it again."),
                           name);
              return NULL;
            }
          converted = g_bytes_new_take (utf8, written);
          data = g_bytes_get_data (converted, &length);
        }
      else if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        {
          data += 3;
          length -= 3;
        }

      if (g_str_equal (format, ASKAROV_IMPORT_FORMAT_HTML))
        {
          g_autoptr(GBytes) html = g_bytes_new_static (data, length);

          if (memchr (data, '\0', length) != NULL)
            {
              g_autofree char *ignored = NULL;
              g_autofree char *ignored_encoding = NULL;
              gboolean repaired;

              /* Reports the binary data with the usual message. */
              check_text_bytes (data, length, name, &ignored, &repaired, &ignored_encoding, error);
              return NULL;
            }
          if (!import_read_html (html, name, &raw, &title, error))
            return NULL;
        }
      else if (!check_text_bytes (data, length, name, &raw, &imported->repaired, &imported->encoding, error))
        return NULL;
    }

  imported->text = normalise_text (raw);
  if (is_blank (imported->text))
    {
      g_set_error (error, ASKAROV_IMPORT_ERROR, ASKAROV_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: there is no text to import. Check that you chose the right file."),
                   name);
      return NULL;
    }
  if (!check_size (strlen (imported->text), ASKAROV_IMPORT_MAX_TEXT_SIZE, name, error))
    return NULL;

  imported->title = title != NULL ? g_steal_pointer (&title) : first_line (imported->text);
  if (imported->title == NULL)
    imported->title = g_strdup (name);
  imported->content_hash = askarov_import_hash_text (imported->text);
  return g_steal_pointer (&imported);
}

/**
 * askarov_import_read_bytes:
 * @bytes: a whole file
 * @name: (nullable): its display name, for messages and sniffing; NULL or "-" for standard input
 * @error: an ASKAROV_IMPORT_ERROR whose message names the file and says what to do
 *
 * Converts and checks a document. Thread-safe; call it from a worker.
 *
 * Returns: (transfer full): the text, or NULL with @error set.
 */
AskarovImportedText *
askarov_import_read_bytes (GBytes      *bytes,
                           const char  *name,
                           GError     **error)
{
  return read_bytes (bytes, name, NULL, error);
}

/**
 * askarov_import_read_file:
 * @file: the file to read
 * @cancellable: (nullable): a #GCancellable
 * @error: an ASKAROV_IMPORT_ERROR, or a G_IO_ERROR when the file cannot be read
 *
 * Blocking: for workers and tests. The size is checked before the file is loaded.
 */
AskarovImportedText *
askarov_import_read_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *fallback = NULL;
  const char *name;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      explain_io_error (file, g_steal_pointer (&local_error), error);
      return NULL;
    }
  name = g_file_info_get_display_name (info);
  if (name == NULL)
    name = fallback = g_file_get_basename (file);
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
      && !check_size (g_file_info_get_size (info), ASKAROV_IMPORT_MAX_FILE_SIZE, name, error))
    return NULL;

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      explain_io_error (file, g_steal_pointer (&local_error), error);
      return NULL;
    }
  return read_bytes (bytes, name, cancellable, error);
}

void
askarov_import_read_file_async (GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, askarov_import_read_file_async);
  /* GFile is immutable and thread-safe: a reference will do. */
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_file_worker);
}

AskarovImportedText *
askarov_import_read_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == askarov_import_read_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
