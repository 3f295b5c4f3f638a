/* shouhu-dashboard-page.c — 概览: the district counts at a glance
 *
 * City totals at the top, then the districts as a chart and as a table.
 * All figures come from shouhu_figures_compute(); the page asks again
 * whenever the store says anything changed, so it is never stale.
 * Errors go to the window's notification through the win.notify action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex1.h"
#include "shouhu-dashboard-page.h"
#include "shouhu-date.h"
#include "shouhu-district-row.h"

struct _ShouhuDashboardPage
{
  GtkWidget            parent_instance;

  ShouhuStore         *store;
  gulong               changed_id;
  ShouhuFigures       *figures;
  char               **dates;
  char                *chosen_date;    /* NULL: follow the latest */
  gboolean             filling;

  GListStore          *rows;
  GtkLabel            *totals[SHOUHU_DASHBOARD_N_TOTALS];

  GtkLabel            *as_of_label;
  GtkButton           *load_button;
  GtkDropDown         *date_dropdown;
  GtkStringList       *date_list;
  GtkDropDown         *sort_dropdown;
  GtkBox              *totals_box;
  GtkBox              *legend_box;
  ShouhuDistrictChart *chart;
  GtkColumnView       *table;
};

G_DEFINE_FINAL_TYPE (ShouhuDashboardPage, shouhu_dashboard_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DISTRICT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const total_captions[SHOUHU_DASHBOARD_N_TOTALS] = {
  N_("Frontline medical staff"),
  N_("Of whom supporting Hubei"),
  N_("Recorded in Annex 2"),
  N_("Families with a volunteer"),
  N_("Families without a volunteer"),
  N_("Volunteers"),
  N_("Coverage"),
};

/* The swatch classes are coloured in style.css like the chart's bars. */
static const struct { int annex; const char *css_class; const char *label; } legend[] = {
  { 1, "hubei", N_("Supporting Hubei") },
  { 1, "rest", N_("Other frontline staff") },
  { 2, "covered", N_("Family with a volunteer") },
  { 2, "uncovered", N_("Family without a volunteer") },
  { 2, "missing", N_("Not yet in Annex 2") },
  { 2, "attention", N_("Needs attention") },
};

typedef enum
{
  COLUMN_DISTRICT,
  COLUMN_TOTAL,
  COLUMN_HUBEI,
  COLUMN_WORKERS,
  COLUMN_COVERED,
  COLUMN_UNCOVERED,
  COLUMN_VOLUNTEERS,
  COLUMN_COVERAGE,
} Column;

static const struct { const char *title; const char *property; } columns[] = {
  [COLUMN_DISTRICT]   = { NC_("table column", "District"), "district-id" },
  [COLUMN_TOTAL]      = { NC_("table column", "Total"), "annex1-total" },
  [COLUMN_HUBEI]      = { NC_("table column", "Supporting Hubei"), "annex1-hubei" },
  [COLUMN_WORKERS]    = { NC_("table column", "In Annex 2"), "workers" },
  [COLUMN_COVERED]    = { NC_("table column", "Paired"), "covered" },
  [COLUMN_UNCOVERED]  = { NC_("table column", "Unpaired"), "uncovered" },
  [COLUMN_VOLUNTEERS] = { NC_("table column", "Volunteers"), "volunteers" },
  [COLUMN_COVERAGE]   = { NC_("table column", "Coverage"), "coverage" },
};

static void
set_count (GtkLabel *label,
           gint64    value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  gtk_label_set_text (label, text);
}

/* The date list: "Latest (…)" first, which follows new tables, then every
 * date, newest first. */
static void
update_dates (ShouhuDashboardPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = shouhu_annex1_list_dates (self->store, &error);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *latest = NULL;
  guint selected = 0;

  if (dates == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }

  if (self->chosen_date != NULL && !g_strv_contains ((const char * const *) dates, self->chosen_date))
    g_clear_pointer (&self->chosen_date, g_free);

  latest = shouhu_format_date (dates[0]);
  g_ptr_array_add (shown, latest != NULL ? g_strdup_printf (_("Latest (%s)"), latest)
                                         : g_strdup (_("Latest")));
  for (guint i = 0; dates[i] != NULL; i++)
    {
      g_ptr_array_add (shown, shouhu_format_date (dates[i]));
      if (g_strcmp0 (dates[i], self->chosen_date) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (shown, NULL);

  g_strfreev (self->dates);
  self->dates = g_steal_pointer (&dates);

  self->filling = TRUE;
  gtk_string_list_splice (self->date_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->date_list)),
                          (const char * const *) shown->pdata);
  gtk_drop_down_set_selected (self->date_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_dropdown), self->dates[0] != NULL);
  self->filling = FALSE;
}

