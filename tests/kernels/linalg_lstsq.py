"""Least squares with np.linalg.lstsq: a straight-line fit and a polynomial fit."""
import numpy as np
from numba.pycc import CC

cc = CC('k_linalg_lstsq')


@cc.export('line_fit', 'UniTuple(f8, 2)(f8[:], f8[:])')
def line_fit(x, y):
    n = len(x)
    a = np.empty((n, 2))
    for i in range(n):
        a[i, 0] = x[i]
        a[i, 1] = 1.0
    coef, res, rank, sv = np.linalg.lstsq(a, y, rcond=-1.0)
    return coef[0], coef[1]


@cc.export('poly_fit', 'f8[:](f8[:], f8[:], i8)')
def poly_fit(x, y, degree):
    n = len(x)
    v = np.empty((n, degree + 1))
    for i in range(n):
        p = 1.0
        for j in range(degree + 1):
            v[i, j] = p
            p *= x[i]
    coef, res, rank, sv = np.linalg.lstsq(v, y, -1.0)
    return coef


@cc.export('fit_rank', 'i4(f8[:, :], f8[:])')
def fit_rank(a, b):
    x, res, rank, sv = np.linalg.lstsq(a, b, rcond=1e-12)
    return rank


@cc.export('multi_rhs', 'Tuple((f8[:, :], f8[:]))(f8[:, :], f8[:, :])')
def multi_rhs(a, b):
    x, res, rank, sv = np.linalg.lstsq(a, b, rcond=1e-10)
    return x, sv


TESTS = {
    'line_fit': '[n]-5:5 [n]-5:5 n=2:12 rtol=1e-6 atol=1e-8',
    'poly_fit': '[n]-2:2 [n]-5:5 0:3 n=4:10 rtol=1e-6 atol=1e-8',
    'fit_rank': '[n,m]-3:3 [n]-3:3 n=1:6 m=1:6',
    'multi_rhs': '[n,m]-3:3 [n,k]-3:3 n=1:6 m=1:6 k=1:3 rtol=1e-6 atol=1e-8',
}
