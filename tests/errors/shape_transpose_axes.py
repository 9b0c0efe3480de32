# expect-line: 11
# expect-phrase: axes don't match array
# expect-caret: 1
import numpy as np
from numba.pycc import CC

cc = CC('e_shape_transpose_axes')

@cc.export('f', 'f8[:, :, :](f8[:, :, :])')
def f(a):
    return a.transpose(1, 0)
