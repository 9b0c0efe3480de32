"""Tuple returns: UniTuple(f8, 2), Tuple((f8, i8)), tuple unpacking of results."""
import math
import numpy as np
from numba.pycc import CC

cc = CC('k_tuple_returns')


@cc.export('minmax', 'UniTuple(f8, 2)(f8[:])')
def minmax(a):
    lo = a[0]
    hi = a[0]
    for i in range(1, len(a)):
        if a[i] < lo:
            lo = a[i]
        if a[i] > hi:
            hi = a[i]
    return lo, hi


@cc.export('max_arg', 'Tuple((f8, i8))(f8[:])')
def max_arg(a):
    best = 0
    for i in range(len(a)):
        if a[i] > a[best]:
            best = i
    return a[best], best


@cc.export('range_width', 'f8(f8[:])')
def range_width(a):
    lo, hi = minmax(a)
    return hi - lo


@cc.export('mean_std', 'UniTuple(f8, 2)(f8[:])')
def mean_std(a):
    n = len(a)
    s = 0.0
    for x in a:
        s += x
    m = s / n
    v = 0.0
    for x in a:
        v += (x - m) ** 2
    return m, math.sqrt(v / n)


@cc.export('swap3', 'Tuple((i8, f8, b1))(f8, b1, i8)')
def swap3(x, flag, k):
    t = (k, x, flag)
    return t[0] * 2, t[1], not t[2]


TESTS = {
    'minmax': '[n] n=1:30',
    'max_arg': '[n]-3:3 n=1:30',
    'range_width': '[n] n=1:30',
    'mean_std': '[n] n=1:30',
    'swap3': '* * *',
}
