/* shouhu-volunteer-row.c — one row of the volunteers' list, as a list item
 *
 * A light handle on a row of the index: items are made only for the rows
 * on screen, never for all 100,000.  Its properties are the page's
 * columns, read-only: an index never changes, a reload makes a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-volunteer-row.h"

struct _ShouhuVolunteerRow
{
  GObject               parent_instance;

  ShouhuVolunteerIndex *index;
  guint                 position;
};

G_DEFINE_FINAL_TYPE (ShouhuVolunteerRow, shouhu_volunteer_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GENDER,
  PROP_PHONE,
  PROP_DISTRICT,
  PROP_TOWN,
  PROP_VILLAGE,
  PROP_SOURCE,
  PROP_SKILLS_LABEL,
  PROP_STATUS_LABEL,
  PROP_READY,
  PROP_LACKS,
  PROP_INSURANCE_WARNS,
  PROP_N_FAMILIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
shouhu_volunteer_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ShouhuVolunteerRow *self = SHOUHU_VOLUNTEER_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, shouhu_volunteer_row_get_id (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, shouhu_volunteer_row_get_name (self));
      break;
    case PROP_GENDER:
      g_value_set_string (value, shouhu_volunteer_row_get_gender (self));
      break;
    case PROP_PHONE:
      g_value_set_string (value, shouhu_volunteer_row_get_phone (self));
      break;
    case PROP_DISTRICT:
      g_value_set_string (value, shouhu_volunteer_row_get_district (self));
      break;
    case PROP_TOWN:
      g_value_set_string (value, shouhu_volunteer_row_get_town (self));
      break;
    case PROP_VILLAGE:
      g_value_set_string (value, shouhu_volunteer_row_get_village (self));
      break;
    case PROP_SOURCE:
      g_value_set_string (value, shouhu_volunteer_row_get_source (self));
      break;
    case PROP_SKILLS_LABEL:
      g_value_take_string (value, shouhu_volunteer_row_dup_skills_label (self));
      break;
    case PROP_STATUS_LABEL:
      g_value_take_string (value, shouhu_volunteer_row_dup_status_label (self));
      break;
    case PROP_READY:
      g_value_set_boolean (value, shouhu_volunteer_row_get_ready (self));
      break;
    case PROP_LACKS:
      g_value_set_uint (value, shouhu_volunteer_row_get_lacks (self));
      break;
    case PROP_INSURANCE_WARNS:
      g_value_set_boolean (value, shouhu_volunteer_row_get_insurance_warns (self));
      break;
    case PROP_N_FAMILIES:
      g_value_set_uint (value, shouhu_volunteer_row_get_n_families (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shouhu_volunteer_row_finalize (GObject *object)
{
  ShouhuVolunteerRow *self = SHOUHU_VOLUNTEER_ROW (object);

  g_clear_pointer (&self->index, shouhu_volunteer_index_unref);

  G_OBJECT_CLASS (shouhu_volunteer_row_parent_class)->finalize (object);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
shouhu_volunteer_row_class_init (ShouhuVolunteerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shouhu_volunteer_row_get_property;
  object_class->finalize = shouhu_volunteer_row_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_GENDER] = string_property ("gender");
  properties[PROP_PHONE] = string_property ("phone");
  /* The district's name, "" when not known. */
  properties[PROP_DISTRICT] = string_property ("district");
  properties[PROP_TOWN] = string_property ("town");
  properties[PROP_VILLAGE] = string_property ("village");
  /* 来源 as stored (党员, 教师, …): the roster's words, not translated. */
  properties[PROP_SOURCE] = string_property ("source");
  /* 专长, translated, joined for a cell. */
  properties[PROP_SKILLS_LABEL] = string_property ("skills-label");
  /* shouhu_readiness_label() on the index's day. */
  properties[PROP_STATUS_LABEL] = string_property ("status-label");
  properties[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* ShouhuLacks flags. */
  properties[PROP_LACKS] = g_param_spec_uint ("lacks", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSURANCE_WARNS] = g_param_spec_boolean ("insurance-warns", NULL, NULL, FALSE,
                                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* 守护家庭数. */
  properties[PROP_N_FAMILIES] = g_param_spec_uint ("n-families", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shouhu_volunteer_row_init (ShouhuVolunteerRow *self)
{
}

ShouhuVolunteerRow *
shouhu_volunteer_row_new (ShouhuVolunteerIndex *index,
                          guint                 position)
{
  ShouhuVolunteerRow *self = g_object_new (SHOUHU_TYPE_VOLUNTEER_ROW, NULL);

  self->index = shouhu_volunteer_index_ref (index);
  self->position = position;
  return self;
}

/* For the scratch rows a sort compares: moving them costs nothing. */
void
shouhu_volunteer_row_set_position (ShouhuVolunteerRow *self,
                                   guint               position)
{
  self->position = position;
}

guint
shouhu_volunteer_row_get_position (ShouhuVolunteerRow *self)
{
  return self->position;
}

ShouhuVolunteerIndex *
shouhu_volunteer_row_get_index (ShouhuVolunteerRow *self)
{
  return self->index;
}

const ShouhuVolunteerEntry *
shouhu_volunteer_row_get_entry (ShouhuVolunteerRow *self)
{
  g_return_val_if_fail (SHOUHU_IS_VOLUNTEER_ROW (self), NULL);
  return shouhu_volunteer_index_get_row (self->index, self->position);
}

gint64
shouhu_volunteer_row_get_id (ShouhuVolunteerRow *self)
{
  return shouhu_volunteer_row_get_entry (self)->id;
}

static const char *
text (ShouhuVolunteerRow   *self,
      ShouhuVolunteerField  field)
{
  return shouhu_volunteer_row_get_entry (self)->text[field];
}

const char *
shouhu_volunteer_row_get_name (ShouhuVolunteerRow *self)
{
  return text (self, SHOUHU_VOLUNTEER_FIELD_NAME);
}

const char *
shouhu_volunteer_row_get_gender (ShouhuVolunteerRow *self)
{
  return text (self, SHOUHU_VOLUNTEER_FIELD_GENDER);
}

const char *
shouhu_volunteer_row_get_phone (ShouhuVolunteerRow *self)
{
  return text (self, SHOUHU_VOLUNTEER_FIELD_PHONE);
}

const char *
shouhu_volunteer_row_get_district (ShouhuVolunteerRow *self)
{
  return text (self, SHOUHU_VOLUNTEER_FIELD_DISTRICT);
}

const char *
shouhu_volunteer_row_get_town (ShouhuVolunteerRow *self)
{
  return text (self, SHOUHU_VOLUNTEER_FIELD_TOWN);
}

const char *
shouhu_volunteer_row_get_village (ShouhuVolunteerRow *self)
{
  return text (self, SHOUHU_VOLUNTEER_FIELD_VILLAGE);
}

const char *
shouhu_volunteer_row_get_source (ShouhuVolunteerRow *self)
{
  return text (self, SHOUHU_VOLUNTEER_FIELD_SOURCE);
}

/* Returns: (transfer full): 专长, translated */
char *
shouhu_volunteer_row_dup_skills_label (ShouhuVolunteerRow *self)
{
  return shouhu_volunteer_skills_label (shouhu_volunteer_row_get_entry (self)->skills);
}

/* Returns: (transfer full): 可上岗, 待上岗（缺：…）or the insurance warning */
char *
shouhu_volunteer_row_dup_status_label (ShouhuVolunteerRow *self)
{
  return shouhu_readiness_label (&shouhu_volunteer_row_get_entry (self)->readiness);
}

gboolean
shouhu_volunteer_row_get_ready (ShouhuVolunteerRow *self)
{
  return shouhu_volunteer_row_get_entry (self)->readiness.ready;
}

guint
shouhu_volunteer_row_get_lacks (ShouhuVolunteerRow *self)
{
  return shouhu_volunteer_row_get_entry (self)->readiness.lacks;
}

gboolean
shouhu_volunteer_row_get_insurance_warns (ShouhuVolunteerRow *self)
{
  return shouhu_readiness_insurance_warns (&shouhu_volunteer_row_get_entry (self)->readiness);
}

guint
shouhu_volunteer_row_get_n_families (ShouhuVolunteerRow *self)
{
  return shouhu_volunteer_row_get_entry (self)->n_families;
}
