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

@cc.export('sorting', 'f8(f8[:])')
def sorting(x):
    h, e = np.histogram(x, 4)
    s = np.sort(x)
    big = np.argsort(np.concatenate((x, x, x, x, x, x, x, x, x, x)))
    return s[0] + h[0] + e[0] + big[0] + np.unique(x)[0] + len(sorted(x)) + np.random.choice(x, 3)[0] * 0

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
x = np.linspace(0.0, 1.0, 60)
for _ in range(1000):
    nplib.mm(a, a); nplib.fit(a, b); nplib.sorting(x)
gc.collect()
start = tracemalloc.get_traced_memory()[0]
for _ in range(3000):
    nplib.mm(a, a); nplib.fit(a, b); nplib.sorting(x)
gc.collect()
grown = tracemalloc.get_traced_memory()[0] - start
assert grown < 200000, grown
print('ok')
"""


def test_linalg_module_needs_only_numpy(build):
    out = build(SOURCE)
    proc = run_python(RUN, out)
    assert proc.stdout.strip() == "ok"


RANDOM_SOURCE = """
import numpy as np
import random
from numba.pycc import CC
cc = CC('rnd_a')
other = CC('rnd_b')

@cc.export('random', 'f8(i8)')
def rnd(seed):
    np.random.seed(seed)
    return np.random.random()

@cc.export('unseeded', 'f8()')
def unseeded():
    return np.random.random()

@cc.export('py_unseeded', 'f8()')
def py_unseeded():
    return random.random()

@other.export('seed_b', 'void(i8)')
def seed_b(seed):
    np.random.seed(seed)

@other.export('unseeded_b', 'f8()')
def unseeded_b():
    return np.random.random()
"""

RANDOM_RUN = """
import sys
sys.modules['scipy'] = None
import numpy as np
import rnd_a, rnd_b
assert rnd_a.random(42) == np.random.RandomState(42).random_sample()
# each module has its own state: seeding one leaves the other's stream alone
rnd_a.random(7)
after_a = [rnd_a.unseeded() for _ in range(3)]
rnd_b.seed_b(7)
rnd_a.random(7)
assert [rnd_a.unseeded() for _ in range(3)] == after_a
assert rnd_b.unseeded_b() == np.random.RandomState(7).random_sample()
# NumPy's global state is not compiled code's
np.random.seed(7)
rnd_a.random(8)
assert rnd_a.unseeded() != np.random.random_sample()
print(rnd_a.py_unseeded(), rnd_b.unseeded_b())
"""


def test_random_states_per_module_and_seeded_from_the_os(build):
    out = build(RANDOM_SOURCE)
    first = run_python(RANDOM_RUN, out).stdout.split()
    second = run_python(RANDOM_RUN, out).stdout.split()
    # the random module's state was never seeded: the OS seeds it, differently each run
    assert first[0] != second[0]


def test_bad_options_are_located_errors(tmp_path):
    from conftest import cli
    cases = {
        "np.sort(a, kind='bogus')": "kind= must be one of",
        "np.searchsorted(a[0], 1.0, side='middle')": "side= must be one of",
        "np.linalg.inv(a[0])": "needs a 2-d array",
        "np.random.choice(a)": "needs a 1-d array",
    }
    for expr, message in cases.items():
        src = tmp_path / "bad.py"
        src.write_text("import numpy as np\nfrom numba.pycc import CC\ncc = CC('bad')\n\n"
                       f"@cc.export('f', 'f8(f8[:, :])')\ndef f(a):\n    x = {expr}\n    return 0.0\n")
        proc = cli("build", src, "-o", tmp_path)
        assert proc.returncode == 1, (expr, proc.stderr)
        assert "bad.py:7:" in proc.stderr and message in proc.stderr, (expr, proc.stderr)
