/* shouhu-pairing-suggest.c — who is nearest or best suited (就近就便):
 * a district's ready volunteers with their places and loads, the
 * suggestions for one family, and a proposal for a whole district
 *
 * Suggestions for one family are one pass over the district's ready
 * volunteers in memory (places matched to the gazetteer once, when the
 * index is built).  A district proposal picks thousands of times, so it
 * keeps, for each place and 专长 it is asked about, a heap ordered by
 * load and id; loads only grow while proposing, so an entry whose load
 * is out of date is put back with its new load when it comes up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-pairing-private.h"
#include "shouhu-address.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  gint64             id;
  char              *name;
  char              *phone;
  guint              skills;
  const ShouhuPlace *town;      /* NULL when not recognised */
  const ShouhuPlace *village;
  guint              load;      /* families paired with, any role */
} Candidate;

struct _ShouhuPairingIndex
{
  const ShouhuGazetteer *gazetteer;
  int                    district_id;
  char                  *day;
  GArray                *cands;    /* Candidate, by id */
  GHashTable            *by_id;    /* gint64 * → index + 1 */
};

static void
candidate_clear (gpointer data)
{
  Candidate *c = data;

  g_free (c->name);
  g_free (c->phone);
}

void
shouhu_pairing_index_free (ShouhuPairingIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->day);
  g_array_unref (index->cands);
  g_hash_table_unref (index->by_id);
  g_free (index);
}

int
shouhu_pairing_index_get_district (const ShouhuPairingIndex *index)
{
  return index->district_id;
}

guint
shouhu_pairing_index_get_n_ready (const ShouhuPairingIndex *index)
{
  return index->cands->len;
}

/* A volunteer's written place, each distinct text looked up once
 * (@towns: town text → place; @villages: "town\x1fvillage" → place). */
static void
resolve_place (ShouhuPairingIndex *index,
               GHashTable         *towns,
               GHashTable         *villages,
               const char         *town_text,
               const char         *village_text,
               Candidate          *c)
{
  gpointer place;

  if (!g_hash_table_lookup_extended (towns, town_text, NULL, &place))
    {
      place = *town_text != '\0' ? (gpointer) shouhu_gazetteer_find_town (index->gazetteer, index->district_id,
                                                                          town_text)
                                  : NULL;
      g_hash_table_insert (towns, g_strdup (town_text), place);
    }
  c->town = place;
  c->village = NULL;
  if (*village_text == '\0')
    return;
  {
    g_autofree char *key = g_strdup_printf ("%s\x1f%s", town_text, village_text);

    if (!g_hash_table_lookup_extended (villages, key, NULL, &place))
      {
        place = (gpointer) shouhu_gazetteer_find_village (index->gazetteer, index->district_id, c->town,
                                                          village_text);
        g_hash_table_insert (villages, g_steal_pointer (&key), place);
      }
  }
  c->village = place;
  if (c->village != NULL)
    c->town = c->village->town;
}

/**
 * shouhu_pairing_index_new:
 * @gazetteer: (nullable): %NULL for the one that ships
 * @district_id: 1..41
 * @day: (nullable): readiness on this day, %NULL for today
 */
