/* test-import-dialog.c — the import preview: counts, confirm, cancel, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-history-dialog.h"
#include "shouhu-import-dialog.h"
#include "shouhu-test-util.h"
#include "shouhu-window.h"

#include <gtk/gtk.h>
#include <string.h>

static char *tmp_dir;

/* Two records and a rejected row (1.38E+10 lost its digits). */
static char *
make_workbook (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "渝中区附件2.xlsx", NULL);
  g_autofree char *literal = g_shell_quote (path);
  g_autofree char *script = g_strdup_printf (
    "import openpyxl\n"
    "wb = openpyxl.Workbook(); ws = wb.active; ws.title = '渝中区'\n"
    "ws['A1'] = '附件2'\n"
    "ws['A2'] = '重庆志愿者精准守护一线医护人员工作信息表'\n"
    "ws['A3'] = '区县：渝中区　填报人：张三　联系电话：023-63891234'\n"
    "heads = ['序号', '医院', '姓名', '性别', '职务', '一线工作具体地点', '家庭地址', '本人联系电话', '家属联系电话', '结对志愿者', '备注']\n"
    "for c, h in enumerate(heads): ws.cell(4, 1 + c, h)\n"
    "rows = [[1, '市人民医院', '李四', '男', '', '', '', 13812345678, '', '王五 13700000001', ''],\n"
    "        [2, '市人民医院', '赵六', '女', '', '', '', 13812345679, '', '', ''],\n"
    "        [3, '市人民医院', '周九', '女', '', '', '', '1.38E+10', '', '', '']]\n"
    "for r, row in enumerate(rows):\n"
    "    for c, v in enumerate(row): ws.cell(5 + r, 1 + c, v)\n"
    "wb.save(%s)\n", literal);

  shouhu_test_run_python (tmp_dir, script);
  return g_steal_pointer (&path);
}

static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = NULL;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        {
          const char *label = type == GTK_TYPE_BUTTON ? gtk_button_get_label (GTK_BUTTON (c))
                            : type == GTK_TYPE_CHECK_BUTTON ? gtk_check_button_get_label (GTK_CHECK_BUTTON (c))
                            : gtk_label_get_text (GTK_LABEL (c));
          if (label != NULL && strstr (label, text) != NULL)
            return c;
        }
      if ((found = find_widget (c, type, text)) != NULL)
        return found;
    }
  return NULL;
}

static ShouhuImportDialog *
open_dialog (GtkWindow   *parent,
             ShouhuStore *store,
             const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ShouhuImportDialog *dialog = shouhu_import_dialog_new (parent, store, file);

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  while (shouhu_import_dialog_is_loading (dialog))
    g_main_context_iteration (NULL, TRUE);
  return dialog;
}

static void
test_preview_and_confirm (void)
{
  g_autofree char *path = make_workbook ();
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImportDialog) dialog = open_dialog (NULL, store, path);
  const ShouhuImport *import = shouhu_import_dialog_get_import (dialog);
  GtkWidget *button;

  g_assert_nonnull (import);
  g_assert_cmpint (import->kind, ==, SHOUHU_IMPORT_ANNEX2);
  g_assert_cmpuint (import->annex2->n_new, ==, 2);
  g_assert_cmpuint (import->annex2->rejected->len, ==, 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "2 new records, 0 to update"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "1 rows rejected"));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 0);

  button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '周九'"), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

/* Imported from the window, the window shows the page and says what came
 * in, asked through its actions. */
static void
test_window (void)
{
  g_autofree char *path = make_workbook ();
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  g_autoptr(ShouhuImportDialog) dialog = open_dialog (GTK_WINDOW (window), store, path);
  GtkWidget *button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");

  g_assert_cmpstr (shouhu_window_get_visible_page (window), ==, "dashboard");
  g_assert_null (shouhu_notification_get_message (shouhu_window_get_notification (window)));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 2);
  g_assert_cmpstr (shouhu_window_get_visible_page (window), ==, "annex2");
  g_assert_cmpstr (shouhu_notification_get_message (shouhu_window_get_notification (window)), ==,
                   "Imported 渝中区附件2.xlsx: 2 new and 0 updated records");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A re-import of the form with 李四's phone changed, 赵六 gone and a
 * heading nobody knows. */
static char *
make_edited_workbook (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "渝中区附件2-更新.xlsx", NULL);
  g_autofree char *literal = g_shell_quote (path);
  g_autofree char *script = g_strdup_printf (
    "import openpyxl\n"
    "wb = openpyxl.Workbook(); ws = wb.active; ws.title = '渝中区'\n"
    "ws['A3'] = '区县：渝中区　填报人：张三　联系电话：023-63891234'\n"
    "heads = ['序号', '医院', '姓名', '性别', '职务', '一线工作具体地点', '家庭地址', '本人联系电话', '微信号']\n"
    "for c, h in enumerate(heads): ws.cell(4, 1 + c, h)\n"
    "for c, v in enumerate([1, '市人民医院', '李四', '男', '护士长', '', '', 13811112222, 'lisi']): ws.cell(5, 1 + c, v)\n"
    "wb.save(%s)\n", literal);

  shouhu_test_run_python (tmp_dir, script);
  return g_steal_pointer (&path);
}

