"""Explicit heat equation: time steps with two buffers swapped by tuple assignment."""
import numpy as np
from numba.pycc import CC

cc = CC('k_heat_1d')


@cc.export('heat', 'f8[:](f8[:], f8, i8)')
def heat(u0, alpha, steps):
    u = u0.copy()
    v = np.empty_like(u)
    n = len(u)
    for _ in range(steps):
        v[0] = u[0]
        v[n - 1] = u[n - 1]
        for i in range(1, n - 1):
            v[i] = u[i] + alpha * (u[i - 1] - 2.0 * u[i] + u[i + 1])
        u, v = v, u
    return u


TESTS = {
    'heat': '[n] 0:0.5 0:20 n=1:20',
}
