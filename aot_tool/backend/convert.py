"""Value conversions between language types (numba's implicit casts) and truth values."""

from __future__ import annotations

from llvmlite import ir

from ..frontend import types as T
from .llvm_types import i1, value_type


def to_bool(b: ir.IRBuilder, value, ty):
    if isinstance(ty, T.NoneType):
        return ir.Constant(i1, 0)
    if ty.is_bool:
        return value
    if ty.is_int:
        return b.icmp_unsigned("!=", value, ir.Constant(value.type, 0))
    if ty.is_float:
        return b.fcmp_unordered("!=", value, ir.Constant(value.type, 0))
    re, im = b.extract_value(value, 0), b.extract_value(value, 1)
    zero = ir.Constant(re.type, 0)
    return b.or_(b.fcmp_unordered("!=", re, zero), b.fcmp_unordered("!=", im, zero))


def cast(b: ir.IRBuilder, value, src, dst):
    """Convert `value` of type src to dst; arrays differ only in layout, which is no-op."""
    if src == dst or isinstance(dst, T.Array):
        return value
    if isinstance(dst, T.Optional):
        return _to_optional(b, value, src, dst)
    if isinstance(src, T.Tuple) and isinstance(dst, T.Tuple):
        out = ir.Constant(value_type(dst), ir.Undefined)
        for i, (s, d) in enumerate(zip(src.items, dst.items)):
            out = b.insert_value(out, cast(b, b.extract_value(value, i), s, d), i)
        return out
    if not (isinstance(src, T.Scalar) and isinstance(dst, T.Scalar)):
        return value
    lt = value_type(dst)
    if dst.is_bool:
        return to_bool(b, value, src)
    if src.is_complex:
        if dst.is_complex:
            part = lt.elements[0]
            re, im = b.extract_value(value, 0), b.extract_value(value, 1)
            conv = b.fpext if dst.bits > src.bits else b.fptrunc
            out = ir.Constant(lt, ir.Undefined)
            return b.insert_value(b.insert_value(out, conv(re, part), 0), conv(im, part), 1)
        value, src = b.extract_value(value, 0), T.Scalar("f", src.bits // 2)
        if src == dst:
            return value
    if dst.is_complex:
        part_t = T.Scalar("f", dst.bits // 2)
        re = cast(b, value, src, part_t)
        out = ir.Constant(lt, ir.Undefined)
        return b.insert_value(b.insert_value(out, re, 0), ir.Constant(value_type(part_t), 0.0), 1)
    if src.is_bool:
        return b.uitofp(value, lt) if dst.is_float else b.zext(value, lt)
    if src.is_int and dst.is_int:
        if dst.bits > src.bits:
            return b.sext(value, lt) if src.kind == "i" else b.zext(value, lt)
        if dst.bits < src.bits:
            return b.trunc(value, lt)
        return value
    if src.is_int and dst.is_float:
        return b.sitofp(value, lt) if src.kind == "i" else b.uitofp(value, lt)
    if src.is_float and dst.is_int:
        return b.fptosi(value, lt) if dst.kind == "i" else b.fptoui(value, lt)
    if src.is_float and dst.is_float:
        return b.fpext(value, lt) if dst.bits > src.bits else b.fptrunc(value, lt)
    return value


def _to_optional(b: ir.IRBuilder, value, src, dst):
    """none, a value, or another optional as an optional {present, value}."""
    out = ir.Constant(value_type(dst), None)
    if isinstance(src, T.NoneType):
        return out
    if isinstance(src, T.Optional):
        inner = cast(b, b.extract_value(value, 1), src.inner, dst.inner)
        return b.insert_value(b.insert_value(out, b.extract_value(value, 0), 0), inner, 1)
    return b.insert_value(b.insert_value(out, ir.Constant(i1, 1), 0), cast(b, value, src, dst.inner), 1)


def check_fits_int64(lw, v) -> None:
    """OverflowError unless the float v (already rounded or to be truncated) converts to
    an int64: -2**63 <= v < 2**63, the range where fptosi is defined (NaN fails too).
    One compare on the hot path, |v| < 2**63; -2**63 itself is let through in a cold block."""
    bld = lw.b
    limit = ir.Constant(v.type, 9.223372036854775808e18)
    fabs = lw.unit.intrinsic("llvm.fabs", v.type)
    with bld.if_then(bld.fcmp_unordered(">=", bld.call(fabs, [v]), limit), likely=False):
        lw.check(bld.fcmp_unordered("!=", v, ir.Constant(v.type, -9.223372036854775808e18)), "OverflowError",
                 "cannot convert float infinity, NaN or a value beyond int64 to integer")
