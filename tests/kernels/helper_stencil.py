"""A 2-d smoothing stencil written twice: through a small @njit helper and inline. The
helper must inline, so both compile to the same vectorised loop (issue 12; the
benchmark bench/kernels.py and tests/test_call_cost.py read these functions)."""
from numba import njit
from numba.pycc import CC

cc = CC('k_helper_stencil')


@njit
def lap_at(u, i, j):
    return u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j]


@cc.export('smooth_helper', 'void(f8[:, :], f8[:, :])')
def smooth_helper(u, v):
    n, m = u.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = u[i, j] + 0.1 * lap_at(u, i, j)


@cc.export('smooth_inline', 'void(f8[:, :], f8[:, :])')
def smooth_inline(u, v):
    n, m = u.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = u[i, j] + 0.1 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j])


TESTS = {
    'smooth_helper': '[n,m] [n,m] n=0:9 m=0:9',
    'smooth_inline': '[n,m] [n,m] n=0:9 m=0:9',
}
