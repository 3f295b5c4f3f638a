/* shouhu-ledger-record.c — a service record (服务台账) as a value: kinds, fields, rules
 *
 * What a record may hold, the kinds of service as the notice names them
 * and as people write them, the fields' labels, the checks a record must
 * pass, days, and the contact rule (需回访).  Nothing here touches the
 * store: shouhu-ledger.c stores and reads the records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-ledger-private.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (shouhu-service-field-error-quark, shouhu_service_field_error)

/* In ShouhuServiceKind order, from SHOUHU_SERVICE_CARE.  The name is the
 * notice's own word, as the work report prints it; the writings are what
 * people put in a ledger's 服务类型 column (compared without spaces and
 * punctuation), and the keywords what a longer description may hold. */
static const struct
{
  const char        *key;
  const char        *name;
  const char        *label;
  const char *const *writings;
  const char *const *keywords;
} kinds[SHOUHU_N_SERVICE_KINDS] = {
  { "care", "照料老人小孩", N_("Care for the elderly and children"),
    (const char *const[]) { "照料老人小孩", "照料老人", "照料小孩", "照顾老人小孩", "照顾老人", "照顾小孩",
                            "照看老人", "照看小孩", "帮助照料老人小孩", "照料", "照顾", "看护", NULL },
    (const char *const[]) { "照料", "照顾", "照看", "看护", "陪护", NULL } },
  { "tutoring", "学业辅导", N_("Schoolwork tutoring"),
    (const char *const[]) { "学业辅导", "辅导学业", "辅导学生学业", "学习辅导", "作业辅导", "辅导", NULL },
    (const char *const[]) { "辅导", "学业", "功课", "作业", NULL } },
  { "supplies", "生活物资", N_("Daily supplies"),
    (const char *const[]) { "生活物资", "生活物资采买", "物资采买", "物资", "采买", "代购", "采购", NULL },
    (const char *const[]) { "物资", "采买", "代购", "采购", "买菜", "送菜", "买药", "送药", "粮食", NULL } },
  { "transport", "交通出行", N_("Transport"),
    (const char *const[]) { "交通出行", "出行", "交通", "接送", "驾驶", "用车", NULL },
    (const char *const[]) { "出行", "接送", "驾驶", "用车", "交通", NULL } },
  { "greeting", "电话/视频问候", N_("Phone or video call"),
    (const char *const[]) { "电话视频问候", "电话问候", "视频问候", "电话问询", "视频问询", "电话慰问",
                            "视频慰问", "电话", "视频", "问候", "慰问", NULL },
    (const char *const[]) { "电话", "视频", "问候", "问询", "慰问", NULL } },
  { "other", "其他", N_("Other"),
    (const char *const[]) { "其他", "其它", NULL },
    (const char *const[]) { NULL } },
};

/* In ShouhuServiceField order: the column in history rows, the label. */
static const struct
{
  const char *column;
  const char *label;
} fields[SHOUHU_N_SERVICE_FIELDS] = {
  { "worker_id",  N_("Family") },
  { "volunteers", N_("Volunteers") },
  { "day",        N_("Date") },
  { "kind",       N_("Kind of Service") },
  { "content",    N_("What Was Done") },
  { "minutes",    N_("Minutes") },
  { "need",       N_("Need Raised") },
  { "solved",     N_("Need Solved") },
  { "typical",    N_("Typical Case") },
  { "story",      N_("Story") },
};

/* Kinds */

static gboolean
kind_valid (ShouhuServiceKind kind)
{
  return kind >= SHOUHU_SERVICE_CARE && kind <= SHOUHU_SERVICE_OTHER;
}

/* "care", … as stored in the database and remembered in the settings. */
const char *
shouhu_service_kind_key (ShouhuServiceKind kind)
{
  g_return_val_if_fail (kind_valid (kind), NULL);
  return kinds[kind - 1].key;
}

