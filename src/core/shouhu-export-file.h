/* shouhu-export-file.h — where an export is written: private, whole or absent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ShouhuExportFile ShouhuExportFile;

gboolean          shouhu_export_check_target        (const char        *path,
                                                     const char        *database,
                                                     GError           **error);

ShouhuExportFile *shouhu_export_file_new            (const char        *path,
                                                     GError           **error);
const char       *shouhu_export_file_get_temp_path  (ShouhuExportFile  *file);
const char       *shouhu_export_file_get_temp_dir   (ShouhuExportFile  *file);
gboolean          shouhu_export_file_commit         (ShouhuExportFile  *file,
                                                     GError           **error);
void              shouhu_export_file_set_error      (ShouhuExportFile  *file,
                                                     int                errno_value,
                                                     const char        *reason,
                                                     GError           **error);
void              shouhu_export_file_free           (ShouhuExportFile  *file);

guint             shouhu_export_remove_leftovers    (const char        *folder);

void              shouhu_export_set_write_error     (GError           **error,
                                                     const char        *path,
                                                     int                errno_value,
                                                     const char        *reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuExportFile, shouhu_export_file_free)

G_END_DECLS
