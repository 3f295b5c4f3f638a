/* shouhu-settings.c — the app's GSettings, when its schema is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_settings_new() aborts when the schema is missing, which is the case
 * when Shouhu runs from a build tree without GSETTINGS_SCHEMA_DIR or from
 * an incomplete install.  Remembering sizes and folders is a comfort, not a
 * need, so without the schema the app runs with the defaults below.
 */
#include "config.h"

#include "shouhu-settings.h"
#include "shouhu-ledger.h"

/**
 * shouhu_settings_get_default:
 *
 * Returns: (transfer none) (nullable): the settings of the schema
 *   io.github.shouhu.Shouhu, or %NULL when that schema is not installed
 */
GSettings *
shouhu_settings_get_default (void)
{
  static GSettings *settings;
  static gsize looked_up;

  if (g_once_init_enter (&looked_up))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
      if (schema != NULL)
        settings = g_settings_new_full (schema, NULL, NULL);
      else
        g_debug ("Schema %s is not installed: settings are not remembered", APPLICATION_ID);
      g_once_init_leave (&looked_up, 1);
    }

  return settings;
}

/**
 * shouhu_settings_dup_last_export_folder:
 *
 * Returns: (transfer full) (nullable): the folder of the last export, or
 *   %NULL when nothing was exported yet
 */
char *
shouhu_settings_dup_last_export_folder (void)
{
  GSettings *settings = shouhu_settings_get_default ();
  g_autofree char *path = NULL;

  if (settings == NULL)
    return NULL;
  path = g_settings_get_string (settings, "last-export-folder");
  if (path[0] == '\0')
    return NULL;
  return g_steal_pointer (&path);
}

void
shouhu_settings_set_last_export_folder (const char *path)
{
  GSettings *settings = shouhu_settings_get_default ();

  if (settings != NULL)
    g_settings_set_string (settings, "last-export-folder", path ? path : "");
}

/**
 * shouhu_settings_get_export_masked:
 *
 * Returns: whether an export masks personal data unless the user says
 *   otherwise; %FALSE (the schema's default) without the schema
 */
gboolean
shouhu_settings_get_export_masked (void)
{
  GSettings *settings = shouhu_settings_get_default ();

  return settings != NULL && g_settings_get_boolean (settings, "export-masked");
}

void
shouhu_settings_set_export_masked (gboolean masked)
{
  GSettings *settings = shouhu_settings_get_default ();

  if (settings != NULL)
    g_settings_set_boolean (settings, "export-masked", masked);
}

/**
 * shouhu_settings_get_stale_days:
 *
 * Returns: after how many days without a change a district's Annex 2 is
 *   flagged 需更新; %SHOUHU_DEFAULT_STALE_DAYS without the schema
 */
int
shouhu_settings_get_stale_days (void)
{
  GSettings *settings = shouhu_settings_get_default ();

  if (settings == NULL)
    return SHOUHU_DEFAULT_STALE_DAYS;
  return g_settings_get_int (settings, "stale-days");
}

void
shouhu_settings_set_stale_days (int days)
{
  GSettings *settings = shouhu_settings_get_default ();

  if (settings != NULL)
    g_settings_set_int (settings, "stale-days", days);
}

/**
 * shouhu_settings_dup_last_service_kind:
 *
 * Returns: (transfer full): the key of the kind of service last recorded
 *   ("greeting", the schema's default, without the schema)
 */
char *
shouhu_settings_dup_last_service_kind (void)
{
  GSettings *settings = shouhu_settings_get_default ();

  if (settings == NULL)
    return g_strdup (shouhu_service_kind_key (SHOUHU_SERVICE_GREETING));
  return g_settings_get_string (settings, "last-service-kind");
}

void
shouhu_settings_set_last_service_kind (const char *key)
{
  GSettings *settings = shouhu_settings_get_default ();

  if (settings != NULL && key != NULL)
    g_settings_set_string (settings, "last-service-kind", key);
}

/**
 * shouhu_settings_get_revisit_days:
 *
 * Returns: N of the contact rule: families not contacted for N days are
 *   需回访 (%SHOUHU_REVISIT_DAYS_DEFAULT without the schema)
 */
int
shouhu_settings_get_revisit_days (void)
{
  GSettings *settings = shouhu_settings_get_default ();

  if (settings == NULL)
    return SHOUHU_REVISIT_DAYS_DEFAULT;
  return g_settings_get_int (settings, "revisit-days");
}

void
shouhu_settings_set_revisit_days (int days)
{
  GSettings *settings = shouhu_settings_get_default ();

  if (settings != NULL)
    g_settings_set_int (settings, "revisit-days", CLAMP (days, 1, 60));
}
