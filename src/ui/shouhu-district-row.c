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
  PROP_REPORTED,
  PROP_ANNEX1_TOTAL,
  PROP_TOTAL_DELTA,
  PROP_ANNEX1_HUBEI,
  PROP_HUBEI_DELTA,
  PROP_WORKERS,
  PROP_REGISTERED_RATE,
  PROP_PAIRED,
  PROP_PAIRED_RATE,
  PROP_GUARDED,
  PROP_GUARDED_RATE,
  PROP_VOLUNTEERS,
  PROP_ANNEX2_AGE,
  PROP_NEEDS,
  PROP_OPEN_NEEDS,
  PROP_TO_REVISIT,
  PROP_BASIC_GUARDED,
  PROP_NEEDS_UNMET,
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
    case PROP_REPORTED:
      g_value_set_int (value, f->reported);
      break;
    case PROP_ANNEX1_TOTAL:
      g_value_set_int64 (value, f->annex1_total);
      break;
    case PROP_TOTAL_DELTA:
      g_value_set_int64 (value, f->total_delta);
      break;
    case PROP_ANNEX1_HUBEI:
      g_value_set_int64 (value, f->annex1_hubei);
      break;
    case PROP_HUBEI_DELTA:
      g_value_set_int64 (value, f->hubei_delta);
      break;
    case PROP_WORKERS:
      g_value_set_int64 (value, f->workers);
      break;
    case PROP_REGISTERED_RATE:
      g_value_set_double (value, shouhu_figures_rate (f, SHOUHU_RATE_REGISTERED));
      break;
    case PROP_PAIRED:
      g_value_set_int64 (value, f->paired);
      break;
    case PROP_PAIRED_RATE:
      g_value_set_double (value, shouhu_figures_rate (f, SHOUHU_RATE_PAIRED));
      break;
    case PROP_GUARDED:
      g_value_set_int64 (value, f->guarded);
      break;
    case PROP_GUARDED_RATE:
      g_value_set_double (value, shouhu_figures_rate (f, SHOUHU_RATE_GUARDED));
      break;
    case PROP_VOLUNTEERS:
      g_value_set_int64 (value, f->volunteers);
      break;
    case PROP_ANNEX2_AGE:
      /* Never changed is the stalest of all. */
      g_value_set_int (value, f->annex2_age < 0 ? G_MAXINT : f->annex2_age);
      break;
    case PROP_NEEDS:
      g_value_set_uint (value, f->needs);
      break;
    case PROP_OPEN_NEEDS:
      g_value_set_int64 (value, self->open_needs);
      break;
    case PROP_TO_REVISIT:
      g_value_set_int64 (value, self->to_revisit);
      break;
    case PROP_BASIC_GUARDED:
      g_value_set_int64 (value, f->basic_guarded);
      break;
    case PROP_NEEDS_UNMET:
      g_value_set_int64 (value, f->needs_registered - f->needs_met);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/* -1 where the rate is not defined, so that it sorts below any rate. */
static GParamSpec *
rate_property (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int_property (const char *name,
              int         maximum)
{
  return g_param_spec_int (name, NULL, NULL, 0, maximum, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
shouhu_district_row_class_init (ShouhuDistrictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shouhu_district_row_get_property;

  properties[PROP_DISTRICT_ID] = int_property ("district-id", SHOUHU_N_DISTRICTS);
  properties[PROP_REPORTED] = int_property ("reported", 1);
  properties[PROP_ANNEX1_TOTAL] = count_property ("annex1-total");
  properties[PROP_TOTAL_DELTA] = count_property ("total-delta");
  properties[PROP_ANNEX1_HUBEI] = count_property ("annex1-hubei");
  properties[PROP_HUBEI_DELTA] = count_property ("hubei-delta");
  properties[PROP_WORKERS] = count_property ("workers");
  properties[PROP_REGISTERED_RATE] = rate_property ("registered-rate");
  properties[PROP_PAIRED] = count_property ("paired");
  properties[PROP_PAIRED_RATE] = rate_property ("paired-rate");
  properties[PROP_GUARDED] = count_property ("guarded");
  properties[PROP_GUARDED_RATE] = rate_property ("guarded-rate");
  properties[PROP_VOLUNTEERS] = count_property ("volunteers");
  properties[PROP_ANNEX2_AGE] = int_property ("annex2-age", G_MAXINT);
  properties[PROP_NEEDS] =
    g_param_spec_uint ("needs", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_NEEDS] = count_property ("open-needs");
  properties[PROP_TO_REVISIT] = count_property ("to-revisit");
  properties[PROP_BASIC_GUARDED] = count_property ("basic-guarded");
  properties[PROP_NEEDS_UNMET] = count_property ("needs-unmet");
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
  for (int i = PROP_REPORTED; i <= PROP_NEEDS; i++)
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
