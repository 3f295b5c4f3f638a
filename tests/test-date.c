/* test-date.c — dates as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-date.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

typedef struct
{
  const char *stored;
  const char *english;
  const char *chinese;
} Example;

static const Example dates[] = {
  { "2020-02-14", "2020-02-14", "2020年2月14日" },
  { "2020-02-07", "2020-02-07", "2020年2月7日" },
  { "2021-12-31", "2021-12-31", "2021年12月31日" },
  /* Not a date: shown as it is. */
  { "截至当日", "截至当日", "截至当日" },
};

static const Example moments[] = {
  { "2020-02-14T09:05:33", "2020-02-14 09:05", "2020年2月14日 09:05" },
  { "2020-02-14 18:30:00", "2020-02-14 18:30", "2020年2月14日 18:30" },
  /* A date alone is a date. */
  { "2020-02-14", "2020-02-14", "2020年2月14日" },
};

static void
check (gboolean chinese)
{
  g_autofree char *none = shouhu_format_date (NULL);

  g_assert_null (none);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *shown = shouhu_format_date (dates[i].stored);
      g_assert_cmpstr (shown, ==, chinese ? dates[i].chinese : dates[i].english);
    }
  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      g_autofree char *shown = shouhu_format_date_time (moments[i].stored);
      g_assert_cmpstr (shown, ==, chinese ? moments[i].chinese : moments[i].english);
    }
}

static void
test_english (void)
{
  check (FALSE);
}

/* The Chinese interface reads 2020年2月14日, from the translation built
 * beside the tests. */
static void
test_chinese (void)
{
  g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *old = g_strdup (setlocale (LC_MESSAGES, NULL));
  g_autofree char *today = NULL;

  if (setlocale (LC_MESSAGES, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not available");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  check (TRUE);
  today = shouhu_format_today ();
  g_assert_true (g_str_has_suffix (today, "日"));
  setlocale (LC_MESSAGES, old);
}

int
main (int   argc,
      char *argv[])
{
  /* English whatever the locale of the run; the Chinese test sets its own. */
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/english", test_english);
  g_test_add_func ("/date/chinese", test_chinese);
  return g_test_run ();
}
