/* shouhu-figures.c — the figures per district: what Annex 1 counts, what
 * Annex 2 holds, and who has not reported
 *
 * Everything is counted by SQLite when asked, so the figures are never
 * kept anywhere and cannot drift from the records.  The rates and the
 * needs are defined here once, in the UI language for the screen and in
 * Chinese for the workbook sent upward; the overview and the summary
 * workbook both read them from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-figures.h"
#include "shouhu-annex1.h"
#include "shouhu-date.h"
#include "shouhu-settings.h"
#include "shouhu-pairing.h"
#include "shouhu-store-private.h"
#include "shouhu-volunteer.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

static const struct
{
  const char *name;
  const char *definition;
  const char *name_zh;
  const char *definition_zh;
} rate_texts[SHOUHU_N_RATES] = {
  [SHOUHU_RATE_REGISTERED] = {
    N_("Registration rate"),
    N_("Registration rate = records in Annex 2 ÷ Annex 1 total of the chosen date. "
       "Over 100 percent means more records than Annex 1 counts: check both tables. "
       "— where Annex 1 counts nobody."),
    "登记率",
    "登记率 = 附件2已登记人数 ÷ 所选截至日期附件1共计总人数。超过100%表示登记人数多于附件1人数，"
    "须核对两表；附件1为0时显示“—”。",
  },
  [SHOUHU_RATE_GUARDED] = {
    N_("Guarding rate"),
    N_("Guarding rate = families with at least one paired volunteer ready for duty on the "
       "chosen date (training passed, protective gear issued, insured) ÷ Annex 1 total. "
       "— where Annex 1 counts nobody."),
    "守护率",
    "守护率 = 截至日期有至少一名可上岗（防护培训合格、防护用品已发放、保险有效）结对志愿者的家庭数"
    " ÷ 附件1共计总人数；附件1为0时显示“—”。",
  },
  [SHOUHU_RATE_PAIRED] = {
    N_("Pairing rate"),
    N_("Pairing rate = families in Annex 2 with any paired volunteer, ready or not ÷ records "
       "in Annex 2, as they stand today. — where nobody is recorded."),
    "结对率",
    "结对率 = 附件2中已有结对志愿者（不论是否可上岗）的家庭数 ÷ 附件2已登记人数（当前记录）；"
    "无登记时显示“—”。",
  },
};

/* In the order of the ShouhuNeeds flags. */
static const struct
{
  const char *name;
  const char *definition;
  const char *name_zh;
  const char *definition_zh;
} need_texts[SHOUHU_N_NEEDS] = {
  {
    N_("Not reported"),
    N_("Not reported: the Annex 1 figures of the chosen date are only carried over from the "
       "date before; nobody entered, changed or confirmed them for this date."),
    "未报送",
    "未报送：该截至日期的附件1数字仅沿用上一日期，未录入、修改或确认。",
  },
  {
    N_("Needs an update"),
    N_("Needs an update: the district’s Annex 2 has not changed for the set number of days "
       "(the notice asks for continuous updates), or holds nothing while Annex 1 counts staff."),
    "需更新",
    "需更新：该区县附件2连续超过设定天数没有变动（通知要求动态更新管理），或附件1有人数而附件2尚无记录。",
  },
  {
    N_("Guardians lacking"),
    N_("Guardians lacking: fewer families have a volunteer ready for duty than Annex 1 counts "
       "or Annex 2 records."),
    "守护不足",
    "守护不足：有可上岗志愿者守护的家庭少于附件1人数或附件2登记人数。",
  },
  {
    N_("Numbers to check"),
    N_("Numbers to check: more records in Annex 2 than Annex 1 counts (registration rate over "
       "100%)."),
    "人数待核对",
    "人数待核对：附件2登记人数多于附件1总人数（登记率超过100%）。",
  },
};

