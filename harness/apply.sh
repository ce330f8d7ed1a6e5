#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Make build/src = build/base + patches/series, with zero fuzz.
#
# build/src is a hard-linked copy of the read-only base; GNU patch replaces a
# file rather than writing into it, so the base is never modified.  When the
# series changes, only the files the old and new series touch are restored
# and re-patched, and a file whose content comes out unchanged keeps its old
# timestamp, so the O= build directories stay incremental.
. "$(dirname "$0")/lib.sh"

stamp=$SRC_DIR.stamp
touched=$SRC_DIR.touched
want=$(series_hash)

[ -d "$SRC_DIR" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && exit 0

files_of() { # the files a patch touches
	sed -n 's|^diff --git a/\(.*\) b/.*|\1|p' "$1"
}

# Check every patch exists before touching the tree.
while read -r p; do
	[ -f "$TOP/patches/$p" ] || die "patches/series lists '$p' but patches/$p does not exist"
done < <(series_patches)

if [ ! -d "$SRC_DIR" ]; then
	msg "src: linking base into $SRC_DIR"
	mkdir -p "$(dirname "$SRC_DIR")"
	cp -al "$BASE_DIR" "$SRC_DIR.tmp"
	find "$SRC_DIR.tmp" -type d -exec chmod u+w {} +
	mv "$SRC_DIR.tmp" "$SRC_DIR"
	: >"$touched"
fi
rm -f "$stamp"

# Save what the previous series produced, then put the base back.
saved=$SRC_DIR.saved
rm -rf "$saved"
mkdir -p "$saved"
if [ -f "$touched" ]; then
	while read -r f; do
		if [ -e "$SRC_DIR/$f" ]; then
			mkdir -p "$saved/$(dirname "$f")"
			cp -p "$SRC_DIR/$f" "$saved/$f"
		fi
		rm -f "$SRC_DIR/$f"
		# A copy, not a link: it must look new to make (the base's
		# timestamp is older than any object built from the patched
		# file); unchanged content gets its old timestamp back below.
		if [ -e "$BASE_DIR/$f" ]; then
			cp "$BASE_DIR/$f" "$SRC_DIR/$f"
			chmod u+w "$SRC_DIR/$f"
		fi
	done <"$touched"
fi

: >"$touched.new"
n=0
while read -r p; do
	n=$((n + 1))
	files_of "$TOP/patches/$p" >>"$touched.new"
	if ! out=$(cd "$SRC_DIR" && patch -p1 -F0 -N -s --dry-run <"$TOP/patches/$p" 2>&1); then
		# Keep the touched list so that the next run restores these files.
		sort -u "$touched" "$touched.new" -o "$touched"
		printf 'error: patch %d of the series, %s, does not apply to %s:\n' \
			"$n" "$p" "$SRC_DIR" >&2
		printf '%s\n' "$out" | sed 's/^/    /' >&2
		exit 1
	fi
	(cd "$SRC_DIR" && patch -p1 -F0 -N -s --no-backup-if-mismatch <"$TOP/patches/$p") >/dev/null
done < <(series_patches)

# Unchanged content keeps its old timestamp.
sort -u "$touched.new" -o "$touched.new"
sort -u "$touched" "$touched.new" | while read -r f; do
	if [ -f "$saved/$f" ] && [ -f "$SRC_DIR/$f" ] && cmp -s "$saved/$f" "$SRC_DIR/$f"; then
		touch -r "$saved/$f" "$SRC_DIR/$f"
	fi
done
mv "$touched.new" "$touched"
rm -rf "$saved"
echo "$want" >"$stamp"
msg "src: base + $n patches"
