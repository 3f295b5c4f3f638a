/* test-phone.c — one table of phone numbers, read the same way by the
 * phone module, the worker editor's validation, the import and masking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2.h"
#include "shouhu-import.h"
#include "shouhu-mask.h"
#include "shouhu-phone.h"
#include "shouhu-validate.h"

#include <string.h>

typedef struct
{
  const char      *text;     /* as typed, or as a cell holds it */
  ShouhuPhoneKind  kind;     /* SHOUHU_PHONE_INVALID: rejected */
  const char      *stored;   /* the stored form; for a rejected number,
                              * words its message must hold */
  const char      *masked;   /* what a masked export shows */
} PhoneCase;

#define M SHOUHU_PHONE_MOBILE
#define L SHOUHU_PHONE_LANDLINE
#define E SHOUHU_PHONE_EXTENSION
#define BAD SHOUHU_PHONE_INVALID

static const PhoneCase cases[] = {
  /* Mobile numbers in every writing. */
  { "13812345678", M, "13812345678", "138****5678" },
  { "138 1234 5678", M, "13812345678", "138****5678" },
  { "138-1234-5678", M, "13812345678", "138****5678" },
  { "１３８１２３４５６７８", M, "13812345678", "138****5678" },
  { "+86 138 1234 5678", M, "13812345678", "138****5678" },
  { "8613812345678", M, "13812345678", "138****5678" },
  { "0086 138 1234 5678", M, "13812345678", "138****5678" },
  { "＋８６－１３８－１２３４－５６７８", M, "13812345678", "138****5678" },
  { "138.1234.5678", M, "13812345678", "138****5678" },
  { "１３８　１２３４　５６７８", M, "13812345678", "138****5678" },
  { " 13012345678 ", M, "13012345678", "130****5678" },
  { "19912345678", M, "19912345678", "199****5678" },
  /* Landlines with their area code. */
  { "023-68881234", L, "023-68881234", "023-****1234" },
  { "02368881234", L, "023-68881234", "023-****1234" },
  { "023 6888 1234", L, "023-68881234", "023-****1234" },
  { "(023)68881234", L, "023-68881234", "023-****1234" },
  { "（023）68881234", L, "023-68881234", "023-****1234" },
  { "（０２３）６８８８　１２３４", L, "023-68881234", "023-****1234" },
  { "023-6888-1234", L, "023-68881234", "023-****1234" },
  { "0236-8881234", L, "023-68881234", "023-****1234" },
  { "+86 23 6888 1234", L, "023-68881234", "023-****1234" },
  { "010-62345678", L, "010-62345678", "010-****5678" },
  { "0755-82345678", L, "0755-82345678", "0755-****5678" },
  { "07558234567", L, "0755-8234567", "0755-****4567" },
  { "023-6888123", L, "023-6888123", "023-****8123" },
  /* Extensions. */
  { "023-68881234转123", E, "023-68881234-123", "023-****1234转123" },
  { "023-68881234-123", E, "023-68881234-123", "023-****1234转123" },
  { "023 6888 1234 分机 66", E, "023-68881234-66", "023-****1234转66" },
  { "023-68881234 ext 8", E, "023-68881234-8", "023-****1234转8" },
  { "023-68881234#8", E, "023-68881234-8", "023-****1234转8" },
  { "023-68881234-123456", E, "023-68881234-123456", "023-****1234转123456" },
  /* Without the area code: all of Chongqing dials 023. */
  { "68881234", L, "023-68881234", "023-****1234" },
  { "6888 1234", L, "023-68881234", "023-****1234" },
  { "68881234转12", E, "023-68881234-12", "023-****1234转12" },
  /* A landline typed as a number: its leading 0 lost. */
  { "2368881234", L, "023-68881234", "023-****1234" },
  { "7558234567", L, "0755-8234567", "0755-****4567" },
  /* Rejected, with a message that says why. */
  { "1381234567", BAD, "11\t10", NULL },
  { "138123456789", BAD, "11\t12", NULL },
  { "138 1234 567", BAD, "11\t10", NULL },
  { "12812345678", BAD, "13\t13812345678", NULL },
  { "6888123", BAD, "023-68881234", NULL },
  { "688812345", BAD, "023-68881234", NULL },
  { "13812345678转12", BAD, "13812345678", NULL },
  { "023-08881234", BAD, "023-68881234", NULL },
  { "023-18881234", BAD, "023-68881234", NULL },
  { "023-688812", BAD, "023-68881234", NULL },
  { "075-512345678", BAD, "023-68881234", NULL },
  { "023-68881234-1234567", BAD, "023-68881234", NULL },
  { "023-68881234#", BAD, "023-68881234", NULL },
  { "023-68881234#1#2", BAD, "023-68881234", NULL },
  { "+1 202 555 0100", BAD, "023-68881234", NULL },
  { "call me", BAD, "023-68881234", NULL },
};

