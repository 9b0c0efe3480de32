"""Stencils in slice form: whole-array expressions over shifted views, fused into one
loop each; in-place updates whose right side overlaps the target."""
import numpy as np
from numba.pycc import CC

cc = CC('k_arr_stencils')


@cc.export('centdiff_slices', 'f8[:](f8[:], f8)')
def centdiff_slices(u, dx):
    D = np.empty_like(u)
    D[0] = 0
    D[-1] = 0
    D[1:-1] = (u[2:] - 2*u[1:-1] + u[:-2]) / dx**2
    return D


@cc.export('smooth3', 'f8[:](f8[:])')
def smooth3(a):
    return (a[:-2] + a[1:-1] + a[2:]) / 3.0


@cc.export('heat_steps', 'f8[:](f8[:], f8, i8)')
def heat_steps(u, c, steps):
    u = u.copy()
    for _ in range(steps):
        u[1:-1] = u[1:-1] + c * (u[2:] - 2.0 * u[1:-1] + u[:-2])
    return u


@cc.export('laplace2d', 'f8[:, :](f8[:, :])')
def laplace2d(u):
    lap = np.zeros_like(u)
    lap[1:-1, 1:-1] = u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1]
    return lap


@cc.export('jacobi_sweep', 'void(f8[:, :], f8[:, :])')
def jacobi_sweep(u, f):
    u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - f[1:-1, 1:-1])


@cc.export('upwind', 'f8[:](f8[:], f8)')
def upwind(q, nu):
    out = q.copy()
    out[1:] -= nu * (q[1:] - q[:-1])
    return out


TESTS = {
    'centdiff_slices': '[n]-10:10 0.5:2 n=2:30',
    'smooth3': '[n]-10:10 n=0:20',
    'heat_steps': '[n]-1:1 0:0.5 0:5 n=0:20',
    'laplace2d': '[n,m]-5:5 n=0:7 m=0:7',
    'jacobi_sweep': '[n,m]-5:5 [n,m]-1:1 n=0:7 m=0:7',
    'upwind': '[n]-3:3 0:1 n=0:20',
}
