"""Helpers whose None defaults are replaced before use, the way numba code writes
optional outputs and tolerances: `if out is None: out = np.empty_like(a)` and
`if tol is None: tol = 1e-8` (numba prunes the test; the parameter takes the new
value's type), and a loop that only uses a weight array when one is passed."""
import numpy as np
from numba.pycc import CC

cc = CC('k_none_defaults')


def doubled(a, out=None):
    if out is None:
        out = np.empty_like(a)
    for i in range(len(a)):
        out[i] = 2.0 * a[i]
    return out


def weighted_sum(a, w=None):
    s = 0.0
    for i in range(len(a)):
        if w is None:
            s += a[i]
        else:
            s += a[i] * w[i]
    return s


def sqrt_newton(x, tol=None, maxiter=None):
    if tol is None:
        tol = 1e-12
    if maxiter is None:
        maxiter = 100
    g = x if x > 1.0 else 1.0
    for _ in range(maxiter):
        ng = 0.5 * (g + x / g)
        if abs(ng - g) <= tol * ng:
            return ng
        g = ng
    return g


@cc.export('double_into', 'f8[:](f8[:])')
def double_into(a):
    out = np.zeros_like(a)
    doubled(a, out)
    return doubled(a) + out


@cc.export('sums', 'f8(f8[:], f8[:])')
def sums(a, w):
    return weighted_sum(a) + weighted_sum(a, w) + weighted_sum(a, w=None)


@cc.export('roots', 'f8(f8)')
def roots(x):
    return sqrt_newton(x) + sqrt_newton(x, 1e-4) + sqrt_newton(x, maxiter=3)


TESTS = {
    'double_into': '[n]-10:10 n=0:10',
    'sums': '[n]-10:10 [n]-2:2 n=0:10',
    'roots': '0.01:1e6',
}
