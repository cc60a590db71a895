#!/usr/bin/env python3
"""Golden outputs of every arc-dsl primitive, made with the reference runner.

Defines argument lists for each of the 160 arc-dsl primitives (normal, edge and
failing inputs; random values come from a seeded RNG, never from ARC data),
runs them through shared/reference/canonical_ref.py (arc-dsl with canonical set
order) and writes:

  tests/golden/primitives/cases.jsonl     one case a line:
      {"id", "prim", "types": [C++ type spellings], "args": [dump JSON],
       "call_types"/"call": the arguments a returned closure is applied to,
       "divergence": why battc fails where Python does not (docs/semantics.md)}
  tests/golden/primitives/expected.jsonl  one line per case id:
      {"id", "status": "ok"|"error"|"timeout", "value" (when ok)}

tests/dsl/golden_primitives_test.cpp replays the cases through battc's DSL.
Usage (see tests/golden/README.md):
  tools/golden/make_primitive_golden.py --arc-dsl DIR --shared DIR
"""
import argparse
import ast
import json
import os
import random
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(REPO, 'tests', 'golden', 'primitives')


class Fn:
    """A primitive passed as a value."""

    def __init__(self, name):
        self.name = name


def F(name):
    return Fn(name)


FS = frozenset

# ------------------------------------------------------------- encoding --

canon_key = None  # taken from canonical_ref.py once its folder is known


def to_json(v):
    if isinstance(v, Fn):
        return {'fn': v.name}
    if isinstance(v, bool) or isinstance(v, int) or v is None:
        return v
    if isinstance(v, tuple):
        return [to_json(x) for x in v]
    if isinstance(v, frozenset):
        return {'set': [to_json(x) for x in sorted(v, key=canon_key)]}
    raise TypeError(repr(v))


def to_py(v):
    if isinstance(v, Fn):
        return v.name
    if isinstance(v, bool) or isinstance(v, int) or v is None:
        return repr(v)
    if isinstance(v, tuple):
        items = [to_py(x) for x in v]
        return '(' + ', '.join(items) + (',' if len(items) == 1 else '') + ')'
    if isinstance(v, frozenset):
        if not v:
            return 'frozenset()'
        return 'frozenset({' + ', '.join(to_py(x) for x in sorted(v, key=canon_key)) + '})'
    raise TypeError(repr(v))


def split_types(s):
    """'Int,Pair<Int,Pt>' -> ['Int', 'Pair<Int,Pt>']"""
    out, depth, cur = [], 0, ''
    for ch in s.replace(' ', ''):
        if ch == ',' and depth == 0:
            out.append(cur)
            cur = ''
            continue
        depth += ch == '<'
        depth -= ch == '>'
        cur += ch
    if cur:
        out.append(cur)
    return out


# ---------------------------------------------------------------- cases --

CASES = []
_count = {}


def case(prim, types, *args, call=None, call_types=None, diverge=None):
    """One golden case: prim(*args) [(*call)], args typed by `types`.

    diverge: a documented difference (docs/semantics.md): battc must fail here
    whatever Python does."""
    types = split_types(types)
    assert len(types) == len(args), (prim, types, args)
    k = _count.get(prim, 0)
    _count[prim] = k + 1
    c = {'id': f'{prim}_{k:02d}', 'prim': prim, 'types': types, 'args': list(args)}
    if call is not None:
        c['call_types'] = split_types(call_types)
        c['call'] = list(call)
        assert len(c['call_types']) == len(call), (prim, call_types, call)
    if diverge:
        c['divergence'] = diverge
    CASES.append(c)


R = random.Random(20240611)


def rgrid(h, w, colors=(0, 1, 2, 3)):
    return tuple(tuple(R.choice(colors) for _ in range(w)) for _ in range(h))


def rind(n, h=6, w=6, off=(0, 0)):
    pts = set()
    while len(pts) < n:
        pts.add((R.randrange(h) + off[0], R.randrange(w) + off[1]))
    return FS(pts)


def robj(n, colors=(1, 2, 3), h=6, w=6, off=(0, 0)):
    return FS((R.choice(colors), p) for p in rind(n, h, w, off))


def robjs(k, colors=(1, 2, 3)):
    objs = set()
    while len(objs) < k:
        objs.add(robj(R.randrange(1, 5), colors))
    return FS(objs)


E = ()               # the empty grid / tuple
W0 = ((), ())        # h > 0, w == 0
G1 = ((7,),)
G23 = ((1, 2, 3), (4, 5, 6))
GT = ((1, 2), (2, 1))  # colour tie
GR = rgrid(5, 6)
GR2 = rgrid(4, 4, (0, 5))
GR3 = rgrid(7, 3, (0, 1, 2))
GR10 = rgrid(10, 10, (0, 0, 0, 1, 2))
# Uniform rows / columns for frontiers and compress.
GF = ((0, 0, 0, 0, 0),
      (1, 2, 0, 3, 1),
      (4, 4, 0, 4, 4),
      (1, 3, 0, 2, 2))
IND = FS({(0, 0), (0, 1), (2, 3)})
IND_R = rind(7)
IND_NEG = FS({(-2, 3), (1, -1), (0, 0)})
OBJ = FS({(1, (0, 0)), (2, (0, 1)), (2, (2, 3))})
OBJ_R = robj(6)
OBJS = FS({FS({(1, (0, 0)), (1, (0, 1))}), FS({(2, (3, 3))}), FS({(1, (5, 5)), (3, (4, 4))})})
OBJS_R = robjs(4)
OBJS_TIE = FS({FS({(1, (0, 0)), (1, (0, 1))}), FS({(2, (3, 3)), (2, (3, 4))}), FS({(3, (5, 5))})})
EMPTY = FS()


