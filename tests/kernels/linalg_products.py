"""Matrix products: @, np.dot, a.dot, np.matmul, np.vdot, np.outer on 1-d and 2-d arrays."""
import numpy as np
from numba.pycc import CC

cc = CC('k_linalg_products')


@cc.export('matmul_op', 'f8[:, :](f8[:, :], f8[:, :])')
def matmul_op(a, b):
    return a @ b


@cc.export('matvec', 'f8[:](f8[:, :], f8[:])')
def matvec(a, x):
    return np.dot(a, x)


@cc.export('vecmat', 'f8[:](f8[:], f8[:, :])')
def vecmat(x, a):
    return x @ a


@cc.export('inner', 'f8(f8[:], f8[:])')
def inner(x, y):
    return np.dot(x, y)


@cc.export('inner_method', 'f8(f8[:], f8[:])')
def inner_method(x, y):
    return x.dot(y) + x @ y


@cc.export('gram', 'f4[:, :](f4[:, :])')
def gram(a):
    return np.dot(a.T, a)


@cc.export('cdot', 'c16(c16[:], c16[:])')
def cdot(x, y):
    return np.dot(x, y) + np.vdot(x, y)


@cc.export('outer_sum', 'f8(f8[:], f8[:])')
def outer_sum(x, y):
    m = np.outer(x, y)
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j] * (i + 1)
    return s


@cc.export('power_iteration', 'f8(f8[:, :], i8)')
def power_iteration(a, steps):
    m = a @ a.T
    v = np.ones(m.shape[0])
    lam = 0.0
    for _ in range(steps):
        w = m @ v
        lam = np.sqrt(np.dot(w, w))
        if lam == 0.0:
            return 0.0
        for i in range(len(v)):
            v[i] = w[i] / lam
    return lam


TESTS = {
    'matmul_op': '[n,k]-5:5 [k,m]-5:5 n=0:6 k=0:6 m=0:6',
    'matvec': '[n,k]-5:5 [k]-5:5 n=0:6 k=0:6',
    'vecmat': '[k]-5:5 [k,m]-5:5 k=0:6 m=0:6',
    'inner': '[n]-5:5 [n]-5:5 n=0:40 rtol=1e-9 atol=1e-9',
    'inner_method': '[n]-5:5 [n]-5:5 n=0:40 rtol=1e-9 atol=1e-9',
    'gram': '[n,m]-3:3 n=1:6 m=1:6',
    'cdot': '[n]-3:3 [n]-3:3 n=0:8',
    'outer_sum': '[n]-5:5 [m]-5:5 n=0:6 m=0:6',
    'power_iteration': '[n,n]-3:3 0:20 n=1:5 rtol=1e-7',
}
