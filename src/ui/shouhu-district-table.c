/* shouhu-district-table.c — the 41 district units as a sortable table
 *
 * One row per district with its Annex 1 figures and their change, whether
 * it reported for the date, its Annex 2 records, pairs and guardians with
 * their rates, when its Annex 2 last changed and through what (typed,
 * or the file an import read), and from the service
 * ledger its open needs and its families 需回访.  Each rate's cell says
 * how it is counted; what needs attention is marked and explained.  The
 * table can show only the districts that need something.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-date.h"
#include "shouhu-district-chart.h"
#include "shouhu-district-row.h"
#include "shouhu-district-table.h"

struct _ShouhuDistrictTable
{
  GtkWidget           parent_instance;

  ShouhuFigures      *figures;       /* a copy, for the descriptions */
  guint               shown_needs;   /* ShouhuNeeds of the rows shown; 0: all */
  GListStore         *rows;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkColumnView      *table;
};

G_DEFINE_FINAL_TYPE (ShouhuDistrictTable, shouhu_district_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_DISTRICT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DISTRICT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_attention (GtkWidget *widget,
               gboolean   attention)
{
  if (attention)
    gtk_widget_add_css_class (widget, "attention");
  else
    gtk_widget_remove_css_class (widget, "attention");
}

typedef enum
{
  COLUMN_DISTRICT,
  COLUMN_REPORTED,
  COLUMN_TOTAL,
  COLUMN_TOTAL_DELTA,
  COLUMN_HUBEI,
  COLUMN_HUBEI_DELTA,
  COLUMN_WORKERS,
  COLUMN_REGISTERED,
  COLUMN_PAIRED,
  COLUMN_PAIRING,
  COLUMN_GUARDED,
  COLUMN_GUARDING,
  COLUMN_BASIC,
  COLUMN_FAMILY_NEEDS,
  COLUMN_VOLUNTEERS,
  COLUMN_CHANGED,
  COLUMN_OPEN_NEEDS,
  COLUMN_TO_REVISIT,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  const char *property;
  int         rate;       /* ShouhuRate of a rate column, or -1 */
  gboolean    ascending;  /* the first click sorts smallest first */
} columns[N_COLUMNS] = {
  [COLUMN_DISTRICT]    = { NC_("table column", "District"), "district-id", -1, TRUE },
  [COLUMN_REPORTED]    = { NC_("table column", "Annex 1"), "reported", -1, TRUE },
  [COLUMN_TOTAL]       = { NC_("table column", "Total"), "annex1-total", -1, FALSE },
  [COLUMN_TOTAL_DELTA] = { NC_("table column", "Change"), "total-delta", -1, FALSE },
  [COLUMN_HUBEI]       = { NC_("table column", "Supporting Hubei"), "annex1-hubei", -1, FALSE },
  [COLUMN_HUBEI_DELTA] = { NC_("table column", "Change"), "hubei-delta", -1, FALSE },
  [COLUMN_WORKERS]     = { NC_("table column", "In Annex 2"), "workers", -1, FALSE },
  [COLUMN_REGISTERED]  = { NULL, "registered-rate", SHOUHU_RATE_REGISTERED, TRUE },
  [COLUMN_PAIRED]      = { NC_("table column", "Paired"), "paired", -1, FALSE },
  [COLUMN_PAIRING]     = { NULL, "paired-rate", SHOUHU_RATE_PAIRED, TRUE },
  [COLUMN_GUARDED]     = { NC_("table column", "Ready guardian"), "guarded", -1, FALSE },
  [COLUMN_GUARDING]    = { NULL, "guarded-rate", SHOUHU_RATE_GUARDED, TRUE },
  [COLUMN_BASIC]       = { NC_("table column", "保底"), "basic-guarded", -1, FALSE },
  [COLUMN_FAMILY_NEEDS] = { NC_("table column", "Needs met"), "needs-unmet", -1, FALSE },
  [COLUMN_VOLUNTEERS]  = { NC_("table column", "Volunteers"), "volunteers", -1, FALSE },
  [COLUMN_CHANGED]     = { NC_("table column", "Annex 2 changed"), "annex2-age", -1, FALSE },
  [COLUMN_OPEN_NEEDS]  = { NC_("table column", "Open Needs"), "open-needs", -1, FALSE },
  [COLUMN_TO_REVISIT]  = { NC_("table column", "To Visit Again"), "to-revisit", -1, FALSE },
};


static const char *
column_title (Column column)
{
  if (columns[column].rate >= 0)
    return shouhu_rate_name (columns[column].rate);
  return g_dpgettext2 (NULL, "table column", columns[column].title);
}


static void
show_rows (ShouhuDistrictTable *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (n == 0)
    {
      for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
        {
          g_autoptr(ShouhuDistrictRow) row = shouhu_district_row_new (&self->figures->districts[i]);
          g_list_store_append (self->rows, row);
        }
      return;
    }

  /* Same items, new figures: the selection stays, the sort order and the
   * visible cells follow. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShouhuDistrictRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      shouhu_district_row_set_figures (row, &self->figures->districts[i]);
    }
  g_list_model_items_changed (G_LIST_MODEL (self->rows), 0, n, n);
}


static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  ShouhuDistrictTable *self = user_data;

  return self->shown_needs == 0 ||
         (shouhu_district_row_get_figures (item)->needs & self->shown_needs) != 0;
}


static void
activated_cb (GtkColumnView       *view,
              guint                position,
              ShouhuDistrictTable *self)
{
  g_autoptr(ShouhuDistrictRow) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)),
                                                           position);

  if (row == NULL)
    return;
  g_signal_emit (self, signals[DISTRICT_ACTIVATED], 0, shouhu_district_row_get_figures (row)->district_id);
}

static void
selection_changed_cb (GtkSelectionModel   *model,
                      guint                position,
                      guint                n_items,
                      ShouhuDistrictTable *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DISTRICT]);
}


static Column
factory_column (GtkSignalListItemFactory *factory)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
}

/* The width of the 最近更新 cell, in characters: the day and the source
 * always, and as much of a file's name as a 1280 px window leaves. */
#define CHANGED_MIN_CHARS 16
#define CHANGED_MAX_CHARS 26

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ShouhuDistrictTable      *self)
{
  Column column = factory_column (factory);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == COLUMN_DISTRICT)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      /* The icon comes first and keeps its place, so names line up. */
      gtk_widget_add_css_class (icon, "attention");
      gtk_widget_set_opacity (icon, 0);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }

  if (column == COLUMN_CHANGED)
    {
      /* "11月28日 导入 渝中区.xlsx": a long file name ends in "…" rather
       * than widen the table; the tooltip has all of it. */
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), CHANGED_MIN_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (label), CHANGED_MAX_CHARS);
      gtk_list_item_set_child (item, label);
      return;
    }
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_REPORTED ? 0.5 : 1.0);
  gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_TOTAL_DELTA || column == COLUMN_HUBEI_DELTA)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

