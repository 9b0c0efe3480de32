# expect-line: 11
# expect-phrase: constant axis
# expect-caret: np.squeeze
import numpy as np
from numba.pycc import CC

cc = CC('e_shape_squeeze_no_axis')

@cc.export('f', 'f8[:](f8[:, :])')
def f(a):
    return np.squeeze(a)
