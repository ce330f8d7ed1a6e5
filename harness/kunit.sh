#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make kunit: the standard 'kunit.py run --arch=x86_64' over the .kunitconfig
# files the series adds, in build/kunit.
. "$(dirname "$0")/lib.sh"

"$TOP/harness/deps.sh" >/dev/null
"$TOP/harness/base.sh"
"$TOP/harness/apply.sh"
cfgs=$(series_patches | while read -r p; do
	sed -n 's|^diff --git a/\(.*\.kunitconfig\) b/.*|\1|p' "$TOP/patches/$p"
done | sort -u)
[ -n "$cfgs" ] || die "the series adds no .kunitconfig: no KUnit suites to run"
mkdir -p "$BUILD/kunit"
for c in $cfgs; do cat "$SRC_DIR/$c"; done >"$BUILD/kunit/all.kunitconfig"
msg "kunit: suites from $(echo "$cfgs" | tr '\n' ' ')"
cd "$SRC_DIR"
exec python3 tools/testing/kunit/kunit.py run --arch=x86_64 \
	--build_dir="$BUILD/kunit/build" --kunitconfig="$BUILD/kunit/all.kunitconfig" \
	--jobs="$JOBS" --timeout="${TIMEOUT:-900}" --make_options CC="ccache gcc" "$@"
