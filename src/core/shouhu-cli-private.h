/* shouhu-cli-private.h — what the command line's job files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-cli.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

/* The store --database names (or the default one); %NULL after printing
 * why it cannot be opened. */
ShouhuStore *shouhu_cli_open_store        (GVariantDict *dict);
/* An error's message, through shouhu_terminal_safe(): messages quote data. */
void         shouhu_cli_print_error       (const GError *error);

int          shouhu_cli_propose_pairings  (GVariantDict *dict);

G_END_DECLS
