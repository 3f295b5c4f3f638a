#!/bin/sh
# check-ui-includes.sh SRCDIR — fails when a file of src/ui/ other than the
# window and the application includes shouhu-window.h.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window includes its pages and dialogs; they must not include it back.
# They ask it for a notification or a page through its actions (win.notify,
# win.notify-undo, win.show-page) or tell it with a signal of their own.
set -u

srcdir=$1
status=0
found=0

for f in "$srcdir"/src/ui/*.c "$srcdir"/src/ui/*.h; do
  [ -f "$f" ] || continue
  found=$((found + 1))
  case ${f##*/} in
    shouhu-window.c|shouhu-window.h|shouhu-application.c) continue ;;
  esac
  if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*["<]shouhu-window\.h[">]' "$f"; then
    echo "FAIL: src/ui/${f##*/} includes shouhu-window.h: use the window's actions (win.notify, …) or a signal" >&2
    status=1
  fi
done

# A wrong SRCDIR must not pass for a clean tree.
[ "$found" -gt 0 ] || { echo "FAIL: no source file under $srcdir/src/ui" >&2; exit 1; }
exit $status
