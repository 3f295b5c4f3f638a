/* shouhu-ledger.h — the service ledger (服务台账): what guardians did for a family
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-district.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_LEDGER_ERROR (shouhu_ledger_error_quark ())

typedef enum
{
  SHOUHU_LEDGER_ERROR_NOT_FOUND,   /* the record is not there (any more) */
} ShouhuLedgerError;

/* A rejected service record: the error code is the field at fault, so
 * that a form can put the focus there. */
#define SHOUHU_SERVICE_FIELD_ERROR (shouhu_service_field_error_quark ())

typedef enum
{
  SHOUHU_SERVICE_FIELD_FAMILY,      /* 医护人员家庭 */
  SHOUHU_SERVICE_FIELD_VOLUNTEERS,  /* 志愿者 */
  SHOUHU_SERVICE_FIELD_DAY,         /* 日期 */
  SHOUHU_SERVICE_FIELD_KIND,        /* 服务类型 */
  SHOUHU_SERVICE_FIELD_CONTENT,     /* 服务内容 */
  SHOUHU_SERVICE_FIELD_MINUTES,     /* 时长（分钟） */
  SHOUHU_SERVICE_FIELD_NEED,        /* 需求 */
  SHOUHU_SERVICE_FIELD_SOLVED,      /* 是否解决 */
  SHOUHU_SERVICE_FIELD_TYPICAL,     /* 典型 */
  SHOUHU_SERVICE_FIELD_STORY,       /* 典型事迹 */
  SHOUHU_N_SERVICE_FIELDS
} ShouhuServiceField;

/* What guardians do, as part 一 of the notice lists it. */
typedef enum
{
  SHOUHU_SERVICE_KIND_NONE,
  SHOUHU_SERVICE_CARE,        /* 照料老人小孩 */
  SHOUHU_SERVICE_TUTORING,    /* 学业辅导 */
  SHOUHU_SERVICE_SUPPLIES,    /* 生活物资 */
  SHOUHU_SERVICE_TRANSPORT,   /* 交通出行 */
  SHOUHU_SERVICE_GREETING,    /* 电话/视频问候 */
  SHOUHU_SERVICE_OTHER,       /* 其他 */
} ShouhuServiceKind;

#define SHOUHU_N_SERVICE_KINDS 6

/* Limits of a record's fields (characters for text). */
#define SHOUHU_SERVICE_MAX_MINUTES  1440
#define SHOUHU_SERVICE_MAX_TEXT     200
#define SHOUHU_SERVICE_MAX_STORY    2000

/* Families not contacted for this many days are 需回访 unless the user
 * set another number. */
#define SHOUHU_REVISIT_DAYS_DEFAULT 3

typedef struct
{
  gint64             id;             /* 0 for a record not stored yet */
  gint64             worker_id;      /* the family: its frontline worker */
  GArray            *volunteer_ids;  /* gint64, ascending */
  char              *day;            /* 日期, YYYY-MM-DD */
  ShouhuServiceKind  kind;           /* 服务类型 */
  char              *content;        /* 服务内容 */
  int                minutes;        /* 时长（分钟）, 1..SHOUHU_SERVICE_MAX_MINUTES */
  char              *need;           /* 需求 raised, "" for none */
  gboolean           solved;         /* 是否解决; FALSE without a need */
  gboolean           typical;        /* 典型 */
  char              *story;          /* 典型事迹, required when typical */
  char              *created;        /* set by the store */
  char              *changed;
  /* Filled when read from the store, for lists; ignored when saving: */
  char              *family_name;    /* the worker's 姓名 */
  int                district_id;    /* the worker's 区县 */
  char              *volunteer_names;/* 姓名 joined with 、, in id order */
} ShouhuService;

/* The overview's columns, per district (official order) and city-wide. */
typedef struct
{
  gint64 open_needs[SHOUHU_N_DISTRICTS];   /* needs raised and not solved */
  gint64 to_revisit[SHOUHU_N_DISTRICTS];   /* families 需回访 */
  gint64 city_open_needs;
  gint64 city_to_revisit;
} ShouhuLedgerCounts;

GQuark             shouhu_ledger_error_quark         (void);
GQuark             shouhu_service_field_error_quark  (void);

/* Kinds */
const char        *shouhu_service_kind_key           (ShouhuServiceKind   kind);
const char        *shouhu_service_kind_name          (ShouhuServiceKind   kind);
const char        *shouhu_service_kind_label         (ShouhuServiceKind   kind);
ShouhuServiceKind  shouhu_service_kind_from_key      (const char         *key);
ShouhuServiceKind  shouhu_service_kind_parse         (const char         *text);

const char        *shouhu_service_field_label        (ShouhuServiceField  field);
const char        *shouhu_ledger_column_label        (const char         *column);

/* Records as values */
ShouhuService     *shouhu_service_new                (void);
ShouhuService     *shouhu_service_copy               (const ShouhuService *service);
void               shouhu_service_free               (ShouhuService      *service);
void               shouhu_service_add_volunteer      (ShouhuService      *service,
                                                      gint64              volunteer_id);
gboolean           shouhu_service_validate           (ShouhuService      *service,
                                                      const char         *today,
                                                      GError            **error);

/* Days */
char              *shouhu_ledger_today               (void);
char              *shouhu_ledger_add_days            (const char         *day,
                                                      int                 days);

/* The store */
gint64             shouhu_ledger_save                (ShouhuStore        *store,
                                                      const ShouhuService *service,
                                                      GError            **error);
ShouhuService     *shouhu_ledger_get                 (ShouhuStore        *store,
                                                      gint64              id,
                                                      GError            **error);
ShouhuService     *shouhu_ledger_delete              (ShouhuStore        *store,
                                                      gint64              id,
                                                      GError            **error);
gboolean           shouhu_ledger_restore             (ShouhuStore        *store,
                                                      const ShouhuService *deleted,
                                                      GError            **error);
GPtrArray         *shouhu_ledger_family_services     (ShouhuStore        *store,
                                                      gint64              worker_id,
                                                      gboolean            open_needs_only,
                                                      GError            **error);
GPtrArray         *shouhu_ledger_volunteer_services  (ShouhuStore        *store,
                                                      gint64              volunteer_id,
                                                      GError            **error);
GPtrArray         *shouhu_ledger_typical_services    (ShouhuStore        *store,
                                                      const char         *from,
                                                      const char         *to,
                                                      int                 district_id,
                                                      GError            **error);

/* Contact rhythm (需回访) and the overview's counts */
gboolean           shouhu_ledger_revisit_due         (const char         *last_contact,
                                                      const char         *recorded_on,
                                                      const char         *today,
                                                      int                 days);
gboolean           shouhu_ledger_last_contact        (ShouhuStore        *store,
                                                      gint64              worker_id,
                                                      char              **day,
                                                      GError            **error);
gboolean           shouhu_ledger_count_districts     (ShouhuStore        *store,
                                                      const char         *today,
                                                      int                 days,
                                                      ShouhuLedgerCounts *counts,
                                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuService, shouhu_service_free)

G_END_DECLS
