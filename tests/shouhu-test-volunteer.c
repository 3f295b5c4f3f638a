/* shouhu-test-volunteer.c — volunteers and families made through the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-test-volunteer.h"

/* A worker of @district (by name) at 重庆市人民医院, saved. */
gint64
shouhu_test_add_worker (ShouhuStore *store,
                        const char  *district,
                        const char  *name,
                        const char  *phone)
{
  g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  w->district_id = shouhu_district_lookup (district)->id;
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_HOSPITAL, "重庆市人民医院");
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_NAME, name);
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_GENDER, "女");
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_PHONE, phone);
  id = shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A volunteer with @values by field, as typed (NULL: left empty), saved. */
gint64
shouhu_test_add_volunteer (ShouhuStore       *store,
                           const char *const  values[SHOUHU_N_VOLUNTEER_FIELDS])
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    if (values[f] != NULL)
      {
        g_assert_true (shouhu_volunteer_set_field (v, f, values[f], &error));
        g_assert_no_error (error);
      }
  id = shouhu_annex2_save_volunteer (store, v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}
