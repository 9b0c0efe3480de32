# expect-line: 12
# expect-phrase: did you mean np.sqrt?
# expect-caret: np.sqr
# expect-message: np.sqr is not supported (did you mean np.sqrt?)
import numpy as np
from numba.pycc import CC

cc = CC('e_unsupported_np_close_match')

@cc.export('f', 'f8(f8)')
def f(x):
    return np.sqr(x)
