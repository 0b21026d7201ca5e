#!/bin/sh
# FieldCase for Linux: install this unpacked bundle for the current user (no root needed), upgrade it, or remove it.
#
#   ./install.sh               copy this folder to ~/.local/opt/fieldcase, put `fieldcase` on the PATH
#                              (~/.local/bin) and FieldCase in the applications menu
#   ./install.sh --uninstall   remove the program, its menu entry and icon
#
# The case store is not part of the program. It lives in ~/.local/share/FieldCase/FieldCase/ (fieldcase.db, its
# key file and backups/), and installing, upgrading or uninstalling never touches it; a newer version migrates it
# at its first start, after a backup into backups/. Set PREFIX (default ~/.local) to install elsewhere.
set -eu

prefix=${PREFIX:-$HOME/.local}
dest=$prefix/opt/fieldcase
bin=$prefix/bin
apps=$prefix/share/applications
icons=$prefix/share/icons/hicolor/256x256/apps
here=$(cd "$(dirname "$0")" && pwd)

refresh_menus() {
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps" || true; fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$dest"
  rm -f "$bin/fieldcase" "$apps/fieldcase.desktop" "$icons/fieldcase.png"
  refresh_menus
  echo "已移除 FieldCase；個案資料庫仍保留在 ~/.local/share/FieldCase/。"
  echo "FieldCase is removed; the case store stays in ~/.local/share/FieldCase/."
  exit 0
fi
if [ $# -gt 0 ]; then
  echo "usage: $0 [--uninstall]" >&2
  exit 2
fi
if [ ! -x "$here/fieldcase" ]; then
  echo "install.sh 需在解開的 fieldcase 資料夾中執行。 Run install.sh from the unpacked fieldcase folder." >&2
  exit 2
fi
if [ "$here" = "$dest" ]; then
  echo "FieldCase is already installed in $dest."
  exit 0
fi

mkdir -p "$prefix/opt" "$bin" "$apps" "$icons"
# Copy beside the installed version, then swap: a failed copy (a full disk) leaves the old version working.
rm -rf "$dest.new" "$dest.old"
cp -a "$here" "$dest.new"
if [ -e "$dest" ]; then mv "$dest" "$dest.old"; fi
mv "$dest.new" "$dest"
rm -rf "$dest.old"
ln -sf "$dest/fieldcase" "$bin/fieldcase"
cp "$here/fieldcase.png" "$icons/fieldcase.png"
sed "s|^Exec=.*|Exec=\"$dest/fieldcase\"|" "$here/fieldcase.desktop" >"$apps/fieldcase.desktop"
refresh_menus
echo "已安裝 $("$dest/fieldcase" --version) 於 $dest；可從應用程式選單開啟，或執行 fieldcase。"
echo "Installed in $dest: open FieldCase from the applications menu, or run fieldcase ($bin must be on PATH)."
