/* test-annex2-form.c — the one description of the Annex 2 form: the
 * table itself, and that the export, the import, masking, validation and
 * the history labels all follow it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-annex2-form.h"
#include "shouhu-export.h"
#include "shouhu-import.h"
#include "shouhu-mask.h"
#include "shouhu-test-util.h"
#include "shouhu-xlsx-reader.h"

#include <string.h>
#include <xlsxwriter.h>

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->dir = shouhu_test_temp_dir ();
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  shouhu_test_rm_rf (fx->dir);
  g_free (fx->dir);
}

/* A value of each field that its kind accepts, distinct per field. */
static const char *
sample (ShouhuAnnex2Field field)
{
  switch (shouhu_annex2_form_column (field)->kind)
    {
    case SHOUHU_FIELD_GENDER:
      return "女";
    case SHOUHU_FIELD_PHONE:
      return field == SHOUHU_ANNEX2_FIELD_PHONE ? "13812345678" : "13987654321";
    case SHOUHU_FIELD_ADDRESS:
      return "重庆市渝中区解放碑街道民族路1号";
    case SHOUHU_FIELD_VOLUNTEERS:
      return "周小红 13300001234";
    case SHOUHU_FIELD_DISTRICT:
      return "";
    case SHOUHU_FIELD_TEXT:
    default:
      return field == SHOUHU_ANNEX2_FIELD_NOTE ? "家属 13712345678" : shouhu_annex2_form_column (field)->key;
    }
}

static gboolean
is_written_as_compared (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || (c >= 0xFF10 && c <= 0xFF19))
        return FALSE;
    }
  return TRUE;
}

/* Every column is described in full, and no heading names two columns. */
static void
test_columns (void)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) headings = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_in_sheet = 0;

  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const ShouhuFormColumn *c = shouhu_annex2_form_column (f);

      g_assert_cmpint (c->field, ==, (int) f);
      g_assert_nonnull (c->key);
      g_assert_true (g_hash_table_add (keys, (gpointer) c->key));
      g_assert_cmpstr (c->heading, !=, "");
      g_assert_cmpstr (c->label, !=, "");
      g_assert_cmpstr (shouhu_annex2_field_label (f), !=, "");
      g_assert_true (shouhu_annex2_form_find_key (c->key) == c);
      if (c->required && c->in_sheet && c->kind != SHOUHU_FIELD_GENDER)
        g_assert_nonnull (c->missing);
      if (!c->in_sheet)
        continue;
      n_in_sheet++;
      g_assert_true (is_written_as_compared (c->heading));
      g_assert_true (g_hash_table_add (headings, (gpointer) c->heading));
      for (guint v = 0; c->variants != NULL && c->variants[v] != NULL; v++)
        {
          g_assert_true (is_written_as_compared (c->variants[v]));
          g_assert_true (g_hash_table_add (headings, (gpointer) c->variants[v]));
        }
    }
  /* The notice's form: 医院 to 备注 after 序号. */
  g_assert_cmpuint (n_in_sheet, ==, 10);
  g_assert_true (shouhu_annex2_form_column (SHOUHU_ANNEX2_FIELD_NAME)->identifies);
  g_assert_true (shouhu_annex2_form_column (SHOUHU_ANNEX2_FIELD_PHONE)->identifies);

  g_hash_table_remove_all (keys);
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      const ShouhuFormColumn *c = shouhu_volunteer_form_column (f);

      g_assert_cmpint (c->field, ==, (int) f);
      g_assert_true (g_hash_table_add (keys, (gpointer) c->key));
      g_assert_cmpstr (c->heading, !=, "");
      g_assert_cmpstr (shouhu_volunteer_field_label (f), !=, "");
      g_assert_true (shouhu_volunteer_form_find_key (c->key) == c);
    }
}

