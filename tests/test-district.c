/* test-district.c — the 41 official units and name lookup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-district.h"

static void
test_official_order (void)
{
  g_assert_cmpstr (shouhu_district_get (1)->name, ==, "万州区");
  g_assert_cmpstr (shouhu_district_get (4)->name, ==, "渝中区");
  g_assert_cmpstr (shouhu_district_get (38)->name, ==, "彭水苗族土家族自治县");
  g_assert_cmpstr (shouhu_district_get (39)->name, ==, "两江新区");
  g_assert_cmpstr (shouhu_district_get (40)->name, ==, "高新区");
  g_assert_cmpstr (shouhu_district_get (41)->name, ==, "万盛经开区");
  g_assert_null (shouhu_district_get (0));
  g_assert_null (shouhu_district_get (42));

  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    g_assert_cmpint (shouhu_district_get (id)->id, ==, id);
}

static void
test_lookup (void)
{
  g_assert_cmpint (shouhu_district_lookup ("渝中区")->id, ==, 4);
  g_assert_cmpint (shouhu_district_lookup (" 渝中 ")->id, ==, 4);
  g_assert_cmpint (shouhu_district_lookup ("石柱县")->id, ==, 35);
  g_assert_cmpint (shouhu_district_lookup ("石柱")->id, ==, 35);
  g_assert_cmpint (shouhu_district_lookup ("忠县")->id, ==, 30);
  g_assert_cmpint (shouhu_district_lookup ("两江新区")->id, ==, 39);
  /* Too short to be sure, or not a unit of the notice. */
  /* Full forms */
  g_assert_cmpint (shouhu_district_lookup ("重庆市渝中区")->id, ==, 4);
  g_assert_cmpint (shouhu_district_lookup ("万盛经济技术开发区")->id, ==, 41);
  g_assert_cmpint (shouhu_district_lookup ("重庆高新区")->id, ==, 40);
  g_assert_cmpint (shouhu_district_lookup ("重庆两江新区")->id, ==, 39);
  g_assert_cmpint (shouhu_district_lookup ("重庆市石柱土家族自治县")->id, ==, 35);
  g_assert_null (shouhu_district_lookup ("重庆市"));
  g_assert_null (shouhu_district_lookup ("重庆"));
  g_assert_null (shouhu_district_lookup ("忠"));
  g_assert_null (shouhu_district_lookup ("两江县"));
  g_assert_null (shouhu_district_lookup ("成都"));
  g_assert_null (shouhu_district_lookup (""));
  g_assert_null (shouhu_district_lookup (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/district/official-order", test_official_order);
  g_test_add_func ("/district/lookup", test_lookup);
  return g_test_run ();
}
