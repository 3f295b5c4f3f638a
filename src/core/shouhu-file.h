/* shouhu-file.h — file operations that core/ shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean shouhu_file_sync (const char *path,
                           gboolean    is_folder);

G_END_DECLS
