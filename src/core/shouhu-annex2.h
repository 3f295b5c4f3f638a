/* shouhu-annex2.h — Annex 2: frontline workers, volunteers and pairings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2-form.h"
#include "shouhu-district.h"
#include "shouhu-store.h"
#include "shouhu-volunteer.h"

G_BEGIN_DECLS

#define SHOUHU_ANNEX2_ERROR (shouhu_annex2_error_quark ())

typedef enum
{
  SHOUHU_ANNEX2_ERROR_DUPLICATE,  /* same 姓名 + 本人联系电话 already stored */
  SHOUHU_ANNEX2_ERROR_NOT_FOUND,  /* the record is not there (any more) */
  SHOUHU_ANNEX2_ERROR_CONFLICT,   /* changed elsewhere since the editor read it */
} ShouhuAnnex2Error;

/* A rejected worker: the error code is the ShouhuAnnex2Field at fault, so
 * that a form can put the focus there. */
#define SHOUHU_WORKER_FIELD_ERROR (shouhu_worker_field_error_quark ())


#define SHOUHU_WORKER_NEEDS_UNKNOWN (-1)

typedef struct
{
  gint64  id;              /* 0 for a record not stored yet */
  int     district_id;     /* 区县, 1..41; 0 when not chosen */
  char   *hospital;        /* 医院 */
  char   *name;            /* 姓名 */
  char   *gender;          /* 性别: "男" or "女" */
  char   *title;           /* 职务 */
  char   *work_place;      /* 一线工作具体地点 */
  char   *home_address;    /* 家庭地址 */
  char   *phone;           /* 本人联系电话, normalised once stored */
  char   *family_phone;    /* 家属联系电话 */
  char   *note;            /* 备注 */
  int     needs;           /* 需求: ShouhuFamilyNeed flags (shouhu-pairing.h);
                            * SHOUHU_WORKER_NEEDS_UNKNOWN (a new record, or an
                            * imported sheet without the column): a save keeps
                            * what is stored, none for a new record */
  char   *created;         /* set by the store */
  char   *changed;
} ShouhuWorker;

typedef struct
{
  char   *at;
  char   *entity;          /* "worker", "volunteer", "district_form" */
  gint64  entity_id;
  char   *action;          /* "create", "edit", "delete", "restore", "pair", "unpair" */
  char   *field;           /* column name; NULL for whole-record actions */
  char   *old_value;
  char   *new_value;
  char   *import_file;     /* the file of the import that did it; NULL when
                            * done by hand */
} ShouhuHistoryEntry;

/* What a delete took away, enough to put it back as it was. */
typedef struct
{
  ShouhuWorker *worker;
  GArray       *volunteer_ids;  /* gint64 */
  GArray       *roles;          /* guint, each pairing's role (shouhu-pairing.h) */
  GPtrArray    *paired_on;      /* char *, the day each pairing was made */
} ShouhuDeletedWorker;

GQuark               shouhu_annex2_error_quark              (void);
GQuark               shouhu_worker_field_error_quark        (void);

const char          *shouhu_annex2_column_label     (const char           *entity,
                                                     const char           *column);

ShouhuWorker        *shouhu_worker_new              (void);
ShouhuWorker        *shouhu_worker_copy             (const ShouhuWorker   *worker);
void                 shouhu_worker_free             (ShouhuWorker         *worker);
const char          *shouhu_worker_get_field        (const ShouhuWorker   *worker,
                                                     ShouhuAnnex2Field     field);
void                 shouhu_worker_set_field        (ShouhuWorker         *worker,
                                                     ShouhuAnnex2Field     field,
                                                     const char           *text);
gboolean             shouhu_worker_validate         (ShouhuWorker         *worker,
                                                     GError              **error);
void                 shouhu_worker_take_field       (ShouhuWorker         *worker,
                                                     ShouhuAnnex2Field     field,
                                                     char                 *text);
char                *shouhu_worker_stamp            (const ShouhuWorker   *worker,
                                                     const gint64         *volunteer_ids,
                                                     gsize                 n_volunteers);


void                 shouhu_history_entry_free      (ShouhuHistoryEntry   *entry);
void                 shouhu_deleted_worker_free     (ShouhuDeletedWorker  *deleted);

/* Workers */
gint64               shouhu_annex2_save_worker      (ShouhuStore          *store,
                                                     const ShouhuWorker   *worker,
                                                     const gint64         *volunteer_ids,
                                                     gsize                 n_volunteers,
                                                     gboolean              allow_duplicate,
                                                     GError              **error);
