/* shouhu-annex1.c — Annex 1: frontline medical staff per district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex1.h"
#include "shouhu-date.h"
#include "shouhu-validate.h"
#include "shouhu-store-private.h"

#include <gio/gio.h>
/* PRId64, not G_GINT64_FORMAT, in translated strings: xgettext and the .mo
 * format know the <inttypes.h> macros, so the message stays translatable. */
#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (shouhu-annex1-error-quark, shouhu_annex1_error)

static ShouhuAnnex1Table *
table_new (const char *as_of,
           int         n_batches)
{
  ShouhuAnnex1Table *table = g_new0 (ShouhuAnnex1Table, 1);

  table->as_of = g_strdup (as_of);
  table->n_batches = n_batches;
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      table->rows[i].district_id = i + 1;
      table->rows[i].batches = g_new0 (ShouhuCount, n_batches);
      table->rows[i].note = g_strdup ("");
    }
  return table;
}

void
shouhu_annex1_table_free (ShouhuAnnex1Table *table)
{
  if (table == NULL)
    return;
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      g_free (table->rows[i].batches);
      g_free (table->rows[i].note);
    }
  g_free (table->as_of);
  g_free (table);
}

/* 共计 of one district: the sum of its batches. */
ShouhuCount
shouhu_annex1_row_sum (const ShouhuAnnex1Table *table,
                       int                      row)
{
  ShouhuCount sum = { 0, 0 };

  for (int b = 0; b < table->n_batches; b++)
    {
      sum.total += table->rows[row].batches[b].total;
      sum.hubei += table->rows[row].batches[b].hubei;
    }
  return sum;
}

/* 合计 of one batch (1-based). */
ShouhuCount
shouhu_annex1_batch_sum (const ShouhuAnnex1Table *table,
                         int                      batch)
{
  ShouhuCount sum = { 0, 0 };

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      sum.total += table->rows[i].batches[batch - 1].total;
      sum.hubei += table->rows[i].batches[batch - 1].hubei;
    }
  return sum;
}

ShouhuCount
shouhu_annex1_grand_total (const ShouhuAnnex1Table *table)
{
  ShouhuCount sum = { 0, 0 };

  for (int b = 1; b <= table->n_batches; b++)
    {
      ShouhuCount s = shouhu_annex1_batch_sum (table, b);
      sum.total += s.total;
      sum.hubei += s.hubei;
    }
  return sum;
}

/**
 * shouhu_annex1_check:
 *
 * The rules of one batch cell pair: counts are 0 or more and 其中：支援湖北
 * is never more than its 总人数.
 */
gboolean
shouhu_annex1_check (int      batch,
                     gint64   total,
                     gint64   hubei,
                     GError **error)
{
  g_autofree char *label = shouhu_annex1_batch_label (batch);
  g_autofree char *total_field = g_strdup_printf (_("%s: Total"), label);
  g_autofree char *hubei_field = g_strdup_printf (_("%s: Supporting Hubei"), label);

  if (!shouhu_validate_count_value (total_field, total, error) ||
      !shouhu_validate_count_value (hubei_field, hubei, error))
    return FALSE;

  if (hubei > total)
    {
      g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID,
                   _("%s (%" PRId64 ") cannot be more than %s (%" PRId64 ")"),
                   hubei_field, hubei, total_field, total);
      return FALSE;
    }
  return TRUE;
}

