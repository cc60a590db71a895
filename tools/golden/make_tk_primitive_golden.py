#!/usr/bin/env python3
"""Golden outputs of tokpidjin's own cell-free primitives, made with its dsl.py.

The tokpidjin counterpart of make_primitive_golden.py (same case format; read
its docstring and tests/golden/README.md): argument lists for the primitives
of dsl/tk_containers.h and dsl/tk_grids.h, run in-process on tokpidjin's
dsl.py loaded with canonical sets (canonical_ref.load_canonical_module; its
closing safe_dsl wrapper is replaced by a no-op, so exceptions are failures).
A case's "prim" is battc's internal name (tk_add), its "py" tokpidjin's.
A result holding a float (math.nan, math.inf, -math.inf) is recorded as a
divergence: battc has no floats and fails there (docs/semantics.md,
"tokpidjin dialect"); so are the defaults the result type cannot hold, which
the cases mark by hand.

Usage:
  tools/golden/make_tk_primitive_golden.py --tokpidjin DIR --shared DIR
writes tests/golden/tk_primitives/{cases,expected}.jsonl.
"""
import argparse
import json
import os
import sys
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_primitive_golden as base  # noqa: E402
from make_primitive_golden import F, FS, case  # noqa: E402

OUT_DIR = os.path.join(base.REPO, 'tests', 'golden', 'tk_primitives')

G23 = ((1, 2, 3), (4, 5, 6))
GT = ((2, 1), (1, 2))
GR = base.rgrid(5, 6)
GR10 = base.rgrid(7, 7, (0, 0, 0, 1, 2))
OBJS = FS({FS({(0, 0)}), FS({(1, 1), (1, 2)}), FS({(5, 5)})})
NOT_INT = 'a default the result type cannot hold'


