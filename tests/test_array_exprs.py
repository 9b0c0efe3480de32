"""Elementwise array expressions, differentially against NumPy: broadcasting, dtypes
(numba's promotion: Python scalars count as int64/float64), views, F order, fusion,
the broadcast ValueError.  One module is built for the whole file."""

import numpy as np
import pytest

from conftest import build_and_load, cli

SOURCE = '''
import numpy as np
from numba.pycc import CC
cc = CC('arrx')

@cc.export('fused', 'f8[:](f8[:], f8[:])')
def fused(a, b):
    return a * b + np.sin(a) / 2.0

@cc.export('add2', 'f8[:, :](f8[:, :], f8[:])')
def add2(a, b):
    return a + b

@cc.export('outer_sub', 'f8[:, :](f8[:, :], f8[:, :])')
def outer_sub(a, b):
    return a - b

@cc.export('iadd_i4', 'i8[:, :](i4[:, :], i8[:])')
def iadd_i4(a, b):
    return a + b

@cc.export('i4_plus_1', 'i8[:](i4[:])')
def i4_plus_1(a):
    return a + 1

@cc.export('i4_plus_i4', 'i4[:](i4[:], i4[:])')
def i4_plus_i4(a, b):
    return a + b

@cc.export('f4_times', 'f8[:](f4[:])')
def f4_times(a):
    return a * 2.0

@cc.export('f4_div', 'f4[:](f4[:], f4[:])')
def f4_div(a, b):
    return a / b

@cc.export('int_div', 'f8[:](i8[:], i8[:])')
def int_div(a, b):
    return a / b

@cc.export('u8_i8', 'f8[:](u8[:], i8[:])')
def u8_i8(a, b):
    return a + b

@cc.export('i1_i1', 'i1[:](i1[:])')
def i1_i1(a):
    return a + np.int8(1)

@cc.export('bools', 'b1[:](b1[:], b1[:])')
def bools(a, b):
    return a + b

@cc.export('intdivmod', 'i8[:](i8[:], i8[:])')
def intdivmod(a, b):
    return a // b * 1000 + a % b

@cc.export('fdivzero', 'f8[:](f8[:], f8[:])')
def fdivzero(a, b):
    return a / b

@cc.export('mask', 'b1[:](f8[:])')
def mask(a):
    return (a > 0) & ~np.isnan(a)

@cc.export('where_clip', 'f8[:](f8[:])')
def where_clip(a):
    return np.where(a > 0, a, 0.0) + np.clip(a, -1.0, 1.0) + np.maximum(a, 0.5) - np.minimum(a, 0.0)

@cc.export('neg', 'i4[:](i4[:])')
def neg(a):
    return -a

@cc.export('stencil', 'f8[:](f8[:], f8)')
def stencil(u, dx):
    return (u[2:] - 2*u[1:-1] + u[:-2]) / dx**2

@cc.export('ufuncs', 'f8[:, :](f8[:, :])')
def ufuncs(a):
    return np.exp(-a) + np.sqrt(np.abs(a)) + np.arctan2(a, 1.0) + np.hypot(a, a) + np.floor(a)

@cc.export('scalar_left', 'f8[:](f8[:])')
def scalar_left(a):
    return 1.0 - 3.0 / (1.0 + a * a)

@cc.export('shift', 'f8[:](f8[:])')
def shift(a):
    a[1:] = a[:-1]
    return a

@cc.export('col', 'void(f8[:, :], f8[:], i8)')
def col(a, b, j):
    a[:, j] = b

@cc.export('fill_range', 'void(i4[:], i8, i8)')
def fill_range(a, i, j):
    a[i:j] = 2.7

@cc.export('rows', 'void(f8[:, :], f8[:])')
def rows(a, b):
    a[:, :] = b
    a[:] += 1.0

@cc.export('alias_iadd', 'f8[:](f8[:], f8[:])')
def alias_iadd(a, b):
    c = a
    c += b
    c[1:-1] *= 2
    return a

@cc.export('reverse_add', 'f8[:](f8[:])')
def reverse_add(a):
    a += a[::-1]
    return a

@cc.export('chain', 'f8[:](f8[:])')
def chain(a):
    b = np.zeros(len(a))
    b[:] = c = a * 2
    return c + b

@cc.export('int_iadd', 'void(i4[:, :], i8[:])')
def int_iadd(a, b):
    a += b

@cc.export('ellipsis', 'f8[:, :](f8[:, :], f8)')
def ellipsis(a, x):
    a[...] = x
    b = a[..., 1:]
    b[...] += 1.0
    return a[...] + a[..., 0]

@cc.export('ufunc_out', 'f8[:](f8[:], f8[:], f8[:])')
def ufunc_out(a, b, c):
    np.add(a, b, c)
    np.sqrt(c, c)
    return np.multiply(c, 2.0, c)

@cc.export('dot_1d', 'f8(f8[:], i8[:])')
def dot_1d(a, b):
    return np.dot(a, b)

@cc.export('matmul_1d', 'f8(f8[:], f8[:])')
def matmul_1d(a, b):
    return a @ b

@cc.export('method_dot_1d', 'i8(i8[:], i8[:])')
def method_dot_1d(a, b):
    return a.dot(b)

@cc.export('scalar_out', 'f8[:](f8[:], f8[:])')
def scalar_out(a, out):
    return np.multiply(a, 2.0, out)

@cc.export('maximum_out', 'void(i8[:, :], i8[:])')
def maximum_out(a, b):
    np.maximum(a, b, a)

@cc.export('complex_expr', 'c16[:](c16[:], f8[:])')
def complex_expr(z, x):
    return z * x + np.conj(z) - 1j * np.abs(z)

@cc.export('three_d', 'f8[:, :, :](f8[:, :, :], f8[:, :], f8[:])')
def three_d(a, b, c):
    return a * b - c / 2.0

@cc.export('fused_sum', 'f8(f8[:, :], f8[:])')
def fused_sum(a, b):
    return np.sum(a * b) + ((a - a.mean()) ** 2).mean() + np.max(np.abs(a - b)) + (a < b).sum()
'''


