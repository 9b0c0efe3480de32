# expect-line: 11
# expect-phrase: only one array index
# expect-caret: j]
import numpy as np
from numba.pycc import CC

cc = CC('e_index_two_arrays')

@cc.export('f', 'f8[:](f8[:, :], i8[:], i8[:])')
def f(a, i, j):
    return a[i, j]
