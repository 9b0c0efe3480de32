"""Helpers with default parameter values called with and without them: a Newton
iteration with tol/maxiter defaults, trapezoidal integration with a default number
of panels, and a default None that the helper replaces (numba prunes the branch)."""
import math
from numba.pycc import CC

cc = CC('k_defaults_helpers')


def newton_root(a, x0=1.0, tol=1e-12, maxiter=60):
    x = x0
    for _ in range(maxiter):
        nx = 0.5 * (x + a / x)
        if abs(nx - x) <= tol * nx:
            return nx
        x = nx
    return x


def trapezoid(a, b, n=64):
    h = (b - a) / n
    s = 0.5 * (math.exp(-a * a) + math.exp(-b * b))
    for k in range(1, n):
        t = a + k * h
        s += math.exp(-t * t)
    return s * h


def scaled(x, factor=None):
    if factor is None:
        return x
    return x * factor


@cc.export('roots', 'f8(f8)')
def roots(a):
    return newton_root(a) + newton_root(a, 2.0) + newton_root(a, 1.0, 1e-6) + newton_root(a, 1.0, 1e-3, 3)


@cc.export('gauss_area', 'f8(f8, f8)')
def gauss_area(a, b):
    return trapezoid(a, b) - trapezoid(a, b, 8)


@cc.export('scaled_sum', 'f8(f8, f8)')
def scaled_sum(x, f):
    return scaled(x) + scaled(x, f)


TESTS = {
    'roots': '1:1e6',
    'gauss_area': '-3:3 -3:3',
    'scaled_sum': '-100:100 -10:10',
}
