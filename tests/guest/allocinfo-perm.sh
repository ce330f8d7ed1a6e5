# SPDX-License-Identifier: GPL-2.0
# /proc/allocinfo is 0400 root; neither an unprivileged user nor root in a
# user namespace of one can read it or write vm.mem_profiling.
. /guest/tests/lib.sh

f=/proc/allocinfo
s=/proc/sys/vm/mem_profiling
expect_eq "mode of $f" "$(stat -c %a $f)" 400
expect_eq "owner of $f" "$(stat -c %u:%g $f)" 0:0

nobody="runas 65534 65534"
$nobody id -u | grep -qx 65534 || fail "cannot run as an unprivileged user"
if $nobody cat $f >/dev/null 2>&1; then fail "an unprivileged user read $f"; fi
if $nobody sh -c "echo 0 >$s" 2>/dev/null; then fail "an unprivileged user wrote $s"; fi

# Root in a user namespace made by an unprivileged user.
[ -w /proc/sys/kernel/unprivileged_userns_clone ] &&
	echo 1 >/proc/sys/kernel/unprivileged_userns_clone
userns="$nobody unshare -U -r"
$userns id -u | grep -qx 0 || fail "cannot be root in a user namespace"
if $userns cat $f >/dev/null 2>&1; then fail "root in a user namespace read $f"; fi
if $userns sh -c "echo 0 >$s" 2>/dev/null; then
	fail "root in a user namespace wrote $s"
fi
expect_eq "vm.mem_profiling after the attempts" "$(cat $s)" 1
