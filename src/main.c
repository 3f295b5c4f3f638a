/* main.c — sets up translations and runs Shouhu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "shouhu-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShouhuApplication) app = NULL;

  const char *localedir = g_getenv ("SHOUHU_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* `meson devenv` points this at the build tree's translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = shouhu_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
