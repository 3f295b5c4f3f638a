/* shouhu-volunteer.c — a volunteer (志愿者) as a value: fields, the values
 * they take as people write them, and readiness (可上岗)
 *
 * Readiness is the notice's rule (四(三)): trained, equipped with the
 * basic gear, insured on the day.  It is written twice, here in C for one
 * record and in shouhu_volunteer_ready_sql() for queries; the readiness
 * test runs both on the same examples.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2-private.h"
#include "shouhu-volunteer.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* The one place that knows which member holds which text field: %NULL
 * for 区县, 专长 and 防护用品 (numbers). */
static char **
volunteer_text (ShouhuVolunteer      *v,
                ShouhuVolunteerField  field)
{
  switch (field)
    {
    case SHOUHU_VOLUNTEER_FIELD_NAME:          return &v->name;
    case SHOUHU_VOLUNTEER_FIELD_GENDER:        return &v->gender;
    case SHOUHU_VOLUNTEER_FIELD_PHONE:         return &v->phone;
    case SHOUHU_VOLUNTEER_FIELD_TOWN:          return &v->town;
    case SHOUHU_VOLUNTEER_FIELD_VILLAGE:       return &v->village;
    case SHOUHU_VOLUNTEER_FIELD_SOURCE:        return &v->source;
    case SHOUHU_VOLUNTEER_FIELD_TRAINED_ON:    return &v->trained_on;
    case SHOUHU_VOLUNTEER_FIELD_GEAR_ON:       return &v->gear_on;
    case SHOUHU_VOLUNTEER_FIELD_INSURER:       return &v->insurer;
    case SHOUHU_VOLUNTEER_FIELD_POLICY_NO:     return &v->policy_no;
    case SHOUHU_VOLUNTEER_FIELD_INSURED_FROM:  return &v->insured_from;
    case SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL: return &v->insured_until;
    case SHOUHU_VOLUNTEER_FIELD_NOTE:          return &v->note;
    case SHOUHU_VOLUNTEER_FIELD_DISTRICT:
    case SHOUHU_VOLUNTEER_FIELD_SKILLS:
    case SHOUHU_VOLUNTEER_FIELD_GEAR:
    case SHOUHU_N_VOLUNTEER_FIELDS:
    default:
      return NULL;
    }
}

ShouhuVolunteer *
shouhu_volunteer_new (void)
{
  ShouhuVolunteer *v = g_new0 (ShouhuVolunteer, 1);

  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    if (volunteer_text (v, f) != NULL)
      *volunteer_text (v, f) = g_strdup ("");
  return v;
}

ShouhuVolunteer *
shouhu_volunteer_copy (const ShouhuVolunteer *volunteer)
{
  ShouhuVolunteer *v = g_new0 (ShouhuVolunteer, 1);

  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      char **text = volunteer_text (v, f);
      const char *value = text != NULL ? *volunteer_text ((ShouhuVolunteer *) volunteer, f) : NULL;

      if (text != NULL)
        *text = g_strdup (value != NULL ? value : "");
    }
  v->id = volunteer->id;
  v->district_id = volunteer->district_id;
  v->skills = volunteer->skills;
  v->gear = volunteer->gear;
  v->created = g_strdup (volunteer->created);
  v->changed = g_strdup (volunteer->changed);
  return v;
}

void
shouhu_volunteer_free (ShouhuVolunteer *volunteer)
{
  if (volunteer == NULL)
    return;
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    if (volunteer_text (volunteer, f) != NULL)
      g_free (*volunteer_text (volunteer, f));
  g_free (volunteer->created);
  g_free (volunteer->changed);
  g_free (volunteer);
}

/**
 * shouhu_volunteer_get_field:
 *
 * Returns: the field as text, as the roster writes it and the history
 *   keeps it: 区县 as the district's name, 专长 and 防护用品 as their
 *   names joined with 、 (interned strings: there are few of them)
 */
