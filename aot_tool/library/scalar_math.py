"""math, cmath and NumPy functions on scalars.

As in numba, domain errors give NaN or infinities rather than ValueError
(math.sqrt(-1.0) is nan), and float32 arguments keep float32.  Real functions map to
LLVM intrinsics or libm; complex ones are written out here, so no C complex ABI is
involved.
"""

from __future__ import annotations

import math

from llvmlite import ir

from ..backend.convert import check_fits_int64
from ..backend.llvm_types import f32, f64, i1, i64, value_type
from ..frontend import types as T
from .operators import make_complex
from .registry import lowerer, typer

# name -> (LLVM intrinsic or libm function, number of arguments)
_REAL = {
    "sqrt": ("llvm.sqrt", 1), "exp": ("llvm.exp", 1), "log": ("llvm.log", 1), "log10": ("llvm.log10", 1),
    "log2": ("llvm.log2", 1), "log1p": ("log1p", 1), "expm1": ("expm1", 1), "sin": ("llvm.sin", 1),
    "cos": ("llvm.cos", 1), "tan": ("tan", 1), "asin": ("asin", 1), "acos": ("acos", 1), "atan": ("atan", 1),
    "atan2": ("atan2", 2), "sinh": ("sinh", 1), "cosh": ("cosh", 1), "tanh": ("tanh", 1), "asinh": ("asinh", 1),
    "acosh": ("acosh", 1), "atanh": ("atanh", 1), "hypot": ("hypot", 2), "fabs": ("llvm.fabs", 1),
    "copysign": ("llvm.copysign", 2), "pow": ("llvm.pow", 2), "erf": ("erf", 1), "erfc": ("erfc", 1),
    "gamma": ("tgamma", 1), "lgamma": ("lgamma", 1), "exp2": ("llvm.exp2", 1), "cbrt": ("cbrt", 1),
    "fmod": ("fmod", 2), "rint": ("llvm.rint", 1), "nextafter": ("nextafter", 2),
}
_NUMPY_NAMES = {"arcsin": "asin", "arccos": "acos", "arctan": "atan", "arctan2": "atan2", "arcsinh": "asinh",
                "arccosh": "acosh", "arctanh": "atanh", "power": "pow", "absolute": "abs"}
_ROUNDING = {"floor": "llvm.floor", "ceil": "llvm.ceil", "trunc": "llvm.trunc"}
_PREDICATES = ("isnan", "isinf", "isfinite")


def _real_result(args):
    return T.float32 if all(a == T.float32 for a in args) else T.float64


def _check_real(inf, node, args, name, count):
    if len(args) != count:
        raise inf.error(node, f"{name}() takes {count} argument(s), {len(args)} given")
    for a, n in zip(args, node.args):
        if not isinstance(a, T.Scalar):
            raise inf.error(n, f"{name}() needs a number, not {a.name} (the np. function takes arrays)")
        if a.is_complex:
            raise inf.error(n, f"{name}() of a complex number: use cmath")


def _math_typer(name, count, module):
    def rule(inf, node, args, kws):
        if kws:
            raise inf.error(node, f"{name}() takes no keyword arguments")
        if module != "math" and count == 1 and len(args) == 1 and isinstance(args[0], T.Scalar) \
                and args[0].is_complex and name in _COMPLEX_OK:
            return args[0]
        _check_real(inf, node, args, name, count)
        return _real_result(args)
    return rule


def _libm(lw, name, ty, count):
    lt = value_type(ty)
    if name.startswith("llvm."):
        return lw.unit.intrinsic(name, lt, count)
    cname = name + ("f" if ty == T.float32 else "")
    return lw.unit.decl(cname, lt, [lt] * count)


def _math_lowerer(name, count):
    target, _ = _REAL[name]

    def lower(lw, node):
        ty = lw.type_of(node)
        if ty.is_complex:
            return _COMPLEX_OK[name](lw, lw.expr(node.args[0]), ty)
        args = [lw.cast(lw.expr(a), lw.type_of(a), ty) for a in node.args]
        return lw.b.call(_libm(lw, target, ty, count), args)
    return lower


for _name, (_target, _count) in _REAL.items():
    for _module in ("math", "numpy"):
        typer(f"{_module}.{_name}")(_math_typer(_name, _count, _module))
        lowerer(f"{_module}.{_name}")(_math_lowerer(_name, _count))
