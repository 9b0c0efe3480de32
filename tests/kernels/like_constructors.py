"""empty_like, zeros_like, ones_like and a.copy(): results keep the input's dtype
and own their memory."""
import numpy as np
from numba.pycc import CC

cc = CC('k_like_constructors')


@cc.export('double_it', 'f8[:](f8[:])')
def double_it(a):
    out = np.empty_like(a)
    for i in range(len(a)):
        out[i] = 2.0 * a[i]
    return out


@cc.export('zl', 'i8[:, :](i8[:, :])')
def zl(a):
    z = np.zeros_like(a)
    for i in range(a.shape[0]):
        z[i, 0] = a[i, 0]
    return z


@cc.export('ol', 'f4[:](f4[:])')
def ol(a):
    o = np.ones_like(a)
    for i in range(len(a)):
        o[i] += a[i]
    return o


@cc.export('copy_modify', 'f8[:, :](f8[:, :])')
def copy_modify(a):
    b = a.copy()
    for i in range(b.shape[0]):
        for j in range(b.shape[1]):
            b[i, j] = -b[i, j]
    return b


@cc.export('copy_untouched', 'f8(f8[:])')
def copy_untouched(a):
    b = a.copy()
    if len(b) > 0:
        b[0] = 1e9
    s = 0.0
    for x in a:
        s += x
    return s


TESTS = {
    'double_it': '[n] n=0:20',
    'zl': '[n,m] n=0:5 m=1:5',
    'ol': '[n]-10:10 n=0:20',
    'copy_modify': '[n,m] n=0:5 m=0:5',
    'copy_untouched': '[n] n=0:20',
}