const char *
shouhu_volunteer_get_field (const ShouhuVolunteer *v,
                            ShouhuVolunteerField   field)
{
  char **text;

  g_return_val_if_fail (field < SHOUHU_N_VOLUNTEER_FIELDS, NULL);

  switch (field)
    {
    case SHOUHU_VOLUNTEER_FIELD_DISTRICT:
      return shouhu_annex2_district_name (v->district_id);
    case SHOUHU_VOLUNTEER_FIELD_SKILLS:
      {
        g_autofree char *s = shouhu_volunteer_skills_text (v->skills);
        return g_intern_string (s);
      }
    case SHOUHU_VOLUNTEER_FIELD_GEAR:
      {
        g_autofree char *s = shouhu_volunteer_gear_text (v->gear);
        return g_intern_string (s);
      }
    default:
      text = volunteer_text ((ShouhuVolunteer *) v, field);
      return *text != NULL ? *text : "";
    }
}

/* Returns: (transfer full): the field as shouhu_volunteer_get_field() writes it */
char *
shouhu_volunteer_dup_field (const ShouhuVolunteer *volunteer,
                            ShouhuVolunteerField   field)
{
  return g_strdup (shouhu_volunteer_get_field (volunteer, field));
}

/**
 * shouhu_volunteer_set_field:
 * @text: (nullable): as typed or read from a sheet; %NULL for ""
 *
 * Text fields are kept as given (shouhu_volunteer_validate() checks and
 * normalises them); 区县 is looked up by name, 专长 and 防护用品 are read
 * as people write them.  On failure @volunteer is unchanged and @error,
 * in %SHOUHU_VOLUNTEER_FIELD_ERROR, has the field as its code.
 */
gboolean
shouhu_volunteer_set_field (ShouhuVolunteer       *v,
                            ShouhuVolunteerField   field,
                            const char            *text,
                            GError               **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GError) inner = NULL;
  char **member;

  g_return_val_if_fail (field < SHOUHU_N_VOLUNTEER_FIELDS, FALSE);

  switch (field)
    {
    case SHOUHU_VOLUNTEER_FIELD_DISTRICT:
      {
        const ShouhuDistrict *d = *trimmed != '\0' ? shouhu_district_lookup (trimmed) : NULL;

        if (*trimmed != '\0' && d == NULL)
          {
            g_set_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, field,
                         _("%s “%s” is not one of the 41 units: write its name as in Annex 1"),
                         shouhu_volunteer_field_label (field), trimmed);
            return FALSE;
          }
        v->district_id = d != NULL ? d->id : 0;
        return TRUE;
      }
    case SHOUHU_VOLUNTEER_FIELD_SKILLS:
    case SHOUHU_VOLUNTEER_FIELD_GEAR:
      {
        guint flags = 0;
        gboolean ok = field == SHOUHU_VOLUNTEER_FIELD_SKILLS ? shouhu_volunteer_parse_skills (trimmed, &flags, &inner)
                                                             : shouhu_volunteer_parse_gear (trimmed, &flags, &inner);

        if (!ok)
          {
            g_propagate_error (error, g_steal_pointer (&inner));
            return FALSE;
          }
        if (field == SHOUHU_VOLUNTEER_FIELD_SKILLS)
          v->skills = flags;
        else
          v->gear = flags;
        return TRUE;
      }
    default:
      member = volunteer_text (v, field);
      g_free (*member);
      *member = g_steal_pointer (&trimmed);
      return TRUE;
    }
}

/**
 * shouhu_volunteer_validate:
 *
 * Checks @volunteer by its columns and normalises it in place: 姓名 is
 * required; 联系电话 a phone number if given; 区县 one of the units or 0;
 * 性别 男, 女 or empty; 来源 one of the sources as people write them
 * (中共党员 is 党员, 学生 is 大学生); dates real dates, stored as
 * YYYY-MM-DD; insurance not ending before it starts.  On failure the
 * error's domain is %SHOUHU_VOLUNTEER_FIELD_ERROR and its code the field
 * at fault.
 */
