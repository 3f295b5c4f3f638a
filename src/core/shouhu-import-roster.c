/* shouhu-import-roster.c — taking in a volunteers' roster (志愿者花名册)
 *
 * The roster Shouhu exports, and the lists offices receive from schools
 * and youth leagues, made by hand: a header row with at least 姓名 and
 * 联系电话 (or a heading people write for them) and none of the Annex 2
 * form's own columns (医院, 家庭地址, 结对志愿者 …), then one row per
 * volunteer.  The columns are those of the volunteer's column table
 * (shouhu-annex2-form.c), in any order; columns it does not know are
 * passed over and named in the preview.
 *
 * A row updates the stored volunteer with the same 联系电话, else the one
 * of that 姓名 in the row's district (when one of the two has no phone),
 * else it is a new volunteer.  Only what the row gives is written: an
 * absent column or an empty cell never erases a stored value.  As for
 * Annex 2, reading never writes, the preview says what the write will
 * do, and the write runs the preview again in its one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2-private.h"
#include "shouhu-export-roster.h"
#include "shouhu-import-event.h"
#include "shouhu-import-private.h"
#include "shouhu-store-private.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  const ShouhuXlsxSheet *sheet;
  guint                  header_row;
  gint64                 cols[SHOUHU_N_VOLUNTEER_FIELDS];   /* -1: not in the sheet */
  int                    sheet_district;                    /* a sheet named after its district, else 0 */
} RosterLayout;

static void
roster_row_free (gpointer data)
{
  ShouhuRosterImportRow *r = data;

  g_free (r->sheet);
  shouhu_volunteer_free (r->volunteer);
  g_free (r);
}

static void
roster_change_free (gpointer data)
{
  ShouhuRosterImportChange *c = data;

  g_free (c->changes);
  g_free (c);
}

void
shouhu_roster_import_free (ShouhuRosterImport *import)
{
  if (import == NULL)
    return;
  g_free (import->file_name);
  g_free (import->sha256);
  g_ptr_array_unref (import->rows);
  g_ptr_array_unref (import->rejected);
  g_ptr_array_unref (import->ignored_headings);
  g_ptr_array_unref (import->changes);
  g_free (import);
}

/* Headings of the Annex 2 form that a roster never has: a header with
 * one of them is a form, not a list of volunteers. */
static gboolean
is_annex2_heading (const char *heading)
{
  const ShouhuFormColumn *c;

  if (strstr (heading, "医院") != NULL || strstr (heading, "医护") != NULL)
    return TRUE;
  c = shouhu_annex2_form_find_heading (heading);
  return c != NULL && (c->field == SHOUHU_ANNEX2_FIELD_TITLE || c->field == SHOUHU_ANNEX2_FIELD_WORK_PLACE ||
                       c->field == SHOUHU_ANNEX2_FIELD_HOME_ADDRESS ||
                       c->field == SHOUHU_ANNEX2_FIELD_FAMILY_PHONE ||
                       c->field == SHOUHU_ANNEX2_FIELD_VOLUNTEERS);
}

/* Headings the roster writes and reading passes over without a word. */
static gboolean
is_passed_over (const char *heading)
{
  return *heading == '\0' || strcmp (heading, "序号") == 0 || strcmp (heading, SHOUHU_ROSTER_STATUS_HEADING) == 0 ||
         strcmp (heading, SHOUHU_ROSTER_N_FAMILIES_HEADING) == 0;
}

/* Whether @row of the sheet is a roster's header; fills the columns and
 * the headings not known. */
