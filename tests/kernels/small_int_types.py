"""Narrow integer types: i4/i2/u1/u4 scalars widen to int64 in arithmetic, u1 arrays.
NumPy scalar arithmetic on narrow types would not widen (u1 + 1 stays u1 in
CPython), so element reads go through int() to keep CPython in agreement."""
import numpy as np
from numba.pycc import CC

cc = CC('k_small_int_types')


@cc.export('multi', 'i4(i4, i4)')
def multi(a, b):
    return a * b


@cc.export('wide', 'i8(i4, i4)')
def wide(a, b):
    return a * b               # int64 product: no int32 overflow


@cc.export('u4_add', 'u4(u4, u4)')
def u4_add(a, b):
    return a + b


@cc.export('i2_mix', 'i8(i2, u1)')
def i2_mix(a, b):
    return a * 3 - b


@cc.export('histogram_u1', 'i8[:](u1[:])')
def histogram_u1(a):
    counts = np.zeros(256, dtype=np.int64)
    for i in range(len(a)):
        counts[a[i]] += 1
    return counts


@cc.export('sum_u1', 'i8(u1[:])')
def sum_u1(a):
    s = 0
    for i in range(len(a)):
        s += int(a[i])
    return s


@cc.export('i4_array_scale', 'void(i4[:], i4)')
def i4_array_scale(a, k):
    for i in range(len(a)):
        a[i] = a[i] * k


@cc.export('u8_mix', 'f8(u8, i8)')
def u8_mix(a, b):
    return (a + b) / 2        # numba types uint64 + int64 as int64 (wrapping); values stay small


TESTS = {
    'multi': '-40000:40000 -40000:40000',
    'wide': '-2000000000:2000000000 -2000000000:2000000000',
    'u4_add': '0:2000000000 0:2000000000',
    'i2_mix': '-10000:10000 *',
    'histogram_u1': '[n]0:255 n=0:40',
    'sum_u1': '[n]0:255 n=0:40',
    'u8_mix': '0:1000000 -1000000:1000000',
    'i4_array_scale': '[n]-1000:1000 -1000:1000 n=0:20',
}
