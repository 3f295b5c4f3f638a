/* shouhu-cli.c — the command-line jobs (no display needed)
 *
 * The jobs run before any window exists, so scripts, benchmarks and
 * tests use them without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-cli-private.h"
#include "shouhu-annex1.h"
#include "shouhu-date.h"
#include "shouhu-export.h"
#include "shouhu-import.h"
#include "shouhu-import-ledger.h"
#include "shouhu-purge.h"
#include "shouhu-store.h"
#include "shouhu-terminal.h"
#include "shouhu-validate.h"
#include "shouhu-work-report.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
/* PRId64, not G_GINT64_FORMAT, in translated strings: xgettext and the .mo
 * format know the <inttypes.h> macros, so the message stays translatable. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const GOptionEntry options[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database in FILE instead of the default one"), N_("FILE") },
  { "load-notice-figures", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the Annex 1 figures published in the notice (as of 2020-02-07) and exit"), NULL },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export a workbook (annex1, annex2, summary, volunteers: the volunteers’ roster, or work-report: "
       "the work report) and exit"),
    N_("WORKBOOK") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the exported workbook to FILE.xlsx"), N_("FILE") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export the Annex 1 figures as of DATE (YYYY-MM-DD; the latest by default)"), N_("DATE") },
  { "district", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export only the Annex 2 form, the volunteers or the work report of DISTRICT, or purge only its "
       "personal data (all districts by default); with --propose-pairings, the district to pair"), N_("DISTRICT") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export work-report: the first day of the period (YYYY-MM-DD)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export work-report: the last day of the period (YYYY-MM-DD)"), N_("DATE") },
  { "masked", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Mask personal data in every cell (phone and ID numbers, house numbers, home addresses "
       "below their town) for files that go to wider circles"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the Annex 1 or Annex 2 workbook, a volunteers’ roster or a service ledger FILE.xlsx; nothing is written when a row is rejected"), N_("FILE.xlsx") },
  { "accept-valid", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: import the valid rows even when others were rejected, and replace the figures already stored for that date"), NULL },
  { "remove-missing", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import of Annex 2: remove the stored records of the file’s districts that the file no longer holds (kept otherwise)"), NULL },
  { "duplicates", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import of Annex 2: what rows that are probably stored records are: “update” (update those records) or “new” (add new ones); without it they stop the import"),
    N_("update|new") },
  { "propose-pairings", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Propose a ready volunteer nearby for every family of --district without a ready 保底 guardian, "
       "print each proposal with its reason and exit; nothing is written without --apply"), NULL },
  { "max-per-volunteer", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --propose-pairings: at most N families per volunteer (3 by default)"), N_("N") },
  { "with-needs", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --propose-pairings: also propose a volunteer with the matching skill for each unmet need"), NULL },
  { "apply", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --propose-pairings: store the proposed pairings, in one step"), NULL },
  { "purge-personal", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Erase for good the personal data of Annex 2 (workers, volunteers, pairings, the service ledger, form headers, history) when the action has ended; Annex 1 stays. Asks first"), NULL },
  { "yes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --purge-personal: do not ask (for scripts)"), NULL },
  { NULL }
};

const GOptionEntry *
shouhu_cli_get_options (void)
{
  return options;
}

/* Names, cells, reasons and file names come from data: each is printed
 * through shouhu_terminal_safe(), kept in @texts until the job ends, so
 * that no escape sequence in them reaches the terminal. */
static const char *
safe (GPtrArray  *texts,
      const char *text)
{
  char *clean = shouhu_terminal_safe (text);

  g_ptr_array_add (texts, clean);
  return clean;
}

static GPtrArray *
safe_texts_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* Messages quote data (a file name, a cell): one line, no controls. */
void
shouhu_cli_print_error (const GError *error)
{
  g_autofree char *message = shouhu_terminal_safe (error->message);

  g_printerr ("%s\n", message);
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
    shouhu_cli_print_error (error);
  return store;
}

