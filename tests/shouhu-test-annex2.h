/* shouhu-test-annex2.h — a small Annex 2 set written straight into the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-store.h"

G_BEGIN_DECLS

void shouhu_test_annex2_insert_set    (ShouhuStore *store);

G_END_DECLS