def arith():
    for a, b in [(3, 4), (-5, 2), (0, 0)]:
        for p in ('add', 'subtract', 'multiply'):
            case(p, 'Int,Int', a, b)
    for p in ('add', 'subtract', 'multiply', 'divide'):
        case(p, 'Pt,Pt', (1, -7), (3, 2))
        case(p, 'Int,Pt', 10, (3, -4))
        case(p, 'Pt,Int', (9, -9), 2)
    case('add', 'Bool,Int', True, 1)
    for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (1, 0), (0, 0)]:
        case('divide', 'Int,Int', a, b)
    case('divide', 'Pt,Pt', (1, 1), (1, 0))
    case('divide', 'Pt,Int', (4, 4), 0)
    case('divide', 'Int,Pt', 4, (0, 1))
    for p in ('invert', 'double', 'halve', 'increment', 'decrement', 'crement', 'sign'):
        for v in (5, -3, 0):
            case(p, 'Int', v)
        case(p, 'Pt', (5, -5))
        case(p, 'Pt', (0, 2))
    for v in (-3, -4, 0, 7):
        case('even', 'Int', v)
    for v in (True, False):
        case('flip', 'Bool', v)
    for v in (0, 3, -1):
        case('flip', 'Int', v)  # `not n`
    for a in (True, False):
        for b in (True, False):
            case('both', 'Bool,Bool', a, b)
            case('either', 'Bool,Bool', a, b)
    for v in (1, 0, -1):
        case('positive', 'Int', v)
    for a, b in [(3, 2), (2, 3), (2, 2), (-1, -2)]:
        case('greater', 'Int,Int', a, b)
    for v in (3, -2, 0):
        case('toivec', 'Int', v)
        case('tojvec', 'Int', v)
    case('astuple', 'Int,Int', 1, 2)
    case('astuple', 'Int,Int', -1, 0)
    case('astuple', 'Int,Pt', 1, (2, 3))
    case('identity', 'Int', 4)
    case('identity', 'Bool', False)
    case('identity', 'Pt', (1, 2))
    case('identity', 'Grid', GR)
    case('identity', 'Grid', E)
    case('identity', 'Grid', W0)
    case('identity', 'Objects', OBJS)
    case('identity', 'fn_first', F('first'))
    case('equality', 'Int,Int', 3, 3)
    case('equality', 'Int,Int', 3, 4)
    case('equality', 'Int,Bool', 1, True)
    case('equality', 'Bool,Int', False, 0)
    case('equality', 'Pt,Pt', (1, 2), (1, 2))
    case('equality', 'Pt,Pt', (1, 2), (2, 1))
    case('equality', 'Grid,Grid', GR, GR)
    case('equality', 'Grid,Grid', GR, GR2)
    case('equality', 'Grid,Grid', E, E)
    case('equality', 'Grid,Grid', E, W0)
    case('equality', 'Indices,Indices', IND, FS(IND))
    case('equality', 'Indices,Indices', IND, IND_R)
    case('equality', 'Object,Object', OBJ, OBJ)
    case('equality', 'Tuple<Int>,Tuple<Int>', (1, 2), (1, 2, 3))
    case('equality', 'fn_first,fn_first', F('first'), F('first'))
    case('equality', 'fn_first,fn_last', F('first'), F('last'))
    case('equality', 'Int,Pt', 1, (1, 1))
    # Empty containers of different C++ types are equal in Python.
    case('equality', 'Tuple<Int>,Grid', (), ())
    case('equality', 'IntSet,Indices', EMPTY, EMPTY)
    # A point is a 2-tuple of ints, equal to a Tuple<Int> of the same items.
    case('equality', 'Pt,Tuple<Int>', (1, 2), (1, 2))
    case('branch', 'Bool,Int,Int', True, 1, 2)
    case('branch', 'Bool,Int,Int', False, 1, 2)
    case('branch', 'Bool,Grid,Grid', False, GR, E)
    case('branch', 'Bool,Indices,Indices', True, IND, EMPTY)


