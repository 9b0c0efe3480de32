"""Loop versioning of a loop with loops inside (backend/bounds.py, _plain_inner_loop):
`out[i, j]` in pairwise distances, whose j loop holds the k loop, is checked once
before the j loop instead of at every j; the compiled nest raises IndexError at the
iteration CPython does, after the same writes, whichever copy runs."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import build_and_load, cli
from proof_support import python_kernels

SOURCE = """
import numpy as np
from numba import njit, prange
from aot_tool import CC
cc = CC('nestv')

@cc.export('pairwise_into', 'void(f8[:, :], f8[:, :])')
def pairwise_into(p, out):
    n = p.shape[0]
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(p.shape[1]):
                t = p[i, k] - p[j, k]
                s += t * t
            out[i, j] = np.sqrt(s)

@cc.export('mixed', 'void(f8[:], f8[:], i8, i8)')
def mixed(x, out, lo, hi):
    for j in range(lo, hi):          # out[j] and x[j + 1]: checked once before this loop
        s = 0.0
        for v in x:                  # an array loop inside
            s += v
        k = 0
        while k < 3:                 # a while loop inside
            s += k
            k += 1
        out[j] = s + x[j + 1]

@cc.export('inner_checked', 'void(f8[:], f8[:], i8)')
def inner_checked(x, out, w):
    for j in range(len(x)):          # out[j] here, x[j + d] in the inner loop: only the
                                     # inner loop is versioned (copies do not compound)
        s = 0.0
        for d in range(w):
            s += x[j + d]
        out[j] = s

@cc.export('steps', 'void(f8[:, :], i8)')
@njit(parallel=True)
def steps(out, t_steps):
    for t in range(t_steps):         # a prange inside: this loop is not versioned
        for i in prange(out.shape[1]):
            out[t, i] = t * 10.0 + i
"""


PY = python_kernels(SOURCE, "nestv")   # the same functions, run by CPython

@pytest.fixture(scope="module")
def nestv(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("nestv"), "nestv", SOURCE)


def _run(fn, *args):
    """What the call did: the arrays afterwards and whether it raised IndexError."""
    try:
        fn(*args)
        raised = None
    except IndexError:
        raised = IndexError
    return raised, [a.copy() for a in args if isinstance(a, np.ndarray)]


def _same(fn, py, *args):
    copies = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
    got, want = _run(fn, *args), _run(py, *copies)
    assert got[0] is want[0]
    for g, w in zip(got[1], want[1]):
        np.testing.assert_array_equal(g, w)


def _layout(a, order):
    if order == "F":
        return np.asfortranarray(a)
    if order == "strided":
        wide = np.zeros((a.shape[0], 2 * a.shape[1]) if a.ndim == 2 else 2 * a.shape[0])
        view = wide[:, ::2] if a.ndim == 2 else wide[::2]
        view[...] = a
        return view
    return a.copy()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(0, 7), d=st.integers(0, 4), rows=st.integers(-2, 2), cols=st.integers(-2, 2),
       order=st.sampled_from(["C", "F", "strided"]))
def test_pairwise_into_matches_python(nestv, n, d, rows, cols, order):
    p = _layout(np.random.default_rng(n * 10 + d).random((n, d)), order)
    out = _layout(np.full((max(0, n + rows), max(0, n + cols)), -1.0), order)
    _same(nestv.pairwise_into, PY["pairwise_into"], p, out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(nx=st.integers(0, 8), nout=st.integers(0, 8), lo=st.integers(-9, 9), hi=st.integers(-9, 10))
def test_a_loop_over_an_array_and_a_while_loop_inside(nestv, nx, nout, lo, hi):
    _same(nestv.mixed, PY["mixed"], np.arange(1.0, nx + 1), np.zeros(nout), lo, hi)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(nx=st.integers(0, 8), nout=st.integers(0, 8), w=st.integers(-1, 5))
def test_an_inner_loop_with_its_own_checks(nestv, nx, nout, w):
    _same(nestv.inner_checked, PY["inner_checked"], np.arange(1.0, nx + 1), np.zeros(nout), w)


def test_a_range_loop_around_a_prange(nestv):
    out = np.zeros((4, 5))
    nestv.steps(out, 4)
    np.testing.assert_array_equal(out, np.arange(4)[:, None] * 10.0 + np.arange(5))
    with pytest.raises(IndexError):
        nestv.steps(out, 5)
    np.testing.assert_array_equal(out, np.arange(4)[:, None] * 10.0 + np.arange(5))


def _versioned_loops(src, name):
    """The versioned loops of each kernel of export `name` (one per layout variant)."""
    ir_text = cli("show", str(src), name, "--stage", "ir").stdout
    kernels = [f for f in ir_text.split("\ndefine ")[1:] if "range" in f]
    return [f.count('label %"range.checked_once", label %"range.checked_each"') for f in kernels]


def test_the_j_loop_of_pairwise_has_a_copy_without_checks(tmp_path):
    src = tmp_path / "nestv.py"
    src.write_text(SOURCE)
    # the j loop (the k loop inside it) is versioned; before, only innermost loops were
    assert set(_versioned_loops(src, "pairwise_into")) == {1}
    assert set(_versioned_loops(src, "mixed")) == {1}
    # the inner loop keeps its versioning and the outer one has none: copies do not compound
    assert set(_versioned_loops(src, "inner_checked")) == {1}
