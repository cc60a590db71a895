#!/usr/bin/env python3
"""battc's CUDA backend against its CPU backend: the cross product of a
program file over a task set (--pairing all), compile time reported apart
from run time (battc run --timing-json).

Both backends run the same batt on the same samples, every evaluation
(--evaluate all: the CPU would otherwise stop a solver at its first wrong
train pair, the GPU never does):
  cpu:  battc run --backend cpu  [--jobs N] --engine E
  cuda: battc run --backend cuda --engine E (the CPU engine's compile is a
        cache hit by then; the GPU's compile is cold unless --cache-dir holds
        it). E (--engine, default specs): specs runs the GPU's device specs
        engine (the batt as data over device spec packs), unit the batt's
        CUDA unit.
With --check-dumps both write the evaluation dump and the script says
whether they are byte for byte equal (they must be). --json FILE writes the
figures printed (tools/gpu_check.sh keeps them).

Without a usable GPU the script says so (battc's own reason) and reports the
CPU backend alone.

Usage:
  tools/gpu_benchmark.py --programs PATH/TO/solvers.py \\
      --tasks ../shared/arc/ARC-AGI-1/training [--max-tasks 20] [--jobs 0] \\
      [--battc build/battc] [--engine specs|unit] [--cache-dir DIR] [--gpu-arena-kb N] [--gpu-item-work N]
      [--check-dumps] [--json FILE]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from bench_common import argument_parser


def subset(tasks, n, into):
    names = sorted(f for f in os.listdir(tasks) if f.endswith('.json'))
    if n:
        names = names[:n]
    for f in names:
        shutil.copy(os.path.join(tasks, f), into)
    return len(names)


def run_battc(args, tasks, work, backend, cache, extra):
    """One `battc run`; returns (exit code, stderr, timing json or None, wall s)."""
    out = os.path.join(work, 'out-' + backend)
    timing = os.path.join(work, 'timing-' + backend + '.json')
    cmd = [args.battc, 'run', '--tasks', tasks, '--programs', args.programs, '--pairing', 'all',
           '--backend', backend, '--evaluate', 'all', '--cache-dir', cache, '--out', out, '--timing-json', timing,
           '-q'] + extra
    if args.check_dumps:
        cmd += ['--dump-outputs', os.path.join(work, 'dump-' + backend + '.jsonl')]
    t0 = time.time()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.time() - t0
    tj = json.load(open(timing)) if p.returncode == 0 and os.path.exists(timing) else None
    return p.returncode, p.stderr, tj, wall


def line(name, tj, wall):
    ev = tj['evaluations']
    run = tj['phases']['run']
    split = tj.get('compile_split', {})
    comp = tj['phases']['compile']
    hit = ', cache hit' if tj.get('compile_cache_hit') else ''
    parts = f'host {split.get("host", comp):.1f} s'
    if split.get('cuda'):
        parts += f', cuda {split["cuda"]:.1f} s'
    print(f'{name:5s} {ev} evaluations, run {run:.3f} s = {1e6 * run / max(1, ev):.2f} us/evaluation'
          f' (compile {comp:.1f} s: {parts}{hit}; whole command {wall:.1f} s)')


def figures(tj, wall):
    """What `line` prints, as JSON."""
    ev = tj['evaluations']
    run = tj['phases']['run']
    return {'evaluations': ev, 'run_s': run, 'us_per_evaluation': 1e6 * run / max(1, ev),
            'compile_s': tj['phases']['compile'], 'compile_split': tj.get('compile_split', {}),
            'compile_cache_hit': bool(tj.get('compile_cache_hit')), 'command_s': wall}


def write_json(path, fig):
    if path:
        with open(path, 'w') as f:
            json.dump(fig, f, indent=1)


def main():
    ap = argument_parser(__doc__)
    ap.add_argument('--programs', required=True)
    ap.add_argument('--tasks', required=True, help='a folder of task files')
    ap.add_argument('--max-tasks', type=int, default=20, help='first N tasks by name (0: all)')
    ap.add_argument('--jobs', type=int, default=0, help='CPU threads (0: all cores)')
    ap.add_argument('--gpu-arena-kb', type=int, default=0, help="arena per GPU work item (KiB; 0: battc's default)")
    ap.add_argument('--gpu-item-work', type=int, default=-1,
                    help="work units a GPU work item may spend before the CPU takes it over (0: no cap; "
                         "default: battc's)")
    ap.add_argument('--cache-dir', help='battc compile cache (default: a fresh one, so compiles are cold)')
    ap.add_argument('--check-dumps', action='store_true', help='dump both and compare them byte for byte')
    ap.add_argument('--json', help='write the figures to this file')
    ap.add_argument('--engine', choices=['specs', 'unit'], default='specs',
                    help='the engine of both runs: on the GPU, the device specs engine (specs) or the CUDA unit (unit)')
    args = ap.parse_args()
    fig = {}

    work = tempfile.mkdtemp(prefix='battc-gpu-bench-')
    try:
        tasks = os.path.join(work, 'tasks')
        os.mkdir(tasks)
        n_tasks = subset(args.tasks, args.max_tasks, tasks)
        cache = args.cache_dir or os.path.join(work, 'cache')
        print(f'tasks: {n_tasks}, programs: {args.programs}')
        fig.update(tasks=n_tasks, programs=args.programs, engine=args.engine)
        engine = ['--engine', args.engine]

        rc, err, cpu, cpu_wall = run_battc(args, tasks, work, 'cpu', cache, ['--jobs', str(args.jobs)] + engine)
        if rc != 0:
            sys.exit(f'battc run --backend cpu failed (exit {rc}):\n{err}')
        line('cpu', cpu, cpu_wall)
        fig['cpu'] = figures(cpu, cpu_wall)

        arena = ['--gpu-arena-kb', str(args.gpu_arena_kb)] if args.gpu_arena_kb else []
        if args.gpu_item_work >= 0:
            arena += ['--gpu-item-work', str(args.gpu_item_work)]
        rc, err, gpu, gpu_wall = run_battc(args, tasks, work, 'cuda', cache,
                                           ['--jobs', str(args.jobs)] + engine + arena)
        if rc == 2 and 'no usable GPU' in err:
            why = err.strip().splitlines()[-1].split('no usable GPU: ', 1)[-1]
            print(f'cuda: NOT RUN, no usable GPU: {why}')
            fig['cuda'] = {'not_run': 'no usable GPU: ' + why}
            return
        if rc != 0:
            sys.exit(f'battc run --backend cuda failed (exit {rc}):\n{err}')
        line('cuda', gpu, gpu_wall)
        fig['cuda'] = figures(gpu, gpu_wall)
        g = gpu.get('gpu', {})
        fig['cuda']['gpu'] = g
        print(f'      {g.get("engine", "cuda unit")}: {g.get("devices")} device(s), {g.get("rounds")} round(s), {g.get("launches")} launch(es);'
              f' {g.get("fallback_evaluations")} evaluations in {g.get("fallback_samples")} samples re-run on the CPU'
              f' ({g.get("cpu_rerun_seconds", 0):.3f} s); device {g.get("device_seconds", 0):.3f} s;'
              f' {g.get("bytes_up", 0) / 1e6:.1f} MB up, {g.get("bytes_down", 0) / 1e6:.1f} MB down')
        ratio = cpu['phases']['run'] / max(1e-12, gpu['phases']['run'])
        print(f'run-phase speed-up (cpu / cuda): {ratio:.2f}x')
        fig['speedup_run_cpu_over_cuda'] = ratio
        if args.check_dumps:
            same = open(os.path.join(work, 'dump-cpu.jsonl'), 'rb').read() == \
                open(os.path.join(work, 'dump-cuda.jsonl'), 'rb').read()
            print('dumps: ' + ('identical' if same else 'DIFFERENT'))
            fig['dumps_identical'] = same
            if not same:
                sys.exit(1)
    finally:
        write_json(args.json, fig)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
