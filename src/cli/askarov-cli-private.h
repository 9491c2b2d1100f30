/* askarov-cli-private.h — the command-line modes, one file each.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int askarov_cli_extract        (const char   *path);
int askarov_cli_write_letter   (GVariantDict *options,
                                const char   *database_path);
int askarov_cli_export_actions (const char   *path,
                                const char   *database_path);
int askarov_cli_import_actions (const char   *path,
                                const char   *database_path);

int askarov_cli_import         (const char * const *paths,
                                const char   *name,
                                const char   *database_path);
int askarov_cli_list_cases     (const char   *database_path);

G_END_DECLS
