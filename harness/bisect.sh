#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make bisect: after each patch of the series, build with the feature on
# (default) and off, and boot each to the smoke test.  Slow: 2 builds per
# patch, incremental in build/bisect.
. "$(dirname "$0")/lib.sh"

"$TOP/harness/deps.sh" >/dev/null
"$TOP/harness/base.sh"
total=$(series_patches | wc -l)
[ "$total" -gt 0 ] || die "the series is empty"
export SRC_DIR=$BUILD/bisect/src
# Options a later patch introduces cannot be set yet: check only the guest's.
export VERIFY=guest
fail=0
for k in $(seq 1 "$total"); do
	p=$(series_patches | sed -n "${k}p")
	msg "== bisect $k/$total: $p"
	SERIES_LIMIT=$k "$TOP/harness/apply.sh" || { fail=1; break; }
	for c in default off; do
		if OBJ_DIR=$BUILD/bisect/obj-$c "$TOP/harness/build.sh" "$c" &&
		   TESTS=smoke-boot OBJ_DIR=$BUILD/bisect/obj-$c \
			"$TOP/harness/qemu.sh" "$c" tests "bisect-$c"; then
			if grep -q '^not ok' "$LOGS/bisect-$c.results.log" ||
			   [ -n "$(console_problems "$LOGS/bisect-$c.console.log")" ]; then
				msg "not ok - $p: $c boot smoke test"
				fail=1
			else
				msg "ok - $p: $c builds and boots"
			fi
		else
			msg "not ok - $p: $c build or boot"
			fail=1
		fi
	done
done
exit $fail
