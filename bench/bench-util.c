/* bench-util.c — what the benchmarks share: names, medians, typing a word
 * into a list against a baseline, the temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-util.h"

#include <glib/gstdio.h>
#include <stdlib.h>

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴",
                                        "徐", "孙", "马", "胡", "朱", "郭", "何", "罗", "高", "林" };
static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳",
                                     "勇", "军", "杰", "娟", "涛", "明", "超", "秀", "霞", "平" };

guint
bench_n_records (void)
{
  const char *n = g_getenv ("SHOUHU_BENCH_RECORDS");

  return n != NULL ? (guint) atoi (n) : 100000;
}

/* 8,000 names of three characters, the same for the same @i. */
char *
bench_person_name (guint i)
{
  return g_strdup_printf ("%s%s%s", surnames[i % 20], given[(i / 20) % 20], given[(i / 400) % 20]);
}

double
bench_median (double *values,
              guint   n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double t = values[j];
        values[j] = values[j - 1];
        values[j - 1] = t;
      }
  return values[n / 2];
}

double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Types @word one character at a time, as a search entry does, and
 * compares each keystroke with the bare loop for the same text. */
void
bench_type_word (const char     *word,
                 BenchKeystroke  keystroke,
                 BenchBaseline   baseline,
                 gpointer        user_data)
{
  g_autoptr(GString) typed = g_string_new (NULL);
  double total = 0, total_base = 0, worst = 0;
  guint keys = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gint64 start;
      double ms, base;
      guint hits, shown;

      g_string_append_len (typed, p, g_utf8_next_char (p) - p);
      base = baseline (typed->str, &hits, user_data);
      start = g_get_monotonic_time ();
      shown = keystroke (typed->str, user_data);
      ms = bench_ms_since (start);
      g_print ("    %-12s %7u matches  %8.3f ms   (baseline %8.3f ms, %u rows)\n", typed->str, shown, ms, base, hits);
      total += ms;
      total_base += base;
      worst = MAX (worst, ms);
      keys++;
    }
  g_print ("  per keystroke: %.3f ms on average, %.3f ms at worst; baseline %.3f ms; ratio %.2f\n",
           total / keys, worst, total_base / keys, total / total_base);
}

/* A new database in a new temporary folder, *dir. */
ShouhuStore *
bench_open_store (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ShouhuStore *store;

  *dir = g_dir_make_tmp ("shouhu-bench-XXXXXX", &error);
  if (*dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (*dir, "bench.db", NULL);
  store = shouhu_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}
