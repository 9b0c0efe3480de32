"""1-D stencils: central difference (the numba docs example), smoothing in place."""
import numpy as np
from numba.pycc import CC

cc = CC('k_stencil_1d')


@cc.export('centdiff_1d', 'f8[:](f8[:], f8)')
def centdiff_1d(u, dx):
    D = np.empty_like(u)
    D[0] = 0
    D[-1] = 0
    for i in range(1, len(D) - 1):
        D[i] = (u[i+1] - 2 * u[i] + u[i-1]) / dx**2
    return D


@cc.export('smooth3', 'void(f8[:], f8[:])')
def smooth3(u, out):
    n = len(u)
    out[0] = u[0]
    out[n - 1] = u[n - 1]
    for i in range(1, n - 1):
        out[i] = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1]


@cc.export('diff', 'f8[:](f8[::1])')
def diff(u):
    d = np.zeros(len(u) - 1)
    for i in range(len(d)):
        d[i] = u[i + 1] - u[i]
    return d


TESTS = {
    'centdiff_1d': '[n] 0.1:2 n=2:40',
    'smooth3': '[n] [n] n=2:30',
    'diff': '[n] n=1:30',
}
