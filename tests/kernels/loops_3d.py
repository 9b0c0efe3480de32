"""3-D arrays: reductions over a volume, in-place scaling, a.shape[k], a.ndim, a.size."""
import numpy as np
from numba.pycc import CC

cc = CC('k_loops_3d')


@cc.export('vol_sum', 'f8(f8[:, :, :])')
def vol_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += a[i, j, k] * (i + 2 * j + 3 * k)
    return s


@cc.export('scale3', 'void(f8[:, :, ::1], f8)')
def scale3(a, f):
    n0, n1, n2 = a.shape
    for i in range(n0):
        for j in range(n1):
            for k in range(n2):
                a[i, j, k] = a[i, j, k] * f + 1.0


@cc.export('plane_sums', 'f8[:](f8[:, :, :])')
def plane_sums(a):
    out = np.zeros(a.shape[0])
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                out[i] += a[i, j, k]
    return out


@cc.export('info', 'i8(i8[:, :, :])')
def info(a):
    return a.ndim * 1000 + a.size


TESTS = {
    'vol_sum': '[n,m,k] n=0:4 m=0:4 k=0:4',
    'scale3': '[n,m,k] -2:2 n=0:4 m=0:4 k=0:4',
    'plane_sums': '[n,m,k] n=0:4 m=0:4 k=0:4',
    'info': '[n,m,k] n=0:4 m=0:4 k=0:4',
}
