# SPDX-License-Identifier: GPL-2.0
# Module tags: a module's sites are listed with [module] while it is
# loaded and vanish at unload.  Freed in its exit: nothing is logged.
# Unloaded with pages still allocated (handed to another module): one
# warning names the site and its bytes, and the later free, through the
# tags kept for it, is clean.  An exit that frees with kfree_rcu() is no
# leak; 100 failed loads and a 5000-site module leave the module tag
# area's own allocations (its pages, slots, counters) as they were.
. /guest/tests/lib.sh

m=/guest/modules
[ -f $m/allocprof_giver.ko ] || fail "test modules missing"
insmod $m/allocprof_holder.ko || fail "insmod holder"

# Allocate, free, unload: lines vanish, nothing logged.
before=$(dmesg | wc -l)
insmod $m/allocprof_giver.ko give=0 || fail "insmod giver give=0"
line=$(grep '\[allocprof_giver\]' /proc/allocinfo)
echo "$line"
echo "$line" | grep -qE '^ +16384 +4 [^ ]*allocprof_giver.c:[0-9]+ \[allocprof_giver\] func:giver_init$' ||
	fail "giver's site: '$line'"
rmmod allocprof_giver || fail "rmmod giver"
grep -q '\[allocprof_giver\]' /proc/allocinfo && fail "giver's lines still listed"
n=$(dmesg | tail -n +$((before + 1)) | grep -c 'allocprof_giver')
expect_eq "messages about a clean unload" "$n" 0

# Unloaded while its pages live on in the holder.
before=$(dmesg | wc -l)
insmod $m/allocprof_giver.ko give=1 || fail "insmod giver give=1"
rmmod allocprof_giver || fail "rmmod giver with live pages"
grep -q '\[allocprof_giver\]' /proc/allocinfo && fail "giver's lines still listed"
dmesg | tail -n +$((before + 1)) >/tmp/unload
cat /tmp/unload
grep -q 'allocprof_giver: unloaded with memory still allocated' /tmp/unload ||
	fail "no warning at unload"
grep -qE 'allocprof_giver.c:[0-9]+ \[allocprof_giver\] func:giver_init: 16384 bytes in 4 calls' /tmp/unload ||
	fail "the warning does not name the site"
rmmod allocprof_holder || fail "rmmod holder (the late free)"
# The late free (above) left the giver's slot idle: the next module load
# reclaims it.  From then on, the area's own allocations are a baseline.
area() {
	for f in area_populate area_reserve alloc_tag_module_load codetag_module_add; do
		site $f
	done | tr '\n' ' '
}
insmod $m/allocprof_holder.ko || fail "insmod holder again"
insmod $m/allocprof_giver.ko give=0 || fail "insmod giver to reclaim"
rmmod allocprof_giver || fail "rmmod giver"
rmmod allocprof_holder || fail "rmmod holder"
base=$(area)
echo "module tag area (bytes calls of its sites): $base"

# kfree_rcu() in the exit: the unload waits for those frees, no warning.
before=$(dmesg | wc -l)
insmod $m/allocprof_rcufree.ko || fail "insmod rcufree"
v=$(site rcufree_init)
[ "${v#* }" = 16 ] && [ "${v% *}" -ge $((16 * 216)) ] ||
	fail "rcufree's site: '$v', want 16 calls of at least 216 bytes"
rmmod allocprof_rcufree || fail "rmmod rcufree"
grep -q '\[allocprof_rcufree\]' /proc/allocinfo && fail "rcufree's lines still listed"
n=$(dmesg | tail -n +$((before + 1)) | grep -c 'allocprof_rcufree')
expect_eq "messages about an unload that frees with kfree_rcu()" "$n" 0
expect_eq "module tag area after rcufree" "$(area)" "$base"

# An init that allocates, frees and fails, 100 times: no stale tags,
# nothing left in the area, no message.
before=$(dmesg | wc -l)
i=0
while [ $i -lt 100 ]; do
	insmod $m/allocprof_failinit.ko 2>/dev/null && fail "failinit loaded"
	i=$((i + 1))
done
grep -q '\[allocprof_failinit\]' /proc/allocinfo && fail "failinit's lines listed"
n=$(dmesg | tail -n +$((before + 1)) | grep -c 'allocprof_failinit')
expect_eq "messages about failinit" "$n" 0
expect_eq "module tag area after 100 failed loads" "$(area)" "$base"

# 5000 call sites: listed, and gone at unload with the pages under them.
[ -f $m/sites5000.ko ] || fail "sites5000.ko missing"
insmod $m/sites5000.ko || fail "insmod sites5000"
n=$(grep -c '\[sites5000\] func:site' /proc/allocinfo)
expect_eq "sites5000's lines" "$n" 5000
grep '\[sites5000\] func:site4999$' /proc/allocinfo | grep -qE '^ +0 +0 ' ||
	fail "site4999: '$(grep '\[sites5000\] func:site4999$' /proc/allocinfo)'"
p=$(site area_populate)
[ "${p% *}" -ge $((${base%% *} + 5000 * 40)) ] ||
	fail "area pages for 5000 tags: $p (before $base)"
rmmod sites5000 || fail "rmmod sites5000"
grep -q '\[sites5000\]' /proc/allocinfo && fail "sites5000's lines still listed"
expect_eq "module tag area after sites5000" "$(area)" "$base"
echo "module tag area after all: $(area)"
