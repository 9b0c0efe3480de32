# expect-line: 10
# expect-phrase: same_kind
# expect-caret: a
from numba.pycc import CC

cc = CC('e_array_inplace_cast')

@cc.export('f', 'void(i4[:])')
def f(a):
    a += 1.5
