# SPDX-License-Identifier: GPL-2.0
# Common helpers for the harness scripts.  Source it; do not run it.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$TOP/build
LOGS=$BUILD/logs
# shellcheck source=../base.conf
. "$TOP/base.conf"

BASE_DIR=$BUILD/base
# Upstream's implementation, for make bench UPSTREAM=1 only.
UPSTREAM_PKG=linux-source-6.12
UPSTREAM_TARBALL=/usr/src/linux-source-6.12.tar.xz
UPSTREAM_DIR=$BUILD/upstream
SRC_DIR=${SRC_DIR:-$BUILD/src}
WORK_DIR=${WORK_DIR:-$BUILD/work}
OBJ_ROOT=$BUILD/obj
JOBS=${JOBS:-$(nproc)}

mkdir -p "$LOGS"

msg()  { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Seconds since the epoch, for step timings.
now() { date +%s; }

# step NAME CMD...: run CMD with its output in build/logs/NAME.log.  Prints a
# line when it starts and one with the elapsed time when it ends; on failure
# prints the last TAIL (default 40) lines of the log and returns the status.
step() {
	local name=$1 log=$LOGS/$1.log t0 rc=0
	shift
	t0=$(now)
	msg "==> $name: started ($(date +%H:%M:%S))"
	"$@" >"$log" 2>&1 || rc=$?
	if [ "$rc" -eq 0 ]; then
		msg "<== $name: done in $(($(now) - t0))s"
	else
		msg "<== $name: FAILED (status $rc) after $(($(now) - t0))s; log: $log"
		tail -n "${TAIL:-40}" "$log" | sed 's/^/    | /'
	fi
	return "$rc"
}

# The patches listed in patches/series, one per line, comments dropped.
# SERIES_LIMIT=N keeps only the first N (make bisect).
series_patches() {
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$TOP/patches/series" |
		head -n "${SERIES_LIMIT:-1000000}"
}

# A hash of everything that goes into build/src: base version and the series.
series_hash() {
	{
		echo "$BASE_SHA256"
		series_patches | while read -r p; do
			echo "$p"
			cat "$TOP/patches/$p"
		done
	} | sha256sum | cut -d' ' -f1
}

# extract TARBALL DIR STAMP-VALUE: unpack a kernel source tarball into DIR,
# read-only, and record STAMP-VALUE in DIR.stamp (written last: an
# interrupted extraction is redone).
extract() {
	msg "extracting $1 into $2"
	rm -rf "$2" "$2.tmp" "$2.stamp"
	mkdir -p "$2.tmp"
	tar -xJf "$1" -C "$2.tmp" --strip-components=1
	chmod -R a-w "$2.tmp"
	mv "$2.tmp" "$2"
	echo "$3" >"$2.stamp"
}

# Configurations and their source tree: baseline builds the pristine base,
# upstream* Debian's 6.12 (make bench UPSTREAM=1), the others the series.
config_src() {
	case $1 in
	baseline) echo "$BASE_DIR" ;;
	upstream*) echo "$UPSTREAM_DIR" ;;
	*) echo "$SRC_DIR" ;;
	esac
}

valid_config() {
	[ -f "$TOP/configs/$1.config" ] ||
		die "unknown configuration '$1' (have: $(cd "$TOP/configs" && ls ./*.config | sed 's|^\./||; s|\.config$||' | grep -v '^guest$' | tr '\n' ' '))"
}

# Lines of a serial console log that mean the kernel is unhappy.
BAD_CONSOLE='WARNING:|BUG:|Oops|KASAN:|kmemleak: .*(suspected memory leak|unreferenced object|Cannot|disabled|[Uu]nknown object)|Bad page|Kernel panic|general protection fault|INFO: task .* blocked'
console_problems() {
	grep -E "$BAD_CONSOLE" "$1" || true
}
