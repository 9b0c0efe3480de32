"""The types of the compiled language, as small frozen values, and numba's promotion rules.

Scalars are named as numba names them (int64, float32, complex128, boolean);
arrays carry dtype, ndim and layout ('C', 'F' or 'A'); tuples carry their items.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scalar:
    kind: str   # 'b' bool, 'i' signed, 'u' unsigned, 'f' float, 'c' complex
    bits: int

    @property
    def name(self) -> str:
        return {"b": "boolean", "i": f"int{self.bits}", "u": f"uint{self.bits}",
                "f": f"float{self.bits}", "c": f"complex{self.bits}"}[self.kind]

    @property
    def short(self) -> str:
        """numba's short spelling: f8, i4, b1, c16."""
        return "b1" if self.kind == "b" else f"{self.kind}{self.bits // 8}"

    @property
    def is_int(self) -> bool:
        return self.kind in "iu"

    @property
    def is_float(self) -> bool:
        return self.kind == "f"

    @property
    def is_complex(self) -> bool:
        return self.kind == "c"

    @property
    def is_bool(self) -> bool:
        return self.kind == "b"

    @property
    def itemsize(self) -> int:
        return 1 if self.kind == "b" else self.bits // 8

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Array:
    dtype: Scalar
    ndim: int
    layout: str  # 'C', 'F' or 'A'

    @property
    def name(self) -> str:
        dims = ", ".join([":"] * self.ndim)
        if self.layout == "C":
            dims = ", ".join([":"] * (self.ndim - 1) + ["::1"])
        elif self.layout == "F":
            dims = ", ".join(["::1"] + [":"] * (self.ndim - 1))
        return f"{self.dtype.name}[{dims}]"

    def __str__(self) -> str:
        return f"array({self.dtype.name}, {self.ndim}d, {self.layout})"


@dataclass(frozen=True)
class Tuple:
    items: tuple

    @property
    def name(self) -> str:
        return "(" + ", ".join(t.name for t in self.items) + ("," if len(self.items) == 1 else "") + ")"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class NoneType:
    name: str = "none"

    def __str__(self) -> str:
        return "none"


@dataclass(frozen=True)
class Optional:
    """numba's Optional: a value of `inner` or None.  Used where `inner` is due, it is
    unwrapped with a run-time check (TypeError "expected float64, got None")."""
    inner: object

    @property
    def name(self) -> str:
        return f"optional({self.inner.name})"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class RangeType:
    """The value of range(...): only iterated over, never stored in memory."""
    name: str = "range"

    def __str__(self) -> str:
        return "range"


@dataclass(frozen=True)
class Zip:
    """zip(...) of iterables: only iterated over in a `for`."""
    items: tuple

    @property
    def name(self) -> str:
        return "zip(" + ", ".join(t.name for t in self.items) + ")"


@dataclass(frozen=True)
class Enumerate:
    """enumerate(iterable[, start]): only iterated over in a `for`."""
    item: object

    @property
    def name(self) -> str:
        return f"enumerate({self.item.name})"


@dataclass(frozen=True)
class Reversed:
    """reversed(x) of a range, 1-d array, uniform tuple, list or str: only iterated over."""
    item: object

    @property
    def name(self) -> str:
        return f"reversed({self.item.name})"


@dataclass(frozen=True)
class Iterator:
    """iter(x) of a range, 1-d array, uniform tuple, zip or enumerate: the iterable and
    the position of the next item (library/iterators.py)."""
    source: object

    @property
    def name(self) -> str:
        return f"iterator({self.source.name})"


@dataclass(frozen=True)
class Generator:
    """The result of calling a generator function: only iterated over in a `for`,
    which inlines the generator's body (library/generators.py)."""
    typed: object = field(compare=False, hash=False)
    key: str = ""

    @property
    def name(self) -> str:
        return f"generator({self.key})"


