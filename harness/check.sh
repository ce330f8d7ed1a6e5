#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check: every test.  Ends with the line 'N passed, N failed'; exit
# status non-zero on any failure.
. "$(dirname "$0")/lib.sh"

T0=$(now)
pass=0
fail=0
failed=()

# count: read TAP-style lines ('ok ...', 'not ok ...'), echo the failures
# and count them all.
count() {
	local line
	while IFS= read -r line; do
		case $line in
		"not ok"*) fail=$((fail + 1)); failed+=("${line#not ok }"); msg "    $line" ;;
		"ok"*) pass=$((pass + 1)) ;;
		"#"*) msg "    $line" ;;
		esac
	done
}
result() { # NAME STATUS
	if [ "$2" -eq 0 ]; then echo "ok - $1"; else echo "not ok - $1"; fi
}
summary() {
	msg ""
	if [ ${#failed[@]} -gt 0 ]; then
		msg "failed:"
		printf '  %s\n' "${failed[@]}"
	fi
	msg "check: $(($(now) - T0))s in all"
	msg "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

if ! step deps "$TOP/harness/deps.sh" || ! step base "$TOP/harness/base.sh"; then
	count <<<"not ok - install dependencies and base"
	summary
	exit 1
fi
if ! step apply "$TOP/harness/apply.sh"; then
	count <<<"not ok - apply the series"
	summary
	exit 1
fi

rc=0; step lint "$TOP/harness/lint.sh" || rc=$?
count <"$LOGS/lint.log"
[ "$rc" -eq 0 ] || grep -q '^not ok' "$LOGS/lint.log" || count <<<"not ok - lint ran"

roundtrip() {
	FORCE=1 WORK_DIR=$BUILD/roundtrip "$TOP/harness/work.sh" &&
		WORK_DIR=$BUILD/roundtrip "$TOP/harness/export.sh" --check
}
rc=0; step export-roundtrip roundtrip || rc=$?
count < <(result "make work + make export gives no diff" $rc)

# make docs: kernel-doc over the series' files, Sphinx over Documentation/mm.
rc=0; step docs "$TOP/harness/docs.sh" || rc=$?
count < <(result "make docs: no kernel-doc or Sphinx warning from the series" $rc)

# Host tests of the project's tools.
for t in "$TOP"/tests/host/*/run.sh; do
	[ -e "$t" ] || continue
	n=$(basename "$(dirname "$t")")
	rc=0; step "host-$n" "$t" || rc=$?
	count < <(grep -E '^(not )?ok' "$LOGS/host-$n.log" | sed "s/^\(\(not \)\?ok\)[^-]*-/\1 - $n:/")
	[ "$rc" -eq 0 ] || grep -q '^not ok' "$LOGS/host-$n.log" || count <<<"not ok - host tests $n ran"
done

guest_tests() { # all guest tests but stress, or only the smoke tests
	local f
	for f in "$TOP"/tests/guest/*.sh; do
		f=$(basename "$f" .sh)
		case $f in lib | stress | kmemleak) continue ;; esac
		[ "$1" = smoke ] && [ "${f#smoke-}" = "$f" ] && continue
		echo "$f"
	done | tr '\n' ' '
	# Last, so that it sees what every other test left behind.
	echo kmemleak
}
expected_suites() {
	sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$TOP/tests/kunit/$1.suites" 2>/dev/null || true
}

boot() { # CONFIG WHICH-TESTS [VARIANT KERNEL-PARAMETERS]
	local name=$1 tag=check-$1 rc=0 tests label=$1
	if [ -n "${3:-}" ]; then
		tag=check-$1-$3
		label="$1${VARIANT:+-$VARIANT} (${4:-$3})"
	fi
	case $2 in
	all | smoke) tests=$(guest_tests "$2") ;;
	*) tests=$2 ;;
	esac
	TESTS=$tests APPEND=${4:-} step "boot-${tag#check-}" "$TOP/harness/qemu.sh" "$name" tests "$tag" || rc=$?
	count < <(result "$label: guest boots and reaches its end marker" $rc)
	count < <(grep -E '^(not )?ok' "$LOGS/$tag.results.log" | sed "s/^\(\(not \)\?ok\) [0-9]* -/\1 - $label:/")
	local bad
	bad=$(console_problems "$LOGS/$tag.console.log")
	if [ -n "$bad" ]; then
		count <<<"not ok - $label: kernel log has no warnings"
		printf '%s\n' "$bad" | head -n 20 | sed 's/^/    | /'
	else
		count <<<"ok - $label: kernel log has no warnings"
	fi
	# KUnit suites: built in (at boot) and in modules the tests loaded;
	# in a variant only with KUNIT=1.
	[ -z "${3:-}" ] || [ "${KUNIT:-0}" = 1 ] || return 0
	local suites
	suites=$(expected_suites "$name")
	# shellcheck disable=SC2086
	count < <(python3 "$TOP/harness/kunit-results.py" \
		"$SRC_DIR/tools/testing/kunit/kunit.py" \
		"$LOGS/$tag.console.log" "$LOGS/$tag.kunit" $suites |
		sed "s/^\(\(not \)\?ok\) -/\1 - $label:/")
}

declare -A built
for c in default debug off; do
	rc=0; "$TOP/harness/build.sh" "$c" || rc=$?
	count < <(result "build $c" $rc)
	built[$c]=$rc
done
for c in default debug; do
	if [ "${built[$c]}" -eq 0 ]; then boot "$c" all; else count <<<"not ok - $c: not booted, build failed"; fi
done
if [ "${built[off]}" -eq 0 ]; then boot off smoke; else count <<<"not ok - off: not booted, build failed"; fi

# Compressed page tag references: every guest test and KUnit suite again,
# with the references in page->flags instead of page_ext.
for c in default debug; do
	[ "${built[$c]}" -eq 0 ] || continue
	KUNIT=1 boot "$c" all compressed "sysctl.vm.mem_profiling=1,compressed"
done

# The stress test boots on its own, under single-threaded TCG: switching
# profiling rewrites every allocation site's static branch while the other
# CPU runs them, and multi-threaded TCG can then execute the int3 that
# text patching has already removed (a QEMU limitation, not the guest's).
for c in default debug; do
	[ "${built[$c]}" -eq 0 ] || continue
	TCG_OPTS=thread=single boot "$c" "stress kmemleak" stress
done

# debug booted never: page_ext holds page_table_check's data alone, which
# profiling must not touch (DEBUG marks early pages only where it has a
# reference slot).
if [ "${built[debug]}" -eq 0 ]; then
	boot debug "smoke-boot page-ext-size oom-report kmemleak" bp-never \
		"sysctl.vm.mem_profiling=never"
fi

# The boot parameter: each form, and bad values that must be refused.
if [ "${built[default]}" -eq 0 ]; then
	# Booted never and 0, an OOM kill must print no report (and not crash).
	for v in never 0 1 2 foo 1,bogus 0,compressed never,compressed \
		1,compressedx; do
		t=bootparam
		case $v in never | 0 | *,compressed) t="bootparam oom-report page-ext-size" ;; esac
		boot default "$t" "bp-${v/,/-}" "sysctl.vm.mem_profiling=$v"
	done
fi

# Compressed references where the spare page flag bits are too few: NUMA
# balancing and the multi-gen LRU take their fields, and more NUMA nodes
# take more.  9 bits cannot index vmlinux's tags (one error at boot,
# profiling off); 12 bits index them, but not a 5000-site module as well.
# The refusal takes locks under codetag_lock that the debug configuration,
# with 32 bits, never reaches: the overflow variant has lockdep.
variant() { # NAME NODES_SHIFT [OPTION...]
	local name=$1 shift=$2
	shift 2
	OBJ_DIR=$OBJ_ROOT/default-$name KCONFIG_ADD="CONFIG_NUMA_BALANCING=y CONFIG_LRU_GEN=y CONFIG_NODES_SHIFT=$shift $*" \
		"$TOP/harness/build.sh" default
}
for v in nofit:10 overflow:7:CONFIG_PROVE_LOCKING=y; do
	IFS=: read -r vname vshift vopts <<<"$v"
	rc=0; variant "$vname" "$vshift" $vopts || rc=$?
	count < <(result "build default, variant $vname (CONFIG_NODES_SHIFT=$vshift${vopts:+ $vopts})" $rc)
	[ "$rc" -eq 0 ] || continue
	OBJ_DIR=$OBJ_ROOT/default-$vname VARIANT=$vname boot default \
		"smoke-boot bootparam page-ext-size compressed-overflow" "$vname" \
		"sysctl.vm.mem_profiling=1,compressed"
done

summary
