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

/* In ShouhuAnnex2Field order.  The limits are far above any real value:
 * what is longer is a mistake (a whole list pasted into one cell). */
static const ShouhuFormColumn annex2_columns[SHOUHU_ANNEX2_N_FIELDS] = {
  { SHOUHU_ANNEX2_FIELD_DISTRICT, "district_id", "区县", NULL, N_("District"),
    .required = TRUE, .kind = SHOUHU_FIELD_DISTRICT },
  { SHOUHU_ANNEX2_FIELD_HOSPITAL, "hospital", "医院",
    VARIANTS ("单位", "所在医院", "医院名称", "工作单位", "所在单位", "医疗机构"), N_("Hospital"),
    .required = TRUE, .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT,
    .missing = N_("fill in the worker's hospital"), .max_chars = 100 },
  { SHOUHU_ANNEX2_FIELD_NAME, "name", "姓名", VARIANTS ("医护人员姓名", "名字"), N_("Name"),
    .required = TRUE, .identifies = TRUE, .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT,
    .missing = N_("every row needs the worker's name"), .max_chars = 50 },
  { SHOUHU_ANNEX2_FIELD_GENDER, "gender", "性别", NULL, N_("Gender"),
    .required = TRUE, .in_sheet = TRUE, .kind = SHOUHU_FIELD_GENDER, .max_chars = 10 },
  { SHOUHU_ANNEX2_FIELD_TITLE, "title", "职务", VARIANTS ("岗位", "职称", "职务职称", "职务/职称"), N_("Position"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT, .max_chars = 100 },
  { SHOUHU_ANNEX2_FIELD_WORK_PLACE, "work_place", "一线工作具体地点",
    VARIANTS ("工作地点", "一线工作地点", "具体工作地点", "一线工作具体地址"),
    N_("Frontline Workplace"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT, .max_chars = 200 },
  { SHOUHU_ANNEX2_FIELD_HOME_ADDRESS, "home_address", "家庭地址",
    VARIANTS ("家庭住址", "住址", "家庭详细地址", "家庭详细住址", "居住地址", "现住址"), N_("Home Address"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_ADDRESS, .mask = SHOUHU_MASK_ADDRESS, .max_chars = 200 },
  { SHOUHU_ANNEX2_FIELD_PHONE, "phone", "本人联系电话",
    VARIANTS ("手机", "手机号", "手机号码", "联系方式", "联系电话", "本人电话", "本人手机", "本人手机号码",
              "本人联系方式", "电话"), N_("Own Phone"),
    .identifies = TRUE, .in_sheet = TRUE, .kind = SHOUHU_FIELD_PHONE, .max_chars = 64 },
  { SHOUHU_ANNEX2_FIELD_FAMILY_PHONE, "family_phone", "家属联系电话",
    VARIANTS ("家属电话", "家属手机", "家属手机号", "家属手机号码", "家属联系方式"),
    N_("Family Phone"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_PHONE, .max_chars = 64 },
  /* Its key is the field of history rows about pairings. */
  { SHOUHU_ANNEX2_FIELD_VOLUNTEERS, "volunteer", "结对志愿者",
    VARIANTS ("志愿者", "结对志愿者姓名", "守护志愿者", "对接志愿者", "对接服务志愿者", "志愿者姓名"),
    N_("Paired Volunteers"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_VOLUNTEERS, .max_chars = 1000 },
  { SHOUHU_ANNEX2_FIELD_NOTE, "note", "备注", NULL, N_("Remarks"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT, .max_chars = 500 },
};

/* In ShouhuAnnex2Extra order. */
static const ShouhuFormExtraColumn annex2_extras[SHOUHU_ANNEX2_N_EXTRAS] = {
  { SHOUHU_ANNEX2_EXTRA_NUMBER, SHOUHU_ANNEX2_FORM_NUMBER_HEADING, VARIANTS ("编号", "序") },
  { SHOUHU_ANNEX2_EXTRA_VOLUNTEER_PHONES, "结对志愿者联系电话",
    VARIANTS ("志愿者联系电话", "志愿者电话", "结对志愿者电话", "志愿者手机", "结对志愿者手机",
              "志愿者联系方式", "结对志愿者联系方式") },
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

static gboolean
heading_matches (const char        *heading,
                 const char        *official,
                 const char *const *variants)
{
  if (strcmp (official, heading) == 0)
    return TRUE;
  for (guint v = 0; variants != NULL && variants[v] != NULL; v++)
    if (strcmp (variants[v], heading) == 0)
      return TRUE;
  return FALSE;
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

      if (c->in_sheet && heading_matches (heading, c->heading, c->variants))
        return c;
    }
  return NULL;
}

/**
 * shouhu_annex2_form_find_extra:
 * @heading: as for shouhu_annex2_form_find_heading()
 *
 * Returns: (nullable): the column beside the form's own that @heading
 *   names (序号, 结对志愿者联系电话)
 */
const ShouhuFormExtraColumn *
shouhu_annex2_form_find_extra (const char *heading)
{
  for (guint i = 0; i < G_N_ELEMENTS (annex2_extras); i++)
    if (heading_matches (heading, annex2_extras[i].heading, annex2_extras[i].variants))
      return &annex2_extras[i];
  return NULL;
}

const ShouhuFormExtraColumn *
shouhu_annex2_form_extra (ShouhuAnnex2Extra extra)
{
  g_return_val_if_fail (extra < SHOUHU_ANNEX2_N_EXTRAS, NULL);
  return &annex2_extras[extra];
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
