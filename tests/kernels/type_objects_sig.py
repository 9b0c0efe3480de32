"""Signatures written with numba's type objects, as numba.pycc accepts them:
`float64(float64[:])`, `types.int64(...)`, and `(float32, float32)` with the
return type inferred."""
import numpy as np
from numba import float32, float64, int64, types
from numba.pycc import CC

cc = CC('k_type_objects_sig')


@cc.export('mean_obj', float64(float64[:]))
def mean_obj(a):
    s = 0.0
    for x in a:
        s += x
    return s / len(a)


@cc.export('mulf32', (float32, float32))
def mulf32(a, b):
    return a * b


@cc.export('count_obj', types.int64(types.float64[:], int64))
def count_obj(a, k):
    c = 0
    for x in a:
        if x > k:
            c += 1
    return c


TESTS = {
    'mean_obj': '[n] n=1:20',
    'mulf32': '-100:100 -100:100',
    'count_obj': '[n] -50:50 n=0:20',
}
