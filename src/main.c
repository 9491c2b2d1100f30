/* main.c — sets up translations and runs the application.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "askarov-application.h"
#include "askarov-cli.h"
#include "askarov-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AskarovApplication) app = NULL;
  g_autofree char *db_path = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --import FILE… and --list-cases never open a window. */
  db_path = askarov_store_default_path ();
  if ((status = askarov_cli_run_headless (argc, argv, db_path)) >= 0)
    return status;

  app = askarov_application_new (APP_ID);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
