"""Minimum, maximum and their positions; builtin min/max over a 1-D array."""
import numpy as np
from numba.pycc import CC

cc = CC('k_reduce_minmax')


@cc.export('amax', 'f8(f8[:])')
def amax(a):
    m = a[0]
    for i in range(1, len(a)):
        if a[i] > m:
            m = a[i]
    return m


@cc.export('argmin', 'i8(f8[:])')
def argmin(a):
    best = 0
    for i in range(1, a.shape[0]):
        if a[i] < a[best]:
            best = i
    return best


@cc.export('spread', 'f8(f8[:])')
def spread(a):
    return max(a) - min(a)


@cc.export('imin3', 'i8(i8, i8, i8)')
def imin3(a, b, c):
    return min(a, b, c) + 10 * max(a, b)


TESTS = {
    'amax': '[n] n=1:30',
    'argmin': '[n]-5:5 n=1:30',
    'spread': '[n] n=1:30',
    'imin3': '* * *',
}
