#!/usr/bin/env python3
"""battc search measured as Kaggle measures it: test outputs hidden, two attempts scored afterwards.

Two benchmarks (docs/search.md "Measured"), both on ARC-AGI-1 training (the
set to tune on; the evaluation sets are for held-out figures only):

  loo40         40 training tasks picked by a fixed rule (every tenth by
                sorted id), their own solvers taken out of the seeds, searched
                from the other seeds for --minutes.
  from-nothing  every task of --tasks, no seed at all, for --minutes (needs a
                battc whose search runs without seeds).

And one replay, no search: `rescore --keep-dir DIR` takes the programs an
earlier run of either benchmark kept (DIR/kept.py, the store's order) and its
stripped tasks, and makes and scores the attempts again with --battc: what a
change to the attempts' ranking (runtime/score/plausible.h, submission.h)
would have given those runs, in seconds instead of ten minutes. The search
itself would have kept other programs; only a run measures that. With
`--final`, the search's last phase runs again first (`battc search --resume`
on a copy of DIR/store.db with no round left to run, the store's own seed,
and --search-args, which must repeat the run's): it sets what the export's
order reads (the symmetries, runtime/score/symmetry.h), so a store kept by
an older battc is replayed as --battc would have finished it.

The protocol does not trust the search under test: the task files it is given
have every test output removed, so no version of battc can read them. After
the search, its store is exported (`battc store export`) and run by name over
the same stripped tasks (`battc run`, which writes submission.json with two
attempts per test input), and this script scores that submission against the
real test outputs: `fits_train` (tasks with an exported program right on
every train pair), `verified` (tasks whose every test input one of its two
attempts matches) and `kaggle_score` (the sum over tasks of the fraction of
test inputs matched). So a battc from before the search hid test outputs and
one after it are measured by the same rule, back to back (--battc for each).

Usage:
  tools/search_benchmark.py loo40 --programs PATH/TO/arc-dsl/solvers.py \\
      --tasks ../shared/arc/ARC-AGI-1/training [--minutes 10] [--every 10] [--seed 1] \\
      [--battc build/battc] [--jobs 2] [--json out.json] [--keep-dir DIR]
  tools/search_benchmark.py from-nothing --tasks ../shared/arc/ARC-AGI-1/training [--minutes 10]
  tools/search_benchmark.py rescore --keep-dir DIR --tasks ../shared/arc/ARC-AGI-1/training [--battc B] [--final]
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

from bench_common import argument_parser, split_programs


def strip_tasks(src_dir, ids, dst_dir):
    """Copies the tasks `ids` into dst_dir without their test outputs;
    returns {id: the task as loaded, outputs included}."""
    os.makedirs(dst_dir, exist_ok=True)
    real = {}
    for t in ids:
        with open(os.path.join(src_dir, t + '.json')) as f:
            task = json.load(f)
        real[t] = task
        hidden = {'train': task['train'], 'test': [{'input': s['input']} for s in task['test']]}
        with open(os.path.join(dst_dir, t + '.json'), 'w') as f:
            json.dump(hidden, f)
    return real


def run(cmd):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit('battc failed (%d): %s\n%s' % (r.returncode, ' '.join(cmd), r.stderr[-3000:]))
    return r


def score(submission, real, results):
    """fits_train, verified and kaggle_score of a submission against the real
    test outputs; `results` is battc run's results.json (train pairs)."""
    fits = sum(1 for t in real if results['tasks'].get(t, {}).get('best')
               and results['tasks'][t]['best'][0].get('train_matched') == len(real[t]['train']))
    verified, kaggle = [], 0.0
    for t, task in real.items():
        entries = submission.get(t, [])
        hit = 0
        for i, s in enumerate(task['test']):
            if i < len(entries) and s['output'] in (entries[i].get('attempt_1'), entries[i].get('attempt_2')):
                hit += 1
        kaggle += hit / len(task['test'])
        if hit == len(task['test']):
            verified.append(t)
    return {'tasks': len(real), 'fits_train': fits, 'verified': len(verified), 'kaggle_score': kaggle,
            'verified_tasks': sorted(verified)}


def attempts(a, tasks_dir, exported, out):
    """The search's own attempts over `exported`: (submission, results)."""
    with open(exported) as f:
        if '\ndef ' not in '\n' + f.read():
            return {}, {'tasks': {}}  # nothing kept: every attempt missing
    # The export's order is the store's ranking (a battc from before
    # --attempt-order ranked by statements only).
    order = ['--attempt-order', 'given'] if '--attempt-order' in subprocess.run(
        [a.battc, 'run', '--help'], capture_output=True, text=True).stdout else []
    run([a.battc, 'run', '--tasks', tasks_dir, '--programs', exported, '--pairing', 'by-name', '--out', out, '-q']
        + order + (['--jobs', str(a.jobs)] if a.jobs else []))
    with open(os.path.join(out, 'submission.json')) as f:
        submission = json.load(f)
    with open(os.path.join(out, 'results.json')) as f:
        return submission, json.load(f)


