/* shouhu-test-annex2.h — a small Annex 2 set written straight into the
 * database, and a worker record to save through the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

void          shouhu_test_annex2_insert_set (ShouhuStore *store);
ShouhuWorker *shouhu_test_make_worker       (int          district_id,
                                             const char  *name,
                                             const char  *phone);

G_END_DECLS
