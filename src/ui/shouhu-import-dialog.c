/* shouhu-import-dialog.c — previewing and confirming an imported workbook
 *
 * The workbook is read on a worker thread (a district's form of several
 * thousand rows takes a moment to unzip and parse); the preview, which
 * asks the database, runs here once it is read.  Nothing is written
 * until the user chooses Import; then the whole file goes in as one
 * transaction and the pages follow the store's "changed" signal; the
 * window it is transient for is asked, through its win.show-page and
 * win.notify actions, to show the page and say what came in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-date.h"
#include "shouhu-import-dialog.h"
#include "shouhu-import-ledger.h"

/* PRId64 in translated strings: xgettext knows it, not G_GINT64_FORMAT */
#include <inttypes.h>

struct _ShouhuImportDialog
{
  GtkWindow      parent_instance;

  ShouhuStore   *store;
  GFile         *file;
  GCancellable  *cancellable;
  ShouhuImport  *import;
  gboolean       loading;

  GtkButton     *import_button;
  GtkStack      *state_stack;
  GtkSpinner    *spinner;
  GtkLabel      *loading_label;
  GtkLabel      *error_label;
  GtkLabel      *summary_label;
  GtkLabel      *detail_label;
  GtkLabel      *notes_label;
  GtkStack      *list_stack;
  GtkStackPage  *new_page;
  GtkStackPage  *updated_page;
  GtkStackPage  *duplicates_page;
  GtkStackPage  *missing_page;
  GtkStackPage  *rejected_page;
  GtkListView   *new_list;
  GtkListView   *updated_list;
  GtkListBox    *duplicates_list;
  GtkListView   *missing_list;
  GtkListView   *rejected_list;
  GtkCheckButton *remove_missing_check;
  guint          refresh_id;   /* a preview again after a decision */
};

G_DEFINE_FINAL_TYPE (ShouhuImportDialog, shouhu_import_dialog, GTK_TYPE_WINDOW)

static char *
display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return g_filename_display_name (base != NULL ? base : "");
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  ShouhuImport *import = NULL;

  if (path != NULL)
    import = shouhu_import_from_file (path, &error);
  else
    {
      g_autofree char *contents = NULL;
      g_autofree char *name = display_name (file);
      gsize length = 0;

      if (g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
        {
          g_autoptr(ShouhuXlsxWorkbook) workbook =
            shouhu_xlsx_workbook_new_from_data ((const guint8 *) contents, length, name, &error);

          if (workbook != NULL)
            import = shouhu_import_read (workbook, &error);
        }
    }
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, (GDestroyNotify) shouhu_import_free);
}

static void
show_error (ShouhuImportDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_stack_set_visible_child_name (self->state_stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Measured as one line, so that the last glyph is not cut off; it
   * wraps only when the row is narrower. */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_item_set_child (item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkStringObject *text = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (text));
}

static void
set_list (GtkListView  *view,
          GtkStackPage *page,
          const char   *title,
          GtkStringList *rows)
{
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (rows))));
  gtk_stack_page_set_title (page, title);
}

static GtkStringList *
rejected_rows (GPtrArray *rejected)
{
  GtkStringList *rows = gtk_string_list_new (NULL);

  for (guint i = 0; i < rejected->len; i++)
    {
      const ShouhuImportRejection *r = g_ptr_array_index (rejected, i);
      g_autofree char *text = g_strdup_printf (_("Sheet “%s”, row %u: %s"), r->sheet, r->row, r->reason);

      gtk_string_list_append (rows, text);
    }
  return rows;
}

static void
show_annex1 (ShouhuImportDialog *self,
             const char         *name)
{
  ShouhuAnnex1Import *a1 = self->import->annex1;
  g_autofree char *date = shouhu_format_date (a1->table->as_of);
  g_autofree char *summary = g_strdup_printf (_("%s: Annex 1 as of %s"), name, date);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *title = g_strdup_printf (_("Rejected (%u)"), a1->rejected->len);

  g_string_printf (detail, _("%u of %d district rows read, %u rows rejected."),
                   a1->n_districts, SHOUHU_N_DISTRICTS, a1->rejected->len);
  if (a1->date_differs)
    g_string_append_printf (detail, " %s", _("The table of this date already holds different figures: importing replaces them."));
  else if (a1->date_exists)
    g_string_append_printf (detail, " %s", _("The table of this date already holds these figures: there is nothing to import."));
  if (a1->rejected->len > 0)
    g_string_append_printf (detail, " %s", _("Rejected rows are left out."));

  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->detail_label, detail->str);
  gtk_stack_page_set_visible (self->new_page, FALSE);
  gtk_stack_page_set_visible (self->updated_page, FALSE);
  set_list (self->rejected_list, self->rejected_page, title, rejected_rows (a1->rejected));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            a1->n_districts > 0 && (!a1->date_exists || a1->date_differs));
}

