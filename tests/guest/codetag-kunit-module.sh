# SPDX-License-Identifier: GPL-2.0
# The codetag KUnit suite built as a module: loading it runs the suite,
# which passes; the module's tag section stays a section of its own; the
# module unloads.
. /guest/tests/lib.sh

m=/guest/modules/codetag_kunit.ko
[ -f $m ] || skip "codetag_kunit is not a module in the $CONFIG configuration"

before=$(dmesg | wc -l)
insmod $m || fail "insmod codetag_kunit.ko failed"
log=$(dmesg | tail -n +$((before + 1)))
echo "$log" | grep -E '(ok|not ok) [0-9]+ ' | sed 's/^\[[ 0-9.]*\] *//'
echo "$log" | grep -qE '^\[[ 0-9.]*\] ok [0-9]+ codetag$' ||
	fail "suite codetag did not report ok"
if echo "$log" | grep -q 'not ok'; then
	fail "a codetag test failed"
fi
[ -e /sys/module/codetag_kunit/sections/codetag_kunit ] ||
	fail "the module has no section codetag_kunit"
rmmod codetag_kunit || fail "rmmod codetag_kunit failed"
[ ! -e /sys/module/codetag_kunit ] || fail "codetag_kunit still loaded"
