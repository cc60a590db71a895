#!/usr/bin/env python3
"""battc against the Python reference: the cross product of a program file
over a task set, one core each, time per evaluation and the ratio.

Both sides run the same programs on the same samples (--pairing all):
  reference: canonical_ref.py with the reference DSL (CPython, one process)
  battc:     battc run --jobs 1 (the run phase from --timing-json; compile
             time is reported apart)
Evaluations the reference stops at its timeout are counted at the timeout.

Tasks: the first --max-tasks by name, or with --smallest N the N tasks with
the fewest cells in all (the "small tasks" comparison, where per-evaluation
overhead matters most and no reference evaluation reaches the timeout).

Usage:
  tools/benchmark.py --battc build/battc --dsl PATH/TO/arc-dsl \\
      --programs PATH/TO/solvers.py --tasks ../shared/arc/ARC-AGI-1/training \\
      [--max-tasks 20 | --smallest 6] [--timeout 5] [--ref-script ../shared/reference/canonical_ref.py]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from bench_common import argument_parser


def task_cells(path):
    t = json.load(open(path))
    return sum(len(g) * len(g[0]) if g else 0
               for pairs in (t.get('train', []), t.get('test', [])) for p in pairs for g in p.values())


def subset(tasks, n, into, smallest=0):
    names = sorted(f for f in os.listdir(tasks) if f.endswith('.json'))
    if smallest:
        names = sorted(names, key=lambda f: (task_cells(os.path.join(tasks, f)), f))[:smallest]
    elif n:
        names = names[:n]
    for f in names:
        shutil.copy(os.path.join(tasks, f), into)
    return len(names)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argument_parser(__doc__)
    ap.add_argument('--dsl', required=True, help='folder of the reference dsl.py')
    ap.add_argument('--programs', required=True)
    ap.add_argument('--tasks', required=True, help='a folder of task files')
    ap.add_argument('--max-tasks', type=int, default=20, help='first N tasks by name (0: all)')
    ap.add_argument('--smallest', type=int, default=0, help='the N tasks with the fewest cells instead')
    ap.add_argument('--timeout', type=float, default=5.0)
    ap.add_argument('--ref-script', default=os.path.join(here, '..', '..', 'shared', 'reference', 'canonical_ref.py'))
    ap.add_argument('--cache-dir', help='battc compile cache (default: a fresh one, so compile is cold)')
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix='battc-bench-')
    try:
        tasks = os.path.join(work, 'tasks')
        os.mkdir(tasks)
        n_tasks = subset(args.tasks, args.max_tasks, tasks, args.smallest)

        # battc, one job; a fresh cache makes the compile cold
        cache = args.cache_dir or os.path.join(work, 'cache')
        timing = os.path.join(work, 'timing.json')
        t0 = time.time()
        subprocess.run([args.battc, 'run', '--tasks', tasks, '--programs', args.programs, '--pairing', 'all',
                        '--evaluate', 'all', '--jobs', '1', '--cache-dir', cache, '--out', os.path.join(work, 'out'),
                        '--timing-json', timing, '-q'], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        battc_wall = time.time() - t0
        tj = json.load(open(timing))
        b_evals = tj['evaluations']
        b_run = tj['phases']['run']

        # the reference, one process
        dump = os.path.join(work, 'ref.jsonl')
        t0 = time.time()
        subprocess.run([sys.executable, args.ref_script, '--dsl', args.dsl, '--programs', args.programs,
                        '--tasks', tasks, '--pairing', 'all', '--timeout', str(args.timeout), '--out', dump],
                       check=True, stderr=subprocess.DEVNULL)
        ref_s = time.time() - t0
        statuses = [json.loads(l)['status'] for l in open(dump)]
        r_evals = len(statuses)
        r_timeouts = statuses.count('timeout')

        print(f'tasks: {n_tasks}, programs: {args.programs}')
        print(f'battc:     {b_evals} evaluations, run {b_run:.3f} s on 1 core = {1e6 * b_run / max(1, b_evals):.1f} us/evaluation'
              f' (compile {tj["phases"]["compile"]:.1f} s{", cache hit" if tj.get("compile_cache_hit") else ""}, whole command {battc_wall:.1f} s)')
        print(f'reference: {r_evals} evaluations in {ref_s:.1f} s = {1e6 * ref_s / max(1, r_evals):.1f} us/evaluation'
              f' ({r_timeouts} stopped at the {args.timeout:g} s timeout)')
        finished_s = ref_s - r_timeouts * args.timeout
        if r_evals > r_timeouts:
            print(f'           without the timed-out ones: {1e6 * finished_s / (r_evals - r_timeouts):.1f} us/evaluation')
        ratio = (ref_s / max(1, r_evals)) / max(1e-12, b_run / max(1, b_evals))
        print(f'ratio (reference / battc, per evaluation): {ratio:.0f}x')
        if r_evals > r_timeouts:
            ratio2 = (finished_s / (r_evals - r_timeouts)) / max(1e-12, b_run / max(1, b_evals))
            print(f'ratio without the reference timeouts: {ratio2:.0f}x')
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