def containers():
    ti = (5, 1, 3, 1)
    iset = FS({3, -1, 7, 2})
    for p in ('size', 'first', 'last'):
        case(p, 'Tuple<Int>', ti)
        case(p, 'Tuple<Int>', ())
        case(p, 'IntSet', iset)
        case(p, 'IntSet', EMPTY)
        case(p, 'Grid', GR)
        case(p, 'Grid', E)
        case(p, 'Grid', W0)
        case(p, 'Pt', (4, 9))
        case(p, 'Indices', IND_R)
        case(p, 'Object', OBJ_R)
        case(p, 'Objects', OBJS_R)
        case(p, 'Tuple<Grid>', (G1, GR2))
    case('contained', 'Int,Tuple<Int>', 3, ti)
    case('contained', 'Int,Tuple<Int>', 4, ti)
    case('contained', 'Int,Tuple<Int>', 4, ())
    case('contained', 'Bool,Tuple<Int>', True, (0, 1))
    case('contained', 'Int,IntSet', 7, iset)
    case('contained', 'Int,IntSet', 8, iset)
    case('contained', 'Pt,Indices', (0, 1), IND)
    case('contained', 'Pt,Indices', (1, 0), IND)
    case('contained', 'Tuple<Int>,Grid', (4, 5, 6), G23)
    case('contained', 'Tuple<Int>,Grid', (4, 5), G23)
    case('contained', 'Int,Grid', 1, G23)
    case('contained', 'Int,Pt', 2, (1, 2))
    case('contained', 'Pt,Grid', (4, 5), ((1, 2), (4, 5)))
    case('contained', 'Cell,Object', (2, (0, 1)), OBJ)
    case('contained', 'Object,Objects', FS({(2, (3, 3))}), OBJS)
    case('combine', 'Tuple<Int>,Tuple<Int>', (1, 2), (2, 3))
    case('combine', 'Tuple<Int>,Tuple<Int>', (), ())
    case('combine', 'IntSet,IntSet', FS({1, 2}), FS({2, 5}))
    case('combine', 'Grid,Grid', G23, ((7, 8, 9),))
    case('combine', 'Grid,Grid', E, G1)
    case('combine', 'Indices,Indices', IND, IND_R)
    case('combine', 'Objects,Objects', OBJS, OBJS_R)
    case('combine', 'Pt,Pt', (1, 2), (3, 4))
    case('combine', 'Tuple<Grid>,Tuple<Grid>', (G1,), (GR, E))
    case('intersection', 'IntSet,IntSet', FS({1, 2, 3}), FS({2, 3, 4}))
    case('intersection', 'IntSet,IntSet', FS({1}), FS({2}))
    case('intersection', 'IntSet,IntSet', EMPTY, FS({2}))
    case('intersection', 'Indices,Indices', IND, IND | FS({(5, 5)}))
    case('intersection', 'Objects,Objects', OBJS, OBJS_TIE)
    case('difference', 'IntSet,IntSet', FS({1, 2, 3}), FS({2, 3, 4}))
    case('difference', 'IntSet,IntSet', EMPTY, FS({2}))
    case('difference', 'Indices,Indices', IND_R, IND)
    case('difference', 'Object,Object', OBJ, FS({(2, (0, 1)), (5, (5, 5))}))
    case('difference', 'Tuple<Int>,Tuple<Int>', (3, 1, 3, 2), (2,))
    case('difference', 'Objects,Objects', OBJS, OBJS_TIE)
    case('dedupe', 'Tuple<Int>', (3, 1, 3, 2, 1))
    case('dedupe', 'Tuple<Int>', ())
    case('dedupe', 'Grid', ((1, 2), (3, 4), (1, 2)))
    case('dedupe', 'Tuple<Pt>', ((1, 2), (0, 0), (1, 2)))
    case('order', 'Tuple<Int>,fn_identity', (3, 1, 2), F('identity'))
    case('order', 'Tuple<Int>,fn_invert', (3, 1, 2), F('invert'))
    case('order', 'Tuple<Int>,fn_halve', (5, 1, 4, 0, 3, 2), F('halve'))
    case('order', 'Tuple<Int>,fn_even', (5, 1, 4, 0, 3, 2), F('even'))
    case('order', 'Tuple<Int>,fn_identity', (), F('identity'))
    case('order', 'IntSet,fn_invert', iset, F('invert'))
    case('order', 'Objects,fn_size', OBJS_TIE, F('size'))
    case('order', 'Objects,fn_size', OBJS_R, F('size'))
    case('order', 'Grid,fn_maximum', GR, F('maximum'))
    case('order', 'Grid,fn_first', W0, F('first'))
    case('repeat', 'Int,Int', 7, 3)
    case('repeat', 'Int,Int', 7, 0)
    case('repeat', 'Int,Int', 7, -2)
    case('repeat', 'Grid,Int', G1, 2)
    case('repeat', 'Tuple<Int>,Int', (1, 2), 3)
    case('repeat', 'Tuple<Int>,Int', (1, 2), 0)
    case('repeat', 'Pt,Int', (1, 2), 2)
    case('repeat', 'Object,Int', OBJ, 2)
    case('merge', 'Objects', OBJS)
    case('merge', 'Objects', EMPTY)
    case('merge', 'Grid', G23)
    case('merge', 'Grid', E)
    case('merge', 'Tuple<Grid>', (G23, ((0, 0, 0),)))
    case('merge', 'IndicesSet', FS({IND, IND_R}))
    case('merge', 'Tuple<Tuple<Pt>>', (((1, 1),), ((0, 0), (1, 1))))
    for p in ('maximum', 'minimum'):
        case(p, 'IntSet', iset)
        case(p, 'IntSet', EMPTY)
        case(p, 'Tuple<Int>', (2, 9, 9, -4))
        case(p, 'Tuple<Int>', ())
        case(p, 'Tuple<Int>', (-5,))
    for p in ('valmax', 'valmin'):
        case(p, 'Objects,fn_size', OBJS_R, F('size'))
        case(p, 'Objects,fn_size', EMPTY, F('size'))
        case(p, 'Tuple<Int>,fn_invert', (2, 9, -4), F('invert'))
        case(p, 'Tuple<Int>,fn_invert', (), F('invert'))
        case(p, 'IntSet,fn_increment', EMPTY, F('increment'))
        case(p, 'IntSet,fn_halve', iset, F('halve'))
        case(p, 'Indices,fn_first', IND_R, F('first'))
        case(p, 'Indices,fn_first', EMPTY, F('first'))
        case(p, 'Grid,fn_size', GR, F('size'))
    for p in ('argmax', 'argmin'):
        case(p, 'Tuple<Int>,fn_identity', (3, 1, 3, 1), F('identity'))
        case(p, 'Tuple<Int>,fn_even', (3, 2, 4, 1), F('even'))
        case(p, 'Tuple<Int>,fn_identity', (), F('identity'))
        case(p, 'Objects,fn_size', OBJS_TIE, F('size'))
        case(p, 'Objects,fn_size', OBJS_R, F('size'))
        case(p, 'Objects,fn_size', EMPTY, F('size'))
        case(p, 'IntSet,fn_invert', iset, F('invert'))
        case(p, 'Indices,fn_first', IND_R, F('first'))
        case(p, 'Grid,fn_maximum', GR, F('maximum'))
    for p in ('mostcommon', 'leastcommon'):
        case(p, 'Tuple<Int>', (1, 2, 2, 3, 3))
        case(p, 'Tuple<Int>', (3, 1, 1, 2, 3, 1))
        case(p, 'Tuple<Int>', (4,))
        case(p, 'Tuple<Int>', ())
        case(p, 'Grid', ((1, 2), (3, 4), (1, 2)))
        case(p, 'Tuple<Pt>', ((1, 2), (0, 0), (1, 2), (0, 0), (5, 5)))
        case(p, 'IntSet', iset)
        case(p, 'Grid', E)
    case('initset', 'Int', 3)
    case('initset', 'Pt', (1, 2))
    case('initset', 'Object', OBJ)
    case('initset', 'Grid', G23)
    case('sfilter', 'Tuple<Int>,fn_even', (5, 1, 4, 0, 3, 2), F('even'))
    case('sfilter', 'Tuple<Int>,fn_identity', (5, 0, -1, 0), F('identity'))
    case('sfilter', 'IntSet,fn_positive', iset, F('positive'))
    case('sfilter', 'Tuple<Int>,fn_even', (), F('even'))
    case('sfilter', 'Indices,fn_first', IND_R, F('first'))
    case('sfilter', 'IndicesSet,fn_size', FS({EMPTY, IND}), F('size'))
    case('mfilter', 'IndicesSet,fn_size', FS({EMPTY, IND, IND_R}), F('size'))
    case('mfilter', 'IndicesSet,fn_size', EMPTY, F('size'))
    case('mfilter', 'Tuple<Grid>,fn_size', (E, G23, ((7, 8, 9),)), F('size'))
    case('extract', 'Tuple<Int>,fn_even', (5, 1, 4, 0), F('even'))
    case('extract', 'Tuple<Int>,fn_even', (5, 1), F('even'))
    case('extract', 'IntSet,fn_positive', iset, F('positive'))
    case('extract', 'Tuple<Int>,fn_even', (), F('even'))
    case('totuple', 'IntSet', iset)
    case('totuple', 'IntSet', EMPTY)
    case('totuple', 'Indices', IND_R)
    case('totuple', 'Objects', OBJS_R)
    case('insert', 'Int,IntSet', 4, iset)
    case('insert', 'Int,IntSet', 3, iset)
    case('insert', 'Int,IntSet', 3, EMPTY)
    case('insert', 'Pt,Indices', (9, 9), IND)
    case('insert', 'Object,Objects', OBJ, OBJS)
    case('remove', 'Int,Tuple<Int>', 1, ti)
    case('remove', 'Int,Tuple<Int>', 9, ti)
    case('remove', 'Int,IntSet', 7, iset)
    case('remove', 'Pt,Indices', (0, 1), IND)
    case('remove', 'Tuple<Int>,Grid', (1, 2, 3), G23)
    case('remove', 'Int,Pt', 1, (1, 2))
    case('remove', 'Object,Objects', FS({(2, (3, 3))}), OBJS)
    case('other', 'IntSet,Int', FS({1, 2}), 1)
    case('other', 'IntSet,Int', FS({1, 2}), 3)
    case('other', 'IntSet,Int', FS({1}), 1)
    case('other', 'Tuple<Int>,Int', (5, 5, 3), 5)
    case('other', 'Objects,Object', OBJS, FS({(2, (3, 3))}))
    case('other', 'Pt,Int', (2, 2), 2)
    for a, b, s in [(0, 5, 1), (5, 0, -1), (0, 5, 2), (0, 5, 0), (5, 0, 1), (-3, 3, 2), (0, 0, 1), (10, -1, -3)]:
        case('interval', 'Int,Int,Int', a, b, s)
    case('product', 'IntSet,IntSet', FS({1, 2}), FS({0, 5}))
    case('product', 'Tuple<Int>,Tuple<Int>', (3, 3, 1), (2,))
    case('product', 'IntSet,IntSet', EMPTY, FS({0}))
    case('product', 'IntSet,Indices', FS({4}), IND)
    case('pair', 'Tuple<Int>,Tuple<Int>', (1, 2, 3), (4, 5, 6))
    case('pair', 'Tuple<Int>,Tuple<Int>', (1, 2, 3), (4,))
    case('pair', 'Tuple<Int>,Tuple<Int>', (), (4,))
    case('pair', 'Tuple<Grid>,Tuple<Grid>', (G1, GR2), (GR, E))
    case('apply', 'fn_increment,Tuple<Int>', F('increment'), ti)
    case('apply', 'fn_invert,IntSet', F('invert'), iset)
    case('apply', 'fn_halve,IntSet', F('halve'), iset)
    case('apply', 'fn_size,Objects', F('size'), OBJS_TIE)
    case('apply', 'fn_first,Grid', F('first'), G23)
    case('apply', 'fn_first,Grid', F('first'), W0)
    case('apply', 'fn_even,IntSet', F('even'), iset)
    case('apply', 'fn_double,Pt', F('double'), (3, 4))
    case('apply', 'fn_last,Objects', F('last'), OBJS)
    case('apply', 'fn_increment,Tuple<Int>', F('increment'), ())
    case('rapply', 'Pair<fn_first,fn_last>,Tuple<Int>', (F('first'), F('last')), ti)
    case('rapply', 'Pair<fn_first,fn_last>,Tuple<Int>', (F('first'), F('last')), ())
    case('rapply', 'Pair<fn_maximum,fn_minimum>,IntSet', (F('maximum'), F('minimum')), iset)
    case('rapply', 'FSet<fn_size>,Grid', FS({F('size')}), G23)
    case('rapply', 'Tuple<fn_size>,Objects', (F('size'), F('size')), OBJS)
    case('mapply', 'fn_identity,Objects', F('identity'), OBJS)
    case('mapply', 'fn_identity,Tuple<Grid>', F('identity'), (G23, ((0, 0, 0),)))
    case('mapply', 'fn_dedupe,Grid', F('dedupe'), ((1, 1, 2), (3, 2, 3)))
    case('mapply', 'fn_identity,Objects', F('identity'), EMPTY)
    case('papply', 'fn_add,Tuple<Int>,Tuple<Int>', F('add'), (1, 2, 3), (10, 20))
    case('papply', 'fn_astuple,Tuple<Int>,Tuple<Int>', F('astuple'), (1, 2), (3, 4))
    case('papply', 'fn_divide,Tuple<Int>,Tuple<Int>', F('divide'), (1, 2), (1, 0))
    case('papply', 'fn_greater,Tuple<Int>,Tuple<Int>', F('greater'), (1, 5), (3, 4))
    case('papply', 'fn_add,Tuple<Int>,Tuple<Int>', F('add'), (), (1,))
    case('mpapply', 'fn_astuple,Tuple<Int>,Tuple<Int>', F('astuple'), (1, 2), (3, 4))
    case('mpapply', 'fn_combine,Grid,Grid', F('combine'), G23, ((0,), (9,)))
    case('mpapply', 'fn_astuple,Tuple<Int>,Tuple<Int>', F('astuple'), (), ())
    case('prapply', 'fn_add,IntSet,IntSet', F('add'), FS({1, 2}), FS({10, 20}))
    case('prapply', 'fn_astuple,IntSet,Tuple<Int>', F('astuple'), FS({1, 2}), (3, 3))
    case('prapply', 'fn_divide,IntSet,IntSet', F('divide'), FS({0, 1}), FS({0}))
    case('prapply', 'fn_add,IntSet,IntSet', F('add'), EMPTY, FS({1}))
    case('sizefilter', 'Objects,Int', OBJS_R, 2)
    case('sizefilter', 'Objects,Int', OBJS_TIE, 2)
    case('sizefilter', 'IndicesSet,Int', FS({EMPTY, IND}), 0)
    case('sizefilter', 'Grid,Int', G23, 3)
    case('sizefilter', 'Objects,Int', EMPTY, 1)


