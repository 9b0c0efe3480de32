"""Integer and floating helpers of Python's math module and builtins that numba
compiles: math.gcd, math.frexp, math.ldexp, divmod, pow (two arguments), with numba's
result types (frexp's exponent and ldexp's count are C ints); and math.isclose,
math.comb, math.factorial, which numba lacks, with CPython's semantics."""

from __future__ import annotations

import ast
import math

from llvmlite import ir

from ..backend.llvm_types import f64, i32, i64, value_type
from ..frontend import types as T
from .operators import arith, power
from .registry import lowerer, typer


def _args(inf, node, args, kws, name, count):
    if kws:
        raise inf.error(node, f"{name}() takes no keyword arguments")
    if len(args) != count:
        raise inf.error(node, f"{name}() takes {count} argument(s), {len(args)} given")
    for a, n in zip(args, node.args):
        if not isinstance(a, T.Scalar):
            raise inf.error(n, f"{name}() needs a number here, not {a.name}")


@typer("math.gcd")
def _gcd_type(inf, node, args, kws):
    _args(inf, node, args, kws, "math.gcd", 2)
    for a, n in zip(args, node.args):
        if not (a.is_int or a.is_bool):
            raise inf.error(n, f"math.gcd() needs integers, not {a.name}")
    a, b = args
    if a.kind == "u" and b.kind == "u":
        return a if a.bits >= b.bits else b
    # numba picks the narrowest of its int8..int64 / uint8..uint64 overloads both convert to
    bits = max(x.bits * (2 if x.kind == "u" and x.bits < 64 else 1) for x in (a, b) if not x.is_bool) \
        if not (a.is_bool and b.is_bool) else 8
    return T.Scalar("i", min(bits, 64))


@lowerer("math.gcd")
def _gcd(lw, node):
    ty = lw.type_of(node)
    b = lw.b
    mags = []
    for arg in node.args:
        aty = lw.type_of(arg)
        v = lw.cast(lw.expr(arg), aty, ty)
        v = lw.cast(v, ty, T.uint64 if ty.kind == "u" else T.int64)
        if ty.kind == "i":
            v = b.select(b.icmp_signed("<", v, ir.Constant(i64, 0)), b.neg(v), v)
        mags.append(v)
    return lw.cast(b.call(_gcd_function(lw), mags), T.uint64, ty)


def _gcd_function(lw):
    """Euclid's algorithm on magnitudes, as one internal function."""
    module = lw.unit.module
    name = "aot.gcd.u8"
    if name in module.globals:
        return module.globals[name]
    fn = ir.Function(module, ir.FunctionType(i64, [i64, i64]), name=name)
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    entry, loop, body, done = (fn.append_basic_block(n) for n in ("entry", "loop", "body", "done"))
    b = ir.IRBuilder(entry)
    b.branch(loop)
    b.position_at_end(loop)
    x, y = b.phi(i64), b.phi(i64)
    x.add_incoming(fn.args[0], entry)
    y.add_incoming(fn.args[1], entry)
    b.cbranch(b.icmp_unsigned("==", y, ir.Constant(i64, 0)), done, body)
    b.position_at_end(body)
    x.add_incoming(y, body)
    y.add_incoming(b.urem(x, y), body)
    b.branch(loop)
    b.position_at_end(done)
    b.ret(x)
    return fn


def _real_argument(inf, node, a, name):
    if not isinstance(a, T.Scalar) or a.is_complex:
        raise inf.error(node, f"{name}() needs a real number, not {a.name}")
    return a if a == T.float32 else T.float64


@typer("math.frexp")
def _frexp_type(inf, node, args, kws):
    _args(inf, node, args, kws, "math.frexp", 1)
    return T.Tuple((_real_argument(inf, node.args[0], args[0], "math.frexp"), T.int32))


@lowerer("math.frexp")
def _frexp(lw, node):
    ty = lw.type_of(node)
    fty = ty.items[0]
    x = lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), fty)
    lt = value_type(fty)
    fn = lw.unit.decl("frexp" if fty.bits == 64 else "frexpf", lt, [lt, i32.as_pointer()])
    slot = lw.alloca_entry(i32)
    lw.b.store(ir.Constant(i32, 0), slot)        # C leaves it unspecified for inf and nan
    m = lw.b.call(fn, [x, slot])
    finite = lw.b.fcmp_ordered("<", lw.b.call(lw.unit.intrinsic("llvm.fabs", lt), [x]),
                               ir.Constant(lt, float("inf")))
    e = lw.b.select(finite, lw.b.load(slot), ir.Constant(i32, 0))
    out = ir.Constant(value_type(ty), ir.Undefined)
    return lw.b.insert_value(lw.b.insert_value(out, m, 0), e, 1)


