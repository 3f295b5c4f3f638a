/* test-import-ledger.c — taking in a service ledger: cells as people write them, all or nothing
 *
 * The ledgers are written here with libxlsxwriter, as an office fills
 * one in: a title above the header, dates as date cells, as day numbers
 * and as text in three writings, kinds and durations in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-import.h"
#include "shouhu-import-ledger.h"
#include "shouhu-store-private.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"

#include <string.h>
#include <xlsxwriter.h>

typedef struct
{
  char        *path;
  char        *dir;
  ShouhuStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->store = shouhu_test_new_store (&fx->path);
  fx->dir = g_path_get_dirname (fx->path);
  /* 甲一..甲五 (万州区), 乙一 乙二 (黔江区), 丙一..丙三 (高新区), 丁一;
   * 志愿者A..F; 甲二 and 甲三 are paired with 志愿者A: shouhu-test-annex2.c */
  shouhu_test_annex2_insert_set (fx->store);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  shouhu_test_rm_rf (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

/* A cell: text, or a number when it starts with '#', or a date cell
 * (YYYY-MM-DD written as Excel's date) when it starts with '@'. */
static void
put (lxw_worksheet *ws,
     lxw_format    *date_format,
     int            row,
     int            col,
     const char    *cell)
{
  if (cell == NULL || *cell == '\0')
    return;
  if (cell[0] == '#')
    worksheet_write_number (ws, row, col, g_ascii_strtod (cell + 1, NULL), NULL);
  else if (cell[0] == '@')
    {
      lxw_datetime when = { 0, };

      g_assert_cmpint (sscanf (cell + 1, "%d-%d-%d", &when.year, &when.month, &when.day), ==, 3);
      worksheet_write_datetime (ws, row, col, &when, date_format);
    }
  else
    worksheet_write_string (ws, row, col, cell, NULL);
}

#define N_HEADS 10

static const char *const heads[N_HEADS] = {
  "序号", "日期", "医护人员姓名", "本人联系电话", "志愿者", "服务类型", "服务内容", "时长(分钟)", "需求", "是否解决",
};

/* The lines after 序号, as people fill them in. */
static const char *const good_lines[][N_HEADS - 1] = {
  { "@2020-02-10", "甲二", "", "志愿者A", "电话问候", "电话了解家中情况", "#20", "", "" },
  { "2020-02-11", "甲三", "", "志愿者A、志愿者B", "视频问询", "视频陪孩子写作业", "30分钟", "买降压药", "是" },
  { "2020年2月12日", "乙一", "", "志愿者C", "生活物资采买", "代购蔬菜", "#45", "买菜", "否" },
  { "#43873", "丙一", "", "志愿者D", "接送", "接送上下班", "1小时", "", "" },
  { "2020/2/13", "丁一", "", "志愿者E", "其它", "心理疏导", "1.5小时", "心理疏导", "未解决" },
};

static char *
write_ledger (Fixture            *fx,
              const char         *name,
              const char *const (*lines)[N_HEADS - 1],
              guint               n_lines,
              const char *const  *header)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "二月台账");
  lxw_format *date_format = workbook_add_format (wb);

  format_set_num_format (date_format, "yyyy-mm-dd");
  worksheet_write_string (ws, 0, 0, "万州区志愿服务台账", NULL);
  for (int c = 0; c < N_HEADS && header[c] != NULL; c++)
    worksheet_write_string (ws, 2, c, header[c], NULL);
  for (guint r = 0; r < n_lines; r++)
    {
      worksheet_write_number (ws, 3 + (int) r, 0, r + 1, NULL);
      for (int c = 0; c < N_HEADS - 1; c++)
        put (ws, date_format, 3 + (int) r, c + 1, lines[r][c]);
    }
  worksheet_write_string (ws, 4 + (int) n_lines, 0, "说明：本台账每周报送一次。", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return g_steal_pointer (&path);
}

