# SPDX-License-Identifier: GPL-2.0
# page_ext memory: profiling's tag reference takes 8 bytes per page and
# nothing more when no other page_ext user is on (page_owner off); booted
# never, or with the feature compiled out, no page_ext at all.
. /guest/tests/lib.sh

bytes=$(dmesg | sed -n 's/^\[[^]]*\] allocated \([0-9]*\) bytes of page_ext$/\1/p' | tail -n 1)
pages=$(awk '$1 == "spanned" { s += $2 } END { print s + 0 }' /proc/zoneinfo)
[ "$pages" -gt 0 ] || fail "no spanned pages in /proc/zoneinfo"
on=none
[ -r /proc/sys/vm/mem_profiling ] && on=compiled
grep -qw 'sysctl.vm.mem_profiling=never' /proc/cmdline && on=never
grep -qw 'page_owner=on' /proc/cmdline && skip "page_owner is on: its own page_ext data"

if [ $on != compiled ]; then
	[ -z "$bytes" ] || fail "$bytes bytes of page_ext allocated with profiling $on"
	echo "no page_ext (profiling: $on)"
	exit 0
fi
[ -n "$bytes" ] || fail "no page_ext allocated, profiling needs it"
# Entries exist per memory section, so a little more than the spanned
# pages may be covered: allow 1/64 over 8 bytes per page.
max=$((pages * 8 + pages / 8))
[ "$bytes" -ge $((pages * 8)) ] || fail "$bytes bytes of page_ext for $pages pages: less than 8 per page"
[ "$bytes" -le $max ] || fail "$bytes bytes of page_ext for $pages pages: more than 8 per page (the flags word is allocated)"
echo "page_ext: $bytes bytes for $pages pages"
