#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""kunit-results.py JSON [SUITE...]: print one TAP-style line per KUnit case
from the JSON of 'kunit.py parse --json', and a 'not ok' line for each
expected SUITE that did not run.  Exit status 1 on any failure."""
import json
import sys


def walk(group, path, out):
    for case in group.get("test_cases", []):
        out.append(("/".join(path + [case["name"]]), case["status"]))
    for sub in group.get("sub_groups", []):
        walk(sub, path + [sub["name"]], out)


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    cases = []
    walk(data, [], cases)
    suites_run = {name.split("/")[0] for name, _ in cases}
    bad = 0
    for name, status in cases:
        if status == "PASS":
            print(f"ok - kunit {name}")
        elif status == "SKIP":
            print(f"ok - kunit {name} # SKIP")
        else:
            print(f"not ok - kunit {name} ({status})")
            bad += 1
    for suite in sys.argv[2:]:
        if suite not in suites_run:
            print(f"not ok - kunit suite {suite} did not run")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
