"""In-place array updates: augmented assignment on arrays and views (the variable
keeps its identity), slice stores of scalars, arrays and expressions, overlapping
right sides (NumPy's results: the right side is read first)."""
import numpy as np
from numba.pycc import CC

cc = CC('k_arr_inplace')


@cc.export('axpy', 'void(f8[:], f8[:], f8)')
def axpy(y, x, a):
    y += a * x


@cc.export('scale_view', 'void(f8[:, :], f8)')
def scale_view(a, k):
    a[1:, :] *= k


@cc.export('clamp', 'void(f8[:], f8, f8)')
def clamp(a, lo, hi):
    a[:] = np.clip(a, lo, hi)


@cc.export('zero_range', 'void(f8[:], i8, i8)')
def zero_range(a, i, j):
    a[i:j] = 0.0


@cc.export('set_column', 'void(f8[:, :], f8[:])')
def set_column(a, col):
    a[:, 0] = col


@cc.export('shift_right', 'void(f8[:])')
def shift_right(a):
    a[1:] = a[:-1]


@cc.export('broadcast_rows', 'void(f8[:, :], f8[:])')
def broadcast_rows(a, row):
    a[:, :] = row


@cc.export('leapfrog', 'f8(f8[:], f8[:], f8[:], f8)')
def leapfrog(x, v, f, dt):
    v += dt * f
    x += dt * v
    return 0.5 * np.sum(v * v)


@cc.export('int_accumulate', 'void(i8[:], i8[:])')
def int_accumulate(a, b):
    a += b * 3
    a[::2] -= 1


TESTS = {
    'axpy': '[n]-5:5 [n]-5:5 -2:2 n=0:20',
    'scale_view': '[n,m]-5:5 -2:2 n=0:6 m=0:6',
    'clamp': '[n]-5:5+nan -1:0 0:1 n=0:20',
    'zero_range': '[n]-5:5 -10:10 -10:10 n=0:20',
    'set_column': '[n,m]-5:5 [n]-5:5 n=0:6 m=1:6',
    'shift_right': '[n]-5:5 n=0:20',
    'broadcast_rows': '[n,m]-5:5 [m]-5:5 n=0:6 m=0:6',
    'leapfrog': '[n]-5:5 [n]-5:5 [n]-5:5 0:0.1 n=0:20',
    'int_accumulate': '[n]-100:100 [n]-100:100 n=0:20',
}
