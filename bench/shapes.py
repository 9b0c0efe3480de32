"""Shape and construction functions on 10^6 doubles (a 1000x1000 array for the 2-d
ones): aot_tool against NumPy and numba njit, one process.

    python bench/shapes.py      (numba comes with the `bench` extra; skipped if absent)
"""

import os
import subprocess
import sys
import tempfile

import numpy as np

from _common import best

SOURCE = '''
import numpy as np
from numba.pycc import CC
cc = CC('bench_shapes')

@cc.export('astype', 'f4[:](f8[::1])')
def astype(a):
    return a.astype(np.float32)

@cc.export('flatten', 'f8[:](f8[:, ::1])')
def flatten(a):
    return a.flatten()

@cc.export('transpose_copy', 'f8[:, :](f8[:, ::1])')
def transpose_copy(a):
    return a.T.copy()

@cc.export('concatenate', 'f8[:](f8[::1], f8[::1])')
def concatenate(a, b):
    return np.concatenate((a, b))

@cc.export('vstack', 'f8[:, :](f8[::1], f8[::1])')
def vstack(a, b):
    return np.vstack((a, b))

@cc.export('linspace', 'f8[:](i8)')
def linspace(n):
    return np.linspace(0.0, 1.0, n)

@cc.export('nonzero', 'i8[:](f8[::1])')
def nonzero(a):
    return np.nonzero(a)[0]

@cc.export('repeat', 'f8[:](f8[::1])')
def repeat(a):
    return np.repeat(a, 2)
'''

EXPRS = {
    "astype": (lambda a: a.astype(np.float32), "x"),
    "flatten": (lambda a: a.flatten(), "m"),
    "transpose_copy": (lambda a: a.T.copy(), "m"),
    "concatenate": (lambda a, b: np.concatenate((a, b)), "xy"),
    "vstack": (lambda a, b: np.vstack((a, b)), "xy"),
    "linspace": (lambda n: np.linspace(0.0, 1.0, n), "n"),
    "nonzero": (lambda a: np.nonzero(a)[0], "x"),
    "repeat": (lambda a: np.repeat(a, 2), "x"),
}


def build():
    out = tempfile.mkdtemp(prefix="aot-bench-shapes-")
    with open(os.path.join(out, "src.py"), "w") as f:
        f.write(SOURCE)
    subprocess.run([sys.executable, "-m", "aot_tool", "build", os.path.join(out, "src.py"), "-o", out],
                   check=True, stdout=subprocess.DEVNULL)
    sys.path.insert(0, out)
    import bench_shapes
    return bench_shapes


mod = build()
try:
    import numba
except ImportError:
    numba = None
    print("numba not installed: pip install -e '.[bench]' to compare")

rng = np.random.default_rng(0)
values = {"x": rng.standard_normal(1_000_000), "y": rng.standard_normal(1_000_000),
          "m": rng.standard_normal((1000, 1000)), "n": 1_000_000}
values["x"][::3] = 0.0
print(f"{'':16s} {'aot_tool':>9s} {'NumPy':>9s} {'numba':>9s}  NumPy/aot  aot/numba")
for name, (expr, names) in EXPRS.items():
    args = [values[k] for k in names]
    ours = getattr(mod, name)
    assert np.array_equal(ours(*args), expr(*args))
    t_aot = best("f(*a)", 5, f=ours, a=args)
    t_np = best("f(*a)", 5, f=expr, a=args)
    line = f"{name:16s} {t_aot * 1e3:7.3f}ms {t_np * 1e3:7.3f}ms"
    if numba is not None:
        jitted = numba.njit(expr)
        jitted(*args)
        t_nb = best("f(*a)", 5, f=jitted, a=args)
        line += f" {t_nb * 1e3:7.3f}ms  {t_np / t_aot:8.2f}x  {t_aot / t_nb:8.2f}x"
    else:
        line += f"  {'-':>7s}  {t_np / t_aot:8.2f}x"
    print(line)
