"""Arithmetic, unary and comparison operators on scalars, with numba's typing and
Python's rounding: `//` and `%` floor, `/` of integers gives float, division by zero
raises ZeroDivisionError, integer arithmetic wraps at 64 bits (as in numba)."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i1, value_type
from ..frontend import types as T

_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
           ast.Pow: "**", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<",
           ast.RShift: ">>", ast.MatMult: "@"}


def binop_type(inf, node, a, b):
    if T.is_object(a) or T.is_object(b):
        from .object_operators import object_binop_type
        return object_binop_type(inf, node, a, b)
    op = type(node.op)
    sym = _SYMBOL[op]
    if isinstance(a, T.Tuple) and isinstance(b, T.Tuple) and op is ast.Add:
        return T.Tuple(a.items + b.items)
    if not (isinstance(a, T.Scalar) and isinstance(b, T.Scalar)):
        raise inf.error(node, f"unsupported operand types for {sym}: {a.name} and {b.name}")
    if op is ast.MatMult:
        raise inf.error(node, "@ is not supported")
    if op in (ast.BitAnd, ast.BitOr, ast.BitXor, ast.LShift, ast.RShift):
        if not ((a.is_int or a.is_bool) and (b.is_int or b.is_bool)):
            raise inf.error(node, f"{sym} needs integers, not {a.name} and {b.name}")
        if a.is_bool and b.is_bool and op in (ast.BitAnd, ast.BitOr, ast.BitXor):
            return T.boolean
        if op in (ast.LShift, ast.RShift):
            # numba shifts in the left operand's signedness, whatever the count's type
            return T.uint64 if a.kind == "u" else T.int64
        return T.arith_result(a, b)
    if op is ast.Div:
        return T.true_div_result(a, b)
    if (a.is_complex or b.is_complex) and op in (ast.FloorDiv, ast.Mod):
        raise inf.error(node, f"{sym} is not defined for complex numbers")
    if op is ast.Pow and a.is_float and (b.is_int or b.is_bool):
        return a    # numba keeps float32 ** int in float32
    return T.arith_result(a, b)


def compare_check(inf, node, op, a, b) -> None:
    if T.is_object(a) or T.is_object(b):
        from .object_operators import object_compare_check
        return object_compare_check(inf, node, op, a, b)
    if isinstance(op, (ast.Is, ast.IsNot)):
        if not (isinstance(a, T.NoneType) or isinstance(b, T.NoneType)):
            raise inf.error(node, "`is` is only supported against None")
        return
    if isinstance(op, (ast.In, ast.NotIn)):
        from .containment import contains_check
        contains_check(inf, node, a, b)
        return
    if not (isinstance(a, T.Scalar) and isinstance(b, T.Scalar)):
        if isinstance(a, T.Tuple) and isinstance(b, T.Tuple) and isinstance(op, (ast.Eq, ast.NotEq)):
            return
        raise inf.error(node, f"cannot compare {a.name} and {b.name}")
    if (a.is_complex or b.is_complex) and not isinstance(op, (ast.Eq, ast.NotEq)):
        raise inf.error(node, "complex numbers can only be compared with == and !=")


# -- lowering --

def lower_binop(lw, node):
    if isinstance(node.op, ast.MatMult):
        from .linalg import lower_matmul
        return lower_matmul(lw, node)
    a_ty, b_ty = lw.type_of(node.left), lw.type_of(node.right)
    ty = lw.type_of(node)
    if T.is_object(ty):
        from .object_operators import lower_object_binop
        return lower_object_binop(lw, node)
    a, b = lw.expr(node.left), lw.expr(node.right)
    if isinstance(ty, T.Tuple):
        out = ir.Constant(value_type(ty), ir.Undefined)
        for i in range(len(a_ty.items)):
            out = lw.b.insert_value(out, lw.b.extract_value(a, i), i)
        for j in range(len(b_ty.items)):
            out = lw.b.insert_value(out, lw.b.extract_value(b, j), len(a_ty.items) + j)
        return out
    return arith(lw, type(node.op), a, a_ty, b, b_ty, ty, node)


def _quiet(lw) -> bool:
    """Inside an array expression: NumPy's results instead of ZeroDivisionError (x / 0 is
    inf or nan, an integer // or % by 0 is 0), as numba gives on arrays."""
    return getattr(lw, "elem_env", None) is not None


