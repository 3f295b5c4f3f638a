/* shouhu-workbook-chooser.h — the desktop's file chooser, for xlsx workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @file is %NULL when the user cancelled. */
typedef void (*ShouhuWorkbookChosen) (GObject *owner,
                                      GFile   *file);

GObject *shouhu_workbook_chooser_show    (GtkWindow            *parent,
                                          gboolean              save,
                                          const char           *title,
                                          const char           *initial_name,
                                          GFile                *initial_folder,
                                          GObject              *owner,
                                          ShouhuWorkbookChosen  callback);
void     shouhu_workbook_chooser_dismiss (GObject              *chooser);

G_END_DECLS