def closures():
    def cl(prim, types, args, call_types, call):
        case(prim, types, *args, call=call, call_types=call_types)

    cl('compose', 'fn_increment,fn_double', (F('increment'), F('double')), 'Int', (3,))
    cl('compose', 'fn_first,fn_last', (F('first'), F('last')), 'Grid', (G23,))
    cl('compose', 'fn_first,fn_last', (F('first'), F('last')), 'Grid', (E,))
    cl('compose', 'fn_size,fn_first', (F('size'), F('first')), 'Objects', (OBJS_R,))
    cl('compose', 'fn_invert,fn_maximum', (F('invert'), F('maximum')), 'IntSet', (FS({1, 5}),))
    cl('chain', 'fn_increment,fn_double,fn_invert', (F('increment'), F('double'), F('invert')), 'Int', (3,))
    cl('chain', 'fn_size,fn_first,fn_last', (F('size'), F('first'), F('last')), 'Tuple<Grid>', ((G1, G23),))
    cl('chain', 'fn_size,fn_first,fn_last', (F('size'), F('first'), F('last')), 'Tuple<Grid>', ((),))
    cl('chain', 'fn_halve,fn_halve,fn_halve', (F('halve'),) * 3, 'Pt', ((-9, 9),))
    cl('matcher', 'fn_size,Int', (F('size'), 2), 'Tuple<Int>', ((1, 2),))
    cl('matcher', 'fn_size,Int', (F('size'), 2), 'Tuple<Int>', ((1,),))
    cl('matcher', 'fn_first,Int', (F('first'), 1), 'IntSet', (FS({3, 1}),))
    cl('matcher', 'fn_first,Int', (F('first'), 0), 'Tuple<Int>', ((),))
    cl('matcher', 'fn_identity,Pt', (F('identity'), (1, 2)), 'Pt', ((1, 2),))
    cl('rbind', 'fn_add,Int', (F('add'), 1), 'Int', (5,))
    cl('rbind', 'fn_subtract,Int', (F('subtract'), 1), 'Int', (5,))
    cl('rbind', 'fn_interval,Int', (F('interval'), 2), 'Int,Int', (0, 7))
    cl('rbind', 'fn_contained,Tuple<Int>', (F('contained'), (1, 2)), 'Int', (2,))
    cl('rbind', 'fn_divide,Int', (F('divide'), 0), 'Int', (5,))
    cl('rbind', 'fn_astuple,Int', (F('astuple'), 9), 'Int', (1,))
    cl('lbind', 'fn_subtract,Int', (F('subtract'), 10), 'Int', (3,))
    cl('lbind', 'fn_interval,Int', (F('interval'), 0), 'Int,Int', (10, 3))
    cl('lbind', 'fn_contained,Int', (F('contained'), 2), 'Tuple<Int>', ((1, 2),))
    cl('lbind', 'fn_divide,Int', (F('divide'), 5), 'Int', (0,))
    cl('lbind', 'fn_astuple,Int', (F('astuple'), 9), 'Int', (1,))
    cl('power', 'fn_increment,Int', (F('increment'), 3), 'Int', (5,))
    cl('power', 'fn_double,Int', (F('double'), 1), 'Int', (3,))
    cl('power', 'fn_invert,Int', (F('invert'), 2), 'Int', (4,))
    cl('power', 'fn_increment,Int', (F('increment'), 0), 'Int', (5,))
    cl('power', 'fn_increment,Int', (F('increment'), -1), 'Int', (5,))
    cl('power', 'fn_halve,Int', (F('halve'), 5), 'Pt', ((100, -100),))
    cl('power', 'fn_increment,Int', (F('increment'), 500), 'Int', (0,))
    cl('fork', 'fn_add,fn_first,fn_last', (F('add'), F('first'), F('last')), 'Tuple<Int>', ((3, 1, 4),))
    cl('fork', 'fn_add,fn_first,fn_last', (F('add'), F('first'), F('last')), 'Tuple<Int>', ((),))
    cl('fork', 'fn_astuple,fn_size,fn_maximum', (F('astuple'), F('size'), F('maximum')), 'IntSet', (FS({4, 9, 2}),))
    cl('fork', 'fn_combine,fn_first,fn_last', (F('combine'), F('first'), F('last')), 'Grid', (G23,))


