#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# In the guest: run the benchmark module, then report memory and the cost
# of reading /proc/allocinfo.  Lines are "KEY: ..." for bench-report.py.
iters=$1
insmod /extra/allocbench.ko iters="$iters" && rmmod allocbench
dmesg | sed -n 's/^\[[^]]*\] allocbench: \([a-z0-9_]*\) \([0-9.]*\)$/op: \1 \2/p'
grep -E '^(MemTotal|MemFree|Slab|Percpu):' /proc/meminfo | sed 's/^/mem: /'
dmesg | sed -n 's/^\[[^]]*\] allocated \([0-9]*\) bytes of page_ext$/pageext: \1/p'
awk '$1 == "present" { s += $2 } END { print "pages:", s + 0 }' /proc/zoneinfo
if [ -r /proc/allocinfo ] && [ -e /extra/sites1000.ko ]; then
	echo "read: 0 $(/extra/readtime /proc/allocinfo 20)"
	for n in 1000 5000 20000; do
		insmod /extra/sites$n.ko || continue
		echo "read: $n $(/extra/readtime /proc/allocinfo 20)"
		rmmod sites$n
	done
fi
