#!/usr/bin/env bash
# check-layout.sh — an install into the Flatpak prefix (/app) puts every file where the sandbox looks.
# SPDX-FileCopyrightText: 2026 The Askarov authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-layout.sh SOURCE_DIR
# Configures a private build with --prefix=/app, installs it with --destdir
# into a temporary folder and checks the files flatpak-builder expects.
set -euo pipefail

src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
id=com.example.Askarov
fail=0

meson setup --prefix=/app --buildtype=plain "$tmp/build" "$src" >"$tmp/log" 2>&1 \
  && meson compile -C "$tmp/build" >>"$tmp/log" 2>&1 \
  && meson install -C "$tmp/build" --destdir "$tmp/dest" >>"$tmp/log" 2>&1 \
  || { cat "$tmp/log" >&2; echo "layout: the /app build or install failed" >&2; exit 1; }

app=$tmp/dest/app
need ()
{
  if [ -f "$app/$1" ]; then
    echo "ok   /app/$1"
  else
    echo "MISSING /app/$1" >&2
    fail=1
  fi
}

need bin/askarov
need share/applications/$id.desktop
need share/metainfo/$id.metainfo.xml
need share/icons/hicolor/scalable/apps/$id.svg
need share/icons/hicolor/symbolic/apps/$id-symbolic.svg
need share/glib-2.0/schemas/$id.gschema.xml
for lang in $(cat "$src/po/LINGUAS"); do
  need share/locale/$lang/LC_MESSAGES/askarov.mo
done
[ -x "$app/bin/askarov" ] || { echo "/app/bin/askarov is not executable" >&2; fail=1; }

# The desktop file starts the installed binary and names the installed icon;
# the metainfo launches that desktop file.
desktop=$app/share/applications/$id.desktop
if [ -f "$desktop" ]; then
  grep -qE '^Exec=askarov( |$)' "$desktop" || { echo "$id.desktop: Exec is not askarov" >&2; fail=1; }
  grep -qx "Icon=$id" "$desktop" || { echo "$id.desktop: Icon is not $id" >&2; fail=1; }
fi
metainfo=$app/share/metainfo/$id.metainfo.xml
if [ -f "$metainfo" ]; then
  grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" \
    || { echo "$id.metainfo.xml does not launch $id.desktop" >&2; fail=1; }
fi

# Nothing lands outside /app (flatpak-builder would drop it).
outside=$(find "$tmp/dest" -mindepth 1 -maxdepth 1 ! -name app)
[ -z "$outside" ] || { echo "installed outside /app: $outside" >&2; fail=1; }

exit $fail
