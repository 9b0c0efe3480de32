"""Decompositions: eigh, svd, cholesky, qr, and the norms that check them."""
import numpy as np
from numba.pycc import CC

cc = CC('k_linalg_decomp')


def spd(a):
    m = a @ a.T
    for i in range(m.shape[0]):
        m[i, i] += 1.0
    return m


@cc.export('eig_sym', 'f8[:](f8[:, :])')
def eig_sym(a):
    w, v = np.linalg.eigh(spd(a))
    return w


@cc.export('eigh_residual', 'f8(f8[:, :])')
def eigh_residual(a):
    m = spd(a)
    w, v = np.linalg.eigh(m)
    r = m @ v
    err = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[0]):
            err = max(err, abs(r[i, j] - w[j] * v[i, j]))
    return err


@cc.export('singular_values', 'f8[:](f8[:, :])')
def singular_values(a):
    u, s, vh = np.linalg.svd(a)
    return s


@cc.export('svd_thin', 'f8(f8[:, :])')
def svd_thin(a):
    u, s, vh = np.linalg.svd(a, full_matrices=False)
    return np.linalg.norm(u) + np.linalg.norm(vh)


@cc.export('chol', 'f8[:, :](f8[:, :])')
def chol(a):
    return np.linalg.cholesky(spd(a))


@cc.export('qr_r', 'f8[:, :](f8[:, :])')
def qr_r(a):
    q, r = np.linalg.qr(a)
    return r


@cc.export('qr_orth', 'f8(f8[:, :])')
def qr_orth(a):
    q, r = np.linalg.qr(a)
    g = q.T @ q
    err = 0.0
    for i in range(g.shape[0]):
        for j in range(g.shape[1]):
            err = max(err, abs(g[i, j] - (1.0 if i == j else 0.0)))
    return err


@cc.export('not_spd', 'f8[:, :](f8[:, :])')
def not_spd(a):
    # a general matrix: LinAlgError unless it happens to be positive definite
    return np.linalg.cholesky(a)


TESTS = {
    'eig_sym': '[n,n]-3:3 n=1:6 rtol=1e-7 atol=1e-9',
    'eigh_residual': '[n,n]-3:3 n=1:6 atol=1e-8',
    'singular_values': '[n,m]-3:3 n=1:6 m=1:6 rtol=1e-7 atol=1e-9',
    'svd_thin': '[n,m]-3:3 n=1:6 m=1:6 rtol=1e-7',
    'chol': '[n,n]-3:3 n=1:6 rtol=1e-7 atol=1e-9',
    'qr_r': '[n,m]-3:3 n=1:6 m=1:6 rtol=1e-7 atol=1e-9',
    'qr_orth': '[n,m]-3:3 n=1:6 m=1:6 atol=1e-8',
    'not_spd': '[n,n]-3:3 n=1:4 rtol=1e-7 atol=1e-9',
}


@cc.export('eig_real', 'f8[:](f8[:, :])')
def eig_real(a):
    # a symmetric matrix has real eigenvalues; numba's eig keeps them real
    w, v = np.linalg.eig(spd(a))
    return np.sort(w)


@cc.export('eigvals_general', 'f8(f8[:, :])')
def eigvals_general(a):
    # complex eigenvalues of a real matrix: ValueError, as numba (NumPy returns complex)
    w = np.linalg.eigvals(a)
    return w.sum()


@cc.export('eig_complex', 'c16[:](c16[:, :])')
def eig_complex(a):
    return np.linalg.eigvals(a)


TESTS['eig_real'] = '[n,n]-3:3 n=1:5 rtol=1e-7 atol=1e-9 ref=eig_real_numba'
TESTS['eigvals_general'] = '[n,n]-3:3 n=1:4 rtol=1e-7 atol=1e-9 ref=eigvals_numba'
TESTS['eig_complex'] = '[n,n]-3:3 n=1:4 rtol=1e-7 atol=1e-9'


def eigvals_numba(a):
    w = np.linalg.eigvals(a)
    if np.any(w.imag != 0):
        raise ValueError("eig() argument must not cause a domain change.")
    return w.real.sum()


def eig_real_numba(a):
    # a repeated eigenvalue can come back with a roundoff-sized imaginary part; NumPy then
    # returns complex, numba (and aot_tool) raise
    w, v = np.linalg.eig(spd(a))
    if np.any(w.imag != 0):
        raise ValueError("eig() argument must not cause a domain change.")
    return np.sort(w.real)
