#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install what the harness needs, and only what is missing.  Idempotent: when
# everything is present it touches nothing (no apt-get update).
. "$(dirname "$0")/lib.sh"

PKGS=(
	build-essential flex bison bc libelf-dev libssl-dev cpio kmod xz-utils
	rsync python3 ccache busybox-static qemu-system-x86 dwarves perl
	gawk file patch git
)

installed() {
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		sudo "$@"
	else
		die "need root to run '$*': run as root, or give this user sudo, or install by hand: ${missing[*]}"
	fi
}

command -v dpkg-query >/dev/null ||
	die "this harness needs a Debian-based system (dpkg-query not found)"

# Targets that need more (make docs) name their packages as arguments.
PKGS+=("$@")
missing=()
for p in "${PKGS[@]}"; do
	installed "$p" || missing+=("$p")
done

# The base source: the pinned version if the archive has it.
have_base=$(dpkg-query -W -f='${Version}' "$BASE_PKG" 2>/dev/null || true)
want_base=
if [ "$have_base" != "$BASE_VERSION" ]; then
	want_base=$BASE_PKG
fi

if [ ${#missing[@]} -eq 0 ] && [ -z "$want_base" ]; then
	msg "deps: all present"
	exit 0
fi

msg "deps: installing ${missing[*]} ${want_base:+$BASE_PKG}"
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -q
if [ ${#missing[@]} -gt 0 ]; then
	as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ -n "$want_base" ]; then
	if apt-cache madison "$BASE_PKG" | awk '{print $3}' | grep -qxF "$BASE_VERSION"; then
		as_root apt-get install -y -q --no-install-recommends \
			--allow-downgrades "$BASE_PKG=$BASE_VERSION"
	else
		as_root apt-get install -y -q --no-install-recommends "$BASE_PKG"
		got=$(dpkg-query -W -f='${Version}' "$BASE_PKG")
		cat >&2 <<EOF

************************************************************************
WARNING: the archive no longer has $BASE_PKG $BASE_VERSION (pinned in
base.conf); installed $got instead.  The series must still apply with
zero fuzz; if a patch does not, the run stops and names it.
************************************************************************

EOF
	fi
fi
msg "deps: done"