/* Rows past this many likely duplicates are decided with the buttons
 * for all of them. */
#define MAX_DUPLICATE_ROWS 200

static void show_annex2 (ShouhuImportDialog *self,
                         const char         *name);

static gboolean
refresh_cb (gpointer user_data)
{
  ShouhuImportDialog *self = SHOUHU_IMPORT_DIALOG (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name (self->file);

  self->refresh_id = 0;
  if (!shouhu_import_preview (self->store, self->import, &error))
    {
      show_error (self, error->message);
      return G_SOURCE_REMOVE;
    }
  show_annex2 (self, name);
  return G_SOURCE_REMOVE;
}

/* A decision changes which records are missing and what is updated:
 * preview again, once the signal that asked has returned. */
static void
refresh_later (ShouhuImportDialog *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_cb, g_object_ref (self), g_object_unref);
}

static void
choice_changed_cb (GtkDropDown *drop_down,
                   GParamSpec  *pspec,
                   gpointer     user_data)
{
  ShouhuImportDialog *self = SHOUHU_IMPORT_DIALOG (user_data);
  ShouhuAnnex2ImportRow *row = g_object_get_data (G_OBJECT (drop_down), "row");

  row->choice = (int) gtk_drop_down_get_selected (drop_down);
  refresh_later (self);
}

static void
decide_all (ShouhuImportDialog *self,
            ShouhuImportChoice  choice)
{
  ShouhuAnnex2Import *a2 = self->import->annex2;

  a2->duplicates = choice;
  for (guint i = 0; i < a2->rows->len; i++)
    ((ShouhuAnnex2ImportRow *) g_ptr_array_index (a2->rows, i))->choice = SHOUHU_IMPORT_CHOICE_NONE;
  refresh_later (self);
}

static void
update_all_clicked_cb (ShouhuImportDialog *self)
{
  decide_all (self, SHOUHU_IMPORT_CHOICE_UPDATE);
}

static void
new_all_clicked_cb (ShouhuImportDialog *self)
{
  decide_all (self, SHOUHU_IMPORT_CHOICE_NEW);
}

static void
remove_missing_toggled_cb (ShouhuImportDialog *self)
{
  if (self->import != NULL && self->import->kind == SHOUHU_IMPORT_ANNEX2)
    self->import->annex2->remove_missing = gtk_check_button_get_active (self->remove_missing_check);
}

/* "职务: “护士” → “主管护师”", one field a line. */
static void
append_fields (GString                        *text,
               const ShouhuAnnex2ImportChange *c)
{
  for (guint f = 0; f < c->fields->len; f++)
    {
      const ShouhuImportFieldChange *fc = g_ptr_array_index (c->fields, f);

      g_string_append_c (text, '\n');
      /* Translators: one field an import changes: label, old value → new value */
      g_string_append_printf (text, _("    %s: “%s” → “%s”"), shouhu_annex2_field_label (fc->field),
                              fc->old_value, fc->new_value);
    }
}

/* A likely duplicate: what it is and a choice. */
static GtkWidget *
duplicate_row (ShouhuImportDialog             *self,
               const ShouhuAnnex2ImportChange *c)
{
  const char *choices[] = { _("Decide…"), NULL, _("Add as a new record"), NULL };
  g_autofree char *update = g_strdup_printf (_("Update record %" PRId64), c->probable_id);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label, *drop_down;

  choices[1] = update;
  g_string_printf (text, _("Sheet “%s”, row %u: %s is probably record %" PRId64 ": %s. Updating it would change:"),
                   c->row->sheet, c->row->row, c->row->worker->name, c->probable_id, c->probable_reason);
  append_fields (text, c);
  label = gtk_label_new (text->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  drop_down = gtk_drop_down_new_from_strings (choices);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), (guint) (c->row->choice != SHOUHU_IMPORT_CHOICE_NONE
                                                                  ? c->row->choice
                                                                  : self->import->annex2->duplicates));
  g_object_set_data (G_OBJECT (drop_down), "row", (gpointer) c->row);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop_down);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 4, "margin-bottom", 4, NULL);
  return box;
}

