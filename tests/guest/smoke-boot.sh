# SPDX-License-Identifier: GPL-2.0
# The guest booted the kernel we built, with /proc, /sys, both CPUs and both
# NUMA nodes.
. /guest/tests/lib.sh

. /etc/guest.conf
expect_eq "kernel release" "$(uname -r)" "$KERNEL_RELEASE"
grep -q '^proc /proc proc' /proc/mounts || fail "/proc is not mounted"
grep -q '^sys /sys sysfs' /proc/mounts || fail "/sys is not mounted"
[ -r /proc/self/status ] || fail "/proc/self/status unreadable"
[ -d /sys/kernel/mm ] || fail "/sys/kernel/mm missing"
expect_eq "online CPUs" "$(cat /sys/devices/system/cpu/online)" "0-1"
expect_eq "online NUMA nodes" "$(cat /sys/devices/system/node/online)" "0-1"
echo "kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) CPUs, nodes $(cat /sys/devices/system/node/online)"