static void
show_totals (ShouhuDashboardPage *self)
{
  const ShouhuDistrictFigures *city = &self->figures->city;
  const gint64 counts[] = {
    city->annex1_total, city->annex1_hubei, city->workers,
    city->covered, city->uncovered, city->volunteers,
  };
  g_autofree char *coverage = shouhu_format_coverage (city);
  g_autofree char *date = shouhu_format_date (self->figures->as_of);
  g_autofree char *heading = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    set_count (self->totals[i], counts[i]);
  gtk_label_set_text (self->totals[SHOUHU_DASHBOARD_COVERAGE], coverage);
  if (city->uncovered > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->totals[SHOUHU_DASHBOARD_UNCOVERED]), "attention");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->totals[SHOUHU_DASHBOARD_UNCOVERED]), "attention");

  gtk_widget_set_visible (GTK_WIDGET (self->load_button), date == NULL);
  if (date != NULL)
    heading = g_strdup_printf (_("Frontline medical staff as of %s and their volunteer guardians"), date);
  else
    heading = g_strdup (_("No Annex 1 figures yet"));
  gtk_label_set_text (self->as_of_label, heading);
  /* The heading is shortened in a narrow window: the tooltip keeps it whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->as_of_label), heading);
}

static void
show_rows (ShouhuDashboardPage *self)
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

static void
refresh (ShouhuDashboardPage *self)
{
  g_autoptr(GError) error = NULL;
  ShouhuFigures *figures;

  if (self->store == NULL)
    return;

  update_dates (self);
  figures = shouhu_figures_compute (self->store, self->chosen_date, &error);
  if (figures == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }
  g_clear_pointer (&self->figures, shouhu_figures_free);
  self->figures = figures;

  show_totals (self);
  shouhu_district_chart_set_figures (self->chart, self->figures);
  show_rows (self);
}

static void
store_changed_cb (ShouhuStore         *store,
                  ShouhuDashboardPage *self)
{
  refresh (self);
}

static void
date_selected_cb (GtkDropDown         *dropdown,
                  GParamSpec          *pspec,
                  ShouhuDashboardPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling || self->dates == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  shouhu_dashboard_page_set_date (self, selected == 0 || selected > g_strv_length (self->dates)
                                          ? NULL : self->dates[selected - 1]);
}

static void
sort_selected_cb (GtkDropDown         *dropdown,
                  GParamSpec          *pspec,
                  ShouhuDashboardPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected <= SHOUHU_CHART_SORT_COVERAGE)
    shouhu_district_chart_set_sort (self->chart, (ShouhuChartSort) selected);
}

static void
chart_activated_cb (ShouhuDistrictChart *chart,
                    int                  district_id,
                    ShouhuDashboardPage *self)
{
  g_signal_emit (self, signals[DISTRICT_ACTIVATED], 0, district_id);
}

static void
table_activated_cb (GtkColumnView       *view,
                    guint                position,
                    ShouhuDashboardPage *self)
{
  g_autoptr(ShouhuDistrictRow) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)),
                                                           position);

  if (row == NULL)
    return;
  g_signal_emit (self, signals[DISTRICT_ACTIVATED], 0, shouhu_district_row_get_figures (row)->district_id);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
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

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  const ShouhuDistrictFigures *f = shouhu_district_row_get_figures (gtk_list_item_get_item (item));
  GtkWidget *widget = gtk_list_item_get_child (item);
  const gint64 counts[] = {
    [COLUMN_TOTAL] = f->annex1_total, [COLUMN_HUBEI] = f->annex1_hubei,
    [COLUMN_WORKERS] = f->workers, [COLUMN_COVERED] = f->covered,
    [COLUMN_UNCOVERED] = f->uncovered, [COLUMN_VOLUNTEERS] = f->volunteers,
  };

  switch (column)
    {
    case COLUMN_DISTRICT:
      {
        GtkWidget *icon = gtk_widget_get_first_child (widget);

        gtk_widget_set_opacity (icon, f->needs_attention ? 1 : 0);
        widget = gtk_widget_get_last_child (widget);
        gtk_label_set_text (GTK_LABEL (widget), shouhu_district_get (f->district_id)->name);
        gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), shouhu_attention_reason (f));
      }
      break;
    case COLUMN_COVERAGE:
      {
        g_autofree char *coverage = shouhu_format_coverage (f);
        gtk_label_set_text (GTK_LABEL (widget), coverage);
      }
      break;
    default:
      set_count (GTK_LABEL (widget), counts[column]);
      break;
    }

  /* Marks the figures that make the district need attention. */
  if ((column == COLUMN_DISTRICT && f->needs_attention) ||
      (column == COLUMN_WORKERS && f->workers < f->annex1_total) ||
      (column == COLUMN_UNCOVERED && f->uncovered > 0))
    gtk_widget_add_css_class (widget, "attention");
  else
    gtk_widget_remove_css_class (widget, "attention");
}

static void
add_columns (ShouhuDashboardPage *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkExpression *expression;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (g_dpgettext2 (NULL, "table column", columns[i].title), factory);

      expression = gtk_property_expression_new (SHOUHU_TYPE_DISTRICT_ROW, NULL, columns[i].property);
      sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
      /* Counts read best largest first; the district column is 序号 order. */
      if (i != COLUMN_DISTRICT && i != COLUMN_COVERAGE)
        gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);

      gtk_column_view_append_column (self->table, column);
    }

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
}

