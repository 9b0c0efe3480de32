# expect-line: 16
# expect-phrase: iterators cannot be passed
# expect-caret: it)
from numba import njit
from numba.pycc import CC

cc = CC('e_iterator_passed')

@njit
def take(it):
    return next(it)

@cc.export('f', 'f8(f8[:])')
def f(a):
    it = iter(a)
    return take(it) + next(it)
