/* shouhu-pairing.h — "1+N" pairing (就近就便): a family's needs, the role
 * of a pairing, the worklist of families without a ready 保底 guardian,
 * suggestions ranked by place and load, and a proposal for a whole
 * district applied in one transaction that can be undone
 *
 * The notice asks that every frontline worker's family have a volunteer
 * guardian (每个一线医护人员家庭有志愿者守护), assigned 就近就便.  Chongqing
 * ran it as "1+N": one 保底 guardian close by for every family (the "1"),
 * plus volunteers matched to the needs the district registered for the
 * family (the "N").
 *
 * Words used below:
 * - a family is a worker record (Annex 2 row); its place is read from
 *   家庭地址 with shouhu_address_read() and the record's district;
 * - a volunteer's place is its 乡镇（街道） and 村（社区） text matched to the
 *   gazetteer of its district (shouhu_gazetteer_find_town/_village);
 * - ready (可上岗) on a day is shouhu_volunteer_readiness(), the SQL rule
 *   shouhu_volunteer_ready_sql(); every function taking @day reads
 *   YYYY-MM-DD, NULL meaning today;
 * - a family is guarded (has a ready 保底 guardian) on a day when one of
 *   its pairings with role SHOUHU_PAIRING_BASIC is with a volunteer ready
 *   that day;
 * - a registered need is met on a day when one of the family's pairings
 *   with that need as role is with a volunteer ready that day;
 * - a volunteer's load is the number of families it is paired with, in
 *   any role, ready or not;
 * - a 支援湖北 worker (援鄂医护人员, whom the notice names first) is one
 *   whose 一线工作具体地点 or 备注 mentions 湖北, 援鄂 or 武汉: Annex 2
 *   has no column of its own for it, and districts write it there
 *   (shouhu_pairing_worker_is_hubei()).
 *
 * Nothing here runs in the UI thread's way for long: a ShouhuPairingIndex
 * holds a district's ready volunteers with their places and loads, so
 * that suggestions for one family are computed in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2.h"
#include "shouhu-gazetteer.h"

G_BEGIN_DECLS

#define SHOUHU_PAIRING_ERROR (shouhu_pairing_error_quark ())

typedef enum
{
  SHOUHU_PAIRING_ERROR_INVALID,    /* a need or role that is not one; text not understood */
  SHOUHU_PAIRING_ERROR_NOT_FOUND,  /* the worker, volunteer or pairing is not there (any more) */
  SHOUHU_PAIRING_ERROR_DISTRICT,   /* a district that is not one of the 41 units */
} ShouhuPairingError;

/* A family's needs (家庭需求), flags; the order is the order they are listed. */
typedef enum
{
  SHOUHU_FAMILY_NEED_ELDERLY     = 1 << 0,  /* 照料老人 */
  SHOUHU_FAMILY_NEED_CHILDREN    = 1 << 1,  /* 照看小孩 */
  SHOUHU_FAMILY_NEED_TUTORING    = 1 << 2,  /* 学业辅导 */
  SHOUHU_FAMILY_NEED_SUPPLIES    = 1 << 3,  /* 生活物资 */
  SHOUHU_FAMILY_NEED_TRANSPORT   = 1 << 4,  /* 交通出行 */
  SHOUHU_FAMILY_NEED_COUNSELLING = 1 << 5,  /* 心理疏导 */
  SHOUHU_FAMILY_NEED_OTHER       = 1 << 6,  /* 其他 */
} ShouhuFamilyNeed;

#define SHOUHU_N_FAMILY_NEEDS   7
#define SHOUHU_FAMILY_NEED_ALL  0x7f

/* A pairing's role (stored in pairing.role): SHOUHU_PAIRING_BASIC for the
 * 保底 guardian, else exactly one ShouhuFamilyNeed, the need it serves.
 * Pairings stored before roles existed are 保底. */
#define SHOUHU_PAIRING_BASIC 0

