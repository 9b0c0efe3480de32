"""Linear algebra, sorting and random numbers end to end: a built module runs with only
NumPy (aot_tool, llvmlite, numba and SciPy blocked), NumPy's exceptions come through
unchanged, and bridged calls keep reference counts and memory flat."""

from conftest import run_python

SOURCE = """
import numpy as np
from numba.pycc import CC
cc = CC('nplib')

@cc.export('solve', 'f8[:](f8[:, :], f8[:])')
def solve(a, b):
    return np.linalg.solve(a, b)

@cc.export('fit', 'f8[:](f8[:, :], f8[:])')
def fit(a, b):
    x, res, rank, sv = np.linalg.lstsq(a, b, rcond=-1.0)
    return x

@cc.export('mm', 'f8[:, :](f8[:, :], f8[:, :])')
def mm(a, b):
    return a @ b

@cc.export('qr_sum', 'f8(f8[:, :])')
def qr_sum(a):
    q, r = np.linalg.qr(a)
    p = q @ r
    err = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            err = max(err, abs(p[i, j] - a[i, j]))
    return err

@cc.export('first_of_pair', 'f8[:, :](f8[:, :])')
def first_of_pair(a):
    w, v = np.linalg.eigh(a)
    return v
"""

RUN = """
import sys, gc
sys.modules['scipy'] = None
import numpy as np
import nplib
a = np.array([[4.0, 1.0], [1.0, 3.0]]); b = np.array([1.0, 2.0])
assert np.allclose(nplib.solve(a, b), np.linalg.solve(a, b))
assert np.allclose(nplib.fit(a, b), np.linalg.lstsq(a, b, rcond=-1)[0])
assert np.allclose(nplib.mm(a, a.T), a @ a.T)
assert nplib.qr_sum(a) < 1e-12
try:
    nplib.solve(np.zeros((2, 2)), b)
except np.linalg.LinAlgError as e:
    assert 'Singular' in str(e)
else:
    raise AssertionError('no LinAlgError')
try:
    nplib.mm(a, np.ones((3, 3)))
except ValueError:
    pass
else:
    raise AssertionError('no ValueError')
assert 'scipy' not in sys.modules or sys.modules['scipy'] is None
# reference counts: arguments are not leaked or stolen, results are owned by NumPy
before = sys.getrefcount(a)
for _ in range(1000):
    nplib.solve(a, b); nplib.qr_sum(a); nplib.first_of_pair(a)
assert sys.getrefcount(a) == before, (before, sys.getrefcount(a))
v = nplib.first_of_pair(a)
assert sys.getrefcount(v) == 2 and v.flags.owndata or v.base is not None
import tracemalloc
tracemalloc.start()
for _ in range(2000):
    nplib.mm(a, a); nplib.fit(a, b)
gc.collect()
start = tracemalloc.get_traced_memory()[0]
for _ in range(5000):
    nplib.mm(a, a); nplib.fit(a, b)
gc.collect()
grown = tracemalloc.get_traced_memory()[0] - start
assert grown < 200000, grown
print('ok')
"""


def test_linalg_module_needs_only_numpy(build):
    out = build(SOURCE)
    proc = run_python(RUN, out)
    assert proc.stdout.strip() == "ok"