/* "登记率 46%: 51 ÷ 109", then how the rate is defined. */
static char *
rate_tooltip (const ShouhuDistrictFigures *f,
              ShouhuRate                   rate)
{
  gint64 part = 0, whole = 0;

  if (!shouhu_figures_rate_parts (f, rate, &part, &whole))
    return g_strdup (shouhu_rate_definition (rate));
  return g_strdup_printf ("%lld ÷ %lld\n%s", (long long) part, (long long) whole,
                          shouhu_rate_definition (rate));
}

static void
bind_district (ShouhuDistrictTable         *self,
               GtkWidget                   *box,
               const ShouhuDistrictFigures *f)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *needs = shouhu_figures_describe_needs (self->figures, f, FALSE);
  const char *name = shouhu_district_get (f->district_id)->name;
  GtkWidget *cell = gtk_widget_get_parent (box);
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

  gtk_widget_set_opacity (icon, f->needs != 0 ? 1 : 0);
  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_widget_set_tooltip_text (box, needs);
  set_attention (label, f->needs != 0);

  /* A screen reader reads the mark and the row by these names, not by
   * their widget types; a mark not shown is not read. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, f->needs == 0, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  f->needs != 0 ? _("Needs attention") : "", -1);
  if (row != NULL)
    {
      g_autofree char *row_name = shouhu_district_accessible_name (self->figures, f);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, row_name, -1);
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ShouhuDistrictTable      *self)
{
  Column column = factory_column (factory);
  const ShouhuDistrictFigures *f = shouhu_district_row_get_figures (gtk_list_item_get_item (item));
  GtkWidget *widget = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  gboolean attention = FALSE;

  switch (column)
    {
    case COLUMN_DISTRICT:
      bind_district (self, widget, f);
      return;
    case COLUMN_REPORTED:
      text = g_strdup (self->figures->as_of == NULL ? "—" : f->reported ? _("Reported") : _("Not reported"));
      attention = (f->needs & SHOUHU_NEEDS_REPORT) != 0;
      tooltip = attention ? shouhu_figures_describe_need (self->figures, f, SHOUHU_NEEDS_REPORT, FALSE) : NULL;
      break;
    case COLUMN_TOTAL_DELTA:
    case COLUMN_HUBEI_DELTA:
      text = shouhu_format_delta (self->figures, column == COLUMN_TOTAL_DELTA ? f->total_delta : f->hubei_delta);
      break;
    case COLUMN_REGISTERED:
    case COLUMN_PAIRING:
    case COLUMN_GUARDING:
      {
        double rate = shouhu_figures_rate (f, columns[column].rate);

        text = shouhu_format_rate (rate);
        tooltip = rate_tooltip (f, columns[column].rate);
        /* Over 100 % is shown as it is, and flagged. */
        attention = rate > 1.0 || (column == COLUMN_GUARDING && (f->needs & SHOUHU_NEEDS_GUARDS) != 0);
      }
      break;
    case COLUMN_CHANGED:
      text = shouhu_figures_describe_change (self->figures, f, FALSE);
      tooltip = shouhu_format_annex2_change (f);
      attention = (f->needs & SHOUHU_NEEDS_UPDATE) != 0;
      break;
    case COLUMN_FAMILY_NEEDS:
      /* met/registered in one column: the table is wide already. */
      text = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, f->needs_met, f->needs_registered);
      tooltip = g_strdup_printf (_("Of %lld needs registered for the district’s families, "
                                   "%lld are met by a ready volunteer paired for them"),
                                 (long long) f->needs_registered, (long long) f->needs_met);
      attention = f->needs_met < f->needs_registered;
      break;
    case COLUMN_BASIC:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, f->basic_guarded);
      tooltip = g_strdup_printf (_("%lld of %lld families have a ready 保底 guardian; "
                                   "Ctrl+P lists the others"), (long long) f->basic_guarded, (long long) f->workers);
      attention = f->basic_guarded < f->workers;
      break;
    case COLUMN_OPEN_NEEDS:
    case COLUMN_TO_REVISIT:
      {
        ShouhuDistrictRow *row = gtk_list_item_get_item (item);
        gint64 count = column == COLUMN_OPEN_NEEDS ? shouhu_district_row_get_open_needs (row)
                                                   : shouhu_district_row_get_to_revisit (row);

        text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
        attention = count > 0;
      }
      break;
    case COLUMN_TOTAL:
    case COLUMN_HUBEI:
    case COLUMN_WORKERS:
    case COLUMN_PAIRED:
    case COLUMN_GUARDED:
    case COLUMN_VOLUNTEERS:
    case N_COLUMNS:
    default:
      {
        const gint64 counts[N_COLUMNS] = {
          [COLUMN_TOTAL] = f->annex1_total, [COLUMN_HUBEI] = f->annex1_hubei,
          [COLUMN_WORKERS] = f->workers, [COLUMN_PAIRED] = f->paired,
          [COLUMN_GUARDED] = f->guarded, [COLUMN_VOLUNTEERS] = f->volunteers,
        };
        text = g_strdup_printf ("%" G_GINT64_FORMAT, counts[column]);
        attention = column == COLUMN_WORKERS && f->workers > f->annex1_total;
      }
      break;
    }

  gtk_label_set_text (GTK_LABEL (widget), text);
  gtk_widget_set_tooltip_text (widget, tooltip);
  set_attention (widget, attention);
}