def arith(lw, op, a, a_ty, b, b_ty, ty, node=None):
    """a <op> b for scalars, computed in the operation type and giving `ty`."""
    bld = lw.b
    if ty.is_bool and op in (ast.Add, ast.Mult):   # NumPy's bool + bool and bool * bool
        x, y = lw.to_bool(a, a_ty), lw.to_bool(b, b_ty)
        return bld.or_(x, y) if op is ast.Add else bld.and_(x, y)
    if op is ast.Pow:
        return power(lw, a, a_ty, b, b_ty, ty, node)
    if op in (ast.LShift, ast.RShift, ast.BitAnd, ast.BitOr, ast.BitXor):
        x, y = lw.cast(a, a_ty, ty), lw.cast(b, b_ty, ty)
        if op is ast.LShift:
            return bld.shl(x, y)
        if op is ast.RShift:
            return bld.ashr(x, y) if ty.kind == "i" else bld.lshr(x, y)
        return {ast.BitAnd: bld.and_, ast.BitOr: bld.or_, ast.BitXor: bld.xor}[op](x, y)
    if op is ast.Div:
        x, y = lw.cast(a, a_ty, ty), lw.cast(b, b_ty, ty)
        if ty.is_complex:
            return complex_div(lw, x, y, ty)
        if not _quiet(lw):
            lw.check(bld.fcmp_ordered("==", y, ir.Constant(y.type, 0)), "ZeroDivisionError", "division by zero")
        return bld.fdiv(x, y)
    x, y = lw.cast(a, a_ty, ty), lw.cast(b, b_ty, ty)
    if ty.is_complex:
        return complex_arith(lw, op, x, y)
    if ty.is_int:
        signed = ty.kind == "i"
        if op is ast.Add:
            return bld.add(x, y)
        if op is ast.Sub:
            return bld.sub(x, y)
        if op is ast.Mult:
            return bld.mul(x, y)
        by_zero = bld.icmp_unsigned("==", y, ir.Constant(y.type, 0))
        if _quiet(lw):
            result = arith_by_nonzero(lw, op, x, bld.select(by_zero, ir.Constant(y.type, 1), y), signed)
            return bld.select(by_zero, ir.Constant(x.type, 0), result)
        lw.check(by_zero, "ZeroDivisionError",
                 "integer division by zero" if op is ast.FloorDiv else "integer modulo by zero")
        return arith_by_nonzero(lw, op, x, y, signed)
    # floats
    if op is ast.Add:
        return bld.fadd(x, y)
    if op is ast.Sub:
        return bld.fsub(x, y)
    if op is ast.Mult:
        return bld.fmul(x, y)
    by_zero = bld.fcmp_ordered("==", y, ir.Constant(y.type, 0))
    if _quiet(lw):
        result = _float_divmod(lw, x, y)[op is ast.Mod]
        return result if op is ast.Mod else bld.select(by_zero, bld.fdiv(x, y), result)
    lw.check(by_zero, "ZeroDivisionError",
             "float floor division by zero" if op is ast.FloorDiv else "float modulo by zero")
    return _float_divmod(lw, x, y)[op is ast.Mod]


def arith_by_nonzero(lw, op, x, y, signed):
    """x // y or x % y for integers, y known non-zero, rounding as Python does."""
    bld = lw.b
    if not signed:
        return bld.udiv(x, y) if op is ast.FloorDiv else bld.urem(x, y)
    # the smallest integer divided by -1 traps on x86; numba leaves it undefined and we
    # give the wrapped result (quotient MIN, remainder 0). A branch, not a select of the
    # divisor: the select sat on the divisor's dependency chain, which a loop of `%`
    # (gcd) is bound by; the branch is predicted and LLVM cannot speculate the division
    smallest = ir.Constant(x.type, -(1 << (x.type.width - 1)))
    trap = bld.and_(bld.icmp_signed("==", x, smallest), bld.icmp_signed("==", y, ir.Constant(y.type, -1)))
    with bld.if_else(trap, likely=False) as (wrapped, divided):
        with wrapped:
            from_wrapped = bld.block
        with divided:
            quotient, remainder = bld.sdiv(x, y), bld.srem(x, y)
            from_divided = bld.block
    q, r = bld.phi(x.type), bld.phi(x.type)
    q.add_incoming(smallest, from_wrapped)
    q.add_incoming(quotient, from_divided)
    r.add_incoming(ir.Constant(x.type, 0), from_wrapped)
    r.add_incoming(remainder, from_divided)
    # Python rounds toward negative infinity: fix up when the signs differ
    adjust = bld.and_(bld.icmp_signed("!=", r, ir.Constant(r.type, 0)),
                      bld.icmp_signed("<", bld.xor(r, y), ir.Constant(r.type, 0)))
    if op is ast.FloorDiv:
        return bld.sub(q, bld.zext(adjust, q.type))
    return bld.select(adjust, bld.add(r, y), r)


