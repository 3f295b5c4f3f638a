/* shouhu-district-chart.c — the 41 district units as bars
 *
 * One row per district: its name, a bar of its Annex 1 共计 split into
 * 支援湖北 and the rest, and under it a bar of its Annex 2 records on the
 * same scale, split into families with a volunteer ready for duty, with
 * volunteers not ready yet and without any, over a faint track as long as
 * the Annex 1 total (what is not recorded yet).  The total and the
 * guarding rate (守护率) are printed at the right.  Text is measured
 * with Pango, so no label is ever cut: the name column is as wide as the
 * widest name in the current font.
 *
 * Screen readers cannot see drawn bars: each row also has an empty child
 * in the list item role, laid over the row, whose name is the district
 * and its figures (shouhu_district_accessible_name(), as the table's rows
 * are named); the row under the keyboard cursor is the selected one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shouhu-date.h"
#include "shouhu-district-chart.h"

#define PADDING     8
#define GAP         12
#define DOT_SIZE    7
#define MIN_BARS    120
#define NAT_BARS    360

struct _ShouhuDistrictChart
{
  GtkWidget              parent_instance;

  ShouhuFigures         *all;                        /* a copy, for the descriptions */
  ShouhuDistrictFigures *figures;                    /* all->districts */
  int                    order[SHOUHU_N_DISTRICTS];  /* row → index into figures */
  ShouhuChartSort        sort;
  int                    cursor;                     /* row, -1 before any */
  int                    hover;                      /* row, -1 outside */
  GtkWidget             *items[SHOUHU_N_DISTRICTS];  /* row → its accessible item */
};

G_DEFINE_FINAL_TYPE (ShouhuDistrictChart, shouhu_district_chart, GTK_TYPE_WIDGET)

enum {
  DISTRICT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The colours of the legend in style.css (.chart-swatch.*). */
static const GdkRGBA hubei_color     = { 0.90, 0.38, 0.00, 1.0 };  /* #e66100 */
static const GdkRGBA rest_color      = { 0.98, 0.75, 0.45, 1.0 };  /* #f9bf73 */
static const GdkRGBA guarded_color   = { 0.18, 0.62, 0.40, 1.0 };  /* #2e9e66 */
static const GdkRGBA waiting_color   = { 0.90, 0.65, 0.04, 1.0 };  /* #e5a50a */
static const GdkRGBA unpaired_color  = { 0.88, 0.11, 0.14, 1.0 };  /* #e01b24 */

typedef struct
{
  int name_width;
  int total_width;
  int rate_width;
  int text_height;
  int header_height;
  int row_height;
} Metrics;

static int
text_width (GtkWidget  *widget,
            const char *text,
            int        *height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (height != NULL)
    *height = MAX (*height, h);
  return w;
}

static void
measure_text (ShouhuDistrictChart *self,
              Metrics             *m)
{
  GtkWidget *widget = GTK_WIDGET (self);
  char buf[32];

  *m = (Metrics) { 0 };
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      m->name_width = MAX (m->name_width, text_width (widget, shouhu_district_get (i + 1)->name,
                                                      &m->text_height));
      g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, self->figures[i].annex1_total);
      m->total_width = MAX (m->total_width, text_width (widget, buf, NULL));
    }
  m->total_width = MAX (m->total_width, text_width (widget, C_("chart column", "Total"), &m->text_height));
  m->rate_width = MAX (text_width (widget, "100%", NULL),
                       text_width (widget, shouhu_rate_name (SHOUHU_RATE_GUARDED), &m->text_height));
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      g_autofree char *rate = shouhu_format_rate (shouhu_figures_rate (&self->figures[i], SHOUHU_RATE_GUARDED));
      m->rate_width = MAX (m->rate_width, text_width (widget, rate, NULL));
    }
  m->header_height = m->text_height + 6;
  m->row_height = MAX (m->text_height + 8, 26);
}

static int
bars_x (const Metrics *m)
{
  return PADDING + DOT_SIZE + 6 + m->name_width + GAP;
}

static int
bars_width (ShouhuDistrictChart *self,
            const Metrics       *m)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return MAX (1, width - bars_x (m) - GAP - m->total_width - GAP - m->rate_width - PADDING);
}

static int
row_at_y (ShouhuDistrictChart *self,
          double               y)
{
  Metrics m;
  int row;

  measure_text (self, &m);
  y -= PADDING + m.header_height;
  if (y < 0)
    return -1;
  row = (int) (y / m.row_height);
  return row < SHOUHU_N_DISTRICTS ? row : -1;
}

