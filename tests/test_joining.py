"""Joining and repeating against NumPy over hypothesis-drawn shapes (sizes 0 and 1,
C, F and non-contiguous operands): np.concatenate, np.stack, np.hstack, np.vstack,
np.column_stack, np.tile, np.repeat; mismatched shapes raise NumPy's ValueError
with its message."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from array_support import SETTINGS, arrays, outcome, reference, same
from conftest import build_and_load

SOURCE = textwrap.dedent('''
    import numpy as np
    from numba.pycc import CC

    cc = CC('joining_mod')

    @cc.export('concat0', 'f8[:, :](f8[:, :], f8[:, :])')
    def concat0(a, b):
        return np.concatenate((a, b))

    @cc.export('concat1', 'f8[:, :](f8[:, :], i4[:, :])')
    def concat1(a, b):
        return np.concatenate((a, b), axis=1)

    @cc.export('concat_three', 'f8[:](f8[:], f8[:])')
    def concat_three(a, b):
        return np.concatenate((a, b, a))

    @cc.export('concat_temp', 'f8[:](f8[:])')
    def concat_temp(a):
        return np.concatenate((np.zeros(2), a, np.ones(1)), -1)

    @cc.export('stack0', 'f8[:, :, :](f8[:, :], f8[:, :])')
    def stack0(a, b):
        return np.stack((a, b))

    @cc.export('stack_last', 'f8[:, :, :](f8[:, :], f8[:, :])')
    def stack_last(a, b):
        return np.stack((a, b), axis=-1)

    @cc.export('hstack1', 'f8[:](f8[:], f8[:])')
    def hstack1(a, b):
        return np.hstack((a, b))

    @cc.export('hstack2', 'f8[:, :](f8[:, :], f8[:, :])')
    def hstack2(a, b):
        return np.hstack((a, b))

    @cc.export('vstack1', 'f8[:, :](f8[:], f8[:])')
    def vstack1(a, b):
        return np.vstack((a, b))

    @cc.export('vstack_mixed', 'f8[:, :](f8[:], f8[:, :])')
    def vstack_mixed(a, b):
        return np.vstack((a, b))

    @cc.export('column_stack', 'f8[:, :](f8[:], f8[:, :])')
    def column_stack(a, b):
        return np.column_stack((a, b))

    @cc.export('tile_int', 'f8[:, :](f8[:, :], i8)')
    def tile_int(a, r):
        return np.tile(a, r)

    @cc.export('tile_tuple', 'f8[:, :, :](f8[:, :], i8, i8)')
    def tile_tuple(a, r, s):
        return np.tile(a, (r, 1, s))

    @cc.export('repeat', 'f8[:](f8[:, :], i8)')
    def repeat(a, r):
        return np.repeat(a, r)

    @cc.export('dstack', 'f8[:, :, :](f8[:, :], f8[:, :])')
    def dstack(a, b):
        return np.dstack((a, b))

    @cc.export('dstack1', 'f8[:, :, :](f8[:], f8[:])')
    def dstack1(a, b):
        return np.dstack((a, b))

    @cc.export('append_flat', 'f8[:](f8[:, :], i4[:, :])')
    def append_flat(a, b):
        return np.append(a, b)

    @cc.export('append_scalar', 'f8[:](i8[:], f8)')
    def append_scalar(a, x):
        return np.append(a, x)

    @cc.export('append_axis', 'f8[:, :](f8[:, :], f8[:, :])')
    def append_axis(a, b):
        return np.append(a, b, axis=1)

    @cc.export('repeat_each', 'f8[:](f8[:, :], i8[:])')
    def repeat_each(a, r):
        return np.repeat(a, r)

    @cc.export('repeat_method', 'i8[:](i8[:], i8)')
    def repeat_method(a, r):
        return a.repeat(r)
''')

PAIRS_2D = ["concat0", "concat1", "stack0", "stack_last", "hstack2", "dstack", "append_flat", "append_axis"]


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("joining"), "joining_mod", SOURCE)


@pytest.fixture(scope="module")
def ref():
    return reference(SOURCE)


@pytest.mark.parametrize("name", PAIRS_2D)
def test_pairs_2d(mod, ref, name):
    second = np.int32 if name in ("concat1", "append_flat") else np.float64

    @SETTINGS
    @given(arrays(2, max_side=3), arrays(2, second, max_side=3))
    def run(a, b):
        same(outcome(ref[name], a, b), outcome(getattr(mod, name), a, b), (a, b))
    run()


@pytest.mark.parametrize("name", ["concat_three", "hstack1", "vstack1", "dstack1"])
def test_pairs_1d(mod, ref, name):
    @SETTINGS
    @given(arrays(1), arrays(1))
    def run(a, b):
        same(outcome(ref[name], a, b), outcome(getattr(mod, name), a, b), (a, b))
    run()


@pytest.mark.parametrize("name", ["vstack_mixed", "column_stack"])
def test_mixed_dimensions(mod, ref, name):
    @SETTINGS
    @given(arrays(1, max_side=3), arrays(2, max_side=3))
    def run(a, b):
        same(outcome(ref[name], a, b), outcome(getattr(mod, name), a, b), (a, b))
    run()


def test_temporaries(mod, ref):
    a = np.arange(3.0)
    same(outcome(ref["concat_temp"], a), outcome(mod.concat_temp, a))


def test_append_scalar(mod, ref):
    @SETTINGS
    @given(arrays(1, np.int64), st.floats(-10, 10))
    def run(a, x):
        same(outcome(ref["append_scalar"], a, x), outcome(mod.append_scalar, a, x))
    run()


def test_tile_and_repeat(mod, ref):
    @SETTINGS
    @given(arrays(2, max_side=3), st.integers(-1, 3), st.integers(0, 2))
    def run(a, r, s):
        if a.size or r >= 0:    # NumPy's tile of an empty array by -1 fails in its own reshape
            same(outcome(ref["tile_int"], a, r), outcome(mod.tile_int, a, r))
            same(outcome(ref["tile_tuple"], a, r, s), outcome(mod.tile_tuple, a, r, s))
        same(outcome(ref["repeat"], a, r), outcome(mod.repeat, a, r))
        ia = (a * 2).astype(np.int64).ravel()
        same(outcome(ref["repeat_method"], ia, r), outcome(mod.repeat_method, ia, r))
    run()


def test_sizes_beyond_memory_raise(mod):
    # NumPy's text depends on where its own size arithmetic wraps; both are ValueErrors
    too_big = r"^array is too big; `arr.size \* arr.dtype.itemsize` is larger than the maximum possible size.$"
    for fn in (mod.tile_int, mod.repeat):
        for reps in (2**62, 2**62 + 1, 2**61 + 7):
            with pytest.raises(ValueError, match=too_big):
                fn(np.zeros((2, 3)), reps)


def test_mismatch_messages(mod):
    with pytest.raises(ValueError, match=r"^all the input array dimensions except for the concatenation axis must "
                                         r"match exactly, but along dimension 1, the array at index 0 has size 2 "
                                         r"and the array at index 1 has size 3$"):
        mod.concat0(np.zeros((1, 2)), np.zeros((1, 3)))
    with pytest.raises(ValueError, match="^all input arrays must have the same shape$"):
        mod.stack0(np.zeros((1, 2)), np.zeros((2, 1)))


def test_repeat_counts_per_element(mod, ref):
    @SETTINGS
    @given(arrays(2, max_side=3), st.lists(st.integers(-1, 3), min_size=0, max_size=10))
    def run(a, counts):
        r = np.array(counts, dtype=np.int64)
        same(outcome(ref["repeat_each"], a, r), outcome(mod.repeat_each, a, r))
    run()
    a = np.arange(6.0).reshape(2, 3)
    same(outcome(ref["repeat_each"], a, np.array([2])), outcome(mod.repeat_each, a, np.array([2])))
    same(outcome(ref["repeat_each"], a, np.arange(6)), outcome(mod.repeat_each, a, np.arange(6)))
