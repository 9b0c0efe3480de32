"""Linear systems: np.linalg.solve, inv and det on diagonally dominant matrices."""
import numpy as np
from numba.pycc import CC

cc = CC('k_linalg_solve')


def dominant(a):
    m = a.copy()
    n = m.shape[0]
    for i in range(n):
        m[i, i] += 10.0 * n
    return m


@cc.export('solve_vec', 'f8[:](f8[:, :], f8[:])')
def solve_vec(a, b):
    return np.linalg.solve(dominant(a), b)


@cc.export('solve_mat', 'f8[:, :](f8[:, :], f8[:, :])')
def solve_mat(a, b):
    return np.linalg.solve(dominant(a), b)


@cc.export('solve_raw', 'f8[:](f8[:, :], f8[:])')
def solve_raw(a, b):
    # singular or mismatched systems raise NumPy's LinAlgError / ValueError
    return np.linalg.solve(a, b)


@cc.export('inv_residual', 'f8(f8[:, :])')
def inv_residual(a):
    m = dominant(a)
    r = m @ np.linalg.inv(m)
    err = 0.0
    n = m.shape[0]
    for i in range(n):
        for j in range(n):
            e = r[i, j] - (1.0 if i == j else 0.0)
            err = max(err, abs(e))
    return err


@cc.export('det_ratio', 'f8(f8[:, :])')
def det_ratio(a):
    m = dominant(a)
    return np.linalg.det(m) / np.linalg.det(np.linalg.inv(m))


@cc.export('solve_f4', 'f4[:](f4[:, :], f4[:])')
def solve_f4(a, b):
    return np.linalg.solve(dominant(a), b)


TESTS = {
    'solve_vec': '[n,n]-5:5 [n]-5:5 n=1:6',
    'solve_mat': '[n,n]-5:5 [n,k]-5:5 n=1:6 k=1:4',
    'solve_raw': '[n,m]-2:2 [k]-2:2 n=1:4 m=1:4 k=1:4',
    'inv_residual': '[n,n]-5:5 n=1:6 atol=1e-9',
    'det_ratio': '[n,n]-5:5 n=1:5 rtol=1e-6',
    'solve_f4': '[n,n]-5:5 [n]-5:5 n=1:6',
}

# numba's np.linalg.solve of a non-square matrix (1x2 with a length-1 b) returns made-up
# values instead of raising; aot_tool calls NumPy's, which raises LinAlgError
NUMBA_DIFFERS = {'solve_raw': 'non-square matrices are not refused'}
