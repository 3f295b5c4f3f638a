#!/bin/sh
# check-translations.sh SRCDIR WORKDIR — fails when a string a user reads
# has no Chinese translation, or when po/zh_CN.po is not valid.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds a fresh template from po/POTFILES.in into WORKDIR (the source tree
# is left alone), merges po/zh_CN.po with it as `meson compile
# shouhu-update-po` would, and requires 0 untranslated and 0 fuzzy messages.
set -u

srcdir=$1
workdir=$2
po=$srcdir/po/zh_CN.po
status=0

fail () {
  echo "FAIL: $*" >&2
  status=1
}

mkdir -p "$workdir" || exit 1

# Every source file with a translatable string must be in POTFILES.in, or
# its strings would silently stay English.
for f in $(cd "$srcdir" && git ls-files 'src/*.c' 'src/*.ui' 'data/*.in' 'data/*.gschema.xml' 2>/dev/null ||
           find src data -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.gschema.xml'); do
  case $f in
    *.c) grep -qE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext) ?\(' "$srcdir/$f" || continue ;;
    *.ui) grep -q 'translatable="yes"' "$srcdir/$f" || continue ;;
  esac
  grep -qx "$f" "$srcdir/po/POTFILES.in" || fail "$f has translatable strings but is not in po/POTFILES.in"
done

# The keywords and flags of i18n.gettext (preset: 'glib') in po/meson.build.
if ! (cd "$srcdir" && xgettext --files-from=po/POTFILES.in --directory=. \
        --output="$workdir/shouhu.pot" --from-code=UTF-8 --add-comments \
        --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
        --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
        --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
        --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
        --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
        --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
        --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
        --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
        --package-name=shouhu 2>"$workdir/xgettext.log"); then
  cat "$workdir/xgettext.log" >&2
  fail "xgettext could not extract the strings"
  exit 1
fi
# A format macro such as G_GINT64_FORMAT cuts the message xgettext sees,
# and the cut message can never match at run time: use PRId64 instead.
if grep -q 'warning' "$workdir/xgettext.log"; then
  cat "$workdir/xgettext.log" >&2
  fail "xgettext warned about a message (see above)"
fi

msgfmt --check --output-file=/dev/null "$po" || fail "msgfmt --check found errors in po/zh_CN.po"

msgmerge --quiet --output-file="$workdir/zh_CN.merged.po" "$po" "$workdir/shouhu.pot" ||
  fail "msgmerge could not merge po/zh_CN.po with the strings of the code"

stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$workdir/zh_CN.merged.po" 2>&1)
echo "zh_CN: $stats"
case $stats in
  *untranslated*|*fuzzy*)
    echo "Missing or fuzzy in po/zh_CN.po (run: meson compile -C build shouhu-update-po):" >&2
    msgattrib --no-obsolete --untranslated "$workdir/zh_CN.merged.po" | grep -A1 '^msgid' >&2
    msgattrib --no-obsolete --only-fuzzy "$workdir/zh_CN.merged.po" | grep -A1 '^msgid' >&2
    fail "po/zh_CN.po is not complete"
    ;;
  *" translated message"*) ;;
  *) fail "msgfmt --statistics said: $stats" ;;
esac

exit $status
