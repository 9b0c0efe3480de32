# expect-line: 19
# expect-phrase: module-level arrays are not supported
# expect-caret: W[i]
# expect-message: module-level 'W' (line 12) is not a compile-time constant: module-level arrays
# ... are not supported; build the array inside the function that uses it
# ... (`W = np.array([0.25, 0.5, 0.25])`) or pass it as an argument
import numpy as np
from numba.pycc import CC

cc = CC('e_module_level_array')

W = np.array([0.25, 0.5, 0.25])


@cc.export('smooth', 'f8(f8[:])')
def smooth(x):
    s = 0.0
    for i in range(3):
        s += W[i] * x[i]
    return s
