/* shouhu-xlsx-reader.c — reading the cells of an xlsx workbook: the zip,
 * its relationships, the workbook part, the shared strings, and the
 * workbook's public API
 *
 * The worksheets themselves are read by shouhu-xlsx-sheet.c, every part
 * through the streaming of shouhu-xlsx-xml.c.
 *
 * The files come from other offices and from spreadsheet programs we do
 * not control, so nothing in them is trusted: every size, count, index and
 * reference is checked before use, each part is streamed through the XML
 * parser in small pieces (never inflated whole), and any breach ends in a
 * GError naming the file.  GMarkup knows no DTDs or entity definitions, so
 * entity expansion attacks have nothing to expand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-xlsx-reader-private.h"
#include "shouhu-parallel.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (shouhu-xlsx-error-quark, shouhu_xlsx_error)

/* Relationships (_rels/.rels, xl/_rels/workbook.xml.rels) --------------- */

typedef struct
{
  char *id;
  char *type;
  char *target;
} Relationship;

static void
relationship_free (gpointer data)
{
  Relationship *r = data;

  g_free (r->id);
  g_free (r->type);
  g_free (r->target);
  g_free (r);
}

typedef struct
{
  Parse      base;
  GPtrArray *rels;
} RelsParse;

static void
rels_start (GMarkupParseContext  *context,
            const char           *name,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  RelsParse *rp = user_data;
  const char *id, *type, *target, *mode;
  Relationship *r;

  if (!shouhu_xlsx_push (&rp->base, name, error))
    return;
  if (shouhu_xlsx_parent (&rp->base, 0) != E_RELATIONSHIP || shouhu_xlsx_parent (&rp->base, 1) != E_RELATIONSHIPS)
    return;
  if (rp->rels->len >= SHOUHU_XLSX_MAX_ENTRIES)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("%s lists more than %d relationships"), rp->base.part, SHOUHU_XLSX_MAX_ENTRIES);
      return;
    }
  id = shouhu_xlsx_attribute (names, values, "Id");
  type = shouhu_xlsx_attribute (names, values, "Type");
  target = shouhu_xlsx_attribute (names, values, "Target");
  mode = shouhu_xlsx_attribute (names, values, "TargetMode");
  if (id == NULL || type == NULL || target == NULL ||
      (mode != NULL && strcmp (mode, "External") == 0))
    return;

  r = g_new0 (Relationship, 1);
  r->id = g_strdup (id);
  r->type = g_strdup (type);
  r->target = g_strdup (target);
  g_ptr_array_add (rp->rels, r);
}

static const GMarkupParser rels_parser = { rels_start, shouhu_xlsx_end_element_pop, NULL, NULL, NULL };

static GPtrArray *
read_rels (ShouhuXlsxWorkbook  *workbook,
           const char          *part,
           GError             **error)
{
  RelsParse rp = { { 0 }, g_ptr_array_new_with_free_func (relationship_free) };
  gboolean found;

  if (!shouhu_xlsx_parse_part (workbook, part, &rels_parser, &rp.base, &found, error))
    {
      g_ptr_array_unref (rp.rels);
      return NULL;
    }
  return rp.rels;
}

static const Relationship *
find_rel_by_type (GPtrArray  *rels,
                  const char *type_suffix)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Relationship *r = g_ptr_array_index (rels, i);

      if (g_str_has_suffix (r->type, type_suffix))
        return r;
    }
  return NULL;
}

static const Relationship *
find_rel_by_id (GPtrArray  *rels,
                const char *id)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Relationship *r = g_ptr_array_index (rels, i);

      if (strcmp (r->id, id) == 0)
        return r;
    }
  return NULL;
}

/* A relationship's target as a zip entry name, relative to @base_dir
 * ("" for the root); %NULL when it climbs above the root. */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_auto(GStrv) base = NULL;
  g_auto(GStrv) rel = NULL;
  GString *out;

  if (target[0] == '/')
    {
      base = g_new0 (char *, 1);
      target++;
    }
  else
    base = g_strsplit (base_dir, "/", -1);
  rel = g_strsplit (target, "/", -1);

  for (GStrv list = base; list != NULL; list = (list == base ? rel : NULL))
    for (guint i = 0; list[i] != NULL; i++)
      {
        if (list[i][0] == '\0' || strcmp (list[i], ".") == 0)
          continue;
        if (strcmp (list[i], "..") == 0)
          {
            if (parts->len == 0)
              return NULL;
            g_ptr_array_remove_index (parts, parts->len - 1);
            continue;
          }
        g_ptr_array_add (parts, list[i]);
      }

  if (parts->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (out, FALSE);
}

