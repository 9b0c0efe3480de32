"""Fibonacci numbers: iterative with tuple swap, recursive helper, into an array."""
import numpy as np
from numba import njit
from numba.pycc import CC

cc = CC('k_fibonacci')


@njit
def fib_rec(n):
    if n < 2:
        return n
    return fib_rec(n - 1) + fib_rec(n - 2)


@cc.export('fib', 'i8(i8)')
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


@cc.export('fib_recursive', 'i8(i8)')
def fib_recursive(n):
    return fib_rec(n)


@cc.export('fib_table', 'i8[:](i8)')
def fib_table(n):
    t = np.zeros(n + 2, dtype=np.int64)
    t[1] = 1
    for i in range(2, n + 2):
        t[i] = t[i - 1] + t[i - 2]
    return t


TESTS = {
    'fib': '0:90',
    'fib_recursive': '0:18',
    'fib_table': '0:80',
}
