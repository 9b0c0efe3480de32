"""Pairwise distances and outer operations by broadcasting a column (n, 1) against
a row (m,) or (1, m)."""
import numpy as np
from numba.pycc import CC

cc = CC('k_arr_distances')


@cc.export('pairwise_euclid', 'f8[:, :](f8[:, :], f8[:, :], f8[:], f8[:])')
def pairwise_euclid(xa, ya, xb, yb):
    return np.sqrt((xa - xb) ** 2 + (ya - yb) ** 2)


@cc.export('pairwise_manhattan', 'f8[:, :](f8[:, :], f8[:, :])')
def pairwise_manhattan(a, b):
    return np.abs(a - b)


@cc.export('outer_product', 'f8[:, :](f8[:, :], f8[:])')
def outer_product(col, row):
    return col * row


@cc.export('gaussian_kernel', 'f8[:, :](f8[:, :], f8[:], f8)')
def gaussian_kernel(col, row, gamma):
    return np.exp(-gamma * (col - row) ** 2)


@cc.export('nearest_dist', 'f8(f8[:, :], f8[:])')
def nearest_dist(col, row):
    return np.min(np.abs(col - row))


TESTS = {
    'pairwise_euclid': '[n,1]-5:5 [n,1]-5:5 [m]-5:5 [m]-5:5 n=0:6 m=0:6',
    'pairwise_manhattan': '[n,1]-5:5 [1,m]-5:5 n=0:6 m=0:6',
    'outer_product': '[n,1]-5:5 [m]-5:5 n=0:6 m=0:6',
    'gaussian_kernel': '[n,1]-3:3 [m]-3:3 0:2 n=0:6 m=0:6',
    'nearest_dist': '[n,1]-5:5 [m]-5:5 n=0:6 m=0:6',
}