/* The notice's word for the kind (照料老人小孩, …), untranslated: the
 * work report and the history are in Chinese. */
const char *
shouhu_service_kind_name (ShouhuServiceKind kind)
{
  g_return_val_if_fail (kind_valid (kind), NULL);
  return kinds[kind - 1].name;
}

const char *
shouhu_service_kind_label (ShouhuServiceKind kind)
{
  g_return_val_if_fail (kind_valid (kind), NULL);
  return _(kinds[kind - 1].label);
}

ShouhuServiceKind
shouhu_service_kind_from_key (const char *key)
{
  for (guint i = 0; i < SHOUHU_N_SERVICE_KINDS; i++)
    if (g_strcmp0 (kinds[i].key, key) == 0)
      return (ShouhuServiceKind) (i + 1);
  return SHOUHU_SERVICE_KIND_NONE;
}

/* Letters only: no spaces, punctuation or symbols of any width. */
static char *
letters_only (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * shouhu_service_kind_parse:
 * @text: a 服务类型 cell as people write it: 电话问候 or 视频问询 for
 *   电话/视频问候, 照顾老人 for 照料老人小孩, 送菜 for 生活物资 …
 *
 * A known writing decides at once; otherwise the words of one kind alone
 * (帮老人买菜 → 生活物资).  Words of two kinds are not guessed at.
 *
 * Returns: the kind, or %SHOUHU_SERVICE_KIND_NONE when it is not clear
 */
ShouhuServiceKind
shouhu_service_kind_parse (const char *text)
{
  g_autofree char *plain = letters_only (text);
  ShouhuServiceKind found = SHOUHU_SERVICE_KIND_NONE;

  if (*plain == '\0')
    return SHOUHU_SERVICE_KIND_NONE;
  for (guint i = 0; i < SHOUHU_N_SERVICE_KINDS; i++)
    {
      g_autofree char *name = letters_only (kinds[i].name);

      if (strcmp (plain, name) == 0 || strcmp (plain, kinds[i].key) == 0)
        return (ShouhuServiceKind) (i + 1);
      for (guint w = 0; kinds[i].writings[w] != NULL; w++)
        if (strcmp (plain, kinds[i].writings[w]) == 0)
          return (ShouhuServiceKind) (i + 1);
    }
  for (guint i = 0; i < SHOUHU_N_SERVICE_KINDS; i++)
    for (guint w = 0; kinds[i].keywords[w] != NULL; w++)
      if (strstr (plain, kinds[i].keywords[w]) != NULL)
        {
          if (found != SHOUHU_SERVICE_KIND_NONE && found != (ShouhuServiceKind) (i + 1))
            return SHOUHU_SERVICE_KIND_NONE;
          found = (ShouhuServiceKind) (i + 1);
        }
  return found;
}

const char *
shouhu_service_field_label (ShouhuServiceField field)
{
  g_return_val_if_fail (field < SHOUHU_N_SERVICE_FIELDS, NULL);
  return _(fields[field].label);
}

/**
 * shouhu_ledger_column_label:
 *
 * The label of a service's history row's field, as the user knows it.
 *
 * Returns: the translated label, "" for a whole-record row, or @column
 *   itself when unknown
 */
const char *
shouhu_ledger_column_label (const char *column)
{
  if (column == NULL)
    return "";
  for (guint i = 0; i < SHOUHU_N_SERVICE_FIELDS; i++)
    if (strcmp (fields[i].column, column) == 0)
      return _(fields[i].label);
  return column;
}

/* Records as values */

ShouhuService *
shouhu_service_new (void)
{
  ShouhuService *s = g_new0 (ShouhuService, 1);

  s->volunteer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->day = g_strdup ("");
  s->content = g_strdup ("");
  s->need = g_strdup ("");
  s->story = g_strdup ("");
  s->family_name = g_strdup ("");
  s->volunteer_names = g_strdup ("");
  return s;
}

ShouhuService *
shouhu_service_copy (const ShouhuService *service)
{
  ShouhuService *s = g_new0 (ShouhuService, 1);

  s->id = service->id;
  s->worker_id = service->worker_id;
  s->volunteer_ids = g_array_copy (service->volunteer_ids);
  s->day = g_strdup (service->day ? service->day : "");
  s->kind = service->kind;
  s->content = g_strdup (service->content ? service->content : "");
  s->minutes = service->minutes;
  s->need = g_strdup (service->need ? service->need : "");
  s->solved = service->solved;
  s->typical = service->typical;
  s->story = g_strdup (service->story ? service->story : "");
  s->created = g_strdup (service->created);
  s->changed = g_strdup (service->changed);
  s->family_name = g_strdup (service->family_name ? service->family_name : "");
  s->district_id = service->district_id;
  s->volunteer_names = g_strdup (service->volunteer_names ? service->volunteer_names : "");
  return s;
}

void
shouhu_service_free (ShouhuService *service)
{
  if (service == NULL)
    return;
  g_clear_pointer (&service->volunteer_ids, g_array_unref);
  g_free (service->day);
  g_free (service->content);
  g_free (service->need);
  g_free (service->story);
  g_free (service->created);
  g_free (service->changed);
  g_free (service->family_name);
  g_free (service->volunteer_names);
  g_free (service);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Adds a volunteer once, keeping the ids in ascending order. */
void
shouhu_service_add_volunteer (ShouhuService *service,
                              gint64         volunteer_id)
{
  for (guint i = 0; i < service->volunteer_ids->len; i++)
    if (g_array_index (service->volunteer_ids, gint64, i) == volunteer_id)
      return;
  g_array_append_val (service->volunteer_ids, volunteer_id);
  g_array_sort (service->volunteer_ids, compare_ids);
}

/* Validation */

/* Sets @error about @field (shouhu-ledger-private.h); always FALSE. */
gboolean
shouhu_service_reject (GError             **error,
                       ShouhuServiceField   field,
                       const char          *message)
{
  g_set_error_literal (error, SHOUHU_SERVICE_FIELD_ERROR, field, message);
  return FALSE;
}

/* Trims @text in place and checks its length. */
static gboolean
check_text (char               **text,
            ShouhuServiceField   field,
            glong                max_chars,
            GError             **error)
{
  char *trimmed = g_strstrip (g_strdup (*text != NULL ? *text : ""));

  g_free (*text);
  *text = trimmed;
  if (g_utf8_strlen (trimmed, -1) > max_chars)
    {
      g_autofree char *message = g_strdup_printf (_("%s is too long: keep it to %ld characters"),
                                                  shouhu_service_field_label (field), max_chars);
      return shouhu_service_reject (error, field, message);
    }
  return TRUE;
}

/**
 * shouhu_service_validate:
 * @today: (nullable): YYYY-MM-DD; a service cannot be after it.  %NULL
 *   for no such check
 *
 * Checks @service and normalises it in place: text trimmed, the day as
 * YYYY-MM-DD, no "solved" without a need, no story unless typical.  On
 * failure the error's domain is %SHOUHU_SERVICE_FIELD_ERROR and its code
 * the field at fault.
 */
gboolean
shouhu_service_validate (ShouhuService  *s,
                         const char     *today,
                         GError        **error)
{
  g_autoptr(GError) inner = NULL;
  char *day = NULL;

  if (s->worker_id <= 0)
    return shouhu_service_reject (error, SHOUHU_SERVICE_FIELD_FAMILY,
                        _("Choose the family (the frontline worker) the service was for"));
  if (s->volunteer_ids->len == 0)
    return shouhu_service_reject (error, SHOUHU_SERVICE_FIELD_VOLUNTEERS,
                        _("Choose at least one volunteer who did the service"));
  if (!shouhu_validate_date (shouhu_service_field_label (SHOUHU_SERVICE_FIELD_DAY), s->day, &day, &inner))
    return shouhu_service_reject (error, SHOUHU_SERVICE_FIELD_DAY, inner->message);
  g_free (s->day);
  s->day = day;
  if (today != NULL && strcmp (s->day, today) > 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s %s is after today: enter the day the service was done"),
                                                  shouhu_service_field_label (SHOUHU_SERVICE_FIELD_DAY), s->day);
      return shouhu_service_reject (error, SHOUHU_SERVICE_FIELD_DAY, message);
    }
  if (!kind_valid (s->kind))
    return shouhu_service_reject (error, SHOUHU_SERVICE_FIELD_KIND, _("Choose the kind of service"));
  if (s->minutes < 1 || s->minutes > SHOUHU_SERVICE_MAX_MINUTES)
    {
      g_autofree char *message = g_strdup_printf (_("%s must be from 1 to %d minutes"),
                                                  shouhu_service_field_label (SHOUHU_SERVICE_FIELD_MINUTES),
                                                  SHOUHU_SERVICE_MAX_MINUTES);
      return shouhu_service_reject (error, SHOUHU_SERVICE_FIELD_MINUTES, message);
    }
  if (!check_text (&s->content, SHOUHU_SERVICE_FIELD_CONTENT, SHOUHU_SERVICE_MAX_TEXT, error) ||
      !check_text (&s->need, SHOUHU_SERVICE_FIELD_NEED, SHOUHU_SERVICE_MAX_TEXT, error) ||
      !check_text (&s->story, SHOUHU_SERVICE_FIELD_STORY, SHOUHU_SERVICE_MAX_STORY, error))
    return FALSE;
  if (*s->need == '\0')
    s->solved = FALSE;
  if (!s->typical)
    {
      g_free (s->story);
      s->story = g_strdup ("");
    }
  else if (*s->story == '\0')
    return shouhu_service_reject (error, SHOUHU_SERVICE_FIELD_STORY,
                        _("A typical case needs its story: say in a few sentences what the volunteer did"));
  return TRUE;
}

/* Days */

/* Today, local time, as YYYY-MM-DD. */
char *
shouhu_ledger_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * shouhu_ledger_add_days:
 * @day: YYYY-MM-DD
 * @days: may be negative
 *
 * Returns: (transfer full) (nullable): the day @days later, %NULL when
 *   @day is no date
 */
char *
shouhu_ledger_add_days (const char *day,
                        int         days)
{
  g_autoptr(GDate) date = g_date_new ();
  char text[16];
  guint y, m, d;

  if (day == NULL || sscanf (day, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* The field's column in history rows (shouhu-ledger-private.h). */
const char *
shouhu_service_field_column (ShouhuServiceField field)
{
  g_return_val_if_fail (field < SHOUHU_N_SERVICE_FIELDS, NULL);
  return fields[field].column;
}

/* The contact rule */

/**
 * shouhu_ledger_revisit_due:
 * @last_contact: (nullable): the day of the family's last service
 * @recorded_on: (nullable): the day the family was recorded, which
 *   counts when it was never contacted
 * @today: YYYY-MM-DD
 * @days: N, the setting (at least 1)
 *
 * The contact rule: a family is 需回访 when it has had no contact for N
 * days, that is when its last contact (or its recording) was N or more
 * days before @today.  shouhu_ledger_count_districts() counts by the
 * same rule in SQL: both compare with shouhu_ledger_add_days (today, -N).
 */
gboolean
shouhu_ledger_revisit_due (const char *last_contact,
                           const char *recorded_on,
                           const char *today,
                           int         days)
{
  g_autofree char *cutoff = shouhu_ledger_add_days (today, -MAX (days, 1));
  const char *since = last_contact != NULL ? last_contact : recorded_on;

  g_return_val_if_fail (cutoff != NULL, FALSE);
  return since == NULL || strncmp (since, cutoff, 10) <= 0;
}
