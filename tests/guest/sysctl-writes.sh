# SPDX-License-Identifier: GPL-2.0
# vm.mem_profiling takes 0 and 1 from root; anything else is refused with
# an error and changes nothing.  Under DEBUG it is read-only.
. /guest/tests/lib.sh

s=/proc/sys/vm/mem_profiling
orig=$(cat $s)
expect_eq "initial value" "$orig" 1

if config_has_debug; then
	expect_eq "mode under DEBUG" "$(stat -c %a $s)" 444
	for v in 0 1; do
		if echo $v >$s 2>/dev/null; then fail "write of $v accepted under DEBUG"; fi
	done
	expect_eq "value" "$(cat $s)" 1
	exit 0
fi

expect_eq "mode" "$(stat -c %a $s)" 644
for v in 2 -1 abc "" 1x 0x1 " 1" 10 1234567890123456789012345; do
	if printf '%s\n' "$v" >$s 2>/dev/null; then
		fail "write of '$v' accepted"
	fi
	expect_eq "value after writing '$v'" "$(cat $s)" "$orig"
done
echo 0 >$s || fail "write of 0 refused"
expect_eq "value after 0" "$(cat $s)" 0
printf 1 >$s || fail "write of 1 without newline refused"
expect_eq "value after 1" "$(cat $s)" 1
sysctl -q -w vm.mem_profiling=0 && sysctl -q -w vm.mem_profiling=1 ||
	fail "sysctl -w refused"
expect_eq "value at the end" "$(cat $s)" 1
