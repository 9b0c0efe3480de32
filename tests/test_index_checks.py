"""Index checks where the compiler cannot prove indices in range: the compiled loop
raises IndexError at the very iteration CPython would, after the same writes, whether
it takes the checked-once (versioned, vectorised) loop or the checked-each one."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import build_and_load

SOURCE = """
import numpy as np
from aot_tool import CC
cc = CC('idx')

@cc.export('add', 'void(f8[:], f8[:], f8[:])')
def add(a, b, c):
    for i in range(len(c)):
        c[i] = a[i] + b[i]

@cc.export('shifted', 'void(f8[:], f8[:], i8, i8, i8)')
def shifted(a, out, lo, hi, k):
    for i in range(lo, hi, 2):
        out[i] += a[i - k] * 2.0

@cc.export('stencil', 'void(f8[:, :], f8[:, :])')
def stencil(u, v):
    n, m = u.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4 * u[i, j]

@cc.export('window0', 'void(f8[:], f8[:])')
def window0(u, out):
    for i in range(2, len(u) - 2):      # every u[i + d], u[i - d] in range: no checks
        s = 0.0
        for d in range(-2, 3):
            s += u[i + d] * (d + 3)
        for e in range(0, 2):
            s -= u[i - e]
        out[i] = s

@cc.export('window1', 'void(f8[:], f8[:])')
def window1(u, out):
    for i in range(1, len(u) - 2):      # u[1 + -2] is u[-1]: wraps around
        s = 0.0
        for d in range(-2, 3):
            s += u[d + i] * (d + 3)
        out[i] = s

@cc.export('window2', 'void(f8[:], f8[:])')
def window2(u, out):
    for i in range(2, len(u) - 1):      # u[len(u) - 2 + 2]: IndexError there
        s = 0.0
        for d in range(-2, 3):
            s += u[i + d] * (d + 3)
        out[i] = s

@cc.export('blur', 'f8[:, :](f8[:, :])')
def blur(u):
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
"""


def add(a, b, c):
    for i in range(len(c)):
        c[i] = a[i] + b[i]


def shifted(a, out, lo, hi, k):
    for i in range(lo, hi, 2):
        out[i] += a[i - k] * 2.0


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("idx"), "idx", SOURCE)


def _outcome(fn, *args):
    try:
        fn(*args)
        return None
    except IndexError:
        return IndexError


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(na=st.integers(0, 40), nb=st.integers(0, 40), nc=st.integers(0, 40), step=st.sampled_from([1, -1, 3]))
def test_add_matches_python(idx, na, nb, nc, step):
    a, b = np.arange(na, dtype=float)[::1], np.arange(nb, dtype=float) * 10
    c_py = np.zeros(nc * abs(step))[::step]
    c_aot = c_py.copy() if step == 1 else np.zeros(nc * abs(step))[::step]
    assert _outcome(add, a, b, c_py) == _outcome(idx.add, a, b, c_aot)
    assert c_py.tolist() == c_aot.tolist()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(0, 30), m=st.integers(0, 30), lo=st.integers(-35, 35), hi=st.integers(-35, 35),
       k=st.integers(-5, 5))
def test_shifted_matches_python(idx, n, m, lo, hi, k):
    a = np.arange(n, dtype=float)
    out_py, out_aot = np.ones(m), np.ones(m)
    assert _outcome(shifted, a, out_py, lo, hi, k) == _outcome(idx.shifted, a, out_aot, lo, hi, k)
    assert out_py.tolist() == out_aot.tolist()


def test_stencil_2d(idx):
    u = np.random.default_rng(1).standard_normal((7, 9))
    v = np.zeros_like(u)
    idx.stencil(u, v)
    ref = np.zeros_like(u)
    ref[1:-1, 1:-1] = u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4 * u[1:-1, 1:-1]
    assert np.allclose(v, ref)
    with pytest.raises(IndexError):
        idx.stencil(u, np.zeros((7, 3)))


def window(u, out, edge):
    lo, hi, shifts = ((2, len(u) - 2, True), (1, len(u) - 2, False), (2, len(u) - 1, False))[edge]
    for i in range(lo, hi):
        s = 0.0
        for d in range(-2, 3):
            s += u[i + d] * (d + 3)
        if shifts:
            for d in range(0, 2):
                s -= u[i - d]
        out[i] = s


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(0, 40), edge=st.sampled_from([0, 1, 2]), step=st.sampled_from([1, 2, -1]))
def test_loop_plus_window_indices_match_python(idx, n, edge, step):
    """`u[i + d]` with `d` over a constant range: proved in range where it is (no checks,
    vectorised), wrapped around or raising IndexError at the same iteration where not."""
    u = (np.arange(n * abs(step), dtype=float) * 1.5 - 7)[::step]
    out_py, out_aot = np.zeros(n), np.zeros(n)
    assert _outcome(window, u, out_py, edge) == _outcome(getattr(idx, f'window{edge}'), u, out_aot)
    assert out_py.tolist() == out_aot.tolist()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(0, 12), m=st.integers(0, 12), order=st.sampled_from(["C", "F", "view"]))
def test_blur_window_matches_numpy(idx, n, m, order):
    u = np.random.default_rng(n * 13 + m).standard_normal((n, 2 * m) if order == "view" else (n, m))
    u = u[:, ::2] if order == "view" else np.asarray(u, order=order)
    want = np.zeros_like(u)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            want[1:-1, 1:-1] += u[1 + di:n - 1 + di, 1 + dj:m - 1 + dj]
    want[1:-1, 1:-1] /= 9.0
    assert np.allclose(idx.blur(u), want, rtol=1e-13, atol=1e-13)


SLICES = """
import numpy as np
from aot_tool import CC
cc = CC('slc')

