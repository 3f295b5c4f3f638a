/* shouhu-annex2-private.h — what the Annex 2 files share (core/ only)
 *
 * The record helpers of shouhu-annex2-record.c that the store side
 * needs, and the statement helpers shouhu-annex2.c and
 * shouhu-annex2-volunteer.c both use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2.h"
#include "shouhu-store-private.h"

G_BEGIN_DECLS

/* Records (shouhu-annex2-record.c) */
const char      *shouhu_annex2_district_name   (int                    district_id);
const char      *shouhu_volunteer_get_field    (const ShouhuVolunteer *volunteer,
                                                ShouhuVolunteerField   field);

gboolean         shouhu_form_check_record      (const ShouhuFormColumn *columns,
                                                guint                   n_columns,
                                                char                 ***texts,
                                                int                     district_id,
                                                GQuark                  domain,
                                                GError                **error);

/* Storing (shouhu-annex2.c) */
char            *shouhu_annex2_now             (void);
char            *shouhu_annex2_column_dup      (sqlite3_stmt          *stmt,
                                                int                    column);
gboolean         shouhu_annex2_add_history     (ShouhuStore           *store,
                                                const char            *at,
                                                const char            *entity,
                                                gint64                 entity_id,
                                                const char            *action,
                                                const char            *field,
                                                const char            *old_value,
                                                const char            *new_value,
                                                GError               **error);
gint64           shouhu_annex2_next_id         (ShouhuStore           *store,
                                                const char            *table,
                                                GError               **error);
ShouhuWorker    *shouhu_annex2_worker_from_row (sqlite3_stmt          *stmt);
int              shouhu_annex2_bind_worker     (sqlite3_stmt          *stmt,
                                                int                    first,
                                                const ShouhuWorker    *worker);
char            *shouhu_annex2_insert_worker_sql (char               **values);
gboolean         shouhu_annex2_update_worker   (ShouhuStore           *store,
                                                const ShouhuWorker    *worker,
                                                const char            *at,
                                                GError               **error);
gboolean         shouhu_annex2_set_pairings    (ShouhuStore           *store,
                                                gint64                 worker_id,
                                                const gint64          *volunteer_ids,
                                                gsize                  n_volunteers,
                                                const char            *at,
                                                GError               **error);
gboolean         shouhu_annex2_delete_in_transaction (ShouhuStore     *store,
                                                const ShouhuWorker    *worker,
                                                const char            *at,
                                                GError               **error);

gboolean         shouhu_annex2_pair_in_transaction (ShouhuStore       *store,
                                                gint64                 worker_id,
                                                gint64                 volunteer_id,
                                                gboolean               pair,
                                                const char            *at,
                                                GError               **error);

/* A family's needs (shouhu-pairing-store.c): from @old_needs to
 * @new_needs (SHOUHU_WORKER_NEEDS_UNKNOWN: unchanged) with a history row
 * (@action: "create", "edit", "restore") and the record's changed stamp;
 * inside the caller's transaction. */
gboolean         shouhu_annex2_store_needs     (ShouhuStore           *store,
                                                gint64                 worker_id,
                                                const char            *action,
                                                int                    old_needs,
                                                int                    new_needs,
                                                const char            *at,
                                                GError               **error);

/* Volunteers (shouhu-annex2-volunteer.c) */
ShouhuVolunteer *shouhu_annex2_volunteer_from_row (sqlite3_stmt        *stmt);
void             shouhu_annex2_bind_volunteer  (sqlite3_stmt           *stmt,
                                                const ShouhuVolunteer  *volunteer);
gboolean         shouhu_annex2_store_volunteer (ShouhuStore           *store,
                                                ShouhuVolunteer       *volunteer,
                                                const ShouhuVolunteer *old,
                                                const char            *at,
                                                GError               **error);

G_END_DECLS
