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

void         shouhu_test_run_python (const char        *dir,
                                     const char        *script);

G_END_DECLS
