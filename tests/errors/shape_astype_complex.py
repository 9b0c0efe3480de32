# expect-line: 11
# expect-phrase: cannot convert complex to float64
# expect-caret: a.astype
import numpy as np
from numba.pycc import CC

cc = CC('e_shape_astype_complex')

@cc.export('f', 'f8[:](c16[:])')
def f(a):
    return a.astype(np.float64)