@dataclass(frozen=True)
class Closure:
    """A lambda or inner function: its value is the tuple of the enclosing variables it
    reads (`captured`, read when the closure is used, as numba does)."""
    node: object = field(compare=False, hash=False)
    key: str = ""
    captured: tuple = ()      # ((name, type), ...)
    home: str = ""            # its file (infer.file_tag): same-named closures of two files differ

    @property
    def name(self) -> str:
        return f"closure({self.key})"


# values that exist only as the iterable of a `for`
ONLY_ITERATED = (RangeType, Zip, Enumerate, Reversed, Generator)


@dataclass(frozen=True)
class Module:
    """A module object such as `np` or `math`: only its attributes are values."""
    path: str

    @property
    def name(self) -> str:
        return f"module({self.path})"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Function:
    """A name that can be called: a builtin (path like 'math.sqrt') or a user function."""
    path: str    # a user function's is 'user:NAME@FILE-TAG' (infer_exprs.function_value)

    @property
    def name(self) -> str:
        return f"function({self.path.removeprefix('user:').split('@')[0]})"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class DType:
    """A dtype object used as a value (np.float32), for dtype= keywords."""
    dtype: Scalar

    @property
    def name(self) -> str:
        return f"dtype({self.dtype.name})"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class StrConst:
    """A string literal passed to a library function (side='left', kind='stable'):
    a compile-time option, never a run-time value."""
    value: str

    @property
    def name(self) -> str:
        return repr(self.value)

    def __str__(self) -> str:
        return self.name


boolean = Scalar("b", 8)
int8, int16, int32, int64 = (Scalar("i", b) for b in (8, 16, 32, 64))
uint8, uint16, uint32, uint64 = (Scalar("u", b) for b in (8, 16, 32, 64))
float32, float64 = Scalar("f", 32), Scalar("f", 64)
complex64, complex128 = Scalar("c", 64), Scalar("c", 128)
none = NoneType()
intp, uintp = int64, uint64

SCALARS = {
    "b1": boolean, "bool_": boolean, "boolean": boolean, "bool": boolean,
    "i1": int8, "int8": int8, "i2": int16, "int16": int16,
    "i4": int32, "int32": int32, "i8": int64, "int64": int64, "intp": intp, "intc": int32,
    "u1": uint8, "uint8": uint8, "u2": uint16, "uint16": uint16,
    "u4": uint32, "uint32": uint32, "u8": uint64, "uint64": uint64, "uintp": uintp, "uintc": uint32,
    "f4": float32, "float32": float32, "f8": float64, "float64": float64, "double": float64,
    "float": float64, "int": int64, "complex": complex128,
    "c8": complex64, "complex64": complex64, "c16": complex128, "complex128": complex128,
}
VOID_NAMES = ("void", "none")


def is_number(t) -> bool:
    return isinstance(t, Scalar)


def _numpy_promote(a: Scalar, b: Scalar) -> Scalar:
    """np.promote_types for the kinds we have: numba unifies two values this way
    (the branches of a variable, min/max, comparisons), so int8 with uint8 is int16
    and int64 with uint64 is float64."""
    kinds = "buifc"
    if a.kind == b.kind:
        return a if a.bits >= b.bits else b
    hi, lo = (a, b) if kinds.index(a.kind) > kinds.index(b.kind) else (b, a)
    if lo.kind == "b":
        return hi
    if hi.kind == "f":
        # an integer fits a float that has more mantissa bits than it has bits
        need = {8: 16, 16: 32, 32: 64, 64: 64}[lo.bits]
        return Scalar("f", max(hi.bits, need))
    if hi.kind == "c":
        if lo.kind == "f":
            return Scalar("c", max(hi.bits, 2 * lo.bits))
        need = {8: 64, 16: 64, 32: 128, 64: 128}[lo.bits]
        return Scalar("c", max(hi.bits, need))
    # hi is signed, lo unsigned: the signed type twice as wide as the unsigned one
    return Scalar("i", max(hi.bits, 2 * lo.bits)) if lo.bits < 64 else float64


