# expect-line: 11
# expect-phrase: not supported
# expect-caret: g(x, 1.0, 2.0)
# expect-message: g(): *args, **kwargs, keyword-only and positional-only arguments are not supported
from numba.pycc import CC

cc = CC('e_helper_varargs')

@cc.export('f', 'f8(f8)')
def f(x):
    return g(x, 1.0, 2.0)


def g(x, *rest):
    return x + rest[0]
