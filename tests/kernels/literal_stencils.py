"""Arrays from literals: a Laplacian stencil as a nested list, polynomial
coefficients as a tuple through np.asarray, a 3-vector built from scalars."""
import numpy as np
from numba.pycc import CC

cc = CC('k_literal_stencils')


@cc.export('laplace_stencil', 'f8[:, :](f8[:, :])')
def laplace_stencil(u):
    w = np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])
    n, m = u.shape
    out = np.zeros((n, m))
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            s = 0.0
            for di in range(3):
                for dj in range(3):
                    s += w[di, dj] * u[i + di - 1, j + dj - 1]
            out[i, j] = s
    return out


@cc.export('poly_eval', 'f8[:](f8[:])')
def poly_eval(x):
    c = np.asarray((1.0, -2.0, 0.5, 3.0))
    out = np.empty_like(x)
    for k in range(x.size):
        acc = 0.0
        for p in range(c.size - 1, -1, -1):
            acc = acc * x[k] + c[p]
        out[k] = acc
    return out


@cc.export('cross3', 'f8[:](f8, f8, f8, f8, f8, f8)')
def cross3(a1, a2, a3, b1, b2, b3):
    a = np.array([a1, a2, a3])
    b = np.array([b1, b2, b3])
    return np.array([a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]])


@cc.export('int_weights', 'i8(i8[:])')
def int_weights(x):
    w = np.array([1, 3, 3, 1])
    s = 0
    for k in range(min(x.size, w.size)):
        s += w[k] * x[k]
    return s


@cc.export('small_f4', 'f4[:, :](f4)')
def small_f4(v):
    return np.array([[v, 1], [2, v]], dtype=np.float32)


TESTS = {
    'laplace_stencil': '[n,m]-5:5 n=0:6 m=0:6',
    'poly_eval': '[n]-3:3 n=0:10',
    'cross3': '-5:5 -5:5 -5:5 -5:5 -5:5 -5:5',
    'int_weights': '[n]-100:100 n=0:6',
    'small_f4': '-10:10',
}
