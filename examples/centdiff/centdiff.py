"""Central differences, the kernel Pythran and numba are compared on (bench/)."""
import numpy as np
from numba.pycc import CC

cc = CC('centdiff')


@cc.export('centdiff_1d', 'f8[:](f8[:], f8)')
def centdiff_1d(u, dx):
    D = np.empty_like(u)
    D[0] = 0
    D[-1] = 0
    for i in range(1, len(D) - 1):
        D[i] = (u[i+1] - 2 * u[i] + u[i-1]) / dx**2
    return D


@cc.export('centdiff_1d_inplace', 'void(f8[:], f8, f8[:])')
def centdiff_1d_inplace(u, dx, out):
    out[0] = 0
    out[-1] = 0
    for i in range(1, len(u) - 1):
        out[i] = (u[i+1] - 2 * u[i] + u[i-1]) / dx**2
