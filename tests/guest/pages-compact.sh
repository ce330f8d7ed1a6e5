# SPDX-License-Identifier: GPL-2.0
# Compaction migrates pages while they are charged: afterwards no counter
# is negative, no site has bytes without calls or calls without bytes, and
# the faulting site is back where it started once the memory is freed.
. /guest/tests/lib.sh

f=do_anonymous_page
rm -f /tmp/ready /tmp/go && mkfifo /tmp/go
before=$(site $f)
scanned0=$(awk '$1 == "compact_migrate_scanned" { print $2 }' /proc/vmstat)
pagetest anon 32768 /tmp/ready /tmp/go &
pid=$!
wait_file /tmp/ready || fail "pagetest did not fault its pages"
echo 1 >/proc/sys/vm/compact_memory
scanned1=$(awk '$1 == "compact_migrate_scanned" { print $2 }' /proc/vmstat)
echo "compaction scanned $((scanned1 - scanned0)) pages"
[ "$scanned1" -gt "$scanned0" ] || fail "compaction did not run"
bad=$(tail -n +3 /proc/allocinfo |
	awk '$1 < 0 || $2 < 0 || ($1 == 0) != ($2 == 0)' | head -n 5)
[ -z "$bad" ] || fail "inconsistent counters: $bad"
echo >/tmp/go
wait $pid || fail "pagetest anon failed"
near $f "$before"
