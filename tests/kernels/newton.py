"""Iterative solvers: Newton's square root, bisection on a cubic, fixed-point."""
import math
from numba.pycc import CC

cc = CC('k_newton')


@cc.export('newton_sqrt', 'f8(f8)')
def newton_sqrt(a):
    if a == 0.0:
        return 0.0
    x = a if a > 1.0 else 1.0
    for _ in range(100):
        nx = 0.5 * (x + a / x)
        if abs(nx - x) <= 1e-15 * nx:
            return nx
        x = nx
    return x


@cc.export('bisect_cubic', 'f8(f8)')
def bisect_cubic(c):
    lo, hi = -100.0, 100.0
    it = 0
    while hi - lo > 1e-12 and it < 200:
        mid = 0.5 * (lo + hi)
        if mid * mid * mid + mid - c > 0.0:
            hi = mid
        else:
            lo = mid
        it += 1
    return 0.5 * (lo + hi)


@cc.export('dottie', 'Tuple((f8, i8))(f8)')
def dottie(x):
    n = 0
    while n < 1000:
        y = math.cos(x)
        n += 1
        if abs(y - x) < 1e-12:
            return y, n
        x = y
    return x, n


TESTS = {
    'newton_sqrt': '0:1e6',
    'bisect_cubic': '-1000:1000',
    'dottie': '-3:3',
}