static double
sort_key (const ShouhuDistrictFigures *f,
          ShouhuChartSort              sort)
{
  switch (sort)
    {
    case SHOUHU_CHART_SORT_TOTAL:
      return -(double) f->annex1_total;
    case SHOUHU_CHART_SORT_HUBEI:
      return -(double) f->annex1_hubei;
    case SHOUHU_CHART_SORT_WORKERS:
      return -(double) f->workers;
    case SHOUHU_CHART_SORT_UNGUARDED:
      return -(double) (MAX (f->annex1_total, f->workers) - f->guarded);
    case SHOUHU_CHART_SORT_VOLUNTEERS:
      return -(double) f->volunteers;
    case SHOUHU_CHART_SORT_GUARDING:
      /* Nobody in Annex 1 (no rate) comes before any rate. */
      return shouhu_figures_rate (f, SHOUHU_RATE_GUARDED);
    case SHOUHU_CHART_SORT_OFFICIAL:
    default:
      return 0.0;
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  ShouhuDistrictChart *self = user_data;
  const ShouhuDistrictFigures *fa = &self->figures[*(const int *) a];
  const ShouhuDistrictFigures *fb = &self->figures[*(const int *) b];
  double ka = sort_key (fa, self->sort);
  double kb = sort_key (fb, self->sort);

  if (ka != kb)
    return ka < kb ? -1 : 1;
  return fa->district_id - fb->district_id;
}

/* The names of the rows' items, in the order shown, and which is
 * under the cursor. */
static void
name_items (ShouhuDistrictChart *self)
{
  for (int row = 0; row < SHOUHU_N_DISTRICTS; row++)
    {
      g_autofree char *name = shouhu_district_accessible_name (self->all, &self->figures[self->order[row]]);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->items[row]), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->items[row]), GTK_ACCESSIBLE_STATE_SELECTED,
                                   row == self->cursor, -1);
    }
}

static void
sort_rows (ShouhuDistrictChart *self)
{
  int cursor_district = shouhu_district_chart_get_cursor (self);

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    self->order[i] = i;
  g_qsort_with_data (self->order, SHOUHU_N_DISTRICTS, sizeof (int), compare_rows, self);

  /* The keyboard cursor stays on its district wherever it moved to. */
  if (cursor_district > 0)
    for (int row = 0; row < SHOUHU_N_DISTRICTS; row++)
      if (self->order[row] == cursor_district - 1)
        self->cursor = row;
  name_items (self);
}

static void
scroll_to_row (ShouhuDistrictChart *self,
               int                  row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj;
  double y = 0;
  Metrics m;

  if (scrolled == NULL)
    return;
  measure_text (self, &m);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                         0, PADDING + m.header_height + row * m.row_height, NULL, &y))
    return;
  /* The viewport's child coordinates move with the scroll position. */
  y += gtk_adjustment_get_value (adj);
  gtk_adjustment_clamp_page (adj, y - (row == 0 ? m.header_height + PADDING : 0), y + m.row_height);
}

static void
move_cursor (ShouhuDistrictChart *self,
             int                  row)
{
  row = CLAMP (row, 0, SHOUHU_N_DISTRICTS - 1);
  if (row == self->cursor)
    return;
  self->cursor = row;
  scroll_to_row (self, row);
  name_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_row (ShouhuDistrictChart *self,
              int                  row)
{
  if (row < 0 || row >= SHOUHU_N_DISTRICTS)
    return;
  g_signal_emit (self, signals[DISTRICT_ACTIVATED], 0, self->figures[self->order[row]].district_id);
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuDistrictChart *self = SHOUHU_DISTRICT_CHART (widget);
  int delta = g_variant_get_int32 (parameter);

  if (self->cursor < 0)
    move_cursor (self, delta > 0 ? 0 : SHOUHU_N_DISTRICTS - 1);
  else
    move_cursor (self, self->cursor + delta);
}

static void
activate_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShouhuDistrictChart *self = SHOUHU_DISTRICT_CHART (widget);

  activate_row (self, self->cursor);
}