gboolean
shouhu_volunteer_validate (ShouhuVolunteer  *v,
                           GError          **error)
{
  char **texts[SHOUHU_N_VOLUNTEER_FIELDS];

  /* Rosters made by hand write 男性 and 女性 too. */
  if (v->gender != NULL && shouhu_form_parse_gender (g_strstrip (v->gender)) != NULL)
    {
      char *gender = g_strdup (shouhu_form_parse_gender (v->gender));

      g_free (v->gender);
      v->gender = gender;
    }
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    texts[f] = volunteer_text (v, f);
  if (!shouhu_form_check_record (shouhu_volunteer_form_columns (), SHOUHU_N_VOLUNTEER_FIELDS, texts, v->district_id,
                                 SHOUHU_VOLUNTEER_FIELD_ERROR, error))
    return FALSE;
  if ((v->skills & ~(guint) SHOUHU_SKILL_ALL) != 0)
    {
      g_set_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, SHOUHU_VOLUNTEER_FIELD_SKILLS,
                   _("%s holds an unknown skill: choose among the listed ones"),
                   shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_SKILLS));
      return FALSE;
    }
  if ((v->gear & ~(guint) SHOUHU_GEAR_ALL) != 0)
    {
      g_set_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, SHOUHU_VOLUNTEER_FIELD_GEAR,
                   _("%s holds an unknown item: choose among 口罩, 酒精 and 消毒液"),
                   shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_GEAR));
      return FALSE;
    }
  if (*v->insured_from != '\0' && *v->insured_until != '\0' && strcmp (v->insured_from, v->insured_until) > 0)
    {
      g_set_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL,
                   _("%s (%s) is before %s (%s): correct one of the two dates"),
                   shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL), v->insured_until,
                   shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_INSURED_FROM), v->insured_from);
      return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_volunteer_stamp:
 *
 * A digest of every field of @volunteer (not when it was changed): two
 * stamps differ exactly when a save would overwrite something.
 *
 * Returns: (transfer full): the stamp
 */
char *
shouhu_volunteer_stamp (const ShouhuVolunteer *volunteer)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      const char *text = shouhu_volunteer_get_field (volunteer, f);

      /* The NUL ends each field, so that no two records run together. */
      g_checksum_update (sum, (const guchar *) text, (gssize) strlen (text) + 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/**
 * shouhu_volunteer_to_variant:
 *
 * Returns: (transfer full): the record's id and stored values, exactly,
 *   as %SHOUHU_VOLUNTEER_VARIANT_TYPE (an undo keeps a record this way)
 */
GVariant *
shouhu_volunteer_to_variant (const ShouhuVolunteer *v)
{
  return g_variant_ref_sink (g_variant_new (SHOUHU_VOLUNTEER_VARIANT_TYPE, v->id, v->name, v->phone,
                                            v->district_id, v->town, v->village, v->note, v->gender, v->source,
                                            v->skills, v->trained_on, v->gear_on, v->gear, v->insurer,
                                            v->policy_no, v->insured_from, v->insured_until));
}

/**
 * shouhu_volunteer_from_variant:
 * @variant: as shouhu_volunteer_to_variant() made it
 *
 * Returns: (transfer full): the record (without its created and changed
 *   times)
 */
ShouhuVolunteer *
shouhu_volunteer_from_variant (GVariant *variant)
{
  ShouhuVolunteer *v = g_new0 (ShouhuVolunteer, 1);

  g_return_val_if_fail (g_variant_is_of_type (variant, G_VARIANT_TYPE (SHOUHU_VOLUNTEER_VARIANT_TYPE)), v);
  g_variant_get (variant, SHOUHU_VOLUNTEER_VARIANT_TYPE, &v->id, &v->name, &v->phone, &v->district_id, &v->town,
                 &v->village, &v->note, &v->gender, &v->source, &v->skills, &v->trained_on, &v->gear_on, &v->gear,
                 &v->insurer, &v->policy_no, &v->insured_from, &v->insured_until);
  return v;
}

/* Merging two records of one person */

static const char *
later (const char *a,
       const char *b)
{
  return strcmp (a, b) >= 0 ? a : b;
}

static void
set_text (char       **member,
          const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*member);
  *member = copy;
}

