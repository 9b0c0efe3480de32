"""2-D stencils: five-point Laplacian, one Jacobi sweep into an output array."""
import numpy as np
from numba.pycc import CC

cc = CC('k_stencil_2d')


@cc.export('laplace', 'f8[:, :](f8[:, :], f8)')
def laplace(u, h):
    n, m = u.shape
    out = np.zeros((n, m))
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            out[i, j] = (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1]
                         - 4.0 * u[i, j]) / (h * h)
    return out


@cc.export('jacobi', 'void(f8[:, ::1], f8[:, ::1])')
def jacobi(u, out):
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            if i == 0 or j == 0 or i == u.shape[0] - 1 or j == u.shape[1] - 1:
                out[i, j] = u[i, j]
            else:
                out[i, j] = 0.25 * (u[i-1, j] + u[i+1, j] + u[i, j-1] + u[i, j+1])


@cc.export('corner_sum', 'f8(f8[:, :])')
def corner_sum(a):
    return a[0, 0] + a[-1, -1] + a[0, -1] + a[-1, 0]


TESTS = {
    'laplace': '[n,m] 0.5:2 n=0:8 m=0:8',
    'jacobi': '[n,m] [n,m] n=1:8 m=1:8',
    'corner_sum': '[n,m] n=1:6 m=1:6',
}
