"""np.nonzero / np.where(cond) / np.copyto / np.roll / np.squeeze against NumPy over
hypothesis-drawn arrays in every layout."""

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

    cc = CC('selection_mod')

    @cc.export('nonzero2', 'Tuple((i8[:], i8[:]))(f8[:, :])')
    def nonzero2(a):
        return np.nonzero(a)

    @cc.export('nonzero_method', 'UniTuple(i8[:], 1)(b1[:])')
    def nonzero_method(a):
        return a.nonzero()

    @cc.export('where1', 'i8[:](f8[:, :])')
    def where1(a):
        i, j = np.where(a)
        return i * 100 + j

    @cc.export('where_expr', 'UniTuple(i8[:], 3)(f8[:, :, :])')
    def where_expr(a):
        return np.where(a > 0.5)

    @cc.export('copyto_scalar', 'f8[:, :](f8[:, :], f8)')
    def copyto_scalar(a, v):
        b = a.copy()
        np.copyto(b, v)
        return b

    @cc.export('copyto_row', 'f8[:, :](f8[:, :], i4[:])')
    def copyto_row(a, r):
        b = a.copy()
        np.copyto(b, r)
        return b

    @cc.export('copyto_into_arg', 'void(f8[:, :], f8[:, :])')
    def copyto_into_arg(a, b):
        np.copyto(a, b)

    @cc.export('copyto_overlap', 'f8[:](f8[:])')
    def copyto_overlap(a):
        np.copyto(a[1:], a[:-1])
        return a

    @cc.export('roll', 'f8[:, :](f8[:, :], i8)')
    def roll(a, s):
        return np.roll(a, s)

    @cc.export('squeeze0', 'f8[:](f8[:, :])')
    def squeeze0(a):
        return np.squeeze(a, axis=0)

    @cc.export('squeeze_method', 'f8[:](f8[:, :])')
    def squeeze_method(a):
        return a.squeeze(1)
''')


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("selection"), "selection_mod", SOURCE)


@pytest.fixture(scope="module")
def ref():
    return reference(SOURCE)


def sparse(a):
    """Some zeros among the values, so that nonzero has something to skip."""
    out = a.copy()
    out[(np.arange(a.size).reshape(a.shape) % 3) == 0] = 0
    return out


@pytest.mark.parametrize("name", ["nonzero2", "where1", "copyto_scalar", "roll", "squeeze0", "squeeze_method"])
def test_2d(mod, ref, name):
    @SETTINGS
    @given(arrays(2, max_side=3), st.integers(-7, 7))
    def run(a, k):
        a = sparse(a) if name in ("nonzero2", "where1") else a
        args = (a, float(k)) if name == "copyto_scalar" else (a, k) if name == "roll" else (a,)
        same(outcome(ref[name], *args), outcome(getattr(mod, name), *args), args)
    run()


def test_nonzero_1d_and_3d(mod, ref):
    @SETTINGS
    @given(arrays(1), arrays(3, max_side=3))
    def run(v, a):
        b = sparse(v) != 0
        same(outcome(ref["nonzero_method"], b), outcome(mod.nonzero_method, b))
        a = np.ascontiguousarray(a) if a.size else a
        same(outcome(ref["where_expr"], a), outcome(mod.where_expr, a))
    run()


def test_copyto_broadcasts_and_casts(mod, ref):
    @SETTINGS
    @given(arrays(2, max_side=3), arrays(1, np.int32, max_side=3))
    def run(a, r):
        same(outcome(ref["copyto_row"], a, r), outcome(mod.copyto_row, a, r))
    run()
    with pytest.raises(ValueError, match=r"^could not broadcast input array from shape \(2,\) into shape \(2,3\)$"):
        mod.copyto_row(np.zeros((2, 3)), np.zeros(2, np.int32))


def test_copyto_writes_the_argument_and_handles_overlap(mod, ref):
    a, b = np.zeros((2, 3)), np.arange(6.0).reshape(2, 3)
    mod.copyto_into_arg(a, b)
    assert np.array_equal(a, b)
    with pytest.raises(TypeError):
        mod.copyto_into_arg(_read_only((2, 3)), b)
    x = np.arange(5.0)
    assert mod.copyto_overlap(x.copy()).tolist() == ref["copyto_overlap"](x.copy()).tolist()


def _read_only(shape):
    a = np.zeros(shape)
    a.setflags(write=False)
    return a


def test_squeeze_error(mod):
    with pytest.raises(ValueError, match="^cannot select an axis to squeeze out which has size not equal to one$"):
        mod.squeeze0(np.zeros((2, 1)))


def test_no_reference_leaks(mod):
    from array_support import assert_no_reference_leak
    a = np.arange(12.0).reshape(3, 4)
    for name, args in [("nonzero2", (a,)), ("where1", (a,)), ("squeeze0", (a,)), ("squeeze0", (a[:1],)),
                       ("copyto_row", (a, np.arange(3, dtype=np.int32))), ("roll", (a, 2))]:
        assert_no_reference_leak(getattr(mod, name), *args)
