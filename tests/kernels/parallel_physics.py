"""Compute-bound prange kernels (issue 13's benchmark, bench/parallel.py, reads these):
a Mandelbrot image by rows, pairwise distances, an n-body force loop, and a nogil
export that burns time in a serial loop."""
import numpy as np
from numba import njit, prange
from numba.pycc import CC

cc = CC('k_parallel_physics')


@cc.export('mandelbrot', 'i8[:, :](i8, i8, i8)')
@njit(parallel=True)
def mandelbrot(h, w, iters):
    out = np.empty((h, w), dtype=np.int64)
    for y in prange(h):
        ci = -1.0 + 2.0 * y / h
        for x in range(w):
            cr = -2.0 + 3.0 * x / w
            zr = 0.0
            zi = 0.0
            k = 0
            while k < iters and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            out[y, x] = k
    return out


@cc.export('pairwise', 'f8[:, :](f8[:, :])')
@njit(parallel=True)
def pairwise(p):
    n = p.shape[0]
    out = np.empty((n, n))
    for i in prange(n):
        for j in range(n):
            s = 0.0
            for k in range(p.shape[1]):
                t = p[i, k] - p[j, k]
                s += t * t
            out[i, j] = np.sqrt(s)
    return out


@cc.export('nbody', 'f8[:, :](f8[:, :], f8[:])')
@njit(parallel=True)
def nbody(pos, mass):
    n = pos.shape[0]
    acc = np.zeros((n, 3))
    for i in prange(n):
        ax = 0.0
        ay = 0.0
        az = 0.0
        for j in range(n):
            if i != j:
                dx = pos[j, 0] - pos[i, 0]
                dy = pos[j, 1] - pos[i, 1]
                dz = pos[j, 2] - pos[i, 2]
                r2 = dx * dx + dy * dy + dz * dz + 1e-9
                inv = mass[j] / (r2 * np.sqrt(r2))
                ax += dx * inv
                ay += dy * inv
                az += dz * inv
        acc[i, 0] = ax
        acc[i, 1] = ay
        acc[i, 2] = az
    return acc


@cc.export('burn', 'f8(f8[:], i8)')
@njit(nogil=True)
def burn(x, reps):
    s = 0.0
    for r in range(reps):
        for i in range(x.shape[0]):
            s += np.sqrt(x[i] * r + 1.0)
    return s


TESTS = {
    'mandelbrot': '1:12 1:12 0:30',
    'pairwise': '[n,d]-5:5 n=0:30 d=0:4',
    'nbody': '[n,3]-5:5 [n]0:2 n=0:20',
    'burn': '[n]0:5 0:4 n=0:50',
}