@pytest.fixture(scope="module")
def m(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("arrx"), "arrx", SOURCE)


def same(got, want, fresh=True):
    assert got.dtype == want.dtype, (got.dtype, want.dtype)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12, equal_nan=True)
    assert got.flags.c_contiguous or not fresh


def test_fused_and_views(m):
    rng = np.random.default_rng(1)
    a, b = rng.random(17), rng.random(17)
    same(m.fused(a, b), a * b + np.sin(a) / 2.0)
    same(m.fused(a[::3], b[1::3]), a[::3] * b[1::3] + np.sin(a[::3]) / 2.0)
    same(m.fused(a[:0], b[:0]), a[:0] * b[:0])


def test_broadcasting(m):
    rng = np.random.default_rng(2)
    a = rng.random((3, 4))
    for b in (rng.random(4), rng.random(1)):
        same(m.add2(a, b), a + b)
        same(m.add2(np.asfortranarray(a), b), a + b)
        same(m.add2(a[::-1, ::-1], b), a[::-1, ::-1] + b)
    col, row = rng.random((5, 1)), rng.random((1, 3))
    same(m.outer_sub(col, row), col - row)
    same(m.add2(np.zeros((0, 4)), rng.random(4)), np.zeros((0, 4)))
    same(m.add2(np.zeros((2, 0)), rng.random(1)), np.zeros((2, 0)))


def test_broadcast_error_message(m):
    with pytest.raises(ValueError, match=r"^operands could not be broadcast together with shapes \(3,\) \(4,\) $"):
        m.fused(np.zeros(3), np.zeros(4))
    with pytest.raises(ValueError, match=r"shapes \(2,3\) \(4,\) $"):
        m.add2(np.zeros((2, 3)), np.zeros(4))


def test_numba_dtypes(m):
    i4 = np.arange(-3, 3, dtype=np.int32)
    same(m.iadd_i4(i4.reshape(2, 3), np.arange(3)), i4.reshape(2, 3) + np.arange(3))
    same(m.i4_plus_1(i4), i4.astype(np.int64) + 1)
    same(m.i4_plus_i4(i4, i4), i4 + i4)
    f4 = np.linspace(-1, 1, 5, dtype=np.float32)
    same(m.f4_times(f4), f4.astype(np.float64) * 2.0)
    same(m.f4_div(f4, f4 + 2), f4 / (f4 + 2))
    same(m.int_div(np.arange(5), np.arange(1, 6)), np.arange(5) / np.arange(1, 6))
    same(m.u8_i8(np.arange(4, dtype=np.uint64), np.arange(4)), np.arange(4, dtype=np.uint64) + np.arange(4))
    i1 = np.array([1, 127, -128], dtype=np.int8)
    same(m.i1_i1(i1), i1 + np.int8(1))
    bl = np.array([True, False, True, False])
    same(m.bools(bl, bl[::-1]), bl + bl[::-1])
    same(m.neg(i4), -i4)


