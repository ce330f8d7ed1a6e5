#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""bench-report.py OUT DATE: results.csv, results.md and overhead.svg from
the guest outputs build/bench/bench-MODE-CLOCK.out."""
import os
import sys

MODES = ['baseline', 'never', '0', '1', '0c', '1c', 'page_owner', 'slub_debug']
# make bench UPSTREAM=1: Debian's 6.12 without and with the feature.
UP_MODES = ['up-base', 'up-never', 'up-0', 'up-1']
LABEL = {'baseline': 'baseline', 'never': 'series, never', '0': 'series, 0',
         '1': 'series, 1', '0c': 'series, 0,compressed',
         '1c': 'series, 1,compressed', 'page_owner': 'page_owner=on',
         'slub_debug': 'slub_debug=U', 'up-base': '6.12 without',
         'up-never': '6.12, never', 'up-0': '6.12, 0', 'up-1': '6.12, 1'}
# The page paths, where compressed references replace page_ext lookups.
PAGE_OPS = ['alloc_pages_free_order0', 'alloc_pages_free_order3']
# The benchmarks the "half of upstream's extra" target applies to.
HALF_TARGET = ['kmalloc_free_8_240', 'kmem_cache_alloc_free_64',
               'alloc_pages_free_order0', 'alloc_pages_free_order3',
               'vmalloc_vfree_16k']


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
        elif f[0] == 'read:' and len(f) in (4, 5):
            # sites ns-per-read lines [bytes]
            r['read'][int(f[1])] = tuple(int(x) for x in f[2:]) + (0,) * (5 - len(f))
    return r


def table(res, modes, ref, ops):
    """Instructions per operation; each mode against the reference mode."""
    md = ['| benchmark | ' + ' | '.join(LABEL[m] for m in modes) + ' |',
          '|---|' + '---|' * len(modes)]
    base = res[ref]['icount']['op']
    for o in ops:
        cells = []
        for m in modes:
            v = res[m]['icount']['op'].get(o)
            if v is None or o not in base:
                cells.append('-')
            elif m == ref:
                cells.append(f'{v:.0f}')
            else:
                cells.append(f'{v:.0f} ({v / base[o]:.3f}x, {v - base[o]:+.0f})')
        md.append(f'| {o} | ' + ' | '.join(cells) + ' |')
    return md


def extra(res, mode, ref, o):
    a = res[mode]['icount']['op'].get(o)
    b = res[ref]['icount']['op'].get(o)
    return None if a is None or b is None else a - b


def extra_rows(res, ops, first, second):
    """Table rows: the extra of two (mode, reference) pairs, and their
    ratio."""
    rows = []
    for o in ops:
        a, b = extra(res, *first, o), extra(res, *second, o)
        if a is None or b is None:
            continue
        rel = f'{a / b:.2f}' if b > 0 else '-'
        rows.append(f'| {o} | {a:+.0f} | {b:+.0f} | {rel} |')
    return rows


def targets(res, ops, up):
    """The targets of the benchmark issue, each with its figure."""
    md = ['| target | figure | met |', '|---|---|---|']

    def row(what, fig, ok):
        md.append(f'| {what} | {fig} | {"yes" if ok else "no"} |')

    base = res['baseline']['icount']['op']
    for m in ('never', '0'):
        worst = max(ops, key=lambda o: res[m]['icount']['op'].get(o, 0) / base[o])
        r = res[m]['icount']['op'].get(worst, 0) / base[worst]
        row(f'series booted {m}: at most +1% on every benchmark',
            f'worst {worst} {r:.3f}x', r <= 1.01)
    if up:
        for o in HALF_TARGET:
            ours, theirs = extra(res, '1', 'baseline', o), extra(res, 'up-1', 'up-base', o)
            if ours is None or theirs is None:
                continue
            row(f'enabled, {o}: extra at most half of upstream\'s',
                f'{ours:+.0f} vs 6.12 {theirs:+.0f} ({ours / theirs:.2f})',
                ours <= theirs / 2)
    r = res['never']['icount']
    row('booted never: no page_ext', f"{r['pageext']} bytes", r['pageext'] == 0)
    for m in ('0c', '1c'):
        r = res[m]['icount']
        row(f'booted {LABEL[m][8:]}: no page_ext', f"{r['pageext']} bytes",
            r['pageext'] == 0)
    for o in PAGE_OPS:
        a, c = extra(res, '1', 'baseline', o), extra(res, '1c', 'baseline', o)
        if a is None or c is None:
            continue
        row(f'enabled, {o}: compressed costs less than page_ext',
            f'{c:+.0f} vs {a:+.0f}', c < a)
    r = res['1']['icount']
    pe = r['pageext'] / r['pages'] if r['pages'] else 0
    row('booted 1: page_ext at most 8 bytes per page (all of it, not only '
        'the tags\' share)', f'{pe:.1f}', round(pe, 1) <= 8)
    rd = r['read']
    if 0 in rd and 20000 in rd:
        a = rd[0][0] / rd[0][1]
        b = rd[20000][0] / rd[20000][1]
        fig = f'{b:.0f} / {a:.0f} ns = {b / a:.2f}x'
        if rd[0][2] and rd[20000][2]:
            # The generated modules' lines are longer (absolute paths of
            # an out-of-tree build): the cost per byte tells them apart.
            fig += (f' (per byte {rd[20000][0] / rd[20000][2]:.1f} / '
                    f'{rd[0][0] / rd[0][2]:.1f} ns)')
        row('allocinfo read: per line at 20,000 module tags within 1.2x of '
            'the base tags', fig, b / a <= 1.2)
    return md


def compressed(res):
    """Page tag references in page_ext against compressed in page->flags:
    the page paths' extra instructions and the memory page_ext took."""
    md = ['', 'Page tag references in page_ext (booted 1) and compressed in '
          'page->flags (booted 1,compressed), side by side in this run: extra '
          'instructions per alloc+free over baseline, and memory (under '
          'icount an instruction is an instruction: the cache misses a '
          'page_ext lookup costs on hardware are not counted):', '',
          '| benchmark | compressed | page_ext | compressed / page_ext |',
          '|---|---|---|---|']
    md += extra_rows(res, PAGE_OPS, ('1c', 'baseline'), ('1', 'baseline'))
    p, c = res['1']['icount'], res['1c']['icount']
    if p['pages'] and c['pages']:
        md.append(f"| page_ext bytes per page | {c['pageext'] / c['pages']:.1f} "
                  f"| {p['pageext'] / p['pages']:.1f} | |")
    # Booted 0 and 0,compressed: neither has the read benchmark's modules
    # in its initramfs, so MemFree differs by page_ext alone.
    p, c = res['0']['icount']['mem'], res['0c']['icount']['mem']
    if 'MemFree' in p and 'MemFree' in c:
        md.append(f"| MemFree after boot, booted 0 (kB) | {c['MemFree']} | "
                  f"{p['MemFree']} | {c['MemFree'] - p['MemFree']:+d} kB |")
    return md