/**
 * shouhu_volunteer_merged:
 * @keep: the record that stays
 * @other: a record of the same person, to merge into @keep
 *
 * What @keep becomes: its own values where it has them, else those of
 * @other; the later training date; the later gear issue with the items
 * of both; the insurance that runs longer (insurer, policy and period
 * together); the skills of both; both remarks.
 *
 * Returns: (transfer full): the merged record, with @keep's id
 */
ShouhuVolunteer *
shouhu_volunteer_merged (const ShouhuVolunteer *keep,
                         const ShouhuVolunteer *other)
{
  ShouhuVolunteer *m = shouhu_volunteer_copy (keep);
  static const ShouhuVolunteerField filled[] = {
    SHOUHU_VOLUNTEER_FIELD_GENDER, SHOUHU_VOLUNTEER_FIELD_PHONE, SHOUHU_VOLUNTEER_FIELD_TOWN,
    SHOUHU_VOLUNTEER_FIELD_VILLAGE, SHOUHU_VOLUNTEER_FIELD_SOURCE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (filled); i++)
    {
      char **member = volunteer_text (m, filled[i]);

      if (**member == '\0')
        set_text (member, *volunteer_text ((ShouhuVolunteer *) other, filled[i]));
    }
  if (m->district_id == 0)
    m->district_id = other->district_id;
  m->skills |= other->skills;
  set_text (&m->trained_on, later (keep->trained_on, other->trained_on));
  set_text (&m->gear_on, later (keep->gear_on, other->gear_on));
  m->gear |= other->gear;
  if (strcmp (other->insured_until, keep->insured_until) > 0)
    {
      set_text (&m->insurer, other->insurer);
      set_text (&m->policy_no, other->policy_no);
      set_text (&m->insured_from, other->insured_from);
      set_text (&m->insured_until, other->insured_until);
    }
  if (*other->note != '\0' && strstr (keep->note, other->note) == NULL)
    {
      g_autofree char *both = *keep->note != '\0' ? g_strconcat (keep->note, "；", other->note, NULL)
                                                  : g_strdup (other->note);
      set_text (&m->note, both);
    }
  return m;
}

/* Sources (来源) */

typedef struct
{
  const char        *value;      /* as stored */
  const char        *label;      /* untranslated */
  const char *const *written;    /* what people write for it */
} SourceName;

#define WRITTEN(...) ((const char *const[]) { __VA_ARGS__, NULL })

static const SourceName sources[] = {
  { SHOUHU_SOURCE_PARTY_MEMBER, N_("Party member"),
    WRITTEN ("中共党员", "共产党员", "中共预备党员", "预备党员", "党员干部", "在职党员") },
  { SHOUHU_SOURCE_TEACHER, N_("Teacher"), WRITTEN ("老师", "教职工", "中小学教师", "教师志愿者") },
  { SHOUHU_SOURCE_STUDENT, N_("University student"),
    WRITTEN ("学生", "在校大学生", "在校学生", "高校学生", "研究生", "大学生志愿者") },
  { SHOUHU_SOURCE_SOCIAL_WORKER, N_("Social worker"), WRITTEN ("社工", "社会工作师", "社工机构") },
  { SHOUHU_SOURCE_YOUTH, N_("Youth volunteer"),
    WRITTEN ("青年", "团员", "共青团员", "青年志愿者协会", "青志协", "共青团") },
  { SHOUHU_SOURCE_PUBLIC, N_("Resident"), WRITTEN ("居民", "市民", "村民", "普通群众", "社会群众") },
  { SHOUHU_SOURCE_OTHER, N_("Other"), WRITTEN ("其它") },
};

/**
 * shouhu_volunteer_parse_source:
 * @text: as written, trimmed
 *
 * Returns: (nullable): the source as stored (党员 for 中共党员, 大学生
 *   for 学生, …); "" for ""; %NULL when @text names no source
 */