/* Annex 1 共计 of one date: the sum of the batches the table has. */
#define ANNEX1_SUMS(param) \
  "SELECT f.district_id, sum (f.total) AS total, sum (f.hubei) AS hubei" \
  "  FROM annex1_figure f JOIN annex1_table t ON t.id = f.table_id" \
  "  WHERE t.as_of = " param " AND f.batch <= t.batch_count" \
  "  GROUP BY f.district_id"

/* A family counts as paired when its worker has at least one pairing,
 * however many volunteers look after it, and as guarded when at least one
 * of them is ready (可上岗) on :day: a pairing with a volunteer not ready
 * (待上岗) guards nobody.  "1+N" (shouhu-pairing.h): basic when a ready
 * volunteer is its 保底 guardian; each registered need is met when a
 * ready volunteer is paired for it (roles are distinct powers of two, so
 * the sum of the distinct ready roles is their union). */
static char *
count_bits (const char *expr)
{
  GString *sum = g_string_new ("(");

  for (int bit = 0; bit < SHOUHU_N_FAMILY_NEEDS; bit++)
    g_string_append_printf (sum, "%s(((%s) >> %d) & 1)", bit > 0 ? " + " : "", expr, bit);
  g_string_append_c (sum, ')');
  return g_string_free (sum, FALSE);
}

static char *
worker_counts (void)
{
  g_autofree char *ready = shouhu_volunteer_ready_sql ("v");
  g_autofree char *registered = count_bits ("f.needs");
  g_autofree char *met = count_bits ("f.needs & f.met");

  return g_strdup_printf ("SELECT f.district_id, count (*) AS workers, sum (f.paired) AS paired,"
                          "       sum (f.guarded) AS guarded, sum (f.basic) AS basic,"
                          "       sum (%s) AS needs_registered, sum (%s) AS needs_met"
                          "  FROM (SELECT w.district_id, w.needs,"
                          "               EXISTS (SELECT 1 FROM pairing p WHERE p.worker_id = w.id) AS paired,"
                          "               EXISTS (SELECT 1 FROM pairing p JOIN volunteer v ON v.id = p.volunteer_id"
                          "                        WHERE p.worker_id = w.id AND %s) AS guarded,"
                          "               EXISTS (SELECT 1 FROM pairing p JOIN volunteer v ON v.id = p.volunteer_id"
                          "                        WHERE p.worker_id = w.id AND p.role = 0 AND %s) AS basic,"
                          "               coalesce ((SELECT sum (DISTINCT p.role) FROM pairing p"
                          "                            JOIN volunteer v ON v.id = p.volunteer_id"
                          "                           WHERE p.worker_id = w.id AND p.role <> 0 AND %s), 0) AS met"
                          "          FROM worker w) f"
                          " GROUP BY f.district_id", registered, met, ready, ready, ready);
}

static const char volunteer_counts[] =
  "SELECT district_id, count (*) AS volunteers"
  "  FROM volunteer WHERE district_id IS NOT NULL GROUP BY district_id";

/* The last change of each district's Annex 2, and through what: of its
 * records (their own stamp and their history: edits, pairings), of
 * records deleted or moved out of it (history keeps the district's
 * name), and of its form header.  Each candidate is a moment and the
 * history row that says so (0 for a record's stamp alone: a record an
 * import created has no history of its own, its import_id says where
 * it came from).  The latest moment wins, and within one second the
 * latest history row: SQLite takes the bare columns of a max() from
 * the row that holds it.  A history row or a record with an import_id
 * came from that import; without one it was typed.  Every lookup goes
 * through an index (history_entity, history_worker_left, primary keys):
 * one probe per record, however long the history. */
