#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# checkpatch --strict on every patch of the series: no errors, no warnings,
# no checks.  Prints one TAP-style line per patch; exit status 1 on any
# failure.
. "$(dirname "$0")/lib.sh"

"$TOP/harness/base.sh"
"$TOP/harness/apply.sh" >/dev/null
fail=0
while read -r p; do
	if out=$(cd "$SRC_DIR" && perl scripts/checkpatch.pl --strict --quiet --no-summary \
			--show-types "$TOP/patches/$p" 2>&1) && [ -z "$out" ]; then
		echo "ok - checkpatch $p"
	else
		echo "not ok - checkpatch $p"
		printf '%s\n' "$out" | sed 's/^/# /'
		fail=1
	fi
	subj=$(sed -n 's/^Subject: \[PATCH\] //p' "$TOP/patches/$p")
	if [ ${#subj} -gt 72 ]; then
		echo "not ok - subject of $p is ${#subj} characters (at most 72)"
		fail=1
	fi
done < <(series_patches)
exit $fail
