# SPDX-License-Identifier: GPL-2.0
# An anonymous THP fault charges 2 MiB and one call to its site; splitting
# it (debugfs split_huge_pages) keeps the bytes and makes 512 calls of one
# page each; munmap brings the site back to where it started.
. /guest/tests/lib.sh

f=do_huge_pmd_anonymous_page
[ -w /sys/kernel/debug/split_huge_pages ] || fail "no debugfs split_huge_pages"
rm -f /tmp/ready /tmp/go && mkfifo /tmp/go
before=$(site $f)
b0=${before% *}
c0=${before#* }
pagetest thp /tmp/ready /tmp/go &
pid=$!
wait_file /tmp/ready || fail "no THP was faulted"
expect_eq "after the fault" "$(site $f)" "$((b0 + 2097152)) $((c0 + 1))"
echo 1 >/sys/kernel/debug/split_huge_pages
expect_eq "after the split" "$(site $f)" "$((b0 + 2097152)) $((c0 + 512))"
echo >/tmp/go
wait $pid || fail "pagetest thp failed"
expect_eq "after munmap" "$(settle $f "$before")" "$before"
