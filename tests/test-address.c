/* test-address.c — reading district, 乡镇（街道） and 村（社区） from 家庭地址
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-address.h"
#include "shouhu-district.h"

#include <string.h>

#define UNRECOGNISED SHOUHU_ADDRESS_UNRECOGNISED
#define DISTRICT SHOUHU_ADDRESS_DISTRICT
#define TOWN SHOUHU_ADDRESS_TOWN
#define VILLAGE SHOUHU_ADDRESS_VILLAGE

typedef struct
{
  const char         *address;
  int                 context;    /* the record's district, 0: none */
  ShouhuAddressLevel  level;
  int                 district_id;
  gboolean            written;    /* the district is in the address */
  const char         *town;       /* code, NULL: not recognised */
  const char         *village;    /* code, NULL: not recognised */
  gboolean            ambiguous;
} Case;

static const Case cases[] = {
  /* Districts and counties, towns and streets, villages and communities. */
  { "重庆市渝中区解放碑街道民族路188号", 0, TOWN, 4, TRUE, "500103003", NULL, FALSE },
  { "渝北区龙溪街道松牌路7号", 0, TOWN, 11, TRUE, "500112011", NULL, FALSE },
  { "石柱县西沱镇黄桷岩村3组", 0, VILLAGE, 35, TRUE, "500240101", "500240101202", FALSE },
  { "石柱土家族自治县西沱镇朱家槽村5组", 0, VILLAGE, 35, TRUE, "500240101", "500240101201", FALSE },
  { "重庆市渝中区七星岗街道华一坡社区12-3", 0, VILLAGE, 4, TRUE, "500103001", "500103001003", FALSE },
  { "渝中区解放碑街道邹容路社区居委会", 0, VILLAGE, 4, TRUE, "500103003", "500103003017", FALSE },
  { "江北区观音桥街道建新北路一支路", 0, TOWN, 6, TRUE, "500105006", NULL, FALSE },
  { "北碚区天生街道天生路2号", 0, TOWN, 10, TRUE, "500109001", NULL, FALSE },
  { "忠县忠州街道", 0, TOWN, 30, TRUE, "500233001", NULL, FALSE },
  { "酉阳县桃花源街道", 0, TOWN, 37, TRUE, "500242001", NULL, FALSE },
  { "彭水县汉葭街道", 0, TOWN, 38, TRUE, "500243001", NULL, FALSE },
  { "秀山土家族苗族自治县中和街道", 0, TOWN, 36, TRUE, "500241001", NULL, FALSE },
  { "巫溪县城厢镇", 0, TOWN, 34, TRUE, "500238100", NULL, FALSE },
  { "开县汉丰街道", 0, TOWN, 24, TRUE, "500154001", NULL, FALSE },
  { "万州区地宝乡", 0, TOWN, 1, TRUE, "500101238", NULL, FALSE },
  { "万州区地宝土家族乡龙河村", 0, VILLAGE, 1, TRUE, "500101238", "500101238203", FALSE },
  { "涪陵区江北街道二渡村", 0, VILLAGE, 3, TRUE, "500102009", "500102009209", FALSE },

  /* The functional areas, written or as the record's district. */
  { "两江新区人和街道", 0, TOWN, 39, TRUE, "500112009", NULL, FALSE },
  { "两江新区鱼嘴镇", 0, TOWN, 39, TRUE, "500105100", NULL, FALSE },
  { "高新区含谷镇新营房村", 0, VILLAGE, 40, TRUE, "500107103", "500107103201", FALSE },
  { "重庆高新区西永街道", 0, TOWN, 40, TRUE, "500106017", NULL, FALSE },
  { "高新区走马镇", 0, TOWN, 40, TRUE, "500107106", NULL, FALSE },
  { "万盛经开区南桐镇", 0, TOWN, 41, TRUE, "500110101", NULL, FALSE },
  { "万盛区东林街道", 0, TOWN, 41, TRUE, "500110005", NULL, FALSE },
  { "綦江区万盛街道", 0, TOWN, 18, TRUE, "500110004", NULL, FALSE },
  { "万盛街道", 0, TOWN, 18, FALSE, "500110004", NULL, FALSE },
  { "万盛街道", 41, TOWN, 41, FALSE, "500110004", NULL, FALSE },
  { "渝北区两江新区人和街道", 0, TOWN, 11, TRUE, "500112009", NULL, FALSE },
  { "渝北区两江新区人和街道", 39, TOWN, 39, TRUE, "500112009", NULL, FALSE },
  { "两江新区龙溪街道", 0, DISTRICT, 39, TRUE, NULL, NULL, FALSE },

  /* A name in two districts: the district written or the record's. */
  { "人和街道金开大道", 0, UNRECOGNISED, 0, FALSE, NULL, NULL, TRUE },
  { "人和街道金开大道", 39, TOWN, 39, FALSE, "500112009", NULL, FALSE },
  { "人和街道", 11, TOWN, 11, FALSE, "500112009", NULL, FALSE },
  { "人和街道", 31, TOWN, 31, FALSE, "500235003", NULL, FALSE },
  { "云阳县人和街道", 0, TOWN, 31, TRUE, "500235003", NULL, FALSE },
  { "云阳县人和街道", 39, TOWN, 31, TRUE, "500235003", NULL, FALSE },
  { "走马镇", 0, UNRECOGNISED, 0, FALSE, NULL, NULL, TRUE },
  { "九龙坡区走马镇", 0, TOWN, 8, TRUE, "500107106", NULL, FALSE },
  { "万州区走马镇", 0, TOWN, 1, TRUE, "500101152", NULL, FALSE },
  /* 南坪街道 and 南坪镇 are both in 南岸区; 朝阳村 is in several towns. */
  { "南岸区南坪", 0, DISTRICT, 9, TRUE, NULL, NULL, TRUE },
  { "南岸区南坪街道", 0, TOWN, 9, TRUE, "500108003", NULL, FALSE },
  { "万州区朝阳村", 0, DISTRICT, 1, TRUE, NULL, NULL, TRUE },

  /* No town at all. */
  { "渝中区民族路188号", 0, DISTRICT, 4, TRUE, NULL, NULL, FALSE },
  { "重庆市江北区北城天街8号", 0, DISTRICT, 6, TRUE, NULL, NULL, FALSE },
  { "大渡口区钢花路", 0, DISTRICT, 5, TRUE, NULL, NULL, FALSE },
  { "重庆市江北区", 0, DISTRICT, 6, TRUE, NULL, NULL, FALSE },

  /* Without the suffixes, or with 重庆/中国 before. */
  { "重庆市渝中解放碑", 0, TOWN, 4, TRUE, "500103003", NULL, FALSE },
  { "重庆江北区观音桥", 0, TOWN, 6, TRUE, "500105006", NULL, FALSE },
  { "沙坪坝区小龙坎正街", 0, TOWN, 7, TRUE, "500106001", NULL, FALSE },
  { "石柱县西沱镇黄桷岩3组", 0, VILLAGE, 35, TRUE, "500240101", "500240101202", FALSE },
  { "石柱县西沱镇黄桷岩村村委会", 0, VILLAGE, 35, TRUE, "500240101", "500240101202", FALSE },
  { "渝北区龙溪松树桥社区", 0, VILLAGE, 11, TRUE, "500112011", "500112011001", FALSE },
  { "中国重庆市渝中区解放碑街道", 0, TOWN, 4, TRUE, "500103003", NULL, FALSE },
  { "重庆市 渝中区 解放碑街道 民族路", 0, TOWN, 4, TRUE, "500103003", NULL, FALSE },

  /* No district written: the record's, or the town's own. */
  { "黄桷岩村3组", 35, VILLAGE, 35, FALSE, "500240101", "500240101202", FALSE },
  { "西沱镇沿江社区", 0, VILLAGE, 35, FALSE, "500240101", "500240101002", FALSE },
  { "解放碑街道民族路", 4, TOWN, 4, FALSE, "500103003", NULL, FALSE },
  { "观音桥步行街", 4, TOWN, 6, FALSE, "500105006", NULL, FALSE },

  /* A full name further on. */
  { "渝北区金开大道99号人和街道", 0, TOWN, 11, TRUE, "500112009", NULL, FALSE },
  { "石柱县西沱镇滨江路8号黄桷岩村3组", 0, VILLAGE, 35, TRUE, "500240101", "500240101202", FALSE },

  /* What does not fit is not guessed. */
  { "渝中区观音桥街道", 0, DISTRICT, 4, TRUE, NULL, NULL, FALSE },
  { "石柱县悦崃镇朱家槽村", 0, TOWN, 35, TRUE, "500240103", NULL, FALSE },
  { "江北区观音桥街道", 4, TOWN, 6, TRUE, "500105006", NULL, FALSE },
  /* 民生路 is a road as well as 民生路社区; 江北街道 of 涪陵 is not 江北区. */
  { "渝中区解放碑街道民生路128号", 0, TOWN, 4, TRUE, "500103003", NULL, FALSE },
  { "渝中区解放碑街道民生路社区", 0, VILLAGE, 4, TRUE, "500103003", "500103003013", FALSE },
  { "江北城街道", 0, TOWN, 6, FALSE, "500105002", NULL, FALSE },
  { "九龙坡区含谷镇社区", 0, VILLAGE, 8, TRUE, "500107103", "500107103001", FALSE },

  /* Garbage, and places outside Chongqing. */
  { "四川省成都市武侯区人民南路4段", 0, UNRECOGNISED, 0, FALSE, NULL, NULL, FALSE },
  { "四川省广安市兴隆镇", 11, UNRECOGNISED, 0, FALSE, NULL, NULL, FALSE },
  { "北京市朝阳区", 0, UNRECOGNISED, 0, FALSE, NULL, NULL, FALSE },
  { "asdf1234", 0, UNRECOGNISED, 0, FALSE, NULL, NULL, FALSE },
  { "！！！？？", 4, UNRECOGNISED, 0, FALSE, NULL, NULL, FALSE },
  { "重庆市", 0, UNRECOGNISED, 0, FALSE, NULL, NULL, FALSE },
  { "", 0, UNRECOGNISED, 0, FALSE, NULL, NULL, FALSE },
};