/* Workbook (xl/workbook.xml): the sheets' names and order --------------- */

typedef struct
{
  char     *name;
  char     *rel_id;
  gboolean  hidden;
} SheetEntry;

static void
sheet_entry_free (gpointer data)
{
  SheetEntry *e = data;

  g_free (e->name);
  g_free (e->rel_id);
  g_free (e);
}

typedef struct
{
  Parse      base;
  GPtrArray *entries;
} WorkbookParse;

static void
workbook_start (GMarkupParseContext  *context,
                const char           *name,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  WorkbookParse *wp = user_data;
  const char *sheet_name, *rel_id, *state;
  SheetEntry *e;

  if (!shouhu_xlsx_push (&wp->base, name, error))
    return;
  if (shouhu_xlsx_parent (&wp->base, 0) == E_WORKBOOK_PR)
    {
      const char *date1904 = shouhu_xlsx_attribute (names, values, "date1904");

      wp->base.workbook->date1904 = date1904 != NULL && (strcmp (date1904, "1") == 0 || strcmp (date1904, "true") == 0);
      return;
    }
  if (shouhu_xlsx_parent (&wp->base, 0) != E_SHEET || shouhu_xlsx_parent (&wp->base, 1) != E_SHEETS)
    return;
  if (wp->entries->len >= SHOUHU_XLSX_MAX_SHEETS)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("the workbook has more than %d sheets"), SHOUHU_XLSX_MAX_SHEETS);
      return;
    }
  sheet_name = shouhu_xlsx_attribute (names, values, "name");
  rel_id = shouhu_xlsx_relationship_attribute (names, values);
  state = shouhu_xlsx_attribute (names, values, "state");
  if (sheet_name == NULL || rel_id == NULL)
    {
      shouhu_xlsx_damaged (error, _("%s lists a sheet without a name or a part"), wp->base.part);
      return;
    }
  e = g_new0 (SheetEntry, 1);
  e->name = g_strdup (sheet_name);
  shouhu_xlsx_clean_text (e->name);
  e->rel_id = g_strdup (rel_id);
  e->hidden = state != NULL && strcmp (state, "visible") != 0;
  g_ptr_array_add (wp->entries, e);
}

static const GMarkupParser workbook_parser = { workbook_start, shouhu_xlsx_end_element_pop, NULL, NULL, NULL };

/* Shared strings (xl/sharedStrings.xml) --------------------------------- */

typedef struct
{
  Parse    base;
  GString *text;
} StringsParse;

static void
strings_start (GMarkupParseContext  *context,
               const char           *name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  StringsParse *sp = user_data;
  Element e;

  if (!shouhu_xlsx_push (&sp->base, name, error))
    return;
  e = shouhu_xlsx_parent (&sp->base, 0);
  if (e == E_SI && shouhu_xlsx_parent (&sp->base, 1) == E_SST)
    {
      if (sp->base.workbook->strings->len >= SHOUHU_XLSX_MAX_STRINGS)
        g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                     _("%s holds more than %d strings"), sp->base.part, SHOUHU_XLSX_MAX_STRINGS);
      g_string_truncate (sp->text, 0);
    }
  /* Plain text or rich-text runs; phonetic runs (rPh) are left out. */
  else if (e == E_T && (shouhu_xlsx_parent (&sp->base, 1) == E_SI ||
                        (shouhu_xlsx_parent (&sp->base, 1) == E_R && shouhu_xlsx_parent (&sp->base, 2) == E_SI)))
    sp->base.target = sp->text;
}

