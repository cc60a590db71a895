#!/usr/bin/env python3
"""battc search measured: leave-one-out rediscovery, and throughput.

Leave-one-out: for each of --n tasks (those whose solver in --programs is
shortest, ties by id), the task's own solver is taken out of the seeds and
`battc search` runs on that task alone for --minutes from the other seeds;
a task counts as found again when the search's attempts (its kept
programs chosen on train pairs alone, the test outputs hidden from it) are
right on every test output (the report's `verified`). Throughput: one `battc search`
over the whole task folder for --throughput-minutes with every seed,
evaluations per second and the share of each phase, from --report-json.

Usage:
  tools/search_benchmark.py --programs PATH/TO/arc-dsl/solvers.py \\
      --tasks ../shared/arc/ARC-AGI-1/training [--n 10] [--minutes 1] \\
      [--skip 0] [--throughput-minutes 5] [--seed 1] [--battc build/battc] [--json out.json]
"""
import json
import os
import shutil
import tempfile

from bench_common import argument_parser, run_for_json, split_programs


def search(battc, tasks, programs, store, minutes, seed, extra, report):
    cmd = [battc, 'search', '--tasks', tasks, '--programs', programs, '--store', store, '--minutes', str(minutes),
           '--seed', str(seed), '--report-json', report, '-q'] + extra
    return run_for_json(cmd, report)


def main():
    ap = argument_parser(__doc__)
    ap.add_argument('--programs', required=True)
    ap.add_argument('--tasks', required=True, help='a folder of task files')
    ap.add_argument('--n', type=int, default=10)
    ap.add_argument('--skip', type=int, default=0, help='leave out the first K tasks of that order (harder ones)')
    ap.add_argument('--minutes', type=float, default=1.0)
    ap.add_argument('--throughput-minutes', type=float, default=5.0)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--json')
    a = ap.parse_args()

    with open(a.programs) as f:
        programs = split_programs(f.read())
    ids = {f[:-5] for f in os.listdir(a.tasks) if f.endswith('.json')}
    solvers = {n[len('solve_'):]: src for n, src in programs.items() if n.startswith('solve_') and n[6:] in ids}
    length = {t: src.count('\n') for t, src in solvers.items()}
    chosen = sorted(solvers, key=lambda t: (length[t], t))[a.skip:a.skip + a.n]
    out = {'leave_one_out': [], 'throughput': None}
    tmp = tempfile.mkdtemp(prefix='battc-search-bench-')
    try:
        found = 0
        for t in chosen:
            d = os.path.join(tmp, t)
            os.makedirs(os.path.join(d, 'task'))
            shutil.copy(os.path.join(a.tasks, t + '.json'), os.path.join(d, 'task'))
            seeds = os.path.join(d, 'seeds.py')
            with open(seeds, 'w') as f:
                f.write('\n\n'.join(src for n, src in programs.items() if n != 'solve_' + t))
            r = search(a.battc, os.path.join(d, 'task'), seeds, os.path.join(d, 'store.db'), a.minutes, a.seed,
                       ['--tasks-per-round', '1', '--parents', '16', '--mutants', '8'], os.path.join(d, 'r.json'))
            hit = r['verified'] > 0
            found += hit
            row = {'task': t, 'solver_lines': length[t], 'found': hit, 'rounds': r['rounds'],
                   'candidates': r['candidates'], 'evaluations': r['evaluations'], 'seconds': r['seconds']}
            out['leave_one_out'].append(row)
            print('%s (%d-line solver): %-9s %4d rounds, %7d candidates, %8d evaluations, %.0f s'
                  % (t, length[t], 'FOUND' if hit else 'not found', r['rounds'], r['candidates'], r['evaluations'],
                     r['seconds']), flush=True)
        print('leave-one-out: %d of %d tasks found again (%.1f min each, seed %d)' % (found, len(chosen), a.minutes,
                                                                                      a.seed))
        if a.throughput_minutes > 0:
            r = search(a.battc, a.tasks, a.programs, os.path.join(tmp, 'all.db'), a.throughput_minutes, a.seed, [],
                       os.path.join(tmp, 'all.json'))
            share = {k: v / r['seconds'] for k, v in r['phases'].items()}
            out['throughput'] = r
            print('throughput: %d rounds, %d evaluations in %.0f s = %.0f evaluations/s; phases: %s'
                  % (r['rounds'], r['evaluations'], r['seconds'], r['evaluations_per_second'],
                     ', '.join('%s %.0f%%' % (k, 100 * v) for k, v in share.items())))
        if a.json:
            with open(a.json, 'w') as f:
                json.dump(out, f, indent=2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
