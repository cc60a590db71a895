#!/usr/bin/env python3
"""What each generator pass saves: the run phase of one batt with every pass
on, against the same batt with one pass turned off, on the same samples.

Each configuration is `battc run --pairing all --jobs J` over the first N
tasks (the batt cross product: every program on every sample), timed by the
run phase of --timing-json; compile time is left out (a shared cache makes
repeated configurations hits). Each configuration runs --repeat times and
the fastest run counts. The pass report (--report-json of battc generate)
says how much each pass changed.

Usage:
  tools/pass_benchmark.py --programs PATH/TO/solvers_pre.py [--programs differs.py] \\
      --tasks ../shared/arc/ARC-AGI-1/training [--max-tasks 40] [--repeat 3] [--jobs 1] \\
      [--battc build/battc] [--json OUT]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from bench_common import argument_parser


def subset(tasks, n, into):
    names = sorted(f for f in os.listdir(tasks) if f.endswith('.json'))[:n or None]
    for f in names:
        shutil.copy(os.path.join(tasks, f), into)
    return len(names)


def battc(args, cmd):
    return subprocess.run([args.battc] + cmd, capture_output=True, text=True)


def run_phase(args, work, tasks, disabled):
    """The fastest run phase (s) and the evaluation count, with `disabled` passes off."""
    best, evals = None, 0
    for r in range(args.repeat):
        timing = os.path.join(work, 'timing.json')
        cmd = ['run', '--tasks', tasks, '--pairing', 'all', '--jobs', str(args.jobs), '-q',
               '--out', os.path.join(work, 'out'), '--timing-json', timing, '--cache-dir', os.path.join(work, 'cache')]
        for p in args.programs:
            cmd += ['--programs', p]
        for p in disabled:
            cmd += ['--disable-pass', p]
        res = battc(args, cmd)
        if res.returncode not in (0, 1):
            sys.exit(f'battc run failed ({res.returncode}):\n{res.stderr[-2000:]}')
        t = json.load(open(timing))
        run_s = t['phases']['run'] if 'phases' in t else t['run']
        evals = t.get('evaluations', evals)
        best = run_s if best is None else min(best, run_s)
    return best, evals


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argument_parser(__doc__)
    ap.add_argument('--programs', action='append', required=True)
    ap.add_argument('--tasks', required=True, help='a folder of task files')
    ap.add_argument('--max-tasks', type=int, default=40, help='first N tasks by name (0: all)')
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--jobs', type=int, default=1)
    ap.add_argument('--json', help='write the figures here')
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix='battc-passes-')
    try:
        tasks = os.path.join(work, 'tasks')
        os.mkdir(tasks)
        n = subset(args.tasks, args.max_tasks, tasks)
        report_path = os.path.join(work, 'report.json')
        gen = ['generate', '--report-json', report_path, '-o', os.path.join(work, 'batt.cpp')]
        for p in args.programs:
            gen += ['--programs', p]
        battc(args, gen)
        report = json.load(open(report_path))
        passes = battc(args, ['run', '--help']).stdout
        names = [p for p in ('fuse_objects', 'hoist_s_invariant') if p in passes]
        base, evals = run_phase(args, work, tasks, [])
        rows = [{'disabled': None, 'run_s': base}]
        print(f'{n} tasks, {evals} evaluations per run, {report["programs"]} programs, '
              f'best of {args.repeat}, --jobs {args.jobs}')
        print(f'report: hoisted_s_invariant {report["hoisted_s_invariant"]}, fused_object_groups '
              f'{report["fused_object_groups"]}, merged_duplicates {report["merged_duplicates"]}')
        print(f'{"configuration":<28}{"run (s)":>10}{"us/eval":>10}{"saved by the pass":>20}')
        print(f'{"all passes":<28}{base:>10.3f}{1e6 * base / max(evals, 1):>10.2f}{"":>20}')
        for p in names:
            t, _ = run_phase(args, work, tasks, [p])
            rows.append({'disabled': p, 'run_s': t})
            saved = (t - base) / t * 100 if t > 0 else 0.0
            print(f'{"without " + p:<28}{t:>10.3f}{1e6 * t / max(evals, 1):>10.2f}{saved:>19.1f}%')
        if args.json:
            json.dump({'tasks': n, 'evaluations': evals, 'report': report, 'runs': rows}, open(args.json, 'w'), indent=2)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
