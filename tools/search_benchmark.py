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
  tools/search_benchmark.py loo40 ... --seeds 1,2,3 --baseline OLD/battc
  tools/search_benchmark.py rescore --keep-dir DIR --tasks ../shared/arc/ARC-AGI-1/training [--battc B] [--final]

Back to back: with --baseline, each seed of --seeds (or --seed) runs the
baseline battc, then --battc, one after the other, and a table of the pairs
ends the output: each side's fits_train, verified and kaggle_score per seed,
their means, and the ratio of the mean kaggle scores (what issue 25's
"twice the starting commit" compares). A baseline from another commit finds
its own headers from its binary's place in its build tree; leave BATTC_HOME
unset.
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


def attempts(a, battc, tasks_dir, exported, out):
    """The search's own attempts over `exported`: (submission, results)."""
    with open(exported) as f:
        if '\ndef ' not in '\n' + f.read():
            return {}, {'tasks': {}}  # nothing kept: every attempt missing
    # The export's order is the store's ranking (a battc from before
    # --attempt-order ranked by statements only).
    order = ['--attempt-order', 'given'] if '--attempt-order' in subprocess.run(
        [battc, 'run', '--help'], capture_output=True, text=True).stdout else []
    run([battc, 'run', '--tasks', tasks_dir, '--programs', exported, '--pairing', 'by-name', '--out', out, '-q']
        + order + (['--jobs', str(a.jobs)] if a.jobs else []))
    with open(os.path.join(out, 'submission.json')) as f:
        submission = json.load(f)
    with open(os.path.join(out, 'results.json')) as f:
        return submission, json.load(f)


