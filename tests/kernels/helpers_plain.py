"""Undecorated module-level helpers called from exports (an aot_tool extension:
numba.pycc needs them decorated with @njit; tests/test_kernels_numba.py wraps them).
The same helper is called with int and float arguments (specialised per call site)."""
import math
from aot_tool import CC

cc = CC('k_helpers_plain')


def square(x):
    return x * x


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def dist(x0, y0, x1, y1):
    return math.sqrt(square(x1 - x0) + square(y1 - y0))


@cc.export('isq_plus_fsq', 'f8(i8, f8)')
def isq_plus_fsq(n, x):
    return square(n) + square(x)


@cc.export('clamp_f', 'f8(f8, f8, f8)')
def clamp_f(x, lo, hi):
    return clamp(x, lo, hi)


@cc.export('path_len', 'f8(f8[:], f8[:])')
def path_len(xs, ys):
    total = 0.0
    for i in range(1, len(xs)):
        total += dist(xs[i - 1], ys[i - 1], xs[i], ys[i])
    return total


TESTS = {
    'isq_plus_fsq': '-1000:1000 *',
    'clamp_f': '* -10:0 0:10',
    'path_len': '[n] [n] n=0:20',
}
