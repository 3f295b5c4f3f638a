/* shouhu-store.c — the SQLite database that holds everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-store.h"
#include "shouhu-file.h"
#include "shouhu-district.h"
#include "shouhu-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct _ShouhuStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  char    *backup_path;
  int      schema_version;
  guint    savepoint_depth;
  GArray  *pending_changes;  /* GQuark details to emit at the outer commit */
  gint64   data_version;     /* PRAGMA data_version at the last check */
  gint64   import_event;     /* the import writing now, 0 for none */
};

G_DEFINE_FINAL_TYPE (ShouhuStore, shouhu_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (shouhu-store-error-quark, shouhu_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How long a writer waits for another program's write to end before it
 * gives up: longer than any import or edit takes, short enough that a
 * program that keeps the lock (stopped in a debugger, hung) is reported. */
#define DEFAULT_BUSY_TIMEOUT_MS 20000

/* Every detail of ShouhuStore::changed: a change made by another program
 * may have touched any of them. */
static const char *const change_details[] = { "annex1", "annex2", "ledger" };

/* Each entry moves the schema from version i to i + 1.  Entries are only
 * ever appended: a database in the field may stand at any version. */
static const char *const migrations[] = {
  /* 1: districts and Annex 1 */
  "CREATE TABLE district ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL UNIQUE);"
  /* One Annex 1 table per 截至 date; batch_count grows when a later batch
   * (第三批, …) is added, figures are per batch, so no schema change. */
  "CREATE TABLE annex1_table ("
  "  id          INTEGER PRIMARY KEY,"
  "  as_of       TEXT NOT NULL UNIQUE CHECK (as_of IS date(as_of)),"
  "  batch_count INTEGER NOT NULL DEFAULT 2 CHECK (batch_count >= 1),"
  "  created     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')));"
  "CREATE TABLE annex1_figure ("
  "  table_id    INTEGER NOT NULL REFERENCES annex1_table (id) ON DELETE CASCADE,"
  "  district_id INTEGER NOT NULL REFERENCES district (id),"
  "  batch       INTEGER NOT NULL CHECK (batch >= 1),"
  "  total       INTEGER NOT NULL CHECK (total >= 0),"
  "  hubei       INTEGER NOT NULL CHECK (hubei >= 0 AND hubei <= total),"
  "  PRIMARY KEY (table_id, district_id, batch));"
  "CREATE TABLE annex1_note ("
  "  table_id    INTEGER NOT NULL REFERENCES annex1_table (id) ON DELETE CASCADE,"
  "  district_id INTEGER NOT NULL REFERENCES district (id),"
  "  note        TEXT NOT NULL,"
  "  PRIMARY KEY (table_id, district_id));",

  /* 2: Annex 2 — workers, volunteers, pairings, form headers, history */
  "CREATE TABLE worker ("
  "  id           INTEGER PRIMARY KEY,"
  "  district_id  INTEGER NOT NULL REFERENCES district (id),"
  "  hospital     TEXT NOT NULL,"
  "  name         TEXT NOT NULL,"
  "  gender       TEXT NOT NULL CHECK (gender IN ('男', '女')),"
  "  title        TEXT NOT NULL DEFAULT '',"
  "  work_place   TEXT NOT NULL DEFAULT '',"
  "  home_address TEXT NOT NULL DEFAULT '',"
  "  phone        TEXT NOT NULL DEFAULT '',"
  "  family_phone TEXT NOT NULL DEFAULT '',"
  "  note         TEXT NOT NULL DEFAULT '',"
  "  created      TEXT NOT NULL,"
  "  changed      TEXT NOT NULL);"
  "CREATE INDEX worker_district ON worker (district_id);"
  "CREATE INDEX worker_name_phone ON worker (name, phone);"
  "CREATE TABLE volunteer ("
  "  id           INTEGER PRIMARY KEY,"
  "  name         TEXT NOT NULL,"
  "  phone        TEXT NOT NULL DEFAULT '',"
  "  district_id  INTEGER REFERENCES district (id),"
  "  town         TEXT NOT NULL DEFAULT '',"
  "  village      TEXT NOT NULL DEFAULT '',"
  "  note         TEXT NOT NULL DEFAULT '',"
  "  created      TEXT NOT NULL,"
  "  changed      TEXT NOT NULL);"
  "CREATE TABLE pairing ("
  "  worker_id    INTEGER NOT NULL REFERENCES worker (id) ON DELETE CASCADE,"
  "  volunteer_id INTEGER NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,"
  "  created      TEXT NOT NULL,"
  "  PRIMARY KEY (worker_id, volunteer_id));"
  "CREATE INDEX pairing_volunteer ON pairing (volunteer_id);"
  "CREATE TABLE district_form ("
  "  district_id  INTEGER PRIMARY KEY REFERENCES district (id),"
  "  reporter     TEXT NOT NULL DEFAULT '',"
  "  phone        TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE history ("
  "  id           INTEGER PRIMARY KEY,"
  "  at           TEXT NOT NULL,"
  "  entity       TEXT NOT NULL,"
  "  entity_id    INTEGER NOT NULL,"
  "  action       TEXT NOT NULL,"
  "  field        TEXT,"
  "  old_value    TEXT,"
  "  new_value    TEXT);"
  "CREATE INDEX history_entity ON history (entity, entity_id);",

  /* 3: what a volunteer needs to go on duty (培训, 防护用品, 保险), where
   * from and what for.  Every volunteer stays, not ready until recorded. */
  "ALTER TABLE volunteer ADD COLUMN gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('男', '女', ''));"
  "ALTER TABLE volunteer ADD COLUMN source TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE volunteer ADD COLUMN skills INTEGER NOT NULL DEFAULT 0 CHECK (skills >= 0);"
  "ALTER TABLE volunteer ADD COLUMN trained_on TEXT NOT NULL DEFAULT ''"
  "  CHECK (trained_on = '' OR trained_on IS date(trained_on));"
  "ALTER TABLE volunteer ADD COLUMN gear_on TEXT NOT NULL DEFAULT ''"
  "  CHECK (gear_on = '' OR gear_on IS date(gear_on));"
  "ALTER TABLE volunteer ADD COLUMN gear INTEGER NOT NULL DEFAULT 0 CHECK (gear BETWEEN 0 AND 7);"
  "ALTER TABLE volunteer ADD COLUMN insurer TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE volunteer ADD COLUMN policy_no TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE volunteer ADD COLUMN insured_from TEXT NOT NULL DEFAULT ''"
  "  CHECK (insured_from = '' OR insured_from IS date(insured_from));"
  "ALTER TABLE volunteer ADD COLUMN insured_until TEXT NOT NULL DEFAULT ''"
  "  CHECK (insured_until = '' OR insured_until IS date(insured_until));"
  "CREATE INDEX volunteer_district ON volunteer (district_id);"
  "CREATE INDEX volunteer_phone ON volunteer (phone);"
  "CREATE INDEX volunteer_name ON volunteer (name);",

  /* 4: who has reported.  A new 截至 date starts as a copy of the date
   * before, so equal figures do not tell whether a district reported:
   * each (table, district) says when its figures were entered or changed
   * for that date, NULL while they are only carried over.  Tables from
   * before this migration count as carried over where every figure
   * equals the date before's.  The index finds, per district, the last
   * record deleted or moved out of its Annex 2 (history keeps its name). */
  "CREATE TABLE annex1_report ("
  "  table_id    INTEGER NOT NULL REFERENCES annex1_table (id) ON DELETE CASCADE,"
  "  district_id INTEGER NOT NULL REFERENCES district (id),"
  "  entered     TEXT,"
  "  PRIMARY KEY (table_id, district_id));"
  "INSERT INTO annex1_report (table_id, district_id, entered)"
  "  SELECT t.id, d.id,"
  "         CASE WHEN p.id IS NOT NULL AND NOT EXISTS"
  "                (SELECT 1 FROM annex1_figure f"
  "                  WHERE f.table_id = t.id AND f.district_id = d.id AND f.batch <= t.batch_count"
  "                    AND NOT EXISTS (SELECT 1 FROM annex1_figure g"
  "                                     WHERE g.table_id = p.id AND g.district_id = d.id"
  "                                       AND g.batch = f.batch AND g.total = f.total"
  "                                       AND g.hubei = f.hubei))"
  "              THEN NULL ELSE t.created END"
  "    FROM annex1_table t CROSS JOIN district d"
  "    LEFT JOIN annex1_table p"
  "           ON p.as_of = (SELECT max (as_of) FROM annex1_table WHERE as_of < t.as_of);"
  "CREATE INDEX history_worker_left ON history (old_value, at)"
  "  WHERE entity = 'worker' AND field = 'district_id';",

  /* 5: the service ledger (服务台账), see shouhu-ledger.c: worker_id has no
   * foreign key, so that the ledger outlives a worker's deleted record
   * and its undo.  AUTOINCREMENT: an id is never used twice, so history
   * rows keep pointing at the right record. */
  "CREATE TABLE service ("
  "  id           INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  worker_id    INTEGER NOT NULL,"
  "  day          TEXT NOT NULL CHECK (day IS date(day)),"
  "  kind         TEXT NOT NULL CHECK (kind IN ('care', 'tutoring', 'supplies', 'transport', 'greeting', 'other')),"
  "  content      TEXT NOT NULL DEFAULT '',"
  "  minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),"
  "  need         TEXT NOT NULL DEFAULT '',"
  "  solved       INTEGER NOT NULL DEFAULT 0 CHECK (solved IN (0, 1)),"
  "  typical      INTEGER NOT NULL DEFAULT 0 CHECK (typical IN (0, 1)),"
  "  story        TEXT NOT NULL DEFAULT '',"
  "  created      TEXT NOT NULL,"
  "  changed      TEXT NOT NULL);"
  "CREATE INDEX service_worker_day ON service (worker_id, day);"
  "CREATE INDEX service_day ON service (day);"
  "CREATE INDEX service_open_need ON service (worker_id) WHERE need <> '' AND solved = 0;"
  "CREATE INDEX service_typical ON service (day) WHERE typical = 1;"
  "CREATE TABLE service_volunteer ("
  "  service_id   INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,"
  "  volunteer_id INTEGER NOT NULL REFERENCES volunteer (id),"
  "  PRIMARY KEY (service_id, volunteer_id)) WITHOUT ROWID;"
  "CREATE INDEX service_volunteer_volunteer ON service_volunteer (volunteer_id);",

  /* 6: "1+N" (shouhu-pairing.h).  A family's registered needs as flags
   * (ShouhuFamilyNeed); a pairing's role, 0 for the 保底 guardian, else
   * the one need it serves.  Pairings from before are 保底. */
  "ALTER TABLE worker ADD COLUMN needs INTEGER NOT NULL DEFAULT 0 CHECK (needs BETWEEN 0 AND 127);"
  "ALTER TABLE pairing ADD COLUMN role INTEGER NOT NULL DEFAULT 0"
  "  CHECK (role IN (0, 1, 2, 4, 8, 16, 32, 64));",

  /* 7: imports as events (shouhu-import-event.h): records an import
   * created and the history rows of the fields it changed point to it,
   * instead of a history row per field of every new record. */
  "CREATE TABLE import_event ("
  "  id           INTEGER PRIMARY KEY,"
  "  at           TEXT NOT NULL,"
  "  kind         TEXT NOT NULL,"
  "  file_name    TEXT NOT NULL,"
  "  sha256       TEXT NOT NULL,"
  "  n_new        INTEGER NOT NULL DEFAULT 0,"
  "  n_updated    INTEGER NOT NULL DEFAULT 0,"
  "  n_unchanged  INTEGER NOT NULL DEFAULT 0,"
  "  n_removed    INTEGER NOT NULL DEFAULT 0,"
  "  n_rejected   INTEGER NOT NULL DEFAULT 0);"
  "ALTER TABLE worker ADD COLUMN import_id INTEGER REFERENCES import_event (id);"
  "ALTER TABLE volunteer ADD COLUMN import_id INTEGER REFERENCES import_event (id);"
  "ALTER TABLE history ADD COLUMN import_id INTEGER REFERENCES import_event (id);"
  /* A pairing is its two ids: the table is its key (no rowid beside). */
  "CREATE TABLE pairing_by_key ("
  "  worker_id    INTEGER NOT NULL REFERENCES worker (id) ON DELETE CASCADE,"
  "  volunteer_id INTEGER NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,"
  "  created      TEXT NOT NULL,"
  "  role         INTEGER NOT NULL DEFAULT 0 CHECK (role IN (0, 1, 2, 4, 8, 16, 32, 64)),"
  "  PRIMARY KEY (worker_id, volunteer_id)) WITHOUT ROWID;"
  "INSERT INTO pairing_by_key SELECT worker_id, volunteer_id, created, role FROM pairing;"
  "DROP TABLE pairing;"
  "ALTER TABLE pairing_by_key RENAME TO pairing;"
  "CREATE INDEX pairing_volunteer ON pairing (volunteer_id);",

  /* 8: merges of two volunteers' records (shouhu-annex2-merge.c), kept
   * so that one can be undone: the removed record, the kept one before
   * and after, and which pairings and ledger links the merge moved (moved
   * 0: the kept record already had that family or service).  The purge
   * erases them with the people they name. */
  "CREATE TABLE volunteer_merge ("
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at            TEXT NOT NULL,"
  "  keep_id       INTEGER NOT NULL,"
  "  other_id      INTEGER NOT NULL,"
  "  keep_before   TEXT NOT NULL,"
  "  keep_after    TEXT NOT NULL DEFAULT '',"
  "  other_record  TEXT NOT NULL,"
  "  other_created TEXT NOT NULL,"
  "  other_changed TEXT NOT NULL,"
  "  other_import  INTEGER);"
  "CREATE INDEX volunteer_merge_keep ON volunteer_merge (keep_id);"
  "CREATE INDEX volunteer_merge_other ON volunteer_merge (other_id);"
  "CREATE TABLE volunteer_merge_pairing ("
  "  merge_id      INTEGER NOT NULL REFERENCES volunteer_merge (id) ON DELETE CASCADE,"
  "  worker_id     INTEGER NOT NULL,"
  "  created       TEXT NOT NULL,"
  "  role          INTEGER NOT NULL,"
  "  moved         INTEGER NOT NULL CHECK (moved IN (0, 1)),"
  "  PRIMARY KEY (merge_id, worker_id)) WITHOUT ROWID;"
  "CREATE TABLE volunteer_merge_service ("
  "  merge_id      INTEGER NOT NULL REFERENCES volunteer_merge (id) ON DELETE CASCADE,"
  "  service_id    INTEGER NOT NULL,"
  "  moved         INTEGER NOT NULL CHECK (moved IN (0, 1)),"
  "  PRIMARY KEY (merge_id, service_id)) WITHOUT ROWID;",

  /* 9: the same checks, written so that SQLite tests them with a few
   * comparisons.  A CHECK with an IN list of more than two values makes
   * SQLite build a temporary b-tree of the list for every row inserted
   * (it keeps none across the rows of a CHECK): a third of the cost of
   * inserting a pairing or a volunteer.  The values allowed are the
   * same.  A CHECK does not change how rows are stored, so the tables'
   * text is rewritten in place, as SQLite's documentation describes for
   * such changes (lang_altertable.html, "otheralter"); reload_schema ()
   * then bumps the schema's version, so that every connection reads the
   * new text. */
  "PRAGMA writable_schema = ON;"
  "UPDATE sqlite_schema"
  "   SET sql = replace (sql, 'CHECK (role IN (0, 1, 2, 4, 8, 16, 32, 64))',"
  "                      'CHECK (role = 0 OR role = 1 OR role = 2 OR role = 4 OR role = 8 OR role = 16"
  " OR role = 32 OR role = 64)')"
  " WHERE type = 'table' AND name = 'pairing';"
  "UPDATE sqlite_schema"
  "   SET sql = replace (sql, 'CHECK (gender IN (''男'', ''女'', ''''))',"
  "                      'CHECK (gender IN (''男'', ''女'') OR gender = '''')')"
  " WHERE type = 'table' AND name = 'volunteer';"
  "UPDATE sqlite_schema"
  "   SET sql = replace (sql, 'CHECK (kind IN (''care'', ''tutoring'', ''supplies'', ''transport'', ''greeting'', ''other''))',"
  "                      'CHECK (kind IN (''care'', ''tutoring'') OR kind IN (''supplies'', ''transport'')"
  " OR kind IN (''greeting'', ''other''))')"
  " WHERE type = 'table' AND name = 'service';"
  "PRAGMA writable_schema = OFF;",
};

/* The migration that rewrites tables' text in sqlite_schema (9). */
#define MIGRATION_REWRITES_CHECKS 8

static gboolean
set_sqlite_error (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  int code;

  /* A sync or a write that found the disk full can come as an I/O error. */
  if ((rc & 0xff) == SQLITE_IOERR && db != NULL &&
      (sqlite3_system_errno (db) == ENOSPC || sqlite3_system_errno (db) == EDQUOT))
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = SHOUHU_STORE_ERROR_NOT_DB;
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = SHOUHU_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_CANTOPEN:
      code = SHOUHU_STORE_ERROR_OPEN;
      break;
    default:
      code = SHOUHU_STORE_ERROR_FAILED;
      break;
    }

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      {
        const char *file = db != NULL ? sqlite3_db_filename (db, "main") : NULL;

        if (file != NULL && *file != '\0')
          g_set_error (error, SHOUHU_STORE_ERROR, code,
                       _("The disk is full: the database “%s” cannot grow, so nothing of this "
                         "change was stored. Free some space on that disk and try again."),
                       file);
        else
          g_set_error (error, SHOUHU_STORE_ERROR, code,
                       _("The disk is full: free some space and try again"));
      }
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, SHOUHU_STORE_ERROR, code,
                   _("The file is not a Shouhu database or it is damaged"));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, SHOUHU_STORE_ERROR, code,
                   _("The file cannot be written (it or its folder is read-only)"));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      /* Another Shouhu window on the same file (one per --database) or
       * another program is writing: SQLite's own text would be English. */
      g_set_error (error, SHOUHU_STORE_ERROR, code,
                   _("Another program is writing to the database: wait until it is done, or close it, and try again"));
      break;
    default:
      g_set_error (error, SHOUHU_STORE_ERROR, code,
                   _("Database error: %s"),
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    }

  return FALSE;
}

