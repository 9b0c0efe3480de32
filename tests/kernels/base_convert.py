"""Digit manipulation with divmod: base conversion into an array, digit reversal,
a Luhn checksum, and time splitting with float divmod."""
import numpy as np
from numba.pycc import CC

cc = CC('k_base_convert')


@cc.export('to_base', 'i8[::1](i8, i8)')
def to_base(n, base):
    digits = np.zeros(64, dtype=np.int64)
    k = 0
    n = abs(n)
    while n > 0:
        n, d = divmod(n, base)
        digits[k] = d
        k += 1
    return digits[:k].copy()


@cc.export('reverse_digits', 'i8(i8)')
def reverse_digits(n):
    sign = -1 if n < 0 else 1
    n = abs(n)
    r = 0
    while n:
        n, d = divmod(n, 10)
        r = r * 10 + d
    return sign * r


@cc.export('luhn_valid', 'b1(i8)')
def luhn_valid(n):
    total = 0
    n = abs(n)
    position = 0
    while n > 0:
        n, d = divmod(n, 10)
        if position % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
        position += 1
    return total % 10 == 0


@cc.export('split_seconds', 'UniTuple(f8, 3)(f8)')
def split_seconds(t):
    minutes, seconds = divmod(t, 60.0)
    hours, minutes = divmod(minutes, 60.0)
    return hours, minutes, seconds


@cc.export('signed_divmod_sum', 'i8(i8[:], i8)')
def signed_divmod_sum(a, d):
    s = 0
    for x in a:
        q, r = divmod(x, d)       # ZeroDivisionError when d == 0
        s += q * 7 + r
    return s


TESTS = {
    'to_base': '-100000:100000 2:16',
    'reverse_digits': '-1000000:1000000',
    'luhn_valid': '0:100000000',
    'split_seconds': '-1e5:1e5',
    'signed_divmod_sum': '[n]-100:100 -7:7',
}
