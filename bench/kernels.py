"""A few kernels whose indices the compiler cannot prove statically (separate input
arrays), against numba njit, one process: shows what loop versioning buys.

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
'''

out = tempfile.mkdtemp(prefix="aot-bench-")
with open(os.path.join(out, "kern_src.py"), "w") as f:
    f.write(SOURCE)
subprocess.run([sys.executable, "-m", "aot_tool", "build", os.path.join(out, "kern_src.py"), "-o", out],
               check=True, stdout=subprocess.DEVNULL)
sys.path.insert(0, out)
import kern  # noqa: E402

ns: dict = {}
exec(SOURCE.replace("from aot_tool import CC", "").replace("cc = CC('kern')", "")
     .replace("@cc.export", "# export"), ns)
try:
    import numba
    jitted = {name: numba.njit(ns[name]) for name in ("vadd", "axpy", "laplace")}
except ImportError:
    jitted = {}
    print("numba not installed: pip install -e '.[bench]' to compare")

rng = np.random.default_rng(0)
n = 1_000_000
x, y, z = rng.standard_normal(n), rng.standard_normal(n), np.empty(n)
u, v = rng.standard_normal((1000, 1000)), np.zeros((1000, 1000))
cases = {"vadd": (x, y, z), "axpy": (2.0, x, z), "laplace": (u, v)}
for name, args in cases.items():
    ours = best("f(*args)", 20, f=getattr(kern, name), args=args)
    line = f"{name:8s} aot_tool {ours * 1e3:7.3f} ms"
    if jitted:
        jitted[name](*args)
        theirs = best("f(*args)", 20, f=jitted[name], args=args)
        line += f"   numba njit {theirs * 1e3:7.3f} ms   ratio {ours / theirs:.2f}"
    print(line)
