"""The kernels bench/kernels.py times (issue 12's benchmark): classic numerical code and
kernels from the test corpus, each valid numba and exported as numba.pycc would be.
`INPUTS[name](rng)` makes the arguments; `NUMPY[name]` is the same computation in NumPy
where there is one."""

import numpy as np

from _corpus import kernel

SOURCE = '''
import math
import numpy as np
from aot_tool import CC
from numba import njit
cc = CC('bench_kernels')

@cc.export('vadd', 'void(f8[:], f8[:], f8[:])')
def vadd(a, b, c):
    for i in range(len(c)):
        c[i] = a[i] + b[i]

@cc.export('axpy', 'void(f8, f8[:], f8[:])')
def axpy(alpha, x, y):
    for i in range(len(y)):
        y[i] += alpha * x[i]

@cc.export('laplace', 'void(f8[:, :], f8[:, :])')
def laplace(u, v):
    n, m = u.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4 * u[i, j]

@cc.export('count_true', 'i8(b1[:])')
def count_true(mask):
    n = 0
    for x in mask:
        if x:
            n += 1
    return n

@cc.export('lorenz', 'f8[:, :](f8, f8, f8, f8, i8)')
def lorenz(x, y, z, dt, n):
    out = np.empty((n, 3))
    for i in range(n):
        dx = 10.0 * (y - x)
        dy = x * (28.0 - z) - y
        dz = x * y - 8.0 / 3.0 * z
        x += dx * dt
        y += dy * dt
        z += dz * dt
        out[i, 0] = x
        out[i, 1] = y
        out[i, 2] = z
    return out

@cc.export('logsumexp', 'f8(f8[:])')
def logsumexp(a):
    m = a[0]
    for x in a:
        if x > m:
            m = x
    s = 0.0
    for x in a:
        s += math.exp(x - m)
    return m + math.log(s)

@cc.export('column_sums', 'f8[:](f8[:, :])')
def column_sums(a):
    n, m = a.shape
    out = np.zeros(m)
    for i in range(n):
        for j in range(m):
            out[j] += a[i, j]
    return out

@cc.export('dot', 'f8(f8[:], f8[:])')
def dot(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s

@cc.export('prefix_sum', 'f8[:](f8[:])')
def prefix_sum(a):
    out = np.empty_like(a)
    s = 0.0
    for i in range(len(a)):
        s += a[i]
        out[i] = s
    return out

@cc.export('mandelbrot', 'i8[:, :](f8, f8, f8, f8, i8, i8, i8)')
def mandelbrot(x0, x1, y0, y1, w, h, iters):
    out = np.zeros((h, w), dtype=np.int64)
    for r in range(h):
        for q in range(w):
            c = complex(x0 + (x1 - x0) * q / w, y0 + (y1 - y0) * r / h)
            z = 0j
            k = 0
            while k < iters and z.real * z.real + z.imag * z.imag <= 4.0:
                z = z * z + c
                k += 1
            out[r, q] = k
    return out

@cc.export('collatz_max', 'i8(i8)')
def collatz_max(n):
    best = 0
    for start in range(1, n):
        k = start
        steps = 0
        while k != 1:
            k = k // 2 if k % 2 == 0 else 3 * k + 1
            steps += 1
        if steps > best:
            best = steps
    return best

@cc.export('gcd_sum', 'i8(i8)')
def gcd_sum(n):
    total = 0
    for a in range(1, n):
        b = n
        x = a
        while b:
            x, b = b, x % b
        total += x
    return total

@cc.export('sieve_count', 'i8(i8)')
def sieve_count(n):
    flags = np.ones(n, dtype=np.bool_)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i < n:
        if flags[i]:
            for j in range(i * i, n, i):
                flags[j] = False
        i += 1
    return np.sum(flags)

@cc.export('blur_3x3', 'f8[:, :](f8[:, :])')
def blur_3x3(u):
    n, m = u.shape
    out = np.zeros_like(u)
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            s = 0.0
            for di in range(-1, 2):
                for dj in range(-1, 2):
                    s += u[i + di, j + dj]
            out[i, j] = s / 9.0
    return out

@cc.export('welford_var', 'f8(f8[:])')
def welford_var(a):
    mean = 0.0
    m2 = 0.0
    n = 0
    for x in a:
        n += 1
        d = x - mean
        mean += d / n
        m2 += d * (x - mean)
    return m2 / n

@cc.export('argmax', 'i8(f8[:])')
def argmax(a):
    best = 0
    for i in range(1, len(a)):
        if a[i] > a[best]:
            best = i
    return best

@cc.export('clip_count', 'i8(f8[:], f8, f8)')
def clip_count(a, lo, hi):
    n = 0
    for i in range(len(a)):
        if a[i] < lo or a[i] > hi:
            n += 1
    return n

@cc.export('matvec', 'f8[:](f8[:, :], f8[:])')
def matvec(a, x):
    n, m = a.shape
    out = np.empty(n)
    for i in range(n):
        s = 0.0
        for j in range(m):
            s += a[i, j] * x[j]
        out[i] = s
    return out

@cc.export('trapezoid', 'f8(f8, f8, i8)')
def trapezoid(a, b, n):
    h = (b - a) / n
    s = 0.5 * (math.sin(a) + math.sin(b))
    for i in range(1, n):
        s += math.sin(a + i * h)
    return s * h

@cc.export('newton_sqrt', 'f8[:](f8[:])')
def newton_sqrt(a):
    out = np.empty_like(a)
    for i in range(len(a)):
        x = a[i] if a[i] > 1.0 else 1.0
        for _ in range(20):
            x = 0.5 * (x + a[i] / x)
        out[i] = x
    return out

@cc.export('complex_rotate', 'c16[:](c16[:], f8)')
def complex_rotate(z, theta):
    w = complex(math.cos(theta), math.sin(theta))
    out = np.empty_like(z)
    for i in range(len(z)):
        out[i] = z[i] * w
    return out

@cc.export('masked_mean', 'f8(f8[:], b1[:])')
def masked_mean(a, mask):
    s = 0.0
    n = 0
    for i in range(len(a)):
        if mask[i]:
            s += a[i]
            n += 1
    return s / n if n else 0.0

@cc.export('int_hash', 'u8(i8[:])')
def int_hash(a):
    h = np.uint64(14695981039346656037)
    for x in a:
        h = (h ^ np.uint64(x)) * np.uint64(1099511628211)
    return h

@cc.export('bubble_pass', 'i8(i8[:])')
def bubble_pass(a):
    swaps = 0
    for i in range(len(a) - 1):
        if a[i] > a[i + 1]:
            t = a[i]
            a[i] = a[i + 1]
            a[i + 1] = t
            swaps += 1
    return swaps

@cc.export('recurrence', 'f8[:](f8[:], f8)')
def recurrence(x, alpha):
    y = np.empty_like(x)
    acc = 0.0
    for i in range(len(x)):
        acc = alpha * acc + (1.0 - alpha) * x[i]
        y[i] = acc
    return y
'''

