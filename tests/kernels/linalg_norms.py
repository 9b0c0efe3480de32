"""np.linalg.norm with ord for vectors and matrices, matrix_power, pinv, slogdet."""
import numpy as np
from numba.pycc import CC

cc = CC('k_linalg_norms')


@cc.export('vec_norms', 'UniTuple(f8, 4)(f8[:])')
def vec_norms(x):
    return np.linalg.norm(x), np.linalg.norm(x, 1), np.linalg.norm(x, np.inf), np.linalg.norm(x, ord=3)


@cc.export('mat_norms', 'UniTuple(f8, 4)(f8[:, :])')
def mat_norms(a):
    return np.linalg.norm(a), np.linalg.norm(a, 1), np.linalg.norm(a, -np.inf), np.linalg.norm(a, 2)


@cc.export('cnorm', 'f8(c16[:])')
def cnorm(z):
    return np.linalg.norm(z)


@cc.export('mpow', 'f8[:, :](f8[:, :], i8)')
def mpow(a, k):
    return np.linalg.matrix_power(a, k)


@cc.export('pinv_residual', 'f8(f8[:, :])')
def pinv_residual(a):
    p = np.linalg.pinv(a)
    r = a @ p @ a
    err = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            err = max(err, abs(r[i, j] - a[i, j]))
    return err


@cc.export('logdet', 'UniTuple(f8, 2)(f8[:, :])')
def logdet(a):
    return np.linalg.slogdet(a)


TESTS = {
    'vec_norms': '[n]-5:5 n=0:10 rtol=1e-9',
    'mat_norms': '[n,m]-5:5 n=1:5 m=1:5 rtol=1e-9',
    'cnorm': '[n]-5:5 n=0:10 rtol=1e-9',
    'mpow': '[n,n]-2:2 0:4 n=1:4 rtol=1e-9',
    'pinv_residual': '[n,m]-3:3 n=1:5 m=1:5 atol=1e-7',
    'logdet': '[n,n]-3:3 n=1:5 rtol=1e-9 atol=1e-12',
}
