/* bench-import.c — importing the city's Annex 2 forms, and hostile files
 *
 * Writes the 41 district forms in the official layout (libxlsxwriter)
 * with 100,000 and 200,000 rows, then measures, in the same run:
 *   - openpyxl's read-only mode reading every cell of the 100,000-row file
 *     (Debian's /usr/bin/python3), the baseline;
 *   - `shouhu --import` of the same file into a new database, as a child
 *     process: wall time and peak memory (getrusage of the child);
 *   - the same with 200,000 rows: the cost must grow linearly;
 *   - the database's size against the bytes of the cells;
 *   - two hostile files: four 60 MB text cells in a 174 KB file, and one
 *     million rows that are all rejected.
 * Each is measured in several rounds (SHOUHU_BENCH_ROUNDS, 3 by default),
 * the baseline and the imports taking turns, and the median of each is
 * compared: on a shared machine one run of either may take half as long
 * again as the next.  Peak memory is the highest of the rounds.
 * The program's own figures are in the last lines; README quotes them.
 *
 *   SHOUHU_BIN=build/src/shouhu build/bench/bench-import [ROWS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "shouhu-district.h"

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴",
                                        "徐", "孙", "马", "胡", "朱", "郭", "何", "罗", "高", "林" };
static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳",
                                     "勇", "军", "杰", "娟", "涛", "明", "超", "秀", "霞", "平" };
static const char *const titles[] = { "护士", "主管护师", "医师", "主治医师", "副主任医师", "护士长" };
static const char *const places[] = { "发热门诊", "隔离病房", "重症监护室", "急诊科", "援鄂医疗队" };
static const char *const streets[] = { "解放碑街道", "七星岗街道", "大坪街道", "石油路街道", "化龙桥街道" };
static const char *const heads[] = { "序号", "医院", "姓名", "性别", "职务", "一线工作具体地点", "家庭地址",
                                     "本人联系电话", "家属联系电话", "结对志愿者", "备注" };

static char *tmp_dir;

static char *
person (guint i)
{
  return g_strdup_printf ("%s%s%s", surnames[i % 20], given[(i / 20) % 20], given[(i / 400) % 20]);
}

/* The 41 forms of the notice's Annex 2, @n_rows workers in all. */
static char *
write_city (guint n_rows)
{
  g_autofree char *name = g_strdup_printf ("city-%u.xlsx", n_rows);
  char *path = g_build_filename (tmp_dir, name, NULL);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = tmp_dir };
  lxw_workbook *book = workbook_new_opt (path, &options);
  guint k = 0;

  for (int d = 1; d <= SHOUHU_N_DISTRICTS; d++)
    {
      const ShouhuDistrict *district = shouhu_district_get (d);
      lxw_worksheet *ws = workbook_add_worksheet (book, district->name);
      guint n = n_rows / SHOUHU_N_DISTRICTS + ((guint) d <= n_rows % SHOUHU_N_DISTRICTS ? 1 : 0);
      g_autofree char *line = g_strdup_printf ("区县：%s　　填报人：张三　　联系电话：023-63891234", district->name);

      worksheet_write_string (ws, 0, 0, "附件2", NULL);
      worksheet_write_string (ws, 1, 0, "重庆志愿者精准守护一线医护人员工作信息表", NULL);
      worksheet_write_string (ws, 2, 0, line, NULL);
      for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
        worksheet_write_string (ws, 3, (lxw_col_t) c, heads[c], NULL);
      for (guint r = 0; r < n; r++, k++)
        {
          g_autofree char *hospital = g_strdup_printf ("%s第%u人民医院", district->short_name, k % 7 + 1);
          g_autofree char *worker = person (k);
          g_autofree char *home = g_strdup_printf ("%s%s某小区%u栋%u号", district->name, streets[k % 5], k % 97, k % 31);
          g_autofree char *phone = g_strdup_printf ("138%08u", k);
          g_autofree char *family = g_strdup_printf ("139%08u", k);
          /* one volunteer guards two families (一对多) */
          g_autofree char *volunteer = person ((k / 2) * 7 + 3);
          g_autofree char *pairing = g_strdup_printf ("%s 137%08u", volunteer, k / 2);
          lxw_row_t row = (lxw_row_t) (4 + r);

          worksheet_write_number (ws, row, 0, r + 1, NULL);
          worksheet_write_string (ws, row, 1, hospital, NULL);
          worksheet_write_string (ws, row, 2, worker, NULL);
          worksheet_write_string (ws, row, 3, k % 3 ? "女" : "男", NULL);
          worksheet_write_string (ws, row, 4, titles[k % 6], NULL);
          worksheet_write_string (ws, row, 5, places[k % 5], NULL);
          worksheet_write_string (ws, row, 6, home, NULL);
          worksheet_write_string (ws, row, 7, phone, NULL);
          worksheet_write_string (ws, row, 8, family, NULL);
          worksheet_write_string (ws, row, 9, pairing, NULL);
          if (k % 10 == 0)
            worksheet_write_string (ws, row, 10, "援鄂", NULL);
        }
    }
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
  return path;
}

