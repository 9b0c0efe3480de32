"""Grids and matrices: trapezoid integration on a linspace grid, an arange-based
ramp with a dtype, identity/eye updates, diagonal extraction and traces."""
import numpy as np
from numba.pycc import CC

cc = CC('k_grids_matrices')


@cc.export('trapezoid_x2', 'f8(f8, f8, i8)')
def trapezoid_x2(a, b, n):
    x = np.linspace(a, b, n)
    s = 0.0
    for k in range(1, x.size):
        s += 0.5 * (x[k] - x[k - 1]) * (x[k] ** 2 + x[k - 1] ** 2)
    return s


@cc.export('int_ramp', 'i4[:](i8, i8)')
def int_ramp(start, n):
    return np.arange(start, start + n, 2, np.int32)


@cc.export('shifted_identity', 'f8[:, :](f8[:, :], f8)')
def shifted_identity(a, lam):
    n = a.shape[0]
    out = np.identity(n)
    for i in range(n):
        for j in range(n):
            out[i, j] = a[i, j] + lam * out[i, j]
    return out


@cc.export('band', 'i8[:, :](i8, i8, i8)')
def band(n, m, k):
    return np.eye(n, m, k, dtype=np.int64) + np.eye(n, m, -k, dtype=np.int64)


@cc.export('diag_of', 'f8[:](f8[:, :])')
def diag_of(a):
    return np.diag(a)


@cc.export('tridiag', 'f8[:, :](f8[:])')
def tridiag(d):
    return np.diag(d) + np.diag(d[1:], 1) + np.diag(d[1:], -1)


@cc.export('trace_of', 'f8(f8[:, :])')
def trace_of(a):
    return np.trace(a)         # numba's np.trace takes float and complex arrays only


TESTS = {
    'trapezoid_x2': '-3:3 -3:3 0:40',
    'int_ramp': '-50:50 0:20',
    'shifted_identity': '[n,n]-4:4 -2:2 n=0:5',
    'band': '0:5 0:5 0:3',
    'diag_of': '[n,m]-9:9 n=0:5 m=0:5',
    'tridiag': '[n]-3:3 n=1:6',
    'trace_of': '[n,m]-100:100 n=0:5 m=0:5',
}
