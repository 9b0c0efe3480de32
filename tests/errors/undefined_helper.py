# expect-line: 16
# expect-phrase: not defined
# expect-phrase: 'helper2'
# expect-caret: helper2
from numba.pycc import CC

cc = CC('e_undefined_helper')


def helper(x):
    return x + 1.0


@cc.export('f', 'f8(f8)')
def f(x):
    return helper(x) + helper2(x)
