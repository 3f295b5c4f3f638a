/* bench-address.c — reading 100,000 家庭地址 against the gazetteer
 *
 * Makes 100,000 addresses from the gazetteer itself, written the ways
 * people write them (with and without 重庆市, suffixes, towns, villages;
 * some from outside Chongqing), and reports the time per address of
 * shouhu_address_read() against a plain scan that only looks for every
 * town's full name in the address with strstr(), measured in the same run.
 * Also the time to load the gazetteer once.  Times are wall-clock, with the
 * processor time beside them: on a busy machine the second is the steadier.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-address.h"
#include "shouhu-district.h"

#include <string.h>
#include <time.h>

#define N_ADDRESSES 100000

static char *
make_address (const ShouhuGazetteer *gazetteer,
              GRand                 *rand,
              guint                  i)
{
  const GPtrArray *villages = shouhu_gazetteer_get_district_villages (gazetteer, 0);
  const ShouhuPlace *village = g_ptr_array_index (villages, g_rand_int_range (rand, 0, villages->len));
  const ShouhuPlace *town = village->town;
  const ShouhuDistrict *d = shouhu_district_get (village->district_id);
  guint number = g_rand_int_range (rand, 1, 300);

  switch (i % 8)
    {
    case 0:
      return g_strdup_printf ("重庆市%s%s%s%u组", d->name, town->name, village->name, number % 12 + 1);
    case 1:
      return g_strdup_printf ("%s%s%s%u号", d->short_name, town->short_name, village->short_name, number);
    case 2:
      return g_strdup_printf ("重庆市%s%s新华路%u号附%u号", d->name, town->name, number, number % 7);
    case 3:
      return g_strdup_printf ("%s%s村委会%u组", town->name, village->name, number % 9 + 1);
    case 4:
      return g_strdup_printf ("%s金开大道%u号%s", d->name, number, town->name);
    case 5:
      return g_strdup_printf ("重庆市%s人民路%u号%u栋%u-%u", d->name, number, number % 20, number % 30, number % 4);
    case 6:
      return g_strdup_printf ("四川省成都市武侯区人民南路%u号", number);
    default:
      return g_strdup_printf ("%s %s %s%u组", d->name, town->name, village->name, number % 12 + 1);
    }
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) addresses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2020);
  const ShouhuGazetteer *gazetteer;
  const GPtrArray *towns;
  gint64 start;
  clock_t cpu;
  double load_ms, read_us, scan_us, read_cpu_us, scan_cpu_us;
  guint levels[SHOUHU_ADDRESS_VILLAGE + 1] = { 0, };
  guint scan_found = 0;

  start = g_get_monotonic_time ();
  gazetteer = shouhu_gazetteer_get_default (&error);
  g_assert_no_error (error);
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  towns = shouhu_gazetteer_get_towns (gazetteer, 0);

  for (guint i = 0; i < N_ADDRESSES; i++)
    g_ptr_array_add (addresses, make_address (gazetteer, rand, i));

  start = g_get_monotonic_time ();
  cpu = clock ();
  for (guint i = 0; i < addresses->len; i++)
    {
      ShouhuAddressMatch match;

      shouhu_address_read (gazetteer, addresses->pdata[i], i % 5 == 0 ? 4 : 0, &match);
      levels[match.level]++;
    }
  read_us = (double) (g_get_monotonic_time () - start) / addresses->len;
  read_cpu_us = (double) (clock () - cpu) * 1e6 / CLOCKS_PER_SEC / addresses->len;

  /* The baseline: every town's full name looked for in every address. */
  start = g_get_monotonic_time ();
  cpu = clock ();
  for (guint i = 0; i < addresses->len; i++)
    for (guint t = 0; t < towns->len; t++)
      if (strstr (addresses->pdata[i], ((const ShouhuPlace *) towns->pdata[t])->name) != NULL)
        {
          scan_found++;
          break;
        }
  scan_us = (double) (g_get_monotonic_time () - start) / addresses->len;
  scan_cpu_us = (double) (clock () - cpu) * 1e6 / CLOCKS_PER_SEC / addresses->len;

  g_print ("gazetteer: %u towns, %u villages, loaded in %.1f ms\n",
           shouhu_gazetteer_get_n_towns (gazetteer), shouhu_gazetteer_get_n_villages (gazetteer), load_ms);
  g_print ("%u addresses: %u to the village, %u to the town, %u to the district, %u not recognised\n",
           addresses->len, levels[SHOUHU_ADDRESS_VILLAGE], levels[SHOUHU_ADDRESS_TOWN],
           levels[SHOUHU_ADDRESS_DISTRICT], levels[SHOUHU_ADDRESS_UNRECOGNISED]);
  g_print ("shouhu_address_read: %.2f us per address (processor time %.2f us)\n", read_us, read_cpu_us);
  g_print ("baseline, strstr of every town name: %.2f us per address (processor time %.2f us; %u found a town)\n",
           scan_us, scan_cpu_us, scan_found);
  g_print ("ratio: %.3f\n", read_cpu_us / scan_cpu_us);
  return 0;
}
