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
#include "shouhu-import.h"
#include "shouhu-store.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

static const GOptionEntry options[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database in FILE instead of the default one"), N_("FILE") },
  { "load-notice-figures", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the Annex 1 figures published in the notice (as of 2020-02-07) and exit"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the Annex 1 workbook FILE.xlsx; nothing is written when a row is rejected"), N_("FILE.xlsx") },
  { "accept-valid", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: import the valid rows even when others were rejected, and replace the figures already stored for that date"), NULL },
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
  g_print (_("Total: %" G_GINT64_FORMAT ", of whom supporting Hubei: %" G_GINT64_FORMAT "\n"),
           sum.total, sum.hubei);
  for (int b = 1; b <= table->n_batches; b++)
    {
      g_autofree char *label = shouhu_annex1_batch_label (b);
      ShouhuCount s = shouhu_annex1_batch_sum (table, b);

      g_print (_("%s: %" G_GINT64_FORMAT ", of whom supporting Hubei: %" G_GINT64_FORMAT "\n"),
               label, s.total, s.hubei);
    }
  return 0;
}

static void
print_import_summary (ShouhuAnnex1Import *import)
{
  g_print (_("Annex 1 as of %s in %s\n"), import->table->as_of, import->file_name);
  g_print (_("District rows read: %u of %d\n"), import->n_districts, SHOUHU_N_DISTRICTS);
  g_print (_("Rejected rows: %u\n"), import->rejected->len);
  for (guint i = 0; i < import->rejected->len; i++)
    {
      const ShouhuImportRejection *r = g_ptr_array_index (import->rejected, i);

      g_print (_("  sheet “%s”, row %u: %s\n"), r->sheet, r->row, r->reason);
    }
}

static int
import_file (GVariantDict *dict)
{
  g_autoptr(ShouhuAnnex1Import) import = NULL;
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean accept = g_variant_dict_contains (dict, "accept-valid");
  gboolean refused = FALSE;

  g_variant_dict_lookup (dict, "import", "^ay", &path);
  import = shouhu_import_annex1_from_file (path, &error);
  if (import == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  store = open_store (dict);
  if (store == NULL)
    return 1;
  if (!shouhu_import_annex1_preview (store, import, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  print_import_summary (import);
  if (import->n_districts == 0)
    {
      g_printerr (_("Nothing was written: no district row could be read.\n"));
      return 1;
    }
  if (import->rejected->len > 0 && !accept)
    {
      g_printerr (_("Nothing was written: %u rows were rejected. Correct them, or run again with --accept-valid to import only the valid rows.\n"),
                  import->rejected->len);
      refused = TRUE;
    }
  if (import->date_differs && !accept)
    {
      g_printerr (_("Nothing was written: %s already holds different Annex 1 figures as of %s, which this import would replace. Run again with --accept-valid to confirm replacing them.\n"),
                  shouhu_store_get_path (store), import->table->as_of);
      refused = TRUE;
    }
  if (refused)
    return 1;

  if (import->date_exists && !import->date_differs)
    {
      g_print (_("%s already holds these figures as of %s; nothing was changed.\n"),
               shouhu_store_get_path (store), import->table->as_of);
      return 0;
    }
  if (!shouhu_import_annex1_write (store, import, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (import->date_exists ? _("Replaced the Annex 1 figures as of %s in %s.\n")
                               : _("Imported the Annex 1 figures as of %s into %s.\n"),
           import->table->as_of, shouhu_store_get_path (store));
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

  if (g_variant_dict_contains (dict, "import"))
    return import_file (dict);

  return -1;
}
