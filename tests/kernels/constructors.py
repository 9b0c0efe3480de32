"""Array constructors: np.empty/zeros/ones/full/arange with int and tuple shapes
and dtype= keywords."""
import numpy as np
from numba.pycc import CC

cc = CC('k_constructors')


@cc.export('ramp', 'f8[:](i8)')
def ramp(n):
    a = np.empty(n)
    for i in range(n):
        a[i] = i * 0.5
    return a


@cc.export('zeros2d', 'f8[:, :](i8, i8)')
def zeros2d(n, m):
    z = np.zeros((n, m))
    for i in range(min(n, m)):
        z[i, i] = 1.0
    return z


@cc.export('ones32', 'f4[:](i8)')
def ones32(n):
    return np.ones(n, dtype=np.float32)


@cc.export('ones_int', 'i8[:, :](i8)')
def ones_int(n):
    a = np.ones((n, 2), dtype=np.int64)
    a[0, 1] = 7
    return a


@cc.export('filled', 'f8[:, :](i8, f8)')
def filled(n, v):
    return np.full((n, 3), v)


@cc.export('ar', 'i8[:](i8)')
def ar(n):
    return np.arange(n)


@cc.export('ar_step', 'i8[:](i8, i8, i8)')
def ar_step(start, stop, step):
    return np.arange(start, stop, step)


@cc.export('ar_float', 'f8[:](f8, i8)')
def ar_float(start, n):
    return np.arange(start, start + n, 1.0)


@cc.export('zeros_u8', 'u1[:](i8)')
def zeros_u8(n):
    a = np.zeros(n, dtype=np.uint8)
    for i in range(n):
        a[i] = i % 256
    return a


@cc.export('empty3d', 'f8[:, :, :](i8, i8, i8)')
def empty3d(a, b, c):
    x = np.empty((a, b, c))
    for i in range(a):
        for j in range(b):
            for k in range(c):
                x[i, j, k] = i * 100 + j * 10 + k
    return x


TESTS = {
    'ramp': '0:20',
    'zeros2d': '0:6 0:6',
    'ones32': '0:10',
    'ones_int': '1:5',
    'filled': '0:5 *',
    'ar': '0:20',
    'ar_step': '-10:10 -10:10 1:3',
    'ar_float': '-5:5 0:10',
    'zeros_u8': '0:300 examples=20',
    'empty3d': '0:4 0:4 0:4',
}
