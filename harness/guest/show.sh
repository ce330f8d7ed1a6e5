#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What 'make run' shows: the ten largest allocation sites and the sysctl
# being switched off and on.
human() {
	awk '{
		b = $1; u = "B"; split("K M G T", us, " ")
		for (i = 1; i <= 4 && (b >= 1024 || b <= -1024); i++) { b /= 1024; u = us[i] }
		printf "%8s %9d  ", (u == "B" ? sprintf("%d%s", b, u) : sprintf("%.1f%s", b, u)), $2
		$1 = ""; $2 = ""; sub(/^ +/, ""); print
	}'
}

if [ ! -e /proc/allocinfo ]; then
	echo "this kernel has no /proc/allocinfo (CONFIG_MEM_ALLOC_PROFILING off?)"
	exit 0
fi
echo "== $(head -n 1 /proc/allocinfo); top 10 of $(($(wc -l </proc/allocinfo) - 2)) call sites by bytes:"
if command -v allocinfo >/dev/null; then
	allocinfo -n 10
else
	printf '%8s %9s  %s\n' bytes calls site
	tail -n +3 /proc/allocinfo | sort -n -r -k 1,1 | head -n 10 | human
fi
echo
echo "== vm.mem_profiling"
f=/proc/sys/vm/mem_profiling
echo "vm.mem_profiling = $(cat $f)"
if [ -w $f ] && echo 0 >$f 2>/dev/null; then
	echo "echo 0 > $f: vm.mem_profiling = $(cat $f)"
	echo 1 >$f || exit 1
	echo "echo 1 > $f: vm.mem_profiling = $(cat $f)"
else
	echo "$f is read-only in this boot (never, or DEBUG)"
fi
