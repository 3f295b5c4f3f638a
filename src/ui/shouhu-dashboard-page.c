/* shouhu-dashboard-page.c — 概览: the district counts at a glance
 *
 * City totals at the top, then the districts as a chart and as a table
 * (shouhu-district-table.c) that can show only the districts needing
 * something.  All figures, their
 * definitions and the reasons come from shouhu-figures.c, the table's
 * ledger columns (open needs, families 需回访) from shouhu-ledger.c; the
 * page asks again whenever the store says anything changed, so it is
 * never stale.
 * Errors go to the window's notification through the win.notify action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex1.h"
#include "shouhu-annex2.h"
#include "shouhu-dashboard-page.h"
#include "shouhu-date.h"
#include "shouhu-district-table.h"
#include "shouhu-ledger.h"
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
  GtkSpinButton       *revisit_spin;
  gboolean             ledger_stale;   /* counted again when shown */
  gboolean             figures_stale;  /* the store changed while the page was not shown */
  GtkBox              *definitions_box;
  GtkBox              *totals_box;
  GtkBox              *legend_box;
  GtkWidget           *volunteer_warning;
  GtkLabel            *volunteer_warning_label;
  ShouhuDistrictChart *chart;
  ShouhuDistrictTable *table;
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

/* The choices of the Show list after "All districts". */
static const ShouhuNeeds show_choices[] = {
  SHOUHU_NEEDS_REPORT, SHOUHU_NEEDS_UPDATE, SHOUHU_NEEDS_GUARDS, SHOUHU_NEEDS_CHECK,
};

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
  g_autofree char *date = shouhu_format_date (self->figures->as_of);
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
update_confirm_button (ShouhuDashboardPage *self)
{
  const ShouhuDistrictFigures *f = shouhu_district_table_get_selected (self->table);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.confirm-report",
                                 f != NULL && self->figures != NULL && self->figures->as_of != NULL && !f->reported);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.show-worklist", f != NULL);
}

/* 待结对 of the selected district, in a window of its own. */
static void
show_worklist_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShouhuDashboardPage *self = SHOUHU_DASHBOARD_PAGE (widget);
  const ShouhuDistrictFigures *f = shouhu_district_table_get_selected (self->table);

  if (f != NULL)
    gtk_widget_activate_action (widget, "win.show-worklist", "i", f->district_id);
}

/* The table's ledger columns: needs not solved, families not contacted
 * for the days the spin button says. */
static void
show_ledger_counts (ShouhuDashboardPage *self)
{
  g_autoptr(GError) error = NULL;
  ShouhuLedgerCounts counts;

  /* Over a million records the count takes a moment: not while the user
   * records services on another page, only when the overview is seen. */
  self->ledger_stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->ledger_stale)
    return;
  if (!shouhu_ledger_count_districts (self->store, NULL, gtk_spin_button_get_value_as_int (self->revisit_spin),
                                      &counts, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }
  shouhu_district_table_set_ledger (self->table, &counts);
}

/* The gate (绝不上岗): volunteers not ready guard no family, and those
 * whose insurance ends within a week soon will not either. */
static void
show_volunteer_warning (ShouhuDashboardPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 not_ready, ending;

  if (!shouhu_annex2_count_volunteer_readiness (self->store, 0, NULL, &not_ready, &ending, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }
  if (not_ready > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u volunteer is not ready for duty (lacks training, protective "
                                               "gear or insurance): a family paired only with them is not guarded.",
                                               "%u volunteers are not ready for duty (lacking training, protective "
                                               "gear or insurance): a family paired only with them is not guarded.",
                                               (gulong) not_ready),
                            (guint) not_ready);
  if (ending > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "The insurance of %u volunteer ends within %d days.",
                                                 "The insurance of %u volunteers ends within %d days.",
                                                 (gulong) ending),
                              (guint) ending, SHOUHU_INSURANCE_WARN_DAYS);
    }
  gtk_label_set_text (self->volunteer_warning_label, text->str);
  gtk_widget_set_visible (self->volunteer_warning, text->len > 0);
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
  self->figures_stale = FALSE;

  show_totals (self);
  show_volunteer_warning (self);
  update_show_list (self);
  shouhu_district_chart_set_figures (self->chart, self->figures);
  shouhu_district_table_set_figures (self->table, self->figures);
  show_ledger_counts (self);
  update_confirm_button (self);
}

