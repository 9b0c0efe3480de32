"""Standardising data: z-scores of a series and of each column of a table."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_zscore')


@cc.export('zscore', 'f8[:](f8[:])')
def zscore(x):
    m = x.mean()
    s = x.std()
    if s <= 1e-12 * abs(m):   # a constant series: s is roundoff (numba's and NumPy's sums differ)
        return x - m
    return (x - m) / s


@cc.export('column_zscores', 'f8[:, :](f8[:, :])')
def column_zscores(a):
    out = np.empty_like(a)
    n = a.shape[0]
    for j in range(a.shape[1]):
        col = a[:, j]
        m = np.sum(col) / n
        d = col - m
        s = np.sqrt(np.sum(d * d) / n)
        for i in range(n):
            out[i, j] = d[i] / s if s > 1e-12 * abs(m) else 0.0   # a constant column's s is roundoff
    return out


TESTS = {
    'zscore': '[n]-100:100 n=1:30',
    'column_zscores': '[n,m]-100:100 n=0:8 m=0:5',
}