def grids():
    grids_all = [GR, GR2, GR3, G23, G1, GT, E, W0]
    for p in ('mostcolor', 'leastcolor', 'palette', 'numcolors'):
        for g in grids_all:
            case(p, 'Grid', g)
        case(p, 'Object', OBJ)
        case(p, 'Object', OBJ_R)
        case(p, 'Object', EMPTY)
        case(p, 'Indices', IND)
    for p in ('height', 'width', 'shape', 'portrait', 'square'):
        for g in [GR, GR3, G1, E, W0, ((1, 2), (3, 4))]:
            case(p, 'Grid', g)
        for ind in [IND, IND_R, IND_NEG, EMPTY, FS({(0, 0), (0, 1), (1, 0), (1, 1)})]:
            case(p, 'Indices', ind)
        case(p, 'Object', OBJ_R)
        case(p, 'Object', EMPTY)
    for v in (0, 2, 9):
        case('colorcount', 'Grid,Int', GR, v)
        case('colorcount', 'Object,Int', OBJ, v)
    case('colorcount', 'Grid,Int', E, 0)
    case('colorcount', 'Indices,Int', IND, 0)
    case('colorfilter', 'IndicesSet,Int', FS({IND, IND_R, FS({(1, 1)})}), 0)
    case('colorfilter', 'Objects,Int', OBJS, 1)
    case('colorfilter', 'Objects,Int', OBJS_R, 2)
    case('colorfilter', 'Objects,Int', EMPTY, 2)
    case('colorfilter', 'Objects,Int', FS({EMPTY, OBJ}), 1)
    for g in (G23, E, W0, G1):
        case('asindices', 'Grid', g)
        case('asobject', 'Grid', g)
    for g, v in ((GR, 0), (GR, 3), (GR, 9), (E, 0), (W0, 0)):
        case('ofcolor', 'Grid,Int', g, v)
    for start, dims in [((1, 1), (2, 3)), ((0, 0), (9, 9)), ((3, 4), (5, 5)), ((-1, 0), (2, 2)),
                        ((0, -2), (3, 5)), ((0, 6), (2, 2)), ((2, 2), (0, 2)), ((1, 1), (-1, 2))]:
        case('crop', 'Grid,Pt,Pt', GR, start, dims)
    case('crop', 'Grid,Pt,Pt', E, (0, 0), (1, 1))
    for g in [GR, GR3, G23, G1, E, W0]:
        for p in ('rot90', 'rot180', 'rot270', 'hmirror', 'vmirror', 'dmirror', 'cmirror',
                  'tophalf', 'bottomhalf', 'lefthalf', 'righthalf', 'trim', 'compress'):
            case(p, 'Grid', g)
    for p in ('compress', 'frontiers'):
        case(p, 'Grid', GF)
        case(p, 'Grid', ((1, 1), (1, 1)))
    for g in [GR, GR3, G1, E, W0, GT]:
        case('frontiers', 'Grid', g)
    for p in ('fill', 'underfill'):
        case(p, 'Grid,Int,Indices', GR, 8, IND | FS({(9, 9), (-1, 0)}))
        case(p, 'Grid,Int,Object', GR, 8, OBJ)
        case(p, 'Grid,Int,Indices', GR, 8, EMPTY)
        case(p, 'Grid,Int,Indices', E, 8, IND)
        case(p, 'Grid,Int,Indices', W0, 8, IND)
    for p in ('paint', 'underpaint'):
        case(p, 'Grid,Object', GT, FS({(5, (0, 0)), (6, (0, 1))}))
        case(p, 'Grid,Object', W0, OBJ)
        case(p, 'Grid,Object', GR, OBJ_R | FS({(7, (20, 0))}))
        case(p, 'Grid,Object', GR3, OBJ)
        case(p, 'Grid,Object', GR, EMPTY)
        case(p, 'Grid,Object', E, OBJ)
    for p in ('hupscale', 'vupscale', 'upscale', 'downscale'):
        for f in (2, 1, 3, 0, -1):
            case(p, 'Grid,Int', G23 if p != 'downscale' else GR, f)
        case(p, 'Grid,Int', E, 2)
        case(p, 'Grid,Int', W0, 2)
    case('upscale', 'Object,Int', OBJ, 2)
    case('upscale', 'Object,Int', FS({(3, (2, 5))}), 3)
    case('upscale', 'Object,Int', EMPTY, 2)
    case('upscale', 'Object,Int', OBJ, 0)
    case('downscale', 'Grid,Int', GR10, 3)
    for a, b in [(G23, ((0,), (9,))), (G23, GR), (E, G23), (G1, E), (W0, G23)]:
        case('hconcat', 'Grid,Grid', a, b)
    for a, b in [(G23, ((0, 0, 0),)), (E, G23), (G1, E), (W0, W0)]:
        case('vconcat', 'Grid,Grid', a, b)
    for p in ('hsplit', 'vsplit'):
        for g, n in [(GR, 2), (GR, 3), (GR, 4), (GR3, 2), (GR, 1), (GR, 0), (E, 2), (W0, 2)]:
            case(p, 'Grid,Int', g, n)
    g2 = tuple(tuple(v if (i + j) % 3 else 9 for j, v in enumerate(r)) for i, r in enumerate(GR))
    case('cellwise', 'Grid,Grid,Int', GR, g2, 0)
    case('cellwise', 'Grid,Grid,Int', G1, GR, 5)
    case('cellwise', 'Grid,Grid,Int', GR, G1, 5)
    case('cellwise', 'Grid,Grid,Int', E, E, 5)
    case('cellwise', 'Grid,Grid,Int', W0, W0, 5)
    for a, b in [(0, 7), (3, 0), (9, 1), (1, 1)]:
        case('replace', 'Grid,Int,Int', GR, a, b)
        case('switch', 'Grid,Int,Int', GR, a, b)
    case('replace', 'Grid,Int,Int', E, 0, 1)
    case('switch', 'Grid,Int,Int', E, 0, 1)
    for loc in [(0, 0), (4, 5), (5, 0), (-1, 0), (2, -1), (1, 2)]:
        case('index', 'Grid,Pt', GR, loc)
    case('index', 'Grid,Pt', E, (0, 0))
    case('index', 'Grid,Pt', W0, (0, 0))
    for v, dims in [(3, (2, 4)), (0, (0, 3)), (5, (3, 0)), (1, (-1, 2)), (2, (1, 1))]:
        case('canvas', 'Int,Pt', v, dims)
    for start, d in [((0, 0), (1, 0)), ((2, 3), (1, 1)), ((2, 3), (0, -1)), ((5, 5), (-1, 1)),
                     ((1, 1), (0, 0)), ((1, 1), (1, 2))]:
        case('shoot', 'Pt,Pt', start, d)
    for a, b in [((1, 1), (1, 4)), ((4, 2), (0, 2)), ((0, 0), (3, 3)), ((3, 0), (0, 3)),
                 ((3, 3), (0, 0)), ((0, 0), (1, 2)), ((2, 2), (2, 2)), ((-1, 5), (2, 2))]:
        case('connect', 'Pt,Pt', a, b)
    for loc in [(2, 3), (-1, 40), (0, 0)]:
        case('vfrontier', 'Pt', loc)
        case('hfrontier', 'Pt', loc)
        case('dneighbors', 'Pt', loc)
        case('ineighbors', 'Pt', loc)
        case('neighbors', 'Pt', loc)


