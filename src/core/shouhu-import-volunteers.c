/* shouhu-import-volunteers.c — the 结对志愿者 cell of an Annex 2 row
 *
 * People write the paired volunteers every way: "张三、李四", "张三，李四",
 * "张三 李四", "张三 13812345678；李四（13912345678）", names padded to
 * the width of three characters ("王  廿"), and the phones in a column
 * of their own (结对志愿者联系电话), in the order of the names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-import-private.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* What separates one volunteer from the next. */
static const char *const separators[] = { "、", "，", ",", "；", ";", "\n", "／", "/", "|" };

/* @text with every separator turned into 、 and spaces of any width
 * into ASCII spaces, digits folded. */
static char *
unify (const char *text)
{
  g_autofree char *folded = shouhu_validate_fold_digits (text != NULL ? text : "");
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0';)
    {
      gunichar c;
      gboolean separator = FALSE;
      guchar b = (guchar) *p;

      /* Plain ASCII that separates nothing, copied as it is. */
      if (b < 0x80 && b != ',' && b != ';' && b != '\n' && b != '/' && b != '|' && !g_ascii_isspace (b))
        {
          g_string_append_c (out, (char) b);
          p++;
          continue;
        }
      /* So are the characters of names: CJK ideographs (U+4E00 to
       * U+9FFF, led by 0xE4 to 0xE9) are neither spaces nor separators. */
      if (b >= 0xe4 && b <= 0xe9)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }
      c = g_utf8_get_char (p);
      for (guint i = 0; i < G_N_ELEMENTS (separators) && !separator && (b < 0x80 || b == 0xe3 || b == 0xef); i++)
        if (g_str_has_prefix (p, separators[i]))
          {
            g_string_append (out, "、");
            p += strlen (separators[i]);
            separator = TRUE;
          }
      if (separator)
        continue;
      if (g_unichar_isspace (c) || c == 0x3000)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* The words of @text (split on 、 and spaces), in order. */
static GPtrArray *
words (const char *text)
{
  g_autofree char *unified = unify (text);
  g_auto(GStrv) items = g_strsplit (unified, "、", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) tokens = g_strsplit (items[i], " ", -1);
      gboolean first = TRUE;

      for (guint t = 0; tokens[t] != NULL; t++)
        {
          if (*tokens[t] == '\0')
            continue;
          /* An empty word marks where an item begins. */
          if (first && out->len > 0)
            g_ptr_array_add (out, g_strdup (""));
          first = FALSE;
          g_ptr_array_add (out, g_strdup (tokens[t]));
        }
    }
  return out;
}

static gboolean
is_phone_char (gunichar c)
{
  return g_ascii_isdigit (c) || c == '-' || c == '+' || c == '(' || c == ')' || c == 0xff08 || c == 0xff09 ||
         c == ':' || c == 0xff1a;
}

/* Whether @word is (the rest of) a phone number: digits and their
 * punctuation only. */
static gboolean
is_phone (const char *word)
{
  guint digits = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_phone_char (c))
        return FALSE;
      digits += g_ascii_isdigit (c) ? 1 : 0;
    }
  return digits > 0;
}

/* Trims brackets and colons that joined a name to its phone. */
static char *
bare_name (const char *text)
{
  static const char *const marks[] = { "（", "(", "：", ":", "）", ")" };
  char *name = g_strstrip (g_strdup (text));
  gboolean trimmed = TRUE;

  while (trimmed)
    {
      trimmed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
        if (*name != '\0' && g_str_has_suffix (name, marks[i]))
          {
            name[strlen (name) - strlen (marks[i])] = '\0';
            trimmed = TRUE;
          }
    }
  return name;
}

static gboolean
is_latin (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p) && *p != '.' && *p != '-' && *p != '\'')
      return FALSE;
  return *word != '\0';
}

typedef struct
{
  GString *name;
  GString *phone;
  gboolean joinable;   /* the name is one character (padding) or Latin */
} Pending;

/* A volunteer read: name and phone (stored form, "" when none). */
typedef struct
{
  char *name;
  char *phone;
} Found;

static void
found_clear (gpointer data)
{
  Found *f = data;

  g_free (f->name);
  g_free (f->phone);
}

/* Ends the pending volunteer; %FALSE with @reason when its phone
 * cannot be read. */
