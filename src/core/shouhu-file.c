/* shouhu-file.c — file operations that core/ shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

/**
 * shouhu_file_sync:
 * @is_folder: sync a folder (what a rename changed in it) rather than a file
 *
 * Writes what the system still holds of @path to the disk, so that a
 * power cut cannot leave it half there.
 *
 * Returns: %TRUE when synced; otherwise %FALSE with errno saying why
 */
gboolean
shouhu_file_sync (const char *path,
                  gboolean    is_folder)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (is_folder ? O_DIRECTORY : 0), 0);
  int saved;

  if (fd < 0)
    return FALSE;
  if (fsync (fd) == 0)
    return close (fd) == 0;
  saved = errno;
  close (fd);
  errno = saved;
  return FALSE;
}