static const char openpyxl_script[] =
  "import openpyxl, sys\n"
  "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
  "n = 0; size = 0\n"
  "for ws in wb.worksheets:\n"
  "    for row in ws.iter_rows(values_only=True):\n"
  "        for v in row:\n"
  "            if v is not None:\n"
  "                n += 1; size += len(str(v).encode())\n"
  "print(n, size)\n";

/* openpyxl reading every cell: @wall and @cpu seconds; @cells and
 * @bytes what it read. */
static void
openpyxl_read (const char *path,
               double     *wall,
               double     *cpu,
               guint64    *cells,
               guint64    *bytes)
{
  int fds[2];
  char out[256] = { 0 };
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  pid_t pid;
  int status;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  if (pid == 0)
    {
      dup2 (fds[1], 1);
      close (fds[0]);
      execl ("/usr/bin/python3", "python3", "-c", openpyxl_script, path, (char *) NULL);
      _exit (127);
    }
  close (fds[1]);
  {
    gsize got = 0;
    gssize n;

    /* Everything it prints, to its end: its last line holds the counts. */
    while ((n = read (fds[0], out + got, sizeof out - 1 - got)) != 0)
      {
        if (n < 0 && errno == EINTR)
          continue;
        if (n < 0)
          g_error ("openpyxl: %s", g_strerror (errno));
        got += (gsize) n;
        if (got == sizeof out - 1)
          got = 0;
      }
    out[got] = '\0';
  }
  close (fds[0]);
  wait4 (pid, &status, 0, &usage);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("openpyxl could not read %s", path);
  *wall = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  *cpu = (double) usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         (double) usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  sscanf (out, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, cells, bytes);
}

typedef struct
{
  double  seconds;
  double  cpu_seconds;   /* user and system */
  double  max_rss_mb;
  int     status;
  guint64 db_bytes;
} Run;

/* `shouhu --import` as a child process, into a new database. */
static Run
run_import (const char *path,
            const char *db_name)
{
  g_autofree char *db = g_build_filename (tmp_dir, db_name, NULL);
  const char *bin = g_getenv ("SHOUHU_BIN");
  Run run = { 0 };
  struct rusage usage;
  gint64 start;
  pid_t pid;
  GStatBuf st;

  g_unlink (db);
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, 1);
      dup2 (null, 2);
      execl (bin, bin, "--database", db, "--import", path, "--accept-valid", (char *) NULL);
      _exit (127);
    }
  wait4 (pid, &run.status, 0, &usage);
  run.seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  run.cpu_seconds = (double) usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                    (double) usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  run.max_rss_mb = (double) usage.ru_maxrss / 1024.0;
  if (g_stat (db, &st) == 0)
    run.db_bytes = (guint64) st.st_size;
  return run;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The median of @n values (sorted in place). */
static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The median run of @n: median times, the highest peak memory, the
 * first failing status. */
static Run
median_run (const Run *runs,
            guint      n)
{
  g_autofree double *wall = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);
  Run out = runs[0];

  for (guint i = 0; i < n; i++)
    {
      wall[i] = runs[i].seconds;
      cpu[i] = runs[i].cpu_seconds;
      out.max_rss_mb = MAX (out.max_rss_mb, runs[i].max_rss_mb);
      if (out.status == 0)
        out.status = runs[i].status;
    }
  out.seconds = median (wall, n);
  out.cpu_seconds = median (cpu, n);
  return out;
}

static void
print_rounds (const char *what,
              const Run  *runs,
              guint       n)
{
  g_print ("  %s, each round: ", what);
  for (guint i = 0; i < n; i++)
    g_print ("%s%.2f s (CPU %.2f s)", i > 0 ? ", " : "", runs[i].seconds, runs[i].cpu_seconds);
  g_print ("\n");
}

/* Python writes the hostile files: it streams them, however big inside. */
static void
python (const char *script,
        const char *path)
{
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("python: %s", error->message);
}