static int
load_notice_figures (GVariantDict *dict)
{
  g_autoptr(ShouhuStore) store = open_store (dict);
  g_autoptr(ShouhuAnnex1Table) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = safe_texts_new ();
  g_autofree char *notice_date = shouhu_format_date (SHOUHU_NOTICE_DATE);
  gboolean exists = FALSE, as_is = FALSE;
  ShouhuCount sum;

  if (store == NULL)
    return 1;

  if (!shouhu_annex1_check_notice_table (store, &exists, &as_is, &error))
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  if (as_is)
    {
      g_print (_("The figures of the notice (as of %s) are already in %s; nothing was changed.\n"),
               notice_date, safe (texts, shouhu_store_get_path (store)));
      return 0;
    }
  if (!shouhu_annex1_load_notice_figures (store, &error))
    {
      shouhu_cli_print_error (error);
      return 1;
    }

  table = shouhu_annex1_load (store, SHOUHU_NOTICE_DATE, &error);
  if (table == NULL)
    {
      shouhu_cli_print_error (error);
      return 1;
    }

  sum = shouhu_annex1_grand_total (table);
  g_print (exists ? _("Replaced the Annex 1 figures as of %s in %s with those of the notice.\n")
                  : _("Loaded the Annex 1 figures as of %s into %s.\n"),
           notice_date, safe (texts, shouhu_store_get_path (store)));
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

/* libxlsxwriter prints its own diagnostics, English and about its
 * internals, on stderr; the job says what went wrong in a message of its
 * own instead.  Returns the real stderr, to give back with
 * restore_stderr(). */
static int
silence_stderr (void)
{
  int saved, null;

  fflush (stderr);
  saved = dup (STDERR_FILENO);
  null = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  if (saved >= 0 && null >= 0)
    dup2 (null, STDERR_FILENO);
  if (null >= 0)
    close (null);
  return saved;
}

static void
restore_stderr (int saved)
{
  if (saved < 0)
    return;
  fflush (stderr);
  dup2 (saved, STDERR_FILENO);
  close (saved);
}

static gboolean
parse_export_kind (const char       *name,
                   ShouhuExportKind *kind)
{
  static const struct { const char *name; ShouhuExportKind kind; } kinds[] = {
    { "annex1", SHOUHU_EXPORT_ANNEX1 },
    { "annex2", SHOUHU_EXPORT_ANNEX2 },
    { "summary", SHOUHU_EXPORT_SUMMARY },
    { "volunteers", SHOUHU_EXPORT_VOLUNTEERS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (name, kinds[i].name) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* --export work-report --from D --to D [--district D] [--masked] --output F */
static int
export_work_report (GVariantDict *dict,
                    const char   *output,
                    int           district_id)
{
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = safe_texts_new ();
  g_autofree char *from_text = NULL, *to_text = NULL, *from = NULL, *to = NULL;
  gboolean done;
  int saved_stderr;

  g_variant_dict_lookup (dict, "from", "s", &from_text);
  g_variant_dict_lookup (dict, "to", "s", &to_text);
  if (from_text == NULL || to_text == NULL)
    {
      g_printerr (_("Say which period the work report covers with --from YYYY-MM-DD --to YYYY-MM-DD\n"));
      return 2;
    }
  if (!shouhu_validate_date ("--from", from_text, &from, &error) ||
      !shouhu_validate_date ("--to", to_text, &to, &error))
    {
      shouhu_cli_print_error (error);
      return 2;
    }

  store = open_store (dict);
  if (store == NULL)
    return 1;
  saved_stderr = silence_stderr ();
  done = shouhu_work_report_run (store, from, to, district_id, g_variant_dict_contains (dict, "masked"),
                                 output, &error);
  restore_stderr (saved_stderr);
  if (!done)
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  g_print (_("Exported %s\n"), safe (texts, output));
  return 0;
}

static int
export (GVariantDict *dict)
{
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind_name = NULL, *output = NULL, *date_text = NULL, *date = NULL;
  g_autofree char *district_name = NULL;
  g_autoptr(GPtrArray) texts = safe_texts_new ();
  ShouhuExportKind kind = SHOUHU_EXPORT_ANNEX1;
  gboolean work_report;
  int district_id = 0;
  gboolean done;
  int saved_stderr;

  g_variant_dict_lookup (dict, "export", "s", &kind_name);
  g_variant_dict_lookup (dict, "output", "^ay", &output);
  g_variant_dict_lookup (dict, "date", "s", &date_text);
  g_variant_dict_lookup (dict, "district", "s", &district_name);

  work_report = g_strcmp0 (kind_name, "work-report") == 0;
  if (!work_report && !parse_export_kind (kind_name, &kind))
    {
      g_printerr (_("Unknown workbook “%s”: use annex1, annex2, summary, volunteers or work-report\n"),
                  safe (texts, kind_name));
      return 2;
    }
  if (!work_report && (g_variant_dict_contains (dict, "from") || g_variant_dict_contains (dict, "to")))
    {
      g_printerr (_("--from and --to apply to the work report only (--export work-report)\n"));
      return 2;
    }
  if (output == NULL || *output == '\0')
    {
      g_printerr (_("Say where to write the workbook with --output FILE.xlsx\n"));
      return 2;
    }
  if (work_report && date_text != NULL)
    {
      g_printerr (_("--date does not apply to the work report: give its period with --from and --to\n"));
      return 2;
    }
  if (date_text != NULL && !shouhu_validate_date ("--date", date_text, &date, &error))
    {
      shouhu_cli_print_error (error);
      return 2;
    }
  if (district_name != NULL)
    {
      const ShouhuDistrict *d = shouhu_district_lookup (district_name);

      if (d == NULL)
        {
          g_printerr (_("“%s” is not one of the 41 district units of the notice\n"),
                      safe (texts, district_name));
          return 2;
        }
      if (!work_report && kind != SHOUHU_EXPORT_ANNEX2 && kind != SHOUHU_EXPORT_VOLUNTEERS)
        {
          g_printerr (_("--district applies to the Annex 2 workbook, the volunteers’ roster and the work report only\n"));
          return 2;
        }
      district_id = d->id;
    }
  if (work_report)
    return export_work_report (dict, output, district_id);

  store = open_store (dict);
  if (store == NULL)
    return 1;
  saved_stderr = silence_stderr ();
  done = shouhu_export_run (store, kind, date, district_id,
                            g_variant_dict_contains (dict, "masked"), output, &error);
  restore_stderr (saved_stderr);
  if (!done)
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  g_print (_("Exported %s\n"), safe (texts, output));
  return 0;
}

/* @n_rejected: all of them; @rejected lists the first */
static void
print_rejections (GPtrArray *rejected,
                  guint      n_rejected)
{
  g_print (_("Rejected rows: %u\n"), n_rejected);
  for (guint i = 0; i < rejected->len; i++)
    {
      const ShouhuImportRejection *r = g_ptr_array_index (rejected, i);
      g_autoptr(GPtrArray) texts = safe_texts_new ();

      g_print (_("  sheet “%s”, row %u: %s\n"), safe (texts, r->sheet), r->row, safe (texts, r->reason));
    }
  if (n_rejected > rejected->len)
    g_print (_("  … and %u more rejected rows, not listed\n"), n_rejected - rejected->len);
}

static void
print_import_summary (ShouhuAnnex1Import *import)
{
  g_autoptr(GPtrArray) texts = safe_texts_new ();
  g_autofree char *date = shouhu_format_date (import->table->as_of);

  g_print (_("Annex 1 as of %s in %s\n"), date, safe (texts, import->file_name));
  g_print (_("District rows read: %u of %d\n"), import->n_districts, SHOUHU_N_DISTRICTS);
  for (guint i = 0; i < import->notes->len; i++)
    g_print ("  %s\n", safe (texts, g_ptr_array_index (import->notes, i)));
  print_rejections (import->rejected, import->n_rejected);
}

static int
import_annex1 (ShouhuStore        *store,
               ShouhuAnnex1Import *import,
               gboolean            accept)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = safe_texts_new ();
  const char *path = safe (texts, shouhu_store_get_path (store));
  g_autofree char *date = shouhu_format_date (import->table->as_of);
  gboolean refused = FALSE;

  print_import_summary (import);
  if (import->n_districts == 0)
    {
      g_printerr (_("Nothing was written: no district row could be read.\n"));
      return 1;
    }
  if (import->n_rejected > 0 && !accept)
    {
      g_printerr (_("Nothing was written: %u rows were rejected. Correct them, or run again with --accept-valid to import only the valid rows.\n"),
                  import->n_rejected);
      refused = TRUE;
    }
  if (import->date_differs && !accept)
    {
      g_printerr (_("Nothing was written: %s already holds different Annex 1 figures as of %s, which this import would replace. Run again with --accept-valid to confirm replacing them.\n"),
                  path, date);
      refused = TRUE;
    }
  if (refused)
    return 1;

  if (import->date_exists && !import->date_differs)
    {
      g_print (_("%s already holds these figures as of %s; nothing was changed.\n"), path, date);
      return 0;
    }
  if (!shouhu_import_annex1_write (store, import, &error))
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  g_print (import->date_exists ? _("Replaced the Annex 1 figures as of %s in %s.\n")
                               : _("Imported the Annex 1 figures as of %s into %s.\n"),
           date, path);
  return 0;
}

/* @list lists at most this many new records; the rest are counted. */
#define MAX_NEW_LISTED 1000

static void
print_fields (const ShouhuAnnex2ImportChange *c)
{
  for (guint f = 0; f < c->fields->len; f++)
    {
      const ShouhuImportFieldChange *fc = g_ptr_array_index (c->fields, f);
      g_autoptr(GPtrArray) texts = safe_texts_new ();

      /* Translators: one field an import changes: label, old value → new value */
      g_print (_("      %s: “%s” → “%s”\n"), shouhu_annex2_field_label (fc->field),
               safe (texts, fc->old_value), safe (texts, fc->new_value));
    }
}

static void
print_annex2_changes (ShouhuAnnex2Import *import,
                      ShouhuImportAction  action)
{
  guint listed = 0, n = 0;

  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuAnnex2ImportChange *c = g_ptr_array_index (import->changes, i);
      g_autoptr(GPtrArray) texts = NULL;
      const char *sheet, *name;

      if (c->action != action)
        continue;
      n++;
      if (action == SHOUHU_IMPORT_NEW && listed >= MAX_NEW_LISTED)
        continue;
      listed++;
      texts = safe_texts_new ();
      sheet = safe (texts, c->row->sheet);
      name = safe (texts, c->row->worker->name);
      if (action == SHOUHU_IMPORT_UPDATE)
        g_print (_("  sheet “%s”, row %u: %s (record %" PRId64 ")\n"), sheet, c->row->row, name, c->worker_id);
      else if (action == SHOUHU_IMPORT_UNDECIDED)
        g_print (_("  sheet “%s”, row %u: %s is probably record %" PRId64 ": %s; updating it would change:\n"),
                 sheet, c->row->row, name, c->probable_id, safe (texts, c->probable_reason));
      else if (c->probable_id != 0)
        g_print (_("  sheet “%s”, row %u: %s (a new record, though probably record %" PRId64 ": %s)\n"),
                 sheet, c->row->row, name, c->probable_id, safe (texts, c->probable_reason));
      else
        g_print (_("  sheet “%s”, row %u: %s\n"), sheet, c->row->row, name);
      print_fields (c);
    }
  if (n > listed)
    g_print (_("  … and %u more\n"), n - listed);
}

static void
print_annex2_preview (ShouhuAnnex2Import *import)
{
  g_autoptr(GPtrArray) texts = safe_texts_new ();

  g_print (_("Annex 2 in %s: %u district forms\n"), safe (texts, import->file_name), import->forms->len);
  for (guint i = 0; i < import->notes->len; i++)
    g_print ("  %s\n", safe (texts, g_ptr_array_index (import->notes, i)));
  g_print (_("New records: %u\n"), import->n_new);
  print_annex2_changes (import, SHOUHU_IMPORT_NEW);
  g_print (_("Updated records: %u\n"), import->n_updated);
  print_annex2_changes (import, SHOUHU_IMPORT_UPDATE);
  if (import->n_undecided > 0)
    {
      g_print (_("Likely duplicates: %u\n"), import->n_undecided);
      print_annex2_changes (import, SHOUHU_IMPORT_UNDECIDED);
    }
  g_print (_("Records already stored as they are: %u\n"), import->n_unchanged);
  g_print (_("In the database but not in this file (在库中但不在此文件中): %u\n"), import->missing->len);
  for (guint i = 0; i < import->missing->len; i++)
    {
      const ShouhuAnnex2ImportMissing *m = g_ptr_array_index (import->missing, i);
      g_autoptr(GPtrArray) row_texts = safe_texts_new ();

      g_print (_("  record %" PRId64 ": %s, %s, %s %s\n"), m->worker_id, safe (row_texts, m->name),
               shouhu_district_get (m->district_id)->name, safe (row_texts, m->hospital),
               safe (row_texts, m->phone));
    }
  print_rejections (import->rejected, import->n_rejected);
}

static int
import_annex2 (ShouhuStore        *store,
               ShouhuAnnex2Import *import,
               GVariantDict       *dict)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *duplicates = NULL;
  gboolean accept = g_variant_dict_contains (dict, "accept-valid");
  gboolean refused = FALSE;

  import->remove_missing = g_variant_dict_contains (dict, "remove-missing");
  if (g_variant_dict_lookup (dict, "duplicates", "s", &duplicates))
    {
      if (g_strcmp0 (duplicates, "update") == 0)
        import->duplicates = SHOUHU_IMPORT_CHOICE_UPDATE;
      else if (g_strcmp0 (duplicates, "new") == 0)
        import->duplicates = SHOUHU_IMPORT_CHOICE_NEW;
      else
        {
          g_autofree char *shown = shouhu_terminal_safe (duplicates);

          g_printerr (_("--duplicates takes “update” or “new”, not “%s”\n"), shown);
          return 2;
        }
      if (!shouhu_import_annex2_preview (store, import, &error))
        {
          shouhu_cli_print_error (error);
          return 1;
        }
    }
  print_annex2_preview (import);

  if (import->n_rejected > 0 && !accept)
    {
      g_printerr (_("Nothing was written: %u rows were rejected. Correct them, or run again with --accept-valid to import only the valid rows.\n"),
                  import->n_rejected);
      refused = TRUE;
    }
  if (import->n_undecided > 0)
    {
      g_printerr (_("Nothing was written: %u rows are probably records already stored. Run again with --duplicates=update to update those records, or --duplicates=new to add them as new records.\n"),
                  import->n_undecided);
      refused = TRUE;
    }
  if (refused)
    return 1;
  if (!shouhu_import_annex2_write (store, import, &error))
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  /* What was written, as the write counted it. */
  {
    g_autofree char *path = shouhu_terminal_safe (shouhu_store_get_path (store));

    g_print (_("Imported into %s: %u new, %u updated and %u removed records; %u missing records kept.\n"),
             path, import->n_new, import->n_updated, import->n_removed,
             import->missing->len - import->n_removed);
  }
  return 0;
}

static void
print_roster_changes (ShouhuRosterImport *import,
                      ShouhuImportAction  action)
{
  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuRosterImportChange *c = g_ptr_array_index (import->changes, i);
      g_autoptr(GPtrArray) texts = NULL;

      if (c->action != (int) action)
        continue;
      texts = safe_texts_new ();
      if (action == SHOUHU_IMPORT_UPDATE)
        g_print (_("  sheet “%s”, row %u: %s (%s)\n"), safe (texts, c->row->sheet), c->row->row,
                 safe (texts, c->row->volunteer->name), safe (texts, c->changes));
      else
        g_print (_("  sheet “%s”, row %u: %s\n"), safe (texts, c->row->sheet), c->row->row,
                 safe (texts, c->row->volunteer->name));
    }
}

