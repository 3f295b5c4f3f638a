/* fuzz-common.h — what every fuzz target checks on a workbook's bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>

int  LLVMFuzzerTestOneInput      (const uint8_t *data,
                                  size_t         size);
void shouhu_fuzz_check_workbook  (const guint8  *data,
                                  gsize          size);
