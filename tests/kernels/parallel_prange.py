"""prange loops in parallel functions (issue 13): each runs on the thread pool and is
compared with CPython running the same loop serially (the fake numba's prange is range).
Reductions combine per-block partials, so float sums are compared within tolerance."""
import numpy as np
from numba import njit, prange
from numba.pycc import CC

cc = CC('k_parallel_prange')


@cc.export('row_norms', 'f8[:](f8[:, :])')
@njit(parallel=True, nogil=True)
def row_norms(a):
    out = np.empty(a.shape[0])
    for i in prange(a.shape[0]):
        s = 0.0
        for j in range(a.shape[1]):
            s += a[i, j] * a[i, j]
        out[i] = np.sqrt(s)
    return out


@cc.export('total', 'f8(f8[:])')
@njit(parallel=True)
def total(x):
    s = 0.0
    for i in prange(x.shape[0]):
        s += x[i]
    return s


@cc.export('int_stats', 'Tuple((i8, i8, i8, i8))(i8[:])')
@njit(parallel=True)
def int_stats(x):
    s = 0
    d = 100
    lo = 1 << 40
    hi = -(1 << 40)
    for i in prange(len(x)):
        s += x[i] * x[i]
        d -= x[i]
        lo = min(lo, x[i])
        hi = max(x[i], hi)
    return s, d, lo, hi


@cc.export('float_minmax', 'UniTuple(f8, 3)(f8[:])')
@njit(parallel=True)
def float_minmax(x):
    lo = np.inf
    hi = -np.inf
    p = 1.0
    for i in prange(1, len(x)):
        lo = min(lo, x[i] - x[i - 1])
        hi = max(hi, x[i])
        p *= 1.0 + x[i] * 1e-3
    return lo, hi, p


@cc.export('privates', 'f8[:](f8[:], f8)')
@njit(parallel=True)
def privates(x, scale):
    out = np.zeros(len(x))
    for i in prange(len(x)):
        t = x[i] * scale
        if t > 0:
            u = t * 2.0
        else:
            u = -t
        out[i] = u + 1.0
    return out


@cc.export('mandel_rows', 'i8[:, :](i8, i8, i8)')
@njit(parallel=True)
def mandel_rows(h, w, iters):
    out = np.zeros((h, w), dtype=np.int64)
    for y in prange(h):
        for x in range(w):
            c = complex(-2.0 + 3.0 * x / max(w, 1), -1.0 + 2.0 * y / max(h, 1))
            z = 0j
            k = 0
            while k < iters and abs(z) <= 2.0:
                z = z * z + c
                k += 1
            out[y, x] = k
    return out


@cc.export('nested', 'f8(f8[:, :])')
@njit(parallel=True)
def nested(a):
    s = 0.0
    for i in prange(a.shape[0]):
        for j in prange(a.shape[1]):     # runs serially inside the outer loop, as in numba
            s += a[i, j]
    return s


@cc.export('checked', 'f8(f8[:], i8)')
@njit(parallel=True)
def checked(x, bad):
    s = 0.0
    for i in prange(len(x)):
        if i == bad:
            raise ValueError("bad index")
        s += x[i]
    return s


@cc.export('with_break', 'i8(i8[:], i8)')
@njit(parallel=True)
def with_break(x, stop):
    n = 0
    for i in prange(len(x)):     # a break of its own: numba runs it serially, so do we
        if x[i] == stop:
            break
        n += 1
    return n


@cc.export('last_index', 'i8(f8[:])')
@njit(parallel=True)
def last_index(x):
    i = -1
    for i in prange(len(x)):
        x[i] = x[i] * 2.0
    return i


@njit(parallel=True)
def _scaled_sum(x, k):
    s = 0.0
    for i in prange(len(x)):
        if x[i] < 0:
            continue
        s += x[i] * k
    return s


@cc.export('helper_prange', 'f8(f8[:])')
def helper_prange(x):
    return _scaled_sum(x, 2.0) + _scaled_sum(x, -1.0)


@cc.export('serial_prange', 'f8(f8[:])')
@njit
def serial_prange(x):
    s = 0.0
    for i in prange(len(x)):     # not a parallel function: prange is range
        s += x[i]
    return s


TESTS = {
    'row_norms': '[n,m]-5:5 n=0:40 m=0:5',
    'total': '[n]-5:5 n=0:300',
    'int_stats': '[n]-1000:1000 n=0:300',
    'float_minmax': '[n]-5:5 n=0:200',
    'privates': '[n]-5:5 -2:2 n=0:100',
    'mandel_rows': '0:12 0:12 0:30',
    'nested': '[n,m]-5:5 n=0:20 m=0:20',
    'checked': '[n]-5:5 -1:200 n=0:200',
    'with_break': '[n]-3:3 -3:3 n=0:50',
    'last_index': '[n]-5:5 n=0:50',
    'serial_prange': '[n]-5:5 n=0:50',
    'helper_prange': '[n]-5:5 n=0:300',
}

# numba warns that the loop variable after a prange loop "may be written to
# simultaneously" and returns some iteration's value; we give Python's last one
NUMBA_DIFFERS = {'last_index': 'the loop variable after a prange loop is a race in numba'}
