/* shouhu-pairing.c — the values of "1+N" pairing: a family's needs as
 * people write them, a pairing's role, nearness, and who went to Hubei
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-pairing.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (shouhu-pairing-error-quark, shouhu_pairing_error)

typedef struct
{
  ShouhuFamilyNeed  need;
  const char       *name;   /* as stored and written on forms */
  const char       *label;  /* for the UI, untranslated */
  guint             skill;  /* ShouhuSkill */
  ShouhuNearness    reach;
} NeedInfo;

/* In list order.  Shopping, driving and looking after someone happen at
 * the door: same 乡镇（街道） or nearer.  Tutoring and talking can be done
 * by phone or video from anywhere in the district. */
static const NeedInfo needs[SHOUHU_N_FAMILY_NEEDS] = {
  { SHOUHU_FAMILY_NEED_ELDERLY, "照料老人", N_("Elderly Care"), SHOUHU_SKILL_CARE, SHOUHU_NEARNESS_TOWN },
  { SHOUHU_FAMILY_NEED_CHILDREN, "照看小孩", N_("Childcare"), SHOUHU_SKILL_CARE, SHOUHU_NEARNESS_TOWN },
  { SHOUHU_FAMILY_NEED_TUTORING, "学业辅导", N_("Tutoring"), SHOUHU_SKILL_TUTORING, SHOUHU_NEARNESS_DISTRICT },
  { SHOUHU_FAMILY_NEED_SUPPLIES, "生活物资", N_("Daily Supplies"), SHOUHU_SKILL_SUPPLIES, SHOUHU_NEARNESS_TOWN },
  { SHOUHU_FAMILY_NEED_TRANSPORT, "交通出行", N_("Transport"), SHOUHU_SKILL_TRANSPORT, SHOUHU_NEARNESS_TOWN },
  { SHOUHU_FAMILY_NEED_COUNSELLING, "心理疏导", N_("Counselling"), SHOUHU_SKILL_MEDICAL, SHOUHU_NEARNESS_DISTRICT },
  { SHOUHU_FAMILY_NEED_OTHER, "其他", N_("Other"), SHOUHU_SKILL_OTHER, SHOUHU_NEARNESS_DISTRICT },
};

/* Words people write for each need; a word naming several (照料老人小孩)
 * is matched by every part it holds. */
typedef struct
{
  const char *word;
  guint       needs;
} NeedWord;

static const NeedWord need_words[] = {
  { "照料老人", SHOUHU_FAMILY_NEED_ELDERLY }, { "老人", SHOUHU_FAMILY_NEED_ELDERLY },
  { "照料", SHOUHU_FAMILY_NEED_ELDERLY }, { "养老", SHOUHU_FAMILY_NEED_ELDERLY },
  { "老年", SHOUHU_FAMILY_NEED_ELDERLY }, { "照看小孩", SHOUHU_FAMILY_NEED_CHILDREN },
  { "小孩", SHOUHU_FAMILY_NEED_CHILDREN }, { "孩子", SHOUHU_FAMILY_NEED_CHILDREN },
  { "儿童", SHOUHU_FAMILY_NEED_CHILDREN }, { "子女", SHOUHU_FAMILY_NEED_CHILDREN },
  { "看护", SHOUHU_FAMILY_NEED_CHILDREN }, { "托管", SHOUHU_FAMILY_NEED_CHILDREN },
  { "带娃", SHOUHU_FAMILY_NEED_CHILDREN }, { "学业辅导", SHOUHU_FAMILY_NEED_TUTORING },
  { "辅导", SHOUHU_FAMILY_NEED_TUTORING }, { "作业", SHOUHU_FAMILY_NEED_TUTORING },
  { "学业", SHOUHU_FAMILY_NEED_TUTORING }, { "学习", SHOUHU_FAMILY_NEED_TUTORING },
  { "网课", SHOUHU_FAMILY_NEED_TUTORING }, { "功课", SHOUHU_FAMILY_NEED_TUTORING },
  { "生活物资", SHOUHU_FAMILY_NEED_SUPPLIES }, { "物资", SHOUHU_FAMILY_NEED_SUPPLIES },
  { "买菜", SHOUHU_FAMILY_NEED_SUPPLIES }, { "采买", SHOUHU_FAMILY_NEED_SUPPLIES },
  { "代购", SHOUHU_FAMILY_NEED_SUPPLIES }, { "购物", SHOUHU_FAMILY_NEED_SUPPLIES },
  { "送菜", SHOUHU_FAMILY_NEED_SUPPLIES }, { "买药", SHOUHU_FAMILY_NEED_SUPPLIES },
  { "生活用品", SHOUHU_FAMILY_NEED_SUPPLIES }, { "交通出行", SHOUHU_FAMILY_NEED_TRANSPORT },
  { "交通", SHOUHU_FAMILY_NEED_TRANSPORT }, { "出行", SHOUHU_FAMILY_NEED_TRANSPORT },
  { "接送", SHOUHU_FAMILY_NEED_TRANSPORT }, { "用车", SHOUHU_FAMILY_NEED_TRANSPORT },
  { "驾驶", SHOUHU_FAMILY_NEED_TRANSPORT }, { "送医", SHOUHU_FAMILY_NEED_TRANSPORT },
  { "心理疏导", SHOUHU_FAMILY_NEED_COUNSELLING }, { "心理", SHOUHU_FAMILY_NEED_COUNSELLING },
  { "疏导", SHOUHU_FAMILY_NEED_COUNSELLING }, { "陪伴", SHOUHU_FAMILY_NEED_COUNSELLING },
  { "聊天", SHOUHU_FAMILY_NEED_COUNSELLING }, { "谈心", SHOUHU_FAMILY_NEED_COUNSELLING },
  { "其他", SHOUHU_FAMILY_NEED_OTHER }, { "其它", SHOUHU_FAMILY_NEED_OTHER },
};