static void
click_released_cb (GtkGestureClick     *gesture,
                   int                  n_press,
                   double               x,
                   double               y,
                   ShouhuDistrictChart *self)
{
  int row = row_at_y (self, y);

  if (row < 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  move_cursor (self, row);
  if (n_press == 1)
    activate_row (self, row);
}

static void
set_hover (ShouhuDistrictChart *self,
           int                  row)
{
  if (row == self->hover)
    return;
  self->hover = row;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           ShouhuDistrictChart      *self)
{
  set_hover (self, row_at_y (self, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          ShouhuDistrictChart      *self)
{
  set_hover (self, -1);
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                ShouhuDistrictChart     *self)
{
  if (self->cursor < 0)
    move_cursor (self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                ShouhuDistrictChart     *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fill_rect (GtkSnapshot   *snapshot,
           const GdkRGBA *color,
           double         x,
           double         y,
           double         width,
           double         height)
{
  if (width <= 0 || height <= 0)
    return;
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
draw_text (ShouhuDistrictChart *self,
           GtkSnapshot         *snapshot,
           const char          *text,
           const GdkRGBA       *color,
           double               x,
           double               y,
           double               width,
           double               xalign)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) (x + (width - w) * xalign), (float) y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_dot (GtkSnapshot   *snapshot,
          const GdkRGBA *color,
          double         x,
          double         y)
{
  GskRoundedRect dot;

  gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x, y, DOT_SIZE, DOT_SIZE), DOT_SIZE / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, color, &dot.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
draw_row (ShouhuDistrictChart *self,
          GtkSnapshot         *snapshot,
          const Metrics       *m,
          int                  row,
          double               scale,
          const GdkRGBA       *fg)
{
  const ShouhuDistrictFigures *f = &self->figures[self->order[row]];
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double y = PADDING + m->header_height + row * m->row_height;
  double bx = bars_x (m);
  double bw = bars_width (self, m);
  double bar_h = (m->row_height - 8) / 2.0;
  double text_y = y + (m->row_height - m->text_height) / 2.0;
  GdkRGBA faint = *fg;
  char total[32];
  g_autofree char *rate = shouhu_format_rate (shouhu_figures_rate (f, SHOUHU_RATE_GUARDED));

  if (row == self->hover)
    {
      faint.alpha = 0.06f;
      fill_rect (snapshot, &faint, 0, y, width, m->row_height);
    }
  if (row == self->cursor && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      GskRoundedRect outline;
      GdkRGBA focus = *fg;
      GdkRGBA colors[4];
      float widths[4] = { 1, 1, 1, 1 };

      focus.alpha = 0.6f;
      for (int i = 0; i < 4; i++)
        colors[i] = focus;
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, y, width - 2, m->row_height), 3);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }

  if (f->needs != 0)
    draw_dot (snapshot, &unpaired_color, PADDING, y + (m->row_height - DOT_SIZE) / 2.0);
  draw_text (self, snapshot, shouhu_district_get (f->district_id)->name, fg,
             PADDING + DOT_SIZE + 6, text_y, m->name_width, 1.0);

  /* Annex 1: 支援湖北 first, then the rest of 共计. */
  fill_rect (snapshot, &hubei_color, bx, y + 3, bw * f->annex1_hubei / scale, bar_h);
  fill_rect (snapshot, &rest_color, bx + bw * f->annex1_hubei / scale, y + 3,
             bw * (f->annex1_total - f->annex1_hubei) / scale, bar_h);

  /* Annex 2 on the same scale, over a track as long as the Annex 1 total. */
  faint = *fg;
  faint.alpha = 0.12f;
  fill_rect (snapshot, &faint, bx, y + 5 + bar_h, bw * f->annex1_total / scale, bar_h);
  fill_rect (snapshot, &guarded_color, bx, y + 5 + bar_h, bw * f->guarded / scale, bar_h);
  fill_rect (snapshot, &waiting_color, bx + bw * f->guarded / scale, y + 5 + bar_h,
             bw * (f->paired - f->guarded) / scale, bar_h);
  fill_rect (snapshot, &unpaired_color, bx + bw * f->paired / scale, y + 5 + bar_h,
             bw * (f->workers - f->paired) / scale, bar_h);

  g_snprintf (total, sizeof total, "%" G_GINT64_FORMAT, f->annex1_total);
  draw_text (self, snapshot, total, fg, bx + bw + GAP, text_y, m->total_width, 1.0);
  draw_text (self, snapshot, rate, fg, width - PADDING - m->rate_width, text_y, m->rate_width, 1.0);
}

static void
shouhu_district_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  ShouhuDistrictChart *self = SHOUHU_DISTRICT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, dim;
  double scale = 1;
  Metrics m;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg;
  dim.alpha *= 0.7f;

  measure_text (self, &m);
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    scale = MAX (scale, MAX (self->figures[i].annex1_total, self->figures[i].workers));

  draw_text (self, snapshot, C_("chart column", "Total"), &dim,
             bars_x (&m) + bars_width (self, &m) + GAP, PADDING, m.total_width, 1.0);
  draw_text (self, snapshot, shouhu_rate_name (SHOUHU_RATE_GUARDED), &dim,
             width - PADDING - m.rate_width, PADDING, m.rate_width, 1.0);

  for (int row = 0; row < SHOUHU_N_DISTRICTS; row++)
    draw_row (self, snapshot, &m, row, scale, &fg);
}

static void
shouhu_district_chart_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  ShouhuDistrictChart *self = SHOUHU_DISTRICT_CHART (widget);
  Metrics m;

  measure_text (self, &m);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int fixed = bars_x (&m) + GAP + m.total_width + GAP + m.rate_width + PADDING;

      *minimum = fixed + MIN_BARS;
      *natural = fixed + NAT_BARS;
    }
  else
    *minimum = *natural = 2 * PADDING + m.header_height + SHOUHU_N_DISTRICTS * m.row_height;
}

