#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Time "allocinfo -n 20" on a synthetic 50,000-line profile.
#
# usage: bench.sh [ALLOCINFO [LINES]]
# Prints the mean wall-clock time per run in milliseconds; uses hyperfine
# when it is installed, else a loop timed with date +%s%N.

dir=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$dir/allocinfo}
lines=${2:-50000}
runs=50
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ ! -x "$bin" ]; then
	echo "bench.sh: $bin is not executable (run make first)" >&2
	exit 1
fi
"$dir/gen-profile.sh" "$lines" > "$tmp/profile" || exit 1
"$bin" -n 20 "$tmp/profile" > /dev/null || exit 1

if command -v hyperfine > /dev/null 2>&1; then
	if ! hyperfine -N --warmup 5 --runs "$runs" \
		--export-json "$tmp/h.json" \
		"$bin -n 20 $tmp/profile" > "$tmp/h.out" 2>&1; then
		cat "$tmp/h.out" >&2
		exit 1
	fi
	ms=$(awk -F': *' '/"mean"/ { gsub(/,/, "", $2);
		printf "%.2f", $2 * 1000; exit }' "$tmp/h.json")
	echo "hyperfine: $lines lines, $runs runs: $ms ms per run"
	exit 0
fi

start=$(date +%s%N)
i=0
while [ $i -lt $runs ]; do
	"$bin" -n 20 "$tmp/profile" > /dev/null || exit 1
	i=$((i + 1))
done
end=$(date +%s%N)
echo "$lines lines, $runs runs:" \
	"$(awk -v t=$((end - start)) -v r=$runs \
	'BEGIN { printf "%.2f", t / r / 1e6 }') ms per run"
