"""Linear algebra, sorting and random numbers against NumPy and numba njit, one process:
the bridge's cost per call, 1000x1000 `a @ b`, sorting 10**6 doubles, short sorts in a
loop (native), np.random.random() in a 10**6 loop.

    python bench/library.py
    python bench/library.py --quick     # tiny sizes, one repeat: checks it runs (figures meaningless)
"""

import os
import subprocess
import sys
import tempfile

import numpy as np

from _common import best as _best

QUICK = "--quick" in sys.argv[1:]


def best(stmt, number, **names):
    return _best(stmt, 1 if QUICK else number, repeat=1 if QUICK else 7, **names)


def size(n):
    """n, or a small fraction of it with --quick."""
    return max(2, n // 100) if QUICK else n

SOURCE = '''
import numpy as np
from aot_tool import CC
cc = CC('libbench')

@cc.export('matmul', 'f8[:, :](f8[:, :], f8[:, :])')
def matmul(a, b):
    return a @ b

@cc.export('det_loop', 'f8(f8[:, :], i8)')
def det_loop(a, n):
    s = 0.0
    for _ in range(n):
        s += np.linalg.det(a)
    return s

@cc.export('argsort_loop', 'i8(f8[:], i8)')
def argsort_loop(x, n):
    s = 0
    for _ in range(n):
        s += np.argsort(x)[0]
    return s

@cc.export('sort_small_loop', 'f8(f8[:, :])')
def sort_small_loop(rows):
    s = 0.0
    for i in range(rows.shape[0]):
        s += np.sort(rows[i])[0]
    return s

@cc.export('sort', 'f8[:](f8[:])')
def sort(x):
    return np.sort(x)

@cc.export('argsort', 'i8[:](f8[:])')
def argsort(x):
    return np.argsort(x)

@cc.export('dot_loop', 'f8(f8[:, :])')
def dot_loop(rows):
    s = 0.0
    for i in range(rows.shape[0]):
        s += np.dot(rows[i], rows[i])
    return s

@cc.export('random_loop', 'f8(i8)')
def random_loop(n):
    np.random.seed(1)
    s = 0.0
    for _ in range(n):
        s += np.random.random()
    return s
'''

out = tempfile.mkdtemp(prefix="aot-bench-")
with open(os.path.join(out, "libbench_src.py"), "w") as f:
    f.write(SOURCE)
subprocess.run([sys.executable, "-m", "aot_tool", "build", os.path.join(out, "libbench_src.py"), "-o", out],
               check=True, stdout=subprocess.DEVNULL)
sys.path.insert(0, out)
import libbench  # noqa: E402

ns: dict = {}
exec(SOURCE.replace("from aot_tool import CC", "").replace("cc = CC('libbench')", "")
     .replace("@cc.export", "# export"), ns)
try:
    import numba
    jit = {name: numba.njit(ns[name]) for name in ("matmul", "sort", "argsort", "sort_small_loop", "dot_loop",
                                                   "random_loop")}
except ImportError:
    jit = {}
    print("numba not installed: pip install -e '.[bench]' to compare")

rng = np.random.default_rng(0)
if QUICK:
    print("--quick: every size below is 1/100 of its label, one repeat; the figures mean nothing")


def line(label, ours, numpy_time=None, numba_fn=None, args=(), number=3, unit=1e3, suffix="ms"):
    text = f"{label:34s} aot_tool {ours * unit:8.3f} {suffix}"
    if numpy_time is not None:
        text += f" | NumPy {numpy_time * unit:8.3f} {suffix} ratio {ours / numpy_time:5.2f}"
    if numba_fn is not None:
        numba_fn(*args)
        theirs = best("f(*args)", number, f=numba_fn, args=args)
        text += f" | numba {theirs * unit:8.3f} {suffix} ratio {ours / theirs:5.2f}"
    print(text)


# the bridge: a compiled loop of np.linalg.det(2x2) against the same calls from Python
a2 = np.array([[2.0, 1.0], [1.0, 3.0]])
calls = size(20000)
ours = best("f(a, n)", 1, f=libbench.det_loop, a=a2, n=calls) / calls
theirs = best("for _ in r: d(a)", 1, d=np.linalg.det, a=a2, r=range(calls)) / calls
print(f"{'bridge: np.linalg.det(2x2), per call':34s} aot_tool {ours * 1e9:8.0f} ns | NumPy from Python "
      f"{theirs * 1e9:8.0f} ns | bridge overhead {(ours - theirs) * 1e9:6.0f} ns")
x16 = rng.standard_normal(16)
ours = best("f(x, n)", 1, f=libbench.argsort_loop, x=x16, n=calls) / calls
theirs = best("for _ in r: s(x)", 1, s=np.argsort, x=x16, r=range(calls)) / calls
print(f"{'bridge: np.argsort(16), per call':34s} aot_tool {ours * 1e9:8.0f} ns | NumPy from Python "
      f"{theirs * 1e9:8.0f} ns | bridge overhead {(ours - theirs) * 1e9:6.0f} ns")

a, b = rng.standard_normal((size(1000),) * 2), rng.standard_normal((size(1000),) * 2)
line("a @ b, 1000x1000", best("f(a, b)", 3, f=libbench.matmul, a=a, b=b), best("a @ b", 3, a=a, b=b),
     jit.get("matmul"), (a, b))
x = rng.standard_normal(size(1_000_000))
line("np.sort, 10**6 doubles", best("f(x)", 3, f=libbench.sort, x=x), best("np.sort(x)", 3, np=np, x=x),
     jit.get("sort"), (x,))
line("np.argsort, 10**6 doubles", best("f(x)", 3, f=libbench.argsort, x=x), best("np.argsort(x)", 3, np=np, x=x),
     jit.get("argsort"), (x,))
rows = rng.standard_normal((size(10000), 16))
line("np.sort of 10**4 rows of 16 (native)", best("f(r)", 3, f=libbench.sort_small_loop, r=rows),
     best("sum(np.sort(row)[0] for row in r)", 1, np=np, r=rows), jit.get("sort_small_loop"), (rows,))
rows = rng.standard_normal((size(10000), 64))
line("np.dot of 10**4 rows of 64 (native)", best("f(r)", 10, f=libbench.dot_loop, r=rows),
     None, jit.get("dot_loop"), (rows,), number=10)
line("np.random.random() x 10**6", best("f(n)", 3, f=libbench.random_loop, n=size(1_000_000)),
     best("rs.random_sample(n)", 3, rs=np.random.RandomState(1), n=size(1_000_000)), jit.get("random_loop"),
     (size(1_000_000),))