def search_and_score(a, work, tasks_dir, real, seeds):
    store = os.path.join(work, 'store.db')
    if os.path.exists(store):
        sys.exit('%s exists: give a fresh --keep-dir' % store)
    cmd = [a.battc, 'search', '--tasks', tasks_dir, '--store', store, '--minutes', str(a.minutes),
           '--seed', str(a.seed), '--report-json', os.path.join(work, 'report.json'), '-q']
    if seeds:
        cmd += ['--programs', seeds]
    if a.jobs:
        cmd += ['--jobs', str(a.jobs)]
    cmd += a.search_args.split()
    run(cmd)
    with open(os.path.join(work, 'report.json')) as f:
        report = json.load(f)
    exported = os.path.join(work, 'kept.py')
    run([a.battc, 'store', 'export', '--store', store, '-o', exported])
    submission, results = attempts(a, tasks_dir, exported, os.path.join(work, 'run'))
    s = score(submission, real, results)
    s.update(rounds=report.get('rounds'), evaluations=report.get('evaluations'), seconds=report.get('seconds'),
             evaluations_per_second=report.get('evaluations_per_second'))
    return s


def final_phase_again(a, hidden, out):
    """The kept run's store copied into `out`, its search's last phase run again with --battc; its export."""
    store = os.path.join(out, 'store.db')
    shutil.copyfile(os.path.join(a.keep_dir, 'store.db'), store)
    db = sqlite3.connect(store)
    try:
        rounds = db.execute('SELECT COALESCE(MAX(round), 0) FROM rounds').fetchone()[0]
        seed = db.execute("SELECT value FROM meta WHERE key = 'seed'").fetchone()[0]
    finally:
        db.close()
    cmd = [a.battc, 'search', '--tasks', hidden, '--store', store, '--resume', '--rounds', str(rounds),
           '--seed', str(seed), '-q']
    seeds = os.path.join(a.keep_dir, 'seeds.py')
    if os.path.exists(seeds):
        cmd += ['--programs', seeds]
    if a.jobs:
        cmd += ['--jobs', str(a.jobs)]
    run(cmd + a.search_args.split())
    exported = os.path.join(out, 'kept.py')
    run([a.battc, 'store', 'export', '--store', store, '-o', exported])
    return exported


def rescore(a):
    if not a.keep_dir or not os.path.exists(os.path.join(a.keep_dir, 'kept.py')):
        sys.exit('rescore needs --keep-dir of an earlier run (its kept.py and tasks/)')
    hidden = os.path.join(a.keep_dir, 'tasks')
    ids = sorted(f[:-5] for f in os.listdir(hidden) if f.endswith('.json'))
    real = {}
    for t in ids:
        with open(os.path.join(a.tasks, t + '.json')) as f:
            real[t] = json.load(f)
    out = tempfile.mkdtemp(prefix='battc-rescore-')
    try:
        kept = os.path.join(a.keep_dir, 'kept.py')
        if a.final:
            kept = final_phase_again(a, hidden, out)
        submission, results = attempts(a, hidden, kept, out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    s = score(submission, real, results)
    print('rescore of %s with %s: %d tasks: fits_train %d, verified %d, kaggle_score %.2f'
          % (a.keep_dir, a.battc, s['tasks'], s['fits_train'], s['verified'], s['kaggle_score']))
    print('verified: ' + (' '.join(s['verified_tasks']) or 'none'))


def main():
    ap = argument_parser(__doc__)
    ap.add_argument('benchmark', choices=['loo40', 'from-nothing', 'rescore'])
    ap.add_argument('--tasks', required=True, help='ARC-AGI-1/training (a folder of task files)')
    ap.add_argument('--programs', help='the seeds (arc-dsl solvers.py); loo40 only')
    ap.add_argument('--minutes', type=float, default=10.0)
    ap.add_argument('--every', type=int, default=10, help='loo40: every k-th task by sorted id (10: 40 of 400)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--jobs', type=int, default=0)
    ap.add_argument('--json')
    ap.add_argument('--search-args', default='',
                    help='more flags for battc search, e.g. "--strategy mutate" (a battc that has them)')
    ap.add_argument('--keep-dir', help='work here and keep it (stores, exports, submissions); rescore: the run to replay')
    ap.add_argument('--final', action='store_true',
                    help="rescore: run the search's last phase again on a copy of the run's store first")
    a = ap.parse_args()
    if a.benchmark == 'rescore':
        rescore(a)
        return

    ids = sorted(f[:-5] for f in os.listdir(a.tasks) if f.endswith('.json'))
    work = a.keep_dir or tempfile.mkdtemp(prefix='battc-search-bench-')
    os.makedirs(work, exist_ok=True)
    try:
        seeds = None
        if a.benchmark == 'loo40':
            if not a.programs:
                sys.exit('loo40 needs --programs (the seeds its tasks\' own solvers are taken out of)')
            ids = ids[::a.every]
            with open(a.programs) as f:
                programs = split_programs(f.read())
            left_out = {'solve_' + t for t in ids}
            seeds = os.path.join(work, 'seeds.py')
            with open(seeds, 'w') as f:
                f.write('\n\n'.join(src for n, src in programs.items() if n not in left_out))
        real = strip_tasks(a.tasks, ids, os.path.join(work, 'tasks'))
        s = search_and_score(a, work, os.path.join(work, 'tasks'), real, seeds)
        s.update(benchmark=a.benchmark, minutes=a.minutes, seed=a.seed, battc=os.path.abspath(a.battc))
        print('%s: %d tasks, %.1f min, seed %d: fits_train %d, verified %d, kaggle_score %.2f (%d rounds, %s '
              'evaluations, %.0f/s)' % (a.benchmark, s['tasks'], a.minutes, a.seed, s['fits_train'], s['verified'],
                                        s['kaggle_score'], s['rounds'] or 0, s['evaluations'],
                                        s['evaluations_per_second'] or 0))
        print('verified: ' + (' '.join(s['verified_tasks']) or 'none'))
        if a.json:
            with open(a.json, 'w') as f:
                json.dump(s, f, indent=2)
    finally:
        if not a.keep_dir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
