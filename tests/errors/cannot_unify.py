# expect-line: 10 12 14 15
# expect-phrase: cannot unify
# expect-phrase: 'y'
from numba.pycc import CC

cc = CC('e_cannot_unify')

@cc.export('f', 'f8(i8)')
def f(x):
    y = 1.5
    if x > 0:
        y = (x, x)
    else:
        y = 2.0
    return y
