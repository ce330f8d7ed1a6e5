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

# Warnings of kernel-doc -none -v (6.1's kernel-doc has -v where later ones
# have -Wall) for file $2 of tree $1, without line numbers.
kdoc_warnings() {
	[ -f "$1/$2" ] || return 0
	(cd "$1" && perl scripts/kernel-doc -none -v "$2") 2>&1 |
		grep ': warning: ' | sed -e 's/:[0-9]*: warning: /: warning: /' \
			-e "s/\\([a-z0-9_]\\)_noprof\\([('(]\\)/\\1\\2/g" | sort -u
}

# Only what the series adds counts: files it changes may have warnings of
# their own in the base.  A function the series renames foo_noprof() keeps
# the base's warnings about foo() (say, no Return: section): the names are
# compared without the suffix.
kdoc() {
	local f n=0
	for f in $files; do
		case $f in *.c | *.h) ;; *) continue ;; esac
		[ -f "$SRC_DIR/$f" ] || continue
		case $f in arch/* | drivers/* | tools/*) continue ;; esac
		n=$((n + 1))
		comm -13 <(kdoc_warnings "$BASE_DIR" "$f") \
			<(kdoc_warnings "$SRC_DIR" "$f")
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
# Documents the series adds must build without a warning.  (A build of one
# directory warns about the base's references to other directories, as in
# mm/index.rst; those are not the series'.)
ours=$(series_patches | while read -r p; do
	awk '/^diff --git/ { f = $3 } /^new file mode/ { print f }' "$TOP/patches/$p"
done | sed -n 's|^a/Documentation/||p')
bad=0
for f in $ours; do
	if grep -E "(WARNING|ERROR)" "$LOGS/docs-sphinx.log" | grep -q "$f"; then
		grep -E "(WARNING|ERROR)" "$LOGS/docs-sphinx.log" | grep "$f" | sed 's/^/    | /'
		bad=1
	fi
done
msg "docs: new documents checked: ${ours:-none}"
[ $bad = 0 ] || fail=1
msg "docs: html in $BUILD/docs/Documentation/output/mm/"
exit $fail
