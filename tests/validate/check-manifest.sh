#!/usr/bin/env bash
# check-manifest.sh — the Flatpak manifests (release and .Devel) parse, follow
# our policy, and pass the same meson options that meson_options.txt declares.
# SPDX-FileCopyrightText: 2026 The Askarov authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

src=$1
fail=0

check_manifest ()
{
  local manifest=$1 id=$2 profile=$3

  json-glib-validate "$manifest"
  if command -v flatpak-builder >/dev/null 2>&1; then
    flatpak-builder --show-manifest "$manifest" >/dev/null
  fi

  jq -e '
    .id == $id and
    .runtime == "org.gnome.Platform" and
    .sdk == "org.gnome.Sdk" and
    (."runtime-version" | type) == "string" and
    ((."finish-args" // []) - ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"] | length) == 0 and
    (has("branch") | not) and
    ([.. | objects | select(.type? == "archive" or .type? == "file") | select(has("sha256") | not)] | length) == 0
  ' --arg id "$id" "$manifest" >/dev/null || { echo "$manifest: policy check failed" >&2; fail=1; }

  # The runtime must be a supported branch, not GNOME 48 (end of life).
  version=$(jq -r '."runtime-version"' "$manifest")
  if [ "${version%%.*}" -le 48 ] 2>/dev/null; then
    echo "manifest: runtime-version $version is end-of-life" >&2
    fail=1
  fi

  # poppler is not in the GNOME runtime: the manifest must build it.
  jq -e '[.modules[] | objects | select(.name == "poppler")] | length == 1' "$manifest" >/dev/null \
    || { echo "manifest: no poppler module" >&2; fail=1; }

  # Nor is Snowball's libstemmer (search stemming): built before the app,
  # from a pinned archive, with its licence installed.
  jq -e '[.modules[:-1][] | objects | select(.name == "libstemmer") | .sources[]? | select(.type == "archive")] | length == 1' \
    "$manifest" >/dev/null || { echo "$manifest: no libstemmer module before the app" >&2; fail=1; }
  jq -e '[.modules[] | objects | select(.name == "libstemmer") | ."build-commands"[]? | select(test("share/licenses/libstemmer"))] | length == 1' \
    "$manifest" >/dev/null || { echo "$manifest: libstemmer's licence is not installed" >&2; fail=1; }

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

  # The profile decides the application id (meson.build): they must agree.
  printf '%s\n' $app_opts | grep -qx -e "-Dprofile=$profile" \
    || { echo "$manifest: id $id needs -Dprofile=$profile" >&2; fail=1; }

  # Every archive is pinned by a real checksum, never a placeholder.
  jq -r '.. | objects | select(.sha256?) | .sha256' "$manifest" | while read -r sum; do
    case "$sum" in
      *[!0-9a-f]*|'') echo "$manifest: sha256 '$sum' is not a checksum" >&2; exit 1 ;;
    esac
    [ ${#sum} -eq 64 ] || { echo "$manifest: sha256 '$sum' is not 64 digits" >&2; exit 1; }
  done || fail=1

  # poppler's build installs no licence file; the manifest must ship one.
  jq -e '[.modules[] | objects | select(.name == "poppler") | ."post-install"[]? | select(test("share/licenses/poppler"))] | length == 1' \
    "$manifest" >/dev/null || { echo "$manifest: poppler's licence is not installed" >&2; fail=1; }
}

check_manifest "$src/com.example.Askarov.json" com.example.Askarov default
check_manifest "$src/com.example.Askarov.Devel.json" com.example.Askarov.Devel development

# Both manifests build the same modules from the same sources.
if ! diff <(jq -S '.modules[:-1]' "$src/com.example.Askarov.json") \
          <(jq -S '.modules[:-1]' "$src/com.example.Askarov.Devel.json") >/dev/null; then
  echo "manifest: the .Devel manifest builds different dependencies" >&2
  fail=1
fi

exit $fail
