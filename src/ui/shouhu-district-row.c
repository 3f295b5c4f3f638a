/* shouhu-district-row.c — one district's figures as an item of a list model
 *
 * The figures are properties so that the table's columns can sort on them
 * with plain GtkNumericSorters.  The ledger's counts (open needs, families
 * 需回访) come from the ledger, beside the figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-district-row.h"

#include <string.h>

struct _ShouhuDistrictRow
{
  GObject                parent_instance;

  ShouhuDistrictFigures  figures;
  gint64                 open_needs;
  gint64                 to_revisit;
};

G_DEFINE_FINAL_TYPE (ShouhuDistrictRow, shouhu_district_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISTRICT_ID,
  PROP_ANNEX1_TOTAL,
  PROP_ANNEX1_HUBEI,
  PROP_WORKERS,
  PROP_COVERED,
  PROP_UNCOVERED,
  PROP_VOLUNTEERS,
  PROP_COVERAGE,
  PROP_NEEDS_ATTENTION,
  PROP_OPEN_NEEDS,
  PROP_TO_REVISIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
shouhu_district_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ShouhuDistrictRow *self = SHOUHU_DISTRICT_ROW (object);
  const ShouhuDistrictFigures *f = &self->figures;

  switch (prop_id)
    {
    case PROP_DISTRICT_ID:
      g_value_set_int (value, f->district_id);
      break;
    case PROP_ANNEX1_TOTAL:
      g_value_set_int64 (value, f->annex1_total);
      break;
    case PROP_ANNEX1_HUBEI:
      g_value_set_int64 (value, f->annex1_hubei);
      break;
    case PROP_WORKERS:
      g_value_set_int64 (value, f->workers);
      break;
    case PROP_COVERED:
      g_value_set_int64 (value, f->covered);
      break;
    case PROP_UNCOVERED:
      g_value_set_int64 (value, f->uncovered);
      break;
    case PROP_VOLUNTEERS:
      g_value_set_int64 (value, f->volunteers);
      break;
    case PROP_COVERAGE:
      /* Nobody recorded sorts below any share of coverage. */
      g_value_set_double (value, f->workers > 0 ? shouhu_figures_coverage (f) : -1.0);
      break;
    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, f->needs_attention);
      break;
    case PROP_OPEN_NEEDS:
      g_value_set_int64 (value, self->open_needs);
      break;
    case PROP_TO_REVISIT:
      g_value_set_int64 (value, self->to_revisit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
shouhu_district_row_class_init (ShouhuDistrictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shouhu_district_row_get_property;

  properties[PROP_DISTRICT_ID] =
    g_param_spec_int ("district-id", NULL, NULL, 0, SHOUHU_N_DISTRICTS, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNEX1_TOTAL] = count_property ("annex1-total");
  properties[PROP_ANNEX1_HUBEI] = count_property ("annex1-hubei");
  properties[PROP_WORKERS] = count_property ("workers");
  properties[PROP_COVERED] = count_property ("covered");
  properties[PROP_UNCOVERED] = count_property ("uncovered");
  properties[PROP_VOLUNTEERS] = count_property ("volunteers");
  properties[PROP_COVERAGE] =
    g_param_spec_double ("coverage", NULL, NULL, -1.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_NEEDS] = count_property ("open-needs");
  properties[PROP_TO_REVISIT] = count_property ("to-revisit");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shouhu_district_row_init (ShouhuDistrictRow *self)
{
}

ShouhuDistrictRow *
shouhu_district_row_new (const ShouhuDistrictFigures *figures)
{
  ShouhuDistrictRow *self = g_object_new (SHOUHU_TYPE_DISTRICT_ROW, NULL);

  self->figures = *figures;
  return self;
}

const ShouhuDistrictFigures *
shouhu_district_row_get_figures (ShouhuDistrictRow *self)
{
  g_return_val_if_fail (SHOUHU_IS_DISTRICT_ROW (self), NULL);
  return &self->figures;
}

/* Notifies every figure at once: the table rebinds the row anyway. */
void
shouhu_district_row_set_figures (ShouhuDistrictRow           *self,
                                 const ShouhuDistrictFigures *figures)
{
  g_return_if_fail (SHOUHU_IS_DISTRICT_ROW (self));

  if (memcmp (&self->figures, figures, sizeof *figures) == 0)
    return;
  self->figures = *figures;
  g_object_freeze_notify (G_OBJECT (self));
  for (int i = PROP_ANNEX1_TOTAL; i <= PROP_NEEDS_ATTENTION; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The ledger's counts of the district: needs not solved, families 需回访. */
void
shouhu_district_row_set_ledger (ShouhuDistrictRow *self,
                                gint64             open_needs,
                                gint64             to_revisit)
{
  g_return_if_fail (SHOUHU_IS_DISTRICT_ROW (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->open_needs != open_needs)
    {
      self->open_needs = open_needs;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_NEEDS]);
    }
  if (self->to_revisit != to_revisit)
    {
      self->to_revisit = to_revisit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_REVISIT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
shouhu_district_row_get_open_needs (ShouhuDistrictRow *self)
{
  g_return_val_if_fail (SHOUHU_IS_DISTRICT_ROW (self), 0);
  return self->open_needs;
}

gint64
shouhu_district_row_get_to_revisit (ShouhuDistrictRow *self)
{
  g_return_val_if_fail (SHOUHU_IS_DISTRICT_ROW (self), 0);
  return self->to_revisit;
}
