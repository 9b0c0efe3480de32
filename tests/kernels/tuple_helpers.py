"""Tuples passed on to helpers and iterated over: a quadratic's coefficients as a
tuple, a running min/max over a uniform tuple, a helper with a tuple default, and a
`none` argument that prunes a branch."""
import math
from numba.pycc import CC

cc = CC('k_tuple_helpers')


def roots_of(coeffs):
    a, b, c = coeffs
    disc = b * b - 4.0 * a * c
    if a == 0.0 or disc < 0.0:
        return math.nan, math.nan
    r = math.sqrt(disc)
    return (-b - r) / (2.0 * a), (-b + r) / (2.0 * a)


def span(t):
    lo = t[0]
    hi = t[0]
    for v in t:
        lo = min(lo, v)
        hi = max(hi, v)
    return hi - lo


def in_range(x, bounds=(0.0, 1.0)):
    return bounds[0] <= x <= bounds[1]


@cc.export('quadratic', 'UniTuple(f8, 2)(UniTuple(f8, 3))')
def quadratic(coeffs):
    return roots_of(coeffs)


@cc.export('spread', 'f8(UniTuple(f8, 5))')
def spread(t):
    return span(t)


@cc.export('count_in_range', 'i8(f8[:], UniTuple(f8, 2))')
def count_in_range(a, bounds):
    n = 0
    for v in a:
        if in_range(v, bounds):
            n += 1
        if in_range(v):
            n += 100
    return n


@cc.export('maybe_scale', 'f8(f8, none)')
def maybe_scale(x, factor):
    if factor is None:
        return x
    return x * factor


TESTS = {
    'quadratic': '(-10:10,-10:10,-10:10)',
    'spread': '(*,*,*,*,*)',
    'count_in_range': '[n]-2:2 (-1:1,-1:1) n=0:12',
    'maybe_scale': '-100:100 None',
}
