"""Every array operator and the elementwise ufuncs over every dtype family, against
NumPy, over hypothesis-drawn broadcastable shapes (sizes 0 and 1 included), C, F and
strided operands.  The expected dtype is NumPy's for the element types with Python
scalars as int64/float64 (numba's rule, NumPy 2's weak scalars aside)."""

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from conftest import build_and_load

BINARY = {"add": "+", "sub": "-", "mul": "*", "div": "/", "fdiv": "//", "mod": "%", "pow": "**",
          "and": "&", "or": "|", "xor": "^", "lsh": "<<", "rsh": ">>", "eq": "==", "lt": "<", "ge": ">="}
UNARY = {"neg": "-a", "inv": "~a", "pos": "+a"}
UFUNCS1 = ["sqrt", "exp", "sin", "abs", "floor", "isnan", "sign", "square", "arctan"]
UFUNCS2 = ["maximum", "minimum", "arctan2", "hypot", "fmod", "add", "multiply"]
DTYPES = ["b1", "i1", "i4", "i8", "u1", "u8", "f4", "f8", "c16"]
NP = {"b1": np.bool_, "i1": np.int8, "i4": np.int32, "i8": np.int64, "u1": np.uint8, "u8": np.uint64,
      "f4": np.float32, "f8": np.float64, "c16": np.complex128, "u4": np.uint32}
MIXED = [("i4", "f8"), ("u8", "i8"), ("i1", "i8"), ("f4", "f8"), ("u1", "i1"), ("b1", "i4"), ("f8", "c16")]


def _numpy_ok(expr, x, y=None):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            eval(expr, {"np": np, "a": np.ones(1, x), "b": np.ones(1, y) if y else None})
            return True
        except TypeError:
            return False


def _rotate(options, k, count):
    """`count` items of `options` starting at k (so every family is covered across ops)."""
    return [options[(k + j) % len(options)] for j in range(count)]


SAME = [(d, d) for d in DTYPES]


def _cases():
    cases = []
    for k, (name, sym) in enumerate(BINARY.items()):
        combos = [("f8", "f8")] + _rotate(SAME, k, 3) + _rotate(MIXED, k, 2)
        for x, y in dict.fromkeys(combos):
            if x == y == "b1" and sym == "-":
                continue   # numba: int8; NumPy refuses
            if sym in ("<", ">=", "//", "%") and "c16" in (x, y):
                continue   # complex ordering and floor division: refused by numba
            if _numpy_ok(f"a {sym} b", NP[x], NP[y]):
                cases.append((f"b_{name}_{x}_{y}", f"a {sym} b", x, y))
    for name, expr in UNARY.items():
        for x in DTYPES:
            if x == "b1" and name == "neg":
                continue
            if _numpy_ok(expr, NP[x]):
                cases.append((f"u_{name}_{x}", expr, x, None))
    for k, f in enumerate(UFUNCS1):
        for x in dict.fromkeys(["f8"] + _rotate(DTYPES, 2 * k, 2)):
            if x == "c16" and f in ("floor", "sign", "arctan", "sqrt", "exp", "sin"):
                continue
            if _numpy_ok(f"np.{f}(a)", NP[x]):
                cases.append((f"f_{f}_{x}", f"np.{f}(a)", x, None))
    for k, f in enumerate(UFUNCS2):
        for x, y in dict.fromkeys([("f8", "f8")] + _rotate(SAME, k, 2) + _rotate(MIXED, k, 1)):
            if "c16" in (x, y) or (f == "fmod" and "b1" in (x, y)):
                continue
            if _numpy_ok(f"np.{f}(a, b)", NP[x], NP[y]):
                cases.append((f"f_{f}_{x}_{y}", f"np.{f}(a, b)", x, y))
    # 32- and 64-bit integers with float32 arrays: NumPy's float64 (numba gives float32)
    for x in ("i4", "i8", "u4"):
        cases.append((f"b_add_{x}_f4", "a + b", x, "f4"))
        cases.append((f"f_maximum_f4_{x}", "np.maximum(b, a)", x, "f4"))
    # scalars: Python int and float count as int64 and float64
    for x in ("i1", "u1", "f4", "b1"):
        cases.append((f"s_addint_{x}", "a + 3", x, None))
        cases.append((f"s_mulfloat_{x}", "a * 2.5", x, None))
        cases.append((f"s_rsub_{x}", "7 - a", x, None))
    cases.append(("s_powint_f4", "a ** 2", "f4", None))     # numba keeps float32 ** int in float32
    return cases


CASES = _cases()


def _source():
    lines = ["import numpy as np", "from numba.pycc import CC", "cc = CC('arrmatrix')"]
    for name, expr, x, y in CASES:
        args = f"{x}[:, :], {y}[:, :]" if y else f"{x}[:, :]"
        params = "a, b" if y else "a"
        lines += [f"@cc.export('{name}', '({args})')", f"def {name}({params}):", f"    return {expr}", ""]
    lines += ["@cc.export('bcast_1d', '(f8[:, :], i4[:])')", "def bcast_1d(a, b):",
              "    return a * b - np.sqrt(np.abs(a)) / (1.0 + b)", ""]
    return "\n".join(lines)


