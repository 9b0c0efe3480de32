"""Full and valid 1-D convolution, correlation at a lag, moving-window maximum."""
import numpy as np
from numba.pycc import CC

cc = CC('k_conv1d')


@cc.export('convolve', 'f8[:](f8[:], f8[:])')
def convolve(x, k):
    n = len(x)
    m = len(k)
    if n == 0 or m == 0:
        return np.zeros(0)
    out = np.zeros(n + m - 1)
    for i in range(n):
        for j in range(m):
            out[i + j] += x[i] * k[j]
    return out


@cc.export('conv1d', 'f8[:](f8[:], f8[:])')
def conv1d(x, k):
    n = len(x) - len(k) + 1      # negative when k is the longer: np.zeros raises ValueError
    out = np.zeros(n)
    for i in range(n):
        s = 0.0
        for j in range(len(k)):
            s += x[i + j] * k[j]
        out[i] = s
    return out


@cc.export('xcorr', 'f8(f8[:], f8[:], i8)')
def xcorr(x, y, lag):
    s = 0.0
    for i in range(len(x)):
        j = i + lag
        if 0 <= j < len(y):
            s += x[i] * y[j]
    return s


@cc.export('window_max', 'i8[:](i8[:], i8)')
def window_max(a, w):
    n = len(a) - w + 1
    if n <= 0:
        return np.empty(0, dtype=np.int64)
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        m = a[i]
        for j in range(i + 1, i + w):
            if a[j] > m:
                m = a[j]
        out[i] = m
    return out


TESTS = {
    'conv1d': '[n]-3:3 [m]-2:2 n=0:10 m=0:6',
    'convolve': '[n] [m] n=0:12 m=0:5',
    'xcorr': '[n] [m] -5:5 n=0:10 m=0:10',
    'window_max': '[n] 1:5 n=0:15',
}
