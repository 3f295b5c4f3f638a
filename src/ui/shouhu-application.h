/* shouhu-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHOUHU_TYPE_APPLICATION (shouhu_application_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuApplication, shouhu_application, SHOUHU, APPLICATION, GtkApplication)

ShouhuApplication *shouhu_application_new (void);

G_END_DECLS
