"""The CPython boundary: every wrong argument raises a Python exception naming the
argument; nothing crashes; arrays made in compiled code are owned by NumPy; memory
stays flat over many calls."""

import pytest

from conftest import run_python

SOURCE = """
import numpy as np
from numba.pycc import CC
cc = CC('bnd')

@cc.export('multf', 'f8(f8, f8)')
@cc.export('multi', 'i4(i4, i4)')
def mult(a, b):
    return a * b

@cc.export('u1add', 'u1(u1, u1)')
def u1add(a, b):
    return a + b

@cc.export('flag', 'b1(b1)')
def flag(x):
    return not x

@cc.export('cmul', 'c16(c16, c16)')
def cmul(a, b):
    return a * b

@cc.export('total', 'f8(f8[:])')
def total(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i]
    return s

@cc.export('ctotal', 'f8(f8[::1])')
def ctotal(a):
    s = 0.0
    for x in a:
        s += x
    return s

@cc.export('ftotal', 'f8(f8[::1, :])')
def ftotal(a):
    s = 0.0
    n, m = a.shape
    for j in range(m):
        for i in range(n):
            s += a[i, j]
    return s

@cc.export('scale', 'void(f8[:], f8)')
def scale(a, k):
    for i in range(len(a)):
        a[i] *= k

@cc.export('make', 'f8[:](i8)')
def make(n):
    out = np.empty(n)
    for i in range(n):
        out[i] = i * 0.5
    return out

@cc.export('make2', 'i4[:, :](i8, i8)')
def make2(n, m):
    out = np.zeros((n, m), dtype=np.int32)
    for i in range(n):
        for j in range(m):
            out[i, j] = i * m + j
    return out

@cc.export('pick', 'f8(f8[:], i8)')
def pick(a, i):
    return a[i]

@cc.export('pair', 'UniTuple(f8, 2)(f8, f8)')
def pair(a, b):
    return b, a
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import cli
    d = tmp_path_factory.mktemp("boundary")
    (d / "src.py").write_text(SOURCE)
    proc = cli("build", d / "src.py", "-o", d / "out")
    assert proc.returncode == 0, proc.stderr
    return d / "out"


def outcome(built, expr):
    """'ok <repr>' or '<ExceptionType>: <message>' for evaluating expr against module `bnd`."""
    code = f"""
import numpy as np
import bnd as m
try:
    print('ok', repr({expr}))
except Exception as e:
    print(type(e).__name__ + ':', e)
"""
    return run_python(code, built).stdout.strip()


@pytest.mark.parametrize("expr, expected", [
    ("m.multf(2.5, 4.0)", "ok 10.0"),
    ("m.multf(2, 4)", "ok 8.0"),                       # an int where a float is due is accepted
    ("m.multf(np.float32(1.5), True)", "ok 1.5"),
    ("m.multi(3, 4)", "ok 12"),
    ("m.multi(np.int64(3), 4)", "ok 12"),
    ("m.u1add(200, 100)", "ok 44"),                     # numba wraps u1 arithmetic on return
    ("m.flag(True)", "ok False"),
    ("m.cmul(1+2j, 3-1j)", "ok (5+5j)"),
    ("m.cmul(2, 1.5)", "ok (3+0j)"),
    ("m.pair(1.0, 2.0)", "ok (2.0, 1.0)"),
    ("m.pick(np.arange(5.0), -1)", "ok 4.0"),
    ("m.total(np.arange(10.0)[::2])", "ok 20.0"),
    ("m.ftotal(np.asfortranarray(np.ones((3, 4))))", "ok 12.0"),
])
def test_accepted(built, expr, expected):
    assert outcome(built, expr) == expected


@pytest.mark.parametrize("expr, exc, words", [
    ("m.multf('x', 1.0)", "TypeError", ["argument 1 ('a')", "float"]),
    ("m.multf(1.0)", "TypeError", ["multf() missing 1 required positional argument: 'b'"]),
    ("m.multf(1.0, 2.0, 3.0)", "TypeError", ["takes 2 positional arguments but 3 were given"]),
    ("m.multf(1j, 2.0)", "TypeError", ["argument 1 ('a')", "complex"]),
    ("m.multf(None, 2.0)", "TypeError", ["argument 1 ('a')", "NoneType"]),
    ("m.multi(1.5, 2)", "TypeError", ["argument 1 ('a')", "int (i4)", "float"]),
    ("m.multi(2**40, 1)", "OverflowError", ["argument 1 ('a')", "out of range", "i4"]),
    ("m.multi(1, -2**31 - 1)", "OverflowError", ["argument 2 ('b')"]),
    ("m.multf(10**400, 2.0)", "OverflowError", ["multf() argument 1 ('a')", "too large", "f8"]),
    ("m.u1add(-1, 0)", "OverflowError", ["argument 1 ('a')"]),
    ("m.u1add(256, 0)", "OverflowError", ["argument 1 ('a')"]),
    ("m.flag('yes')", "TypeError", ["argument 1 ('x')", "bool"]),
    ("m.cmul('1', 2)", "TypeError", ["argument 1 ('a')"]),
    ("m.total([1.0, 2.0])", "TypeError", ["argument 1 ('a')", "NumPy array", "list"]),
    ("m.total(np.arange(3))", "TypeError", ["argument 1 ('a')", "int64", "wrong dtype"]),
    ("m.total(np.zeros(3, np.float32))", "TypeError", ["float32", "wrong dtype"]),
    ("m.total(np.zeros((2, 2)))", "TypeError", ["2-d", "wrong number of dimensions"]),
    ("m.total(np.zeros(3).astype('>f8'))", "TypeError", ["wrong dtype"]),
    ("m.ctotal(np.arange(10.0)[::2])", "TypeError", ["C-contiguous", "wrong layout"]),
    ("m.ftotal(np.ones((3, 4)))", "TypeError", ["Fortran-contiguous", "wrong layout"]),
    ("m.scale(np.arange(3.0).setflags(write=False) or None, 2.0)", "TypeError", ["argument 1 ('a')"]),
    ("m.make(-1)", "ValueError", ["negative dimensions"]),
    ("m.pick(np.arange(5.0), 5)", "IndexError", ["index 5 is out of bounds for axis 0 with size 5 (in pick())"]),
    ("m.pick(np.arange(5.0), -6)", "IndexError", ["index -6 is out of bounds for axis 0 with size 5"]),
    ("m.pick(np.zeros(0), 0)", "IndexError", ["index 0 is out of bounds for axis 0 with size 0"]),
])
def test_rejected(built, expr, exc, words):
    got = outcome(built, expr)
    assert got.startswith(exc + ":"), got
    for w in words:
        assert w in got, (w, got)


def test_readonly_array_rejected_where_written(built):
    got = outcome(built, "(lambda a: (a.setflags(write=False), m.scale(a, 2.0)))(np.arange(3.0))")
    assert got.startswith("TypeError:") and "read-only" in got, got
    # reading a read-only array is fine
    got = outcome(built, "(lambda a: (a.setflags(write=False), m.total(a))[1])(np.arange(3.0))")
    assert got == "ok 3.0", got


def test_void_kernel_writes_into_argument(built):
    assert outcome(built, "(lambda a: (m.scale(a, 2.0), a.tolist())[0:2])(np.arange(3.0))") == \
        "ok (None, [0.0, 2.0, 4.0])"


def test_returned_arrays_are_owned_by_numpy(built):
    code = """
