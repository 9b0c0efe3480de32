# expect-line: 11
# expect-phrase: functions cannot be returned
# expect-caret: g
from numba.pycc import CC

cc = CC('e_return_function')

@cc.export('f', 'f8(f8)')
def f(x):
    g = lambda y: y + x
    return g
