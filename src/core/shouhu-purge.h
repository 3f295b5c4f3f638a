/* shouhu-purge.h — erasing personal data when its purpose ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-store.h"

G_BEGIN_DECLS

/* What a purge removes, or removed. */
typedef struct
{
  gint64 workers;     /* Annex 2 records of frontline workers */
  gint64 volunteers;
  gint64 pairings;
  gint64 services;    /* the service ledger's records of their families */
  gint64 forms;       /* district form headers: 填报人, 联系电话 */
  gint64 history;     /* rows of change history */
  guint  backups;     /* copies of the database taken before upgrades */
} ShouhuPurgeCounts;

gboolean shouhu_purge_count    (ShouhuStore        *store,
                                int                 district_id,
                                ShouhuPurgeCounts  *counts,
                                GError            **error);
gboolean shouhu_purge_personal (ShouhuStore        *store,
                                int                 district_id,
                                ShouhuPurgeCounts  *removed,
                                GError            **error);
gboolean shouhu_purge_is_empty (const ShouhuPurgeCounts *counts);

gboolean shouhu_purge_worker   (ShouhuStore        *store,
                                gint64              worker_id,
                                GError            **error);

G_END_DECLS