static gboolean
finish (Pending  *pending,
        GArray   *found,
        char    **reason)
{
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autoptr(GError) error = NULL;
  Found f;

  if (pending->name->len == 0)
    return TRUE;
  name = bare_name (pending->name->str);
  if (!shouhu_validate_phone ("", pending->phone->str, &phone, &error))
    {
      *reason = g_strdup_printf (_("结对志愿者 “%s %s”: the phone number cannot be read (%s)"),
                                 name, pending->phone->str, error->message);
      return FALSE;
    }
  f.name = g_steal_pointer (&name);
  f.phone = g_steal_pointer (&phone);
  g_array_append_val (found, f);
  g_string_truncate (pending->name, 0);
  g_string_truncate (pending->phone, 0);
  pending->joinable = FALSE;
  return TRUE;
}

/* The names of @names with the phones written after them. */
static GArray *
read_names (const char  *names,
            char       **reason)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_autoptr(GPtrArray) list = words (names);
  Pending pending = { g_string_new (NULL), g_string_new (NULL), FALSE };
  gboolean ok = TRUE;

  g_array_set_clear_func (found, found_clear);
  for (guint i = 0; i <= list->len && ok; i++)
    {
      const char *word = i < list->len ? g_ptr_array_index (list, i) : "";
      const char *digit = word;
      g_autofree char *head = NULL;

      if (*word == '\0')
        {
          /* the end of an item: 、 and its kin */
          ok = finish (&pending, found, reason);
          continue;
        }
      if (is_phone (word))
        {
          if (pending.name->len == 0 || pending.phone->len > 0)
            {
              *reason = g_strdup_printf (_("结对志愿者: the phone number %s follows no name; write each volunteer "
                                           "as a name and a phone, such as 张三 13812345678"), word);
              ok = FALSE;
              continue;
            }
          g_string_append (pending.phone, word);
          continue;
        }
      /* A name, perhaps with its phone run on: 张三13812345678, 张三（138…） */
      while (*digit != '\0' && !g_ascii_isdigit (*digit) && *digit != '+')
        digit++;
      head = g_strndup (word, (gsize) (digit - word));
      if (*digit != '\0' && !is_phone (digit))
        {
          g_free (head);
          head = g_strdup (word);
          digit = "";
        }
      /* Padding inside one name (王  廿), or a Latin name in two words:
       * joined; otherwise a new name begins. */
      if (pending.name->len > 0 && !(pending.phone->len == 0 &&
                                     (pending.joinable || (is_latin (head) && is_latin (pending.name->str)))))
        {
          if (!finish (&pending, found, reason))
            {
              ok = FALSE;
              continue;
            }
        }
      if (pending.name->len > 0 && is_latin (head) && is_latin (pending.name->str))
        g_string_append_c (pending.name, ' ');
      g_string_append (pending.name, head);
      pending.joinable = g_utf8_strlen (pending.name->str, -1) == 1 && !is_latin (pending.name->str);
      if (*digit != '\0')
        g_string_append (pending.phone, digit);
    }
  g_string_free (pending.name, TRUE);
  g_string_free (pending.phone, TRUE);
  return ok ? g_steal_pointer (&found) : NULL;
}

/* Whether @p starts a CJK ideograph (U+4E00 to U+9FFF: lead byte 0xE4
 * to 0xE9, then two continuation bytes). */
static gboolean
is_ideograph (const char *p)
{
  return (guchar) p[0] >= 0xe4 && (guchar) p[0] <= 0xe9 &&
         ((guchar) p[1] & 0xc0) == 0x80 && ((guchar) p[2] & 0xc0) == 0x80;
}

/* The cell most forms have, read without taking it apart word by word:
 * names of two or more ideographs, each perhaps followed by spaces and
 * a mobile number, separated by 、 ("王五 13700000001、李四").  %NULL
 * for anything else, which read_names() takes; on what it takes, both
 * give the same result (test-import-safe's /import-safe/volunteers). */
