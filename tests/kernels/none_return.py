"""`none()`/`void` signatures: kernels that return None explicitly or fall off the end."""
import numpy as np
from numba.pycc import CC

cc = CC('k_none_return')


@cc.export('fill', 'none(f8[:], f8)')
def fill(a, v):
    for i in range(len(a)):
        a[i] = v
    return None


@cc.export('clamp_inplace', 'void(f8[:], f8, f8)')
def clamp_inplace(a, lo, hi):
    for i in range(len(a)):
        if a[i] < lo:
            a[i] = lo
        elif a[i] > hi:
            a[i] = hi
    return


@cc.export('zero_negatives_2d', 'void(i8[:, :])')
def zero_negatives_2d(a):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            if a[i, j] < 0:
                a[i, j] = 0


TESTS = {
    'fill': '[n] * n=0:20',
    'clamp_inplace': '[n] -50:0 0:50 n=0:20',
    'zero_negatives_2d': '[n,m] n=0:5 m=0:5',
}
