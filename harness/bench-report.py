#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""bench-report.py OUT DATE: results.csv, results.md and overhead.svg from
the guest outputs build/bench/bench-MODE-CLOCK.out."""
import os
import sys

MODES = ['baseline', 'never', '0', '1', 'page_owner', 'slub_debug']
LABEL = {'baseline': 'baseline', 'never': 'series, never', '0': 'series, 0',
         '1': 'series, 1', 'page_owner': 'page_owner=on',
         'slub_debug': 'slub_debug=U'}


def parse(path):
    r = {'op': {}, 'mem': {}, 'read': {}, 'pageext': 0, 'pages': 0}
    if not os.path.exists(path):
        return r
    for line in open(path, errors='replace'):
        f = line.split()
        if not f:
            continue
        if f[0] == 'op:' and len(f) == 3:
            r['op'][f[1]] = float(f[2])
        elif f[0] == 'mem:' and len(f) >= 3:
            r['mem'][f[1].rstrip(':')] = int(f[2])
        elif f[0] == 'pageext:':
            r['pageext'] = int(f[1])
        elif f[0] == 'pages:':
            r['pages'] = int(f[1])
        elif f[0] == 'read:' and len(f) == 4:
            r['read'][int(f[1])] = (int(f[2]), int(f[3]))
    return r


def main():
    out, date = sys.argv[1], sys.argv[2]
    res = {m: {c: parse(f'{out}/bench-{m}-{c}.out') for c in ('icount', 'wall')}
           for m in MODES}
    ops = list(res['baseline']['icount']['op'])
    with open(f'{out}/results.csv', 'w') as f:
        f.write('mode,benchmark,icount_ns_per_op,wall_ns_per_op\n')
        for m in MODES:
            for o in ops:
                f.write(f"{m},{o},{res[m]['icount']['op'].get(o, '')},"
                        f"{res[m]['wall']['op'].get(o, '')}\n")
    base = res['baseline']['icount']['op']
    md = [f'Measured {date} with `make bench` (one vCPU, qemu -icount '
          'shift=0,sleep=off: instructions per operation; TCG wall time in '
          'results.csv).', '',
          '| benchmark | ' + ' | '.join(LABEL[m] for m in MODES) + ' |',
          '|---|' + '---|' * len(MODES)]
    for o in ops:
        cells = []
        for m in MODES:
            v = res[m]['icount']['op'].get(o)
            if v is None:
                cells.append('-')
            elif m == 'baseline':
                cells.append(f'{v:.0f}')
            else:
                cells.append(f'{v:.0f} ({v / base[o]:.3f}x, {v - base[o]:+.0f})')
        md.append(f'| {o} | ' + ' | '.join(cells) + ' |')
    md += ['', 'Memory after boot (kB) and page_ext:', '',
           '| mode | MemTotal | MemFree | Slab | Percpu | page_ext bytes/page |',
           '|---|---|---|---|---|---|']
    for m in MODES:
        r = res[m]['icount']
        pe = r['pageext'] / r['pages'] if r['pages'] else 0
        md.append(f"| {LABEL[m]} | {r['mem'].get('MemTotal', '-')} | "
                  f"{r['mem'].get('MemFree', '-')} | {r['mem'].get('Slab', '-')} | "
                  f"{r['mem'].get('Percpu', '-')} | {pe:.1f} |")
    rd = res['1']['icount']['read']
    if rd:
        md += ['', 'Full read of /proc/allocinfo (series, booted 1):', '',
               '| module call sites added | lines | ns per read | ns per line |',
               '|---|---|---|---|']
        for n in sorted(rd):
            ns, lines = rd[n]
            md.append(f'| {n} | {lines} | {ns} | {ns / max(lines, 1):.0f} |')
    open(f'{out}/results.md', 'w').write('\n'.join(md) + '\n')

    # A bar chart of the extra instructions per operation over baseline.
    modes = [m for m in MODES if m != 'baseline']
    w, bh, gap = 900, 12, 10
    rows = len(ops) * (len(modes) * bh + gap)
    h = rows + 60
    vals = [res[m]['icount']['op'].get(o, 0) - base[o] for o in ops for m in modes]
    top = max([v for v in vals if v > 0] + [1])
    colors = ['#4c72b0', '#55a868', '#c44e52', '#8172b2', '#ccb974']
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
           'font-family="sans-serif" font-size="11">',
           f'<text x="10" y="16" font-size="13">Extra instructions per '
           f'operation over baseline ({date}; log scale)</text>']
    import math
    y = 30
    for o in ops:
        svg.append(f'<text x="10" y="{y + bh}">{o}</text>')
        for k, m in enumerate(modes):
            v = res[m]['icount']['op'].get(o, 0) - base[o]
            bw = 0 if v <= 0 else 500 * math.log10(1 + v) / math.log10(1 + top)
            svg.append(f'<rect x="220" y="{y}" width="{bw:.1f}" height="{bh - 2}" '
                       f'fill="{colors[k]}"/>')
            svg.append(f'<text x="{224 + bw:.1f}" y="{y + bh - 3}">'
                       f'{LABEL[m]}: {v:+.0f}</text>')
            y += bh
        y += gap
    svg.append('</svg>')
    open(f'{out}/overhead.svg', 'w').write('\n'.join(svg) + '\n')


if __name__ == '__main__':
    main()