def objects_():
    ograds = [GR, GR2, GR10, G1, GT]
    for g in ograds:
        for uni in (True, False):
            for diag in (True, False):
                for nobg in (True, False):
                    if g is not GR and (uni, diag, nobg) not in [(True, False, True), (False, True, False)]:
                        continue
                    case('objects', 'Grid,Bool,Bool,Bool', g, uni, diag, nobg)
    case('objects', 'Grid,Bool,Bool,Bool', E, True, False, False)
    case('objects', 'Grid,Bool,Bool,Bool', E, True, False, True)
    case('objects', 'Grid,Bool,Bool,Bool', W0, True, True, False)
    case('objects', 'Grid,Bool,Bool,Bool', W0, False, True, True)
    for p in ('partition', 'fgpartition'):
        for g in [GR, GR3, GT, G1, E, W0]:
            case(p, 'Grid', g)
    for g in [GR, E]:
        case('toobject', 'Indices,Grid', IND | FS({(9, 9), (-1, 0)}), g)
    case('toobject', 'Object,Grid', OBJ, GR)
    case('toobject', 'Indices,Grid', EMPTY, GR)
    case('toobject', 'Indices,Grid', IND, W0)
    case('color', 'Object', OBJ)
    case('color', 'Object', OBJ_R)
    case('color', 'Object', EMPTY)
    case('color', 'Indices', IND)
    per = FS((c, (i, j)) for i in range(3) for j, c in enumerate((1, 2, 3, 1, 2, 3, 1)))
    vper = FS((c, (i + 1, j + 2)) for j in range(2) for i, c in enumerate((4, 5, 4, 5, 4)))
    for p in ('hperiod', 'vperiod'):
        for o in (per, vper, OBJ, OBJ_R, FS({(1, (3, 3))}), EMPTY):
            case(p, 'Object', o)
        case(p, 'Indices', IND)
        case(p, 'Indices', FS({(3, 3)}))
    case('occurrences', 'Grid,Object', GR, FS({(0, (0, 0)), (1, (0, 1))}))
    case('occurrences', 'Grid,Object', GR, FS({(GR[2][3], (7, 7)), (GR[3][3], (8, 7))}))
    case('occurrences', 'Grid,Object', GR, FS({(9, (0, 0))}))
    case('occurrences', 'Grid,Object', G23, EMPTY)
    case('occurrences', 'Grid,Object', E, OBJ)
    case('occurrences', 'Grid,Object', GR10, FS({(0, (0, 0)), (0, (0, 1)), (0, (1, 0))}))
    case('move', 'Grid,Object,Pt', GR, OBJ, (1, 2))
    case('move', 'Grid,Object,Pt', GR, OBJ_R, (-2, 0))
    case('move', 'Grid,Object,Pt', GR, EMPTY, (1, 1))
    case('move', 'Grid,Object,Pt', E, OBJ, (1, 1))
    case('move', 'Grid,Object,Pt', GT, FS({(1, (0, 0)), (2, (0, 1))}), (1, 0))
    case('move', 'Grid,Object,Pt', GR, OBJ, (30, 30))


