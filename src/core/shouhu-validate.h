/* shouhu-validate.h — checks shared by every table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SHOUHU_VALIDATE_ERROR (shouhu_validate_error_quark ())

typedef enum
{
  SHOUHU_VALIDATE_ERROR_INVALID,
} ShouhuValidateError;

/* The largest count accepted anywhere: far above any district's staff. */
#define SHOUHU_COUNT_MAX 1000000

GQuark    shouhu_validate_error_quark (void);

char     *shouhu_validate_fold_digits (const char  *text);
gboolean  shouhu_validate_count       (const char  *field,
                                       const char  *text,
                                       int         *value,
                                       GError     **error);
gboolean  shouhu_validate_count_value (const char  *field,
                                       gint64       value,
                                       GError     **error);
gboolean  shouhu_validate_date        (const char  *field,
                                       const char  *text,
                                       char       **normalised,
                                       GError     **error);
gboolean  shouhu_validate_phone       (const char  *field,
                                       const char  *text,
                                       char       **normalised,
                                       GError     **error);
gboolean  shouhu_validate_required    (const char  *field,
                                       const char  *text,
                                       char       **normalised,
                                       GError     **error);

G_END_DECLS