def test_division_by_zero_gives_numpys_values(m):
    a, b = np.array([7, -7, 3, 0]), np.array([2, 2, 0, 0])
    with np.errstate(divide="ignore", invalid="ignore"):
        same(m.intdivmod(a, b), a // b * 1000 + a % b)
        x, y = np.array([1.0, -1.0, 0.0, 2.0]), np.array([0.0, 0.0, 0.0, 4.0])
        same(m.fdivzero(x, y), x / y)


def test_predicates_and_selection(m):
    a = np.array([1.0, -1.0, np.nan, 0.0, 2.5, -0.3])
    same(m.mask(a), (a > 0) & ~np.isnan(a))
    same(m.where_clip(a), np.where(a > 0, a, 0.0) + np.clip(a, -1.0, 1.0) + np.maximum(a, 0.5) - np.minimum(a, 0.0))


def test_stencil_and_ufuncs(m):
    rng = np.random.default_rng(3)
    u = rng.random(12)
    same(m.stencil(u, 0.1), (u[2:] - 2 * u[1:-1] + u[:-2]) / 0.1 ** 2)
    same(m.stencil(u[:1], 0.1), u[:0])
    a = rng.standard_normal((4, 5))
    want = np.exp(-a) + np.sqrt(np.abs(a)) + np.arctan2(a, 1.0) + np.hypot(a, a) + np.floor(a)
    same(m.ufuncs(a), want)
    same(m.ufuncs(a[:, ::2]), want[:, ::2])
    same(m.scalar_left(a[0]), 1.0 - 3.0 / (1.0 + a[0] * a[0]))


def test_slice_stores(m):
    same(m.shift(np.arange(5.0)), np.array([0.0, 0.0, 1.0, 2.0, 3.0]))   # NumPy's result: no smear
    a = np.zeros((3, 2))
    m.col(a, np.ones(3), -1)
    same(a, np.array([[0.0, 1.0]] * 3), fresh=False)
    m.col(a, np.full(1, 5.0), 0)   # a length-1 right side broadcasts
    same(a, np.array([[5.0, 1.0]] * 3), fresh=False)
    with pytest.raises(ValueError, match=r"^could not broadcast input array from shape \(4,\) into shape \(3,\)$"):
        m.col(a, np.ones(4), 0)
    x = np.zeros(6, np.int32)
    m.fill_range(x, 1, -1)
    same(x, np.array([0, 2, 2, 2, 2, 0], np.int32))
    m.fill_range(x, 5, 2)          # an empty slice stores nothing
    same(x, np.array([0, 2, 2, 2, 2, 0], np.int32))
    a = np.zeros((2, 3), order="F")
    m.rows(a, np.arange(3.0))
    same(np.ascontiguousarray(a), np.array([[1.0, 2.0, 3.0]] * 2))


def test_augmented_assignment_in_place(m):
    a = np.arange(5.0)
    out = m.alias_iadd(a, np.ones(5))
    same(a, np.array([1.0, 4.0, 6.0, 8.0, 5.0]))
    assert out is a or np.shares_memory(out, a)
    same(m.reverse_add(np.arange(5.0)), np.full(5, 4.0))   # NumPy's result (numba reads written elements)
    same(m.chain(np.arange(3.0)), np.array([0.0, 4.0, 8.0]))
    x = np.arange(6, dtype=np.int32).reshape(2, 3)
    m.int_iadd(x, np.array([10, 20, 30]))
    same(x, np.array([[10, 21, 32], [13, 24, 35]], np.int32))
    v = np.arange(8.0)[::2]
    m.alias_iadd(v, np.ones(4))
    same(v, np.array([1.0, 6.0, 10.0, 7.0]), fresh=False)
    ro = np.zeros(3)
    ro.flags.writeable = False
    with pytest.raises(TypeError, match="read-only"):
        m.alias_iadd(ro, np.ones(3))


def test_fused_reductions(m):
    rng = np.random.default_rng(4)
    a, b = rng.standard_normal((3, 4)), rng.standard_normal(4)
    want = np.sum(a * b) + ((a - a.mean()) ** 2).mean() + np.max(np.abs(a - b)) + (a < b).sum()
    np.testing.assert_allclose(m.fused_sum(a, b), want, rtol=1e-12)
    np.testing.assert_allclose(m.fused_sum(a[:, ::-2], b[::2]), np.sum(a[:, ::-2] * b[::2])
                               + ((a[:, ::-2] - a[:, ::-2].mean()) ** 2).mean()
                               + np.max(np.abs(a[:, ::-2] - b[::2])) + (a[:, ::-2] < b[::2]).sum(), rtol=1e-12)


def test_ellipsis(m):
    a = np.zeros((3, 3))
    out = m.ellipsis(a, 2.0)
    same(a, np.array([[2.0, 3.0, 3.0]] * 3), fresh=False)
    same(out, a + a[..., 0])


def test_ufunc_out(m):
    a, b, c = np.arange(4.0), np.ones(4), np.zeros(4)
    r = m.ufunc_out(a, b, c)
    same(c, np.sqrt(a + b) * 2.0)
    assert r is c
    for args in [(a, b, np.zeros(3)), (a, np.ones(3), np.zeros(4)), (a, np.ones(1), np.zeros(2))]:
        # NumPy names the inputs and the out together: "... shapes (4,) (4,) (3,) "
        with pytest.raises(ValueError) as want:
            np.add(*args)
        with pytest.raises(ValueError) as got:
            m.ufunc_out(*args)
        assert str(got.value) == str(want.value)
    with pytest.raises(ValueError) as want:
        np.multiply(np.ones(3), 2.0, np.zeros(4))
    with pytest.raises(ValueError) as got:
        m.scalar_out(np.ones(3), np.zeros(4))
    assert str(got.value) == str(want.value)     # a scalar operand is shape ()
    x = np.arange(6).reshape(2, 3)
    m.maximum_out(x, np.array([2, 2, 7]))
    same(x, np.array([[2, 2, 7], [3, 4, 7]]), fresh=False)


def test_complex_and_three_dimensions(m):
    z, x = np.array([1 + 2j, 3 - 1j, 0j]), np.array([2.0, 0.5, -1.0])
    same(m.complex_expr(z, x), z * x + np.conj(z) - 1j * np.abs(z))
    rng = np.random.default_rng(6)
    a, b, c = rng.random((2, 3, 4)), rng.random((3, 1)), rng.random(4)
    same(m.three_d(a, b, c), a * b - c / 2.0)
    same(m.three_d(np.asfortranarray(a), b[::-1], c[::-1]), a * b[::-1] - c[::-1] / 2.0)
    same(m.three_d(a[:, :0], b[:0], c), a[:, :0] * b[:0] - c / 2.0)


FUSION_SOURCE = '''
import numpy as np
from numba.pycc import CC
cc = CC('fusion')

@cc.export('fused', 'f8[:](f8[:], f8[:])')
def fused(a, b):
    c = a * b + np.sin(a) / 2.0
    return c

@cc.export('fused_2d', 'f8[:, :](f8[:, :], f8[:])')
def fused_2d(a, b):
    return (a - b) ** 2 * np.exp(-a) + np.maximum(a, 0.0)

@cc.export('fused_sums', 'f8(f8[:], f8[:])')
def fused_sums(x, y):
    m = x.mean()
    return np.sum(x * y) + ((x - m) ** 2).mean() + np.argmax(np.abs(x))
'''


@pytest.mark.parametrize("export,allocations", [("fused", 1), ("fused_2d", 1), ("fused_sums", 0)])
def test_fusion_allocates_only_the_result(tmp_path, export, allocations):
    """An elementwise expression is one loop into its result, with no temporary per
    operator; a reduction of an expression allocates nothing (the IR as generated)."""
    (tmp_path / "src.py").write_text(FUSION_SOURCE)
    proc = cli("show", tmp_path / "src.py", export, "--stage", "ir")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count('call i32 @"aot_rt_alloc_array"') == allocations


def test_vector_products(m):
    """1-d dot products are native loops; lengths that differ raise NumPy's ValueError
    with its message for np.dot / a.dot and for @ / np.matmul."""
    a, k = np.linspace(-1.0, 2.0, 5), np.arange(5)
    for f, x, y in [(m.dot_1d, a[::-1], k), (m.matmul_1d, a, a[::2].repeat(2)[:5]), (m.method_dot_1d, k, k),
                    (m.dot_1d, a[:0], k[:0])]:
        assert np.isclose(f(x, y), np.dot(x, y), rtol=1e-12)
    for f, ref, x, y in [(m.dot_1d, np.dot, a, k[:3]), (m.matmul_1d, np.matmul, a, a[:3]),
                         (m.method_dot_1d, np.dot, k[:2], k)]:
        with pytest.raises(ValueError) as want:
            ref(x, y)
        with pytest.raises(ValueError) as got:
            f(x, y)
        assert str(got.value) == str(want.value)
