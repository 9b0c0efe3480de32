"""Iterating over a 2-d array's rows (1-d views): per-row maxima, the row with the
largest norm, and rows written through their views."""
import numpy as np
from numba.pycc import CC

cc = CC('k_idx_rows')


@cc.export('row_max', 'f8[:](f8[:, :])')
def row_max(a):
    out = np.empty(a.shape[0])
    k = 0
    for row in a:
        out[k] = row.max()
        k += 1
    return out


@cc.export('widest_row', 'i8(f8[:, :])')
def widest_row(a):
    best = -1.0
    at = -1
    k = 0
    for row in a:
        s = np.sum(row * row)
        if s > best:
            best = s
            at = k
        k += 1
    return at


@cc.export('center_rows', 'void(f8[:, :])')
def center_rows(a):
    for row in a:
        m = row.mean()
        for j in range(len(row)):
            row[j] -= m


TESTS = {
    'row_max': '[n,m]-100:100 n=0:6 m=0:6',
    'widest_row': '[n,m]-100:100 n=0:6 m=0:6',
    'center_rows': '[n,m]-100:100 n=0:6 m=0:6',
}
