"""Index proofs through sums of lengths and parameters (bounds_linear.py): a sliding
window's `x[i + j]` with `i < len(x) - len(k) + 1` and `j < len(k)`, an output made
with `np.zeros(n)` indexed by `i < n`, a full convolution's `out[i + j]` into
`np.zeros(len(x) + len(k) - 1)`, a constant dimension.  Each is proved in range
(no check left after -O3); each near miss keeps its checks and raises IndexError or
wraps around exactly as CPython does."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import build_and_load
from proof_support import checks_an_index, corpus_kernel, outcome, python_kernels, view

SOURCE = """import numpy as np
from aot_tool import CC
cc = CC('linear')

""" + corpus_kernel("conv1d.py", "conv1d") + corpus_kernel("conv1d.py", "convolve") + """@cc.export('moving_sum', 'f8[:](f8[:], i8)')
def moving_sum(a, w):
    out = np.empty(len(a) - w + 1)
    for i in range(len(a) - w + 1):
        s = 0.0
        for j in range(w):
            s += a[i + j]
        out[i] = s
    return out

@cc.export('triples', 'f8[:, :](f8, i8)')
def triples(x, n):
    out = np.empty((n, 3))
    for i in range(n):
        out[i, 0] = x * i
        out[i, 1] = x + i
        out[i, 2] = x - i
    return out

@cc.export('one_too_far', 'f8(f8[:], f8[:])')
def one_too_far(x, k):
    s = 0.0
    for i in range(len(x) - len(k) + 2):
        for j in range(len(k)):
            s += x[i + j] * k[j]          # i + j reaches len(x): IndexError
    return s

@cc.export('wide_window', 'f8(f8[:], f8[:])')
def wide_window(x, k):
    s = 0.0
    for i in range(len(x) - len(k)):
        for j in range(len(k) + 1):
            s += x[i + j]                 # i + j reaches len(x) - 1 only: in range
    return s

@cc.export('short_output', 'f8[:](f8[:])')
def short_output(a):
    out = np.zeros(len(a) - 1)
    for i in range(len(a)):
        out[i] = a[i]                     # out[len(a) - 1]: IndexError
    return out

@cc.export('wrapping_bounds', 'f8(f8[:], i8)')
def wrapping_bounds(a, w):
    s = 0.0
    for i in range(w - 1):                # w = INT64_MIN: w - 1 wraps to INT64_MAX
        for j in range(-w - 1):
            s += a[i + j]
    return s

@cc.export('fourth_column', 'f8(i8)')
def fourth_column(n):
    out = np.zeros((n, 3))
    s = 0.0
    for i in range(n):
        s += out[i, 3]                    # IndexError
    return s
"""

PROVED = ("conv1d", "convolve", "moving_sum", "triples", "wide_window")
NEAR_MISSES = ("one_too_far", "short_output", "wrapping_bounds", "fourth_column")

PY = python_kernels(SOURCE, "linear")
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def linear(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("linear"), "linear", SOURCE)


def _same(got, expected):
    if isinstance(expected, type) or isinstance(got, type):
        return got is expected
    return np.array_equal(got, expected)


def outcome_of(fn, *args):
    """The result, or the class of the IndexError or ValueError (a negative length) raised."""
    try:
        return outcome(fn, *args)
    except ValueError:
        return ValueError


small = st.lists(st.integers(-4, 4).map(float), max_size=12)
layouts = st.sampled_from(["C", "strided", "reversed"])


@SETTINGS
@given(x=small, k=small, lx=layouts, lk=layouts)
def test_windows_over_two_arrays_match_python(linear, x, k, lx, lk):
    a, b = view(x, lx), view(k, lk)
    for name in ("conv1d", "convolve", "one_too_far", "wide_window"):
        assert _same(outcome_of(getattr(linear, name), a, b), outcome_of(PY[name], a, b)), name


@SETTINGS
@given(x=small, w=st.integers(-3, 14), layout=layouts)
def test_windows_of_a_parameter_match_python(linear, x, w, layout):
    a = view(x, layout)
    for name in ("moving_sum", "wrapping_bounds"):
        assert _same(outcome_of(getattr(linear, name), a, w), outcome_of(PY[name], a, w)), name
    assert _same(outcome_of(linear.short_output, a), outcome_of(PY["short_output"], a))


@SETTINGS
@given(x=st.integers(-4, 4).map(float), n=st.integers(-2, 9))
def test_constant_dimensions_match_python(linear, x, n):
    assert _same(outcome_of(linear.triples, x, n), outcome_of(PY["triples"], x, n))
    assert _same(outcome_of(linear.fourth_column, n), outcome_of(PY["fourth_column"], n))


def test_the_windows_are_proved_and_the_near_misses_are_not(tmp_path):
    for export in PROVED:
        assert not checks_an_index(tmp_path, SOURCE, export), export
    for export in NEAR_MISSES:
        assert checks_an_index(tmp_path, SOURCE, export), export
