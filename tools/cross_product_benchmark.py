#!/usr/bin/env python3
"""The whole cross product (every program on every task), as `battc run`
does it on this machine: wall time, run phase and peak memory.

Cases, each one `battc run --pairing all --jobs J` process (J: all cores
unless --jobs), after a warm-up run that fills the compile cache:
  decide  which program solves which task: --evaluate auto, which stops a
          program on a task at its first wrong train pair
  all     every evaluation: --evaluate all (what a report shows)
  dump    every evaluation with the dump (--dump-outputs), as golden tests run
With --cold, the compile of the unit in a fresh cache is timed first (one
process, --jobs J, so its parts compile on J cores). With --expect-dump, the
dump case's dump is compared with that file (battc diff --failures-equal)
and the script exits 1 when they differ. Times are whole processes (wall)
and battc's own --timing-json phases; memory is each process's peak RSS.

Usage:
  tools/cross_product_benchmark.py --programs PATH/TO/arc-dsl/solvers.py \\
      --tasks ../shared/arc/ARC-AGI-1/training [--jobs 2] [--cold] \\
      [--cases decide,all,dump] [--expect-dump golden.jsonl] [--json out.json]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from bench_common import argument_parser


def timed(cmd):
    """Runs cmd; returns (wall seconds, peak RSS in MB, stderr text)."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - t0
    if p.returncode != 0:
        sys.exit('battc failed (%d): %s\n%s' % (p.returncode, ' '.join(cmd), err[-3000:]))
    return wall, usage.ru_maxrss / 1024.0, err


def main():
    ap = argument_parser(__doc__)
    ap.add_argument('--programs', required=True)
    ap.add_argument('--tasks', required=True)
    ap.add_argument('--jobs', type=int, default=0, help='worker threads (0: all cores)')
    ap.add_argument('--cases', default='decide,all,dump')
    ap.add_argument('--cold', action='store_true', help='time the compile in a fresh cache first')
    ap.add_argument('--cache-dir', help='compile cache (default: a fresh one)')
    ap.add_argument('--expect-dump', help='a dump the dump case must agree with')
    ap.add_argument('--json', help='write the figures here')
    args = ap.parse_args()
    jobs = args.jobs or os.cpu_count()
    cases = [c for c in args.cases.split(',') if c]
    for c in cases:
        if c not in ('decide', 'all', 'dump'):
            sys.exit('unknown case %r (decide, all, dump)' % c)

    work = tempfile.mkdtemp(prefix='battc-cross-')
    figures = {'jobs': jobs, 'tasks': args.tasks, 'programs': args.programs}
    try:
        cache = args.cache_dir or os.path.join(work, 'cache')
        base = [args.battc, 'run', '--tasks', args.tasks, '--programs', args.programs, '--pairing', 'all',
                '--engine', 'unit', '--jobs', str(jobs), '--cache-dir', cache, '-q']
        if args.cold:
            wall, rss, _ = timed([args.battc, 'compile', '--programs', args.programs, '--cache-dir', cache])
            figures['cold_compile'] = {'wall': wall, 'peak_mb': rss}
            print(f'cold compile: {wall:.1f} s wall on {jobs} cores, peak {rss:.0f} MB')
        else:
            timed(base + ['--out', os.path.join(work, 'warm')])  # fills the cache
        for case in cases:
            out = os.path.join(work, case)
            timing = os.path.join(work, case + '.timing.json')
            cmd = base + ['--out', out, '--timing-json', timing]
            if case == 'decide':
                cmd += ['--evaluate', 'auto']
            elif case == 'all':
                cmd += ['--evaluate', 'all']
            else:
                cmd += ['--dump-outputs', os.path.join(work, 'dump.jsonl')]
            wall, rss, _ = timed(cmd)
            t = json.load(open(timing))
            results = json.load(open(os.path.join(out, 'results.json')))
            s = results['summary']
            row = {'wall': wall, 'run': t['phases']['run'], 'peak_mb': rss, 'evaluations': t['evaluations'],
                   'skipped': t.get('skipped', 0), 'tasks_solved': s['tasks_solved'], 'tasks': s['tasks'],
                   'slowest_0.1%_share': t.get('samples', {}).get('slowest_0.1%_share')}
            figures[case] = row
            share = row['slowest_0.1%_share']
            print(f'{case:6s}: wall {wall:.2f} s, run {row["run"]:.2f} s, peak {rss:.0f} MB, '
                  f'{row["evaluations"]} evaluations ({row["skipped"]} skipped), '
                  f'{row["tasks_solved"]}/{row["tasks"]} tasks solved'
                  + (f', slowest 0.1% of samples: {100 * share:.1f}% of sample time' if share is not None else ''))
        if args.expect_dump and 'dump' in cases:
            r = subprocess.run([args.battc, 'diff', '--failures-equal', args.expect_dump,
                                os.path.join(work, 'dump.jsonl')], stdout=subprocess.PIPE, text=True)
            print('dump against %s: %s' % (args.expect_dump, r.stdout.strip().splitlines()[-1] if r.stdout else '?'))
            figures['dump_agrees'] = r.returncode == 0
        if args.json:
            with open(args.json, 'w') as f:
                json.dump(figures, f, indent=2)
        if args.expect_dump and not figures.get('dump_agrees', True):
            return 1
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
