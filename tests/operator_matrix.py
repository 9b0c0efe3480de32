"""The operator matrix: every scalar operator over every signature type (and every
pair of them), one generated source with an export per case, and a pure-Python model
of numba's semantics to compare values with when numba is not installed.

The numba result types live in tests/test_operator_matrix.py as a table written by
`python3 tests/operator_matrix.py` (run where numba is installed).
"""

from __future__ import annotations

import itertools
import math
import operator
import sys

import numpy as np

TYPES = ("b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f4", "f8", "c8", "c16")
LONG = {"b1": "boolean", "i1": "int8", "i2": "int16", "i4": "int32", "i8": "int64", "u1": "uint8",
        "u2": "uint16", "u4": "uint32", "u8": "uint64", "f4": "float32", "f8": "float64",
        "c8": "complex64", "c16": "complex128"}
SHORT = {v: k for k, v in LONG.items()} | {"bool": "b1"}

BINARY = {"add": "x + y", "sub": "x - y", "mul": "x * y", "truediv": "x / y", "floordiv": "x // y",
          "mod": "x % y", "pow": "x ** y", "and": "x & y", "or": "x | y", "xor": "x ^ y",
          "lshift": "x << y", "rshift": "x >> y", "eq": "x == y", "ne": "x != y", "lt": "x < y",
          "le": "x <= y", "gt": "x > y", "ge": "x >= y", "min": "min(x, y)", "max": "max(x, y)",
          "complex2": "complex(x, y)", "round2": "round(x, y)"}
UNARY = {"neg": "-x", "pos": "+x", "invert": "~x", "not": "not x", "abs": "abs(x)", "int": "int(x)",
         "float": "float(x)", "bool": "bool(x)", "complex": "complex(x)", "round": "round(x)"}
OPS = BINARY | UNARY


def arg_types(op):
    return list(itertools.product(TYPES, TYPES)) if op in BINARY else [(t,) for t in TYPES]


def export_name(op, args) -> str:
    return "_".join(("op", op) + tuple(args))


def source(cases, module="opmatrix") -> str:
    """One numba.pycc source with an export per (op, arg types); return types inferred."""
    lines = ["from numba.pycc import CC", "from numba import " + ", ".join(LONG.values()), "",
             f"cc = CC({module!r})", ""]
    for op, args in cases:
        name = export_name(op, args)
        params = ", ".join("xy"[:len(args)])
        sig = ", ".join(LONG[t] for t in args) + ("," if len(args) == 1 else "")
        lines += [f"@cc.export({name!r}, ({sig}))", f"def {name}({params}):",
                  f"    return {OPS[op]}", "", ""]
    return "\n".join(lines)


# -- the table of numba's result types --

def format_table(types: dict) -> str:
    """types maps (op, args) -> short result name or None; one grid per binary op."""
    out = []
    for op in OPS:
        if op in BINARY:
            rows = ["    " + "".join(f"{t:>4}" for t in TYPES)]
            for a in TYPES:
                rows.append(f"{a:>4}" + "".join(f"{types[op, (a, b)] or '-':>4}" for b in TYPES))
            out.append(f"    {op!r}: '''\n" + "\n".join(rows) + "''',")
        else:
            out.append(f"    {op!r}: '{' '.join(types[op, (a,)] or '-' for a in TYPES)}',")
    return "{\n" + "\n".join(out) + "\n}"


def parse_table(table: dict) -> dict:
    """The inverse of format_table: (op, args) -> short result name or None."""
    types = {}
    for op, text in table.items():
        if op in BINARY:
            rows = [r.split() for r in text.strip("\n").splitlines()[1:]]
            for a, row in zip(TYPES, rows):
                assert row[0] == a and len(row) == len(TYPES) + 1, (op, row)
                for b, r in zip(TYPES, row[1:]):
                    types[op, (a, b)] = None if r == "-" else r
        else:
            for a, r in zip(TYPES, text.split()):
                types[op, (a,)] = None if r == "-" else r
    return types


