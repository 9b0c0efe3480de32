"""Numerical integration: trapezoid and Simpson rules over samples, midpoint rule
over a helper integrand."""
import math
import numpy as np
from numba import njit
from numba.pycc import CC

cc = CC('k_integrate')


@njit
def f(x):
    return math.exp(-x * x) * math.cos(3.0 * x)


@cc.export('trapz', 'f8(f8[:], f8)')
def trapz(y, dx):
    if len(y) < 2:
        return 0.0
    s = 0.5 * (y[0] + y[-1])
    for i in range(1, len(y) - 1):
        s += y[i]
    return s * dx


@cc.export('simpson', 'f8(f8[:], f8)')
def simpson(y, dx):
    n = len(y) - 1
    if n < 2 or n % 2 == 1:
        return math.nan
    s = y[0] + y[n]
    for i in range(1, n):
        s += (4.0 if i % 2 == 1 else 2.0) * y[i]
    return s * dx / 3.0


@cc.export('midpoint', 'f8(f8, f8, i8)')
def midpoint(a, b, n):
    h = (b - a) / n
    s = 0.0
    for i in range(n):
        s += f(a + (i + 0.5) * h)
    return s * h


TESTS = {
    'trapz': '[n] 0.01:1 n=0:30',
    'simpson': '[n] 0.01:1 n=0:30',
    'midpoint': '-3:0 0:3 0:200',
}
