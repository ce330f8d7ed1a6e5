# SPDX-License-Identifier: GPL-2.0
# Compressed page tag references with a 12-bit index (the overflow variant
# of harness/check.sh): a module whose tags would take indices beyond it
# loads and works untagged, one error names it, and profiling goes off for
# good.  What was charged before is still uncharged when it is freed.
. /guest/tests/lib.sh

[ "$(guest_variant)" = overflow ] || skip "only in the overflow variant (12-bit index)"
s=/proc/sys/vm/mem_profiling
m=/guest/modules
dmesg | grep -q 'alloc_tag: page tag references in 12 page flag bits' ||
	fail "no compressed references with a 12-bit index: '$(dmesg | grep 'alloc_tag: page tag')'"
expect_eq value "$(cat $s)" 1

# Fits: charged while profiling is on.
insmod $m/allocprof_rcufree.ko || fail "insmod rcufree"
v=$(site rcufree_init)
[ "${v#* }" = 16 ] || fail "rcufree's site: '$v', want 16 calls"

# 5000 tags, more than the indices left: refused, loaded untagged.  The
# slot reserved for it is released (bytes and calls of the area's sites
# back where they were) and no area page is populated.
before=$(dmesg | wc -l)
area_before="$(site area_reserve) $(site area_populate)"
insmod $m/sites5000.ko || fail "insmod sites5000: module loads must keep working"
expect_eq "module tag area after the refusal" "$(site area_reserve) $(site area_populate)" "$area_before"
grep -q '^sites5000 ' /proc/modules || fail "sites5000 not loaded"
msgs=$(dmesg | tail -n +$((before + 1)))
echo "$msgs"
n=$(echo "$msgs" | grep -c 'sites5000: its 5000 allocation tags do not fit in the 12-bit index of compressed page tag references')
expect_eq "errors naming sites5000" "$n" 1
n=$(grep -c '\[sites5000\]' /proc/allocinfo)
expect_eq "sites5000 lines listed" "$n" 0

# Off for good: reads 0, read-only, a write is refused and changes nothing.
expect_eq value "$(cat $s)" 0
expect_eq mode "$(stat -c %a $s)" 444
if echo 1 >$s 2>/dev/null; then fail "profiling switched on again"; fi
expect_eq value "$(cat $s)" 0

# Later modules load untagged, without another error.
insmod $m/allocprof_failinit.ko 2>/dev/null && fail "failinit's init succeeded"
rmmod sites5000 || fail "rmmod sites5000"

# rcufree's objects, charged before, are uncharged at unload: its lines go
# without a report of bytes still held.
rmmod allocprof_rcufree || fail "rmmod rcufree"
sleep 1
grep -q '\[allocprof_rcufree\]' /proc/allocinfo && fail "rcufree's lines still listed"
n=$(dmesg | tail -n +$((before + 1)) | grep -c 'do not fit\|allocprof_rcufree')
expect_eq "messages after the one error" "$n" 1
echo "refused sites5000, profiling off, rcufree uncharged and gone"