def numba_function(op, args):
    """The case as a numba.njit function compiled for its argument types (raises if illegal)."""
    import numba
    ns = {}
    exec(f"def f({', '.join('xy'[:len(args)])}):\n    return {OPS[op]}\n", ns)
    return numba.njit(tuple(getattr(numba, LONG[t]) for t in args))(ns["f"])


def numba_result_type(op, args):
    try:
        f = numba_function(op, args)
    except Exception:   # TypingError, and lowering errors such as min() of complex
        return None
    return SHORT[str(f.nopython_signatures[0].return_type)]


# -- a model of numba's scalar semantics, in Python --

BITS = {"i1": 8, "i2": 16, "i4": 32, "i8": 64, "u1": 8, "u2": 16, "u4": 32, "u8": 64}


def is_int(t):
    return t in BITS


def is_float(t):
    return t in ("f4", "f8")


def is_complex(t):
    return t in ("c8", "c16")


def wrap(v: int, t: str) -> int:
    bits = BITS[t]
    v &= (1 << bits) - 1
    return v - (1 << bits) if t[0] == "i" and v >> (bits - 1) else v


def f32(v):
    """v rounded to float32; beyond its range that is +-inf, which is what the model wants."""
    with np.errstate(over="ignore"):
        return float(np.float32(v))


def cast(v, src, dst):
    """numba's conversion of a value of type src to type dst, as a Python value."""
    if dst == "b1":
        return bool(v)
    if is_complex(src) and not is_complex(dst):
        v, src = v.real, "f8"
    if is_int(dst):
        if isinstance(v, float):
            return wrap(int(v), dst)   # callers keep floats in range
        return wrap(int(v), dst)
    if dst == "f4":
        return f32(v)
    if dst == "f8":
        return float(v)
    re, im = (v.real, v.imag) if isinstance(v, complex) else (float(v), 0.0)
    if dst == "c8":
        re, im = f32(re), f32(im)
    return complex(re, im)


def _round_to(v, t):
    """A Python float result rounded to float32 where t is float32 (or complex64)."""
    if t == "f4":
        return f32(v)
    if t == "c8":
        return complex(f32(v.real), f32(v.imag))
    return v


def _float_divmod(x, y, t):
    """CPython's float_divmod, which numba follows, carried out in type t."""
    F = np.float32 if t == "f4" else np.float64
    x, y = F(x), F(y)
    if y == 0:
        raise ZeroDivisionError
    with np.errstate(all="ignore"):
        mod = np.fmod(x, y)
        div = (x - mod) / y
        if mod:
            if (y < 0) != (mod < 0):
                mod += y
                div -= F(1)
        else:
            mod = F(math.copysign(0.0, y))
        if div:
            floordiv = np.floor(div)
            if div - floordiv > F(0.5):
                floordiv += F(1)
        else:
            floordiv = F(math.copysign(0.0, float(x / y)))
    return float(floordiv), float(mod)