def containers():
    for p in ('tk_add', 'tk_subtract', 'tk_multiply', 'tk_divide'):
        case(p, 'Int,Int', 7, -2)
        case(p, 'Pt,Pt', (), (3, 4))
        case(p, 'Pt,Pt', (9, -9), ())
        case(p, 'Pt,Pt', (), (), diverge=NOT_INT)
        case(p, 'Int,Pt', 5, (), diverge=NOT_INT)
        case(p, 'Pt,Int', (), 5, diverge=NOT_INT)
        case(p, 'Pt,Int', (4, 6), 3)
    case('tk_divide', 'Int,Int', 1, 0)
    case('c_branch', 'Bool,Int,Int', False, 3, 4)
    for p in ('tk_first', 'second', 'tk_last', 'first_t', 'first_f', 'last_t', 'last_f'):
        case(p, 'Tuple<Int>', (5, 3, 9))
        case(p, 'IntSet', FS({5, 3, 9}))
        case(p, 'IndicesSet', OBJS)
        case(p, 'Tuple<Grid>', ((G23, GT)))
        case(p, 'Tuple<Grid>', ())
        case(p, 'IndicesSet', FS())
        case(p, 'Tuple<Int>', (4,))
    case('tk_first', 'Tuple<Int>', (), )
    case('tk_extract', 'FSet<IntSet>,fn_size', FS({FS(), FS({4})}), F('size'))
    case('tk_extract', 'Tuple<Int>,fn_even', (1, 3, 4), F('even'))
    case('tk_extract', 'Tuple<Int>,fn_even', (1, 3), F('even'), diverge=NOT_INT)
    case('tk_extract', 'FSet<IntSet>,fn_size', FS({FS()}), F('size'))
    for p in ('tk_other', 'other_t', 'other_f'):
        case(p, 'Tuple<Int>,Int', (4, 4, 5), 4)
        case(p, 'IntSet,Int', FS({4}), 4)
        case(p, 'IndicesSet,Indices', OBJS, FS({(0, 0)}))
        case(p, 'IndicesSet,Indices', FS({FS({(0, 0)})}), FS({(0, 0)}))
        case(p, 'Tuple<Grid>,Grid', (G23,), G23)
    case('difference_tuple', 'Tuple<Int>,Tuple<Int>', (3, 1, 3, 2), (1,))
    case('difference_tuple', 'IntSet,IntSet', FS({3, 1, 2}), FS({1}))
    for p in ('merge_f', 'merge_t'):
        case(p, 'FSet<IntSet>', FS({FS({1, 2}), FS({2, 5})}))
        case(p, 'Tuple<IntSet>', (FS({2, 1}), FS({1})))
        case(p, 'Tuple<Grid>', (G23, GT))
    for p in ('tk_size_t', 'size_f'):
        case(p, 'Tuple<Int>', (1, 1, 2))
        case(p, 'IndicesSet', OBJS)
        case(p, 'Grid', G23)
    for p in ('valmax_t', 'valmax_f', 'valmin_t', 'valmin_f', 'argmax_t', 'argmax_f', 'argmin_t', 'argmin_f'):
        case(p, 'IndicesSet,fn_size', OBJS, F('size'))
        case(p, 'Tuple<Int>,fn_invert', (3, -1, 3), F('invert'))
        case(p, 'Tuple<Int>,fn_invert', (), F('invert'))
    for p in ('mostcommon_t', 'mostcommon_f', 'leastcommon_t', 'leastcommon_f'):
        case(p, 'Tuple<Int>', (2, 1, 1, 2, 3))
        case(p, 'IntSet', FS({4, 2}))
        case(p, 'Tuple<Int>', ())
    case('combine_t', 'Tuple<Int>,Tuple<Int>', (3, 1), (1,))
    case('combine_t', 'IntSet,IntSet', FS({3}), FS({1}))
    case('combine_f', 'IntSet,IntSet', FS({3, 1}), FS({1, 2}))
    case('combine_f', 'Tuple<Int>,Tuple<Int>', (3,), (1,))
    for p in ('sfilter_t', 'sfilter_f', 'mfilter_t'):
        case(p, 'IntSet,fn_even', FS({4, 1, 2}), F('even'))
        case(p, 'Tuple<Int>,fn_even', (4, 2, 4, 1), F('even'))
    for p in ('mfilter_t', 'mfilter_f'):
        case(p, 'Tuple<IntSet>,fn_size', (FS({1, 2}), FS(), FS({3})), F('size'))
        case(p, 'FSet<IntSet>,fn_size', FS({FS({1, 2}), FS(), FS({0})}), F('size'))
    for p in ('remove_t', 'remove_f'):
        case(p, 'Int,IntSet', 2, FS({1, 2, 4}))
        case(p, 'Int,Tuple<Int>', 2, (2, 1, 2, 3))
    for p in ('apply_t', 'apply_f'):
        case(p, 'fn_invert,IntSet', F('invert'), FS({1, 2}))
        case(p, 'fn_size,IndicesSet', F('size'), OBJS)
        case(p, 'fn_even,Tuple<Int>', F('even'), (1, 2, 3))
    for p in ('mapply_t', 'mapply_f'):
        case(p, 'fn_identity,FSet<IntSet>', F('identity'), FS({FS({2, 1}), FS({1})}))
        case(p, 'fn_p_g,Tuple<Grid>', F('p_g'), (G23, GT))
    for p in ('rapply_t', 'rapply_f'):
        case(p, 'Tuple<fn_size>,Tuple<Int>', (F('size'),), (1, 2))
        case(p, 'Pair<fn_height_t,fn_width_t>,Grid', (F('height_t'), F('width_t')), G23)