static const char annex2_changes[] =
  "SELECT c.district_id, max (c.at || printf ('%019d', c.history_id)), c.at,"
  "       c.import_id IS NOT NULL, e.file_name, e.at"
  "  FROM (SELECT w.district_id,"
  "               CASE WHEN h.at IS NULL OR w.changed > h.at THEN w.changed ELSE h.at END AS at,"
  "               CASE WHEN h.at IS NULL OR w.changed > h.at THEN 0 ELSE h.id END AS history_id,"
  "               CASE WHEN h.at IS NULL OR w.changed > h.at THEN w.import_id ELSE h.import_id END AS import_id"
  "          FROM worker w"
  "          LEFT JOIN history h ON h.id = (SELECT max (id) FROM history"
  "                                          WHERE entity = 'worker' AND entity_id = w.id)"
  "        UNION ALL"
  "        SELECT d.id, h.at, h.id, h.import_id"
  "          FROM district d"
  "          JOIN history h ON h.id = (SELECT id FROM history"
  "                                     WHERE entity = 'worker' AND field = 'district_id' AND old_value = d.name"
  "                                     ORDER BY at DESC, id DESC LIMIT 1)"
  "        UNION ALL"
  "        SELECT d.id, h.at, h.id, h.import_id"
  "          FROM district d"
  "          JOIN history h ON h.id = (SELECT max (id) FROM history"
  "                                     WHERE entity = 'district_form' AND entity_id = d.id)) c"
  "  LEFT JOIN import_event e ON e.id = c.import_id"
  " GROUP BY c.district_id";

/* Picks the Annex 1 date (@as_of, or the newest when %NULL) and the date
 * before it.  Both stay %NULL when there is no table. */
static gboolean
choose_dates (ShouhuStore    *store,
              const char     *as_of,
              ShouhuFigures  *figures,
              GError        **error)
{
  g_auto(GStrv) dates = shouhu_annex1_list_dates (store, error);
  guint i;

  if (dates == NULL)
    return FALSE;
  if (dates[0] == NULL)
    return TRUE;
  for (i = 0; dates[i] != NULL; i++)
    if (as_of == NULL || strcmp (dates[i], as_of) == 0)
      break;
  if (dates[i] == NULL)
    {
      g_autofree char *shown = shouhu_format_date (as_of);

      g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_NO_TABLE,
                   _("There is no Annex 1 table dated %s"), shown);
      return FALSE;
    }
  figures->as_of = g_strdup (dates[i]);
  figures->previous = g_strdup (dates[i + 1]);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

static gboolean
count_districts (ShouhuStore    *store,
                 ShouhuFigures  *figures,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *workers = worker_counts ();
  int rc;

  sql = g_strdup_printf ("SELECT d.id, coalesce (a.total, 0), coalesce (a.hubei, 0),"
                         "       coalesce (p.total, 0), coalesce (p.hubei, 0),"
                         "       r.entered IS NOT NULL,"
                         "       coalesce (w.workers, 0), coalesce (w.paired, 0), coalesce (w.guarded, 0),"
                         "       coalesce (v.volunteers, 0), coalesce (w.basic, 0),"
                         "       coalesce (w.needs_registered, 0), coalesce (w.needs_met, 0)"
                         "  FROM district d"
                         "  LEFT JOIN (%s) a ON a.district_id = d.id"
                         "  LEFT JOIN (%s) p ON p.district_id = d.id"
                         "  LEFT JOIN annex1_report r ON r.district_id = d.id"
                         "       AND r.table_id = (SELECT id FROM annex1_table WHERE as_of = :as_of)"
                         "  LEFT JOIN (%s) w ON w.district_id = d.id"
                         "  LEFT JOIN (%s) v ON v.district_id = d.id"
                         "  ORDER BY d.id",
                         ANNEX1_SUMS (":as_of"), ANNEX1_SUMS (":previous"),
                         workers, volunteer_counts);

  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, ":as_of", figures->as_of);
  bind_text (stmt, ":previous", figures->previous);
  bind_text (stmt, ":day", figures->day);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);
      ShouhuDistrictFigures *f;

      if (id < 1 || id > SHOUHU_N_DISTRICTS)
        continue;
      f = &figures->districts[id - 1];
      f->annex1_total = sqlite3_column_int64 (stmt, 1);
      f->annex1_hubei = sqlite3_column_int64 (stmt, 2);
      if (figures->previous != NULL)
        {
          f->total_delta = f->annex1_total - sqlite3_column_int64 (stmt, 3);
          f->hubei_delta = f->annex1_hubei - sqlite3_column_int64 (stmt, 4);
        }
      f->reported = sqlite3_column_int (stmt, 5) != 0;
      f->workers = sqlite3_column_int64 (stmt, 6);
      f->paired = sqlite3_column_int64 (stmt, 7);
      f->guarded = sqlite3_column_int64 (stmt, 8);
      f->volunteers = sqlite3_column_int64 (stmt, 9);
      f->basic_guarded = sqlite3_column_int64 (stmt, 10);
      f->needs_registered = sqlite3_column_int64 (stmt, 11);
      f->needs_met = sqlite3_column_int64 (stmt, 12);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Whole days from the date part of @stamp to @today; -1 for no stamp. */
