/* shouhu-import-ledger.c — taking in the lines of a service ledger (服务台账)
 *
 * Offices keep their ledger in a spreadsheet: a header row holding 日期,
 * 医护人员 (or 医护人员姓名) with 本人联系电话 where names repeat, 志愿者,
 * 服务类型, 服务内容, 时长（分钟）, and perhaps 需求 and 是否解决, then a line
 * per service.  The header is found by its headings wherever it sits;
 * dates and kinds are read as people write them.  As with the annexes,
 * reading never writes: the preview finds each line's family and
 * volunteers and says what the write will add, and the write adds it in
 * one transaction.  A ledger is all or nothing: one rejected line and
 * nothing is written, so that the counts sent upward never miss a line
 * silently.  Lines already stored (the whole ledger sent again) are
 * recognised and left alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-import-event.h"
#include "shouhu-import-ledger.h"
#include "shouhu-import-private.h"
#include "shouhu-ledger-private.h"
#include "shouhu-store-private.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef enum
{
  COL_DAY,
  COL_FAMILY,
  COL_PHONE,
  COL_VOLUNTEERS,
  COL_KIND,
  COL_CONTENT,
  COL_MINUTES,
  COL_NEED,
  COL_SOLVED,
  N_COLS
} Column;

/* The headings people write, compared without spaces and with full-width
 * parentheses; the first is the one messages name. */
static const struct
{
  const char *const *headings;
  gboolean           required;
} columns[N_COLS] = {
  [COL_DAY] = { (const char *const[]) { "日期", "服务日期", NULL }, TRUE },
  [COL_FAMILY] = { (const char *const[]) { "医护人员", "医护人员姓名", "服务对象", NULL }, TRUE },
  [COL_PHONE] = { (const char *const[]) { "本人联系电话", "医护人员联系电话", "联系电话", NULL }, FALSE },
  [COL_VOLUNTEERS] = { (const char *const[]) { "志愿者", "志愿者姓名", "服务志愿者", "结对志愿者", NULL }, TRUE },
  [COL_KIND] = { (const char *const[]) { "服务类型", "服务类别", NULL }, TRUE },
  [COL_CONTENT] = { (const char *const[]) { "服务内容", "内容", NULL }, TRUE },
  [COL_MINUTES] = { (const char *const[]) { "时长（分钟）", "服务时长（分钟）", "时长", "服务时长", NULL }, TRUE },
  [COL_NEED] = { (const char *const[]) { "需求", "家庭需求", "提出需求", NULL }, FALSE },
  [COL_SOLVED] = { (const char *const[]) { "是否解决", "解决情况", "是否已解决", NULL }, FALSE },
};

typedef struct
{
  const ShouhuXlsxSheet *sheet;
  guint                  header_row;
  gint64                 cols[N_COLS];   /* -1: not in the sheet */
} Layout;

static void
row_free (gpointer data)
{
  ShouhuLedgerImportRow *r = data;

  g_free (r->sheet);
  g_free (r->day);
  g_free (r->family);
  g_free (r->phone);
  g_strfreev (r->volunteers);
  g_free (r->content);
  g_free (r->need);
  shouhu_service_free (r->service);
  g_free (r);
}

void
shouhu_ledger_import_free (ShouhuLedgerImport *import)
{
  if (import == NULL)
    return;
  g_free (import->file_name);
  g_free (import->sha256);
  g_clear_pointer (&import->rows, g_ptr_array_unref);
  g_clear_pointer (&import->rejected, g_ptr_array_unref);
  g_free (import);
}

/* Headings: no spaces, full-width parentheses. */
static char *
heading_key (const char *text)
{
  g_autofree char *plain = shouhu_import_normalise (text);
  g_auto(GStrv) open = g_strsplit (plain, "(", -1);
  g_autofree char *opened = g_strjoinv ("（", open);
  g_auto(GStrv) close = g_strsplit (opened, ")", -1);

  return g_strjoinv ("）", close);
}

static int
column_of (const char *heading)
{
  g_autofree char *key = heading_key (heading);

  for (int c = 0; c < N_COLS; c++)
    for (guint h = 0; columns[c].headings[h] != NULL; h++)
      if (strcmp (key, columns[c].headings[h]) == 0)
        return c;
  return -1;
}

