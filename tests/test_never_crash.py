"""Inputs that used to crash the interpreter (issue 17) raise what CPython raises:
the once-before-the-loop index check near the ends of int64, and an index proof that
held in a previous iteration but not in this one."""

from __future__ import annotations

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
