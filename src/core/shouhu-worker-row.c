/* shouhu-worker-row.c — one row of the Annex 2 list, as a list item
 *
 * A light handle on a row of the index: items are made only for the rows
 * on screen, never for all 100,000.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-worker-row.h"

struct _ShouhuWorkerRow
{
  GObject            parent_instance;

  ShouhuAnnex2Index *index;
  guint              position;
};

G_DEFINE_FINAL_TYPE (ShouhuWorkerRow, shouhu_worker_row, G_TYPE_OBJECT)

static void
shouhu_worker_row_finalize (GObject *object)
{
  ShouhuWorkerRow *self = SHOUHU_WORKER_ROW (object);

  g_clear_pointer (&self->index, shouhu_annex2_index_unref);

  G_OBJECT_CLASS (shouhu_worker_row_parent_class)->finalize (object);
}

static void
shouhu_worker_row_class_init (ShouhuWorkerRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shouhu_worker_row_finalize;
}

static void
shouhu_worker_row_init (ShouhuWorkerRow *self)
{
}

ShouhuWorkerRow *
shouhu_worker_row_new (ShouhuAnnex2Index *index,
                       guint              position)
{
  ShouhuWorkerRow *self = g_object_new (SHOUHU_TYPE_WORKER_ROW, NULL);

  self->index = shouhu_annex2_index_ref (index);
  self->position = position;
  return self;
}

/* For the scratch rows a sort compares: moving them costs nothing. */
void
shouhu_worker_row_set_position (ShouhuWorkerRow *self,
                                guint            position)
{
  self->position = position;
}

guint
shouhu_worker_row_get_position (ShouhuWorkerRow *self)
{
  return self->position;
}

ShouhuAnnex2Index *
shouhu_worker_row_get_index (ShouhuWorkerRow *self)
{
  return self->index;
}

const ShouhuAnnex2Row *
shouhu_worker_row_get_row (ShouhuWorkerRow *self)
{
  g_return_val_if_fail (SHOUHU_IS_WORKER_ROW (self), NULL);
  return shouhu_annex2_index_get_row (self->index, self->position);
}

gint64
shouhu_worker_row_get_id (ShouhuWorkerRow *self)
{
  return shouhu_worker_row_get_row (self)->id;
}
