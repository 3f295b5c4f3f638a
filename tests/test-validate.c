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

static void
assert_phone (const char *text,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;

  g_assert_true (shouhu_validate_phone ("本人联系电话", text, &normalised, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalised, ==, expected);
}

static void
assert_bad_phone (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *normalised = NULL;

  g_assert_false (shouhu_validate_phone ("家属联系电话", text, &normalised, &error));
  g_assert_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "家属联系电话"));
  g_assert_null (normalised);
}

static void
test_phone_mobile (void)
{
  assert_phone ("", "");
  assert_phone ("   ", "");
  assert_phone ("13812345678", "13812345678");
  assert_phone ("138 1234 5678", "13812345678");
  assert_phone ("138-1234-5678", "13812345678");
  assert_phone ("１３８１２３４５６７８", "13812345678");
  assert_phone ("１３８　１２３４　５６７８", "13812345678");
  /* Second digit: 2 below the range, 3 and 9 its ends. */
  assert_bad_phone ("12812345678");
  assert_phone ("13012345678", "13012345678");
  assert_phone ("19912345678", "19912345678");
  /* Length: 10 and 12 digits on either side of 11. */
  assert_bad_phone ("1381234567");
  assert_bad_phone ("138123456789");
  assert_bad_phone ("1381234567a");
  assert_bad_phone ("13812345678转12");
}

static void
test_phone_landline (void)
{
  assert_phone ("023-68881234", "023-68881234");
  assert_phone ("02368881234", "023-68881234");
  assert_phone ("023 6888 1234", "023-68881234");
  assert_phone ("０２３－６８８８１２３４", "023-68881234");
  assert_phone ("010-6234567", "010-6234567");
  assert_phone ("0755-82345678", "0755-82345678");
  assert_phone ("07558234567", "0755-8234567");
  /* Local number: 6 and 9 digits either side of 7..8. */
  assert_bad_phone ("023-688812");
  assert_phone ("023-6888123", "023-6888123");
  assert_bad_phone ("023-688812345");
  assert_bad_phone ("023-08881234");
  assert_bad_phone ("023-18881234");
  /* Area code: a local number of 8 digits is Chongqing's, one of 7 is
   * refused; a wrong length for its kind is refused. */
  assert_phone ("68881234", "023-68881234");
  assert_bad_phone ("6888123");
  /* Hyphens are spacing: the digits decide where the area code ends. */
  assert_phone ("0236-8881234", "023-68881234");
  assert_bad_phone ("075-512345678");
  /* Extension: 1 and 6 digits, not 7. */
  assert_phone ("023-68881234-1", "023-68881234-1");
  assert_phone ("023-68881234-123456", "023-68881234-123456");
  assert_phone ("023-68881234转123", "023-68881234-123");
  assert_phone ("023-68881234 ext 8", "023-68881234-8");
  assert_phone ("023-68881234#8", "023-68881234-8");
  assert_bad_phone ("023-68881234-1234567");
  assert_bad_phone ("023-68881234#");
  assert_bad_phone ("023-68881234#1#2");
  assert_bad_phone ("not a number");
}

static void
test_required (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_true (shouhu_validate_required ("医院", " 市一院 ", &value, &error));
  g_assert_cmpstr (value, ==, "市一院");
  g_assert_false (shouhu_validate_required ("医院", "", &value, &error));
  g_assert_nonnull (strstr (error->message, "医院"));
  g_clear_error (&error);
  g_assert_false (shouhu_validate_required ("姓名", " 　", &value, &error));
  g_assert_nonnull (strstr (error->message, "姓名"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/fold-digits", test_fold_digits);
  g_test_add_func ("/validate/count", test_count);
  g_test_add_func ("/validate/date", test_date);
  g_test_add_func ("/validate/phone-mobile", test_phone_mobile);
  g_test_add_func ("/validate/phone-landline", test_phone_landline);
  g_test_add_func ("/validate/required", test_required);
  return g_test_run ();
}
