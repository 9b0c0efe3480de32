"""Kernels that raise ZeroDivisionError where Python does (numba's error model)."""
import numpy as np
from numba.pycc import CC

cc = CC('k_zerodiv')


@cc.export('reciprocal', 'f8(f8)')
def reciprocal(x):
    return 1.0 / x


@cc.export('ratio_sum', 'f8(f8[:], f8[:])')
def ratio_sum(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] / b[i]
    return s


@cc.export('harmonic', 'f8(i8)')
def harmonic(n):
    s = 0.0
    for k in range(n, -1, -1):     # reaches k == 0: always raises
        s += 1 / k
    return s


@cc.export('bucket', 'i8(i8, i8)')
def bucket(x, width):
    return x // width + x % width


TESTS = {
    'reciprocal': '-2:2',
    'ratio_sum': '[n]-5:5 [n]-2:2 n=0:6',
    'harmonic': '0:10',
    'bucket': '-20:20 -2:2',
}
