def solve_documented(I):
    """Mirror the grid.

    A docstring over several lines is allowed.
    """
    O = hmirror(I)
    return O


def solve_single(I):
    'single quotes'
    O = vmirror(I)
    return O
