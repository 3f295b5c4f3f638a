/* shouhu-export-file.c — where an export is written: private, whole or absent
 *
 * An export holds names, addresses and phone numbers, so:
 *
 * - it never lands on the database, its companions, a backup copy or any
 *   other SQLite file (shouhu_export_check_target());
 * - it is written in a private folder (0700) made beside the target, as a
 *   file created 0600 before a byte is written, then renamed over the
 *   target: the target is the old file or the whole new one, never half;
 * - replacing a file never loosens its mode;
 * - a killed export leaves only its private folder, which nobody else can
 *   read, and the next export in that folder removes it.  A live export
 *   holds a lock on its folder, so that the clean-up of another export
 *   running at the same time leaves it alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-export-file.h"
#include "shouhu-export.h"
#include "shouhu-file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* The private folder of one export: ".shouhu-export-" and six characters. */
#define PRIVATE_PREFIX ".shouhu-export-"
#define PRIVATE_NAME_LENGTH (sizeof PRIVATE_PREFIX - 1 + 6)
/* How often an export makes a new private folder when the clean-up of
 * another export removed its folder before it could lock it. */
#define MAX_ATTEMPTS 5

struct _ShouhuExportFile
{
  char     *path;       /* the target */
  char     *temp_dir;   /* the private folder, 0700 */
  char     *temp_path;  /* the workbook inside it */
  mode_t    mode;       /* of the finished file */
  int       lock_fd;
  gboolean  committed;
};

/* ---- Messages ------------------------------------------------------------ */

static gboolean
is_disk_full_errno (int errno_value)
{
  return errno_value == ENOSPC || errno_value == EDQUOT;
}

/**
 * shouhu_export_set_write_error:
 * @errno_value: the system's reason, or 0
 * @reason: (nullable): a translated reason, used when @errno_value is 0
 *
 * The message for an export that could not be written to @path; a full
 * disk is said as such.
 */
void
shouhu_export_set_write_error (GError     **error,
                               const char  *path,
                               int          errno_value,
                               const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  if (is_disk_full_errno (errno_value))
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_WRITE,
                   _("The disk is full: “%s” could not be written. Nothing was changed there. "
                     "Free some space on that disk or choose another folder, then export again."),
                   display);
      return;
    }
  g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_WRITE,
               /* Translators: %s are the file and the reason */
               _("Cannot write “%s”: %s. Nothing was changed there. Choose a folder you can write "
                 "to with enough free space, close the file if another program has it open, "
                 "then export again."),
               display, errno_value != 0 ? g_strerror (errno_value) : reason);
}

/* ---- The target ------------------------------------------------------------ */

/* @path with its folder resolved, so that two spellings of one file (a
 * linked folder, "..") compare equal. */
static char *
resolved_path (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = g_path_get_dirname (absolute);
  g_autofree char *base = g_path_get_basename (absolute);
  g_autofree char *real_dir = realpath (dir, NULL);

  if (real_dir == NULL)
    return g_steal_pointer (&absolute);
  return g_build_filename (real_dir, base, NULL);
}

