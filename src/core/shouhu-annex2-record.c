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
  const ShouhuFormColumn *c = NULL;

  if (column == NULL)
    return "";
  if (g_strcmp0 (entity, "worker") == 0)
    c = shouhu_annex2_form_find_key (column);
  else if (g_strcmp0 (entity, "volunteer") == 0)
    c = shouhu_volunteer_form_find_key (column);
  if (c != NULL)
    return shouhu_form_column_label (c);
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

/* The one place that knows which member holds which field: %NULL for
 * 区县 (a number) and 结对志愿者 (the pairings). */
static char **
worker_text (ShouhuWorker      *w,
             ShouhuAnnex2Field  field)
{
  switch (field)
    {
    case SHOUHU_ANNEX2_FIELD_HOSPITAL:     return &w->hospital;
    case SHOUHU_ANNEX2_FIELD_NAME:         return &w->name;
    case SHOUHU_ANNEX2_FIELD_GENDER:       return &w->gender;
    case SHOUHU_ANNEX2_FIELD_TITLE:        return &w->title;
    case SHOUHU_ANNEX2_FIELD_WORK_PLACE:   return &w->work_place;
    case SHOUHU_ANNEX2_FIELD_HOME_ADDRESS: return &w->home_address;
    case SHOUHU_ANNEX2_FIELD_PHONE:        return &w->phone;
    case SHOUHU_ANNEX2_FIELD_FAMILY_PHONE: return &w->family_phone;
    case SHOUHU_ANNEX2_FIELD_NOTE:         return &w->note;
    case SHOUHU_ANNEX2_FIELD_DISTRICT:
    case SHOUHU_ANNEX2_FIELD_VOLUNTEERS:
    case SHOUHU_ANNEX2_N_FIELDS:
    default:
      return NULL;
    }
}

/* Copies the text fields of @from (or "" for each, when %NULL). */
static ShouhuWorker *
worker_dup (const ShouhuWorker *from)
{
  ShouhuWorker *w = g_new0 (ShouhuWorker, 1);

  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      char **text = worker_text (w, f);
      /* 区县 and 结对志愿者 have no member: nothing to read either. */
      const char *value = from != NULL && text != NULL ? *worker_text ((ShouhuWorker *) from, f) : NULL;

      if (text != NULL)
        *text = g_strdup (value != NULL ? value : "");
    }
  w->needs = from != NULL ? from->needs : SHOUHU_WORKER_NEEDS_UNKNOWN;
  return w;
}

ShouhuWorker *
shouhu_worker_new (void)
{
  return worker_dup (NULL);
}

ShouhuWorker *
shouhu_worker_copy (const ShouhuWorker *worker)
{
  ShouhuWorker *w = worker_dup (worker);

  w->id = worker->id;
  w->district_id = worker->district_id;
  w->created = g_strdup (worker->created);
  w->changed = g_strdup (worker->changed);
  return w;
}

void
shouhu_worker_free (ShouhuWorker *worker)
{
  if (worker == NULL)
    return;
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    if (worker_text (worker, f) != NULL)
      g_free (*worker_text (worker, f));
  g_free (worker->created);
  g_free (worker->changed);
  g_free (worker);
}

/**
 * shouhu_worker_get_field:
 * @field: a field the record holds (not 结对志愿者)
 *
 * Returns: the field as text (区县 as the district's name)
 */
const char *
shouhu_worker_get_field (const ShouhuWorker *w,
                         ShouhuAnnex2Field   field)
{
  char **text;

  g_return_val_if_fail (field < SHOUHU_ANNEX2_N_FIELDS && shouhu_annex2_field_in_record (field), NULL);

  if (field == SHOUHU_ANNEX2_FIELD_DISTRICT)
    return shouhu_annex2_district_name (w->district_id);
  text = worker_text ((ShouhuWorker *) w, field);
  return *text != NULL ? *text : "";
}

/**
 * shouhu_worker_set_field:
 * @field: a field the record holds as text (not 区县, not 结对志愿者)
 * @text: (nullable): the new value, as typed; %NULL for ""
 */
