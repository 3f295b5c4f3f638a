/* shouhu-test-util.h — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-store.h"

#include <sqlite3.h>

G_BEGIN_DECLS

char        *shouhu_test_temp_dir   (void);
ShouhuStore *shouhu_test_new_store  (char **path_out);
void         shouhu_test_rm_rf      (const char *path);
gint64       shouhu_test_query_int  (ShouhuStore *store,
                                     const char  *sql);
char        *shouhu_test_read_xlsx  (const char  *script,
                                     const char  *path);

int          shouhu_test_run_cli    (const char *const *args,
                                     const char *const *env,
                                     char             **out,
                                     char             **err);
int          shouhu_test_run_cli_full (const char *const *args,
                                       const char *const *env,
                                       int                stdin_fd,
                                       char             **out,
                                       char             **err);
int          shouhu_test_run_import (const char        *db_path,
                                     const char        *file,
                                     gboolean           accept_valid,
                                     char             **output);
/* Reads the file at @path and previews it against @store (a
 * ShouhuImport, shouhu-import.h). */
gpointer     shouhu_test_import_preview (ShouhuStore   *store,
                                         const char    *path);
/* The same, then writes it, as the window's import does when nothing
 * needs a decision. */
void         shouhu_test_import_file (ShouhuStore      *store,
                                      const char       *path);

void         shouhu_test_run_python (const char        *dir,
                                     const char        *script);

sqlite3     *shouhu_test_make_schema_1 (const char     *path);

/* Tests that read or write workbooks with openpyxl form the 'interop'
 * suite, which the Flatpak build leaves out (the GNOME SDK has Python but
 * not openpyxl).  meson runs a program that holds both kinds twice:
 * SHOUHU_TEST_INTEROP=0 leaves these tests out, =1 runs them alone, and
 * unset (a program run by hand) runs all. */
void         shouhu_test_add          (const char *path,
                                       GTestFunc   func);
void         shouhu_test_add_openpyxl (const char *path,
                                       GTestFunc   func);
/* The same for tests with a fixture, as g_test_add() takes them (with no
 * data: set_up, test and tear_down are given NULL, or what they ignore). */
#define shouhu_test_add_fixture(path, Fixture, set_up, test, tear_down) \
  shouhu_test_add_vtable (path, sizeof (Fixture), FALSE, (GTestFixtureFunc) (set_up), \
                          (GTestFixtureFunc) (test), (GTestFixtureFunc) (tear_down))
#define shouhu_test_add_openpyxl_fixture(path, Fixture, set_up, test, tear_down) \
  shouhu_test_add_vtable (path, sizeof (Fixture), TRUE, (GTestFixtureFunc) (set_up), \
                          (GTestFixtureFunc) (test), (GTestFixtureFunc) (tear_down))
void         shouhu_test_add_vtable   (const char       *path,
                                       gsize             fixture_size,
                                       gboolean          needs_openpyxl,
                                       GTestFixtureFunc  set_up,
                                       GTestFixtureFunc  test,
                                       GTestFixtureFunc  tear_down);

G_END_DECLS
