# expect-line: 11
# expect-phrase: zip() takes a range, a 1-d array
# expect-caret: m
from numba.pycc import CC

cc = CC('e_zip_2d_array')

@cc.export('f', 'f8(f8[:], f8[:, :])')
def f(a, m):
    s = 0.0
    for x, y in zip(a, m):
        s += x
    return s