def ranks():
    t = (5, 3, 9, 3)
    for r in (0, 1, -1, 3, 4, -4, -5):
        case('get_nth_t', 'Tuple<Int>,Int', t, r)
        case('get_nth_f', 'Tuple<Int>,Int', t, r)
        case('get_nth_f', 'IndicesSet,Int', OBJS, r)
        case('get_rank', 'Tuple<Int>,Int', t, r)
        case('get_rank', 'IntSet,Int', FS(t), r)
        case('get_common_rank', 'Tuple<Int>,Int', (2, 2, 7, 7, 1), r)
        case('get_common_rank_t', 'Tuple<Int>,Int', (2, 2, 7, 7, 1), r)
        case('get_common_rank_f', 'Tuple<Int>,Int', (2, 2, 7, 7, 1), r)
        case('get_common_rank_f', 'IndicesSet,Int', OBJS, r)
        for p in ('get_arg_rank', 'get_arg_rank_t', 'get_arg_rank_f'):
            case(p, 'IndicesSet,fn_size,Int', OBJS, F('size'), r)
            case(p, 'Tuple<Int>,fn_invert,Int', t, F('invert'), r)
            case(p, 'Tuple<Grid>,fn_width_t,Int', (G23, GT, ((1,),)), F('width_t'), r)
        for p in ('get_val_rank', 'get_val_rank_t', 'get_val_rank_f'):
            case(p, 'IndicesSet,fn_size,Int', OBJS, F('size'), r)
            case(p, 'Tuple<Int>,fn_invert,Int', t, F('invert'), r)
        case('get_nth_by_key_t', 'Tuple<Int>,Int,fn_invert', t, r, F('invert'))
        case('get_nth_by_key_f', 'Tuple<Int>,Int,fn_invert', t, r, F('invert'))
        case('get_nth_by_key_f', 'IndicesSet,Int,fn_size', OBJS, r, F('size'))
    case('get_nth_t', 'Grid,Int', G23, 1)
    case('get_nth_t', 'IntSet,Int', FS({1}), 0)
    case('get_nth_t', 'Tuple<Int>,Int', (), 0)
    case('get_nth_by_key_t', 'Tuple<Int>,Int,fn_invert', (), 2, F('invert'))
    case('get_nth_by_key_f', 'Tuple<Int>,Int,fn_invert', (), 0, F('invert'))
    case('get_rank', 'Tuple<Int>,Int', (), 0)
    case('get_common_rank', 'IntSet,Int', FS({1}), 0)
    case('get_common_rank', 'Tuple<Pt>,Int', ((1, 1), (0, 1), (1, 1)), 5)
    case('get_common_rank_f', 'IndicesSet,Int', FS(), 0)


def samples():
    S = (((1, 2),), ((2, 3),)), (((4, 1),), ((1, 1),))
    S3 = S + ((((0, 9),), ((9, 9), (5, 5))),)
    for p in ('c_iz', 'c_zo'):
        case(p, 'Tuple<Pair<Grid,Grid>>,fn_p_g', S, F('p_g'))
        case(p, 'Tuple<Pair<Grid,Grid>>,fn_palette_t', S3, F('palette_t'))
        case(p, 'Tuple<Pair<Grid,Grid>>,fn_p_g', (), F('p_g'))
    case('c_iz_n', 'Tuple<Pair<Grid,Grid>>,fn_p_g,fn_first_f', S3, F('p_g'), F('first_f'))
    case('c_zo_n', 'Tuple<Pair<Grid,Grid>>,fn_p_g,fn_last_f', S3, F('p_g'), F('last_f'))
    case('c_zo_n', 'Tuple<Pair<Grid,Grid>>,fn_p_g,fn_size_f', S3, F('p_g'), F('size_f'))
    case('dedupe_pair_tuple', 'Tuple<Pair<Grid,Grid>>', S + ((G23, G23),))
    case('dedupe_pair_tuple', 'Tuple<Pt>', ((1, 1), (1, 2), (3, 3)))
    m = ((1, 2), (3, 4))
    for k in range(8):
        out = {0: ((3, 4), (1, 2)), 1: ((1, 3), (2, 4)), 2: ((2, 1), (4, 3)), 3: ((4, 2), (3, 1)),
               4: ((3, 1), (4, 2)), 5: ((4, 3), (2, 1)), 6: ((2, 4), (1, 3)), 7: m}[k]
        case('a_mr', 'Tuple<Pair<Grid,Grid>>', ((m, out), (G23, G23)) if k == 7 else ((m, out),))
    case('a_mr', 'Tuple<Pair<Grid,Grid>>', ())
    case('a_mr', 'Tuple<Pair<Grid,Grid>>', ((m, ((5,),)),))


