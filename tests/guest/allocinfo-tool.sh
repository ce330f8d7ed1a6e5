# SPDX-License-Identifier: GPL-2.0
# tools/vm/allocinfo on the live /proc/allocinfo: it reads it, and its
# totals over all sites equal the sums of the file's columns.
. /guest/tests/lib.sh

command -v allocinfo >/dev/null || fail "allocinfo is not in the guest"
allocinfo -n 5 >/tmp/top || fail "allocinfo on /proc/allocinfo failed"
grep -q ' TOTAL ' /tmp/top || fail "no TOTAL line: $(cat /tmp/top)"

cat /proc/allocinfo >/tmp/snap
want=$(tail -n +3 /tmp/snap | awk '{ b += $1; c += $2 } END { print b, c }')
got=$(allocinfo --raw -n 0 /tmp/snap | awk '$4 == "TOTAL" { print $1, $2 }')
expect_eq "total bytes and calls" "$got" "$want"
n=$(($(wc -l </tmp/snap) - 2))
allocinfo --raw -n 0 /tmp/snap | grep -qE " TOTAL +$n sites\$" ||
	fail "the tool does not count $n sites"
echo "$n sites, bytes and calls: $got"
