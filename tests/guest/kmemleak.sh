# SPDX-License-Identifier: GPL-2.0
# After every other test (the harness runs this one last): a kmemleak scan
# finds no unreferenced object.  Runs where kmemleak is built in and on
# (the debug configuration); skipped elsewhere.
. /guest/tests/lib.sh

k=/sys/kernel/debug/kmemleak
[ -e $k ] || skip "no kmemleak in this kernel"
# Objects younger than 5 s are never reported: let the last test's settle.
sleep 5
echo scan >$k 2>/dev/null || fail "kmemleak is built in but off (see the boot log)"
# A second scan: an object is reported only once it stayed unreferenced.
echo scan >$k
cat $k >/tmp/leaks
if [ -s /tmp/leaks ]; then
	head -n 60 /tmp/leaks
	fail "kmemleak: $(grep -c '^unreferenced object' /tmp/leaks) suspected leaks"
fi
echo "kmemleak: two scans, no suspected leak"
