/* shouhu-annex2-record.c — Annex 2 records as values: workers and
 * volunteers, their fields and labels, and the rules they must keep
 *
 * Nothing here touches the store: shouhu-annex2.c and
 * shouhu-annex2-volunteer.c store what these functions checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2-private.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (shouhu-annex2-error-quark, shouhu_annex2_error)
G_DEFINE_QUARK (shouhu-worker-field-error-quark, shouhu_worker_field_error)
G_DEFINE_QUARK (shouhu-volunteer-field-error-quark, shouhu_volunteer_field_error)

/* In ShouhuWorkerField order. */
static const struct
{
  const char *column;
  const char *label;
} worker_fields[SHOUHU_N_WORKER_FIELDS] = {
  { "district_id",  N_("District") },
  { "hospital",     N_("Hospital") },
  { "name",         N_("Name") },
  { "gender",       N_("Gender") },
  { "title",        N_("Position") },
  { "work_place",   N_("Frontline Workplace") },
  { "home_address", N_("Home Address") },
  { "phone",        N_("Own Phone") },
  { "family_phone", N_("Family Phone") },
  { "note",         N_("Remarks") },
};

/* In ShouhuVolunteerField order. */
static const struct
{
  const char *column;
  const char *label;
} volunteer_fields[SHOUHU_N_VOLUNTEER_FIELDS] = {
  { "name",        N_("Name") },
  { "phone",       N_("Phone") },
  { "district_id", N_("District") },
  { "town",        N_("Town (Subdistrict)") },
  { "village",     N_("Village (Community)") },
  { "note",        N_("Remarks") },
};

/* Labels and helpers */

const char *
shouhu_worker_field_label (ShouhuWorkerField field)
{
  g_return_val_if_fail (field < SHOUHU_N_WORKER_FIELDS, NULL);
  return _(worker_fields[field].label);
}

const char *
shouhu_volunteer_field_label (ShouhuVolunteerField field)
{
  g_return_val_if_fail (field < SHOUHU_N_VOLUNTEER_FIELDS, NULL);
  return _(volunteer_fields[field].label);
}

/* The column of the field in the store (and in history rows). */
const char *
shouhu_worker_field_column (ShouhuWorkerField field)
{
  g_return_val_if_fail (field < SHOUHU_N_WORKER_FIELDS, NULL);
  return worker_fields[field].column;
}

const char *
shouhu_volunteer_field_column (ShouhuVolunteerField field)
{
  g_return_val_if_fail (field < SHOUHU_N_VOLUNTEER_FIELDS, NULL);
  return volunteer_fields[field].column;
}

/**
 * shouhu_annex2_column_label:
 *
 * The label of a history row's field, as the user knows it.
 *
 * Returns: the translated label, or @column itself when unknown
 */
const char *
shouhu_annex2_column_label (const char *entity,
                            const char *column)
{
  if (column == NULL)
    return "";
  if (g_strcmp0 (entity, "worker") == 0)
    {
      for (guint i = 0; i < SHOUHU_N_WORKER_FIELDS; i++)
        if (strcmp (worker_fields[i].column, column) == 0)
          return _(worker_fields[i].label);
    }
  else if (g_strcmp0 (entity, "volunteer") == 0)
    {
      for (guint i = 0; i < SHOUHU_N_VOLUNTEER_FIELDS; i++)
        if (strcmp (volunteer_fields[i].column, column) == 0)
          return _(volunteer_fields[i].label);
    }
  if (strcmp (column, "volunteer") == 0)
    return _("Paired Volunteers");
  if (strcmp (column, "worker") == 0)
    return _("Paired Family");
  if (strcmp (column, "reporter") == 0)
    return _("Reporter");
  if (strcmp (column, "phone") == 0)
    return _("Phone");
  return column;
}

const char *
shouhu_annex2_district_name (int district_id)
{
  const ShouhuDistrict *d = district_id > 0 ? shouhu_district_get (district_id) : NULL;

  return d != NULL ? d->name : "";
}

/* Workers and volunteers as values */

ShouhuWorker *
shouhu_worker_new (void)
{
  ShouhuWorker *w = g_new0 (ShouhuWorker, 1);

  w->hospital = g_strdup ("");
  w->name = g_strdup ("");
  w->gender = g_strdup ("");
  w->title = g_strdup ("");
  w->work_place = g_strdup ("");
  w->home_address = g_strdup ("");
  w->phone = g_strdup ("");
  w->family_phone = g_strdup ("");
  w->note = g_strdup ("");
  return w;
}

ShouhuWorker *
shouhu_worker_copy (const ShouhuWorker *worker)
{
  ShouhuWorker *w = g_new0 (ShouhuWorker, 1);

  w->id = worker->id;
  w->district_id = worker->district_id;
  w->hospital = g_strdup (worker->hospital ? worker->hospital : "");
  w->name = g_strdup (worker->name ? worker->name : "");
  w->gender = g_strdup (worker->gender ? worker->gender : "");
  w->title = g_strdup (worker->title ? worker->title : "");
  w->work_place = g_strdup (worker->work_place ? worker->work_place : "");
  w->home_address = g_strdup (worker->home_address ? worker->home_address : "");
  w->phone = g_strdup (worker->phone ? worker->phone : "");
  w->family_phone = g_strdup (worker->family_phone ? worker->family_phone : "");
  w->note = g_strdup (worker->note ? worker->note : "");
  w->created = g_strdup (worker->created);
  w->changed = g_strdup (worker->changed);
  return w;
}