/* The header row: the first holding 日期, 服务类型 and 医护人员.  Returns
 * FALSE without @error when the sheet has none. */
static gboolean
find_layout (Layout  *layout,
             GError **error)
{
  gsize n;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (layout->sheet, &n);

  for (gsize i = 0; i < n && cells[i].row < SHOUHU_IMPORT_HEADER_SEARCH_ROWS;)
    {
      guint row = cells[i].row;
      gsize row_start = i;
      gboolean has_day = FALSE;

      /* A row without a cell that may be 日期 is passed over whole. */
      for (; i < n && cells[i].row == row && !has_day; i++)
        has_day = shouhu_import_may_be_heading (cells[i].text, columns[COL_DAY].headings);
      for (; i < n && cells[i].row == row; i++)
        ;
      if (!has_day)
        continue;
      i = row_start;
      for (int c = 0; c < N_COLS; c++)
        layout->cols[c] = -1;
      for (; i < n && cells[i].row == row; i++)
        {
          int c = column_of (cells[i].text);

          if (c >= 0 && layout->cols[c] < 0)
            layout->cols[c] = cells[i].col;
        }
      if (layout->cols[COL_DAY] < 0 || layout->cols[COL_KIND] < 0 || layout->cols[COL_FAMILY] < 0)
        continue;

      layout->header_row = row;
      for (int c = 0; c < N_COLS; c++)
        if (layout->cols[c] < 0 && columns[c].required)
          {
            g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT,
                         _("Sheet “%s” is a service ledger without a “%s” column: add it to the header row "
                           "(row %u) and import again"),
                         shouhu_xlsx_sheet_get_name (layout->sheet), columns[c].headings[0],
                         shouhu_import_shown_row (row));
            return FALSE;
          }
      return TRUE;
    }
  return FALSE;
}

static const ShouhuXlsxCell *
cell_at (const Layout *layout,
         guint         row,
         Column        col)
{
  if (layout->cols[col] < 0)
    return NULL;
  return shouhu_xlsx_sheet_get_cell (layout->sheet, row, (guint) layout->cols[col]);
}

static char *
text_at (const Layout *layout,
         guint         row,
         Column        col)
{
  const ShouhuXlsxCell *cell = cell_at (layout, row, col);

  return shouhu_validate_fold_digits (cell != NULL ? cell->text : "");
}

/* Cells as people fill them ---------------------------------------------- */

/* A date cell, a day number (what a cell formatted as a date stores), or
 * text as shouhu_validate_date() reads it, with or without a time. */
static char *
read_day (const ShouhuXlsxCell  *cell,
          GError               **error)
{
  g_autofree char *shown = cell != NULL ? shouhu_import_cell_date (cell) : g_strdup ("");
  g_autofree char *text = shouhu_validate_fold_digits (shown);
  char *day = NULL;

  if (*text == '\0')
    {
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("日期 is empty: every line needs the day of the service"));
      return NULL;
    }
  /* "2020-02-10 08:30" */
  text[strcspn (text, " T")] = '\0';
  if (!shouhu_validate_date ("日期", text, &day, error))
    return NULL;
  return day;
}

/* 30, 30分钟, 1.5小时, 1小时20分 */
static gboolean
read_minutes (const ShouhuXlsxCell  *cell,
              int                   *minutes,
              GError               **error)
{
  g_autofree char *text = shouhu_validate_fold_digits (cell != NULL ? cell->text : "");
  g_autofree char *plain = shouhu_import_normalise (text);
  double total = 0;
  const char *p = plain;
  gboolean any = FALSE;

  while (*p != '\0')
    {
      char *end = NULL;
      double value = g_ascii_strtod (p, &end);

      if (end == p || value < 0)
        break;
      p = end;
      any = TRUE;
      if (g_str_has_prefix (p, "小时") || g_str_has_prefix (p, "h"))
        {
          total += value * 60;
          p += g_str_has_prefix (p, "h") ? 1 : strlen ("小时");
        }
      else
        {
          total += value;
          for (const char *const *unit = (const char *const[]) { "分钟", "分", "min", NULL }; *unit; unit++)
            if (g_str_has_prefix (p, *unit))
              {
                p += strlen (*unit);
                break;
              }
        }
    }
  if (!any || *p != '\0' || total < 0.5 || total > SHOUHU_SERVICE_MAX_MINUTES)
    {
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("时长（分钟） must be the minutes the service took, from 1 to %d, such as 30 or 1.5小时 "
                     "(not “%s”)"), SHOUHU_SERVICE_MAX_MINUTES, text);
      return FALSE;
    }
  *minutes = (int) (total + 0.5);
  return TRUE;
}