const char *
shouhu_volunteer_parse_source (const char *text)
{
  g_autofree char *bare = g_strdup (text);

  g_strstrip (bare);
  if (*bare == '\0')
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      if (strcmp (bare, sources[i].value) == 0)
        return sources[i].value;
      for (guint w = 0; sources[i].written[w] != NULL; w++)
        if (strcmp (bare, sources[i].written[w]) == 0)
          return sources[i].value;
    }
  return NULL;
}

/* Returns: (array zero-terminated=1): the sources as stored, in the notice's order */
const char *const *
shouhu_volunteer_sources (void)
{
  static const char *const values[] = {
    SHOUHU_SOURCE_PARTY_MEMBER, SHOUHU_SOURCE_TEACHER, SHOUHU_SOURCE_STUDENT, SHOUHU_SOURCE_SOCIAL_WORKER,
    SHOUHU_SOURCE_YOUTH, SHOUHU_SOURCE_PUBLIC, SHOUHU_SOURCE_OTHER, NULL
  };

  return values;
}

/* Returns: the source's label, translated; "" for "" */
const char *
shouhu_volunteer_source_label (const char *source)
{
  for (guint i = 0; source != NULL && i < G_N_ELEMENTS (sources); i++)
    if (strcmp (source, sources[i].value) == 0)
      return _(sources[i].label);
  return source != NULL ? source : "";
}

/* Skills (专长) */

typedef struct
{
  ShouhuSkill        skill;
  const char        *name;       /* as the roster writes it */
  const char        *label;      /* untranslated */
  const char *const *written;
} SkillName;

static const SkillName skills[] = {
  { SHOUHU_SKILL_CARE, "照料老人小孩", N_("Caring for the elderly and children"),
    WRITTEN ("照料老人", "照看小孩", "照顾老人", "照顾小孩", "照顾老人小孩", "照看老人小孩", "照料", "生活照料",
             "照看", "照护", "老人", "小孩", "儿童") },
  { SHOUHU_SKILL_TUTORING, "学业辅导", N_("Tutoring"),
    WRITTEN ("辅导学业", "辅导", "学习辅导", "课业辅导", "家教", "作业辅导") },
  { SHOUHU_SKILL_SUPPLIES, "生活物资采买", N_("Buying supplies"),
    WRITTEN ("采买生活物资", "物资采买", "采买", "代购", "买菜", "生活物资", "跑腿") },
  { SHOUHU_SKILL_TRANSPORT, "交通出行/驾驶", N_("Transport / driving"),
    WRITTEN ("交通出行", "驾驶", "出行", "交通", "司机", "开车", "雷锋的士", "接送", "车辆接送") },
  { SHOUHU_SKILL_MEDICAL, "医学/心理", N_("Medicine / counselling"),
    WRITTEN ("医学", "心理", "心理疏导", "心理咨询", "医疗", "医护", "心理辅导") },
  { SHOUHU_SKILL_OTHER, "其他", N_("Other"), WRITTEN ("其它") },
};

/* Returns: the skill's name as the roster writes it (照料老人小孩, …) */
const char *
shouhu_volunteer_skill_name (ShouhuSkill skill)
{
  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    if (skills[i].skill == skill)
      return skills[i].name;
  return "";
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || (c < 0x80 && strchr (",;/|+", (int) c) != NULL) ||
         c == 0x3001 /* 、 */ || c == 0xFF0C /* ， */ || c == 0xFF1B /* ； */ || c == 0xFF0F /* ／ */ ||
         c == 0x548C /* 和 */ || c == 0x53CA /* 及 */;
}

static guint
skill_of_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    {
      if (strcmp (word, skills[i].name) == 0)
        return skills[i].skill;
      for (guint w = 0; skills[i].written[w] != NULL; w++)
        if (strcmp (word, skills[i].written[w]) == 0)
          return skills[i].skill;
    }
  return 0;
}

/**
 * shouhu_volunteer_parse_skills:
 * @text: as written: names separated by 、，, / or spaces (照料老人小孩、
 *   学业辅导; 辅导, 驾驶); "" or 无 for none
 * @skills: (out): the ShouhuSkill flags
 */
