#!/usr/bin/env python3
"""The two CPU engines against each other: time from "programs given" to the
first evaluation and to results, and the run phase per evaluation.

Cases (each by name on the whole task folder, and as a cross product over
the first --cross-tasks tasks):
  a  the programs, cold cache
  b  the same again, warm cache
  c  the programs plus one new program (a variation of one of them)
  d  the programs plus --variants new programs (constants changed,
     arguments swapped), as a search round makes them
Each case runs `battc run` with --engine auto (what a user gets) and, for a
and the cross product's run phase, --engine unit and --engine specs; all
times come from battc's --timing-json (to_first_evaluation, to_results,
run) of one process each, on this machine, in one run of this script.
Variants are named solve_<id>_<n>, which --pairing by-name pairs with <id>.

Usage:
  tools/engine_benchmark.py --programs PATH/TO/arc-dsl/solvers.py \\
      --tasks ../shared/arc/ARC-AGI-1/training [--variants 1000] [--cross-tasks 40] \\
      [--jobs 2] [--battc build/battc] [--json out.json]
"""
import json
import os
import random
import re
import shutil
import tempfile

from bench_common import argument_parser, run_for_json, split_programs

COLORS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE']
FAMILIES = [COLORS, ['T', 'F'], ['UP', 'DOWN', 'LEFT', 'RIGHT', 'UNITY', 'ORIGIN', 'NEG_UNITY', 'UP_RIGHT',
                                  'DOWN_LEFT', 'ZERO_BY_TWO', 'TWO_BY_ZERO', 'TWO_BY_TWO', 'THREE_BY_THREE']]


def vary(src, rng):
    """One small change: a constant for another of its family, or two
    variable arguments of a call swapped. None when nothing applies."""
    body = src.split('\n', 1)[1]
    options = []
    for fam in FAMILIES:
        for m in re.finditer(r'\b(' + '|'.join(fam) + r')\b', body):
            options.append(('const', m, fam))
    for m in re.finditer(r'\((x\d+|I), (x\d+|I)\)', body):
        options.append(('swap', m, None))
    if not options:
        return None
    kind, m, fam = rng.choice(options)
    if kind == 'const':
        new = rng.choice([c for c in fam if c != m.group(1)])
    else:
        new = '(%s, %s)' % (m.group(2), m.group(1))
    return src.split('\n', 1)[0] + '\n' + body[:m.start()] + new + body[m.end():]


def variants(programs, n, seed):
    rng = random.Random(seed)
    names = sorted(p for p in programs if p.startswith('solve_'))
    out = []
    k = 0
    while len(out) < n:
        name = rng.choice(names)
        v = vary(programs[name], rng)
        if v is None:
            continue
        k += 1
        out.append(re.sub(r'def \w+\(', 'def %s_%d(' % (name, k), v, count=1))
    return out


def run(battc, tasks, programs, cache, pairing, engine, jobs, tmp):
    timing = os.path.join(tmp, 'timing.json')
    cmd = [battc, 'run', '--tasks', tasks, '--programs'] + programs + [
        '--pairing', pairing, '--engine', engine, '--jobs', str(jobs), '--cache-dir', cache,
        '--out', os.path.join(tmp, 'out'), '--timing-json', timing, '-q']
    return run_for_json(cmd, timing)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argument_parser(__doc__)
    ap.add_argument('--programs', required=True)
    ap.add_argument('--tasks', required=True)
    ap.add_argument('--variants', type=int, default=1000)
    ap.add_argument('--cross-tasks', type=int, default=40)
    ap.add_argument('--jobs', type=int, default=os.cpu_count())
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--json', help='write the figures here')
    a = ap.parse_args()

    with open(a.programs) as f:
        base_text = f.read()
    progs = split_programs(base_text)
    tmp = tempfile.mkdtemp(prefix='battc-engine-bench-')
    try:
        one = os.path.join(tmp, 'one.py')
        many = os.path.join(tmp, 'many.py')
        vs = variants(progs, max(a.variants, 1), a.seed)
        with open(one, 'w') as f:
            f.write(vs[0])
        with open(many, 'w') as f:
            f.write('\n\n'.join(vs[:a.variants]))
        cross = os.path.join(tmp, 'cross')
        os.makedirs(cross)
        for name in sorted(n for n in os.listdir(a.tasks) if n.endswith('.json'))[:a.cross_tasks]:
            shutil.copy(os.path.join(a.tasks, name), cross)

        rows = []

        def case(label, tasks, pairing, files, cache, engine):
            t = run(a.battc, tasks, files, cache, pairing, engine, a.jobs, tmp)
            row = {'case': label, 'pairing': pairing, 'engine_asked': engine, 'engine': t.get('engine'),
                   'evaluations': t['evaluations'], 'compile_s': t['phases']['compile'],
                   'specs_compiled': t.get('specializations', {}).get('compiled'),
                   'to_first_evaluation_s': t['to_first_evaluation'], 'to_results_s': t['to_results'],
                   'run_s': t['phases']['run']}
            row['run_us_per_eval'] = 1e6 * row['run_s'] / max(1, row['evaluations'])
            rows.append(row)
            print('%-34s %-7s %-6s->%-5s evals %8d  compile %6.2f s  first eval %6.2f s  results %6.2f s  '
                  'run %6.2f us/eval' % (label, pairing, engine, row['engine'], row['evaluations'], row['compile_s'],
                                         row['to_first_evaluation_s'], row['to_results_s'], row['run_us_per_eval']),
                  flush=True)

        for pairing, tasks in (('by-name', a.tasks), ('all', cross)):
            specs_cache = os.path.join(tmp, 'cache-specs-' + pairing)
            unit_cache = os.path.join(tmp, 'cache-unit-' + pairing)
            case('a cold, specs', tasks, pairing, [a.programs], specs_cache, 'specs')
            case('a cold, unit', tasks, pairing, [a.programs], unit_cache, 'unit')
            case('b warm, specs', tasks, pairing, [a.programs], specs_cache, 'specs')
            case('b warm, auto (unit cached)', tasks, pairing, [a.programs], unit_cache, 'auto')
            case('c +1 new program, auto', tasks, pairing, [a.programs, one], specs_cache, 'auto')
            case('c +1 new program, unit', tasks, pairing, [a.programs, one], unit_cache, 'unit')
            case('d +%d variants, auto' % a.variants, tasks, pairing, [a.programs, many], specs_cache, 'auto')
        # run phase of each engine on the cross product, one core each
        cache = os.path.join(tmp, 'cache-run')
        for engine in ('unit', 'specs', 'unit', 'specs'):
            case('run phase, --jobs %d' % a.jobs, cross, 'all', [a.programs], cache, engine)
        unit = [r['run_us_per_eval'] for r in rows[-4:] if r['engine'] == 'unit']
        specs = [r['run_us_per_eval'] for r in rows[-4:] if r['engine'] == 'specs']
        ratio = min(specs) / min(unit)
        print('run phase per evaluation, %d-task cross product: specs/unit = %.2f (best of 2 each)'
              % (a.cross_tasks, ratio))
        if a.json:
            with open(a.json, 'w') as f:
                json.dump({'rows': rows, 'run_ratio_specs_over_unit': ratio}, f, indent=2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
