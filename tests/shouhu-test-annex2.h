/* shouhu-test-annex2.h — a small Annex 2 set written straight into the
 * database, and a worker record to save through the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

void   shouhu_test_annex2_insert_set    (ShouhuStore *store);
/* A worker of 重庆医科大学附属第一医院, 女, with the fields given, not
 * stored. */
ShouhuWorker *shouhu_test_make_worker   (int          district_id,
                                         const char  *name,
                                         const char  *phone);

/* Saves a family (worker record) of @district_id through core, with a
 * phone made from its name and the hospital 重庆医科大学附属第一医院. */
gint64 shouhu_test_annex2_add_family    (ShouhuStore *store,
                                         int          district_id,
                                         const char  *name,
                                         const char  *home_address,
                                         const char  *work_place,
                                         const char  *note,
                                         guint        needs);
/* Saves a volunteer of @district_id living in @town and @village with
 * @skills (ShouhuSkill), trained and equipped from 2020-02-01 and insured
 * until @insured_until; NULL: none of that (not ready). */
gint64 shouhu_test_annex2_add_volunteer (ShouhuStore *store,
                                         int          district_id,
                                         const char  *name,
                                         const char  *town,
                                         const char  *village,
                                         guint        skills,
                                         const char  *insured_until);

G_END_DECLS
