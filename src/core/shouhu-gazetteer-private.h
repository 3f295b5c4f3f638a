/* shouhu-gazetteer-private.h — the gazetteer's index of names, as the
 * address reader (shouhu-address.c) walks it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-gazetteer.h"

G_BEGIN_DECLS

/* In this order: at equal length a district is preferred to a town, and a
 * town to a village. */
typedef enum
{
  SHOUHU_NAME_DISTRICT,
  SHOUHU_NAME_TOWN,
  SHOUHU_NAME_VILLAGE,
  SHOUHU_N_NAME_KINDS
} ShouhuNameKind;

/* One way of writing a place: 解放碑街道, 解放碑, 地宝乡, 七星岗居委会, 石柱县. */
typedef struct
{
  const char         *text;
  guint               len;          /* in bytes */
  guint8              kind;         /* ShouhuNameKind */
  gboolean            suffixed;     /* ends in 区/县/街道/镇/乡/村/社区/…: it names a
                                       place wherever it stands; a short
                                       name does only where a place is
                                       expected */
  int                 district_id;  /* the unit a district name stands for */
  guint               n_places;
  const ShouhuPlace **places;       /* the towns or villages of that name */
} ShouhuPlaceName;

const GPtrArray *shouhu_gazetteer_names_at (const ShouhuGazetteer *self,
                                            const char            *text);

G_END_DECLS
