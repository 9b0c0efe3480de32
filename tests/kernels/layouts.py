"""C, F and any-layout 2-D arrays: row sums of F arrays, transposed copies."""
import numpy as np
from numba.pycc import CC

cc = CC('k_layouts')


@cc.export('colsum_f', 'f8[:](f8[::1, :])')
def colsum_f(a):
    out = np.zeros(a.shape[1])
    for j in range(a.shape[1]):
        for i in range(a.shape[0]):
            out[j] += a[i, j]
    return out


@cc.export('rowsum_c', 'f8[:](f8[:, ::1])')
def rowsum_c(a):
    out = np.zeros(a.shape[0])
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i] += a[i, j]
    return out


@cc.export('transpose', 'f8[:, :](f8[:, :])')
def transpose(a):
    n, m = a.shape
    t = np.empty((m, n))
    for i in range(n):
        for j in range(m):
            t[j, i] = a[i, j]
    return t


@cc.export('weighted', 'f8(f8[:, :], f8[:])')
def weighted(a, w):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j] * w[j]
    return s


@cc.export('scale_f', 'void(f8[::1, :], f8)')
def scale_f(a, k):
    for j in range(a.shape[1]):
        for i in range(a.shape[0]):
            a[i, j] *= k


# F-layout arguments have every dimension >= 2: numba types an array that is both
# C- and F-contiguous (empty, or one row/column) as C and rejects it for f8[::1, :].
TESTS = {
    'colsum_f': '[n,m] n=2:6 m=2:6',
    'rowsum_c': '[n,m] n=0:6 m=0:6',
    'transpose': '[n,m] n=0:6 m=0:6',
    'weighted': '[n,m] [m] n=0:6 m=0:6',
    'scale_f': '[n,m] -3:3 n=2:5 m=2:5',
}
