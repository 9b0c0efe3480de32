"""Closures and generators end to end, beyond what the numba-checked kernel corpus can
hold: lambdas that capture variables and escape into helpers (numba allows constants
only), writes through captured arrays (the wrapper then refuses read-only arrays),
array references held by inlined generators, inner generators."""

import sys

import numpy as np
import pytest

from conftest import build_and_load

SOURCE = '''
import numpy as np
from numba import njit
from numba.pycc import CC

cc = CC('closure_mod')


@njit
def apply_all(f, a):
    out = np.empty_like(a)
    for i in range(len(a)):
        out[i] = f(a[i])
    return out


@njit
def each_index(f, n):
    for i in range(n):
        f(i)


@cc.export('scaled', 'f8[:](f8[:], f8, f8)')
def scaled(a, k, c):
    return apply_all(lambda v: k * v + c, a)


@cc.export('fill_through_helper', 'void(f8[:], f8)')
def fill_through_helper(out, v):
    def put(i):
        out[i] = v * i
    each_index(put, len(out))


@cc.export('fill_direct', 'void(f8[:])')
def fill_direct(out):
    def put(i):
        out[i] = 2.0
    for i in range(len(out)):
        put(i)


@njit
def rows_of(m):
    for i in range(m.shape[0]):
        yield m[i]


@cc.export('row_sums', 'f8(f8[:, :])')
def row_sums(m):
    total = 0.0
    for r in rows_of(m.copy()):
        total += r.sum()
    for r in rows_of(m):
        total += r[0]
    return total


@cc.export('inner_generator', 'i8(i8, i8)')
def inner_generator(n, step):
    def multiples(limit):
        k = 0
        while k < limit:
            yield k
            k += step
    s = 0
    for v in multiples(n):
        s += v
    return s


@cc.export('gen_twice', 'f8(f8[:], i8)')
def gen_twice(a, times):
    s = 0.0
    for _ in range(times):
        for r in rows_of(a.reshape((1, a.size))):
            s += r.sum()
    return s
'''


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("closures"), "closure_mod", SOURCE)


def test_escaping_lambda_captures_variables(mod):
    a = np.arange(5.0)
    assert np.array_equal(mod.scaled(a, 2.0, 1.0), 2.0 * a + 1.0)


def test_writes_through_a_passed_closure(mod):
    out = np.zeros(4)
    mod.fill_through_helper(out, 1.5)
    assert np.array_equal(out, 1.5 * np.arange(4))
    frozen = np.zeros(4)
    frozen.flags.writeable = False
    with pytest.raises(TypeError):
        mod.fill_through_helper(frozen, 1.0)


def test_writes_through_a_bound_lambda(mod):
    out = np.zeros(3)
    mod.fill_direct(out)
    assert np.array_equal(out, [2.0, 2.0, 2.0])
    out.flags.writeable = False
    with pytest.raises(TypeError):
        mod.fill_direct(out)


def test_generator_of_rows_keeps_references_balanced(mod):
    m = np.arange(12.0).reshape(3, 4)
    before = sys.getrefcount(m)
    for _ in range(1000):
        assert mod.row_sums(m) == m.sum() + m[:, 0].sum()
    assert sys.getrefcount(m) == before


def test_inner_generator_captures(mod):
    assert mod.inner_generator(20, 3) == sum(range(0, 20, 3))


def test_generator_loop_run_again(mod):
    a = np.arange(6.0)
    before = sys.getrefcount(a)
    assert mod.gen_twice(a, 5) == 5 * a.sum()
    assert sys.getrefcount(a) == before
