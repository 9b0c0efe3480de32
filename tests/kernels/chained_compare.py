"""Chained comparisons, and/or/not, conditional expressions, augmented assignment."""
import numpy as np
from numba.pycc import CC

cc = CC('k_chained_compare')


@cc.export('between', 'b1(f8, f8, f8)')
def between(lo, x, hi):
    return lo <= x < hi


@cc.export('clip', 'f8(f8, f8, f8)')
def clip(x, lo, hi):
    return lo if x < lo else (hi if x > hi else x)


@cc.export('logic', 'i8(i8, i8)')
def logic(a, b):
    r = 0
    if a > 0 and b > 0:
        r += 1
    if a > 0 or b > 0:
        r += 2
    if not (a == b):
        r += 4
    if 0 < a < b < 10:
        r += 8
    return r


@cc.export('count_in_band', 'i8(f8[:], f8, f8)')
def count_in_band(a, lo, hi):
    c = 0
    for x in a:
        c += 1 if lo < x <= hi else 0
    return c


@cc.export('augmented', 'i8(i8)')
def augmented(x):
    y = x
    y += 3
    y *= 2
    y -= 1
    y //= 3
    y %= 7
    y **= 2
    return y


TESTS = {
    'between': '-5:5 -5:5 -5:5',
    'clip': '-10:10 -5:0 0:5',
    'logic': '-3:12 -3:12',
    'count_in_band': '[n]-10:10 -5:0 0:5 n=0:30',
    'augmented': '-1000:1000',
}
