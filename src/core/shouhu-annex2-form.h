/* shouhu-annex2-form.h — the one description of the Annex 2 form (附件2)
 * and of a volunteer's fields
 *
 * A table of columns: what each is called in the store, on the printed
 * form and in the headings people write instead, what the UI calls it,
 * whether a record needs it, what kind of value it holds and how a
 * masked export hides it.  The editor, the list, the export, the import
 * and masking all read it; adding a column is a row here, a member of
 * ShouhuWorker and a migration.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fields of an Annex 2 record, in the form's order: 区县 from the
 * form's header line, then its columns after the generated 序号. */
typedef enum
{
  SHOUHU_ANNEX2_FIELD_DISTRICT,      /* 区县 */
  SHOUHU_ANNEX2_FIELD_HOSPITAL,      /* 医院 */
  SHOUHU_ANNEX2_FIELD_NAME,          /* 姓名 */
  SHOUHU_ANNEX2_FIELD_GENDER,        /* 性别 */
  SHOUHU_ANNEX2_FIELD_TITLE,         /* 职务 */
  SHOUHU_ANNEX2_FIELD_WORK_PLACE,    /* 一线工作具体地点 */
  SHOUHU_ANNEX2_FIELD_HOME_ADDRESS,  /* 家庭地址 */
  SHOUHU_ANNEX2_FIELD_PHONE,         /* 本人联系电话 */
  SHOUHU_ANNEX2_FIELD_FAMILY_PHONE,  /* 家属联系电话 */
  SHOUHU_ANNEX2_FIELD_VOLUNTEERS,    /* 结对志愿者 */
  SHOUHU_ANNEX2_FIELD_NOTE,          /* 备注 */
  SHOUHU_ANNEX2_N_FIELDS,
  /* Columns the import reads that the notice's form does not print, so
   * that the official export never writes them (they come after the
   * form's fields, and loops up to SHOUHU_ANNEX2_N_FIELDS pass them by). */
  SHOUHU_ANNEX2_FIELD_NEEDS = SHOUHU_ANNEX2_N_FIELDS,  /* 需求: the family's needs (shouhu-pairing.h) */
  SHOUHU_ANNEX2_N_IMPORT_FIELDS
} ShouhuAnnex2Field;

/* A volunteer's fields. */
typedef enum
{
  SHOUHU_VOLUNTEER_FIELD_NAME,          /* 姓名 */
  SHOUHU_VOLUNTEER_FIELD_GENDER,        /* 性别 */
  SHOUHU_VOLUNTEER_FIELD_PHONE,         /* 联系电话 */
  SHOUHU_VOLUNTEER_FIELD_DISTRICT,      /* 区县 */
  SHOUHU_VOLUNTEER_FIELD_TOWN,          /* 乡镇（街道） */
  SHOUHU_VOLUNTEER_FIELD_VILLAGE,       /* 村（社区） */
  SHOUHU_VOLUNTEER_FIELD_SOURCE,        /* 来源 */
  SHOUHU_VOLUNTEER_FIELD_SKILLS,        /* 专长 */
  SHOUHU_VOLUNTEER_FIELD_TRAINED_ON,    /* 培训合格日期 */
  SHOUHU_VOLUNTEER_FIELD_GEAR_ON,       /* 防护用品发放日期 */
  SHOUHU_VOLUNTEER_FIELD_GEAR,          /* 防护用品 (口罩、酒精、消毒液) */
  SHOUHU_VOLUNTEER_FIELD_INSURER,       /* 保险公司 */
  SHOUHU_VOLUNTEER_FIELD_POLICY_NO,     /* 保单号 */
  SHOUHU_VOLUNTEER_FIELD_INSURED_FROM,  /* 保险起始日 */
  SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL, /* 保险到期日 */
  SHOUHU_VOLUNTEER_FIELD_NOTE,          /* 备注 */
  SHOUHU_N_VOLUNTEER_FIELDS
} ShouhuVolunteerField;

/* The sheet's first column, numbered by the export and passed over by
 * the import: it holds no field. */
#define SHOUHU_ANNEX2_FORM_NUMBER_HEADING "序号"

