/* shouhu-settings.h — the app's GSettings, when its schema is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema's default for stale-days, also used without the schema. */
#define SHOUHU_DEFAULT_STALE_DAYS 3

GSettings *shouhu_settings_get_default            (void);
char      *shouhu_settings_dup_last_export_folder (void);
void       shouhu_settings_set_last_export_folder (const char *path);
gboolean   shouhu_settings_get_export_masked      (void);
void       shouhu_settings_set_export_masked      (gboolean    masked);
int        shouhu_settings_get_stale_days         (void);
void       shouhu_settings_set_stale_days         (int         days);
char      *shouhu_settings_dup_last_service_kind  (void);
void       shouhu_settings_set_last_service_kind  (const char *key);
int        shouhu_settings_get_revisit_days       (void);
void       shouhu_settings_set_revisit_days       (int         days);

G_END_DECLS
