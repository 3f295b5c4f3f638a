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

/* Names as people type them: the official name, the name without its
 * 区/县 suffix, or the autonomous counties as "石柱县".  "忠" alone is too
 * short to be taken for 忠县, so single-character short names must match
 * the full name. */
const ShouhuDistrict *
shouhu_district_lookup (const char *name)
{
  g_autofree char *clean = NULL;

  if (name == NULL)
    return NULL;

  clean = g_strstrip (g_strdup (name));
  if (*clean == '\0')
    return NULL;

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
