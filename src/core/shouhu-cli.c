/* shouhu-cli.c — the command-line jobs (no display needed)
 *
 * The jobs run before any window exists, so scripts, benchmarks and
 * tests use them without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-cli.h"
#include "shouhu-annex1.h"
#include "shouhu-store.h"

#include <glib/gi18n-lib.h>
/* PRId64, not G_GINT64_FORMAT, in translated strings: xgettext and the .mo
 * format know the <inttypes.h> macros, so the message stays translatable. */
#include <inttypes.h>
#include <stdio.h>

static const GOptionEntry options[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database in FILE instead of the default one"), N_("FILE") },
  { "load-notice-figures", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the Annex 1 figures published in the notice (as of 2020-02-07) and exit"), NULL },
  { NULL }
};

const GOptionEntry *
shouhu_cli_get_options (void)
{
  return options;
}

static ShouhuStore *
open_store (GVariantDict *dict)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ShouhuStore *store;

  g_variant_dict_lookup (dict, "database", "^ay", &path);
  store = shouhu_store_open (path, &error);
  if (store == NULL)
    g_printerr ("%s\n", error->message);
  return store;
}

static int
load_notice_figures (GVariantDict *dict)
{
  g_autoptr(ShouhuStore) store = open_store (dict);
  g_autoptr(ShouhuAnnex1Table) table = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exists = FALSE;
  ShouhuCount sum;

  if (store == NULL)
    return 1;

  if (shouhu_annex1_notice_loaded_as_is (store, &exists, &error))
    {
      g_print (_("The figures of the notice (as of %s) are already in %s; nothing was changed.\n"),
               SHOUHU_NOTICE_DATE, shouhu_store_get_path (store));
      return 0;
    }
  if (error != NULL || !shouhu_annex1_load_notice_figures (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  table = shouhu_annex1_load (store, SHOUHU_NOTICE_DATE, &error);
  if (table == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  sum = shouhu_annex1_grand_total (table);
  g_print (exists ? _("Replaced the Annex 1 figures as of %s in %s with those of the notice.\n")
                  : _("Loaded the Annex 1 figures as of %s into %s.\n"),
           SHOUHU_NOTICE_DATE, shouhu_store_get_path (store));
  g_print (_("Total: %" PRId64 ", of whom supporting Hubei: %" PRId64 "\n"),
           sum.total, sum.hubei);
  for (int b = 1; b <= table->n_batches; b++)
    {
      g_autofree char *label = shouhu_annex1_batch_label (b);
      ShouhuCount s = shouhu_annex1_batch_sum (table, b);

      g_print (_("%s: %" PRId64 ", of whom supporting Hubei: %" PRId64 "\n"),
               label, s.total, s.hubei);
    }
  return 0;
}

/**
 * shouhu_cli_run:
 *
 * Returns: the exit status of the job asked for, or -1 when the options
 * ask for none (then the window opens)
 */
int
shouhu_cli_run (GVariantDict *dict)
{
  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("shouhu %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (dict, "load-notice-figures"))
    return load_notice_figures (dict);

  return -1;
}
