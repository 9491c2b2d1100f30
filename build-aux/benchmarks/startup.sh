#!/usr/bin/env bash
# startup.sh — the part of build-aux/bench-startup that runs inside the build root, under Xvfb.
# SPDX-FileCopyrightText: 2026 The Askarov authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

runs=$1
renderer=$2
bench=$ASKAROV_SRCDIR/build-aux/benchmarks
out=$ASKAROV_SRCDIR/$ASKAROV_BUILDDIR/bench
mkdir -p "$out"

cc -O2 -o "$out/first-window" "$bench/first-window.c" $(pkg-config --cflags --libs x11 xdamage)
cc -O2 -o "$out/bare-window" "$bench/bare-window.c" $(pkg-config --cflags --libs libadwaita-1)

export GSETTINGS_BACKEND=memory
export ASKAROV_BENCH_STARTUP=1
if [ -n "$renderer" ]; then
  export GSK_RENDERER=$renderer
fi

names=(askarov gte bare)
declare -A cmd label
cmd[askarov]=askarov
cmd[gte]=gnome-text-editor
cmd[bare]=$out/bare-window
label[askarov]="Askarov $(askarov --version | awk '{print $2}')"
label[gte]="GNOME Text Editor $(gnome-text-editor --version 2>/dev/null | awk '{print $NF}' | head -1)"
label[bare]="bare libadwaita window"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Data, config and state are fresh for every start; the cache folder (Mesa's
# shader cache, fontconfig) is shared and filled by the warm-up starts, as on
# a desktop where these programs have run before.
mkdir -p "$tmp/cache"

# One start of program $1; appends "elapsed_ms rss_kb inprocess_ms" to $tmp/$1.
start_once ()
{
  local name=$1 record=$2 home line t0 frame inproc
  home=$(mktemp -d "$tmp/home.XXXXXX")
  mkdir -p "$home/data" "$home/config" "$home/state"
  line=$(HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config \
         XDG_CACHE_HOME=$tmp/cache XDG_STATE_HOME=$home/state \
         "$out/first-window" --settle 1500 -- ${cmd[$name]} 2>"$home/stderr") \
    || { echo "bench-startup: ${cmd[$name]} did not show a window:" >&2; cat "$home/stderr" >&2; exit 1; }
  t0=$(sed -n 's/.*launch_us=\([0-9]*\).*/\1/p' <<<"$line")
  frame=$(sed -n 's/^bench: first-frame \([0-9]*\).*/\1/p' "$home/stderr" | head -1)
  if [ -n "$frame" ]; then
    inproc=$(awk -v a="$frame" -v b="$t0" 'BEGIN { printf "%.1f", (a - b) / 1000 }')
  else
    inproc=-
  fi
  if [ "$name" = askarov ] && grep -q '^bench: first-frame .* store-ready 1' "$home/stderr"; then
    echo ready >>"$tmp/store-ready"
  fi
  if [ "$record" = 1 ]; then
    echo "$(sed -n 's/.*elapsed_ms=\([0-9.]*\).*/\1/p' <<<"$line") $(sed -n 's/.*rss_kb=\([0-9]*\).*/\1/p' <<<"$line") $inproc" >>"$tmp/$name"
  fi
  rm -rf "$home"
}

median ()
{
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "Warming up (one uncounted start each)…" >&2
for name in "${names[@]}"; do
  start_once "$name" 0
done
: >"$tmp/store-ready"
for i in $(seq 1 "$runs"); do
  echo "Run $i of $runs…" >&2
  for name in "${names[@]}"; do
    start_once "$name" 1
  done
done

declare -A first rss inproc
for name in "${names[@]}"; do
  first[$name]=$(cut -d' ' -f1 "$tmp/$name" | median)
  rss[$name]=$(cut -d' ' -f2 "$tmp/$name" | median)
  inproc[$name]=$(cut -d' ' -f3 "$tmp/$name" | { grep -v -- - || true; } | median)
done

echo
echo "Start-up to the first visible window: Xvfb 1400x1000, median of $runs runs, renderer ${GSK_RENDERER:-GTK default}"
printf '%-28s %14s %18s %14s\n' "Program" "first window" "own first frame" "RSS at rest"
for name in bare gte askarov; do
  printf '%-28s %11s ms %15s ms %11s MB\n' "${label[$name]}" "${first[$name]}" "${inproc[$name]}" \
    "$(awk -v k="${rss[$name]}" 'BEGIN { printf "%.1f", k / 1024 }')"
done
awk -v a="${first[askarov]}" -v g="${first[gte]}" -v b="${first[bare]}" \
    -v ra="${rss[askarov]}" -v rg="${rss[gte]}" -v rb="${rss[bare]}" 'BEGIN {
  printf "Ratios: Askarov / GNOME Text Editor  time %.2f (target <= 1.00)  RSS %.2f\n", a / g, ra / rg
  printf "        Askarov / bare window        time %.2f (target <= 1.30)  RSS %.2f\n", a / b, ra / rb
}'
echo "Database already open at Askarov's first frame in $(wc -l <"$tmp/store-ready") of $runs runs (it opens on a worker thread; the frame never waits for it)."