gboolean
shouhu_volunteer_parse_skills (const char  *text,
                               guint       *skills_out,
                               GError     **error)
{
  g_autofree char *whole = g_strstrip (g_strdup (text != NULL ? text : ""));
  GString *word = g_string_new (NULL);
  guint flags = skill_of_word (whole);   /* 交通出行/驾驶 as one */
  const char *p = whole;

  if (flags != 0 || *whole == '\0' || strcmp (whole, "无") == 0)
    {
      g_string_free (word, TRUE);
      *skills_out = flags;
      return TRUE;
    }
  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && !is_separator (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          guint skill = skill_of_word (word->str);

          if (skill == 0)
            {
              g_set_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, SHOUHU_VOLUNTEER_FIELD_SKILLS,
                           _("%s “%s” is not known: write 照料老人小孩, 学业辅导, 生活物资采买, 交通出行/驾驶, "
                             "医学/心理 or 其他"),
                           shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_SKILLS), word->str);
              g_string_free (word, TRUE);
              return FALSE;
            }
          flags |= skill;
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  *skills_out = flags;
  return TRUE;
}

static char *
join_skills (guint       flags,
             gboolean    translated,
             const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    if (flags & skills[i].skill)
      g_string_append_printf (out, "%s%s", out->len > 0 ? separator : "",
                              translated ? _(skills[i].label) : skills[i].name);
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): the skills as the roster and the history
 * write them: 照料老人小孩、学业辅导 */
char *
shouhu_volunteer_skills_text (guint flags)
{
  return join_skills (flags, FALSE, "、");
}

/* Returns: (transfer full): the skills for the UI, translated */
char *
shouhu_volunteer_skills_label (guint flags)
{
  /* Translators: between the items of a short list (skills, what a volunteer lacks) */
  return join_skills (flags, TRUE, C_("list", ", "));
}

/* Protective gear (防护用品) */

static const struct
{
  ShouhuGear  item;
  const char *name;
  const char *written;   /* how it appears inside other words */
} gear_items[] = {
  { SHOUHU_GEAR_MASKS, "口罩", "口罩" },
  { SHOUHU_GEAR_ALCOHOL, "酒精", "酒精" },
  { SHOUHU_GEAR_DISINFECTANT, "消毒液", "消毒" },
};

/**
 * shouhu_volunteer_parse_gear:
 * @text: the items as written (口罩、酒精、消毒液; 口罩 酒精; 齐全 for
 *   all three); "" or 无 for none
 * @gear: (out): the ShouhuGear flags
 */
gboolean
shouhu_volunteer_parse_gear (const char  *text,
                             guint       *gear,
                             GError     **error)
{
  g_autofree char *bare = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint flags = 0;

  if (*bare == '\0' || strcmp (bare, "无") == 0)
    {
      *gear = 0;
      return TRUE;
    }
  if (strcmp (bare, "齐全") == 0 || strcmp (bare, "全部") == 0 || strcmp (bare, "已发齐") == 0)
    {
      *gear = SHOUHU_GEAR_ALL;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (gear_items); i++)
    if (strstr (bare, gear_items[i].written) != NULL)
      flags |= gear_items[i].item;
  if (flags == 0)
    {
      g_set_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, SHOUHU_VOLUNTEER_FIELD_GEAR,
                   _("%s “%s” names no item: write the items issued, such as 口罩、酒精、消毒液"),
                   shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_GEAR), bare);
      return FALSE;
    }
  *gear = flags;
  return TRUE;
}

/* Returns: (transfer full): the items as the roster writes them: 口罩、酒精 */
char *
shouhu_volunteer_gear_text (guint gear)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (gear_items); i++)
    if (gear & gear_items[i].item)
      g_string_append_printf (out, "%s%s", out->len > 0 ? "、" : "", gear_items[i].name);
  return g_string_free (out, FALSE);
}

/* Readiness */

/* Returns: (transfer full): today's date, local time, as YYYY-MM-DD */
char *
shouhu_volunteer_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static gboolean
set_on_or_before (const char *date,
                  const char *day)
{
  return date != NULL && *date != '\0' && strcmp (date, day) <= 0;
}

