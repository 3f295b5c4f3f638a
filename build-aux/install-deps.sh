#!/bin/sh
# Installs, as root on Debian 12 (bookworm) or Debian 13 (trixie), everything
# Shouhu needs to build, run and test.  README's two commands and .ci/run
# all go through this one list.
set -eu
export DEBIAN_FRONTEND=noninteractive

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
case "$codename" in
  bookworm)
    extra= ;;
  trixie)
    # libxlsxwriter-dev links the system minizip there, and its
    # pkg-config file resolves only with minizip's and libcrypto's.
    extra="libminizip-dev libssl-dev" ;;
  *)
    echo "install-deps.sh knows Debian 12 and 13, not ${codename:-this system}: trying Debian 13's list" >&2
    extra="libminizip-dev libssl-dev" ;;
esac

apt-get update
# clang, its sanitizer runtimes (libclang-rt-dev: libclang-rt-14-dev on
# Debian 12) and llvm (llvm-symbolizer, for readable reports): .ci/run's
# second build, under AddressSanitizer and UBSan, and the fuzzers.
# libreoffice-calc-nogui: the interop suite imports a workbook as
# LibreOffice re-saves it, as users' files are.
# $extra is a list of package names: split on purpose.
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends \
  build-essential meson ninja-build pkg-config gettext \
  clang libclang-rt-dev llvm \
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libsqlite3-dev libxlsxwriter-dev libzip-dev \
  desktop-file-utils appstream flatpak-builder \
  xvfb xauth dbus dbus-x11 \
  locales fonts-noto-cjk \
  python3-openpyxl at-spi2-core python3-pyatspi \
  libreoffice-calc-nogui \
  $extra
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
  locale-gen
fi
