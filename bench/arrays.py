"""Whole-array expressions on 10^6 doubles: aot_tool against NumPy and numba njit, one
process; and the seed's centdiff_1d in slice form against its loop form.

    python bench/arrays.py      (numba comes with the `bench` extra; skipped if absent)
"""

import os
import subprocess
import sys
import tempfile

import numpy as np

from _common import best, build_c, build_seed

SOURCE = '''
import numpy as np
from numba.pycc import CC
cc = CC('bench_arrays')

@cc.export('fused3', 'f8[:](f8[:], f8[:], f8[:])')
def fused3(a, b, c):
    return a * b + c

@cc.export('fused5', 'f8[:](f8[:], f8[:], f8[:])')
def fused5(a, b, c):
    return (a - b) * (a + b) / (1.0 + c * c)

@cc.export('poly', 'f8[:](f8[:])')
def poly(x):
    return ((3.0 * x + 2.0) * x - 1.0) * x + 0.5

@cc.export('where3', 'f8[:](f8[:], f8[:], f8[:])')
def where3(a, b, c):
    return np.where(a > b, a - c, b + c)

@cc.export('centdiff_slices', 'f8[:](f8[:], f8)')
def centdiff_slices(u, dx):
    D = np.empty_like(u)
    D[0] = 0
    D[-1] = 0
    D[1:-1] = (u[2:] - 2*u[1:-1] + u[:-2]) / dx**2
    return D

@cc.export('lap_slices', 'f8[:, :](f8[:, :])')
def lap_slices(u):
    lap = np.zeros_like(u)
    lap[1:-1, 1:-1] = u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1]
    return lap

@cc.export('lap_loop', 'f8[:, :](f8[:, :])')
def lap_loop(u):
    lap = np.zeros_like(u)
    for i in range(1, u.shape[0] - 1):
        for j in range(1, u.shape[1] - 1):
            lap[i, j] = u[i-1, j] + u[i+1, j] + u[i, j-1] + u[i, j+1] - 4.0 * u[i, j]
    return lap

@cc.export('axpy_inplace', 'void(f8[:], f8[:], f8)')
def axpy_inplace(y, x, alpha):
    y += alpha * x

@cc.export('dot_fused', 'f8(f8[:], f8[:])')
def dot_fused(a, b):
    return np.sum(a * b)
'''

EXPRS = {
    "fused3": (lambda a, b, c: a * b + c, 3),
    "fused5": (lambda a, b, c: (a - b) * (a + b) / (1.0 + c * c), 3),
    "poly": (lambda x: ((3.0 * x + 2.0) * x - 1.0) * x + 0.5, 1),
    "where3": (lambda a, b, c: np.where(a > b, a - c, b + c), 3),
    "dot_fused": (lambda a, b: np.sum(a * b), 2),
}


def build():
    out = tempfile.mkdtemp(prefix="aot-bench-arrays-")
    with open(os.path.join(out, "src.py"), "w") as f:
        f.write(SOURCE)
    subprocess.run([sys.executable, "-m", "aot_tool", "build", os.path.join(out, "src.py"), "-o", out],
                   check=True, stdout=subprocess.DEVNULL)
    sys.path.insert(0, out)
    import bench_arrays
    return bench_arrays


mod = build()
sys.path.insert(0, build_seed())
import my_module  # noqa: E402

try:
    import numba
except ImportError:
    numba = None
    print("numba not installed: pip install -e '.[bench]' to compare")

rng = np.random.default_rng(0)
arrays = [rng.standard_normal(1_000_000) for _ in range(3)]
print(f"{'10^6 doubles':14s} {'aot_tool':>9s} {'NumPy':>9s} {'numba':>9s}  NumPy/aot  aot/numba")
for name, (expr, nargs) in EXPRS.items():
    args = arrays[:nargs]
    ours = getattr(mod, name)
    assert np.allclose(ours(*args), expr(*args))
    t_aot = best("f(*a)", 10, f=ours, a=args)
    t_np = best("f(*a)", 10, f=expr, a=args)
    line = f"{name:14s} {t_aot * 1e3:7.3f}ms {t_np * 1e3:7.3f}ms"
    if numba is not None:
        jitted = numba.njit(expr)
        jitted(*args)
        t_nb = best("f(*a)", 10, f=jitted, a=args)
        line += f" {t_nb * 1e3:7.3f}ms  {t_np / t_aot:8.2f}x  {t_aot / t_nb:8.2f}x"
    else:
        line += f"  {'-':>7s}  {t_np / t_aot:8.2f}x"
    print(line)

