#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Create build/work: a git tree of the base (commit tagged 'base') with one
# commit per entry of patches/series.
. "$(dirname "$0")/lib.sh"

if [ -d "$WORK_DIR/.git" ] && [ "${FORCE:-0}" != 1 ]; then
	if ! "$TOP/harness/export-check.sh" >/dev/null 2>&1 ||
	   [ -n "$(git -C "$WORK_DIR" status --porcelain --untracked-files=no)" ]; then
		die "$WORK_DIR has work that is not in patches/ (run 'make export', or FORCE=1 to throw it away)"
	fi
fi

msg "work: copying base into $WORK_DIR"
rm -rf "$WORK_DIR"
cp -a "$BASE_DIR" "$WORK_DIR"
chmod -R u+w "$WORK_DIR"
cd "$WORK_DIR"
git init -q
git config user.name "$(git -C "$TOP" config user.name || echo 'allocprof')"
git config user.email "$(git -C "$TOP" config user.email || echo 'allocprof@localhost')"
git config core.abbrev 12
git config gc.auto 0
msg "work: committing base ($BASE_PKG $BASE_VERSION)"
git add -A -f
GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' \
	git commit -q -m "base: $BASE_PKG $BASE_VERSION" -m "sha256 $BASE_SHA256"
git tag base
# Debian's tarball .gitignore ignores every top-level entry ('/*'), which
# would hide new files from 'git status' and 'git add'.  Drop those lines in
# the work tree only: skip-worktree keeps the edit out of every commit.
git update-index --skip-worktree .gitignore
sed -i -e '/^\/\*$/d' -e '/^!\/debian\/$/d' .gitignore

n=0
while read -r p; do
	n=$((n + 1))
	if ! git am -q --no-3way --whitespace=nowarn "$TOP/patches/$p"; then
		git am --abort || true
		die "patch $n of the series, $p, does not apply in $WORK_DIR (see the hunk above)"
	fi
done < <(series_patches)
msg "work: base + $n commits; edit there, then 'make export'"
