# expect-line: 11
# expect-phrase: integer arrays or boolean masks
# expect-caret: idx]
import numpy as np
from numba.pycc import CC

cc = CC('e_index_float_array')

@cc.export('f', 'f8[:](f8[:], f8[:])')
def f(a, idx):
    return a[idx]
