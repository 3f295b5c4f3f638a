/* test-validate.c — shared checks: counts, dates, full-width digits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-validate.h"

#include <string.h>

static void
test_fold_digits (void)
{
  g_autofree char *a = shouhu_validate_fold_digits ("　１２３－４５ ");
  g_assert_cmpstr (a, ==, "123-45");
}

static void
test_count (void)
{
  g_autoptr(GError) error = NULL;
  int value = -1;

  g_assert_true (shouhu_validate_count ("N", "0", &value, &error));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (shouhu_validate_count ("N", "", &value, &error));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (shouhu_validate_count ("N", " 42 ", &value, &error));
  g_assert_cmpint (value, ==, 42);
  g_assert_true (shouhu_validate_count ("N", "６８", &value, &error));
  g_assert_cmpint (value, ==, 68);
  g_assert_true (shouhu_validate_count ("N", "1000000", &value, &error));
  g_assert_cmpint (value, ==, SHOUHU_COUNT_MAX);
  g_assert_no_error (error);

  /* Each side of each boundary: -1 and 0, the maximum and one more. */
  value = 7;
  g_assert_false (shouhu_validate_count ("总人数", "-1", &value, &error));
  g_assert_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "总人数"));
  g_assert_cmpint (value, ==, 7);
  g_clear_error (&error);

  g_assert_false (shouhu_validate_count ("N", "1000001", &value, &error));
  g_assert_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (shouhu_validate_count ("N", "99999999999999999999", &value, &error));
  g_clear_error (&error);

  for (guint i = 0; i < 5; i++)
    {
      static const char *bad[] = { "1.5", "abc", "12a", "-", "1 2" };
      g_assert_false (shouhu_validate_count ("N", bad[i], &value, &error));
      g_assert_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (value, ==, 7);
}

static void
test_date (void)
{
  g_autoptr(GError) error = NULL;
  char *date = NULL;

  g_assert_true (shouhu_validate_date ("D", "2020-02-07", &date, &error));
  g_assert_cmpstr (date, ==, "2020-02-07");
  g_clear_pointer (&date, g_free);
  g_assert_true (shouhu_validate_date ("D", "2020/2/7", &date, &error));
  g_assert_cmpstr (date, ==, "2020-02-07");
  g_clear_pointer (&date, g_free);
  g_assert_true (shouhu_validate_date ("D", "2020年2月29日", &date, &error));
  g_assert_cmpstr (date, ==, "2020-02-29");
  g_clear_pointer (&date, g_free);
  g_assert_no_error (error);

  g_assert_false (shouhu_validate_date ("D", "2021-02-29", &date, &error));
  g_assert_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shouhu_validate_date ("D", "2020-13-01", &date, &error));
  g_clear_error (&error);
  g_assert_false (shouhu_validate_date ("D", "2020-02-07x", &date, &error));
  g_clear_error (&error);
  g_assert_false (shouhu_validate_date ("D", "", &date, &error));
  g_clear_error (&error);
  g_assert_null (date);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/fold-digits", test_fold_digits);
  g_test_add_func ("/validate/count", test_count);
  g_test_add_func ("/validate/date", test_date);
  return g_test_run ();
}
