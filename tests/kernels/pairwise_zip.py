"""Pairwise loops written with zip over an array and its shifted view, as numba
users write finite differences, total variation and run lengths."""
import numpy as np
from numba.pycc import CC

cc = CC('k_pairwise_zip')


@cc.export('total_variation', 'f8(f8[:])')
def total_variation(a):
    tv = 0.0
    for x, y in zip(a[:-1], a[1:]):
        tv += abs(y - x)
    return tv


@cc.export('diffs', 'f8[::1](f8[:])')
def diffs(a):
    n = max(len(a) - 1, 0)
    out = np.empty(n, dtype=np.float64)
    for i, (x, y) in enumerate(zip(a, a[1:])):
        out[i] = y - x
    return out


@cc.export('longest_run', 'i8(i8[:])')
def longest_run(a):
    if len(a) == 0:
        return 0
    best, run = 1, 1
    for prev, cur in zip(a, a[1:]):
        run = run + 1 if cur == prev else 1
        best = max(best, run)
    return best


@cc.export('sign_changes', 'i8(f8[:])')
def sign_changes(a):
    count = 0
    for x, y in zip(a[:-1], a[1:]):
        if (x < 0.0) != (y < 0.0):
            count += 1
    return count


@cc.export('trapezoid_xy', 'f8(f8[:], f8[:])')
def trapezoid_xy(x, y):
    s = 0.0
    for x0, x1, y0, y1 in zip(x, x[1:], y, y[1:]):
        s += 0.5 * (x1 - x0) * (y0 + y1)
    return s


TESTS = {
    'total_variation': '[n]-10:10',
    'diffs': '[n]-10:10',
    'longest_run': '[n]0:2',
    'sign_changes': '[n]-5:5',
    'trapezoid_xy': '[n]-10:10 [m]-10:10',
}
