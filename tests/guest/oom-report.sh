# SPDX-License-Identifier: GPL-2.0
# An OOM kill prints "Memory allocations:" after the usual report, with at
# most 10 sites, largest first; with profiling off (booted 0) or never, the
# kill happens and prints no such report.  (The kernel log scan of the
# harness fails the run on any lockdep or sleep-in-atomic splat, or crash,
# on the way.)
. /guest/tests/lib.sh

on=0
[ -r /proc/sys/vm/mem_profiling ] && on=$(cat /proc/sys/vm/mem_profiling)
echo -1000 >/proc/self/oom_score_adj
before=$(dmesg | wc -l)
sh -c 'echo 1000 >/proc/self/oom_score_adj; exec /guest/bin/memhog' &
wait $!
dmesg | tail -n +$((before + 1)) | sed 's/^\[[ 0-9.]*\] //' >/tmp/oom
grep -q 'invoked oom-killer' /tmp/oom || fail "no OOM kill happened"
if [ "$on" != 1 ]; then
	if grep -q '^Memory allocations:$' /tmp/oom; then
		fail "'Memory allocations:' report with profiling off"
	fi
	echo "OOM kill with profiling off: no report"
	exit 0
fi
grep -q '^Memory allocations:$' /tmp/oom || fail "no 'Memory allocations:' report"
sed -n '/^Memory allocations:$/,$p' /tmp/oom | sed 1d |
	awk '/^ *[0-9.]+ [KMGTP]?i?B +[0-9]+ [^ ]+:[0-9]+/ { print; next } { exit }' >/tmp/top
cat /tmp/top
n=$(wc -l </tmp/top)
[ "$n" -le 10 ] || fail "$n lines in the report, want at most 10"
awk '{
	v = $1; u = $2
	m = (u == "KiB") ? 1024 : (u == "MiB") ? 1048576 : (u == "GiB") ? 1073741824 : 1
	b = v * m
	if (NR > 1 && b > prev * 1.01) { print "not descending at line " NR; exit 1 }
	prev = b
}' /tmp/top || fail "report not in descending order"
