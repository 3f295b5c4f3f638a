/* shouhu-address.h — reading the district, 乡镇（街道） and 村（社区） written
 * in a free-text 家庭地址
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-gazetteer.h"

G_BEGIN_DECLS

/* How far down the address was recognised. */
typedef enum
{
  SHOUHU_ADDRESS_UNRECOGNISED,  /* no place of Chongqing recognised */
  SHOUHU_ADDRESS_DISTRICT,      /* a district unit, no town */
  SHOUHU_ADDRESS_TOWN,          /* a town (and so its district), no village */
  SHOUHU_ADDRESS_VILLAGE,       /* a village, its town and district */
} ShouhuAddressLevel;

typedef struct
{
  ShouhuAddressLevel  level;
  int                 district_id;       /* the unit written in the address;
                                            else the one the town lies in (the
                                            given district when it counts the
                                            town); 0 when unknown */
  gboolean            district_written;  /* district_id is written in the address */
  const ShouhuPlace  *town;              /* NULL when not recognised */
  const ShouhuPlace  *village;           /* NULL when not recognised */
  gboolean            ambiguous;         /* a name is written that several places
                                            bear and nothing tells which: it was
                                            left unrecognised */
  gsize               end;               /* bytes of the address up to the end of
                                            the last name recognised */
} ShouhuAddressMatch;

gboolean shouhu_address_read (const ShouhuGazetteer *gazetteer,
                              const char            *address,
                              int                    district_id,
                              ShouhuAddressMatch    *match);

G_END_DECLS
