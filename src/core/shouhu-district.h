/* shouhu-district.h — the 41 district units of the notice's Annex 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 38 districts and counties, then 两江新区, 高新区, 万盛经开区. */
#define SHOUHU_N_DISTRICTS 41

typedef struct
{
  int         id;          /* 1..41, the 序号 of the notice's Annex 1 */
  const char *name;        /* official name, e.g. "渝中区" */
  const char *short_name;  /* without the 区/县 suffix, e.g. "渝中" */
} ShouhuDistrict;

const ShouhuDistrict *shouhu_district_get    (int         id);
const ShouhuDistrict *shouhu_district_lookup (const char *name);

G_END_DECLS
