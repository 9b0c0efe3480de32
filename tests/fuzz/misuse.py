"""The values the call-time fuzzer passes where an export expects something else.

A case is plain data (variant names per argument, and how the call is shaped), so the
parent can pick cases by seed and the child, which builds the values, can be asked the
same case again for CPython's run.  `argument(t, variant)` builds one value for a
parameter of type `t` (tests/kernel_runner.py's signature types); `variants(t)` lists
the names that apply to it.  Variants named in `REFUSED` must never be accepted: the
boundary raises TypeError (README, "At the boundary"), so a call that returns with one
of them is counted as a finding.
"""

from __future__ import annotations

import fractions
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from kernel_runner import Array, ObjT, OptionalT, Scalar, TupleT  # noqa: E402  (as tests/ imports it)


class Raising(Exception):
    """What the hostile objects below raise, so their own error is recognisable."""


class BadIndex:
    def __index__(self):
        raise Raising("__index__")


class BadFloat:
    def __float__(self):
        raise Raising("__float__")


class BadNumber:
    """Every numeric conversion raises."""

    def __index__(self):
        raise Raising("__index__")

    __int__ = __float__ = __complex__ = __bool__ = __index__


class HugeIndex:
    def __index__(self):
        return 2 ** 80


class BadArray:
    """An array-like whose __array__ raises."""

    def __array__(self, dtype=None, copy=None):
        raise Raising("__array__")


class SubArray(np.ndarray):
    pass


class IntSub(int):
    pass


class FloatSub(float):
    pass


_HOSTILE = {
    "none": lambda: None, "str": lambda: "1.5", "bytes": lambda: b"\x00\x01",
    "list": lambda: [1, 2], "tuple0": lambda: (), "dict": lambda: {1: 2},
    "object": object, "bad_index": BadIndex, "bad_float": BadFloat,
    "bad_number": BadNumber, "huge_index": HugeIndex, "bad_array": BadArray,
    "fraction": lambda: fractions.Fraction(1, 3), "complex": lambda: 1 + 2j,
}

_SCALARS = {
    "huge_pos": lambda: 2 ** 70, "huge_neg": lambda: -2 ** 70, "i64_max": lambda: 2 ** 63 - 1,
    "i64_min": lambda: -2 ** 63, "u64_max": lambda: 2 ** 64 - 1, "nan": lambda: float("nan"),
    "inf": lambda: float("inf"), "ninf": lambda: float("-inf"), "big": lambda: 1e308,
    "tiny": lambda: 5e-324, "neg_zero": lambda: -0.0, "zero": lambda: 0, "minus_one": lambda: -1,
    "true": lambda: True, "int_sub": lambda: IntSub(3), "float_sub": lambda: FloatSub(2.5),
    "np_f2": lambda: np.float16(1.5), "np_i1": lambda: np.int8(-3), "np_u8": lambda: np.uint64(2 ** 64 - 1),
    "np_c8": lambda: np.complex64(1 + 1j), "np_bool": lambda: np.bool_(True),
    "np_nan": lambda: np.float64("nan"), "np_date": lambda: np.datetime64("2020-01-01"),
    "array0d": lambda: np.array(2.0), "array1": lambda: np.ones(1), "longdouble": lambda: np.longdouble(1.5),
}

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float16",
          "float32", "float64", "longdouble", "complex64", "complex128", "clongdouble",
          "datetime64[s]", "timedelta64[s]", "object", "U3", "S3", "V8", "i4,f8"]

_LAYOUT = ["zero_d", "more_dims", "fewer_dims", "empty", "noncontig", "negstride", "zerostride",
           "readonly", "byteswapped", "fortran", "matrix", "masked", "subclass", "nested_list",
           "scalar_value"]

_ANYWHERE = {"object", "dict", "bytes", "bad_array", "bad_number"}
_NOT_A_NUMBER = {"str", "list", "tuple0", "bad_index", "bad_float", "np_date", "dict"}
_NOT_AN_INT = {"nan", "inf", "ninf", "big", "tiny", "neg_zero", "float_sub", "complex", "np_c8",
               "huge_pos", "huge_neg", "huge_index", "np_f2", "longdouble", "u64_max", "np_u8"}
