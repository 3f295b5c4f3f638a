/* shouhu-export-roster.c — the volunteers' roster workbook (志愿者花名册)
 *
 * One sheet per district (and one for volunteers whose district is not
 * known), every field of the volunteer's column table in its order, then
 * 上岗状态 on the day of the export and 守护家庭数.  The headings are those
 * the roster import reads back, so an exported roster imports without a
 * change.  Written through the shared path of shouhu-export.c, so a
 * masked roster masks every cell as the other workbooks do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2.h"
#include "shouhu-export-private.h"
#include "shouhu-export-roster.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* The sheet of volunteers without a district. */
#define NO_DISTRICT_SHEET "区县未填"

typedef struct
{
  int        district_id;   /* 0: not known */
  GPtrArray *volunteers;    /* ShouhuVolunteer, borrowed */
  GArray    *n_families;    /* guint */
} RosterSheet;

typedef struct
{
  const char *day;
  GPtrArray  *sheets;       /* RosterSheet */
} Roster;

static void
roster_sheet_free (gpointer data)
{
  RosterSheet *sheet = data;

  g_ptr_array_unref (sheet->volunteers);
  g_array_unref (sheet->n_families);
  g_free (sheet);
}

/* "2020-02-10" → "2020年2月10日" */
static char *
day_in_words (const char *day)
{
  guint y = 0, m = 0, d = 0;

  if (sscanf (day, "%u-%u-%u", &y, &m, &d) != 3)
    return g_strdup (day);
  return g_strdup_printf ("%u年%u月%u日", y, m, d);
}

/* The cells of one volunteer's row after 序号, in the roster's order. */
static void
row_cells (const ShouhuVolunteer *v,
           guint                  n_families,
           const char            *day,
           char                  *cells[SHOUHU_ROSTER_N_COLUMNS])
{
  ShouhuReadiness readiness = shouhu_volunteer_readiness (v, day);

  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    cells[f] = shouhu_volunteer_dup_field (v, f);
  cells[SHOUHU_ROSTER_COLUMN_STATUS] = shouhu_readiness_sheet_text (&readiness);
  cells[SHOUHU_ROSTER_COLUMN_N_FAMILIES] = g_strdup_printf ("%u", n_families);
}

static const char *
heading (guint column)
{
  if (column < SHOUHU_N_VOLUNTEER_FIELDS)
    return shouhu_volunteer_form_column (column)->heading;
  return column == SHOUHU_ROSTER_COLUMN_STATUS ? SHOUHU_ROSTER_STATUS_HEADING : SHOUHU_ROSTER_N_FAMILIES_HEADING;
}

