/* shouhu-terminal.h — text from data made safe to print on a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *shouhu_terminal_safe (const char *text);

G_END_DECLS
