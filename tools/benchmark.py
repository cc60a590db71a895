#!/usr/bin/env python3
"""battc against CPython on the same evaluations: arc-dsl's solvers called
in-process, and battc's run phase, one core each, time per evaluation.

The work: every solver of --programs on every sample (train and test) of a
task set, the batt cross product. Two sets, picked here:
  spread  20 ARC-AGI-1 training tasks of mixed sizes: the 400 tasks sorted by
          their total cell count (train and test grids, inputs and outputs;
          ties by id), then the middle task of each twentieth (indices 10,
          30, ..., 390 of the sorted list)
  six     3bdb4ada 6430c8c4 794b24be 1fad071e 3de23699 ae3edfdc

CPython: this process imports arc-dsl's dsl.py (from --dsl) and the programs
file, pins itself to one core, and calls each solver on each sample input
(the grid as arc-dsl's tuple of tuples), timing each call alone: wall time
by time.perf_counter around the call, and the thread's CPU time, which shows
how much of the wall time went to other work on the core; nothing is encoded
or written. A call is capped at --cap seconds of CPU time (SIGPROF through
setitimer(ITIMER_PROF), armed before the clocks start); one that hits the
cap, or ends after it, is *capped*. The default, 10 s: on these sets only
solve_d22278a0 goes past it (34.6, 21.5 and 10.6 s on the largest samples of
the spread set); the next slowest evaluation is solve_6aa20dc0's 6.2 s.
Caps of 1 s or 5 s split solvers with samples near them (solve_a64e4611
0.94 s, solve_91413438 1.03 s, solve_6aa20dc0 4.9 to 6.2 s), and which of
them were left out, with much of the CPython time, changed from run to run.
battc: `battc run --pairing all --evaluate all --jobs 1 --engine unit`,
pinned to the same core, after an unpinned warm-up run that compiles the unit
into the cache; the figure is --timing-json's phases.run (median of
--repeat runs).

Capped evaluations are left out of both sides by leaving out their solvers:
a solver capped on any sample of the set is dropped from the CPython figure
(all its samples) and from the programs file battc runs, so both sides time
the same (solver, sample) pairs, checked by battc's evaluation count. So is
a solver that battc stops at its work budget on some sample (the warm-up
run's results.json says which): CPython finishes those evaluations, battc
gives up early, which is not the same work. The dropped solvers are named
in the output.

A few solvers take most of CPython's time (the output names the slowest and
their share), so a second comparison, on the same CPython timings and a
second battc run, leaves out the --also-without-slowest K (default 5)
solvers slowest in CPython: how much the ratio owes to them.

By default the CPython side runs arc-dsl as it is (frozensets in CPython's
hash order). --canonical loads it through the reference's loader
(canonical_ref.py: sets iterate in canonical order, as battc's do), the
semantics battc follows, which is slower.

Usage:
  tools/benchmark.py --dsl PATH/TO/arc-dsl [--programs PATH/TO/solvers.py] \\
      [--arc ../shared/arc/ARC-AGI-1/training] [--sets spread,six] [--cap 10] \\
      [--core N] [--repeat 3] [--also-without-slowest 5] [--canonical] [--json figures.json]
"""
import importlib.util
import json
import os
import platform
import shutil
import signal
import statistics
import sys
import tempfile
import time

from bench_common import argument_parser, run_for_json, split_programs

SIX = ['3bdb4ada', '6430c8c4', '794b24be', '1fad071e', '3de23699', 'ae3edfdc']


# ---------------------------------------------------------------- tasks --

def task_cells(path):
    with open(path) as f:
        t = json.load(f)
    return sum(len(g) * len(g[0]) if g else 0
               for part in ('train', 'test') for pair in t.get(part, []) for g in pair.values())