ShouhuPairingIndex *
shouhu_pairing_index_new (ShouhuStore            *store,
                          const ShouhuGazetteer  *gazetteer,
                          int                     district_id,
                          const char             *day,
                          GError                **error)
{
  g_autoptr(ShouhuPairingIndex) index = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) towns = NULL;
  g_autoptr(GHashTable) villages = NULL;
  g_autofree char *ready = shouhu_volunteer_ready_sql ("v");
  g_autofree char *sql = NULL;
  int rc;

  if (district_id < 1 || district_id > SHOUHU_N_DISTRICTS)
    {
      g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_DISTRICT,
                   _("There is no district number %d"), district_id);
      return NULL;
    }
  if (gazetteer == NULL && (gazetteer = shouhu_gazetteer_get_default (error)) == NULL)
    return NULL;

  index = g_new0 (ShouhuPairingIndex, 1);
  index->gazetteer = gazetteer;
  index->district_id = district_id;
  index->day = day != NULL ? g_strdup (day) : shouhu_volunteer_today ();
  index->cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_array_set_clear_func (index->cands, candidate_clear);
  index->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  towns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  villages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  sql = g_strdup_printf ("SELECT v.id, v.name, v.phone, v.skills, v.town, v.village, "
                         "       (SELECT count(*) FROM pairing p WHERE p.volunteer_id = v.id) "
                         "  FROM volunteer v WHERE v.district_id = :district AND %s ORDER BY v.id", ready);
  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":district"), district_id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), index->day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate c = { 0 };

      c.id = sqlite3_column_int64 (stmt, 0);
      c.name = shouhu_annex2_column_dup (stmt, 1);
      c.phone = shouhu_annex2_column_dup (stmt, 2);
      c.skills = (guint) sqlite3_column_int (stmt, 3);
      resolve_place (index, towns, villages, (const char *) sqlite3_column_text (stmt, 4),
                     (const char *) sqlite3_column_text (stmt, 5), &c);
      c.load = (guint) sqlite3_column_int (stmt, 6);
      g_array_append_val (index->cands, c);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  /* The array no longer grows: its members' addresses stay. */
  for (guint i = 0; i < index->cands->len; i++)
    g_hash_table_insert (index->by_id, &g_array_index (index->cands, Candidate, i).id, GUINT_TO_POINTER (i + 1));
  return g_steal_pointer (&index);
}

/* ---- One family ------------------------------------------------------------ */

typedef struct
{
  gint64             worker_id;
  char              *name;
  const ShouhuPlace *town;
  const ShouhuPlace *village;
} Family;

static ShouhuNearness
nearness (const Family    *family,
          const Candidate *c)
{
  if (family->village != NULL && c->village == family->village)
    return SHOUHU_NEARNESS_VILLAGE;
  if (family->town != NULL && c->town == family->town)
    return SHOUHU_NEARNESS_TOWN;
  return SHOUHU_NEARNESS_DISTRICT;
}

static void
family_place (const ShouhuPairingIndex *index,
              const char               *home_address,
              Family                   *family)
{
  ShouhuAddressMatch match;

  family->town = family->village = NULL;
  if (shouhu_address_read (index->gazetteer, home_address, index->district_id, &match))
    {
      family->town = match.town;
      family->village = match.village;
    }
}

static char *
reason_text (ShouhuNearness near,
             guint          load,
             guint          role)
{
  g_autofree char *guards = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "guards %u family",
                                                          "guards %u families", load), load);

  /* Translators: why a volunteer is suggested: nearness, load, role (同社区 · 已守护1户 · 学业辅导) */
  return g_strdup_printf (_("%s · %s · %s"), shouhu_nearness_label (near), guards,
                          shouhu_pairing_role_label (role));
}

void
shouhu_suggestion_free (ShouhuSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->name);
  g_free (suggestion->phone);
  g_free (suggestion->reason);
  g_free (suggestion);
}

/* What a role asks of a volunteer: the 专长 (0: any) and how far. */
static gboolean
role_needs (guint            role,
            guint           *skill,
            ShouhuNearness  *reach,
            GError         **error)
{
  if (!shouhu_pairing_role_is_valid (role))
    {
      g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_INVALID,
                   _("A pairing is 保底 or for one of the family's needs: choose one"));
      return FALSE;
    }
  *skill = role == SHOUHU_PAIRING_BASIC ? 0 : shouhu_family_need_skill (role);
  *reach = role == SHOUHU_PAIRING_BASIC ? SHOUHU_NEARNESS_DISTRICT : shouhu_family_need_reach (role);
  return TRUE;
}

