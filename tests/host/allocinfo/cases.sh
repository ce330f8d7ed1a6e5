#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Tests for allocinfo.
#
# usage: cases.sh [ALLOCINFO]
#
# ALLOCINFO is the binary to test (default: ../allocinfo next to this
# script).  Works from any directory.  Prints one TAP line per test, with
# a diff for each failure, and ends with "N passed, N failed"; the exit
# status is 1 if any test failed.
#
# Each case "t NAME[:FILE] STATUS ARG..." runs allocinfo ARG... in
# tests/data/ and compares its stdout with tests/expected/FILE (default
# NAME.out; empty output if that does not exist), its stderr with
# tests/expected/NAME.err (empty if that does not exist) and its exit
# status with STATUS.

LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd) || exit 1
data=$here/data
exp=$here/expected
bin=${1:-$here/../allocinfo}
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
if [ ! -x "$bin" ]; then
	echo "run.sh: $bin is not an executable (build it first)" >&2
	exit 2
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

n=0
passed=0
failed=0

pass() {
	n=$((n + 1))
	passed=$((passed + 1))
	echo "ok $n - $1"
}

fail() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
}

# check NAME FILE STATUS WANT: compare $tmp/out with expected/FILE,
# $tmp/err with expected/NAME.err and exit status STATUS with WANT.
check() {
	name=$1
	got=$3
	want=$4
	expout=$exp/$2
	if [ ! -f "$expout" ]; then
		expout=/dev/null
	fi
	experr=$exp/$name.err
	if [ ! -f "$experr" ]; then
		experr=/dev/null
	fi
	if [ "$got" = "$want" ] && cmp -s "$expout" "$tmp/out" &&
	   cmp -s "$experr" "$tmp/err"; then
		pass "$name"
		return
	fi
	fail "$name"
	if [ "$got" != "$want" ]; then
		echo "# exit status $got, expected $want"
	fi
	diff -u "$expout" "$tmp/out" | sed 's/^/# /'
	diff -u "$experr" "$tmp/err" | sed 's/^/# /'
}

