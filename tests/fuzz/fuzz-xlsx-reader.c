/* fuzz-xlsx-reader.c — libFuzzer target: arbitrary bytes as an xlsx file
 *
 * Every input must end in a workbook or a GError, within the reader's
 * limits; the sanitizers catch the rest.  The same entry point replays
 * the corpus in the normal test suite (fuzz-replay.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  shouhu_fuzz_check_workbook (data, size);
  return 0;
}