static void
show_annex2 (ShouhuImportDialog *self,
             const char         *name)
{
  ShouhuAnnex2Import *a2 = self->import->annex2;
  g_autofree char *summary = g_strdup_printf (_("%s: Annex 2, %u district forms"), name, a2->forms->len);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *new_title = g_strdup_printf (_("New (%u)"), a2->n_new);
  g_autofree char *updated_title = g_strdup_printf (_("To Update (%u)"), a2->n_updated);
  g_autofree char *rejected_title = g_strdup_printf (_("Rejected (%u)"), a2->n_rejected);
  g_autofree char *missing_title = g_strdup_printf (_("Not in This File (%u)"), a2->missing->len);
  g_autofree char *duplicates_title = NULL;
  GtkStringList *new_rows = gtk_string_list_new (NULL);
  GtkStringList *updated_rows = gtk_string_list_new (NULL);
  GtkStringList *missing_rows = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();   /* borrowed texts */
  GtkWidget *child;
  guint n_duplicates = 0;

  g_string_printf (detail, _("%u new records, %u to update, %u already stored as they are, "
                             "%u rows rejected. Rejected rows are left out; nothing is "
                             "written until you choose Import."),
                   a2->n_new, a2->n_updated, a2->n_unchanged, a2->n_rejected);
  if (a2->n_undecided > 0)
    {
      g_string_append_c (detail, ' ');
      g_string_append_printf (detail, _("%u rows are probably records already stored: decide for each before "
                                        "importing."), a2->n_undecided);
    }
  if (a2->missing->len > 0)
    {
      g_string_append_c (detail, ' ');
      g_string_append_printf (detail, _("%u stored records of these districts are not in this file "
                                        "(在库中但不在此文件中): they are kept unless you choose to remove them."),
                              a2->missing->len);
    }

  for (guint i = 0; i < a2->notes->len; i++)
    g_ptr_array_add (notes, g_ptr_array_index (a2->notes, i));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->duplicates_list))) != NULL)
    gtk_list_box_remove (self->duplicates_list, child);
  for (guint i = 0; i < a2->changes->len; i++)
    {
      const ShouhuAnnex2ImportChange *c = g_ptr_array_index (a2->changes, i);
      const ShouhuDistrict *d = shouhu_district_get (c->row->worker->district_id);
      g_autoptr(GString) text = g_string_new (NULL);

      if (c->probable_id != 0 && n_duplicates++ < MAX_DUPLICATE_ROWS)
        gtk_list_box_append (self->duplicates_list, duplicate_row (self, c));
      if (c->action == SHOUHU_IMPORT_NEW)
        {
          g_string_printf (text, _("Sheet “%s”, row %u: %s, %s, %s"), c->row->sheet, c->row->row,
                           c->row->worker->name, d->name, c->row->worker->hospital);
          gtk_string_list_append (new_rows, text->str);
        }
      else if (c->action == SHOUHU_IMPORT_UPDATE)
        {
          g_string_printf (text, _("Sheet “%s”, row %u: %s, %s (record %" PRId64 ")"), c->row->sheet,
                           c->row->row, c->row->worker->name, d->name, c->worker_id);
          append_fields (text, c);
          gtk_string_list_append (updated_rows, text->str);
        }
    }
  if (n_duplicates > MAX_DUPLICATE_ROWS)
    g_ptr_array_add (notes, (gpointer) _("Only the first 200 likely duplicates are listed: decide for the others "
                                         "with Update All or Add All as New."));
  for (guint i = 0; i < a2->missing->len; i++)
    {
      const ShouhuAnnex2ImportMissing *m = g_ptr_array_index (a2->missing, i);
      g_autofree char *text = g_strdup_printf (_("Record %" PRId64 ": %s, %s, %s %s"), m->worker_id, m->name,
                                               shouhu_district_get (m->district_id)->name, m->hospital, m->phone);

      gtk_string_list_append (missing_rows, text);
    }

  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->detail_label, detail->str);
  g_ptr_array_add (notes, NULL);
  {
    g_autofree char *joined = g_strjoinv ("\n", (char **) notes->pdata);

    gtk_label_set_text (self->notes_label, joined);
    gtk_widget_set_visible (GTK_WIDGET (self->notes_label), *joined != '\0');
  }
  set_list (self->new_list, self->new_page, new_title, new_rows);
  set_list (self->updated_list, self->updated_page, updated_title, updated_rows);
  set_list (self->missing_list, self->missing_page, missing_title, missing_rows);
  set_list (self->rejected_list, self->rejected_page, rejected_title, rejected_rows (a2->rejected));
  duplicates_title = g_strdup_printf (_("Likely Duplicates (%u)"), n_duplicates);
  gtk_stack_page_set_title (self->duplicates_page, duplicates_title);
  gtk_stack_page_set_visible (self->duplicates_page, n_duplicates > 0);
  gtk_stack_page_set_visible (self->missing_page, a2->missing->len > 0);
  gtk_check_button_set_active (self->remove_missing_check, a2->remove_missing);
  if (a2->n_undecided > 0)
    gtk_stack_set_visible_child (self->list_stack, gtk_stack_page_get_child (self->duplicates_page));
  else if (a2->n_new == 0 && a2->n_updated == 0 && a2->n_rejected > 0)
    gtk_stack_set_visible_child (self->list_stack, gtk_stack_page_get_child (self->rejected_page));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            a2->n_undecided == 0 && (a2->changes->len > 0 || a2->forms->len > 0));
}