def _float_divmod(lw, x, y):
    """(x // y, x % y) as CPython's float_divmod (which numba follows step by step): the
    quotient comes from the unadjusted remainder, so 1.0 // -inf is -1.0, not nan, and a
    zero quotient or remainder takes the sign Python gives it."""
    bld = lw.b
    zero, one = ir.Constant(x.type, 0), ir.Constant(x.type, 1.0)
    copysign = lw.unit.intrinsic("llvm.copysign", x.type, 2)
    mod = bld.frem(x, y)
    div = bld.fdiv(bld.fsub(x, mod), y)
    mod_nonzero = bld.fcmp_unordered("!=", mod, zero)
    fix = bld.and_(mod_nonzero, bld.xor(bld.fcmp_ordered("<", y, zero), bld.fcmp_ordered("<", mod, zero)))
    mod = bld.select(fix, bld.fadd(mod, y), bld.select(mod_nonzero, mod, bld.call(copysign, [zero, y])))
    div = bld.select(fix, bld.fsub(div, one), div)
    floor = bld.call(lw.unit.intrinsic("llvm.floor", x.type), [div])
    snapped = bld.select(bld.fcmp_ordered(">", bld.fsub(div, floor), ir.Constant(x.type, 0.5)),
                         bld.fadd(floor, one), floor)
    signed_zero = bld.call(copysign, [zero, bld.fdiv(x, y)])
    return bld.select(bld.fcmp_unordered("!=", div, zero), snapped, signed_zero), mod


def complex_arith(lw, op, x, y):
    bld = lw.b
    xr, xi = bld.extract_value(x, 0), bld.extract_value(x, 1)
    yr, yi = bld.extract_value(y, 0), bld.extract_value(y, 1)
    if op is ast.Add:
        r, i = bld.fadd(xr, yr), bld.fadd(xi, yi)
    elif op is ast.Sub:
        r, i = bld.fsub(xr, yr), bld.fsub(xi, yi)
    elif op is ast.Mult:
        r = bld.fsub(bld.fmul(xr, yr), bld.fmul(xi, yi))
        i = bld.fadd(bld.fmul(xr, yi), bld.fmul(xi, yr))
    else:
        raise NotImplementedError(op)
    return make_complex(bld, x.type, r, i)


def make_complex(bld, lt, re, im):
    out = ir.Constant(lt, ir.Undefined)
    return bld.insert_value(bld.insert_value(out, re, 0), im, 1)


def complex_div(lw, x, y, ty):
    """Smith's algorithm, as CPython's complex division."""
    bld = lw.b
    a, b = bld.extract_value(x, 0), bld.extract_value(x, 1)
    c, d = bld.extract_value(y, 0), bld.extract_value(y, 1)
    part = a.type
    zero = ir.Constant(part, 0)
    fabs = lw.unit.intrinsic("llvm.fabs", part)
    if not _quiet(lw):
        lw.check(bld.and_(bld.fcmp_ordered("==", c, zero), bld.fcmp_ordered("==", d, zero)),
                 "ZeroDivisionError", "complex division by zero")
    abs_c, abs_d = bld.call(fabs, [c]), bld.call(fabs, [d])
    c_bigger = bld.fcmp_ordered(">=", abs_c, abs_d)
    # branch 1: |c| >= |d|
    ratio1 = bld.fdiv(d, c)
    denom1 = bld.fadd(c, bld.fmul(d, ratio1))
    r1 = bld.fdiv(bld.fadd(a, bld.fmul(b, ratio1)), denom1)
    i1_ = bld.fdiv(bld.fsub(b, bld.fmul(a, ratio1)), denom1)
    # branch 2
    ratio2 = bld.fdiv(c, d)
    denom2 = bld.fadd(bld.fmul(c, ratio2), d)
    r2 = bld.fdiv(bld.fadd(bld.fmul(a, ratio2), b), denom2)
    i2 = bld.fdiv(bld.fsub(bld.fmul(b, ratio2), a), denom2)
    return make_complex(bld, x.type, bld.select(c_bigger, r1, r2), bld.select(c_bigger, i1_, i2))


def unary_type(inf, node, op, ty):
    if isinstance(op, ast.Not):
        return T.boolean
    if not isinstance(ty, T.Scalar):
        raise inf.error(node, f"unary operator on {ty.name} is not supported")
    if isinstance(op, ast.Invert):
        if ty.is_bool:
            return T.boolean
        if not ty.is_int:
            raise inf.error(node, f"~ needs an integer, not {ty.name}")
        return T.arith_result(ty, ty)
    if ty.is_bool or ty.is_int:
        return T.arith_result(ty, ty)
    return ty