@cc.export('slice_sum', 'f8(f8[:], i8, i8, i8)')
def slice_sum(a, lo, hi, step):
    s = 0.0
    for x in a[lo:hi:step]:
        s = s * 1.5 + x
    return s

@cc.export('column', 'f8[:](f8[:, :], i8)')
def column(a, j):
    return a[:, j]

@cc.export('block', 'f8[:, :](f8[:, ::1], i8, i8)')
def block(a, i, j):
    return a[i:, :j]
"""


@pytest.fixture(scope="module")
def slc(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("slc"), "slc", SLICES)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(0, 12), lo=st.integers(-15, 15), hi=st.integers(-15, 15),
       step=st.integers(-4, 4).filter(bool))
def test_slices_match_python(slc, n, lo, hi, step):
    a = np.arange(n, dtype=float) + 1
    s = 0.0
    for x in a[lo:hi:step]:
        s = s * 1.5 + x
    assert slc.slice_sum(a, lo, hi, step) == s


def test_views_share_memory_and_check_indices(slc):
    m = np.arange(12.0).reshape(3, 4)
    col = slc.column(m, -1)
    assert col.tolist() == [3.0, 7.0, 11.0] and np.shares_memory(col, m)
    assert slc.block(m, 1, 2).tolist() == [[4.0, 5.0], [8.0, 9.0]]
    with pytest.raises(IndexError):
        slc.column(m, 4)
    with pytest.raises(ValueError):
        slc.slice_sum(np.arange(3.0), 0, 3, 0)


RANGES = """
from aot_tool import CC
cc = CC('rng')

@cc.export('count', 'i8(i8, i8, i8)')
def count(lo, hi, step):
    n = 0
    last = 0
    for i in range(lo, hi, step):
        n += 1
        last = i
    return n * 1000003 + last
"""


def test_range_near_the_ends_of_int64(tmp_path):
    """Steps that would carry k + step past int64 still give exactly Python's range."""
    rng = build_and_load(tmp_path, "rng", RANGES)
    big, small = 2**63 - 1, -2**63
    cases = [(0, big, 2**62), (big - 5, big, 2), (small, big, 2**62), (big, small, -2**62), (0, big, big),
             (small, small + 10, 3), (5, 5, 7), (0, 10, -1), (3, -20, -4), (10, 0, -3), (0, 10, 1)]
    for lo, hi, step in cases:
        r = range(lo, hi, step)
        want = (len(r) * 1000003 + (r[-1] if len(r) else 0) + 2**63) % 2**64 - 2**63
        assert rng.count(lo, hi, step) == want, (lo, hi, step)