/* How near a volunteer lives to a family, nearest first. */
typedef enum
{
  SHOUHU_NEARNESS_VILLAGE,   /* 同社区: same 村（社区） */
  SHOUHU_NEARNESS_TOWN,      /* 同街道: same 乡镇（街道） */
  SHOUHU_NEARNESS_DISTRICT,  /* 同区县: same district only (or a place not recognised) */
} ShouhuNearness;

GQuark          shouhu_pairing_error_quark     (void);

/* ---- Values: needs, roles, nearness ---------------------------------- */

/* "照料老人" … as stored in history and written on forms (Chinese, not
 * translated); NULL for a value that is not a single need. */
const char     *shouhu_family_need_name        (ShouhuFamilyNeed  need);
/* The same, translated for the UI. */
const char     *shouhu_family_need_label       (ShouhuFamilyNeed  need);
/* Words as people write them, separated by 、，,;；/ or spaces: the names
 * above and common words (买菜/物资/采买/代购 → 生活物资, 接送/出行/用车/
 * 驾驶 → 交通出行, 辅导/作业/学习/网课 → 学业辅导, 老人/照料 → 照料老人,
 * 小孩/孩子/看护/托管 → 照看小孩, 心理/疏导/陪伴/聊天 → 心理疏导).
 * Empty text, 无 or 暂无 is no needs.  A word not understood is an error
 * (SHOUHU_PAIRING_ERROR_INVALID) that names it and lists the needs. */
gboolean        shouhu_family_needs_parse      (const char       *text,
                                                guint            *needs,
                                                GError          **error);
/* "照料老人、学业辅导" (Chinese, list order); "" for none. */
char           *shouhu_family_needs_text       (guint             needs);
/* The same, translated and joined for the UI. */
char           *shouhu_family_needs_label      (guint             needs);
/* The 专长 (ShouhuSkill) a volunteer needs for @need: 照料老人/照看小孩 →
 * CARE, 学业辅导 → TUTORING, 生活物资 → SUPPLIES, 交通出行 → TRANSPORT,
 * 心理疏导 → MEDICAL, 其他 → OTHER. */
guint           shouhu_family_need_skill       (ShouhuFamilyNeed  need);
/* How far a volunteer may live for @need: 照料老人, 照看小孩, 生活物资,
 * 交通出行 → SHOUHU_NEARNESS_TOWN (same 乡镇 or closer); 学业辅导, 心理疏导,
 * 其他 → SHOUHU_NEARNESS_DISTRICT (by phone or video). */
ShouhuNearness  shouhu_family_need_reach       (ShouhuFamilyNeed  need);
/* "保底" or the need's name, Chinese (for history and the command line's
 * reasons); NULL for a role that is not one. */
const char     *shouhu_pairing_role_name       (guint             role);
/* The same, translated. */
const char     *shouhu_pairing_role_label      (guint             role);
gboolean        shouhu_pairing_role_is_valid   (guint             role);
/* 同社区 / 同街道 / 同区县, translated. */
const char     *shouhu_nearness_label          (ShouhuNearness    nearness);
/* 支援湖北: 一线工作具体地点 or 备注 mentions 湖北, 援鄂 or 武汉. */
gboolean        shouhu_pairing_worker_is_hubei (const char       *work_place,
                                                const char       *note);

/* ---- A family's needs, stored with history --------------------------- */

gboolean        shouhu_pairing_get_needs       (ShouhuStore      *store,
                                                gint64            worker_id,
                                                guint            *needs,
                                                GError          **error);
/* One transaction; a history row (entity "worker", action "edit", field
 * "needs", old and new value as shouhu_family_needs_text()) when it
 * changes; the worker's changed stamp moves. */
gboolean        shouhu_pairing_set_needs       (ShouhuStore      *store,
                                                gint64            worker_id,
                                                guint             needs,
                                                GError          **error);

/* ---- Pairings with a role --------------------------------------------- */

typedef struct
{
  gint64    volunteer_id;
  char     *name;          /* the volunteer's 姓名 */
  guint     role;          /* SHOUHU_PAIRING_BASIC or a ShouhuFamilyNeed */
  gboolean  ready;         /* 可上岗 on the day asked */
} ShouhuGuardian;