def grids():
    for g in (G23, GT, GR, GR10, ((0,),), ((), ())):
        for p in ('p_g', 'mostcolor_t', 'leastcolor_t', 'palette_t', 'numcolors_t', 'hmirror_t', 'vmirror_t',
                  'dmirror_t', 'cmirror_t', 'square_t', 'height_t', 'width_t', 'shape_t', 'portrait_t',
                  'normalize_t'):
            case(p, 'Grid', g)
        case('colorcount_t', 'Grid,Int', g, 1)
        case('upscale_t', 'Grid,Int', g, 2)
        for r in (0, 1, -1, 2, -3):
            case('get_color_rank_t', 'Grid,Int', g, r)
        for k in range(9):
            case('mir_rot_t', 'Grid,Int', g, k)
    for p in ('p_g', 'mostcolor_t', 'leastcolor_t', 'palette_t', 'numcolors_t', 'hmirror_t', 'vmirror_t',
              'dmirror_t', 'cmirror_t', 'square_t', 'height_t', 'width_t', 'shape_t', 'portrait_t'):
        case(p, 'Grid', ())
    case('get_color_rank_t', 'Grid,Int', (), 0)
    case('height_t', 'Tuple<Int>', (1, 2))
    case('width_t', 'Tuple<Indices>', (FS({(0, 0), (0, 1)}),))
    case('width_t', 'Tuple<Int>', (1, 2))
    case('width_t', 'IndicesSet', OBJS)
    case('upscale_t', 'Grid,Int', G23, 0)
    for s, d in [((0, 0), (2, 3)), ((0, 1), (2, 2)), ((1, 0), (1, 3)), ((0, 1), (2, 3)), ((2, 0), (1, 1)),
                 ((-1, 0), (1, 1)), ((0, 0), (3, 1)), ((0, 0), (0, 2)), ((1, 1), (-1, 5)), ((), (1, 1)),
                 ((0, 0), ()), ((5, 0), ())]:
        case('tk_crop', 'Grid,Pt,Pt', G23, s, d)
    case('tk_crop', 'Grid,Pt,Pt', (), (0, 0), (1, 1))
    for g in (G23, GR, ((1, 2, 3, 4, 5, 6, 7),), GR10, ((1, 2),)):
        for n in (1, 2, 3, 4, 0, -1):
            case('tk_hsplit', 'Grid,Int', g, n)
            case('tk_vsplit', 'Grid,Int', g, n)
    case('tk_hsplit', 'Grid,Int', (), 2)
    case('tk_vsplit', 'Grid,Int', (), 2)
    for loc in ((0, 0), (1, 2), (2, 0), (0, 3), (-1, 0), ()):
        case('tk_index', 'Grid,Pt', G23, loc)
    case('tk_index', 'Grid,Pt', (), (0, 0))
    case('tk_cellwise', 'Grid,Grid,Int', G23, ((1, 0, 3), (4, 5, 0)), 9)
    case('tk_cellwise', 'Grid,Grid,Int', G23, ((1,),), 9)
    case('tk_cellwise', 'Grid,Grid,Int', GT, G23, 0)
    case('tk_cellwise', 'Grid,Grid,Int', G23, (), 0)
    case('tk_cellwise', 'Grid,Grid,Int', (), G23, 0)
    case('tk_cellwise', 'Grid,Grid,Int', ((), ()), (), 0)


# Primitives returning an element of their first argument, whose defaults
# (None, (), frozenset()) battc holds only in an element type that can be one.
ELEMENT_RESULT = {'tk_first', 'second', 'tk_last', 'first_t', 'first_f', 'last_t', 'last_f', 'tk_extract',
                  'tk_other', 'other_t', 'other_f', 'get_nth_f', 'get_nth_by_key_t', 'get_nth_by_key_f',
                  'get_rank', 'get_arg_rank', 'get_arg_rank_t', 'get_arg_rank_f', 'get_common_rank',
                  'get_common_rank_t', 'get_common_rank_f'}
