/* shouhu-accessible.c — names for screen readers that GTK 4.8 leaves out
 *
 * The button inside a GtkDropDown or a GtkMenuButton is what takes the
 * focus, but GTK 4.8 gives it no name: a screen reader reads out
 * "GtkToggleButton".  It gets the name of what it opens: the drop-down's
 * label (the 区县 of "_District"), the menu button's label or tooltip.
 * Newer GTK names them itself; a name set here only repeats it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-accessible.h"

static GtkWidget *
inner_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      return child;
  return NULL;
}

/* What a person reads on or beside @widget: its mnemonic label, else its
 * tooltip. */
static char *
visible_name (GtkWidget  *widget,
              const char *label)
{
  g_autoptr(GList) labels = gtk_widget_list_mnemonic_labels (widget);

  if (labels != NULL)
    return g_strdup (gtk_label_get_text (labels->data));
  if (label != NULL)
    {
      /* "_New Date…" is read "New Date…", "a__b" "a_b". */
      GString *text = g_string_new (NULL);

      for (const char *p = label; *p != '\0'; p++)
        {
          if (*p == '_' && p[1] == '_')
            p++;
          else if (*p == '_')
            continue;
          g_string_append_c (text, *p);
        }
      return g_string_free (text, FALSE);
    }
  return g_strdup (gtk_widget_get_tooltip_text (widget));
}

static void
name_button (GtkWidget  *button,
             const char *name)
{
  if (button != NULL && name != NULL && *name != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * shouhu_accessible_name_inner_button:
 * @widget: a GtkDropDown or GtkMenuButton
 *
 * Names the button inside @widget (and @widget) @name.
 */
void
shouhu_accessible_name_inner_button (GtkWidget  *widget,
                                     const char *name)
{
  name_button (widget, name);
  name_button (inner_button (widget), name);
}

/**
 * shouhu_accessible_name_inner_buttons:
 * @root: a window, page or dialog, once built
 *
 * Names the inner button of every GtkDropDown and GtkMenuButton in @root.
 */
void
shouhu_accessible_name_inner_buttons (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_DROP_DOWN (child))
        {
          g_autofree char *name = visible_name (child, NULL);

          name_button (inner_button (child), name);
          continue;
        }
      if (GTK_IS_MENU_BUTTON (child))
        {
          g_autofree char *name = visible_name (child, gtk_menu_button_get_label (GTK_MENU_BUTTON (child)));

          name_button (child, name);
          name_button (inner_button (child), name);
          continue;
        }
      shouhu_accessible_name_inner_buttons (child);
    }
}