/* The field name every path is given, so that messages can be compared. */
static const char *
phone_field (void)
{
  return shouhu_annex2_field_label (SHOUHU_ANNEX2_FIELD_PHONE);
}

static void
assert_message (const PhoneCase *c,
                const GError    *error)
{
  g_auto(GStrv) words = g_strsplit (c->stored, "\t", -1);

  g_assert_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, phone_field ()));
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (error->message, words[i]) == NULL)
      g_error ("“%s”: the message “%s” does not say %s", c->text, error->message, words[i]);
}

/* The module itself: stored form, kind, message, and the stored form
 * read again gives itself. */
static void
test_module (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PhoneCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      ShouhuPhoneKind kind = SHOUHU_PHONE_INVALID;
      g_autofree char *stored = shouhu_phone_normalise (phone_field (), c->text, &kind, &error);

      g_test_message ("%s", c->text);
      g_assert_cmpint (shouhu_phone_classify (c->text), ==, c->kind);
      if (c->kind == BAD)
        {
          g_assert_null (stored);
          assert_message (c, error);
          g_assert_null (shouhu_phone_mask (c->text));
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, c->stored);
      g_assert_cmpint (kind, ==, c->kind);
      {
        g_autofree char *again = shouhu_phone_normalise (phone_field (), stored, &kind, NULL);
        g_autofree char *masked = shouhu_phone_mask (c->text);

        g_assert_cmpstr (again, ==, stored);
        g_assert_cmpint (kind, ==, c->kind);
        g_assert_cmpstr (masked, ==, c->masked);
      }
    }
}

static void
test_empty (void)
{
  static const char *const empty[] = { "", "  ", "　", NULL };
  ShouhuPhoneKind kind = SHOUHU_PHONE_INVALID;

  for (guint i = 0; empty[i] != NULL; i++)
    {
      g_autofree char *stored = shouhu_phone_normalise (phone_field (), empty[i], &kind, NULL);

      g_assert_cmpstr (stored, ==, "");
      g_assert_cmpint (kind, ==, SHOUHU_PHONE_NONE);
      g_assert_cmpint (shouhu_phone_classify (empty[i]), ==, SHOUHU_PHONE_NONE);
    }
  {
    g_autofree char *stored = shouhu_phone_normalise (phone_field (), NULL, &kind, NULL);
    g_assert_cmpstr (stored, ==, "");
  }
}

static ShouhuWorker *
worker_with_phone (const char *phone)
{
  ShouhuWorker *w = shouhu_worker_new ();

  w->district_id = 4;
#define SET(field, value) g_free (w->field); w->field = g_strdup (value)
  SET (hospital, "市人民医院");
  SET (name, "张敏");
  SET (gender, "女");
  SET (phone, phone);
#undef SET
  return w;
}

/* The worker editor, the import and the module give the same answer:
 * the same stored form, or the same message. */
static void
test_paths_agree (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PhoneCase *c = &cases[i];
      g_autoptr(ShouhuWorker) w = worker_with_phone (c->text);
      g_autoptr(GError) module_error = NULL, editor_error = NULL, import_error = NULL;
      g_autofree char *module = shouhu_phone_normalise (phone_field (), c->text, NULL, &module_error);
      g_autofree char *imported = shouhu_import_phone (phone_field (), c->text, FALSE, &import_error);
      gboolean valid = shouhu_worker_validate (w, &editor_error);

      g_test_message ("%s", c->text);
      g_assert_cmpint (valid, ==, module != NULL);
      g_assert_cmpstr (imported, ==, module);
      if (module != NULL)
        {
          g_assert_cmpstr (w->phone, ==, module);
          continue;
        }
      g_assert_error (editor_error, SHOUHU_WORKER_FIELD_ERROR, SHOUHU_ANNEX2_FIELD_PHONE);
      g_assert_cmpstr (editor_error->message, ==, module_error->message);
      g_assert_cmpstr (import_error->message, ==, module_error->message);
    }
}

