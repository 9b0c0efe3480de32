"""Source of the extension module aotdemo._stats, written for numba.pycc.

`mean` is also called from `variance`: helpers are compiled in, whether they are
exports or plain (or `@njit`-decorated) functions.
"""
import numpy as np
from numba import njit
from numba.pycc import CC

cc = CC('_stats')


@cc.export('mean', 'f8(f8[:])')
def mean(x):
    total = 0.0
    for i in range(len(x)):
        total += x[i]
    return total / len(x)


@njit
def _squared_deviation(value, centre):
    d = value - centre
    return d * d


@cc.export('variance', 'f8(f8[:])')
def variance(x):
    m = mean(x)
    total = 0.0
    for i in range(len(x)):
        total += _squared_deviation(x[i], m)
    return total / len(x)


@cc.export('count_between', 'i8(f8[:], f8, f8)')
def count_between(x, low, high):
    n = 0
    for i in range(len(x)):
        if low <= x[i] and x[i] < high:
            n += 1
    return n


@cc.export('fit_line', 'UniTuple(f8, 2)(f8[:], f8[:])')
def fit_line(x, y):
    """Least-squares slope and intercept: np.linalg, with only NumPy at run time."""
    design = np.empty((len(x), 2))
    for i in range(len(x)):
        design[i, 0] = x[i]
        design[i, 1] = 1.0
    coef = np.linalg.solve(design.T @ design, design.T @ y)
    return coef[0], coef[1]
