"""Functions as arguments: a module-level function or a lambda handed to a compiled
helper (specialised per function, as numba specialises on the dispatcher type):
numerical integration and root finding over a passed integrand, map/reduce helpers."""
import math

import numpy as np
from numba import njit
from numba.pycc import CC

cc = CC('k_function_args')


@njit
def trapezoid(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h


@njit
def bisect(f, lo, hi):
    flo = f(lo)
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        fm = f(mid)
        if fm == 0.0 or hi - lo < 1e-14:
            return mid
        if (fm < 0.0) == (flo < 0.0):
            lo, flo = mid, fm
        else:
            hi = mid
    return 0.5 * (lo + hi)


@njit
def map_reduce(f, g, a, start):
    acc = start
    for x in a:
        acc = g(acc, f(x))
    return acc


def gaussian(x):
    return math.exp(-x * x)


def cubic(x):
    return x * x * x - 2.0 * x - 5.0


def plus(a, b):
    return a + b


@cc.export('integrate_gaussian', 'f8(f8, i8)')
def integrate_gaussian(b, n):
    return trapezoid(gaussian, 0.0, b, n)


@cc.export('integrate_lambda', 'f8(f8)')
def integrate_lambda(b):
    k = 3.0         # numba lets a lambda that escapes capture constants only
    return trapezoid(lambda x: k * x * x, 0.0, b, 100)


@cc.export('root_of_cubic', 'f8()')
def root_of_cubic():
    return bisect(cubic, 2.0, 3.0)


@cc.export('root_of_lambda', 'f8(f8)')
def root_of_lambda(hi):
    return bisect(lambda x: x * x - 2.0, 0.0, hi)


@cc.export('sum_of_squares', 'f8(f8[:])')
def sum_of_squares(a):
    return map_reduce(lambda x: x * x, plus, a, 0.0)


@cc.export('max_abs', 'f8(f8[:])')
def max_abs(a):
    return map_reduce(abs_value, max2, a, 0.0)


def abs_value(x):
    return abs(x)


def max2(a, b):
    return a if a > b else b


TESTS = {
    'integrate_gaussian': '0:5 1:200',
    'integrate_lambda': '-5:5',
    'root_of_cubic': '',
    'root_of_lambda': '1.5:100 rtol=1e-9 atol=1e-12',
    'sum_of_squares': '[n]-10:10',
    'max_abs': '[n]-10:10',
}
