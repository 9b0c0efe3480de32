"""centdiff_1d on 10^6 doubles: aot_tool against numba njit, NumPy slicing and the same loop
in C (gcc -O3), one process.

    python bench/centdiff.py      (numba comes with the `bench` extra; skipped if absent)
"""

import sys

import numpy as np

from _common import best, build_c, build_seed

sys.path.insert(0, build_seed())
import my_module  # noqa: E402


def centdiff_1d(u, dx):
    D = np.empty_like(u)
    D[0] = 0
    D[-1] = 0
    for i in range(1, len(D) - 1):
        D[i] = (u[i+1] - 2 * u[i] + u[i-1]) / dx**2
    return D


def numpy_slices(u, dx):
    D = np.empty_like(u)
    D[0] = D[-1] = 0
    D[1:-1] = (u[2:] - 2 * u[1:-1] + u[:-2]) / dx**2
    return D


u = np.random.default_rng(0).standard_normal(1_000_000)
results = {"aot_tool": my_module.centdiff_1d, "NumPy slices": numpy_slices}
try:
    import numba
    results["numba njit"] = numba.njit("f8[:](f8[:], f8)")(centdiff_1d)
except ImportError:
    print("numba not installed: pip install -e '.[bench]' to compare")

C_SOURCE = """
#include <stddef.h>
void centdiff(const double *u, double *d, ptrdiff_t n, double dx) {
    d[0] = 0; d[n - 1] = 0;
    for (ptrdiff_t i = 1; i < n - 1; i++) d[i] = (u[i + 1] - 2 * u[i] + u[i - 1]) / (dx * dx);
}
"""


def c_reference():
    """The same loop in C, gcc -O3 for the generic x86-64 (as aot_tool's default target)."""
    import ctypes
    fn = build_c(C_SOURCE).centdiff
    fn.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ssize_t, ctypes.c_double]

    def call(u, dx):
        out = np.empty_like(u)
        fn(u.ctypes.data, out.ctypes.data, len(u), dx)
        return out
    return call


try:
    results["C, gcc -O3"] = c_reference()
except (OSError, RuntimeError, ValueError) as e:
    print(f"no C reference: {e}")
ref = numpy_slices(u, 0.1)
times = {}
for name, fn in results.items():
    assert np.allclose(fn(u, 0.1), ref), name
    times[name] = best("f(u, 0.1)", 20, f=fn, u=u)
    print(f"{name:13s} {times[name] * 1e3:7.3f} ms")
print(f"{'aot_tool, strided input':13s} {best('f(v, 0.1)', 20, f=my_module.centdiff_1d, v=u[::2]) * 1e3:7.3f} ms "
      f"(half the elements)")
if "numba njit" in times:
    print(f"ratio aot_tool / numba njit: {times['aot_tool'] / times['numba njit']:.2f} (goal <= 0.55; Pythran 0.50)")
