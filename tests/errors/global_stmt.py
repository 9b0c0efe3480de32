# expect-line: 10 11
# expect-phrase: global
from numba.pycc import CC

cc = CC('e_global_stmt')
COUNTER = 0

@cc.export('f', 'i8(i8)')
def f(k):
    global COUNTER
    COUNTER = k
    return k
