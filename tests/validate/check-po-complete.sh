#!/usr/bin/env bash
# check-po-complete.sh — every language in po/LINGUAS is fully translated and
# up to date with the sources (nothing untranslated, nothing fuzzy).
# SPDX-FileCopyrightText: 2026 The Askarov authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

src=$1
lang=$2
po="$src/po/$lang.po"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Merge against a template made from today's sources, so a string added to
# the code and not yet translated counts as missing.
# The same keywords as meson's "glib" gettext preset.
xgettext --package-name=askarov --files-from="$src/po/POTFILES.in" --directory="$src" \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  -o "$tmp/askarov.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log" >&2; exit 1; }
msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/askarov.pot" || exit 1
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1) || { echo "$stats" >&2; exit 1; }
echo "$lang: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "$lang is not complete" >&2; exit 1 ;;
esac
exit 0
