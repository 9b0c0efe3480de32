"""Elementwise math, masks and integer arithmetic on arrays: ufuncs, comparisons
combined with & and ~, np.where, integer // % & ^ << on int64 arrays."""
import numpy as np
from numba.pycc import CC

cc = CC('k_arr_elementwise')


@cc.export('nan_to_zero', 'f8[:](f8[:])')
def nan_to_zero(x):
    return np.where(np.isnan(x), 0.0, x)


@cc.export('count_in_band', 'i8(f8[:, :], f8, f8)')
def count_in_band(x, lo, hi):
    return np.sum((x >= lo) & (x <= hi))


@cc.export('polar_angles', 'f8[:](f8[:], f8[:])')
def polar_angles(x, y):
    return np.arctan2(y, x) * 180.0 / np.pi + np.hypot(x, y)


@cc.export('horner', 'f8[:, :](f8[:, :])')
def horner(x):
    return ((2.0 * x - 3.0) * x + 0.5) * x - 1.0


@cc.export('int_digits', 'i8[:](i8[:])')
def int_digits(a):
    return (a // 10) * 100 + a % 10 - (a & 7) ^ (a << 2)


@cc.export('outside_mask', 'b1[:](f8[:], f8)')
def outside_mask(x, r):
    return ~((x > -r) & (x < r)) | np.isnan(x)


@cc.export('rounding', 'f8[:](f8[:])')
def rounding(x):
    return np.floor(x) + np.ceil(x) * 10.0 + np.trunc(x) * 100.0 + np.sign(x)


TESTS = {
    'nan_to_zero': '[n]-5:5+nan n=0:20',
    'count_in_band': '[n,m]-5:5+nan -2:0 0:2 n=0:6 m=0:6',
    'polar_angles': '[n]-5:5 [n]-5:5 n=0:20',
    'horner': '[n,m]-5:5 n=0:6 m=0:6',
    'int_digits': '[n]-1000:1000 n=0:20',
    'outside_mask': '[n]-5:5+nan 0:3 n=0:20',
    'rounding': '[n]-5:5+nan n=0:20',
}