static int
import_roster (ShouhuStore        *store,
               ShouhuRosterImport *import,
               gboolean            accept)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = safe_texts_new ();

  g_print (_("Volunteers’ roster in %s: %u sheets\n"), safe (texts, import->file_name), import->n_sheets);
  if (import->ignored_headings->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (import->ignored_headings, NULL);
      names = g_strjoinv ("、", (char **) import->ignored_headings->pdata);
      g_ptr_array_remove_index (import->ignored_headings, import->ignored_headings->len - 1);
      g_print (_("Columns passed over (not fields of a volunteer): %s\n"), safe (texts, names));
    }
  g_print (_("New volunteers: %u\n"), import->n_new);
  print_roster_changes (import, SHOUHU_IMPORT_NEW);
  g_print (_("Updated volunteers: %u\n"), import->n_updated);
  print_roster_changes (import, SHOUHU_IMPORT_UPDATE);
  g_print (_("Volunteers already stored as they are: %u\n"), import->n_unchanged);
  print_rejections (import->rejected, import->rejected->len);

  if (import->rejected->len > 0 && !accept)
    {
      g_printerr (_("Nothing was written: %u rows were rejected. Correct them, or run again with --accept-valid to import only the valid rows.\n"),
                  import->rejected->len);
      return 1;
    }
  if (!shouhu_import_roster_write (store, import, &error))
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  g_print (_("Imported into %s: %u new and %u updated volunteers.\n"),
           safe (texts, shouhu_store_get_path (store)), import->n_new, import->n_updated);
  return 0;
}

