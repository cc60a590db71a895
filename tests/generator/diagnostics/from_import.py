from dsl import *
from arc.constants import *
from dsl import hmirror


def solve_imports(I):
    O = hmirror(I)
    return O
