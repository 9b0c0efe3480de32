# expect-line: 12
# expect-phrase: loadtxt
# expect-phrase: not supported | unsupported | unknown
# expect-caret: np.loadtxt
import numpy as np
from numba.pycc import CC

cc = CC('e_unsupported_np')

@cc.export('f', 'f8[:](i8)')
def f(n):
    return np.loadtxt(n)
