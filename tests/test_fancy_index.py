"""Boolean masks, integer-array indices, None/np.newaxis, `...`, row iteration and
`x in a` against NumPy, over hypothesis-drawn shapes and layouts; stores through
masks and index arrays, and the IndexError/ValueError NumPy raises."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from conftest import build_and_load
from test_reductions import agree, arrays

SOURCE = '''
import numpy as np
from aot_tool import CC
cc = CC('fancy')

@cc.export('mask1', 'f8[:](f8[:], b1[:])')
def mask1(a, m):
    return a[m]

@cc.export('mask2', 'f8[:](f8[:, :], b1[:, :])')
def mask2(a, m):
    return a[m]

@cc.export('positive', 'f8[:](f8[:, :])')
def positive(a):
    return a[a > 0]

@cc.export('mask_rows', 'f8[:, :](f8[:, :], b1[:])')
def mask_rows(a, m):
    return a[m]

@cc.export('mask_cols', 'f8[:, :](f8[:, :], b1[:])')
def mask_cols(a, m):
    return a[:, m]

@cc.export('take1', 'f8[:](f8[:], i8[:])')
def take1(a, i):
    return a[i]

@cc.export('take_rows', 'i4[:, :](i4[:, :], i4[:])')
def take_rows(a, i):
    return a[i]

@cc.export('take_in_row', 'f8[:](f8[:, :], i8[:])')
def take_in_row(a, i):
    return a[-1, i]

@cc.export('take_apart', 'f8[:, :](f8[:, :, :], i8[:])')
def take_apart(a, i):
    return a[0, :, i]

@cc.export('set_mask', 'f8[:](f8[:, :], b1[:, :], f8)')
def set_mask(a, m, v):
    a[m] = v
    return a.ravel()

@cc.export('set_mask_values', 'f8[:](f8[:], b1[:], f8[:])')
def set_mask_values(a, m, v):
    a[m] = v
    return a

@cc.export('set_take', 'f8[:](f8[:], i8[:], f8)')
def set_take(a, i, v):
    a[i] = v
    return a

@cc.export('set_take_values', 'f8[:](f8[:], i8[:], f8[:])')
def set_take_values(a, i, v):
    a[i] = v
    return a

@cc.export('clip_negative', 'f8[:, :](f8[:, :])')
def clip_negative(a):
    a[a < 0] = 0.0
    return a

@cc.export('bump', 'f8[:](f8[:], b1[:])')
def bump(a, m):
    a[m] += 1.5
    return a

@cc.export('column', 'f8[:, :](f8[:])')
def column(a):
    return a[:, np.newaxis]

@cc.export('lead', 'f8[:, :, :](f8[:, :])')
def lead(a):
    return a[None]

@cc.export('last_col', 'f8[:](f8[:, :])')
def last_col(a):
    return a[..., -1]

@cc.export('mid', 'f8[:, :](f8[:, :, :])')
def mid(a):
    return a[:, ..., 1]

@cc.export('outer', 'f8[:, :](f8[:], f8[:])')
def outer(x, y):
    return x[:, None] * y[None, :]

@cc.export('row_means', 'f8[:](f8[:, :])')
def row_means(a):
    out = np.zeros(a.shape[0])
    k = 0
    for row in a:
        out[k] = row.mean() if len(row) else 0.0
        k += 1
    return out

@cc.export('contains', 'b1(f8[:, :], f8)')
def contains(a, x):
    return x in a

@cc.export('masked_mean', 'f8(f8[:], f8[:])')
def masked_mean(a, b):
    return np.mean(a[b > 0])
'''


@pytest.fixture(scope="module")
def fancy(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("fancy"), "fancy", SOURCE)


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _copy_like(x):
    """A copy of x with the same layout (C, F or strided), so stores see the same view."""
    if x.flags.c_contiguous or x.flags.f_contiguous:
        return x.copy(order="K")
    big = np.zeros(tuple(2 * n for n in x.shape), dtype=x.dtype)
    view = big[tuple(slice(None, None, 2) for _ in x.shape)]
    view[...] = x
    return view


def _store(fn):
    """NumPy's side of a store kernel: the same statements on a copy."""
    def run(a, *rest):
        a = _copy_like(a)
        fn(a, *rest)
        return a
    return run


def _on_copy(kernel):
    """The compiled store kernel, run on a copy of its first argument."""
    return lambda a, *rest: kernel(_copy_like(a), *rest)


