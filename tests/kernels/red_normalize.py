"""Rescaling: min-max normalisation with np.ptp, the range of integer data, and a
softmax that subtracts the maximum first."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_normalize')


@cc.export('minmax_scale', 'f8[:](f8[:])')
def minmax_scale(x):
    r = np.ptp(x)
    if r == 0.0:
        return np.zeros_like(x)
    return (x - x.min()) / r


@cc.export('int_range', 'i8(i8[:, :])')
def int_range(a):
    return np.ptp(a)


@cc.export('softmax', 'f8[:](f8[:])')
def softmax(x):
    e = np.exp(x - np.max(x))
    return e / e.sum()


TESTS = {
    'minmax_scale': '[n]-100:100 n=0:30',
    'int_range': '[n,m]-1000:1000 n=1:5 m=1:5',
    'softmax': '[n]-50:50 n=0:30',
}
