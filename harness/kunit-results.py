#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""kunit-results.py KUNIT_PY CONSOLE_LOG OUT_PREFIX [SUITE...]

Find the KUnit results in a serial console log and print one TAP-style line
per test case, plus a 'not ok' line for each expected SUITE that did not
run.  Exit status 1 on any failure.

Suites built into the kernel print one KTAP document at boot.  Suites in a
module print when the module is loaded, later in the log and without the
top-level header; each run of such suites is wrapped into a document of its
own.  Every document is parsed by the tree's own 'kunit.py parse'."""
import json
import os
import re
import subprocess
import sys

STAMP = re.compile(r'^\[\s*\d+\.\d+\] ?')
TOP_RESULT = re.compile(r'^(ok|not ok) (\d+) (.*)$')
PLAN = re.compile(r'^1\.\.(\d+)$')


def documents(lines):
    """Yield KTAP documents (lists of lines without timestamps)."""
    lines = [STAMP.sub('', l.rstrip('\r\n')) for l in lines]
    i = 0
    n = len(lines)
    # The executor's document at boot: header, plan, that many suites.
    while i < n and lines[i] not in ('KTAP version 1', 'TAP version 14'):
        i += 1
    if i < n:
        start = i
        i += 1
        want = int(PLAN.match(lines[i]).group(1)) if i < n and PLAN.match(lines[i]) else 0
        i += 1
        done = 0
        while i < n and done < want:
            if TOP_RESULT.match(lines[i]):
                done += 1
            i += 1
        yield lines[start:i]
    # Suites of modules: indented blocks, each closed by a top-level result.
    while i < n:
        if lines[i] != '    KTAP version 1':
            i += 1
            continue
        block = []
        suites = 0
        while i < n:
            if lines[i] == '    KTAP version 1' or lines[i].startswith('    '):
                block.append(lines[i])
            m = TOP_RESULT.match(lines[i])
            if m:
                suites += 1
                block.append(f'{m.group(1)} {suites} {m.group(3)}')
                # Another suite of the same module may follow at once.
                if i + 1 < n and lines[i + 1] == '    KTAP version 1':
                    i += 1
                    continue
                i += 1
                break
            i += 1
        yield ['KTAP version 1', f'1..{suites}'] + block


def walk(group, path, out):
    for case in group.get('test_cases', []):
        out.append(('/'.join(path + [case['name']]), case['status']))
    for sub in group.get('sub_groups', []):
        walk(sub, path + [sub['name']], out)


def main():
    kunit_py, log, prefix = sys.argv[1:4]
    expected = sys.argv[4:]
    with open(log, errors='backslashreplace') as f:
        docs = list(documents(f))
    cases = []
    bad = 0
    for k, doc in enumerate(docs):
        if doc[:2] == ['KTAP version 1', '1..0']:
            continue
        ktap = os.path.abspath(f'{prefix}.{k}.ktap')
        js = os.path.abspath(f'{prefix}.{k}.json')
        with open(ktap, 'w') as f:
            f.write('\n'.join(doc) + '\n')
        subprocess.run([sys.executable, kunit_py, 'parse', f'--json={js}', ktap],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with open(js) as f:
                data = json.load(f)
        except (OSError, ValueError):
            print(f'not ok - kunit results in {ktap} could not be parsed')
            bad += 1
            continue
        walk(data, [], cases)
    suites_run = {name.split('/')[0] for name, _ in cases}
    for name, status in cases:
        if status == 'PASS':
            print(f'ok - kunit {name}')
        elif status == 'SKIP':
            print(f'ok - kunit {name} # SKIP')
        else:
            print(f'not ok - kunit {name} ({status})')
            bad += 1
    for suite in expected:
        if suite not in suites_run:
            print(f'not ok - kunit suite {suite} did not run')
            bad += 1
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
