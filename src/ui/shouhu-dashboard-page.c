/* shouhu-dashboard-page.c — 概览: the district counts at a glance
 *
 * City totals at the top, then the districts as a chart and as a table
 * that can show only the districts needing something.  All figures, their
 * definitions and the reasons come from shouhu-figures.c; the page asks
 * again whenever the store says anything changed, so it is never stale.
 * Errors go to the window's notification through the win.notify action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex1.h"
#include "shouhu-dashboard-page.h"
#include "shouhu-district-row.h"
#include "shouhu-settings.h"

struct _ShouhuDashboardPage
{
  GtkWidget            parent_instance;

  ShouhuStore         *store;
  gulong               changed_id;
  ShouhuFigures       *figures;
  char               **dates;
  char                *chosen_date;    /* NULL: follow the latest */
  gboolean             filling;
  int                  stale_days;
  guint                shown_needs;    /* ShouhuNeeds of the rows shown; 0: all */

  GListStore          *rows;
  GtkCustomFilter     *filter;
  GtkSingleSelection  *selection;
  GtkLabel            *totals[SHOUHU_DASHBOARD_N_TOTALS];
  GtkWidget           *cards[SHOUHU_DASHBOARD_N_TOTALS];

  GtkLabel            *as_of_label;
  GtkButton           *load_button;
  GtkDropDown         *date_dropdown;
  GtkStringList       *date_list;
  GtkDropDown         *sort_dropdown;
  GtkDropDown         *show_dropdown;
  GtkStringList       *show_list;
  GtkSpinButton       *stale_spin;
  GtkBox              *definitions_box;
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

/* The cards at the top: a count, the figure under it (a change or a
 * rate, with its name), and what the count is.  The tooltip says how it
 * is counted. */
static const struct
{
  ShouhuDashboardTotal value;
  ShouhuDashboardTotal detail;   /* SHOUHU_DASHBOARD_N_TOTALS for none */
  int                  rate;     /* ShouhuRate the detail shows, or -1 */
  const char          *caption;
  const char          *tooltip;  /* NULL: the rate's definition */
} cards[] = {
  { SHOUHU_DASHBOARD_STAFF, SHOUHU_DASHBOARD_STAFF_DELTA, -1,
    N_("Frontline medical staff"),
    N_("Annex 1 total of the chosen date; below it, the change since the date before") },
  { SHOUHU_DASHBOARD_HUBEI, SHOUHU_DASHBOARD_HUBEI_DELTA, -1,
    N_("Of whom supporting Hubei"),
    N_("Annex 1 其中：支援湖北 of the chosen date; below it, the change since the date before") },
  { SHOUHU_DASHBOARD_WORKERS, SHOUHU_DASHBOARD_REGISTERED, SHOUHU_RATE_REGISTERED,
    N_("Recorded in Annex 2"), NULL },
  { SHOUHU_DASHBOARD_PAIRED, SHOUHU_DASHBOARD_PAIRING, SHOUHU_RATE_PAIRED,
    N_("Families with a paired volunteer"), NULL },
  { SHOUHU_DASHBOARD_GUARDED, SHOUHU_DASHBOARD_GUARDING, SHOUHU_RATE_GUARDED,
    N_("Families with a volunteer ready for duty"), NULL },
  { SHOUHU_DASHBOARD_VOLUNTEERS, SHOUHU_DASHBOARD_N_TOTALS, -1,
    N_("Volunteers"),
    N_("Volunteer records, also those not tied to a district") },
  { SHOUHU_DASHBOARD_ATTENTION, SHOUHU_DASHBOARD_N_TOTALS, -1,
    N_("Districts needing attention"), NULL },
};

/* The swatch classes are coloured in style.css like the chart's bars. */
static const struct { int annex; const char *css_class; const char *label; } legend[] = {
  { 1, "hubei", N_("Supporting Hubei") },
  { 1, "rest", N_("Other frontline staff") },
  { 2, "covered", N_("Volunteer ready for duty") },
  { 2, "waiting", N_("Paired, volunteer not ready yet") },
  { 2, "uncovered", N_("No paired volunteer") },
  { 2, "missing", N_("Not yet in Annex 2") },
  { 2, "attention", N_("Needs attention") },
};

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
  COLUMN_VOLUNTEERS,
  COLUMN_CHANGED,
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
  [COLUMN_VOLUNTEERS]  = { NC_("table column", "Volunteers"), "volunteers", -1, FALSE },
  [COLUMN_CHANGED]     = { NC_("table column", "Annex 2 changed"), "annex2-age", -1, FALSE },
};