for _np_name, _name in _NUMPY_NAMES.items():
    if _name in _REAL:
        typer(f"numpy.{_np_name}")(_math_typer(_name, _REAL[_name][1], "numpy"))
        lowerer(f"numpy.{_np_name}")(_math_lowerer(_name, _REAL[_name][1]))


# -- rounding: math.floor gives an int (as Python and numba), np.floor keeps the float --
def _rounding_typer(name, to_int):
    def rule(inf, node, args, kws):
        _check_real(inf, node, args, name, 1)
        if args[0].is_int or args[0].is_bool:
            return T.int64 if to_int else T.float64
        return T.int64 if to_int else args[0]
    return rule


def _rounding_lowerer(name):
    def lower(lw, node):
        a_ty, ty = lw.type_of(node.args[0]), lw.type_of(node)
        v = lw.expr(node.args[0])
        if a_ty.is_int or a_ty.is_bool:
            return lw.cast(v, a_ty, ty)
        r = lw.b.call(lw.unit.intrinsic(_ROUNDING[name], v.type), [v])
        if ty.is_int:
            check_fits_int64(lw, r)
        return lw.cast(r, a_ty, ty)
    return lower


for _name in _ROUNDING:
    typer(f"math.{_name}")(_rounding_typer(_name, True))
    lowerer(f"math.{_name}")(_rounding_lowerer(_name))
    typer(f"numpy.{_name}")(_rounding_typer(_name, False))
    lowerer(f"numpy.{_name}")(_rounding_lowerer(_name))


# -- predicates --
def _predicate_typer(name):
    def rule(inf, node, args, kws):
        if len(args) != 1 or not isinstance(args[0], T.Scalar):
            raise inf.error(node, f"{name}() takes one number")
        return T.boolean
    return rule


def _float_predicate(lw, name, v):
    b = lw.b
    if name == "isnan":
        return b.fcmp_unordered("uno", v, v)
    fabs = lw.unit.intrinsic("llvm.fabs", v.type)
    inf = ir.Constant(v.type, math.inf)
    if name == "isinf":
        return b.fcmp_ordered("==", b.call(fabs, [v]), inf)
    return b.fcmp_ordered("<", b.call(fabs, [v]), inf)


def _predicate_lowerer(name):
    def lower(lw, node):
        a_ty = lw.type_of(node.args[0])
        v = lw.expr(node.args[0])
        if a_ty.is_int or a_ty.is_bool:
            return ir.Constant(i1, int(name == "isfinite"))
        if a_ty.is_complex:
            re = _float_predicate(lw, name, lw.b.extract_value(v, 0))
            im = _float_predicate(lw, name, lw.b.extract_value(v, 1))
            return lw.b.and_(re, im) if name == "isfinite" else lw.b.or_(re, im)
        return _float_predicate(lw, name, v)
    return lower


for _name in _PREDICATES:
    for _module in ("math", "numpy", "cmath"):
        typer(f"{_module}.{_name}")(_predicate_typer(_name))
        lowerer(f"{_module}.{_name}")(_predicate_lowerer(_name))


# -- NumPy-only scalar functions --
@typer("numpy.abs", "numpy.absolute")
def _np_abs_type(inf, node, args, kws):
    from .registry import TYPERS
    return TYPERS["builtins.abs"](inf, node, args, kws)


@lowerer("numpy.abs", "numpy.absolute")
def _np_abs(lw, node):
    from .registry import LOWERERS
    return LOWERERS["builtins.abs"](lw, node)


@typer("numpy.sign")
def _sign_type(inf, node, args, kws):
    _check_real(inf, node, args, "sign", 1)
    return args[0] if not args[0].is_bool else T.int64


@lowerer("numpy.sign")
def _sign(lw, node):
    a_ty, ty = lw.type_of(node.args[0]), lw.type_of(node)
    v = lw.cast(lw.expr(node.args[0]), a_ty, ty)
    b = lw.b
    zero, one, minus = (ir.Constant(v.type, c) for c in ((0.0, 1.0, -1.0) if ty.is_float else (0, 1, -1)))
    if ty.is_float:
        pos, neg = b.fcmp_ordered(">", v, zero), b.fcmp_ordered("<", v, zero)
        return b.select(pos, one, b.select(neg, minus, b.select(b.fcmp_unordered("uno", v, v), v, zero)))
    if ty.kind == "u":
        return b.select(b.icmp_unsigned(">", v, zero), one, zero)
    return b.select(b.icmp_signed(">", v, zero), one, b.select(b.icmp_signed("<", v, zero), minus, zero))