static ShouhuImport *
read_and_preview (Fixture    *fx,
                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuImport) import = shouhu_import_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_cmpint (import->kind, ==, SHOUHU_IMPORT_LEDGER);
  g_assert_true (shouhu_import_preview (fx->store, import, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static void
test_import (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = write_ledger (fx, "台账.xlsx", good_lines, G_N_ELEMENTS (good_lines), heads);
  g_autoptr(ShouhuImport) import = read_and_preview (fx, path);
  g_autoptr(ShouhuImport) again = NULL;
  ShouhuLedgerImport *ledger = import->ledger;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ledger->rows->len, ==, 5);
  g_assert_cmpint (ledger->rejected->len, ==, 0);
  g_assert_cmpint (ledger->n_new, ==, 5);
  g_assert_cmpint (shouhu_import_n_rejected (import), ==, 0);
  /* The rows are those people see: the header is in row 3. */
  g_assert_cmpuint (((ShouhuLedgerImportRow *) ledger->rows->pdata[0])->row, ==, 4);

  g_assert_true (shouhu_import_write (fx->store, import, &error));
  g_assert_no_error (error);

  /* Read straight from SQLite: day, family, kind, minutes, need, solved, volunteers. */
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM service"), ==, 5);
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count (*) FROM service WHERE"
                                          " (worker_id = 2 AND day = '2020-02-10' AND kind = 'greeting' AND minutes = 20"
                                          "  AND need = '' AND solved = 0) OR"
                                          " (worker_id = 3 AND day = '2020-02-11' AND kind = 'greeting' AND minutes = 30"
                                          "  AND need = '买降压药' AND solved = 1) OR"
                                          " (worker_id = 6 AND day = '2020-02-12' AND kind = 'supplies' AND minutes = 45"
                                          "  AND need = '买菜' AND solved = 0) OR"
                                          " (worker_id = 8 AND day = '2020-02-12' AND kind = 'transport' AND minutes = 60) OR"
                                          " (worker_id = 11 AND day = '2020-02-13' AND kind = 'other' AND minutes = 90"
                                          "  AND need = '心理疏导' AND solved = 0)"),
                   ==, 5);
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count (*) FROM service_volunteer sv JOIN service s ON s.id = sv.service_id"
                                          " WHERE s.worker_id = 3"), ==, 2);
  /* One history row per record, naming the file. */
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count (*) FROM history WHERE entity = 'service' AND action = 'import'"
                                          " AND new_value = '台账.xlsx'"), ==, 5);
  /* And one event for the import, with the file's name and checksum. */
  g_assert_cmpint (ledger->event_id, >, 0);
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count (*) FROM import_event WHERE kind = 'ledger'"
                                          " AND file_name = '台账.xlsx' AND length (sha256) = 64"
                                          " AND n_new = 5 AND n_unchanged = 0"), ==, 1);

  /* The same ledger sent again adds nothing. */
  again = read_and_preview (fx, path);
  g_assert_cmpint (again->ledger->n_new, ==, 0);
  g_assert_cmpint (again->ledger->n_already, ==, 5);
  g_assert_true (shouhu_import_write (fx->store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM service"), ==, 5);
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count (*) FROM import_event WHERE kind = 'ledger'"
                                          " AND n_new = 0 AND n_unchanged = 5"), ==, 1);
}

/* A line written twice is two services; sent again, both are known. */
static void
test_repeated_line (Fixture       *fx,
                    gconstpointer  data)
{
  const char *const lines[][N_HEADS - 1] = {
    { "2020-02-10", "甲二", "", "志愿者A", "电话", "问候", "#10", "", "" },
    { "2020-02-10", "甲二", "", "志愿者A", "电话", "问候", "#10", "", "" },
  };
  g_autofree char *path = write_ledger (fx, "twice.xlsx", lines, G_N_ELEMENTS (lines), heads);
  g_autoptr(ShouhuImport) import = read_and_preview (fx, path);
  g_autoptr(ShouhuImport) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (import->ledger->n_new, ==, 2);
  g_assert_true (shouhu_import_write (fx->store, import, &error));
  again = read_and_preview (fx, path);
  g_assert_cmpint (again->ledger->n_new, ==, 0);
  g_assert_cmpint (again->ledger->n_already, ==, 2);
}