static void
add_totals (ShouhuDashboardPage *self)
{
  for (int i = 0; i < SHOUHU_DASHBOARD_N_TOTALS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("0");
      GtkWidget *caption = gtk_label_new (_(total_captions[i]));

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "dashboard-total");
      gtk_widget_add_css_class (value, "title-1");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_box_append (self->totals_box, box);
      self->totals[i] = GTK_LABEL (value);
    }
}

static void
add_legend (ShouhuDashboardPage *self)
{
  GtkWidget *rows[2];

  for (int annex = 1; annex <= 2; annex++)
    {
      /* Translators: the legend of the bars for Annex 1 and for Annex 2 */
      g_autofree char *title = g_strdup_printf (_("Annex %d:"), annex);
      GtkWidget *label = gtk_label_new (title);

      rows[annex - 1] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (rows[annex - 1]), label);
      gtk_box_append (self->legend_box, rows[annex - 1]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (legend); i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *label = gtk_label_new (_(legend[i].label));

      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (swatch, "chart-swatch");
      gtk_widget_add_css_class (swatch, legend[i].css_class);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (item), swatch);
      gtk_box_append (GTK_BOX (item), label);
      gtk_box_append (GTK_BOX (rows[legend[i].annex - 1]), item);
    }
}

static void
set_store (ShouhuDashboardPage *self,
           ShouhuStore         *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  /* Every detail: Annex 1 figures, Annex 2 records, pairings, volunteers. */
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
shouhu_dashboard_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ShouhuDashboardPage *self = SHOUHU_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shouhu_dashboard_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ShouhuDashboardPage *self = SHOUHU_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shouhu_dashboard_page_dispose (GObject *object)
{
  ShouhuDashboardPage *self = SHOUHU_DASHBOARD_PAGE (object);
  GtkWidget *child;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_DASHBOARD_PAGE);
  /* The template's outer box has no id, so it is not disposed above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shouhu_dashboard_page_parent_class)->dispose (object);
}

static void
shouhu_dashboard_page_finalize (GObject *object)
{
  ShouhuDashboardPage *self = SHOUHU_DASHBOARD_PAGE (object);

  g_clear_pointer (&self->figures, shouhu_figures_free);
  g_clear_pointer (&self->dates, g_strfreev);
  g_clear_pointer (&self->chosen_date, g_free);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (shouhu_dashboard_page_parent_class)->finalize (object);
}

static void
shouhu_dashboard_page_class_init (ShouhuDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = shouhu_dashboard_page_get_property;
  object_class->set_property = shouhu_dashboard_page_set_property;
  object_class->dispose = shouhu_dashboard_page_dispose;
  object_class->finalize = shouhu_dashboard_page_finalize;

  /**
   * ShouhuDashboardPage:store:
   *
   * The open database.  The window binds its own to it.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SHOUHU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShouhuDashboardPage::district-activated:
   * @district_id: 1..41
   *
   * A district was clicked in the chart, or activated with Enter in the
   * chart or the table: its Annex 2 records are wanted.
   */
  signals[DISTRICT_ACTIVATED] = g_signal_new ("district-activated",
                                              G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (SHOUHU_TYPE_DISTRICT_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouhu/Shouhu/ui/shouhu-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, load_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, date_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, totals_box);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, table);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shouhu_dashboard_page_init (ShouhuDashboardPage *self)
{
  self->rows = g_list_store_new (SHOUHU_TYPE_DISTRICT_ROW);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_totals (self);
  add_legend (self);
  add_columns (self);
  gtk_label_set_text (self->as_of_label, _("No Annex 1 figures yet"));
}

/* Public API */

/**
 * shouhu_dashboard_page_set_date:
 * @as_of: (nullable): an Annex 1 date, or %NULL to follow the latest
 */
void
shouhu_dashboard_page_set_date (ShouhuDashboardPage *self,
                                const char          *as_of)
{
  g_return_if_fail (SHOUHU_IS_DASHBOARD_PAGE (self));

  g_free (self->chosen_date);
  self->chosen_date = g_strdup (as_of);
  refresh (self);
}

/**
 * shouhu_dashboard_page_get_figures:
 *
 * Returns: (nullable): the figures shown
 */
const ShouhuFigures *
shouhu_dashboard_page_get_figures (ShouhuDashboardPage *self)
{
  g_return_val_if_fail (SHOUHU_IS_DASHBOARD_PAGE (self), NULL);
  return self->figures;
}

const char *
shouhu_dashboard_page_get_total_text (ShouhuDashboardPage  *self,
                                      ShouhuDashboardTotal  total)
{
  g_return_val_if_fail (SHOUHU_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (total < SHOUHU_DASHBOARD_N_TOTALS, NULL);
  return gtk_label_get_text (self->totals[total]);
}

ShouhuDistrictChart *
shouhu_dashboard_page_get_chart (ShouhuDashboardPage *self)
{
  g_return_val_if_fail (SHOUHU_IS_DASHBOARD_PAGE (self), NULL);
  return self->chart;
}

GtkColumnView *
shouhu_dashboard_page_get_table (ShouhuDashboardPage *self)
{
  g_return_val_if_fail (SHOUHU_IS_DASHBOARD_PAGE (self), NULL);
  return self->table;
}
