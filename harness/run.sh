#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make run: build CONFIG (default: default), boot it, run CMD in the guest
# (default: show the top of /proc/allocinfo and switch vm.mem_profiling off
# and on), print its output, power off.  Exit status: the command's.
. "$(dirname "$0")/lib.sh"

name=${CONFIG:-default}
valid_config "$name"
step deps "$TOP/harness/deps.sh" || exit 1
"$TOP/harness/build.sh" "$name"

export CMD=${CMD:-sh /guest/show.sh}
tag=run-$name
rc=0
msg "==> boot $name: $CMD"
t0=$(now)
"$TOP/harness/qemu.sh" "$name" cmd "$tag" || rc=$?
msg "<== boot $name: guest exit status $rc after $(($(now) - t0))s (console log: $LOGS/$tag.console.log)"
bad=$(console_problems "$LOGS/$tag.console.log")
if [ -n "$bad" ]; then
	msg "the kernel log has warnings:"
	printf '%s\n' "$bad" | head -n 20 | sed 's/^/    | /'
	[ "$rc" -ne 0 ] || rc=1
fi
exit "$rc"
