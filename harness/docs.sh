#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make docs: kernel-doc -none -Wall over every file the series adds or
# changes, then the mm documentation with Sphinx; fails on any warning
# about a file of the series.
. "$(dirname "$0")/lib.sh"

"$TOP/harness/deps.sh" python3-sphinx python3-sphinx-rtd-theme >/dev/null
"$TOP/harness/base.sh"
"$TOP/harness/apply.sh" >/dev/null

files=$(series_patches | while read -r p; do
	sed -n 's|^diff --git a/\(.*\) b/.*|\1|p' "$TOP/patches/$p"
done | sort -u)
fail=0

kdoc() {
	local f n=0
	for f in $files; do
		case $f in *.c | *.h) ;; *) continue ;; esac
		[ -f "$SRC_DIR/$f" ] || continue
		case $f in arch/* | drivers/* | tools/*) continue ;; esac
		n=$((n + 1))
		(cd "$SRC_DIR" && perl scripts/kernel-doc -none -Wall "$f") 2>&1
	done
	echo "kernel-doc: $n files checked"
}
step docs-kernel-doc kdoc || fail=1
if grep -v '^kernel-doc: ' "$LOGS/docs-kernel-doc.log" | grep -q .; then
	msg "kernel-doc warnings:"
	grep -v '^kernel-doc: ' "$LOGS/docs-kernel-doc.log" | sed 's/^/    | /'
	fail=1
fi

sphinx() {
	make -C "$SRC_DIR" O="$BUILD/docs" SPHINXDIRS=mm htmldocs
}
step docs-sphinx sphinx || fail=1
ours=$(echo "$files" | grep '^Documentation/' | sed 's|^Documentation/||')
bad=0
for f in $ours allocation-profiling; do
	if grep -E "(WARNING|ERROR)" "$LOGS/docs-sphinx.log" | grep -q "${f%.rst}"; then
		grep -E "(WARNING|ERROR)" "$LOGS/docs-sphinx.log" | grep "${f%.rst}" | sed 's/^/    | /'
		bad=1
	fi
done
[ $bad = 0 ] || fail=1
msg "docs: html in $BUILD/docs/Documentation/output/mm/"
exit $fail