static const ShouhuGazetteer *
gazetteer (void)
{
  g_autoptr(GError) error = NULL;
  const ShouhuGazetteer *g = shouhu_gazetteer_get_default (&error);

  g_assert_no_error (error);
  return g;
}

static void
test_table (void)
{
  const ShouhuGazetteer *g = gazetteer ();

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 40);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      ShouhuAddressMatch m;
      gboolean found = shouhu_address_read (g, c->address, c->context, &m);

      g_test_message ("%s (record's district %d)", c->address, c->context);
      g_assert_cmpint (found, ==, c->level != UNRECOGNISED);
      g_assert_cmpint (m.level, ==, c->level);
      g_assert_cmpint (m.district_id, ==, c->district_id);
      g_assert_cmpint (m.district_written, ==, c->written);
      g_assert_cmpstr (m.town != NULL ? m.town->code : NULL, ==, c->town);
      g_assert_cmpstr (m.village != NULL ? m.village->code : NULL, ==, c->village);
      g_assert_cmpint (m.ambiguous, ==, c->ambiguous);
      if (m.village != NULL)
        g_assert_true (m.village->town == m.town);
      g_assert_cmpuint (m.end, <=, strlen (c->address));
    }
}

static void
test_not_text (void)
{
  const ShouhuGazetteer *g = gazetteer ();
  ShouhuAddressMatch m;

  g_assert_false (shouhu_address_read (g, NULL, 4, &m));
  g_assert_cmpint (m.level, ==, UNRECOGNISED);
  g_assert_false (shouhu_address_read (g, "渝中区\xff\xfe解放碑街道", 0, &m));
  g_assert_cmpint (m.district_id, ==, 0);
  g_assert_null (m.town);
  /* A district out of range is no district: 人和街道 stays ambiguous. */
  g_assert_false (shouhu_address_read (g, "人和街道", 99, &m));
  g_assert_true (m.ambiguous);
}

