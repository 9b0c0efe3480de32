"""Broadcasting with None/np.newaxis: the pairwise distance matrix of points on a
line, an outer product, and column-wise centring with a[np.newaxis, :]."""
import numpy as np
from numba.pycc import CC

cc = CC('k_idx_newaxis')


@cc.export('distances', 'f8[:, :](f8[:])')
def distances(x):
    return np.abs(x[:, None] - x[None, :])


@cc.export('outer', 'f8[:, :](f8[:], f8[:])')
def outer(x, y):
    return x[:, np.newaxis] * y[np.newaxis, :]


@cc.export('center_columns', 'f8[:, :](f8[:, :])')
def center_columns(a):
    m = np.zeros(a.shape[1])
    for i in range(a.shape[0]):
        m += a[i]
    if a.shape[0]:
        m /= a.shape[0]
    return a - m[np.newaxis, :]


TESTS = {
    'distances': '[n]-100:100 n=0:8',
    'outer': '[n]-10:10 [m]-10:10 n=0:6 m=0:6',
    'center_columns': '[n,m]-100:100 n=0:6 m=0:6',
}