ELEM_KIND = {'Tuple<Int>': 'int', 'IntSet': 'int', 'Grid': 'tuple', 'Tuple<Grid>': 'tuple', 'Tuple<Pt>': 'tuple',
             'IndicesSet': 'set', 'FSet<IntSet>': 'set', 'Tuple<IntSet>': 'set', 'Tuple<Indices>': 'set'}


def unrepresentable(c, argv, value):
    """Whether value is a default the C++ result type cannot hold."""
    if c['prim'] == 'get_color_rank_t':
        return value == ()
    if c['prim'] not in ELEMENT_RESULT or any(x == value for x in argv[0]):
        return False
    kind = ELEM_KIND.get(c['types'][0], 'other')
    if value is None:
        return kind != 'int'
    if value == () and isinstance(value, tuple):
        return kind != 'tuple'
    if isinstance(value, frozenset) and not value:
        return kind != 'set'
    return False


def has_float(v):
    if isinstance(v, float):
        return True
    if isinstance(v, (tuple, frozenset, set)):
        return any(has_float(x) for x in v)
    return False


def no_floats(j):
    """Encoded JSON with floats (nan, inf) spelled as {"repr": ...}."""
    if isinstance(j, float):
        return {'repr': repr(j)}
    if isinstance(j, list):
        return [no_floats(x) for x in j]
    if isinstance(j, dict):
        return {k: no_floats(v) for k, v in j.items()}
    return j


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--tokpidjin', required=True, help="folder of pierreb4/tokpidjin (dsl.py, arc_types.py)")
    ap.add_argument('--shared', required=True, help='the shared folder (reference/canonical_ref.py)')
    ap.add_argument('--out', default=OUT_DIR)
    args = ap.parse_args()
    os.environ['EXPECT_GPU'] = '0'
    sys.path.insert(0, os.path.join(args.shared, 'reference'))
    sys.path.insert(0, args.tokpidjin)
    import canonical_ref  # noqa: E402
    base.canon_key = canonical_ref.canon_key
    stub = types.ModuleType('safe_dsl')
    stub.make_all_dsl_safe = lambda module: None
    sys.modules['safe_dsl'] = stub
    dsl = canonical_ref.load_canonical_module('dsl', os.path.join(args.tokpidjin, 'dsl.py'))

    base.CASES.clear()
    containers()
    ranks()
    samples()
    grids()
    os.makedirs(args.out, exist_ok=True)
    counts = {}
    with open(os.path.join(args.out, 'cases.jsonl'), 'w') as fc, \
            open(os.path.join(args.out, 'expected.jsonl'), 'w') as fe:
        for c in base.CASES:
            py = c['prim'][3:] if c['prim'].startswith('tk_') else c['prim']
            argv = [eval(base.to_py(a).replace('tk_', ''), dsl.__dict__) for a in c['args']]
            try:
                v = getattr(dsl, py)(*argv)
                status, value = 'ok', v
            except Exception:  # a Python exception is a failure
                status, value = 'error', None
            if status == 'ok' and has_float(value):
                c['divergence'] = 'math.nan/inf: no floats in battc'
            elif status == 'ok' and unrepresentable(c, argv, value):
                c['divergence'] = NOT_INT
            rec = {'id': c['id'], 'prim': c['prim'], 'py': py, 'types': c['types'],
                   'args': [base.to_json(a) for a in c['args']]}
            if 'divergence' in c:
                rec['divergence'] = c['divergence']
            fc.write(json.dumps(rec, separators=(',', ':')) + '\n')
            exp = {'id': c['id'], 'status': status}
            if status == 'ok':
                exp['value'] = no_floats(canonical_ref.encode(value))
            fe.write(json.dumps(exp, separators=(',', ':')) + '\n')
            counts[status] = counts.get(status, 0) + 1
    print(f'{len(base.CASES)} cases: {counts}', file=sys.stderr)


if __name__ == '__main__':
    main()
