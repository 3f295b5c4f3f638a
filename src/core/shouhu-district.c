/* shouhu-district.c — the 41 district units of the notice's Annex 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-district.h"

#include <string.h>

static const ShouhuDistrict districts[SHOUHU_N_DISTRICTS] = {
  {  1, "万州区", "万州" },
  {  2, "黔江区", "黔江" },
  {  3, "涪陵区", "涪陵" },
  {  4, "渝中区", "渝中" },
  {  5, "大渡口区", "大渡口" },
  {  6, "江北区", "江北" },
  {  7, "沙坪坝区", "沙坪坝" },
  {  8, "九龙坡区", "九龙坡" },
  {  9, "南岸区", "南岸" },
  { 10, "北碚区", "北碚" },
  { 11, "渝北区", "渝北" },
  { 12, "巴南区", "巴南" },
  { 13, "长寿区", "长寿" },
  { 14, "江津区", "江津" },
  { 15, "合川区", "合川" },
  { 16, "永川区", "永川" },
  { 17, "南川区", "南川" },
  { 18, "綦江区", "綦江" },
  { 19, "大足区", "大足" },
  { 20, "璧山区", "璧山" },
  { 21, "铜梁区", "铜梁" },
  { 22, "潼南区", "潼南" },
  { 23, "荣昌区", "荣昌" },
  { 24, "开州区", "开州" },
  { 25, "梁平区", "梁平" },
  { 26, "武隆区", "武隆" },
  { 27, "城口县", "城口" },
  { 28, "丰都县", "丰都" },
  { 29, "垫江县", "垫江" },
  { 30, "忠县", "忠" },
  { 31, "云阳县", "云阳" },
  { 32, "奉节县", "奉节" },
  { 33, "巫山县", "巫山" },
  { 34, "巫溪县", "巫溪" },
  { 35, "石柱土家族自治县", "石柱" },
  { 36, "秀山土家族苗族自治县", "秀山" },
  { 37, "酉阳土家族苗族自治县", "酉阳" },
  { 38, "彭水苗族土家族自治县", "彭水" },
  { 39, "两江新区", "两江" },
  { 40, "高新区", "高新" },
  { 41, "万盛经开区", "万盛" },
};

const ShouhuDistrict *
shouhu_district_get (int id)
{
  if (id < 1 || id > SHOUHU_N_DISTRICTS)
    return NULL;
  return &districts[id - 1];
}

/* Full names that are not the official name with a prefix. */
static const struct
{
  const char *name;
  int         id;
} full_names[] = {
  { "万盛经济技术开发区", 41 },
  { "万盛区", 41 },
  { "万盛开发区", 41 },
  { "高新技术产业开发区", 40 },
  { "高新技术开发区", 40 },
  { "两江新区管委会", 39 },
};

/* Names as people type them: the official name, the name without its
 * 区/县 suffix, or the autonomous counties as "石柱县"; the full forms
 * with the city in front (重庆市渝中区, 重庆高新区, 重庆两江新区) and the
 * long names of the functional areas (万盛经济技术开发区).  "忠" alone is
 * too short to be taken for 忠县, so single-character short names must
 * match the full name. */
const ShouhuDistrict *
shouhu_district_lookup (const char *name)
{
  g_autofree char *clean = NULL;
  const char *bare;

  if (name == NULL)
    return NULL;

  clean = g_strstrip (g_strdup (name));
  bare = clean;
  if (g_str_has_prefix (bare, "重庆市"))
    bare += strlen ("重庆市");
  else if (g_str_has_prefix (bare, "重庆"))
    bare += strlen ("重庆");
  if (*bare == '\0')
    return NULL;
  if (bare != clean)
    {
      char *rest = g_strdup (bare);

      g_free (clean);
      clean = rest;
    }
  for (guint i = 0; i < G_N_ELEMENTS (full_names); i++)
    if (strcmp (clean, full_names[i].name) == 0)
      return &districts[full_names[i].id - 1];

  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      const ShouhuDistrict *d = &districts[i];
      g_autofree char *county = NULL;

      if (strcmp (clean, d->name) == 0)
        return d;
      if (g_utf8_strlen (d->short_name, -1) < 2)
        continue;
      if (strcmp (clean, d->short_name) == 0)
        return d;
      if (!g_str_has_suffix (d->name, "自治县"))
        continue;
      county = g_strconcat (d->short_name, "县", NULL);
      if (strcmp (clean, county) == 0)
        return d;
    }

  return NULL;
}