/* Each heading and each variant finds its column, whatever it is. */
static void
test_find_heading (void)
{
  g_assert_null (shouhu_annex2_form_find_heading ("序号"));
  g_assert_null (shouhu_annex2_form_find_heading ("区县"));   /* on the form's line */
  g_assert_null (shouhu_annex2_form_find_heading (""));
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const ShouhuFormColumn *c = shouhu_annex2_form_column (f);

      if (!c->in_sheet)
        continue;
      g_assert_true (shouhu_annex2_form_find_heading (c->heading) == c);
      for (guint v = 0; c->variants != NULL && c->variants[v] != NULL; v++)
        g_assert_true (shouhu_annex2_form_find_heading (c->variants[v]) == c);
    }
  /* Those that issue 11 asks for. */
  g_assert_cmpint (shouhu_annex2_form_find_heading ("家庭住址")->field, ==, SHOUHU_ANNEX2_FIELD_HOME_ADDRESS);
  g_assert_cmpint (shouhu_annex2_form_find_heading ("手机号码")->field, ==, SHOUHU_ANNEX2_FIELD_PHONE);
  g_assert_cmpint (shouhu_annex2_form_find_heading ("家属手机")->field, ==, SHOUHU_ANNEX2_FIELD_FAMILY_PHONE);
  g_assert_cmpint (shouhu_annex2_form_find_heading ("守护志愿者")->field, ==, SHOUHU_ANNEX2_FIELD_VOLUNTEERS);
  g_assert_cmpint (shouhu_annex2_form_find_heading ("一线工作地点")->field, ==, SHOUHU_ANNEX2_FIELD_WORK_PLACE);
  g_assert_cmpint (shouhu_annex2_form_find_heading ("所在医院")->field, ==, SHOUHU_ANNEX2_FIELD_HOSPITAL);
  g_assert_cmpint (shouhu_annex2_form_find_heading ("职称")->field, ==, SHOUHU_ANNEX2_FIELD_TITLE);
}

static GPtrArray *
one_sheet (void)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_export_annex2_sheet_free);
  ShouhuExportAnnex2Sheet *sheet = shouhu_export_annex2_sheet_new (1, "王芳", "023-63891234");
  const char *cells[SHOUHU_ANNEX2_N_FIELDS];

  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    cells[f] = sample (f);
  shouhu_export_annex2_sheet_add (sheet, cells);
  g_ptr_array_add (sheets, sheet);
  return sheets;
}

static const char *
cell_text (const ShouhuXlsxSheet *sheet,
           guint                  row,
           guint                  col)
{
  const ShouhuXlsxCell *cell = shouhu_xlsx_sheet_get_cell (sheet, row, col);

  return cell != NULL ? cell->text : "";
}

/* The export writes the table's headings in its order, and masks each
 * column by the table's rule. */
static void
test_export (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) sheets = one_sheet ();
  g_autofree char *plain_path = g_build_filename (fx->dir, "plain.xlsx", NULL);
  g_autofree char *masked_path = g_build_filename (fx->dir, "masked.xlsx", NULL);
  g_autoptr(ShouhuXlsxWorkbook) plain = NULL;
  g_autoptr(ShouhuXlsxWorkbook) masked = NULL;
  g_autoptr(GError) error = NULL;
  const ShouhuXlsxSheet *ps, *ms;
  guint col = 1;

  g_assert_true (shouhu_export_annex2 (sheets, FALSE, plain_path, &error));
  g_assert_true (shouhu_export_annex2 (sheets, TRUE, masked_path, &error));
  g_assert_no_error (error);
  plain = shouhu_xlsx_workbook_new_from_file (plain_path, &error);
  masked = shouhu_xlsx_workbook_new_from_file (masked_path, &error);
  g_assert_no_error (error);
  ps = shouhu_xlsx_workbook_get_sheet (plain, 0);
  ms = shouhu_xlsx_workbook_get_sheet (masked, 0);

  /* Row 4: the header; row 5: the worker. */
  g_assert_cmpstr (cell_text (ps, 3, 0), ==, SHOUHU_ANNEX2_FORM_NUMBER_HEADING);
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const ShouhuFormColumn *c = shouhu_annex2_form_column (f);

      if (!c->in_sheet)
        continue;
      g_assert_cmpstr (cell_text (ps, 3, col), ==, c->heading);
      g_assert_cmpstr (cell_text (ps, 4, col), ==, sample (f));
      {
        g_autofree char *cut = c->mask == SHOUHU_MASK_ADDRESS ? shouhu_mask_address (sample (f)) : NULL;
        g_autofree char *expected = shouhu_mask_text (cut != NULL ? cut : sample (f));

        g_assert_cmpstr (cell_text (ms, 4, col), ==, expected);
        /* Numbers that tell who someone is are hidden, in any column. */
        if (c->kind == SHOUHU_FIELD_PHONE || c->kind == SHOUHU_FIELD_VOLUNTEERS || c->mask == SHOUHU_MASK_ADDRESS)
          g_assert_cmpstr (expected, !=, sample (f));
      }
      col++;
    }
  g_assert_cmpstr (cell_text (ps, 3, col), ==, "");
}

/* A workbook of one form per sheet, sheet @k heading each column by its
 * k-th variant (its official heading where it has fewer). */
