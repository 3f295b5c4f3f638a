/* shouhu-annex2-form.c — the one description of the Annex 2 form (附件2)
 * and of a volunteer's fields
 *
 * The headings are those of the notice (渝文明委〔2020〕3号); the variants
 * are what districts write instead on forms filled in by hand.  Headings
 * and variants are written as the import compares them: no spaces, ASCII
 * digits.  The keys are the store's column names, which history rows
 * keep: they never change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2-form.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define VARIANTS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* In ShouhuAnnex2Field order. */
static const ShouhuFormColumn annex2_columns[SHOUHU_ANNEX2_N_FIELDS] = {
  { SHOUHU_ANNEX2_FIELD_DISTRICT, "district_id", "区县", NULL, N_("District"),
    .required = TRUE, .kind = SHOUHU_FIELD_DISTRICT },
  { SHOUHU_ANNEX2_FIELD_HOSPITAL, "hospital", "医院", VARIANTS ("单位", "所在医院", "医院名称"), N_("Hospital"),
    .required = TRUE, .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT,
    .missing = N_("fill in the worker's hospital") },
  { SHOUHU_ANNEX2_FIELD_NAME, "name", "姓名", NULL, N_("Name"),
    .required = TRUE, .identifies = TRUE, .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT,
    .missing = N_("every row needs the worker's name") },
  { SHOUHU_ANNEX2_FIELD_GENDER, "gender", "性别", NULL, N_("Gender"),
    .required = TRUE, .in_sheet = TRUE, .kind = SHOUHU_FIELD_GENDER },
  { SHOUHU_ANNEX2_FIELD_TITLE, "title", "职务", VARIANTS ("岗位", "职称"), N_("Position"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT },
  { SHOUHU_ANNEX2_FIELD_WORK_PLACE, "work_place", "一线工作具体地点", VARIANTS ("工作地点", "一线工作地点"),
    N_("Frontline Workplace"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT },
  { SHOUHU_ANNEX2_FIELD_HOME_ADDRESS, "home_address", "家庭地址", VARIANTS ("家庭住址", "住址"), N_("Home Address"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_ADDRESS, .mask = SHOUHU_MASK_ADDRESS },
  { SHOUHU_ANNEX2_FIELD_PHONE, "phone", "本人联系电话",
    VARIANTS ("手机", "手机号", "手机号码", "联系方式", "联系电话", "本人电话"), N_("Own Phone"),
    .identifies = TRUE, .in_sheet = TRUE, .kind = SHOUHU_FIELD_PHONE },
  { SHOUHU_ANNEX2_FIELD_FAMILY_PHONE, "family_phone", "家属联系电话", VARIANTS ("家属电话", "家属手机"),
    N_("Family Phone"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_PHONE },
  /* Its key is the field of history rows about pairings. */
  { SHOUHU_ANNEX2_FIELD_VOLUNTEERS, "volunteer", "结对志愿者", VARIANTS ("志愿者", "结对志愿者姓名", "守护志愿者"),
    N_("Paired Volunteers"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_VOLUNTEERS },
  { SHOUHU_ANNEX2_FIELD_NOTE, "note", "备注", NULL, N_("Remarks"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT },
};

/* In ShouhuVolunteerField order.  Volunteers have no form of the notice:
 * the headings are those a list of them would have. */
static const ShouhuFormColumn volunteer_columns[SHOUHU_N_VOLUNTEER_FIELDS] = {
  { SHOUHU_VOLUNTEER_FIELD_NAME, "name", "姓名", NULL, N_("Name"),
    .required = TRUE, .identifies = TRUE, .kind = SHOUHU_FIELD_TEXT },
  { SHOUHU_VOLUNTEER_FIELD_PHONE, "phone", "联系电话", NULL, N_("Phone"),
    .identifies = TRUE, .kind = SHOUHU_FIELD_PHONE },
  { SHOUHU_VOLUNTEER_FIELD_DISTRICT, "district_id", "区县", NULL, N_("District"),
    .kind = SHOUHU_FIELD_DISTRICT },
  { SHOUHU_VOLUNTEER_FIELD_TOWN, "town", "乡镇（街道）", NULL, N_("Town (Subdistrict)"),
    .kind = SHOUHU_FIELD_ADDRESS },
  { SHOUHU_VOLUNTEER_FIELD_VILLAGE, "village", "村（社区）", NULL, N_("Village (Community)"),
    .kind = SHOUHU_FIELD_ADDRESS },
  { SHOUHU_VOLUNTEER_FIELD_NOTE, "note", "备注", NULL, N_("Remarks"),
    .kind = SHOUHU_FIELD_TEXT },
};

/* Returns: the table: %SHOUHU_ANNEX2_N_FIELDS columns, in field order */
const ShouhuFormColumn *
shouhu_annex2_form_columns (void)
{
  return annex2_columns;
}

/* Returns: the table: %SHOUHU_N_VOLUNTEER_FIELDS columns, in field order */
const ShouhuFormColumn *
shouhu_volunteer_form_columns (void)
{
  return volunteer_columns;
}

const ShouhuFormColumn *
shouhu_annex2_form_column (ShouhuAnnex2Field field)
{
  g_return_val_if_fail (field < SHOUHU_ANNEX2_N_FIELDS, NULL);
  return &annex2_columns[field];
}

const ShouhuFormColumn *
shouhu_volunteer_form_column (ShouhuVolunteerField field)
{
  g_return_val_if_fail (field < SHOUHU_N_VOLUNTEER_FIELDS, NULL);
  return &volunteer_columns[field];
}

static const ShouhuFormColumn *
find_key (const ShouhuFormColumn *columns,
          guint                   n,
          const char             *key)
{
  for (guint i = 0; key != NULL && i < n; i++)
    if (strcmp (columns[i].key, key) == 0)
      return &columns[i];
  return NULL;
}

/* Returns: (nullable): the column stored under @key */
const ShouhuFormColumn *
shouhu_annex2_form_find_key (const char *key)
{
  return find_key (annex2_columns, G_N_ELEMENTS (annex2_columns), key);
}

const ShouhuFormColumn *
shouhu_volunteer_form_find_key (const char *key)
{
  return find_key (volunteer_columns, G_N_ELEMENTS (volunteer_columns), key);
}

/**
 * shouhu_annex2_form_find_heading:
 * @heading: a heading cell's text, without spaces and with ASCII digits
 *
 * Returns: (nullable): the column of the sheet that @heading names, by
 *   its official heading or one of its variants
 */
const ShouhuFormColumn *
shouhu_annex2_form_find_heading (const char *heading)
{
  for (guint i = 0; i < G_N_ELEMENTS (annex2_columns); i++)
    {
      const ShouhuFormColumn *c = &annex2_columns[i];

      if (!c->in_sheet)
        continue;
      if (strcmp (c->heading, heading) == 0)
        return c;
      for (guint v = 0; c->variants != NULL && c->variants[v] != NULL; v++)
        if (strcmp (c->variants[v], heading) == 0)
          return c;
    }
  return NULL;
}

/* Whether a ShouhuWorker holds the field (结对志愿者 is stored as the
 * pairings). */
gboolean
shouhu_annex2_field_in_record (ShouhuAnnex2Field field)
{
  return shouhu_annex2_form_column (field)->kind != SHOUHU_FIELD_VOLUNTEERS;
}

/* Whether a ShouhuWorker holds the field as text (all but 区县, a
 * number, and 结对志愿者). */
gboolean
shouhu_annex2_field_is_text (ShouhuAnnex2Field field)
{
  ShouhuFieldKind kind = shouhu_annex2_form_column (field)->kind;

  return kind != SHOUHU_FIELD_DISTRICT && kind != SHOUHU_FIELD_VOLUNTEERS;
}

/* Returns: the column's label, translated */
const char *
shouhu_form_column_label (const ShouhuFormColumn *column)
{
  return _(column->label);
}

const char *
shouhu_annex2_field_label (ShouhuAnnex2Field field)
{
  return shouhu_form_column_label (shouhu_annex2_form_column (field));
}

const char *
shouhu_volunteer_field_label (ShouhuVolunteerField field)
{
  return shouhu_form_column_label (shouhu_volunteer_form_column (field));
}

/**
 * shouhu_annex2_form_sql_columns:
 * @prefix: written before each column's key
 * @suffix: written after it
 * @with_key: %FALSE to leave the key out
 *
 * One item per field that the worker table stores as text, in the form's
 * order, joined with ", ": ("w.", "", TRUE) gives "w.hospital, w.name, …",
 * ("", " = ?", TRUE) "hospital = ?, name = ?, …", ("?", "", FALSE)
 * "?, ?, …".  For core's SQL alone.
 *
 * Returns: (transfer full): the list
 */
char *
shouhu_annex2_form_sql_columns (const char *prefix,
                                const char *suffix,
                                gboolean    with_key)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (annex2_columns); i++)
    {
      const ShouhuFormColumn *c = &annex2_columns[i];

      if (!shouhu_annex2_field_is_text (i))
        continue;
      g_string_append_printf (list, "%s%s%s%s", list->len > 0 ? ", " : "", prefix,
                              with_key ? c->key : "", suffix);
    }
  return g_string_free (list, FALSE);
}

/**
 * shouhu_form_parse_gender:
 * @text: as written on a form, trimmed
 *
 * Returns: (nullable): "男" or "女" for 男, 女, 男性 or 女性; %NULL for
 *   anything else
 */
const char *
shouhu_form_parse_gender (const char *text)
{
  if (strcmp (text, "男") == 0 || strcmp (text, "男性") == 0)
    return "男";
  if (strcmp (text, "女") == 0 || strcmp (text, "女性") == 0)
    return "女";
  return NULL;
}
