"""Joining arrays as signal and data code does: padding a signal by concatenation,
a design matrix from column_stack, stacking and upsampling."""
import numpy as np
from numba.pycc import CC

cc = CC('k_joining')


@cc.export('pad_edges', 'f8[:](f8[:], i8)')
def pad_edges(x, k):
    left = np.full(k, x[0])
    right = np.full(k, x[-1])
    return np.concatenate((left, x, right))


@cc.export('moving_average3', 'f8[:](f8[:])')
def moving_average3(x):
    p = np.concatenate((x[:1], x, x[-1:]))
    out = np.empty(x.size)
    for k in range(x.size):
        out[k] = (p[k] + p[k + 1] + p[k + 2]) / 3.0
    return out


@cc.export('design_matrix', 'f8[:, :](f8[:])')
def design_matrix(x):
    return np.column_stack((np.ones(x.size), x, x * x))


@cc.export('rows_then_cols', 'f8[:, :](f8[:, :], f8[:, :])')
def rows_then_cols(a, b):
    top = np.concatenate((a, b), axis=1)
    return np.vstack((top, top))


@cc.export('pair_stack', 'f8[:, :, :](f8[:, :], f8[:, :])')
def pair_stack(a, b):
    return np.stack((a, b), axis=2)


@cc.export('hcat_int', 'i8[:](i8[:], i4[:])')
def hcat_int(a, b):
    return np.hstack((a, b))


@cc.export('upsample', 'f8[:](f8[:], i8)')
def upsample(x, r):
    return np.repeat(x, r)


@cc.export('rows_of', 'f8[:, :](f8[:], f8[:])')
def rows_of(a, b):
    return np.vstack((a, b))


TESTS = {
    'pad_edges': '[n]-5:5 0:3 n=1:8',
    'moving_average3': '[n]-5:5 n=1:10',
    'design_matrix': '[n]-3:3 n=0:8',
    'rows_then_cols': '[n,m] [n,k] n=0:4 m=0:3 k=0:3',
    'pair_stack': '[n,m] [n,m] n=0:4 m=0:4',
    'hcat_int': '[n]-50:50 [m]-50:50 n=0:5 m=0:5',
    'upsample': '[n]-5:5 0:4 n=0:6',
    'rows_of': '[n] [n] n=0:6',
}
