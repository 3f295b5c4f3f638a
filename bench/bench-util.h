/* bench-util.h — what the benchmarks share: names, medians, typing a word
 * into a list against a baseline, the temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-store.h"

G_BEGIN_DECLS

/* SHOUHU_BENCH_RECORDS=1000 makes a quick trial run. */
guint        bench_n_records   (void);
char        *bench_person_name (guint i);
double       bench_median      (double      *values,
                                guint        n);
double       bench_ms_since    (gint64       start);

/* One keystroke: the list searches @typed; returns the rows it shows. */
typedef guint  (*BenchKeystroke) (const char *typed,
                                  gpointer    user_data);
/* The same text searched by a bare loop: returns the milliseconds it
 * took, *hits the rows it found. */
typedef double (*BenchBaseline)  (const char *typed,
                                  guint      *hits,
                                  gpointer    user_data);

void         bench_type_word   (const char     *word,
                                BenchKeystroke  keystroke,
                                BenchBaseline   baseline,
                                gpointer        user_data);

ShouhuStore *bench_open_store  (char          **dir);
void         bench_remove_dir  (const char     *dir);

G_END_DECLS
