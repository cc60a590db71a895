#!/usr/bin/env python3
"""Compares a battc evaluation dump with a reference dump (canonical_ref.py).

The rule (DESIGN.md, Formats): where the reference says ok, battc must say ok
with an equal value; where the reference fails (error or timeout), battc must
fail (error or budget). Evaluations only one side has are reported too.

Usage: tools/compare_dumps.py REFERENCE.jsonl BATTC.jsonl [--show N]
Exit 0 when every evaluation of the reference agrees, else 1.
"""
import argparse
import json
import sys
from collections import Counter


def load(path):
    out = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            out[(r['task'], r['sample'], r['program'])] = r
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('reference')
    ap.add_argument('battc')
    ap.add_argument('--show', type=int, default=10, help='mismatches to print')
    args = ap.parse_args()
    ref, ours = load(args.reference), load(args.battc)
    kinds = Counter()
    shown = 0
    for key, r in sorted(ref.items()):
        o = ours.get(key)
        if o is None:
            kind = 'missing in battc'
        elif r['status'] == 'ok':
            if o['status'] != 'ok':
                kind = f"reference ok, battc {o['status']}"
            elif o.get('value') != r.get('value'):
                kind = 'different value'
            else:
                kind = 'agree'
        else:
            kind = 'agree' if o['status'] != 'ok' else f"reference {r['status']}, battc ok"
        kinds[kind] += 1
        if kind != 'agree' and shown < args.show:
            shown += 1
            print(f'{kind}: {key}', file=sys.stderr)
    extra = len(set(ours) - set(ref))
    finished = sum(1 for r in ref.values() if r['status'] != 'timeout')
    agree = kinds['agree']
    print(f'reference evaluations: {len(ref)} ({finished} finished), battc: {len(ours)}, only in battc: {extra}')
    for k, n in kinds.most_common():
        print(f'  {k}: {n}')
    print(f'agreement: {agree}/{len(ref)} = {100.0 * agree / max(1, len(ref)):.3f}%')
    fin_agree = agree  # evaluations the reference finished (ok or error) that agree
    fin = sum(1 for k, r in ref.items() if r['status'] != 'timeout')
    fin_agree -= sum(1 for k, r in ref.items() if r['status'] == 'timeout' and ours.get(k, {}).get('status') not in (None, 'ok'))
    print(f'agreement on finished evaluations: {fin_agree}/{fin} = {100.0 * fin_agree / max(1, fin):.3f}%')
    return 0 if agree == len(ref) and extra == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
