"""Binary search (lower bound) on a sorted copy; searching several needles."""
import numpy as np
from numba.pycc import CC

cc = CC('k_binary_search')


def sort_inplace(a):
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key


def lower_bound(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@cc.export('rank', 'i8(f8[:], f8)')
def rank(a, x):
    b = a.copy()
    sort_inplace(b)
    return lower_bound(b, x)


@cc.export('ranks', 'i8[:](i8[:], i8[:])')
def ranks(a, needles):
    b = a.copy()
    sort_inplace(b)
    out = np.empty(len(needles), dtype=np.int64)
    for k in range(len(needles)):
        out[k] = lower_bound(b, needles[k])
    return out


TESTS = {
    'rank': '[n]-10:10 -12:12 n=0:20',
    'ranks': '[n]-10:10 [m]-12:12 n=0:20 m=0:8',
}
