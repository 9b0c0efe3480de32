"""divmod with Python's signs (ints and floats), math.gcd tables, pow() and sums
with a start value, as number-theory kernels use them."""
import math
from math import gcd

import numpy as np
from numba.pycc import CC

cc = CC('k_divmod_gcd')


@cc.export('int_divmod', 'UniTuple(i8, 2)(i8, i8)')
def int_divmod(a, b):
    return divmod(a, b)          # ZeroDivisionError when b == 0


@cc.export('float_divmod', 'UniTuple(f8, 2)(f8, f8)')
def float_divmod(a, b):
    return divmod(a, b)


@cc.export('mixed_divmod', 'f8(i4, f8)')
def mixed_divmod(a, b):
    q, r = divmod(a, b)
    return q * 10.0 + r


@cc.export('digits_sum', 'i8(i8)')
def digits_sum(n):
    n = abs(n)
    s = 0
    while n > 0:
        n, d = divmod(n, 10)
        s += d
    return s


@cc.export('gcd_table', 'i8[:, ::1](i8)')
def gcd_table(n):
    out = np.empty((n, n), dtype=np.int64)
    for i in range(n):
        for j in range(n):
            out[i, j] = math.gcd(i, j - 3)
    return out


@cc.export('lcm_of_range', 'i8(i8)')
def lcm_of_range(n):
    acc = 1
    for k in range(1, n + 1):
        acc = acc * k // gcd(acc, k)
    return acc


@cc.export('gcd_small', 'i8(i4, u1)')
def gcd_small(a, b):
    return math.gcd(a, b)


@cc.export('coprime_count', 'i8(i8)')
def coprime_count(n):
    count = 0
    for k in range(1, n + 1):
        if gcd(n, k) == 1:
            count += 1
    return count


@cc.export('pow_two_args', 'f8(f8, i8)')
def pow_two_args(x, n):
    return pow(x, n) + pow(2, 3)


@cc.export('sum_start', 'f8(f8[:], f8)')
def sum_start(a, start):
    return sum(a, start)


@cc.export('sum_tuple', 'f8(i8, f8)')
def sum_tuple(a, b):
    return sum((a, b, a * 2)) + sum((b, 1.5), 10)


@cc.export('sum_range', 'i8(i8, i8, i8)')
def sum_range(a, b, c):
    if c == 0:
        return sum(range(a, b))
    return sum(range(a, b, c)) + sum(range(b))


TESTS = {
    'int_divmod': '-1000:1000 -20:20',
    'float_divmod': '-100:100 -10:10',
    'mixed_divmod': '-100:100 0.5:10',
    'digits_sum': '-1000000:1000000',
    'gcd_table': '0:9',
    'lcm_of_range': '1:30',
    'gcd_small': '-1000:1000 0:255',
    'coprime_count': '1:60',
    'pow_two_args': '0.5:3 -5:5',
    'sum_start': '[n]-10:10 -5:5',
    'sum_tuple': '-100:100 -10:10',
    'sum_range': '-30:30 -30:30 -5:5',
}
