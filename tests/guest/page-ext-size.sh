# SPDX-License-Identifier: GPL-2.0
# page_ext memory: profiling's tag reference takes 8 bytes per page and
# page_ext's flags word is not allocated for it; booted never or
# ",compressed", or with the feature compiled out, profiling takes none.  The debug configuration has
# a second page_ext user, page_table_check (enforced, 8 bytes per page).
. /guest/tests/lib.sh

grep -qw 'page_owner=on' /proc/cmdline && skip "page_owner is on: its own page_ext data"
bytes=$(dmesg | sed -n 's/^\[[^]]*\] allocated \([0-9]*\) bytes of page_ext$/\1/p' | tail -n 1)
pages=$(awk '$1 == "spanned" { s += $2 } END { print s + 0 }' /proc/zoneinfo)
[ "$pages" -gt 0 ] || fail "no spanned pages in /proc/zoneinfo"
on=none
[ -r /proc/sys/vm/mem_profiling ] && on=compiled
grep -qw 'sysctl.vm.mem_profiling=never' /proc/cmdline && on=never
# Compressed references (or their fallback to off) take no page_ext.
case " $(cat /proc/cmdline) " in
*" sysctl.vm.mem_profiling="[01]",compressed "*) [ $on = compiled ] && on=compressed ;;
esac

per=0
[ "$(guest_config)" = debug ] && per=8
[ $on = compiled ] && per=$((per + 8))
if [ $per = 0 ]; then
	[ -z "$bytes" ] || fail "$bytes bytes of page_ext allocated with profiling $on"
	echo "no page_ext (profiling: $on)"
	exit 0
fi
[ -n "$bytes" ] || fail "no page_ext allocated, $per bytes per page expected"
# Entries exist per memory section, so a little more than the spanned
# pages may be covered: allow 1/64 over.
want=$((pages * per))
[ "$bytes" -ge $want ] || fail "$bytes bytes of page_ext for $pages pages: less than $per per page"
[ "$bytes" -le $((want + want / 64)) ] ||
	fail "$bytes bytes of page_ext for $pages pages: more than $per per page (is the flags word allocated?)"
echo "page_ext: $bytes bytes for $pages pages, $per per page (profiling: $on)"
