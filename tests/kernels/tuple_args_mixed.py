"""Heterogeneous and nested tuple arguments (Tuple((i8, f8)), a tuple inside a
tuple): a grid given as (count, (lo, hi)), a polynomial's (degree, scale) pair, and
an index pair into a 2-d array."""
from numba.pycc import CC

cc = CC('k_tuple_args_mixed')


@cc.export('grid_sum', 'f8(Tuple((i8, UniTuple(f8, 2))))')
def grid_sum(grid):
    n, (lo, hi) = grid
    if n <= 1:
        return lo
    step = (hi - lo) / (n - 1)
    s = 0.0
    for i in range(n):
        s += lo + i * step
    return s


@cc.export('scaled_power', 'f8(f8, Tuple((i8, f8)))')
def scaled_power(x, spec):
    degree = spec[0]
    scale = spec[1]
    r = 1.0
    for _ in range(degree):
        r *= x
    return scale * r


@cc.export('at', 'f8(f8[:, :], UniTuple(i8, 2))')
def at(a, ij):
    i, j = ij
    if i < 0 or j < 0 or i >= a.shape[0] or j >= a.shape[1]:
        return -1.0
    return a[i, j]


@cc.export('window_mean', 'f8(f8[:], Tuple((i8, i8)))')
def window_mean(a, window):
    start, stop = window
    start = max(start, 0)
    stop = min(stop, len(a))
    if stop <= start:
        return 0.0
    s = 0.0
    for k in range(start, stop):
        s += a[k]
    return s / (stop - start)


@cc.export('swap_pair', 'Tuple((f8, i8))(Tuple((i8, f8)))')
def swap_pair(p):
    return p[1], p[0]


TESTS = {
    'grid_sum': '(0:50,(-10:10,-10:10))',
    'scaled_power': '-2:2 (0:8,-3:3)',
    'at': '[n,m]-5:5 (-1:6,-1:6) n=0:5 m=0:5',
    'window_mean': '[n]-10:10 (-2:10,-2:12) n=0:10',
    'swap_pair': '(*,*)',
}
