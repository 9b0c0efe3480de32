"""Order statistics: median, percentiles, quantiles and the interquartile range."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_percentiles')


@cc.export('median', 'f8(f8[:, :])')
def median(a):
    return np.median(a)


@cc.export('p90', 'f8(f8[:])')
def p90(a):
    return np.percentile(a, 90.0)


@cc.export('iqr', 'f8(i8[:])')
def iqr(a):
    q = np.quantile(a, np.array([0.25, 0.75]))
    return q[1] - q[0]


@cc.export('percentile_at', 'f8(f8[:], f8)')
def percentile_at(a, q):
    return np.percentile(a, q)


TESTS = {
    'median': '[n,m]-100:100 n=0:6 m=0:6',
    'p90': '[n]-100:100 n=0:30',
    'iqr': '[n]-1000:1000 n=0:30',
    'percentile_at': '[n]-100:100 0:100 n=0:20',
}
