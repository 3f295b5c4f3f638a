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

/* In ShouhuAnnex2Field order; the columns only the import reads last.
 * The limits are far above any real value: what is longer is a mistake
 * (a whole list pasted into one cell). */
static const ShouhuFormColumn annex2_columns[SHOUHU_ANNEX2_N_IMPORT_FIELDS] = {
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
  /* Districts registered each family's needs (登记造册) beside the form;
   * the import reads them, the official export leaves them out. */
  { SHOUHU_ANNEX2_FIELD_NEEDS, "needs", "需求", VARIANTS ("家庭需求", "服务需求", "需求事项", "家庭需求类型"),
    N_("Family Needs"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_NEEDS, .max_chars = 200 },
};

/* In ShouhuAnnex2Extra order. */
static const ShouhuFormExtraColumn annex2_extras[SHOUHU_ANNEX2_N_EXTRAS] = {
  { SHOUHU_ANNEX2_EXTRA_NUMBER, SHOUHU_ANNEX2_FORM_NUMBER_HEADING, VARIANTS ("编号", "序") },
  { SHOUHU_ANNEX2_EXTRA_VOLUNTEER_PHONES, "结对志愿者联系电话",
    VARIANTS ("志愿者联系电话", "志愿者电话", "结对志愿者电话", "志愿者手机", "结对志愿者手机",
              "志愿者联系方式", "结对志愿者联系方式") },
};

/* In ShouhuVolunteerField order, which is the roster's (志愿者花名册).
 * Volunteers have no form of the notice: the headings are those of the
 * roster Shouhu writes, the variants those of the lists that schools and
 * youth leagues make by hand.  Headings with brackets are compared with
 * ASCII brackets turned into full-width ones. */
static const ShouhuFormColumn volunteer_columns[SHOUHU_N_VOLUNTEER_FIELDS] = {
  { SHOUHU_VOLUNTEER_FIELD_NAME, "name", "姓名", VARIANTS ("志愿者姓名"), N_("Name"),
    .required = TRUE, .identifies = TRUE, .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT,
    .missing = N_("every row needs the volunteer's name") },
  { SHOUHU_VOLUNTEER_FIELD_GENDER, "gender", "性别", NULL, N_("Gender"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_GENDER },
  { SHOUHU_VOLUNTEER_FIELD_PHONE, "phone", "联系电话",
    VARIANTS ("手机", "手机号", "手机号码", "电话", "电话号码", "联系方式", "本人联系电话"), N_("Phone"),
    .identifies = TRUE, .in_sheet = TRUE, .kind = SHOUHU_FIELD_PHONE },
  { SHOUHU_VOLUNTEER_FIELD_DISTRICT, "district_id", "区县", VARIANTS ("区（县）", "所在区县", "区县名称"),
    N_("District"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_DISTRICT },
  { SHOUHU_VOLUNTEER_FIELD_TOWN, "town", "乡镇（街道）",
    VARIANTS ("乡镇", "街道", "镇街", "乡镇街道", "街镇", "所在乡镇（街道）", "所在街道"), N_("Town (Subdistrict)"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_ADDRESS },
  { SHOUHU_VOLUNTEER_FIELD_VILLAGE, "village", "村（社区）",
    VARIANTS ("社区", "村", "村社区", "村居", "村（居）", "所在社区", "所在村（社区）"), N_("Village (Community)"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_ADDRESS },
  { SHOUHU_VOLUNTEER_FIELD_SOURCE, "source", "来源", VARIANTS ("志愿者来源", "人员类别", "身份", "类别"),
    N_("Source"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_SOURCE },
  { SHOUHU_VOLUNTEER_FIELD_SKILLS, "skills", "专长", VARIANTS ("特长", "服务专长", "专长特长", "可提供服务"),
    N_("Skills"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_SKILLS },
  { SHOUHU_VOLUNTEER_FIELD_TRAINED_ON, "trained_on", "培训合格日期",
    VARIANTS ("防护培训合格日期", "培训日期", "培训时间", "防护培训日期"), N_("Training Passed On"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_DATE },
  { SHOUHU_VOLUNTEER_FIELD_GEAR_ON, "gear_on", "防护用品发放日期",
    VARIANTS ("防护用品发放时间", "发放日期", "防护物资发放日期"), N_("Gear Issued On"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_DATE },
  { SHOUHU_VOLUNTEER_FIELD_GEAR, "gear", "防护用品", VARIANTS ("已发放防护用品", "发放防护用品", "防护物资"),
    N_("Protective Gear"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_GEAR },
  { SHOUHU_VOLUNTEER_FIELD_INSURER, "insurer", "保险公司", VARIANTS ("承保公司", "保险机构", "承保机构"),
    N_("Insurer"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT },
  { SHOUHU_VOLUNTEER_FIELD_POLICY_NO, "policy_no", "保单号", VARIANTS ("保单号码", "保险单号"), N_("Policy Number"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT },
  { SHOUHU_VOLUNTEER_FIELD_INSURED_FROM, "insured_from", "保险起始日",
    VARIANTS ("保险起始日期", "保险开始日期", "保险生效日期", "保险起期"), N_("Insured From"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_DATE },
  { SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL, "insured_until", "保险到期日",
    VARIANTS ("保险到期日期", "保险截止日期", "保险结束日期", "保险止期"), N_("Insured Until"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_DATE },
  { SHOUHU_VOLUNTEER_FIELD_NOTE, "note", "备注", VARIANTS ("说明"), N_("Remarks"),
    .in_sheet = TRUE, .kind = SHOUHU_FIELD_TEXT },
};

/* Returns: the table: %SHOUHU_ANNEX2_N_IMPORT_FIELDS columns, in field
 * order, the form's %SHOUHU_ANNEX2_N_FIELDS first */
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
  g_return_val_if_fail (field < SHOUHU_ANNEX2_N_IMPORT_FIELDS, NULL);
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

/* Full-width brackets for ASCII ones: 乡镇(街道) is 乡镇（街道）. */
static char *
fold_brackets (const char *heading)
{
  GString *out = g_string_new (NULL);

  for (const char *p = heading; *p != '\0'; p++)
    {
      if (*p == '(')
        g_string_append (out, "（");
      else if (*p == ')')
        g_string_append (out, "）");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * shouhu_volunteer_form_find_heading:
 * @heading: a heading cell's text, without spaces and with ASCII digits
 *
 * Returns: (nullable): the volunteer's column that @heading names, by
 *   the roster's heading or one of its variants
 */
const ShouhuFormColumn *
shouhu_volunteer_form_find_heading (const char *heading)
{
  g_autofree char *folded = fold_brackets (heading);

  for (guint i = 0; i < G_N_ELEMENTS (volunteer_columns); i++)
    {
      const ShouhuFormColumn *c = &volunteer_columns[i];

      if (heading_matches (folded, c->heading, c->variants))
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
 * number, 结对志愿者, and 需求, flags). */
gboolean
shouhu_annex2_field_is_text (ShouhuAnnex2Field field)
{
  ShouhuFieldKind kind = shouhu_annex2_form_column (field)->kind;

  return kind != SHOUHU_FIELD_DISTRICT && kind != SHOUHU_FIELD_VOLUNTEERS && kind != SHOUHU_FIELD_NEEDS;
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
