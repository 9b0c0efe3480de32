"""Helpers decorated the way numba users write them: @njit, @njit(cache=True),
@njit with a signature string."""
import numpy as np
from numba import njit
from numba.pycc import CC

cc = CC('k_helpers_njit')


@njit
def lerp(a, b, t):
    return a + (b - a) * t


@njit(cache=True)
def smoothstep(x):
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    return x * x * (3.0 - 2.0 * x)


@njit('f8(f8, f8)')
def hyp(a, b):
    return (a * a + b * b) ** 0.5


@cc.export('blend', 'f8[:](f8[:], f8[:], f8)')
def blend(a, b, t):
    out = np.empty(len(a))
    for i in range(len(a)):
        out[i] = lerp(a[i], b[i], smoothstep(t))
    return out


@cc.export('hyp_sum', 'f8(f8[:])')
def hyp_sum(a):
    s = 0.0
    for i in range(len(a) - 1):
        s += hyp(a[i], a[i + 1])
    return s


TESTS = {
    'blend': '[n] [n] -0.5:1.5 n=0:20',
    'hyp_sum': '[n] n=0:20',
}