/* The choices of the Show list after "All districts". */
static const ShouhuNeeds show_choices[] = {
  SHOUHU_NEEDS_REPORT, SHOUHU_NEEDS_UPDATE, SHOUHU_NEEDS_GUARDS, SHOUHU_NEEDS_CHECK,
};

static const char *
column_title (Column column)
{
  if (columns[column].rate >= 0)
    return shouhu_rate_name (columns[column].rate);
  return g_dpgettext2 (NULL, "table column", columns[column].title);
}

static void
set_count (GtkLabel *label,
           gint64    value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  gtk_label_set_text (label, text);
}

static void
set_attention (GtkWidget *widget,
               gboolean   attention)
{
  if (attention)
    gtk_widget_add_css_class (widget, "attention");
  else
    gtk_widget_remove_css_class (widget, "attention");
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

  latest = shouhu_annex1_format_date (dates[0]);
  g_ptr_array_add (shown, latest != NULL ? g_strdup_printf (_("Latest (%s)"), latest)
                                         : g_strdup (_("Latest")));
  for (guint i = 0; dates[i] != NULL; i++)
    {
      g_ptr_array_add (shown, shouhu_annex1_format_date (dates[i]));
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

/* "All districts", then each need with how many districts have it. */
static void
update_show_list (ShouhuDashboardPage *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  guint selected = gtk_drop_down_get_selected (self->show_dropdown);

  g_ptr_array_add (shown, g_strdup (_("All districts")));
  g_ptr_array_add (shown, g_strdup_printf (_("Needing attention (%u)"),
                                           shouhu_figures_count_needing (self->figures, ~0u)));
  for (guint i = 0; i < G_N_ELEMENTS (show_choices); i++)
    g_ptr_array_add (shown, g_strdup_printf ("%s (%u)", shouhu_need_name (show_choices[i]),
                                             shouhu_figures_count_needing (self->figures, show_choices[i])));
  g_ptr_array_add (shown, NULL);

  self->filling = TRUE;
  gtk_string_list_splice (self->show_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->show_list)),
                          (const char * const *) shown->pdata);
  gtk_drop_down_set_selected (self->show_dropdown, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
  self->filling = FALSE;
}

static char *
attention_breakdown (const ShouhuFigures *figures)
{
  g_autoptr(GString) text = g_string_new (_("Districts that need at least one of:"));

  for (int i = 0; i < SHOUHU_N_NEEDS; i++)
    g_string_append_printf (text, "\n%s: %u", shouhu_need_name (1u << i),
                            shouhu_figures_count_needing (figures, 1u << i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_totals (ShouhuDashboardPage *self)
{
  const ShouhuDistrictFigures *city = &self->figures->city;
  const gint64 counts[] = {
    [SHOUHU_DASHBOARD_STAFF] = city->annex1_total, [SHOUHU_DASHBOARD_HUBEI] = city->annex1_hubei,
    [SHOUHU_DASHBOARD_WORKERS] = city->workers, [SHOUHU_DASHBOARD_PAIRED] = city->paired,
    [SHOUHU_DASHBOARD_GUARDED] = city->guarded, [SHOUHU_DASHBOARD_VOLUNTEERS] = city->volunteers,
    [SHOUHU_DASHBOARD_ATTENTION] = shouhu_figures_count_needing (self->figures, ~0u),
  };
  g_autofree char *date = shouhu_annex1_format_date (self->figures->as_of);
  g_autofree char *heading = NULL;
  g_autofree char *breakdown = attention_breakdown (self->figures);

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      set_count (self->totals[cards[i].value], counts[cards[i].value]);
      if (cards[i].rate >= 0)
        {
          g_autofree char *rate = shouhu_format_rate (shouhu_figures_rate (city, cards[i].rate));
          gtk_label_set_text (self->totals[cards[i].detail], rate);
        }
    }
  {
    g_autofree char *staff = shouhu_format_delta (self->figures, city->total_delta);
    g_autofree char *hubei = shouhu_format_delta (self->figures, city->hubei_delta);

    gtk_label_set_text (self->totals[SHOUHU_DASHBOARD_STAFF_DELTA], staff);
    gtk_label_set_text (self->totals[SHOUHU_DASHBOARD_HUBEI_DELTA], hubei);
  }
  set_attention (GTK_WIDGET (self->totals[SHOUHU_DASHBOARD_ATTENTION]),
                 counts[SHOUHU_DASHBOARD_ATTENTION] > 0);
  set_attention (GTK_WIDGET (self->totals[SHOUHU_DASHBOARD_REGISTERED]),
                 shouhu_figures_rate (city, SHOUHU_RATE_REGISTERED) > 1.0);
  gtk_widget_set_tooltip_text (self->cards[SHOUHU_DASHBOARD_ATTENTION], breakdown);

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

static const ShouhuDistrictFigures *
selected_district (ShouhuDashboardPage *self)
{
  ShouhuDistrictRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? shouhu_district_row_get_figures (row) : NULL;
}

static void
update_confirm_button (ShouhuDashboardPage *self)
{
  const ShouhuDistrictFigures *f = selected_district (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.confirm-report",
                                 f != NULL && self->figures != NULL && self->figures->as_of != NULL && !f->reported);
}

static void
refresh (ShouhuDashboardPage *self)
{
  g_autoptr(GError) error = NULL;
  ShouhuFigures *figures;

  if (self->store == NULL)
    return;

  update_dates (self);
  figures = shouhu_figures_compute_full (self->store, self->chosen_date, NULL, self->stale_days, &error);
  if (figures == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }
  g_clear_pointer (&self->figures, shouhu_figures_free);
  self->figures = figures;

  show_totals (self);
  update_show_list (self);
  shouhu_district_chart_set_figures (self->chart, self->figures);
  show_rows (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_confirm_button (self);
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

  if (selected <= SHOUHU_CHART_SORT_GUARDING)
    shouhu_district_chart_set_sort (self->chart, (ShouhuChartSort) selected);
}

static void
show_selected_cb (GtkDropDown         *dropdown,
                  GParamSpec          *pspec,
                  ShouhuDashboardPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint needs = 0;

  if (self->filling)
    return;
  if (selected == 1)
    needs = ~0u;
  else if (selected >= 2 && selected - 2 < G_N_ELEMENTS (show_choices))
    needs = show_choices[selected - 2];
  shouhu_dashboard_page_set_shown_needs (self, needs);
}

static void
stale_changed_cb (GtkSpinButton       *spin,
                  ShouhuDashboardPage *self)
{
  int days = gtk_spin_button_get_value_as_int (spin);

  if (days == self->stale_days)
    return;
  self->stale_days = days;
  shouhu_settings_set_stale_days (days);
  refresh (self);
}

static void
confirm_report_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShouhuDashboardPage *self = SHOUHU_DASHBOARD_PAGE (widget);
  const ShouhuDistrictFigures *f = selected_district (self);
  g_autoptr(GError) error = NULL;

  if (f == NULL || self->figures->as_of == NULL)
    return;
  if (!shouhu_annex1_confirm_report (self->store, self->figures->as_of, f->district_id, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
}

static void
selection_changed_cb (GtkSelectionModel   *model,
                      guint                position,
                      guint                n_items,
                      ShouhuDashboardPage *self)
{
  update_confirm_button (self);
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  ShouhuDashboardPage *self = user_data;

  return self->shown_needs == 0 ||
         (shouhu_district_row_get_figures (item)->needs & self->shown_needs) != 0;
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

static Column
factory_column (GtkSignalListItemFactory *factory)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ShouhuDashboardPage      *self)
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

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_REPORTED || column == COLUMN_CHANGED ? 0.5 : 1.0);
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

/* Beyond a month, "N days ago" reads worse than the date. */
#define AGE_AS_DAYS_MAX 31

static char *
changed_text (const ShouhuDistrictFigures *f)
{
  char day[11];

  if (f->annex2_age < 0)
    return g_strdup (_("never"));
  if (f->annex2_age == 0)
    return g_strdup (_("today"));
  if (f->annex2_age <= AGE_AS_DAYS_MAX)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", f->annex2_age), f->annex2_age);
  g_strlcpy (day, f->annex2_changed, sizeof day);
  return shouhu_annex1_format_date (day);
}

static void
bind_district (ShouhuDashboardPage         *self,
               GtkWidget                   *box,
               const ShouhuDistrictFigures *f)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *needs = shouhu_describe_needs (self->figures, f);

  gtk_widget_set_opacity (icon, f->needs != 0 ? 1 : 0);
  gtk_label_set_text (GTK_LABEL (label), shouhu_district_get (f->district_id)->name);
  gtk_widget_set_tooltip_text (box, needs);
  set_attention (label, f->needs != 0);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ShouhuDashboardPage      *self)
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
      text = changed_text (f);
      tooltip = shouhu_format_annex2_change (f);
      attention = (f->needs & SHOUHU_NEEDS_UPDATE) != 0;
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
add_columns (ShouhuDashboardPage *self)
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
      /* The table takes the width it is given: the extra is shared. */
      gtk_column_view_column_set_expand (column, TRUE);

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
add_totals (ShouhuDashboardPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("0");
      GtkWidget *caption = gtk_label_new (_(cards[i].caption));

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "dashboard-total");
      gtk_widget_add_css_class (value, "title-1");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      self->totals[cards[i].value] = GTK_LABEL (value);
      self->cards[cards[i].value] = box;

      if (cards[i].detail != SHOUHU_DASHBOARD_N_TOTALS)
        {
          GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          GtkWidget *name = gtk_label_new (cards[i].rate >= 0 ? shouhu_rate_name (cards[i].rate)
                                                                : _("Since the date before"));
          GtkWidget *detail = gtk_label_new ("—");

          gtk_widget_set_halign (line, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (name, "caption");
          gtk_widget_add_css_class (detail, "caption-heading");
          gtk_widget_add_css_class (detail, "numeric");
          gtk_box_append (GTK_BOX (line), name);
          gtk_box_append (GTK_BOX (line), detail);
          gtk_box_insert_child_after (GTK_BOX (box), line, value);
          self->totals[cards[i].detail] = GTK_LABEL (detail);
        }
      if (cards[i].tooltip != NULL)
        gtk_widget_set_tooltip_text (box, _(cards[i].tooltip));
      else if (cards[i].rate >= 0)
        gtk_widget_set_tooltip_text (box, shouhu_rate_definition (cards[i].rate));
      gtk_box_append (self->totals_box, box);
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

      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      /* The items wrap, so that the legend never widens the chart's side. */
      rows[annex - 1] = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (rows[annex - 1]), GTK_SELECTION_NONE);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (rows[annex - 1]), 12);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (rows[annex - 1]), G_N_ELEMENTS (legend));
      gtk_widget_set_can_focus (rows[annex - 1], FALSE);
      gtk_widget_set_hexpand (rows[annex - 1], TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (line), rows[annex - 1]);
      gtk_box_append (self->legend_box, line);
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
      gtk_flow_box_append (GTK_FLOW_BOX (rows[legend[i].annex - 1]), item);
    }
}