typedef enum
{
  SHOUHU_FIELD_TEXT,        /* free text */
  SHOUHU_FIELD_DISTRICT,    /* one of the 41 units, stored as its number */
  SHOUHU_FIELD_GENDER,      /* 男 or 女 */
  SHOUHU_FIELD_PHONE,       /* a phone number, stored normalised */
  SHOUHU_FIELD_ADDRESS,     /* free text naming a place */
  SHOUHU_FIELD_VOLUNTEERS,  /* the paired volunteers, stored as pairings */
  SHOUHU_FIELD_DATE,        /* a date, stored as YYYY-MM-DD, or "" */
  SHOUHU_FIELD_SOURCE,      /* a volunteer's 来源 (shouhu-volunteer.h) */
  SHOUHU_FIELD_SKILLS,      /* a volunteer's 专长, stored as ShouhuSkill flags */
  SHOUHU_FIELD_GEAR,        /* protective gear issued, stored as ShouhuGear flags */
  SHOUHU_FIELD_NEEDS,       /* a family's needs, stored as ShouhuFamilyNeed flags */
} ShouhuFieldKind;

/* How an export for wider circles hides a column (shouhu-mask.h): every
 * text is masked by what it holds, an address is cut shorter first. */
typedef enum
{
  SHOUHU_MASK_CONTENT,   /* phone and ID numbers, house numbers: shouhu_mask_text () */
  SHOUHU_MASK_ADDRESS,   /* below its 乡镇（街道） cut off (shouhu_mask_address ()), then by content */
} ShouhuMaskRule;

typedef struct
{
  int                field;       /* a ShouhuAnnex2Field or ShouhuVolunteerField */
  const char        *key;         /* the column in the store, and in history rows */
  const char        *heading;     /* as the notice prints it */
  const char *const *variants;    /* other headings people write; NULL-terminated, or NULL */
  const char        *label;       /* for the UI, untranslated: see shouhu_form_column_label() */
  gboolean           required;    /* a record needs a value */
  gboolean           identifies;  /* part of what tells one person from another */
  gboolean           in_sheet;    /* a column of the sheet (区县 is on the form's line) */
  ShouhuFieldKind    kind;
  ShouhuMaskRule     mask;
  const char        *missing;     /* untranslated: what a form row left empty needs */
  guint              max_chars;   /* the longest value kept, in characters; 0: no limit */
} ShouhuFormColumn;

/* Columns a filled-in form may have beside the notice's own: not fields
 * of a record, but read by the import. */
typedef enum
{
  SHOUHU_ANNEX2_EXTRA_NUMBER,            /* 序号: numbered by the export, passed over */
  SHOUHU_ANNEX2_EXTRA_VOLUNTEER_PHONES,  /* 结对志愿者联系电话: the phones of 结对志愿者,
                                          * in the same order */
  SHOUHU_ANNEX2_N_EXTRAS
} ShouhuAnnex2Extra;

typedef struct
{
  ShouhuAnnex2Extra  extra;
  const char        *heading;
  const char *const *variants;    /* NULL-terminated, or NULL */
} ShouhuFormExtraColumn;

const ShouhuFormColumn *shouhu_annex2_form_columns      (void);
const ShouhuFormColumn *shouhu_annex2_form_column       (ShouhuAnnex2Field       field);
const ShouhuFormColumn *shouhu_annex2_form_find_key     (const char             *key);
const ShouhuFormColumn *shouhu_annex2_form_find_heading (const char             *heading);
const ShouhuFormExtraColumn *shouhu_annex2_form_find_extra (const char        *heading);
const ShouhuFormExtraColumn *shouhu_annex2_form_extra      (ShouhuAnnex2Extra  extra);
gboolean                shouhu_annex2_field_in_record   (ShouhuAnnex2Field       field);
gboolean                shouhu_annex2_field_is_text     (ShouhuAnnex2Field       field);
const char             *shouhu_annex2_field_label       (ShouhuAnnex2Field       field);
char                   *shouhu_annex2_form_sql_columns  (const char             *prefix,
                                                         const char             *suffix,
                                                         gboolean                with_key);

const ShouhuFormColumn *shouhu_volunteer_form_columns   (void);
const ShouhuFormColumn *shouhu_volunteer_form_column    (ShouhuVolunteerField    field);
const ShouhuFormColumn *shouhu_volunteer_form_find_key  (const char             *key);
const ShouhuFormColumn *shouhu_volunteer_form_find_heading (const char          *heading);
const char             *shouhu_volunteer_field_label    (ShouhuVolunteerField    field);

const char             *shouhu_form_column_label        (const ShouhuFormColumn *column);
const char             *shouhu_form_parse_gender        (const char             *text);

G_END_DECLS
