/* shouhu-cli.h — the command-line jobs (no display needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

const GOptionEntry *shouhu_cli_get_options (void);
int                 shouhu_cli_run         (GVariantDict *options);

G_END_DECLS