static void
strings_end (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  StringsParse *sp = user_data;
  ShouhuXlsxWorkbook *workbook = sp->base.workbook;
  Element e = shouhu_xlsx_parent (&sp->base, 0);

  if (e == E_T)
    sp->base.target = NULL;
  else if (e == E_SI && shouhu_xlsx_parent (&sp->base, 1) == E_SST)
    {
      g_autofree char *text = shouhu_xlsx_plain_text (sp->text, FALSE) ? NULL : shouhu_xlsx_decode_xstring (sp->text);

      if (sp->base.overflow)
        {
          if (workbook->long_strings == NULL)
            workbook->long_strings = g_hash_table_new (NULL, NULL);
          g_hash_table_add (workbook->long_strings, GUINT_TO_POINTER (workbook->strings->len));
          sp->base.overflow = FALSE;
        }
      g_ptr_array_add (workbook->strings, text != NULL ? g_string_chunk_insert (workbook->chunk, text)
                                                       : g_string_chunk_insert_len (workbook->chunk, sp->text->str,
                                                                                    (gssize) sp->text->len));
    }
  sp->base.depth--;
}

static const GMarkupParser strings_parser = { strings_start, strings_end, shouhu_xlsx_text_cb, NULL, NULL };

/* Styles (xl/styles.xml): the number format of each cell format ------- */

typedef struct
{
  Parse base;
} StylesParse;

static void
styles_start (GMarkupParseContext  *context,
              const char           *name,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  StylesParse *sp = user_data;
  ShouhuXlsxWorkbook *workbook = sp->base.workbook;
  const char *id_text;
  guint64 id = 0;
  Element e;

  if (!shouhu_xlsx_push (&sp->base, name, error))
    return;
  e = shouhu_xlsx_parent (&sp->base, 0);
  if (!((e == E_NUM_FMT && shouhu_xlsx_parent (&sp->base, 1) == E_NUM_FMTS) ||
        (e == E_XF && shouhu_xlsx_parent (&sp->base, 1) == E_CELL_XFS)))
    return;
  if (workbook->xf_formats->len >= SHOUHU_XLSX_MAX_FORMATS ||
      g_hash_table_size (workbook->formats) >= SHOUHU_XLSX_MAX_FORMATS)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("%s defines more than %d formats"), sp->base.part, SHOUHU_XLSX_MAX_FORMATS);
      return;
    }
  /* A format that cannot be read shows its cells as General. */
  id_text = shouhu_xlsx_attribute (names, values, "numFmtId");
  if (id_text != NULL && !g_ascii_string_to_unsigned (id_text, 10, 0, G_MAXUINT32, &id, NULL))
    id = 0;
  if (e == E_XF)
    {
      guint32 id32 = (guint32) id;

      g_array_append_val (workbook->xf_formats, id32);
    }
  else
    {
      const char *code = shouhu_xlsx_attribute (names, values, "formatCode");

      if (id_text != NULL && code != NULL && strlen (code) < 1024)
        g_hash_table_replace (workbook->formats, GUINT_TO_POINTER ((guint) id), g_strdup (code));
    }
}

static const GMarkupParser styles_parser = { styles_start, shouhu_xlsx_end_element_pop, NULL, NULL, NULL };

/* Worksheets ------------------------------------------------------------- */

/* A worksheet to read, and what reading it gave. */
typedef struct
{
  const SheetEntry *entry;
  char             *part;
  ShouhuXlsxSheet  *sheet;   /* read on a thread, until it joins the workbook */
  GError           *error;
} SheetJob;

static void
sheet_job_free (gpointer data)
{
  SheetJob *job = data;

  g_free (job->part);
  g_clear_pointer (&job->sheet, shouhu_xlsx_sheet_free);
  g_clear_error (&job->error);
  g_free (job);
}

static ShouhuXlsxSheet *
sheet_new (ShouhuXlsxWorkbook *workbook,
           const SheetEntry   *entry)
{
  ShouhuXlsxSheet *sheet = g_new0 (ShouhuXlsxSheet, 1);

  sheet->workbook = workbook;
  sheet->name = g_strdup (entry->name);
  sheet->hidden_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  sheet->hidden = entry->hidden;
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (ShouhuXlsxCell));
  sheet->merged = g_array_new (FALSE, FALSE, sizeof (ShouhuXlsxRange));
  return sheet;
}

/* One after the other, stopping at the first error. */
static gboolean
read_sheets_sequential (ShouhuXlsxWorkbook  *workbook,
                        GPtrArray           *jobs,
                        GError             **error)
{
  for (guint i = 0; i < jobs->len; i++)
    {
      const SheetJob *job = g_ptr_array_index (jobs, i);
      ShouhuXlsxSheet *sheet = sheet_new (workbook, job->entry);

      g_ptr_array_add (workbook->sheets, sheet);
      if (!shouhu_xlsx_read_sheet (workbook, sheet, job->part, error))
        return FALSE;
    }
  return TRUE;
}

