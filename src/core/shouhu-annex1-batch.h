/* shouhu-annex1-batch.h — the batches of Annex 1 (第一批, 第二批 …): how
 * the form writes them, how the UI names them, and reading them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many batches a table can be given in the app. */
#define SHOUHU_ANNEX1_MAX_BATCHES 10

char *shouhu_annex1_batch_heading (int         batch);
int   shouhu_annex1_batch_parse   (const char *heading);
char *shouhu_annex1_batch_label   (int         batch);

G_END_DECLS
