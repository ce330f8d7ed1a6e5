# SPDX-License-Identifier: GPL-2.0
# sysctl.vm.mem_profiling= on the kernel command line: never, 0, 1, and bad
# values (one error naming the value, the default stays).  The host boots
# this test with each value (harness/check.sh); without one, the default.
. /guest/tests/lib.sh

s=/proc/sys/vm/mem_profiling
arg=$(tr ' ' '\n' </proc/cmdline | sed -n 's/^sysctl\.vm\.mem_profiling=//p' | tail -n 1)
given=$(tr ' ' '\n' </proc/cmdline | grep -c '^sysctl\.vm\.mem_profiling=')
rw=644
config_has_debug && rw=444

# The generic sysctl code must stay quiet about this parameter.
n=$(dmesg | grep -c 'Failed to set sysctl\|sysctl parameter')
expect_eq "messages from the generic sysctl code" "$n" 0

if [ "$given" = 0 ]; then
	case=default
else
	case=$arg
fi
echo "case: $case"
case $case in
default | 1)
	expect_eq value "$(cat $s)" 1; expect_eq mode "$(stat -c %a $s)" $rw
	[ -r /proc/allocinfo ] || fail "/proc/allocinfo missing"
	;;
0)
	expect_eq value "$(cat $s)" 0; expect_eq mode "$(stat -c %a $s)" $rw
	[ -r /proc/allocinfo ] || fail "/proc/allocinfo missing"
	;;
never)
	expect_eq value "$(cat $s)" 0; expect_eq mode "$(stat -c %a $s)" 444
	if echo 1 >$s 2>/dev/null; then fail "enabled after never"; fi
	expect_eq value "$(cat $s)" 0
	[ ! -e /proc/allocinfo ] || fail "/proc/allocinfo exists under never"
	;;
*)
	# Refused: one error naming the value, and the default.
	n=$(dmesg | grep -c "sysctl.vm.mem_profiling=$case: ")
	expect_eq "errors naming '$case'" "$n" 1
	dmesg | grep "sysctl.vm.mem_profiling=$case: "
	expect_eq value "$(cat $s)" 1; expect_eq mode "$(stat -c %a $s)" $rw
	;;
esac
