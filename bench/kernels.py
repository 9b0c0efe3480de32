"""A few kernels whose indices the compiler cannot prove statically (separate input
arrays), against numba njit, one process: shows what loop versioning buys; a stencil
through a small helper against the same stencil written inline (helpers are inlined);
a histogram whose data-dependent index is checked every iteration.

    python bench/kernels.py
"""

import os
import subprocess
import sys
import tempfile

import numpy as np

from _common import best

SOURCE = '''
from aot_tool import CC
cc = CC('kern')

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

def lap_at(u, i, j):
    return u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j]

@cc.export('smooth_helper', 'void(f8[:, :], f8[:, :])')
def smooth_helper(u, v):
    n, m = u.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = u[i, j] + 0.1 * lap_at(u, i, j)

@cc.export('smooth_inline', 'void(f8[:, :], f8[:, :])')
def smooth_inline(u, v):
    n, m = u.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = u[i, j] + 0.1 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j])

@cc.export('histogram', 'void(f8[:], i8[:], f8, f8)')
def histogram(data, counts, lo, hi):
    scale = len(counts) / (hi - lo)
    for x in data:
        counts[int((x - lo) * scale)] += 1
'''

out = tempfile.mkdtemp(prefix="aot-bench-")
with open(os.path.join(out, "kern_src.py"), "w") as f:
    f.write(SOURCE)
subprocess.run([sys.executable, "-m", "aot_tool", "build", os.path.join(out, "kern_src.py"), "-o", out] + sys.argv[1:],
               check=True, stdout=subprocess.DEVNULL)
sys.path.insert(0, out)
import kern  # noqa: E402

ns: dict = {}
exec(SOURCE.replace("from aot_tool import CC", "").replace("cc = CC('kern')", "")
     .replace("@cc.export", "# export"), ns)
try:
    import numba
    ns["lap_at"] = numba.njit(ns["lap_at"])
    jitted = {name: numba.njit(ns[name]) for name in ("vadd", "axpy", "laplace", "smooth_helper",
                                                        "smooth_inline", "histogram")}
except ImportError:
    jitted = {}
    print("numba not installed: pip install -e '.[bench]' to compare")

rng = np.random.default_rng(0)
n = 1_000_000
x, y, z = rng.standard_normal(n), rng.standard_normal(n), np.empty(n)
u, v = rng.standard_normal((1000, 1000)), np.zeros((1000, 1000))
s, t = rng.standard_normal((500, 500)), np.zeros((500, 500))
cases = {"vadd": (x, y, z), "axpy": (2.0, x, z), "laplace": (u, v), "smooth_helper": (s, t),
         "smooth_inline": (s, t), "histogram": (rng.random(n), np.zeros(64, np.int64), 0.0, 1.0)}
times = {}
for name, args in cases.items():
    ours = times[name] = best("f(*args)", 20, f=getattr(kern, name), args=args)
    line = f"{name:14s} aot_tool {ours * 1e3:7.3f} ms"
    if jitted:
        jitted[name](*args)
        theirs = best("f(*args)", 20, f=jitted[name], args=args)
        line += f"   numba njit {theirs * 1e3:7.3f} ms   ratio {ours / theirs:.2f}"
    print(line)
print(f"helper form / inline form: {times['smooth_helper'] / times['smooth_inline']:.2f}")