#define HOSTILE_HEAD \
  "import zipfile, sys\n" \
  "z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED, compresslevel=9)\n" \
  "z.writestr('[Content_Types].xml', '<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>')\n" \
  "z.writestr('_rels/.rels', '<Relationships><Relationship Id=\"r1\" Type=\"x/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>')\n" \
  "z.writestr('xl/workbook.xml', '<workbook xmlns:r=\"r\"><sheets><sheet name=\"渝中区\" sheetId=\"1\" r:id=\"r1\"/></sheets></workbook>')\n" \
  "z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"r1\" Type=\"x/worksheet\" Target=\"s.xml\"/>" \
  "<Relationship Id=\"r2\" Type=\"x/sharedStrings\" Target=\"ss.xml\"/></Relationships>')\n" \
  "heads = ['序号', '医院', '姓名', '性别', '本人联系电话']\n" \
  "def head():\n" \
  "    return '<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>区县：渝中区</t></is></c></row><row r=\"2\">' + " \
  "''.join('<c r=\"%s2\" t=\"inlineStr\"><is><t>%s</t></is></c>' % ('ABCDE'[i], h) for i, h in enumerate(heads)) + '</row>'\n"

/* Four cells of 60 MB of text each. */
static const char huge_cells_script[] =
  HOSTILE_HEAD
  "z.writestr('xl/ss.xml', '<sst><si><t>x</t></si></sst>')\n"
  "with z.open('xl/s.xml', 'w') as f:\n"
  "    f.write(('<worksheet><sheetData>' + head()).encode())\n"
  "    chunk = b'A' * (1 << 20)\n"
  "    for r in range(4):\n"
  "        f.write(('<row r=\"%d\"><c r=\"B%d\" t=\"inlineStr\"><is><t>' % (r + 3, r + 3)).encode())\n"
  "        for i in range(60): f.write(chunk)\n"
  "        f.write(b'</t></is></c></row>')\n"
  "    f.write(b'</sheetData></worksheet>')\n"
  "z.close()\n";

/* One million rows, each rejected (性别 未知). */
static const char million_rows_script[] =
  HOSTILE_HEAD
  "z.writestr('xl/ss.xml', '<sst><si><t>市人民医院</t></si><si><t>某某</t></si><si><t>未知</t></si></sst>')\n"
  "with z.open('xl/s.xml', 'w') as f:\n"
  "    f.write(('<worksheet><sheetData>' + head()).encode())\n"
  "    buf = []\n"
  "    for r in range(3, 1000003):\n"
  "        buf.append('<row r=\"%d\"><c r=\"B%d\" t=\"s\"><v>0</v></c><c r=\"C%d\" t=\"s\"><v>1</v></c>"
  "<c r=\"D%d\" t=\"s\"><v>2</v></c></row>' % (r, r, r, r))\n"
  "        if len(buf) == 10000: f.write(''.join(buf).encode()); buf = []\n"
  "    f.write(''.join(buf).encode())\n"
  "    f.write(b'</sheetData></worksheet>')\n"
  "z.close()\n";