static char *
write_variant_forms (const char *dir,
                     guint       n_sheets)
{
  char *path = g_build_filename (dir, "variants.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);

  for (guint k = 0; k < n_sheets; k++)
    {
      lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);
      const char *district = shouhu_district_get ((int) k + 1)->name;
      g_autofree char *line = g_strdup_printf ("区县：%s　填报人：王芳　联系电话：023-63891234", district);
      guint col = 1;

      worksheet_write_string (ws, 0, 0, "附件2", NULL);
      worksheet_write_string (ws, 2, 0, line, NULL);
      worksheet_write_string (ws, 3, 0, SHOUHU_ANNEX2_FORM_NUMBER_HEADING, NULL);
      worksheet_write_number (ws, 4, 0, 1, NULL);
      for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
        {
          const ShouhuFormColumn *c = shouhu_annex2_form_column (f);
          guint n_variants = c->variants != NULL ? g_strv_length ((char **) c->variants) : 0;

          if (!c->in_sheet)
            continue;
          worksheet_write_string (ws, 3, col, k < n_variants ? c->variants[k] : c->heading, NULL);
          worksheet_write_string (ws, 4, col, sample (f), NULL);
          col++;
        }
    }
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return path;
}

/* The import takes every variant for its column. */
static void
test_import_variants (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(ShouhuAnnex2Import) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n_sheets = 0;

  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const ShouhuFormColumn *c = shouhu_annex2_form_column (f);

      if (c->variants != NULL)
        n_sheets = MAX (n_sheets, g_strv_length ((char **) c->variants));
    }
  g_assert_cmpuint (n_sheets, >, 1);
  path = write_variant_forms (fx->dir, n_sheets);
  import = shouhu_import_annex2_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->forms->len, ==, n_sheets);
  g_assert_cmpuint (import->rejected->len, ==, 0);
  g_assert_cmpuint (import->rows->len, ==, n_sheets);

  for (guint k = 0; k < n_sheets; k++)
    {
      const ShouhuAnnex2ImportRow *r = g_ptr_array_index (import->rows, k);

      g_assert_cmpint (r->worker->district_id, ==, (int) k + 1);
      g_autofree char *reason = NULL;
      g_autofree char *volunteers = shouhu_import_parse_volunteers (sample (SHOUHU_ANNEX2_FIELD_VOLUNTEERS), NULL,
                                                                    &reason);

      /* The reader keeps the volunteers read: names and phones. */
      g_assert_null (reason);
      g_assert_cmpstr (r->volunteers, ==, volunteers);
      for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
        if (shouhu_annex2_field_is_text (f))
          g_assert_cmpstr (shouhu_worker_get_field (r->worker, f), ==, sample (f));
    }
}

/* A record needs what the table marks required, and the error names the
 * field; the table's fields are those the record holds. */
static void
test_required (void)
{
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const ShouhuFormColumn *c = shouhu_annex2_form_column (f);
      g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
      g_autoptr(GError) error = NULL;

      if (!shouhu_annex2_field_in_record (f))
        continue;
      w->district_id = 1;
      for (guint g = 0; g < SHOUHU_ANNEX2_N_FIELDS; g++)
        if (shouhu_annex2_field_is_text (g))
          shouhu_worker_set_field (w, g, sample (g));
      g_assert_true (shouhu_worker_validate (w, &error));
      g_assert_no_error (error);

      if (c->kind == SHOUHU_FIELD_DISTRICT)
        w->district_id = 0;
      else
        shouhu_worker_set_field (w, f, "");
      if (c->required)
        {
          g_assert_false (shouhu_worker_validate (w, &error));
          g_assert_error (error, SHOUHU_WORKER_FIELD_ERROR, (int) f);
          g_assert_nonnull (strstr (error->message, shouhu_annex2_field_label (f)));
        }
      else
        {
          g_assert_true (shouhu_worker_validate (w, &error));
          g_assert_no_error (error);
        }
    }
}

/* History rows name fields by key; the user reads the table's label. */
static void
test_history_labels (void)
{
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    g_assert_cmpstr (shouhu_annex2_column_label ("worker", shouhu_annex2_form_column (f)->key), ==,
                     shouhu_annex2_field_label (f));
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    g_assert_cmpstr (shouhu_annex2_column_label ("volunteer", shouhu_volunteer_form_column (f)->key), ==,
                     shouhu_volunteer_field_label (f));
  g_assert_cmpstr (shouhu_annex2_column_label ("worker", "no_such_column"), ==, "no_such_column");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex2-form/columns", test_columns);
  g_test_add_func ("/annex2-form/find-heading", test_find_heading);
  g_test_add ("/annex2-form/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/annex2-form/import-variants", Fixture, NULL, fixture_set_up, test_import_variants,
              fixture_tear_down);
  g_test_add_func ("/annex2-form/required", test_required);
  g_test_add_func ("/annex2-form/history-labels", test_history_labels);

  return g_test_run ();
}
