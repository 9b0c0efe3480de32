"""Where numba's semantics differ from CPython's.  Each export here is compared
against a plain-Python model of numba's behaviour (`ref=` in TESTS), and
tests/test_kernels_numba.py checks that numba itself agrees with the model:

- integer arithmetic wraps around at 64 bits (CPython ints never overflow);
- `int ** int` is an integer in numba: a negative exponent gives 0 for |base| > 1,
  where CPython gives a float (and 0 ** negative raises ZeroDivisionError in both);
- round(x, ndigits) is rint(x * 10.0**ndigits) / 10.0**ndigits, so
  round(2.675, 2) == 2.68 in numba and 2.67 in CPython (which rounds the exact
  binary value);
- math.sqrt/math.log outside their domain give nan/-inf instead of ValueError.
"""
import math
import numpy as np
from numba.pycc import CC

cc = CC('k_numba_diffs')

MASK = (1 << 64) - 1


def _wrap(x):
    x &= MASK
    return x - (1 << 64) if x >= (1 << 63) else x


@cc.export('lcg', 'i8(i8, i8)')
def lcg(seed, steps):
    x = seed
    for _ in range(steps):
        x = x * 6364136223846793005 + 1442695040888963407
    return x


def lcg_numba(seed, steps):
    x = seed
    for _ in range(steps):
        x = _wrap(x * 6364136223846793005 + 1442695040888963407)
    return x


@cc.export('fnv1a', 'i8(u1[:])')
def fnv1a(data):
    h = -3750763034362895579          # 14695981039346656037 as int64
    for i in range(len(data)):
        h = h ^ int(data[i])
        h = h * 1099511628211
    return h


def fnv1a_numba(data):
    h = -3750763034362895579
    for i in range(len(data)):
        h = h ^ int(data[i])
        h = _wrap(h * 1099511628211)
    return h


@cc.export('ipow', 'i8(i8, i8)')
def ipow(a, b):
    return a ** b


def ipow_numba(a, b):
    if b >= 0:
        return _wrap(a ** b)
    if a == 0:
        raise ZeroDivisionError("0 cannot be raised to a negative power")
    if a == 1:
        return 1
    if a == -1:
        return 1 if b % 2 == 0 else -1
    return 0


@cc.export('round_to', 'f8(f8, i8)')
def round_to(x, nd):
    return round(x, nd)


def round_to_numba(x, nd):
    # numba: np.rint(x * 10.0**nd) / 10.0**nd (Python's round of a float is rint too)
    if nd >= 0:
        f = 10.0 ** nd
        return float(round(x * f)) / f
    f = 10.0 ** -nd
    return float(round(x / f)) * f


@cc.export('safe_sqrt', 'f8(f8)')
def safe_sqrt(x):
    return math.sqrt(x)


def safe_sqrt_numba(x):
    return math.sqrt(x) if x >= 0 else math.nan


TESTS = {
    'lcg': '* 0:20 ref=lcg_numba',
    'fnv1a': '[n]0:255 n=0:20 ref=fnv1a_numba',
    'ipow': '-6:6 -4:20 ref=ipow_numba',
    'round_to': '-1000:1000 0:3 ref=round_to_numba',
    'safe_sqrt': '-10:10 ref=safe_sqrt_numba',
}
