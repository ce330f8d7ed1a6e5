# SPDX-License-Identifier: GPL-2.0
# move_pages(2) from node 0 to node 1 keeps the charge on the site that
# faulted the pages, and leaves nothing on the migration target's site.
. /guest/tests/lib.sh

f=do_anonymous_page
t=alloc_migration_target
n=8192
rm -f /tmp/ready /tmp/ready.moved /tmp/go && mkfifo /tmp/go
t0=$(site $t)
before=$(site $f)
pagetest migrate $n /tmp/ready /tmp/go &
pid=$!
wait_file /tmp/ready || fail "pagetest did not fault its pages"
a1=$(site $f)
[ "${a1% *}" -ge $((${before% *} + n * 4096)) ] || fail "fault site $a1, before $before"
echo >/tmp/go
wait_file /tmp/ready.moved || { wait $pid; fail "move_pages failed"; }
near $f "$a1"
expect_eq "migration target site after the move" "$(settle $t "$t0")" "$t0"
echo >/tmp/go
wait $pid || fail "pagetest migrate failed"
near $f "$before"