_BUILT = {}


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    if "error" in _BUILT:
        pytest.fail(_BUILT["error"])   # build once, fail every case fast
    if "module" not in _BUILT:
        try:
            _BUILT["module"] = build_and_load(tmp_path_factory.mktemp("arrmatrix"), "arrmatrix", _source())
        except AssertionError as exc:
            _BUILT["error"] = str(exc)
            raise
    return _BUILT["module"]


def _values(dtype, name):
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return st.booleans()
    if dt.kind in "iu":
        if name.startswith(("b_lsh", "b_rsh")):
            return st.integers(0, 7)
        if name.startswith("b_pow"):
            return st.integers(0, 3)
        lo = 0 if dt.kind == "u" else -50
        return st.integers(lo, 50)
    if dt.kind == "c":
        part = st.floats(-10, 10, width=64)
        return st.builds(complex, part, part)
    special = [0.0, -0.0, 0.5] if name.startswith("b_pow") and "c16" in name else [0.0, -0.0, 0.5, np.nan, np.inf]
    # (complex ** of infinities: NumPy special-cases integral exponents, exp(w log z) gives nan)
    return st.floats(-1e3, 1e3, width=dt.itemsize * 8) | st.sampled_from(special)


@st.composite
def _operands(draw, name, x, y):
    shapes = draw(hnp.mutually_broadcastable_shapes(num_shapes=2 if y else 1, min_dims=2, max_dims=2,
                                                    min_side=0, max_side=4)).input_shapes
    out = []
    for shape, dt in zip(shapes, [x, y] if y else [x]):
        layout = draw(st.sampled_from(["C", "F", "strided"]))
        big = shape if layout != "strided" else (shape[0] * 2, shape[1])
        arr = draw(hnp.arrays(NP[dt], big, elements=_values(NP[dt], name)))
        if layout == "F":
            arr = np.asfortranarray(arr)
        elif layout == "strided":
            arr = arr[::2]
        out.append(arr)
    return out


def _expected(expr, args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        env = {"np": np, "a": args[0], "b": args[1] if len(args) > 1 else None}
        if expr == "a ** 2" and args[0].dtype == np.float32:
            return args[0] ** np.float32(2)
        # Python scalars typed as numba types them: int64 / float64 0-d arrays
        expr = expr.replace("3", "np.asarray(3, np.int64)").replace("2.5", "np.asarray(2.5)") \
                   .replace("7 -", "np.asarray(7, np.int64) -")
        want = np.asarray(eval(expr, env))
        dtype = _numba_dtype(want.dtype, expr, args)
        if dtype != want.dtype and dtype.kind == "f":
            # computed by NumPy in the loop numba picks: the operands cast to float32 first
            env.update(a=args[0].astype(dtype), b=args[1].astype(dtype) if len(args) > 1 else None)
            want = np.asarray(eval(expr, env))
    return want.astype(dtype)


def _numba_dtype(numpy_dtype, expr, args):
    """numba's loop tables have no float16 loops (np.sqrt of int8 is float32) and divide
    integers of at most 16 bits in float32 (checked against numba 0.68)."""
    if numpy_dtype == np.float16:
        return np.dtype(np.float32)
    small = all(a.dtype.kind in "biu" and a.dtype.itemsize <= 2 for a in args)
    if expr == "a / b" and small:
        return np.dtype(np.float32)
    return numpy_dtype


def _same(got, want):
    want = np.asarray(want)
    assert got.dtype == want.dtype, (got.dtype, want.dtype)
    assert got.shape == want.shape
    if want.dtype.kind in "fc":
        tol = 2e-6 if want.dtype in (np.float32, np.complex64) else 1e-12
        np.testing.assert_allclose(got, want, rtol=tol, atol=tol, equal_nan=True)
    else:
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("name,expr,x,y", CASES, ids=[c[0] for c in CASES])
def test_matrix(mod, name, expr, x, y):
    @settings(max_examples=25, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(_operands(name, x, y))
    def check(args):
        _same(getattr(mod, name)(*args), _expected(expr, args))
    check()


def test_missing_leading_dimension(mod):
    rng = np.random.default_rng(5)
    a = rng.standard_normal((3, 4))
    for b in (np.arange(4, dtype=np.int32), np.arange(1, dtype=np.int32), np.arange(8, dtype=np.int32)[::2]):
        _same(mod.bcast_1d(a, b), a * b - np.sqrt(np.abs(a)) / (1.0 + b))
    with pytest.raises(ValueError, match=r"shapes \(3,4\) \(5,\)"):
        mod.bcast_1d(a, np.arange(5, dtype=np.int32))
