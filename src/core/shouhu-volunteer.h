/* shouhu-volunteer.h — a volunteer (志愿者) as a value: the record, the
 * values its fields take, and readiness (可上岗), the rule of the notice
 * (防护培训不合格的绝不上岗、防护措施不到位的绝不上岗, and insured)
 *
 * Nothing here touches the store.  Readiness is computed, never stored:
 * shouhu_volunteer_readiness() for one record, and the same rule as SQL
 * text, shouhu_volunteer_ready_sql(), for core's queries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2-form.h"

G_BEGIN_DECLS

/* A rejected volunteer: the code is the ShouhuVolunteerField at fault. */
#define SHOUHU_VOLUNTEER_FIELD_ERROR (shouhu_volunteer_field_error_quark ())

typedef enum            /* 专长 (flags) */
{
  SHOUHU_SKILL_CARE       = 1 << 0,  /* 照料老人小孩 */
  SHOUHU_SKILL_TUTORING   = 1 << 1,  /* 学业辅导 */
  SHOUHU_SKILL_SUPPLIES   = 1 << 2,  /* 生活物资采买 */
  SHOUHU_SKILL_TRANSPORT  = 1 << 3,  /* 交通出行/驾驶 */
  SHOUHU_SKILL_MEDICAL    = 1 << 4,  /* 医学/心理 */
  SHOUHU_SKILL_OTHER      = 1 << 5,  /* 其他 */
} ShouhuSkill;

#define SHOUHU_SKILL_ALL 0x3f

typedef enum            /* 防护用品 issued (flags) */
{
  SHOUHU_GEAR_MASKS       = 1 << 0,  /* 口罩 */
  SHOUHU_GEAR_ALCOHOL     = 1 << 1,  /* 酒精 */
  SHOUHU_GEAR_DISINFECTANT = 1 << 2, /* 消毒液 */
} ShouhuGear;

/* The basic gear the notice names: all of it is needed to go on duty. */
#define SHOUHU_GEAR_ALL 7

typedef enum            /* what a volunteer lacks (flags) */
{
  SHOUHU_LACKS_TRAINING   = 1 << 0,  /* 培训 */
  SHOUHU_LACKS_GEAR       = 1 << 1,  /* 防护用品 */
  SHOUHU_LACKS_INSURANCE  = 1 << 2,  /* 保险 */
} ShouhuLacks;

/* The sources a volunteer comes from (来源), as stored. */
#define SHOUHU_SOURCE_PARTY_MEMBER  "党员"
#define SHOUHU_SOURCE_TEACHER       "教师"
#define SHOUHU_SOURCE_STUDENT       "大学生"
#define SHOUHU_SOURCE_SOCIAL_WORKER "社会工作者"
#define SHOUHU_SOURCE_YOUTH         "青年志愿者"
#define SHOUHU_SOURCE_PUBLIC        "群众"
#define SHOUHU_SOURCE_OTHER         "其他"

typedef struct
{
  gint64  id;
  char   *name;            /* 姓名 */
  char   *phone;           /* 联系电话 */
  int     district_id;     /* 区县, 0 when not known */
  char   *town;            /* 乡镇（街道） */
  char   *village;         /* 村（社区） */
  char   *note;            /* 备注 */
  char   *created;
  char   *changed;
  char   *gender;          /* 性别: "男", "女" or "" */
  char   *source;          /* 来源: one of SHOUHU_SOURCE_*, or "" */
  guint   skills;          /* 专长: ShouhuSkill flags */
  char   *trained_on;      /* 培训合格日期: YYYY-MM-DD or "" */
  char   *gear_on;         /* 防护用品发放日期: YYYY-MM-DD or "" */
  guint   gear;            /* 防护用品: ShouhuGear flags of the items issued */
  char   *insurer;         /* 保险公司 */
  char   *policy_no;       /* 保单号 */
  char   *insured_from;    /* 保险起始日: YYYY-MM-DD or "" */
  char   *insured_until;   /* 保险到期日: YYYY-MM-DD or "", the last day covered */
} ShouhuVolunteer;

typedef struct
{
  gboolean ready;            /* 可上岗 */
  guint    lacks;            /* ShouhuLacks, 0 when ready */
  int      insurance_days;   /* days from D to insured_until; -1 when none (unset, or ended before D) */
} ShouhuReadiness;

/* Ready, and insurance ends within this many days: the label warns. */
#define SHOUHU_INSURANCE_WARN_DAYS 7

GQuark           shouhu_volunteer_field_error_quark (void);

ShouhuVolunteer *shouhu_volunteer_new            (void);
ShouhuVolunteer *shouhu_volunteer_copy           (const ShouhuVolunteer  *volunteer);
void             shouhu_volunteer_free           (ShouhuVolunteer        *volunteer);
gboolean         shouhu_volunteer_validate       (ShouhuVolunteer        *volunteer,
                                                  GError                **error);
char            *shouhu_volunteer_dup_field      (const ShouhuVolunteer  *volunteer,
                                                  ShouhuVolunteerField    field);
gboolean         shouhu_volunteer_set_field      (ShouhuVolunteer        *volunteer,
                                                  ShouhuVolunteerField    field,
                                                  const char             *text,
                                                  GError                **error);
char            *shouhu_volunteer_stamp          (const ShouhuVolunteer  *volunteer);
ShouhuVolunteer *shouhu_volunteer_merged         (const ShouhuVolunteer  *keep,
                                                  const ShouhuVolunteer  *other);

/* A record as a GVariant: id, then the stored values field by field. */
#define SHOUHU_VOLUNTEER_VARIANT_TYPE "(xssisssssussussss)"

GVariant        *shouhu_volunteer_to_variant     (const ShouhuVolunteer  *volunteer);
ShouhuVolunteer *shouhu_volunteer_from_variant   (GVariant               *variant);

/* Values as people write them */
const char      *shouhu_volunteer_parse_source   (const char             *text);
const char      *shouhu_volunteer_source_label   (const char             *source);
const char *const *shouhu_volunteer_sources      (void);
gboolean         shouhu_volunteer_parse_skills   (const char             *text,
                                                  guint                  *skills,
                                                  GError                **error);
char            *shouhu_volunteer_skills_text    (guint                   skills);
char            *shouhu_volunteer_skills_label   (guint                   skills);
const char      *shouhu_volunteer_skill_name     (ShouhuSkill             skill);
gboolean         shouhu_volunteer_parse_gear     (const char             *text,
                                                  guint                  *gear,
                                                  GError                **error);
char            *shouhu_volunteer_gear_text      (guint                   gear);

/* Readiness */
char            *shouhu_volunteer_today          (void);
ShouhuReadiness  shouhu_volunteer_readiness      (const ShouhuVolunteer  *volunteer,
                                                  const char             *day);
ShouhuReadiness  shouhu_volunteer_readiness_of   (const char             *trained_on,
                                                  const char             *gear_on,
                                                  guint                   gear,
                                                  const char             *insured_from,
                                                  const char             *insured_until,
                                                  const char             *day);
gboolean         shouhu_readiness_insurance_warns (const ShouhuReadiness *readiness);
char            *shouhu_readiness_label          (const ShouhuReadiness  *readiness);
char            *shouhu_readiness_lacks_text     (guint                   lacks);
char            *shouhu_readiness_sheet_text     (const ShouhuReadiness  *readiness);

/* For core's SQL: the rule over a volunteer row, with the parameter :day */
char            *shouhu_volunteer_ready_sql      (const char             *alias);
char            *shouhu_volunteer_insurance_warn_sql (const char         *alias);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuVolunteer, shouhu_volunteer_free)

G_END_DECLS
