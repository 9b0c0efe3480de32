# expect-line: 11
# expect-phrase: keyword argument 'dtype' of mean() is not supported
# expect-caret: a.mean
import numpy as np
from numba.pycc import CC

cc = CC('e_reduce_keyword')

@cc.export('f', 'f8(f8[:])')
def f(a):
    return a.mean(dtype=np.float32)
