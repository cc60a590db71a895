def solve_nested(I):
    O = hmirror(vmirror(I))
    return O


def solve_nested_ill_typed(I):
    O = upscale(objects(I, T, F, T), vmirror(I))
    return O


def solve_lambda_in_lambda(I):
    x1 = apply(lambda o: apply(lambda c: c, o), objects(I, T, F, T))
    return I


def solve_lambda_nested_call(I):
    x1 = apply(lambda o: shift(o, double(UNITY)), objects(I, T, F, T))
    return I


def solve_lambda_unused(I):
    x1 = apply(lambda o: shift(I, UNITY), objects(I, T, F, T))
    return I


def solve_lambda_twice(I):
    x1 = apply(lambda o: combine(o, o), objects(I, T, F, T))
    return I


def solve_lambda_two_params(I):
    x1 = apply(lambda o, p: combine(o, p), objects(I, T, F, T))
    return I


def solve_lambda_not_a_call(I):
    x1 = apply(lambda o: o, objects(I, T, F, T))
    return I
