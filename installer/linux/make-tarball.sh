#!/bin/sh
# `make bundle` on Linux, after PyInstaller: add the desktop entry, icon and install.sh to DIST/fieldcase/ and pack
# it as DIST/fieldcase-VERSION-linux-ARCH.tar.gz (unpack anywhere, then run fieldcase/install.sh).
#
#   installer/linux/make-tarball.sh DIST VERSION
set -eu

dist=$1
version=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
bundle=$dist/fieldcase
[ -x "$bundle/fieldcase" ] || { echo "no bundle in $bundle: run pyinstaller first" >&2; exit 2; }
cp "$root/installer/linux/fieldcase.desktop" "$root/installer/linux/install.sh" "$root/resources/icons/fieldcase.png" \
  "$bundle/"
chmod 755 "$bundle/install.sh"
tarball=$dist/fieldcase-$version-linux-$(uname -m).tar.gz
# gzip -1: the bundle is mostly compiled libraries, which stronger levels barely shrink but take much longer over.
tar -C "$dist" -cf - fieldcase | gzip -1 >"$tarball.tmp"
mv "$tarball.tmp" "$tarball"
echo "$tarball $(du -m "$tarball" | cut -f1) MB (bundle $(du -sm "$bundle" | cut -f1) MB)"