static void
add_columns (ShouhuDistrictTable *self)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkSortListModel) sorted = NULL;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkExpression *expression;
      GtkSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      column = gtk_column_view_column_new (column_title (i), factory);
      /* The table takes the width it is given: the extra goes to the
       * one column whose text can be long, the file an import came
       * from, so that a wide window shows it whole. */
      gtk_column_view_column_set_expand (column, i == COLUMN_CHANGED);

      expression = gtk_property_expression_new (SHOUHU_TYPE_DISTRICT_ROW, NULL, columns[i].property);
      sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
      if (!columns[i].ascending)
        gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);

      gtk_column_view_append_column (self->table, column);
    }

  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_steal_pointer (&filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
}


static void
shouhu_district_table_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ShouhuDistrictTable *self = SHOUHU_DISTRICT_TABLE (object);
  const ShouhuDistrictFigures *f;

  switch (prop_id)
    {
    case PROP_SELECTED_DISTRICT:
      f = shouhu_district_table_get_selected (self);
      g_value_set_int (value, f != NULL ? f->district_id : 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shouhu_district_table_dispose (GObject *object)
{
  ShouhuDistrictTable *self = SHOUHU_DISTRICT_TABLE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shouhu_district_table_parent_class)->dispose (object);
}

static void
shouhu_district_table_finalize (GObject *object)
{
  ShouhuDistrictTable *self = SHOUHU_DISTRICT_TABLE (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->figures, shouhu_figures_free);

  G_OBJECT_CLASS (shouhu_district_table_parent_class)->finalize (object);
}

static void
shouhu_district_table_class_init (ShouhuDistrictTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = shouhu_district_table_get_property;
  object_class->dispose = shouhu_district_table_dispose;
  object_class->finalize = shouhu_district_table_finalize;

  /**
   * ShouhuDistrictTable:selected-district:
   *
   * The district of the selected row, 0 for none.
   */
  properties[PROP_SELECTED_DISTRICT] =
    g_param_spec_int ("selected-district", NULL, NULL, 0, SHOUHU_N_DISTRICTS, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShouhuDistrictTable::district-activated:
   * @district_id: 1..41
   *
   * A row was activated (double click, Enter).
   */
  signals[DISTRICT_ACTIVATED] = g_signal_new ("district-activated",
                                              G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shouhu_district_table_init (ShouhuDistrictTable *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->figures = g_new0 (ShouhuFigures, 1);
  self->rows = g_list_store_new (SHOUHU_TYPE_DISTRICT_ROW);
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->table, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  g_signal_connect (self->table, "activate", G_CALLBACK (activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->table));
  /* GTK 4.8 makes the column titles a row with no name. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->table));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column titles"), -1);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
  add_columns (self);
}

/* Public API */

void
shouhu_district_table_set_figures (ShouhuDistrictTable *self,
                                   const ShouhuFigures *figures)
{
  g_return_if_fail (SHOUHU_IS_DISTRICT_TABLE (self));
  g_return_if_fail (figures != NULL);

  shouhu_figures_free (self->figures);
  self->figures = shouhu_figures_copy (figures);
  show_rows (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DISTRICT]);
}

/**
 * shouhu_district_table_set_shown_needs:
 * @needs: ShouhuNeeds; the table shows the districts that need any of
 *   them, or every district for 0
 */
void
shouhu_district_table_set_shown_needs (ShouhuDistrictTable *self,
                                       guint                needs)
{
  g_return_if_fail (SHOUHU_IS_DISTRICT_TABLE (self));

  if (self->shown_needs == needs)
    return;
  self->shown_needs = needs;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * shouhu_district_table_get_selected:
 *
 * Returns: (nullable): the figures of the selected row
 */
const ShouhuDistrictFigures *
shouhu_district_table_get_selected (ShouhuDistrictTable *self)
{
  ShouhuDistrictRow *row;

  g_return_val_if_fail (SHOUHU_IS_DISTRICT_TABLE (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  return row != NULL ? shouhu_district_row_get_figures (row) : NULL;
}

GtkColumnView *
shouhu_district_table_get_column_view (ShouhuDistrictTable *self)
{
  g_return_val_if_fail (SHOUHU_IS_DISTRICT_TABLE (self), NULL);
  return self->table;
}

/**
 * shouhu_district_table_set_ledger:
 *
 * The ledger's columns: needs not solved and families 需回访 per district.
 */
void
shouhu_district_table_set_ledger (ShouhuDistrictTable      *self,
                                  const ShouhuLedgerCounts *counts)
{
  guint n;

  g_return_if_fail (SHOUHU_IS_DISTRICT_TABLE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n && i < SHOUHU_N_DISTRICTS; i++)
    {
      g_autoptr(ShouhuDistrictRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      shouhu_district_row_set_ledger (row, counts->open_needs[i], counts->to_revisit[i]);
    }
  g_list_model_items_changed (G_LIST_MODEL (self->rows), 0, n, n);
}