gint64               shouhu_annex2_save_edited_worker (ShouhuStore        *store,
                                                     const ShouhuWorker   *worker,
                                                     const gint64         *volunteer_ids,
                                                     gsize                 n_volunteers,
                                                     gboolean              allow_duplicate,
                                                     const char           *seen_stamp,
                                                     GError              **error);
ShouhuWorker        *shouhu_annex2_get_worker       (ShouhuStore          *store,
                                                     gint64                id,
                                                     GError              **error);
gboolean             shouhu_annex2_find_duplicate   (ShouhuStore          *store,
                                                     const char           *name,
                                                     const char           *phone,
                                                     gint64                except_id,
                                                     gint64               *found_id,
                                                     GError              **error);
ShouhuDeletedWorker *shouhu_annex2_delete_worker    (ShouhuStore          *store,
                                                     gint64                id,
                                                     GError              **error);
gboolean             shouhu_annex2_restore_worker   (ShouhuStore          *store,
                                                     const ShouhuDeletedWorker *deleted,
                                                     GError              **error);
gint64               shouhu_annex2_count_workers    (ShouhuStore          *store,
                                                     int                   district_id,
                                                     GError              **error);

/* Volunteers and pairings */
gint64               shouhu_annex2_save_volunteer   (ShouhuStore          *store,
                                                     const ShouhuVolunteer *volunteer,
                                                     GError              **error);
gint64               shouhu_annex2_save_edited_volunteer (ShouhuStore     *store,
                                                     const ShouhuVolunteer *volunteer,
                                                     const char           *seen_stamp,
                                                     GError              **error);
ShouhuVolunteer     *shouhu_annex2_get_volunteer    (ShouhuStore          *store,
                                                     gint64                id,
                                                     GError              **error);
GPtrArray           *shouhu_annex2_find_volunteers  (ShouhuStore          *store,
                                                     const char           *query,
                                                     int                   near_district_id,
                                                     guint                 limit,
                                                     GError              **error);
GPtrArray           *shouhu_annex2_load_volunteers  (ShouhuStore          *store,
                                                     int                   district_id,
                                                     GArray              **n_families,
                                                     GError              **error);
GPtrArray           *shouhu_annex2_worker_volunteers (ShouhuStore         *store,
                                                     gint64                worker_id,
                                                     GError              **error);
GArray              *shouhu_annex2_volunteer_workers (ShouhuStore         *store,
                                                     gint64                volunteer_id,
                                                     GError              **error);
gboolean             shouhu_annex2_pair             (ShouhuStore          *store,
                                                     gint64                worker_id,
                                                     gint64                volunteer_id,
                                                     GError              **error);
gboolean             shouhu_annex2_unpair           (ShouhuStore          *store,
                                                     gint64                worker_id,
                                                     gint64                volunteer_id,
                                                     GError              **error);

gboolean             shouhu_annex2_merge_volunteers (ShouhuStore          *store,
                                                     gint64                keep_id,
                                                     gint64                other_id,
                                                     gint64               *merge_id,
                                                     GError              **error);
gboolean             shouhu_annex2_remove_new_volunteer (ShouhuStore      *store,
                                                     gint64                id,
                                                     const char           *seen_stamp,
                                                     GError              **error);
gboolean             shouhu_annex2_undo_merge       (ShouhuStore          *store,
                                                     gint64                merge_id,
                                                     gint64               *other_id,
                                                     GError              **error);
gboolean             shouhu_annex2_count_volunteer_readiness (ShouhuStore *store,
                                                     int                   district_id,
                                                     const char           *day,
                                                     gint64               *n_not_ready,
                                                     gint64               *n_insurance_ending,
                                                     GError              **error);

/* The gate: guarded on @day (YYYY-MM-DD; NULL for today) = at least one
 * paired volunteer ready that day (shouhu-volunteer.h). */
gboolean             shouhu_annex2_worker_guarded   (ShouhuStore          *store,
                                                     gint64                worker_id,
                                                     const char           *day,
                                                     gboolean             *guarded,
                                                     GError              **error);

/* The district form's header */
gboolean             shouhu_annex2_get_district_form (ShouhuStore         *store,
                                                     int                   district_id,
                                                     char                **reporter,
                                                     char                **phone,
                                                     GError              **error);
gboolean             shouhu_annex2_set_district_form (ShouhuStore         *store,
                                                     int                   district_id,
                                                     const char           *reporter,
                                                     const char           *phone,
                                                     GError              **error);

/* 动态更新管理 */
GPtrArray           *shouhu_annex2_history          (ShouhuStore          *store,
                                                     const char           *entity,
                                                     gint64                entity_id,
                                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuWorker, shouhu_worker_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuHistoryEntry, shouhu_history_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuDeletedWorker, shouhu_deleted_worker_free)

G_END_DECLS