/* A zip reading @data, which must outlive it; %NULL with @zerr set. */
static zip_t *
open_zip_buffer (const guint8 *data,
                 gsize         size,
                 zip_error_t  *zerr)
{
  zip_source_t *source = zip_source_buffer_create (data, size, 0, zerr);
  zip_t *zip;

  if (source == NULL)
    return NULL;
  zip = zip_open_from_source (source, ZIP_RDONLY, zerr);
  if (zip == NULL)
    zip_source_free (source);
  return zip;
}

/* Below this much XML in all the worksheets, threads cost more than they
 * save. */
#define PARALLEL_MIN_BYTES (1024 * 1024)

static guint
count_threads (ShouhuXlsxWorkbook *workbook,
               GPtrArray          *jobs)
{
  guint64 bytes = 0;

  for (guint i = 0; i < jobs->len && bytes < PARALLEL_MIN_BYTES; i++)
    {
      const SheetJob *job = g_ptr_array_index (jobs, i);
      zip_int64_t index = zip_name_locate (workbook->zip, job->part, ZIP_FL_NOCASE);
      zip_stat_t st;

      zip_stat_init (&st);
      if (index >= 0 && zip_stat_index (workbook->zip, (zip_uint64_t) index, 0, &st) == 0 &&
          (st.valid & ZIP_STAT_SIZE))
        bytes += st.size;
    }
  return shouhu_parallel_threads (jobs->len, bytes, PARALLEL_MIN_BYTES);
}

typedef struct
{
  ShouhuXlsxWorkbook *workbook;
  GPtrArray          *jobs;
} SheetJobs;

/* One sheet, on any thread: its own zip over the same bytes (a zip_t
 * serves one thread), and a copy of the workbook pointing to it and to
 * the sheet's own chunk; the shared strings and formats are only read,
 * the counts are atomic. */
static gboolean
read_sheet_job (gpointer data,
                guint    index)
{
  SheetJobs *all = data;
  SheetJob *job = g_ptr_array_index (all->jobs, index);
  ShouhuXlsxWorkbook view = *all->workbook;
  zip_error_t zerr;

  job->sheet = sheet_new (all->workbook, job->entry);
  job->sheet->chunk = g_string_chunk_new (64 * 1024);
  view.chunk = job->sheet->chunk;
  zip_error_init (&zerr);
  view.zip = open_zip_buffer (view.data, view.size, &zerr);
  if (view.zip == NULL)
    shouhu_xlsx_damaged (&job->error, _("it is damaged or truncated: %s"), zip_error_strerror (&zerr));
  else
    shouhu_xlsx_read_sheet (&view, job->sheet, job->part, &job->error);
  zip_error_fini (&zerr);
  if (view.zip != NULL)
    zip_discard (view.zip);
  return job->error == NULL;
}

/* The sheets on @n_threads threads, the calling one among them.  On any
 * error it gives up and returns %FALSE, with the counts as they were:
 * the sheets are then read again one after the other, so that the
 * message (and which limit is met first) is the one reading them in
 * order gives. */
static gboolean
read_sheets_parallel (ShouhuXlsxWorkbook *workbook,
                      GPtrArray          *jobs,
                      guint               n_threads)
{
  ShouhuXlsxCounts before = *workbook->counts;
  SheetJobs all = { workbook, jobs };

  if (!shouhu_parallel_run (jobs->len, n_threads, read_sheet_job, &all))
    {
      for (guint i = 0; i < jobs->len; i++)
        {
          SheetJob *job = g_ptr_array_index (jobs, i);

          g_clear_pointer (&job->sheet, shouhu_xlsx_sheet_free);
          g_clear_error (&job->error);
        }
      *workbook->counts = before;
      return FALSE;
    }
  for (guint i = 0; i < jobs->len; i++)
    {
      SheetJob *job = g_ptr_array_index (jobs, i);

      g_ptr_array_add (workbook->sheets, g_steal_pointer (&job->sheet));
    }
  return TRUE;
}

/* The workbook ----------------------------------------------------------- */

