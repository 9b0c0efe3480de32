# expect-line: 11
# expect-phrase: different lengths
# expect-caret: [[1.0
import numpy as np
from numba.pycc import CC

cc = CC('e_shape_ragged_literal')

@cc.export('f', 'f8[:, :]()')
def f():
    return np.array([[1.0, 2.0], [3.0]])
