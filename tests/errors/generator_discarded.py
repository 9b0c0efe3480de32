# expect-line: 16
# expect-phrase: can only be iterated over directly
# expect-caret: squares(n)
from numba import njit
from numba.pycc import CC

cc = CC('e_generator_discarded')

@njit
def squares(n):
    for i in range(n):
        yield i * i

@cc.export('f', 'i8(i8)')
def f(n):
    squares(n)
    return n