static void
prefix_with_path (GError     **error,
                  const char  *path)
{
  g_prefix_error (error, _("Cannot open the database “%s”: "), path);
}

static void
shouhu_store_finalize (GObject *object)
{
  ShouhuStore *self = SHOUHU_STORE (object);

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->pending_changes, g_array_unref);

  G_OBJECT_CLASS (shouhu_store_parent_class)->finalize (object);
}

static void
shouhu_store_class_init (ShouhuStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* No statistics of SQLite's memory (sqlite3_memory_used () and the
   * like, which nothing here reads): each of its allocations would take
   * a global lock, a twentieth of an import's writing.  Must come before
   * SQLite is first used; later, it is refused and changes nothing. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
  object_class->finalize = shouhu_store_finalize;

  /**
   * ShouhuStore::changed:
   *
   * Emitted after a committed change; the detail names what changed
   * ("annex1", "annex2").
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
shouhu_store_init (ShouhuStore *self)
{
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (GQuark));
}

/* A link can be turned to another file between two opens (the window's
 * and an export's), so the database is opened only under its own name;
 * the user is told where the link points. */
static gboolean
check_not_symlink (const char  *path,
                   GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *resolved = NULL;
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
    return TRUE;
  target = g_file_read_link (path, NULL);
  dir = g_path_get_dirname (path);
  resolved = g_canonicalize_filename (target != NULL ? target : "", dir);
  g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_OPEN,
               _("It is a symbolic link to “%s”. A link can be changed to point at another "
                 "file, so Shouhu opens a database only under its real name: open that file "
                 "itself."),
               resolved);
  return FALSE;
}