typedef struct
{
  ShouhuNearness near;
  guint          load;
  guint          at;     /* index in cands: the same order as ids */
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->near != y->near)
    return x->near < y->near ? -1 : 1;
  if (x->load != y->load)
    return x->load < y->load ? -1 : 1;
  return x->at < y->at ? -1 : x->at > y->at;
}

/* The worker's address and the volunteers already paired with it. */
static gboolean
read_family (ShouhuStore               *store,
             const ShouhuPairingIndex  *index,
             gint64                     worker_id,
             Family                    *family,
             GHashTable                *paired,
             GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) pairs = NULL;
  gboolean found;
  int rc;

  stmt = shouhu_store_prepare (store, "SELECT district_id, home_address, name FROM worker WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_NOT_FOUND,
                   _("The worker record is no longer there: it was deleted"));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != index->district_id)
    {
      g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_DISTRICT,
                   _("%s is recorded in another district: look for volunteers there"),
                   (const char *) sqlite3_column_text (stmt, 2));
      return FALSE;
    }
  family->worker_id = worker_id;
  family->name = shouhu_annex2_column_dup (stmt, 2);
  family_place (index, (const char *) sqlite3_column_text (stmt, 1), family);

  pairs = shouhu_store_prepare (store, "SELECT volunteer_id FROM pairing WHERE worker_id = ?", error);
  if (pairs == NULL)
    return FALSE;
  sqlite3_bind_int64 (pairs, 1, worker_id);
  while ((rc = sqlite3_step (pairs)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (pairs, 0);
      g_hash_table_add (paired, id);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Keeps the best @limit in @best (sorted), one pass over the district. */
static void
keep_best (GArray       *best,
           const Ranked *r,
           guint         limit)
{
  guint pos;

  if (limit != 0 && best->len == limit &&
      compare_ranked (r, &g_array_index (best, Ranked, best->len - 1)) >= 0)
    return;
  for (pos = best->len; pos > 0 && compare_ranked (r, &g_array_index (best, Ranked, pos - 1)) < 0; pos--)
    ;
  g_array_insert_val (best, pos, *r);
  if (limit != 0 && best->len > limit)
    g_array_set_size (best, limit);
}

/**
 * shouhu_pairing_index_suggest:
 * @role: %SHOUHU_PAIRING_BASIC or one ShouhuFamilyNeed
 * @limit: how many at most; 0 for all
 *
 * Returns: (transfer full) (element-type ShouhuSuggestion): best first
 */
GPtrArray *
shouhu_pairing_index_suggest (ShouhuPairingIndex  *index,
                              ShouhuStore         *store,
                              gint64               worker_id,
                              guint                role,
                              guint                limit,
                              GError             **error)
{
  g_autoptr(GHashTable) paired = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autofree char *family_name = NULL;
  GPtrArray *result;
  Family family = { 0 };
  ShouhuNearness reach;
  guint skill;

  if (!role_needs (role, &skill, &reach, error) ||
      !read_family (store, index, worker_id, &family, paired, error))
    {
      g_free (family.name);
      return NULL;
    }
  family_name = family.name;

  for (guint i = 0; i < index->cands->len; i++)
    {
      const Candidate *c = &g_array_index (index->cands, Candidate, i);
      Ranked r;

      if ((skill != 0 && (c->skills & skill) == 0) || g_hash_table_contains (paired, &c->id))
        continue;
      r.near = nearness (&family, c);
      if (r.near > reach)
        continue;
      r.load = c->load;
      r.at = i;
      keep_best (best, &r, limit);
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_suggestion_free);
  for (guint i = 0; i < best->len; i++)
    {
      const Ranked *r = &g_array_index (best, Ranked, i);
      const Candidate *c = &g_array_index (index->cands, Candidate, r->at);
      ShouhuSuggestion *s = g_new0 (ShouhuSuggestion, 1);

      s->volunteer_id = c->id;
      s->name = g_strdup (c->name);
      s->phone = g_strdup (c->phone);
      s->role = role;
      s->nearness = r->near;
      s->load = r->load;
      s->reason = reason_text (r->near, r->load, role);
      g_ptr_array_add (result, s);
    }
  return result;
}

gboolean
shouhu_pairing_index_pair (ShouhuPairingIndex  *index,
                           ShouhuStore         *store,
                           gint64               worker_id,
                           gint64               volunteer_id,
                           guint                role,
                           GError             **error)
{
  g_autoptr(GPtrArray) before = shouhu_pairing_list (store, worker_id, index->day, error);
  gboolean was_paired = FALSE;
  guint at;

  if (before == NULL)
    return FALSE;
  for (guint i = 0; i < before->len; i++)
    if (((ShouhuGuardian *) g_ptr_array_index (before, i))->volunteer_id == volunteer_id)
      was_paired = TRUE;
  if (!shouhu_pairing_pair (store, worker_id, volunteer_id, role, error))
    return FALSE;
  at = GPOINTER_TO_UINT (g_hash_table_lookup (index->by_id, &volunteer_id));
  if (at != 0 && !was_paired)
    g_array_index (index->cands, Candidate, at - 1).load++;
  return TRUE;
}

GPtrArray *
shouhu_pairing_suggest (ShouhuStore  *store,
                        gint64        worker_id,
                        guint         role,
                        const char   *day,
                        guint         limit,
                        GError      **error)
{
  g_autoptr(ShouhuWorker) worker = shouhu_annex2_get_worker (store, worker_id, error);
  g_autoptr(ShouhuPairingIndex) index = NULL;

  if (worker == NULL)
    return NULL;
  index = shouhu_pairing_index_new (store, NULL, worker->district_id, day, error);
  if (index == NULL)
    return NULL;
  return shouhu_pairing_index_suggest (index, store, worker_id, role, limit, error);
}

/* ---- A whole district ------------------------------------------------------ */

typedef struct
{
  guint load;
  guint at;
} HeapEntry;

typedef struct
{
  GArray *entries;   /* HeapEntry, a binary min-heap by (load, at) */
} Heap;

static gboolean
heap_less (const HeapEntry *x,
           const HeapEntry *y)
{
  return x->load != y->load ? x->load < y->load : x->at < y->at;
}

static void
heap_push (Heap      *heap,
           HeapEntry  e)
{
  guint i = heap->entries->len;

  g_array_append_val (heap->entries, e);
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      HeapEntry *a = &g_array_index (heap->entries, HeapEntry, i);
      HeapEntry *p = &g_array_index (heap->entries, HeapEntry, parent);
      HeapEntry t;

      if (!heap_less (a, p))
        break;
      t = *a, *a = *p, *p = t;
      i = parent;
    }
}

static HeapEntry
heap_pop (Heap *heap)
{
  HeapEntry top = g_array_index (heap->entries, HeapEntry, 0);
  guint n = heap->entries->len - 1, i = 0;

  g_array_index (heap->entries, HeapEntry, 0) = g_array_index (heap->entries, HeapEntry, n);
  g_array_set_size (heap->entries, n);
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      HeapEntry t;

      if (l < n && heap_less (&g_array_index (heap->entries, HeapEntry, l),
                              &g_array_index (heap->entries, HeapEntry, m)))
        m = l;
      if (r < n && heap_less (&g_array_index (heap->entries, HeapEntry, r),
                              &g_array_index (heap->entries, HeapEntry, m)))
        m = r;
      if (m == i)
        break;
      t = g_array_index (heap->entries, HeapEntry, i);
      g_array_index (heap->entries, HeapEntry, i) = g_array_index (heap->entries, HeapEntry, m);
      g_array_index (heap->entries, HeapEntry, m) = t;
      i = m;
    }
  return top;
}