# t NAME[:FILE] STATUS ARG...: run allocinfo ARG... in tests/data
t() {
	name=${1%%:*}
	file=${1#*:}
	[ "$file" != "$1" ] || file=$name.out
	want=$2
	shift 2
	(cd "$data" && exec "$bin" "$@" < /dev/null > "$tmp/out" 2> "$tmp/err")
	check "$name" "$file" $? "$want"
}

# ts NAME[:FILE] STATUS INPUT ARG...: the same with stdin from INPUT
ts() {
	name=${1%%:*}
	file=${1#*:}
	[ "$file" != "$1" ] || file=$name.out
	want=$2
	input=$3
	shift 3
	(cd "$data" && exec "$bin" "$@" < "$input" > "$tmp/out" 2> "$tmp/err")
	check "$name" "$file" $? "$want"
}

# ---- top --------------------------------------------------------------
t top-plain 0 v1-plain.txt
t top-plain-raw 0 --raw v1-plain.txt
t top-plain-n2 0 -n 2 v1-plain.txt
t top-mode-word:top-plain-n2.out 0 top v1-plain.txt --limit 2
t top-file-input:top-plain.out 0 -f v1-plain.txt
t top-file-input-long:top-plain.out 0 --file-input=v1-plain.txt
t top-dashdash:top-plain.out 0 -- v1-plain.txt
t top-n0:top-plain.out 0 -n 0 v1-plain.txt
ts top-stdin:top-plain.out 0 v1-plain.txt -
ts top-stdin-f:top-plain.out 0 v1-plain.txt -f -
t top-plain-avg 0 --raw --sort avg v1-plain.txt
t units-human 0 -s site units.txt
t units-raw 0 -r -s site units.txt
t mod-top 0 v1-modules.txt
t mod-calls 0 --raw --sort calls v1-modules.txt
t mod-avg 0 --raw --sort=avg v1-modules.txt
t mod-site 0 --raw -s site v1-modules.txt
t v2-top 0 v2-accurate.txt
t v2-top-json:v2-top.json 0 --json v2-accurate.txt
t v2-top-csv:v2-top.csv 0 --csv v2-accurate.txt
t neg-top 0 negative.txt
t neg-min0 0 --raw --min-bytes 0 negative.txt
t neg-site-json:neg-site.json 0 --json -s site negative.txt
t empty-top 0 header-only.txt
t empty-top-json:empty-top.json 0 --json header-only.txt
t empty-top-csv:empty-top.csv 0 --csv header-only.txt
t weird-json:weird.json 0 --json weird.txt
t weird-csv:weird.csv 0 --csv weird.txt

# ---- filters ----------------------------------------------------------
t filt-module-xfs 0 --raw --module xfs v1-modules.txt
t filt-module-vmlinux 0 --raw --module vmlinux v1-modules.txt
t filt-module-none:filt-nomatch.out 0 --raw --module nosuch v1-modules.txt
t filt-file 0 --raw --file 'fs/xfs/*' v1-modules.txt
t filt-file-nomatch:filt-nomatch.out 0 --raw --file '*.h' v1-modules.txt
t filt-func-anchored 0 --raw --func '^xfs_' v1-modules.txt
t filt-func-alloc 0 --raw --func alloc v1-modules.txt
t filt-min-3k 0 --raw --min-bytes 3K v1-modules.txt
t filt-min-3k-lower:filt-min-3k.out 0 --raw --min-bytes 3k v1-modules.txt
t filt-min-3kib:filt-min-3k.out 0 --raw --min-bytes 3KiB v1-modules.txt
t filt-min-3kb:filt-min-3k.out 0 --raw --min-bytes 3kb v1-modules.txt
t filt-min-3072b:filt-min-3k.out 0 --raw --min-bytes 3072B v1-modules.txt
t filt-min-3072:filt-min-3k.out 0 --raw --min-bytes 3072 v1-modules.txt
t filt-min-3073 0 --raw --min-bytes 3073 v1-modules.txt
t filt-min-half-k 0 --raw --min-bytes 0.5k v1-modules.txt
t filt-min-big:filt-nomatch.out 0 --raw --min-bytes 1T v1-modules.txt
t filt-combined 0 --raw --module xfs --min-bytes 1k --func alloc \
	v1-modules.txt

# ---- group ------------------------------------------------------------
t group-file 0 --group file v1-modules.txt
t group-dir 0 --group dir v1-modules.txt
t group-module 0 -g module v1-modules.txt
t group-func 0 --group=func v1-modules.txt
t group-dir-site-raw 0 --group dir --sort site --raw v1-modules.txt
t group-module-calls-n2 0 -g module -s calls -n 2 -r v1-modules.txt
t group-dir-accurate 0 --group dir v2-accurate.txt
t group-file-xfs 0 --group file --module xfs --raw v1-modules.txt
t group-module-json:group-module.json 0 --json --group module v1-modules.txt
t group-dir-csv:group-dir.csv 0 --csv --group dir v1-modules.txt
t group-dir-accurate-csv:group-dir-accurate.csv 0 --csv -g dir v2-accurate.txt
t empty-group 0 --group module header-only.txt

# ---- diff -------------------------------------------------------------
t diff 0 diff old.txt new.txt
t diff-all 0 diff --all old.txt new.txt
t diff-raw-n2 0 diff -r -n 2 old.txt new.txt
t diff-calls 0 diff --raw --sort calls old.txt new.txt
t diff-module-xfs 0 diff --raw --module xfs old.txt new.txt
t diff-min-1k 0 diff --raw --min-bytes 1K old.txt new.txt
t diff-func-d 0 diff --raw --func '^d' old.txt new.txt
t diff-reverse 0 diff --raw new.txt old.txt
t diff-same 0 diff old.txt old.txt
t diff-json:diff.json 0 diff --json old.txt new.txt
t diff-csv:diff.csv 0 diff --csv old.txt new.txt
t diff-empty-csv:empty-diff.csv 0 diff --csv header-only.txt header-only.txt
ts diff-stdin:diff.out 0 new.txt diff old.txt -

# ---- watch ------------------------------------------------------------
t watch 0 watch -c 2 -i 0 -n 3 v1-modules.txt
t watch-json:watch.json 0 watch --json --count 2 --interval 0 -n 2 \
	v1-modules.txt
t watch-csv:watch.csv 0 watch --csv -c 2 -i 0 -n 2 v1-modules.txt

# The file changes between samples: a FIFO fed with old.txt, then new.txt.
# The feeder is bounded by timeout(1) in case allocinfo never reads it.
name=watch-fifo
if ! command -v timeout > /dev/null 2>&1; then
	pass "$name # SKIP no timeout(1)"
elif mkfifo "$tmp/snap.fifo" 2> /dev/null; then
	# shellcheck disable=SC2016 # expanded by the inner sh
	timeout 20 sh -c 'cat "$1" > "$3"; sleep 1; cat "$2" > "$3"' sh \
		"$data/old.txt" "$data/new.txt" "$tmp/snap.fifo" &
	feeder=$!
	(cd "$tmp" && exec "$bin" watch -c 2 -i 0 -n 0 --raw snap.fifo \
		< /dev/null > "$tmp/out" 2> "$tmp/err")
	check $name $name.out $? 0
	wait $feeder 2> /dev/null
else
	pass "$name # SKIP mkfifo failed"
fi

# ---- input errors (exit 2) --------------------------------------------
for f in bad-bytes bad-calls missing-calls missing-fileline missing-func \
	 bad-fileline bad-lineno bad-module empty-module bad-field \
	 empty-func no-header comment-first bad-header bad-version empty \
	 blank-line nul-byte bytes-range calls-range dup-overflow \
	 sum-overflow; do
	t "$f" 2 "$f.txt"
done
t no-such-file 2 no-such-file.txt
t directory 2 .
ts stdin-bad 2 bad-bytes.txt -
t diff-bad-new 2 diff old.txt bad-calls.txt
t watch-bad 2 watch -c 1 -i 0 bad-bytes.txt

# ---- usage errors (exit 1) --------------------------------------------
t bad-sort 1 --sort foo v1-plain.txt
t bad-group 1 --group foo v1-plain.txt
t bad-size-suffix 1 --min-bytes 4X v1-plain.txt
t bad-size-neg 1 --min-bytes -5 v1-plain.txt
t bad-size-frac 1 --min-bytes 1.5 v1-plain.txt
t bad-size-trail 1 --min-bytes 4KiBB v1-plain.txt
t bad-size-empty 1 --min-bytes '' v1-plain.txt
t bad-size-unit 1 --min-bytes 9E v1-plain.txt
t bad-size-range 1 --min-bytes 8388608T v1-plain.txt
t bad-regex 1 --func '(' v1-plain.txt
t bad-limit 1 -n abc v1-plain.txt
t bad-limit-neg 1 -n -1 v1-plain.txt
t bad-count 1 watch -c x v1-plain.txt
t bad-interval 1 watch -i -1 v1-plain.txt
t bad-interval-word 1 watch -i abc v1-plain.txt
t diff-one 1 diff old.txt
t diff-stdin-twice 1 diff - -
t diff-file-input 1 diff -f old.txt new.txt
t json-csv 1 --json --csv v1-plain.txt
t interval-in-top 1 -i 1 v1-plain.txt
t all-in-top 1 --all v1-plain.txt
t group-in-diff 1 --group file diff old.txt new.txt
t two-files 1 v1-plain.txt v1-modules.txt
t file-twice 1 -f v1-plain.txt v1-modules.txt
t watch-stdin 1 watch -
t unknown-long 1 --bogus
t unknown-short 1 -z
t missing-arg-long 1 v1-plain.txt --sort
t missing-arg-short 1 v1-plain.txt -n
t no-arg-allowed 1 --raw=1 v1-plain.txt

# ---- other checks -----------------------------------------------------
if out=$("$bin" --version) && [ "$out" = "allocinfo 1.0" ]; then
	pass version
else
	fail version
fi

"$bin" --help > "$tmp/help" 2>&1
st=$?
missing=
for o in file-input limit sort raw json csv group all interval count \
	 module file func min-bytes help version; do
	grep -q -e "--$o\\b" "$tmp/help" || missing="$missing --$o"
done
for o in -f -n -s -r -g -a -i -c -h -V; do
	grep -q -e "$o, --" "$tmp/help" || missing="$missing $o"
done
if [ $st -eq 0 ] && [ -z "$missing" ] && head -1 "$tmp/help" |
   grep -q '^Usage: allocinfo'; then
	pass "help describes every option"
else
	fail "help describes every option"
	echo "# status $st, missing:$missing"
fi

if "$bin" "$data/v1-plain.txt" > /dev/full 2> "$tmp/err"; then
	st=0
else
	st=$?
fi
if [ -w /dev/full ]; then
	if [ $st -eq 3 ] && grep -q '^allocinfo: write error' "$tmp/err"; then
		pass "write error exits 3"
	else
		fail "write error exits 3"
		echo "# status $st: $(cat "$tmp/err")"
	fi
else
	pass "write error exits 3 # SKIP no /dev/full"
fi

# Every expected JSON output must parse (jq or python3, if present).
json_ok=
if command -v jq > /dev/null 2>&1; then
	json_ok="jq -e ."
elif command -v python3 > /dev/null 2>&1; then
	json_ok="python3 -m json.tool"
fi
if [ -n "$json_ok" ]; then
	bad=
	for f in "$exp"/*.json; do
		case $f in
		*/watch.json)
			# one object per line
			while IFS= read -r line; do
				printf '%s\n' "$line" |
					$json_ok > /dev/null 2>&1 ||
					bad="$bad $f"
			done < "$f" ;;
		*)
			$json_ok < "$f" > /dev/null 2>&1 || bad="$bad $f" ;;
		esac
	done
	if [ -z "$bad" ]; then
		pass "expected JSON is well-formed"
	else
		fail "expected JSON is well-formed"
		echo "# bad:$bad"
	fi
