/* shouhu-service-row.c — one service record as an item of a list model
 *
 * The ledger's lists are per family or per volunteer, tens or hundreds of
 * records: each is an item of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-service-row.h"

struct _ShouhuServiceRow
{
  GObject        parent_instance;

  ShouhuService *service;
};

G_DEFINE_FINAL_TYPE (ShouhuServiceRow, shouhu_service_row, G_TYPE_OBJECT)

static void
shouhu_service_row_finalize (GObject *object)
{
  g_clear_pointer (&SHOUHU_SERVICE_ROW (object)->service, shouhu_service_free);

  G_OBJECT_CLASS (shouhu_service_row_parent_class)->finalize (object);
}

static void
shouhu_service_row_class_init (ShouhuServiceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shouhu_service_row_finalize;
}

static void
shouhu_service_row_init (ShouhuServiceRow *self)
{
}

/**
 * shouhu_service_row_new:
 * @service: (transfer full): the record
 */
ShouhuServiceRow *
shouhu_service_row_new (ShouhuService *service)
{
  ShouhuServiceRow *self = g_object_new (SHOUHU_TYPE_SERVICE_ROW, NULL);

  self->service = service;
  return self;
}

const ShouhuService *
shouhu_service_row_get_service (ShouhuServiceRow *self)
{
  g_return_val_if_fail (SHOUHU_IS_SERVICE_ROW (self), NULL);
  return self->service;
}

/**
 * shouhu_service_rows_new:
 * @services: (element-type ShouhuService): the records, taken out of the
 *   array
 *
 * Returns: (transfer full): a list of ShouhuServiceRow, in the same order
 */
GListStore *
shouhu_service_rows_new (GPtrArray *services)
{
  GListStore *rows = g_list_store_new (SHOUHU_TYPE_SERVICE_ROW);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < services->len; i++)
    g_ptr_array_add (items, shouhu_service_row_new (g_steal_pointer (&services->pdata[i])));
  g_ptr_array_set_size (services, 0);
  g_list_store_splice (rows, 0, 0, items->pdata, items->len);
  return rows;
}