/* 是 or 否, as people write them; empty is 否. */
static gboolean
read_solved (const char  *text,
             gboolean    *solved,
             GError     **error)
{
  static const char *const yes[] = { "是", "已解决", "解决", "已", "Y", "y", "yes", "YES", "√", "✓", "1", "TRUE", NULL };
  static const char *const no[] = { "", "否", "未解决", "未", "N", "n", "no", "NO", "×", "✗", "0", "FALSE", NULL };
  g_autofree char *plain = shouhu_import_normalise (text);

  *solved = g_strv_contains (yes, plain);
  if (*solved || g_strv_contains (no, plain))
    return TRUE;
  g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
               _("是否解决 must be 是 or 否 (not “%s”)"), text);
  return FALSE;
}

/* "张三、李四", "张三，李四", "张三 李四" */
static GStrv
read_names (const char *text)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree char *joined = g_strdup (text);

  g_strdelimit (joined, ",;/\n\t", ' ');
  for (const char *const *mark = (const char *const[]) { "、", "，", "；", "／", "　", NULL }; *mark; mark++)
    {
      g_auto(GStrv) parts = g_strsplit (joined, *mark, -1);

      g_free (joined);
      joined = g_strjoinv (" ", parts);
    }
  {
    g_auto(GStrv) parts = g_strsplit (joined, " ", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      if (*g_strstrip (parts[i]) != '\0')
        g_strv_builder_add (names, parts[i]);
  }
  return g_strv_builder_end (names);
}

/* Reading ----------------------------------------------------------------- */

