"""NumPy ufuncs that are operators in disguise (np.add, np.maximum, np.logical_and,
np.greater...) and the elementwise np.where / np.clip.

Each entry types and lowers one element: on scalars it is the scalar function, on
arrays the elementwise machinery (backend/array_expr.py) runs the same lowering per
element with the element types.  Scalar result types follow NumPy's loop selection,
as numba's do (`np.maximum(1, 2.0)` is 2.0).
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from .elementwise import ufunc_result
from .operators import arith, compare
from .registry import lowerer, typer

_ARITH = {"add": ast.Add, "subtract": ast.Sub, "multiply": ast.Mult, "divide": ast.Div,
          "true_divide": ast.Div, "floor_divide": ast.FloorDiv, "remainder": ast.Mod, "mod": ast.Mod,
          "power": ast.Pow, "pow": ast.Pow, "bitwise_and": ast.BitAnd, "bitwise_or": ast.BitOr,
          "bitwise_xor": ast.BitXor}
_COMPARE = {"equal": ast.Eq, "not_equal": ast.NotEq, "less": ast.Lt, "less_equal": ast.LtE,
            "greater": ast.Gt, "greater_equal": ast.GtE}
_LOGICAL = ("logical_and", "logical_or", "logical_xor")
_EXTREMA = ("maximum", "minimum", "fmax", "fmin")
_NUMPY_NAME = {"mod": "remainder", "pow": "power", "divide": "true_divide"}


def _scalars(inf, node, args, kws, name, count):
    if kws:
        raise inf.error(node, f"np.{name}() takes no keyword arguments here")
    if len(args) != count:
        raise inf.error(node, f"np.{name}() takes {count} argument(s), {len(args)} given")
    for a, n in zip(args, node.args):
        if not isinstance(a, T.Scalar):
            raise inf.error(n, f"np.{name}() needs numbers or arrays, not {a.name}")


def _ufunc_typer(name, count):
    def rule(inf, node, args, kws):
        _scalars(inf, node, args, kws, name, count)
        elem = ufunc_result(_NUMPY_NAME.get(name, name), tuple(args))
        if elem is None:
            raise inf.error(node, f"np.{name}() is not defined for {', '.join(a.name for a in args)}")
        return elem
    return rule


def _operands(lw, node):
    return [(lw.expr(a), lw.type_of(a)) for a in node.args]


for _name, _op in _ARITH.items():
    typer(f"numpy.{_name}")(_ufunc_typer(_name, 2))

    def _lower(lw, node, _op=_op):
        (a, a_ty), (b, b_ty) = _operands(lw, node)
        return arith(lw, _op, a, a_ty, b, b_ty, lw.type_of(node))
    lowerer(f"numpy.{_name}")(_lower)

for _name, _op in _COMPARE.items():
    typer(f"numpy.{_name}")(_ufunc_typer(_name, 2))

    def _lower(lw, node, _op=_op):
        (a, a_ty), (b, b_ty) = _operands(lw, node)
        return compare(lw, _op(), a, a_ty, b, b_ty)
    lowerer(f"numpy.{_name}")(_lower)

for _name in _LOGICAL:
    typer(f"numpy.{_name}")(_ufunc_typer(_name, 2))

    def _lower(lw, node, _name=_name):
        (a, a_ty), (b, b_ty) = _operands(lw, node)
        x, y = lw.to_bool(a, a_ty), lw.to_bool(b, b_ty)
        return {"logical_and": lw.b.and_, "logical_or": lw.b.or_, "logical_xor": lw.b.xor}[_name](x, y)
    lowerer(f"numpy.{_name}")(_lower)

typer("numpy.logical_not")(_ufunc_typer("logical_not", 1))
typer("numpy.negative")(_ufunc_typer("negative", 1))
typer("numpy.positive")(_ufunc_typer("positive", 1))
typer("numpy.invert")(_ufunc_typer("invert", 1))


@lowerer("numpy.logical_not")
def _logical_not(lw, node):
    (a, a_ty), = _operands(lw, node)
    return lw.b.not_(lw.to_bool(a, a_ty))


@lowerer("numpy.negative", "numpy.positive", "numpy.invert")
def _unary(lw, node):
    from .operators import make_complex
    (a, a_ty), = _operands(lw, node)
    ty = lw.type_of(node)
    name = lw.t.calls[node][1].split(".")[1]
    x = lw.cast(a, a_ty, ty)
    if name == "positive":
        return x
    if name == "invert":
        return lw.b.not_(x)
    if ty.is_int:
        return lw.b.neg(x)
    if ty.is_float:
        return lw.b.fneg(x)
    return make_complex(lw.b, x.type, lw.b.fneg(lw.b.extract_value(x, 0)), lw.b.fneg(lw.b.extract_value(x, 1)))


def extremum(lw, name, a, a_ty, b, b_ty, ty):
    """np.maximum/minimum propagate NaN (either one); np.fmax/fmin ignore it."""
    bld = lw.b
    x, y = lw.cast(a, a_ty, ty), lw.cast(b, b_ty, ty)
    bigger = name in ("maximum", "fmax")
    if ty.is_bool:
        return bld.or_(x, y) if bigger else bld.and_(x, y)
    if ty.is_int:
        pick_x = (bld.icmp_signed if ty.kind == "i" else bld.icmp_unsigned)(">=" if bigger else "<=", x, y)
        return bld.select(pick_x, x, y)
    if ty.is_complex:
        raise NotImplementedError("complex extrema")  # typing rejects them
    pick_x = bld.fcmp_ordered(">=" if bigger else "<=", x, y)
    x_nan, y_nan = bld.fcmp_unordered("uno", x, x), bld.fcmp_unordered("uno", y, y)
    if name in ("maximum", "minimum"):
        return bld.select(bld.or_(pick_x, x_nan), x, y)
    return bld.select(bld.or_(pick_x, y_nan), x, y)


for _name in _EXTREMA:
    def _type(inf, node, args, kws, _name=_name):
        elem = _ufunc_typer(_name, 2)(inf, node, args, kws)
        if elem.is_complex:
            raise inf.error(node, f"np.{_name}() of complex numbers is not supported")
        return elem
    typer(f"numpy.{_name}")(_type)

    def _lower(lw, node, _name=_name):
        (a, a_ty), (b, b_ty) = _operands(lw, node)
        return extremum(lw, _name, a, a_ty, b, b_ty, lw.type_of(node))
    lowerer(f"numpy.{_name}")(_lower)


@lowerer("numpy.fmod")
def _fmod(lw, node):
    """C's fmod: the remainder takes the dividend's sign; an integer one by 0 is 0 (NumPy)."""
    from .scalar_math import _libm
    (a, a_ty), (b, b_ty) = _operands(lw, node)
    ty = lw.type_of(node)
    x, y = lw.cast(a, a_ty, ty), lw.cast(b, b_ty, ty)
    bld = lw.b
    if ty.is_float:
        return bld.call(_libm(lw, "fmod", ty, 2), [x, y])
    zero, one = ir.Constant(x.type, 0), ir.Constant(x.type, 1)
    by_zero = bld.icmp_unsigned("==", y, zero)
    safe = bld.select(by_zero, one, y)
    if ty.kind == "i":
        # INT_MIN % -1 traps on x86: its remainder is 0
        safe = bld.select(bld.icmp_signed("==", safe, ir.Constant(x.type, -1)), one, safe)
    rem = bld.srem(x, safe) if ty.kind == "i" else bld.urem(x, safe)
    return bld.select(by_zero, zero, rem)


@typer("numpy.where")
def _where_type(inf, node, args, kws):
    if len(args) == 1 and isinstance(args[0], T.Array):
        from .selection import nonzero_type       # np.where(cond): the indices, as np.nonzero
        return nonzero_type(inf, node, args, kws)
    if kws or len(args) != 3:
        raise inf.error(node, "np.where() takes a condition and two values here (the one-argument "
                              "form is not supported on scalars)")
    for a, n in zip(args, node.args):
        if not isinstance(a, T.Scalar):
            raise inf.error(n, f"np.where() needs numbers or arrays, not {a.name}")
    return T.unify(args[1], args[2])


@lowerer("numpy.where")
def _where(lw, node):
    if len(node.args) == 1:
        from .selection import lower_nonzero
        return lower_nonzero(lw, node)
    (c, c_ty), (x, x_ty), (y, y_ty) = _operands(lw, node)
    ty = lw.type_of(node)
    return lw.b.select(lw.to_bool(c, c_ty), lw.cast(x, x_ty, ty), lw.cast(y, y_ty, ty))


@typer("numpy.clip")
def _clip_type(inf, node, args, kws):
    if kws or len(args) != 3:
        raise inf.error(node, "np.clip() takes an array, a lower and an upper bound")
    for a, n in zip(args, node.args):
        if not isinstance(a, T.Scalar) or a.is_complex:
            raise inf.error(n, f"np.clip() needs real numbers or arrays, not {a.name}")
    return args[0]


@lowerer("numpy.clip")
def _clip(lw, node):
    """min(max(a, lo), hi) with NaN propagated, in the array's type (numba's)."""
    (a, a_ty), (lo, lo_ty), (hi, hi_ty) = _operands(lw, node)
    ty = lw.type_of(node)
    raised = extremum(lw, "maximum", a, a_ty, lo, lo_ty, ty)
    return extremum(lw, "minimum", raised, ty, hi, hi_ty, ty)


@typer("numpy.conj", "numpy.conjugate")
def _conj_type(inf, node, args, kws):
    _scalars(inf, node, args, kws, "conj", 1)
    return args[0]


@lowerer("numpy.conj", "numpy.conjugate")
def _conj(lw, node):
    (a, a_ty), = _operands(lw, node)
    ty = lw.type_of(node)
    x = lw.cast(a, a_ty, ty)
    if ty.is_complex:
        return lw.b.insert_value(x, lw.b.fneg(lw.b.extract_value(x, 1)), 1)
    return x
