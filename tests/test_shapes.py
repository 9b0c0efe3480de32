"""Shape and construction functions against NumPy: each export below is compiled once,
then called over hypothesis-generated arrays (sizes 0 and 1, C and F order,
non-contiguous views) and compared with the same function run by CPython+NumPy:
values, dtype, shape, whether the result shares memory with the argument, and the
exception type and message when NumPy raises."""

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

    cc = CC('shapes_mod')

    @cc.export('reshape_cols', 'f8[:, :](f8[:, :], i8)')
    def reshape_cols(a, m):
        return a.reshape(-1, m)

    @cc.export('reshape_tuple', 'f8[:, :, :](f8[:, :], i8, i8)')
    def reshape_tuple(a, n, m):
        return np.reshape(a, (n, -1, m))

    @cc.export('reshape_1d', 'f8[:](f8[:, :])')
    def reshape_1d(a):
        return a.reshape(a.size)

    @cc.export('ravel', 'f8[:](f8[:, :])')
    def ravel(a):
        return a.ravel()

    @cc.export('np_ravel', 'i4[:](i4[:, :, :])')
    def np_ravel(a):
        return np.ravel(a)

    @cc.export('flatten', 'f8[:](f8[:, :])')
    def flatten(a):
        return a.flatten()

    @cc.export('transpose', 'f8[:, :](f8[:, :])')
    def transpose(a):
        return a.transpose()

    @cc.export('transpose_axes', 'f8[:, :, :](f8[:, :, :])')
    def transpose_axes(a):
        return a.transpose((1, 2, 0))

    @cc.export('np_transpose_axes', 'f8[:, :, :](f8[:, :, :])')
    def np_transpose_axes(a):
        return np.transpose(a, (2, 0, -2))

    @cc.export('astype_i4', 'i4[:, :](f8[:, :])')
    def astype_i4(a):
        return a.astype(np.int32)

    @cc.export('astype_f4', 'f4[:, :](i8[:, :])')
    def astype_f4(a):
        return a.astype(np.float32)

    @cc.export('astype_bool', 'b1[:, :](f8[:, :])')
    def astype_bool(a):
        return a.astype(np.bool_)

    @cc.export('view_i8', 'i8[:, :](f8[:, :])')
    def view_i8(a):
        return a.view(np.int64)

    @cc.export('view_i4', 'i4[:, :](f8[:, :])')
    def view_i4(a):
        return a.view(np.int32)

    @cc.export('view_c16', 'c16[:, :](f8[:, :])')
    def view_c16(a):
        return a.view(np.complex128)

    @cc.export('expand0', 'f8[:, :, :](f8[:, :])')
    def expand0(a):
        return np.expand_dims(a, 0)

    @cc.export('expand_last', 'f8[:, :, :](f8[:, :])')
    def expand_last(a):
        return np.expand_dims(a, -1)

    @cc.export('flip', 'f8[:, :](f8[:, :])')
    def flip(a):
        return np.flip(a)

    @cc.export('flip_axis', 'f8[:, :](f8[:, :])')
    def flip_axis(a):
        return np.flip(a, 1)

    @cc.export('fliplr', 'f8[:, :](f8[:, :])')
    def fliplr(a):
        return np.fliplr(a)

    @cc.export('flipud', 'f8[:, :](f8[:, :])')
    def flipud(a):
        return np.flipud(a)

    @cc.export('copy_c', 'f8[:, :](f8[:, :])')
    def copy_c(a):
        return a.copy()

    @cc.export('copy_f', 'f8[:, :](f8[:, :])')
    def copy_f(a):
        return a.copy(order='F')

    @cc.export('np_copy', 'f8[:, :](f8[:, :])')
    def np_copy(a):
        return np.copy(a)

    @cc.export('dtype_ctor', 'i4[:, :](i4[:, :])')
    def dtype_ctor(a):
        z = np.zeros(a.shape, a.dtype)
        e = np.full(a.shape[1], 2, dtype=a.dtype)
        o = np.ones_like(a, np.int32)
        for i in range(a.shape[0]):
            for j in range(a.shape[1]):
                z[i, j] = e[j] * a[i, j] + o[i, j]
        return z

    @cc.export('swapaxes', 'f8[:, :, :](f8[:, :, :])')
    def swapaxes(a):
        return np.swapaxes(a, 0, 2)

    @cc.export('moveaxis', 'f8[:, :, :](f8[:, :, :])')
    def moveaxis(a):
        return np.moveaxis(a, 0, -1)

    @cc.export('atleast_2d', 'f8[:, :](f8[:])')
    def atleast_2d(a):
        return np.atleast_2d(a)

    @cc.export('atleast_3d', 'f8[:, :, :](f8[:, :])')
    def atleast_3d(a):
        return np.atleast_3d(a)

    @cc.export('atleast_3d_1', 'f8[:, :, :](f8[:])')
    def atleast_3d_1(a):
        return np.atleast_3d(a)

    @cc.export('broadcast_rows', 'f8[:, :](f8[:], i8)')
    def broadcast_rows(a, n):
        return np.broadcast_to(a, (n, 3)).copy()

    @cc.export('ascontiguous', 'f8[:, ::1](f8[:, :])')
    def ascontiguous(a):
        return np.ascontiguousarray(a)

    @cc.export('asfortran', 'f8[::1, :](f8[:, :])')
    def asfortran(a):
        return np.asfortranarray(a)

    @cc.export('write_through_reshape', 'f8[:](f8[::1])')
    def write_through_reshape(a):
        b = a.reshape(1, -1)
        if a.size > 0:
            b[0, 0] = 99.0
        return a