static gboolean
read_workbook (ShouhuXlsxWorkbook  *workbook,
               GError             **error)
{
  g_autoptr(GPtrArray) root_rels = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autofree char *workbook_part = NULL;
  g_autofree char *workbook_dir = NULL;
  g_autofree char *workbook_base = NULL;
  g_autofree char *rels_part = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) pending = NULL;
  WorkbookParse wp = { { 0 }, NULL };
  const Relationship *rel;
  guint n_threads;
  gboolean found, ok;

  root_rels = read_rels (workbook, "_rels/.rels", error);
  if (root_rels == NULL)
    return FALSE;
  rel = find_rel_by_type (root_rels, "/officeDocument");
  workbook_part = rel != NULL ? resolve_target ("", rel->target) : g_strdup ("xl/workbook.xml");
  if (workbook_part == NULL)
    return shouhu_xlsx_damaged (error, _("_rels/.rels points outside the file"));

  wp.entries = g_ptr_array_new_with_free_func (sheet_entry_free);
  if (!shouhu_xlsx_parse_part (workbook, workbook_part, &workbook_parser, &wp.base, &found, error))
    {
      g_ptr_array_unref (wp.entries);
      return FALSE;
    }
  if (!found)
    {
      g_ptr_array_unref (wp.entries);
      if (shouhu_xlsx_sniff_zip (workbook->zip, error))
        return FALSE;
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_NOT_XLSX,
                   _("it is a zip archive but holds no Excel workbook (%s)"), workbook_part);
      return FALSE;
    }

  workbook_dir = g_path_get_dirname (workbook_part);
  if (strcmp (workbook_dir, ".") == 0)
    workbook_dir[0] = '\0';
  workbook_base = g_path_get_basename (workbook_part);
  rels_part = *workbook_dir != '\0'
    ? g_strdup_printf ("%s/_rels/%s.rels", workbook_dir, workbook_base)
    : g_strdup_printf ("_rels/%s.rels", workbook_base);
  rels = read_rels (workbook, rels_part, error);
  if (rels == NULL)
    {
      g_ptr_array_unref (wp.entries);
      return FALSE;
    }

  rel = find_rel_by_type (rels, "/styles");
  if (rel != NULL)
    {
      g_autofree char *part = resolve_target (workbook_dir, rel->target);
      StylesParse sp = { { 0 } };

      if (part == NULL || !shouhu_xlsx_parse_part (workbook, part, &styles_parser, &sp.base, &found, error))
        {
          g_ptr_array_unref (wp.entries);
          if (part == NULL)
            return shouhu_xlsx_damaged (error, _("%s points outside the file"), rels_part);
          return FALSE;
        }
    }

  rel = find_rel_by_type (rels, "/sharedStrings");
  if (rel != NULL)
    {
      g_autofree char *part = resolve_target (workbook_dir, rel->target);
      StringsParse sp = { { 0 }, NULL };

      if (part == NULL)
        {
          g_ptr_array_unref (wp.entries);
          return shouhu_xlsx_damaged (error, _("%s points outside the file"), rels_part);
        }
      sp.text = g_string_new (NULL);
      ok = shouhu_xlsx_scan_part (workbook, part, &strings_parser, &sp.base, &found, error);
      g_string_free (sp.text, TRUE);
      if (!ok)
        {
          g_ptr_array_unref (wp.entries);
          return FALSE;
        }
    }

  jobs = g_ptr_array_new_with_free_func (sheet_job_free);
  for (guint i = 0; i < wp.entries->len && pending == NULL; i++)
    {
      const SheetEntry *e = g_ptr_array_index (wp.entries, i);
      SheetJob *job;

      rel = find_rel_by_id (rels, e->rel_id);
      if (rel == NULL)
        {
          shouhu_xlsx_damaged (&pending, _("sheet “%s” has no part in the file"), e->name);
          break;
        }
      /* Chart sheets and dialog sheets hold no cells. */
      if (!g_str_has_suffix (rel->type, "/worksheet"))
        continue;
      job = g_new0 (SheetJob, 1);
      job->entry = e;
      job->part = resolve_target (workbook_dir, rel->target);
      if (job->part == NULL)
        {
          g_free (job);
          shouhu_xlsx_damaged (&pending, _("%s points outside the file"), rels_part);
          break;
        }
      g_ptr_array_add (jobs, job);
    }

  /* The sheets before a part that cannot be found are read first, as
   * their errors come first. */
  n_threads = count_threads (workbook, jobs);
  ok = (n_threads > 1 && read_sheets_parallel (workbook, jobs, n_threads)) ||
       read_sheets_sequential (workbook, jobs, error);
  g_ptr_array_unref (wp.entries);
  if (!ok)
    return FALSE;
  if (pending != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pending));
      return FALSE;
    }

  if (workbook->sheets->len == 0)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_NOT_XLSX,
                   _("the workbook holds no worksheet"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_zip (ShouhuXlsxWorkbook  *workbook,
          const guint8        *data,
          gsize                size,
          GError             **error)
{
  zip_error_t zerr;

  if (size == 0)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_NOT_XLSX, _("the file is empty"));
      return FALSE;
    }

  workbook->data = data;
  workbook->size = size;
  zip_error_init (&zerr);
  workbook->zip = open_zip_buffer (data, size, &zerr);
  if (workbook->zip == NULL)
    {
      int code = zip_error_code_zip (&zerr);

      if (code == ZIP_ER_NOZIP)
        g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_NOT_XLSX,
                     _("it is not an Excel workbook (.xlsx), or it was cut short: it holds no complete zip archive"));
      else
        shouhu_xlsx_damaged (error, _("it is damaged or truncated: %s"), zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      return FALSE;
    }
  zip_error_fini (&zerr);

  if (zip_get_num_entries (workbook->zip, 0) > SHOUHU_XLSX_MAX_ENTRIES)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("it holds more than %d parts"), SHOUHU_XLSX_MAX_ENTRIES);
      return FALSE;
    }
  return TRUE;
}