# the kernels the test corpus also holds, read from it (one copy, the tested one)
SOURCE += "".join([
    kernel("helper_stencil.py", "lap_at"),
    kernel("helper_stencil.py", "smooth_helper"),
    kernel("helper_stencil.py", "smooth_inline"),
    kernel("stencil_1d.py", "centdiff_1d"),
    kernel("matmul.py", "matmul"),
    kernel("trial_division.py", "prime_count"),
    kernel("histogram.py", "histogram"),
    kernel("horner.py", "horner"),
    kernel("conv1d.py", "conv1d"),
    kernel("minmax_scan.py", "minmax"),
    kernel("insertion_sort.py", "insertion_sort", "insertion_sort", "void(f8[:])"),
])

N = 1_000_000


def _f(rng, *shape):
    return rng.standard_normal(shape if shape else N)


INPUTS = {
    "vadd": lambda r: (_f(r), _f(r), np.empty(N)),
    "axpy": lambda r: (2.0, _f(r), np.zeros(N)),
    "laplace": lambda r: (_f(r, 1000, 1000), np.zeros((1000, 1000))),
    "smooth_helper": lambda r: (_f(r, 500, 500), np.zeros((500, 500))),
    "smooth_inline": lambda r: (_f(r, 500, 500), np.zeros((500, 500))),
    "histogram": lambda r: (r.random(N), np.zeros(64, np.int64), 0.0, 1.0),
    "centdiff_1d": lambda r: (_f(r), 0.1),
    "matmul": lambda r: (_f(r, 120, 120), _f(r, 120, 120)),
    "count_true": lambda r: (r.random(N) > 0.5,),
    "minmax": lambda r: (_f(r),),
    "insertion_sort": lambda r: (_f(r, 2000),),
    "lorenz": lambda r: (1.0, 1.0, 1.0, 0.001, 200_000),
    "prime_count": lambda r: (30_000,),
    "logsumexp": lambda r: (_f(r),),
    "column_sums": lambda r: (_f(r, 1000, 1000),),
    "dot": lambda r: (_f(r), _f(r)),
    "prefix_sum": lambda r: (_f(r),),
    "mandelbrot": lambda r: (-2.0, 1.0, -1.5, 1.5, 200, 150, 100),
    "horner": lambda r: (_f(r, 200_000), _f(r, 8)),
    "collatz_max": lambda r: (30_000,),
    "gcd_sum": lambda r: (200_000,),
    "sieve_count": lambda r: (2_000_000,),
    "blur_3x3": lambda r: (_f(r, 500, 500),),
    "conv1d": lambda r: (_f(r, 200_000), _f(r, 16)),
    "welford_var": lambda r: (_f(r),),
    "argmax": lambda r: (_f(r),),
    "clip_count": lambda r: (_f(r), -1.0, 1.0),
    "matvec": lambda r: (_f(r, 1000, 1000), _f(r, 1000)),
    "trapezoid": lambda r: (0.0, 3.0, 500_000),
    "newton_sqrt": lambda r: (np.abs(_f(r, 100_000)) * 100,),
    "complex_rotate": lambda r: (_f(r) + 1j * _f(r), 0.3),
    "masked_mean": lambda r: (_f(r), r.random(N) > 0.3),
    "int_hash": lambda r: (r.integers(0, 1 << 40, N),),
    "bubble_pass": lambda r: (r.integers(0, 1000, N),),
    "recurrence": lambda r: (_f(r), 0.9),
}

# in-place kernels: fresh copies of these arguments for every call (positions)
FRESH = {"insertion_sort": (0,), "bubble_pass": (0,)}

NUMPY = {
    "vadd": lambda a, b, c: np.add(a, b, out=c),
    "axpy": lambda al, x, y: y.__iadd__(al * x),
    "centdiff_1d": lambda u, dx: np.concatenate(([0.0], (u[2:] - 2 * u[1:-1] + u[:-2]) / dx**2, [0.0])),
    "matmul": lambda a, b: a @ b,
    "count_true": lambda m: np.count_nonzero(m),
    "minmax": lambda a: (a.min(), a.max()),
    "logsumexp": lambda a: a.max() + np.log(np.exp(a - a.max()).sum()),
    "column_sums": lambda a: a.sum(axis=0),
    "dot": lambda a, b: np.dot(a, b),
    "prefix_sum": lambda a: np.cumsum(a),
    "argmax": lambda a: np.argmax(a),
    "clip_count": lambda a, lo, hi: np.count_nonzero((a < lo) | (a > hi)),
    "matvec": lambda a, x: a @ x,
    "complex_rotate": lambda z, t: z * complex(np.cos(t), np.sin(t)),
    "masked_mean": lambda a, m: a[m].mean(),
}
