# SPDX-License-Identifier: GPL-2.0
# Helpers for guest tests (busybox sh).  A test is one file in tests/guest/;
# it exits 0 on success, 77 to skip (last line says why), anything else on
# failure, after saying what went wrong.

fail() {
	echo "FAIL: $*"
	exit 1
}

skip() {
	echo "$*"
	exit 77
}

# expect_eq WHAT GOT WANT
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

# The configuration this guest kernel was built from (default, debug, off...).
guest_config() {
	. /etc/guest.conf
	echo "$CONFIG"
}

# The sites of /proc/allocinfo (or of a copy on stdin): lines without the
# two counter columns.
allocinfo_sites() {
	tail -n +3 "${1:--}" | sed -E 's/^ *-?[0-9]+ +[0-9]+ //'
}

# The variant of that configuration ("" or what harness/check.sh names it:
# built with options added, e.g. fewer spare page flag bits).
guest_variant() {
	. /etc/guest.conf
	echo "${VARIANT:-}"
}

# Profiling state this kernel was built for (see configs/).
config_has_debug() {
	[ "$CONFIG" = debug ]
}

# site FUNC: "bytes calls" summed over the /proc/allocinfo lines of FUNC.
site() {
	awk -v f="func:$1" '$NF == f || $(NF-1) == f { b += $1; c += $2 }
		END { printf "%d %d\n", b, c }' /proc/allocinfo
}

# wait_file PATH: wait up to 30 s for PATH to appear.
wait_file() {
	local i=0
	while [ ! -e "$1" ]; do
		i=$((i + 1))
		[ $i -le 300 ] || return 1
		sleep 0.1
	done
}

# settle FUNC WANT: wait up to 5 s for site FUNC to read WANT (frees can
# be a little late: per-CPU page lists, RCU); print what it reads.
settle() {
	local i=0 v
	while :; do
		v=$(site "$1")
		[ "$v" = "$2" ] && break
		i=$((i + 1))
		[ $i -le 50 ] || break
		sleep 0.1
	done
	echo "$v"
}

# near FUNC WANT: wait up to 5 s for the bytes of site FUNC to be within
# 256 KiB of the bytes in WANT ("bytes calls"); fail otherwise.  For sites
# shared with every process (anonymous faults), where other processes'
# pages come and go; the tests' own allocations are far larger.
near() {
	local i=0 v want=${2% *} d
	while :; do
		v=$(site "$1")
		d=$((${v% *} - want))
		[ "$d" -lt 0 ] && d=$((-d))
		[ "$d" -le 262144 ] && return 0
		i=$((i + 1))
		[ $i -le 50 ] || fail "site $1: '$v', want bytes near $want"
		sleep 0.1
	done
}
