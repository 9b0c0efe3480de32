"""Running statistics: Welford's online variance, covariance, min-max normalisation."""
import math
import numpy as np
from numba.pycc import CC

cc = CC('k_welford')


@cc.export('welford', 'UniTuple(f8, 3)(f8[:])')
def welford(a):
    n = 0
    mean = 0.0
    m2 = 0.0
    for x in a:
        n += 1
        delta = x - mean
        mean += delta / n
        m2 += delta * (x - mean)
    var = m2 / (n - 1) if n > 1 else 0.0
    return mean, var, math.sqrt(var)


@cc.export('covariance', 'f8(f8[:], f8[:])')
def covariance(x, y):
    n = len(x)
    mx = 0.0
    my = 0.0
    for i in range(n):
        mx += x[i]
        my += y[i]
    mx /= n
    my /= n
    c = 0.0
    for i in range(n):
        c += (x[i] - mx) * (y[i] - my)
    return c / n


@cc.export('normalise', 'void(f8[:])')
def normalise(a):
    lo = a[0]
    hi = a[0]
    for x in a:
        lo = min(lo, x)
        hi = max(hi, x)
    if hi > lo:
        for i in range(len(a)):
            a[i] = (a[i] - lo) / (hi - lo)


TESTS = {
    'welford': '[n] n=0:30',
    'covariance': '[n] [n] n=0:20',
    'normalise': '[n] n=1:20',
}