/* A ledger is all or nothing: one rejected line and Import stays off. */
static void
show_ledger (ShouhuImportDialog *self,
             const char         *name)
{
  ShouhuLedgerImport *ledger = self->import->ledger;
  g_autofree char *summary = g_strdup_printf (_("%s: service ledger, %u lines"), name, ledger->rows->len);
  g_autofree char *detail = NULL;
  g_autofree char *new_title = g_strdup_printf (_("New (%u)"), ledger->n_new);
  g_autofree char *rejected_title = g_strdup_printf (_("Rejected (%u)"), ledger->rejected->len);
  GtkStringList *new_rows = gtk_string_list_new (NULL);

  if (ledger->rejected->len > 0)
    detail = g_strdup_printf (_("%u lines rejected: a ledger is imported whole or not at all. Correct the lines "
                                "listed under Rejected and import the file again."), ledger->rejected->len);
  else
    detail = g_strdup_printf (_("%u new service records, %u lines already recorded. Nothing is written until "
                                "you choose Import."), ledger->n_new, ledger->n_already);
  for (guint i = 0; i < ledger->rows->len; i++)
    {
      const ShouhuLedgerImportRow *r = ledger->rows->pdata[i];
      g_autofree char *volunteers = NULL;
      g_autofree char *text = NULL;

      if (r->service == NULL || r->already)
        continue;
      volunteers = g_strjoinv ("、", r->volunteers);
      /* Translators: a new line of a ledger: sheet, row, day, family, kind, volunteers */
      text = g_strdup_printf (_("Sheet “%s”, row %u: %s, %s, %s, %s"), r->sheet, r->row, r->day, r->family,
                              shouhu_service_kind_label (r->kind), volunteers);
      gtk_string_list_append (new_rows, text);
    }

  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->detail_label, detail);
  set_list (self->new_list, self->new_page, new_title, new_rows);
  gtk_stack_page_set_visible (self->updated_page, FALSE);
  set_list (self->rejected_list, self->rejected_page, rejected_title, rejected_rows (ledger->rejected));
  if (ledger->rejected->len > 0)
    gtk_stack_set_visible_child (self->list_stack, gtk_stack_page_get_child (self->rejected_page));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), ledger->rejected->len == 0 && ledger->n_new > 0);
}

