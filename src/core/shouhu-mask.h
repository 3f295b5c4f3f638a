/* shouhu-mask.h — masking personal data in files that go to wider circles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *shouhu_mask_text           (const char *text);
char *shouhu_mask_phone          (const char *phone);
char *shouhu_mask_phones_in_text (const char *text);
char *shouhu_mask_house_numbers  (const char *text);
char *shouhu_mask_address        (const char *address);

G_END_DECLS
