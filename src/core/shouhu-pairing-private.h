/* shouhu-pairing-private.h — what the pairing files share (core/ only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-pairing.h"
#include "shouhu-annex2-private.h"

G_BEGIN_DECLS

/* Every family of @district_id (0: city) with what it has on @day, in the
 * worklist's order (ShouhuWorklistItem). */
GPtrArray *shouhu_pairing_load_families (ShouhuStore  *store,
                                         int           district_id,
                                         const char   *day,
                                         GError      **error);

G_END_DECLS