static gboolean
read_header_row (RosterLayout         *layout,
                 const ShouhuXlsxCell *cells,
                 gsize                 n,
                 guint                 row,
                 GPtrArray            *unknown)
{
  for (int f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    layout->cols[f] = -1;
  for (gsize j = shouhu_import_row_start (cells, n, row); j < n && cells[j].row == row; j++)
    {
      g_autofree char *heading = shouhu_import_normalise (cells[j].text);
      const ShouhuFormColumn *c = shouhu_volunteer_form_find_heading (heading);

      if (is_annex2_heading (heading))
        return FALSE;
      if (c != NULL && layout->cols[c->field] < 0)
        layout->cols[c->field] = cells[j].col;
      else if (!is_passed_over (heading))
        g_ptr_array_add (unknown, g_steal_pointer (&heading));
    }
  return layout->cols[SHOUHU_VOLUNTEER_FIELD_NAME] >= 0 && layout->cols[SHOUHU_VOLUNTEER_FIELD_PHONE] >= 0;
}

static gboolean
find_roster_layout (RosterLayout *layout,
                    GPtrArray    *ignored)
{
  gsize n;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (layout->sheet, &n);
  gint64 checked_row = -1;
  const ShouhuFormColumn *name = shouhu_volunteer_form_column (SHOUHU_VOLUNTEER_FIELD_NAME);
  g_autoptr(GPtrArray) name_headings = g_ptr_array_new ();

  g_ptr_array_add (name_headings, (gpointer) name->heading);
  for (guint v = 0; name->variants != NULL && name->variants[v] != NULL; v++)
    g_ptr_array_add (name_headings, (gpointer) name->variants[v]);
  g_ptr_array_add (name_headings, NULL);
  g_autofree char *sheet_name = shouhu_import_normalise (shouhu_xlsx_sheet_get_name (layout->sheet));
  const ShouhuDistrict *d = shouhu_district_lookup (sheet_name);

  layout->sheet_district = d != NULL ? d->id : 0;
  for (gsize i = 0; i < n && cells[i].row < SHOUHU_IMPORT_HEADER_SEARCH_ROWS; i++)
    {
      g_autofree char *text = NULL;
      const ShouhuFormColumn *c;
      g_autoptr(GPtrArray) unknown = NULL;

      /* The header row is found by its 姓名. */
      if (!shouhu_import_may_be_heading (cells[i].text, (const char *const *) name_headings->pdata))
        continue;
      text = shouhu_import_normalise (cells[i].text);
      c = shouhu_volunteer_form_find_heading (text);
      if (c == NULL || c->field != SHOUHU_VOLUNTEER_FIELD_NAME || cells[i].row == checked_row)
        continue;
      checked_row = cells[i].row;
      unknown = g_ptr_array_new_with_free_func (g_free);
      if (!read_header_row (layout, cells, n, cells[i].row, unknown))
        continue;
      layout->header_row = cells[i].row;
      for (guint u = 0; u < unknown->len; u++)
        if (!g_ptr_array_find_with_equal_func (ignored, unknown->pdata[u], g_str_equal, NULL))
          g_ptr_array_add (ignored, g_strdup (unknown->pdata[u]));
      return TRUE;
    }
  return FALSE;
}

/* Puts the cell of @field into @v; %FALSE with @reason set when it
 * cannot be read. */
static gboolean
read_cell (ShouhuVolunteer       *v,
           ShouhuVolunteerField   field,
           const ShouhuXlsxCell  *cell,
           char                 **reason)
{
  const ShouhuFormColumn *column = shouhu_volunteer_form_column (field);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  switch (column->kind)
    {
    case SHOUHU_FIELD_PHONE:
      text = shouhu_import_phone (column->heading, cell->text, cell->type == SHOUHU_XLSX_CELL_NUMBER, &error);
      break;
    case SHOUHU_FIELD_DATE:
      text = shouhu_import_cell_date (cell);
      break;
    case SHOUHU_FIELD_DISTRICT:
      text = shouhu_import_normalise (cell->text);
      break;
    default:
      text = g_strstrip (g_strdup (cell->text));
      break;
    }
  if (text == NULL || !shouhu_volunteer_set_field (v, field, text, &error))
    {
      *reason = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

static ShouhuRosterImportRow *
read_row (const RosterLayout  *layout,
          guint                row,
          char               **reason)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;
  ShouhuRosterImportRow *r;
  guint64 given = 0;

  for (int f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      const ShouhuXlsxCell *cell;
      g_autofree char *bare = NULL;

      if (layout->cols[f] < 0)
        continue;
      cell = shouhu_xlsx_sheet_get_cell (layout->sheet, row, (guint) layout->cols[f]);
      if (cell == NULL || *(bare = g_strstrip (g_strdup (cell->text))) == '\0')
        continue;
      if (!read_cell (v, f, cell, reason))
        return NULL;
      given |= G_GUINT64_CONSTANT (1) << f;
    }
  /* A list that gives only the day the gear was handed out, with no
   * column of items, means the notice's basic kit: 口罩、酒精、消毒液. */
  if ((given & (G_GUINT64_CONSTANT (1) << SHOUHU_VOLUNTEER_FIELD_GEAR_ON)) &&
      !(given & (G_GUINT64_CONSTANT (1) << SHOUHU_VOLUNTEER_FIELD_GEAR)))
    {
      v->gear = SHOUHU_GEAR_ALL;
      given |= G_GUINT64_CONSTANT (1) << SHOUHU_VOLUNTEER_FIELD_GEAR;
    }
  if (!(given & (G_GUINT64_CONSTANT (1) << SHOUHU_VOLUNTEER_FIELD_DISTRICT)) && layout->sheet_district != 0)
    {
      v->district_id = layout->sheet_district;
      given |= G_GUINT64_CONSTANT (1) << SHOUHU_VOLUNTEER_FIELD_DISTRICT;
    }
  if (!shouhu_volunteer_validate (v, &error))
    {
      *reason = g_strdup (error->message);
      return NULL;
    }

  r = g_new0 (ShouhuRosterImportRow, 1);
  r->sheet = g_strdup (shouhu_xlsx_sheet_get_name (layout->sheet));
  r->row = shouhu_import_shown_row (row);
  r->volunteer = g_steal_pointer (&v);
  r->given = given;
  return r;
}

/* A masked roster cannot be matched or kept: its phones are hidden. */
static gboolean
check_not_masked (const RosterLayout  *layout,
                  guint                row,
                  GError             **error)
{
  const ShouhuXlsxCell *cell = shouhu_xlsx_sheet_get_cell (layout->sheet, row,
                                                           (guint) layout->cols[SHOUHU_VOLUNTEER_FIELD_PHONE]);
  g_autofree char *name = NULL;

  if (cell == NULL || !shouhu_import_is_masked (cell->text))
    return TRUE;
  name = shouhu_xlsx_cell_name (row, (guint) layout->cols[SHOUHU_VOLUNTEER_FIELD_PHONE]);
  g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_MASKED,
               _("This is a masked export: the phone numbers are hidden (“%s” in cell %s of sheet “%s”), "
                 "so the records could not be matched or kept. Import the file exported without masking."),
               cell->text, name, shouhu_xlsx_sheet_get_name (layout->sheet));
  return FALSE;
}

static gboolean
read_rows (const RosterLayout  *layout,
           ShouhuRosterImport  *import,
           GHashTable          *phones,
           GError             **error)
{
  gsize n;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (layout->sheet, &n);

  for (gsize i = shouhu_import_row_start (cells, n, layout->header_row + 1); i < n;)
    {
      guint row = cells[i].row;
      g_autofree char *first = shouhu_import_normalise (cells[i].text);
      g_autofree char *reason = NULL;
      ShouhuRosterImportRow *r;
      const ShouhuRosterImportRow *before;

      while (i < n && cells[i].row == row)
        i++;
      if (g_str_has_prefix (first, "说明") || g_str_has_prefix (first, "注："))
        break;
      if (shouhu_import_row_empty (layout->sheet, row, layout->cols, SHOUHU_N_VOLUNTEER_FIELDS))
        continue;
      if (!check_not_masked (layout, row, error))
        return FALSE;
      r = read_row (layout, row, &reason);
      if (r != NULL && (before = g_hash_table_lookup (phones, r->volunteer->phone)) != NULL)
        {
          /* Translators: %s is a phone number, then a sheet; %u a row */
          reason = g_strdup_printf (_("联系电话 %s is also that of row %u of sheet “%s”: keep one of the two rows"),
                                    r->volunteer->phone, before->row, before->sheet);
          g_clear_pointer (&r, roster_row_free);
        }
      if (r == NULL)
        {
          shouhu_import_reject (import->rejected, shouhu_xlsx_sheet_get_name (layout->sheet),
                                shouhu_import_shown_row (row), reason);
          continue;
        }
      if (*r->volunteer->phone != '\0')
        g_hash_table_insert (phones, r->volunteer->phone, r);
      g_ptr_array_add (import->rows, r);
    }
  return TRUE;
}

/**
 * shouhu_import_roster_read:
 *
 * Reads every visible sheet with a roster's header row, checking each
 * row.  Writes nothing.
 *
 * Returns: (transfer full): the rows read and those rejected, or %NULL
 *   with @error set (%SHOUHU_IMPORT_ERROR_NOT_ROSTER when no sheet is a
 *   roster)
 */
ShouhuRosterImport *
shouhu_import_roster_read (const ShouhuXlsxWorkbook  *workbook,
                           GError                   **error)
{
  g_autoptr(ShouhuRosterImport) import = g_new0 (ShouhuRosterImport, 1);
  g_autoptr(GHashTable) phones = g_hash_table_new (g_str_hash, g_str_equal);

  import->file_name = g_strdup (shouhu_xlsx_workbook_get_name (workbook));
  import->sha256 = g_strdup (shouhu_xlsx_workbook_get_sha256 (workbook));
  import->rows = g_ptr_array_new_with_free_func (roster_row_free);
  import->rejected = g_ptr_array_new_with_free_func (shouhu_import_rejection_free);
  import->ignored_headings = g_ptr_array_new_with_free_func (g_free);
  import->changes = g_ptr_array_new_with_free_func (roster_change_free);

  for (guint s = 0; s < shouhu_xlsx_workbook_get_n_sheets (workbook); s++)
    {
      RosterLayout layout = { shouhu_xlsx_workbook_get_sheet (workbook, s) };
      g_autoptr(GError) local_error = NULL;

      if (shouhu_xlsx_sheet_is_hidden (layout.sheet) || !find_roster_layout (&layout, import->ignored_headings))
        continue;
      import->n_sheets++;
      if (!read_rows (&layout, import, phones, &local_error))
        {
          g_prefix_error (&local_error, "%s: ", import->file_name);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (import->n_sheets == 0)
    {
      g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_ROSTER,
                   _("%s: no sheet is a volunteers’ roster (a header row with 姓名 and 联系电话)"),
                   import->file_name);
      return NULL;
    }
  import->n_read_rejected = import->rejected->len;
  return g_steal_pointer (&import);
}

/**
 * shouhu_import_roster_from_file:
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
ShouhuRosterImport *
shouhu_import_roster_from_file (const char  *path,
                                GError     **error)
{
  g_autoptr(ShouhuXlsxWorkbook) workbook = shouhu_xlsx_workbook_new_from_file (path, error);

  if (workbook == NULL)
    return NULL;
  return shouhu_import_roster_read (workbook, error);
}

/* Preview and write ------------------------------------------------------- */

/* The value of each field the row gives, put into @target. */
static void
apply_given (ShouhuVolunteer             *target,
             const ShouhuRosterImportRow *row)
{
  for (int f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      if (!(row->given & (G_GUINT64_CONSTANT (1) << f)))
        continue;
      if (f == SHOUHU_VOLUNTEER_FIELD_DISTRICT)
        target->district_id = row->volunteer->district_id;
      else if (f == SHOUHU_VOLUNTEER_FIELD_SKILLS)
        target->skills = row->volunteer->skills;
      else if (f == SHOUHU_VOLUNTEER_FIELD_GEAR)
        target->gear = row->volunteer->gear;
      else
        shouhu_volunteer_set_field (target, f, shouhu_volunteer_get_field (row->volunteer, f), NULL);
    }
}

/* Up to two stored volunteers that @sql finds with @v's values as :phone,
 * :name and :district: returns how many (-1 on failure). */
static int
find_ids (ShouhuStore            *store,
          const char             *sql,
          const ShouhuVolunteer  *v,
          gint64                  ids[2],
          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (store, sql, error);
  int n = 0, rc, p;

  if (stmt == NULL)
    return -1;
  if ((p = sqlite3_bind_parameter_index (stmt, ":phone")) > 0)
    sqlite3_bind_text (stmt, p, v->phone, -1, SQLITE_STATIC);
  if ((p = sqlite3_bind_parameter_index (stmt, ":name")) > 0)
    sqlite3_bind_text (stmt, p, v->name, -1, SQLITE_STATIC);
  if ((p = sqlite3_bind_parameter_index (stmt, ":district")) > 0)
    sqlite3_bind_int (stmt, p, v->district_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ids[n++] = sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return -1;
    }
  return n;
}

/* The stored volunteer @row is about: by 联系电话, else by 姓名 in the
 * row's district when the row or the record has no phone.  *id is 0 for
 * none; *reason is set when the row cannot tell which. */
static gboolean
match_row (ShouhuStore                  *store,
           const ShouhuRosterImportRow  *row,
           gint64                       *id,
           char                        **reason,
           GError                      **error)
{
  const ShouhuVolunteer *v = row->volunteer;
  gint64 ids[2] = { 0, 0 };
  int n;

  *id = 0;
  if (*v->phone != '\0')
    {
      n = find_ids (store, "SELECT id FROM volunteer WHERE phone = :phone ORDER BY id LIMIT 2", v, ids, error);
      if (n < 0)
        return FALSE;
      if (n == 2)
        {
          *reason = g_strdup_printf (_("two stored volunteers have 联系电话 %s: merge them first, then import again"),
                                     v->phone);
          return TRUE;
        }
      if (n == 1)
        {
          *id = ids[0];
          return TRUE;
        }
    }
  n = find_ids (store, "SELECT id FROM volunteer WHERE name = :name AND coalesce (district_id, 0) = :district "
                       "AND (phone = '' OR :phone = '') ORDER BY id LIMIT 2", v, ids, error);
  if (n < 0)
    return FALSE;
  if (n == 2)
    *reason = g_strdup_printf (_("several stored volunteers are called %s in %s: write the volunteer’s 联系电话 "
                                 "so that the right one is updated"),
                               v->name, v->district_id != 0 ? shouhu_district_get (v->district_id)->name : "—");
  else
    *id = ids[0];
  return TRUE;
}

/* Sets @change's action and the labels of the fields the row changes. */
static gboolean
compare_with_stored (ShouhuStore               *store,
                     ShouhuRosterImportChange  *change,
                     char                     **reason,
                     GError                   **error)
{
  g_autoptr(ShouhuVolunteer) stored = shouhu_annex2_get_volunteer (store, change->volunteer_id, error);
  g_autoptr(ShouhuVolunteer) merged = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GError) invalid = NULL;

  if (stored == NULL)
    return FALSE;
  merged = shouhu_volunteer_copy (stored);
  apply_given (merged, change->row);
  if (!shouhu_volunteer_validate (merged, &invalid))
    {
      *reason = g_strdup (invalid->message);
      return TRUE;
    }
  for (int f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    if (strcmp (shouhu_volunteer_get_field (stored, f), shouhu_volunteer_get_field (merged, f)) != 0)
      /* Translators: between the names of the fields a row changes */
      g_string_append_printf (labels, "%s%s", labels->len > 0 ? _(", ") : "", shouhu_volunteer_field_label (f));
  change->action = labels->len > 0 ? SHOUHU_IMPORT_UPDATE : SHOUHU_IMPORT_UNCHANGED;
  change->changes = g_strdup (labels->str);
  return TRUE;
}

/**
 * shouhu_import_roster_preview:
 *
 * Works out what the write will do with each valid row: create a
 * volunteer, update one (naming the fields it changes) or leave one as
 * it is.  A row that cannot tell which volunteer it is about, or that is
 * about the same volunteer as an earlier row, is rejected.
 */
gboolean
shouhu_import_roster_preview (ShouhuStore         *store,
                              ShouhuRosterImport  *import,
                              GError             **error)
{
  g_autoptr(GHashTable) matched = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_ptr_array_set_size (import->changes, 0);
  g_ptr_array_set_size (import->rejected, import->n_read_rejected);
  import->n_new = import->n_updated = import->n_unchanged = 0;

  for (guint i = 0; i < import->rows->len; i++)
    {
      const ShouhuRosterImportRow *row = import->rows->pdata[i];
      g_autofree ShouhuRosterImportChange *change = g_new0 (ShouhuRosterImportChange, 1);
      g_autofree char *reason = NULL;
      const ShouhuRosterImportRow *before;

      change->row = row;
      if (!match_row (store, row, &change->volunteer_id, &reason, error))
        return FALSE;
      if (reason == NULL && change->volunteer_id != 0 &&
          (before = g_hash_table_lookup (matched, &change->volunteer_id)) != NULL)
        reason = g_strdup_printf (_("it is about the same volunteer as row %u of sheet “%s”: keep one of the two rows"),
                                  before->row, before->sheet);
      if (reason == NULL && change->volunteer_id != 0 && !compare_with_stored (store, change, &reason, error))
        return FALSE;
      if (reason != NULL)
        {
          g_free (change->changes);
          shouhu_import_reject (import->rejected, row->sheet, row->row, reason);
          continue;
        }
      if (change->volunteer_id == 0)
        {
          change->action = SHOUHU_IMPORT_NEW;
          change->changes = g_strdup ("");
          import->n_new++;
        }
      else
        {
          g_hash_table_insert (matched, &change->volunteer_id, (gpointer) row);
          if (change->action == SHOUHU_IMPORT_UPDATE)
            import->n_updated++;
          else
            import->n_unchanged++;
        }
      g_ptr_array_add (import->changes, g_steal_pointer (&change));
    }
  return TRUE;
}

static gboolean
write_change (ShouhuStore                     *store,
              const ShouhuRosterImportChange  *change,
              const char                      *at,
              GError                         **error)
{
  g_autoptr(ShouhuVolunteer) stored = NULL;
  g_autoptr(ShouhuVolunteer) v = NULL;

  if (change->action == SHOUHU_IMPORT_NEW)
    {
      v = shouhu_volunteer_copy (change->row->volunteer);
      v->id = 0;
      return shouhu_annex2_store_volunteer (store, v, NULL, at, error);
    }
  stored = shouhu_annex2_get_volunteer (store, change->volunteer_id, error);
  if (stored == NULL)
    return FALSE;
  v = shouhu_volunteer_copy (stored);
  apply_given (v, change->row);
  return shouhu_volunteer_validate (v, error) &&
         shouhu_annex2_store_volunteer (store, v, stored, at, error);
}

/**
 * shouhu_import_roster_write:
 *
 * Previews @import again, then writes it in one transaction: new
 * volunteers and the fields each row changes, with their history, and
 * the import's event (导入记录), which the volunteers it created and the
 * history rows it wrote point to.  Rejected rows are left out; nothing
 * is written when anything fails.
 */
gboolean
shouhu_import_roster_write (ShouhuStore         *store,
                            ShouhuRosterImport  *import,
                            GError             **error)
{
  g_autofree char *at = shouhu_annex2_now ();
  ShouhuImportEvent event = { 0 };
  gint64 event_id;

  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!shouhu_import_roster_preview (store, import, error))
    goto fail;
  event.kind = "roster";
  event.at = at;
  event.file_name = import->file_name;
  event.sha256 = import->sha256;
  event.n_new = import->n_new;
  event.n_updated = import->n_updated;
  event.n_unchanged = import->n_unchanged;
  event.n_rejected = import->rejected->len;
  if ((event_id = shouhu_import_event_add (store, &event, error)) == 0)
    goto fail;
  shouhu_store_set_import_event (store, event_id);
  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuRosterImportChange *change = import->changes->pdata[i];

      if (change->action == SHOUHU_IMPORT_UNCHANGED)
        continue;
      if (!write_change (store, change, at, error))
        {
          g_prefix_error (error, _("Sheet “%s”, row %u: "), change->row->sheet, change->row->row);
          goto fail;
        }
    }
  shouhu_store_set_import_event (store, 0);
  if (!shouhu_store_commit (store, error))
    goto fail;
  import->event_id = event_id;
  shouhu_store_emit_changed (store, "annex2");
  return TRUE;

fail:
  shouhu_store_set_import_event (store, 0);
  shouhu_store_rollback (store);
  return FALSE;
}
