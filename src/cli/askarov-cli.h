/* askarov-cli.h — the command-line modes that work without a window.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit status for a command line the user got wrong (unknown value, bad file). */
#define ASKAROV_CLI_EXIT_USAGE 2

void askarov_cli_add_options (GApplication *app);
int  askarov_cli_handle      (GVariantDict *options,
                              const char   *database_path);
int  askarov_cli_run_headless (int          argc,
                               char       **argv,
                               const char  *database_path);

G_END_DECLS