static int
days_between (const char *stamp,
              const char *today)
{
  unsigned y1, m1, d1, y2, m2, d2;
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;

  if (stamp == NULL || sscanf (stamp, "%4u-%2u-%2u", &y1, &m1, &d1) != 3 ||
      sscanf (today, "%4u-%2u-%2u", &y2, &m2, &d2) != 3 ||
      !g_date_valid_dmy (d1, m1, y1) || !g_date_valid_dmy (d2, m2, y2))
    return -1;
  from = g_date_new_dmy (d1, m1, y1);
  to = g_date_new_dmy (d2, m2, y2);
  return MAX (0, g_date_days_between (from, to));
}

/* @text into @buffer of @size bytes; a longer text is cut after a whole
 * character and ends in "…", never in half a character. */
static void
copy_text (char       *buffer,
           gsize       size,
           const char *text)
{
  static const char ellipsis[] = "…";
  gsize cut = size - sizeof ellipsis;

  if (g_strlcpy (buffer, text, size) < size)
    return;
  /* Back to the first byte of a character. */
  while (cut > 0 && ((guchar) text[cut] & 0xc0) == 0x80)
    cut--;
  memcpy (buffer + cut, ellipsis, sizeof ellipsis);
}

/* The base name: an event's file name never has a folder, but what is
 * shown must not depend on it. */
static const char *
base_name (const char *file_name)
{
  const char *slash = strrchr (file_name, '/');

  return slash != NULL ? slash + 1 : file_name;
}

static void
set_annex2_change (ShouhuFigures         *figures,
                   ShouhuDistrictFigures *f,
                   sqlite3_stmt          *stmt)
{
  const char *stamp = (const char *) sqlite3_column_text (stmt, 2);
  const char *file = (const char *) sqlite3_column_text (stmt, 4);
  const char *import_at = (const char *) sqlite3_column_text (stmt, 5);

  g_strlcpy (f->annex2_changed, stamp != NULL ? stamp : "", sizeof f->annex2_changed);
  f->annex2_age = days_between (f->annex2_changed[0] != '\0' ? f->annex2_changed : NULL, figures->today);
  if (f->annex2_changed[0] == '\0')
    return;
  f->annex2_source = sqlite3_column_int (stmt, 3) ? SHOUHU_CHANGE_IMPORT : SHOUHU_CHANGE_TYPED;
  copy_text (f->annex2_file, sizeof f->annex2_file, file != NULL ? base_name (file) : "");
  g_strlcpy (f->annex2_import_at, import_at != NULL ? import_at : "", sizeof f->annex2_import_at);
}