void            shouhu_guardian_free           (ShouhuGuardian   *guardian);

/* The family's pairings: 保底 first, then by need, then by volunteer id. */
GPtrArray      *shouhu_pairing_list            (ShouhuStore      *store,
                                                gint64            worker_id,
                                                const char       *day,
                                                GError          **error);
/* Pairs @volunteer_id with @worker_id in @role, in one transaction, with
 * the history rows of shouhu_annex2_pair() and, for a role other than
 * 保底, a row (entity "worker", action "edit", field "role", old and new
 * value shouhu_pairing_role_name()).  Already paired: only its role
 * changes.  A volunteer not ready may be paired (shown 待上岗, never
 * counted as guarding). */
gboolean        shouhu_pairing_pair            (ShouhuStore      *store,
                                                gint64            worker_id,
                                                gint64            volunteer_id,
                                                guint             role,
                                                GError          **error);

/* ---- The worklist (待结对) and unmet needs ----------------------------- */

typedef struct
{
  gint64    worker_id;
  int       district_id;
  char     *name;            /* 姓名 */
  char     *hospital;        /* 医院 */
  char     *home_address;    /* 家庭地址 */
  char     *created;         /* when the record was stored: waiting since */
  gboolean  hubei;           /* 支援湖北 (shouhu_pairing_worker_is_hubei()) */
  gboolean  guarded;         /* has a ready 保底 guardian on the day */
  guint     basic_waiting;   /* 保底 guardians paired but not ready (待上岗) */
  guint     needs;           /* registered needs (ShouhuFamilyNeed) */
  guint     unmet;           /* of them, not met on the day */
  char     *last_contact;    /* day of the family's last service (服务台账),
                              * NULL when never contacted */
} ShouhuWorklistItem;

void            shouhu_worklist_item_free      (ShouhuWorklistItem *item);

/* The families of @district_id (1..41; 0 for the whole city) without a
 * ready 保底 guardian on @day: 支援湖北 first, then the longest waiting
 * (created, oldest first), then id. */
GPtrArray      *shouhu_pairing_worklist        (ShouhuStore      *store,
                                                int               district_id,
                                                const char       *day,
                                                GError          **error);
/* The families of @district_id (0: city) with at least one unmet need on
 * @day, guarded or not, in the worklist's order. */
GPtrArray      *shouhu_pairing_unmet_needs     (ShouhuStore      *store,
                                                int               district_id,
                                                const char       *day,
                                                GError          **error);
/* Per-district sums for the overview live in the figures module:
 * ShouhuDistrictFigures.basic_guarded, .needs_registered, .needs_met
 * (shouhu-figures.h). */

/* ---- Suggestions ------------------------------------------------------ */

typedef struct
{
  gint64          volunteer_id;
  char           *name;         /* the volunteer's 姓名 */
  char           *phone;        /* its 联系电话 */
  guint           role;         /* what it is suggested for */
  ShouhuNearness  nearness;
  guint           load;         /* families it is already paired with */
  char           *reason;       /* "同社区 · 已守护1户 · 学业辅导", translated */
} ShouhuSuggestion;

void            shouhu_suggestion_free         (ShouhuSuggestion *suggestion);

/* A district's volunteers ready on a day, with their places and loads,
 * built once for a district and kept while the user pairs (the UI keeps
 * one per district and rebuilds it on an outside change). */
typedef struct _ShouhuPairingIndex ShouhuPairingIndex;

ShouhuPairingIndex *shouhu_pairing_index_new   (ShouhuStore      *store,
                                                const ShouhuGazetteer *gazetteer,
                                                int               district_id,
                                                const char       *day,
                                                GError          **error);
void            shouhu_pairing_index_free      (ShouhuPairingIndex *index);
int             shouhu_pairing_index_get_district (const ShouhuPairingIndex *index);
guint           shouhu_pairing_index_get_n_ready  (const ShouhuPairingIndex *index);

