#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Host tests of tools/vm/allocinfo: build it from the patched tree (build/src,
# the source the series ships) with warnings as errors, then run every case.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
src=$top/build/src/tools/vm/allocinfo.c
out=$top/build/host
[ -f "$src" ] || { echo "not ok 1 - $src missing (series not applied?)"; exit 1; }
mkdir -p "$out"
gcc -O2 -Wall -Wextra -Werror -o "$out/allocinfo" "$src"
echo "ok - allocinfo builds with -Wall -Wextra -Werror"
exec sh "$here/cases.sh" "$out/allocinfo"