static void
show_roster (ShouhuImportDialog *self,
             const char         *name)
{
  ShouhuRosterImport *roster = self->import->roster;
  g_autofree char *summary = g_strdup_printf (_("%s: volunteers’ roster"), name);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *new_title = g_strdup_printf (_("New (%u)"), roster->n_new);
  g_autofree char *updated_title = g_strdup_printf (_("To Update (%u)"), roster->n_updated);
  g_autofree char *rejected_title = g_strdup_printf (_("Rejected (%u)"), roster->rejected->len);
  GtkStringList *new_rows = gtk_string_list_new (NULL);
  GtkStringList *updated_rows = gtk_string_list_new (NULL);

  g_string_printf (detail, _("%u new volunteers, %u to update, %u already stored as they are, %u rows rejected. "
                             "Only the values the file gives are written; rejected rows are left out; nothing "
                             "is written until you choose Import."),
                   roster->n_new, roster->n_updated, roster->n_unchanged, roster->rejected->len);
  if (roster->ignored_headings->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (roster->ignored_headings, NULL);
      names = g_strjoinv ("、", (char **) roster->ignored_headings->pdata);
      g_ptr_array_remove_index (roster->ignored_headings, roster->ignored_headings->len - 1);
      g_string_append_c (detail, ' ');
      g_string_append_printf (detail, _("Columns passed over: %s."), names);
    }
  for (guint i = 0; i < roster->changes->len; i++)
    {
      const ShouhuRosterImportChange *c = g_ptr_array_index (roster->changes, i);
      const ShouhuDistrict *d = shouhu_district_get (c->row->volunteer->district_id);
      g_autofree char *text = NULL;

      if (c->action == SHOUHU_IMPORT_NEW)
        {
          text = g_strdup_printf (_("Sheet “%s”, row %u: %s, %s"), c->row->sheet, c->row->row,
                                  c->row->volunteer->name, d != NULL ? d->name : "—");
          gtk_string_list_append (new_rows, text);
        }
      else if (c->action == SHOUHU_IMPORT_UPDATE)
        {
          text = g_strdup_printf (_("Sheet “%s”, row %u: %s, %s (changes: %s)"), c->row->sheet, c->row->row,
                                  c->row->volunteer->name, d != NULL ? d->name : "—", c->changes);
          gtk_string_list_append (updated_rows, text);
        }
    }

  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->detail_label, detail->str);
  set_list (self->new_list, self->new_page, new_title, new_rows);
  set_list (self->updated_list, self->updated_page, updated_title, updated_rows);
  set_list (self->rejected_list, self->rejected_page, rejected_title, rejected_rows (roster->rejected));
  if (roster->n_new == 0 && roster->n_updated == 0 && roster->rejected->len > 0)
    gtk_stack_set_visible_child (self->list_stack, gtk_stack_page_get_child (self->rejected_page));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), roster->n_new + roster->n_updated > 0);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ShouhuImportDialog *self = SHOUHU_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name (self->file);
  ShouhuImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  if (import == NULL)
    {
      show_error (self, error->message);
      return;
    }
  self->import = import;
  if (!shouhu_import_preview (self->store, self->import, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not compare “%s” with the stored records: %s"),
                                                  name, error->message);
      show_error (self, message);
      return;
    }

  if (self->import->kind == SHOUHU_IMPORT_ANNEX1)
    show_annex1 (self, name);
  else if (self->import->kind == SHOUHU_IMPORT_LEDGER)
    show_ledger (self, name);
  else if (self->import->kind == SHOUHU_IMPORT_ROSTER)
    show_roster (self, name);
  else
    show_annex2 (self, name);
  gtk_stack_set_visible_child_name (self->state_stack, "preview");
}

