/* shouhu-cli-pairing.c — the command line's proposal for a district
 * (--propose-pairings): every proposal printed with its reason, stored
 * only with --apply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-cli-private.h"
#include "shouhu-pairing.h"
#include "shouhu-terminal.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/**
 * shouhu_cli_propose_pairings:
 *
 * --propose-pairings --district D [--max-per-volunteer N] [--with-needs]
 * [--date DAY] [--apply]
 *
 * Returns: the exit status: 0 done, 1 the store failed, 2 wrong options
 */
int
shouhu_cli_propose_pairings (GVariantDict *dict)
{
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) worklist = NULL;
  g_autoptr(ShouhuPairingBatch) batch = NULL;
  g_autofree char *district_name = NULL, *date_text = NULL, *day = NULL;
  const ShouhuDistrict *district;
  gint32 cap = SHOUHU_PAIRING_DEFAULT_MAX_PER_VOLUNTEER;
  gboolean with_needs = g_variant_dict_contains (dict, "with-needs");
  guint basic = 0;

  g_variant_dict_lookup (dict, "district", "s", &district_name);
  g_variant_dict_lookup (dict, "max-per-volunteer", "i", &cap);
  g_variant_dict_lookup (dict, "date", "s", &date_text);
  if (district_name == NULL)
    {
      g_printerr (_("Say which district to propose pairings for with --district DISTRICT\n"));
      return 2;
    }
  if ((district = shouhu_district_lookup (district_name)) == NULL)
    {
      g_autofree char *shown = shouhu_terminal_safe (district_name);

      g_printerr (_("“%s” is not one of the 41 district units of the notice\n"), shown);
      return 2;
    }
  if (cap < 1)
    {
      g_printerr (_("--max-per-volunteer must be 1 or more\n"));
      return 2;
    }
  if (date_text != NULL && !shouhu_validate_date ("--date", date_text, &day, &error))
    {
      shouhu_cli_print_error (error);
      return 2;
    }

  store = shouhu_cli_open_store (dict);
  if (store == NULL)
    return 1;
  proposals = shouhu_pairing_propose (store, NULL, district->id, day, (guint) cap, with_needs, &error);
  if (proposals == NULL || (worklist = shouhu_pairing_worklist (store, district->id, day, &error)) == NULL)
    {
      shouhu_cli_print_error (error);
      return 1;
    }

  for (guint i = 0; i < proposals->len; i++)
    {
      const ShouhuProposal *p = g_ptr_array_index (proposals, i);
      g_autofree char *family = shouhu_terminal_safe (p->worker_name);
      g_autofree char *volunteer = shouhu_terminal_safe (p->volunteer_name);
      g_autofree char *reason = shouhu_terminal_safe (p->reason);

      if (p->role == SHOUHU_PAIRING_BASIC)
        basic++;
      /* Translators: a proposed pairing: family (worker's name), volunteer, why */
      g_print (_("%s ← %s: %s\n"), family, volunteer, reason);
    }
  g_print (_("%s: %u of %u families without a ready 保底 guardian get one; %u pairings for needs; "
             "at most %d families per volunteer\n"),
           district->name, basic, worklist->len, proposals->len - basic, cap);

  if (!g_variant_dict_contains (dict, "apply"))
    {
      g_print (_("Nothing was written: run again with --apply to store these pairings.\n"));
      return 0;
    }
  batch = shouhu_pairing_apply (store, proposals, &error);
  if (batch == NULL)
    {
      shouhu_cli_print_error (error);
      return 1;
    }
  g_print (_("Stored %u pairings in one step.\n"), shouhu_pairing_batch_get_n_pairs (batch));
  return 0;
}
