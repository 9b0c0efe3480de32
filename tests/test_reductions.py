"""Reductions against NumPy over hypothesis-drawn shapes (sizes 0 and 1 included) and
layouts (C, F, non-contiguous views): whole-array and along every axis, constant and
variable axes, result dtypes, and the errors NumPy raises.

Float sums are pairwise in both but split differently, so float results are compared
with a relative tolerance of 1e-12 (plus 1e-12 absolute for sums that cancel)."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from conftest import build_and_load

# (export name, expression in `a` (and `k`, the axis), signature, NumPy reference)
WHOLE = ["sum", "prod", "mean", "min", "max", "argmin", "argmax", "any", "all", "std", "var"]
AXIS = ["sum", "prod", "mean", "min", "max", "argmin", "argmax", "any", "all", "std", "var", "cumsum", "cumprod"]
RESULT = {"argmin": "i8", "argmax": "i8", "any": "b1", "all": "b1"}


def _exports():
    lines = ["import numpy as np", "from aot_tool import CC", "cc = CC('red')"]

    def export(name, sig, args, body):
        lines.extend([f"@cc.export('{name}', '{sig}')", f"def {name}({args}):", f"    return {body}", ""])

    for f in WHOLE:
        r = RESULT.get(f, "f8")
        export(f"whole_{f}", f"{r}(f8[:, :])", "a", f"np.{f}(a)")
        export(f"method_{f}", f"{r}(f8[:, :, :])", "a", f"a.{f}()")
    for f in AXIS:
        r = RESULT.get(f, "f8")
        cum = f.startswith("cum")
        export(f"axis0_{f}", f"{r}[:{', :' if cum else ''}](f8[:, :])", "a", f"np.{f}(a, axis=0)")
        export(f"axis1_{f}", f"{r}[:{', :' if cum else ''}](f8[:, :])", "a", f"a.{f}(1)")
        export(f"axisk_{f}", f"{r}[:, :{', :' if cum else ''}](f8[:, :, :], i8)", "a, k", f"np.{f}(a, axis=k)")
        export(f"line_{f}", f"{r if not cum else r + '[:]'}(f8[:], i8)", "a, k", f"np.{f}(a, k)")
    # dtypes: integer widening, bool, float32, unsigned
    export("sum_i4", "i8(i4[:, :])", "a", "a.sum()")
    export("sum_i4_axis", "i8[:](i4[:, :], i8)", "a, k", "a.sum(axis=k)")
    export("sum_u1_axis", "u8[:](u1[:, :], i8)", "a, k", "np.sum(a, axis=k)")
    export("sum_b1", "i8(b1[:, :])", "a", "np.sum(a)")
    export("sum_f4", "f4(f4[:])", "a", "np.sum(a)")
    export("mean_i4_axis", "f8[:](i4[:, :], i8)", "a, k", "np.mean(a, axis=k)")
    export("var_i4", "f8(i4[:, :])", "a", "np.var(a)")
    export("max_i4_axis", "i4[:](i4[:, :], i8)", "a, k", "np.max(a, axis=k)")
    export("argmax_b1", "i8(b1[:, :])", "a", "np.argmax(a)")
    export("min_u1", "u1(u1[:])", "a", "a.min()")
    export("cumsum_i4", "i8[:](i4[:, :])", "a", "np.cumsum(a)")
    export("cumprod_b1_axis", "i8[:, :](b1[:, :], i8)", "a, k", "np.cumprod(a, axis=k)")
    export("prod_i4_axis", "i8[:](i4[:, :], i8)", "a, k", "np.prod(a, axis=k)")
    export("mean_c16", "c16(c16[:])", "a", "np.mean(a)")
    export("var_c16", "f8(c16[:])", "a", "np.var(a)")
    export("sum_c16_axis", "c16[:](c16[:, :], i8)", "a, k", "np.sum(a, axis=k)")
    export("all_i4_axis", "b1[:](i4[:, :], i8)", "a, k", "np.all(a, axis=k)")
    export("argmin_neg_const", "i8[:](f8[:, :])", "a", "a.argmin(axis=-1)")
    # statistics
    for f in ["nansum", "nanmean", "nanvar", "nanstd", "nanmin", "nanmax", "ptp", "average", "median",
              "count_nonzero"]:
        export(f"stat_{f}", f"{'i8' if f == 'count_nonzero' else 'f8'}(f8[:, :])", "a", f"np.{f}(a)")
    export("stat_count_axis", "i8[:](f8[:, :], i8)", "a, k", "np.count_nonzero(a, axis=k)")
    export("stat_percentile", "f8(f8[:, :], f8)", "a, q", "np.percentile(a, q)")
    export("stat_quantiles", "f8[:](f8[:], f8[:])", "a, q", "np.quantile(a, q)")
    export("stat_median_i4", "f8(i4[:])", "a", "np.median(a)")
    export("stat_nanmax_i4", "i4(i4[:])", "a", "np.nanmax(a)")
    # over elementwise expressions: fused (whole array) or materialised (axis=)
    export("fused_dot", "f8(f8[:, :], f8[:, :])", "a, b", "np.sum(a * b)")
    export("fused_count", "i8(f8[:, :])", "a", "(a > 0).sum()")
    export("fused_argmax", "i8(f8[:, :])", "a", "np.argmax(np.abs(a - 1.0))")
    export("fused_std", "f8(f8[:, :])", "a", "(a * 2.0).std()")
    export("fused_axis", "f8[:](f8[:, :], i8)", "a, k", "np.mean(a * a, axis=k)")
    export("fused_any", "b1(f8[:, :])", "a", "np.any(a > 50.0)")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def red(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("red"), "red", _exports())


def _layout(draw, base):
    """base as C, F or a non-contiguous (strided, reversed) view with the same values."""
    kind = draw(st.sampled_from(["C", "F", "S"]))
    if kind == "F":
        return np.asfortranarray(base)
    if kind == "S":
        big = np.zeros(tuple(2 * n for n in base.shape), dtype=base.dtype)
        view = big[tuple(slice(None, None, 2) for _ in base.shape)]
        view[...] = base
        flip = tuple(slice(None, None, -1) if draw(st.booleans()) else slice(None) for _ in base.shape)
        return view[flip][flip]
    return np.ascontiguousarray(base)


@st.composite
def arrays(draw, ndim, dtype=np.float64, max_side=7, nan=False):
    shape = draw(hnp.array_shapes(min_dims=ndim, max_dims=ndim, min_side=0, max_side=max_side))
    if np.dtype(dtype).kind == "f":
        elements = st.floats(-100, 100, allow_subnormal=False, width=np.dtype(dtype).itemsize * 8)
        if nan:
            elements = st.one_of(elements, st.just(float("nan")))
    elif np.dtype(dtype).kind == "c":
        elements = st.complex_numbers(max_magnitude=100, allow_nan=False, allow_infinity=False)
    elif np.dtype(dtype).kind == "b":
        elements = st.booleans()
    else:
        info = np.iinfo(dtype)
        elements = st.integers(max(info.min, -50), min(info.max, 50))
    return _layout(draw, draw(hnp.arrays(dtype, shape, elements=elements)))


def _outcome(fn, *args):
    try:
        return fn(*args), None
    except Exception as exc:     # noqa: BLE001 - the exception type is the result
        return None, type(exc)


def agree(got_fn, want_fn, *args, rtol=1e-12):
    got, gerr = _outcome(got_fn, *args)
    want, werr = _outcome(want_fn, *args)
    if werr is not None:
        # NumPy's AxisError is a ValueError (and an IndexError); we raise ValueError
        assert gerr is not None and issubclass(werr, gerr), (gerr, werr)
        return
    assert gerr is None, f"raised {gerr}, NumPy gave {want!r}"
    want = np.asarray(want)
    got_arr = np.asarray(got)
    assert got_arr.shape == want.shape, (got_arr.shape, want.shape)
    if isinstance(got, np.ndarray):
        assert got.dtype == want.dtype, (got.dtype, want.dtype)
    np.testing.assert_allclose(got_arr, want, rtol=rtol, atol=1e-12, equal_nan=True)


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("f", WHOLE)
@SETTINGS
@given(a=arrays(2, nan=True), b=arrays(3))
def test_whole_array(red, f, a, b):
    ref = getattr(np, f)
    with np.errstate(all="ignore"):
        agree(getattr(red, f"whole_{f}"), ref, a)
        agree(getattr(red, f"method_{f}"), ref, b)


@pytest.mark.parametrize("f", AXIS)
@SETTINGS
@given(a=arrays(2), b=arrays(3), line=arrays(1, max_side=40), k=st.integers(-4, 3))
def test_along_axes(red, f, a, b, line, k):
    ref = getattr(np, f)
    with np.errstate(all="ignore"):
        agree(getattr(red, f"axis0_{f}"), lambda x: ref(x, axis=0), a)
        agree(getattr(red, f"axis1_{f}"), lambda x: ref(x, axis=1), a)
        agree(getattr(red, f"axisk_{f}"), lambda x, k: ref(x, axis=k), b, k)
        agree(getattr(red, f"line_{f}"), lambda x, k: ref(x, axis=k), line, k % 3 - 1)


@SETTINGS
@given(i=arrays(2, np.int32), u=arrays(2, np.uint8), m=arrays(2, np.bool_), f4=arrays(1, np.float32, 40),
       c=arrays(1, np.complex128), c2=arrays(2, np.complex128), k=st.integers(-2, 1))
def test_dtypes(red, i, u, m, f4, c, c2, k):
    with np.errstate(all="ignore"):
        agree(red.sum_i4, np.sum, i)
        agree(red.sum_i4_axis, lambda x, k: x.sum(axis=k), i, k)
        agree(red.sum_u1_axis, lambda x, k: x.sum(axis=k), u, k)
        agree(red.sum_b1, np.sum, m)
        agree(red.sum_f4, np.sum, f4, rtol=1e-5)
        agree(red.mean_i4_axis, lambda x, k: x.mean(axis=k), i, k)
        agree(red.var_i4, np.var, i)
        agree(red.max_i4_axis, lambda x, k: x.max(axis=k), i, k)
        agree(red.argmax_b1, np.argmax, m)
        agree(red.min_u1, np.min, u[0] if u.shape[0] else u.ravel())
        agree(red.cumsum_i4, np.cumsum, i)
        agree(red.cumprod_b1_axis, lambda x, k: np.cumprod(x, axis=k), m, k)
        agree(red.prod_i4_axis, lambda x, k: np.prod(x, axis=k), i, k)
        agree(red.mean_c16, np.mean, c)
        agree(red.var_c16, np.var, c)
        agree(red.sum_c16_axis, lambda x, k: x.sum(axis=k), c2, k)
        agree(red.all_i4_axis, lambda x, k: x.all(axis=k), i, k)
        agree(red.argmin_neg_const, lambda x: x.argmin(axis=-1), i.astype(float))


@SETTINGS
@given(a=arrays(2), k=st.integers(-2, 1))
def test_over_expressions(red, a, k):
    with np.errstate(all="ignore"):
        agree(red.fused_dot, lambda x, y: np.sum(x * y), a, a[::-1])
        agree(red.fused_count, lambda x: (x > 0).sum(), a)
        agree(red.fused_argmax, lambda x: np.argmax(np.abs(x - 1.0)), a)
        agree(red.fused_std, lambda x: (x * 2.0).std(), a)
        agree(red.fused_axis, lambda x, k: np.mean(x * x, axis=k), a, k)
        agree(red.fused_any, lambda x: np.any(x > 50.0), a)


STATS = ["nansum", "nanmean", "nanvar", "nanstd", "nanmin", "nanmax", "ptp", "average", "median", "count_nonzero"]


@SETTINGS
@given(a=arrays(2, nan=True), line=arrays(1, max_side=30), i=arrays(1, np.int32), k=st.integers(-2, 1),
       q=st.floats(-10, 110), qs=hnp.arrays(np.float64, st.integers(0, 4), elements=st.floats(0, 1)))
def test_statistics(red, a, line, i, k, q, qs):
    with np.errstate(all="ignore"), np.testing.suppress_warnings() as quiet:
        quiet.filter(RuntimeWarning)
        for f in STATS:
            agree(getattr(red, f"stat_{f}"), getattr(np, f), a)
        agree(red.stat_count_axis, lambda x, k: np.count_nonzero(x, axis=k), a, k)
        agree(red.stat_percentile, np.percentile, a, q)
        agree(red.stat_quantiles, np.quantile, line, qs)
        agree(red.stat_median_i4, np.median, i)
        agree(red.stat_nanmax_i4, np.nanmax, i)


def test_errors_and_dtypes(red):
    empty = np.zeros((0, 3))
    with pytest.raises(ValueError, match="zero-size array to reduction operation minimum which has no identity"):
        red.whole_min(empty)
    with pytest.raises(ValueError, match="zero-size array to reduction operation maximum"):
        red.axis0_max(empty)
    assert red.axis1_max(empty).shape == (0,)   # the reduced axis has 3 elements
    with pytest.raises(ValueError, match="attempt to get argmin of an empty sequence"):
        red.whole_argmin(empty)
    axis_error = getattr(np, "exceptions", np).AxisError    # NumPy's, a ValueError and an IndexError
    with pytest.raises(axis_error, match="axis 3 is out of bounds for array of dimension 3"):
        red.axisk_sum(np.zeros((2, 2, 2)), 3)
    with pytest.raises(axis_error, match="axis -4 is out of bounds"):
        red.axisk_mean(np.zeros((2, 2, 2)), -4)
    assert np.isnan(red.whole_mean(empty))
    assert red.whole_sum(empty) == 0.0 and red.whole_prod(empty) == 1.0
    assert type(red.sum_i4(np.ones((2, 2), np.int32))) is int
    assert red.sum_u1_axis(np.full((300, 1), 255, np.uint8), 0)[0] == 300 * 255


def test_pairwise_accuracy(red):
    """Pairwise summation keeps the error of a long float sum at NumPy's level, far
    below a plain loop's."""
    x = np.full((1, 10**6 + 37), 0.1)
    exact = 0.1 * x.size
    got = red.whole_sum(x)
    assert abs(got - exact) <= 4 * abs(np.sum(x) - exact) + 1e-9
    plain = 0.0
    for v in x[0, :100000]:
        plain += v
    assert abs(red.whole_sum(x[:, :100000]) - 10000.0) < abs(plain - 10000.0)
