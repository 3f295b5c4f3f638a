/* shouhu-test-volunteer.h — volunteers and families made through the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2.h"

G_BEGIN_DECLS

gint64 shouhu_test_add_worker    (ShouhuStore       *store,
                                  const char        *district,
                                  const char        *name,
                                  const char        *phone);
gint64 shouhu_test_add_volunteer (ShouhuStore       *store,
                                  const char *const  values[SHOUHU_N_VOLUNTEER_FIELDS]);

G_END_DECLS