/* Up to @limit (0: all) suggestions for @worker_id in @role, best first.
 * 保底: every ready volunteer of the district, by nearness (same 村（社区）,
 * same 乡镇（街道）, same district), then load (fewest first), then id.
 * A need: ready volunteers with its 专长 (shouhu_family_need_skill())
 * within its reach (shouhu_family_need_reach()), in the same order.
 * Volunteers already paired with the family are left out. */
GPtrArray      *shouhu_pairing_index_suggest   (ShouhuPairingIndex *index,
                                                ShouhuStore      *store,
                                                gint64            worker_id,
                                                guint             role,
                                                guint             limit,
                                                GError          **error);
/* shouhu_pairing_pair(), and the index's load of the volunteer follows. */
gboolean        shouhu_pairing_index_pair      (ShouhuPairingIndex *index,
                                                ShouhuStore      *store,
                                                gint64            worker_id,
                                                gint64            volunteer_id,
                                                guint             role,
                                                GError          **error);
/* For one look: builds the index of the worker's district and suggests. */
GPtrArray      *shouhu_pairing_suggest         (ShouhuStore      *store,
                                                gint64            worker_id,
                                                guint             role,
                                                const char       *day,
                                                guint             limit,
                                                GError          **error);

/* ---- A proposal for a whole district (为全区生成结对建议) ------------- */

#define SHOUHU_PAIRING_DEFAULT_MAX_PER_VOLUNTEER 3

typedef struct
{
  gint64          worker_id;
  char           *worker_name;
  gint64          volunteer_id;
  char           *volunteer_name;
  guint           role;         /* SHOUHU_PAIRING_BASIC or the need */
  ShouhuNearness  nearness;
  guint           load;         /* the volunteer's families once this is applied */
  char           *reason;       /* as ShouhuSuggestion.reason */
} ShouhuProposal;

void            shouhu_proposal_free           (ShouhuProposal   *proposal);
ShouhuProposal *shouhu_proposal_copy           (const ShouhuProposal *proposal);

/* One ready 保底 volunteer for every family of the worklist (in its
 * order), and with @with_needs one for each unmet need, chosen as the
 * suggestions rank them but counting the loads proposed so far, so that
 * loads are balanced; no volunteer ends above @max_per_volunteer families
 * (0: SHOUHU_PAIRING_DEFAULT_MAX_PER_VOLUNTEER).  A family or need with no
 * one left gets no proposal.  Writes nothing.  The array (of
 * ShouhuProposal) may be edited (rows removed, volunteer changed) before
 * it is applied. */
GPtrArray      *shouhu_pairing_propose         (ShouhuStore      *store,
                                                const ShouhuGazetteer *gazetteer,
                                                int               district_id,
                                                const char       *day,
                                                guint             max_per_volunteer,
                                                gboolean          with_needs,
                                                GError          **error);

/* What shouhu_pairing_apply() wrote, enough to undo it. */
typedef struct _ShouhuPairingBatch ShouhuPairingBatch;

void            shouhu_pairing_batch_free      (ShouhuPairingBatch *batch);
guint           shouhu_pairing_batch_get_n_pairs (const ShouhuPairingBatch *batch);

/* Stores every proposal in one transaction (all or nothing), with
 * history as shouhu_pairing_pair().  A proposal whose pair already
 * exists changes its role.  Returns: what to hand to shouhu_pairing_undo(). */
ShouhuPairingBatch *shouhu_pairing_apply       (ShouhuStore      *store,
                                                const GPtrArray  *proposals,
                                                GError          **error);
/* Puts every pairing back as it was before @batch, in one transaction
 * (history action "unpair" for those it removes). */
gboolean        shouhu_pairing_undo            (ShouhuStore      *store,
                                                const ShouhuPairingBatch *batch,
                                                GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuGuardian, shouhu_guardian_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuWorklistItem, shouhu_worklist_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuSuggestion, shouhu_suggestion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuPairingIndex, shouhu_pairing_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuProposal, shouhu_proposal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuPairingBatch, shouhu_pairing_batch_free)

G_END_DECLS