''')


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("shapes"), "shapes_mod", SOURCE)


@pytest.fixture(scope="module")
def ref():
    return reference(SOURCE)


ONE_2D = ["atleast_3d", "ascontiguous", "asfortran", "ravel", "flatten", "transpose", "astype_i4", "astype_bool", "expand0", "expand_last", "flip",
          "flip_axis", "fliplr", "flipud", "copy_c", "copy_f", "np_copy", "reshape_1d"]


@pytest.mark.parametrize("name", ONE_2D)
def test_one_2d_array(mod, ref, name):
    @SETTINGS
    @given(arrays(2))
    def run(a):
        same(outcome(ref[name], a), outcome(getattr(mod, name), a), (a,))
    run()


def test_copies_keep_numpy_layout(mod):
    f = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    assert mod.copy_c(f).flags.c_contiguous and not mod.copy_c(f).flags.f_contiguous
    assert mod.copy_f(f).flags.f_contiguous
    assert mod.transpose(np.zeros((2, 3))).flags.f_contiguous


@pytest.mark.parametrize("name", ["reshape_cols"])
def test_reshape_sizes(mod, ref, name):
    @SETTINGS
    @given(arrays(2), st.integers(-2, 7))
    def run(a, m):
        same(outcome(ref[name], a, m), outcome(getattr(mod, name), a, m), (a,))
    run()


def test_reshape_tuple(mod, ref):
    @SETTINGS
    @given(arrays(2), st.integers(-1, 4), st.integers(-1, 4))
    def run(a, n, m):
        same(outcome(ref["reshape_tuple"], a, n, m), outcome(mod.reshape_tuple, a, n, m), (a,))
    run()


@pytest.mark.parametrize("name", ["transpose_axes", "np_transpose_axes", "swapaxes", "moveaxis"])
def test_transpose_3d(mod, ref, name):
    @SETTINGS
    @given(arrays(3))
    def run(a):
        same(outcome(ref[name], a), outcome(getattr(mod, name), a), (a,))
    run()


def test_ravel_3d_int(mod, ref):
    @SETTINGS
    @given(arrays(3, np.int32))
    def run(a):
        same(outcome(ref["np_ravel"], a), outcome(mod.np_ravel, a), (a,))
    run()


@pytest.mark.parametrize("name", ["astype_f4"])
def test_astype_int(mod, ref, name):
    @SETTINGS
    @given(arrays(2, np.int64))
    def run(a):
        same(outcome(ref[name], a), outcome(getattr(mod, name), a), (a,))
    run()


@pytest.mark.parametrize("name", ["view_i8", "view_i4", "view_c16"])
def test_view(mod, ref, name):
    @SETTINGS
    @given(arrays(2))
    def run(a):
        same(outcome(ref[name], a), outcome(getattr(mod, name), a), (a,))
    run()


@pytest.mark.parametrize("name", ["atleast_2d", "atleast_3d_1"])
def test_axes_of_1d(mod, ref, name):
    @SETTINGS
    @given(arrays(1))
    def run(a):
        same(outcome(ref[name], a), outcome(getattr(mod, name), a), (a,))
    run()


def test_broadcast_to(mod, ref):
    @SETTINGS
    @given(arrays(1), st.integers(-1, 3))
    def run(a, n):
        same(outcome(ref["broadcast_rows"], a, n), outcome(mod.broadcast_rows, a, n))
    run()


def test_dtype_as_constructor_argument(mod, ref):
    a = np.arange(6, dtype=np.int32).reshape(2, 3)
    same(outcome(ref["dtype_ctor"], a), outcome(mod.dtype_ctor, a))


def test_reshape_of_contiguous_is_a_view(mod):
    a = np.arange(4.0)
    out = mod.write_through_reshape(a)
    assert out[0] == 99.0 and a[0] == 99.0


def test_reshape_error_messages(mod):
    a = np.zeros((3, 4))
    with pytest.raises(ValueError, match=r"^cannot reshape array of size 12 into shape \(5\)$"):
        mod.reshape_cols(a, 5)
    with pytest.raises(ValueError, match=r"^cannot reshape array of size 12 into shape \(5,newaxis,2\)$"):
        mod.reshape_tuple(a, 5, 2)
    with pytest.raises(ValueError, match="^can only specify one unknown dimension$"):
        mod.reshape_cols(a, -1)
    empty = np.zeros((0, 3))
    with pytest.raises(ValueError, match=r"^cannot reshape array of size 0 into shape "
                                         r"\(4611686018427387904,newaxis,4\)$"):
        mod.reshape_tuple(empty, 2**62, 4)      # the known sizes overflow: NumPy's error, no huge view


def test_no_reference_leaks(mod):
    from array_support import assert_no_reference_leak
    a, strided = np.arange(12.0).reshape(3, 4), np.zeros((6, 8))[::2, ::2]
    for name, args in [("reshape_cols", (a, 4)), ("reshape_cols", (a, 5)), ("reshape_cols", (strided, 2)),
                       ("reshape_tuple", (np.asfortranarray(a), 3, 2)), ("ravel", (strided,)), ("transpose", (a,)),
                       ("view_i4", (a,)), ("view_i4", (strided,)), ("expand0", (a,)), ("flip", (a,)),
                       ("flatten", (a,)), ("astype_i4", (a,))]:
        assert_no_reference_leak(getattr(mod, name), *args)