/* Messages quote the file's own bytes (and GMarkup's quote them raw):
 * keep them valid UTF-8 and of a readable length. */
static void
tidy_message (GError *error)
{
  char *valid = g_utf8_make_valid (error->message, -1);

  if (g_utf8_strlen (valid, -1) > 300)
    {
      char *end = g_utf8_offset_to_pointer (valid, 300);

      *end = '\0';
      g_free (error->message);
      error->message = g_strconcat (valid, "…", NULL);
      g_free (valid);
      return;
    }
  g_free (error->message);
  error->message = valid;
}

void
shouhu_xlsx_workbook_free (ShouhuXlsxWorkbook *workbook)
{
  if (workbook == NULL)
    return;
  if (workbook->zip != NULL)
    zip_discard (workbook->zip);
  g_ptr_array_unref (workbook->sheets);
  g_ptr_array_unref (workbook->strings);
  g_clear_pointer (&workbook->long_strings, g_hash_table_unref);
  g_string_chunk_free (workbook->chunk);
  g_array_unref (workbook->xf_formats);
  g_hash_table_unref (workbook->formats);
  g_free (workbook->name);
  g_free (workbook->sha256);
  g_free (workbook);
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  GChecksum    *checksum;   /* made by the caller: the thread allocates nothing */
} Checksum;

static gpointer
checksum_thread (gpointer user_data)
{
  const Checksum *c = user_data;

  g_checksum_update (c->checksum, c->data, (gssize) c->size);
  return NULL;
}

/**
 * shouhu_xlsx_workbook_new_from_data:
 * @data: the bytes of an xlsx file; only read during the call
 * @display_name: how messages name the file
 *
 * Reads every worksheet of the workbook.
 *
 * Returns: (transfer full): the workbook, or %NULL with @error set
 */
