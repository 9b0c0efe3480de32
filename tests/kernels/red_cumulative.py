"""Running totals: cumulative sums down the columns, cumulative products, a running
mean and a moving average from np.cumsum."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_cumulative')


@cc.export('column_cumsum', 'f8[:, :](f8[:, :])')
def column_cumsum(a):
    return np.cumsum(a, axis=0)


@cc.export('growth', 'f8[:](f8[:])')
def growth(r):
    return np.cumprod(1.0 + r)


@cc.export('running_mean', 'f8[:](f8[:])')
def running_mean(x):
    return np.cumsum(x) / np.arange(1, len(x) + 1)


@cc.export('moving_average', 'f8[:](f8[:], i8)')
def moving_average(x, k):
    c = np.cumsum(x)
    out = np.empty(len(x) - k + 1)
    out[0] = c[k - 1] / k
    for i in range(1, len(out)):
        out[i] = (c[i + k - 1] - c[i - 1]) / k
    return out


@cc.export('int_cumsum', 'i8[:](i4[:, :])')
def int_cumsum(a):
    return np.cumsum(a)


TESTS = {
    'column_cumsum': '[n,m]-100:100 n=0:6 m=0:6',
    'growth': '[n]-0.1:0.1 n=0:20',
    'running_mean': '[n]-100:100 n=0:20',
    'moving_average': '[n]-100:100 1:3 n=3:20 rtol=1e-7 atol=1e-9',
    'int_cumsum': '[n,m]-1000:1000 n=0:5 m=0:5',
}
