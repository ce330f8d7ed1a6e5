#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Upstream's implementation for make bench UPSTREAM=1: install Debian's
# linux-source-6.12 if missing and extract it once, read-only, to
# build/upstream.  Nothing else in the harness needs it.
. "$(dirname "$0")/lib.sh"

"$TOP/harness/deps.sh" "$UPSTREAM_PKG" >/dev/null ||
	die "installing $UPSTREAM_PKG failed (make bench UPSTREAM=1 needs it)"
[ -f "$UPSTREAM_TARBALL" ] ||
	die "$UPSTREAM_TARBALL not found although $UPSTREAM_PKG is installed"

have=$(dpkg-query -W -f='${Version}' "$UPSTREAM_PKG")
[ -f "$UPSTREAM_DIR.stamp" ] && [ -d "$UPSTREAM_DIR" ] &&
	[ "$(cat "$UPSTREAM_DIR.stamp")" = "$have" ] && exit 0
extract "$UPSTREAM_TARBALL" "$UPSTREAM_DIR" "$have"