/* A cell that holds the number as a number: the import reads its digits
 * as the text would be read. */
static void
test_import_numbers (void)
{
  static const struct { const char *cell; const char *stored; } numbers[] = {
    { "13812345678", "13812345678" },
    { "1.3812345678E+10", "13812345678" },
    { "2368881234", "023-68881234" },
    { "2.368881234E+9", "023-68881234" },
    { "68881234", "023-68881234" },
    { "8613812345678", "13812345678" },
    { "1.38E+10", NULL },
    { "1381234567", NULL },
    { "3.5", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = shouhu_import_phone (phone_field (), numbers[i].cell, TRUE, &error);

      g_test_message ("%s", numbers[i].cell);
      g_assert_cmpstr (stored, ==, numbers[i].stored);
      if (stored == NULL)
        g_assert_nonnull (strstr (error->message, phone_field ()));
    }
}

/* The most digits in @text with only spaces, hyphens, dots and
 * parentheses between them. */
static guint
longest_digit_run (const char *text)
{
  guint run = 0, longest = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          run++;
          longest = MAX (longest, run);
        }
      else if (c >= 128 || strchr (" -.()", (int) c) == NULL)
        run = 0;
    }
  return longest;
}

/* Masking agrees: a number in free text is found as the module reads it,
 * and masked as the masked export masks the stored form. */
static void
test_found_in_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PhoneCase *c = &cases[i];
      g_autofree char *trimmed = g_strstrip (g_strdup (c->text));
      g_autofree char *sentence = g_strdup_printf ("家属电话：%s。", trimmed);
      g_autofree char *expected = g_strdup_printf ("家属电话：%s。", c->masked);
      g_autofree char *masked = shouhu_mask_text (sentence);
      ShouhuPhoneMatch match;
      gboolean found = shouhu_phone_find (sentence, 0, &match);

      g_test_message ("%s", c->text);
      if (c->kind == BAD)
        {
          /* Not one number as a whole, but no long run of digits stays. */
          g_assert_cmpuint (longest_digit_run (masked), <, 7);
          continue;
        }
      g_assert_true (found);
      g_assert_cmpint (match.kind, ==, c->kind);
      g_assert_cmpstr (match.value, ==, c->stored);
      g_assert_cmpstr (masked, ==, expected);
      {
        g_autofree char *field_masked = shouhu_mask_phone (c->stored);
        g_assert_cmpstr (field_masked, ==, c->masked);
      }
    }
}

/* Eleven plain digits are read at once; written with a space around
 * them, the same number goes the long way.  Both agree for every
 * beginning, mobile or not. */
static void
test_plain_digits_agree (void)
{
  GRand *rand = g_rand_new_with_seed (20200207);

  for (guint i = 0; i < 2000; i++)
    {
      char digits[12];
      g_autofree char *spaced = NULL;
      g_autofree char *plain_value = NULL, *spaced_value = NULL;
      g_autoptr(GError) plain_error = NULL, spaced_error = NULL;
      ShouhuPhoneKind plain_kind = SHOUHU_PHONE_INVALID, spaced_kind = SHOUHU_PHONE_INVALID;

      for (guint d = 0; d < 11; d++)
        digits[d] = (char) ('0' + g_rand_int_range (rand, 0, 10));
      /* Every first two digits 10…19 and some others. */
      if (i % 4 != 0)
        {
          digits[0] = '1';
          digits[1] = (char) ('0' + i % 10);
        }
      digits[11] = '\0';
      spaced = g_strdup_printf (" %s ", digits);
      plain_value = shouhu_phone_normalise ("电话", digits, &plain_kind, &plain_error);
      spaced_value = shouhu_phone_normalise ("电话", spaced, &spaced_kind, &spaced_error);
      g_assert_cmpstr (plain_value, ==, spaced_value);
      g_assert_cmpint (plain_kind, ==, spaced_kind);
      g_assert_true ((plain_error == NULL) == (spaced_error == NULL));
      if (plain_error != NULL)
        g_assert_cmpint (plain_error->code, ==, spaced_error->code);
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/phone/module", test_module);
  g_test_add_func ("/phone/empty", test_empty);
  g_test_add_func ("/phone/paths-agree", test_paths_agree);
  g_test_add_func ("/phone/import-numbers", test_import_numbers);
  g_test_add_func ("/phone/found-in-text", test_found_in_text);
  g_test_add_func ("/phone/plain-digits-agree", test_plain_digits_agree);
  return g_test_run ();
}