static gboolean
has_rejection (GPtrArray  *rejected,
               guint       row,
               const char *part)
{
  for (guint i = 0; i < rejected->len; i++)
    {
      const ShouhuImportRejection *r = rejected->pdata[i];

      if (r->row == row && strstr (r->reason, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* One rejected line and nothing is written; every rejected line is listed. */
static void
test_rejected_line (Fixture       *fx,
                    gconstpointer  data)
{
  const char *const lines[][N_HEADS - 1] = {
    { "2020-02-10", "甲二", "", "志愿者A", "电话问候", "问候", "#20", "", "" },
    { "2月14日", "甲二", "", "志愿者A", "电话问候", "问候", "#20", "", "" },        /* no year */
    { "2020-02-11", "甲三", "", "无名氏", "电话问候", "问候", "#20", "", "" },      /* no such volunteer */
    { "2020-02-11", "甲三", "138****0000", "志愿者A", "电话问候", "问候", "#20", "", "" },  /* masked */
    { "2020-02-11", "张三丰", "", "志愿者A", "电话问候", "问候", "#20", "", "" },    /* no such worker */
    { "2020-02-11", "甲三", "", "志愿者A", "散步", "问候", "#20", "", "" },         /* no kind */
    { "2020-02-11", "甲三", "", "志愿者A", "电话问候", "问候", "两小时", "", "" },   /* no minutes */
    { "2020-02-11", "甲三", "", "志愿者A", "电话问候", "问候", "#20", "买药", "也许" },
    { "2099-02-11", "甲三", "", "志愿者A", "电话问候", "问候", "#20", "", "" },     /* after today */
  };
  g_autofree char *path = write_ledger (fx, "rejects.xlsx", lines, G_N_ELEMENTS (lines), heads);
  g_autoptr(ShouhuImport) import = read_and_preview (fx, path);
  GPtrArray *rejected = import->ledger->rejected;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (import->ledger->n_new, ==, 1);
  g_assert_cmpint (rejected->len, ==, 8);
  g_assert_true (has_rejection (rejected, 5, "日期"));
  g_assert_true (has_rejection (rejected, 6, "无名氏"));
  g_assert_true (has_rejection (rejected, 7, "masked"));
  g_assert_true (has_rejection (rejected, 8, "张三丰"));
  g_assert_true (has_rejection (rejected, 9, "散步"));
  g_assert_true (has_rejection (rejected, 10, "两小时"));
  g_assert_true (has_rejection (rejected, 11, "也许"));
  g_assert_true (has_rejection (rejected, 12, "2099-02-11"));

  g_assert_false (shouhu_import_write (fx->store, import, &error));
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "rejects.xlsx"));
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM service"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM history WHERE entity = 'service'"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM import_event"), ==, 0);
}

/* Two workers of one name: the phone says which family it was. */
static void
test_names_repeat (Fixture       *fx,
                   gconstpointer  data)
{
  const char *const lines[][N_HEADS - 1] = {
    { "2020-02-10", "甲二", "", "志愿者A", "电话问候", "问候", "#20", "", "" },
    { "2020-02-10", "甲二", "#13800000000", "志愿者F", "电话问候", "问候", "#20", "", "" },
  };
  g_autofree char *path = NULL;
  g_autoptr(ShouhuImport) import = NULL;
  char *message = NULL;

  if (sqlite3_exec (shouhu_store_get_db (fx->store),
                    "INSERT INTO worker (id, district_id, hospital, name, gender, phone, created, changed)"
                    " VALUES (20, 4, '重庆医科大学附属第一医院', '甲二', '女', '13800000000', 'x', 'x')",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  path = write_ledger (fx, "names.xlsx", lines, G_N_ELEMENTS (lines), heads);
  import = read_and_preview (fx, path);
  g_assert_cmpint (import->ledger->rejected->len, ==, 1);
  g_assert_true (has_rejection (import->ledger->rejected, 4, "本人联系电话"));
  g_assert_nonnull (((ShouhuLedgerImportRow *) import->ledger->rows->pdata[1])->service);
  g_assert_cmpint (((ShouhuLedgerImportRow *) import->ledger->rows->pdata[1])->service->worker_id, ==, 20);
}

/* A ledger without a column it needs is refused, naming the column. */
static void
test_missing_column (Fixture       *fx,
                     gconstpointer  data)
{
  const char *const header[] = { "序号", "日期", "医护人员", "本人联系电话", "服务类型", "服务内容", "时长", NULL };
  g_autofree char *path = write_ledger (fx, "no-volunteer.xlsx", NULL, 0, header);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuImport) import = shouhu_import_from_file (path, &error);

  g_assert_null (import);
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT);
  g_assert_nonnull (strstr (error->message, "志愿者"));
}

/* The command line takes a ledger whole, and never part of one. */
static void
test_cli (Fixture       *fx,
          gconstpointer  data)
{
  const char *const bad[][N_HEADS - 1] = {
    { "2020-02-10", "甲二", "", "志愿者A", "电话问候", "问候", "#20", "", "" },
    { "2020-02-11", "甲三", "", "无名氏", "电话问候", "问候", "#20", "", "" },
  };
  g_autofree char *good = write_ledger (fx, "good.xlsx", good_lines, G_N_ELEMENTS (good_lines), heads);
  g_autofree char *rejects = write_ledger (fx, "bad.xlsx", bad, G_N_ELEMENTS (bad), heads);
  g_autofree char *out = NULL;

  g_assert_cmpint (shouhu_test_run_import (fx->path, rejects, FALSE, &out), ==, 1);
  g_assert_nonnull (strstr (out, "无名氏"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (shouhu_test_run_import (fx->path, rejects, TRUE, &out), ==, 1);
  g_assert_nonnull (strstr (out, "--accept-valid"));
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM service"), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (shouhu_test_run_import (fx->path, good, FALSE, &out), ==, 0);
  g_assert_nonnull (strstr (out, "New service records: 5"));
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM service"), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-ledger/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/import-ledger/repeated-line", Fixture, NULL, fixture_set_up, test_repeated_line, fixture_tear_down);
  g_test_add ("/import-ledger/rejected-line", Fixture, NULL, fixture_set_up, test_rejected_line, fixture_tear_down);
  g_test_add ("/import-ledger/names-repeat", Fixture, NULL, fixture_set_up, test_names_repeat, fixture_tear_down);
  g_test_add ("/import-ledger/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/import-ledger/missing-column", Fixture, NULL, fixture_set_up, test_missing_column,
              fixture_tear_down);

  return g_test_run ();
}
