#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make bench: the allocation micro-benchmark (bench/module) in every mode,
# each its own boot on one vCPU, side by side in one run:
#   baseline     the base without the series
#   never, 0, 1  the series with the feature, booted with
#                sysctl.vm.mem_profiling=never / 0 / 1
#   0c, 1c       the same booted 0,compressed / 1,compressed: page tag
#                references in page->flags instead of page_ext
#   page_owner   the base, booted page_owner=on
#   slub_debug   the base, booted slub_debug=U
# and with UPSTREAM=1, upstream's implementation in Debian's 6.12:
#   up-base      6.12 without the feature
#   up-never, up-0, up-1
#                6.12 with it, booted never / 0 / 1
# Each runs under qemu -icount shift=0,sleep=off (guest ns = guest
# instructions: deterministic) and, as a sanity column, plain TCG (wall
# time).  Also: memory after boot, page_ext bytes, and the cost of a full
# read of /proc/allocinfo with 0, 1000, 5000 and 20000 module call sites.
# Output in build/bench: results.csv, results.md, overhead.svg.
. "$(dirname "$0")/lib.sh"

OUT=$BUILD/bench
ITERS=${ITERS:-20000}
mkdir -p "$OUT"
"$TOP/harness/deps.sh" >/dev/null
T0=$(now)

CONFIGS=(baseline default)
[ "${UPSTREAM:-0}" = 1 ] && CONFIGS+=(upstream-base upstream)
for c in "${CONFIGS[@]}"; do
	"$TOP/harness/build.sh" "$c"
done

# The benchmark module and the read-time helper, for each kernel.
modules() {
	local c=$1 d=$OUT/mod-$1
	rm -rf "$d"
	mkdir -p "$d"
	cp "$TOP"/bench/module/* "$d/"
	make -C "$(config_src "$c")" O="$OBJ_ROOT/$c" ARCH=x86_64 M="$d" modules
}
for c in "${CONFIGS[@]}"; do
	step "bench-module-$c" modules "$c" || die "building the benchmark module for $c failed"
done
gcc -static -O2 -o "$OUT/readtime" "$TOP/bench/readtime.c"

# The generated call-site modules, for the kernels whose read cost is
# measured (the series and, with UPSTREAM=1, 6.12).
sites() {
	local n c=$1 d
	for n in 1000 5000 20000; do
		d=$OUT/sites-$c/sites$n
		"$TOP/bench/gen-sites.sh" $n "$d"
		make -C "$(config_src "$c")" O="$OBJ_ROOT/$c" ARCH=x86_64 \
			M="$d" modules || return 1
	done
}
SITES=(default)
[ "${UPSTREAM:-0}" = 1 ] && SITES+=(upstream)
for c in "${SITES[@]}"; do
	step "bench-sites-$c" sites "$c" || die "building the generated call-site modules for $c failed"
done

# run MODE CONFIG APPEND: boot once with icount, once without.
run() {
	local mode=$1 cfg=$2 append=$3 files=$OUT/files-$1 clock tag
	rm -rf "$files"
	mkdir -p "$files"
	cp "$OUT/mod-$cfg/allocbench.ko" "$OUT/readtime" "$files/"
	cp "$TOP/bench/guest.sh" "$files/bench-guest.sh"
	# The read benchmark's modules only where they are used: their
	# files in the initramfs take memory that the other modes report.
	case $mode in
	1) cp "$OUT"/sites-default/sites*/sites*.ko "$files/" ;;
	up-1) cp "$OUT"/sites-upstream/sites*/sites*.ko "$files/" ;;
	esac
	for clock in icount wall; do
		tag=bench-$mode-$clock
		local extra=
		[ $clock = icount ] && extra="-icount shift=0,sleep=off"
		msg "==> bench $mode ($clock): started after $(($(now) - T0))s"
		QEMU_EXTRA=$extra SMP=1 MEM=1024 GUEST_FILES=$files APPEND=$append \
		CMD="sh /extra/bench-guest.sh $ITERS" TIMEOUT=1800 \
			"$TOP/harness/qemu.sh" "$cfg" cmd "$tag" >"$OUT/$tag.out" 2>&1 ||
			{ tail -n 20 "$OUT/$tag.out"; die "bench $mode ($clock) failed"; }
	done
}

run baseline baseline ""
run never default "sysctl.vm.mem_profiling=never"
run 0 default "sysctl.vm.mem_profiling=0"
run 1 default "sysctl.vm.mem_profiling=1"
run 0c default "sysctl.vm.mem_profiling=0,compressed"
run 1c default "sysctl.vm.mem_profiling=1,compressed"
run page_owner baseline "page_owner=on"
run slub_debug baseline "slub_debug=U"
if [ "${UPSTREAM:-0}" = 1 ]; then
	run up-base upstream-base ""
	run up-never upstream "sysctl.vm.mem_profiling=never"
	run up-0 upstream "sysctl.vm.mem_profiling=0"
	run up-1 upstream "sysctl.vm.mem_profiling=1"
fi

python3 "$TOP/harness/bench-report.py" "$OUT" "$(date -u +%Y-%m-%d)"
msg "bench: done in $(($(now) - T0))s; $OUT/results.md"
