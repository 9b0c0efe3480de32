"""Array variables swapped by tuple assignment inside loops (ping-pong buffers),
then returned or written through."""
import numpy as np
from numba.pycc import CC

cc = CC('k_swap_arrays')


@cc.export('pingpong', 'f8[:](f8[:], i8)')
def pingpong(a, steps):
    u = a.copy()
    v = np.zeros_like(u)
    for _ in range(steps):
        for i in range(len(u)):
            v[i] = u[i] + 1.0
        u, v = v, u
    return u


@cc.export('swap_once', 'f8[:](f8[:], f8[:])')
def swap_once(a, b):
    x = a.copy()
    y = b.copy()
    x, y = y, x
    return x


@cc.export('pick_buffer', 'f8(f8[:], i8)')
def pick_buffer(a, steps):
    u = a.copy()
    v = np.ones_like(u)
    for _ in range(steps):
        u, v = v, u
    s = 0.0
    for x in u:
        s += x
    return s


TESTS = {
    'pingpong': '[n] 0:4 n=0:10',
    'swap_once': '[n] [m] n=0:6 m=0:6',
    'pick_buffer': '[n] 0:4 n=0:10',
}
