# SPDX-License-Identifier: GPL-2.0
# Counters stay exact across switches: pages charged while on and freed
# while off are uncharged; pages allocated while off and freed while on
# change nothing.
. /guest/tests/lib.sh

config_has_debug && skip "vm.mem_profiling is read-only under DEBUG"
s=/proc/sys/vm/mem_profiling
f=do_anonymous_page
before=$(site $f)

rm -f /tmp/ready /tmp/go && mkfifo /tmp/go
pagetest anon 8192 /tmp/ready /tmp/go &
pid=$!
wait_file /tmp/ready || fail "pagetest did not fault its pages"
echo 0 >$s
echo >/tmp/go
wait $pid || fail "pagetest anon failed"
echo 1 >$s
near $f "$before"

rm -f /tmp/ready
echo 0 >$s
pagetest anon 8192 /tmp/ready /tmp/go &
pid=$!
wait_file /tmp/ready || { echo 1 >$s; fail "pagetest did not fault its pages"; }
echo 1 >$s
echo >/tmp/go
wait $pid || fail "pagetest anon failed"
near $f "$before"
