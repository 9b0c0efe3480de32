"""Prefix sums: in place (void) and into a new array, integer and float."""
import numpy as np
from numba.pycc import CC

cc = CC('k_prefix_sum')


@cc.export('cumsum_inplace', 'void(f8[:])')
def cumsum_inplace(a):
    for i in range(1, len(a)):
        a[i] += a[i - 1]


@cc.export('cumsum_int', 'i8[:](i8[:])')
def cumsum_int(a):
    out = np.empty(len(a), dtype=np.int64)
    s = 0
    for i in range(len(a)):
        s += a[i]
        out[i] = s
    return out


TESTS = {
    'cumsum_inplace': '[n] n=0:30',
    'cumsum_int': '[n]-1000:1000 n=0:30',
}