static gboolean
find_table (ShouhuStore  *store,
            const char   *as_of,
            gint64       *table_id,
            int          *n_batches,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = shouhu_store_prepare (store, "SELECT id, batch_count FROM annex1_table WHERE as_of = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, as_of, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *table_id = sqlite3_column_int64 (stmt, 0);
      if (n_batches != NULL)
        *n_batches = sqlite3_column_int (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  {
    g_autofree char *shown = shouhu_format_date (as_of);

    g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_NO_TABLE,
                 _("There is no Annex 1 table dated %s"), shown);
  }
  return FALSE;
}

/**
 * shouhu_annex1_list_dates:
 *
 * Returns: (transfer full): the dates of all tables, newest first
 */
char **
shouhu_annex1_list_dates (ShouhuStore  *store,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = shouhu_store_prepare (store, "SELECT as_of FROM annex1_table ORDER BY as_of DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/**
 * shouhu_annex1_latest_date:
 *
 * Returns: (transfer full) (nullable): the newest date; %NULL without an
 * error when there is no table yet
 */
char *
shouhu_annex1_latest_date (ShouhuStore  *store,
                           GError      **error)
{
  g_auto(GStrv) dates = shouhu_annex1_list_dates (store, error);

  if (dates == NULL || dates[0] == NULL)
    return NULL;
  return g_strdup (dates[0]);
}

ShouhuAnnex1Table *
shouhu_annex1_load (ShouhuStore  *store,
                    const char   *as_of,
                    GError      **error)
{
  g_autoptr(ShouhuAnnex1Table) table = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 table_id;
  int n_batches;
  int rc;

  if (!find_table (store, as_of, &table_id, &n_batches, error))
    return NULL;

  table = table_new (as_of, n_batches);

  stmt = shouhu_store_prepare (store,
                               "SELECT district_id, batch, total, hubei FROM annex1_figure"
                               " WHERE table_id = ? AND batch <= ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, table_id);
  sqlite3_bind_int (stmt, 2, n_batches);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int d = sqlite3_column_int (stmt, 0);
      int b = sqlite3_column_int (stmt, 1);

      if (d < 1 || d > SHOUHU_N_DISTRICTS || b < 1)
        continue;
      table->rows[d - 1].batches[b - 1].total = sqlite3_column_int64 (stmt, 2);
      table->rows[d - 1].batches[b - 1].hubei = sqlite3_column_int64 (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = shouhu_store_prepare (store, "SELECT district_id, note FROM annex1_note WHERE table_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, table_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int d = sqlite3_column_int (stmt, 0);

      if (d < 1 || d > SHOUHU_N_DISTRICTS)
        continue;
      g_free (table->rows[d - 1].note);
      table->rows[d - 1].note = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&table);
}

static gboolean
write_figures (ShouhuStore              *store,
               gint64                    table_id,
               const ShouhuAnnex1Table  *table,
               GError                  **error)
{
  g_autoptr(sqlite3_stmt) fig = NULL;
  g_autoptr(sqlite3_stmt) note = NULL;

  fig = shouhu_store_prepare (store,
                              "INSERT OR REPLACE INTO annex1_figure"
                              " (table_id, district_id, batch, total, hubei) VALUES (?, ?, ?, ?, ?)",
                              error);
  note = shouhu_store_prepare (store,
                               "INSERT OR REPLACE INTO annex1_note (table_id, district_id, note)"
                               " VALUES (?, ?, ?)", error);
  if (fig == NULL || note == NULL)
    return FALSE;

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      const ShouhuAnnex1Row *row = &table->rows[i];

      for (int b = 0; b < table->n_batches; b++)
        {
          if (!shouhu_annex1_check (b + 1, row->batches[b].total, row->batches[b].hubei, error))
            {
              /* Translators: a district's name before the reason its figures are refused */
              g_prefix_error (error, _("%s, "), shouhu_district_get (i + 1)->name);
              return FALSE;
            }
          sqlite3_reset (fig);
          sqlite3_bind_int64 (fig, 1, table_id);
          sqlite3_bind_int (fig, 2, i + 1);
          sqlite3_bind_int (fig, 3, b + 1);
          sqlite3_bind_int64 (fig, 4, row->batches[b].total);
          sqlite3_bind_int64 (fig, 5, row->batches[b].hubei);
          if (!shouhu_store_run_statement (store, fig, error))
            return FALSE;
        }

      sqlite3_reset (note);
      sqlite3_bind_int64 (note, 1, table_id);
      sqlite3_bind_int (note, 2, i + 1);
      sqlite3_bind_text (note, 3, row->note ? row->note : "", -1, SQLITE_TRANSIENT);
      if (!shouhu_store_run_statement (store, note, error))
        return FALSE;
    }
  return TRUE;
}

/* Says for @district_id (0: every district) of the table whether its
 * figures were entered for the date (now) or are only carried over. */
static gboolean
set_reported (ShouhuStore  *store,
              gint64        table_id,
              int           district_id,
              gboolean      entered,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store,
                               "INSERT INTO annex1_report (table_id, district_id, entered)"
                               " SELECT ?1, id, CASE WHEN ?3 THEN strftime ('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') END"
                               "   FROM district WHERE ?2 = 0 OR id = ?2"
                               " ON CONFLICT (table_id, district_id) DO UPDATE SET entered = excluded.entered",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, table_id);
  sqlite3_bind_int (stmt, 2, district_id);
  sqlite3_bind_int (stmt, 3, entered);
  return shouhu_store_run_statement (store, stmt, error);
}

static gboolean
insert_table (ShouhuStore  *store,
              const char   *as_of,
              int           n_batches,
              gint64       *table_id,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store, "INSERT INTO annex1_table (as_of, batch_count) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, as_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, n_batches);
  if (!shouhu_store_run_statement (store, stmt, error))
    return FALSE;
  *table_id = sqlite3_last_insert_rowid (shouhu_store_get_db (store));
  return TRUE;
}

/**
 * shouhu_annex1_new_date:
 *
 * Starts the table of a new 截至 date with a copy of the latest figures
 * (or zeros when there is none); earlier tables stay as they are.  Every
 * district counts as not reported for the new date (未报送) until a
 * figure of it is entered or its report is confirmed.
 */
gboolean
shouhu_annex1_new_date (ShouhuStore  *store,
                        const char   *as_of,
                        GError      **error)
{
  g_autofree char *date = NULL;
  g_autofree char *latest = NULL;
  g_autoptr(ShouhuAnnex1Table) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 table_id;

  if (!shouhu_validate_date (_("Date"), as_of, &date, error))
    return FALSE;

  latest = shouhu_annex1_latest_date (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (latest != NULL)
    {
      copy = shouhu_annex1_load (store, latest, error);
      if (copy == NULL)
        return FALSE;
      g_free (copy->as_of);
      copy->as_of = g_strdup (date);
    }
  else
    copy = table_new (date, 2);

  if (find_table (store, date, &table_id, NULL, &local_error))
    {
      g_autofree char *shown = shouhu_format_date (date);

      g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_EXISTS,
                   _("A table dated %s already exists: choose it from the list"), shown);
      return FALSE;
    }
  if (!g_error_matches (local_error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_NO_TABLE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!insert_table (store, date, copy->n_batches, &table_id, error) ||
      !write_figures (store, table_id, copy, error) ||
      !set_reported (store, table_id, 0, FALSE, error) ||
      !shouhu_store_commit (store, error))
    {
      shouhu_store_rollback (store);
      return FALSE;
    }

  shouhu_store_emit_changed (store, "annex1");
  return TRUE;
}

/**
 * shouhu_annex1_save_table:
 *
 * Writes a whole table (the notice's figures, an imported file) under its
 * date, creating the date or replacing what it held, in one transaction.
 * Every district counts as reported for that date.
 */
gboolean
shouhu_annex1_save_table (ShouhuStore              *store,
                          const ShouhuAnnex1Table  *table,
                          GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 table_id;

  if (!shouhu_store_begin (store, error))
    return FALSE;

  if (find_table (store, table->as_of, &table_id, NULL, &local_error))
    {
      stmt = shouhu_store_prepare (store,
                                   "UPDATE annex1_table SET batch_count = ? WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, table->n_batches);
      sqlite3_bind_int64 (stmt, 2, table_id);
      if (!shouhu_store_run_statement (store, stmt, error))
        goto fail;
      g_clear_pointer (&stmt, sqlite3_finalize);

      stmt = shouhu_store_prepare (store, "DELETE FROM annex1_figure WHERE table_id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, table_id);
      if (!shouhu_store_run_statement (store, stmt, error))
        goto fail;
    }
  else if (g_error_matches (local_error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_NO_TABLE))
    {
      if (!insert_table (store, table->as_of, table->n_batches, &table_id, error))
        goto fail;
    }
  else
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }

  if (!write_figures (store, table_id, table, error) ||
      !set_reported (store, table_id, 0, TRUE, error) ||
      !shouhu_store_commit (store, error))
    goto fail;

  shouhu_store_emit_changed (store, "annex1");
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

static char *
field_name (int               batch,
            ShouhuAnnex1Field field)
{
  g_autofree char *label = shouhu_annex1_batch_label (batch);

  return g_strdup_printf (field == SHOUHU_ANNEX1_TOTAL ? _("%s: Total") : _("%s: Supporting Hubei"), label);
}

/**
 * shouhu_annex1_parse_count:
 * @batch: 1-based batch
 * @text: what the user typed in the cell
 * @value: (out): the count
 *
 * Reads one cell's count (full-width digits too); the error names the
 * batch and the field.
 */
gboolean
shouhu_annex1_parse_count (int                 batch,
                           ShouhuAnnex1Field   field,
                           const char         *text,
                           gint64             *value,
                           GError            **error)
{
  g_autofree char *name = field_name (batch, field);
  int parsed;

  if (!shouhu_validate_count (name, text, &parsed, error))
    return FALSE;
  *value = parsed;
  return TRUE;
}

/* Stores one pair that shouhu_annex1_check() accepted. */
static gboolean
write_pair (ShouhuStore  *store,
            const char   *as_of,
            int           district_id,
            int           batch,
            ShouhuCount   count,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 table_id;
  int n_batches;

  if (!find_table (store, as_of, &table_id, &n_batches, error))
    return FALSE;
  if (batch < 1 || batch > n_batches)
    {
      g_autofree char *label = shouhu_annex1_batch_label (batch);
      g_autofree char *shown = shouhu_format_date (as_of);

      g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID,
                   _("The table dated %s has no %s"), shown, label);
      return FALSE;
    }
  if (!shouhu_annex1_check (batch, count.total, count.hubei, error))
    return FALSE;

  if (!shouhu_store_begin (store, error))
    return FALSE;
  stmt = shouhu_store_prepare (store,
                               "INSERT OR REPLACE INTO annex1_figure"
                               " (table_id, district_id, batch, total, hubei) VALUES (?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, table_id);
  sqlite3_bind_int (stmt, 2, district_id);
  sqlite3_bind_int (stmt, 3, batch);
  sqlite3_bind_int64 (stmt, 4, count.total);
  sqlite3_bind_int64 (stmt, 5, count.hubei);
  /* A figure typed for the date is the district's report for it, also
   * when it equals the figure carried over. */
  if (!shouhu_store_run_statement (store, stmt, error) ||
      !set_reported (store, table_id, district_id, TRUE, error) ||
      !shouhu_store_commit (store, error))
    goto fail;

  shouhu_store_emit_changed (store, "annex1");
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

/**
 * shouhu_annex1_set_count:
 * @batch: 1-based batch
 * @text: what the user typed in the cell
 *
 * Validates and stores one cell against the stored other half of its
 * pair.  A rejected value stores nothing.
 */
gboolean
shouhu_annex1_set_count (ShouhuStore        *store,
                         const char         *as_of,
                         int                 district_id,
                         int                 batch,
                         ShouhuAnnex1Field   field,
                         const char         *text,
                         GError            **error)
{
  g_autoptr(ShouhuAnnex1Table) table = NULL;
  ShouhuCount count = { 0, 0 };
  gint64 value;

  g_return_val_if_fail (district_id >= 1 && district_id <= SHOUHU_N_DISTRICTS, FALSE);

  if (!shouhu_annex1_parse_count (batch, field, text, &value, error))
    return FALSE;

  table = shouhu_annex1_load (store, as_of, error);
  if (table == NULL)
    return FALSE;
  if (batch >= 1 && batch <= table->n_batches)
    count = table->rows[district_id - 1].batches[batch - 1];
  if (field == SHOUHU_ANNEX1_TOTAL)
    count.total = value;
  else
    count.hubei = value;

  return write_pair (store, as_of, district_id, batch, count, error);
}

/**
 * shouhu_annex1_set_pair:
 * @batch: 1-based batch
 *
 * Stores both halves of one batch cell pair at once, so that a district
 * whose figures went down can be typed in any order: the pair is checked
 * as a whole (支援湖北 never more than 总人数), and a rejected pair stores
 * nothing.
 */
gboolean
shouhu_annex1_set_pair (ShouhuStore  *store,
                        const char   *as_of,
                        int           district_id,
                        int           batch,
                        gint64        total,
                        gint64        hubei,
                        GError      **error)
{
  ShouhuCount count = { total, hubei };

  g_return_val_if_fail (district_id >= 1 && district_id <= SHOUHU_N_DISTRICTS, FALSE);

  return write_pair (store, as_of, district_id, batch, count, error);
}

gboolean
shouhu_annex1_set_note (ShouhuStore  *store,
                        const char   *as_of,
                        int           district_id,
                        const char   *note,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (note ? note : ""));
  gint64 table_id;

  g_return_val_if_fail (district_id >= 1 && district_id <= SHOUHU_N_DISTRICTS, FALSE);

  if (!find_table (store, as_of, &table_id, NULL, error))
    return FALSE;

  stmt = shouhu_store_prepare (store,
                               "INSERT OR REPLACE INTO annex1_note (table_id, district_id, note)"
                               " VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, table_id);
  sqlite3_bind_int (stmt, 2, district_id);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  if (!shouhu_store_run_statement (store, stmt, error))
    return FALSE;

  shouhu_store_emit_changed (store, "annex1");
  return TRUE;
}

/**
 * shouhu_annex1_confirm_report:
 *
 * Records that @district_id reported for the date of @as_of with the
 * figures carried over from the date before unchanged: it no longer
 * counts as 未报送.
 */
gboolean
shouhu_annex1_confirm_report (ShouhuStore  *store,
                              const char   *as_of,
                              int           district_id,
                              GError      **error)
{
  gint64 table_id;

  g_return_val_if_fail (district_id >= 1 && district_id <= SHOUHU_N_DISTRICTS, FALSE);

  if (!find_table (store, as_of, &table_id, NULL, error) ||
      !set_reported (store, table_id, district_id, TRUE, error))
    return FALSE;

  shouhu_store_emit_changed (store, "annex1");
  return TRUE;
}

/**
 * shouhu_annex1_add_batch:
 *
 * Adds a further batch (第三批, …) to the table of @as_of, all zero.
 */
gboolean
shouhu_annex1_add_batch (ShouhuStore  *store,
                         const char   *as_of,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 table_id;
  int n_batches;

  if (!find_table (store, as_of, &table_id, &n_batches, error))
    return FALSE;
  if (n_batches >= SHOUHU_ANNEX1_MAX_BATCHES)
    {
      g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID,
                   _("A table can have at most %d batches"), SHOUHU_ANNEX1_MAX_BATCHES);
      return FALSE;
    }

  stmt = shouhu_store_prepare (store, "UPDATE annex1_table SET batch_count = batch_count + 1 WHERE id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, table_id);
  if (!shouhu_store_run_statement (store, stmt, error))
    return FALSE;

  shouhu_store_emit_changed (store, "annex1");
  return TRUE;
}

/**
 * shouhu_annex1_remove_last_batch:
 *
 * Takes back the last batch of the table of @as_of, as long as nothing has
 * been entered in it: figures typed in are never dropped this way.
 */
gboolean
shouhu_annex1_remove_last_batch (ShouhuStore  *store,
                                 const char   *as_of,
                                 GError      **error)
{
  g_autoptr(ShouhuAnnex1Table) table = shouhu_annex1_load (store, as_of, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *label = NULL;
  gint64 table_id;
  ShouhuCount sum;

  if (table == NULL || !find_table (store, as_of, &table_id, NULL, error))
    return FALSE;

  label = shouhu_annex1_batch_label (table->n_batches);
  sum = shouhu_annex1_batch_sum (table, table->n_batches);
  if (table->n_batches <= 1 || sum.total > 0 || sum.hubei > 0)
    {
      g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID,
                   _("%s already holds figures and is kept"), label);
      return FALSE;
    }

  if (!shouhu_store_begin (store, error))
    return FALSE;
  stmt = shouhu_store_prepare (store, "DELETE FROM annex1_figure WHERE table_id = ? AND batch = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, table_id);
  sqlite3_bind_int (stmt, 2, table->n_batches);
  if (!shouhu_store_run_statement (store, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = shouhu_store_prepare (store, "UPDATE annex1_table SET batch_count = batch_count - 1 WHERE id = ?",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, table_id);
  if (!shouhu_store_run_statement (store, stmt, error) || !shouhu_store_commit (store, error))
    goto fail;

  shouhu_store_emit_changed (store, "annex1");
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

/**
 * shouhu_annex1_notice_figures:
 *
 * The figures printed in the notice (截至2020年2月7日), read from the data
 * that ships with the app.
 */
ShouhuAnnex1Table *
shouhu_annex1_notice_figures (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShouhuAnnex1Table) table = NULL;
  g_auto(GStrv) lines = NULL;
  int seen = 0;

  bytes = g_resources_lookup_data ("/io/github/shouhu/Shouhu/core/notice-2020-02-07.csv",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  table = table_new (SHOUHU_NOTICE_DATE, 2);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      const ShouhuDistrict *d;
      ShouhuAnnex1Row *row;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      f = g_strsplit (lines[i], ",", -1);
      if (g_strv_length (f) != 6 || (d = shouhu_district_lookup (f[1])) == NULL)
        continue;  /* the header line */
      row = &table->rows[d->id - 1];
      row->batches[0].total = g_ascii_strtoll (f[2], NULL, 10);
      row->batches[0].hubei = g_ascii_strtoll (f[3], NULL, 10);
      row->batches[1].total = g_ascii_strtoll (f[4], NULL, 10);
      row->batches[1].hubei = g_ascii_strtoll (f[5], NULL, 10);
      seen++;
    }

  if (seen != SHOUHU_N_DISTRICTS)
    {
      /* The file ships with the app: only a broken build gets here. */
      g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID,
                   _("The notice’s figures that come with Shouhu are damaged (%d of %d districts): "
                     "reinstall Shouhu"), seen, SHOUHU_N_DISTRICTS);
      return NULL;
    }
  return g_steal_pointer (&table);
}

static gboolean
tables_equal (const ShouhuAnnex1Table *a,
              const ShouhuAnnex1Table *b)
{
  if (a->n_batches != b->n_batches)
    return FALSE;
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    if (memcmp (a->rows[i].batches, b->rows[i].batches, sizeof (ShouhuCount) * a->n_batches) != 0)
      return FALSE;
  return TRUE;
}

/* The stored table dated 2020-02-07, or %NULL without an error when
 * there is none. */
static ShouhuAnnex1Table *
load_notice_date (ShouhuStore  *store,
                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  ShouhuAnnex1Table *stored = shouhu_annex1_load (store, SHOUHU_NOTICE_DATE, &local_error);

  if (stored == NULL && !g_error_matches (local_error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_NO_TABLE))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return stored;
}

/**
 * shouhu_annex1_check_notice_table:
 * @exists: (out): whether a table dated 2020-02-07 exists
 * @as_is: (out): whether that table holds exactly the notice's figures
 *
 * Returns: %FALSE with @error set when the store or the notice's figures
 *   cannot be read; the answers are in @exists and @as_is
 */
gboolean
shouhu_annex1_check_notice_table (ShouhuStore  *store,
                                  gboolean     *exists,
                                  gboolean     *as_is,
                                  GError      **error)
{
  g_autoptr(ShouhuAnnex1Table) notice = NULL;
  g_autoptr(ShouhuAnnex1Table) stored = NULL;
  g_autoptr(GError) local_error = NULL;

  *exists = FALSE;
  *as_is = FALSE;
  notice = shouhu_annex1_notice_figures (error);
  if (notice == NULL)
    return FALSE;
  stored = load_notice_date (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *exists = stored != NULL;
  *as_is = stored != NULL && tables_equal (notice, stored);
  return TRUE;
}

/**
 * shouhu_annex1_load_notice_figures:
 *
 * Stores the notice's figures as the table dated 2020-02-07, replacing
 * the figures of that date (notes are kept).
 */
gboolean
shouhu_annex1_load_notice_figures (ShouhuStore  *store,
                                   GError      **error)
{
  g_autoptr(ShouhuAnnex1Table) notice = shouhu_annex1_notice_figures (error);
  g_autoptr(ShouhuAnnex1Table) stored = NULL;
  g_autoptr(GError) local_error = NULL;

  if (notice == NULL)
    return FALSE;

  /* A table that cannot be read must not lose its remarks to the
   * notice's empty ones: only a missing table starts without. */
  stored = load_notice_date (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (stored != NULL)
    for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
      {
        g_free (notice->rows[i].note);
        notice->rows[i].note = g_strdup (stored->rows[i].note);
      }

  return shouhu_annex1_save_table (store, notice, error);
}
