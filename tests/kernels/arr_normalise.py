"""Normalisation and statistics of whole arrays: expressions with reductions fused
into them (((x - m) ** 2).mean()) and scalars broadcast over arrays."""
import numpy as np
from numba.pycc import CC

cc = CC('k_arr_normalise')


@cc.export('zscore', 'f8[:](f8[:])')
def zscore(x):
    m = x.mean()
    sd = np.sqrt(((x - m) ** 2).mean())
    return (x - m) / (sd + 1e-12)


@cc.export('minmax_scale', 'f8[:, :](f8[:, :])')
def minmax_scale(x):
    lo = x.min()
    return (x - lo) / (x.max() - lo + 1e-12)


@cc.export('l2_normalise', 'f8[:](f8[:])')
def l2_normalise(x):
    return x / np.sqrt(np.sum(x * x) + 1e-12)


@cc.export('variance', 'f8(f8[:, :])')
def variance(x):
    m = np.mean(x)
    return np.mean((x - m) * (x - m))


@cc.export('rms_error', 'f8(f8[:], f8[:])')
def rms_error(a, b):
    return np.sqrt(np.mean((a - b) ** 2))


@cc.export('max_abs_diff', 'f8(f8[:, :], f8[:, :])')
def max_abs_diff(a, b):
    return np.max(np.abs(a - b))


TESTS = {
    'zscore': '[n]-100:100 n=0:20',
    'minmax_scale': '[n,m]-100:100 n=0:6 m=0:6',
    'l2_normalise': '[n]-10:10 n=0:20',
    'variance': '[n,m]-10:10 n=0:6 m=0:6',
    'rms_error': '[n]-10:10 [n]-10:10 n=0:20',
    'max_abs_diff': '[n,m]-10:10 [n,m]-10:10 n=0:6 m=0:6',
}
