# expect-line: 10 12 17
# expect-phrase: cannot unify
from numba.pycc import CC

cc = CC('e_helper_unify')


def pick(flag, x):
    if flag:
        return x
    else:
        return (x, x)


@cc.export('f', 'f8(b1, f8)')
def f(flag, x):
    return pick(flag, x)