/* A ledger is all or nothing, --accept-valid or not: a line left out would
 * be missing from the counts sent upward without anyone seeing it. */
static int
import_ledger (ShouhuStore        *store,
               ShouhuLedgerImport *import,
               gboolean            accept)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = safe_texts_new ();

  g_print (_("Service ledger in %s: %u lines read\n"), safe (texts, import->file_name), import->rows->len);
  g_print (_("New service records: %u\n"), import->n_new);
  for (guint i = 0; i < import->rows->len; i++)
    {
      const ShouhuLedgerImportRow *r = import->rows->pdata[i];
      g_autoptr(GPtrArray) row_texts = NULL;

      if (r->service == NULL || r->already)
        continue;
      row_texts = safe_texts_new ();
      g_print (_("  sheet “%s”, row %u: %s, %s, %s\n"), safe (row_texts, r->sheet), r->row,
               safe (row_texts, r->day), safe (row_texts, r->family), shouhu_service_kind_name (r->kind));
    }
  g_print (_("Lines already recorded: %u\n"), import->n_already);
  print_rejections (import->rejected, import->rejected->len);

  if (import->rejected->len > 0)
    {
      g_printerr (_("Nothing was written: %u lines of the ledger were rejected. Correct them and import the "
                    "ledger again.\n"), import->rejected->len);
      if (accept)
        g_printerr (_("--accept-valid does not apply to a ledger: every line counts in the reports sent upward.\n"));
      return 1;
    }
  if (!shouhu_import_ledger_write (store, import, &error))
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  g_print (_("Imported into %s: %u new service records.\n"),
           safe (texts, shouhu_store_get_path (store)), import->n_new);
  return 0;
}