@typer("math.ldexp")
def _ldexp_type(inf, node, args, kws):
    _args(inf, node, args, kws, "math.ldexp", 2)
    if not (args[1].is_int or args[1].is_bool):
        raise inf.error(node.args[1], f"math.ldexp() needs an integer exponent, not {args[1].name}")
    return _real_argument(inf, node.args[0], args[0], "math.ldexp")


@lowerer("math.ldexp")
def _ldexp(lw, node):
    ty = lw.type_of(node)
    lt = value_type(ty)
    b = lw.b
    x = lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), ty)
    e = lw.cast(lw.expr(node.args[1]), lw.type_of(node.args[1]), T.int64)
    # beyond +-100000 every finite x has over- or underflowed: clamp instead of wrapping to 32 bits
    limit = ir.Constant(i64, 100000)
    e = b.select(b.icmp_signed(">", e, limit), limit, e)
    e = b.select(b.icmp_signed("<", e, b.neg(limit)), b.neg(limit), e)
    fn = lw.unit.decl("ldexp" if ty.bits == 64 else "ldexpf", lt, [lt, i32])
    return b.call(fn, [x, b.trunc(e, i32)])


@typer("builtins.divmod")
def _divmod_type(inf, node, args, kws):
    _args(inf, node, args, kws, "divmod", 2)
    a, b = args
    if a.is_complex or b.is_complex:
        raise inf.error(node, "divmod() is not defined for complex numbers")
    ty = T.arith_result(a, b)
    return T.Tuple((ty, ty))


@lowerer("builtins.divmod")
def _divmod(lw, node):
    ty = lw.type_of(node)
    item = ty.items[0]
    (a, b_), (a_ty, b_ty) = [lw.expr(n) for n in node.args], [lw.type_of(n) for n in node.args]
    x, y = lw.cast(a, a_ty, item), lw.cast(b_, b_ty, item)
    zero = ir.Constant(y.type, 0)
    b = lw.b
    if item.is_int:
        lw.check(b.icmp_unsigned("==", y, zero), "ZeroDivisionError", "integer division or modulo by zero")
    else:
        lw.check(b.fcmp_ordered("==", y, zero), "ZeroDivisionError", "float divmod()")
    q = arith(lw, ast.FloorDiv, x, item, y, item, item)
    r = arith(lw, ast.Mod, x, item, y, item, item)
    out = ir.Constant(value_type(ty), ir.Undefined)
    return b.insert_value(b.insert_value(out, q, 0), r, 1)


@typer("builtins.pow")
def _pow_type(inf, node, args, kws):
    from .operators import binop_type
    if len(args) == 3:
        raise inf.error(node, "pow() with a modulus is not supported (numba does not support it either); "
                              "write the loop")
    _args(inf, node, args, kws, "pow", 2)
    return binop_type(inf, _pow_node(node), args[0], args[1])


def _pow_node(node):
    """The `a ** b` that pow(a, b) computes, for the typing and lowering of **."""
    return ast.copy_location(ast.BinOp(left=node.args[0], op=ast.Pow(), right=node.args[1]), node)


@lowerer("builtins.pow")
def _pow(lw, node):
    a_node, b_node = node.args
    return power(lw, lw.expr(a_node), lw.type_of(a_node), lw.expr(b_node), lw.type_of(b_node),
                 lw.type_of(node), _pow_node(node))


# math.isclose, math.comb and math.factorial: numba 0.68 compiles none of them; they follow
# CPython (isclose's keyword-only tolerances and ValueError; comb and factorial raise
# OverflowError where CPython's result would not fit in int64, instead of wrapping).

@typer("math.isclose")
def _isclose_type(inf, node, args, kws):
    if len(args) != 2:
        raise inf.error(node, f"isclose() takes exactly 2 positional arguments ({len(args)} given)")
    for key in kws:
        if key not in ("rel_tol", "abs_tol"):
            raise inf.error(node, f"isclose() got an unexpected keyword argument '{key}'")
    for n, a in list(zip(node.args, args)) + [(kw.value, kws[kw.arg]) for kw in node.keywords]:
        if not isinstance(a, T.Scalar) or a.is_complex:
            raise inf.error(n, f"math.isclose() needs a real number here, not {a.name}")
    return T.boolean


def _float_of(lw, node):
    return lw.cast(lw.expr(node), lw.type_of(node), T.float64)