static gboolean
write_sheet (ShouhuExportBook   *book,
             const RosterSheet  *sheet,
             const char         *day,
             GError            **error)
{
  const ShouhuDistrict *d = shouhu_district_get (sheet->district_id);
  const char *name = d != NULL ? d->name : NO_DISTRICT_SHEET;
  lxw_worksheet *ws = workbook_add_worksheet (book->wb, name);
  const int last_col = SHOUHU_ROSTER_N_COLUMNS;   /* 序号 comes first */
  double widths[SHOUHU_ROSTER_N_COLUMNS + 1];
  g_autofree char *day_words = day_in_words (day);
  g_autofree char *line = NULL;

  if (ws == NULL)
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID,
                   _("The sheet of %s could not be added to the workbook; is it there twice?"), name);
      return FALSE;
    }

  /* Widths first: a streamed sheet cannot change them later. */
  widths[0] = 6;
  for (int c = 0; c < SHOUHU_ROSTER_N_COLUMNS; c++)
    widths[c + 1] = MAX (6, shouhu_export_text_width (heading (c)) / 2 + 3);
  for (guint r = 0; r < sheet->volunteers->len; r++)
    {
      char *cells[SHOUHU_ROSTER_N_COLUMNS];

      row_cells (sheet->volunteers->pdata[r], g_array_index (sheet->n_families, guint, r), day, cells);
      for (int c = 0; c < SHOUHU_ROSTER_N_COLUMNS; c++)
        {
          shouhu_export_fit_width (&widths[c + 1], cells[c]);
          g_free (cells[c]);
        }
    }
  for (int c = 0; c <= last_col; c++)
    worksheet_set_column (ws, c, c, widths[c], NULL);

  shouhu_export_set_page (book, ws, 2, 2);
  worksheet_set_row (ws, 0, 32, NULL);
  shouhu_export_put_merged (book, ws, 0, 0, 0, last_col, "志愿者花名册", book->title);
  line = g_strdup_printf ("区县：%s　　　　上岗状态截至%s", d != NULL ? d->name : "未填", day_words);
  shouhu_export_put_merged (book, ws, 1, 0, 1, last_col, line, book->line_left);
  worksheet_set_row (ws, 2, 30, NULL);
  shouhu_export_put_text (book, ws, 2, 0, "序号", book->header);
  for (int c = 0; c < SHOUHU_ROSTER_N_COLUMNS; c++)
    shouhu_export_put_text (book, ws, 2, c + 1, heading (c), book->header);

  for (guint r = 0; r < sheet->volunteers->len; r++)
    {
      int row = 3 + (int) r;
      guint n_families = g_array_index (sheet->n_families, guint, r);
      char *cells[SHOUHU_ROSTER_N_COLUMNS];
      int lines = 1;
      lxw_format *text;
      double height;

      row_cells (sheet->volunteers->pdata[r], n_families, day, cells);
      for (int c = 0; c < SHOUHU_ROSTER_N_COLUMNS; c++)
        lines = MAX (lines, shouhu_export_wrapped_lines (cells[c], widths[c + 1]));
      height = shouhu_export_row_height (book, lines, &text);
      if (lines > 1)
        worksheet_set_row (ws, row, height, NULL);
      shouhu_export_put_number (book, ws, row, 0, r + 1, book->number);
      for (int c = 0; c < SHOUHU_ROSTER_N_COLUMNS; c++)
        {
          if (c == SHOUHU_ROSTER_COLUMN_N_FAMILIES)
            shouhu_export_put_number (book, ws, row, c + 1, n_families, book->number);
          else
            shouhu_export_put_text (book, ws, row, c + 1, cells[c],
                                    c == SHOUHU_VOLUNTEER_FIELD_GENDER ? book->centre : text);
          g_free (cells[c]);
        }
    }
  return TRUE;
}

static gboolean
build_roster (ShouhuExportBook  *book,
              gpointer           data,
              GError           **error)
{
  Roster *roster = data;

  for (guint i = 0; i < roster->sheets->len; i++)
    if (!write_sheet (book, roster->sheets->pdata[i], roster->day, error))
      return FALSE;
  return TRUE;
}

/* Splits the volunteers (in district order) into one sheet per district. */
static GPtrArray *
split_sheets (GPtrArray *volunteers,
              GArray    *n_families)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func (roster_sheet_free);
  RosterSheet *sheet = NULL;

  for (guint i = 0; i < volunteers->len; i++)
    {
      ShouhuVolunteer *v = volunteers->pdata[i];

      if (sheet == NULL || sheet->district_id != v->district_id)
        {
          sheet = g_new0 (RosterSheet, 1);
          sheet->district_id = v->district_id;
          sheet->volunteers = g_ptr_array_new ();
          sheet->n_families = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (sheets, sheet);
        }
      g_ptr_array_add (sheet->volunteers, v);
      g_array_append_val (sheet->n_families, g_array_index (n_families, guint, i));
    }
  return sheets;
}

/**
 * shouhu_export_volunteers:
 * @district_id: 1..41 for that district's sheet alone; 0 for every
 *   district that has volunteers (and those without a district)
 * @day: (nullable): the day 上岗状态 is given for; %NULL for today
 * @masked: mask personal data in every cell (shouhu_mask_text())
 *
 * Writes the 志愿者花名册 workbook to @path.
 */
gboolean
shouhu_export_volunteers (ShouhuStore  *store,
                          int           district_id,
                          const char   *day,
                          gboolean      masked,
                          const char   *path,
                          GError      **error)
{
  g_autoptr(GPtrArray) volunteers = NULL;
  g_autoptr(GArray) n_families = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *today = day == NULL ? shouhu_volunteer_today () : NULL;
  Roster roster;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  volunteers = shouhu_annex2_load_volunteers (store, district_id, &n_families, error);
  if (volunteers == NULL)
    return FALSE;
  if (volunteers->len == 0)
    {
      if (district_id != 0)
        g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_NO_DATA,
                     _("%s has no volunteers to export yet"), shouhu_district_get (district_id)->name);
      else
        g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_NO_DATA,
                     _("There are no volunteers to export yet"));
      return FALSE;
    }
  sheets = split_sheets (volunteers, n_families);
  roster.day = day != NULL ? day : today;
  roster.sheets = sheets;
  return shouhu_export_write_book (path, TRUE, masked, build_roster, &roster, error);
}
