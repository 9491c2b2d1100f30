#!/usr/bin/env bash
# check-potfiles.sh — every source file with translatable strings is in po/POTFILES.in.
# SPDX-FileCopyrightText: 2026 The Askarov authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

src=$1
cd "$src"
missing=0
while IFS= read -r file; do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "po/POTFILES.in lacks $file" >&2
    missing=1
  fi
done < <(grep -rlE '(\b_|\bN_|\bC_|ngettext) ?\("|translatable="yes"' src --include='*.c' --include='*.ui' | sort)

while IFS= read -r file; do
  case "$file" in ''|'#'*) continue ;; esac
  [ -f "$file" ] || { echo "po/POTFILES.in names missing file $file" >&2; missing=1; }
done < po/POTFILES.in
exit $missing