/* The preview shows each change field by field, asks about the likely
 * duplicate, lists the record not in the file and the ignored column,
 * and imports only once the duplicate is decided. */
static void
test_decisions (void)
{
  g_autofree char *first = make_workbook ();
  g_autofree char *edited = make_edited_workbook ();
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImportDialog) dialog = open_dialog (NULL, store, first);
  GtkWidget *button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");
  GtkWidget *drop_down, *check;
  const ShouhuImport *import;

  g_signal_emit_by_name (button, "clicked");
  g_clear_object (&dialog);
  dialog = open_dialog (NULL, store, edited);
  import = shouhu_import_dialog_get_import (dialog);
  button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");
  g_assert_cmpuint (import->annex2->n_undecided, ==, 1);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "李四 is probably record 1"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "“13812345678” → “13811112222”"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "微信号"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "在库中但不在此文件中"));

  /* Update record 1: the change shows among the updates, Import is on. */
  drop_down = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (
    gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_ancestor (
      find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "李四 is probably record 1"), GTK_TYPE_LIST_BOX)), 0))));
  drop_down = gtk_widget_get_next_sibling (drop_down);
  g_assert_true (GTK_IS_DROP_DOWN (drop_down));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), SHOUHU_IMPORT_CHOICE_UPDATE);
  while (import->annex2->n_undecided > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (import->annex2->n_updated, ==, 1);
  g_assert_true (gtk_widget_get_sensitive (button));

  check = find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, "_Remove these records");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '李四' AND "
                                                 "phone = '13811112222' AND title = '护士长'"), ==, 1);

  /* The history tells a person what the imports did. */
  {
    GtkWindow *history = shouhu_history_dialog_new (NULL, store, "worker", 1, "李四");

    g_assert_nonnull (find_widget (GTK_WIDGET (history), GTK_TYPE_LABEL, "Created by importing 渝中区附件2.xlsx"));
    g_assert_nonnull (find_widget (GTK_WIDGET (history), GTK_TYPE_LABEL, "Changed by importing 渝中区附件2-更新.xlsx"));
    g_assert_nonnull (find_widget (GTK_WIDGET (history), GTK_TYPE_LABEL, "→ “护士长”"));
    gtk_window_destroy (history);
  }
}

static void
test_cancel (void)
{
  g_autofree char *path = make_workbook ();
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImportDialog) dialog = open_dialog (NULL, store, path);

  g_assert_nonnull (shouhu_import_dialog_get_import (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM history"), ==, 0);
}

/* A volunteers' roster made by hand: two volunteers, a row whose date
 * does not exist, a column of the school's own. */
static char *
make_roster (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "志愿者名单.xlsx", NULL);
  g_autofree char *literal = g_shell_quote (path);
  g_autofree char *script = g_strdup_printf (
    "import openpyxl\n"
    "wb = openpyxl.Workbook(); ws = wb.active\n"
    "ws.append(['姓名', '联系电话', '学院', '区县', '培训合格日期'])\n"
    "ws.append(['王五', '13700000001', '医学院', '渝中区', '2020-02-08'])\n"
    "ws.append(['马六', 13700000002, '文学院', '渝中区', None])\n"
    "ws.append(['钱七', '13700000003', '理学院', '渝中区', '2020-02-31'])\n"
    "wb.save(%s)\n", literal);

  shouhu_test_run_python (tmp_dir, script);
  return g_steal_pointer (&path);
}

/* From the window, a roster shows its own preview and comes in. */
static void
test_roster (void)
{
  g_autofree char *path = make_roster ();
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  g_autoptr(ShouhuImportDialog) dialog = open_dialog (GTK_WINDOW (window), store, path);
  const ShouhuImport *import = shouhu_import_dialog_get_import (dialog);
  GtkWidget *button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");

  g_assert_cmpint (import->kind, ==, SHOUHU_IMPORT_ROSTER);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "志愿者名单.xlsx: volunteers’ roster"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "2 new volunteers, 0 to update"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "1 rows rejected"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Columns passed over: 学院."));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer"), ==, 0);

  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer"), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer WHERE trained_on = '2020-02-08'"),
                   ==, 1);
  g_assert_cmpstr (shouhu_notification_get_message (shouhu_window_get_notification (window)), ==,
                   "Imported 志愿者名单.xlsx: 2 new and 0 updated volunteers");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_broken_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "坏文件.xlsx", NULL);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImportDialog) dialog = NULL;
  GtkWidget *button;

  g_assert_true (g_file_set_contents (path, "PK\003\004 cut short", -1, NULL));
  dialog = open_dialog (NULL, store, path);
  g_assert_null (shouhu_import_dialog_get_import (dialog));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "坏文件.xlsx"));
  button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_window_close (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  tmp_dir = shouhu_test_temp_dir ();

  shouhu_test_add_openpyxl ("/import-dialog/preview-and-confirm", test_preview_and_confirm);
  shouhu_test_add_openpyxl ("/import-dialog/window", test_window);
  shouhu_test_add_openpyxl ("/import-dialog/cancel", test_cancel);
  shouhu_test_add_openpyxl ("/import-dialog/decisions", test_decisions);
  shouhu_test_add_openpyxl ("/import-dialog/roster", test_roster);
  shouhu_test_add ("/import-dialog/broken-file", test_broken_file);

  status = g_test_run ();
  shouhu_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}