# The widest integer each float type holds in numba's safe conversions (which choose
# the overload of an arithmetic operator): int16 and uint8 go to float32, uint16 does not.
_FLOAT32_SAFE = {Scalar("b", 8), int8, int16, Scalar("u", 8)}


def arith_result(a: Scalar, b: Scalar) -> Scalar:
    """numba's type of a + b, a - b, a * b, a // b, a % b, a & b: integers widen to
    64 bits, signed if either operand is signed (or bool), so int64 with uint64 is
    int64 (numba's integer typing NBEP); a float or complex operand takes the
    narrowest of its own width and the width the other operand converts to safely."""
    if a.kind in "bui" and b.kind in "bui":
        return uint64 if a.kind == "u" and b.kind == "u" else int64
    hi, lo = (a, b) if "buifc".index(a.kind) >= "buifc".index(b.kind) else (b, a)
    if lo.kind in "bui":
        if hi.bits == (32 if hi.kind == "f" else 64) and lo not in _FLOAT32_SAFE:
            return Scalar(hi.kind, hi.bits * 2)
        return hi
    return _numpy_promote(a, b)


def true_div_result(a: Scalar, b: Scalar) -> Scalar:
    r = arith_result(a, b)
    return float64 if r.kind in "bui" else r


def unify(a, b):
    """The type two values of types a and b share, or None (numba's unification)."""
    if a == b:
        return a
    if isinstance(a, (NoneType, Optional)) or isinstance(b, (NoneType, Optional)):
        return _unify_optional(a, b)
    if isinstance(a, Scalar) and isinstance(b, Scalar):
        return _numpy_promote(a, b)
    if isinstance(a, Tuple) and isinstance(b, Tuple) and len(a.items) == len(b.items):
        items = tuple(unify(x, y) for x, y in zip(a.items, b.items))
        return None if None in items else Tuple(items)
    if isinstance(a, Array) and isinstance(b, Array) and a.dtype == b.dtype and a.ndim == b.ndim:
        return Array(a.dtype, a.ndim, "A")
    if is_object(a) and is_object(b):
        return unify_objects(a, b, unify)
    return None


def _unify_optional(a, b):
    """none with T gives optional(T), as numba unifies them (T a scalar or a tuple)."""
    inner_a = a.inner if isinstance(a, Optional) else a
    inner_b = b.inner if isinstance(b, Optional) else b
    if isinstance(inner_a, NoneType):
        inner = inner_b
    elif isinstance(inner_b, NoneType):
        inner = inner_a
    else:
        inner = unify(inner_a, inner_b)
    if not isinstance(inner, (Scalar, Tuple)):
        return None
    return Optional(inner)


def can_convert(src, dst) -> bool:
    """Whether a value of type src may be stored where dst is due (implicit numba casts)."""
    if src == dst:
        return True
    if isinstance(dst, Optional):
        return isinstance(src, NoneType) or can_convert(src.inner if isinstance(src, Optional) else src, dst.inner)
    if isinstance(src, Scalar) and isinstance(dst, Scalar):
        return not (src.is_complex and not dst.is_complex)
    if isinstance(src, Array) and isinstance(dst, Array):
        return src.dtype == dst.dtype and src.ndim == dst.ndim and dst.layout in ("A", src.layout)
    if isinstance(src, Tuple) and isinstance(dst, Tuple) and len(src.items) == len(dst.items):
        return all(can_convert(s, d) for s, d in zip(src.items, dst.items))
    if is_object(src) and is_object(dst):
        return unify_objects(src, dst, unify) == dst
    return False


from .object_types import (DictType, ListType, SetType, TypeRef, UnicodeType, holds_refs,  # noqa: E402,F401
                           is_object, unicode_type, unify_objects)
