"""optional(f8) arguments: a float or None, tested with `is None` / `is not None`
as numba users write optional bounds, weights and thresholds."""
from numba.pycc import CC

cc = CC('k_optional_args')


@cc.export('clamp', 'f8(f8, optional(f8), optional(f8))')
def clamp(x, lo, hi):
    if lo is not None and x < lo:
        return lo
    if hi is not None and x > hi:
        return hi
    return x


@cc.export('threshold_count', 'i8(f8[:], optional(f8))')
def threshold_count(a, limit):
    n = 0
    for v in a:
        if limit is None:
            n += 1
        elif v > limit:
            n += 1
    return n


@cc.export('weighted', 'f8(f8[:], optional(f8))')
def weighted(a, w):
    scale = 1.0
    if w is not None:
        scale = w
    s = 0.0
    for v in a:
        s += v * scale
    return s


@cc.export('or_default', 'i8(optional(i8))')
def or_default(n):
    if n is None:
        return -1
    return n * 2


@cc.export('is_missing', 'b1(optional(f8))')
def is_missing(x):
    return x is None


TESTS = {
    'clamp': '-10:10 -5:0? 0:5?',
    'threshold_count': '[n]-5:5 -5:5? n=0:12',
    'weighted': '[n]-5:5 -2:2? n=0:12',
    'or_default': '-1000:1000?',
    'is_missing': '*?',
}