else
	pass "expected JSON is well-formed # SKIP no jq or python3"
fi

# Totals against sums computed by awk over a generated profile.
"$here/../../../bench/gen-profile.sh" 3000 2.0 7 > "$tmp/p1"
"$here/../../../bench/gen-profile.sh" 2500 1.0 8 > "$tmp/p2"
sum() {
	awk 'NR > 1 && !/^#/ { b += $1; c += $2 } END { print b, c }' "$1"
}
want=$(sum "$tmp/p1")
got=$("$bin" --raw -n 5 "$tmp/p1" | awk '/ TOTAL /  { print $1, $2 }')
if [ -n "$want" ] && [ "$got" = "$want" ]; then
	pass "TOTAL line equals the file sums"
else
	fail "TOTAL line equals the file sums"
	echo "# got '$got', expected '$want'"
fi

got=$("$bin" --json "$tmp/p1" | grep '"total"' |
      sed 's/.*"bytes": \(-*[0-9]*\), "calls": \([0-9]*\),.*/\1 \2/')
if [ "$got" = "$want" ]; then
	pass "JSON total equals the file sums"
else
	fail "JSON total equals the file sums"
	echo "# got '$got', expected '$want'"
fi

want="$(sum "$tmp/p1") $(sum "$tmp/p2")"
num='\(-*[0-9]*\)'
got=$("$bin" diff --all --json "$tmp/p1" "$tmp/p2" | grep '"total"' |
      sed "s/.*\"old_bytes\": $num, \"new_bytes\": $num, .*/\\1 \\2/")
