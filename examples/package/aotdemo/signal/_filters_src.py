"""Source of the extension module aotdemo.signal._filters, written for aot_tool's own CC."""
import numpy as np
from aot_tool import CC

cc = CC('_filters')


@cc.export('moving_average', 'f8[:](f8[:], i8)')
def moving_average(x, width):
    out = np.empty(len(x) - width + 1)
    total = 0.0
    for i in range(width):
        total += x[i]
    out[0] = total / width
    for i in range(width, len(x)):
        total += x[i] - x[i - width]
        out[i - width + 1] = total / width
    return out


@cc.export('centdiff_1d', 'f8[:](f8[:], f8)')
def centdiff_1d(u, dx):
    D = np.empty_like(u)
    D[0] = 0
    D[-1] = 0
    for i in range(1, len(D) - 1):
        D[i] = (u[i + 1] - 2 * u[i] + u[i - 1]) / dx**2
    return D