def reads(res, mode):
    rd = res[mode]['icount']['read']
    if not rd:
        return []
    md = ['', f'Full read of /proc/allocinfo ({LABEL[mode]}):', '',
          '| module call sites added | lines | bytes | ns per read | ns per line '
          '| ns per byte |', '|---|---|---|---|---|---|']
    for n in sorted(rd):
        ns, lines, size = rd[n]
        per_byte = f'{ns / size:.1f}' if size else '-'
        md.append(f'| {n} | {lines} | {size} | {ns} | {ns / max(lines, 1):.0f} '
                  f'| {per_byte} |')
    return md


def main():
    out, date = sys.argv[1], sys.argv[2]
    up = os.path.exists(f'{out}/bench-up-base-icount.out') and \
        os.environ.get('UPSTREAM', '0') == '1'
    modes = MODES + (UP_MODES if up else [])
    res = {m: {c: parse(f'{out}/bench-{m}-{c}.out') for c in ('icount', 'wall')}
           for m in modes}
    ops = list(res['baseline']['icount']['op'])
    with open(f'{out}/results.csv', 'w') as f:
        f.write('mode,benchmark,icount_ns_per_op,wall_ns_per_op\n')
        for m in modes:
            for o in ops:
                f.write(f"{m},{o},{res[m]['icount']['op'].get(o, '')},"
                        f"{res[m]['wall']['op'].get(o, '')}\n")
    md = [f'Measured {date} with `make bench{" UPSTREAM=1" if up else ""}` '
          '(one vCPU, qemu -icount shift=0,sleep=off: instructions per '
          'operation, with the ratio and the difference to the reference; '
          'TCG wall time in results.csv).', '']
    md += table(res, MODES, 'baseline', ops)
    if up:
        md += ['', "Upstream's implementation (Debian's linux-source-6.12, the "
               'same configuration fragments), against 6.12 without the '
               'feature:', '']
        md += table(res, UP_MODES, 'up-base', ops)
        md += ['', 'Extra instructions per operation, enabled (series booted 1 '
               'over baseline; 6.12 booted 1 over 6.12 without):', '',
               '| benchmark | series | 6.12 | series / 6.12 |', '|---|---|---|---|']
        md += extra_rows(res, ops, ('1', 'baseline'), ('up-1', 'up-base'))
    md += ['', 'Memory after boot (kB) and all of page_ext per page (page_owner '
           'adds its data and page_ext\'s flags word):', '',
           '| mode | MemTotal | MemFree | Slab | Percpu | page_ext bytes/page |',
           '|---|---|---|---|---|---|']
    for m in modes:
        r = res[m]['icount']
        pe = r['pageext'] / r['pages'] if r['pages'] else 0
        md.append(f"| {LABEL[m]} | {r['mem'].get('MemTotal', '-')} | "
                  f"{r['mem'].get('MemFree', '-')} | {r['mem'].get('Slab', '-')} | "
                  f"{r['mem'].get('Percpu', '-')} | {pe:.1f} |")
    md += compressed(res)
    md += reads(res, '1')
    if up:
        md += reads(res, 'up-1')
    md += ['', 'Targets:', ''] + targets(res, ops, up)
    open(f'{out}/results.md', 'w').write('\n'.join(md) + '\n')
    svg(out, date, res, ops, up)