static void
add_definition (GtkBox     *box,
                const char *name,
                const char *definition)
{
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *text = gtk_label_new (definition);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 60);
  gtk_box_append (box, title);
  gtk_box_append (box, text);
}

/* The popover that says what every figure of the page means. */
static void
add_definitions (ShouhuDashboardPage *self)
{
  for (int r = 0; r < SHOUHU_N_RATES; r++)
    add_definition (self->definitions_box, shouhu_rate_name (r), shouhu_rate_definition (r));
  add_definition (self->definitions_box, _("Change"),
                  _("The Annex 1 figure of the chosen date minus that of the date before; — when there "
                    "is no date before."));
  add_definition (self->definitions_box, _("Annex 1"),
                  _("Reported: the district’s Annex 1 figures were entered, changed or confirmed for the "
                    "chosen date. Not reported: they are only carried over from the date before."));
  for (int i = 0; i < SHOUHU_N_NEEDS; i++)
    add_definition (self->definitions_box, shouhu_need_name (1u << i), shouhu_need_definition (1u << i));
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

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
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
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, show_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, show_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, stale_spin);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, definitions_box);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, totals_box);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, table);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, stale_changed_cb);

  gtk_widget_class_bind_template_callback (widget_class, chart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activated_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.confirm-report", NULL, confirm_report_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shouhu_dashboard_page_init (ShouhuDashboardPage *self)
{
  self->rows = g_list_store_new (SHOUHU_TYPE_DISTRICT_ROW);
  self->stale_days = shouhu_settings_get_stale_days ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_value (self->stale_spin, self->stale_days);
  add_totals (self);
  add_legend (self);
  add_columns (self);
  add_definitions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.confirm-report", FALSE);
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

/**
 * shouhu_dashboard_page_set_shown_needs:
 * @needs: ShouhuNeeds; the table shows the districts that need any of
 *   them, or every district for 0
 */
void
shouhu_dashboard_page_set_shown_needs (ShouhuDashboardPage *self,
                                       guint                needs)
{
  g_return_if_fail (SHOUHU_IS_DASHBOARD_PAGE (self));

  if (self->shown_needs == needs)
    return;
  self->shown_needs = needs;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

GtkColumnView *
shouhu_dashboard_page_get_table (ShouhuDashboardPage *self)
{
  g_return_val_if_fail (SHOUHU_IS_DASHBOARD_PAGE (self), NULL);
  return self->table;
}
