"""Module-level numeric constants, tuples of constants, indexing a tuple with a
constant, math.pi / math.e / math.inf."""
import math
import numpy as np
from numba.pycc import CC

cc = CC('k_constants')

G = 9.80665
N_TERMS = 12
WEIGHTS = (0.1, 0.2, 0.4, 0.2, 0.1)
PRIMES = (2, 3, 5, 7, 11, 13)
SCALE = -3


@cc.export('fall_time', 'f8(f8)')
def fall_time(h):
    return math.sqrt(2.0 * h / G)


@cc.export('circle', 'f8(f8)')
def circle(r):
    return math.pi * r * r + math.e * 0.0


@cc.export('wsmooth', 'f8(f8[:], i8)')
def wsmooth(a, i):
    s = 0.0
    for k in range(5):
        s += WEIGHTS[k] * a[i + k]
    return s


@cc.export('prime_mix', 'i8(i8)')
def prime_mix(x):
    return x * PRIMES[0] + PRIMES[5] * SCALE + len(PRIMES)


@cc.export('leibniz', 'f8()')
def leibniz():
    s = 0.0
    for k in range(N_TERMS):
        s += (-1.0) ** k / (2 * k + 1)
    return 4.0 * s


@cc.export('bounded_min', 'f8(f8[:])')
def bounded_min(a):
    m = math.inf
    for x in a:
        if x < m:
            m = x
    return m


TESTS = {
    'fall_time': '0:100',
    'circle': '*',
    'wsmooth': '[n] 0:3 n=8:8',
    'prime_mix': '*',
    'leibniz': '',
    'bounded_min': '[n] n=0:20',
}