_NOT_AN_ARRAY = {"zero_d", "more_dims", "fewer_dims", "byteswapped", "nested_list", "scalar_value",
                 "complex", "fraction", "bad_index", "bad_float", "str", "list", "tuple0",
                 *(set(_SCALARS) - {"array1"})}
_NOT_CONTIGUOUS = {"noncontig", "negstride", "zerostride"}


def _base_scalar(dtype):
    if dtype.kind == "b":
        return True
    if dtype.kind in "iu":
        return 3
    if dtype.kind == "f":
        return 1.5
    return 1.5 - 0.5j


def base(t):
    """An ordinary value for a parameter of type t."""
    if t is None:
        return None
    if isinstance(t, Scalar):
        return _base_scalar(t.dtype)
    if isinstance(t, Array):
        shape = (3,) * t.ndim
        values = (np.arange(np.prod(shape)) % 5 + 1).reshape(shape).astype(t.dtype)
        return np.asfortranarray(values) if t.layout == "F" else values
    if isinstance(t, TupleT):
        return tuple(base(item) for item in t.items)
    if isinstance(t, OptionalT):
        return base(t.inner)
    if isinstance(t, ObjT):
        if t.kind == "str":
            return "ab, c"
        if t.kind == "list":
            return [base(t.item) for _ in range(3)]
        if t.kind == "dict":
            return {base(t.item[0]): base(t.item[1])}
    return None


def variants(t) -> list:
    names = list(_HOSTILE)
    if isinstance(t, OptionalT):
        t = t.inner
    if isinstance(t, Scalar):
        names += list(_SCALARS)
    elif isinstance(t, Array):
        names += [f"dtype:{d}" for d in DTYPES] + _LAYOUT
    elif isinstance(t, TupleT):
        names += ["as_list", "short", "long"] + [f"item{i}:{v}" for i in range(len(t.items))
                                                  for v in ("none", "str", "nan", "huge_pos", "bad_number")]
    elif isinstance(t, ObjT) and t.kind == "str":
        names += ["surrogate", "long_str", "str_sub", "bytes_str", "nonascii"]
    elif isinstance(t, ObjT) and t.kind == "list":
        names += ["item:none", "item:str", "item:huge_pos", "item:nan", "item:bad_number",
                  "empty_list", "as_tuple", "np_items", "nested"]
    return names


def _array_variant(t, name):
    a = base(t)
    if name.startswith("dtype:"):
        dt = np.dtype(name[6:])
        if dt.kind in "OUSV" or dt.names:
            return np.zeros(a.shape, dtype=dt)
        return a.astype(dt)
    if name == "zero_d":
        return np.array(a.flat[0])
    if name == "more_dims":
        return a[..., None]
    if name == "fewer_dims":
        return a.reshape(-1)[:3] if t.ndim > 1 else np.array(a[0])
    if name == "empty":
        return np.zeros((0,) * t.ndim, dtype=a.dtype)
    if name == "noncontig":
        return np.repeat(a, 2, axis=-1)[..., ::2]
    if name == "negstride":
        return a[..., ::-1]
    if name == "zerostride":
        return np.broadcast_to(a.reshape(-1)[:1].reshape((1,) * t.ndim), a.shape)
    if name == "readonly":
        a.flags.writeable = False
        return a
    if name == "byteswapped":
        return a.astype(a.dtype.newbyteorder()) if a.dtype.itemsize > 1 else a.astype(">i2")
    if name == "fortran":
        return np.asfortranarray(a) if t.layout != "F" else np.ascontiguousarray(a)
    if name == "matrix":
        return np.asmatrix(a.reshape(a.shape[0], -1) if a.ndim else a)
    if name == "masked":
        return np.ma.masked_array(a, mask=np.zeros(a.shape, bool))
    if name == "subclass":
        return a.view(SubArray)
    if name == "nested_list":
        return a.tolist()
    if name == "scalar_value":
        return a.flat[0].item()
    raise KeyError(name)


def _tuple_variant(t, name):
    b = base(t)
    if name == "as_list":
        return list(b)
    if name == "short":
        return b[:-1]
    if name == "long":
        return b + b[:1]
    index, _, what = name[4:].partition(":")
    items = list(b)
    items[int(index)] = (_HOSTILE.get(what) or _SCALARS[what])()
    return tuple(items)


