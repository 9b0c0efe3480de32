"""Partial indexing: a[i] of a 2-D array is a 1-D row view (iterated, passed to a
helper, written through)."""
import numpy as np
from numba.pycc import CC

cc = CC('k_row_views')


def row_total(r):
    s = 0.0
    for x in r:
        s += x
    return s


@cc.export('pairs_above', 'i8(f8[:, :])')
def pairs_above(a):
    c = 0
    for i in range(a.shape[0]):
        for x in a[i]:
            if x > 0:
                c += 1
    return c


@cc.export('row_totals', 'f8[:](f8[:, :])')
def row_totals(a):
    out = np.empty(a.shape[0])
    for i in range(a.shape[0]):
        out[i] = row_total(a[i])
    return out


@cc.export('zero_row', 'void(f8[:, ::1], i8)')
def zero_row(a, i):
    r = a[i]
    for j in range(len(r)):
        r[j] = 0.0


TESTS = {
    'pairs_above': '[n,m] n=0:5 m=0:5',
    'row_totals': '[n,m] n=0:5 m=0:5',
    'zero_row': '[n,m] 0:1 n=2:5 m=0:5',
}