import numpy as np, sys
import bnd as m
a = m.make(4)
assert a.tolist() == [0.0, 0.5, 1.0, 1.5] and a.dtype == np.float64 and a.flags.owndata and a.flags.writeable
b = m.make2(2, 3)
assert b.dtype == np.int32 and b.shape == (2, 3) and b.flags.c_contiguous and b.tolist() == [[0, 1, 2], [3, 4, 5]]
assert sys.getrefcount(a) == 2
print('ok')
"""
    assert run_python(code, built).stdout.strip() == "ok"


def test_memory_stays_flat(built):
    code = """
import resource, numpy as np
import bnd as m
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096
u = np.arange(100.0)
for _ in range(20000):
    m.make(100); m.total(u); m.multf(1.0, 2.0); m.pair(1.0, 2.0)
    try:
        m.multi(1.5, 2)
    except TypeError:
        pass
start = rss()
for _ in range(1000000):
    m.make(100)
for _ in range(200000):
    m.total(u); m.pair(1.0, 2.0); m.make2(3, 3)
    try:
        m.pick(u, 1000)
    except IndexError:
        pass
grown = rss() - start
print(grown)
"""
    grown = int(run_python(code, built).stdout.strip())
    assert grown < 4 * 1024 * 1024, f"memory grew by {grown} bytes over 1.6 million calls"


ALIAS_SOURCE = """
import numpy as np
from numba.pycc import CC
cc = CC('alias')

def zero_first(a):
    a[0] = 0.0

@cc.export('through_helper', 'void(f8[:])')
def through_helper(a):
    zero_first(a)

@cc.export('through_view', 'void(f8[:, :])')
def through_view(a):
    r = a[0]
    r[0] = 1.0

@cc.export('reads_only', 'f8(f8[:])')
def reads_only(a):
    b = np.empty_like(a)
    b[0] = a[0]
    return b[0]

@cc.export('two', 'Tuple((f8[:], f8[:]))(f8[:], f8[:])')
def two(a, b):
    return b, a

@cc.export('either', 'f8[:](f8[:], b1)')
def either(a, fresh):
    c = a.copy() if fresh else a
    return c
"""


def test_writes_through_helpers_and_views_need_writable_arrays(tmp_path):
    from conftest import cli
    (tmp_path / "src.py").write_text(ALIAS_SOURCE)
    assert cli("build", tmp_path / "src.py", "-o", tmp_path).returncode == 0
    code = """
import numpy as np, sys
import alias as m
ro = np.arange(4.0); ro.setflags(write=False)
ro2 = np.zeros((2, 2)); ro2.setflags(write=False)
for f, arg in ((m.through_helper, ro), (m.through_view, ro2)):
    try:
        f(arg); print('wrote into a read-only array')
    except TypeError as e:
        assert 'read-only' in str(e), e
assert m.reads_only(ro) == 0.0
a, b = np.arange(3.0), np.ones(2)
x, y = m.two(a, b)
assert x is b and y is a and sys.getrefcount(a) == 3
for _ in range(100000):
    m.two(a, b); m.either(a, True); m.either(a, False)
assert sys.getrefcount(a) == 3 and sys.getrefcount(b) == 3
assert m.either(a, False) is a and m.either(a, True) is not a
print('ok')
"""
    assert run_python(code, tmp_path).stdout.strip() == "ok"