int
main (int    argc,
      char **argv)
{
  guint n_rows = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  const char *rounds_text = g_getenv ("SHOUHU_BENCH_ROUNDS");
  guint n_rounds = rounds_text != NULL ? (guint) CLAMP (atoi (rounds_text), 1, 99) : 3;
  g_autoptr(GError) error = NULL;
  g_autofree char *small = NULL, *large = NULL, *huge = NULL, *million = NULL;
  g_autofree double *baseline_wall = g_new (double, n_rounds);
  g_autofree double *baseline_cpus = g_new (double, n_rounds);
  g_autofree Run *ones = g_new0 (Run, n_rounds);
  g_autofree Run *twos = g_new0 (Run, n_rounds);
  g_autofree Run *cells_runs = g_new0 (Run, n_rounds);
  g_autofree Run *rows_runs = g_new0 (Run, n_rounds);
  guint64 cells = 0, bytes = 0;
  double baseline, baseline_cpu;
  Run one, two, hostile_cells, hostile_rows;
  GStatBuf st;

  if (g_getenv ("SHOUHU_BIN") == NULL)
    g_error ("set SHOUHU_BIN to the built program (build/src/shouhu)");
  tmp_dir = g_dir_make_tmp ("shouhu-bench-import-XXXXXX", &error);
  g_assert_no_error (error);

  small = write_city (n_rows);
  large = write_city (n_rows * 2);
  huge = g_build_filename (tmp_dir, "huge-cells.xlsx", NULL);
  python (huge_cells_script, huge);
  g_stat (huge, &st);
  million = g_build_filename (tmp_dir, "million.xlsx", NULL);
  python (million_rows_script, million);

  /* The rounds: each measure in turn, so that a busy moment of the
   * machine falls on all of them alike. */
  for (guint r = 0; r < n_rounds; r++)
    {
      openpyxl_read (small, &baseline_wall[r], &baseline_cpus[r], &cells, &bytes);
      ones[r] = run_import (small, "one.db");
      twos[r] = run_import (large, "two.db");
      cells_runs[r] = run_import (huge, "huge.db");
      rows_runs[r] = run_import (million, "million.db");
    }
  {
    g_autofree double *wall = g_memdup2 (baseline_wall, n_rounds * sizeof (double));
    g_autofree double *cpu = g_memdup2 (baseline_cpus, n_rounds * sizeof (double));

    baseline = median (wall, n_rounds);
    baseline_cpu = median (cpu, n_rounds);
  }
  one = median_run (ones, n_rounds);
  two = median_run (twos, n_rounds);
  hostile_cells = median_run (cells_runs, n_rounds);
  hostile_rows = median_run (rows_runs, n_rounds);

  g_print ("Medians of %u rounds:\n", n_rounds);
  g_print ("openpyxl (read-only) reads %" G_GUINT64_FORMAT " cells (%.1f MB) of %u rows: %.2f s (CPU %.2f s)\n",
           cells, (double) bytes / 1e6, n_rows, baseline, baseline_cpu);
  g_print ("  openpyxl, each round: ");
  for (guint r = 0; r < n_rounds; r++)
    g_print ("%s%.2f s (CPU %.2f s)", r > 0 ? ", " : "", baseline_wall[r], baseline_cpus[r]);
  g_print ("\n");
  g_print ("shouhu --import, %u rows: %.2f s (CPU %.2f s), peak %.0f MB, database %.1f MB (exit %d)\n",
           n_rows, one.seconds, one.cpu_seconds, one.max_rss_mb, (double) one.db_bytes / 1e6, one.status);
  print_rounds ("import", ones, n_rounds);
  g_print ("shouhu --import, %u rows: %.2f s (CPU %.2f s), peak %.0f MB (exit %d)\n",
           n_rows * 2, two.seconds, two.cpu_seconds, two.max_rss_mb, two.status);
  print_rounds ("import", twos, n_rounds);
  g_print ("four 60 MB cells in a %.0f KB file: %.2f s (CPU %.2f s), peak %.0f MB (exit %d)\n",
           (double) st.st_size / 1024, hostile_cells.seconds, hostile_cells.cpu_seconds, hostile_cells.max_rss_mb,
           hostile_cells.status);
  g_print ("one million rejected rows: %.2f s (CPU %.2f s), peak %.0f MB (exit %d)\n",
           hostile_rows.seconds, hostile_rows.cpu_seconds, hostile_rows.max_rss_mb, hostile_rows.status);
  print_rounds ("import", rows_runs, n_rounds);

  g_print ("\n| measure (median of %u rounds) | figure | bound |\n|---|---|---|\n", n_rounds);
  g_print ("| openpyxl time / import time (%u rows), wall clock | %.1f× | ≥ 5× |\n", n_rows, baseline / one.seconds);
  g_print ("| the same in CPU time | %.1f× | ≥ 5× |\n", baseline_cpu / one.cpu_seconds);
  g_print ("| peak memory of the import | %.0f MB | ≤ 150 MB |\n", one.max_rss_mb);
  g_print ("| time for %u rows / time for %u (wall, CPU) | %.2f, %.2f | ≤ 2.2 |\n", n_rows * 2, n_rows,
           two.seconds / one.seconds, two.cpu_seconds / one.cpu_seconds);
  g_print ("| database / cell bytes | %.2f | ≤ 2.5 |\n", (double) one.db_bytes / (double) bytes);
  g_print ("| four 60 MB cells (wall, CPU, memory) | %.2f s, %.2f s, %.0f MB | ≤ 2 s, ≤ 100 MB |\n",
           hostile_cells.seconds, hostile_cells.cpu_seconds, hostile_cells.max_rss_mb);
  g_print ("| one million rejected rows (wall, CPU, memory) | %.2f s, %.2f s, %.0f MB | ≤ 2 s, ≤ 100 MB |\n",
           hostile_rows.seconds, hostile_rows.cpu_seconds, hostile_rows.max_rss_mb);

  if (g_getenv ("SHOUHU_BENCH_KEEP") == NULL)
    {
      const char *name;
      GDir *dir = g_dir_open (tmp_dir, 0, NULL);

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (tmp_dir, name, NULL);
          g_unlink (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (tmp_dir);
    }
  else
    g_print ("files kept in %s\n", tmp_dir);
  return 0;
}