def patches():
    pats = [('Indices', IND), ('Indices', IND_R), ('Indices', IND_NEG), ('Indices', FS({(4, 2)})),
            ('Object', OBJ), ('Object', OBJ_R), ('Indices', EMPTY), ('Object', EMPTY)]
    single = ('ulcorner', 'urcorner', 'llcorner', 'lrcorner', 'toindices', 'normalize',
              'uppermost', 'lowermost', 'leftmost', 'rightmost', 'vline', 'hline',
              'centerofmass', 'center', 'corners', 'backdrop', 'delta', 'inbox', 'outbox',
              'box', 'hmirror', 'vmirror', 'dmirror', 'cmirror')
    # the empty patch's corners are Python's () (battc's kEmptyPt): compared as values
    for p in single:
        for t, v in pats:
            case(p, t, v)
    lines = [FS({(1, 3), (2, 3), (3, 3)}), FS({(1, 3), (3, 3)}), FS({(2, 0), (2, 1)})]
    for ln in lines:
        case('vline', 'Indices', ln)
        case('hline', 'Indices', ln)
    for g in (GR, ((1,), (2,)), ((1, 2),), G1, E, W0):
        case('vline', 'Grid', g)
        case('hline', 'Grid', g)
    big = rind(12, 8, 8, (1, 1))
    for p in ('inbox', 'outbox', 'box', 'delta', 'backdrop'):
        case(p, 'Indices', big)
    for v in (3, 0):
        case('recolor', 'Int,Indices', v, IND)
        case('recolor', 'Int,Object', v, OBJ)
    case('recolor', 'Int,Indices', 1, EMPTY)
    for t, v in pats[:6]:
        case('shift', t + ',Pt', v, (2, -3))
    case('shift', 'Indices,Pt', EMPTY, (1, 1))
    case('shift', 'Object,Pt', OBJ, (0, 0))
    a, b = FS({(0, 0), (0, 1)}), FS({(3, 3), (4, 3)})
    c = FS({(1, 1), (2, 2)})
    d = FS({(0, 2)})
    pairs = [(a, b), (a, c), (b, c), (a, d), (c, d), (b, b), (a, EMPTY)]
    for p in ('hmatching', 'vmatching', 'manhattan', 'adjacent', 'position'):
        for x, y in pairs:
            case(p, 'Indices,Indices', x, y)
        case(p, 'Object,Object', OBJ, OBJ_R)
        case(p, 'Indices,Object', IND_R, OBJ)
    case('position', 'Indices,Indices', FS({(0, 0)}), FS({(3, 3)}))
    case('position', 'Indices,Indices', FS({(3, 3)}), FS({(0, 0)}))
    case('position', 'Indices,Indices', FS({(3, 0)}), FS({(0, 3)}))
    case('position', 'Indices,Indices', FS({(0, 3)}), FS({(3, 0)}))
    case('position', 'Indices,Indices', FS({(3, 0)}), FS({(0, 0)}))
    for x, y in [(a, b), (b, a), (a, c), (d, b), (FS({(0, 0)}), FS({(0, 9)})), (FS({(9, 9)}), FS({(0, 0)}))]:
        case('gravitate', 'Indices,Indices', x, y)
    case('gravitate', 'Object,Object', OBJ, FS({(5, (7, 7))}))
    case('gravitate', 'Indices,Indices', FS({(0, 0)}), FS({(0, 60)}))
    for pt, g in [(IND, GR), (FS({(2, 2)}), GR), (FS({(4, 2)}), GR), (FS({(2, 5)}), GR), (EMPTY, GR), (IND, E)]:
        case('bordering', 'Indices,Grid', pt, g)
    case('bordering', 'Object,Grid', OBJ, GR)
    for t, v in [('Indices', IND), ('Object', OBJ_R), ('Indices', EMPTY), ('Indices', FS({(9, 9)}))]:
        case('subgrid', t + ',Grid', v, GR)
    case('subgrid', 'Indices,Grid', IND, E)
    for p in ('cover',):
        case(p, 'Grid,Indices', GR, IND)
        case(p, 'Grid,Object', GR, OBJ)
        case(p, 'Grid,Indices', E, IND)
        case(p, 'Grid,Indices', GR, EMPTY)
        case(p, 'Grid,Indices', GT, FS({(0, 0)}))
        case(p, 'Grid,Indices', W0, IND)


def higher_order():
    """Container and closure primitives taking grid and patch primitives."""
    case('order', 'Objects,fn_ulcorner', OBJS_R, F('ulcorner'))
    case('order', 'Objects,fn_width', OBJS_TIE, F('width'))
    case('argmax', 'Objects,fn_lowermost', OBJS_TIE, F('lowermost'))
    case('argmin', 'Objects,fn_color', OBJS_R, F('color'))
    case('valmax', 'Objects,fn_width', OBJS_R, F('width'))
    case('valmin', 'Objects,fn_ulcorner', OBJS_R, F('ulcorner'))
    case('apply', 'fn_toindices,Objects', F('toindices'), OBJS)
    case('apply', 'fn_rot90,Tuple<Grid>', F('rot90'), (G23, GR2))
    case('apply', 'fn_color,Objects', F('color'), OBJS_R)
    case('mapply', 'fn_toindices,Objects', F('toindices'), OBJS)
    case('mapply', 'fn_neighbors,Indices', F('neighbors'), FS({(0, 0), (0, 1)}))
    case('mfilter', 'Objects,fn_hline', OBJS, F('hline'))
    case('sfilter', 'Objects,fn_square', OBJS_R, F('square'))
    case('extract', 'Objects,fn_vline', OBJS, F('vline'))
    case('mpapply', 'fn_connect,Tuple<Pt>,Tuple<Pt>', F('connect'), ((0, 0), (5, 5)), ((0, 2), (3, 2)))
    case('prapply', 'fn_manhattan,IndicesSet,IndicesSet', F('manhattan'), FS({IND, IND_R}), FS({FS({(9, 9)})}))
    case('rapply', 'Pair<fn_height,fn_width>,Grid', (F('height'), F('width')), GR)
    case('rapply', 'Pair<fn_ulcorner,fn_lrcorner>,Indices', (F('ulcorner'), F('lrcorner')), IND_R)
    case('sizefilter', 'Objects,Int', OBJS_R, 1)
    case('rbind', 'fn_objects,Bool', F('objects'), True, call=(GR, True, False), call_types='Grid,Bool,Bool')
    case('lbind', 'fn_shift,Indices', F('shift'), IND, call=((1, 1),), call_types='Pt')
    case('lbind', 'fn_fill,Grid', F('fill'), GR, call=(7, IND), call_types='Int,Indices')
    case('compose', 'fn_normalize,fn_first', F('normalize'), F('first'), call=(OBJS_R,), call_types='Objects')
    case('power', 'fn_rot90,Int', F('rot90'), 3, call=(G23,), call_types='Grid')
    case('fork', 'fn_shift,fn_identity,fn_ulcorner', F('shift'), F('identity'), F('ulcorner'),
         call=(IND_R,), call_types='Indices')
    case('matcher', 'fn_color,Int', F('color'), 2, call=(OBJ,), call_types='Object')
    case('chain', 'fn_size,fn_toindices,fn_first', F('size'), F('toindices'), F('first'),
         call=(OBJS_R,), call_types='Objects')


