# expect-line: 11
# expect-phrase: axis 2 is out of bounds for array of dimension 2
# expect-caret: 2)
import numpy as np
from numba.pycc import CC

cc = CC('e_shape_concat_axis')

@cc.export('f', 'f8[:, :](f8[:, :], f8[:, :])')
def f(a, b):
    return np.concatenate((a, b), 2)
