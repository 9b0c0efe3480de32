"""hash() of numbers in compiled code equals CPython's hash() of the same value in the
same process: integers of every width, floats (subnormals, huge values, inf), float32
through their float64 value, complex; nan gives a pseudo-random value as in numba."""

import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from conftest import build_and_load

SOURCE = '''
from numba.pycc import CC

cc = CC('hash_mod')


@cc.export('hash_i8', 'i8(i8)')
@cc.export('hash_u8', 'i8(u8)')
@cc.export('hash_i1', 'i8(i1)')
@cc.export('hash_b1', 'i8(b1)')
@cc.export('hash_f8', 'i8(f8)')
@cc.export('hash_f4', 'i8(f4)')
@cc.export('hash_c16', 'i8(c16)')
def h(x):
    return hash(x)


@cc.export('hash_in_loop', 'i8(f8[:])')
def hash_in_loop(a):
    acc = 0
    for x in a:
        acc = acc ^ hash(x)
    return acc
'''


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("hash"), "hash_mod", SOURCE)


SPECIAL_INTS = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1), -(2**61), 2**62, 2**63 - 1, -(2**63)]
SPECIAL_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -1.5, 1e-310, -5e-324, 2.0**61, 2.0**-61, 1e308,
                  -1e308, math.pi, math.inf, -math.inf, 2.0**1023, 1.7976931348623157e308]


def test_special_values(mod):
    for v in SPECIAL_INTS:
        assert mod.hash_i8(v) == hash(v), v
    for v in [0, 1, 2**61 - 1, 2**61, 2**63, 2**64 - 1]:
        assert mod.hash_u8(v) == hash(v), v
    for v in (-128, -1, 0, 127):
        assert mod.hash_i1(v) == hash(v)
    assert (mod.hash_b1(True), mod.hash_b1(False)) == (1, 0)
    for v in SPECIAL_FLOATS:
        assert mod.hash_f8(v) == hash(v), v
    assert mod.hash_c16(complex(-1.0, 0.0)) == hash(complex(-1.0, 0.0)) == -2
    assert mod.hash_c16(complex(math.inf, -math.inf)) == hash(complex(math.inf, -math.inf))


@settings(max_examples=300, deadline=None)
@given(st.integers(-(2**63), 2**63 - 1))
def test_int64(mod, v):
    assert mod.hash_i8(v) == hash(v)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**64 - 1))
def test_uint64(mod, v):
    assert mod.hash_u8(v) == hash(v)


@settings(max_examples=400, deadline=None)
@given(st.floats(allow_nan=False))
def test_float64(mod, v):
    assert mod.hash_f8(v) == hash(v)


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=False, width=32))
def test_float32(mod, v):
    assert mod.hash_f4(v) == hash(float(np.float32(v)))


@settings(max_examples=200, deadline=None)
@given(st.complex_numbers(allow_nan=False))
def test_complex(mod, v):
    assert mod.hash_c16(v) == hash(v)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(allow_nan=False), max_size=10))
def test_in_loop(mod, values):
    expected = 0
    for v in values:
        expected ^= hash(v)
    assert mod.hash_in_loop(np.array(values, dtype=np.float64)) == expected


def test_nan_is_pseudo_random(mod):
    values = {mod.hash_f8(math.nan) for _ in range(20)}
    assert len(values) > 15
    assert all(isinstance(v, int) and v != -1 for v in values)


TUPLE_SOURCE = '''
from numba.pycc import CC

cc = CC('hash_tuple_mod')


@cc.export('hash_pair', 'i8(i8, f8)')
def hash_pair(i, x):
    return hash((i, x))


@cc.export('hash_nested', 'i8(i8, c16)')
def hash_nested(i, z):
    return hash(((i, z), (), i))
'''


@pytest.fixture(scope="module")
def tuple_mod(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("hash_tuples"), "hash_tuple_mod", TUPLE_SOURCE)


@settings(max_examples=200, deadline=None)
@given(st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False))
def test_tuples(tuple_mod, i, x):
    assert tuple_mod.hash_pair(i, x) == hash((i, x))
    assert tuple_mod.hash_nested(i, complex(x, -x)) == hash(((i, complex(x, -x)), (), i))