static gboolean
same_file (const GStatBuf *a,
           const char     *path)
{
  GStatBuf b;

  return g_stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* A database, a rollback journal or a write-ahead log of SQLite, by the
 * first bytes of the file. */
static gboolean
is_sqlite_file (const char *path)
{
  static const guchar journal[] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  guchar head[16] = { 0, };
  GStatBuf st;
  gssize n;
  int fd;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;
  n = read (fd, head, sizeof head);
  close (fd);
  if (n == (gssize) sizeof head && memcmp (head, "SQLite format 3", 16) == 0)
    return TRUE;
  if (n >= 8 && memcmp (head, journal, sizeof journal) == 0)
    return TRUE;
  /* The WAL header's magic, big-endian, with either checksum order. */
  return n >= 4 && head[0] == 0x37 && head[1] == 0x7f && head[2] == 0x06 &&
         (head[3] == 0x82 || head[3] == 0x83);
}

/* The migration backups "<db>.v<N>-<stamp>.bak" and their temporary names. */
static gboolean
is_backup_name (const char *base,
                const char *db_base)
{
  g_autofree char *prefix = g_strconcat (db_base, ".v", NULL);
  g_autofree char *hidden_prefix = g_strconcat (".", db_base, ".v", NULL);

  if (!g_str_has_prefix (base, prefix) && !g_str_has_prefix (base, hidden_prefix))
    return FALSE;
  return g_str_has_suffix (base, ".bak") || strstr (base, ".bak.") != NULL;
}

static gboolean
check_database (const char  *path,
                const char  *database,
                GError     **error)
{
  static const char *const companions[] = { "-wal", "-shm", "-journal" };
  g_autofree char *target = resolved_path (path);
  g_autofree char *db = resolved_path (database);
  g_autofree char *target_dir = g_path_get_dirname (target);
  g_autofree char *target_base = g_path_get_basename (target);
  g_autofree char *db_dir = g_path_get_dirname (db);
  g_autofree char *db_base = g_path_get_basename (db);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *db_display = g_filename_display_name (database);
  GStatBuf st;
  gboolean exists = g_stat (path, &st) == 0;

  if (strcmp (target, db) == 0 || (exists && same_file (&st, db)))
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_REFUSED,
                   _("Cannot export to “%s”: it is the open database “%s”, and the workbook would "
                     "destroy it. Nothing was written. Choose another file name for the workbook."),
                   display, db_display);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *companion = g_strconcat (db, companions[i], NULL);

      if (strcmp (target, companion) == 0 || (exists && same_file (&st, companion)))
        {
          g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_REFUSED,
                       _("Cannot export to “%s”: SQLite keeps the changes of the open database “%s” "
                         "in it, and the workbook would damage the database. Nothing was written. "
                         "Choose another file name for the workbook."),
                       display, db_display);
          return FALSE;
        }
    }
  if (strcmp (target_dir, db_dir) == 0 && is_backup_name (target_base, db_base))
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_REFUSED,
                   _("Cannot export to “%s”: it is a backup copy of the database “%s”. Nothing was "
                     "written. Choose another file name for the workbook."),
                   display, db_display);
      return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_export_check_target:
 * @database: (nullable): the open database
 *
 * Refuses a target that is @database, its -wal, -shm or -journal file,
 * one of its migration backups (also under another name of the same
 * file), or any existing SQLite file.
 *
 * Returns: %TRUE when the workbook may be written to @path
 */
gboolean
shouhu_export_check_target (const char  *path,
                            const char  *database,
                            GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (database != NULL && !check_database (path, database, error))
    return FALSE;
  if (is_sqlite_file (path))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_REFUSED,
                   _("Cannot export to “%s”: it is an SQLite database file, which the workbook "
                     "would destroy. Nothing was written. Choose another file name for the "
                     "workbook."),
                   display);
      return FALSE;
    }
  return TRUE;
}

/* The finished file's mode: 0600, or stricter when the file it replaces
 * was stricter. */
static mode_t
target_mode (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    return st.st_mode & 0600;
  return 0600;
}

/* ---- Leftovers --------------------------------------------------------------- */

/* The temporary file of releases before the private folder:
 * ".NAME.xlsx.XXXXXX". */