def search_and_score(a, battc, seed, work, tasks_dir, real, seeds):
    store = os.path.join(work, 'store.db')
    if os.path.exists(store):
        sys.exit('%s exists: give a fresh --keep-dir' % store)
    cmd = [battc, 'search', '--tasks', tasks_dir, '--store', store, '--minutes', str(a.minutes),
           '--seed', str(seed), '--report-json', os.path.join(work, 'report.json'), '-q']
    if seeds:
        cmd += ['--programs', seeds]
    if a.jobs:
        cmd += ['--jobs', str(a.jobs)]
    cmd += a.search_args.split()
    run(cmd)
    with open(os.path.join(work, 'report.json')) as f:
        report = json.load(f)
    exported = os.path.join(work, 'kept.py')
    run([battc, 'store', 'export', '--store', store, '-o', exported])
    submission, results = attempts(a, battc, tasks_dir, exported, os.path.join(work, 'run'))
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
        submission, results = attempts(a, a.battc, hidden, kept, out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    s = score(submission, real, results)
    print('rescore of %s with %s: %d tasks: fits_train %d, verified %d, kaggle_score %.2f'
          % (a.keep_dir, a.battc, s['tasks'], s['fits_train'], s['verified'], s['kaggle_score']))
    print('verified: ' + (' '.join(s['verified_tasks']) or 'none'))


def loo40_seed_programs(a, ids, work):
    """The seed programs' file of loo40 (the tasks' own solvers left out) in `work`; None for from-nothing."""
    if a.benchmark != 'loo40':
        return None
    if not a.programs:
        sys.exit('loo40 needs --programs (the seeds its tasks\' own solvers are taken out of)')
    with open(a.programs) as f:
        programs = split_programs(f.read())
    left_out = {'solve_' + t for t in ids}
    seeds = os.path.join(work, 'seeds.py')
    with open(seeds, 'w') as f:
        f.write('\n\n'.join(src for n, src in programs.items() if n not in left_out))
    return seeds


def one_run(a, battc, seed, ids, work):
    """One search of the benchmark in `work` (made), scored: the figures and the lines printed."""
    os.makedirs(work, exist_ok=True)
    seeds = loo40_seed_programs(a, ids, work)
    real = strip_tasks(a.tasks, ids, os.path.join(work, 'tasks'))
    s = search_and_score(a, battc, seed, work, os.path.join(work, 'tasks'), real, seeds)
    s.update(benchmark=a.benchmark, minutes=a.minutes, seed=seed, battc=os.path.abspath(battc))
    print('%s: %d tasks, %.1f min, seed %d: fits_train %d, verified %d, kaggle_score %.2f (%d rounds, %s '
          'evaluations, %.0f/s)' % (a.benchmark, s['tasks'], a.minutes, seed, s['fits_train'], s['verified'],
                                    s['kaggle_score'], s['rounds'] or 0, s['evaluations'],
                                    s['evaluations_per_second'] or 0))
    print('verified: ' + (' '.join(s['verified_tasks']) or 'none'), flush=True)
    return s


def print_pairs(pairs):
    """The back-to-back table: per seed, the baseline's and this battc's figures; means; the ratio."""
    print('\nseed | baseline fits / verified / kaggle | battc fits / verified / kaggle')
    for base, new in pairs:
        print('%4d | %4d / %3d / %6.2f | %4d / %3d / %6.2f' % (
            base['seed'], base['fits_train'], base['verified'], base['kaggle_score'],
            new['fits_train'], new['verified'], new['kaggle_score']))
    mean = lambda side, k: sum(p[side][k] for p in pairs) / len(pairs)
    print('mean | %4.1f / %5.2f / %6.2f | %4.1f / %5.2f / %6.2f' % (
        mean(0, 'fits_train'), mean(0, 'verified'), mean(0, 'kaggle_score'),
        mean(1, 'fits_train'), mean(1, 'verified'), mean(1, 'kaggle_score')))
    if mean(0, 'kaggle_score') > 0:
        print('kaggle_score, battc / baseline: %.2fx (means), per seed %s' % (
            mean(1, 'kaggle_score') / mean(0, 'kaggle_score'),
            ' '.join('%.2fx' % (n['kaggle_score'] / b['kaggle_score']) if b['kaggle_score'] else '-'
                     for b, n in pairs)))


def main():
    ap = argument_parser(__doc__)
    ap.add_argument('benchmark', choices=['loo40', 'from-nothing', 'rescore'])
    ap.add_argument('--tasks', required=True, help='ARC-AGI-1/training (a folder of task files)')
    ap.add_argument('--programs', help='the seeds (arc-dsl solvers.py); loo40 only')
    ap.add_argument('--minutes', type=float, default=10.0)
    ap.add_argument('--every', type=int, default=10, help='loo40: every k-th task by sorted id (10: 40 of 400)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--seeds', help='several search seeds, comma-separated (1,2,3): one run each')
    ap.add_argument('--baseline', help='another battc run before --battc on each seed, back to back')
    ap.add_argument('--jobs', type=int, default=0)
    ap.add_argument('--json')
    ap.add_argument('--search-args', default='',
                    help='more flags for battc search, e.g. "--strategy mutate" (a battc that has them); '
                         'a single flag as --search-args=--no-conjugates')
    ap.add_argument('--keep-dir', help='work here and keep it (stores, exports, submissions); rescore: the run to replay')
    ap.add_argument('--final', action='store_true',
                    help="rescore: run the search's last phase again on a copy of the run's store first")
    a = ap.parse_args()
    if a.benchmark == 'rescore':
        rescore(a)
        return
    try:
        search_seeds = [int(x) for x in a.seeds.split(',')] if a.seeds else [a.seed]
    except ValueError:
        sys.exit('--seeds takes integers separated by commas, e.g. 1,2,3 (got %r)' % a.seeds)
    sides = [('baseline', a.baseline), ('battc', a.battc)] if a.baseline else [('battc', a.battc)]
    for _, b in sides:
        if not os.access(b, os.X_OK):
            sys.exit('%s: not an executable battc' % b)

    ids = sorted(f[:-5] for f in os.listdir(a.tasks) if f.endswith('.json'))
    if a.benchmark == 'loo40':
        ids = ids[::a.every]
    work = a.keep_dir or tempfile.mkdtemp(prefix='battc-search-bench-')
    os.makedirs(work, exist_ok=True)
    several = len(search_seeds) > 1 or len(sides) > 1
    runs = []
    try:
        for seed in search_seeds:
            for label, b in sides:
                if several:
                    print('-- %s, seed %d' % (label, seed), flush=True)
                runs.append(one_run(a, b, seed, ids, os.path.join(work, '%s-seed%d' % (label, seed)) if several
                                    else work))
        if a.baseline:
            print_pairs(list(zip(runs[0::2], runs[1::2])))
        if a.json:
            with open(a.json, 'w') as f:
                json.dump(runs if several else runs[0], f, indent=2)
    finally:
        if not a.keep_dir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
