"""Statistics along axes: column and row sums, the row of each column's maximum, and
a whole-array variance (numba has axis= for sum, argmin/argmax and count_nonzero)."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_axes')


@cc.export('column_sums', 'f8[:](f8[:, :])')
def column_sums(a):
    return np.sum(a, axis=0)


@cc.export('row_sums', 'f8[:](f8[:, :])')
def row_sums(a):
    return a.sum(axis=1)


@cc.export('sum_along', 'i8[:, :](i4[:, :, :], i8)')
def sum_along(a, k):
    return np.sum(a, axis=k)


@cc.export('argmax_columns', 'i8[:](f8[:, :])')
def argmax_columns(a):
    return np.argmax(a, axis=0)


@cc.export('argmin_last', 'i8[:](f8[:, :])')
def argmin_last(a):
    return np.argmin(a, axis=-1)


@cc.export('spread', 'f8(f8[:, :])')
def spread(a):
    return a.var() + np.std(a)


TESTS = {
    'column_sums': '[n,m]-100:100 n=0:6 m=0:6',
    'row_sums': '[n,m]-100:100 n=0:6 m=0:6',
    'sum_along': '[n,m,p]-1000:1000 -3:2 n=0:4 m=0:4 p=0:4',
    'argmax_columns': '[n,m]-100:100 n=0:6 m=0:6',
    'argmin_last': '[n,m]-100:100 n=0:6 m=0:6',
    'spread': '[n,m]-100:100 n=1:6 m=1:6',
}