static char *
parse_plain (const char *names)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = names;

  while (TRUE)
    {
      const char *name = p, *digits;
      g_autofree char *phone = NULL;
      gsize name_len;

      while (is_ideograph (p))
        p += 3;
      name_len = (gsize) (p - name);
      if (name_len < 2 * 3)
        return NULL;
      while (*p == ' ')
        p++;
      digits = p;
      while (g_ascii_isdigit (*p))
        p++;
      if (p != digits)
        {
          g_autofree char *written = NULL;

          if (p - digits != 11 || digits[0] != '1')
            return NULL;
          written = g_strndup (digits, 11);
          if (!shouhu_validate_phone ("", written, &phone, NULL))
            return NULL;
        }
      else if (p != name + name_len)
        return NULL;   /* spaces, then no number */
      if (out->len > 0)
        g_string_append_c (out, '\x1e');
      g_string_append_len (out, name, (gssize) name_len);
      g_string_append_c (out, '\x1f');
      if (phone != NULL)
        g_string_append (out, phone);
      if (*p == '\0')
        return g_string_free (g_steal_pointer (&out), FALSE);
      if (strncmp (p, "、", strlen ("、")) != 0)
        return NULL;
      p += strlen ("、");
    }
}

/**
 * shouhu_import_parse_volunteers:
 * @names: the 结对志愿者 cell
 * @phones: (nullable): the 结对志愿者联系电话 cell, when the form has one
 * @reason: (out): why the cells cannot be read, when they cannot
 *
 * The volunteers in @names, in their order: names split on 、，,;； and
 * on the spaces between two names, padding inside a name removed (王  廿
 * is 王廿), each with the phone written after it or, in @phones, at the
 * same place in the list.
 *
 * Returns: (transfer full) (nullable): the volunteers as
 *   "姓名\x1f电话" (the phone in its stored form, "" when none) joined by
 *   \x1e, "" for none; %NULL with @reason set
 */
char *
shouhu_import_parse_volunteers (const char  *names,
                                const char  *phones,
                                char       **reason)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GString *out;
  guint n = 0;

  if (phones == NULL && names != NULL && *names != '\0')
    {
      char *plain = parse_plain (names);

      if (plain != NULL)
        return plain;
    }
  found = read_names (names, reason);
  if (found == NULL)
    return NULL;
  if (phones != NULL)
    list = words (phones);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const char *word = g_ptr_array_index (list, i);
      g_autofree char *phone = NULL;
      Found *v;

      if (*word == '\0')
        continue;
      if (n >= found->len)
        {
          *reason = g_strdup_printf (_("结对志愿者联系电话 lists more phone numbers than 结对志愿者 has names "
                                       "(%u names): %s"), found->len, phones);
          return NULL;
        }
      v = &g_array_index (found, Found, n++);
      if (!shouhu_validate_phone ("", word, &phone, NULL) || *phone == '\0')
        {
          *reason = g_strdup_printf (_("结对志愿者联系电话: “%s” (for %s) is not a phone number"), word, v->name);
          return NULL;
        }
      if (*v->phone != '\0' && strcmp (v->phone, phone) != 0)
        {
          *reason = g_strdup_printf (_("%s has the phone %s in 结对志愿者 but %s in 结对志愿者联系电话"),
                                     v->name, v->phone, phone);
          return NULL;
        }
      g_free (v->phone);
      v->phone = g_steal_pointer (&phone);
    }
  out = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      const Found *v = &g_array_index (found, Found, i);

      g_string_append_printf (out, "%s%s\x1f%s", i > 0 ? "\x1e" : "", v->name, v->phone);
    }
  return g_string_free (out, FALSE);
}

/**
 * shouhu_import_volunteers_text:
 * @volunteers: "姓名\x1f电话" items
 *
 * Returns: (transfer full): the volunteers as a form writes them:
 *   "张三 13812345678、李四"
 */
char *
shouhu_import_volunteers_text (GStrv volunteers)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; volunteers != NULL && volunteers[i] != NULL; i++)
    {
      const char *sep = strchr (volunteers[i], '\x1f');
      gsize name_len = sep != NULL ? (gsize) (sep - volunteers[i]) : strlen (volunteers[i]);
      const char *phone = sep != NULL ? sep + 1 : "";

      g_string_append_printf (out, "%s%.*s%s%s", i > 0 ? "、" : "", (int) name_len, volunteers[i],
                              *phone != '\0' ? " " : "", phone);
    }
  return g_string_free (out, FALSE);
}