@typer("numpy.spacing")
def _spacing_type(inf, node, args, kws):
    _check_real(inf, node, args, "spacing", 1)
    return _real_result(args)


@lowerer("numpy.spacing")
def _spacing(lw, node):
    ty = lw.type_of(node)
    v = lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), ty)
    b = lw.b
    inf = ir.Constant(v.type, math.inf)
    toward = b.select(b.fcmp_ordered("<", v, ir.Constant(v.type, 0.0)), ir.Constant(v.type, -math.inf), inf)
    nxt = b.call(_libm(lw, "nextafter", ty, 2), [v, toward])
    return b.fsub(nxt, v)


@typer("numpy.square")
def _square_type(inf, node, args, kws):
    if len(args) != 1 or not isinstance(args[0], T.Scalar):
        raise inf.error(node, "np.square() takes one number")
    a = args[0]
    return T.int64 if a.is_bool else a


@lowerer("numpy.square")
def _square(lw, node):
    import ast as _ast
    from .operators import arith
    a_ty, ty = lw.type_of(node.args[0]), lw.type_of(node)
    v = lw.expr(node.args[0])
    return arith(lw, _ast.Mult, v, a_ty, v, a_ty, ty)


@typer("numpy.deg2rad", "numpy.rad2deg", "numpy.radians", "numpy.degrees", "math.radians", "math.degrees")
def _angle_type(inf, node, args, kws):
    _check_real(inf, node, args, "angle conversion", 1)
    return _real_result(args)


@lowerer("numpy.deg2rad", "numpy.radians", "math.radians")
def _deg2rad(lw, node):
    ty = lw.type_of(node)
    v = lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), ty)
    return lw.b.fmul(v, ir.Constant(v.type, math.pi / 180.0))


@lowerer("numpy.rad2deg", "numpy.degrees", "math.degrees")
def _rad2deg(lw, node):
    ty = lw.type_of(node)
    v = lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), ty)
    return lw.b.fmul(v, ir.Constant(v.type, 180.0 / math.pi))


# -- complex functions (cmath, and NumPy's on complex arguments) --
def _parts(lw, z):
    return lw.b.extract_value(z, 0), lw.b.extract_value(z, 1)


