"""Conditioning and rank as numba users check them: np.linalg.cond before a solve,
np.linalg.matrix_rank of a design matrix with a repeated column, and np.kron to build
a separable 2-d operator from 1-d ones."""
import numpy as np
from numba.pycc import CC

cc = CC('k_linalg_rank_cond')


@cc.export('safe_solve', 'f8[:](f8[:, :], f8[:], f8)')
def safe_solve(a, b, limit):
    # solve only when the system is well conditioned; zeros otherwise
    if np.linalg.cond(a) > limit:
        return np.zeros(len(b))
    return np.linalg.solve(a, b)


@cc.export('cond_1', 'f8(f8[:, :])')
def cond_1(a):
    return np.linalg.cond(a, 1)


@cc.export('design_rank', 'i8(f8[:])')
def design_rank(x):
    # columns 1, x, x and x**2: rank 3 at most, less for few distinct x
    d = np.empty((len(x), 4))
    for i in range(len(x)):
        d[i, 0] = 1.0
        d[i, 1] = x[i]
        d[i, 2] = x[i]
        d[i, 3] = x[i] * x[i]
    return np.linalg.matrix_rank(d)


@cc.export('rank_tol', 'i8(f8[:, :], f8)')
def rank_tol(a, tol):
    return np.linalg.matrix_rank(a, tol)


@cc.export('laplacian_2d', 'f8[:, :](i8)')
def laplacian_2d(n):
    # the 5-point Laplacian on an n x n grid: kron(I, T) + kron(T, I)
    t = np.zeros((n, n))
    for i in range(n):
        t[i, i] = -2.0
        if i > 0:
            t[i, i - 1] = 1.0
        if i < n - 1:
            t[i, i + 1] = 1.0
    eye = np.eye(n)
    return np.kron(eye, t) + np.kron(t, eye)


@cc.export('kron_vec', 'i8[:](i8[::1], i8[::1])')
def kron_vec(a, b):
    return np.kron(a, b)


TESTS = {
    'safe_solve': '[n,n]-5:5 [n]-5:5 1e3:1e8 n=1:5 atol=1e-9',
    'cond_1': '[n,n]-5:5 n=1:5 rtol=1e-6',
    'design_rank': '[n]-3:3 n=1:8',
    'rank_tol': '[n,m]-5:5 0:3 n=1:5 m=1:5',
    'laplacian_2d': '1:5',
    'kron_vec': '[n]-5:5 [m]-5:5 n=1:4 m=1:4',
}

# numba's cond(a, 1) of a singular matrix raises LinAlgError (it inverts first); NumPy's,
# which aot_tool calls, gives inf
NUMBA_DIFFERS = {'cond_1': 'a singular matrix raises instead of giving inf'}