static gboolean
find_annex2_changes (ShouhuStore    *store,
                     ShouhuFigures  *figures,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (store, annex2_changes, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);

      if (id >= 1 && id <= SHOUHU_N_DISTRICTS)
        set_annex2_change (figures, &figures->districts[id - 1], stmt);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* The city counts every volunteer, also those not tied to a district. */
static gboolean
count_all_volunteers (ShouhuStore  *store,
                      gint64       *count,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store, "SELECT count (*) FROM volunteer", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static guint
find_needs (const ShouhuFigures         *figures,
            const ShouhuDistrictFigures *f)
{
  guint found = 0;

  /* Without any Annex 1 date there is nothing to report for. */
  if (figures->as_of != NULL && !f->reported)
    found |= SHOUHU_NEEDS_REPORT;
  if (f->annex2_age >= figures->stale_days || (f->annex2_age < 0 && f->annex1_total > 0))
    found |= SHOUHU_NEEDS_UPDATE;
  if (f->guarded < MAX (f->annex1_total, f->workers))
    found |= SHOUHU_NEEDS_GUARDS;
  if (f->workers > f->annex1_total)
    found |= SHOUHU_NEEDS_CHECK;
  return found;
}

static void
add_up_city (ShouhuFigures *figures)
{
  ShouhuDistrictFigures *city = &figures->city;

  city->district_id = 0;
  city->reported = figures->as_of != NULL;
  city->annex2_age = -1;
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      ShouhuDistrictFigures *f = &figures->districts[i];

      f->needs = find_needs (figures, f);
      city->annex1_total += f->annex1_total;
      city->annex1_hubei += f->annex1_hubei;
      city->total_delta += f->total_delta;
      city->hubei_delta += f->hubei_delta;
      city->reported = city->reported && f->reported;
      city->workers += f->workers;
      city->paired += f->paired;
      city->guarded += f->guarded;
      city->basic_guarded += f->basic_guarded;
      city->needs_registered += f->needs_registered;
      city->needs_met += f->needs_met;
      city->needs |= f->needs;
      if (strcmp (f->annex2_changed, city->annex2_changed) > 0)
        {
          memcpy (city->annex2_changed, f->annex2_changed, sizeof city->annex2_changed);
          city->annex2_age = f->annex2_age;
          city->annex2_source = f->annex2_source;
          memcpy (city->annex2_file, f->annex2_file, sizeof city->annex2_file);
          memcpy (city->annex2_import_at, f->annex2_import_at, sizeof city->annex2_import_at);
        }
    }
}

/**
 * shouhu_figures_compute_full:
 * @as_of: (nullable): the Annex 1 date; %NULL for the newest
 * @today: (nullable): the day against which Annex 2 is stale
 *   (YYYY-MM-DD); %NULL for today, local time
 * @stale_days: after how many days without a change a district's Annex 2
 *   needs an update
 *
 * Counts, per district and for the city, the Annex 1 共计 of the date and
 * its change since the date before, whether the district reported for
 * the date, the Annex 2 records, their pairings and guardians ready on
 * the date, the volunteers, and when its Annex 2 last changed.  Without
 * any Annex 1 table, the Annex 1 counts are 0 and as_of is %NULL.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set (also
 * when there is no table dated @as_of)
 */
ShouhuFigures *
shouhu_figures_compute_full (ShouhuStore  *store,
                             const char   *as_of,
                             const char   *today,
                             int           stale_days,
                             GError      **error)
{
  g_autoptr(ShouhuFigures) figures = g_new0 (ShouhuFigures, 1);

  g_return_val_if_fail (SHOUHU_IS_STORE (store), NULL);
  g_return_val_if_fail (stale_days > 0, NULL);

  figures->today = today != NULL ? g_strdup (today) : shouhu_volunteer_today ();
  figures->stale_days = stale_days;
  if (!choose_dates (store, as_of, figures, error))
    return NULL;
  figures->day = g_strdup (figures->as_of != NULL ? figures->as_of : figures->today);

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      figures->districts[i].district_id = i + 1;
      figures->districts[i].annex2_age = -1;  /* until a change is found */
    }

  if (!count_districts (store, figures, error) ||
      !find_annex2_changes (store, figures, error) ||
      !count_all_volunteers (store, &figures->city.volunteers, error))
    return NULL;

  add_up_city (figures);
  return g_steal_pointer (&figures);
}