static void
heap_free (gpointer data)
{
  Heap *heap = data;

  g_array_unref (heap->entries);
  g_free (heap);
}

typedef struct
{
  ShouhuPairingIndex *index;
  guint              *loads;    /* per candidate, with what is proposed */
  guint               cap;
  GHashTable         *heaps;    /* "place-pointer/skill" → Heap */
  GHashTable         *paired;   /* "worker/volunteer" pairs there or proposed */
} Proposer;

static gboolean
is_paired (Proposer *p,
           gint64    worker_id,
           gint64    volunteer_id)
{
  char key[48];

  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, worker_id, volunteer_id);
  return g_hash_table_contains (p->paired, key);
}

static void
mark_paired (Proposer *p,
             gint64    worker_id,
             gint64    volunteer_id)
{
  g_hash_table_add (p->paired, g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                                worker_id, volunteer_id));
}

/* The heap of the volunteers in @place (a village, a town, or NULL for
 * the district) with @skill (0: any), built on first use. */
static Heap *
get_heap (Proposer          *p,
          const ShouhuPlace *place,
          guint              skill)
{
  g_autofree char *key = g_strdup_printf ("%p/%u", (const void *) place, skill);
  Heap *heap = g_hash_table_lookup (p->heaps, key);

  if (heap != NULL)
    return heap;
  heap = g_new0 (Heap, 1);
  heap->entries = g_array_new (FALSE, FALSE, sizeof (HeapEntry));
  for (guint i = 0; i < p->index->cands->len; i++)
    {
      const Candidate *c = &g_array_index (p->index->cands, Candidate, i);
      HeapEntry e = { p->loads[i], i };

      if (skill != 0 && (c->skills & skill) == 0)
        continue;
      if (place != NULL && c->village != place && c->town != place)
        continue;
      if (p->loads[i] < p->cap)
        heap_push (heap, e);
    }
  g_hash_table_insert (p->heaps, g_steal_pointer (&key), heap);
  return heap;
}