static void
shouhu_dashboard_page_map (GtkWidget *widget)
{
  ShouhuDashboardPage *self = SHOUHU_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (shouhu_dashboard_page_parent_class)->map (widget);
  if (self->figures_stale && self->store != NULL)
    refresh (self);
  else if (self->ledger_stale && self->store != NULL && self->figures != NULL)
    show_ledger_counts (self);
}

static void
revisit_days_changed_cb (ShouhuDashboardPage *self)
{
  int days = gtk_spin_button_get_value_as_int (self->revisit_spin);

  if (days != shouhu_settings_get_revisit_days ())
    shouhu_settings_set_revisit_days (days);
  if (self->store != NULL && self->figures != NULL)
    show_ledger_counts (self);
}

/* With a city's 100,000 records the figures take seconds: a change made
 * on another page (an edit, a pairing, an import) is counted when the
 * overview is shown again, not after every keystroke's save. */
static void
store_changed_cb (ShouhuStore         *store,
                  ShouhuDashboardPage *self)
{
  if (self->figures != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->figures_stale = TRUE;
      return;
    }
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
  const ShouhuDistrictFigures *f = shouhu_district_table_get_selected (self->table);
  g_autoptr(GError) error = NULL;

  if (f == NULL || self->figures->as_of == NULL)
    return;
  if (!shouhu_annex1_confirm_report (self->store, self->figures->as_of, f->district_id, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
}

static void
table_selected_cb (ShouhuDistrictTable *table,
                   GParamSpec          *pspec,
                   ShouhuDashboardPage *self)
{
  update_confirm_button (self);
}

static void
table_activated_cb (ShouhuDistrictTable *table,
                    int                  district_id,
                    ShouhuDashboardPage *self)
{
  g_signal_emit (self, signals[DISTRICT_ACTIVATED], 0, district_id);
}

static void
chart_activated_cb (ShouhuDistrictChart *chart,
                    int                  district_id,
                    ShouhuDashboardPage *self)
{
  g_signal_emit (self, signals[DISTRICT_ACTIVATED], 0, district_id);
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

  g_clear_pointer (&self->figures, shouhu_figures_free);
  g_clear_pointer (&self->dates, g_strfreev);
  g_clear_pointer (&self->chosen_date, g_free);

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
  widget_class->map = shouhu_dashboard_page_map;

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
  g_type_ensure (SHOUHU_TYPE_DISTRICT_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouhu/Shouhu/ui/shouhu-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, load_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, date_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, show_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, show_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, stale_spin);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, revisit_spin);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, definitions_box);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, totals_box);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, volunteer_warning);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, volunteer_warning_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ShouhuDashboardPage, table);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, stale_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, revisit_days_changed_cb);

  gtk_widget_class_bind_template_callback (widget_class, chart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_selected_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.confirm-report", NULL, confirm_report_cb);
  gtk_widget_class_install_action (widget_class, "dashboard.show-worklist", NULL, show_worklist_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "dashboard.show-worklist", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shouhu_dashboard_page_init (ShouhuDashboardPage *self)
{
  self->stale_days = shouhu_settings_get_stale_days ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_value (self->stale_spin, self->stale_days);
  gtk_spin_button_set_value (self->revisit_spin, shouhu_settings_get_revisit_days ());
  add_totals (self);
  add_legend (self);
  add_definitions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.confirm-report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.show-worklist", FALSE);
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

  shouhu_district_table_set_shown_needs (self->table, needs);
}

GtkColumnView *
shouhu_dashboard_page_get_table (ShouhuDashboardPage *self)
{
  g_return_val_if_fail (SHOUHU_IS_DASHBOARD_PAGE (self), NULL);
  return shouhu_district_table_get_column_view (self->table);
}

/* Returns: (nullable): the warning about volunteers not ready or whose
 * insurance ends soon, when it is shown */
const char *
shouhu_dashboard_page_get_volunteer_warning (ShouhuDashboardPage *self)
{
  if (!gtk_widget_get_visible (self->volunteer_warning))
    return NULL;
  return gtk_label_get_text (self->volunteer_warning_label);
}
