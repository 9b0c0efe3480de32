"""Generators yielding tuples and floats: sliding windows, running means and a
Collatz trajectory, consumed by loops that unpack what they yield."""
import numpy as np
from numba import njit
from numba.pycc import CC

cc = CC('k_generator_windows')


@njit
def windows(a, w):
    for i in range(len(a) - w + 1):
        s = 0.0
        for j in range(i, i + w):
            s += a[j]
        yield i, s


@njit
def running_means(a):
    total = 0.0
    for i in range(len(a)):
        total += a[i]
        yield total / (i + 1)


@njit
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1


@cc.export('best_window', 'i8(f8[:], i8)')
def best_window(a, w):
    best, where = -1e300, -1
    for i, s in windows(a, w):
        if s > best:
            best, where = s, i
    return where


@cc.export('last_running_mean', 'f8(f8[:])')
def last_running_mean(a):
    m = 0.0
    for v in running_means(a):
        m = v
    return m


@cc.export('collatz_stats', 'UniTuple(i8, 2)(i8)')
def collatz_stats(n):
    steps, peak = 0, 0
    for v in collatz(n):
        steps += 1
        peak = max(peak, v)
    return steps, peak


TESTS = {
    'best_window': '[n]-10:10 1:4',
    'last_running_mean': '[n]-10:10',
    'collatz_stats': '1:5000',
}
