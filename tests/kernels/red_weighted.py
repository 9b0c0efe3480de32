"""Weighted statistics: np.average, a weighted mean, and the centre of mass of each
row, with reductions fused over elementwise expressions."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_weighted')


@cc.export('average', 'f8(f8[:, :])')
def average(a):
    return np.average(a)


@cc.export('weighted_mean', 'f8(f8[:], f8[:])')
def weighted_mean(x, w):
    return np.sum(x * w) / np.sum(w)


@cc.export('centres', 'f8[:](f8[:, :])')
def centres(mass):
    out = np.empty(mass.shape[0])
    pos = np.arange(mass.shape[1]) * 1.0
    k = 0
    for row in mass:
        out[k] = np.sum(row * pos) / np.sum(row)
        k += 1
    return out


TESTS = {
    'average': '[n,m]-100:100 n=0:6 m=0:6',
    'weighted_mean': '[n]-100:100 [n]1:10 n=0:20',
    'centres': '[n,m]1:10 n=0:6 m=0:6',
}