u = arrays[0]
assert np.allclose(mod.centdiff_slices(u, 0.1), my_module.centdiff_1d(u, 0.1))
t_slices = best("f(u, 0.1)", 20, f=mod.centdiff_slices, u=u)
t_loop = best("f(u, 0.1)", 20, f=my_module.centdiff_1d, u=u)
print(f"centdiff_1d: slice form {t_slices * 1e3:.3f} ms, loop form {t_loop * 1e3:.3f} ms, "
      f"ratio {t_slices / t_loop:.2f}")
g = arrays[0].reshape(1000, 1000)
assert np.allclose(mod.lap_slices(g), mod.lap_loop(g))
t_slices = best("f(g)", 10, f=mod.lap_slices, g=g)
t_loop = best("f(g)", 10, f=mod.lap_loop, g=g)
print(f"2-d Laplacian, 1000x1000: slice form {t_slices * 1e3:.3f} ms, loop form {t_loop * 1e3:.3f} ms, "
      f"ratio {t_slices / t_loop:.2f}")
y = arrays[1].copy()
t_axpy = best("f(y, x, 0.5)", 20, f=mod.axpy_inplace, y=y, x=arrays[2])
t_axpy_np = best("y.__iadd__(0.5 * x)", 20, y=y, x=arrays[2])
print(f"y += 0.5 * x in place: aot_tool {t_axpy * 1e3:.3f} ms, NumPy {t_axpy_np * 1e3:.3f} ms, "
      f"ratio NumPy/aot {t_axpy_np / t_axpy:.2f}")

# The ceiling for fused3 on this machine: the same loop in C (gcc -O3), writing a fresh
# output as ours does, with ordinary stores and with non-temporal ones (no read for
# ownership of the output's cache lines): what NumPy/ours could be at best.
C_FUSED3 = r"""
#include <stddef.h>
#include <stdint.h>
#include <emmintrin.h>
void fused3(const double *a, const double *b, const double *c, double *o, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) o[i] = a[i] * b[i] + c[i];
}
void fused3_nt(const double *a, const double *b, const double *c, double *o, ptrdiff_t n) {
    ptrdiff_t i = 0;
    if ((uintptr_t)o % 16 && n) { o[0] = a[0] * b[0] + c[0]; i = 1; }
    for (; i + 1 < n; i += 2)
        _mm_stream_pd(o + i, _mm_add_pd(_mm_mul_pd(_mm_loadu_pd(a + i), _mm_loadu_pd(b + i)), _mm_loadu_pd(c + i)));
    for (; i < n; i++) o[i] = a[i] * b[i] + c[i];
    _mm_sfence();
}
"""


def c_fused3():
    import ctypes
    lib = build_c(C_FUSED3)
    calls = []
    for fn in (lib.fused3, lib.fused3_nt):
        fn.argtypes = [ctypes.c_void_p] * 4 + [ctypes.c_ssize_t]

        def call(a, b, c, fn=fn):
            out = np.empty_like(a)
            fn(a.ctypes.data, b.ctypes.data, c.ctypes.data, out.ctypes.data, len(a))
            return out
        calls.append(call)
    return calls


try:
    plain, streaming = c_fused3()
except (OSError, RuntimeError) as e:
    print(f"no C reference: {e}")
else:
    a3 = arrays[:3]
    assert np.array_equal(plain(*a3), streaming(*a3)) and np.allclose(plain(*a3), mod.fused3(*a3))
    t_np = best("f(*a)", 10, f=EXPRS["fused3"][0], a=a3)
    t_aot, t_c, t_nt = (best("f(*a)", 10, f=f, a=a3) for f in (mod.fused3, plain, streaming))
    print(f"fused3 ceiling: NumPy/C (gcc -O3) {t_np / t_c:.2f}x, NumPy/C with non-temporal stores "
          f"{t_np / t_nt:.2f}x, NumPy/aot {t_np / t_aot:.2f}x")
