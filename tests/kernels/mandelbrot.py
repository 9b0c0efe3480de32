"""Mandelbrot escape counts over a grid: complex loops writing an int array."""
import numpy as np
from numba.pycc import CC

cc = CC('k_mandelbrot')


@cc.export('escape', 'i8(c16, i8)')
def escape(c, maxiter):
    z = 0j
    for k in range(maxiter):
        z = z * z + c
        if z.real * z.real + z.imag * z.imag > 4.0:
            return k
    return maxiter


@cc.export('grid', 'i8[:, :](f8, f8, f8, f8, i8, i8, i8)')
def grid(x0, x1, y0, y1, nx, ny, maxiter):
    out = np.zeros((ny, nx), dtype=np.int64)
    for j in range(ny):
        for i in range(nx):
            c = complex(x0 + (x1 - x0) * i / nx, y0 + (y1 - y0) * j / ny)
            out[j, i] = escape(c, maxiter)
    return out


TESTS = {
    'escape': '-2:2 0:60',
    'grid': '-2:0 0:1 -1:0 0:1 1:12 1:12 0:40 examples=30',
}