/* The volunteer with the fewest families in @heap that may still take
 * one more and is not paired with the family; G_MAXUINT for none. */
static guint
pick_from (Proposer     *p,
           Heap         *heap,
           const Family *family)
{
  g_autoptr(GArray) skipped = g_array_new (FALSE, FALSE, sizeof (HeapEntry));
  guint found = G_MAXUINT;

  while (heap->entries->len > 0)
    {
      HeapEntry e = heap_pop (heap);
      const Candidate *c = &g_array_index (p->index->cands, Candidate, e.at);

      if (p->loads[e.at] >= p->cap)
        continue;                     /* full: gone for good */
      if (e.load != p->loads[e.at])
        {
          e.load = p->loads[e.at];    /* out of date: back in its place */
          heap_push (heap, e);
          continue;
        }
      if (is_paired (p, family->worker_id, c->id))
        {
          g_array_append_val (skipped, e);
          continue;
        }
      found = e.at;
      heap_push (heap, e);            /* its load changes: the caller's pick updates it lazily */
      break;
    }
  for (guint i = 0; i < skipped->len; i++)
    heap_push (heap, g_array_index (skipped, HeapEntry, i));
  return found;
}

static ShouhuProposal *
propose_one (Proposer     *p,
             const Family *family,
             guint         role)
{
  const ShouhuPlace *levels[3] = { family->village, family->town, NULL };
  ShouhuNearness reach;
  guint skill, at = G_MAXUINT;
  ShouhuProposal *proposal;
  const Candidate *c;

  if (!role_needs (role, &skill, &reach, NULL))
    return NULL;
  for (int level = SHOUHU_NEARNESS_VILLAGE; level <= (int) reach && at == G_MAXUINT; level++)
    {
      if (level != SHOUHU_NEARNESS_DISTRICT && levels[level] == NULL)
        continue;
      at = pick_from (p, get_heap (p, levels[level], skill), family);
    }
  if (at == G_MAXUINT)
    return NULL;

  c = &g_array_index (p->index->cands, Candidate, at);
  proposal = g_new0 (ShouhuProposal, 1);
  proposal->worker_id = family->worker_id;
  proposal->worker_name = g_strdup (family->name);
  proposal->volunteer_id = c->id;
  proposal->volunteer_name = g_strdup (c->name);
  proposal->role = role;
  proposal->nearness = nearness (family, c);
  proposal->reason = reason_text (proposal->nearness, p->loads[at], role);
  proposal->load = ++p->loads[at];
  mark_paired (p, family->worker_id, c->id);
  return proposal;
}

