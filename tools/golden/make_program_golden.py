#!/usr/bin/env python3
"""Golden dumps of whole programs, made with the reference runner.

Runs shared/reference/canonical_ref.py (arc-dsl with canonical set order) with
--pairing all and writes:

  tests/golden/demo/dump.jsonl   tasks/demo/programs.py on every task in
      tasks/demo (the project's own data): the reference dump as it is.
  tests/golden/arc1/dump.jsonl   tests/golden/arc1/programs.py on the
      ARC-AGI-1 training tasks its solve_<id> functions name. Each "value" is
      replaced by "value_sha256", the sha256 hex of the value's compact JSON
      text (json.dumps(value, separators=(',', ':'))), so that no grid derived
      from ARC data is committed.
  tests/golden/arc1/tasks.txt    those task ids, one a line.
  tests/golden/tk1/...           the same for tests/golden/tk1/programs.py,
      programs in tokpidjin's dialect, run with tokpidjin's dsl.py
      (--tokpidjin DIR).

tests/golden/golden_programs_test.cpp (`golden_tests`) compares battc's dump
with these, evaluation by evaluation. Usage (see tests/golden/README.md):
  tools/golden/make_program_golden.py --arc-dsl DIR --tokpidjin DIR --shared DIR --arc-data DIR
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO_DIR = os.path.join(REPO, 'tasks', 'demo')
GOLDEN = os.path.join(REPO, 'tests', 'golden')


def with_constants(src, dst):
    """A copy of the program file that imports arc-dsl's constants.

    battc knows the constants (ONE, T, UNITY, ...) without an import; arc-dsl's
    dsl.py does not export them, so a file that only says `from dsl import *`
    would fail with NameError in the reference.
    """
    with open(src) as f:
        text = f.read()
    if not re.search(r'^from constants import \*', text, re.M):
        text = 'from constants import *\n' + text
    with open(dst, 'w') as f:
        f.write(text)
    return dst


def run_reference(args, programs, tasks, out, dsl=None):
    cmd = [sys.executable, os.path.join(args.shared, 'reference', 'canonical_ref.py'),
           '--dsl', dsl or args.arc_dsl, '--programs', programs, '--tasks', tasks,
           '--pairing', 'all', '--timeout', str(args.timeout), '--out', out]
    print('+', ' '.join(cmd), file=sys.stderr)
    # tokpidjin's dsl.py warns on stderr without CuPy unless told not to expect a GPU
    subprocess.run(cmd, check=True, env=dict(os.environ, EXPECT_GPU='0'))
    with open(out) as f:
        rows = [json.loads(line) for line in f]
    timeouts = [r for r in rows if r['status'] == 'timeout']
    if timeouts:
        # battc must fail where the reference timed out; a timeout caused by a
        # slow machine would make a flaky golden, so refuse it.
        sys.exit(f'{len(timeouts)} evaluations timed out (first: {timeouts[0]}); raise --timeout')
    return rows


def write_jsonl(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        for r in rows:
            f.write(json.dumps(r, separators=(',', ':')) + '\n')


def hash_values(rows):
    out = []
    for r in rows:
        h = dict(r)
        if 'value' in h:
            text = json.dumps(h.pop('value'), separators=(',', ':'))
            h['value_sha256'] = hashlib.sha256(text.encode()).hexdigest()
        out.append(h)
    return out


def task_ids(programs):
    with open(programs) as f:
        ids = re.findall(r'^def solve_([0-9a-f]{8})\(', f.read(), re.M)
    if len(set(ids)) != len(ids):
        sys.exit(f'{programs}: a task id is named twice')
    return sorted(ids)


def summary(name, rows):
    counts = {}
    for r in rows:
        counts[r['status']] = counts.get(r['status'], 0) + 1
    print(f'{name}: {len(rows)} evaluations {counts}', file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--arc-dsl', required=True, help='a local copy of michaelhodel/arc-dsl')
    ap.add_argument('--shared', required=True, help='the shared folder holding reference/canonical_ref.py')
    ap.add_argument('--arc-data', help='ARC data folder holding ARC-AGI-1/training (for arc1)')
    ap.add_argument('--tokpidjin', help='a local copy of pierreb4/tokpidjin (for tk1)')
    ap.add_argument('--only', choices=['demo', 'arc1', 'tk1'], help='regenerate one golden only')
    ap.add_argument('--timeout', type=float, default=30.0, help='seconds per evaluation in the reference')
    ap.add_argument('--keep', help='keep the work files in this folder')
    args = ap.parse_args()
    args.arc_dsl = os.path.abspath(args.arc_dsl)
    args.shared = os.path.abspath(args.shared)
    if args.only != 'demo' and not args.arc_data:
        ap.error('--arc-data is needed for the arc1 and tk1 goldens (or give --only demo)')
    if args.only in (None, 'tk1') and not args.tokpidjin:
        ap.error('--tokpidjin is needed for the tk1 golden (or give --only demo or arc1)')

    work = args.keep or tempfile.mkdtemp(prefix='battc-program-golden-')
    os.makedirs(work, exist_ok=True)

    if args.only in (None, 'demo'):
        progs = with_constants(os.path.join(DEMO_DIR, 'programs.py'), os.path.join(work, 'demo_programs.py'))
        rows = run_reference(args, progs, DEMO_DIR, os.path.join(work, 'demo_ref.jsonl'))
        write_jsonl(os.path.join(GOLDEN, 'demo', 'dump.jsonl'), rows)
        summary('demo', rows)

    for name in ('arc1', 'tk1'):
        if args.only not in (None, name):
            continue
        src = os.path.join(GOLDEN, name, 'programs.py')
        ids = task_ids(src)
        training = os.path.join(os.path.abspath(args.arc_data), 'ARC-AGI-1', 'training')
        tasks = os.path.join(work, name + '_tasks')
        os.makedirs(tasks, exist_ok=True)
        for t in ids:
            path = os.path.join(training, t + '.json')
            if not os.path.exists(path):
                sys.exit(f'{path}: no such task')
            link = os.path.join(tasks, t + '.json')
            if not os.path.lexists(link):
                os.symlink(path, link)
        progs = with_constants(src, os.path.join(work, name + '_programs.py'))
        dsl = os.path.abspath(args.tokpidjin) if name == 'tk1' else None
        rows = run_reference(args, progs, tasks, os.path.join(work, name + '_ref.jsonl'), dsl)
        write_jsonl(os.path.join(GOLDEN, name, 'dump.jsonl'), hash_values(rows))
        with open(os.path.join(GOLDEN, name, 'tasks.txt'), 'w') as f:
            f.write(''.join(t + '\n' for t in ids))
        summary(name, rows)

    if not args.keep:
        import shutil
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
