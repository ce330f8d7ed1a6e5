# SPDX-License-Identifier: GPL-2.0
# /proc/allocinfo: the header, and every line in the documented format:
# bytes right-aligned in 12 columns, calls in 8, file:line, [module] only
# for modules, func:name, optional key:value fields; one line per site; no
# kernel addresses.
. /guest/tests/lib.sh

f=/proc/allocinfo
[ -r $f ] || fail "$f missing"
cat $f >/tmp/ai
head -n 1 /tmp/ai | grep -qxE 'allocinfo - version: (1\.0|2\.0)' ||
	fail "header: '$(head -n 1 /tmp/ai)'"
expect_eq "column comment" "$(sed -n 2p /tmp/ai)" '#     <size>  <calls> <tag info>'
n=$(($(wc -l </tmp/ai) - 2))
[ "$n" -gt 0 ] || fail "no call sites listed"

bad=$(tail -n +3 /tmp/ai |
	grep -vE '^ *-?[0-9]+ +[0-9]+ [^ ]+:[0-9]+( \[[^] ]+\])? func:[^ ]+( [a-z_]+:[^ ]+)*$' |
	head -n 5)
[ -z "$bad" ] || fail "malformed lines: $bad"

bad=$(tail -n +3 /tmp/ai | awk '{
	ok = 1
	if (length($1) <= 12 && substr($0, 1, 13) != sprintf("%12s ", $1)) ok = 0
	if (length($1) <= 12 && length($2) <= 8 &&
	    substr($0, 14, 9) != sprintf("%8s ", $2)) ok = 0
	if (!ok) print
}' | head -n 5)
[ -z "$bad" ] || fail "columns not aligned: $bad"

grep -qE '0x[0-9a-f]{6,}|ffff[0-9a-f]{12}' /tmp/ai && fail "kernel address in output"
dups=$(allocinfo_sites /tmp/ai | sort | uniq -d | head -n 5)
[ -z "$dups" ] || fail "sites listed twice: $dups"

# The KUnit suite's own sites are there, with no bytes left after it ran.
grep -q ' mm/alloc_tag_kunit.c:[0-9]* func:alloc_tag_test_add_sub$' /tmp/ai ||
	fail "the alloc_tag KUnit sites are missing"
left=$(grep ' mm/alloc_tag_kunit.c:' /tmp/ai | awk '$1 != 0 || $2 != 0' | head -n 3)
[ -z "$left" ] || fail "KUnit sites still charged: $left"

# The suite made a slab vector allocation fail on purpose: that site is
# marked accurate:no, which makes the file version 2.0.
grep -qE ' mm/alloc_tag_kunit.c:[0-9]+ func:alloc_tag_test_slab_no_vector accurate:no$' /tmp/ai ||
	fail "the KUnit site whose vector failed is not marked accurate:no"
expect_eq "header with an accurate:no line" "$(head -n 1 /tmp/ai)" 'allocinfo - version: 2.0'
echo "$n sites, $(grep -c '\[' /tmp/ai) in modules"
