"""Whole-array predicates: any/all over comparisons, counting with a boolean sum,
counting non-zeros along an axis, and membership with `in`."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_predicates')


@cc.export('has_outlier', 'b1(f8[:], f8)')
def has_outlier(x, limit):
    return np.any(np.abs(x) > limit)


@cc.export('all_positive', 'b1(f8[:, :])')
def all_positive(a):
    return (a > 0.0).all()


@cc.export('count_positive', 'i8(f8[:, :])')
def count_positive(a):
    return (a > 0.0).sum()


@cc.export('nonzero_per_column', 'i8[:](i4[:, :])')
def nonzero_per_column(a):
    return np.count_nonzero(a, axis=0)


@cc.export('seen', 'b1(i8[:, :], i8)')
def seen(a, x):
    return x in a


@cc.export('flags', 'UniTuple(b1, 2)(b1[:])')
def flags(m):
    return m.any(), m.all()


TESTS = {
    'has_outlier': '[n]-100:100 0:100 n=0:20',
    'all_positive': '[n,m]-10:100 n=0:5 m=0:5',
    'count_positive': '[n,m]-100:100 n=0:6 m=0:6',
    'nonzero_per_column': '[n,m]-2:2 n=0:6 m=0:6',
    'seen': '[n,m]-5:5 -6:6 n=0:5 m=0:5',
    'flags': '[n] n=0:8',
}