/**
 * shouhu_figures_compute:
 * @as_of: (nullable): the Annex 1 date; %NULL for the newest
 *
 * shouhu_figures_compute_full() for today, with the days of the
 * stale-days setting.
 */
ShouhuFigures *
shouhu_figures_compute (ShouhuStore  *store,
                        const char   *as_of,
                        GError      **error)
{
  return shouhu_figures_compute_full (store, as_of, NULL, shouhu_settings_get_stale_days (), error);
}

void
shouhu_figures_free (ShouhuFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->as_of);
  g_free (figures->previous);
  g_free (figures->day);
  g_free (figures->today);
  g_free (figures);
}

ShouhuFigures *
shouhu_figures_copy (const ShouhuFigures *figures)
{
  ShouhuFigures *copy = g_memdup2 (figures, sizeof *figures);

  copy->as_of = g_strdup (figures->as_of);
  copy->previous = g_strdup (figures->previous);
  copy->day = g_strdup (figures->day);
  copy->today = g_strdup (figures->today);
  return copy;
}

/**
 * shouhu_figures_count_needing:
 * @needs: ShouhuNeeds flags
 *
 * Returns: how many districts need any of @needs
 */
guint
shouhu_figures_count_needing (const ShouhuFigures *figures,
                              guint                needs)
{
  guint n = 0;

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    n += (figures->districts[i].needs & needs) != 0;
  return n;
}

/**
 * shouhu_figures_rate_parts:
 * @part: (out): the counted families or records
 * @whole: (out): what they are counted against
 *
 * Returns: %FALSE when @whole is 0 and the rate is not defined (—)
 */
gboolean
shouhu_figures_rate_parts (const ShouhuDistrictFigures *f,
                           ShouhuRate                   rate,
                           gint64                      *part,
                           gint64                      *whole)
{
  switch (rate)
    {
    case SHOUHU_RATE_REGISTERED:
      *part = f->workers;
      *whole = f->annex1_total;
      break;
    case SHOUHU_RATE_GUARDED:
      *part = f->guarded;
      *whole = f->annex1_total;
      break;
    case SHOUHU_RATE_PAIRED:
      *part = f->paired;
      *whole = f->workers;
      break;
    case SHOUHU_N_RATES:
    default:
      g_return_val_if_reached (FALSE);
    }
  return *whole > 0;
}

/**
 * shouhu_figures_rate:
 *
 * Returns: the rate, 1.0 for 100 %, more when more is counted than the
 *   whole (never capped); -1 when it is not defined
 */
double
shouhu_figures_rate (const ShouhuDistrictFigures *f,
                     ShouhuRate                   rate)
{
  gint64 part = 0, whole = 0;

  g_return_val_if_fail (f != NULL, -1.0);

  if (!shouhu_figures_rate_parts (f, rate, &part, &whole))
    return -1.0;
  return (double) part / (double) whole;
}

/**
 * shouhu_format_rate:
 *
 * Returns: (transfer full): "67%", rounded down so that 100% means all of
 *   them; "120%" over the whole; "—" for a rate that is not defined
 */
char *
shouhu_format_rate (double rate)
{
  if (rate < 0)
    return g_strdup ("—");
  /* Truncating a positive value rounds it down. */
  return g_strdup_printf ("%d%%", (int) (rate * 100.0 + 1e-9));
}

/**
 * shouhu_format_delta:
 *
 * Returns: (transfer full): "+5", "0" or "−3"; "—" when there is no date
 *   before the chosen one
 */
char *
shouhu_format_delta (const ShouhuFigures *figures,
                     gint64               delta)
{
  if (figures->previous == NULL)
    return g_strdup ("—");
  if (delta > 0)
    return g_strdup_printf ("+%" G_GINT64_FORMAT, delta);
  if (delta < 0)
    return g_strdup_printf ("−%" G_GINT64_FORMAT, -delta);
  return g_strdup ("0");
}