/* Each row's accessible item over its row. */
static void
shouhu_district_chart_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  ShouhuDistrictChart *self = SHOUHU_DISTRICT_CHART (widget);
  Metrics m;

  measure_text (self, &m);
  for (int row = 0; row < SHOUHU_N_DISTRICTS; row++)
    {
      int min_width, min_height;

      gtk_widget_measure (self->items[row], GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (self->items[row], GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->items[row],
                                &(GtkAllocation) { 0, PADDING + m.header_height + row * m.row_height,
                                                   MAX (width, min_width), MAX (m.row_height, min_height) },
                                -1);
    }
}

static gboolean
shouhu_district_chart_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard_tooltip,
                                     GtkTooltip *tooltip)
{
  ShouhuDistrictChart *self = SHOUHU_DISTRICT_CHART (widget);
  int row = keyboard_tooltip ? self->cursor : row_at_y (self, y);
  g_autofree char *markup = NULL;
  Metrics m;

  if (row < 0)
    return FALSE;
  measure_text (self, &m);
  markup = shouhu_district_chart_describe (self, self->figures[self->order[row]].district_id);
  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) { 0, PADDING + m.header_height + row * m.row_height,
                                              gtk_widget_get_width (widget), m.row_height });
  return TRUE;
}

static void
shouhu_district_chart_finalize (GObject *object)
{
  ShouhuDistrictChart *self = SHOUHU_DISTRICT_CHART (object);

  g_clear_pointer (&self->all, shouhu_figures_free);

  G_OBJECT_CLASS (shouhu_district_chart_parent_class)->finalize (object);
}

static void
shouhu_district_chart_dispose (GObject *object)
{
  ShouhuDistrictChart *self = SHOUHU_DISTRICT_CHART (object);

  for (int row = 0; row < SHOUHU_N_DISTRICTS; row++)
    g_clear_pointer (&self->items[row], gtk_widget_unparent);

  G_OBJECT_CLASS (shouhu_district_chart_parent_class)->dispose (object);
}