/* Where the recognised part ends: the rest is the road and the number. */
static void
test_end (void)
{
  const ShouhuGazetteer *g = gazetteer ();
  ShouhuAddressMatch m;

  shouhu_address_read (g, "重庆市渝中区解放碑街道民族路188号", 0, &m);
  g_assert_cmpuint (m.end, ==, strlen ("重庆市渝中区解放碑街道"));
  shouhu_address_read (g, "石柱县西沱镇黄桷岩村村委会3组", 0, &m);
  g_assert_cmpuint (m.end, ==, strlen ("石柱县西沱镇黄桷岩村村委会"));
  shouhu_address_read (g, "渝中区 民族路", 0, &m);
  g_assert_cmpuint (m.end, ==, strlen ("渝中区"));
}

/* Every town, written after its district, is read back as itself; and so
 * is every village after its district and town, unless its town has two
 * villages of that name (then it is ambiguous, never the wrong one). */
static void
test_every_place (void)
{
  const ShouhuGazetteer *g = gazetteer ();
  const GPtrArray *towns = shouhu_gazetteer_get_towns (g, 0);
  guint n_ambiguous = 0;

  for (guint i = 0; i < towns->len; i++)
    {
      const ShouhuPlace *town = g_ptr_array_index (towns, i);
      const ShouhuDistrict *d = shouhu_district_get (town->district_id);
      const GPtrArray *villages = shouhu_gazetteer_get_villages (g, town);
      g_autofree char *address = g_strconcat ("重庆市", d->name, town->name, "1号", NULL);
      ShouhuAddressMatch m;

      g_assert_true (shouhu_address_read (g, address, 0, &m));
      g_assert_true (m.town == town);
      g_assert_cmpint (m.district_id, ==, town->district_id);

      for (guint v = 0; v < villages->len; v++)
        {
          const ShouhuPlace *village = g_ptr_array_index (villages, v);
          g_autofree char *full = g_strconcat (d->name, town->name, village->name, "3组", NULL);

          g_assert_true (shouhu_address_read (g, full, 0, &m));
          g_assert_true (m.town == town);
          if (m.ambiguous)
            {
              g_assert_null (m.village);
              g_assert_null (shouhu_gazetteer_find_village (g, 0, town, village->name));
              n_ambiguous++;
            }
          else
            g_assert_true (m.village == village);
        }
    }
  /* A handful of towns have two committees of one name (石角镇's 石角社区). */
  g_assert_cmpuint (n_ambiguous, <, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/address/table", test_table);
  g_test_add_func ("/address/not-text", test_not_text);
  g_test_add_func ("/address/end", test_end);
  g_test_add_func ("/address/every-place", test_every_place);
  return g_test_run ();
}