const char *
shouhu_rate_name (ShouhuRate rate)
{
  g_return_val_if_fail (rate < SHOUHU_N_RATES, NULL);
  return _(rate_texts[rate].name);
}

const char *
shouhu_rate_definition (ShouhuRate rate)
{
  g_return_val_if_fail (rate < SHOUHU_N_RATES, NULL);
  return _(rate_texts[rate].definition);
}

/* The workbook's words: Chinese whatever the UI language. */
const char *
shouhu_rate_name_zh (ShouhuRate rate)
{
  g_return_val_if_fail (rate < SHOUHU_N_RATES, NULL);
  return rate_texts[rate].name_zh;
}

const char *
shouhu_rate_definition_zh (ShouhuRate rate)
{
  g_return_val_if_fail (rate < SHOUHU_N_RATES, NULL);
  return rate_texts[rate].definition_zh;
}

static int
need_index (ShouhuNeeds need)
{
  for (int i = 0; i < SHOUHU_N_NEEDS; i++)
    if (need == 1u << i)
      return i;
  g_return_val_if_reached (0);
}

const char *
shouhu_need_name (ShouhuNeeds need)
{
  return _(need_texts[need_index (need)].name);
}

const char *
shouhu_need_definition (ShouhuNeeds need)
{
  return _(need_texts[need_index (need)].definition);
}

const char *
shouhu_need_name_zh (ShouhuNeeds need)
{
  return need_texts[need_index (need)].name_zh;
}

const char *
shouhu_need_definition_zh (ShouhuNeeds need)
{
  return need_texts[need_index (need)].definition_zh;
}

/* "2020-02-07" → "2020年2月7日" in the workbook, the UI's form on screen. */
static char *
format_date (const char *date,
             gboolean    in_chinese)
{
  return in_chinese ? shouhu_format_date_chinese (date) : shouhu_format_date (date);
}

/**
 * shouhu_figures_describe_need:
 * @need: one of ShouhuNeeds
 * @in_chinese: %TRUE for the workbook's Chinese, %FALSE for the UI language
 *
 * Returns: (transfer full): why @f needs @need, with its figures
 */