static const NeedInfo *
need_info (guint need)
{
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    if (needs[i].need == need)
      return &needs[i];
  return NULL;
}

const char *
shouhu_family_need_name (ShouhuFamilyNeed need)
{
  const NeedInfo *info = need_info (need);

  return info != NULL ? info->name : NULL;
}

const char *
shouhu_family_need_label (ShouhuFamilyNeed need)
{
  const NeedInfo *info = need_info (need);

  return info != NULL ? _(info->label) : NULL;
}

guint
shouhu_family_need_skill (ShouhuFamilyNeed need)
{
  const NeedInfo *info = need_info (need);

  return info != NULL ? info->skill : 0;
}

ShouhuNearness
shouhu_family_need_reach (ShouhuFamilyNeed need)
{
  const NeedInfo *info = need_info (need);

  return info != NULL ? info->reach : SHOUHU_NEARNESS_VILLAGE;
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || strchr (",;/|+", (int) c) != NULL || c == 0x3001 /* 、 */ ||
         c == 0xFF0C /* ， */ || c == 0xFF1B /* ； */ || c == 0xFF0F /* ／ */ || c == 0x3000 ||
         c == 0x548C /* 和 */ || c == 0x53CA /* 及 */;
}

/* The needs a word names: every known word it holds. */
static guint
needs_of_word (const char *word)
{
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (need_words); i++)
    if (strstr (word, need_words[i].word) != NULL)
      found |= need_words[i].needs;
  return found;
}

/**
 * shouhu_family_needs_parse:
 * @text: as written: 照料老人、学业辅导; 买菜/接送; "" or 无 for none
 * @needs: (out): the ShouhuFamilyNeed flags
 */
gboolean
shouhu_family_needs_parse (const char  *text,
                           guint       *needs_out,
                           GError     **error)
{
  g_autofree char *whole = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GString) word = g_string_new (NULL);
  guint flags = 0;

  *needs_out = 0;
  if (*whole == '\0' || strcmp (whole, "无") == 0 || strcmp (whole, "暂无") == 0 || strcmp (whole, "-") == 0)
    return TRUE;
  for (const char *p = whole;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && !is_separator (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          guint found = needs_of_word (word->str);

          if (found == 0)
            {
              g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_INVALID,
                           _("Family Needs “%s” is not known: write 照料老人, 照看小孩, 学业辅导, 生活物资, "
                             "交通出行, 心理疏导 or 其他"), word->str);
              return FALSE;
            }
          flags |= found;
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  *needs_out = flags;
  return TRUE;
}

static char *
join_needs (guint    flags,
            gboolean translated)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      if ((flags & needs[i].need) == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, translated ? _(", ") : "、");
      g_string_append (out, translated ? _(needs[i].label) : needs[i].name);
    }
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): "照料老人、学业辅导"; "" for none */
char *
shouhu_family_needs_text (guint flags)
{
  return join_needs (flags, FALSE);
}

char *
shouhu_family_needs_label (guint flags)
{
  return join_needs (flags, TRUE);
}

gboolean
shouhu_pairing_role_is_valid (guint role)
{
  return role == SHOUHU_PAIRING_BASIC || need_info (role) != NULL;
}

const char *
shouhu_pairing_role_name (guint role)
{
  return role == SHOUHU_PAIRING_BASIC ? "保底" : shouhu_family_need_name (role);
}

const char *
shouhu_pairing_role_label (guint role)
{
  /* Translators: the one guardian every family has for basic service (保底) */
  return role == SHOUHU_PAIRING_BASIC ? C_("pairing role", "Basic Guardian") : shouhu_family_need_label (role);
}

const char *
shouhu_nearness_label (ShouhuNearness nearness)
{
  switch (nearness)
    {
    case SHOUHU_NEARNESS_VILLAGE:
      return _("Same community");
    case SHOUHU_NEARNESS_TOWN:
      return _("Same subdistrict");
    case SHOUHU_NEARNESS_DISTRICT:
    default:
      return _("Same district");
    }
}

/* The notice names 援鄂医护人员 first, but Annex 2 has no column for
 * them: districts write it in 一线工作具体地点 (武汉金银潭医院, 支援湖北) or
 * in 备注 (援鄂医疗队). */
gboolean
shouhu_pairing_worker_is_hubei (const char *work_place,
                                const char *note)
{
  static const char *const marks[] = { "湖北", "援鄂", "武汉" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if ((work_place != NULL && strstr (work_place, marks[i]) != NULL) ||
        (note != NULL && strstr (note, marks[i]) != NULL))
      return TRUE;
  return FALSE;
}
