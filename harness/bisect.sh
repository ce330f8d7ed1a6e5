#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make bisect: after each patch of the series, build with the feature
# compiled in (default) and compiled out (off) and boot each to the smoke
# test; the default kernel boots twice, profiling on and booted off (0).
# Slow: 2 builds per patch, incremental in build/bisect.  A step that
# passed is remembered (keyed on the patches up to it, the configuration
# fragments and the harness) so a re-run only does what changed: adding a
# patch at the end costs one step.  FORCE=1 redoes everything.
. "$(dirname "$0")/lib.sh"

"$TOP/harness/deps.sh" >/dev/null
"$TOP/harness/base.sh"
mapfile -t patches < <(series_patches)
total=${#patches[@]}
[ "$total" -gt 0 ] || die "the series is empty"
export SRC_DIR=$BUILD/bisect/src
# Options a later patch introduces cannot be set yet: check only the guest's.
export VERIFY=guest
stamps=$BUILD/bisect/ok
[ "${FORCE:-0}" = 1 ] && rm -rf "$stamps"
mkdir -p "$stamps"
harness_hash=$(cat "$TOP"/configs/*.config "$TOP"/harness/build.sh \
	"$TOP"/harness/bisect.sh | sha256sum | cut -c1-16)

# boot CONFIG TAG [APPEND]: smoke test one boot; 0 when clean.
boot() {
	local c=$1 tag=$2
	TESTS=smoke-boot APPEND=${3:-} OBJ_DIR=$BUILD/bisect/obj/$c \
		"$TOP/harness/qemu.sh" "$c" tests "$tag" || return 1
	! grep -q '^not ok' "$LOGS/$tag.results.log" || return 1
	[ -z "$(console_problems "$LOGS/$tag.console.log")" ]
}

t0=$(now)
fail=0 passed=0
for k in $(seq 1 "$total"); do
	p=${patches[$((k - 1))]}
	key=$(SERIES_LIMIT=$k series_hash | cut -c1-16)-$harness_hash
	if [ -e "$stamps/$key" ]; then
		msg "ok - $k/$total $p (passed before)"
		passed=$((passed + 1))
		continue
	fi
	msg "== bisect $k/$total: $p ($(($(now) - t0))s elapsed)"
	# build.sh applies the series itself: it must see the same limit.
	export SERIES_LIMIT=$k
	"$TOP/harness/apply.sh" || { fail=1; break; }
	ok=1
	for c in default off; do
		if ! OBJ_DIR=$BUILD/bisect/obj/$c "$TOP/harness/build.sh" "$c"; then
			msg "not ok - $k/$total $p: $c does not build"
			ok=0
			continue
		fi
		# Once a patch has added the option, default has it compiled in.
		if [ "$c" = default ] &&
		   grep -qx 'config MEM_ALLOC_PROFILING' "$SRC_DIR/lib/Kconfig.debug" &&
		   ! grep -qx 'CONFIG_MEM_ALLOC_PROFILING=y' "$BUILD/bisect/obj/$c/.config"; then
			msg "not ok - $k/$total $p: default has the feature compiled out"
			ok=0
		fi
		if ! boot "$c" "bisect-$c"; then
			msg "not ok - $k/$total $p: $c boot smoke test"
			ok=0
		fi
		if [ "$c" = default ] &&
		   ! boot "$c" bisect-default-0 sysctl.vm.mem_profiling=0; then
			msg "not ok - $k/$total $p: default booted with profiling 0"
			ok=0
		fi
	done
	if [ "$ok" = 1 ]; then
		touch "$stamps/$key"
		passed=$((passed + 1))
		msg "ok - $k/$total $p: builds and boots, on, off and compiled out"
	else
		fail=1
		[ "${KEEP_GOING:-0}" = 1 ] || break
	fi
done
msg "bisect: $passed of $total patches pass ($(($(now) - t0))s)"
exit $fail
