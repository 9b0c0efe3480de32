"""Min/max scans over a float array by comparison (vectorised exactly: backend/minmax_scan.py)."""
import numpy as np
from numba.pycc import CC

cc = CC('k_minmax_scan')


@cc.export('minmax', 'UniTuple(f8, 2)(f8[:])')
def minmax(a):
    lo = a[0]
    hi = a[0]
    for x in a:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


@cc.export('peak', 'f4(f4[:])')
def peak(a):
    best = -np.inf
    for i in range(len(a)):
        if a[i] > best:
            best = a[i]
    return best


@cc.export('spread', 'f8(f8[:])')
def spread(a):
    lo = np.inf
    hi = -np.inf
    for i in range(a.shape[0]):
        lo = min(lo, a[i])
        hi = a[i] if a[i] > hi else hi
    return hi - lo


TESTS = {
    'spread': '[n]-5:5+nan n=0:30',
    'minmax': '[n]-5:5+nan n=1:30',
    'peak': '[n]-5:5+nan n=0:30',
}
