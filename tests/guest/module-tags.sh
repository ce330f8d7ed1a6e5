# SPDX-License-Identifier: GPL-2.0
# Module tags: a module's sites are listed with [module] while it is
# loaded and vanish at unload.  Freed in its exit: nothing is logged.
# Unloaded with pages still allocated (handed to another module): one
# warning names the site and its bytes, and the later free, through the
# tags kept for it, is clean.
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
