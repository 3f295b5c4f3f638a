/* shouhu-volunteer-text.c — a volunteer's values as the window shows them
 *
 * Core writes a volunteer's fields as the roster does (男, 党员,
 * 照料老人小孩、学业辅导, 2020-02-10); the window shows them in the UI
 * language and readiness (上岗状态) in one colour wherever a volunteer
 * appears: the volunteers' page, its editor and merge dialog, the chooser
 * and the worker editor's pairings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-date.h"
#include "shouhu-volunteer-text.h"

/* 性别 as stored (男/女), in the UI language. */
const char *
shouhu_gender_label (const char *gender)
{
  if (g_strcmp0 (gender, "男") == 0)
    return C_("gender", "Male");
  if (g_strcmp0 (gender, "女") == 0)
    return C_("gender", "Female");
  return gender != NULL ? gender : "";
}

/* One item of 防护用品, translated. */
const char *
shouhu_gear_item_label (ShouhuGear item)
{
  switch (item)
    {
    case SHOUHU_GEAR_MASKS:
      /* Translators: protective gear: 口罩 */
      return _("Masks");
    case SHOUHU_GEAR_ALCOHOL:
      /* Translators: protective gear: 酒精 */
      return _("Alcohol");
    case SHOUHU_GEAR_DISINFECTANT:
      /* Translators: protective gear: 消毒液 */
      return _("Disinfectant");
    default:
      return "";
    }
}

/**
 * shouhu_volunteer_display_field:
 *
 * Returns: (transfer full): @field of @volunteer as the window shows it:
 *   translated where core keeps the roster's words, dates as people read
 *   them
 */
char *
shouhu_volunteer_display_field (const ShouhuVolunteer *v,
                                ShouhuVolunteerField   field)
{
  switch (field)
    {
    case SHOUHU_VOLUNTEER_FIELD_GENDER:
      return g_strdup (shouhu_gender_label (v->gender));
    case SHOUHU_VOLUNTEER_FIELD_SOURCE:
      return g_strdup (shouhu_volunteer_source_label (v->source));
    case SHOUHU_VOLUNTEER_FIELD_SKILLS:
      return shouhu_volunteer_skills_label (v->skills);
    case SHOUHU_VOLUNTEER_FIELD_GEAR:
      {
        GString *out = g_string_new (NULL);

        for (guint item = SHOUHU_GEAR_MASKS; item <= SHOUHU_GEAR_DISINFECTANT; item <<= 1)
          if (v->gear & item)
            /* Translators: between the items of a short list (skills, what a volunteer lacks) */
            g_string_append_printf (out, "%s%s", out->len > 0 ? C_("list", ", ") : "",
                                    shouhu_gear_item_label (item));
        return g_string_free (out, FALSE);
      }
    case SHOUHU_VOLUNTEER_FIELD_TRAINED_ON:
    case SHOUHU_VOLUNTEER_FIELD_GEAR_ON:
    case SHOUHU_VOLUNTEER_FIELD_INSURED_FROM:
    case SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL:
      {
        g_autofree char *stored = shouhu_volunteer_dup_field (v, field);

        return shouhu_format_date (stored);
      }
    default:
      return shouhu_volunteer_dup_field (v, field);
    }
}

/* Returns: (transfer full): 守护N户家庭, for a volunteer's line */
char *
shouhu_families_label (guint n_families)
{
  if (n_families == 0)
    return g_strdup (_("guards no family yet"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "guards %u family", "guards %u families", n_families),
                          n_families);
}

/* Colours @widget by @readiness: ready, or not ready or insured for a
 * few more days only. */
void
shouhu_readiness_style (GtkWidget             *widget,
                        const ShouhuReadiness *readiness)
{
  gboolean warns = !readiness->ready || shouhu_readiness_insurance_warns (readiness);

  gtk_widget_remove_css_class (widget, warns ? "readiness-ready" : "readiness-not-ready");
  gtk_widget_add_css_class (widget, warns ? "readiness-not-ready" : "readiness-ready");
}
