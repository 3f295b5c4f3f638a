/* shouhu-address.c — reading the district, 乡镇（街道） and 村（社区） written
 * in a free-text 家庭地址
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An address is read from the left, as people write it: 重庆市, the
 * district, the town, the village, then the rest (road, number, 组).  At
 * each point the longest name of the gazetteer that fits is taken: a
 * district name before any town, a town that lies in the district written
 * (or, when none is written, in the district of the record), a village of
 * that town.  A short name (解放碑 for 解放碑街道) counts only in that order
 * and when no road or place word follows it (龙井路 is a road, not 龙井村).
 * A full name (with 街道/镇/乡/村/社区) also counts further on, when the
 * district is known.  A name that several places of the district bear is
 * left unrecognised: nothing is guessed.
 */
#include "shouhu-address.h"

#include "shouhu-district.h"
#include "shouhu-gazetteer-private.h"

#include <string.h>

/* Units 1..38 are districts and counties, 39..41 the functional areas. */
#define N_ADMINISTRATIVE 38

typedef struct
{
  const ShouhuGazetteer *gazetteer;
  const char            *limit;       /* the end of the address */
  int                    written[2];  /* districts written (两江新区 may follow 渝北区) */
  int                    context;     /* the record's district, 0 if none */
  const ShouhuPlace     *town;
  const ShouhuPlace     *village;
  gboolean               ambiguous;
} Reader;

typedef struct
{
  const ShouhuPlaceName *name;
  const ShouhuPlace     *place;  /* NULL for a district */
} Hit;

typedef enum
{
  SCOPE_WRITTEN,  /* in the districts written */
  SCOPE_CONTEXT,  /* in the record's district */
  SCOPE_CITY,     /* anywhere in Chongqing: the name alone must tell */
} Scope;

typedef struct
{
  const char *text;
  gsize       len;
} Word;

#define WORD(s) { s, sizeof (s) - 1 }

static const Word country[] = { WORD ("中华人民共和国"), WORD ("中国"), { NULL, 0 } };
static const Word city[] = { WORD ("重庆市"), WORD ("重庆"), { NULL, 0 } };

/* After a short name, these say it is part of another name. */
static const Word name_words[] = {
  WORD ("街道"), WORD ("镇"), WORD ("乡"), WORD ("村"), WORD ("社区"), WORD ("居委"),
  WORD ("区"), WORD ("县"), WORD ("市"), WORD ("路"), WORD ("街"), WORD ("巷"),
  WORD ("道"), WORD ("大道"), WORD ("大街"), WORD ("广场"), WORD ("小区"),
  WORD ("花园"), WORD ("公园"), WORD ("大厦"), WORD ("苑"), WORD ("新村"),
  { NULL, 0 }
};

/* The committee a village name may be followed by (龙井村村委会). */
static const Word committees[] = {
  WORD ("村民委员会"), WORD ("居民委员会"), WORD ("村委会"), WORD ("居委会"),
  WORD ("民委员会"), WORD ("委会"), { NULL, 0 }
};

static const Word separators[] = {
  WORD (" "), WORD ("\t"), WORD ("\r"), WORD ("\n"), WORD ("\xe3\x80\x80") /* U+3000 */,
  WORD (","), WORD ("，"), WORD ("、"), WORD (";"), WORD ("；"), WORD (":"), WORD ("："),
  WORD ("-"), WORD ("/"), WORD ("("), WORD (")"), WORD ("（"), WORD ("）"), { NULL, 0 }
};

/* Words that place an address outside Chongqing when they come before any
 * name of Chongqing (四川省…, 成都市…). */
static const Word elsewhere[] = { WORD ("省"), WORD ("自治区"), WORD ("市"), WORD ("州"), { NULL, 0 } };

static const char *
skip_word (const char *p,
           const Word *words)
{
  for (const Word *w = words; w->text != NULL; w++)
    if (p[0] == w->text[0] && strncmp (p, w->text, w->len) == 0)
      return p + w->len;
  return p;
}

static const char *
skip_separators (const char *p)
{
  const char *next;

  while ((next = skip_word (p, separators)) != p)
    p = next;
  return p;
}

static gboolean
ends_name (const char *p)
{
  return skip_word (p, name_words) == p;
}

static gboolean
looks_elsewhere (const char *p)
{
  for (int i = 0; i < 12 && *p != '\0'; i++, p = g_utf8_next_char (p))
    if (skip_word (p, elsewhere) != p)
      return TRUE;
  return FALSE;
}