def lower_unary(lw, node):
    return unary(lw, node.op, lw.expr(node.operand), lw.type_of(node.operand), lw.type_of(node))


def unary(lw, op, v, oty, ty):
    """not/+/~/- of a value v of type oty, giving ty."""
    bld = lw.b
    if isinstance(op, ast.Not):
        return bld.not_(lw.to_bool(v, oty))
    if isinstance(op, ast.UAdd):
        return lw.cast(v, oty, ty)
    if isinstance(op, ast.Invert):
        if ty.is_bool:
            return bld.not_(v)
        return bld.not_(lw.cast(v, oty, ty))
    x = lw.cast(v, oty, ty)
    if ty.is_int:
        return bld.neg(x)
    if ty.is_float:
        return bld.fneg(x)
    return make_complex(bld, x.type, bld.fneg(bld.extract_value(x, 0)), bld.fneg(bld.extract_value(x, 1)))


_ICMP = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}


def compare(lw, op, a, a_ty, b, b_ty):
    bld = lw.b
    if isinstance(op, (ast.In, ast.NotIn)):
        from .containment import lower_contains
        return lower_contains(lw, op, a, a_ty, b, b_ty)
    if isinstance(a_ty, T.NoneType) or isinstance(b_ty, T.NoneType):
        other, other_ty = (b, b_ty) if isinstance(a_ty, T.NoneType) else (a, a_ty)
        if isinstance(other_ty, T.Optional):
            is_none = bld.not_(bld.extract_value(other, 0))
            return is_none if isinstance(op, (ast.Is, ast.Eq)) else bld.not_(is_none)
        same = isinstance(a_ty, T.NoneType) and isinstance(b_ty, T.NoneType)
        result = same if isinstance(op, (ast.Is, ast.Eq)) else not same
        return ir.Constant(i1, int(result))
    if isinstance(a_ty, T.Tuple):
        result = ir.Constant(i1, 1)
        for i, (x, y) in enumerate(zip(a_ty.items, b_ty.items)):
            eq = compare(lw, ast.Eq(), bld.extract_value(a, i), x, bld.extract_value(b, i), y)
            result = bld.and_(result, eq)
        if len(a_ty.items) != len(b_ty.items):
            result = ir.Constant(i1, 0)
        return result if isinstance(op, ast.Eq) else bld.not_(result)
    common = T.unify(a_ty, b_ty)
    if common.is_bool:
        common = T.int64
    x, y = lw.cast(a, a_ty, common), lw.cast(b, b_ty, common)
    sym = _ICMP[type(op)]
    if common.is_int:
        return bld.icmp_signed(sym, x, y) if common.kind == "i" else bld.icmp_unsigned(sym, x, y)
    if common.is_float:
        return bld.fcmp_unordered(sym, x, y) if sym == "!=" else bld.fcmp_ordered(sym, x, y)
    re = compare(lw, ast.Eq(), bld.extract_value(x, 0), T.Scalar("f", common.bits // 2),
                 bld.extract_value(y, 0), T.Scalar("f", common.bits // 2))
    im = compare(lw, ast.Eq(), bld.extract_value(x, 1), T.Scalar("f", common.bits // 2),
                 bld.extract_value(y, 1), T.Scalar("f", common.bits // 2))
    eq = bld.and_(re, im)
    return eq if sym == "==" else bld.not_(eq)


def lower_compare(lw, node):
    """Chained comparisons evaluate each operand once and stop at the first false."""
    bld = lw.b
    if any(T.is_object(lw.type_of(n)) for n in [node.left] + node.comparators):
        from .object_operators import lower_object_compare
        return lower_object_compare(lw, node)
    left, left_ty = lw.expr(node.left), lw.type_of(node.left)
    if len(node.ops) == 1:
        right = lw.expr(node.comparators[0])
        return compare(lw, node.ops[0], left, left_ty, right, lw.type_of(node.comparators[0]))
    end = lw.fn.append_basic_block("cmp.end")
    incoming = []
    for i, (op, comp) in enumerate(zip(node.ops, node.comparators)):
        right, right_ty = lw.expr(comp), lw.type_of(comp)
        result = compare(lw, op, left, left_ty, right, right_ty)
        incoming.append((result, bld.block))
        if i < len(node.ops) - 1:
            nxt = lw.fn.append_basic_block("cmp.next")
            bld.cbranch(result, nxt, end)
            bld.position_at_end(nxt)
        else:
            bld.branch(end)
        left, left_ty = right, right_ty
    bld.position_at_end(end)
    phi = bld.phi(i1)
    for value, block in incoming:
        phi.add_incoming(value, block)
    return phi


from .power import int_power, power  # noqa: E402,F401  (re-exported; power.py uses this module)