void
shouhu_worker_set_field (ShouhuWorker      *w,
                         ShouhuAnnex2Field  field,
                         const char        *text)
{
  char **member = worker_text (w, field);

  g_return_if_fail (member != NULL);
  g_free (*member);
  *member = g_strdup (text != NULL ? text : "");
}

/**
 * shouhu_worker_take_field:
 * @text: (transfer full): the new value
 *
 * As shouhu_worker_set_field(), keeping @text itself.
 */
void
shouhu_worker_take_field (ShouhuWorker      *w,
                          ShouhuAnnex2Field  field,
                          char              *text)
{
  char **member = worker_text (w, field);

  g_return_if_fail (member != NULL && text != NULL);
  g_free (*member);
  *member = text;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * shouhu_worker_stamp:
 * @volunteer_ids: (array length=n_volunteers): the family's volunteers
 *
 * A digest of everything an editor shows of a record: its fields and its
 * volunteers (in any order), not when it was changed.  Two stamps differ
 * exactly when a save would overwrite something.
 *
 * Returns: (transfer full): the stamp
 */
char *
shouhu_worker_stamp (const ShouhuWorker *worker,
                     const gint64       *volunteer_ids,
                     gsize               n_volunteers)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree gint64 *ids = g_memdup2 (volunteer_ids, n_volunteers * sizeof (gint64));

  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const char *text;

      if (!shouhu_annex2_field_in_record (f))
        continue;   /* the volunteers come below */
      text = shouhu_worker_get_field (worker, f);
      /* The NUL ends each field, so that no two records run together. */
      g_checksum_update (sum, (const guchar *) (text ? text : ""), (gssize) strlen (text ? text : "") + 1);
    }
  /* 需求, when the record says it (a stored record always does). */
  if (worker->needs != SHOUHU_WORKER_NEEDS_UNKNOWN)
    {
      char needs[16];

      g_snprintf (needs, sizeof needs, "needs=%d;", worker->needs);
      g_checksum_update (sum, (const guchar *) needs, -1);
    }
  if (n_volunteers > 0)
    qsort (ids, n_volunteers, sizeof (gint64), compare_ids);
  for (gsize i = 0; i < n_volunteers; i++)
    {
      char number[24];

      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT ",", ids[i]);
      g_checksum_update (sum, (const guchar *) number, -1);
    }
  return g_strdup (g_checksum_get_string (sum));
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
  g_free (entry->import_file);
  g_free (entry);
}