@SETTINGS
@given(a=arrays(2), data=st.data())
def test_masks(fancy, a, data):
    m = data.draw(hnp.arrays(np.bool_, a.shape))
    wrong = data.draw(hnp.arrays(np.bool_, hnp.array_shapes(min_dims=2, max_dims=2, min_side=0, max_side=7)))
    rows = data.draw(hnp.arrays(np.bool_, st.sampled_from([a.shape[0], a.shape[0] + 1])))
    cols = data.draw(hnp.arrays(np.bool_, st.sampled_from([a.shape[1], max(a.shape[1] - 1, 0)])))
    line = a.ravel()
    agree(fancy.mask1, lambda x, y: x[y], line, m.ravel())
    agree(fancy.mask2, lambda x, y: x[y], a, m)
    agree(fancy.mask2, lambda x, y: x[y], a, wrong)
    agree(fancy.positive, lambda x: x[x > 0], a)
    agree(fancy.mask_rows, lambda x, y: x[y], a, rows)
    agree(fancy.mask_cols, lambda x, y: x[:, y], a, cols)
    agree(_on_copy(fancy.set_mask), lambda x, y, v: _store(lambda x, y, v: x.__setitem__(y, v))(x, y, v).ravel(), a, m, 7.0)
    agree(_on_copy(fancy.clip_negative), _store(lambda x: x.__setitem__(x < 0, 0.0)), a)
    agree(_on_copy(fancy.bump), _store(lambda x, y: x.__setitem__(y, x[y] + 1.5)), line, m.ravel())
    values = data.draw(hnp.arrays(np.float64, st.sampled_from([int(m.sum()), 1, int(m.sum()) + 1])))
    agree(_on_copy(fancy.set_mask_values), _store(lambda x, y, v: x.__setitem__(y, v)), line, m.ravel(), values)
    agree(fancy.masked_mean, lambda x, y: np.mean(x[y > 0]) if (y > 0).any() else np.nan, line, line[::-1])


@SETTINGS
@given(a=arrays(2), b=arrays(3), data=st.data())
def test_integer_arrays(fancy, a, b, data):
    line = a.ravel()
    n = max(len(line), 1)
    idx = data.draw(hnp.arrays(np.int64, st.integers(0, 6), elements=st.integers(-n - 1, n)))
    agree(fancy.take1, lambda x, i: x[i], line, idx)
    # NumPy checks no index when each picked item is empty (np.zeros((0, 0))[[5]] has
    # shape (1, 0)); aot_tool raises IndexError there: those shapes are left out
    if a.shape[1] > 0:
        agree(fancy.take_rows, lambda x, i: x[i], a.astype(np.int32), idx.astype(np.int32))
    agree(fancy.take_in_row, lambda x, i: x[-1, i], a, idx)
    if b.shape[1] > 0:
        agree(fancy.take_apart, lambda x, i: x[0, :, i], b, idx)
    agree(_on_copy(fancy.set_take), _store(lambda x, i, v: x.__setitem__(i, v)), line, idx, -3.0)
    values = data.draw(hnp.arrays(np.float64, st.sampled_from([len(idx), 1, len(idx) + 2]),
                                  elements=st.floats(-5, 5)))
    agree(_on_copy(fancy.set_take_values), _store(lambda x, i, v: x.__setitem__(i, v)), line, idx, values)


@SETTINGS
@given(a=arrays(2), b=arrays(3), x=st.floats(-100, 100))
def test_new_axes_ellipsis_rows_in(fancy, a, b, x):
    line = a.ravel()
    agree(fancy.column, lambda v: v[:, np.newaxis], line)
    agree(fancy.lead, lambda v: v[None], a)
    agree(fancy.last_col, lambda v: v[..., -1], a)
    agree(fancy.mid, lambda v: v[:, ..., 1], b)
    agree(fancy.outer, lambda u, v: u[:, None] * v[None, :], line, line[::-1])
    agree(fancy.row_means, lambda v: np.array([r.mean() if len(r) else 0.0 for r in v]), a)
    assert fancy.contains(a, x) == (x in a)
    if a.size:
        assert fancy.contains(a, float(a.flat[-1]))


def test_messages(fancy):
    a = np.arange(4.0)
    with pytest.raises(IndexError, match="boolean index did not match indexed array along axis 0; "
                                         "size of axis is 4 but size of corresponding boolean axis is 2"):
        fancy.mask1(a, np.array([True, False]))
    with pytest.raises(IndexError, match="index 7 is out of bounds for axis 0 with size 4"):
        fancy.take1(a, np.array([0, 7]))
    with pytest.raises(IndexError, match="index 9 is out of bounds for axis 1 with size 4"):
        fancy.take_in_row(np.zeros((2, 4)), np.array([9]))
    with pytest.raises(ValueError, match="cannot assign 3 input values to the 2 output values"):
        fancy.set_mask_values(a.copy(), a > 1, np.ones(3))
    with pytest.raises(ValueError, match=r"value array of shape \(3,\) could not be broadcast to indexing "
                                         r"result of shape \(2,\)"):
        fancy.set_take_values(a.copy(), np.array([0, 1]), np.ones(3))
    unchanged = a.copy()
    with pytest.raises(IndexError):
        fancy.set_take(unchanged, np.array([1, 8]), 5.0)
    assert np.array_equal(unchanged, a)     # checked before anything is written
