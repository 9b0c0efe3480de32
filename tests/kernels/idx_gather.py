"""Gathers and scatters with integer index arrays: a[idx] (negative indices wrap),
rows picked from a table, a scatter of one value, and a permutation applied."""
import numpy as np
from numba.pycc import CC

cc = CC('k_idx_gather')


@cc.export('gather', 'f8[:](f8[:], i8[:])')
def gather(a, idx):
    safe = np.empty(len(idx), dtype=np.int64)
    n = len(a)
    for k in range(len(idx)):
        safe[k] = idx[k] % n - n if n else 0
    if n == 0:
        return a[safe[:0]]
    return a[safe]


@cc.export('pick_rows', 'f8[:, :](f8[:, :], i8)')
def pick_rows(table, step):
    idx = np.arange(0, table.shape[0], step)
    return table[idx]


@cc.export('scatter', 'f8[:](f8[:], i8)')
def scatter(a, stride):
    out = a.copy()
    idx = np.arange(0, len(a), stride)
    out[idx] = -1.0
    return out


@cc.export('reverse_by_index', 'f8[:](f8[:])')
def reverse_by_index(a):
    idx = np.arange(len(a) - 1, -1, -1)
    out = np.empty_like(a)
    out[idx] = a
    return out


TESTS = {
    'gather': '[n]-100:100 [m]-50:50 n=0:10 m=0:10',
    'pick_rows': '[n,m]-100:100 1:3 n=0:8 m=0:5',
    'scatter': '[n]-100:100 1:4 n=0:20',
    'reverse_by_index': '[n]-100:100 n=0:20',
}