/* Creates the folder (0700) and an empty file (0600) before SQLite sees the
 * path, so that the database never exists with looser permissions. */
static gboolean
prepare_path (const char  *path,
              gboolean    *is_new,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  *is_new = FALSE;

  if (!check_not_symlink (path, error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_OPEN,
                       _("It is a folder, not a file"));
          return FALSE;
        }
      if (g_access (path, R_OK) != 0)
        {
          int saved = errno;
          g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_OPEN,
                       _("The file cannot be read: %s"), g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_OPEN,
                   _("The folder “%s” cannot be created: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SHOUHU_STORE_ERROR,
                   saved == EACCES || saved == EROFS ? SHOUHU_STORE_ERROR_READ_ONLY
                                                     : SHOUHU_STORE_ERROR_OPEN,
                   _("The file cannot be created: %s"), g_strerror (saved));
      return FALSE;
    }
  close (fd);
  *is_new = TRUE;
  return TRUE;
}

static gboolean
read_user_version (ShouhuStore  *self,
                   int          *version,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Reading the schema is the first touch of the file: a file that is not
   * a database fails here, before anything could have been written. */
  rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self->db, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self->db, rc, error);

  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Changes whenever another connection commits; never for our own. */
static gboolean
read_data_version (ShouhuStore  *self,
                   gint64       *data_version,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self->db, rc, error);
  *data_version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