def all_cases():
    arith()
    containers()
    closures()
    grids()
    objects_()
    patches()
    higher_order()


# ------------------------------------------------------------------ run --

def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--arc-dsl', required=True, help='folder of michaelhodel/arc-dsl (dsl.py)')
    ap.add_argument('--shared', required=True, help='the shared folder (reference/canonical_ref.py)')
    ap.add_argument('--out', default=OUT_DIR, help='where cases.jsonl and expected.jsonl go')
    ap.add_argument('--keep', help='keep the temporary programs, task and dump in this folder')
    ap.add_argument('--print-reg', action='store_true',
                    help='print the REG/REGC lines the C++ test needs for these cases, and stop')
    return ap.parse_args()


def load_reference(shared):
    """The path of canonical_ref.py; its set order becomes to_json's (canon_key)."""
    global canon_key
    ref = os.path.join(shared, 'reference', 'canonical_ref.py')
    sys.path.insert(0, os.path.dirname(os.path.abspath(ref)))
    import canonical_ref  # noqa: E402
    canon_key = canonical_ref.canon_key
    return ref


def check_cases(arc_dsl):
    """Exits unless case ids are unique and every primitive of arc_dsl/dsl.py has a case."""
    ids = [c['id'] for c in CASES]
    assert len(ids) == len(set(ids))
    with open(os.path.join(arc_dsl, 'dsl.py')) as f:
        defined = {n.name for n in ast.parse(f.read()).body if isinstance(n, ast.FunctionDef)}
    missing = sorted(defined - {c['prim'] for c in CASES})
    if missing:
        sys.exit(f'primitives without cases: {missing}')


def print_reg():
    """The C++ test's REG/REGC lines for the cases, each once, in case order."""
    seen = set()
    for c in CASES:
        if 'call' in c:
            line = f"REGC({c['prim']}, Call<{', '.join(c['call_types'])}>, {', '.join(c['types'])});"
        else:
            line = f"REG({c['prim']}, {', '.join(c['types'])});"
        if line not in seen:
            seen.add(line)
            print(line)


def write_programs(path):
    """One solver per case, solve_<id>, returning the primitive's call."""
    with open(path, 'w') as f:
        f.write('from dsl import *\n\n')
        for c in CASES:
            expr = f"{c['prim']}({', '.join(to_py(a) for a in c['args'])})"
            if 'call' in c:
                expr += f"({', '.join(to_py(a) for a in c['call'])})"
            f.write(f"def solve_{c['id']}(I):\n    return {expr}\n\n")


def run_reference(ref, arc_dsl, tmp):
    """Each case's dump record from the reference runner, by case id. The
    programs ignore their input: one one-pixel pair runs each once."""
    os.makedirs(tmp, exist_ok=True)
    programs = os.path.join(tmp, 'golden_programs.py')
    task = os.path.join(tmp, 'golden_task.json')
    dump = os.path.join(tmp, 'golden_dump.jsonl')
    write_programs(programs)
    with open(task, 'w') as f:
        json.dump({'train': [{'input': [[0]], 'output': [[0]]}], 'test': []}, f)
    subprocess.run([sys.executable, ref, '--dsl', arc_dsl, '--programs', programs,
                    '--tasks', task, '--pairing', 'all', '--out', dump], check=True)
    results = {}
    with open(dump) as f:
        for line in f:
            rec = json.loads(line)
            results[rec['program'][len('solve_'):]] = rec
    return results


def write_cases(path):
    with open(path, 'w') as f:
        for c in CASES:
            rec = {'id': c['id'], 'prim': c['prim'], 'types': c['types'],
                   'args': [to_json(a) for a in c['args']]}
            if 'call' in c:
                rec['call_types'] = c['call_types']
                rec['call'] = [to_json(a) for a in c['call']]
            if 'divergence' in c:
                rec['divergence'] = c['divergence']
            f.write(json.dumps(rec, separators=(',', ':')) + '\n')


def write_expected(path, results):
    with open(path, 'w') as f:
        for c in CASES:
            r = results[c['id']]
            rec = {'id': c['id'], 'status': r['status']}
            if r['status'] == 'ok':
                rec['value'] = r['value']
            f.write(json.dumps(rec, separators=(',', ':')) + '\n')


def print_summary(results):
    prims = sorted({c['prim'] for c in CASES})
    counts = {}
    for c in CASES:
        counts[results[c['id']]['status']] = counts.get(results[c['id']]['status'], 0) + 1
    print(f'{len(CASES)} cases of {len(prims)} primitives: {counts}', file=sys.stderr)


def main():
    args = parse_args()
    ref = load_reference(args.shared)
    all_cases()
    check_cases(args.arc_dsl)
    if args.print_reg:
        print_reg()
        return
    results = run_reference(ref, args.arc_dsl, args.keep or tempfile.mkdtemp(prefix='battc_golden_'))
    os.makedirs(args.out, exist_ok=True)
    write_cases(os.path.join(args.out, 'cases.jsonl'))
    write_expected(os.path.join(args.out, 'expected.jsonl'), results)
    print_summary(results)


if __name__ == '__main__':
    main()