void
shouhu_worker_free (ShouhuWorker *worker)
{
  if (worker == NULL)
    return;
  g_free (worker->hospital);
  g_free (worker->name);
  g_free (worker->gender);
  g_free (worker->title);
  g_free (worker->work_place);
  g_free (worker->home_address);
  g_free (worker->phone);
  g_free (worker->family_phone);
  g_free (worker->note);
  g_free (worker->created);
  g_free (worker->changed);
  g_free (worker);
}

/**
 * shouhu_worker_get_field:
 *
 * Returns: the field as text (区县 as the district's name)
 */
const char *
shouhu_worker_get_field (const ShouhuWorker *w,
                         ShouhuWorkerField   field)
{
  switch (field)
    {
    case SHOUHU_WORKER_FIELD_DISTRICT:     return shouhu_annex2_district_name (w->district_id);
    case SHOUHU_WORKER_FIELD_HOSPITAL:     return w->hospital;
    case SHOUHU_WORKER_FIELD_NAME:         return w->name;
    case SHOUHU_WORKER_FIELD_GENDER:       return w->gender;
    case SHOUHU_WORKER_FIELD_TITLE:        return w->title;
    case SHOUHU_WORKER_FIELD_WORK_PLACE:   return w->work_place;
    case SHOUHU_WORKER_FIELD_HOME_ADDRESS: return w->home_address;
    case SHOUHU_WORKER_FIELD_PHONE:        return w->phone;
    case SHOUHU_WORKER_FIELD_FAMILY_PHONE: return w->family_phone;
    case SHOUHU_WORKER_FIELD_NOTE:         return w->note;
    case SHOUHU_N_WORKER_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

ShouhuVolunteer *
shouhu_volunteer_new (void)
{
  ShouhuVolunteer *v = g_new0 (ShouhuVolunteer, 1);

  v->name = g_strdup ("");
  v->phone = g_strdup ("");
  v->town = g_strdup ("");
  v->village = g_strdup ("");
  v->note = g_strdup ("");
  return v;
}

ShouhuVolunteer *
shouhu_volunteer_copy (const ShouhuVolunteer *volunteer)
{
  ShouhuVolunteer *v = g_new0 (ShouhuVolunteer, 1);

  v->id = volunteer->id;
  v->name = g_strdup (volunteer->name ? volunteer->name : "");
  v->phone = g_strdup (volunteer->phone ? volunteer->phone : "");
  v->district_id = volunteer->district_id;
  v->town = g_strdup (volunteer->town ? volunteer->town : "");
  v->village = g_strdup (volunteer->village ? volunteer->village : "");
  v->note = g_strdup (volunteer->note ? volunteer->note : "");
  v->created = g_strdup (volunteer->created);
  v->changed = g_strdup (volunteer->changed);
  return v;
}

void
shouhu_volunteer_free (ShouhuVolunteer *volunteer)
{
  if (volunteer == NULL)
    return;
  g_free (volunteer->name);
  g_free (volunteer->phone);
  g_free (volunteer->town);
  g_free (volunteer->village);
  g_free (volunteer->note);
  g_free (volunteer->created);
  g_free (volunteer->changed);
  g_free (volunteer);
}

void
shouhu_history_entry_free (ShouhuHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

void
shouhu_deleted_worker_free (ShouhuDeletedWorker *deleted)
{
  if (deleted == NULL)
    return;
  shouhu_worker_free (deleted->worker);
  g_clear_pointer (&deleted->volunteer_ids, g_array_unref);
  g_free (deleted);
}

const char *
shouhu_volunteer_get_field (const ShouhuVolunteer *v,
                            ShouhuVolunteerField   field)
{
  switch (field)
    {
    case SHOUHU_VOLUNTEER_FIELD_NAME:     return v->name;
    case SHOUHU_VOLUNTEER_FIELD_PHONE:    return v->phone;
    case SHOUHU_VOLUNTEER_FIELD_DISTRICT: return shouhu_annex2_district_name (v->district_id);
    case SHOUHU_VOLUNTEER_FIELD_TOWN:     return v->town;
    case SHOUHU_VOLUNTEER_FIELD_VILLAGE:  return v->village;
    case SHOUHU_VOLUNTEER_FIELD_NOTE:     return v->note;
    case SHOUHU_N_VOLUNTEER_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Validation */

/* Moves the error of a shared check into @domain with @code, so the form
 * can tell which field it is about. */
static gboolean
field_error (GError **error,
             GError  *inner,
             GQuark   domain,
             int      code)
{
  g_set_error_literal (error, domain, code, inner->message);
  g_error_free (inner);
  return FALSE;
}

static gboolean
check_text (char       **text,
            const char  *label,
            gboolean     required,
            GQuark       domain,
            int          code,
            GError     **error)
{
  GError *inner = NULL;
  char *trimmed;

  if (required)
    {
      if (!shouhu_validate_required (label, *text, &trimmed, &inner))
        return field_error (error, inner, domain, code);
    }
  else
    trimmed = g_strstrip (g_strdup (*text != NULL ? *text : ""));

  g_free (*text);
  *text = trimmed;
  return TRUE;
}

static gboolean
check_phone (char       **text,
             const char  *label,
             GQuark       domain,
             int          code,
             GError     **error)
{
  GError *inner = NULL;
  char *normalised = NULL;

  if (!shouhu_validate_phone (label, *text, &normalised, &inner))
    return field_error (error, inner, domain, code);
  g_free (*text);
  *text = normalised;
  return TRUE;
}

/**
 * shouhu_worker_validate:
 *
 * Checks @worker and normalises it in place (text trimmed, phones in their
 * stored form).  On failure the error's domain is
 * %SHOUHU_WORKER_FIELD_ERROR and its code the field at fault.
 */
gboolean
shouhu_worker_validate (ShouhuWorker  *w,
                        GError       **error)
{
  const GQuark d = SHOUHU_WORKER_FIELD_ERROR;

  if (shouhu_district_get (w->district_id) == NULL)
    {
      g_set_error (error, d, SHOUHU_WORKER_FIELD_DISTRICT,
                   _("%s is required: choose one of the 41 units"),
                   shouhu_worker_field_label (SHOUHU_WORKER_FIELD_DISTRICT));
      return FALSE;
    }
  if (!check_text (&w->hospital, shouhu_worker_field_label (SHOUHU_WORKER_FIELD_HOSPITAL),
                   TRUE, d, SHOUHU_WORKER_FIELD_HOSPITAL, error) ||
      !check_text (&w->name, shouhu_worker_field_label (SHOUHU_WORKER_FIELD_NAME),
                   TRUE, d, SHOUHU_WORKER_FIELD_NAME, error))
    return FALSE;

  g_strstrip (w->gender);
  if (strcmp (w->gender, "男") != 0 && strcmp (w->gender, "女") != 0)
    {
      g_set_error (error, d, SHOUHU_WORKER_FIELD_GENDER,
                   _("%s is required: choose 男 (male) or 女 (female)"),
                   shouhu_worker_field_label (SHOUHU_WORKER_FIELD_GENDER));
      return FALSE;
    }

  if (!check_text (&w->title, NULL, FALSE, d, SHOUHU_WORKER_FIELD_TITLE, error) ||
      !check_text (&w->work_place, NULL, FALSE, d, SHOUHU_WORKER_FIELD_WORK_PLACE, error) ||
      !check_text (&w->home_address, NULL, FALSE, d, SHOUHU_WORKER_FIELD_HOME_ADDRESS, error) ||
      !check_text (&w->note, NULL, FALSE, d, SHOUHU_WORKER_FIELD_NOTE, error))
    return FALSE;

  return check_phone (&w->phone, shouhu_worker_field_label (SHOUHU_WORKER_FIELD_PHONE),
                      d, SHOUHU_WORKER_FIELD_PHONE, error) &&
         check_phone (&w->family_phone, shouhu_worker_field_label (SHOUHU_WORKER_FIELD_FAMILY_PHONE),
                      d, SHOUHU_WORKER_FIELD_FAMILY_PHONE, error);
}

/**
 * shouhu_volunteer_validate:
 *
 * Like shouhu_worker_validate(): 姓名 is required, 联系电话 a phone number
 * if given, 区县 one of the units or 0.
 */
gboolean
shouhu_volunteer_validate (ShouhuVolunteer  *v,
                           GError          **error)
{
  const GQuark d = SHOUHU_VOLUNTEER_FIELD_ERROR;

  if (!check_text (&v->name, shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_NAME),
                   TRUE, d, SHOUHU_VOLUNTEER_FIELD_NAME, error))
    return FALSE;
  if (v->district_id != 0 && shouhu_district_get (v->district_id) == NULL)
    {
      g_set_error (error, d, SHOUHU_VOLUNTEER_FIELD_DISTRICT,
                   _("%s must be one of the 41 units, or left empty"),
                   shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_DISTRICT));
      return FALSE;
    }
  return check_text (&v->town, NULL, FALSE, d, SHOUHU_VOLUNTEER_FIELD_TOWN, error) &&
         check_text (&v->village, NULL, FALSE, d, SHOUHU_VOLUNTEER_FIELD_VILLAGE, error) &&
         check_text (&v->note, NULL, FALSE, d, SHOUHU_VOLUNTEER_FIELD_NOTE, error) &&
         check_phone (&v->phone, shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_PHONE),
                      d, SHOUHU_VOLUNTEER_FIELD_PHONE, error);
}