static gboolean
row_empty (const Layout *layout,
           guint         row)
{
  for (int c = 0; c < N_COLS; c++)
    {
      g_autofree char *text = text_at (layout, row, c);
      g_autofree char *plain = shouhu_import_normalise (text);

      if (*plain != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Checks one line; %NULL with @reason when a rule is broken. */
static ShouhuLedgerImportRow *
read_row (const Layout  *layout,
          guint          row,
          char         **reason)
{
  g_autoptr(GError) error = NULL;
  ShouhuLedgerImportRow *r = g_new0 (ShouhuLedgerImportRow, 1);
  const ShouhuXlsxCell *phone = cell_at (layout, row, COL_PHONE);
  g_autofree char *volunteers = text_at (layout, row, COL_VOLUNTEERS);
  g_autofree char *kind = text_at (layout, row, COL_KIND);
  g_autofree char *solved = text_at (layout, row, COL_SOLVED);

  r->sheet = g_strdup (shouhu_xlsx_sheet_get_name (layout->sheet));
  r->row = shouhu_import_shown_row (row);
  r->family = text_at (layout, row, COL_FAMILY);
  r->content = text_at (layout, row, COL_CONTENT);
  r->need = text_at (layout, row, COL_NEED);
  r->volunteers = read_names (volunteers);
  r->kind = shouhu_service_kind_parse (kind);

  if ((r->day = read_day (cell_at (layout, row, COL_DAY), &error)) == NULL ||
      (r->phone = phone == NULL ? g_strdup ("")
                                : shouhu_import_phone ("本人联系电话", phone->text,
                                                       phone->type == SHOUHU_XLSX_CELL_NUMBER, &error)) == NULL ||
      !read_minutes (cell_at (layout, row, COL_MINUTES), &r->minutes, &error) ||
      !read_solved (solved, &r->solved, &error))
    *reason = g_strdup (error->message);
  else if (*r->family == '\0')
    *reason = g_strdup (_("医护人员 is empty: every line needs the frontline worker whose family was served"));
  else if (r->volunteers[0] == NULL)
    *reason = g_strdup (_("志愿者 is empty: name the volunteers who did the service, several separated by 、"));
  else if (r->kind == SHOUHU_SERVICE_KIND_NONE)
    *reason = g_strdup_printf (_("服务类型 “%s” is none of 照料老人小孩, 学业辅导, 生活物资, 交通出行, "
                                 "电话/视频问候 and 其他: write one of them"), kind);
  else
    return r;
  row_free (r);
  return NULL;
}

static void
read_rows (const Layout       *layout,
           ShouhuLedgerImport *import)
{
  gsize n, i;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (layout->sheet, &n);

  for (i = shouhu_import_row_start (cells, n, layout->header_row + 1); i < n;)
    {
      guint row = cells[i].row;
      g_autofree char *first = shouhu_import_normalise (cells[i].text);
      g_autofree char *reason = NULL;
      ShouhuLedgerImportRow *r;

      while (i < n && cells[i].row == row)
        i++;
      if (g_str_has_prefix (first, "说明") || g_str_has_prefix (first, "注："))
        break;
      if (row_empty (layout, row))
        continue;
      r = read_row (layout, row, &reason);
      if (r == NULL)
        shouhu_import_reject (import->rejected, shouhu_xlsx_sheet_get_name (layout->sheet),
                              shouhu_import_shown_row (row), reason);
      else
        g_ptr_array_add (import->rows, r);
    }
}

/**
 * shouhu_import_ledger_read:
 *
 * Reads the lines of every visible sheet with a ledger's header row.
 * Writes nothing.
 *
 * Returns: (transfer full): the lines read and those rejected, or %NULL
 *   (%SHOUHU_IMPORT_ERROR_NOT_LEDGER when no sheet is a ledger)
 */
ShouhuLedgerImport *
shouhu_import_ledger_read (const ShouhuXlsxWorkbook  *workbook,
                           GError                   **error)
{
  g_autoptr(ShouhuLedgerImport) import = g_new0 (ShouhuLedgerImport, 1);
  guint n_sheets = 0;

  import->file_name = g_strdup (shouhu_xlsx_workbook_get_name (workbook));
  import->sha256 = g_strdup (shouhu_xlsx_workbook_get_sha256 (workbook));
  import->rows = g_ptr_array_new_with_free_func (row_free);
  import->rejected = g_ptr_array_new_with_free_func (shouhu_import_rejection_free);

  for (guint s = 0; s < shouhu_xlsx_workbook_get_n_sheets (workbook); s++)
    {
      Layout layout = { shouhu_xlsx_workbook_get_sheet (workbook, s), 0, { 0, } };
      g_autoptr(GError) local_error = NULL;

      if (shouhu_xlsx_sheet_is_hidden (layout.sheet))
        continue;
      if (!find_layout (&layout, &local_error))
        {
          if (local_error == NULL)
            continue;
          g_prefix_error (&local_error, "%s: ", import->file_name);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      n_sheets++;
      read_rows (&layout, import);
    }
  if (n_sheets == 0)
    {
      g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_LEDGER,
                   _("%s: no sheet is a service ledger (a header row with 日期, 医护人员 and 服务类型)"),
                   import->file_name);
      return NULL;
    }
  import->n_read_rejected = import->rejected->len;
  return g_steal_pointer (&import);
}

/* Preview and write -------------------------------------------------------- */

/* Runs @stmt, whose parameters are bound, for at most two ids. */
static int
two_ids (ShouhuStore   *store,
         sqlite3_stmt  *stmt,
         gint64         ids[2],
         GError       **error)
{
  int n = 0, rc = SQLITE_DONE;

  while (n < 2 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ids[n++] = sqlite3_column_int64 (stmt, 0);
  if (n < 2 && rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return -1;
    }
  return n;
}

/* The family: by name, and by phone when the line gives one. */
static gint64
find_family (ShouhuStore                  *store,
             const ShouhuLedgerImportRow  *r,
             char                        **reason,
             GError                      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 ids[2] = { 0, 0 };
  int n;

  stmt = shouhu_store_prepare (store, "SELECT id FROM worker WHERE name = ?1 AND (?2 = '' OR phone = ?2)"
                                      " ORDER BY id LIMIT 2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, r->family, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, r->phone, -1, SQLITE_STATIC);
  if ((n = two_ids (store, stmt, ids, error)) < 0)
    return -1;
  if (n == 1)
    return ids[0];
  if (n == 0 && *r->phone != '\0')
    *reason = g_strdup_printf (_("No frontline worker %s with the phone %s is in Annex 2: add the worker first, "
                                 "or correct the name or the phone"), r->family, r->phone);
  else if (n == 0)
    *reason = g_strdup_printf (_("No frontline worker %s is in Annex 2: add the worker first, or correct the name"),
                               r->family);
  else
    *reason = g_strdup_printf (_("Several frontline workers are named %s: fill in 本人联系电话 to say whose "
                                 "family it was"), r->family);
  return 0;
}

/* A volunteer by name: one paired with the family first, else the only
 * one of that name. */
static gint64
find_volunteer (ShouhuStore  *store,
                gint64        worker_id,
                const char   *name,
                char        **reason,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) paired = NULL;
  g_autoptr(sqlite3_stmt) anyone = NULL;
  gint64 ids[2] = { 0, 0 };
  int n;

  paired = shouhu_store_prepare (store, "SELECT v.id FROM pairing p JOIN volunteer v ON v.id = p.volunteer_id"
                                        " WHERE p.worker_id = ? AND v.name = ? ORDER BY v.id LIMIT 2", error);
  if (paired == NULL)
    return -1;
  sqlite3_bind_int64 (paired, 1, worker_id);
  sqlite3_bind_text (paired, 2, name, -1, SQLITE_STATIC);
  if ((n = two_ids (store, paired, ids, error)) < 0)
    return -1;
  if (n == 1)
    return ids[0];
  if (n == 0)
    {
      anyone = shouhu_store_prepare (store, "SELECT id FROM volunteer WHERE name = ? ORDER BY id LIMIT 2", error);
      if (anyone == NULL)
        return -1;
      sqlite3_bind_text (anyone, 1, name, -1, SQLITE_STATIC);
      if ((n = two_ids (store, anyone, ids, error)) < 0)
        return -1;
      if (n == 1)
        return ids[0];
    }
  if (n == 0)
    *reason = g_strdup_printf (_("Volunteer %s is not recorded: add the volunteer first (pair them with the family "
                                 "on the Annex 2 page), or correct the name"), name);
  else
    *reason = g_strdup_printf (_("Several volunteers are named %s: pair the one who served with the family, "
                                 "so that the ledger can tell them apart"), name);
  return 0;
}

/* The record a line adds, checked as the quick entry checks it. */
static ShouhuService *
service_of (ShouhuStore                  *store,
            const ShouhuLedgerImportRow  *r,
            const char                   *today,
            char                        **reason,
            GError                      **error)
{
  g_autoptr(ShouhuService) s = shouhu_service_new ();
  g_autoptr(GError) invalid = NULL;

  if ((s->worker_id = find_family (store, r, reason, error)) <= 0)
    return NULL;
  for (guint i = 0; r->volunteers[i] != NULL; i++)
    {
      gint64 id = find_volunteer (store, s->worker_id, r->volunteers[i], reason, error);

      if (id <= 0)
        return NULL;
      shouhu_service_add_volunteer (s, id);
    }
  g_free (s->day);
  s->day = g_strdup (r->day);
  s->kind = r->kind;
  g_free (s->content);
  s->content = g_strdup (r->content);
  s->minutes = r->minutes;
  g_free (s->need);
  s->need = g_strdup (r->need);
  s->solved = r->solved;
  if (!shouhu_service_validate (s, today, &invalid))
    {
      *reason = g_strdup (invalid->message);
      return NULL;
    }
  return g_steal_pointer (&s);
}

/* Key of what a record says, for lines repeated in the file. */
static char *
same_key (const ShouhuService *s)
{
  g_autoptr(GString) key = g_string_new (NULL);

  g_string_append_printf (key, "%" G_GINT64_FORMAT "\x1f%s\x1f%d\x1f%d\x1f%s\x1f%s\x1f", s->worker_id, s->day,
                          s->kind, s->minutes, s->content, s->need);
  for (guint i = 0; i < s->volunteer_ids->len; i++)
    g_string_append_printf (key, "%" G_GINT64_FORMAT ",", g_array_index (s->volunteer_ids, gint64, i));
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/**
 * shouhu_import_ledger_preview:
 *
 * Finds each line's family and volunteers and checks the record it adds.
 * A line whose record is stored already (as many times as the file says
 * it) is marked already; a line that cannot be taken is added to the
 * rejected.  Writes nothing; may be run again.
 */
gboolean
shouhu_import_ledger_preview (ShouhuStore         *store,
                              ShouhuLedgerImport  *import,
                              GError             **error)
{
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *today = shouhu_ledger_today ();

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);

  g_ptr_array_set_size (import->rejected, import->n_read_rejected);
  import->n_new = import->n_already = 0;
  for (guint i = 0; i < import->rows->len; i++)
    {
      ShouhuLedgerImportRow *r = import->rows->pdata[i];
      g_autofree char *reason = NULL;
      g_autofree char *key = NULL;
      gpointer left;

      g_clear_pointer (&r->service, shouhu_service_free);
      r->already = FALSE;
      r->service = service_of (store, r, today, &reason, error);
      if (r->service == NULL && reason == NULL)
        return FALSE;
      if (r->service == NULL)
        {
          shouhu_import_reject (import->rejected, r->sheet, r->row, reason);
          continue;
        }

      /* Each stored record answers one line of the file. */
      key = same_key (r->service);
      if (!g_hash_table_lookup_extended (stored, key, NULL, &left))
        {
          gint64 n = shouhu_ledger_count_same (store, r->service, error);

          if (n < 0)
            return FALSE;
          left = GINT_TO_POINTER ((int) MIN (n, G_MAXINT));
        }
      r->already = GPOINTER_TO_INT (left) > 0;
      g_hash_table_insert (stored, g_steal_pointer (&key), GINT_TO_POINTER (MAX (GPOINTER_TO_INT (left) - 1, 0)));
      if (r->already)
        import->n_already++;
      else
        import->n_new++;
    }
  return TRUE;
}

/**
 * shouhu_import_ledger_write:
 *
 * Previews @import again inside one transaction and adds its new lines,
 * each with a history row naming the file, and the import's event
 * (导入记录).  When any line is rejected, nothing is written and the
 * error (%SHOUHU_IMPORT_ERROR_REJECTED) names the first.
 */
gboolean
shouhu_import_ledger_write (ShouhuStore         *store,
                            ShouhuLedgerImport  *import,
                            GError             **error)
{
  ShouhuImportEvent event = { 0 };
  gint64 event_id;

  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!shouhu_import_ledger_preview (store, import, error))
    goto fail;
  if (import->rejected->len > 0)
    {
      const ShouhuImportRejection *first = import->rejected->pdata[0];

      g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_REJECTED,
                   g_dngettext (NULL,
                                "Nothing was imported from %s: %u line was rejected (sheet “%s”, row %u: %s). "
                                "Correct it and import the ledger again.",
                                "Nothing was imported from %s: %u lines were rejected, the first in sheet “%s”, "
                                "row %u: %s. Correct them and import the ledger again.",
                                import->rejected->len),
                   import->file_name, import->rejected->len, first->sheet, first->row, first->reason);
      goto fail;
    }
  event.kind = "ledger";
  event.file_name = import->file_name;
  event.sha256 = import->sha256;
  event.n_new = import->n_new;
  event.n_unchanged = import->n_already;
  if ((event_id = shouhu_import_event_add (store, &event, error)) == 0)
    goto fail;
  for (guint i = 0; i < import->rows->len; i++)
    {
      ShouhuLedgerImportRow *r = import->rows->pdata[i];

      if (r->already)
        continue;
      if (shouhu_ledger_insert_imported (store, r->service, import->file_name, error) == 0)
        {
          g_prefix_error (error, _("Sheet “%s”, row %u: "), r->sheet, r->row);
          goto fail;
        }
    }
  if (!shouhu_store_commit (store, error))
    goto fail;
  import->event_id = event_id;
  if (import->n_new > 0)
    shouhu_store_emit_changed (store, "ledger");
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}
