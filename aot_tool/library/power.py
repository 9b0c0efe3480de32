"""`**` on scalars (and per element in array expressions), with numba's typing:
integer powers by squaring (negative exponents give 0 or +-1), small constant float
exponents multiplied out, complex z ** 2 exact, 0 ** negative a ZeroDivisionError
outside array expressions."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i1, i64, value_type
from ..frontend import types as T
from .operators import _quiet, complex_arith


def power(lw, a, a_ty, b, b_ty, ty, node):
    bld = lw.b
    if ty.is_int:
        base, exp = lw.cast(a, a_ty, ty), lw.cast(b, b_ty, ty)
        if ty.kind == "i" and not _quiet(lw):
            zero = ir.Constant(base.type, 0)
            lw.check(bld.and_(bld.icmp_signed("==", base, zero), bld.icmp_signed("<", exp, zero)),
                     "ZeroDivisionError", "0 cannot be raised to a negative power")
        return int_power(lw, base, exp, ty)
    if ty.is_complex:
        from .scalar_math import complex_pow
        z, w = lw.cast(a, a_ty, ty), lw.cast(b, b_ty, ty)
        # numba squares by multiplying, which keeps z ** 2 exact where exp(2 log z) is not
        two, zero = ir.Constant(z.type.elements[0], 2.0), ir.Constant(z.type.elements[0], 0.0)
        is_two = bld.and_(bld.fcmp_ordered("==", bld.extract_value(w, 0), two),
                          bld.fcmp_ordered("==", bld.extract_value(w, 1), zero))
        return bld.select(is_two, complex_arith(lw, ast.Mult, z, z), complex_pow(lw, z, w, ty))
    x = lw.cast(a, a_ty, ty)
    const = node.right.value if node is not None and isinstance(node.right, ast.Constant) else None
    if type(const) is int and 0 <= const <= 4 or (type(const) is float and const in (2.0, 3.0)):
        n = int(const)
        if n == 0:
            return ir.Constant(x.type, 1.0)
        result = x
        for _ in range(n - 1):
            result = bld.fmul(result, x)
        return result
    if b_ty.is_int and not (a_ty.is_float and b_ty.kind == "u"):
        powi = lw.unit.module.declare_intrinsic("llvm.powi", [x.type, ir.IntType(32)],
                                                 ir.FunctionType(x.type, [x.type, ir.IntType(32)]))
        e = lw.cast(b, b_ty, T.int64)
        fits = bld.icmp_signed("==", bld.sext(bld.trunc(e, ir.IntType(32)), i64), e)
        pow_ = lw.unit.intrinsic("llvm.pow", x.type, 2)
        zero = ir.Constant(x.type, 0)
        if not _quiet(lw):
            lw.check(bld.and_(bld.fcmp_ordered("==", x, zero), bld.icmp_signed("<", e, ir.Constant(i64, 0))),
                     "ZeroDivisionError", "0.0 cannot be raised to a negative power")
        return bld.select(fits, bld.call(powi, [x, bld.trunc(e, ir.IntType(32))]),
                          _pow_float64(lw, x, ty, lw.cast(e, T.int64, T.float64)))
    if b_ty.is_int and ty == T.float32:
        return _pow_float64(lw, x, ty, lw.cast(b, b_ty, T.float64))
    y = lw.cast(b, b_ty, ty)
    zero = ir.Constant(x.type, 0)
    if not _quiet(lw):
        # CPython: 0.0 ** -inf is inf, only a finite negative exponent raises
        finite_negative = bld.and_(bld.fcmp_ordered("<", y, zero),
                                   bld.fcmp_ordered(">", y, ir.Constant(x.type, float("-inf"))))
        lw.check(bld.and_(bld.fcmp_ordered("==", x, zero), finite_negative),
                 "ZeroDivisionError", "0.0 cannot be raised to a negative power")
    pow_ = lw.unit.intrinsic("llvm.pow", x.type, 2)
    return bld.call(pow_, [x, y])


def _pow_float64(lw, x, ty, e):
    """x ** e for a large integer exponent e (given as float64), computed in float64 as
    numba does: float32 would round an odd exponent such as 2**32 - 1 to an even one."""
    f8 = value_type(T.float64)
    return lw.cast(lw.b.call(lw.unit.intrinsic("llvm.pow", f8, 2), [lw.cast(x, ty, T.float64), e]), T.float64, ty)


def int_power(lw, base, exp, ty):
    """Integer power by squaring; negative exponents give numba's results (0, or +-1 for base +-1)."""
    bld = lw.b
    lt = base.type
    fn_name = f"aot.ipow.{ty.short}"
    module = lw.unit.module
    if fn_name in module.globals:
        fn = module.globals[fn_name]
    else:
        fn = ir.Function(module, ir.FunctionType(lt, [lt, lt]), name=fn_name)
        fn.linkage = "internal"
        fn.attributes.add("nounwind")
        b = ir.IRBuilder(fn.append_basic_block("entry"))
        x, n = fn.args
        # an unsigned exponent is never negative: no "neg" block (an empty block is invalid IR)
        neg = fn.append_basic_block("neg") if ty.kind == "i" else None
        loop = fn.append_basic_block("loop")
        done = fn.append_basic_block("done")
        zero, one = ir.Constant(lt, 0), ir.Constant(lt, 1)
        entry = b.block
        if ty.kind == "i":
            b.cbranch(b.icmp_signed("<", n, zero), neg, loop)
            b.position_at_end(neg)
            is_one = b.icmp_signed("==", x, one)
            is_minus_one = b.icmp_signed("==", x, ir.Constant(lt, -1))
            odd = b.trunc(n, i1)
            minus = b.select(odd, ir.Constant(lt, -1), one)
            b.ret(b.select(is_one, one, b.select(is_minus_one, minus, zero)))
        else:
            b.branch(loop)
        b.position_at_end(loop)
        acc = b.phi(lt)
        base_ = b.phi(lt)
        e = b.phi(lt)
        acc.add_incoming(one, entry)
        base_.add_incoming(x, entry)
        e.add_incoming(n, entry)
        body = fn.append_basic_block("body")
        b.cbranch(b.icmp_unsigned("==", e, zero), done, body)
        b.position_at_end(body)
        bit = b.trunc(e, i1)
        acc2 = b.select(bit, b.mul(acc, base_), acc)
        base2 = b.mul(base_, base_)
        e2 = b.lshr(e, one)
        acc.add_incoming(acc2, body)
        base_.add_incoming(base2, body)
        e.add_incoming(e2, body)
        b.branch(loop)
        b.position_at_end(done)
        b.ret(acc)
    return bld.call(fn, [base, exp])
