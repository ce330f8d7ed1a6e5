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

# Profiling state this kernel was built for (see configs/).
config_has_debug() {
	[ "$CONFIG" = debug ]
}