static void
shouhu_district_chart_class_init (ShouhuDistrictChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { guint key; int delta; } moves[] = {
    { GDK_KEY_Up, -1 }, { GDK_KEY_KP_Up, -1 }, { GDK_KEY_Left, -1 }, { GDK_KEY_KP_Left, -1 },
    { GDK_KEY_Down, 1 }, { GDK_KEY_KP_Down, 1 }, { GDK_KEY_Right, 1 }, { GDK_KEY_KP_Right, 1 },
    { GDK_KEY_Page_Up, -10 }, { GDK_KEY_Page_Down, 10 },
    { GDK_KEY_Home, -SHOUHU_N_DISTRICTS }, { GDK_KEY_End, SHOUHU_N_DISTRICTS },
  };

  object_class->dispose = shouhu_district_chart_dispose;
  object_class->finalize = shouhu_district_chart_finalize;

  widget_class->snapshot = shouhu_district_chart_snapshot;
  widget_class->measure = shouhu_district_chart_measure;
  widget_class->size_allocate = shouhu_district_chart_size_allocate;
  widget_class->query_tooltip = shouhu_district_chart_query_tooltip;

  /**
   * ShouhuDistrictChart::district-activated:
   * @district_id: 1..41
   *
   * A district was clicked, or Enter was pressed on it.
   */
  signals[DISTRICT_ACTIVATED] = g_signal_new ("district-activated",
                                              G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.move", "i", move_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, activate_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, 0, "chart.move", "i", moves[i].delta);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "shouhu-district-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
shouhu_district_chart_init (ShouhuDistrictChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->cursor = -1;
  self->hover = -1;
  self->all = g_new0 (ShouhuFigures, 1);
  self->figures = self->all->districts;
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      self->figures[i].district_id = i + 1;
      self->order[i] = i;
    }

  /* Not drawn and not under the pointer: the chart draws and takes the
   * clicks, the items are only read. */
  for (int row = 0; row < SHOUHU_N_DISTRICTS; row++)
    {
      self->items[row] = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM, NULL);
      gtk_widget_set_can_target (self->items[row], FALSE);
      gtk_widget_set_parent (self->items[row], GTK_WIDGET (self));
    }
  name_items (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Frontline medical staff and volunteer coverage per district"), -1);
}

/* Public API */

void
shouhu_district_chart_set_figures (ShouhuDistrictChart *self,
                                   const ShouhuFigures *figures)
{
  g_return_if_fail (SHOUHU_IS_DISTRICT_CHART (self));
  g_return_if_fail (figures != NULL);

  shouhu_figures_free (self->all);
  self->all = shouhu_figures_copy (figures);
  self->figures = self->all->districts;
  sort_rows (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
shouhu_district_chart_set_sort (ShouhuDistrictChart *self,
                                ShouhuChartSort      sort)
{
  g_return_if_fail (SHOUHU_IS_DISTRICT_CHART (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  sort_rows (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

ShouhuChartSort
shouhu_district_chart_get_sort (ShouhuDistrictChart *self)
{
  g_return_val_if_fail (SHOUHU_IS_DISTRICT_CHART (self), SHOUHU_CHART_SORT_OFFICIAL);
  return self->sort;
}

/**
 * shouhu_district_chart_get_cursor:
 *
 * Returns: the district under the keyboard cursor, 0 before any
 */
int
shouhu_district_chart_get_cursor (ShouhuDistrictChart *self)
{
  g_return_val_if_fail (SHOUHU_IS_DISTRICT_CHART (self), 0);

  if (self->cursor < 0)
    return 0;
  return self->figures[self->order[self->cursor]].district_id;
}

void
shouhu_district_chart_set_cursor (ShouhuDistrictChart *self,
                                  int                  district_id)
{
  g_return_if_fail (SHOUHU_IS_DISTRICT_CHART (self));

  for (int row = 0; row < SHOUHU_N_DISTRICTS; row++)
    if (self->figures[self->order[row]].district_id == district_id)
      move_cursor (self, row);
}

/**
 * shouhu_district_chart_get_district_at_row:
 * @row: 0 for the top row
 *
 * Returns: the district shown in @row in the current order, 0 for none
 */
int
shouhu_district_chart_get_district_at_row (ShouhuDistrictChart *self,
                                           int                  row)
{
  g_return_val_if_fail (SHOUHU_IS_DISTRICT_CHART (self), 0);

  if (row < 0 || row >= SHOUHU_N_DISTRICTS)
    return 0;
  return self->figures[self->order[row]].district_id;
}

/**
 * shouhu_district_chart_describe:
 *
 * Returns: (transfer full): the exact figures of the district and what
 *   it needs, as markup
 */
char *
shouhu_district_chart_describe (ShouhuDistrictChart *self,
                                int                  district_id)
{
  g_autofree char *head = NULL;
  g_autofree char *body = NULL;
  g_autofree char *needs = NULL;

  g_return_val_if_fail (SHOUHU_IS_DISTRICT_CHART (self), NULL);
  g_return_val_if_fail (district_id >= 1 && district_id <= SHOUHU_N_DISTRICTS, NULL);

  head = g_markup_printf_escaped ("<b>%s</b>", shouhu_district_get (district_id)->name);
  body = shouhu_describe_district (self->all, &self->figures[district_id - 1]);
  needs = shouhu_figures_describe_needs (self->all, &self->figures[district_id - 1], FALSE);
  if (needs != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (needs, -1);
      return g_strdup_printf ("%s\n%s\n<i>%s</i>", head, body, escaped);
    }
  return g_strdup_printf ("%s\n%s", head, body);
}

static char *
count_and_rate (const ShouhuDistrictFigures *f,
                gint64                       count,
                ShouhuRate                   rate)
{
  g_autofree char *text = shouhu_format_rate (shouhu_figures_rate (f, rate));

  /* Translators: a count, then a rate and its value, e.g. "51 (Registration rate 46%)" */
  return g_strdup_printf (_("%lld (%s %s)"), (long long) count, shouhu_rate_name (rate), text);
}

/**
 * shouhu_describe_district:
 *
 * Returns: (transfer full): the district's figures, one per line, as the
 *   chart's and the table's tooltips show them (plain text)
 */
char *
shouhu_describe_district (const ShouhuFigures         *figures,
                          const ShouhuDistrictFigures *f)
{
  g_autofree char *total_delta = shouhu_format_delta (figures, f->total_delta);
  g_autofree char *hubei_delta = shouhu_format_delta (figures, f->hubei_delta);
  g_autofree char *workers = count_and_rate (f, f->workers, SHOUHU_RATE_REGISTERED);
  g_autofree char *paired = count_and_rate (f, f->paired, SHOUHU_RATE_PAIRED);
  g_autofree char *guarded = count_and_rate (f, f->guarded, SHOUHU_RATE_GUARDED);
  g_autofree char *changed = shouhu_format_annex2_change (f);

  return g_strdup_printf (_("Frontline medical staff (Annex 1): %lld (since the date before: %s)\n"
                            "Of whom supporting Hubei: %lld (since the date before: %s)\n"
                            "Recorded in Annex 2: %s\n"
                            "Families with a paired volunteer: %s\n"
                            "Families with a volunteer ready for duty: %s\n"
                            "Volunteers: %lld\n"
                            "Annex 2 last changed: %s"),
                          (long long) f->annex1_total, total_delta,
                          (long long) f->annex1_hubei, hubei_delta,
                          workers, paired, guarded, (long long) f->volunteers, changed);
}

/**
 * shouhu_district_accessible_name:
 *
 * Returns: (transfer full): what a screen reader reads for the district's
 *   row in the overview's table and chart: its name, figures and needs
 */
char *
shouhu_district_accessible_name (const ShouhuFigures         *figures,
                                 const ShouhuDistrictFigures *f)
{
  g_autofree char *rate = shouhu_format_rate (shouhu_figures_rate (f, SHOUHU_RATE_GUARDED));
  g_autofree char *needs = shouhu_figures_describe_needs (figures, f, FALSE);
  g_autofree char *name = NULL;

  /* Translators: a district for screen readers: 区县, its Annex 1 总人数
   * and 支援湖北, its Annex 2 records, 守护率 */
  name = g_strdup_printf (_("%s: %lld frontline medical staff, %lld of them supporting Hubei, "
                            "%lld recorded in Annex 2, guarding rate %s"),
                          shouhu_district_get (f->district_id)->name, (long long) f->annex1_total,
                          (long long) f->annex1_hubei, (long long) f->workers, rate);
  if (needs == NULL)
    return g_steal_pointer (&name);
  /* Translators: a district's figures, then what it needs */
  return g_strdup_printf (_("%s; %s"), name, needs);
}

/**
 * shouhu_format_annex2_change:
 *
 * Returns: (transfer full): "2020-02-08 10:32 (3 days ago), imported from
 *   “渝中区.xlsx”", "…, typed in", or "never"
 */
char *
shouhu_format_annex2_change (const ShouhuDistrictFigures *f)
{
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;

  if (f->annex2_changed[0] == '\0')
    return g_strdup (_("never"));
  date = shouhu_format_date_time (f->annex2_changed);
  if (f->annex2_age == 0)
    /* Translators: %s is a date */
    when = g_strdup_printf (_("%s (today)"), date);
  else
    when = g_strdup_printf (ngettext ("%s (%d day ago)", "%s (%d days ago)", f->annex2_age),
                            date, f->annex2_age);
  switch (f->annex2_source)
    {
    case SHOUHU_CHANGE_TYPED:
      /* Translators: when Annex 2 last changed, then that it was typed
       * in (录入) in the window: the editor, a delete or an undo */
      return g_strdup_printf (_("%s, typed in (editor, delete or undo)"), when);
    case SHOUHU_CHANGE_IMPORT:
      if (f->annex2_file[0] == '\0')
        /* Translators: when Annex 2 last changed, then that an import did it */
        return g_strdup_printf (_("%s, imported"), when);
      /* Translators: when Annex 2 last changed, then the file imported */
      return g_strdup_printf (_("%s, imported from “%s”"), when, f->annex2_file);
    case SHOUHU_CHANGE_NONE:
    default:
      return g_steal_pointer (&when);
    }
}
