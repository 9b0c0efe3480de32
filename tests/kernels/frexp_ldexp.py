"""math.frexp / math.ldexp: mantissa and exponent round trips, scaling by powers of
two, and a float32 variant (numba's C-int exponents)."""
import math

import numpy as np
from numba.pycc import CC

cc = CC('k_frexp_ldexp')


@cc.export('round_trip', 'f8(f8)')
def round_trip(x):
    m, e = math.frexp(x)
    return math.ldexp(m, e)


@cc.export('parts', 'Tuple((f8, i8))(f8)')
def parts(x):
    m, e = math.frexp(x)
    return m, e


@cc.export('scale_all', 'f8[::1](f8[::1], i8)')
def scale_all(a, k):
    out = np.empty_like(a)
    for i in range(a.size):
        out[i] = math.ldexp(a[i], k - i)
    return out


@cc.export('exponent_histogram', 'i8[::1](f8[:])')
def exponent_histogram(a):
    counts = np.zeros(8, dtype=np.int64)
    for x in a:
        m, e = math.frexp(x)
        counts[(e + 40) % 8] += 1
    return counts


@cc.export('frexp_f4', 'f4(f4)')
def frexp_f4(x):
    m, e = math.frexp(x)
    return math.ldexp(m, e) + m


TESTS = {
    'round_trip': '-1e300:1e300+nan',
    'parts': '-1e10:1e10+nan',
    'scale_all': '[n]-1e3:1e3 -20:20',
    'exponent_histogram': '[n]-1e6:1e6',
    'frexp_f4': '-1e6:1e6',
}
