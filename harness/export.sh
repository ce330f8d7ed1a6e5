#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# export.sh          write build/work's commits over 'base' to patches/
# export.sh --check  exit non-zero, naming the patches, if patches/ differs
#
# The output is deterministic (zero commit ids, fixed abbreviation, no
# signature, no numbers in subjects or file names), so 'make work' followed
# by 'make export' gives no diff.
. "$(dirname "$0")/lib.sh"

check=0
[ "${1:-}" = --check ] && check=1

[ -d "$WORK_DIR/.git" ] || die "$WORK_DIR does not exist: run 'make work' first"
git -C "$WORK_DIR" rev-parse -q --verify base >/dev/null ||
	die "$WORK_DIR has no 'base' tag: recreate it with 'make work'"
if [ -n "$(git -C "$WORK_DIR" status --porcelain --untracked-files=no)" ]; then
	if [ $check = 1 ]; then
		die "$WORK_DIR has uncommitted changes"
	fi
	die "$WORK_DIR has uncommitted changes: commit them (or git commit --fixup) first"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

git -C "$WORK_DIR" -c core.abbrev=12 -c diff.algorithm=myers \
	-c diff.noprefix=false -c diff.mnemonicPrefix=false \
	-c diff.renames=false -c format.signature= -c format.coverLetter=false \
	format-patch -q --zero-commit --no-signature --no-numbered \
	--no-renames --no-cover-letter --filename-max-length=100 \
	-o "$tmp/raw" base..HEAD >/dev/null

mkdir -p "$tmp/out"
: >"$tmp/out/series"
if [ -d "$tmp/raw" ]; then
	for f in "$tmp"/raw/*.patch; do
		[ -e "$f" ] || continue
		name=$(basename "$f" | sed 's/^[0-9]\{4\}-//')
		[ -e "$tmp/out/$name" ] && die "two patches export to the same name $name: make their subjects differ"
		mv "$f" "$tmp/out/$name"
		echo "$name" >>"$tmp/out/series"
	done
fi

# The cover letter: format-patch's shortlog and diffstat around the text
# of docs/cover-letter.txt (first line: subject; then the body), dated
# like the newest commit so that the export stays deterministic.
cover=$TOP/docs/cover-letter.txt
if [ -f "$cover" ] && [ -s "$tmp/out/series" ]; then
	git -C "$WORK_DIR" -c core.abbrev=12 -c diff.algorithm=myers \
		-c diff.renames=false -c format.signature= \
		format-patch -q --zero-commit --no-signature --cover-letter \
		--no-renames -o "$tmp/cover" base..HEAD >/dev/null
	date=$(git -C "$WORK_DIR" log -1 --format=%aD HEAD)
	python3 - "$tmp/cover/0000-cover-letter.patch" "$cover" "$date" \
		>"$tmp/out/0000-cover-letter.patch" <<'PY'
import sys
letter, text, date = open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3]
subject, _, body = text.partition('\n')
out = []
for line in letter.split('\n'):
    if line.startswith('Date: '):
        line = 'Date: ' + date
    line = line.replace('*** SUBJECT HERE ***', subject.strip())
    if line == '*** BLURB HERE ***':
        line = body.strip('\n')
    out.append(line)
sys.stdout.write('\n'.join(out))
PY
fi

# Compare with patches/ (the cover letter is not part of the series).
diffs=0
report() { msg "$1 $2"; diffs=$((diffs + 1)); }
while read -r p; do
	if [ ! -f "$TOP/patches/$p" ]; then
		report added "$p"
	elif ! cmp -s "$tmp/out/$p" "$TOP/patches/$p"; then
		report changed "$p"
	fi
done <"$tmp/out/series"
for f in "$TOP"/patches/*.patch; do
	[ -e "$f" ] || continue
	p=$(basename "$f")
	[ "$p" = 0000-cover-letter.patch ] && continue
	grep -qxF "$p" "$tmp/out/series" || report removed "$p"
done
if [ -f "$tmp/out/0000-cover-letter.patch" ] &&
   ! cmp -s "$tmp/out/0000-cover-letter.patch" "$TOP/patches/0000-cover-letter.patch"; then
	report changed 0000-cover-letter.patch
fi
if ! cmp -s "$tmp/out/series" "$TOP/patches/series" && [ $diffs = 0 ]; then
	report changed series
fi

if [ $check = 1 ]; then
	if [ $diffs -ne 0 ]; then
		msg "export-check: patches/ differs from $WORK_DIR in $diffs place(s) (run 'make export')"
		exit 1
	fi
	msg "export-check: patches/ matches $WORK_DIR ($(wc -l <"$tmp/out/series") patches)"
	exit 0
fi

if [ $diffs -eq 0 ]; then
	msg "export: no change ($(wc -l <"$tmp/out/series") patches)"
	exit 0
fi
find "$TOP/patches" -maxdepth 1 -name '*.patch' -delete
cp "$tmp"/out/*.patch "$TOP/patches/" 2>/dev/null || true
cp "$tmp/out/series" "$TOP/patches/series"
msg "export: wrote $(wc -l <"$tmp/out/series") patches to patches/"