static int
import_file (GVariantDict *dict)
{
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean accept = g_variant_dict_contains (dict, "accept-valid");

  g_variant_dict_lookup (dict, "import", "^ay", &path);
  import = shouhu_import_from_file (path, &error);
  if (import == NULL)
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  store = open_store (dict);
  if (store == NULL)
    return 1;
  if (!shouhu_import_preview (store, import, &error))
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  if (import->kind == SHOUHU_IMPORT_ANNEX1)
    return import_annex1 (store, import->annex1, accept);
  if (import->kind == SHOUHU_IMPORT_LEDGER)
    return import_ledger (store, import->ledger, accept);
  if (import->kind == SHOUHU_IMPORT_ROSTER)
    return import_roster (store, import->roster, accept);
  return import_annex2 (store, import->annex2, dict);
}

/* ---- Erasing personal data -------------------------------------------------- */

static void
print_purge_counts (const ShouhuPurgeCounts *c)
{
  g_print (_("  Records of frontline workers: %" PRId64 "\n"), c->workers);
  g_print (_("  Volunteers: %" PRId64 "\n"), c->volunteers);
  g_print (_("  Pairings of a volunteer with a family: %" PRId64 "\n"), c->pairings);
  g_print (_("  Services recorded in the ledger: %" PRId64 "\n"), c->services);
  g_print (_("  Form headers (reporter and phone): %" PRId64 "\n"), c->forms);
  g_print (_("  Rows of change history: %" PRId64 "\n"), c->history);
  g_print (_("  Copies of the database taken before upgrades: %u\n"), c->backups);
}