@lowerer("math.isclose")
def _isclose(lw, node):
    b = lw.b
    x, y = (_float_of(lw, n) for n in node.args)
    tol = {kw.arg: _float_of(lw, kw.value) for kw in node.keywords}
    rel = tol.get("rel_tol", ir.Constant(f64, 1e-09))
    tiny = tol.get("abs_tol", ir.Constant(f64, 0.0))
    zero = ir.Constant(f64, 0.0)
    lw.check(b.or_(b.fcmp_ordered("<", rel, zero), b.fcmp_ordered("<", tiny, zero)),
             "ValueError", "tolerances must be non-negative")
    fabs = lw.unit.intrinsic("llvm.fabs", f64)
    inf = ir.Constant(f64, float("inf"))
    infinite = b.or_(b.fcmp_ordered("==", b.call(fabs, [x]), inf), b.fcmp_ordered("==", b.call(fabs, [y]), inf))
    diff = b.call(fabs, [b.fsub(y, x)])
    near = b.or_(b.fcmp_ordered("<=", diff, b.call(fabs, [b.fmul(rel, y)])),
                 b.fcmp_ordered("<=", diff, b.call(fabs, [b.fmul(rel, x)])))
    near = b.or_(near, b.fcmp_ordered("<=", diff, tiny))
    # a == b first (equal infinities), then never close to an infinity, then the tolerances
    return b.or_(b.fcmp_ordered("==", x, y), b.and_(b.not_(infinite), near))


def _integer_args(inf, node, args, kws, name, count):
    _args(inf, node, args, kws, name, count)
    for a, n in zip(args, node.args):
        if not (a.is_int or a.is_bool):
            raise inf.error(n, f"'{a.name}' object cannot be interpreted as an integer")
    return T.int64


def _magnitude(lw, node, what):
    """An integer argument as uint64, ValueError if it is negative."""
    ty = lw.type_of(node)
    v = lw.expr(node)
    if ty.kind == "i":
        v = lw.cast(v, ty, T.int64)
        lw.check(lw.b.icmp_signed("<", v, ir.Constant(i64, 0)), "ValueError", what)
        return v
    return lw.cast(v, ty, T.uint64)


@typer("math.factorial")
def _factorial_type(inf, node, args, kws):
    return _integer_args(inf, node, args, kws, "math.factorial", 1)


_FACTORIALS = [math.factorial(k) for k in range(21)]      # 20! is the last below 2**63


@lowerer("math.factorial")
def _factorial(lw, node):
    b = lw.b
    n = _magnitude(lw, node.args[0], "factorial() not defined for negative values")
    lw.check(b.icmp_unsigned(">", n, ir.Constant(i64, 20)), "OverflowError",
             "factorial() result does not fit in int64")
    table = ir.Constant(ir.ArrayType(i64, 21), _FACTORIALS)
    return b.load(b.gep(lw.tuple_items(table, T.int64), [n]))


@typer("math.comb")
def _comb_type(inf, node, args, kws):
    return _integer_args(inf, node, args, kws, "math.comb", 2)


@lowerer("math.comb")
def _comb(lw, node):
    n = _magnitude(lw, node.args[0], "n must be a non-negative integer")
    k = _magnitude(lw, node.args[1], "k must be a non-negative integer")
    out = lw.alloca_entry(i64)
    status = lw.b.call(_comb_function(lw), [n, k, out])
    lw.check(lw.b.trunc(status, ir.IntType(1)), "OverflowError", "comb() result does not fit in int64")
    return lw.b.load(out)


def _comb_function(lw):
    """i64 comb(u64 n, u64 k, i64* out): 1 when the result exceeds int64.  r = C(n-k+i, i)
    for i = 1..min(k, n-k), each step r * (n-k+i) / i made exact without overflow by
    dividing out gcd(r, i) first; the steps grow, so the first that overflows means the
    result does."""
    module = lw.unit.module
    name = "aot.comb"
    if name in module.globals:
        return module.globals[name]
    fn = ir.Function(module, ir.FunctionType(i64, [i64, i64, i64.as_pointer()]), name=name)
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    n, k, out = fn.args
    entry, loop, body, found, done, over = (fn.append_basic_block(s) for s in
                                            ("entry", "loop", "body", "found", "done", "over"))
    b = ir.IRBuilder(entry)
    one, zero = ir.Constant(i64, 1), ir.Constant(i64, 0)
    b.store(zero, out)
    rest = b.sub(n, k)
    small = b.select(b.icmp_unsigned("<", rest, k), rest, k)
    b.cbranch(b.icmp_unsigned(">", k, n), done, loop)     # C(n, k) = 0 for k > n
    b.position_at_end(loop)
    r, i = b.phi(i64), b.phi(i64)
    r.add_incoming(one, entry)
    i.add_incoming(one, entry)
    b.cbranch(b.icmp_unsigned(">", i, small), found, body)
    b.position_at_end(found)
    b.store(r, out)
    b.branch(done)
    b.position_at_end(body)
    g = b.call(_gcd_function(lw), [r, i])
    m = b.udiv(b.add(b.sub(n, small), i), b.udiv(i, g))
    prod = b.umul_with_overflow(b.udiv(r, g), m)
    value = b.extract_value(prod, 0)
    bad = b.or_(b.extract_value(prod, 1), b.icmp_signed("<", value, zero))
    r.add_incoming(value, b.block)
    i.add_incoming(b.add(i, one), b.block)
    b.cbranch(bad, over, loop)
    b.position_at_end(over)
    b.ret(one)
    b.position_at_end(done)
    b.ret(zero)
    return fn
