"""A variable that scans down under a guard (`while j >= 0 and a[j] > key: ...; j -= 1`,
bounds_descent.py): its indices are proved in range where the shape makes them so,
and every near miss of that shape keeps its checks, wrapping around and raising
IndexError exactly as CPython does."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import build_and_load
from proof_support import checks_an_index, outcome, python_kernels, view

SOURCE = """
import numpy as np
from aot_tool import CC
cc = CC('descent')

@cc.export('insertion_sort', 'void(f8[:])')
def insertion_sort(a):
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key

@cc.export('from_the_top', 'i8(i8[:], i8)')
def from_the_top(a, x):
    j = len(a) - 1
    while 0 <= j and a[j] > x:
        j = j - 1
    return j

@cc.export('past_the_end', 'f8(f8[:])')
def past_the_end(a):
    s = 0.0
    for i in range(len(a)):
        j = i + 1                 # a[len(a)]: IndexError
        while j > 0:
            s += a[j]
            j -= 1
    return s

@cc.export('guard_second', 'f8(f8[:])')
def guard_second(a):
    s = 0.0
    for i in range(len(a)):
        j = i
        while a[j] > -10.0 and j >= 0:    # a[-1] is read before the guard: wraps around
            s += a[j]
            j -= 1
    return s

@cc.export('use_after_step', 'f8(f8[:])')
def use_after_step(a):
    s = 0.0
    for i in range(len(a)):
        j = i
        while j >= 0:
            j -= 1
            s += a[j] * (j + 2)           # a[-1] after the step
    return s

@cc.export('step_two_after', 'f8(f8[:])')
def step_two_after(a):
    s = 0.0
    for i in range(len(a)):
        j = i
        while j >= 0:
            s += a[j]
            j -= 2
        s += a[j + 1] * 0.5               # j + 1 may be -1: wraps around
    return s

@cc.export('closure_after', 'f8(f8[:])')
def closure_after(a):
    s = 0.0
    for i in range(len(a)):
        j = i
        while j >= 0:
            f = lambda: a[j]              # called after the loop, where j is -1: wraps around
            j -= 1
        s += f()
    return s

@cc.export('third_store', 'f8(f8[:], i8)')
def third_store(a, k):
    s = 0.0
    for i in range(len(a)):
        j = i
        n = 0
        while j >= 0:
            if a[j] > 0.5:
                j = j + k                 # not a scan down: checked
            s += a[j]
            n += 1
            if n > 40:                    # j + k can undo the step: stop after 40 rounds
                break
            j -= 1
    return s
"""


PY = python_kernels(SOURCE, "descent")


@pytest.fixture(scope="module")
def descent(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("descent"), "descent", SOURCE)




floats = st.lists(st.floats(-5, 5, allow_nan=False), max_size=30)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(values=floats, layout=st.sampled_from(["C", "strided", "reversed"]))
def test_insertion_sort_sorts_as_python(descent, values, layout):
    ours, ref = view(values, layout), view(values, layout)
    descent.insertion_sort(ours)
    PY["insertion_sort"](ref)
    assert ours.tolist() == ref.tolist() == sorted(values)


@SETTINGS
@given(values=st.lists(st.integers(-50, 50), max_size=20), x=st.integers(-60, 60))
def test_scan_from_the_top_matches_python(descent, values, x):
    a = np.array(values, dtype=np.int64)
    assert descent.from_the_top(a, x) == PY["from_the_top"](a, x)


@SETTINGS
@given(values=floats, name=st.sampled_from(["past_the_end", "guard_second", "use_after_step", "step_two_after",
                                                "closure_after"]))
def test_near_misses_keep_their_checks(descent, values, name):
    a = np.array(values, dtype=float)
    expected = outcome(PY[name], a)
    got = outcome(getattr(descent, name), a)
    assert got == expected if expected is IndexError else got == pytest.approx(expected)


@SETTINGS
@given(values=st.lists(st.floats(0, 1), max_size=12), k=st.integers(-15, 15))
def test_a_third_assignment_keeps_the_checks(descent, values, k):
    a = np.array(values, dtype=float)
    expected = outcome(PY["third_store"], a, k)
    got = outcome(descent.third_store, a, k)
    assert got == expected if expected is IndexError else got == pytest.approx(expected)



def test_the_scan_down_is_proved_and_the_near_misses_are_not(tmp_path):
    assert not checks_an_index(tmp_path, SOURCE, "insertion_sort")
    assert not checks_an_index(tmp_path, SOURCE, "from_the_top")
    for export in ("past_the_end", "guard_second", "use_after_step", "step_two_after", "third_store"):
        assert checks_an_index(tmp_path, SOURCE, export), export
