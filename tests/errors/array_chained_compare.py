# expect-line: 10
# expect-phrase: chained comparisons of arrays
# expect-caret: 0 < a
from numba.pycc import CC

cc = CC('e_array_chained_compare')

@cc.export('f', 'b1[:](f8[:])')
def f(a):
    return 0 < a < 1
