"""Recursion: self-recursive helpers (Ackermann-style, power by squaring, binary
digit sum) with consistent types."""
from numba import njit
from numba.pycc import CC

cc = CC('k_mutual_recursion')


@njit
def fast_pow(x, n):
    if n == 0:
        return 1.0
    half = fast_pow(x, n // 2)
    if n % 2 == 0:
        return half * half
    return half * half * x


@njit
def digit_sum(n):
    if n < 10:
        return n
    return n % 10 + digit_sum(n // 10)


@njit
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


@cc.export('power', 'f8(f8, i8)')
def power(x, n):
    return fast_pow(x, n)


@cc.export('digits', 'i8(i8)')
def digits(n):
    return digit_sum(n)


@cc.export('ack', 'i8(i8, i8)')
def ack(m, n):
    return ackermann(m, n)


TESTS = {
    'power': '-2:2 0:40',
    'digits': '0:10000000000',
    'ack': '0:2 0:6',
}