void
shouhu_proposal_free (ShouhuProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->worker_name);
  g_free (proposal->volunteer_name);
  g_free (proposal->reason);
  g_free (proposal);
}

ShouhuProposal *
shouhu_proposal_copy (const ShouhuProposal *proposal)
{
  ShouhuProposal *copy = g_memdup2 (proposal, sizeof *proposal);

  copy->worker_name = g_strdup (proposal->worker_name);
  copy->volunteer_name = g_strdup (proposal->volunteer_name);
  copy->reason = g_strdup (proposal->reason);
  return copy;
}

/* Every pair of the district's families already stored. */
static gboolean
load_pairs (ShouhuStore  *store,
            int           district_id,
            Proposer     *p,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = shouhu_store_prepare (store, "SELECT p.worker_id, p.volunteer_id FROM pairing p "
                                      "JOIN worker w ON w.id = p.worker_id WHERE w.district_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, district_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mark_paired (p, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_pairing_propose:
 * @gazetteer: (nullable): %NULL for the one that ships
 * @district_id: 1..41
 * @max_per_volunteer: 0 for %SHOUHU_PAIRING_DEFAULT_MAX_PER_VOLUNTEER
 *
 * Returns: (transfer full) (element-type ShouhuProposal): 保底 first, in
 *   the worklist's order, then the needs in the same order
 */
GPtrArray *
shouhu_pairing_propose (ShouhuStore            *store,
                        const ShouhuGazetteer  *gazetteer,
                        int                     district_id,
                        const char             *day,
                        guint                   max_per_volunteer,
                        gboolean                with_needs,
                        GError                **error)
{
  g_autoptr(ShouhuPairingIndex) index = shouhu_pairing_index_new (store, gazetteer, district_id, day, error);
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GHashTable) heaps = NULL;
  g_autoptr(GHashTable) paired = NULL;
  g_autofree guint *loads = NULL;
  Proposer p;

  if (index == NULL || (families = shouhu_pairing_load_families (store, district_id, index->day, error)) == NULL)
    return NULL;
  heaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, heap_free);
  paired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loads = g_new0 (guint, MAX (index->cands->len, 1));
  for (guint i = 0; i < index->cands->len; i++)
    loads[i] = g_array_index (index->cands, Candidate, i).load;
  p = (Proposer) { index, loads, max_per_volunteer != 0 ? max_per_volunteer
                                                        : SHOUHU_PAIRING_DEFAULT_MAX_PER_VOLUNTEER, heaps, paired };
  if (!load_pairs (store, district_id, &p, error))
    return NULL;

  proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_proposal_free);
  for (int pass = 0; pass < (with_needs ? 2 : 1); pass++)
    for (guint i = 0; i < families->len; i++)
      {
        const ShouhuWorklistItem *item = g_ptr_array_index (families, i);
        Family family = { item->worker_id, item->name, NULL, NULL };

        if (pass == 0 ? item->guarded : item->unmet == 0)
          continue;
        family_place (index, item->home_address, &family);
        if (pass == 0)
          {
            ShouhuProposal *one = propose_one (&p, &family, SHOUHU_PAIRING_BASIC);

            if (one != NULL)
              g_ptr_array_add (proposals, one);
            continue;
          }
        for (guint need = 1; need <= SHOUHU_FAMILY_NEED_OTHER; need <<= 1)
          {
            ShouhuProposal *one;

            if ((item->unmet & need) == 0 || (one = propose_one (&p, &family, need)) == NULL)
              continue;
            g_ptr_array_add (proposals, one);
          }
      }
  return g_steal_pointer (&proposals);
}