static gboolean
fits (const Reader      *r,
      const ShouhuPlace *place,
      Scope              scope)
{
  if (place->kind == SHOUHU_PLACE_VILLAGE && r->town != NULL && place->town != r->town)
    return FALSE;

  switch (scope)
    {
    case SCOPE_WRITTEN:
      return shouhu_place_in_district (place, r->written[0]) &&
             (r->written[1] == 0 || shouhu_place_in_district (place, r->written[1]));
    case SCOPE_CONTEXT:
      return shouhu_place_in_district (place, r->context);
    case SCOPE_CITY:
    default:
      return TRUE;
    }
}

/* The one place of @name that fits where the address is, or NULL; sets
 * *several when more than one does.  A village's town decides; else the
 * districts written; else the record's district, then the whole city (only
 * where a place is expected, not @further on). */
static const ShouhuPlace *
pick (const Reader          *r,
      const ShouhuPlaceName *name,
      gboolean               further,
      gboolean              *several)
{
  Scope scopes[2];
  guint n_scopes = 0;

  if (name->kind == SHOUHU_NAME_VILLAGE && r->town != NULL)
    scopes[n_scopes++] = SCOPE_CITY;  /* the town decides */
  else if (r->written[0] != 0)
    scopes[n_scopes++] = SCOPE_WRITTEN;
  else
    {
      if (r->context != 0)
        scopes[n_scopes++] = SCOPE_CONTEXT;
      if (!further)
        scopes[n_scopes++] = SCOPE_CITY;
    }

  for (guint s = 0; s < n_scopes; s++)
    {
      const ShouhuPlace *found = NULL;

      for (guint i = 0; i < name->n_places; i++)
        {
          const ShouhuPlace *place = name->places[i];

          if (!fits (r, place, scopes[s]))
            continue;
          if (found != NULL)
            {
              *several = TRUE;
              return NULL;
            }
          found = place;
        }
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @name may be taken at this point of the address. */
static gboolean
may_take (const Reader          *r,
          const ShouhuPlaceName *name,
          int                    further_kind)
{
  if (further_kind >= 0)
    return name->kind == further_kind && name->suffixed &&
           (name->kind != SHOUHU_NAME_VILLAGE || g_utf8_strlen (name->text, -1) >= 3);

  switch (name->kind)
    {
    case SHOUHU_NAME_DISTRICT:
      /* A second district only as in 渝北区两江新区: an administrative
       * district and a functional area, in either order. */
      if (r->town != NULL || r->written[1] != 0)
        return FALSE;
      return r->written[0] == 0 ||
             ((r->written[0] > N_ADMINISTRATIVE) != (name->district_id > N_ADMINISTRATIVE));
    case SHOUHU_NAME_TOWN:
      return r->town == NULL;
    case SHOUHU_NAME_VILLAGE:
    default:
      /* A village's short name alone, with nothing around it, is too
       * weak: 新华 could be anything. */
      return r->village == NULL &&
             (name->suffixed || r->town != NULL || r->written[0] != 0 || r->context != 0);
    }
}

/* The longest name at @p the reader can take: any kind in order
 * (@further_kind < 0), or only full names of @further_kind. */
static gboolean
match_at (Reader     *r,
          const char *p,
          int         further_kind,
          Hit        *hit)
{
  const GPtrArray *names = shouhu_gazetteer_names_at (r->gazetteer, p);

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      const ShouhuPlaceName *name = g_ptr_array_index (names, i);
      gboolean several = FALSE;

      if (further_kind >= 0 && (name->kind != further_kind || !name->suffixed))
        continue;
      if (name->len > (gsize) (r->limit - p) || memcmp (p, name->text, name->len) != 0 ||
          !may_take (r, name, further_kind))
        continue;
      if (!name->suffixed && !ends_name (p + name->len))
        continue;

      hit->name = name;
      hit->place = NULL;
      if (name->kind == SHOUHU_NAME_DISTRICT)
        return TRUE;
      hit->place = pick (r, name, further_kind >= 0, &several);
      if (several)
        {
          r->ambiguous = TRUE;
          return FALSE;
        }
      if (hit->place != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Takes @hit at @p; returns where the address goes on. */
static const char *
take (Reader     *r,
      const Hit  *hit,
      const char *p)
{
  p += hit->name->len;
  switch (hit->name->kind)
    {
    case SHOUHU_NAME_DISTRICT:
      r->written[r->written[0] == 0 ? 0 : 1] = hit->name->district_id;
      break;
    case SHOUHU_NAME_TOWN:
      r->town = hit->place;
      break;
    case SHOUHU_NAME_VILLAGE:
    default:
      r->village = hit->place;
      r->town = hit->place->town;
      p = skip_word (p, committees);
      break;
    }
  return p;
}

/* Reads names one after the other from @p; *end is set after the last. */
static const char *
read_in_order (Reader      *r,
               const char  *p,
               const char **end)
{
  Hit hit;

  while (r->village == NULL && !r->ambiguous && match_at (r, p, -1, &hit))
    {
      p = take (r, &hit, p);
      *end = p;
      p = skip_separators (p);
    }
  return p;
}

/* Looks further on for a full name of @kind in the known district. */
static const char *
read_further (Reader         *r,
              const char     *p,
              ShouhuNameKind  kind,
              const char    **end)
{
  Hit hit;

  for (const char *q = p; *q != '\0'; q = g_utf8_next_char (q))
    {
      if (match_at (r, q, kind, &hit))
        {
          p = take (r, &hit, q);
          *end = p;
          return skip_separators (p);
        }
      if (r->ambiguous)
        break;
    }
  return p;
}

static const char *
skip_prefixes (const char *p)
{
  p = skip_separators (skip_word (p, country));
  return skip_separators (skip_word (p, city));
}

/**
 * shouhu_address_read:
 * @gazetteer: the gazetteer, usually shouhu_gazetteer_get_default()
 * @address: (nullable): a 家庭地址 as written, e.g. 重庆市渝中区解放碑街道民族路…
 * @district_id: the record's unit 1..41, used when the address names no
 *   district, or 0
 * @match: (out caller-allocates): what was recognised
 *
 * Finds the district, 乡镇（街道） and 村（社区） written in @address; what is
 * not recognised stays 0 or %NULL (see @match's level and ambiguous).
 *
 * Returns: %TRUE when at least a district was recognised
 */
gboolean
shouhu_address_read (const ShouhuGazetteer *gazetteer,
                     const char            *address,
                     int                    district_id,
                     ShouhuAddressMatch    *match)
{
  Reader r = { gazetteer, NULL, { 0, 0 }, 0, NULL, NULL, FALSE };
  const char *start, *p, *end;

  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (match != NULL, FALSE);

  memset (match, 0, sizeof *match);
  if (address == NULL || !g_utf8_validate (address, -1, &r.limit))
    return FALSE;
  if (district_id >= 1 && district_id <= SHOUHU_N_DISTRICTS)
    r.context = district_id;

  end = address;
  start = skip_prefixes (skip_separators (address));
  p = read_in_order (&r, start, &end);
  if (p == start && !r.ambiguous && looks_elsewhere (start))
    return FALSE;

  if (r.town == NULL && !r.ambiguous && (r.written[0] != 0 || r.context != 0))
    {
      p = read_further (&r, p, SHOUHU_NAME_TOWN, &end);
      if (r.town != NULL)
        p = read_in_order (&r, p, &end);
    }
  if (r.village == NULL && !r.ambiguous && (r.town != NULL || r.written[0] != 0 || r.context != 0))
    read_further (&r, p, SHOUHU_NAME_VILLAGE, &end);

  match->town = r.town;
  match->village = r.village;
  match->ambiguous = r.ambiguous;
  match->district_written = r.written[0] != 0;
  if (r.written[0] != 0)
    match->district_id = r.context != 0 && (r.context == r.written[0] || r.context == r.written[1])
                         ? r.context : r.written[0];
  else if (r.town != NULL)
    match->district_id = shouhu_place_in_district (r.town, r.context) ? r.context : r.town->district_id;

  if (r.village != NULL)
    match->level = SHOUHU_ADDRESS_VILLAGE;
  else if (r.town != NULL)
    match->level = SHOUHU_ADDRESS_TOWN;
  else if (match->district_id != 0)
    match->level = SHOUHU_ADDRESS_DISTRICT;
  match->end = match->level != SHOUHU_ADDRESS_UNRECOGNISED ? (gsize) (end - address) : 0;
  return match->level != SHOUHU_ADDRESS_UNRECOGNISED;
}