calls=$("$bin" diff --all --json "$tmp/p1" "$tmp/p2" | grep '"total"' |
	sed "s/.*\"old_calls\": $num, \"new_calls\": $num, .*/\\1 \\2/")
got=$(echo "$got $calls" | awk '{ print $1, $3, $2, $4 }')
if [ "$got" = "$want" ]; then
	pass "diff --all totals equal the file sums"
else
	fail "diff --all totals equal the file sums"
	echo "# got '$got', expected '$want'"
fi

# The partial sort for -n N must agree with a full sort.
bad=
for key in bytes calls avg site; do
	"$bin" --csv -n 25 -s "$key" "$tmp/p1" > "$tmp/a"
	"$bin" --csv -n 0 -s "$key" "$tmp/p1" | head -26 > "$tmp/b"
	[ "$(wc -l < "$tmp/a")" -eq 26 ] && cmp -s "$tmp/a" "$tmp/b" ||
		bad="$bad $key"
done
if [ -z "$bad" ]; then
	pass "-n N selects the same rows as a full sort"
else
	fail "-n N selects the same rows as a full sort"
	echo "# differs for:$bad"
fi

# Grouped totals must equal the site totals, for every kind.
want=$("$bin" --raw -n 1 "$tmp/p1" | tail -1 | awk '{ print $1, $2 }')
bad=
for kind in file dir module func; do
	got=$("$bin" --raw -n 1 -g $kind "$tmp/p1" | tail -1 |
	      awk '{ print $1, $2 }')
	[ -n "$want" ] && [ "$got" = "$want" ] || bad="$bad $kind"
done
if [ -z "$bad" ]; then
	pass "group totals equal the site totals"
else
	fail "group totals equal the site totals"
	echo "# differs for:$bad"
fi

echo "1..$n"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