char *
shouhu_figures_describe_need (const ShouhuFigures         *figures,
                              const ShouhuDistrictFigures *f,
                              ShouhuNeeds                  need,
                              gboolean                     in_chinese)
{
  g_autofree char *as_of = format_date (figures->as_of, in_chinese);
  g_autofree char *previous = format_date (figures->previous, in_chinese);
  g_autofree char *changed = NULL;

  switch (need)
    {
    case SHOUHU_NEEDS_REPORT:
      if (figures->previous == NULL)
        return g_strdup_printf (in_chinese ? "未报送：%s的附件1数字尚未录入"
                                           : _("Not reported: no Annex 1 figures entered for %s"),
                                as_of);
      return g_strdup_printf (in_chinese ? "未报送：%s的附件1数字沿用%s的数字"
                                         : _("Not reported: the Annex 1 figures of %s are those of %s carried over"),
                              as_of, previous);
    case SHOUHU_NEEDS_UPDATE:
      if (f->annex2_age < 0)
        return g_strdup (in_chinese ? "需更新：附件2尚无任何记录"
                                    : _("Needs an update: nothing recorded in Annex 2 yet"));
      changed = format_date (f->annex2_changed, in_chinese);
      return g_strdup_printf (in_chinese ? "需更新：附件2已%d天未变动（最近一次%s）"
                                         : ngettext ("Needs an update: Annex 2 unchanged for %d day (last change %s)",
                                                     "Needs an update: Annex 2 unchanged for %d days (last change %s)",
                                                     f->annex2_age),
                              f->annex2_age, changed);
    case SHOUHU_NEEDS_GUARDS:
      return g_strdup_printf (in_chinese ? "守护不足：%lld户有可上岗志愿者守护，应守护%lld户"
                                         : _("Guardians lacking: %lld of %lld families have a volunteer ready for duty"),
                              (long long) f->guarded, (long long) MAX (f->annex1_total, f->workers));
    case SHOUHU_NEEDS_CHECK:
      return g_strdup_printf (in_chinese ? "人数待核对：附件2登记%lld人，附件1为%lld人"
                                         : _("Numbers to check: %lld recorded in Annex 2, %lld counted in Annex 1"),
                              (long long) f->workers, (long long) f->annex1_total);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * shouhu_figures_describe_needs:
 * @in_chinese: %TRUE for the workbook's Chinese, %FALSE for the UI language
 *
 * Returns: (transfer full) (nullable): everything @f needs and why, one
 *   reason a line (ending in "；" in Chinese but the last); %NULL when it
 *   needs nothing
 */
char *
shouhu_figures_describe_needs (const ShouhuFigures         *figures,
                               const ShouhuDistrictFigures *f,
                               gboolean                     in_chinese)
{
  g_autoptr(GString) text = NULL;

  if (f->needs == 0)
    return NULL;
  text = g_string_new (NULL);
  for (int i = 0; i < SHOUHU_N_NEEDS; i++)
    if (f->needs & (1u << i))
      {
        g_autofree char *reason = shouhu_figures_describe_need (figures, f, 1u << i, in_chinese);

        if (text->len > 0)
          g_string_append (text, in_chinese ? "；\n" : "\n");
        g_string_append (text, reason);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The day of a change: its month and day within the year of @today, the
 * whole date before it; the workbook writes YYYY-MM-DD, as it always did. */
static char *
change_day (const ShouhuFigures         *figures,
            const ShouhuDistrictFigures *f,
            gboolean                     in_chinese)
{
  if (in_chinese)
    return g_strndup (f->annex2_changed, strlen ("YYYY-MM-DD"));
  if (figures->today != NULL && strncmp (f->annex2_changed, figures->today, strlen ("YYYY")) == 0)
    return shouhu_format_month_day (f->annex2_changed);
  return shouhu_format_date (f->annex2_changed);
}

/**
 * shouhu_figures_describe_change:
 * @in_chinese: %TRUE for the workbook's Chinese, %FALSE for the UI language
 *
 * Returns: (transfer full): when @f's Annex 2 last changed and through
 *   what, in a few words: "11月28日 导入 渝中区.xlsx", "11月28日 录入"
 *   (the workbook: "2020-11-28 导入 渝中区.xlsx"); "never" ("无记录")
 */
char *
shouhu_figures_describe_change (const ShouhuFigures         *figures,
                                const ShouhuDistrictFigures *f,
                                gboolean                     in_chinese)
{
  g_autofree char *day = NULL;

  if (f->annex2_changed[0] == '\0')
    return g_strdup (in_chinese ? "无记录" : _("never"));
  day = change_day (figures, f, in_chinese);
  if (f->annex2_source == SHOUHU_CHANGE_NONE)
    return g_steal_pointer (&day);
  if (f->annex2_source == SHOUHU_CHANGE_TYPED)
    /* Translators: a day, then that Annex 2 was typed in (录入): in the
     * editor, a delete or an undo.  Chinese: "%s 录入" */
    return g_strdup_printf (in_chinese ? "%s 录入" : _("%s typed"), day);
  if (f->annex2_file[0] == '\0')
    /* Translators: a day, then that Annex 2 was imported (导入), from a
     * file whose name is no longer known */
    return g_strdup_printf (in_chinese ? "%s 导入" : _("%s imported"), day);
  /* Translators: a day, then the file Annex 2 was imported (导入) from.
   * Chinese: "%s 导入 %s" */
  return g_strdup_printf (in_chinese ? "%s 导入 %s" : _("%s imported %s"), day, f->annex2_file);
}