/**
 * shouhu_volunteer_readiness_of:
 * @day: (nullable): D as YYYY-MM-DD; %NULL for today
 *
 * The rule on the fields themselves, for callers that hold them without
 * a record (a row of a list).  See shouhu_volunteer_readiness().
 */
ShouhuReadiness
shouhu_volunteer_readiness_of (const char *trained_on,
                               const char *gear_on,
                               guint       gear,
                               const char *insured_from,
                               const char *insured_until,
                               const char *day)
{
  g_autofree char *today = day == NULL ? shouhu_volunteer_today () : NULL;
  const char *d = day != NULL ? day : today;
  ShouhuReadiness r = { FALSE, 0, -1 };
  GDate from, until;

  if (!set_on_or_before (trained_on, d))
    r.lacks |= SHOUHU_LACKS_TRAINING;
  if (!set_on_or_before (gear_on, d) || (gear & SHOUHU_GEAR_ALL) != SHOUHU_GEAR_ALL)
    r.lacks |= SHOUHU_LACKS_GEAR;
  /* A roster often gives only the day the insurance ends (保险到期日):
   * a policy with no start written is taken to run until then. */
  if ((insured_from != NULL && *insured_from != '\0' && strcmp (insured_from, d) > 0) ||
      insured_until == NULL || *insured_until == '\0' || strcmp (insured_until, d) < 0)
    r.lacks |= SHOUHU_LACKS_INSURANCE;
  if (insured_until != NULL && strcmp (insured_until, d) >= 0 && parse_day (d, &from) &&
      parse_day (insured_until, &until))
    r.insurance_days = g_date_days_between (&from, &until);
  r.ready = r.lacks == 0;
  return r;
}

/**
 * shouhu_volunteer_readiness:
 * @day: (nullable): D as YYYY-MM-DD; %NULL for today (local time)
 *
 * On D a volunteer is ready (可上岗) when trained on or before D, given
 * all three items of gear on or before D, and insured until a day on or
 * after D, from a day on or before D when the start is written.
 *
 * Returns: whether ready, what is lacking, and how many days the
 *   insurance still runs (-1 when there is none on D)
 */
ShouhuReadiness
shouhu_volunteer_readiness (const ShouhuVolunteer *volunteer,
                            const char            *day)
{
  return shouhu_volunteer_readiness_of (volunteer->trained_on, volunteer->gear_on, volunteer->gear,
                                        volunteer->insured_from, volunteer->insured_until, day);
}

/* Whether the label warns: ready, and the insurance ends within
 * %SHOUHU_INSURANCE_WARN_DAYS days (today counts as 0). */
gboolean
shouhu_readiness_insurance_warns (const ShouhuReadiness *readiness)
{
  return readiness->ready && readiness->insurance_days >= 0 &&
         readiness->insurance_days <= SHOUHU_INSURANCE_WARN_DAYS;
}