check_integrity (ShouhuStore  *self,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self->db, rc, error);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    return set_sqlite_error (self->db, SQLITE_CORRUPT, error);
  return TRUE;
}

static void
set_backup_error (GError     **error,
                  const char  *target,
                  int          sqlite_rc,
                  int          errno_value)
{
  if ((sqlite_rc & 0xff) == SQLITE_FULL || errno_value == ENOSPC || errno_value == EDQUOT)
    g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED,
                 _("The disk is full: the backup copy “%s” taken before the upgrade cannot be "
                   "written. The database was not changed. Free some space on that disk and "
                   "open it again."),
                 target);
  else
    g_set_error (error, SHOUHU_STORE_ERROR,
                 errno_value == EACCES || errno_value == EROFS ? SHOUHU_STORE_ERROR_READ_ONLY
                                                               : SHOUHU_STORE_ERROR_FAILED,
                 _("The backup copy “%s” cannot be written: %s"),
                 target, errno_value != 0 ? g_strerror (errno_value) : sqlite3_errstr (sqlite_rc));
}

/* A backup in progress is ".<db>.v<N>-<stamp>.bak.XXXXXX", locked by its
 * writer; one left by a killed migration is removed. */
static void
remove_backup_leftovers (const char *db_path)
{
  g_autofree char *dir_name = g_path_get_dirname (db_path);
  g_autofree char *db_base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strdup_printf (".%s.v", db_base);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_prefix (name, prefix) || strstr (name, ".bak.") == NULL)
        continue;
      path = g_build_filename (dir_name, name, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

/* The copy is written under a temporary name (0600 from its creation),
 * synced, then renamed: a backup is whole or absent, never a file that
 * opens as an empty or half database. */
static gboolean
backup_before_migration (ShouhuStore  *self,
                         int           from_version,
                         GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.v%d-%s.bak", self->path, from_version, stamp);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *target_base = g_path_get_basename (target);
  g_autofree char *tmp_name = g_strdup_printf (".%s.XXXXXX", target_base);
  g_autofree char *tmp = g_build_filename (dir, tmp_name, NULL);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc, lock_fd, system_errno = 0;

  remove_backup_leftovers (self->path);
  lock_fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (lock_fd < 0)
    {
      set_backup_error (error, target, SQLITE_CANTOPEN, errno);
      return FALSE;
    }
  flock (lock_fd, LOCK_EX | LOCK_NB);

  rc = sqlite3_open_v2 (tmp, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  /* The temporary file is thrown away on failure: no journal needed. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (copy);
      else
        {
          int step = sqlite3_backup_step (backup, -1);

          rc = sqlite3_backup_finish (backup);
          if (step != SQLITE_DONE)
            rc = step;
        }
    }
  if (rc != SQLITE_OK)
    system_errno = sqlite3_system_errno (copy);
  if (sqlite3_close (copy) != SQLITE_OK && rc == SQLITE_OK)
    rc = SQLITE_IOERR;

  if (rc != SQLITE_OK)
    {
      g_unlink (tmp);
      close (lock_fd);
      set_backup_error (error, target, rc, system_errno);
      return FALSE;
    }
  if (!shouhu_file_sync (tmp, FALSE) || g_rename (tmp, target) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      close (lock_fd);
      set_backup_error (error, target, SQLITE_IOERR, saved);
      return FALSE;
    }
  close (lock_fd);
  shouhu_file_sync (dir, TRUE);

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&target);
  return TRUE;
}

static gboolean
insert_districts (ShouhuStore  *self,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (self, "INSERT INTO district (id, name) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    {
      const ShouhuDistrict *d = shouhu_district_get (id);

      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, d->id);
      sqlite3_bind_text (stmt, 2, d->name, -1, SQLITE_STATIC);
      if (!shouhu_store_run_statement (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* After sqlite_schema was written directly: a new schema version, so
 * that other connections read the tables again, and this one too
 * (writable_schema = RESET). */
static gboolean
reload_schema (ShouhuStore  *self,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (self, "PRAGMA schema_version", error);
  g_autofree char *bump = NULL;
  gboolean found = FALSE;

  if (stmt == NULL || !shouhu_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return set_sqlite_error (self->db, SQLITE_CORRUPT, error);
  bump = g_strdup_printf ("PRAGMA writable_schema = ON;"
                          "PRAGMA schema_version = %" G_GINT64_FORMAT ";"
                          "PRAGMA writable_schema = RESET;",
                          (gint64) sqlite3_column_int64 (stmt, 0) + 1);
  g_clear_pointer (&stmt, sqlite3_finalize);
  return shouhu_store_exec (self, bump, error);
}

static gboolean
migrate (ShouhuStore  *self,
         int           from_version,
         GError      **error)
{
  const int latest = (int) G_N_ELEMENTS (migrations);
  g_autofree char *set_version = NULL;

  if (!shouhu_store_begin (self, error))
    return FALSE;

  for (int v = from_version; v < latest; v++)
    {
      if (!shouhu_store_exec (self, migrations[v], error))
        goto fail;
      if (v == 0 && !insert_districts (self, error))
        goto fail;
      if (v == MIGRATION_REWRITES_CHECKS && !reload_schema (self, error))
        goto fail;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", latest);
  if (!shouhu_store_exec (self, set_version, error))
    goto fail;

  if (!shouhu_store_commit (self, error))
    goto fail;

  self->schema_version = latest;
  return TRUE;

fail:
  shouhu_store_rollback (self);
  /* The tables as the file has them again, should a check's text have
   * been read from the rolled-back rewrite. */
  sqlite3_exec (self->db, "PRAGMA writable_schema = RESET", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
open_database (ShouhuStore  *self,
               gboolean      is_new,
               GError      **error)
{
  int rc;
  int version = 0;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self->db, rc, error);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);

  if (!read_user_version (self, &version, error))
    return FALSE;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    return set_sqlite_error (self->db, SQLITE_READONLY, error);

  if (version > (int) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_TOO_NEW,
                   _("It was written by a newer version of Shouhu (schema %d): "
                     "update Shouhu to open it"), version);
      return FALSE;
    }

  if (!is_new && version > 0 && !check_integrity (self, error))
    return FALSE;

  /* A file that holds tables but no user_version was not made here.
   * Checked before anything below writes to the file (WAL mode does). */
  if (version == 0 && !is_new)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = shouhu_store_prepare (self, "SELECT count(*) FROM sqlite_schema", error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
        return set_sqlite_error (self->db, SQLITE_NOTADB, error);
    }

  /* secure_delete: what is deleted is overwritten, not left in free pages. */
  if (!shouhu_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !shouhu_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !shouhu_store_exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;

  self->schema_version = version;
  if (version < (int) G_N_ELEMENTS (migrations) &&
      ((version > 0 && !backup_before_migration (self, version, error)) ||
       !migrate (self, version, error)))
    return FALSE;

  return read_data_version (self, &self->data_version, error);
}

/* Public API */

char *
shouhu_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "shouhu", "shouhu.db", NULL);
}

/**
 * shouhu_store_open:
 * @path: (nullable): the database file, or %NULL for the default
 *
 * Opens the database, creating it (folder 0700, file 0600) when it does not
 * exist and migrating it to the current schema after a backup copy.  A file
 * that is not a database, is damaged or is read-only is never written.
 *
 * Returns: (transfer full): the store, or %NULL with @error naming the file
 */
ShouhuStore *
shouhu_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(ShouhuStore) self = g_object_new (SHOUHU_TYPE_STORE, NULL);
  gboolean is_new = FALSE;

  self->path = path != NULL ? g_canonicalize_filename (path, NULL) : shouhu_store_default_path ();

  if (!prepare_path (self->path, &is_new, error) ||
      !open_database (self, is_new, error))
    {
      prefix_with_path (error, self->path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
shouhu_store_get_path (ShouhuStore *self)
{
  g_return_val_if_fail (SHOUHU_IS_STORE (self), NULL);
  return self->path;
}

int
shouhu_store_get_schema_version (ShouhuStore *self)
{
  g_return_val_if_fail (SHOUHU_IS_STORE (self), 0);
  return self->schema_version;
}

int
shouhu_store_latest_schema_version (void)
{
  return (int) G_N_ELEMENTS (migrations);
}

/**
 * shouhu_store_get_migration_sql:
 * @version: 1 for the first migration
 *
 * For the tests of a migration, which build the schema it starts from.
 *
 * Returns: (nullable): the SQL that moves the schema to @version
 */
const char *
shouhu_store_get_migration_sql (int version)
{
  if (version < 1 || version > (int) G_N_ELEMENTS (migrations))
    return NULL;
  return migrations[version - 1];
}

/**
 * shouhu_store_get_backup_path:
 *
 * Returns: (nullable): the copy taken before the last migration, if any
 */
const char *
shouhu_store_get_backup_path (ShouhuStore *self)
{
  g_return_val_if_fail (SHOUHU_IS_STORE (self), NULL);
  return self->backup_path;
}

sqlite3 *
shouhu_store_get_db (ShouhuStore *self)
{
  g_return_val_if_fail (SHOUHU_IS_STORE (self), NULL);
  return self->db;
}

void
shouhu_store_set_error (ShouhuStore  *self,
                        GError      **error)
{
  set_sqlite_error (self->db, sqlite3_extended_errcode (self->db), error);
}

/**
 * shouhu_store_open_reader:
 *
 * A read-only connection of its own to the same file, for one job on a
 * worker thread: WAL lets it read the last committed state while the
 * store's connection writes.  Close it with sqlite3_close_v2().
 *
 * Returns: (transfer full) (nullable): the connection
 */
sqlite3 *
shouhu_store_open_reader (ShouhuStore  *self,
                          GError      **error)
{
  sqlite3 *reader = NULL;
  int rc;

  g_return_val_if_fail (SHOUHU_IS_STORE (self), NULL);

  rc = sqlite3_open_v2 (self->path, &reader,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (reader, rc, error);
      sqlite3_close_v2 (reader);
      return NULL;
    }
  sqlite3_busy_timeout (reader, 5000);
  return reader;
}

/* Turns a failure on a reader connection into a message for the user. */
gboolean
shouhu_store_reader_error (sqlite3  *reader,
                           int       rc,
                           GError  **error)
{
  return set_sqlite_error (reader, rc, error);
}

sqlite3_stmt *
shouhu_store_prepare (ShouhuStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
shouhu_store_exec (ShouhuStore  *self,
                   const char   *sql,
                   GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self->db, rc, error);
  return TRUE;
}

/* Runs a prepared statement (an INSERT, UPDATE or DELETE) to its end;
 * rows it would return are passed over. */
gboolean
shouhu_store_run_statement (ShouhuStore   *self,
                            sqlite3_stmt  *stmt,
                            GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self->db, rc, error);
  return TRUE;
}

/* Steps a query for one row: @found says whether there is one (to be
 * read from @stmt); %FALSE with @error set when the query fails. */
gboolean
shouhu_store_step_row (ShouhuStore   *self,
                       sqlite3_stmt  *stmt,
                       gboolean      *found,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (self->db, rc, error);
  return TRUE;
}

/* Transactions nest as savepoints: a job made of smaller jobs is still one
 * transaction, all or nothing.  The outermost one takes the write lock at
 * once (BEGIN IMMEDIATE): when another program is writing, it waits for the
 * busy timeout at its start.  A deferred transaction would first read, then
 * find at its first write that the other program's commit made its reads
 * stale, and fail at once without waiting. */
gboolean
shouhu_store_begin (ShouhuStore  *self,
                    GError      **error)
{
  if (!shouhu_store_exec (self, self->savepoint_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT shouhu", error))
    return FALSE;
  self->savepoint_depth++;
  return TRUE;
}

gboolean
shouhu_store_commit (ShouhuStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (self->savepoint_depth > 0, FALSE);

  if (!shouhu_store_exec (self, self->savepoint_depth == 1 ? "COMMIT" : "RELEASE shouhu", error))
    return FALSE;
  self->savepoint_depth--;

  /* Only now is the change visible to every connection. */
  if (self->savepoint_depth == 0 && self->pending_changes->len > 0)
    {
      g_autoptr(GArray) pending = g_steal_pointer (&self->pending_changes);

      self->pending_changes = g_array_new (FALSE, FALSE, sizeof (GQuark));
      for (guint i = 0; i < pending->len; i++)
        g_signal_emit (self, signals[CHANGED], g_array_index (pending, GQuark, i));
    }
  return TRUE;
}

void
shouhu_store_rollback (ShouhuStore *self)
{
  g_return_if_fail (self->savepoint_depth > 0);

  sqlite3_exec (self->db, self->savepoint_depth == 1 ? "ROLLBACK" : "ROLLBACK TO shouhu; RELEASE shouhu",
                NULL, NULL, NULL);
  self->savepoint_depth--;
  /* Inner jobs may have announced changes that are now undone. */
  if (self->savepoint_depth == 0)
    g_array_set_size (self->pending_changes, 0);
}

/* Inside a transaction the signal waits for the outermost commit (and is
 * dropped on rollback): listeners reload from what is committed. */
void
shouhu_store_emit_changed (ShouhuStore *self,
                           const char  *what)
{
  GQuark detail;

  g_return_if_fail (SHOUHU_IS_STORE (self));

  detail = g_quark_from_string (what);
  if (self->savepoint_depth == 0)
    {
      g_signal_emit (self, signals[CHANGED], detail);
      return;
    }
  for (guint i = 0; i < self->pending_changes->len; i++)
    if (g_array_index (self->pending_changes, GQuark, i) == detail)
      return;
  g_array_append_val (self->pending_changes, detail);
}

/**
 * shouhu_store_set_busy_timeout:
 * @milliseconds: how long a write waits for another program's write to end
 *
 * Writers wait 20 seconds by default, then fail with a message saying that
 * another program is writing.
 */
void
shouhu_store_set_busy_timeout (ShouhuStore *self,
                               int          milliseconds)
{
  g_return_if_fail (SHOUHU_IS_STORE (self));
  sqlite3_busy_timeout (self->db, milliseconds);
}

/**
 * shouhu_store_check_outside_changes:
 * @changed: (out) (optional): whether another program changed the file
 *
 * Another program (the command line, a second window) may write to the
 * same file.  When it committed anything since the last check, emits
 * ShouhuStore::changed for every detail, so that every view reloads.
 * Cheap (no table is read): meant to run on a short timer.
 */
gboolean
shouhu_store_check_outside_changes (ShouhuStore  *self,
                                    gboolean     *changed,
                                    GError      **error)
{
  gint64 version = 0;

  g_return_val_if_fail (SHOUHU_IS_STORE (self), FALSE);

  if (changed != NULL)
    *changed = FALSE;
  /* Inside our own transaction the other program's changes are not
   * visible yet; the next check sees them. */
  if (self->savepoint_depth > 0)
    return TRUE;
  if (!read_data_version (self, &version, error))
    return FALSE;
  if (version == self->data_version)
    return TRUE;

  self->data_version = version;
  if (changed != NULL)
    *changed = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (change_details); i++)
    g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (change_details[i]));
  return TRUE;
}

/**
 * shouhu_store_mark:
 *
 * Takes a mark of what the database holds now (ShouhuStoreMark).  A
 * change this connection made and rolled back still counts: two marks
 * may differ though nothing differs, never the other way round.
 */
gboolean
shouhu_store_mark (ShouhuStore      *self,
                   ShouhuStoreMark  *mark,
                   GError          **error)
{
  g_return_val_if_fail (SHOUHU_IS_STORE (self), FALSE);

  mark->store = self;
  mark->total_changes = sqlite3_total_changes64 (self->db);
  return read_data_version (self, &mark->data_version, error);
}

gboolean
shouhu_store_mark_equal (const ShouhuStoreMark *a,
                         const ShouhuStoreMark *b)
{
  return a->store != NULL && a->store == b->store && a->data_version == b->data_version &&
         a->total_changes == b->total_changes;
}

void
shouhu_store_set_import_event (ShouhuStore *self,
                               gint64       event_id)
{
  g_return_if_fail (SHOUHU_IS_STORE (self));
  self->import_event = event_id;
}

gint64
shouhu_store_get_import_event (ShouhuStore *self)
{
  g_return_val_if_fail (SHOUHU_IS_STORE (self), 0);
  return self->import_event;
}