def spread_tasks(folder, n=20):
    """The middle task of each of n equal bands of the tasks sorted by cells."""
    names = sorted(f[:-5] for f in os.listdir(folder) if f.endswith('.json'))
    names.sort(key=lambda t: (task_cells(os.path.join(folder, t + '.json')), t))
    band = len(names) // n
    return [names[k * band + band // 2] for k in range(n)]


def task_set(name, folder):
    if name == 'spread':
        return spread_tasks(folder)
    if name == 'six':
        return list(SIX)
    sys.exit('unknown set %r (spread, six)' % name)


def load_samples(folder, ids):
    """[(task, sample, input grid as a tuple of tuples)] in battc's order."""
    out = []
    for tid in ids:
        with open(os.path.join(folder, tid + '.json')) as f:
            t = json.load(f)
        for part in ('train', 'test'):
            for i, pair in enumerate(t[part]):
                out.append((tid, f'{part}/{i}', tuple(tuple(r) for r in pair['input'])))
    return out


# -------------------------------------------------------------- CPython --

def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_solvers(dsl, programs, canonical_ref=None):
    """[(name, function)] of the programs file's solve_* functions, by name."""
    sys.path.insert(0, os.path.abspath(dsl))
    if canonical_ref:
        ref = load_module('_canonical_ref', canonical_ref)
        for extra in ('arc_types', 'constants', 'dsl'):
            p = os.path.join(dsl, extra + '.py')
            if os.path.exists(p):
                ref.load_canonical_module(extra, p)
        module = ref.load_canonical_module('_bench_programs', programs)
    else:
        module = load_module('_bench_programs', programs)
    return sorted((n, f) for n, f in vars(module).items()
                  if n.startswith('solve_') and callable(f) and getattr(f, '__module__', '') == module.__name__)


class Capped(BaseException):
    """Raised by the cap's timer; a BaseException so no `except Exception`
    eats it."""


def _alarm(signum, frame):
    raise Capped()


def time_cpython(solvers, samples, cap):
    """{solver: [(wall seconds, 'ok' | 'error' | 'capped', CPU seconds)]}
    over the samples. The cap is on CPU time (ITIMER_PROF), so other work on
    the core does not decide which calls are capped."""
    old = signal.signal(signal.SIGPROF, _alarm)
    clock, cpu = time.perf_counter, time.thread_time
    out = {}
    try:
        for name, fn in solvers:
            rows = out[name] = []
            for _, _, grid in samples:
                status = 'ok'
                signal.setitimer(signal.ITIMER_PROF, cap)
                t0, c0 = clock(), cpu()
                try:
                    fn(grid)
                except Capped:
                    status = 'capped'
                except Exception:
                    status = 'error'
                t1, c1 = clock(), cpu()
                signal.setitimer(signal.ITIMER_PROF, 0)
                if c1 - c0 >= cap:
                    status = 'capped'
                rows.append((t1 - t0, status, c1 - c0))
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)
    return out


def on_core(core, fn, *args):
    """fn(*args) with this process pinned to one core."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {core})
    try:
        return fn(*args)
    finally:
        os.sched_setaffinity(0, before)


# ---------------------------------------------------------------- battc --

def battc_command(args, tasks, programs, work):
    return [args.battc, 'run', '--tasks', tasks, '--programs', programs, '--pairing', 'all',
            '--evaluate', 'all', '--jobs', '1', '--engine', 'unit', '--cache-dir', os.path.join(work, 'cache'),
            '--out', os.path.join(work, 'out'), '--timing-json', os.path.join(work, 'timing.json'), '-q']


def results_json(work):
    with open(os.path.join(work, 'out', 'results.json')) as f:
        return json.load(f)


def battc_budget_stops(args, tasks, programs, work):
    """The warm-up run (unpinned; it compiles the unit into the cache): the
    programs battc stopped at its work budget on some sample."""
    run_for_json(battc_command(args, tasks, programs, work), os.path.join(work, 'timing.json'))
    return {p for task in results_json(work)['tasks'].values()
            for p, r in task['programs'].items() if 'budget' in r['status']}


def battc_runs(args, tasks, programs, work, core):
    """--repeat timed runs on one core, the unit cached: ([phases.run
    seconds], the last run's timing JSON, its results summary)."""
    pinned = ['taskset', '-c', str(core)] + battc_command(args, tasks, programs, work)
    runs = []
    for _ in range(args.repeat):
        tj = run_for_json(pinned, os.path.join(work, 'timing.json'))
        if not tj.get('compile_cache_hit'):
            sys.exit('battc compiled again in a timed run: ' + ' '.join(pinned))
        runs.append(tj['phases']['run'])
    return runs, tj, results_json(work)['summary']


def write_programs(path, names, into):
    """The programs file holding only `names` (the same text per solver)."""
    with open(path) as f:
        defs = split_programs(f.read())
    missing = [n for n in names if n not in defs]
    if missing:
        sys.exit('solvers not found as top-level defs in %s: %s' % (path, ', '.join(missing)))
    with open(into, 'w') as f:
        f.write('\n\n'.join(defs[n].rstrip() for n in names) + '\n')


# ---------------------------------------------------------------- bench --

def counts(rows):
    c = {'ok': 0, 'error': 0, 'capped': 0}
    for row in rows:
        c[row[1]] += 1
    return c


def compare(args, ids, times, kept, core):
    """CPython's figures for the `kept` solvers from `times`, and battc's run
    of the same solvers on the same tasks: one comparison, and the solvers
    it kept. Solvers battc stops at its work budget on some sample are left
    out of both sides first (CPython finishes those evaluations, battc gives
    up early)."""
    work = tempfile.mkdtemp(prefix='battc-bench-')
    stopped = set()
    try:
        tasks = os.path.join(work, 'tasks')
        os.mkdir(tasks)
        for tid in ids:
            shutil.copy(os.path.join(args.arc, tid + '.json'), tasks)
        programs = os.path.join(work, 'programs.py')
        while True:
            write_programs(args.programs, kept, programs)
            now = battc_budget_stops(args, tasks, programs, work) & set(kept)
            if not now:
                break
            stopped |= now
            kept = [n for n in kept if n not in now]
        runs, tj, summary = battc_runs(args, tasks, programs, work, core)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = [r for n in kept for r in times[n]]
    if tj['evaluations'] != len(rows) or tj.get('skipped'):
        sys.exit(f'battc ran {tj["evaluations"]} evaluations ({tj.get("skipped")} skipped), '
                 f'CPython {len(rows)}: not the same work')
    c_s = sum(r[0] for r in rows)
    b_run = statistics.median(runs)
    c = {'solvers': len(kept), 'evaluations': len(rows), 'budget_stopped': sorted(stopped),
         'cpython': {'seconds': c_s, 'us_per_evaluation': 1e6 * c_s / len(rows),
                     'cpu_seconds': sum(r[2] for r in rows), **counts(rows)},
         'battc': {'run_seconds': runs, 'run_median': b_run, 'us_per_evaluation': 1e6 * b_run / len(rows),
                   'ok': summary.get('ok'), 'error': summary.get('error'), 'budget': summary.get('budget')}}
    c['ratio'] = c['cpython']['us_per_evaluation'] / max(1e-9, c['battc']['us_per_evaluation'])
    return c, kept


def bench_set(args, set_name, solvers, core):
    """The CPython pass over a set, then battc on the same evaluations; with
    --also-without-slowest K, a second comparison without the K solvers that
    took CPython longest on the set."""
    ids = task_set(set_name, args.arc)
    samples = load_samples(args.arc, ids)
    load = os.getloadavg()
    times = on_core(core, time_cpython, solvers, samples, args.cap)
    dropped = sorted(n for n, rows in times.items() if any(r[1] == 'capped' for r in rows))
    main, kept = compare(args, ids, times, [n for n, _ in solvers if n not in dropped], core)
    by_time = sorted(((sum(r[0] for r in times[n]), n) for n in kept), reverse=True)
    fig = {'set': set_name, 'tasks': ids, 'samples': len(samples), 'solvers': len(solvers),
           'cap_s': args.cap, 'core': core, 'loadavg_before': load,
           'capped_evaluations': sum(counts(r)['capped'] for r in times.values()),
           'dropped_solvers': dropped, 'slowest_solvers': by_time[:max(5, args.also_without_slowest)],
           'all': main}
    if args.also_without_slowest:
        slow = {n for _, n in by_time[:args.also_without_slowest]}
        fig['without_slowest'] = compare(args, ids, times, [n for n in kept if n not in slow], core)[0]
    fig['loadavg_after'] = os.getloadavg()
    return fig


def report_comparison(c, python, what):
    p, b = c['cpython'], c['battc']
    print(f"  {what}: {c['evaluations']} evaluations ({c['solvers']} solvers x samples)")
    if c['budget_stopped']:
        print(f"    left out on both sides, battc stopped them at its work budget: {' '.join(c['budget_stopped'])}")
    print(f"    {python}: {p['seconds']:.2f} s = {p['us_per_evaluation']:.1f} us/evaluation "
          f"(ok {p['ok']}, error {p['error']}; CPU time {p['cpu_seconds']:.2f} s, the rest went to other work)")
    runs = ', '.join(f'{s:.4f}' for s in b['run_seconds'])
    print(f"    battc run phase: {b['run_median']:.4f} s (median of {runs}) = {b['us_per_evaluation']:.2f} "
          f"us/evaluation (ok {b['ok']}, error {b['error']}, budget {b['budget']})")
    print(f"    ratio (CPython / battc, per evaluation): {c['ratio']:.0f}x")


def report(f, python):
    print(f"set {f['set']}: {len(f['tasks'])} tasks ({' '.join(f['tasks'])}), {f['samples']} samples, "
          f"{f['solvers']} solvers; core {f['core']}, load average {f['loadavg_before'][0]:.2f} before, "
          f"{f['loadavg_after'][0]:.2f} after")
    print(f"  capped at {f['cap_s']:g} s of CPU time: {f['capped_evaluations']} evaluations of "
          f"{len(f['dropped_solvers'])} solvers, left out on both sides with all their samples: "
          f"{' '.join(f['dropped_solvers']) or 'none'}")
    total = f['all']['cpython']['seconds']
    slow = ', '.join(f'{n} {s:.1f} s' for s, n in f['slowest_solvers'])
    print(f"  slowest in CPython: {slow} "
          f"({100 * sum(s for s, _ in f['slowest_solvers']) / total:.0f}% of its time)")
    report_comparison(f['all'], python, 'every solver that both sides finish')
    if 'without_slowest' in f:
        n = f['all']['solvers'] - f['without_slowest']['solvers']
        report_comparison(f['without_slowest'], python, f'without the {n} slowest in CPython')


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argument_parser(__doc__)
    ap.add_argument('--dsl', required=True, help="folder of arc-dsl's dsl.py, constants.py, arc_types.py")
    ap.add_argument('--programs', help='solvers file (default: solvers.py in --dsl)')
    ap.add_argument('--arc', default=os.path.join(here, '..', '..', 'shared', 'arc', 'ARC-AGI-1', 'training'),
                    help='ARC-AGI-1 training tasks folder')
    ap.add_argument('--sets', default='spread,six', help='task sets to run: spread, six')
    ap.add_argument('--cap', type=float, default=10.0, help='per-evaluation cap on the CPython side, CPU seconds')
    ap.add_argument('--core', type=int, help='the core both sides run on (default: the last one allowed)')
    ap.add_argument('--repeat', type=int, default=3, help='timed battc runs (the median is reported)')
    ap.add_argument('--also-without-slowest', type=int, default=5, metavar='K',
                    help='a second comparison without the K solvers slowest in CPython (0: none)')
    ap.add_argument('--canonical', action='store_true',
                    help="CPython with canonical set order (the reference's loader, --ref-script)")
    ap.add_argument('--ref-script', default=os.path.join(here, '..', '..', 'shared', 'reference', 'canonical_ref.py'))
    ap.add_argument('--json', help='write the figures here')
    args = ap.parse_args()
    args.programs = args.programs or os.path.join(args.dsl, 'solvers.py')
    core = args.core if args.core is not None else max(os.sched_getaffinity(0))

    solvers = load_solvers(args.dsl, args.programs, args.ref_script if args.canonical else None)
    python = f"{platform.python_implementation()} {platform.python_version()}" + \
             (' canonical order' if args.canonical else '')
    print(f'{len(solvers)} solvers from {args.programs}; {python}; battc {args.battc}; {os.cpu_count()} cores')
    figures = []
    for name in [s for s in args.sets.split(',') if s]:
        f = bench_set(args, name, solvers, core)
        f['python'] = python
        report(f, python)
        figures.append(f)
        sys.stdout.flush()
    if args.json:
        with open(args.json, 'w') as fh:
            json.dump(figures, fh, indent=1)


if __name__ == '__main__':
    main()