/* Returns: (transfer full): what @lacks names, translated: 培训／保险 */
char *
shouhu_readiness_lacks_text (guint lacks)
{
  static const struct { ShouhuLacks flag; const char *label; } items[] = {
    { SHOUHU_LACKS_TRAINING, N_("training") },
    { SHOUHU_LACKS_GEAR, N_("protective gear") },
    { SHOUHU_LACKS_INSURANCE, N_("insurance") },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (lacks & items[i].flag)
      /* Translators: between the things a volunteer lacks (培训／防护用品／保险) */
      g_string_append_printf (out, "%s%s", out->len > 0 ? C_("lacks", " / ") : "", _(items[i].label));
  return g_string_free (out, FALSE);
}

/**
 * shouhu_readiness_label:
 *
 * Returns: (transfer full): 可上岗; 待上岗（缺：培训／防护用品／保险）
 *   naming what is lacking; or, ready with insurance ending within
 *   %SHOUHU_INSURANCE_WARN_DAYS days, 保险3天后到期 / 保险今天到期
 *   (translated)
 */
char *
shouhu_readiness_label (const ShouhuReadiness *readiness)
{
  g_autofree char *lacks = NULL;

  if (shouhu_readiness_insurance_warns (readiness))
    {
      if (readiness->insurance_days == 0)
        return g_strdup (_("Insurance ends today"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Insurance ends in %d day", "Insurance ends in %d days",
                                           (gulong) readiness->insurance_days),
                              readiness->insurance_days);
    }
  if (readiness->ready)
    return g_strdup (_("Ready"));
  lacks = shouhu_readiness_lacks_text (readiness->lacks);
  /* Translators: %s lists what is lacking, such as “training / insurance” */
  return g_strdup_printf (_("Not ready (lacks: %s)"), lacks);
}

/**
 * shouhu_readiness_sheet_text:
 *
 * The label's words as a workbook writes them: in Chinese whatever the
 * language of the interface, as the official sheets are.
 *
 * Returns: (transfer full): 可上岗, 待上岗（缺：培训／保险）, 保险3天后到期 …
 */
char *
shouhu_readiness_sheet_text (const ShouhuReadiness *readiness)
{
  static const struct { ShouhuLacks flag; const char *word; } items[] = {
    { SHOUHU_LACKS_TRAINING, "培训" },
    { SHOUHU_LACKS_GEAR, "防护用品" },
    { SHOUHU_LACKS_INSURANCE, "保险" },
  };
  GString *out;

  if (shouhu_readiness_insurance_warns (readiness))
    return readiness->insurance_days == 0 ? g_strdup ("保险今天到期")
                                          : g_strdup_printf ("保险%d天后到期", readiness->insurance_days);
  if (readiness->ready)
    return g_strdup ("可上岗");
  out = g_string_new ("待上岗（缺：");
  for (guint i = 0, n = 0; i < G_N_ELEMENTS (items); i++)
    if (readiness->lacks & items[i].flag)
      g_string_append_printf (out, "%s%s", n++ > 0 ? "／" : "", items[i].word);
  g_string_append (out, "）");
  return g_string_free (out, FALSE);
}

/* The rule as SQL */

/**
 * shouhu_volunteer_ready_sql:
 * @alias: (nullable): the volunteer row's alias in the query ("v"), or
 *   %NULL for none
 *
 * The readiness rule as a SQL boolean expression over a volunteer row
 * and the named parameter :day (YYYY-MM-DD), to bind with
 * sqlite3_bind_parameter_index (stmt, ":day").  Figures and lists use
 * this, never a copy of it.  Name the query's other parameters too: a
 * named parameter takes the next free number, so a "?4" written after
 * the expression would be :day.
 *
 * Returns: (transfer full): the expression, in brackets
 */
char *
shouhu_volunteer_ready_sql (const char *alias)
{
  g_autofree char *a = alias != NULL && *alias != '\0' ? g_strconcat (alias, ".", NULL) : g_strdup ("");

  return g_strdup_printf ("(%1$strained_on <> '' AND %1$strained_on <= :day"
                          " AND %1$sgear_on <> '' AND %1$sgear_on <= :day AND %1$sgear = %2$d"
                          " AND (%1$sinsured_from = '' OR %1$sinsured_from <= :day)"
                          " AND %1$sinsured_until <> '' AND %1$sinsured_until >= :day)",
                          a, SHOUHU_GEAR_ALL);
}

/**
 * shouhu_volunteer_insurance_warn_sql:
 *
 * Like shouhu_volunteer_ready_sql(): ready on :day, and the insurance
 * ends within %SHOUHU_INSURANCE_WARN_DAYS days of it (the label's
 * warning).
 *
 * Returns: (transfer full): the expression, in brackets
 */
char *
shouhu_volunteer_insurance_warn_sql (const char *alias)
{
  g_autofree char *ready = shouhu_volunteer_ready_sql (alias);
  g_autofree char *a = alias != NULL && *alias != '\0' ? g_strconcat (alias, ".", NULL) : g_strdup ("");

  return g_strdup_printf ("(%s AND %sinsured_until <= date (:day, '+%d days'))", ready, a,
                          SHOUHU_INSURANCE_WARN_DAYS);
}
