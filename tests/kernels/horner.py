"""Polynomial evaluation by Horner's rule: coefficient arrays and a module tuple."""
import numpy as np
from numba.pycc import CC

cc = CC('k_horner')

# coefficients of exp(x) truncated after x**6, highest degree first
EXP_COEFFS = (1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0)


@cc.export('polyval', 'f8(f8[:], f8)')
def polyval(c, x):
    r = 0.0
    for i in range(len(c)):
        r = r * x + c[i]
    return r


@cc.export('exp6', 'f8(f8)')
def exp6(x):
    r = 0.0
    for c in EXP_COEFFS:
        r = r * x + c
    return r


@cc.export('polyval_many', 'f8[:](f8[:], f8[:])')
def polyval_many(c, xs):
    out = np.empty(xs.shape[0])
    for j in range(xs.shape[0]):
        out[j] = polyval(c, xs[j])
    return out


@cc.export('horner', 'f8[:](f8[:], f8[:])')
def horner(x, coef):
    out = np.empty_like(x)
    for i in range(len(x)):
        acc = 0.0
        for c in coef:
            acc = acc * x[i] + c
        out[i] = acc
    return out


TESTS = {
    'horner': '[n]-3:3 [m]-2:2 n=0:10 m=0:6',
    'polyval': '[n]-3:3 -2:2 n=0:10',
    'exp6': '-3:3',
    'polyval_many': '[n]-3:3 [m]-2:2 n=0:8 m=0:10',
}