_STR = {"surrogate": lambda: "a\ud800b", "long_str": lambda: "x, " * 100000,
        "str_sub": lambda: type("StrSub", (str,), {})("a,b"), "bytes_str": lambda: b"a,b",
        "nonascii": lambda: "é, ∑, 😀"}


def _list_variant(t, name):
    b = base(t)
    if name.startswith("item:"):
        what = name[5:]
        b[1] = (_HOSTILE.get(what) or _SCALARS[what])()
        return b
    if name == "empty_list":
        return []
    if name == "as_tuple":
        return tuple(b)
    if name == "np_items":
        return list(np.array(b))
    if name == "nested":
        return [b, b]
    raise KeyError(name)


def argument(t, name):
    """The value `name` for a parameter of type t ('base' is an ordinary one)."""
    if name == "base":
        return base(t)
    if name in _HOSTILE:
        return _HOSTILE[name]()
    if isinstance(t, OptionalT):
        t = t.inner
    if name in _SCALARS:
        return _SCALARS[name]()
    if isinstance(t, Array):
        return _array_variant(t, name)
    if isinstance(t, TupleT):
        return _tuple_variant(t, name)
    if name in _STR:
        return _STR[name]()
    return _list_variant(t, name)


CALL_SHAPES = ["too_few", "too_many", "no_args", "keywords", "bad_keyword", "dup_keyword"]


def call_arguments(types, names, params, shape="positional"):
    """(args, kwargs) for a call: per-argument variant `names`, shaped by `shape`."""
    args = [argument(t, n) for t, n in zip(types, names)]
    if shape == "too_few":
        return args[:-1], {}
    if shape == "too_many":
        return args + [1.0], {}
    if shape == "no_args":
        return [], {}
    if shape == "keywords":
        return [], dict(zip(params, args))
    if shape == "bad_keyword":
        return args, {"no_such_parameter": 1}
    if shape == "dup_keyword":
        return args, {params[0]: args[0]} if params else {"x": 1}
    return args, {}


def must_refuse(t, name) -> bool:
    """Whether the boundary has to raise for value `name` given to a parameter of type t:
    the clear cases only (README, "At the boundary"); where numba's boxing would take a
    value (an object's truth for a boolean, __float__ for a float) either outcome counts."""
    if name in ("base", "keywords"):
        return False
    if name in ("too_few", "too_many", "no_args", "bad_keyword", "dup_keyword"):
        return True
    if name == "none":
        return not (t is None or isinstance(t, OptionalT))
    if t is None:
        return False
    if isinstance(t, OptionalT):
        t = t.inner
    if name in _ANYWHERE:
        return True
    if isinstance(t, Scalar):
        if t.dtype.kind == "b":
            return False
        if t.dtype.kind in "iu" and name in _NOT_AN_INT:
            return not (name in ("u64_max", "np_u8") and t.dtype == np.uint64)
        if t.dtype.kind in "iu" and t.dtype.itemsize < 8 and name in ("i64_max", "i64_min"):
            return True
        if t.dtype.kind == "f" and name == "complex":
            return True
        return name in _NOT_A_NUMBER
    if isinstance(t, Array):
        if name.startswith("dtype:"):
            return np.dtype(name[6:]) != t.dtype
        if name == "matrix":
            return t.ndim != 2
        if name == "fortran":
            return t.layout != "A" and t.ndim > 1
        return name in _NOT_AN_ARRAY or (t.layout != "A" and name in _NOT_CONTIGUOUS)
    if isinstance(t, TupleT):
        if name in ("as_list", "short", "long", "str", "list", "tuple0", "complex", "bad_index", "bad_float"):
            return True
        if name.startswith("item"):
            index, _, what = name[4:].partition(":")
            return must_refuse(t.items[int(index)], what)
        return name in _SCALARS
    if isinstance(t, ObjT) and t.kind == "str":
        return name != "str" and name not in _STR or name == "bytes_str"
    if isinstance(t, ObjT) and t.kind == "list":
        if name.startswith("item:"):
            return must_refuse(t.item, name[5:])
        return name in ("str", "tuple0", "complex", "nested", "bad_index", "bad_float") or name in _SCALARS
    return False
