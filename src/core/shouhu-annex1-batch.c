/* shouhu-annex1-batch.c — the batches of Annex 1 (第一批, 第二批 …)
 *
 * The heading is what the official form prints above a batch's columns,
 * in Chinese whatever the UI language; the parser reads it back, and the
 * way people write it by hand (第3批, 第十二批).  The label is the
 * batch's name in the UI language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex1-batch.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char *const chinese_digits[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };

static const char *const batch_names[] = {
  N_("Batch 1"), N_("Batch 2"), N_("Batch 3"), N_("Batch 4"), N_("Batch 5"),
  N_("Batch 6"), N_("Batch 7"), N_("Batch 8"), N_("Batch 9"), N_("Batch 10"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (batch_names) == SHOUHU_ANNEX1_MAX_BATCHES);

/**
 * shouhu_annex1_batch_heading:
 * @batch: 1-based
 *
 * Returns: (transfer full): 第一批, 第二批, …, 第十一批, … as the form
 *   writes it (第100批 and on in digits)
 */
char *
shouhu_annex1_batch_heading (int batch)
{
  int tens = batch / 10, ones = batch % 10;

  if (batch < 1 || batch > 99)
    return g_strdup_printf ("第%d批", batch);
  return g_strdup_printf ("第%s%s%s批",
                          tens > 1 ? chinese_digits[tens - 1] : "",
                          tens > 0 ? "十" : "",
                          ones > 0 ? chinese_digits[ones - 1] : "");
}

/**
 * shouhu_annex1_batch_parse:
 * @heading: without spaces, digits in ASCII
 *
 * Reads 第一批, 第十二批 or 第3批.
 *
 * Returns: the batch, 1-based; 0 when @heading names no batch
 */
int
shouhu_annex1_batch_parse (const char *heading)
{
  const char *p, *end;
  int value = 0, pending = 0;

  if (!g_str_has_prefix (heading, "第") || !g_str_has_suffix (heading, "批"))
    return 0;
  p = heading + strlen ("第");
  end = heading + strlen (heading) - strlen ("批");
  if (p >= end)
    return 0;

  if (g_ascii_isdigit (*p))
    {
      for (; p < end; p++)
        {
          if (!g_ascii_isdigit (*p) || value > 9999)
            return 0;
          value = value * 10 + (*p - '0');
        }
      return value;
    }

  while (p < end)
    {
      guint i;

      if (g_str_has_prefix (p, "十"))
        {
          value += (pending == 0 ? 1 : pending) * 10;
          pending = 0;
          p += strlen ("十");
          continue;
        }
      for (i = 0; i < G_N_ELEMENTS (chinese_digits) && !g_str_has_prefix (p, chinese_digits[i]); i++)
        ;
      if (i == G_N_ELEMENTS (chinese_digits) || pending != 0)
        return 0;
      pending = (int) i + 1;
      p += strlen (chinese_digits[i]);
    }
  return value + pending;
}

/**
 * shouhu_annex1_batch_label:
 *
 * Returns: (transfer full): "Batch 1" (第一批) and so on, translated
 */
char *
shouhu_annex1_batch_label (int batch)
{
  if (batch >= 1 && batch <= (int) G_N_ELEMENTS (batch_names))
    return g_strdup (_(batch_names[batch - 1]));
  /* Translators: a batch of medical staff sent out, %d is its number */
  return g_strdup_printf (_("Batch %d"), batch);
}