/* Asks on the terminal; only "yes" goes on. */
static gboolean
confirmed_on_terminal (void)
{
  char answer[64] = "";

  g_print (_("Type “yes” to erase them for good: "));
  fflush (stdout);
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;
  g_strstrip (answer);
  return g_ascii_strcasecmp (answer, "yes") == 0;
}

static int
purge_personal (GVariantDict *dict)
{
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = safe_texts_new ();
  g_autofree char *district_name = NULL;
  const ShouhuDistrict *d = NULL;
  ShouhuPurgeCounts counts;
  const char *path;

  if (g_variant_dict_lookup (dict, "district", "s", &district_name))
    {
      d = shouhu_district_lookup (district_name);
      if (d == NULL)
        {
          g_printerr (_("“%s” is not one of the 41 district units of the notice\n"),
                      safe (texts, district_name));
          return 2;
        }
    }
  store = open_store (dict);
  if (store == NULL)
    return 1;
  path = safe (texts, shouhu_store_get_path (store));
  if (!shouhu_purge_count (store, d ? d->id : 0, &counts, &error))
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  if (shouhu_purge_is_empty (&counts))
    {
      g_print (_("There is no personal data to erase in %s; nothing was changed.\n"), path);
      return 0;
    }

  if (d != NULL)
    g_print (_("This erases for good from %s the personal data of %s:\n"), path, d->name);
  else
    g_print (_("This erases for good from %s the personal data of all districts:\n"), path);
  print_purge_counts (&counts);
  g_print (_("The Annex 1 figures are kept.\n"));

  if (!g_variant_dict_contains (dict, "yes"))
    {
      if (!isatty (STDIN_FILENO))
        {
          g_printerr (_("Nothing was erased: there is no terminal to ask for confirmation. "
                        "Run again with --yes to confirm.\n"));
          return 1;
        }
      if (!confirmed_on_terminal ())
        {
          g_printerr (_("Nothing was erased.\n"));
          return 1;
        }
    }

  if (!shouhu_purge_personal (store, d ? d->id : 0, &counts, &error))
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  g_print (_("Erased from %s, and cleared from the file:\n"), path);
  print_purge_counts (&counts);
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

  if (g_variant_dict_contains (dict, "export"))
    return export (dict);

  if (g_variant_dict_contains (dict, "import"))
    return import_file (dict);

  if (g_variant_dict_contains (dict, "propose-pairings"))
    return shouhu_cli_propose_pairings (dict);

  if (g_variant_dict_contains (dict, "purge-personal"))
    return purge_personal (dict);

  return -1;
}

ShouhuStore *
shouhu_cli_open_store (GVariantDict *dict)
{
  return open_store (dict);
}