void
shouhu_deleted_worker_free (ShouhuDeletedWorker *deleted)
{
  if (deleted == NULL)
    return;
  shouhu_worker_free (deleted->worker);
  g_clear_pointer (&deleted->volunteer_ids, g_array_unref);
  g_clear_pointer (&deleted->roles, g_array_unref);
  g_clear_pointer (&deleted->paired_on, g_ptr_array_unref);
  g_free (deleted);
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
check_district (const ShouhuFormColumn  *column,
                int                      district_id,
                GQuark                   domain,
                GError                 **error)
{
  if (district_id == 0 && !column->required)
    return TRUE;
  if (shouhu_district_get (district_id) != NULL)
    return TRUE;
  g_set_error (error, domain, column->field,
               column->required ? _("%s is required: choose one of the 41 units")
                                : _("%s must be one of the 41 units, or left empty"),
               shouhu_form_column_label (column));
  return FALSE;
}

/* Checks the text of one field by its kind and whether it is required,
 * and puts it in its stored form (trimmed; a phone normalised). */
static gboolean
check_text (const ShouhuFormColumn  *column,
            char                   **text,
            GQuark                   domain,
            GError                 **error)
{
  const char *label = shouhu_form_column_label (column);
  const char *given = *text != NULL ? *text : "";
  gsize given_len = strlen (given);
  g_autofree char *owned = NULL;   /* the stored form, when it is not *text */
  const char *value;               /* the text as it will be stored */
  GError *inner = NULL;
  char *checked = NULL;

  /* Most texts come trimmed (an import's cells are): not copied then. */
  if (*text != NULL && (given_len == 0 || (!g_ascii_isspace (given[0]) && !g_ascii_isspace (given[given_len - 1]))))
    value = given;
  else
    value = owned = g_strstrip (g_strdup (given));

  if (column->kind == SHOUHU_FIELD_GENDER &&
      (column->required || *value != '\0') && strcmp (value, "男") != 0 && strcmp (value, "女") != 0)
    {
      g_set_error (error, domain, column->field,
                   column->required ? _("%s is required: choose 男 (male) or 女 (female)")
                                    : _("%s must be 男 (male) or 女 (female), or left empty"), label);
      return FALSE;
    }
  if (column->kind == SHOUHU_FIELD_SOURCE && *value != '\0')
    {
      const char *source = shouhu_volunteer_parse_source (value);

      if (source == NULL)
        {
          /* Translators: %s is the field (Source); the list is of values to write as they are */
          g_set_error (error, domain, column->field,
                       _("%s must be one of 党员, 教师, 大学生, 社会工作者, 青年志愿者, 群众, 其他 (not “%s”)"),
                       label, value);
          return FALSE;
        }
      g_free (owned);
      value = owned = g_strdup (source);
    }
  if (column->kind == SHOUHU_FIELD_DATE && *value != '\0')
    {
      if (!shouhu_validate_date (label, value, &checked, &inner))
        return field_error (error, inner, domain, column->field);
      g_free (owned);
      value = owned = g_steal_pointer (&checked);
    }
  /* shouhu_validate_required () fails only a blank text, which starts
   * with nothing, a space or an ideographic one (0xE3 0x80 0x80). */
  if (column->required && (*value == '\0' || g_ascii_isspace (*value) || (guchar) *value == 0xe3) &&
      !shouhu_validate_required (label, *text, &checked, &inner))
    return field_error (error, inner, domain, column->field);
  g_clear_pointer (&checked, g_free);
  /* No more characters than bytes: most texts need no counting. */
  if (column->max_chars > 0 && strlen (value) > column->max_chars &&
      g_utf8_strlen (value, -1) > (glong) column->max_chars)
    {
      g_set_error (error, domain, column->field, _("%s is too long: at most %u characters"), label,
                   column->max_chars);
      return FALSE;
    }
  if (column->kind == SHOUHU_FIELD_PHONE && !shouhu_validate_phone (label, *text, &checked, &inner))
    return field_error (error, inner, domain, column->field);

  if (checked != NULL)
    {
      g_free (*text);
      *text = checked;
    }
  else if (owned != NULL)
    {
      g_free (*text);
      *text = g_steal_pointer (&owned);
    }
  /* else *text is already its stored form */
  return TRUE;
}

/* Checks a record field by field, in the order of its @columns; @texts
 * holds where each text field is (%NULL for the others). */
gboolean
shouhu_form_check_record (const ShouhuFormColumn  *columns,
              guint                    n_columns,
              char                  ***texts,
              int                      district_id,
              GQuark                   domain,
              GError                 **error)
{
  for (guint f = 0; f < n_columns; f++)
    {
      if (columns[f].kind == SHOUHU_FIELD_DISTRICT)
        {
          if (!check_district (&columns[f], district_id, domain, error))
            return FALSE;
        }
      else if (texts[f] != NULL && !check_text (&columns[f], texts[f], domain, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_worker_validate:
 *
 * Checks @worker by the Annex 2 form's columns and normalises it in
 * place (text trimmed, phones in their stored form).  On failure the
 * error's domain is %SHOUHU_WORKER_FIELD_ERROR and its code the field at
 * fault.
 */
gboolean
shouhu_worker_validate (ShouhuWorker  *w,
                        GError       **error)
{
  char **texts[SHOUHU_ANNEX2_N_FIELDS];

  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    texts[f] = worker_text (w, f);
  return shouhu_form_check_record (shouhu_annex2_form_columns (), SHOUHU_ANNEX2_N_FIELDS, texts, w->district_id,
                                   SHOUHU_WORKER_FIELD_ERROR, error);
}
