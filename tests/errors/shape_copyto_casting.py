# expect-line: 11
# expect-phrase: Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'same_kind'
# expect-caret: np.copyto
import numpy as np
from numba.pycc import CC

cc = CC('e_shape_copyto_casting')

@cc.export('f', 'void(i8[:], f8)')
def f(a, x):
    np.copyto(a, x)
