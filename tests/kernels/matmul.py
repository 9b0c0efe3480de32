"""Matrix products with `n, m = a.shape`: C result of any-layout inputs, matvec."""
import numpy as np
from numba.pycc import CC

cc = CC('k_matmul')


@cc.export('matmul', 'f8[:, :](f8[:, :], f8[:, :])')
def matmul(a, b):
    n, k = a.shape
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            s = 0.0
            for p in range(k):
                s += a[i, p] * b[p, j]
            c[i, j] = s
    return c


@cc.export('matvec', 'f8[:](f8[:, ::1], f8[:])')
def matvec(a, x):
    n, m = a.shape
    y = np.empty(n)
    for i in range(n):
        acc = 0.0
        for j in range(m):
            acc += a[i, j] * x[j]
        y[i] = acc
    return y


@cc.export('trace', 'i8(i8[:, :])')
def trace(a):
    t = 0
    for i in range(min(a.shape[0], a.shape[1])):
        t += a[i, i]
    return t


TESTS = {
    'matmul': '[n,k]-5:5 [k,m]-5:5 n=0:6 k=0:6 m=0:6',
    'matvec': '[n,m]-5:5 [m]-5:5 n=0:6 m=0:6',
    'trace': '[n,m] n=0:6 m=0:6',
}