static gboolean
is_old_temporary_name (const char *name)
{
  gsize len = strlen (name);
  const char *tail;

  if (name[0] != '.' || len < strlen (".x.xlsx.XXXXXX"))
    return FALSE;
  tail = name + len - 6;
  if (strncmp (tail - 6, ".xlsx.", 6) != 0)
    return FALSE;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isalnum (tail[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_private_name (const char *name)
{
  return g_str_has_prefix (name, PRIVATE_PREFIX) && strlen (name) == PRIVATE_NAME_LENGTH;
}

/* Removes a private folder that no live export holds, with what it
 * contains (files only: nothing else is ever made there).  An export locks
 * its folder right after making it; one caught before that sees its
 * folder go and makes another (shouhu_export_file_new()). */
static gboolean
remove_private_dir (int         dir_fd,
                    const char *name)
{
  GStatBuf st;
  DIR *entries;
  struct dirent *entry;
  int fd = openat (dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  int list_fd;
  gboolean removed;

  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || st.st_uid != geteuid () || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return FALSE;
    }

  list_fd = dup (fd);
  entries = list_fd >= 0 ? fdopendir (list_fd) : NULL;
  if (entries == NULL)
    {
      if (list_fd >= 0)
        close (list_fd);
      close (fd);
      return FALSE;
    }
  while ((entry = readdir (entries)) != NULL)
    if (strcmp (entry->d_name, ".") != 0 && strcmp (entry->d_name, "..") != 0)
      unlinkat (fd, entry->d_name, 0);
  closedir (entries);
  /* Removed while still locked. */
  removed = unlinkat (dir_fd, name, AT_REMOVEDIR) == 0;
  close (fd);
  return removed;
}

static gboolean
remove_old_temporary (int         dir_fd,
                      const char *name)
{
  struct stat st;

  if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG (st.st_mode) ||
      st.st_uid != geteuid ())
    return FALSE;
  return unlinkat (dir_fd, name, 0) == 0;
}

/**
 * shouhu_export_remove_leftovers:
 *
 * Removes from @folder what killed exports left: their private folders
 * (and the hidden ".NAME.xlsx.XXXXXX" files of earlier releases), when
 * they belong to this user and no export running now holds them.
 *
 * Returns: how many were removed
 */
guint
shouhu_export_remove_leftovers (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint removed = 0;
  int dir_fd;

  if (dir == NULL)
    return 0;
  dir_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd < 0)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_private_name (name))
        removed += remove_private_dir (dir_fd, name) ? 1 : 0;
      else if (is_old_temporary_name (name))
        removed += remove_old_temporary (dir_fd, name) ? 1 : 0;
    }
  close (dir_fd);
  return removed;
}

/* ---- Writing ------------------------------------------------------------------ */

