#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make kunit: the standard 'kunit.py run --arch=x86_64' with the series'
# KUnit configuration, in build/kunit.
. "$(dirname "$0")/lib.sh"

cfg=tools/testing/kunit/configs/mem_alloc_profiling.config
"$TOP/harness/deps.sh" >/dev/null
"$TOP/harness/base.sh"
"$TOP/harness/apply.sh"
[ -f "$SRC_DIR/$cfg" ] || die "the series has no $cfg: no KUnit suites to run"
msg "kunit: $cfg"
cd "$SRC_DIR"
exec python3 tools/testing/kunit/kunit.py run --arch=x86_64 \
	--build_dir="$BUILD/kunit" --kunitconfig="$SRC_DIR/$cfg" \
	--jobs="$JOBS" --timeout="${TIMEOUT:-900}" --make_options CC="ccache gcc" "$@"
