#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Extract the pinned base source once into build/base, read-only.
. "$(dirname "$0")/lib.sh"

stamp=$BASE_DIR.stamp
[ -f "$stamp" ] && [ -d "$BASE_DIR" ] && [ "$(cat "$stamp")" = "$BASE_SHA256" ] && exit 0

[ -f "$BASE_TARBALL" ] ||
	die "$BASE_TARBALL not found: run 'make deps' (package $BASE_PKG)"

have=$(dpkg-query -W -f='${Version}' "$BASE_PKG" 2>/dev/null || echo none)
sum=$(sha256sum "$BASE_TARBALL" | cut -d' ' -f1)
if [ "$sum" != "$BASE_SHA256" ]; then
	if [ "$have" = "$BASE_VERSION" ]; then
		die "$BASE_TARBALL has sha256 $sum, base.conf pins $BASE_SHA256 for $BASE_VERSION: the tarball is corrupt or was replaced"
	fi
	warn "base is $BASE_PKG $have, not the pinned $BASE_VERSION (sha256 $sum): building on it anyway"
fi

extract "$BASE_TARBALL" "$BASE_DIR" "$sum"