def _f(lw, name, ty, *args):
    part = T.Scalar("f", ty.bits // 2)
    return lw.b.call(_libm(lw, name, part, len(args)), list(args))


def _c99_complex(lw, name, z, ty):
    """C99's complex function `name` (cexp, clog, csqrt) from the C library: Annex G's
    special values (infinities, NaNs, signed zeros) and no overflow in intermediate
    steps, which are what CPython's cmath gives too. complex64 goes through double."""
    b = lw.b
    re, im = _parts(lw, z)
    narrow = ty.bits == 64
    if narrow:
        re, im = b.fpext(re, f64), b.fpext(im, f64)
    pair = ir.LiteralStructType([f64, f64])   # `double complex` in registers, as C passes it
    out = b.call(lw.unit.decl(name, pair, [f64, f64]), [re, im])
    out_re, out_im = b.extract_value(out, 0), b.extract_value(out, 1)
    if narrow:
        out_re, out_im = b.fptrunc(out_re, f32), b.fptrunc(out_im, f32)
    return make_complex(b, z.type, out_re, out_im)


def complex_exp(lw, z, ty):
    return _c99_complex(lw, "cexp", z, ty)


def complex_log(lw, z, ty):
    return _c99_complex(lw, "clog", z, ty)


def complex_sqrt(lw, z, ty):
    return _c99_complex(lw, "csqrt", z, ty)


def complex_pow(lw, z, w, ty):
    """z ** w = exp(w log z), with 0 ** w = 0 for w with positive real part and z ** 0 = 1."""
    from .operators import complex_arith, _quiet
    import ast as _ast
    b = lw.b
    if ty.bits == 64 and not _quiet(lw):
        # a complex64 scalar power is computed in double precision, as numba does (CPython's
        # algorithm): w log z of a large |w| loses its phase in single precision.
        # Arrays follow NumPy, whose complex64 power stays in single precision.
        wide = value_type(T.complex128)

        def widen(v):
            re, im = _parts(lw, v)
            return make_complex(b, wide, b.fpext(re, f64), b.fpext(im, f64))
        out_re, out_im = _parts(lw, complex_pow(lw, widen(z), widen(w), T.complex128))
        return make_complex(b, z.type, b.fptrunc(out_re, f32), b.fptrunc(out_im, f32))
    zr, zi = _parts(lw, z)
    wr, wi = _parts(lw, w)
    zero = ir.Constant(zr.type, 0.0)
    result = complex_exp(lw, complex_arith(lw, _ast.Mult, w, complex_log(lw, z, ty)), ty)
    z_zero = b.and_(b.fcmp_ordered("==", zr, zero), b.fcmp_ordered("==", zi, zero))
    w_zero = b.and_(b.fcmp_ordered("==", wr, zero), b.fcmp_ordered("==", wi, zero))
    from .operators import _quiet
    if not _quiet(lw):   # arrays: NumPy's nan
        lw.check(b.and_(z_zero, b.and_(b.not_(w_zero), b.or_(b.fcmp_ordered("<", wr, zero),
                                                              b.fcmp_ordered("!=", wi, zero)))),
                 "ZeroDivisionError", "0.0 to a negative or complex power")
    zero_c = make_complex(b, z.type, zero, zero)
    one_c = make_complex(b, z.type, ir.Constant(zr.type, 1.0), zero)
    if _quiet(lw):   # NumPy: 0 ** w is 0 where w's real part is positive, else nan
        nan = ir.Constant(zr.type, math.nan)
        zero_c = b.select(b.fcmp_ordered(">", wr, zero), zero_c, make_complex(b, z.type, nan, nan))
    return b.select(w_zero, one_c, b.select(z_zero, zero_c, result))


_COMPLEX_OK = {"sqrt": complex_sqrt, "exp": complex_exp, "log": complex_log}


def _cmath_typer(name):
    def rule(inf, node, args, kws):
        if len(args) != 1 or not isinstance(args[0], T.Scalar):
            raise inf.error(node, f"cmath.{name}() takes one number")
        a = args[0]
        base = a if a.is_complex else (T.complex64 if a == T.float32 else T.complex128)
        if name == "phase":
            return T.Scalar("f", base.bits // 2)
        if name == "polar":
            part = T.Scalar("f", base.bits // 2)
            return T.Tuple((part, part))
        return base
    return rule


def _as_complex(lw, node):
    ty = lw.type_of(node)
    a_ty = lw.type_of(node.args[0])
    base = ty if isinstance(ty, T.Scalar) and ty.is_complex else (
        a_ty if a_ty.is_complex else (T.complex64 if a_ty == T.float32 else T.complex128))
    return lw.cast(lw.expr(node.args[0]), a_ty, base), base


for _name, _fn in _COMPLEX_OK.items():
    typer(f"cmath.{_name}")(_cmath_typer(_name))

    def _lower(lw, node, _fn=_fn):
        z, base = _as_complex(lw, node)
        return _fn(lw, z, base)
    lowerer(f"cmath.{_name}")(_lower)

typer("cmath.phase")(_cmath_typer("phase"))
typer("cmath.polar")(_cmath_typer("polar"))


@lowerer("cmath.phase")
def _phase(lw, node):
    z, base = _as_complex(lw, node)
    re, im = _parts(lw, z)
    return _f(lw, "atan2", base, im, re)


@lowerer("cmath.polar")
def _polar(lw, node):
    z, base = _as_complex(lw, node)
    re, im = _parts(lw, z)
    ty = lw.type_of(node)
    out = ir.Constant(value_type(ty), ir.Undefined)
    out = lw.b.insert_value(out, _f(lw, "hypot", base, re, im), 0)
    return lw.b.insert_value(out, _f(lw, "atan2", base, im, re), 1)


@typer("cmath.rect")
def _rect_type(inf, node, args, kws):
    _check_real(inf, node, args, "rect", 2)
    return T.complex128


@lowerer("cmath.rect")
def _rect(lw, node):
    r, phi = (lw.cast(lw.expr(a), lw.type_of(a), T.float64) for a in node.args)
    ty = T.complex128
    return make_complex(lw.b, value_type(ty), lw.b.fmul(r, _f(lw, "llvm.cos", ty, phi)),
                        lw.b.fmul(r, _f(lw, "llvm.sin", ty, phi)))


@typer("method.scalar.conjugate")
def _conj_type(inf, node, args, kws):
    a = args[0]
    if len(args) != 1:
        raise inf.error(node, "conjugate() takes no arguments")
    return a


@lowerer("method.scalar.conjugate")
def _conj(lw, node):
    ty = lw.type_of(node)
    v = lw.expr(node.func.value)
    if ty.is_complex:
        return lw.b.insert_value(v, lw.b.fneg(lw.b.extract_value(v, 1)), 1)
    return v


_ = (f32, f64, i64)
