/* askarov-cli-private.h — the command-line modes, one file each.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-letter-pack.h"

G_BEGIN_DECLS

int askarov_cli_extract        (const char   *path);
/* The case is closed and its outcome calls for no letter. */
#define ASKAROV_CLI_EXIT_NO_LETTER 3

int askarov_cli_write_letter   (GVariantDict *options,
                                const char   *database_path);
int askarov_cli_letter_pack    (GVariantDict *options,
                                const char   *database_path);

/* askarov-cli-letter.c, shared with --letter-pack */
int                askarov_cli_usage_error      (const char               *message);
char              *askarov_cli_list_languages   (void);
gboolean           askarov_cli_read_preferences (AskarovLetterPackOptions *options);
AskarovLetterCase *askarov_cli_load_case        (const char               *database_path,
                                                 const char               *case_arg,
                                                 int                      *status);
int askarov_cli_export_actions (const char   *path,
                                const char   *database_path);
int askarov_cli_import_actions (const char   *path,
                                const char   *database_path);

int askarov_cli_import         (const char * const *paths,
                                const char   *name,
                                const char   *database_path);
int askarov_cli_list_cases     (const char   *database_path);

G_END_DECLS
