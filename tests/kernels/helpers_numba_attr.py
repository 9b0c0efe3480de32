"""Helpers as `@numba.njit` and `@jit(nopython=True)`, mutual calls between helpers."""
import numba
import numpy as np
from numba import jit
from numba.pycc import CC

cc = CC('k_helpers_numba_attr')


@numba.njit
def sign(x):
    if x > 0:
        return 1
    if x < 0:
        return -1
    return 0


@jit(nopython=True)
def count_sign_changes(a):
    c = 0
    for i in range(1, len(a)):
        if sign(a[i]) * sign(a[i - 1]) < 0:
            c += 1
    return c


@numba.njit(cache=True)
def abs_diff_sum(a):
    s = 0.0
    for i in range(1, len(a)):
        s += abs(a[i] - a[i - 1])
    return s


@cc.export('sign_changes', 'i8(f8[:])')
def sign_changes(a):
    return count_sign_changes(a)


@cc.export('variation', 'f8(f8[:])')
def variation(a):
    return abs_diff_sum(a) + sign(len(a))


TESTS = {
    'sign_changes': '[n]-2:2 n=0:30',
    'variation': '[n] n=0:30',
}
