"""Where the extremes are: argmin/argmax of whole arrays (flat C-order indices, also
for transposed layouts), the best row of a score table, and the value at the index."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_argextremes')


@cc.export('flat_argmax', 'i8(f8[:, :])')
def flat_argmax(a):
    return a.argmax()


@cc.export('flat_argmin', 'i8(i4[:, :])')
def flat_argmin(a):
    return np.argmin(a)


@cc.export('best_rows', 'i8[:](f8[:, :])')
def best_rows(scores):
    return np.argmax(scores, axis=1)


@cc.export('closest', 'f8(f8[:], f8)')
def closest(x, target):
    return x[np.argmin(np.abs(x - target))]


@cc.export('first_nan', 'i8(f8[:])')
def first_nan(x):
    return np.argmax(x)


TESTS = {
    'flat_argmax': '[n,m]-100:100 n=0:6 m=0:6',
    'flat_argmin': '[n,m]-5:5 n=0:6 m=0:6',
    'best_rows': '[n,m]-100:100 n=0:6 m=0:6',
    'closest': '[n]-100:100 -100:100 n=0:20',
    'first_nan': '[n]-5:5+nan n=0:12',
}
