/* shouhu-gazetteer.h — Chongqing's 乡镇（街道） and 村（社区）, from the
 * statistical division codes that ship with the app (data/gazetteer/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SHOUHU_GAZETTEER_ERROR (shouhu_gazetteer_error_quark ())

typedef enum
{
  SHOUHU_GAZETTEER_ERROR_INVALID,  /* a line of the data cannot be read */
} ShouhuGazetteerError;

typedef enum
{
  SHOUHU_PLACE_TOWN = 1,  /* 乡镇（街道）, a 9-digit code */
  SHOUHU_PLACE_VILLAGE,   /* 村（社区）, a 12-digit code */
} ShouhuPlaceKind;

typedef struct _ShouhuPlace ShouhuPlace;

struct _ShouhuPlace
{
  ShouhuPlaceKind    kind;
  const char        *code;           /* statistical division code */
  const char        *name;           /* 解放碑街道, 西沱镇, 七星岗社区, 龙井村 */
  const char        *short_name;     /* without 街道/镇/乡/社区/村 when two or more
                                        characters remain, else the name */
  int                district_id;    /* its administrative unit, 1..38 */
  int                functional_id;  /* 39..41 when that functional area counts
                                        it too, else 0 */
  const ShouhuPlace *town;           /* a village's town; NULL for a town */
};

typedef struct _ShouhuGazetteer ShouhuGazetteer;

GQuark                  shouhu_gazetteer_error_quark       (void);

const ShouhuGazetteer  *shouhu_gazetteer_get_default       (GError                **error);
ShouhuGazetteer        *shouhu_gazetteer_new               (GBytes                 *places,
                                                            GBytes                 *functional_areas,
                                                            GError                **error);
void                    shouhu_gazetteer_free              (ShouhuGazetteer        *self);

guint                   shouhu_gazetteer_get_n_towns       (const ShouhuGazetteer  *self);
guint                   shouhu_gazetteer_get_n_villages    (const ShouhuGazetteer  *self);
const ShouhuPlace      *shouhu_gazetteer_lookup_code       (const ShouhuGazetteer  *self,
                                                            const char             *code);
const GPtrArray        *shouhu_gazetteer_get_towns         (const ShouhuGazetteer  *self,
                                                            int                     district_id);
const GPtrArray        *shouhu_gazetteer_get_villages      (const ShouhuGazetteer  *self,
                                                            const ShouhuPlace      *town);
const GPtrArray        *shouhu_gazetteer_get_district_villages (const ShouhuGazetteer *self,
                                                            int                     district_id);
const ShouhuPlace      *shouhu_gazetteer_find_town         (const ShouhuGazetteer  *self,
                                                            int                     district_id,
                                                            const char             *name);
const ShouhuPlace      *shouhu_gazetteer_find_village      (const ShouhuGazetteer  *self,
                                                            int                     district_id,
                                                            const ShouhuPlace      *town,
                                                            const char             *name);
GPtrArray              *shouhu_gazetteer_complete_towns    (const ShouhuGazetteer  *self,
                                                            int                     district_id,
                                                            const char             *prefix,
                                                            guint                   max);
GPtrArray              *shouhu_gazetteer_complete_villages (const ShouhuGazetteer  *self,
                                                            int                     district_id,
                                                            const ShouhuPlace      *town,
                                                            const char             *prefix,
                                                            guint                   max);

gboolean                shouhu_place_in_district           (const ShouhuPlace      *place,
                                                            int                     district_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuGazetteer, shouhu_gazetteer_free)

G_END_DECLS
