/* shouhu-test-util.h — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-store.h"

G_BEGIN_DECLS

char        *shouhu_test_temp_dir   (void);
ShouhuStore *shouhu_test_new_store  (char **path_out);
void         shouhu_test_rm_rf      (const char *path);
gint64       shouhu_test_query_int  (ShouhuStore *store,
                                     const char  *sql);
char        *shouhu_test_read_xlsx  (const char  *script,
                                     const char  *path);

/* Tests that read or write workbooks with openpyxl form the 'interop'
 * suite, which the Flatpak build leaves out (the GNOME SDK has Python but
 * not openpyxl).  meson runs a program that holds both kinds twice:
 * SHOUHU_TEST_INTEROP=0 leaves these tests out, =1 runs them alone, and
 * unset (a program run by hand) runs all. */
void         shouhu_test_add          (const char *path,
                                       GTestFunc   func);
void         shouhu_test_add_openpyxl (const char *path,
                                       GTestFunc   func);
const char  *shouhu_test_python       (void);

G_END_DECLS
