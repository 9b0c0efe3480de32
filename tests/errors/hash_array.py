# expect-line: 10
# expect-phrase: hash() of float64
# expect-caret: a)
from numba.pycc import CC

cc = CC('e_hash_array')

@cc.export('f', 'i8(f8[:])')
def f(a):
    return hash(a)