/* A new private folder beside the target, 0700 and locked. */
static gboolean
make_private_dir (ShouhuExportFile  *file,
                  const char        *dir,
                  GError           **error)
{
  file->temp_dir = g_build_filename (dir, PRIVATE_PREFIX "XXXXXX", NULL);
  if (g_mkdtemp_full (file->temp_dir, 0700) == NULL)
    {
      int saved = errno;

      g_clear_pointer (&file->temp_dir, g_free);
      shouhu_export_set_write_error (error, file->path, saved, NULL);
      return FALSE;
    }
  file->lock_fd = g_open (file->temp_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (file->lock_fd >= 0)
    flock (file->lock_fd, LOCK_EX);
  return TRUE;
}

static void
drop_private_dir (ShouhuExportFile *file)
{
  if (file->temp_dir != NULL)
    g_rmdir (file->temp_dir);
  if (file->lock_fd >= 0)
    close (file->lock_fd);
  file->lock_fd = -1;
  g_clear_pointer (&file->temp_dir, g_free);
  g_clear_pointer (&file->temp_path, g_free);
}

/**
 * shouhu_export_file_new:
 *
 * Checks @path (see shouhu_export_check_target(), without the database),
 * removes the leftovers of killed exports beside it and creates the
 * private folder with an empty file, 0600, for the workbook to be
 * written into.
 *
 * Returns: (transfer full): the file to write, or %NULL with @error set
 */
ShouhuExportFile *
shouhu_export_file_new (const char  *path,
                        GError     **error)
{
  g_autoptr(ShouhuExportFile) file = g_new0 (ShouhuExportFile, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  int fd;

  file->lock_fd = -1;
  file->path = g_strdup (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      shouhu_export_set_write_error (error, path, EISDIR, NULL);
      return NULL;
    }
  if (!shouhu_export_check_target (path, NULL, error))
    return NULL;
  file->mode = target_mode (path);
  shouhu_export_remove_leftovers (dir);

  /* Made, then locked: between the two, the clean-up of an export
   * running at the same time may take the folder for a leftover and
   * remove it; then the file cannot be made in it, and a new folder is. */
  for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      int saved;

      if (!make_private_dir (file, dir, error))
        return NULL;
      file->temp_path = g_build_filename (file->temp_dir, base, NULL);
      fd = g_open (file->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd >= 0)
        break;
      saved = errno;
      drop_private_dir (file);
      if (saved != ENOENT || attempt + 1 == MAX_ATTEMPTS)
        {
          shouhu_export_set_write_error (error, path, saved, NULL);
          return NULL;
        }
    }
  close (fd);
  return g_steal_pointer (&file);
}

const char *
shouhu_export_file_get_temp_path (ShouhuExportFile *file)
{
  return file->temp_path;
}

/* For the library's own temporary files: they stay private too. */
const char *
shouhu_export_file_get_temp_dir (ShouhuExportFile *file)
{
  return file->temp_dir;
}

static gboolean
disk_is_full (const char *path)
{
  struct statvfs st;

  if (statvfs (path, &st) != 0)
    return FALSE;
  return st.f_bavail == 0 || st.f_bfree == 0 || (st.f_files > 0 && st.f_favail == 0);
}

/**
 * shouhu_export_file_set_error:
 * @errno_value: the system's reason, or 0 when not known
 * @reason: (nullable): a translated reason for when it is not the system's
 *
 * The message for a workbook that could not be written; a full disk is
 * recognised from @errno_value or from the disk itself.
 */
void
shouhu_export_file_set_error (ShouhuExportFile  *file,
                              int                errno_value,
                              const char        *reason,
                              GError           **error)
{
  if (!is_disk_full_errno (errno_value) && disk_is_full (file->temp_dir))
    errno_value = ENOSPC;
  if (!is_disk_full_errno (errno_value) && reason != NULL)
    errno_value = 0;
  shouhu_export_set_write_error (error, file->path, errno_value,
                                 reason != NULL ? reason : _("the workbook could not be completed"));
}

/**
 * shouhu_export_file_commit:
 *
 * Syncs the written workbook to the disk, gives it its mode and renames it
 * over the target.
 */
gboolean
shouhu_export_file_commit (ShouhuExportFile  *file,
                           GError           **error)
{
  g_autofree char *dir = g_path_get_dirname (file->path);

  if (!shouhu_file_sync (file->temp_path, FALSE))
    {
      shouhu_export_file_set_error (file, errno, NULL, error);
      return FALSE;
    }
  if (file->mode != 0600 && g_chmod (file->temp_path, file->mode) != 0)
    {
      shouhu_export_file_set_error (file, errno, NULL, error);
      return FALSE;
    }
  /* The target may have changed while the workbook was written. */
  if (!shouhu_export_check_target (file->path, NULL, error))
    return FALSE;
  if (g_rename (file->temp_path, file->path) != 0)
    {
      shouhu_export_file_set_error (file, errno, NULL, error);
      return FALSE;
    }
  file->committed = TRUE;
  /* The rename itself survives a power cut once the folder is synced. */
  shouhu_file_sync (dir, TRUE);
  return TRUE;
}

/* Removes what was not committed, and the private folder. */
void
shouhu_export_file_free (ShouhuExportFile *file)
{
  if (file == NULL)
    return;
  if (file->temp_path != NULL && !file->committed)
    g_unlink (file->temp_path);
  drop_private_dir (file);
  g_free (file->path);
  g_free (file);
}
