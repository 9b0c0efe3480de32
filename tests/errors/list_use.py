# expect-line: 10
# expect-phrase: list
import numpy as np
from numba.pycc import CC

cc = CC('e_list_use')

@cc.export('f', 'f8(f8)')
def f(x):
    xs = [np.zeros(3), np.ones(3)]
    return xs[0][0]
