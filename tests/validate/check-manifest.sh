#!/usr/bin/env bash
# check-manifest.sh — the Flatpak manifest parses, follows our policy, and
# passes the same meson options that meson_options.txt declares.
# SPDX-FileCopyrightText: 2026 The Askarov authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

src=$1
manifest="$src/com.example.Askarov.json"
fail=0

json-glib-validate "$manifest"
if command -v flatpak-builder >/dev/null 2>&1; then
  flatpak-builder --show-manifest "$manifest" >/dev/null
fi

jq -e '
  .id == "com.example.Askarov" and
  .runtime == "org.gnome.Platform" and
  .sdk == "org.gnome.Sdk" and
  (."runtime-version" | type) == "string" and
  ((."finish-args" // []) - ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"] | length) == 0 and
  (has("branch") | not) and
  ([.. | objects | select(.type? == "archive" or .type? == "file") | select(has("sha256") | not)] | length) == 0
' "$manifest" >/dev/null || { echo "manifest: policy check failed" >&2; fail=1; }

# The runtime must be a supported branch, not GNOME 48 (end of life).
version=$(jq -r '."runtime-version"' "$manifest")
if [ "${version%%.*}" -le 48 ] 2>/dev/null; then
  echo "manifest: runtime-version $version is end-of-life" >&2
  fail=1
fi

# poppler is not in the GNOME runtime: the manifest must build it.
jq -e '[.modules[] | objects | select(.name == "poppler")] | length == 1' "$manifest" >/dev/null \
  || { echo "manifest: no poppler module" >&2; fail=1; }

# Every -Dname=value of the app module names an option of meson_options.txt
# with a valid value.
app_opts=$(jq -r '.modules[-1]."config-opts"[]? // empty' "$manifest")
for opt in $app_opts; do
  case "$opt" in
    -D*=*)
      name=${opt#-D}; name=${name%%=*}; value=${opt#*=}
      if ! grep -q "option('$name'" "$src/meson_options.txt"; then
        echo "manifest: option $name is not in meson_options.txt" >&2
        fail=1
      elif ! awk -v n="option('$name'" 'index($0, n) { p = 1 } p && /\)/ { print; p = 0 } p { print }' \
               "$src/meson_options.txt" | grep -q -e "'$value'" -e "value: $value" -e "boolean"; then
        echo "manifest: option $name has no value '$value'" >&2
        fail=1
      fi
      ;;
  esac
done
[ -n "$app_opts" ] || { echo "manifest: the app module passes no meson options" >&2; fail=1; }

exit $fail
