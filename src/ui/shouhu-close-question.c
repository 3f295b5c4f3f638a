/* shouhu-close-question.c — before a window closes with something unsaved
 *
 * The window closes its editors and dialogs first (each may ask in its
 * turn), then asks about what was typed and cannot be stored: the
 * question names each item and why, and answers with
 * %GTK_RESPONSE_CANCEL (go back and fix, the default) or
 * %GTK_RESPONSE_REJECT (close without them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-close-question.h"

/* The most listed in the question; the rest are counted. */
#define MAX_LINES 8

/**
 * shouhu_close_transient_windows:
 *
 * Closes the windows transient for @parent, as their close buttons do.
 *
 * Returns: %FALSE when one of them stays open (it asks something first)
 */
gboolean
shouhu_close_transient_windows (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent && gtk_widget_get_visible (GTK_WIDGET (window)))
        g_ptr_array_add (dialogs, g_steal_pointer (&window));
    }
  for (guint i = 0; i < dialogs->len; i++)
    {
      gtk_window_close (dialogs->pdata[i]);
      if (gtk_widget_get_visible (dialogs->pdata[i]))
        return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_close_question_new:
 * @lines: (element-type utf8): what cannot be stored, one item a line
 *
 * Returns: (transfer none): the question, modal on @parent, not shown yet
 */
GtkWidget *
shouhu_close_question_new (GtkWindow *parent,
                           GPtrArray *lines)
{
  g_autoptr(GString) text = g_string_new (_("Everything else is saved. These cannot be saved as they are:"));
  GtkWidget *dialog;
  GtkWidget *close;

  g_string_append_c (text, '\n');
  for (guint i = 0; i < lines->len && i < MAX_LINES; i++)
    g_string_append_printf (text, "\n• %s", (const char *) lines->pdata[i]);
  if (lines->len > MAX_LINES)
    {
      g_string_append_c (text, '\n');
      /* Translators: after the list of what cannot be saved */
      g_string_append_printf (text, _("… and %u more"), lines->len - MAX_LINES);
    }
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("Some of what was typed is not saved"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", text->str);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Go Back and Fix"), GTK_RESPONSE_CANCEL);
  close = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Close Without Them"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (close, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  return dialog;
}