def svg(out, date, res, ops, up):
    """A bar chart of the extra instructions per operation over the
    reference (baseline; 6.12 without the feature for 6.12's modes)."""
    import math
    modes = [m for m in MODES if m != 'baseline']
    if up:
        modes += [m for m in UP_MODES if m != 'up-base']
    ref = {m: 'up-base' if m.startswith('up-') else 'baseline' for m in modes}
    w, bh, gap = 900, 12, 10
    h = len(ops) * (len(modes) * bh + gap) + 60
    vals = [extra(res, m, ref[m], o) or 0 for o in ops for m in modes]
    top = max([v for v in vals if v > 0] + [1])
    colors = ['#4c72b0', '#55a868', '#c44e52', '#8172b2', '#ccb974',
              '#64b5cd', '#8c8c8c', '#dd8452', '#937860']
    out_svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
               'font-family="sans-serif" font-size="11">',
               f'<text x="10" y="16" font-size="13">Extra instructions per '
               f'operation over the kernel without the feature ({date}; log '
               'scale)</text>']
    y = 30
    for o in ops:
        out_svg.append(f'<text x="10" y="{y + bh}">{o}</text>')
        for k, m in enumerate(modes):
            v = extra(res, m, ref[m], o) or 0
            bw = 0 if v <= 0 else 500 * math.log10(1 + v) / math.log10(1 + top)
            out_svg.append(f'<rect x="220" y="{y}" width="{bw:.1f}" '
                           f'height="{bh - 2}" fill="{colors[k % len(colors)]}"/>')
            out_svg.append(f'<text x="{224 + bw:.1f}" y="{y + bh - 3}">'
                           f'{LABEL[m]}: {v:+.0f}</text>')
            y += bh
        y += gap
    out_svg.append('</svg>')
    open(f'{out}/overhead.svg', 'w').write('\n'.join(out_svg) + '\n')


if __name__ == '__main__':
    main()
