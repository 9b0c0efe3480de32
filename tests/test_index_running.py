"""A variable that remembers a loop's index (argmax's `best = i`, bounds_running.py):
its indices are proved in range where every value it can hold is a constant at most
the loop's first value or a past value of a loop over the same parameter's length,
and every near miss keeps its checks, wrapping around and raising IndexError exactly
as CPython does."""

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import build_and_load
from proof_support import checks_an_index, outcome, python_kernels, view

SOURCE = """import numpy as np
from aot_tool import CC
cc = CC('running')

@cc.export('argmax', 'i8(f8[:])')
def argmax(a):
    best = 0
    for i in range(1, len(a)):
        if a[i] > a[best]:
            best = i
    return best

@cc.export('last_min', 'f8(f8[:])')
def last_min(a):
    best = 0
    s = 0.0
    for i in range(len(a) - 1, -1, -1):
        if a[i] < a[best]:
            best = i
        s += a[best]
    return s

@cc.export('argmax_columns', 'i8[:](f8[:, :])')
def argmax_columns(a):
    out = np.empty(a.shape[1], np.int64)
    for j in range(a.shape[1]):
        best = 0
        for i in range(a.shape[0]):
            if a[i, j] > a[best, j]:
                best = i
        out[j] = best
    return out

@cc.export('start_negative', 'f8(f8[:])')
def start_negative(a):
    best = -1
    for i in range(len(a)):
        if a[i] > a[best]:              # a[-1] first: wraps around
            best = i
    return a[best] if len(a) else 0.0

@cc.export('start_past_first', 'i8(f8[:])')
def start_past_first(a):
    best = 3
    for i in range(1, len(a)):
        if a[i] > a[best]:              # a[3] of a shorter array: IndexError
            best = i
    return best

@cc.export('one_past', 'i8(f8[:])')
def one_past(a):
    best = 0
    for r in range(2):
        for i in range(len(a)):
            if a[i] > a[best]:          # best = len(a) in the second round: IndexError
                best = i + 1
    return best

@cc.export('other_array', 'i8(f8[:], f8[:])')
def other_array(a, b):
    best = 0
    for i in range(len(b)):
        if b[i] > a[best]:              # best < len(b) may pass len(a): IndexError
            best = i
    return best

@cc.export('shrinking_window', 'f8(f8[:])')
def shrinking_window(a):
    s = 0.0
    best = 0
    for r in range(3):
        w = a[r:]
        for i in range(len(w)):
            if w[i] >= w[best]:         # best from a longer window: IndexError
                best = i
        s += r
    return s
"""

PROVED = ("argmax", "last_min", "argmax_columns")
NEAR_MISSES = ("start_negative", "start_past_first", "one_past", "shrinking_window")


PY = python_kernels(SOURCE, "running")


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("running"), "running", SOURCE)




floats = st.lists(st.floats(-5, 5) | st.just(float("nan")), max_size=30)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _same(got, expected):
    if expected is IndexError or got is IndexError:
        return got is expected
    return np.array_equal(got, expected, equal_nan=True)


@SETTINGS
@example(values=[0.0, 1.0], layout="C", name="shrinking_window")   # best = 1 read in a window of 1
@example(values=[0.0, 1.0], layout="C", name="start_past_first")
@given(values=floats, layout=st.sampled_from(["C", "strided", "reversed"]),
       name=st.sampled_from(["argmax", "last_min"] + list(NEAR_MISSES)))
def test_one_dimensional_kernels_match_python(running, values, layout, name):
    a = view(values, layout)
    assert _same(outcome(getattr(running, name), a), outcome(PY[name], a))


@SETTINGS
@given(rows=st.integers(0, 6), cols=st.integers(0, 5), data=st.data(), order=st.sampled_from(["C", "F", "T"]))
def test_argmax_of_columns_matches_python(running, rows, cols, data, order):
    values = data.draw(st.lists(st.floats(-5, 5), min_size=rows * cols, max_size=rows * cols))
    a = np.array(values, dtype=float).reshape(rows, cols)
    a = np.asfortranarray(a) if order == "F" else (a.T.copy().T if order == "T" else a)
    assert _same(running.argmax_columns(a), PY["argmax_columns"](a))


@SETTINGS
@given(a=floats, b=floats)
def test_an_index_from_another_arrays_loop_keeps_its_check(running, a, b):
    a, b = np.array(a), np.array(b)
    assert _same(outcome(running.other_array, a, b), outcome(PY["other_array"], a, b))



def test_the_running_index_is_proved_and_the_near_misses_are_not(tmp_path):
    for export in PROVED:
        assert not checks_an_index(tmp_path, SOURCE, export), export
    for export in NEAR_MISSES + ("other_array",):
        assert checks_an_index(tmp_path, SOURCE, export), export
