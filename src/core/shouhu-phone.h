/* shouhu-phone.h — what a phone number is: parsing, stored forms,
 * masking, and finding numbers inside free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SHOUHU_PHONE_NONE,        /* empty: the number is not known yet */
  SHOUHU_PHONE_MOBILE,      /* "13812345678" */
  SHOUHU_PHONE_LANDLINE,    /* "023-68881234": area code and local number */
  SHOUHU_PHONE_EXTENSION,   /* "023-68881234-123" */
  SHOUHU_PHONE_ID_NUMBER,   /* found in text only: an 18-digit resident ID */
  SHOUHU_PHONE_DIGITS,      /* found in text only: 7 or more digits that are
                             * none of the above and not a date */
  SHOUHU_PHONE_INVALID,     /* classified text that is not a phone number */
} ShouhuPhoneKind;

/* Room for the longest stored form ("0755-82345678-123456") and an ID. */
#define SHOUHU_PHONE_VALUE_MAX 32

/* A number found in text: text[start, end) as written. */
typedef struct
{
  gsize           start;
  gsize           end;
  ShouhuPhoneKind kind;
  /* The stored form of a phone; the 18 characters of an ID number (a
   * final X in capitals); empty for SHOUHU_PHONE_DIGITS. */
  char            value[SHOUHU_PHONE_VALUE_MAX];
} ShouhuPhoneMatch;

/* The area code a local number without one belongs to: Chongqing's. */
#define SHOUHU_PHONE_LOCAL_AREA_CODE "023"

char            *shouhu_phone_normalise  (const char             *field,
                                          const char             *text,
                                          ShouhuPhoneKind        *kind,
                                          GError                **error);
ShouhuPhoneKind  shouhu_phone_classify   (const char             *text);
char            *shouhu_phone_mask       (const char             *text);
gboolean         shouhu_phone_find       (const char             *text,
                                          gsize                   from,
                                          ShouhuPhoneMatch       *match);
char            *shouhu_phone_match_mask (const char             *text,
                                          const ShouhuPhoneMatch *match);

G_END_DECLS