def _complex_div(a, b, t):
    """CPython's _Py_c_quot (numba's complex division), in type t."""
    F = np.float32 if t == "c8" else np.float64
    ar, ai, br, bi = F(a.real), F(a.imag), F(b.real), F(b.imag)
    with np.errstate(all="ignore"):
        if abs(br) >= abs(bi):
            if br == 0:
                raise ZeroDivisionError
            ratio = bi / br
            denom = br + bi * ratio
            return complex((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
        if abs(bi) >= abs(br):
            ratio = br / bi
            denom = br * ratio + bi
            return complex((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
        return complex(math.nan, math.nan)


def _int_pow(x, y, r):
    if y < 0:
        if x == 0:
            raise ZeroDivisionError
        return 1 if x == 1 else (-1 if y % 2 else 1) if x == -1 else 0
    return wrap(pow(x, y, 1 << 64), r)


def _float_pow(x, y, t):
    if x == 0 and y < 0 and not math.isinf(y):
        raise ZeroDivisionError   # as CPython (numba: inf for float ** float); 0.0 ** -inf is inf
    if x == 0 and y == -math.inf:
        return math.inf           # C's pow; CPython 3.10's math.pow raises ValueError here
    try:   # C's pow (as llvm.pow): inf on overflow, nan for a negative base and fractional power
        return _round_to(math.pow(x, y), t)
    except OverflowError:
        return math.copysign(math.inf, x) if x < 0 and float(y).is_integer() and y % 2 else math.inf
    except ValueError:
        return math.nan


def _float_int_pow(x, n, t):
    """numba's float ** int: squaring in t, then 1 / r for a negative exponent."""
    F = np.float32 if t == "f4" else np.float64
    if abs(n) > 0x10000:   # numba's cut-off to math.pow(x, float(n)), in float64
        return _round_to(_float_pow(x, float(n), "f8"), t)
    r, a, e = F(1), F(x), abs(n)
    with np.errstate(all="ignore"):
        while e:
            if e & 1:
                r *= a
            e >>= 1
            a *= a
        if n < 0:
            if x == 0:
                raise ZeroDivisionError
            r = F(1) / r   # numba raises ZeroDivisionError where x ** -n underflowed; we give inf
    return float(r)


def _c_pow(a, b):
    """CPython's _Py_c_pow (numba's complex power, in double precision); 0 to a negative
    or complex power raises ZeroDivisionError as in CPython (numba gives nan)."""
    if b == 0:
        return complex(1.0, 0.0)
    if a == 0:
        if b.imag != 0 or b.real < 0:
            raise ZeroDivisionError
        return complex(0.0, 0.0)
    with np.errstate(all="ignore"):   # C semantics: inf and nan, never an exception
        vabs = np.hypot(a.real, a.imag)
        length = np.power(vabs, b.real)
        at = np.arctan2(a.imag, a.real)
        phase = at * b.real
        if b.imag != 0:
            length /= np.exp(at * b.imag)
            phase += b.imag * np.log(vabs)
        return complex(float(length * np.cos(phase)), float(length * np.sin(phase)))


def model(op, args, types, r):
    """The result numba gives for op on values `args` of types `types`, result type r."""
    if op in BINARY:
        (x, y), (tx, ty) = args, types
    else:
        (x,), (tx,) = args, types
    if op in ("eq", "ne", "lt", "le", "gt", "ge"):
        common = _unify(tx, ty)
        a, b = cast(x, tx, common), cast(y, ty, common)
        return {"eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le,
                "gt": operator.gt, "ge": operator.ge}[op](a, b)
    if op in ("min", "max"):
        a, b = cast(x, tx, r), cast(y, ty, r)
        if op == "max":
            return b if b > a else a
        return b if b < a else a
    if op in ("lshift", "rshift"):
        a, n = cast(x, tx, r), int(y)
        return wrap(a << n if op == "lshift" else a >> n, r)
    if op in ("and", "or", "xor"):
        a, b = cast(x, tx, r), cast(y, ty, r)
        v = {"and": a & b, "or": a | b, "xor": a ^ b}[op]
        return bool(v) if r == "b1" else wrap(v, r)
    if op == "truediv":
        if is_int(r) or r == "b1":
            raise AssertionError(r)
        if is_complex(r):
            return _round_to(_complex_div(cast(x, tx, r), cast(y, ty, r), r), r)
        a, b = cast(x, tx, r), cast(y, ty, r)
        if b == 0:
            raise ZeroDivisionError
        return _round_to(_fdiv(a, b, r), r)
    if op == "pow":
        if is_int(r):
            return _int_pow(cast(x, tx, r), cast(y, ty, r) if is_int(ty) or ty == "b1" else y, r)
        if is_complex(r):
            a, b = cast(x, tx, r), cast(y, ty, r)
            if b == 2:
                return _complex_mul(a, a, r)
            return _round_to(_c_pow(a, b), r)
        if is_int(ty) or ty == "b1":
            return _float_int_pow(cast(x, tx, r), int(y), r)
        return _round_to(_float_pow(cast(x, tx, r), cast(y, ty, r), r), r)
    if op in ("add", "sub", "mul", "floordiv", "mod"):
        a, b = cast(x, tx, r), cast(y, ty, r)
        if is_int(r):
            if op in ("floordiv", "mod") and b == 0:
                raise ZeroDivisionError
            v = {"add": a + b, "sub": a - b, "mul": a * b}.get(op)
            if v is None:
                v = a // b if op == "floordiv" else a % b
            return wrap(v, r)
        if op in ("floordiv", "mod"):
            return _float_divmod(a, b, r)[op == "mod"]
        if op == "mul" and is_complex(r):
            return _complex_mul(a, b, r)
        with np.errstate(all="ignore"):
            F = {"f4": np.float32, "f8": np.float64, "c8": np.complex64, "c16": np.complex128}[r]
            v = {"add": np.add, "sub": np.subtract, "mul": np.multiply}[op](F(a), F(b))
        return complex(v) if is_complex(r) else float(v)
    if op == "complex2":
        part = "f8" if r == "c16" else "f4"
        return complex(cast(x, tx, part), cast(y, ty, part))
    if op == "round2":
        return _round_digits(cast(x, tx, r), int(y), r)
    # unary
    if op == "not":
        return not cast(x, tx, "b1")
    if op == "bool":
        return cast(x, tx, "b1")
    if op == "invert":
        return not x if r == "b1" else wrap(~cast(x, tx, r), r)
    if op in ("neg", "pos"):
        a = cast(x, tx, r)
        if is_int(r):
            return wrap(-a if op == "neg" else a, r)
        return -a if op == "neg" else a
    if op == "abs":
        if is_complex(tx):
            return _round_to(abs(complex(x)), r)
        return wrap(abs(cast(x, tx, r)), r) if is_int(r) else abs(cast(x, tx, r))
    if op in ("int", "round"):
        if is_float(tx):
            if not math.isfinite(x) or not -2.0 ** 63 <= x < 2.0 ** 63:
                raise OverflowError
            return wrap(int(x) if op == "int" else round(x), r)
        return cast(x, tx, r)
    if op in ("float", "complex"):
        return cast(x, tx, r)
    raise AssertionError(op)


def _round_digits(x, nd, t):
    """numba's round(x, ndigits): scale in float64, round to even in t, scale back."""
    if not math.isfinite(x):
        return x
    if nd >= 0:
        pow1, pow2 = (_pow10(nd - 22), 1e22) if nd > 22 else (_pow10(nd), 1.0)
        y = (x * pow1) * pow2
        if math.isinf(y):
            return x
        return _round_to(_rint(_round_to(y, t)) / pow2 / pow1, t)
    pow1 = _pow10(-nd)
    return _round_to(_rint(_round_to(x / pow1, t)) * pow1, t)


def _complex_mul(a, b, t):
    """numba's complex product, the schoolbook formula in t's float type."""
    F = np.float32 if t == "c8" else np.float64
    ar, ai, br, bi = F(a.real), F(a.imag), F(b.real), F(b.imag)
    with np.errstate(all="ignore"):
        return complex(float(ar * br - ai * bi), float(ar * bi + ai * br))


def _pow10(n):
    try:
        return 10.0 ** n
    except OverflowError:
        return math.inf


def _rint(v):
    return math.copysign(float(round(v)), v) if math.isfinite(v) else v


def _fdiv(a, b, r):
    F = np.float32 if r == "f4" else np.float64
    with np.errstate(all="ignore"):
        return float(F(a) / F(b))


def _unify(a, b):
    """The type numba compares a and b in: NumPy's promotion, with 64-bit mixed signs as float64."""
    if a == b:
        return a
    da = np.dtype(bool if a == "b1" else a.replace("c", "c").replace("i", "i").replace("u", "u"))
    db = np.dtype(bool if b == "b1" else b)
    p = np.promote_types(da, db)
    return {"b": "b1"}.get(p.kind, None) or f"{p.kind}{p.itemsize}".replace("c", "c")


if __name__ == "__main__":
    cases = [(op, args) for op in OPS for args in arg_types(op)]
    print(format_table({c: numba_result_type(*c) for c in cases}))
    sys.exit(0)
