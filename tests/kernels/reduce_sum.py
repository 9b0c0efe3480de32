"""Reductions over 1-D arrays: sum, mean, sum of squares, integer sums."""
import numpy as np
from numba.pycc import CC

cc = CC('k_reduce_sum')


@cc.export('total', 'f8(f8[:])')
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@cc.export('mean', 'f8(f8[:])')
def mean(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i]
    return s / len(a)          # ZeroDivisionError on an empty array, as in Python


@cc.export('sumsq', 'f8(f8[::1])')
def sumsq(a):
    s = 0.0
    for i in range(a.size):
        s += a[i] * a[i]
    return s


@cc.export('isum', 'i8(i8[:])')
def isum(a):
    s = 0
    for i in range(len(a)):
        s += a[i]
    return s


TESTS = {
    'total': '[n]-100:100 n=0:40',
    'mean': '[n]-100:100 n=0:20',
    'sumsq': '[n] n=0:40',
    'isum': '[n]-1000000:1000000 n=0:40',
}
