"""Gaussian elimination with partial pivoting on a diagonally dominant copy."""
import numpy as np
from numba.pycc import CC

cc = CC('k_gauss_elim')


@cc.export('solve', 'f8[:](f8[:, :], f8[:])')
def solve(a_in, b_in):
    n = a_in.shape[0]
    a = a_in.copy()
    b = b_in.copy()
    for i in range(n):
        a[i, i] += 10.0 * n          # diagonally dominant: always solvable
    for k in range(n):
        p = k
        for i in range(k + 1, n):
            if abs(a[i, k]) > abs(a[p, k]):
                p = i
        if p != k:
            for j in range(n):
                a[k, j], a[p, j] = a[p, j], a[k, j]
            b[k], b[p] = b[p], b[k]
        for i in range(k + 1, n):
            f = a[i, k] / a[k, k]
            for j in range(k, n):
                a[i, j] -= f * a[k, j]
            b[i] -= f * b[k]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        s = b[i]
        for j in range(i + 1, n):
            s -= a[i, j] * x[j]
        x[i] = s / a[i, i]
    return x


@cc.export('det', 'f8(f8[:, :])')
def det(a_in):
    n = a_in.shape[0]
    a = a_in.copy()
    d = 1.0
    for k in range(n):
        p = k
        for i in range(k + 1, n):
            if abs(a[i, k]) > abs(a[p, k]):
                p = i
        if a[p, k] == 0.0:
            return 0.0
        if p != k:
            d = -d
            for j in range(n):
                a[k, j], a[p, j] = a[p, j], a[k, j]
        d *= a[k, k]
        for i in range(k + 1, n):
            f = a[i, k] / a[k, k]
            for j in range(k, n):
                a[i, j] -= f * a[k, j]
    return d


TESTS = {
    'solve': '[n,n]-1:1 [n]-5:5 n=0:6 rtol=1e-7 atol=1e-9',
    'det': '[n,n]-3:3 n=0:5 rtol=1e-7 atol=1e-9',
}
