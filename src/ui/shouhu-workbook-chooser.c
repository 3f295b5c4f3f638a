/* shouhu-workbook-chooser.c — the desktop's file chooser, for xlsx workbooks
 *
 * GtkFileChooserNative on GTK 4.8, GtkFileDialog where GTK has it: both go
 * through the file chooser portal inside Flatpak, so the app needs no
 * access to the file system of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-workbook-chooser.h"

typedef struct
{
  GObject              *owner;
  ShouhuWorkbookChosen  callback;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_object_unref (pending->owner);
  g_free (pending);
}

static GtkFileFilter *
workbook_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pending *pending = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  gboolean save = GPOINTER_TO_INT (g_object_get_data (source, "save"));
  g_autoptr(GFile) file = save ? gtk_file_dialog_save_finish (dialog, result, NULL)
                               : gtk_file_dialog_open_finish (dialog, result, NULL);

  pending->callback (pending->owner, file);
  pending_free (pending);
}
#else
/* Only GtkFileChooserNative's signal frees the pending state this way:
 * defined in this branch alone, so that GTK >= 4.10 builds do not warn. */
static void
pending_closure_free (gpointer  data,
                      GClosure *closure)
{
  pending_free (data);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             gpointer         user_data)
{
  Pending *pending = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  pending->callback (pending->owner, file);
}
#endif

/**
 * shouhu_workbook_chooser_show:
 * @save: choose where to save, rather than a file to open
 * @initial_name: (nullable): the suggested file name when saving
 * @initial_folder: (nullable): where to start
 * @owner: kept alive until @callback has run
 *
 * Returns: (transfer full): the chooser; hand it to
 * shouhu_workbook_chooser_dismiss() if @owner goes first
 */
GObject *
shouhu_workbook_chooser_show (GtkWindow            *parent,
                              gboolean              save,
                              const char           *title,
                              const char           *initial_name,
                              GFile                *initial_folder,
                              GObject              *owner,
                              ShouhuWorkbookChosen  callback)
{
  g_autoptr(GtkFileFilter) filter = workbook_filter ();
  Pending *pending = g_new0 (Pending, 1);

  pending->owner = g_object_ref (owner);
  pending->callback = callback;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    GtkFileDialog *dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    if (initial_folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, initial_folder);
    if (save && initial_name != NULL)
      gtk_file_dialog_set_initial_name (dialog, initial_name);
    g_object_set_data (G_OBJECT (dialog), "save", GINT_TO_POINTER (save));
    if (save)
      gtk_file_dialog_save (dialog, parent, NULL, chosen_cb, pending);
    else
      gtk_file_dialog_open (dialog, parent, NULL, chosen_cb, pending);
    return G_OBJECT (dialog);
  }
#else
  {
    GtkFileChooserNative *chooser =
      gtk_file_chooser_native_new (title, parent,
                                   save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                   save ? _("_Export") : _("_Open"), _("_Cancel"));

    if (initial_folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), initial_folder, NULL);
    if (save && initial_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), initial_name);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    g_signal_connect_data (chooser, "response", G_CALLBACK (response_cb), pending,
                           pending_closure_free, 0);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    return G_OBJECT (chooser);
  }
#endif
}

/* Closes a chooser whose owner is going away. */
void
shouhu_workbook_chooser_dismiss (GObject *chooser)
{
  if (chooser == NULL)
    return;
#if !GTK_CHECK_VERSION (4, 10, 0)
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
#endif
  g_object_unref (chooser);
}
