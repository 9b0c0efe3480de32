# expect-line: 11
# expect-phrase: axis 2 is out of bounds for array of dimension 2
# expect-caret: 2)
import numpy as np
from numba.pycc import CC

cc = CC('e_reduce_axis_bounds')

@cc.export('f', 'f8[:](f8[:, :])')
def f(a):
    return np.sum(a, axis=2)
