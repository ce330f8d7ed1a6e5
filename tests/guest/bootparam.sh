# SPDX-License-Identifier: GPL-2.0
# sysctl.vm.mem_profiling= on the kernel command line: never, 0, 1, each
# with or without ",compressed", and bad values (one error naming the value,
# the default stays).  The host boots
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

# ",compressed": the same states, with page tag references in page->flags
# (one line says how many bits).  On a kernel whose spare bits cannot index
# its tags (the nofit variant of harness/check.sh): one error naming the
# value, and profiling is off as under never, with modules still loading.
comp=$(dmesg | grep -c 'alloc_tag: page tag references in [0-9]* page flag bits')
case $case in
never,compressed) case=never ;;
[01],compressed)
	if [ "$(guest_variant)" = nofit ]; then
		n=$(dmesg | grep -c "sysctl.vm.mem_profiling=$case: [0-9]* allocation tags do not fit in the [0-9]* spare page flag bits")
		expect_eq "errors naming '$case'" "$n" 1
		dmesg | grep "sysctl.vm.mem_profiling=$case: "
		expect_eq "compressed references" "$comp" 0
		insmod /guest/modules/allocprof_rcufree.ko || fail "insmod with profiling off"
		rmmod allocprof_rcufree || fail "rmmod with profiling off"
		case=never
	else
		expect_eq "compressed references" "$comp" 1
		dmesg | grep 'alloc_tag: page tag references in'
		case=${case%,compressed}
	fi
	;;
*) expect_eq "compressed references" "$comp" 0 ;;
esac

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