static void
imported (ShouhuImportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *name = display_name (self->file);
  g_autofree char *message = NULL;
  const char *page = "annex2";

  if (self->import->kind == SHOUHU_IMPORT_ANNEX1)
    {
      g_autofree char *date = shouhu_format_date (self->import->annex1->table->as_of);

      message = g_strdup_printf (_("Imported the Annex 1 figures as of %s from %s"), date, name);
      page = "annex1";
    }
  else if (self->import->kind == SHOUHU_IMPORT_LEDGER)
    {
      message = g_strdup_printf (_("Imported %s: %u new service records"), name, self->import->ledger->n_new);
      /* The overview shows what the ledger changed: open needs, 需回访. */
      page = "dashboard";
    }
  else if (self->import->kind == SHOUHU_IMPORT_ROSTER)
    {
      message = g_strdup_printf (_("Imported %s: %u new and %u updated volunteers"), name,
                                 self->import->roster->n_new, self->import->roster->n_updated);
      /* The volunteers' page, once the window has one. */
      page = "volunteers";
    }
  else
    message = g_strdup_printf (_("Imported %s: %u new and %u updated records"), name,
                               self->import->annex2->n_new, self->import->annex2->n_updated);

  if (parent != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", page);
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.notify", "s", message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
do_import (ShouhuImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!shouhu_import_dialog_import (self, &error))
    {
      show_error (self, error->message);
      return;
    }
  imported (self);
}

static void
replace_response_cb (GtkDialog *dialog,
                     int        response,
                     gpointer   user_data)
{
  ShouhuImportDialog *self = SHOUHU_IMPORT_DIALOG (user_data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    do_import (self);
}

static void
import_clicked_cb (ShouhuImportDialog *self)
{
  g_autofree char *date = NULL;
  GtkWidget *dialog;

  if (self->import == NULL)
    return;
  if (self->import->kind != SHOUHU_IMPORT_ANNEX1 || !self->import->annex1->date_differs)
    {
      do_import (self);
      return;
    }

  date = shouhu_format_date (self->import->annex1->table->as_of);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Replace the figures as of %s?"), date);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("The table of this date holds figures that differ from the "
                                              "file. Importing replaces them with the file’s figures."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Replace"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
shouhu_import_dialog_dispose (GObject *object)
{
  ShouhuImportDialog *self = SHOUHU_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* GtkWindow keeps its own pointer to the child: let it unparent it
   * before the template does. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->import, shouhu_import_free);

  G_OBJECT_CLASS (shouhu_import_dialog_parent_class)->dispose (object);
}

static void
shouhu_import_dialog_class_init (ShouhuImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouhu/Shouhu/ui/shouhu-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, state_stack);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, detail_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, notes_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, duplicates_page);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, missing_page);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, duplicates_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, missing_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, remove_missing_check);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, new_page);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, updated_page);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, rejected_page);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, new_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, updated_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuImportDialog, rejected_list);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_missing_toggled_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shouhu_import_dialog_init (ShouhuImportDialog *self)
{
  GtkListView *lists[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  lists[0] = self->new_list;
  lists[1] = self->updated_list;
  lists[2] = self->rejected_list;
  lists[3] = self->missing_list;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
      gtk_list_view_set_factory (lists[i], factory);
      g_object_unref (factory);
    }
}

/**
 * shouhu_import_dialog_new:
 * @file: the workbook; reading starts at once
 */
ShouhuImportDialog *
shouhu_import_dialog_new (GtkWindow   *parent,
                          ShouhuStore *store,
                          GFile       *file)
{
  ShouhuImportDialog *self = g_object_new (SHOUHU_TYPE_IMPORT_DIALOG,
                                           "transient-for", parent,
                                           NULL);
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = display_name (file);
  g_autofree char *loading = g_strdup_printf (_("Reading “%s”…"), name);

  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  gtk_label_set_text (self->loading_label, loading);
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_thread);
  return self;
}

/* Whether the workbook is still being read. */
gboolean
shouhu_import_dialog_is_loading (ShouhuImportDialog *self)
{
  g_return_val_if_fail (SHOUHU_IS_IMPORT_DIALOG (self), FALSE);
  return self->loading;
}

/**
 * shouhu_import_dialog_get_import:
 *
 * Returns: (nullable): the previewed import, %NULL while loading or when
 *   the file could not be read
 */
const ShouhuImport *
shouhu_import_dialog_get_import (ShouhuImportDialog *self)
{
  g_return_val_if_fail (SHOUHU_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}

/**
 * shouhu_import_dialog_import:
 *
 * Writes the previewed import in one transaction, without asking (the
 * Import button asks first when figures would be replaced).
 */
gboolean
shouhu_import_dialog_import (ShouhuImportDialog  *self,
                             GError             **error)
{
  g_return_val_if_fail (SHOUHU_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (self->import != NULL, FALSE);

  return shouhu_import_write (self->store, self->import, error);
}