ShouhuXlsxWorkbook *
shouhu_xlsx_workbook_new_from_data (const guint8  *data,
                                    gsize          size,
                                    const char    *display_name,
                                    GError       **error)
{
  g_autoptr(ShouhuXlsxWorkbook) workbook = g_new0 (ShouhuXlsxWorkbook, 1);
  g_autoptr(GError) local_error = NULL;
  ShouhuXlsxCounts counts = { 0, 0 };
  g_autoptr(GChecksum) sha256 = g_checksum_new (G_CHECKSUM_SHA256);
  Checksum checksum = { data, size, sha256 };
  GThread *checksum_worker = NULL;

  workbook->name = g_strdup (display_name);
  workbook->counts = &counts;
  workbook->sheets = g_ptr_array_new_with_free_func (shouhu_xlsx_sheet_free);
  workbook->strings = g_ptr_array_new ();
  workbook->chunk = g_string_chunk_new (64 * 1024);
  workbook->xf_formats = g_array_new (FALSE, FALSE, sizeof (guint32));
  workbook->formats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  /* The file's SHA-256 (GLib's takes 0.3 of the 11 billion instructions of a city's
   * 6 MB import) is
   * computed beside the reading, on a thread of its own when threads
   * are to be used (shouhu_parallel_threads ()), and waited for before
   * @data goes. */
  if (shouhu_parallel_threads (2, size, 1024 * 1024) > 1)
    checksum_worker = g_thread_try_new ("shouhu-sha256", checksum_thread, &checksum, NULL);
  if (checksum_worker == NULL)
    checksum_thread (&checksum);

  if (size > SHOUHU_XLSX_MAX_FILE_SIZE)
    g_set_error (&local_error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                 _("the file is larger than %d MiB"), SHOUHU_XLSX_MAX_FILE_SIZE / (1024 * 1024));
  else if (!shouhu_xlsx_sniff (data, size, display_name, &local_error) &&
           open_zip (workbook, data, size, &local_error))
    read_workbook (workbook, &local_error);

  /* The zip points into @data, which the caller keeps only for the call. */
  g_clear_pointer (&workbook->zip, zip_discard);
  workbook->data = NULL;
  workbook->counts = NULL;
  if (checksum_worker != NULL)
    g_thread_join (checksum_worker);
  workbook->sha256 = g_strdup (g_checksum_get_string (sha256));

  if (local_error != NULL)
    {
      tidy_message (local_error);
      g_prefix_error (&local_error, _("Cannot read “%s”: "), display_name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&workbook);
}

/**
 * shouhu_xlsx_workbook_new_from_file:
 *
 * Returns: (transfer full): the workbook, or %NULL with @error set
 */
ShouhuXlsxWorkbook *
shouhu_xlsx_workbook_new_from_file (const char  *path,
                                    GError     **error)
{
  g_autofree char *display_name = g_filename_display_basename (path);
  g_autofree guint8 *contents = NULL;
  GStatBuf st;
  gsize length = 0;
  int fd, saved;

  /* Opened without waiting (a FIFO with no writer would block), then
   * refused unless it is a file: a pipe, /dev/zero or a folder never
   * ends or holds no workbook. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_IO,
                   _("Cannot read “%s”: %s"), display_name, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_NOT_REGULAR,
                   _("Cannot read “%s”: it is not a file but a folder, a pipe or a device; choose the workbook itself"),
                   display_name);
      return NULL;
    }
  if (st.st_size > SHOUHU_XLSX_MAX_FILE_SIZE)
    {
      close (fd);
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("Cannot read “%s”: the file is larger than %d MiB"),
                   display_name, SHOUHU_XLSX_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  /* The file may grow while it is read: never past the limit. */
  contents = g_malloc ((gsize) st.st_size + 1);
  for (;;)
    {
      gssize n = read (fd, contents + length, (gsize) st.st_size + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          close (fd);
          g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_IO,
                       _("Cannot read “%s”: %s"), display_name, g_strerror (saved));
          return NULL;
        }
      if (n == 0 || (length += (gsize) n) > (gsize) st.st_size)
        break;
    }
  close (fd);
  if (length > (gsize) st.st_size)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_IO,
                   _("Cannot read “%s”: it changed while it was read; wait until it is saved and try again"),
                   display_name);
      return NULL;
    }
  return shouhu_xlsx_workbook_new_from_data (contents, length, display_name, error);
}

/* Returns: the SHA-256 of the file's bytes, in hexadecimal */
const char *
shouhu_xlsx_workbook_get_sha256 (const ShouhuXlsxWorkbook *workbook)
{
  return workbook->sha256;
}

const char *
shouhu_xlsx_workbook_get_name (const ShouhuXlsxWorkbook *workbook)
{
  return workbook->name;
}

guint
shouhu_xlsx_workbook_get_n_sheets (const ShouhuXlsxWorkbook *workbook)
{
  return workbook->sheets->len;
}

const ShouhuXlsxSheet *
shouhu_xlsx_workbook_get_sheet (const ShouhuXlsxWorkbook *workbook,
                                guint                     index)
{
  g_return_val_if_fail (index < workbook->sheets->len, NULL);
  return g_ptr_array_index (workbook->sheets, index);
}
