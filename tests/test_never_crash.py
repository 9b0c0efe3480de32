"""Inputs that used to crash the interpreter or give wrong values (issue 17) raise what
CPython raises: the once-before-the-loop index check near the ends of int64, an index
proof that held in a previous iteration only, in-place writes into read-only memory,
unbounded recursion, and conversions at the int64 limits."""

from __future__ import annotations

import math

import numpy as np
import pytest

from conftest import build_and_load

SOURCE = """
from aot_tool import CC
cc = CC('nocrash')

@cc.export('tail', 'f8(f8[:], i8)')
def tail(a, m):
    s = 0.0
    for i in range(m):
        s += a[i + 2]
    return s

@cc.export('back', 'f8(f8[:], i8)')
def back(a, k):
    s = 0.0
    for i in range(k, len(a)):
        s += a[i - 1]
    return s

@cc.export('far_store', 'f8(f8[:], i8)')
def far_store(a, m):
    for i in range(m):
        a[i + 9223372036854775806] = 1.0
    return a[0]

@cc.export('stale', 'f8(f8[:], f8[:], i8)')
def stale(a, b, k):
    s = 0.0
    m = 0
    for x in (a, b):
        if k > 0:
            for i in range(m):
                s += x[i]
        m = len(x)
    return s

@cc.export('fresh', 'f8(f8[:], f8[:])')
def fresh(a, b):
    s = 0.0
    for x in (a, b):
        m = len(x)
        for i in range(m):
            s += x[i]
    return s
"""


@pytest.fixture(scope="module")
def m(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("nocrash"), "nocrash", SOURCE)


@pytest.mark.parametrize("call", [
    lambda m: m.tail(np.zeros(10), 2 ** 63 - 1),
    lambda m: m.back(np.zeros(10), -2 ** 63),
    lambda m: m.far_store(np.zeros(10), 3),
    lambda m: m.stale(np.ones(10 ** 6), np.ones(1), 1),
])
def test_index_error_not_a_crash(m, call):
    with pytest.raises(IndexError):
        call(m)


def test_in_range_loops_still_give_the_values(m):
    a = np.arange(10.0)
    assert m.tail(a, 8) == sum(a[2:10])
    assert m.back(a, 1) == sum(a[0:9])
    assert m.fresh(np.ones(5), np.arange(3.0)) == 8.0
    assert m.stale(np.ones(3), np.ones(5), 1) == 3.0


WRITES = """
import math

import numpy as np
from aot_tool import CC
cc = CC('writes')

@cc.export('fill_param', 'f8(f8[:])')
def fill_param(a):
    a.fill(7.0)
    return a[0]

@cc.export('fill_slice', 'f8(f8[:])')
def fill_slice(a):
    a[1:].fill(7.0)
    return a[0]

@cc.export('fill_row', 'f8(f8[:, :])')
def fill_row(a):
    a[0].fill(7.0)
    return a[0, 0]

@cc.export('fill_alias', 'f8(f8[:])')
def fill_alias(a):
    b = a
    b.fill(7.0)
    return a[0]

def helper(x):
    x.fill(3.0)

@cc.export('fill_in_helper', 'f8(f8[:])')
def fill_in_helper(a):
    helper(a)
    return a[0]

@cc.export('fill_fresh', 'f8(f8[:])')
def fill_fresh(a):
    b = np.empty_like(a)
    b.fill(2.0)
    return b[0] + a[0]

@cc.export('tail', 'f8[:](f8[:])')
def tail(a):
    return a[1:]
"""


@pytest.fixture(scope="module")
def w(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("writes"), "writes", WRITES)


@pytest.mark.parametrize("name", ["fill_param", "fill_slice", "fill_alias", "fill_in_helper"])
def test_in_place_methods_need_writable_arrays(w, name):
    frozen = bytes(16)
    with pytest.raises(TypeError, match="read-only"):
        getattr(w, name)(np.frombuffer(frozen))
    assert frozen == bytes(16)
    a = np.zeros(2)
    getattr(w, name)(a)
    assert a[-1] != 0.0


def test_row_fill_needs_writable_array(w):
    a = np.zeros((2, 2))
    a.setflags(write=False)
    with pytest.raises(TypeError, match="read-only"):
        w.fill_row(a)


def test_fresh_arrays_do_not_make_parameters_written(w):
    a = np.ones(3)
    a.setflags(write=False)
    assert w.fill_fresh(a) == 3.0


def test_returned_view_of_read_only_input_stays_read_only(w):
    a = np.arange(4.0)
    a.setflags(write=False)
    view = w.tail(a)
    assert list(view) == [1.0, 2.0, 3.0] and not view.flags.writeable
    assert w.tail(np.arange(4.0)).flags.writeable


RECURSION = """
from aot_tool import CC
cc = CC('deep')

@cc.export('power', 'f8(f8, i8)')
def power(x, n):
    if n == 0:
        return 1.0
    return x * power(x, n - 1)

def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

@cc.export('even', 'b1(i8)')
def even(n):
    return is_even(n)
"""


@pytest.fixture(scope="module")
def deep(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("deep"), "deep", RECURSION)


def test_unbounded_recursion_raises_recursion_error(deep):
    with pytest.raises(RecursionError, match="maximum recursion depth exceeded in power"):
        deep.power(2.0, -1)
    with pytest.raises(RecursionError):
        deep.even(10 ** 6)
    # the depth counter is back at zero after an error: the limit is not used up
    assert deep.power(2.0, 10) == 1024.0 and deep.even(5000) is True and deep.even(7) is False
    for _ in range(3):
        with pytest.raises(RecursionError):
            deep.power(1.0, 10 ** 6)
    assert deep.power(1.5, 2) == 2.25


LIMITS = """
import math
from aot_tool import CC
cc = CC('limits')

@cc.export('gt_min', 'b1(i8)')
def gt_min(n):
    return n > -9223372036854775808

@cc.export('the_min', 'i8()')
def the_min():
    return -9223372036854775808

@cc.export('to_int', 'i8(f8)')
def to_int(x):
    return int(x)

@cc.export('floor_int', 'i8(f8)')
def floor_int(x):
    return math.floor(x)

@cc.export('round_int', 'i8(f8)')
def round_int(x):
    return round(x)
"""


@pytest.fixture(scope="module")
def lim(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("limits"), "limits", LIMITS)


def test_smallest_int64_literal(lim):
    assert lim.gt_min(0) is True and lim.gt_min(-2 ** 63) is False
    assert lim.the_min() == -2 ** 63


@pytest.mark.parametrize("x", [-2.0 ** 63, -9.2e18, 9.2e18, 0.5, -0.5, 2.0 ** 63 - 1024])
def test_floats_that_fit_convert(lim, x):
    assert lim.to_int(x) == int(x) and lim.floor_int(x) == math.floor(x) and lim.round_int(x) == round(x)


@pytest.mark.parametrize("x", [2.0 ** 63, -2.0 ** 63 - 2048, float("inf"), float("-inf"), float("nan")])
def test_floats_that_do_not_fit_raise(lim, x):
    for f in (lim.to_int, lim.floor_int, lim.round_int):
        with pytest.raises(OverflowError):
            f(x)
