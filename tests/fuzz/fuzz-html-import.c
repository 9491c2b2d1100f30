/* fuzz-html-import.c — libFuzzer target: any bytes imported as a web page, then extracted.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "askarov-extractor.h"
#include "askarov-importer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AskarovImportedText) imported = NULL;
  g_autoptr(AskarovFacts) facts = NULL;
  g_autoptr(GError) error = NULL;

  /* PDFs go to poppler, which this target does not set out to fuzz. */
  if (g_strstr_len ((const char *) data, MIN (size, 1024), "%PDF-") != NULL)
    return -1;

  bytes = g_bytes_new (data, size);
  imported = askarov_import_read_bytes (bytes, "fuzz.html", &error);
  if (imported == NULL)
    {
      if (error == NULL || error->domain != ASKAROV_IMPORT_ERROR || *error->message == '\0')
        g_error ("A failed import must say why");
      return 0;
    }

  if (!g_utf8_validate (imported->text, -1, NULL) || *imported->text == '\0'
      || imported->title == NULL || strlen (imported->content_hash) != 64)
    g_error ("An import returned bad text");
  facts = askarov_extract (imported->text);
  return 0;
}
